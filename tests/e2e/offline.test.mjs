// Offline use and updates, end to end in headless Chromium against the release build: the
// service worker caches every file on the first visit; with the origin server stopped, every
// view loads and reloads; a new build is offered, not forced, and two builds never mix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, tolerate, watchedPage } from './browser.mjs';
import { viewHeading } from './app.mjs';
import { writeServiceWorker } from '../../scripts/service-worker.mjs';

const VIEWS = [
  ['/', 'Customer Service Specialist series'],
  ['/class/102D', 'Customer Service Specialist 4'],
  ['/class/102D/2019', 'Customer Service Specialist 4'],
  ['/compare?classes=102C,102D', 'Compare classes'],
  ['/path', 'Career path'],
  ['/planner?class=102C&years=5&in-class=2&education=associate', 'Where can I go from here?'],
  ['/no/such/page', 'Page not found'],
];

/** A copy of dist/ to serve, so that a test can change it like a new deployment. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'cse-dist-'));
  cpSync('dist', dir, { recursive: true });
  return dir;
}

/** Every HTML page of a build (index.html, class/102D/index.html, …). */
function pagesIn(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('index.html'))
    .map((name) => join(dir, name));
}

/**
 * Gives a build's stylesheet a new name, as a deployment whose stylesheet changed would (the
 * content stays, so its integrity hash still holds), and links every page to it. A page or file
 * of the first build then shows itself by the old name.
 */
function renameStylesheet(dir) {
  // Trunk writes its hash as a number in hex, without leading zeros: one build in sixteen has
  // a shorter one (as the shell's wasm, tests/e2e/app.mjs). Exactly 16 digits failed here for
  // such a build (seen with main.css renamed to a 15-digit hash).
  const old = readdirSync(dir).find((name) => /^[\w-]+-[0-9a-f]{1,16}\.css$/.test(name));
  assert.ok(old, 'the build has a hashed stylesheet');
  const renamed = old.replace(/([0-9a-f]{1,16})\.css$/, (_, hash) => `${[...hash].reverse().join('')}.css`);
  assert.notEqual(renamed, old);
  renameSync(join(dir, old), join(dir, renamed));
  for (const page of pagesIn(dir)) {
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll(old, renamed));
  }
  return { old: `/${old}`, renamed: `/${renamed}` };
}

/**
 * A first visit: a copy of dist/ served to a browser of its own, `path` opened until the service
 * worker controls the page; then `body` runs with the page, the server and the build's folder
 * (`first`), and both are closed however it ends.
 */
async function afterFirstVisit(path, body) {
  const first = copyOfDist();
  const { server, url, setRoot } = await serve(first);
  const context = await launch();
  try {
    const { page, problems } = await watchedPage(context, url);
    await page.goto(url + path);
    await page.locator('main h1').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await body({ page, problems, server, url, setRoot, first });
  } finally {
    await context.close();
    server.close();
  }
}

/** A new deployment: a copy of dist/ whose every page is marked `<meta name="build" content="NAME">`. */
function markedBuild(name) {
  const build = copyOfDist();
  for (const page of pagesIn(build)) {
    writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `<meta name="build" content="${name}"></head>`));
  }
  return build;
}

const secondBuild = () => markedBuild('second');

/**
 * Asks the browser to look for a new build (as an open tab does every 30 minutes and when shown
 * again), resolving to what became of it: 'installed', 'redundant' (its install failed) or
 * 'nothing new'.
 */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'nothing new';
    const settled = () => ['installed', 'activated', 'redundant'].includes(worker.state);
    if (!settled()) {
      await new Promise((ok) => worker.addEventListener('statechange', () => settled() && ok()));
    }
    return worker.state;
  });
}

/** Moves the note of the last failed install (web/sw.js) `hours` into the past. */
function ageFailure(page, hours) {
  return page.evaluate(async (hours) => {
    const cache = await caches.open('cse-update-failed');
    const note = await (await cache.match('/update-failed')).json();
    note.at -= hours * 60 * 60 * 1000;
    await cache.put('/update-failed', Response.json(note));
    return note.failures;
  }, hours);
}

