// The start-up benchmark: first contentful paint and largest contentful paint of views of the
// release build, each against a static HTML snapshot of the same rendered view (its
// stylesheet, no script), served the same way and loaded alternately in one headless Chromium
// run, each load cold (no HTTP cache, no service worker), with no intent (no key, no pointer):
// so the longest task measured is the longest before the first intent. Reports medians and the
// ratios app / static against the budgets (docs/budgets.md: FCP within 1.05x, LCP within
// 1.15x, no long task over 50 ms). The same for a comparison opened from a shared link (a view
// computed from its address, which no file of the build holds: the engine draws it).
// Usage: node tests/bench/paint.mjs [dist] [runs]
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Math.max(11, Number(process.argv[3] ?? 15));

// The views measured, each against a snapshot of itself: the app's own view as drawn, scripts
// removed, in a copy of dist/ (same files, same server, one more page).
const views = [
  { name: 'the home view', path: '/', ready: '.ladder', snapshot: '/static-home.html' },
  { name: 'a class (/class/102D)', path: '/class/102D', ready: '#typical-work', snapshot: '/static-class.html' },
  { name: 'the career path (/path)', path: '/path', ready: '.path-layout', snapshot: '/static-path.html' },
  {
    name: 'a comparison opened from a shared link (/compare?classes=102C,102D)',
    path: '/compare?classes=102C,102D',
    ready: 'table.compare',
    snapshot: '/static-compare.html',
  },
];
const snapshotDir = mkdtempSync(join(tmpdir(), 'cse-static-'));
cpSync(dist, snapshotDir, { recursive: true });
const { server, url } = await serve(snapshotDir);
// No service worker: the first load's would cache every file in the background (46 files)
// while the next loads are measured; every load here is a first visit, as on a fresh device.
const context = await launch({ serviceWorkers: 'block' });
for (const view of views) {
  const page = await context.newPage();
  await page.goto(url + view.path);
  await page.locator(view.ready).waitFor();
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[name="engine"]').forEach((n) => n.remove());
    copy.removeAttribute('data-view-pending');
    return `<!DOCTYPE html>${copy.outerHTML}`;
  });
  writeFileSync(join(snapshotDir, view.snapshot), html);
  await page.close();
}

/** One cold load: FCP, LCP and (for the app) the longest task until the view is ready. */
async function load(path, ready) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url + path, { waitUntil: 'load' });
  await page.locator(ready).waitFor();
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    longest: window.__longest,
  }));
  await page.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(1)} ms`;
for (const view of views) {
  const app = [];
  const snapshot = [];
  for (let i = 0; i < runs; i += 1) {
    // Alternate, so that a slow moment of the machine hits both alike.
    if (i % 2 === 0) {
      app.push(await load(view.path, view.ready));
      snapshot.push(await load(view.snapshot, view.ready));
    } else {
      snapshot.push(await load(view.snapshot, view.ready));
      app.push(await load(view.path, view.ready));
    }
  }
  const appFcp = median(app.map((r) => r.fcp));
  const staticFcp = median(snapshot.map((r) => r.fcp));
  const appLcp = median(app.map((r) => r.lcp));
  const staticLcp = median(snapshot.map((r) => r.lcp));
  const longest = Math.max(...app.map((r) => r.longest));
  console.log(`Start-up of ${view.name}, ${runs} cold loads each, alternated, headless Chromium (median):`);
  console.log('');
  console.log('| | app | static snapshot (reference) | ratio |');
  console.log('|---|---:|---:|---:|');
  console.log(`| first contentful paint | ${fmt(appFcp)} | ${fmt(staticFcp)} | ${(appFcp / staticFcp).toFixed(2)}x |`);
  console.log(`| largest contentful paint | ${fmt(appLcp)} | ${fmt(staticLcp)} | ${(appLcp / staticLcp).toFixed(2)}x |`);
  console.log('');
  const within = (ratio, limit) => (ratio <= limit ? 'within' : 'OVER');
  console.log(`budget: first contentful paint within 1.05x of the static page -> ${within(appFcp / staticFcp, 1.05)}; largest contentful paint within 1.15x -> ${within(appLcp / staticLcp, 1.15)}`);
  console.log(
    longest > 0
      ? `longest task before the first intent (worst of ${runs} loads): ${fmt(longest)} (budget: none over 50 ms -> OVER)`
      : `long tasks (over 50 ms) before the first intent: none in ${runs} loads (budget: none over 50 ms -> within)`,
  );
  console.log('');
}
await context.close();
server.close();
