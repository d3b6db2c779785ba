// The views written at build time (scripts/postbuild.mjs, step 4): class-spec-prerender's output
// read, and each view put into a copy of index.html. Its text is data (class titles, official
// text), so it is inserted with replacer functions: a `$&`, `` $` `` or `$'` in it is written as
// itself, never read as a pattern of String.prototype.replace.

/** The views class-spec-prerender printed: path, title and body, each followed by a NUL. */
export function readViews(out) {
  const parts = out.split('\0');
  if (parts.length < 4 || parts.length % 3 !== 1) throw new Error('class-spec-prerender printed something unexpected');
  const views = [];
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const [path, title, body] = parts.slice(i, i + 3);
    if (!path.startsWith('/') || path.includes('..') || !body.includes('<main')) throw new Error(`a view came out wrong: ${path}`);
    views.push({ path, title, body });
  }
  return views;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** `html` (index.html) holding one view: its title, `<meta name="prerendered">` and `#prerender`. */
export function pageOf(html, { path, title, body }) {
  const open = html.match(/<body[^>]*>/);
  const charset = html.match(/<meta charset="?utf-8"?>/i);
  if (!open || !charset || !/<title>[^<]*<\/title>/.test(html)) throw new Error('index.html lacks <body>, <meta charset> or <title>');
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title ? `${title} · Class Spec Explorer` : 'Class Spec Explorer')}</title>`)
    .replace(charset[0], () => `${charset[0]}<meta name="prerendered" content="${escape(path)}">`)
    .replace(open[0], () => `${open[0]}<div id="prerender">${body}</div>`);
}
