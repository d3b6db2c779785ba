// Class Spec Explorer's service worker. scripts/postbuild.mjs writes the build's VERSION and
// PRECACHE list above this file into dist/sw.js: every file of the build, with its integrity
// hash ([path, "sha384-…"]).
//
// - Install: cache every file of this build under a cache of its own (cse-VERSION), each
//   fetched with its integrity hash: a file that is not byte for byte the build's (a host
//   answering a missing file with a page, an upload not finished) fails the install, so the
//   version in use keeps serving and nothing of the new one is kept. The failure is noted
//   (cse-update-failed): the same version is not tried again for an hour, then 2, 4, … up to
//   24 hours after each failure, since every try downloads every file (a browser checks for an
//   update at each page load, an open page every 30 minutes and when shown again). A different
//   sw.js (another build) is tried at once. The page says the update could not be installed.
// - A new build waits: the page offers "a new version is available — reload", and the switch
//   happens only when the person accepts (or at the next cold start, when no page uses the old
//   one). Two versions never mix: a page is served only from the cache of the version that
//   controls it, and it reloads as soon as the version changes.
// - Activate: delete the caches of other versions, then take control of open pages.
// - Fetch: any address of the app (a navigation) gets its own cached page when the build wrote
//   one, else the cached app shell; a file (an address with an extension: the manifest, an
//   icon, sw.js), even opened as a page, gets the file, as the server answers it. Only what is
//   not cached goes to the network.

// The names shared with Rust (crates/core/src/contract.rs), put in by the build
// (scripts/service-worker.mjs, scripts/contract.mjs).
const { MESSAGE_ACTIVATE } = CONTRACT;

const CACHE = `cse-${VERSION}`;
// The last failed install: { version, failures, at } (a time in ms). Its cache's name starts
// with cse- too, so a version that activates deletes it with the other versions' caches.
const FAILED = 'cse-update-failed';
const HOUR = 60 * 60 * 1000;
// The header that marks an install's downloads with its version and try ("VERSION/2").
const INSTALL_HEADER = 'x-cse-install';

/** The last failed install's note, or null. (caches.match, unlike caches.open, creates nothing.) */
async function lastFailure() {
  const note = await caches.match('/update-failed', { cacheName: FAILED });
  return note ? note.json() : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const failed = await lastFailure();
      const again = failed?.version === VERSION;
      if (again && Date.now() < failed.at + Math.min(2 ** (failed.failures - 1), 24) * HOUR) {
        // Refused before any download: the page still hears that the update did not install.
        throw new Error(`version ${VERSION} failed to install ${failed.failures} time(s): not tried again yet`);
      }
      const attempt = again ? failed.failures + 1 : 1;
      // Every download says which try of which version it is for, so that a server can tell the
      // tries apart: a request of a failed try may reach it after the next has begun
      // (tests/e2e/offline.test.mjs counts each try's downloads by it).
      const headers = { [INSTALL_HEADER]: `${VERSION}/${attempt}` };
      const cache = await caches.open(CACHE);
      // The first file that fails stops the others' downloads: the install has failed.
      const stop = new AbortController();
      let failure = null;
      await Promise.allSettled(
        PRECACHE.map(async ([url, integrity]) => {
          try {
            // Rejects when the bytes do not match the hash.
            const response = await fetch(new Request(url, { cache: 'reload', integrity, headers, signal: stop.signal }));
            if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
            await cache.put(url, response);
          } catch (error) {
            failure ??= error;
            stop.abort();
          }
        }),
      );
      if (failure) {
        await caches.delete(CACHE);
        const note = { version: VERSION, failures: attempt, at: Date.now() };
        await (await caches.open(FAILED)).put('/update-failed', Response.json(note));
        throw failure;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('cse-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === MESSAGE_ACTIVATE) self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      let cached;
      const path = new URL(request.url).pathname;
      if (request.mode === 'navigate' && /\.[A-Za-z0-9]+$/.test(path)) {
        // A file opened as a page: the file (from the network if the build does not list it,
        // sw.js for one), never the app's "Page not found". deploy/nginx.conf draws the same line.
        cached = await cache.match(path);
      } else if (request.mode === 'navigate') {
        // The address's own page when the build wrote one, else the app shell.
        const view = path.replace(/\/+$/, '');
        cached = (await cache.match(`${view}/index.html`)) ?? (await cache.match('/index.html'));
      } else {
        cached = await cache.match(request);
      }
      return cached ?? fetch(request);
    })(),
  );
});
