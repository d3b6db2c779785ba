// The fixture every end-to-end suite shares: the release build served with single-page
// fallback, one headless Chromium, and a way to open an address as a person would.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve } from './server.mjs';
import { launch, watchedPage } from './browser.mjs';

/**
 * Registers the suite's set-up and tear-down; the returned object is ready inside tests.
 * `device`: Playwright's context options (a persona's screen: viewport, touch, mobile).
 */
export function useApp(device = {}) {
  const app = {
    origin: '',
    context: null,
    /**
     * Opens an address (typed or bookmarked) and waits for the app's heading, then for the
     * shell: it loads at the person's first intent (web/boot.js), here a Shift key press,
     * which does nothing else, and marks the page `data-shell` once it has adopted it.
     */
    async open(path) {
      const watched = await watchedPage(app.context, app.origin);
      await watched.page.goto(app.origin + path);
      await watched.page.locator('main h1').first().waitFor();
      await watched.page.keyboard.press('Shift');
      await shellReady(watched.page);
      return watched;
    },
  };
  let server;
  before(async () => {
    ({ server, url: app.origin } = await serve('dist'));
    app.context = await launch(device);
  });
  after(async () => {
    await app.context?.close();
    server?.close();
  });
  return app;
}

/**
 * The shell's wasm, by its hashed name. Trunk writes the hash as a number in hex, so one with
 * leading zeros is shorter than 16 digits (`class-spec-explorer-c5a2b34299a91a7_bg.wasm`): a
 * pattern of exactly 16 then missed the shell, held nothing back, and the tests that hold it
 * failed for one build in sixteen.
 */
export const SHELL_WASM = /\/class-spec-explorer-[0-9a-f]{1,16}_bg\.wasm$/;

/**
 * Chromium's console report of a wasm file refused by a test's `route.abort()`: `stem` names
 * the file (a regular expression's source: `class-spec-explorer`, the shell), before its hash.
 */
export const wasmRefused = (stem) =>
  new RegExp(
    `^console error: Failed to load resource: net::ERR_FAILED \\(http://127\\.0\\.0\\.1:\\d+/${stem}-[0-9a-f]{1,16}_bg\\.wasm\\)$`,
  );
/** The shell's wasm refused. */
export const SHELL_REFUSED = wasmRefused('class-spec-explorer');

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

/**
 * A page of a browser of its own, with no service worker (which would serve the shell from its
 * cache, past `page.route`), and its shell's wasm held back until `release()` is called.
 * `device`: Playwright's context options (a persona's screen); `permissions`: those granted to
 * the app's origin (the clipboard's).
 */
export async function pageWithShellHeld(origin, { device = {}, permissions = [] } = {}) {
  const context = await launch({ ...device, serviceWorkers: 'block' });
  if (permissions.length) await context.grantPermissions(permissions, { origin });
  const { page, problems } = await watchedPage(context, origin);
  const release = await holdShell(page);
  return { page, problems, release, close: () => context.close() };
}

/**
 * The heading of the view a person sees: `main h1` (holding `heading`, if given) once the page
 * holds the view of its address. A page opened at an address its file does not hold (a kiosk's
 * planner, a comparison) first holds the server's page for another view, which
 * `[data-view-pending]` hides until the engine has drawn; Playwright judges "visible" by layout,
 * and before the stylesheet has applied, that hidden page lays out as visible. Waiting for
 * `main h1` alone, the kiosk test read the non-kiosk planner's empty years ('' for '0'), never
 * painted (issue 25, item 5: seen with main.css held back by page.route).
 */
export function viewHeading(page, heading) {
  return page.locator('html:not([data-view-pending]) main h1', heading === undefined ? {} : { hasText: heading });
}

/**
 * Resolves once the page has done all it does on its own, without a person: loaded, its view
 * drawn (no `[data-view-pending]`), and past the point where web/platform.js, after the view's
 * next frame and a task, starts the service worker, with one task more. A positive signal for
 * tests that check that nothing else was fetched, in place of Playwright's 'networkidle' (a
 * guessed 500 ms of quiet, which a busy machine stretches and a late fetch slips past).
 */
export async function settledPage(page) {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-view-pending'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve)))));
}

/** Resolves once the shell has adopted the page (crates/core/src/contract.rs, SHELL_READY). */
export async function shellReady(page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-shell'));
}

/** Fails with every axe-core violation of WCAG 2.1 A and AA on the page as it is. */
export async function expectNoViolations(page, label = '') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${label}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], 'axe-core violations');
}