describe('offline', () => {
  test('after one visit every view loads and reloads with the origin server stopped', async () => {
    await afterFirstVisit('/', async ({ page, problems, server, url }) => {
      // Stopped, not merely set offline: the service worker's own fetches ignore that.
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      const failed = [];
      // A load cut short by the next page (the shell, fetched at the first intent, when a click
      // navigates before it has come) is not a failure; anything else is.
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
      });
      // The view drawn, not the page served for another address while the engine draws it
      // (which holds the same heading for a comparison or a plan: viewHeading).
      for (const [path, heading] of VIEWS) {
        await page.goto(url + path);
        await viewHeading(page, heading).waitFor({ timeout: 10000 });
        await page.reload();
        await viewHeading(page, heading).waitFor({ timeout: 10000 });
      }
      // In-app navigation too (the engine module comes from the cache).
      await page.goto(url + '/');
      await page.locator('main h1').waitFor();
      await page.getByRole('link', { name: 'Career path', exact: true }).click();
      await page.locator('main h1', { hasText: 'Career path' }).waitFor();
      assert.deepEqual(failed, [], 'no request failed');
      assert.deepEqual(problems, []);
    });
  });

  test('a view the engine draws is on screen before the service worker starts caching', async () => {
    // Mutation tried: web/platform.js starting the worker at the load event alone (before the
    // engine has drawn) fails the first assertion.
    const { server, url } = await serve('dist');
    const context = await launch();
    try {
      const { page, problems } = await watchedPage(context, url);
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      let asked;
      const engineAsked = new Promise((resolve) => {
        asked = resolve;
      });
      await page.route(/\/class-spec-engine-compare-[0-9a-f]{16}_bg\.wasm$/, async (route) => {
        asked();
        await held;
        await route.continue();
      });
      // Every call to register a worker, counted in the page as it is made (registering itself
      // completes later, so asking for the registration after a guessed time proved nothing).
      await page.addInitScript(() => {
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        window.workerRegistrations = 0;
        container.register = (...args) => {
          window.workerRegistrations += 1;
          return register(...args);
        };
      });
      await page.goto(url + '/compare?classes=102C,102D', { waitUntil: 'load' });
      // No clock: the load event has run its handlers and the engine's module is held; one
      // more task turn, and whatever was due at load has been asked for.
      await engineAsked;
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      const registrations = () => page.evaluate(() => window.workerRegistrations);
      assert.equal(await registrations(), 0, 'no worker while the view is still to be drawn');
      release();
      await page.locator('table.compare').waitFor();
      await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.getRegistration()), null, { timeout: 10000 });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      server.close();
    }
  });

  test('the offline flag shows while the device is offline', async () => {
    await afterFirstVisit('/', async ({ page }) => {
      const context = page.context();
      const flag = page.locator('.offline-flag');
      assert.equal(await flag.isVisible(), false);
      await context.setOffline(true);
      await flag.waitFor({ state: 'visible' });
      assert.match(await flag.textContent(), /Offline/);
      await context.setOffline(false);
      await flag.waitFor({ state: 'hidden' });
    });
  });

  test('a new build is offered, switches only when accepted, and never mixes with the old', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot }) => {
      // A new deployment: changed pages (marked), a stylesheet under a new name, and its
      // service worker. Mutation tried: the second build's sw.js keeping the old cache and
      // answering from every cache, the old one first; this failed on the first build's
      // stylesheet. (With the same file names in both builds, as before, the file check could
      // not fail.)
      const second = secondBuild();
      const stylesheet = renameStylesheet(second);
      const { urls: secondFiles } = writeServiceWorker(second);
      setRoot(second);

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const offer = page.locator('.update-offer');
      await offer.waitFor({ timeout: 20000 });
      assert.match(await offer.textContent(), /A new version of Class Spec Explorer is available/);

      // Not accepted yet: a reload still shows the first build, and offers again.
      await page.reload();
      await page.locator('main h1').waitFor();
      assert.equal(await page.locator('meta[name=build]').count(), 0, 'still the first build');
      await offer.waitFor({ timeout: 20000 });

      // Accepted: the page reloads into the second build, whose files alone it uses.
      await Promise.all([
        page.waitForEvent('load', { timeout: 20000 }),
        page.getByRole('button', { name: 'Reload to update' }).click(),
      ]);
      await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
      const loaded = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      );
      assert.ok(!loaded.includes(stylesheet.old), `not the first build's stylesheet: ${loaded}`);
      for (const path of loaded) {
        if (path !== '/sw.js') assert.ok(secondFiles.includes(path), `${path} is a file of the second build`);
      }
      assert.ok(loaded.includes(stylesheet.renamed), `the second build's stylesheet: ${loaded}`);
      assert.equal(await page.locator('meta[name=build]').count(), 1, 'the second build\'s page');
      const caches = await page.evaluate(() => caches.keys());
      assert.equal(caches.length, 1, `the old cache is gone: ${caches}`);
      assert.deepEqual(problems, []);
    });
  });

  // Before the integrity hashes, the worker cached whatever the host answered: this test saw
  // the new version installed (and offered) with an HTML page in place of the stylesheet.
  test('a new build with a file that is not the build\'s fails to install, and the old one keeps serving', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot, first }) => {
      const oldCaches = await page.evaluate(() => caches.keys());

      // A new deployment whose upload went wrong: its sw.js lists the stylesheet, but the host
      // answers that address with a page (as a host that answers a missing file with 200 does).
      const second = secondBuild();
      writeServiceWorker(second);
      const css = readdirSync(second).find((name) => name.endsWith('.css'));
      writeFileSync(join(second, css), readFileSync(join(second, 'index.html')));
      setRoot(second);

      assert.equal(await checkForUpdate(page), 'redundant', 'the install failed');
      assert.equal(await page.locator('.update-offer:not(.update-failed)').count(), 0, 'nothing offered');
      assert.deepEqual(
        await page.evaluate(() => caches.keys()),
        [...oldCaches, 'cse-update-failed'],
        'nothing of the new build kept but the note that it failed',
      );
      await page.reload();
      await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
      assert.equal(await page.locator('meta[name=build]').count(), 0, 'still the first build');

      // The upload finished, and the hour the worker waits before trying the same build again
      // has passed: now it installs and is offered.
      cpSync(join(first, css), join(second, css));
      await ageFailure(page, 1);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer').waitFor({ timeout: 20000 });
      assert.deepEqual(
        problems.filter((problem) => !problem.includes('.css')),
        [],
        'no problem but the refused stylesheet',
      );
    });
  });

  // Before: every check (each page load, and an open tab every 30 minutes and whenever it was
  // shown again) installed the broken build again, downloading all of it (about 1.3 MB), and
  // nothing was said. Mutations seen failing: the worker without its wait (the second check
  // downloaded every file again), and the page without its note (never shown).
  test('a new build that fails to install is not downloaded again at every check, and the page says so', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, server, setRoot }) => {
      // One byte of one of the new build's files changed after its sw.js was written.
      const second = secondBuild();
      const { version } = writeServiceWorker(second);
      const css = readdirSync(second).find((name) => name.endsWith('.css'));
      const bytes = readFileSync(join(second, css));
      bytes[bytes.length - 2] ^= 1;
      writeFileSync(join(second, css), bytes);
      setRoot(second);
      // Each try's downloads, by the mark its worker puts on every request ("VERSION/try",
      // web/sw.js), not by when they reach the server: a request of a failed try can reach it
      // after the page has heard of the failure and the next check has begun. Counted by
      // arrival, such a straggler once failed 'not after one hour more' (a fresh clone's second
      // scripts/test run, at 924ebe9). `late` provokes one on purpose: the first request of the
      // try after an hour is recorded only once the next check has been answered. Seen failing
      // so with the count by arrival ('not after one hour more': ['/boot-….js']).
      const tries = new Map();
      let holdNext = false;
      let late = null;
      server.on('request', (request) => {
        const mark = request.headers['x-cse-install'];
        if (!mark) return;
        const record = () => tries.set(mark, [...(tries.get(mark) ?? []), request.url]);
        if (holdNext) {
          holdNext = false;
          late = record;
        } else {
          record();
        }
      });
      let reported = 0;
      /** The tries begun since the last call (`VERSION/N`), each of which downloaded something. */
      const newTries = () => {
        const begun = [...tries.keys()];
        const fresh = begun.slice(reported);
        reported = begun.length;
        return fresh;
      };

      assert.equal(await checkForUpdate(page), 'redundant', 'the install failed');
      assert.deepEqual(newTries(), [`${version}/1`], 'the first try downloads the new build (until a file fails)');
      const note = page.locator('.update-failed');
      await note.waitFor();
      assert.equal(
        await note.locator('p').textContent(),
        'A new version of Class Spec Explorer could not be installed. This version keeps working; it will try again later.',
      );
      // Checked again and again within the hour: sw.js only, and said once.
      for (let check = 0; check < 3; check += 1) {
        assert.equal(await checkForUpdate(page), 'redundant', 'refused');
        assert.deepEqual(newTries(), [], 'nothing but sw.js downloaded');
      }
      assert.equal(await note.count(), 1, 'said once');
      assert.equal(await page.locator('.update-offer:not(.update-failed)').count(), 0, 'nothing offered');

      // An hour later it tries again (and fails again); then it waits two hours.
      assert.equal(await ageFailure(page, 1), 1);
      holdNext = true;
      assert.equal(await checkForUpdate(page), 'redundant');
      assert.deepEqual(newTries(), [`${version}/2`], 'tried again after an hour');
      assert.equal(await ageFailure(page, 1), 2);
      assert.equal(await checkForUpdate(page), 'redundant');
      late();
      assert.deepEqual(newTries(), [], 'not after one hour more');
      await ageFailure(page, 1);
      assert.equal(await checkForUpdate(page), 'redundant');
      assert.deepEqual(newTries(), [`${version}/3`], 'tried again after two');

      // The note can be put away, and the page keeps working on the build it has.
      await note.getByRole('button', { name: 'OK' }).click();
      assert.equal(await note.count(), 0);
      await page.getByRole('link', { name: 'Career path', exact: true }).first().click();
      await page.locator('main h1', { hasText: 'Career path' }).waitFor();

      // Another build (a different sw.js) is tried at once.
      const third = secondBuild();
      for (const page of pagesIn(third)) writeFileSync(page, readFileSync(page, 'utf8').replace('content="second"', 'content="third"'));
      writeServiceWorker(third);
      setRoot(third);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer').waitFor({ timeout: 20000 });
      assert.deepEqual(
        problems.filter((problem) => !problem.includes('.css')),
        [],
        'no problem but the refused stylesheet',
      );
    });
  });

  // Before: the offer's button told the worker that was waiting when the offer was made; a
  // later deployment found by the tab's next check replaced that worker, and the button then
  // spoke to a worker that no longer existed: nothing happened (this test timed out waiting
  // for the reload).
  test('"Reload to update" takes the build waiting now, also one that came after the offer', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot }) => {
      const second = secondBuild();
      writeServiceWorker(second);
      setRoot(second);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer').waitFor();
      const third = markedBuild('third');
      writeServiceWorker(third);
      setRoot(third);
      assert.equal(await checkForUpdate(page), 'installed', 'the third build waits in place of the second');
      await Promise.all([
        page.waitForEvent('load', { timeout: 20000 }),
        page.getByRole('button', { name: 'Reload to update' }).click(),
      ]);
      await page.locator('main h1', { hasText: 'Customer Service Specialist 4' }).waitFor();
      assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'third');
      assert.deepEqual(problems, []);
    });
  });

  // Before: the page listened for the worker's change only once its view was on screen (when it
  // starts the worker). A tab not yet shown (a background tab draws no frame, so its view is not
  // on screen until it is shown) did not hear an update accepted in another tab: it never
  // reloaded, and ran the first build's code under the second build's worker, whose cache holds
  // none of the first build's files. Seen failing so (this test timed out waiting for the second
  // build in that tab) with web/platform.js adding its controllerchange listener in
  // startServiceWorker, as before.
  test('a tab not yet shown when the update is accepted in another reloads into the new build', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot, url }) => {
      const second = secondBuild();
      writeServiceWorker(second);
      setRoot(second);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer').waitFor();
      // A second tab, not shown: its frames are held, as a background tab's are.
      const tab = await page.context().newPage();
      await tab.addInitScript(() => {
        window.requestAnimationFrame = () => 0;
      });
      await tab.goto(url + '/path');
      await tab.locator('main h1', { hasText: 'Career path' }).waitFor();
      assert.equal(await tab.evaluate(() => navigator.serviceWorker.controller?.state), 'activated', 'the first build serves it');
      assert.equal(await tab.locator('.update-offer').count(), 0, 'its worker not started yet');
      await Promise.all([
        page.waitForEvent('load', { timeout: 20000 }),
        page.getByRole('button', { name: 'Reload to update' }).click(),
      ]);
      await page.locator('meta[name=build]').waitFor({ state: 'attached' });
      await tab.locator('meta[name=build]').waitFor({ state: 'attached', timeout: 20000 });
      await tab.locator('main h1', { hasText: 'Career path' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });

  // Before: a build that failed after another had been offered put its note beside the offer,
  // "could not be installed" next to "a new version is available".
  test('a build that fails while another is offered says nothing, and the offered one still comes', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot }) => {
      const second = secondBuild();
      writeServiceWorker(second);
      setRoot(second);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer').waitFor();
      const broken = markedBuild('third');
      writeServiceWorker(broken);
      const css = readdirSync(broken).find((name) => name.endsWith('.css'));
      writeFileSync(join(broken, css), readFileSync(join(broken, 'index.html')));
      setRoot(broken);
      assert.equal(await checkForUpdate(page), 'redundant', 'the third build failed');
      // The page heard the failure before the test's check answered (its statechange came first).
      assert.equal(await page.locator('.update-failed').count(), 0, 'no note of the failure');
      setRoot(second);
      await Promise.all([
        page.waitForEvent('load', { timeout: 20000 }),
        page.getByRole('button', { name: 'Reload to update' }).click(),
      ]);
      assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'second');
      assert.deepEqual(
        problems.filter((problem) => !problem.includes('.css')),
        [],
        'no problem but the refused stylesheet',
      );
    });
  });

  // Before: the note that a build could not be installed counted as an offer, so while it was
  // on the page a later build that installed was never offered.
  test('a build that installs after one that failed is offered, and the note of the failure goes', async () => {
    await afterFirstVisit('/class/102D', async ({ page, problems, setRoot }) => {
      const broken = secondBuild();
      writeServiceWorker(broken);
      const css = readdirSync(broken).find((name) => name.endsWith('.css'));
      writeFileSync(join(broken, css), readFileSync(join(broken, 'index.html')));
      setRoot(broken);
      assert.equal(await checkForUpdate(page), 'redundant', 'the install failed');
      await page.locator('.update-failed').waitFor();
      const third = markedBuild('third');
      writeServiceWorker(third);
      setRoot(third);
      assert.equal(await checkForUpdate(page), 'installed');
      await page.locator('.update-offer:not(.update-failed)').waitFor({ timeout: 20000 });
      assert.equal(await page.locator('.update-failed').count(), 0, 'no word of the failure beside the offer');
      assert.deepEqual(
        problems.filter((problem) => !problem.includes('.css')),
        [],
        'no problem but the refused stylesheet',
      );
    });
  });

  // Before: the worker answered every navigation with the app, so a file opened as a page (a
  // link to the manifest, an icon, sw.js itself) showed "Page not found". Mutation seen
  // failing: the worker's navigation branch without its case for files.
  test('a file of the app opened as a page is the file, not the app', async () => {
    await afterFirstVisit('/', async ({ page, problems, url }) => {
      // A page with no icon of its own (an image, a text file) makes Chromium ask for
      // /favicon.ico, which the build has not: the browser's 404, not the app's.
      tolerate(
        page,
        /^console error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/favicon\.ico\)$/,
      );
      for (const [path, type, body] of [
        ['/manifest.webmanifest', 'application/manifest+json', (b) => JSON.parse(b).name === 'Class Spec Explorer'],
        ['/icons/icon-192.png', 'image/png', (b) => b.subarray(1, 4).toString() === 'PNG'],
        ['/sw.js', 'text/javascript', (b) => b.toString().startsWith('const VERSION = ')],
      ]) {
        const response = await page.goto(url + path);
        assert.equal(response.status(), 200, path);
        assert.ok(response.fromServiceWorker(), `${path}: the worker answered`);
        assert.ok(response.headers()['content-type'].startsWith(type), `${path}: ${response.headers()['content-type']}`);
        assert.ok(body(await response.body()), `${path}: the file itself`);
      }
      // An address with no extension is still a view of the app.
      await page.goto(url + '/no/such/page');
      await page.locator('main h1', { hasText: 'Page not found' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });

  // Before: in a tab whose first visit this was, the worker took control without a reload, so
  // when the update was accepted nothing happened and the page ran the old code under the new
  // worker (this test timed out waiting for the reload).
  test('"Reload to update" reloads also a tab opened before any worker controlled it', async () => {
    await afterFirstVisit('/path', async ({ page, problems, setRoot }) => {
      const second = secondBuild();
      writeServiceWorker(second);
      setRoot(second);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.locator('.update-offer').waitFor({ timeout: 20000 });
      await Promise.all([
        page.waitForEvent('load', { timeout: 20000 }),
        page.getByRole('button', { name: 'Reload to update' }).click(),
      ]);
      await page.locator('meta[name=build]').waitFor({ state: 'attached', timeout: 20000 });
      await page.locator('main h1', { hasText: 'Career path' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });
});
