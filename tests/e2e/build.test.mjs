// The build's own scripts treat data as data: a view written into its page by the post-build
// step (scripts/views.mjs, used by scripts/postbuild.mjs) keeps every `$` pattern of
// String.prototype.replace (`$&`, `` $` ``, `$'`, `$$`, `$1`) as written in the data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageOf, readViews } from '../../scripts/views.mjs';

const INDEX = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Class Spec Explorer</title></head><body class="app"><div id="app"></div><noscript>x</noscript></body></html>';
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dollar-views.json', import.meta.url), 'utf8'));

// class-spec-prerender's records (crates/engine/src/bin/prerender.rs), as it prints them: JSON,
// the page's whole title, the query names as a list, the engine module or null.
const record = ({ path, title, body, query, kiosk }, engine = null) => ({
  path,
  title: title ? `${title} · Class Spec Explorer` : 'Class Spec Explorer',
  body,
  query: query ? query.split(' ') : [],
  kiosk,
  engine,
});

describe('the post-build step', () => {
  // Before the replacer functions, `$&` became the matched <body …> tag, `` $` `` everything
  // before it and `$'` everything after: this test failed on the first view.
  test('writes a view whose data holds $ patterns exactly as the data has them', () => {
    const records = fixture.map((view) => record(view));
    const views = readViews(JSON.stringify(records));
    assert.deepEqual(views, records);
    for (const view of views) {
      const page = pageOf(INDEX, view);
      assert.ok(page.includes(`<body class="app"><div id="app">${view.body}</div><noscript>`), page);
      assert.ok(page.includes(`<title>${view.title.replace(/&/g, '&amp;')}</title>`), page);
      const query = view.query.join(' ');
      assert.ok(page.includes(`<meta name="view" content="${view.path.replace(/&/g, '&amp;')}" data-query="${query}"${view.kiosk ? ' data-kiosk' : ''}>`), page);
    }
  });

  test('names the engine module of a page whose query computes its view, beside the whole engine', () => {
    const [view] = readViews(JSON.stringify([record({ path: '/compare', title: 'Compare classes', body: '<main id="main"></main>', query: 'classes', kiosk: false }, 'compare')]));
    assert.equal(view.engine, 'compare');
    const whole = '<meta name="engine" content="/e.js">';
    const own = '<meta name="view-engine" content="/c.js">';
    const page = pageOf(INDEX.replace('<title>', `${whole}<title>`), view, own);
    assert.ok(page.includes(`${own}${whole}`), page);
    // A page of the whole engine names no other module.
    assert.ok(!pageOf(INDEX.replace('<title>', `${whole}<title>`), view).includes('view-engine'));
    assert.throws(() => pageOf(INDEX, view, own), /lacks <meta name="engine">/);
  });

  test('refuses output it cannot read', () => {
    assert.throws(() => readViews('/\0title\0'), /printed something unexpected/);
    assert.throws(() => readViews('[]'), /printed something unexpected/);
    const good = record(fixture[1]);
    assert.throws(() => readViews(JSON.stringify([{ ...good, path: '/../x' }])), /came out wrong/);
    assert.throws(() => readViews(JSON.stringify([{ ...good, kiosk: 'kiosk' }])), /came out wrong/);
    assert.throws(() => readViews(JSON.stringify([{ ...good, engine: undefined }])), /came out wrong/);
    assert.throws(() => pageOf('<html></html>', good), /lacks/);
  });
});
