// An HR consultant at a desk (1440×900): comparisons she reads, prints and embeds for an agency,
// with what misled or slowed her down checked at that size. Screenshots go to
// test-results/persona-desk-*.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { useApp } from './app.mjs';

const app = useApp({ viewport: { width: 1440, height: 900 } });
const shot = async (page, name, fullPage = false) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/persona-desk-${name}.png`, fullPage });
};

/** A section row of the comparison table, by its heading. */
const row = (page, heading) =>
  page.locator('table.compare tr', { has: page.locator('th[scope=row]', { hasText: new RegExp(`^${heading}$`) }) });

/** Serves one page from another origin (an agency's site). */
async function agencySite(html) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

describe('persona: an HR consultant at a desk', () => {
  test('the 2019 → 2025 revision of CSS 4: each cell says what it shows, and the summary names the big changes', async () => {
    const { page, problems } = await app.open('/compare?classes=102D@2019,102D');
    const steps = await page.locator('.compare__steps').textContent();
    assert.match(steps, /Scope \(in our words\), from Plans, organizes and runs/);
    assert.match(steps, /Desirable qualifications, from An associate's degree and four years of experience.* to A high school diploma or GED and four years of experience; or One year as a Customer Service Specialist 3/);
    assert.match(steps, /No longer mentions Customer Service Manager\*, estimated \(103D\)/);
    for (const heading of ['Definition', 'Typical Work']) {
      const cell = row(page, heading).locator('td').nth(1);
      // The official text under the "Official text" badge, with nothing of our words' diff in it.
      assert.equal(await cell.locator(':scope > .badge').textContent(), 'Official text', heading);
      assert.equal(await cell.locator(':scope > .official').count(), 1, `${heading}: the official wording is shown`);
      assert.equal(await cell.locator(':scope > .official :is(ins, del, .duty__mark)').count(), 0, heading);
      // Our summaries' comparison, apart and labelled.
      const ours = cell.locator('.compare__ours');
      assert.match(await ours.locator('.compare__ours-label').textContent(), /Summary in our words/, heading);
    }
    const qualifications = row(page, 'Desirable Qualifications').locator('td').nth(1);
    const text = await qualifications.textContent();
    assert.ok(!text.includes('Not compared'), text);
    assert.match(text, /New: One year as a Customer Service Specialist 3 \(102C\*, estimated\)/);
    assert.match(text, /No longer a way to qualify:An associate's degree and four years of experience/);
    assert.equal(await page.locator('th.compare__corner').textContent(), 'Compared', 'the corner cell has a name');
    await shot(page, 'compare-102D', true);
    assert.deepEqual(problems, []);
  });

  test('printed, our words stay apart from the official text and nothing ends on a page of its own', async () => {
    const { page } = await app.open('/compare?classes=102D@2019,102D');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-footer__embed').isVisible(), false, '"Embed this view" is not printed');
    // Official text is printed once: our summaries compared beside it stay on screen (issue 23).
    // Our words where there is no official text to print (the ways to qualify, compared) are
    // printed, marked apart.
    assert.equal(await page.locator('.compare__ours--beside-official').first().isVisible(), false, 'official text printed once');
    const ours = page.locator('.compare__ours:not(.compare__ours--beside-official)').first();
    assert.equal(await ours.isVisible(), true);
    assert.notEqual(await ours.evaluate((e) => getComputedStyle(e).borderLeftStyle), 'none', 'marked apart on paper');
    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: 'test-results/persona-desk-compare-102D.pdf', format: 'Letter' });
    await shot(page, 'compare-102D-print', true);
  });

  test('the downloaded career path shows its whole disclaimer', async () => {
    const { page, problems } = await app.open('/path');
    const href = await page.locator('a.path-download').getAttribute('href');
    const svg = decodeURIComponent(href.slice(href.indexOf(',') + 1));
    const file = await app.context.newPage();
    await file.setContent(svg);
    const clipped = await file.evaluate(() => {
      const root = document.querySelector('svg');
      const [, , width, height] = root.getAttribute('viewBox').split(/\s+/).map(Number);
      return [...root.querySelectorAll('text')]
        .map((t) => [t.textContent, t.getBBox()])
        .filter(([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > width + 0.5 || b.y + b.height > height + 0.5)
        .map(([text]) => text);
    });
    assert.deepEqual(clipped, [], 'every text inside the drawing');
    await file.screenshot({ path: 'test-results/persona-desk-path-download.png', fullPage: true });
    await file.close();
    assert.deepEqual(problems, []);
  });

  test('an embedded view: one main region on the embed page, links open a new tab, and the snippet without its script is a link', async () => {
    const { page, problems } = await app.open('/embed?view=%2Fclass%2F102D');
    assert.equal(await page.locator('main, [role=main]').count(), 1, 'one main region');
    const snippet = await page.locator('#embed-snippet').textContent();
    await shot(page, 'embed');
    assert.deepEqual(problems, []);

    const withScript = await agencySite(`<!DOCTYPE html><html lang="en"><title>An agency</title><h1>Careers</h1>${snippet}</html>`);
    const stripped = await agencySite(
      `<!DOCTYPE html><html lang="en"><title>An agency</title><h1>Careers</h1>${snippet.replace(/<script[\s\S]*<\/script>/, '')}</html>`,
    );
    try {
      const parent = await app.context.newPage();
      await parent.goto(withScript.origin);
      const frame = parent.frameLocator('iframe');
      await frame.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
      const [opened] = await Promise.all([
        app.context.waitForEvent('page'),
        frame.locator('main a[href^="/class/"]').first().click(),
      ]);
      await opened.waitForLoadState();
      assert.match(opened.url(), new RegExp(`^${app.origin}/class/`), 'the link opened in a new tab');
      assert.equal(await frame.locator('.site-header').isVisible(), false, 'the frame stays embedded');
      assert.match(await frame.locator('main h1').textContent(), /Customer Service Specialist 4/, 'and on its view');
      await opened.close();
      await parent.goto(stripped.origin);
      const link = parent.getByRole('link', { name: 'Customer Service Specialist 4, Class Spec Explorer' });
      assert.equal(await link.getAttribute('href'), `${app.origin}/class/102D`);
      await parent.close();
    } finally {
      withScript.server.close();
      stripped.server.close();
    }
  });

  test('a plan she checks for an employee leads with the next step; the folded ways open by keyboard', async () => {
    const { page, problems } = await app.open('/planner?class=102B&years=4&in-class=2&education=high-school');
    // The first thing shown under the heading (the line of her answers is for paper only).
    const first = page.locator('#plan-heading ~ *:visible').first();
    assert.equal(await first.getAttribute('class'), 'plan__where');
    assert.match(await page.locator('.plan__further').textContent(), /the supervisory level, two levels above yours: it skips CSS 3/);
    // The manager class says how it sits beside the series she is climbing.
    assert.match(
      await page.locator('.plan__item[data-class="103D"] .plan__beside').textContent(),
      /^Beside the Customer Service Specialist series, not a level of it: the only class of the Customer Service Manager series in the data\./,
    );
    const other = page.locator('.plan__item[data-class="102D"] details.plan__other-ways');
    await other.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await other.getAttribute('open'), '');
    const below = page.locator('details.plan__below');
    await below.locator(':scope > summary').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(
      await below.locator('.plan__item').evaluateAll((items) => items.map((i) => i.dataset.class)),
      ['102A'],
    );
    await page.locator('#plan-heading').scrollIntoViewIfNeeded();
    await shot(page, 'plan');
    assert.deepEqual(problems, []);
  });

  test("the levels view: CSS 1's official duties are one link away, never mixed into the newer version", async () => {
    const { page, problems } = await app.open('/levels');
    const older = page.locator('.levels-duties__older');
    assert.match(await older.textContent(), /^Customer Service Specialist 1's duties are held only in part/);
    await page.locator('.levels-duties').scrollIntoViewIfNeeded();
    await shot(page, 'levels-duties');
    await shot(page, 'levels', true);
    await older.getByRole('link').click();
    await page.waitForURL(/\/class\/102A\/2024#typical-work$/);
    assert.deepEqual(problems, []);
  });

  // Issue 22, items 3 and 5: the key is once per page and the keyboard reaches it: Tab to the
  // first block's source line, Enter, and the next Tab lands in the key.
  // No mutation has been seen failing this test yet (to try: the key drawn with nothing
  // focusable in it).
  test('the key: once per page, reached by keyboard', async () => {
    for (const path of ['/', '/class/102A', '/compare?classes=102C,102D']) {
      const { page, problems } = await app.open(path);
      assert.equal(await page.locator('#key').count(), 1, `${path}: one key`);
      const first = page.locator('main :is(.rung, .facts, .compare__sources) .source-line a').first();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#key$/);
      await page.keyboard.press('Tab');
      const inKey = await page.evaluate(() => Boolean(document.activeElement?.closest('#key')));
      assert.ok(inKey, `${path}: Tab after the link lands in the key`);
      await shot(page, `key-${path.replace(/\W+/g, '-')}`, true);
      assert.deepEqual(problems, []);
    }
  });
});

