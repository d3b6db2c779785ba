// A catalogue of many series, end to end (issue 24, item 1's "done when"): made-up pages
// (class_spec_import::made_up, distinct words per class, not the repeated real text) imported
// with the importer into a data folder of their own, written as data files by the build's own
// writer (crates/engine/examples/catalogue_files.rs), and served with a copy of the release build
// whose pages name that index. The app's code is the release build's, unchanged: the data is
// apart from it. A comparison, a plan and a search are opened in it, offline after one visit
// too, and with a data file deliberately corrupted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, tolerate, watchedPage } from './browser.mjs';
import { expectNoViolations, viewHeading } from './app.mjs';
import { writeServiceWorker } from '../../scripts/service-worker.mjs';
import { contract } from '../../scripts/contract.mjs';

const { CATALOGUE_FILES, RECORD_DATA_INDEX, RECORD_DATA_INTEGRITY } = contract;
const SERIES = 12;
const LEVELS = 5;

/** `text` as a regular expression's source that matches it exactly. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Runs a command of the workspace's debug build, built first if it is not (seconds when it is). */
function cargo(...args) {
  return execFileSync('cargo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * The made-up catalogue: its data folder filled by the importer from generated pages, its data
 * files, and a copy of dist/ serving them. Returns the folder served and each class's title as
 * the data folder has it (read back from the imported files, not assumed).
 */
function manySeriesBuild(work) {
  cargo('build', '-q', '-p', 'class-spec-import', '--bin', 'class-spec-import', '--example', 'synthetic_pages', '-p', 'class-spec-engine', '--example', 'catalogue_files');
  execFileSync('target/debug/examples/synthetic_pages', [join(work, 'gen'), String(SERIES), String(LEVELS)]);
  for (const sub of ['series', 'classes']) mkdirSync(join(work, 'data', sub), { recursive: true });
  execFileSync('target/debug/class-spec-import', ['--data', join(work, 'data'), '--listing', join(work, 'gen', 'listing.toml')]);
  const served = join(work, 'dist');
  cpSync('dist', served, { recursive: true });
  rmSync(join(served, CATALOGUE_FILES.slice(1)), { recursive: true });
  const record = JSON.parse(cargo('run', '-q', '-p', 'class-spec-engine', '--example', 'catalogue_files', '--', join(work, 'data'), served));
  // The index's address and integrity are in each engine module's script (web/engine-data.js,
  // appended by scripts/postbuild.mjs), which the pages name with its own integrity hash: each
  // script is given the new index, and each page the script's new hash.
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const pages = readdirSync(served, { recursive: true })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(served, name));
  const scripts = readdirSync(served).filter((name) => /^class-spec-engine(-[a-z]+)?-[0-9a-f]{16}\.js$/.test(name));
  assert.equal(scripts.length, 4, 'the whole engine and the three modules of computed pages');
  const renamed = [];
  for (const name of scripts) {
    const file = join(served, name);
    const old = readFileSync(file, 'utf8');
    const [, address, integrity] = old.match(/"(\/[^"]+\/index-[0-9a-f]{16}\.bin)", "(sha256-[A-Za-z0-9+/=]+)"\);?\s*$/) ?? [];
    assert.ok(address, `${name} names the real index`);
    const now = old.replace(`"${address}", "${integrity}"`, `${JSON.stringify(record[RECORD_DATA_INDEX])}, ${JSON.stringify(record[RECORD_DATA_INTEGRITY])}`);
    writeFileSync(file, now);
    renamed.push([sri(old), sri(now)]);
  }
  const named = new Set();
  for (const page of pages) {
    let html = readFileSync(page, 'utf8');
    for (const [old, now] of renamed) {
      if (html.includes(old)) named.add(old);
      html = html.replaceAll(old, now);
    }
    writeFileSync(page, html);
  }
  assert.equal(named.size, renamed.length, "the pages name each engine script by its sha384");
  writeServiceWorker(served);
  const titles = new Map();
  for (const name of readdirSync(join(work, 'data', 'classes'))) {
    const text = readFileSync(join(work, 'data', 'classes', name), 'utf8');
    const code = text.match(/^code = "([^"]+)"/m)?.[1];
    const title = text.match(/^title = "([^"]+)"/m)?.[1];
    if (code && title) titles.set(code, title);
  }
  assert.equal(titles.size, SERIES * LEVELS, 'every made-up page imported');
  return { served, titles };
}

const work = mkdtempSync(join(tmpdir(), 'cse-many-'));
let made;
let origin;
let server;
before(async () => {
  made = manySeriesBuild(work);
  ({ server, url: origin } = await serve(made.served));
});
after(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The titles at the heads of a comparison's columns (each column head's link to its class). */
const columnTitles = (page) => page.locator('table.compare thead th a[href^="/class/"]').allTextContents();

