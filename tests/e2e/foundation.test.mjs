// User journeys of the foundation, end to end in headless Chromium against the release build
// (dist/, built by `trunk build --release`), served with single-page fallback.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { expectNoViolations, useApp } from './app.mjs';

const app = useApp();
const open = (path) => app.open(path);

describe('home', () => {
  test('lists every level of the series in order, each with its level and supervision', async () => {
    const { page, problems } = await open('/');
    assert.equal(await page.locator('h1').textContent(), 'Customer Service Specialist series');
    const rungs = page.locator('.ladder .rung');
    assert.equal(await rungs.count(), 4);
    assert.deepEqual(await page.locator('.ladder .rung__title').allTextContents(), [
      'Customer Service Specialist 1',
      'Customer Service Specialist 2',
      'Customer Service Specialist 3',
      'Customer Service Specialist 4',
    ]);
    const levels = await page.locator('.ladder .rung__facts div:first-child dd .fact').allTextContents();
    assert.deepEqual(levels, ['Entry level', 'Journey level', 'Senior, specialist or lead level', 'Supervisory level']);
    const css4 = rungs.nth(3);
    assert.match(await css4.textContent(), /Administrative direction/);
    assert.match(await rungs.nth(1).textContent(), /Not in our copy/, 'CSS 2 supervision is a gap');
    assert.match(await page.locator('.beside').textContent(), /Customer Service Manager/);
    assert.match(await page.locator('footer').textContent(), /Data as of July 1, 2025/);
    assert.equal(await page.title(), 'Class Spec Explorer');
    assert.deepEqual(problems, []);
  });

  test('opens a class from its card, in the app, without reloading', async () => {
    const { page, problems } = await open('/');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.getByRole('link', { name: 'Customer Service Specialist 3', exact: true }).click();
    await page.waitForURL(`${app.origin}/class/102C`);
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 3');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'client-side navigation');
    assert.equal(await page.title(), 'Customer Service Specialist 3 · Class Spec Explorer');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Customer Service Specialist 3'); // focus moves to the new heading
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('main') !== null), true, 'the next Tab stays in the new view');
    assert.deepEqual(problems, []);
  });

  test('each level leads to what changes at the next one', async () => {
    const { page, problems } = await open('/');
    const steps = page.locator('.rung__next a');
    assert.equal(await steps.count(), 3, 'one step between each pair of the four levels');
    await steps.nth(2).click();
    await page.waitForURL(`${app.origin}/compare?classes=102C,102D`);
    assert.match(await page.locator('.compare__steps li').textContent(), /from leading others to supervising them/);
    assert.deepEqual(problems, []);
  });

  test('has no accessibility violations', async () => {
    const { page } = await open('/');
    await expectNoViolations(page);
  });
});

