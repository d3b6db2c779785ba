// The start view written into index.html at build time: seen before the WebAssembly arrives,
// only at the start address, and replaced by the app with the same chrome.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './app.mjs';
import { watchedPage } from './browser.mjs';

const app = useApp();

describe('start view before the app', () => {
  test('the series shows with the WebAssembly held back, at the start address only', async () => {
    const page = await app.context.newPage();
    await page.route(/class-spec-explorer-[0-9a-f]{16}_bg\.wasm$/, (route) => route.abort());
    await page.goto(`${app.origin}/`);
    const heading = page.locator('main h1', { hasText: 'Customer Service Specialist series' });
    await heading.waitFor();
    assert.equal(await page.locator('.ladder .rung__title').count(), 4);
    await page.goto(`${app.origin}/class/102D`);
    await page.waitForLoadState('load');
    assert.equal(await heading.isVisible(), false, 'another address never shows the series by mistake');
    await page.close();
  });

  test('the app replaces it with the same chrome, once', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    await page.goto(`${app.origin}/`);
    await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('main .ladder'));
    assert.equal(await page.locator('header').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    const same = await page.evaluate(async () => {
      const html = await (await fetch('/index.html')).text();
      const written = new DOMParser().parseFromString(html, 'text/html').getElementById('prerender');
      const describe = (root) =>
        [...root.querySelectorAll('header a, header input, footer p, main h1, main .rung__title')].map(
          (e) => `${e.tagName} ${e.getAttribute('href') ?? e.getAttribute('placeholder') ?? ''} ${e.textContent.trim()}`,
        );
      return [describe(written), describe(document.body)];
    });
    assert.deepEqual(same[1], same[0]);
    assert.deepEqual(problems, []);
  });

  test('a class opened directly is taken over without the engine, which comes only when needed', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    const engine = [];
    page.on('request', (r) => {
      if (/class-spec-engine-/.test(r.url())) engine.push(r.url());
    });
    await page.goto(`${app.origin}/class/102D/2019`);
    await page.waitForFunction(() => !document.getElementById('prerender'));
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4');
    assert.equal(await page.title(), 'Customer Service Specialist 4 (2019 revision, inferred) · Class Spec Explorer');
    assert.ok((await page.locator('#typical-work li').count()) > 0, 'the section is there');
    assert.deepEqual(engine, [], 'no engine for a view written at build time');
    await page.getByRole('link', { name: 'Compare the 2019 revision (inferred) with the 2025 revision' }).click();
    await page.locator('table.compare').waitFor();
    assert.ok(engine.length >= 2, 'the engine came for the comparison');
    assert.deepEqual(problems, []);
  });
});
