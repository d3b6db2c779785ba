// Accessibility to WCAG 2.1 AA on every view and in every mode, end to end in headless Chromium
// against the release build: axe-core light and dark, as a kiosk and embedded; reflow at 320 px
// and at 200% zoom; the skip link first; reduced motion respected.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { expectNoViolations, useApp } from './app.mjs';

const app = useApp();

const VIEWS = [
  '/',
  '/class/102D',
  '/class/102A/2024',
  '/compare?classes=102C,102D',
  '/compare?classes=102C,999Z',
  '/path',
  '/levels',
  '/planner',
  '/planner?years=-1&in-class=x',
  '/planner?class=102C&years=5&in-class=2&education=associate',
  '/search?q=customer',
  '/classes',
  '/classes?q=specialist',
  '/series/csm',
  '/series/csm/path',
  '/embed?view=%2Fpath',
  '/glossary',
  '/no/such/page',
];

/** Opens a view in an existing page and waits for its heading. */
async function show(page, path) {
  await page.goto(app.origin + path);
  await page.locator('main h1').first().waitFor();
}

describe('accessibility', () => {
  test('every view: no axe-core violation, light and dark', async () => {
    const { page, problems } = await app.open('/');
    for (const path of VIEWS) {
      await page.emulateMedia({ colorScheme: 'light' });
      await show(page, path);
      await expectNoViolations(page, `${path} light: `);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoViolations(page, `${path} dark: `);
    }
    assert.deepEqual(problems, []);
  });

  test('every view as a kiosk: no axe-core violation', async () => {
    const { page, problems } = await app.open('/?kiosk=1&idle=600');
    for (const path of VIEWS) {
      await show(page, path);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true);
      await expectNoViolations(page, `kiosk ${path}: `);
    }
    assert.deepEqual(problems, []);
  });

  test('embedded views: no axe-core violation inside the frame', async () => {
    const parent = createServer((request, response) => {
      const view = decodeURIComponent(new URL(request.url, 'http://x').searchParams.get('view'));
      const separator = view.includes('?') ? '&' : '?';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!DOCTYPE html><html lang="en"><title>Agency</title><main><h1>Agency</h1><iframe title="Class Spec Explorer" style="width:100%;height:900px;border:0" src="${app.origin}${view}${separator}embed=1&parent=${encodeURIComponent(`http://127.0.0.1:${parent.address().port}`)}"></iframe></main></html>`,
      );
    });
    await new Promise((ok) => parent.listen(0, '127.0.0.1', ok));
    try {
      const { page } = await app.open('/');
      for (const view of ['/class/102D', '/compare?classes=102C,102D', '/path', '/planner?class=102C&years=5&in-class=2&education=associate']) {
        await page.goto(`http://127.0.0.1:${parent.address().port}/?view=${encodeURIComponent(view)}`);
        await page.frameLocator('iframe').locator('main h1').first().waitFor();
        assert.equal(await page.frameLocator('iframe').locator('.site-header').isVisible(), false);
        await expectNoViolations(page, `embedded ${view}: `);
      }
    } finally {
      parent.close();
    }
  });

  test('every view reflows at 320 px and at 200% zoom, and the skip link comes first', async () => {
    const { page, problems } = await app.open('/');
    for (const width of [320, 640]) {
      // 640 CSS pixels is a 1280-pixel window at 200% zoom.
      await page.setViewportSize({ width, height: 800 });
      for (const path of VIEWS) {
        await show(page, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await show(page, '/class/102D');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.deepEqual(problems, []);
  });

  test('reduced motion: no smooth scrolling', async () => {
    const { page } = await app.open('/class/102D');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
  });
});
