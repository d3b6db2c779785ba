// Writes DIR/sw.js: the service worker (web/sw.js, with the contract's names it uses:
// scripts/contract.mjs) with the version of the build in DIR and the list of every file in it
// with its integrity hash (the worker caches a file only if its bytes
// match). Used by the post-build step (scripts/postbuild.mjs), and by the end-to-end tests to
// make a "new build" of a copied dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, withContract } from './contract.mjs';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// The open data (the contract's OPEN_DATA, scripts/postbuild.mjs step 5) is published for
// people and programs, not read by the app: kept out of the offline copy (ARCHITECTURE.md,
// "Open data").
// The catalogue's data files (CATALOGUE_FILES, which the engine's modules are given) are
// precached, each once, like every other file.
const { OPEN_DATA } = contract;
const precached = (url) => !url.startsWith(`${OPEN_DATA}/`);

/** Returns { urls, version } of the sw.js written into `dir`. */
export function writeServiceWorker(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith('.') && name !== 'sw.js') files.push(path);
    }
  };
  walk(dir);
  const urls = files
    .map((path) => `/${relative(dir, path).split('\\').join('/')}`)
    .filter(precached)
    .sort();
  // The version changes whenever any file does: its name or its bytes.
  const version = short(urls.map((url) => `${url} ${short(readFileSync(join(dir, url)))}`).join('\n'));
  const precache = urls.map((url) => [url, `sha384-${createHash('sha384').update(readFileSync(join(dir, url))).digest('base64')}`]);
  const source = withContract(readFileSync(join(project, 'web', 'sw.js'), 'utf8'), 'web/sw.js');
  writeFileSync(
    join(dir, 'sw.js'),
    `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\n\n${source}`,
  );
  return { urls, version };
}
