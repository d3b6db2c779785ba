// Search, end to end in headless Chromium against the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoViolations, useApp } from './app.mjs';

const app = useApp();

describe('search', () => {
  test('"/" reaches the box from any view; results follow the typing, focus stays in the box', async () => {
    const { page, problems } = await app.open('/class/102A');
    const historyBefore = await page.evaluate(() => history.length);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search');
    await page.keyboard.type('supervis', { delay: 30 });
    await page.waitForURL(`${app.origin}/search?q=supervis`);
    await page.locator('.search-status', { hasText: /results? for “supervis”/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search', 'typing is not interrupted');
    assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'one history entry for the whole search');
    const marks = await page.locator('.search-hit mark').allTextContents();
    assert.ok(marks.length > 3 && marks.every((m) => /^supervis/i.test(m)), marks.join(', '));
    const classes = await page.locator('.search-group h2 a').allTextContents();
    assert.ok(classes.includes('Customer Service Specialist 4') && classes.includes('Customer Service Manager*, estimated'), classes.join(', '));
    // A phrase narrows it down.
    await page.locator('#site-search').fill('"leads and mentors"');
    await page.locator('.search-status', { hasText: /1 result for/ }).waitFor();
    assert.deepEqual(await page.locator('.search-hit mark').allTextContents(), ['leads and mentors']);
    assert.equal(await page.title(), 'Search: "leads and mentors" · Class Spec Explorer');
    assert.deepEqual(problems, []);
  });

  test('a result opens its class at that section, by keyboard', async () => {
    const { page, problems } = await app.open('/search?q=tracks');
    assert.equal(await page.locator('#site-search').inputValue(), 'tracks', 'the box shows the query of the address');
    const first = page.locator('.search-hit a', { hasText: 'Typical Work, July 2019*, estimated version' }).first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.origin}/class/102D/2019#typical-work`);
    await page.locator('#typical-work').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'typical-work');
    // Scrolled to it (smoothly, unless the person asks for reduced motion).
    await page.waitForFunction(() => {
      const top = document.getElementById('typical-work').getBoundingClientRect().top;
      return top >= -2 && top < 200;
    });
    assert.equal(await page.locator('#site-search').inputValue(), '', 'the box empties on other views');
    assert.deepEqual(problems, []);
  });

  test('nothing found says what to do; axe-core finds no violation', async () => {
    const { page, problems } = await app.open('/search?q=zzqqxx');
    assert.match(await page.locator('.search-status').textContent(), /Nothing holds “zzqqxx”/);
    await expectNoViolations(page, 'nothing found: ');
    await page.goto(`${app.origin}/search?q=customer`);
    await page.locator('.search-hit').first().waitFor();
    await expectNoViolations(page, 'results: ');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoViolations(page, 'results, dark: ');
    assert.deepEqual(problems, []);
  });
});
