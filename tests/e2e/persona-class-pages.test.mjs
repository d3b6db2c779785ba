// The class pages read as a person reads them, on a phone (390×844, touch) and at a desk
// (1440×900): CSS 1 opens at the official text the project holds and says plainly what is
// known of its newer version; CSS 2 leads with what is known and says once, at the end, what
// our copy lacks, with one link to the official page; CSS 4 is the whole official page.
// Screenshots go to test-results/persona-class-*.png.
// Mutation seen failing: ClassSpec::opening answering the newest version (both suites time out
// waiting for CSS 1's 'newer version' block).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useApp } from './app.mjs';

const phone = useApp({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const desk = useApp({ viewport: { width: 1440, height: 900 } });

const shot = async (page, name) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/persona-class-${name}.png`, fullPage: true });
};

/** The text a person sees in the main region (closed notes' reasons are not shown). */
const visibleText = (page) => page.locator('main').evaluate((main) => main.innerText);

/** How often the gap phrase is read on the page. */
const gapPhrases = async (page) => ((await visibleText(page)).match(/not in our copy/gi) ?? []).length;

/** The top of an element, in page coordinates. */
const top = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

describe('persona: class pages on a phone', () => {
  test('CSS 1 opens at the official text, says what is known of the newer version, and reaches it by touch', async () => {
    const { page, problems } = await phone.open('/class/102A');
    const text = await visibleText(page);
    assert.ok(!/older version|revision|2019 text/.test(text.split('Class Series Concept')[0]), 'no detour, no old version names above the text');
    const newer = page.locator('aside.newer');
    // The date is estimated: its mark, then the words a screen reader hears (own lines in innerText).
    assert.match(await newer.locator('h2').innerText(), /^A newer version: the July 2025\*\s*, estimated\s+version$/);
    assert.match(await newer.innerText(), /Of the newer version, our copy holds only part of it, in our words/);
    assert.match(await newer.innerText(), /Supervision received:?\s*Direct or close supervision/);
    // The official text is on this page: its first section's badge says so.
    assert.equal(await page.locator('#class-series-concept .badge').innerText(), 'Official text');
    assert.equal(await gapPhrases(page), 0, 'the whole official page: nothing to say is missing');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await shot(page, 'phone-102A');

    await newer.getByRole('link', { name: /^Everything we hold of the/ }).tap();
    await page.waitForURL(`${phone.origin}/class/102A/2025`);
    await page.locator('main .notice').waitFor();
    assert.match(await page.locator('main .notice').innerText(), /Our copy holds only part of it, in our words\. The official text we hold is the June 2024 version/);
    assert.equal(await gapPhrases(page), 1, 'what is missing, said once');
    await shot(page, 'phone-102A-2025');
    await page.locator('main .notice').getByRole('link', { name: 'read the official text' }).tap();
    await page.waitForURL(`${phone.origin}/class/102A`);
    assert.deepEqual(problems, []);
  });

  test('CSS 2 leads with what is known; what our copy lacks is one block at the end with one official link', async () => {
    const { page, problems } = await phone.open('/class/102B');
    assert.equal(await gapPhrases(page), 1);
    const gaps = page.locator('#not-in-our-copy');
    const listed = await gaps.locator('.gaps__list > li > strong').allInnerTexts();
    assert.deepEqual(listed.slice(0, 3), ['Class Series Concept', 'Distinguishing Characteristics', 'Typical Work']);
    assert.ok(listed.includes('Supervision received'), listed.join(' | '));
    const outside = await gaps.locator('a[href^="https:"]').evaluateAll((as) => as.map((a) => a.href));
    assert.deepEqual(outside, ['https://ofm.wa.gov/state-human-resources/compensation-job-classes/ClassifiedJobListing/Specifications/1665']);
    // What is known comes first: the held sections sit above the block.
    assert.ok((await top(page.locator('#typical-work'))) < (await top(gaps)));
    assert.ok((await top(page.locator('.facts'))) < (await top(page.locator('#definition'))));
    // A section named in the table of contents but missing is found in the block.
    await page.locator('.toc').getByRole('link', { name: 'What is missing' }).tap();
    await page.waitForFunction(() => location.hash === '#not-in-our-copy');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await shot(page, 'phone-102B');
    assert.deepEqual(problems, []);
  });

  test('CSS 4 is the whole official page, its older version named by when it took effect', async () => {
    const { page, problems } = await phone.open('/class/102D');
    assert.equal(await gapPhrases(page), 0);
    const items = await page.locator('.versions__item').allInnerTexts();
    assert.equal(items.length, 2);
    assert.match(items[0], /^July 2025 version · official text\s+newest$/);
    assert.match(items[1], /^July 2019\*\s*, estimated\s+version · in our words, in part$/);
    await shot(page, 'phone-102D');
    assert.deepEqual(problems, []);
  });
});

describe('persona: class pages at a desk', () => {
  test('CSS 1, CSS 2 and CSS 4 from the home view: each reads from what is known to what is missing', async () => {
    const { page, problems } = await desk.open('/');
    await page.getByRole('link', { name: 'Customer Service Specialist 1', exact: true }).click();
    await page.waitForURL(`${desk.origin}/class/102A`);
    await page.locator('aside.newer').waitFor();
    assert.equal(await page.title(), 'Customer Service Specialist 1 · Class Spec Explorer');
    assert.equal(await page.locator('#typical-work .badge').innerText(), 'Official text');
    await shot(page, 'desk-102A');
    // The switch, by keyboard.
    await page.locator('.versions a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${desk.origin}/class/102A/2025`);
    await page.locator('#not-in-our-copy').waitFor();
    assert.match(await page.title(), /^Customer Service Specialist 1 \(July 2025 version, date estimated\)/);
    assert.equal(await gapPhrases(page), 1);

    await desk.open('/class/102B').then(async ({ page: css2 }) => {
      assert.equal(await gapPhrases(css2), 1);
      await shot(css2, 'desk-102B');
    });
    const { page: css4 } = await desk.open('/class/102D');
    assert.equal(await css4.locator('#not-in-our-copy').count(), 0);
    assert.equal(await css4.locator('.notice').count(), 0);
    await shot(css4, 'desk-102D');
    assert.deepEqual(problems, []);
  });
});