describe('class', () => {
  test('opens from its own address with every section and its provenance', async () => {
    const { page, problems } = await open('/class/102D');
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4');
    const headings = await page.locator('.spec-section h2').allTextContents();
    assert.deepEqual(headings, [
      'Class Series Concept',
      'Definition',
      'Distinguishing Characteristics',
      'Typical Work',
      'Legal Requirement(s)',
      'Desirable Qualifications',
      'Class Specification History',
    ]);
    const badges = await page.locator('.spec-section .badge').allTextContents();
    assert.deepEqual(new Set(badges), new Set(['Official text']));
    assert.match(await page.locator('#definition').textContent(), /This is the supervisory level of the series\./);
    assert.equal(await page.locator('#typical-work .duties li').count(), 9);
    assert.match(await page.locator('.routes').textContent(), /One year as a Customer Service Specialist 3 \(102C\*, estimated\)/);
    assert.match(await page.locator('.routes').textContent(), /guidance for hiring managers, not an entitlement/);
    assert.match(await page.locator('.facts').textContent(), /July 1, 2025/);
    const official = page.getByRole('link', { name: 'Official page' });
    assert.equal(
      await official.getAttribute('href'),
      'https://ofm.wa.gov/state-human-resources/compensation-job-classes/ClassifiedJobListing/Specifications/1663',
    );
    assert.deepEqual(problems, []);
  });

  test('shows gaps as gaps, in one block with the official address, and estimated facts marked, with why in the key', async () => {
    const { page, problems } = await open('/class/102B');
    const gaps = page.locator('#not-in-our-copy');
    assert.equal(await gaps.locator('h2').textContent(), 'Not in our copy');
    assert.match(await gaps.locator('#desirable-qualifications').textContent(), /^Desirable Qualifications/);
    assert.match(await gaps.getByRole('link', { name: 'the official page' }).getAttribute('href'), /Specifications\/1665$/);
    assert.match(await page.locator('#definition .badge').textContent(), /Summary in our words/);
    const code = page.locator('.class-page__meta [data-inferred]');
    assert.equal(await code.first().locator('.mark').textContent(), '*');
    const why = page.locator('#key .key__why');
    await why.locator('summary').click();
    assert.match(await why.textContent(), /A\/B\/C\/D sequence/);
    assert.deepEqual(problems, []);
  });

  test('switches between versions, newest first, and marks an older one', async () => {
    const { page, problems } = await open('/class/102D');
    const items = page.locator('.versions__item');
    assert.match(await items.nth(0).textContent(), /^July 2025 version · official text/);
    assert.equal(await items.nth(0).getAttribute('aria-current'), 'true');
    await page.getByRole('link', { name: /^July 2019\s*, estimated version · in our words/ }).click();
    await page.waitForURL(`${app.origin}/class/102D/2019`);
    assert.match(await page.locator('.notice').textContent(), /older version/);
    assert.match(await page.locator('#typical-work .badge').textContent(), /Summary in our words/);
    await page.goBack();
    await page.waitForURL(`${app.origin}/class/102D`);
    assert.equal(await page.locator('.notice').count(), 0);
    assert.deepEqual(problems, []);
  });

  test('opens at a section from an address with its anchor', async () => {
    const { page } = await open('/class/102A/2024#typical-work');
    await page.waitForFunction(() => {
      const box = document.getElementById('typical-work')?.getBoundingClientRect();
      return box && Math.abs(box.top) < 40;
    });
  });

  test('has no accessibility violations', async () => {
    for (const path of ['/class/102D', '/class/102B', '/class/102D/2019']) {
      const { page } = await open(path);
      await expectNoViolations(page);
    }
  });
});

describe('not found', () => {
  test('an unknown address leads back home', async () => {
    const { page, problems } = await open('/no/such/page');
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    await page.getByRole('link', { name: 'Back to the series' }).click();
    await page.waitForURL(`${app.origin}/`);
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist series');
    assert.deepEqual(problems, []);
  });

  test('an unknown class code is named and every class is offered', async () => {
    const { page, problems } = await open('/class/102Z');
    assert.equal(await page.locator('main h1').textContent(), 'No class with the code 102Z');
    assert.equal(await page.locator('.not-found__classes li').count(), 5);
    assert.match(await page.title(), /No class with the code 102Z/);
    assert.deepEqual(problems, []);
  });

  test('an unknown version of a known class lists the versions there are', async () => {
    const { page, problems } = await open('/class/102D/1999');
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4 has no version 1999');
    assert.match(await page.locator('main').textContent(), /July 2025 version, July 2019\* version/);
    assert.deepEqual(problems, []);
  });

  test('has no accessibility violations', async () => {
    const { page } = await open('/class/102Z');
    await expectNoViolations(page);
  });
});

describe('keyboard', () => {
  test('the skip link is the first stop and moves focus into the content', async () => {
    const { page, problems } = await open('/class/102D');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    assert.ok(await page.locator('.skip-link').isVisible(), 'visible when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('main') !== null), true, 'the next Tab is in the content');
    assert.deepEqual(problems, []);
  });

  test('a section in the table of contents takes focus, and Tab goes on from it', async () => {
    const { page } = await open('/class/102D');
    await page.locator('.toc a[href="#typical-work"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'typical-work');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('section')?.id), 'typical-work');
  });
});

describe('dark theme', () => {
  test('every view has no accessibility violations with prefers-color-scheme: dark', async () => {
    for (const path of ['/', '/class/102B', '/class/102D/2019', '/compare?classes=102D@2019,102D', '/no/such/page']) {
      const { page } = await open('/');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(app.origin + path);
      await page.locator('main h1').waitFor();
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
      await expectNoViolations(page);
    }
  });
});

describe('screens', () => {
  test('screenshots at phone and desktop widths, with no sideways scrolling', async () => {
    mkdirSync('test-results', { recursive: true });
    for (const [name, width, height] of [['phone', 320, 900], ['phone-375', 375, 812], ['desktop', 1280, 900]]) {
      for (const [view, path] of [['home', '/'], ['class', '/class/102D'], ['gaps', '/class/102B']]) {
        const { page } = await open(path);
        await page.setViewportSize({ width, height });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${view} at ${width}px scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: `test-results/${view}-${name}.png`, fullPage: true });
      }
    }
  });
});