/** The data files a page asked for (their addresses), as they were requested. */
function dataRequests(page) {
  const asked = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(`${CATALOGUE_FILES}/`)) asked.push(path);
  });
  return asked;
}

describe('a catalogue of many series, made by the importer', () => {
  test('a shared comparison across two series fetches the index and those two series (and the home series) only', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const { page, problems } = await watchedPage(context, origin);
    const asked = dataRequests(page);
    await page.goto(`${origin}/compare?classes=G003B,G007C`);
    await page.locator('table.compare').waitFor();
    const heads = await columnTitles(page);
    assert.deepEqual(heads, [made.titles.get('G003B'), made.titles.get('G007C')]);
    const series = asked.filter((path) => !path.includes('/index-')).map((path) => path.split('/').pop().split('-')[0]);
    // The home series (the first) comes with every view that is not all of the catalogue's
    // (class_spec_core::data_files::needs); no other series does.
    assert.deepEqual(series.sort(), ['g000', 'g003', 'g007'], `asked for ${asked.join(', ')}`);
    assert.equal(asked.filter((path) => path.includes('/index-')).length, 1, 'the index, once');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a plan judges the made-up series, from its own series file', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const { page, problems } = await watchedPage(context, origin);
    const asked = dataRequests(page);
    await page.goto(`${origin}/planner?class=G005B&years=3&in-class=1`);
    await page.locator('.plan').waitFor();
    const text = await page.locator('.plan').textContent();
    assert.ok(text.includes(made.titles.get('G005C')), 'the next level of the series is judged');
    assert.ok(asked.some((path) => path.split('/').pop().startsWith('g005-')), `asked for ${asked.join(', ')}`);
    assert.ok(!asked.some((path) => path.split('/').pop().startsWith('g001-')), 'not another series');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a search finds a made-up class by a word of its title', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    const { page, problems } = await watchedPage(context, origin);
    const title = made.titles.get('G009D');
    const word = title.split(' ').find((w) => w.length > 4) ?? title.split(' ')[0];
    await page.goto(`${origin}/search?q=${encodeURIComponent(word)}`);
    await viewHeading(page);
    await page.locator('main a', { hasText: title }).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('after one visit, a comparison of other series opens offline', async () => {
    const context = await launch();
    try {
      const { page } = await watchedPage(context, origin);
      await page.goto(`${origin}/compare?classes=G000A,G000B`);
      await page.locator('table.compare').waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
      await context.setOffline(true);
      const offline = await context.newPage();
      await offline.goto(`${origin}/compare?classes=G010A,G011E`);
      await offline.locator('table.compare').waitFor();
      assert.deepEqual(await columnTitles(offline), [made.titles.get('G010A'), made.titles.get('G011E')]);
    } finally {
      await context.close();
    }
  });

  test('a corrupted data file is named, nothing is drawn from it, and Retry draws once it is right', async () => {
    const folder = join(made.served, CATALOGUE_FILES.slice(1));
    const name = readdirSync(folder).find((file) => file.startsWith('g006-'));
    const good = readFileSync(join(folder, name));
    const bad = Buffer.from(good);
    bad[bad.length >> 1] ^= 0xff;
    writeFileSync(join(folder, name), bad);
    const context = await launch({ serviceWorkers: 'block' });
    try {
      const { page, problems } = await watchedPage(context, origin);
      // Chromium refuses the file by its integrity hash, and says so in the console, twice.
      const at = escape(`${origin}/compare?classes=G006A,G006B`);
      const served = escape(`${origin}${CATALOGUE_FILES}/${name}`);
      tolerate(
        page,
        new RegExp(`^console error: Failed to find a valid digest in the 'integrity' attribute for resource '${served}' with computed SHA-256 integrity '[^']+'\\. The resource has been blocked\\. \\(${at}\\)$`),
        new RegExp(`^console error: Fetch API cannot load ${served}\\. SRI's integrity checks failed\\. \\(${at}\\)$`),
      );
      await page.goto(`${origin}/compare?classes=G006A,G006B`);
      const failed = page.locator('.load-failed');
      await failed.waitFor();
      const words = await failed.textContent();
      assert.ok(words.includes(`(g006)`) && words.includes(`${CATALOGUE_FILES}/${name}`), `names the series and its file: ${words}`);
      assert.equal(await page.locator('table.compare').count(), 0, 'nothing drawn without its data');
      await expectNoViolations(page, 'missing data: ');
      writeFileSync(join(folder, name), good);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.locator('table.compare').waitFor();
      assert.deepEqual(await columnTitles(page), [made.titles.get('G006A'), made.titles.get('G006B')]);
      assert.deepEqual(problems, []);
    } finally {
      writeFileSync(join(folder, name), good);
      await context.close();
    }
  });
});
