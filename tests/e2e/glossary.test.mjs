// The glossary (issue 22, item 7), end to end in headless Chromium against the release build:
// from a class page, a person reads a term's definition where the page lists its terms, by tap
// and by keyboard, follows it to the glossary and comes back; on a phone (390×844, touch), at a
// desk (1440×900) and at a portrait kiosk (1080×1920, touch, whose history has no Back: the
// definition opens in place); and with the origin server stopped after one visit.
// Screenshots go to test-results/glossary-*.png.
//
// Mutations tried (on the built files, sw.js written anew): the class page's terms written as
// plain text, no <details>, fails the desk test (no summary to click); the glossary's page left
// out of the build fails the offline test ('the glossary is precached').
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, watchedPage } from './browser.mjs';

const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  desk: { viewport: { width: 1440, height: 900 } },
  kiosk: { viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false },
};
const TERM = 'Administrative direction';
const ANCHOR = 'administrative-direction';

let server;
let origin;
before(async () => {
  ({ server, url: origin } = await serve('dist'));
});
after(() => server?.close());

/** A browser of its own for `device`, closed however `body` ends. */
async function withBrowser(device, body) {
  const context = await launch(DEVICES[device]);
  try {
    const { page, problems } = await watchedPage(context, origin);
    await body(page, problems);
  } finally {
    await context.close();
  }
}

const shot = async (page, name) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/glossary-${name}.png` });
};

/** Opens a class page and waits for its heading. */
async function openClass(page, query = '') {
  await page.goto(`${origin}/class/102D${query}`);
  await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
}

/** The term's disclosure in the page's list of terms. */
const noteOf = (page) => page.locator('.terms details.term-note').filter({ has: page.locator('summary', { hasText: TERM }) });

/** Presses Tab until the term's summary has focus (a person's keyboard, not a script's focus). */
async function tabTo(page) {
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(
      (name) => document.activeElement?.matches('.terms summary') && document.activeElement.textContent === name,
      TERM,
    );
    if (there) return;
  }
  assert.fail(`Tab never reached ${TERM}`);
}

/** On the glossary at the term: its entry is the page's target and on screen. */
async function atTheEntry(page) {
  await page.waitForURL(`${origin}/glossary#${ANCHOR}`);
  await page.locator('main h1', { hasText: 'Glossary' }).waitFor();
  const entry = page.locator(`section#${ANCHOR}`);
  await entry.waitFor();
  await page.waitForFunction((id) => {
    const box = document.getElementById(id)?.getBoundingClientRect();
    return box && box.top >= 0 && box.top < window.innerHeight;
  }, ANCHOR);
  // A page opened at the address targets the entry; the shell's navigation (pushState sets no
  // target) moves focus to it, as a browser does for a fragment link.
  assert.equal(await entry.evaluate((e) => e.matches(':target') || document.activeElement === e), true, 'the entry is marked');
  assert.match(await entry.textContent(), /no official definition found/);
}

