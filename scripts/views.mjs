// The views written at build time (scripts/postbuild.mjs, step 4): class-spec-prerender's output
// (a JSON array of records, their fields named in crates/core/src/contract.rs) read, and each
// view put into a copy of index.html. Its text is data (class titles, official text), so it is
// inserted with replacer functions: a `$&`, `` $` `` or `$'` in it is written as itself, never
// read as a pattern of String.prototype.replace.
import { contract } from './contract.mjs';

const {
  RECORD_PATH,
  RECORD_TITLE,
  RECORD_BODY,
  RECORD_QUERY,
  RECORD_KIOSK,
  RECORD_ENGINE,
  APP_ID,
  MAIN_ID,
  VIEW_META,
  VIEW_QUERY,
  VIEW_KIOSK,
  ENGINE_META,
} = contract;

/**
 * The views class-spec-prerender printed (JSON), each a record as it printed it: its path, the
 * page's whole title, the document (the content of #app), the query names that would make the
 * address another view, whether a kiosk sees it otherwise, and the engine module that draws the
 * views of its path (null: the whole engine). Throws on a record that is not one.
 */
export function readViews(out) {
  let records;
  try {
    records = JSON.parse(out);
  } catch {
    throw new Error('class-spec-prerender printed something unexpected');
  }
  if (!Array.isArray(records) || records.length === 0) throw new Error('class-spec-prerender printed something unexpected');
  for (const record of records) {
    const path = record[RECORD_PATH];
    const body = record[RECORD_BODY];
    const wellFormed =
      typeof path === 'string' &&
      path.startsWith('/') &&
      !path.includes('..') &&
      typeof body === 'string' &&
      body.includes(`<main id="${MAIN_ID}"`) &&
      typeof record[RECORD_TITLE] === 'string' &&
      Array.isArray(record[RECORD_QUERY]) &&
      typeof record[RECORD_KIOSK] === 'boolean' &&
      (record[RECORD_ENGINE] === null || typeof record[RECORD_ENGINE] === 'string');
    if (!wellFormed) throw new Error(`a view came out wrong: ${path}`);
  }
  return records;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * `html` (index.html) holding one view whole: its title, `<meta name="view">` (what
 * web/platform.js compares with the address: crates/core/src/contract.rs, VIEW_META), the
 * `<meta name="view-engine">` of its path's engine module if it has one (`viewEngine`, written
 * beside the whole engine's) and the document as the content of `#app`.
 */
export function pageOf(html, record, viewEngine = '') {
  // (Trunk's minifier may have dropped the quotes.)
  const app = html.match(new RegExp(`<div id="?${APP_ID}"?></div>`));
  const charset = html.match(/<meta charset="?utf-8"?>/i);
  if (!app || !charset || !/<title>[^<]*<\/title>/.test(html)) {
    throw new Error(`index.html lacks <div id="${APP_ID}"></div>, <meta charset> or <title>`);
  }
  const query = record[RECORD_QUERY].join(' ');
  const kiosk = record[RECORD_KIOSK] ? ` ${VIEW_KIOSK}` : '';
  const meta = `<meta name="${VIEW_META}" content="${escape(record[RECORD_PATH])}" ${VIEW_QUERY}="${escape(query)}"${kiosk}>`;
  let page = html;
  if (viewEngine) {
    const engine = html.match(new RegExp(`<meta name="${ENGINE_META}"[^>]*>`));
    if (!engine) throw new Error(`index.html lacks <meta name="${ENGINE_META}">`);
    page = page.replace(engine[0], () => `${viewEngine}${engine[0]}`);
  }
  return page
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(record[RECORD_TITLE])}</title>`)
    .replace(charset[0], () => `${charset[0]}${meta}`)
    .replace(app[0], () => `<div id="${APP_ID}">${record[RECORD_BODY]}</div>`);
}
