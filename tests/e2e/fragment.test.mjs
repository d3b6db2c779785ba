// An address of any shape, opened directly: a malformed #fragment does not stop the page's
// start-up script (web/boot.js) from drawing a computed view and waiting for the person.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './app.mjs';
import { watchedPage } from './browser.mjs';

const app = useApp();

describe('a malformed fragment', () => {
  // Before: decodeURIComponent threw, the engine's drawing counted as failed ("the view could not
  // be drawn before the app started") and the shell started at once.
  test('a computed view is drawn and the app still waits for the first intent', async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${app.origin}/compare?classes=102C,102D#%E0%A4%A`);
    await page.locator('main h1', { hasText: 'Compare classes' }).waitFor();
    // No clock: boot.js settles its drawing (and, had it failed, starts the shell, whose first
    // step appends the shell's module preload) within the task that inserted the view. Once
    // the view is in and one more task has run, the decision is in the page to read.
    await page.waitForFunction(() => !('viewPending' in document.documentElement.dataset));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const started = () =>
      page.evaluate(() => Boolean(document.querySelector('link[rel="modulepreload"][href*="/class-spec-explorer-"]')));
    assert.equal(await started(), false, 'drawn by the engine, the shell not asked for');
    const adopted = () => page.evaluate(() => document.documentElement.hasAttribute('data-shell'));
    assert.equal(await adopted(), false, 'drawn by the engine, the app not started');
    assert.deepEqual(warnings, []);
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-shell'));
    await page.locator('main h1', { hasText: 'Compare classes' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
