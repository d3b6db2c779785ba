// A view no file of the build holds (a shared comparison, a plan, search results), opened
// directly: the engine draws it, chrome and all, before the app (the shell) has come; the app
// follows when the person first reaches for something, and keeps what they did meanwhile.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoViolations, useApp } from './app.mjs';
import { launch, watchedPage } from './browser.mjs';

const app = useApp();
const SHELL_WASM = /\/class-spec-explorer-[0-9a-f]{16}_bg\.wasm$/;
const ENGINE_WASM = /\/class-spec-engine-[0-9a-f]{16}_bg\.wasm$/;

/**
 * A page of a browser of its own, with no service worker (which would serve the shell from its
 * cache, past `page.route`), and its shell's wasm held back until `release()` is called.
 */
async function pageWithShellHeld() {
  const context = await launch({ serviceWorkers: 'block' });
  const { page, problems } = await watchedPage(context, app.origin);
  const release = await holdShell(page);
  return { page, problems, release, close: () => context.close() };
}

/** Holds the shell's wasm back until `release()` is called. */
async function holdShell(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(SHELL_WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

describe('a computed view opened directly', () => {
  test('is drawn by the engine alone, whole and accessible; the app comes at the first key', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${app.origin}/compare?classes=102C,102D`);
    await page.locator('table.compare').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.title(), 'Compare 102C (inferred), 102D · Class Spec Explorer');
    assert.ok(fetched.some((p) => ENGINE_WASM.test(p)), 'the engine drew it');
    assert.ok(!fetched.some((p) => SHELL_WASM.test(p)), 'the shell is not fetched for reading');
    assert.equal(await page.locator('header nav a').count(), 4);
    assert.equal(
      await page.locator('.site-footer__embed a').getAttribute('href'),
      '/embed?view=%2Fcompare%3Fclasses%3D102C%2C102D',
    );
    await expectNoViolations(page, 'before the app: ');

    // A keyboard user's first Tab: the app starts, and focus stays where the Tab put it.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.getElementById('prerender'));
    assert.ok(fetched.some((p) => SHELL_WASM.test(p)), 'the shell came at the first key');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    assert.equal(await page.locator('table.compare').count(), 1, 'the same view, drawn once');
    assert.equal(await page.locator('header').count(), 1);

    // The app now moves between views without loading a page.
    await page.evaluate(() => {
      window.stillTheSamePage = true;
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Career path', exact: true }).click();
    await page.locator('main h1', { hasText: 'Career path' }).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('what the person types before the app arrives is kept, and the app follows it', async () => {
    const { page, problems, release, close } = await pageWithShellHeld();
    await page.goto(`${app.origin}/search?q=customer`);
    await page.locator('main h1').waitFor();
    const box = page.locator('#site-search');
    assert.equal(await box.inputValue(), 'customer', 'the box holds the query of the view');
    // "/" reaches the box before the app has come, as after.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    await page.keyboard.press('End');
    await page.keyboard.type(' complaints');
    assert.equal(await page.evaluate(() => Boolean(document.getElementById('prerender'))), true, 'the app is still held back');
    release();
    await page.waitForFunction(() => !document.getElementById('prerender'));
    assert.equal(await box.inputValue(), 'customer complaints');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search', 'the cursor stays in the box');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 'customer complaints'.length);
    await page.waitForURL(/\/search\?q=customer(\+|%20)complaints$/);
    await page.keyboard.type(' x');
    await page.waitForURL(/\/search\?q=customer(\+|%20)complaints(\+|%20)x$/);
    assert.deepEqual(problems, []);
    await close();
  });

  test('a planner field filled in before the app arrives keeps its value and focus', async () => {
    const { page, problems, release, close } = await pageWithShellHeld();
    await page.goto(`${app.origin}/planner?class=102C&years=5&in-class=2&education=associate`);
    await page.locator('.plan').waitFor();
    const years = page.locator('input[name=years]');
    await years.fill('7');
    release();
    await page.waitForFunction(() => !document.getElementById('prerender'));
    assert.equal(await years.inputValue(), '7');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'years');
    assert.deepEqual(problems, []);
    await close();
  });

  test('before the app (or without it), links and forms still work as a web page', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(SHELL_WASM, (route) => route.abort());
    await page.goto(`${app.origin}/planner?class=102C&years=5&in-class=2&education=associate`);
    await page.locator('.plan').waitFor();
    await page.locator('input[name=years]').fill('7');
    await page.getByRole('button', { name: 'Check my plan' }).click();
    await page.waitForURL(/years=7/);
    await page.locator('.plan').waitFor();
    assert.equal(await page.locator('input[name=years]').inputValue(), '7', 'the new plan, drawn from the address');
    await page.getByRole('link', { name: 'Career path', exact: true }).first().click();
    await page.waitForURL(/\/path$/);
    await page.locator('main h1', { hasText: 'Career path' }).waitFor();
    await context.close();
  });

  test('an address the app does not have gets its not-found view with the chrome', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    await page.goto(`${app.origin}/no/such/view`);
    await page.locator('main h1', { hasText: 'Page not found' }).waitFor();
    assert.equal(await page.locator('header nav a').count(), 4);
    assert.equal(await page.title(), 'Page not found · Class Spec Explorer');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
