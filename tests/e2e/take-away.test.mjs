// Take it with you (issue 23, items 1 and 2): every view that answers a question (a class, a
// comparison, a plan, the levels view, a search) has one control that gives its address away:
// the share sheet where the browser offers one, else "Copy link" with a visible confirmation;
// refused, it says so and shows the address selected. The first click works before the app
// (the shell) has come: web/boot.js answers the fallback the page arrives with, and the shell's
// component (src/take_away.rs) takes its place without moving it. At each persona's size: desk
// 1440×900, phone 390×844 touch, kiosk 1080×1920 touch (never there). On a kiosk, "Take this
// with you" instead: a QR code of the view's address (or of an official page's), drawn on the
// device by the QR module (crates/qr, loaded on a kiosk only), read back here from a
// screenshot by a decoder written apart from the encoder (jsQR). Screenshots go to
// test-results/take-away-*.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tolerate } from './browser.mjs';
import { expectNoViolations, pageWithShellHeld, shellReady, useApp, wasmRefused } from './app.mjs';

const app = useApp();
const DESK = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false };
const COPIED = 'Link copied.';
const REFUSED =
  'The browser did not allow copying the link. The address is selected below: copy it with Ctrl+C (⌘C on a Mac), or press and hold it on a phone.';

const shot = async (page, name) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/take-away-${name}.png` });
};

/** A page at a persona's size, its shell held back until `release()`, the clipboard allowed. */
const personaPage = (device, { clipboard = true } = {}) =>
  pageWithShellHeld(app.origin, { device, permissions: clipboard ? ['clipboard-read', 'clipboard-write'] : [] });

const QR_WASM = /\/class-spec-qr-[0-9a-f]{16}_bg\.wasm$/;
const QR_FILE = /\/class-spec-qr-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
const JSQR = createRequire(import.meta.url).resolve('jsqr');

/**
 * What a phone's camera would read from the code on screen: a screenshot of `element`, decoded
 * by jsQR in a blank page of the same browser (the app's page allows no script of ours).
 */
async function scan(page, element) {
  const png = (await element.screenshot()).toString('base64');
  const reader = await page.context().newPage();
  await reader.addScriptTag({ path: JSQR });
  const text = await reader.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    return globalThis.jsQR(pixels.data, image.width, image.height)?.data ?? null;
  }, png);
  await reader.close();
  return text;
}

const adopted = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-shell'));
const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page) => page.locator('#take-away .take-away__status');

describe('take it with you: share and copy', () => {
  // Mutation tried: web/boot.js's share handler taken out fails this at "Link copied." (the
  // app, held back, cannot answer the click either).
  test('desk: one click copies the view\'s own address before the app comes, and again after it; the button stays where it was', async () => {
    const { page, problems, release, close } = await personaPage(DESK);
    // The browser's address holds more than the view's (the kiosk word ended): the view's own is given.
    await page.goto(`${app.origin}/class/102D?kiosk=0`);
    const button = page.getByRole('button', { name: 'Copy link', exact: true });
    const before = await button.boundingBox();
    await button.click();
    await status(page).filter({ hasText: COPIED }).waitFor();
    assert.equal(await adopted(page), false, 'the app is still held back');
    assert.equal(await clipboardText(page), `${app.origin}/class/102D`);
    await shot(page, 'desk-copied');
    await expectNoViolations(page, 'copied, before the app: ');

    release();
    await shellReady(page);
    // The component took the fallback's place: the same button, at the same place, and what
    // the fallback said still said.
    assert.equal(await page.locator('#take-away [data-action]').count(), 0, 'the fallback is replaced');
    assert.deepEqual(await button.boundingBox(), before, 'nothing moved');
    assert.equal(await status(page).textContent(), COPIED);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.click();
    await status(page).filter({ hasText: COPIED }).waitFor();
    assert.equal(await clipboardText(page), `${app.origin}/class/102D`);

    // The control follows the address: gone on the index, back on the levels view with its address.
    await page.getByRole('link', { name: 'All classes', exact: true }).click();
    await page.locator('main h1', { hasText: 'All classes' }).waitFor();
    assert.equal(await page.locator('#take-away').isHidden(), true, 'the index answers no question');
    await page.goto(`${app.origin}/levels`);
    await page.keyboard.press('Shift');
    await shellReady(page);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await status(page).filter({ hasText: COPIED }).waitFor();
    assert.equal(await clipboardText(page), `${app.origin}/levels`);
    assert.deepEqual(problems, []);
    await close();
  });

  // Mutation tried: boot.js's refusal branch not showing the field (manual.hidden left true)
  // fails this at the field's visibility; the component's `refused` not setting `by_hand`
  // fails its second half.
  test('desk: a refused clipboard says so and shows the address selected, before the app and after it', async () => {
    const { page, problems, release, close } = await personaPage(DESK, { clipboard: false });
    // A browser that refuses (a policy, a denied permission): writeText rejects, as it then does.
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    const address = '/compare?classes=102C,102D';
    await page.goto(`${app.origin}${address}`);
    await page.locator('table.compare').waitFor();
    const field = page.getByLabel('Address of this view');
    for (const when of ['before the app', 'after the app']) {
      await page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await status(page).filter({ hasText: REFUSED }).waitFor();
      await field.waitFor();
      assert.equal(await field.inputValue(), `${app.origin}${address}`, when);
      const selected = await field.evaluate((input) => [document.activeElement === input, input.selectionStart, input.selectionEnd]);
      assert.deepEqual(selected, [true, 0, `${app.origin}${address}`.length], `${when}: the address is selected`);
      if (when === 'before the app') {
        await shot(page, 'desk-refused');
        await expectNoViolations(page, 'refused: ');
        assert.equal(await adopted(page), false);
        release();
        await shellReady(page);
      }
    }
    assert.deepEqual(problems, []);
    await close();
  });

  test('phone: where the browser offers its share sheet, the button is "Share" and opens it with the address', async () => {
    const { page, problems, release, close } = await personaPage(PHONE, { clipboard: false });
    // A phone's browser with the Web Share API (headless Chromium on Linux has none): the
    // sheet opened is recorded, and the person shares.
    await page.addInitScript(() => {
      window.shared = [];
      navigator.canShare = (data) => typeof data?.url === 'string';
      navigator.share = (data) => {
        window.shared.push(data.url);
        return Promise.resolve();
      };
    });
    const address = '/planner?class=102C&years=5&in-class=2&education=associate';
    await page.goto(`${app.origin}${address}`);
    await page.locator('.plan').waitFor();
    const button = page.getByRole('button', { name: 'Share', exact: true });
    await button.tap();
    await page.waitForFunction(() => window.shared.length === 1);
    assert.equal(await adopted(page), false, 'answered before the app');
    release();
    await shellReady(page);
    await button.tap();
    await page.waitForFunction(() => window.shared.length === 2);
    const canonical = `${app.origin}/planner?class=102C&years=5&in-class=2&education=associate`;
    assert.deepEqual(await page.evaluate(() => window.shared), [canonical, canonical]);
    await shot(page, 'phone-share');
    assert.deepEqual(problems, []);
    await close();
  });

  test('phone: without a share sheet, one tap copies', async () => {
    const { page, problems, release, close } = await personaPage(PHONE);
    await page.goto(`${app.origin}/search?q=customer`);
    await page.locator('.search-classes').waitFor();
    await page.getByRole('button', { name: 'Copy link', exact: true }).tap();
    await status(page).filter({ hasText: COPIED }).waitFor();
    assert.equal(await clipboardText(page), `${app.origin}/search?q=customer`);
    await shot(page, 'phone-copied');
    release();
    assert.deepEqual(problems, []);
    await close();
  });

  test('kiosk: no share or copy control', async () => {
    const { page, problems, release, close } = await personaPage(KIOSK);
    await page.goto(`${app.origin}/class/102D?kiosk=1&idle=600`);
    await page.locator('main h1').waitFor();
    assert.equal(await page.getByRole('button', { name: /^(Copy link|Share)$/ }).count(), 0, 'before the app');
    release();
    await page.keyboard.press('Shift');
    await shellReady(page);
    assert.equal(await page.getByRole('button', { name: /^(Copy link|Share)$/ }).count(), 0, 'after the app');
    await shot(page, 'kiosk');
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('take it with you: a code to scan on the kiosk', () => {
  // Mutations tried: web/boot.js not keeping the tap (`[${QR}]` left out of its early taps)
  // fails this at the dialog: the tap that started the app is lost; the shell handing the module
  // the browser's address (`location.href`, src/take_away.rs) fails it at the decoded address
  // ('…&kiosk=1&idle=600').
  test('kiosk: one tap, even before the app, shows a code of the view\'s own address that reads back, large, with the address beside it', async () => {
    const { page, problems, release, close } = await personaPage(KIOSK);
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${app.origin}/compare?classes=102C,102D&kiosk=1&idle=600`);
    await page.locator('table.compare').waitFor();
    await page.getByRole('button', { name: 'Take this with you', exact: true }).first().tap();
    assert.equal(await adopted(page), false, 'tapped before the app');
    release();
    const dialog = page.getByRole('dialog', { name: 'Take this with you' });
    const code = dialog.getByRole('img', { name: /^QR code of / });
    await code.waitFor();
    const box = await code.boundingBox();
    assert.ok(box.width >= 600 && box.height >= 600, `large enough to scan from arm's length: ${box.width}×${box.height}`);
    const address = `${app.origin}/compare?classes=102C,102D`;
    assert.equal(await scan(page, code), address, 'the code holds the view\'s own address (not ?kiosk=1)');
    const readable = `${new URL(app.origin).host}/compare?classes=102C,102D`;
    assert.equal(await dialog.locator('.take-away-panel__address').textContent(), readable);
    assert.ok(fetched.some((p) => QR_WASM.test(p)), 'the QR module came, on the kiosk');
    await shot(page, 'kiosk-code');
    await expectNoViolations(page, 'kiosk code: ');
    await dialog.getByRole('button', { name: 'Close', exact: true }).tap();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
    await close();
  });

  // Mutations tried: web/boot.js's loader keeping a failed load (its `engines.delete(name)` left
  // out) fails this at the second tap, which then never shows a code; the message left unset on
  // failure fails it at the first.
  test('kiosk: a code that cannot be made says so with the address, and a tap again tries again', async () => {
    const { page, problems, release, close } = await personaPage(KIOSK);
    let refuse = true;
    await page.route(QR_WASM, (route) => (refuse ? route.abort() : route.continue()));
    // Chromium's report of the module it refused is the one error this test causes.
    tolerate(page, wasmRefused('class-spec-qr'));
    release();
    await page.goto(`${app.origin}/class/102D?kiosk=1&idle=600`);
    await page.locator('main h1').first().waitFor();
    await page.keyboard.press('Shift');
    await shellReady(page);
    const take = page.locator('#take-away').getByRole('button', { name: 'Take this with you', exact: true });
    await take.tap();
    const said = page.locator('#take-away').getByText(/^The code could not be made just now\./);
    await said.waitFor();
    assert.equal(
      await said.textContent(),
      `The code could not be made just now. Tap "Take this with you" to try again, or note down the address: ${app.origin}/class/102D`,
    );
    assert.equal(await page.getByRole('dialog').count(), 0, 'no empty panel');
    await shot(page, 'kiosk-no-code');
    refuse = false;
    await take.tap();
    const dialog = page.getByRole('dialog', { name: 'Take this with you' });
    await dialog.getByRole('img', { name: /^QR code of / }).waitFor();
    assert.equal(await scan(page, dialog.getByRole('img', { name: /^QR code of / })), `${app.origin}/class/102D`);
    await dialog.getByRole('button', { name: 'Close', exact: true }).tap();
    // Nothing went wrong but the refused module's file: asked for at the shell's start (to offer
    // a code beside official addresses) and at the first tap.
    const refused = (p) => /^failed request: \S+\/class-spec-qr-[0-9a-f]{16}_bg\.wasm \(net::ERR_FAILED\)$/.test(p);
    assert.ok(problems.some(refused), 'the module was refused');
    assert.deepEqual(problems.filter((p) => !refused(p)), []);
    await close();
  });

  // Mutation tried: MAX_VERSION raised to 40 in crates/qr draws a code of 121 modules here, and
  // this fails at the message.
  test('kiosk: an address too long for a code that reads from arm\'s length says so, and draws none', async () => {
    const { page, problems, release, close } = await personaPage(KIOSK);
    release();
    // 200 characters searched, none of them ASCII: over a thousand characters of address.
    await page.goto(`${app.origin}/search?q=${encodeURIComponent('é'.repeat(200))}&kiosk=1&idle=600`);
    await page.locator('main h1').first().waitFor();
    await page.keyboard.press('Shift');
    await shellReady(page);
    await page.getByRole('button', { name: 'Take this with you', exact: true }).first().tap();
    const dialog = page.getByRole('dialog', { name: 'Take this with you' });
    await dialog.locator('.take-away-panel__said', { hasText: 'This address is too long' }).waitFor();
    assert.match(
      await dialog.locator('.take-away-panel__said').textContent(),
      /^This address is too long for a code a phone can read from here: it has \d+ characters, and such a code holds at most 412\. Note it down instead:$/,
    );
    assert.equal(await dialog.locator('svg').count(), 0, 'no code that would not scan');
    await shot(page, 'kiosk-too-long');
    assert.deepEqual(problems, []);
    await close();
  });

  test("kiosk: an official page's address is offered the same way", async () => {
    const { page, problems, release, close } = await personaPage(KIOSK);
    release();
    await page.goto(`${app.origin}/class/102D?kiosk=1&idle=600`);
    await page.locator('main h1').first().waitFor();
    await page.keyboard.press('Shift');
    await shellReady(page);
    const official = page.locator('.external-address [data-qr]').first();
    const href = await official.getAttribute('data-qr');
    assert.match(href, /^https:\/\//, 'an official page, outside the app');
    await official.tap();
    const code = page.getByRole('dialog', { name: 'Take this with you' }).getByRole('img', { name: /^QR code of / });
    await code.waitFor();
    assert.equal(await scan(page, code), href);
    await shot(page, 'kiosk-official');
    assert.deepEqual(problems, []);
    await close();
  });

  // Mutations tried: the QR module's name written into every page by scripts/postbuild.mjs (as
  // the engine's is) fails the first load's assertion; the shell asking for the module off a
  // kiosk too (`qr.offer()` on the share control's path, src/take_away.rs) fails the fetch's.
  test('desk and phone: the QR module is never fetched, nor named by the first load', async () => {
    for (const device of [DESK, PHONE]) {
      const { page, problems, release, close } = await personaPage(device);
      const fetched = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      release();
      await page.goto(`${app.origin}/class/102D`);
      // The page names the module nowhere: the shell's own script does, once it has come.
      assert.equal(await page.locator('meta[name="qr"]').count(), 0, 'no QR module named before the first intent');
      assert.ok(!(await page.content()).includes('class-spec-qr'), 'nothing of the QR module in the first load');
      await page.keyboard.press('Shift');
      await shellReady(page);
      await page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await status(page).filter({ hasText: COPIED }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(!fetched.some((p) => QR_FILE.test(p)), 'no QR module off the kiosk');
      assert.equal(await page.getByRole('button', { name: 'Take this with you' }).count(), 0);
      assert.deepEqual(problems, []);
      await close();
    }
  });
});
