// A view no file of the build holds (a shared comparison, a plan, search results), opened
// directly: the engine draws it, chrome and all, before the app (the shell) has come. For every
// view the shell follows when the person first reaches for something and adopts the page as it
// is: what they typed meanwhile, the caret and focus stay because nothing is drawn again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoViolations, pageWithShellHeld, settledPage, shellReady, SHELL_REFUSED, SHELL_WASM, useApp } from './app.mjs';
import { launch, tolerate, watchedPage } from './browser.mjs';

const app = useApp();
const ENGINE_WASM = /\/class-spec-engine-[0-9a-f]{16}_bg\.wasm$/;
const COMPARE_WASM = /\/class-spec-engine-compare-[0-9a-f]{16}_bg\.wasm$/;

describe('a computed view opened directly', () => {
  test("is drawn by its page's engine module alone, whole and accessible; the app comes at the first key", async () => {
    const { page, problems } = await watchedPage(app.context, app.origin);
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${app.origin}/compare?classes=102C,102D`);
    await page.locator('table.compare').waitFor();
    await settledPage(page);
    assert.equal(await page.title(), 'Compare 102C*, 102D · Class Spec Explorer');
    // Mutation tried: web/boot.js drawing with the whole engine (`loadEngine('engine')`) fails
    // the second (web/platform.js has asked for the page's module already).
    assert.ok(fetched.some((p) => COMPARE_WASM.test(p)), "the comparison's module drew it");
    assert.ok(!fetched.some((p) => ENGINE_WASM.test(p)), 'the whole engine is not fetched for reading');
    assert.ok(!fetched.some((p) => SHELL_WASM.test(p)), 'the shell is not fetched for reading');
    assert.equal(await page.locator('header nav a').count(), 6, 'the chrome, Glossary included');
    assert.equal(
      await page.locator('.site-footer__embed a').getAttribute('href'),
      '/embed?view=%2Fcompare%3Fclasses%3D102C%2C102D',
    );
    await expectNoViolations(page, 'before the app: ');

    // A keyboard user's first Tab: the app starts, and focus stays where the Tab put it.
    await page.keyboard.press('Tab');
    await shellReady(page);
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
    assert.ok(fetched.some((p) => ENGINE_WASM.test(p)), 'the whole engine draws the views the app moves to');
    assert.deepEqual(problems, []);
    await page.close();
  });

  /** Whether the shell has adopted the page. */
  const adopted = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-shell'));
  const caret = (page) => page.evaluate(() => [document.activeElement?.getAttribute('name'), document.activeElement?.selectionStart]);

  for (const path of ['/class/102D', '/search?q=customer']) {
    test(`typed into the search box before the app arrives (${path}): every character and the caret kept`, async () => {
      // Mutation tried: the shell drawing the chrome and the view again at adoption (`pending`
      // forced true in src/lib.rs) loses the text, focus and caret: this test and the planner's
      // below failed.
      const { page, problems, release, close } = await pageWithShellHeld(app.origin);
      await page.goto(app.origin + path);
      await page.locator('main h1').waitFor();
      const box = page.locator('#site-search');
      const before = await box.inputValue();
      // "/" reaches the box before the app has come, as after.
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
      await page.keyboard.press('End');
      await page.keyboard.type(before ? ' complaints' : 'complaints');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('xy');
      const typed = before ? `${before} complainxyts` : 'complainxyts';
      assert.equal(await box.inputValue(), typed);
      assert.equal(await adopted(page), false, 'the app is still held back');
      release();
      await shellReady(page);
      assert.equal(await box.inputValue(), typed, 'every character');
      assert.deepEqual(await caret(page), ['q', typed.length - 2], 'the cursor where it was');
      // The app takes the typing up: the results follow, and further typing goes on.
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === typed);
      await page.keyboard.type('z');
      await page.waitForURL((url) => url.searchParams.get('q') === `${typed.slice(0, -2)}zts`);
      assert.equal(await box.inputValue(), `${typed.slice(0, -2)}zts`);
      assert.deepEqual(problems, []);
      await close();
    });
  }

  for (const path of ['/planner', '/planner?class=102C&years=5&in-class=2&education=associate']) {
    test(`typed into the planner before the app arrives (${path}): every character and the caret kept`, async () => {
      const { page, problems, release, close } = await pageWithShellHeld(app.origin);
      await page.goto(app.origin + path);
      await page.locator('main h1').waitFor();
      const years = page.locator('input[name=years]');
      await years.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('.5');
      assert.equal(await years.inputValue(), '1.52');
      assert.equal(await adopted(page), false, 'the app is still held back');
      release();
      await shellReady(page);
      assert.equal(await years.inputValue(), '1.52', 'every character');
      assert.deepEqual(await caret(page), ['years', 3], 'focus and the cursor where they were');
      // And the form now acts in the app.
      await page.evaluate(() => {
        window.stillTheSamePage = true;
      });
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await page.waitForURL(/years=1\.5(&|$)/);
      assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'submitted in the app');
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('a kiosk stepper tapped before the app arrives moves its field once the app is there', async () => {
    // Mutation tried: web/boot.js not tapping the kept steppers again after the shell's start
    // (the first taps on a kiosk, which start the shell, were lost): this failed.
    const { page, problems, release, close } = await pageWithShellHeld(app.origin);
    await page.goto(`${app.origin}/planner?kiosk=1&idle=600`);
    const more = page.getByRole('button', { name: 'A year more: Years of relevant experience, in all', exact: true });
    await more.waitFor();
    await more.click();
    await more.click();
    await page.getByRole('button', { name: '2 years: Years in your current class', exact: true }).click();
    assert.equal(await adopted(page), false, 'the app is still held back');
    release();
    await shellReady(page);
    await page.waitForFunction(() => document.getElementById('f-years').value === '2');
    assert.equal(await page.locator('#f-in-class').inputValue(), '2');
    // And after the app came, a tap moves the field at once.
    await more.click();
    assert.equal(await page.locator('#f-years').inputValue(), '3');
    assert.deepEqual(problems, []);
    await close();
  });

  // Before: the copy was the shell's, and the click that started the shell came before it
  // listened: no "Copied", an empty clipboard, and only the second click copied (issue 26).
  // Mutation tried: web/boot.js's copy handler taken out fails this at "Copied." (the app,
  // held back, cannot answer the click either).
  test('"Copy the snippet" copies on the first click, before the app arrives', async () => {
    const { page, problems, release, close } = await pageWithShellHeld(app.origin);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(`${app.origin}/embed?view=%2Fclass%2F102D`);
    const snippet = await page.locator('#embed-snippet').textContent();
    assert.match(snippet, /\/class\/102D/);
    const status = page.locator('.copy-status');
    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    await status.filter({ hasText: /^Copied\.$/ }).waitFor();
    assert.equal(await adopted(page), false, 'the app is still held back');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    // Once the app is there, a click copies once more, and is answered once.
    release();
    await shellReady(page);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    await status.filter({ hasText: /^Copied\.$/ }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assert.deepEqual(problems, []);
    await close();
  });

  test('when the browser refuses the clipboard, the snippet is selected and the page says how to copy it', async () => {
    // Mutation tried: web/boot.js's copy handler taken out fails this at the message.
    const { page, problems, release, close } = await pageWithShellHeld(app.origin);
    // A browser that refuses (a policy, a denied permission): writeText rejects, as it then does.
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(`${app.origin}/embed?view=%2Fclass%2F102D`);
    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    await page.locator('.copy-status', { hasText: 'The browser did not allow copying. The snippet is selected: copy it with Ctrl+C (⌘C on a Mac).' }).waitFor();
    const snippet = await page.locator('#embed-snippet').textContent();
    assert.equal(await page.evaluate(() => getSelection().toString()), snippet);
    release();
    assert.deepEqual(problems, []);
    await close();
  });

  test('before the app (or without it), links and forms still work as a web page', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(SHELL_WASM, (route) => route.abort());
    // The one error this test causes: Chromium's report of the shell it refused.
    tolerate(page, SHELL_REFUSED);
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
    assert.equal(await page.locator('header nav a').count(), 6, 'the chrome, Glossary included');
    assert.equal(await page.title(), 'Page not found · Class Spec Explorer');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
