// Class Spec Explorer's service worker. scripts/postbuild.mjs writes the build's VERSION and
// PRECACHE list above this file into dist/sw.js: every file of the build, with its integrity
// hash ([path, "sha384-…"]).
//
// - Install: cache every file of this build under a cache of its own (cse-VERSION), each
//   fetched with its integrity hash: a file that is not byte for byte the build's (a host
//   answering a missing file with a page, an upload not finished) fails the install, so the
//   version in use keeps serving and nothing of the new one is kept.
// - A new build waits: the page offers "a new version is available — reload", and the switch
//   happens only when the person accepts (or at the next cold start, when no page uses the old
//   one). Two versions never mix: a page is served only from the cache of the version that
//   controls it, and it reloads as soon as the version changes.
// - Activate: delete the caches of other versions, then take control of open pages.
// - Fetch: any address of the app (a navigation) gets its own cached page when the build wrote
//   one, else the cached app shell; a file gets its cached copy. Only what is not cached goes to
//   the network.

const CACHE = `cse-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          PRECACHE.map(async ([url, integrity]) => {
            // Rejects when the bytes do not match the hash.
            const response = await fetch(new Request(url, { cache: 'reload', integrity }));
            if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
            await cache.put(url, response);
          }),
        );
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
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
  if (event.data?.type === 'class-spec-explorer:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      let cached;
      if (request.mode === 'navigate') {
        // The address's own page when the build wrote one, else the app shell.
        const path = new URL(request.url).pathname.replace(/\/+$/, '');
        cached = (await cache.match(`${path}/index.html`)) ?? (await cache.match('/index.html'));
      } else {
        cached = await cache.match(request);
      }
      return cached ?? fetch(request);
    })(),
  );
});
