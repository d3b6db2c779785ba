// The search-index probe (issue 24, item 3): Pagefind (npm `pagefind`, its binary from the npm
// package @pagefind/linux-x64) against an index of our own split the same way (terms sorted and
// cut into chunks, a chunk fetched when a query's word falls in its range, one fragment per
// result shown), and a reference measured in the same run: the whole index as one file (what a
// search that is not split costs). Each is built from the same records (every class version's
// page: its sections' paragraphs and points, as the app's own index holds them; written by
// `cargo run --release -p class-spec-data --example search_records [-- N]`), at real size and
// with N synthetic classes in made-up words (default 2,000), and run in headless Chromium:
//   - a shared link: the page opens with a query; bytes (brotli, quality 11, per file, as
//     tests/bench/size.mjs counts) and time until the first 5 results are on hand (their
//     titles and text);
//   - then typing a rarer word letter by letter, 5 results each keystroke: bytes added in all,
//     and each keystroke's time (median, worst);
//   - offline: the network cut, a word whose part of the index never came: what each says;
//   - all files: what an offline copy holding the whole index costs.
// Usage: node tests/bench/search-index.mjs [N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as pagefind from 'pagefind';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const SYNTHETIC = Number(process.argv[2] ?? 2000);
const SHOWN = 5;
/** Our index's chunk: terms until their postings reach about this many bytes of JSON. */
const CHUNK_BYTES = 24_000;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** The words of a text as both indexes of ours fold them (class_spec_core::search: ASCII letters and digits). */
const words = (text) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

