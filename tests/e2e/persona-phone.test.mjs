// An employee exploring promotion on her own phone (390×844, touch): the journey that user
// testing walked, with what confused her checked at that size. Screenshots go to
// test-results/persona-phone-*.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useApp } from './app.mjs';

const app = useApp({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const shot = async (page, name, fullPage = false) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/persona-phone-${name}.png`, fullPage });
};

/** The text a person sees in the main region: closed "why" notes' reasons are not shown. */
const visibleText = (page) => page.locator('main').evaluate((main) => main.innerText);

describe('persona: an employee on her phone', () => {
  test('search finds her next class by what people call it, above paragraph matches', async () => {
    const { page, problems } = await app.open('/');
    await page.locator('#site-search').tap();
    await page.keyboard.type('CSS 3', { delay: 20 });
    await page.waitForURL(/\/search\?q=CSS/);
    const first = page.locator('main .search-classes a').first();
    await first.waitFor();
    assert.equal(await first.textContent(), 'Customer Service Specialist 3');
    await shot(page, 'search');
    for (const query of ['CSS3', '102C', 'customer service specialist 3']) {
      await page.goto(`${app.origin}/search?q=${encodeURIComponent(query)}`);
      // The prerendered search page (no results yet) already ends with its 'Terms on this page'
      // section: wait for the results to be drawn before reading which section comes first.
      await page.locator('main .search-classes').waitFor();
      const top = page.locator('main section').first();
      assert.equal(await top.getAttribute('class'), 'search-classes', query);
      assert.equal(await top.locator('a').first().textContent(), 'Customer Service Specialist 3', query);
    }
    await page.locator('main .search-classes a').first().tap();
    await page.waitForURL(`${app.origin}/class/102C`);
    await page.locator('main h1', { hasText: 'Customer Service Specialist 3' }).waitFor();
    assert.deepEqual(problems, []);
  });

  test('a class page speaks plainly; the precise account is a "why" away, and Escape closes it', async () => {
    const { page, problems } = await app.open('/class/102C');
    const text = await visibleText(page);
    for (const jargon of ['Not in the embedded data', 'captured copy', 'stripped-text copy', 'class-spec-import']) {
      assert.ok(!text.includes(jargon), `"${jargon}" on the page`);
    }
    assert.match(text, /Not in our copy/);
    const note = page.locator('details.why').first();
    await note.locator('summary').tap();
    assert.equal(await note.getAttribute('open'), '');
    await page.keyboard.press('Escape');
    assert.equal(await note.getAttribute('open'), null, 'Escape closes the note');
    assert.equal(await note.locator('summary').evaluate((s) => s === document.activeElement), true);
    await shot(page, 'class-102C', true);
    assert.deepEqual(problems, []);
  });

  test('comparing her class with the next: a cut-off list is not a change, and the table reads on a phone', async () => {
    const { page, problems } = await app.open('/compare?classes=102B,102C');
    const typicalWork = page.locator('tr', { has: page.locator('th[scope=row]', { hasText: /^Typical Work$/ }) });
    const text = await typicalWork.textContent();
    assert.ok(!text.includes('No longer listed'), text);
    assert.match(text, /cannot be told/);
    // The caption reads as a line, not a word per line.
    const caption = await page.locator('table.compare caption').evaluate((c) => {
      const lineHeight = parseFloat(getComputedStyle(c).lineHeight) || 24;
      return c.getBoundingClientRect().height / lineHeight;
    });
    assert.ok(caption < 2.6, `the caption takes ${caption.toFixed(1)} lines`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await shot(page, 'compare-102B-102C', true);
    assert.deepEqual(problems, []);
  });

  test('the planner names her next level first and says what to do when it cannot tell', async () => {
    const { page, problems } = await app.open('/planner');
    // The class menu shows whole names and codes (people saw "Customer Service Specialist 2 (1").
    const select = page.locator('#f-class');
    await select.selectOption('102B');
    const cut = await select.evaluate((s) => {
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(s).font}`;
      // The title and the code (102B's is inferred: its mark, after the code, may be cut on
      // the closed menu at 390 px; the open menu shows every option whole).
      probe.textContent = s.options[s.selectedIndex].text.replace('*', '');
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(s);
      // What the text has: the box less its padding and the menu's arrow (about 24 px).
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
      return { needed, room };
    });
    assert.ok(cut.needed <= cut.room, `"Customer Service Specialist 2 (102B)" needs ${cut.needed}px, has ${cut.room}px`);
    await page.locator('#f-years').fill('3');
    await page.locator('#f-in-class').fill('1');
    await page.locator('#f-education').selectOption('high-school');
    await page.getByRole('button', { name: 'Check my plan' }).tap();
    await page.locator('.plan__headline').waitFor();
    assert.match(
      await page.locator('.plan__headline').textContent(),
      /^Your next step: Customer Service Specialist 3 \(CSS 3\), the senior, specialist or lead level\. Cannot tell$/,
    );
    // The badge says "Cannot tell"; the sentence under it gives the reason, not the verdict again.
    const lead = page.locator('.plan__lead');
    assert.equal(
      await lead.locator('.plan__headline-verdict').textContent(),
      "CSS 3's desirable qualifications are not in our copy, so the planner cannot judge this step.",
    );
    assert.equal((await lead.textContent()).match(/cannot tell/gi).length, 1);
    const next = page.locator('.plan__item[data-class="102C"] .plan__next-step');
    assert.match(await next.textContent(), /What to do next: ask your HR office/);
    const link = next.getByRole('link', { name: 'the official page for CSS 3' });
    assert.match(await link.getAttribute('href'), /^https:\/\/ofm\.wa\.gov\//);
    await page.locator('.plan__headline').scrollIntoViewIfNeeded();
    await shot(page, 'plan');
    assert.deepEqual(problems, []);
  });

  test('with four years her plan leads with CSS 3, names CSS 4 as the supervisory level within reach, and folds what she need not read', async () => {
    const { page, problems } = await app.open('/planner?class=102B&years=4&in-class=2&education=high-school');
    const plan = page.locator('section.plan');
    const seen = () => plan.evaluate((p) => p.innerText);
    const lines = (await seen()).split('\n').filter((l) => l.trim());
    // Her class, then her next step, before anything else of the plan.
    assert.match(lines[1], /^You hold Customer Service Specialist 2 \(CSS 2\), the journey level\.$/);
    assert.match(lines[2], /^Your next step: Customer Service Specialist 3 \(CSS 3\)/);
    const further = page.locator('.plan__further');
    assert.match(
      await further.textContent(),
      /Customer Service Specialist 4 \(CSS 4\), the supervisory level, two levels above yours: it skips CSS 3\. You meet the first way to qualify\./,
    );
    // CSS 4's card: the way she meets; the others folded until she opens them.
    const css4 = page.locator('.plan__list > .plan__item[data-class="102D"]');
    assert.doesNotMatch(await css4.evaluate((c) => c.innerText), /still needed/);
    await css4.locator('details.plan__other-ways > summary').tap();
    assert.match(await css4.evaluate((c) => c.innerText), /still needed: one year as a Customer Service Specialist 3/);
    // CSS 1, below her, is folded: its words are not on screen.
    assert.doesNotMatch(await seen(), /The 2019 text|Customer Service Specialist 1 Cannot tell/);
    const below = page.locator('details.plan__below > summary');
    assert.equal(await below.textContent(), 'Levels below yours (CSS 1)');
    await page.locator('.plan__headline').scrollIntoViewIfNeeded();
    await shot(page, 'plan-four-years');
    await shot(page, 'plan-four-years-full', true);
    assert.deepEqual(problems, []);
  });

  test('the levels view on her phone: each level in its own words, and what the data cannot tell said once per group', async () => {
    const { page, problems } = await app.open('/levels');
    assert.equal(await page.locator('.levels-cards').isVisible(), true, 'a block per level');
    const group = page.locator('.duty-group', { has: page.getByRole('heading', { name: 'Listed at CSS 2 and CSS 3', exact: true }) });
    await group.scrollIntoViewIfNeeded();
    // The thread the issue named: CSS 2's words under CSS 2, CSS 3's under CSS 3.
    const words = group.locator('.duty-group__words > li', { hasText: 'Guides or directs' });
    const levels = await words.locator('..').locator('.duty-group__level').allTextContents();
    const duties = await words.locator('..').locator('.duty-group__duty').allTextContents();
    assert.deepEqual(levels, ['Customer Service Specialist 2', 'Customer Service Specialist 3']);
    assert.match(duties[0], /^Solves client\/customer problems on its own/);
    assert.match(duties[1], /^Guides or directs lower-level staff/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await shot(page, 'levels-duties');
    await shot(page, 'levels', true);
    assert.deepEqual(problems, []);
  });

  test('the career path fits the phone, with text she can read and ways in that say where they lead', async () => {
    const { page, problems } = await app.open('/path');
    const svg = page.locator('svg.path-svg--narrow');
    const box = await svg.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the drawing spans ${box.x}–${box.x + box.width}px`);
    const smallest = await svg.evaluate((s) => {
      const scale = s.getScreenCTM().a;
      return Math.min(...[...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    assert.ok(smallest >= 12, `the smallest text is ${smallest.toFixed(1)}px`);
    const manager = await page.locator('svg.path-svg--narrow a.node--class', { hasText: 'Customer Service Manager' }).boundingBox();
    assert.ok(manager.x >= 0 && manager.x + manager.width <= 390, 'the manager class is on screen');
    // A way in is a line that names its class, or a line in that class's own box.
    for (const label of await page.locator('svg.path-svg--narrow .edge-label--entry').allTextContents()) {
      assert.match(label, /→ (CSS \d|CSM)$/, `"${label}" says which class it leads to`);
    }
    const wayIn = (title) =>
      page.locator('svg.path-svg--narrow a.node--class', { hasText: title }).locator('.node__way-in').textContent();
    assert.match(await wayIn('Customer Service Specialist 4'), /^Way in: High school \+ 4 years/);
    assert.match(await wayIn('Customer Service Manager'), /^Way in: Bachelor's \+ 1 year/);
    await shot(page, 'path', true);
    assert.deepEqual(problems, []);
  });

  test('offline, the notice leaves the site title readable', async () => {
    const { page, problems } = await app.open('/class/102B');
    await app.context.setOffline(true);
    try {
      const flag = page.locator('.offline-flag');
      await flag.waitFor();
      const [a, b] = [await flag.boundingBox(), await page.locator('.site-title, .site-header a').first().boundingBox()];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      assert.equal(overlap, false, `the notice ${JSON.stringify(a)} covers the title ${JSON.stringify(b)}`);
      await shot(page, 'offline');
    } finally {
      await app.context.setOffline(false);
    }
    assert.deepEqual(problems, []);
  });

  // Issue 22, items 3 and 5: one mark ("*") instead of "inferred" beside every value, and one
  // key per page that says what it means, reached by a tap on a block's source line.
  // Seen failing for a real fault: the comparison's first source line sat in its header, which
  // a phone hides (the tap timed out); the Sources list now carries one. No code mutation tried.
  test('the key: once per page, no "inferred" beside values, reached by a tap', async () => {
    for (const path of ['/', '/class/102A', '/compare?classes=102C,102D']) {
      const { page, problems } = await app.open(path);
      assert.equal(await page.locator('#key').count(), 1, `${path}: one key`);
      const text = await visibleText(page);
      assert.ok(!/\binferred\b/.test(text), `${path}: "inferred" on the page`);
      assert.ok(!/\([^()]*\([^()]*\)[^()]*\)/.test(text.replace(/\(\d+\)/g, '')), `${path}: a bracket inside a bracket`);
      await page.locator('main :is(.rung, .facts, .compare__sources) .source-line a').first().tap();
      await page.waitForURL(/#key$/);
      const key = page.locator('#key');
      await page.waitForFunction(() => {
        const box = document.getElementById('key').getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      });
      const why = key.locator('.key__why');
      if (await why.count()) {
        await why.locator('summary').tap();
        assert.equal(await why.getAttribute('open'), '', `${path}: the reasons open by touch`);
      }
      await shot(page, `key-${path.replace(/\W+/g, '-')}`);
      assert.deepEqual(problems, []);
    }
  });
});
