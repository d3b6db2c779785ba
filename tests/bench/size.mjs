// The first-load benchmark: opens the home view of the release build in headless Chromium,
// records every response it fetches (the budgeted figure), then does the same for views opened
// directly by their address (a computed one is drawn by the engine; the shell follows at the
// first key press, also measured), and reports each file's size raw and brotli-compressed
// (quality 11, as a server serving precompressed files would). In the same run it measures a
// reference: a static HTML page holding the same rendered home view, with its stylesheet.
// Usage: node tests/bench/size.mjs [dist]
import { brotliCompressSync, constants } from 'node:zlib';
import { execSync } from 'node:child_process';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const BUDGET = 100_000; // bytes, brotli: ../shared/PRODUCT.md says "at most 100 KB"
const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const fmt = (n) => n.toLocaleString('en-US');

const dist = process.argv[2] ?? 'dist';
const { server, url } = await serve(dist);
const context = await launch();

/// Every response's size, raw and brotli.
async function sizes(responses) {
  const rows = [];
  for (const response of responses) {
    const body = await response.body();
    rows.push({ file: new URL(response.url()).pathname, raw: body.length, brotli: brotli(body) });
  }
  return rows;
}

/// Opens `path` in a fresh page (nothing cached), waits for its heading and for the network to
/// settle, and returns every response's size, raw and brotli; `responses` keeps recording.
async function firstLoad(path) {
  const page = await context.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url + path);
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
  const rows = await sizes(responses);
  return { page, rows, responses, total: rows.reduce((sum, r) => sum + r.brotli, 0) };
}

const { page, rows, total } = await firstLoad('/');
const wasm = rows.find((r) => r.file.endsWith('.wasm'));

// The reference: the same rendered home view as one static HTML page (no script), plus the CSS.
const staticHtml = await page.evaluate(() => {
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((n) => n.remove());
  return '<!DOCTYPE html>' + copy.outerHTML;
});
const css = rows.filter((r) => r.file.endsWith('.css')).reduce((sum, r) => sum + r.brotli, 0);
const reference = brotli(Buffer.from(staticHtml)) + css;
await page.close();

// Opened directly (a shared link, an embed): the start view's files plus the engine module.
const deep = [];
for (const path of [
  '/class/102D',
  '/path',
  '/levels',
  '/compare?classes=102C,102D',
  '/planner?class=102C&years=5&in-class=2&education=associate',
  '/search?q=customer',
]) {
  const load = await firstLoad(path);
  const has = (rows, prefix) => rows.some((r) => r.file.startsWith(prefix) && r.file.endsWith('.wasm'));
  const engine = has(load.rows, '/class-spec-engine-');
  const shell = has(load.rows, '/class-spec-explorer-');
  // Then the person reaches for something (a key): a view drawn by the engine alone now gets
  // the shell too (web/boot.js). The figure after it is what the page has fetched in all.
  await load.page.keyboard.press('Shift');
  await load.page.waitForFunction(() => !document.getElementById('prerender'));
  await load.page.waitForLoadState('networkidle');
  const after = (await sizes(load.responses)).reduce((sum, r) => sum + r.brotli, 0);
  deep.push({ path, total: load.total, requests: load.rows.length, engine, shell, after });
  await load.page.close();
}

await context.close();
server.close();

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
} catch {}
console.log(`First load of the home view: ${new Date().toISOString().slice(0, 10)}, commit ${commit}`);
console.log('');
console.log('| file | raw bytes | brotli bytes |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${fmt(r.raw)} | ${fmt(r.brotli)} |`);
console.log(`| **total (${rows.length} requests)** | ${fmt(rows.reduce((s, r) => s + r.raw, 0))} | **${fmt(total)}** |`);
console.log('');
console.log(`budget: ${fmt(BUDGET)} bytes brotli -> ${total <= BUDGET ? 'within' : 'OVER'} (${((100 * total) / BUDGET).toFixed(1)}% of it)`);
console.log(`wasm: ${fmt(wasm?.raw ?? 0)} bytes raw, ${fmt(wasm?.brotli ?? 0)} bytes brotli`);
for (const d of deep) {
  const how =
    d.engine && d.shell
      ? 'the shell and the engine'
      : d.engine
        ? 'computed: drawn by the engine, no shell yet'
        : 'written at build time: the shell, no engine';
  console.log(`opened directly, ${d.path}: ${fmt(d.total)} bytes brotli in ${d.requests} requests (${((100 * d.total) / BUDGET).toFixed(1)}% of the budget; ${how}); after the first key press, ${fmt(d.after)} in all`);
}
console.log(`reference, same run: the same home view as a static HTML page with its CSS: ${fmt(reference)} bytes brotli (the app is ${(total / reference).toFixed(1)}x that)`);
