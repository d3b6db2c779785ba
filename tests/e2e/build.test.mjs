// The build's own scripts treat data as data: a view written into its page by the post-build
// step (scripts/views.mjs, used by scripts/postbuild.mjs) keeps every `$` pattern of
// String.prototype.replace (`$&`, `` $` ``, `$'`, `$$`, `$1`) as written in the data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageOf, readViews } from '../../scripts/views.mjs';

const INDEX = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Class Spec Explorer</title></head><body class="app"><div id="app"></div><noscript>x</noscript></body></html>';
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dollar-views.json', import.meta.url), 'utf8'));

describe('the post-build step', () => {
  // Before the replacer functions, `$&` became the matched <body …> tag, `` $` `` everything
  // before it and `$'` everything after: this test failed on the first view.
  test('writes a view whose data holds $ patterns exactly as the data has them', () => {
    const printed = fixture.map(({ path, title, body, query, kiosk }) => `${path}\0${title}\0${body}\0${query}\0${kiosk ? 'kiosk' : ''}\0\0`).join('');
    const views = readViews(printed);
    assert.deepEqual(
      views,
      fixture.map((view) => ({ ...view, engine: '' })),
    );
    for (const view of views) {
      const page = pageOf(INDEX, view);
      assert.ok(page.includes(`<body class="app"><div id="app">${view.body}</div><noscript>`), page);
      const title = view.title ? `${view.title.replace(/&/g, '&amp;')} · Class Spec Explorer` : 'Class Spec Explorer';
      assert.ok(page.includes(`<title>${title}</title>`), page);
      assert.ok(page.includes(`<meta name="view" content="${view.path.replace(/&/g, '&amp;')}" data-query="${view.query}"${view.kiosk ? ' data-kiosk' : ''}>`), page);
    }
  });

  test('names the engine module of a page whose query computes its view, beside the whole engine', () => {
    const [view] = readViews('/compare\0Compare classes\0<main></main>\0classes\0\0compare\0');
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
    assert.throws(() => readViews('/../x\0t\0<main></main>\0\0\0\0'), /came out wrong/);
    assert.throws(() => pageOf('<html></html>', fixture[0]), /lacks/);
  });
});
