// The views written at build time (scripts/postbuild.mjs, step 4): class-spec-prerender's output
// read, and each view put into a copy of index.html. Its text is data (class titles, official
// text), so it is inserted with replacer functions: a `$&`, `` $` `` or `$'` in it is written as
// itself, never read as a pattern of String.prototype.replace.

const FIELDS = 6;

/**
 * The views class-spec-prerender printed: path, title, body (the content of #app), the query
 * names that would make the address another view, `kiosk` if a kiosk sees it otherwise, and the
 * engine module that draws the views of its path (empty: the whole engine), each followed by a
 * NUL.
 */
export function readViews(out) {
  const parts = out.split('\0');
  if (parts.length < FIELDS + 1 || parts.length % FIELDS !== 1) throw new Error('class-spec-prerender printed something unexpected');
  const views = [];
  for (let i = 0; i + FIELDS - 1 < parts.length; i += FIELDS) {
    const [path, title, body, query, kiosk, engine] = parts.slice(i, i + FIELDS);
    if (!path.startsWith('/') || path.includes('..') || !body.includes('<main')) throw new Error(`a view came out wrong: ${path}`);
    views.push({ path, title, body, query, kiosk: kiosk === 'kiosk', engine });
  }
  return views;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * `html` (index.html) holding one view whole: its title, `<meta name="view">` (what
 * web/platform.js compares with the address: crates/core/src/contract.rs, VIEW_META), the
 * `<meta name="view-engine">` of its path's engine module if it has one (`viewEngine`, written
 * beside the whole engine's) and the document as the content of `#app`.
 */
export function pageOf(html, { path, title, body, query, kiosk }, viewEngine = '') {
  // (Trunk's minifier may have dropped the quotes.)
  const app = html.match(/<div id="?app"?><\/div>/);
  const charset = html.match(/<meta charset="?utf-8"?>/i);
  if (!app || !charset || !/<title>[^<]*<\/title>/.test(html)) throw new Error('index.html lacks <div id="app"></div>, <meta charset> or <title>');
  const meta = `<meta name="view" content="${escape(path)}" data-query="${escape(query)}"${kiosk ? ' data-kiosk' : ''}>`;
  let page = html;
  if (viewEngine) {
    const engine = html.match(/<meta name="engine"[^>]*>/);
    if (!engine) throw new Error('index.html lacks <meta name="engine">');
    page = page.replace(engine[0], () => `${viewEngine}${engine[0]}`);
  }
  return page
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title ? `${title} · Class Spec Explorer` : 'Class Spec Explorer')}</title>`)
    .replace(charset[0], () => `${charset[0]}${meta}`)
    .replace(app[0], () => `<div id="app">${body}</div>`);
}
