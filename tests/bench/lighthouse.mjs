// Lighthouse 12 (npm lighthouse@12.2.3, pinned in package.json), mobile preset (its default:
// a simulated slow 4G network and a 4x slower CPU), against the release build served as
// deploy/nginx.conf serves it (gzip at nginx's default level; uncompressed, the engine's
// 250 KB of wasm alone took 1.2 s of the simulated network), on the five views the budget
// names: the home view, a class, a comparison, the career path and a shared plan. Prints each view's four category scores and its paint figures.
// Budget (docs/budgets.md): performance at least 98, accessibility, best practices and
// SEO 100. Lighthouse runs as a child process with `spawn` (not `spawnSync`, which would block
// the server in this process, and Chromium then shows an interstitial and Lighthouse fails).
// Usage: node tests/bench/lighthouse.mjs [dist]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';

const dist = process.argv[2] ?? 'dist';
const views = [
  '/',
  '/class/102D',
  '/compare?classes=102C,102D',
  '/path',
  '/planner?class=102C&years=5&in-class=2&education=associate',
];
const { server, url } = await serve(dist, 0, { gzip: true });
const out = mkdtempSync(join(tmpdir(), 'cse-lighthouse-'));

function lighthouse(address, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'node_modules/.bin/lighthouse',
      [
        address,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code} on ${address}`))));
  });
}

const rows = [];
for (const [i, view] of views.entries()) {
  const file = join(out, `${i}.json`);
  await lighthouse(url + view, file);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const score = (id) => Math.round(100 * report.categories[id].score);
  const ms = (id) => `${(report.audits[id].numericValue / 1000).toFixed(2)} s`;
  rows.push({
    view,
    performance: score('performance'),
    accessibility: score('accessibility'),
    practices: score('best-practices'),
    seo: score('seo'),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: `${Math.round(report.audits['total-blocking-time'].numericValue)} ms`,
    cls: report.audits['cumulative-layout-shift'].numericValue.toFixed(3),
    version: report.lighthouseVersion,
  });
}
server.close();
rmSync(out, { recursive: true, force: true });

console.log(`Lighthouse ${rows[0]?.version}, mobile preset, ${new Date().toISOString().slice(0, 10)}:`);
console.log('');
console.log('| view | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| \`${r.view}\` | ${r.performance} | ${r.accessibility} | ${r.practices} | ${r.seo} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
}
const met = rows.every((r) => r.performance >= 98 && r.accessibility === 100 && r.practices === 100 && r.seo === 100);
console.log('');
console.log(`budget: performance at least 98, the others 100, on every view -> ${met ? 'within' : 'OVER'}`);
