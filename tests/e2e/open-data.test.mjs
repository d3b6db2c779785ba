// The release build publishes the catalogue as open data at its stable addresses (README, "Open
// data"): the index, each series' file it names, the schema and the table, served with their
// types and readable by other sites' programs; the service worker does not keep them
// (ARCHITECTURE.md, "Open data"). Their contents are checked against the schema natively
// (crates/engine/tests/open_data.rs); here, that the build wrote them and the server serves them.
// Mutation seen failing: the post-build step's step 5 left out (every fetch a 404).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, tolerate } from './browser.mjs';

let server;
let origin;
let context;

before(async () => {
  ({ server, url: origin } = await serve('dist'));
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

const get = async (path) => {
  const response = await fetch(origin + path);
  assert.equal(response.status, 200, path);
  return response;
};

describe('the open data', () => {
  test('is served at its four addresses, and every series file the index names', async () => {
    const index = await get('/data/v1/catalogue.json');
    assert.equal(index.headers.get('content-type'), 'application/json');
    assert.equal(index.headers.get('access-control-allow-origin'), '*');
    const catalogue = await index.json();
    assert.equal(catalogue.format, 'class-spec-explorer/catalogue/v1');
    assert.match(catalogue.notice, /^Not an official State of Washington site/);
    const schema = await (await get(catalogue.schema)).json();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    let versions = 0;
    assert.ok(catalogue.series.length > 0);
    for (const entry of catalogue.series) {
      const response = await get(entry.file);
      assert.equal(response.headers.get('content-type'), 'application/json');
      const series = await response.json();
      assert.equal(series.id, entry.id);
      assert.deepEqual(
        series.classes.map((c) => c.code.value),
        entry.classes.map((c) => c.code.value),
        `${entry.file} holds the classes the index lists`,
      );
      versions += entry.classes.reduce((n, c) => n + c.versions.length, 0);
    }
    const table = await get(catalogue.classes_csv);
    assert.equal(table.headers.get('content-type'), 'text/csv; charset=utf-8');
    // One header row, then a row per class version: records end in CRLF (a line break inside
    // a quoted cell is a bare LF, RFC 4180 as Sheet::to_csv writes it).
    const records = (await table.text()).split('\r\n').filter((line) => line !== '');
    assert.equal(records.length, 1 + versions);
  });

  test('is not in the offline copy, and a program on another site can read it', async () => {
    const worker = readFileSync('dist/sw.js', 'utf8');
    const precache = JSON.parse(worker.match(/const PRECACHE = (\[[\s\S]*?\]);\n/)[1]);
    assert.ok(precache.length > 0);
    assert.deepEqual(precache.filter(([url]) => url.startsWith('/data/')), []);
    // A document of another origin (the test server as "localhost" is another origin than
    // 127.0.0.1; a JSON file, so no page of the app's, with its policy, is involved) reads the
    // index with CORS: without Access-Control-Allow-Origin the fetch throws. Not watchedPage:
    // it counts this request to "another host" as a problem, which here it is meant to be.
    const page = await context.newPage();
    const other = origin.replace('127.0.0.1', 'localhost');
    // Chromium asks a JSON document's origin for /favicon.ico, which the build has not.
    const escaped = other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    tolerate(page, new RegExp(`^console error: Failed to load resource: the server responded with a status of 404 \\(Not Found\\) \\(${escaped}/favicon\\.ico\\)$`));
    await page.goto(`${other}/data/v1/schema.json`);
    const format = await page.evaluate(async (url) => (await (await fetch(url)).json()).format, `${origin}/data/v1/catalogue.json`);
    assert.equal(format, 'class-spec-explorer/catalogue/v1');
    await page.close();
  });
});
