// A small static server for the release build: an address with a page of its own written at
// build time (class/102D/index.html) gets it; every other address that is not a file gets the
// app shell (index.html), as a single-page app needs. Used by `scripts/serve`, the end-to-end tests
// and the benchmark. Usage: node tests/e2e/server.mjs DIR [PORT]; PORT 0 picks a free one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// What deploy/nginx.conf compresses (gzip_types, and HTML always), at nginx's default level.
const GZIP_TYPES = new Set(['.html', '.css', '.js', '.mjs', '.wasm', '.svg', '.webmanifest']);

/**
 * Starts serving `dir`; resolves to { server, url, setRoot }. `setRoot(dir)` serves another
 * folder from then on (a new deployment, in the tests). With `{ gzip: true }` it compresses
 * as deploy/nginx.conf does (the benchmark's network figures then are the deployed ones).
 */
export async function serve(dir, port = 0, { gzip = false } = {}) {
  let root = resolve(dir);
  // Inside the folder means the folder itself or below its separator: a bare prefix test let
  // /..%2Fdist-old/x reach a sibling folder whose name starts with the folder's (dist-old).
  const inside = (file) => file === root || file.startsWith(root + sep);
  const send = (request, response, type, body, extra = {}) => {
    if (gzip && GZIP_TYPES.has(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { 'content-type': TYPES[type], 'content-encoding': 'gzip', vary: 'Accept-Encoding', ...extra });
      response.end(gzipSync(body, { level: 1 }));
    } else {
      response.writeHead(200, { 'content-type': TYPES[type] ?? 'application/octet-stream', ...extra });
      response.end(body);
    }
  };
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      // A broken escape (/class/%ZZ) names no file and no view: say so, and keep serving.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('bad request: the address has a broken %-escape');
      return;
    }
    const file = normalize(join(root, path));
    try {
      if (!inside(file)) throw new Error('outside');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      // The open data may be read by any site's programs, as deploy/nginx.conf allows.
      const open = path.startsWith('/data/') ? { 'access-control-allow-origin': '*' } : {};
      send(request, response, extname(file), await readFile(file), open);
    } catch {
      // An address with a file extension that does not exist is a real 404; any other
      // address is a view of the app.
      if (extname(path) !== '') {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      } else {
        // A view written at build time has a file of its own (class/102D/index.html).
        const own = normalize(join(root, path, 'index.html'));
        let page;
        try {
          page = inside(own) ? await readFile(own) : null;
        } catch {
          page = null;
        }
        send(request, response, '.html', page ?? (await readFile(join(root, 'index.html'))));
      }
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const setRoot = (next) => {
    root = resolve(next);
  };
  return { server, url: `http://127.0.0.1:${server.address().port}`, setRoot };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`serving ${dir} on ${url}`);
}