describe('glossary', () => {
  for (const device of ['phone', 'desk']) {
    test(`${device}: a term's definition by tap and by keyboard, its entry in the glossary and back`, async () => {
      await withBrowser(device, async (page, problems) => {
        await openClass(page);
        const note = noteOf(page);
        const summary = note.locator('summary');
        // By touch (or pointer): open, read, close.
        if (device === 'phone') await summary.tap();
        else await summary.click();
        await note.locator('.term-note__body').waitFor({ state: 'visible' });
        assert.match(await note.locator('.term-note__body').textContent(), /In our own words: no official definition found/);
        await shot(page, `${device}-term-open`);
        if (device === 'phone') await summary.tap();
        else await summary.click();
        await note.locator('.term-note__body').waitFor({ state: 'hidden' });
        // To the glossary's entry and back.
        const link = note.getByRole('link', { name: `${TERM} in the glossary` });
        if (device === 'phone') await summary.tap();
        else await summary.click();
        if (device === 'phone') await link.tap();
        else await link.click();
        await atTheEntry(page);
        await shot(page, `${device}-glossary`);
        await page.goBack();
        await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
        // By keyboard alone: Tab to the term, Enter opens it, Tab to its link, Enter follows it.
        await openClass(page);
        await tabTo(page);
        await page.keyboard.press('Enter');
        await note.locator('.term-note__body').waitFor({ state: 'visible' });
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.textContent), `${TERM} in the glossary`);
        await page.keyboard.press('Enter');
        await atTheEntry(page);
        await page.goBack();
        await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
        assert.deepEqual(problems, []);
      });
    });
  }

  // Where a reader meets the term: its first appearance in the text is a link that opens its
  // definition in place (by tap on the phone, by keyboard at the desk). Mutations tried: the
  // definition's id put on the <li> outside the disclosure (the body stays hidden in the app);
  // no link drawn (count 0).
  for (const device of ['phone', 'desk']) {
    test(`${device}: a term in the text opens its definition where the page lists it`, async () => {
      await withBrowser(device, async (page, problems) => {
        await openClass(page);
        // Linked at its first appearance in each part of the page (a section, an aside).
        const links = page.locator(`main a.term[href="#term-${ANCHOR}"]`);
        assert.ok((await links.count()) >= 1, 'the term is a link where it appears');
        const term = links.first();
        if (device === 'phone') await term.tap();
        else {
          await term.focus();
          await page.keyboard.press('Enter');
        }
        const body = page.locator(`#term-${ANCHOR}`);
        await body.waitFor({ state: 'visible' });
        await page.waitForFunction((id) => {
          const box = document.getElementById(id).getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }, `term-${ANCHOR}`);
        assert.match(await body.textContent(), /no official definition found/);
        await shot(page, `${device}-term-link`);
        assert.deepEqual(problems, []);
      });
    });
  }

  test('kiosk: the definition opens in place by tap and by keyboard; the glossary leads nowhere outside', async () => {
    await withBrowser('kiosk', async (page, problems) => {
      await openClass(page, '?kiosk=1&idle=600');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true);
      const note = noteOf(page);
      const body = note.locator('.term-note__body');
      await note.locator('summary').tap();
      await body.waitFor({ state: 'visible' });
      await shot(page, 'kiosk-term-open');
      await note.locator('summary').tap();
      await body.waitFor({ state: 'hidden' });
      await tabTo(page);
      await page.keyboard.press('Enter');
      await body.waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await body.waitFor({ state: 'hidden' });
      // The glossary's entry, in the app; the sources' addresses are text, not ways out.
      await note.locator('summary').tap();
      await note.getByRole('link', { name: `${TERM} in the glossary` }).tap();
      await atTheEntry(page);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => new URL(a.href)).filter((u) => u.origin !== location.origin).length,
      );
      assert.equal(outside, 0, 'no link leads out of the app');
      assert.ok((await page.locator('.glossary__source .external-address').count()) > 0, 'sources named as text');
      await shot(page, 'kiosk-glossary');
      assert.deepEqual(problems, []);
    });
  });

  test('offline after one visit: the glossary and every page\'s terms', async () => {
    const precached = readFileSync('dist/sw.js', 'utf8');
    assert.match(precached, /"\/glossary\/index\.html"/, 'the glossary is precached');
    const copy = await serve('dist');
    const context = await launch(DEVICES.phone);
    try {
      const { page, problems } = await watchedPage(context, copy.url);
      await page.goto(`${copy.url}/class/102D`);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
      // Stopped, not merely set offline: the service worker's own fetches ignore that.
      copy.server.closeAllConnections();
      await new Promise((ok) => copy.server.close(ok));
      await page.goto(`${copy.url}/class/102B`);
      await page.locator('main h1', { hasText: 'Customer Service Specialist 2' }).waitFor();
      const note = page.locator('.terms details.term-note').filter({ has: page.locator('summary', { hasText: 'Journey level' }) });
      await note.locator('summary').tap();
      await note.getByRole('link', { name: 'Journey level in the glossary' }).tap();
      await page.waitForURL(`${copy.url}/glossary#journey-level`);
      await page.locator('section#journey-level').waitFor();
      await page.goBack();
      await page.locator('main h1', { hasText: 'Customer Service Specialist 2' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
