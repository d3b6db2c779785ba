// The career path and the planner, end to end in headless Chromium against the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, watchedPage } from './browser.mjs';
import { expectNoViolations, useApp } from './app.mjs';

const app = useApp();
const open = (path) => app.open(path);

const SERIES = [
  'Customer Service Specialist 1',
  'Customer Service Specialist 2',
  'Customer Service Specialist 3',
  'Customer Service Specialist 4',
  // The manager class's title is inferred (its pages print none): marked wherever it is shown.
  'Customer Service Manager*, estimated',
];
/** In the drawing an estimated value carries the same "*", which its legend explains. */
const SERIES_DRAWN = SERIES.map((name) => name.replace('*, estimated', '*'));

/** The class names the drawing shows, in its order (each box's first line). */
const drawn = (page) => page.locator('svg.path-svg--wide a.node--class .node__title').allTextContents();

describe('career path', () => {
  test('the drawing names every class in order, and the list beside it says the same', async () => {
    const { page, problems } = await open('/path');
    assert.deepEqual(await drawn(page), SERIES_DRAWN);
    assert.deepEqual(await page.locator('.path-steps > li .path-step__title a').allTextContents(), SERIES);
    const svg = page.locator('svg.path-svg--wide');
    assert.equal(await svg.getAttribute('role'), 'group');
    assert.match(await page.locator('svg.path-svg--wide title').textContent(), /Career path of the Customer Service Specialist series/);
    assert.ok((await page.locator('svg.path-svg--wide desc').textContent()).length > 40, 'a description');
    const labels = await page.locator('svg.path-svg--wide .edge-label').allTextContents();
    assert.ok(labels.includes('One year as CSS 3'), labels.join(' | '));
    assert.ok(labels.includes('Not in our copy'), 'an unknown step says so');
    assert.equal(await page.title(), 'Career path · Class Spec Explorer');
    assert.deepEqual(problems, []);
  });

  test('the keyboard reaches every class in the drawing, shows its summary, and opens it', async () => {
    for (const [index, name] of SERIES.entries()) {
      const { page, problems } = await open('/path');
      const nodes = page.locator('svg.path-svg--wide a.node--class');
      // Tab from the drawing's first box (the way in from outside) to the class wanted.
      await page.locator('svg.path-svg--wide a.node--outside').focus();
      for (let i = 0; i <= index; i += 1) await page.keyboard.press('Tab');
      assert.equal(
        await nodes.nth(index).evaluate((n) => n === document.activeElement),
        true,
        `${name} has focus after ${index + 1} Tab presses`,
      );
      const card = page.locator('.path-card:not([hidden])');
      assert.equal(await card.locator('h2').textContent(), name, 'focus shows the summary');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/class\/10\d[A-D]$/);
      assert.equal(await page.locator('main h1').textContent(), name);
      assert.deepEqual(problems, []);
    }
  });

  test('pointing at a class shows its summary; a click opens it in the app', async () => {
    const { page, problems } = await open('/path');
    await page.locator('svg.path-svg--wide a.node--class').nth(3).hover();
    assert.equal(await page.locator('.path-card:not([hidden]) h2').textContent(), 'Customer Service Specialist 4');
    await page.evaluate(() => {
      window.stillTheSamePage = true;
    });
    await page.locator('svg.path-svg--wide a.node--class').nth(3).click();
    await page.waitForURL(`${app.origin}/class/102D`);
    await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
    assert.equal(
      await page.evaluate(() => window.stillTheSamePage),
      true,
      'the app moves to the class without loading the page again',
    );
    assert.deepEqual(problems, []);
  });

  test('the downloaded drawing opens on its own', async () => {
    const { page, problems } = await open('/path');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the drawing (SVG)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'career-path.svg');
    const file = join(mkdtempSync(join(tmpdir(), 'cse-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^<\?xml version="1\.0"/);
    const viewer = await app.context.newPage();
    const failed = [];
    viewer.on('requestfailed', (r) => failed.push(r.url()));
    await viewer.goto(`file://${file}`);
    // Opened as an image document: Chromium parsed it as XML (a parse error would show instead).
    assert.equal(await viewer.evaluate(() => document.documentElement.localName), 'svg');
    const names = await viewer.evaluate(() =>
      [...document.querySelectorAll('.node--class .node__title')].map((t) => t.textContent),
    );
    assert.deepEqual(names, SERIES_DRAWN);
    const box = await viewer.evaluate(() => document.documentElement.getBBox().width);
    assert.ok(box > 300, `drawn (${box} wide)`);
    assert.deepEqual(failed, [], 'needs nothing from elsewhere');
    await viewer.close();
    assert.deepEqual(problems, []);
  });

  test("a plan's drawing downloads with where the person is, what is within reach, its address and disclaimer", async () => {
    // Issue 23, item 4. Failed while the plan's file was the bare career path (no marks, no address).
    const address = '/planner?class=102C&years=5&in-class=2&education=high-school';
    const { page, problems } = await open(address);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your plan as a picture (SVG)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'my-plan.svg');
    const file = join(mkdtempSync(join(tmpdir(), 'cse-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const viewer = await app.context.newPage();
    await viewer.goto(`file://${file}`);
    assert.equal(await viewer.evaluate(() => document.documentElement.localName), 'svg', 'parsed as XML');
    const said = await viewer.evaluate(() => ({
      current: [...document.querySelectorAll('.node--current tspan')].map((t) => t.textContent),
      meets: [...document.querySelectorAll('.node--meets .node__title')].map((t) => t.textContent),
      footer: [...document.querySelectorAll('.path-footer')].map((t) => t.textContent),
    }));
    assert.equal(said.current[0], 'Customer Service Specialist 3');
    assert.ok(said.current.includes('You are here'), said.current.join(' | '));
    assert.deepEqual(said.meets, ['Customer Service Specialist 4']);
    assert.ok(said.footer.includes(app.origin + address), `the plan's address: ${said.footer}`);
    assert.match(said.footer.join(' '), /Not an official State of Washington site/);
    assert.match(said.footer.join(' '), /data as of July 1, 2025/);
    // Looked at as a person would open it, on a phone and at a desk (not `fullPage`: Chromium
    // never finishes a full-page screenshot of an SVG document).
    mkdirSync('test-results', { recursive: true });
    for (const [width, height] of [[390, 844], [1440, 900]]) {
      await viewer.setViewportSize({ width, height });
      await viewer.screenshot({ path: `test-results/plan-svg-${width}.png` });
    }
    await viewer.close();
    assert.deepEqual(problems, []);
  });

  test('axe-core finds no violation, light or dark, wide or narrow', async () => {
    const { page } = await open('/path');
    await expectNoViolations(page, 'light: ');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoViolations(page, 'dark: ');
    await page.setViewportSize({ width: 320, height: 700 });
    await expectNoViolations(page, '320 px: ');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page reflows at 320 px (only the drawing scrolls): ${overflow}`);
  });
});

/** The verdict badge of each class in the plan, by code. */
async function verdicts(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.plan__item')].map((item) => [
        item.dataset.class,
        item.querySelector('.verdict').textContent,
      ]),
    ),
  );
}

describe('planner', () => {
  test('a person fills the form by keyboard and gets a verdict for every class', async () => {
    const { page, problems } = await open('/planner');
    await page.getByLabel('Your current class', { exact: true }).selectOption('102C');
    await page.getByLabel('Years of relevant experience, in all').fill('5');
    await page.getByLabel('Years in your current class').fill('0.5');
    await page.getByLabel('Your highest education').selectOption('high-school');
    await page.getByLabel('Your highest education').press('Enter').catch(() => {});
    await page.getByRole('button', { name: 'Check my plan' }).press('Enter');
    await page.waitForURL(`${app.origin}/planner?class=102C&years=5&in-class=0.5&education=high-school`);
    await page.locator('#plan-heading').waitFor();
    assert.deepEqual(await verdicts(page), {
      '102A': 'Cannot tell',
      '102B': 'Cannot tell',
      '102D': 'Meets',
      '103D': 'Not yet',
    });
    const css4 = await page.locator('.plan__item[data-class="102D"]').textContent();
    assert.match(css4, /One year as a Customer Service Specialist 3 \(102C\*, estimated\): still needed: 6 months more as a Customer Service Specialist 3/);
    assert.match(css4, /A high school diploma or GED and four years of experience: you meet this/);
    assert.match(
      await page.locator('.plan__item[data-class="103D"]').textContent(),
      /still needed: a bachelor's degree/,
    );
    await page.waitForFunction(() => document.activeElement?.id === 'plan-heading');
    assert.match(await page.locator('.planner-caution').textContent(), /Guidance, not a hiring decision/);
    // The path shows where the person stands.
    assert.equal(await page.locator('svg.path-svg--wide a.node--current .node__title').textContent(), 'Customer Service Specialist 3');
    assert.deepEqual(
      await page.locator('svg.path-svg--wide a.node--meets .node__title').allTextContents(),
      ['Customer Service Specialist 4'],
    );
    assert.equal(await page.title(), 'Your plan · Class Spec Explorer');
    assert.deepEqual(problems, []);
  });

  test('a shared planner address restores the plan in a fresh browser', async () => {
    const address = '/planner?class=102C&years=5&in-class=2&education=associate';
    const first = await open(address);
    const expected = await verdicts(first.page);
    const fresh = await launch();
    try {
      const { page, problems } = await watchedPage(fresh, app.origin);
      await page.goto(app.origin + address);
      await page.locator('#plan-heading').waitFor();
      assert.deepEqual(await verdicts(page), expected);
      assert.equal(await page.getByLabel('Your current class', { exact: true }).inputValue(), '102C');
      assert.equal(await page.getByLabel('Years of relevant experience, in all').inputValue(), '5');
      assert.equal(await page.getByLabel('Years in your current class').inputValue(), '2');
      assert.equal(await page.getByLabel('Your highest education').inputValue(), 'associate');
      assert.equal(expected['102D'], 'Meets');
      assert.deepEqual(problems, []);
    } finally {
      await fresh.close();
    }
  });

  test('impossible inputs are refused beside their fields and never evaluated', async () => {
    const { page, problems } = await open('/planner');
    await page.getByLabel('Years of relevant experience, in all').fill('-2');
    await page.getByLabel('Years in your current class').fill('lots');
    await page.getByRole('button', { name: 'Check my plan' }).click();
    await page.locator('#planner-errors').waitFor();
    assert.equal(await page.locator('#plan-heading').count(), 0, 'no verdict for bad input');
    const years = page.getByLabel('Years of relevant experience, in all');
    assert.equal(await years.getAttribute('aria-invalid'), 'true');
    assert.equal(await years.inputValue(), '-2', 'what was typed is kept');
    assert.match(await page.locator('#f-years-error').textContent(), /cannot be negative/);
    assert.match(await years.getAttribute('aria-describedby'), /f-years-error/);
    assert.match(await page.locator('#f-in-class-error').textContent(), /must be a number of years/);
    await page.waitForFunction(() => document.activeElement?.id === 'planner-errors');
    // More years in the class than in all, and an absurd number.
    for (const [query, field, message] of [
      ['years=2&in-class=3&class=102C', '#f-in-class-error', /cannot be more than your experience in all/],
      ['years=450', '#f-years-error', /at most 60 years/],
      ['years=3&in-class=1', '#f-in-class-error', /Choose your current class/],
    ]) {
      await page.goto(`${app.origin}/planner?${query}`);
      await page.locator(field).waitFor();
      assert.match(await page.locator(field).textContent(), message);
      assert.equal(await page.locator('#plan-heading').count(), 0);
    }
    assert.deepEqual(problems, []);
  });

  test('axe-core finds no violation on the form, its errors and a plan', async () => {
    for (const address of ['/planner', '/planner?years=-1', '/planner?class=102C&years=5&in-class=2&education=associate']) {
      const { page } = await open(address);
      await expectNoViolations(page, `${address} light: `);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoViolations(page, `${address} dark: `);
    }
  });
});
