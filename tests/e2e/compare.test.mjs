// Comparing levels, end to end in headless Chromium against the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, watchedPage } from './browser.mjs';
import { expectNoViolations, useApp } from './app.mjs';

const app = useApp();
const open = (path) => app.open(path);

const columnTitles = (page) => page.locator('table.compare thead th > a').allTextContents();

describe('compare', () => {
  test('a class page offers one step to compare with the next level', async () => {
    const { page, problems } = await open('/class/102C');
    await page.getByRole('link', { name: 'Compare with the next level, Customer Service Specialist 4' }).click();
    await page.waitForURL(`${app.origin}/compare?classes=102C,102D`);
    await page.locator('table.compare').waitFor();
    assert.deepEqual(await columnTitles(page), ['Customer Service Specialist 3', 'Customer Service Specialist 4']);
    assert.match(
      await page.locator('.compare__steps li').first().textContent(),
      /from leading others to supervising them; works under administrative direction; its desirable qualifications ask for one year as a Customer Service Specialist 3 or one of its 2 other routes/,
    );
    const rows = await page.locator('table.compare tbody th[scope="row"]').allTextContents();
    for (const factor of ['Level', 'Supervision received', 'Scope (in our words)', 'Leads or supervises others', 'Desirable qualifications']) {
      assert.ok(rows.includes(factor), `${factor} is a row of its own`);
    }
    assert.deepEqual(problems, []);
  });

  test('levels are chosen by keyboard alone', async () => {
    const { page, problems } = await open('/compare');
    // One group per series, named by it (mutation tried: one flat list; this failed).
    const specialists = page.getByRole('group', { name: 'Customer Service Specialist series' });
    assert.equal(await specialists.getByRole('checkbox').count(), 6);
    assert.equal(await page.getByRole('group', { name: 'Customer Service Manager series' })
      .getByRole('checkbox', { name: /Customer Service Manager\s*, estimated \(103D\), June 2024\s*, estimated version/ }).count(), 1);
    await page.getByRole('checkbox', { name: /Customer Service Specialist 1 \(102A\), July 2025\s*, estimated version/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.parentElement.textContent), /Specialist 2 \(102B\*, estimated\)/);
    await page.keyboard.press('Space');
    assert.match(await page.locator('.picker__status').textContent(), /2 chosen/);
    for (let i = 0; i < 20; i += 1) {
      if (await page.evaluate(() => document.activeElement?.tagName === 'BUTTON')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.origin}/compare?classes=102A,102B`);
    await page.locator('table.compare').waitFor();
    assert.deepEqual(await columnTitles(page), ['Customer Service Specialist 1', 'Customer Service Specialist 2']);
    assert.deepEqual(problems, []);
  });

  test('the shared address shows the same comparison in a fresh page', async () => {
    const first = await open('/compare?classes=102D@2019,102D');
    const steps = await first.page.locator('.compare__steps').textContent();
    const table = await first.page.locator('table.compare').innerHTML();
    const fresh = await launch();
    try {
      const { page, problems } = await watchedPage(fresh, app.origin);
      await page.goto(`${app.origin}/compare?classes=102D@2019,102D`);
      await page.locator('table.compare').waitFor();
      assert.equal(await page.locator('.compare__steps').textContent(), steps);
      assert.equal(await page.locator('table.compare').innerHTML(), table);
      assert.match(await page.locator('table.compare').textContent(), /No longer listed:Tracks how client\/customer issues are resolved/);
      assert.deepEqual(problems, []);
    } finally {
      await fresh.close();
    }
  });

  test('two versions of one class: what changed in the July 2025 revision', async () => {
    const { page } = await open('/class/102D');
    await page.getByRole('link', { name: /Compare the July 2019\s*, estimated version with the July 2025 version/ }).click();
    await page.waitForURL(`${app.origin}/compare?classes=102D@2019,102D`);
    await page.locator('table.compare').waitFor();
    const typicalWork = page.locator('table.compare tr', { has: page.locator('th[scope=row]', { hasText: /^Typical Work$/ }) });
    assert.equal(await typicalWork.locator('.duty--added').count(), 3);
    assert.match(await page.locator('.compare__steps').textContent(), /July 2019\*, estimated version → July 2025 version/);
  });

  test('an address naming unknown or too many classes gets a clear message', async () => {
    let { page, problems } = await open('/compare?classes=102A,999Z,102D@1999');
    let alert = await page.getByRole('alert').textContent();
    assert.match(alert, /no class with the code 999Z/);
    assert.match(alert, /Class 102D has no version 1999; the data holds 2025, 2019/);
    assert.equal(await page.locator('table.compare').count(), 0);
    assert.equal(await page.locator('details.picker').getAttribute('open'), '');
    assert.deepEqual(problems, []);
    ({ page } = await open('/compare?classes=102A,102B,102C,102D,103D'));
    alert = await page.getByRole('alert').textContent();
    assert.match(alert, /at most 4 classes side by side; this address names too many\. Choose 4 at most below/);
  });

  test('choosing more than four is refused with a message, and the address stays', async () => {
    const { page } = await open('/compare?classes=102A,102B,102C,102D');
    await page.locator('details.picker > summary').click();
    await page.getByRole('checkbox', { name: /Customer Service Manager\s*, estimated \(103D\), June 2024\s*, estimated version/ }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    assert.match(await page.locator('.picker__status').textContent(), /Choose from 2 to 4; 5 chosen now/);
    assert.equal(page.url(), `${app.origin}/compare?classes=102A,102B,102C,102D`);
  });

  test('prints on Letter and A4 as a handout with sources and dates', async () => {
    const { page } = await open('/compare?classes=102C,102D');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('details.picker').isVisible(), false);
    assert.equal(await page.locator('.site-header').isVisible(), false);
    const sources = await page.locator('.compare__sources').textContent();
    assert.match(sources, /Customer Service Specialist 4 \(102D\), July 2025 version, effective July 1, 2025/);
    assert.match(sources, /Specifications\/1664/);
    mkdirSync('test-results', { recursive: true });
    // At most 4 pages on either paper (issue 23: it was 12 on Letter). tests/e2e/print.test.mjs
    // checks the handouts from a phone too, and what each says of where it came from.
    for (const format of ['Letter', 'A4']) {
      const pdf = await page.pdf({ path: `test-results/compare-102C-102D-${format}.pdf`, format });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 4, `${pages} ${format} pages`);
    }
  });

  test('four columns read on a 320 px phone without sideways scrolling', async () => {
    const { page } = await open('/compare?classes=102A,102B,102C,102D');
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: 'test-results/compare-phone.png', fullPage: false });
  });

  test('has no accessibility violations', async () => {
    for (const path of ['/compare?classes=102C,102D', '/compare?classes=102D@2019,102D', '/compare', '/compare?classes=999Z']) {
      const { page } = await open(path);
      await expectNoViolations(page, `${path} `);
    }
  });
});