function records(synthetic) {
  const args = ['run', '--release', '-q', '-p', 'class-spec-data', '--example', 'search_records'];
  if (synthetic) args.push('--', String(synthetic));
  const out = execFileSync('cargo', args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slug = (heading) => heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function buildPagefind(pages, dir) {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const page of pages) {
    const body = page.sections
      .map(([heading, items]) => `<h2 id="${slug(heading)}">${escape(heading)}</h2>${items.map((p) => `<p>${escape(p)}</p>`).join('')}`)
      .join('');
    const { errors } = await index.addHTMLFile({
      url: page.url,
      content: `<!doctype html><html lang="en"><head><title>${escape(page.title)}</title></head><body><h1>${escape(page.title)}</h1>${body}</body></html>`,
    });
    if (errors.length) throw new Error(errors.join('; '));
  }
  const { errors } = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (errors.length) throw new Error(errors.join('; '));
}

/** Ours: meta.json (each chunk's first term, the number of pages), i/K.json (terms and postings, page ids as gaps, each with the count of the term), f/ID.json (a page). */
function buildOwn(pages, dir) {
  const postings = new Map();
  pages.forEach((page, id) => {
    const counts = new Map();
    for (const w of words([page.title, ...page.sections.flatMap(([h, items]) => [h, ...items])].join(' '))) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    for (const [w, n] of counts) {
      if (!postings.has(w)) postings.set(w, []);
      postings.get(w).push(id, n);
    }
  });
  const terms = [...postings.keys()].sort();
  const chunks = [];
  let chunk = [];
  let size = 0;
  for (const term of terms) {
    const list = postings.get(term);
    const gaps = list.map((v, i) => (i % 2 === 0 && i > 0 ? v - list[i - 2] : v));
    const entry = [term, gaps];
    const bytes = JSON.stringify(entry).length;
    if (size + bytes > CHUNK_BYTES && chunk.length) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(entry);
    size += bytes;
  }
  chunks.push(chunk);
  mkdirSync(join(dir, 'own/i'), { recursive: true });
  mkdirSync(join(dir, 'own/f'), { recursive: true });
  writeFileSync(join(dir, 'own/meta.json'), JSON.stringify({ pages: pages.length, chunks: chunks.map((c) => c[0][0]) }));
  chunks.forEach((c, k) => writeFileSync(join(dir, `own/i/${k}.json`), JSON.stringify(c)));
  pages.forEach((page, id) => writeFileSync(join(dir, `own/f/${id}.json`), JSON.stringify(page)));
  // The reference: every page in one file.
  writeFileSync(join(dir, 'whole.json'), JSON.stringify(pages));
  return chunks.length;
}

// The page the browser runs: the three searches behind one interface, `search(query)` ->
// { count, shown: [{ url, title, excerpt }] } for the first SHOWN results, or a thrown error.
const PAGE = `<!doctype html><html lang="en"><title>search probe</title><script type="module">
const SHOWN = ${SHOWN};
const words = ${words.toString()};
const cache = new Map();
const json = (url) => {
  if (!cache.has(url)) {
    const p = fetch(url).then((r) => { if (!r.ok) throw new Error(url + ': HTTP ' + r.status); return r.json(); });
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return cache.get(url);
};
const excerpt = (page, query) => {
  const q = words(query);
  const text = page.sections.flatMap(([, items]) => items).find((t) => q.every((w) => words(t).some((v) => v.startsWith(w)))) ?? '';
  return text.slice(0, 160);
};
/** Ours: the chunks that hold the range of each word (the last one as typed in part, from its
 *  third letter: one or two letters begin too many words to be worth their chunks, as
 *  class_spec_core::search's SHORTEST_PREFIX says for class names). */
async function own(query) {
  const meta = await json('/own/meta.json');
  const q = words(query);
  if (!q.length) return { count: 0, shown: [] };
  let scores = null;
  for (const [i, w] of q.entries()) {
    const part = i === q.length - 1 && w.length >= 3;
    const first = (term) => { let lo = 0, hi = meta.chunks.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (meta.chunks[mid] <= term) lo = mid; else hi = mid - 1; } return lo; };
    const from = first(w);
    const to = part ? first(w + '\\uffff') : from;
    const missing = [];
    const chunks = await Promise.all([...Array(to - from + 1).keys()].map((k) => json('/own/i/' + (from + k) + '.json').catch(() => { missing.push(from + k); return []; })));
    if (missing.length) throw new Error('part of the index is not on this device (chunk ' + missing.join(', ') + ')');
    const found = new Map();
    for (const chunk of chunks) for (const [term, gaps] of chunk) {
      if (part ? !term.startsWith(w) : term !== w) continue;
      const idf = Math.log(1 + meta.pages / (gaps.length / 2));
      let id = 0;
      for (let j = 0; j < gaps.length; j += 2) { id += gaps[j]; found.set(id, (found.get(id) ?? 0) + gaps[j + 1] * idf * (term === w ? 1 : 0.5)); }
    }
    scores = scores === null ? found : new Map([...scores].filter(([id]) => found.has(id)).map(([id, s]) => [id, s + found.get(id)]));
  }
  const best = [...scores].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
  // A result whose page never came is still named as found: the person hears what is missing.
  const shown = await Promise.all(best.map(async ([id]) => { const page = await json('/own/f/' + id + '.json').catch(() => null); return page && { url: page.url, title: page.title, excerpt: excerpt(page, query) }; }));
  const missing = shown.filter((r) => r === null).length;
  if (missing) return { count: scores.size, shown: shown.filter(Boolean), missing };
  return { count: scores.size, shown };
}
/** The reference: the whole index at once, searched in full. */
async function whole(query) {
  const pages = await json('/whole.json');
  const q = words(query);
  const hits = pages.filter((p) => { const ws = words(p.title + ' ' + p.sections.flatMap(([h, i]) => [h, ...i]).join(' ')); return q.every((w, i) => ws.some((v) => (i === q.length - 1 && w.length >= 3 ? v.startsWith(w) : v === w))); });
  return { count: hits.length, shown: hits.slice(0, SHOWN).map((p) => ({ url: p.url, title: p.title, excerpt: excerpt(p, query) })) };
}
let pf;
async function pagefind(query) {
  if (!pf) { pf = await import('/pagefind/pagefind.js'); await pf.options({ baseUrl: '/' }); await pf.init(); }
  let search;
  try { search = await pf.search(query); } catch (error) { throw new Error('search: ' + (error.message ?? error)); }
  const shown = await Promise.all(search.results.slice(0, SHOWN).map(async (r) => { try { const d = await r.data(); return { url: d.url, title: d.meta.title, excerpt: d.excerpt }; } catch (error) { throw new Error(search.results.length + ' results, the data of a result: ' + (error.message ?? error)); } }));
  return { count: search.results.length, shown };
}
window.engines = { own, whole, pagefind };
window.timed = async (engine, query) => {
  const start = performance.now();
  const answer = await window.engines[engine](query);
  return { ms: performance.now() - start, ...answer };
};
</script>`;

/** A word (at least `length` letters, not starting with a letter of `avoid`) in about `share` of the pages, the first such in order. */
function wordIn(pages, share, length, avoid = '') {
  const df = new Map();
  for (const page of pages) {
    for (const w of new Set(words(page.sections.flatMap(([, items]) => items).join(' ')))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const want = Math.max(1, Math.round(pages.length * share));
  return [...df].filter(([w]) => w.length >= length && /^[a-z]+$/.test(w) && !avoid.includes(w[0])).sort((a, b) => Math.abs(a[1] - want) - Math.abs(b[1] - want) || a[0].localeCompare(b[0]))[0][0];
}

/** What a file of an index is, for the breakdown of a first load. */
function kindOf(path) {
  const rules = [
    [/pagefind\.js$/, 'pagefind.js'],
    [/pagefind-worker\.js$/, 'pagefind-worker.js'],
    [/wasm/, 'wasm'],
    [/entry\.json$/, 'entry'],
    [/\.pf_meta$|\/meta\.json$/, 'meta'],
    [/\.pf_index$|\/i\/\d+\.json$/, 'index chunks'],
    [/\.pf_fragment$|\/f\/\d+\.json$/, 'fragments'],
    [/whole\.json$/, 'the whole index'],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? path;
}

const brotliOf = new Map();
async function run(label, pages) {
  const dir = mkdtempSync(join(tmpdir(), 'cse-search-probe-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  const started = Date.now();
  await buildPagefind(pages, dir);
  const pagefindBuild = Date.now() - started;
  const chunks = buildOwn(pages, dir);
  const shared = wordIn(pages, 0.25, 7);
  const typed = wordIn(pages, 0.003, 9, shared[0]);
  // Of another first letter than the two before: in a part of each index not fetched yet.
  const offlineWord = wordIn(pages, 0.02, 6, shared[0] + typed[0]);
  const { server, url } = await serve(dir);
  const rows = [];
  try {
    for (const engine of ['pagefind', 'own', 'whole']) {
      const context = await launch();
      const page = await context.newPage();
      const counted = [];
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path === '/') return;
        counted.push(
          response.body().then(
            (body) => {
              if (!brotliOf.has(dir + path)) brotliOf.set(dir + path, brotli(body));
              return [path, brotliOf.get(dir + path)];
            },
            () => [path, 0],
          ),
        );
      });
      // Every response the page has had, counted (each is reported before the evaluation
      // that awaited it answers).
      const fetched = async () => (await Promise.all(counted)).reduce((sum, [, n]) => sum + n, 0);
      await page.goto(url + '/');
      await page.waitForFunction(() => window.engines);
      const first = await page.evaluate(([e, q]) => window.timed(e, q), [engine, shared]);
      const firstBytes = await fetched();
      const firstFiles = counted.length;
      const kinds = new Map();
      for (const [path, n] of await Promise.all(counted)) {
        const kind = kindOf(path);
        const [count, sum] = kinds.get(kind) ?? [0, 0];
        kinds.set(kind, [count + 1, sum + n]);
      }
      const firstKinds = [...kinds].map(([kind, [count, n]]) => `${kind} ${count > 1 ? `(${count}) ` : ''}${kb(n)}`).join(', ');
      const keys = [];
      for (let end = 1; end <= typed.length; end += 1) {
        keys.push((await page.evaluate(([e, q]) => window.timed(e, q), [engine, typed.slice(0, end)])).ms);
      }
      const typingBytes = (await fetched()) - firstBytes;
      const last = await page.evaluate(([e, q]) => window.engines[e](q), [engine, typed]);
      await context.setOffline(true);
      const offline = await page
        .evaluate(
          ([e, q]) =>
            window.engines[e](q).then(
              (a) => `${a.count} results, ${a.shown.length} shown${a.missing ? `, ${a.missing} said to be not on this device` : ''}`,
              (error) => `error: ${error.message ?? error}`,
            ),
          [engine, offlineWord],
        )
        .catch((error) => `error: ${error.message}`);
      await context.close();
      keys.sort((a, b) => a - b);
      rows.push({ engine, first, firstBytes, firstFiles, firstKinds, typingBytes, keys, last, offline });
    }
  } finally {
    server.close();
  }
  const total = (prefix) => {
    // What searching needs: not Pagefind's ready-made interfaces (its -ui files), nor its
    // highlighting script and the index of pages in no language.
    const list = execFileSync('find', [join(dir, prefix), '-type', 'f'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((file) => !/-ui\.(js|css)$|highlight|unknown/.test(file));
    const size = (file) => {
      if (!brotliOf.has(file)) brotliOf.set(file, brotli(readFileSync(file)));
      return brotliOf.get(file);
    };
    return { files: list.length, bytes: list.reduce((sum, file) => sum + size(file), 0) };
  };
  const sizes = { pagefind: total('pagefind'), own: total('own'), whole: total('whole.json') };
  rmSync(dir, { recursive: true, force: true });
  console.log(`\n### ${label}: ${fmt(pages.length)} class version pages; shared link q=${shared}, then typing "${typed}"; offline, "${offlineWord}"`);
  console.log(`Pagefind indexed it in ${(pagefindBuild / 1000).toFixed(1)} s; ours is ${chunks} chunks of about ${kb(CHUNK_BYTES)} raw.\n`);
  for (const r of rows) console.log(`- ${r.engine}, the shared link's files: ${r.firstKinds}`);
  console.log('');
  console.log('| index | shared link: to the first 5 results | files | ms | typing, every keystroke: added | keystroke ms, median / worst | results for the typed word | offline, a word not fetched | the whole index, all files |');
  console.log('|---|---:|---:|---:|---:|---:|---|---|---:|');
  for (const r of rows) {
    const name = { pagefind: 'Pagefind 1.6.0', own: 'ours, split by term', whole: 'reference: one file' }[r.engine];
    const size = sizes[r.engine];
    console.log(
      `| ${name} | ${kb(r.firstBytes)} | ${r.firstFiles} | ${fmt(r.first.ms)} | +${kb(r.typingBytes)} | ${r.keys[r.keys.length >> 1].toFixed(1)} / ${r.keys[r.keys.length - 1].toFixed(1)} | ${r.last.count} (first: ${r.last.shown[0]?.url ?? '-'}) | ${r.offline} | ${kb(size.bytes)} in ${fmt(size.files)} files |`,
    );
  }
}

console.log(`Search index probe: ${new Date().toISOString().slice(0, 10)}, commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}; bytes brotli quality 11 per file; 1 KB = 1,000 bytes; Chromium headless, local server, no service worker`);
await run('real catalogue', records(0));
await run(`synthetic, ${fmt(SYNTHETIC)} classes`, records(SYNTHETIC));
await pagefind.close();
