// The first-load benchmark: opens views of the release build in headless Chromium, each in a
// fresh page (nothing cached), and records every response the page fetches until the network
// is quiet, before any intent (no key, no pointer): the budgeted figure. Then one Shift key
// press (the first intent: the shell loads and adopts the page) and what the page has fetched
// in all. Each file's size is brotli-compressed at quality 11, as a server serving
// precompressed files would. Reported apart: what the service worker downloads in the
// background after the first load (its precache, the whole build: dist/sw.js lists it), and a
// reference measured in the same run, the home view as one static HTML page with its CSS.
// Usage: node tests/bench/size.mjs [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { execSync } from 'node:child_process';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

// docs/budgets.md: a fixed view at most 20 KB before the first intent; a view computed
// from its address, opened directly, at most 91 KB.
const FIXED_BUDGET = 20_000;
const COMPUTED_BUDGET = 91_000;
const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const fmt = (n) => n.toLocaleString('en-US');

const dist = process.argv[2] ?? 'dist';
const { server, url } = await serve(dist);
const context = await launch();

/** Every response's size, raw and brotli. */
async function sizes(responses) {
  const rows = [];
  for (const response of responses) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    rows.push({ file: new URL(response.url()).pathname, raw: body.length, brotli: brotli(body) });
  }
  return rows;
}
const sum = (rows) => rows.reduce((total, r) => total + r.brotli, 0);

/** Opens `path` in a fresh page, until the network is quiet, then gives the first intent. */
async function firstLoad(path) {
  const page = await context.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url + path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const before = await sizes(responses);
  const count = responses.length;
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-shell'));
  await page.waitForLoadState('networkidle');
  const after = await sizes(responses.slice(count));
  return { page, before, after };
}

const views = [
  ['/', 'fixed'],
  ['/class/102D', 'fixed'],
  ['/class/102D/2019', 'fixed'],
  ['/path', 'fixed'],
  ['/planner', 'fixed'],
  ['/compare', 'fixed'],
  ['/search', 'fixed'],
  ['/levels', 'fixed'],
  ['/classes', 'fixed'],
  ['/compare?classes=102C,102D', 'computed'],
  ['/planner?class=102C&years=5&in-class=2&education=associate', 'computed'],
  ['/search?q=customer', 'computed'],
  // More computed addresses, space-separated (a synthetic build's classes: BENCHMARKS.md).
  ...(process.env.SIZE_MORE ?? '').split(' ').filter(Boolean).map((path) => [path, 'computed']),
];
const results = [];
let home = null;
for (const [path, kind] of views) {
  const load = await firstLoad(path);
  results.push({ path, kind, ...load });
  if (path === '/') home = load;
  else await load.page.close();
}

// The reference: the same rendered home view as one static HTML page (no script), plus the CSS.
const staticHtml = await home.page.evaluate(() => {
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((n) => n.remove());
  return '<!DOCTYPE html>' + copy.outerHTML;
});
const css = home.before.filter((r) => r.file.endsWith('.css')).reduce((s, r) => s + r.brotli, 0);
const reference = brotli(Buffer.from(staticHtml)) + css;
await home.page.close();
await context.close();
server.close();

// The service worker's background precache: every file dist/sw.js lists.
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);\n/)[1]).map((entry) => (Array.isArray(entry) ? entry[0] : entry));
const precached = precache.map((file) => ({ file, brotli: brotli(readFileSync(join(dist, file))) }));
const wasmPrecached = precached.filter((r) => r.file.endsWith('.wasm'));

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
} catch {}
console.log(`First load: ${new Date().toISOString().slice(0, 10)}, commit ${commit}; brotli bytes, quality 11; 1 KB = 1,000 bytes`);
console.log('');
console.log('| opened directly | before the first intent | budget | | after the first intent, in all |');
console.log('|---|---:|---:|---|---:|');
for (const r of results) {
  const budget = r.kind === 'fixed' ? FIXED_BUDGET : COMPUTED_BUDGET;
  const total = sum(r.before);
  const verdict = total <= budget ? 'within' : '**OVER**';
  console.log(`| \`${r.path}\` (${r.kind}) | ${fmt(total)} in ${r.before.length} requests | ${fmt(budget)} | ${verdict} (${((100 * total) / budget).toFixed(1)}%) | ${fmt(total + sum(r.after))} |`);
}
console.log('');
const homeRows = results[0].before;
console.log('The home view\'s files before the first intent:');
console.log('');
console.log('| file | raw bytes | brotli bytes |');
console.log('|---|---:|---:|');
for (const r of homeRows) console.log(`| ${r.file} | ${fmt(r.raw)} | ${fmt(r.brotli)} |`);
console.log(`| **total (${homeRows.length} requests)** | ${fmt(homeRows.reduce((s, r) => s + r.raw, 0))} | **${fmt(sum(homeRows))}** |`);
console.log('');
console.log(`after the first intent, the home view also fetched: ${results[0].after.map((r) => `${r.file} ${fmt(r.brotli)}`).join('; ')}`);
console.log(`reference, same run: the same home view as a static HTML page with its CSS: ${fmt(reference)} bytes brotli (the app's first load is ${(sum(homeRows) / reference).toFixed(2)}x that)`);
console.log(`the service worker's background precache (after the first load, apart from the budget): ${precache.length} files, ${fmt(sum(precached))} bytes brotli, of which wasm ${fmt(sum(wasmPrecached))} (${wasmPrecached.map((r) => `${r.file} ${fmt(r.brotli)}`).join('; ')})`);
