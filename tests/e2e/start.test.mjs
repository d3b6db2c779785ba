// One way in: every page arrives whole (the view of its address in the one chrome); nothing
// more is fetched before the person's first intent; then the shell adopts the page as it is,
// drawing nothing again, and from there moves between views in the app.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { settledPage, shellReady, SHELL_REFUSED, useApp, wasmRefused } from './app.mjs';
import { launch, tolerate, watchedPage } from './browser.mjs';

const app = useApp();
const WASM = /\.wasm$/;

/** A page that records the paths it fetches, with no service worker (its precache is apart). */
async function recordedPage() {
  const context = await launch({ serviceWorkers: 'block' });
  const { page, problems } = await watchedPage(context, app.origin);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  return { page, problems, fetched, close: () => context.close() };
}

describe('one way in', () => {
  test('a fixed view arrives whole, and nothing else comes before the first intent', async () => {
    const { page, problems, fetched, close } = await recordedPage();
    await page.goto(`${app.origin}/class/102D/2019`);
    await settledPage(page);
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4');
    assert.equal(await page.title(), 'Customer Service Specialist 4 (July 2019 version, date estimated) · Class Spec Explorer');
    assert.ok((await page.locator('#typical-work li').count()) > 0, 'the section is there');
    // Series, All classes, Career path, Planner, Compare, Glossary.
    assert.equal(await page.locator('header nav a').count(), 6);
    assert.deepEqual(fetched.filter((p) => WASM.test(p)), [], 'no WebAssembly before the first intent');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-shell')), false);
    assert.deepEqual(problems, []);
    await close();
  });

  test('a query the view does not read leaves a fixed page as it is', async () => {
    // Mutation tried: web/platform.js marking every address with a query pending fails this.
    const { page, problems, fetched, close } = await recordedPage();
    await page.goto(`${app.origin}/class/102D?utm_source=newsletter`);
    await settledPage(page);
    assert.equal(await page.locator('main h1').isVisible(), true);
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4');
    assert.deepEqual(fetched.filter((p) => WASM.test(p)), [], 'not drawn again by the engine');
    await page.goto(`${app.origin}/?utm_source=x`);
    await settledPage(page);
    assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist series');
    assert.deepEqual(fetched.filter((p) => WASM.test(p)), []);
    assert.deepEqual(problems, []);
    await close();
  });

  test('a page served for another address never shows its own view', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(WASM, (route) => route.abort());
    // The errors this test causes: Chromium's reports of the engine's and the shell's files refused.
    tolerate(page, wasmRefused('class-spec-engine(?:-compare)?'), SHELL_REFUSED);
    // The server's fallback is the start page; /compare?classes=… gets the picker's page.
    for (const path of ['/no/such/view', '/compare?classes=102C,102D']) {
      await page.goto(app.origin + path);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('main h1').first().isVisible(), false, `${path}: nothing wrong on screen`);
    }
    await context.close();
  });

  test('a computed view asks for the engine as its page is read, and fetches each file once', async () => {
    // web/platform.js preloads the engine's JavaScript and wasm when the page's view is
    // pending; web/boot.js's own requests (the wasm with its integrity hash) then take those
    // responses. Mutations tried: the wasm preload without crossorigin (its request and
    // boot.js's do not match: two downloads) and no preload at all (the engine asked for only
    // after boot.js ran) each failed this test.
    const { page, problems, fetched, close } = await recordedPage();
    try {
      await page.goto(`${app.origin}/compare?classes=102C,102D`);
      await page.locator('table.compare').waitFor();
      await settledPage(page);
      const engine = fetched.filter((p) => /class-spec-engine-/.test(p));
      assert.equal(engine.filter((p) => WASM.test(p)).length, 1, `the wasm once: ${engine}`);
      assert.equal(engine.filter((p) => p.endsWith('.js')).length, 1, `its JavaScript once: ${engine}`);
      const initiators = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => /class-spec-engine-.*\.wasm$/.test(entry.name))
          .map((entry) => entry.initiatorType),
      );
      assert.deepEqual(initiators, ['link'], 'the wasm fetched by the preload, not by boot.js');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('at the first intent the shell adopts the page without drawing it again', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    await page.goto(`${app.origin}/`);
    await page.locator('main .ladder').waitFor();
    // Every element but the fallbacks inside a component's host (#take-away: the share
    // control, src/take_away.rs), which the shell's components replace by design; the host
    // itself stays.
    const adopted = '#app *:not(#take-away *)';
    await page.evaluate((adopted) => {
      window.before = [...document.querySelectorAll(adopted)];
    }, adopted);
    await page.keyboard.press('Shift');
    await shellReady(page);
    assert.equal(
      await page.evaluate((adopted) => {
        const now = [...document.querySelectorAll(adopted)];
        return now.length === window.before.length && now.every((e, i) => e === window.before[i]);
      }, adopted),
      true,
      'every element is the one the page arrived with',
    );
    await page.evaluate(() => {
      window.stillTheSamePage = true;
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Career path', exact: true }).click();
    await page.locator('main h1', { hasText: 'Career path' }).waitFor();
    assert.equal(await page.title(), 'Career path · Class Spec Explorer');
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'moved in the app');
    assert.equal(await page.locator('header').count(), 1);
    assert.equal(await page.locator('#embed-this-view a').getAttribute('href'), '/embed?view=%2Fpath');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a class opened directly needs the engine only for a computed view', async () => {
    const { page, problems } = await app.open('/class/102D/2019');
    const engine = [];
    page.on('request', (r) => {
      if (/class-spec-engine-/.test(r.url())) engine.push(r.url());
    });
    await page.getByRole('link', { name: /^Compare the July 2019\s*, estimated version with the July 2025 version$/ }).click();
    await page.locator('table.compare').waitFor();
    assert.ok(engine.length >= 1, 'the engine came for the comparison');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without JavaScript a fixed page reads, and the note says what needs JavaScript', async () => {
    // It failed while the note said the whole app needed JavaScript (index.html's <noscript>,
    // carried by every page written at build time).
    const context = await launch({ javaScriptEnabled: false });
    try {
      const { page, problems } = await watchedPage(context, app.origin);
      await page.goto(`${app.origin}/class/102D`);
      assert.equal(await page.locator('main h1').textContent(), 'Customer Service Specialist 4');
      assert.ok(await page.locator('#typical-work').isVisible(), 'the official text is there to read');
      const note = page.locator('noscript p');
      assert.ok(await note.isVisible());
      assert.match(await note.textContent(), /^Without JavaScript, the class pages and the other fixed pages read as they are; comparisons, plans, search results and spreadsheet downloads .* need JavaScript/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
