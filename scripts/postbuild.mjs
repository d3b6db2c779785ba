// Trunk's post-build step (Trunk.toml [[hooks]]), run in Trunk's staging folder before it
// replaces dist/. In order:
//
// 0. The catalogue's data files (issue 24, item 1): the index and one file per series under the
//    contract's CATALOGUE_FILES, named for their bytes (class-spec-data-files); the engine's
//    modules bake no data and are given these by their `prepare` (web/engine-data.js, appended
//    to each module's script in step 1 with the index's address and integrity hash). In the
//    offline copy like every other file of the build.
// 1. The engine's modules (crates/engine, "worker"-type Rust assets, so Trunk leaves their names
//    plain) get content-hashed names like every other asset, and index.html gets
//    <meta name="engine"> naming the whole engine's files with their integrity hashes, before
//    the first script (web/platform.js reads it to fetch the engine at once for a view no file
//    holds; web/boot.js to load it then, and for the shell when it first needs it). A page
//    whose query computes its view names its own, smaller module too (step 4).
// 2. Trunk's inline loader script becomes a file, boot-<hash>.js (web/boot.js with the shell's
//    names filled in), loaded with its integrity hash, which fetches the shell's wasm with its
//    integrity hash: so the Content-Security-Policy needs no inline script, and every file the
//    page loads is checked. It loads the shell at the first intent; for a view no file holds,
//    it has the engine draw it first.
// 3. index.html gets the Content-Security-Policy (deploy/content-security-policy.txt) as a meta
//    element; a real server sends it as a header too (deploy/nginx.conf).
// 4. The views whose addresses are fixed (the start view, each class version, the career path,
//    the empty planner, compare picker and search), rendered natively by the engine's
//    class-spec-prerender, each into an HTML file of its own (index.html, class/102D/index.html,
//    …) as the content of #app, in the one chrome, with its title and <meta name="view">: the
//    page is whole without any WebAssembly; the shell, loaded at the first intent, adopts it.
// 5. The open data (issue 24): the catalogue as files under the contract's OPEN_DATA
//    (/data/v1: catalogue.json, one series/<id>.json each, schema.json, classes.csv), written
//    by the engine's native class-spec-open-data from the catalogue it bakes: published for
//    people and programs, not read by the app (so not in sw.js's list: ARCHITECTURE.md).
// 6. sw.js: the service worker (web/sw.js) with this build's version and the list of every file.
//
// The names shared with Rust (element ids, attributes, the engine's modules and exports, …) come
// from crates/core/src/contract.rs through scripts/contract.mjs; each file of web/ the page loads
// (boot.js, platform.js, embed.js, sw.js) gets the ones it uses as it is written here. What
// Rust spells as an identifier (the wasm exports, the fields of its answers) is checked against
// the contract in wasm-bindgen's bindings: a mismatch stops the build.
//
// Fails loudly (non-zero exit, the build stops) when something it expects is missing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, withContract } from './contract.mjs';
import { writeServiceWorker } from './service-worker.mjs';
import { pageOf, readViews } from './views.mjs';

const {
  ENGINE_META,
  VIEW_ENGINE_META,
  ENGINE_JS,
  ENGINE_JS_INTEGRITY,
  ENGINE_WASM,
  ENGINE_WASM_INTEGRITY,
  ENGINE_MODULE,
  VIEW_MODULES,
  QR_META,
  QR_MODULE,
  EXPORT_QR_SHOW,
  EXPORT_QR_OFFER,
  EXPORT_PAGE,
  EXPORT_DOCUMENT,
  EXPORT_CSV,
  EXPORT_START,
  VIEW_TITLE,
  VIEW_HTML,
  SHEET_NAME,
  SHEET_TEXT,
  EMBED_SCRIPT,
  RECORD_PATH,
  RECORD_ENGINE,
  OPEN_DATA,
  CATALOGUE_FILES,
  EXPORT_GIVE_INDEX,
  EXPORT_NEEDS,
  EXPORT_GIVE,
  EXPORT_PREPARE,
  RECORD_DATA_INDEX,
  RECORD_DATA_INTEGRITY,
} = contract;

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

if (!staging) fail('TRUNK_STAGING_DIR is not set (run by Trunk, see Trunk.toml)');

function need(name) {
  const path = join(staging, name);
  if (!existsSync(path)) fail(`${path} is missing`);
  return path;
}

const sha = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const short = (bytes) => sha('sha256', bytes, 'hex').slice(0, 16);
const integrity = (bytes) => `sha384-${sha('sha384', bytes, 'base64')}`;

const htmlPath = need('index.html');
let html = readFileSync(htmlPath, 'utf8');

// 0. The catalogue's data files (issue 24, item 1): the index and one file per series under
//    the contract's CATALOGUE_FILES, named for their bytes, written by the engine's native
//    class-spec-data-files, which prints the index's address and integrity hash (step 1 writes
//    them into each engine module's script).
let dataIndex;
try {
  const printed = execFileSync(
    'cargo',
    ['run', '--quiet', '--manifest-path', 'crates/engine/Cargo.toml', '--bin', 'class-spec-data-files', '--', staging],
    { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const record = JSON.parse(printed.toString('utf8'));
  dataIndex = { address: record[RECORD_DATA_INDEX], integrity: record[RECORD_DATA_INTEGRITY] };
  if (!dataIndex.address?.startsWith(`${CATALOGUE_FILES}/`) || !existsSync(join(staging, dataIndex.address))) {
    fail(`class-spec-data-files named no index under ${CATALOGUE_FILES}: ${printed}`);
  }
} catch (error) {
  fail(`the catalogue's data files could not be written: ${error.message}`);
}

// 1. The engine's modules: the whole engine, named in every page by <meta name="engine">, and
//    the modules of the pages whose query computes their view (class_spec_engine::Views), each
//    named by its page alone (step 4) as <meta name="view-engine">.
const viewEngines = new Map();
let qrFiles;
{
  // wasm-bindgen's bindings export what Rust names (`pub fn document`, `pub title: String`):
  // each must be the contract's name JavaScript calls it by.
  const exporting = (file, js, functions, fields) => {
    const text = js.toString('utf8');
    for (const name of functions) {
      if (!new RegExp(`export function ${name}\\(`).test(text)) fail(`${file}.js exports no ${name}() (crates/core/src/contract.rs)`);
    }
    for (const name of fields) {
      if (!text.includes(`get ${name}()`)) fail(`${file}.js answers with no field ${name} (crates/core/src/contract.rs)`);
    }
  };
  // A module's files, renamed for their bytes, and their integrity hashes.
  const filesOf = (file, functions, fields, withData = false) => {
    const jsPath = need(`${file}.js`);
    const wasmPath = need(`${file}_bg.wasm`);
    const wasm = readFileSync(wasmPath);
    let js = readFileSync(jsPath);
    exporting(file, js, functions, fields);
    if (withData) {
      // An engine module's script gets its `prepare` (web/engine-data.js), given the module's
      // data exports and the build's index.
      // Its whole-line comments stay in web/engine-data.js, as boot.js's do.
      const source = readFileSync(join(project, 'web', 'engine-data.js'), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*\/\//.test(line))
        .join('\n')
        .trim()
        .replace(/;$/, '');
      const args = [EXPORT_GIVE_INDEX, EXPORT_NEEDS, EXPORT_GIVE, JSON.stringify(dataIndex.address), JSON.stringify(dataIndex.integrity)];
      js = Buffer.from(`${js.toString('utf8')}\nexport const ${EXPORT_PREPARE} = (${source})(${args.join(', ')});\n`);
      writeFileSync(jsPath, js);
    }
    const jsName = `${file}-${short(js)}.js`;
    const wasmName = `${file}-${short(wasm)}_bg.wasm`;
    renameSync(jsPath, join(staging, jsName));
    renameSync(wasmPath, join(staging, wasmName));
    return { js: `/${jsName}`, jsIntegrity: integrity(js), wasm: `/${wasmName}`, wasmIntegrity: integrity(wasm) };
  };
  // Every engine module is given the data (crates/engine/src/store.rs).
  const data = [EXPORT_GIVE_INDEX, EXPORT_NEEDS, EXPORT_GIVE];
  const metaOf = (name, file, functions, fields) => {
    const { js, jsIntegrity, wasm, wasmIntegrity } = filesOf(file, [...functions, ...data], fields, true);
    // `content` (the module's address) because a named meta needs one (valid HTML); the loader
    // reads the data- attributes.
    return `<meta name="${name}" content="${js}" ${ENGINE_JS}="${js}" ${ENGINE_JS_INTEGRITY}="${jsIntegrity}" ${ENGINE_WASM}="${wasm}" ${ENGINE_WASM_INTEGRITY}="${wasmIntegrity}">`;
  };
  // The QR module (crates/qr, a kiosk's "Take this with you"): named by no page, but by the
  // shell's own script (step 2), so no first load pays for its name.
  qrFiles = filesOf(QR_MODULE, [EXPORT_QR_SHOW, EXPORT_QR_OFFER], []);
  const view = [VIEW_TITLE, VIEW_HTML];
  for (const views of VIEW_MODULES) {
    viewEngines.set(views, metaOf(VIEW_ENGINE_META, `${ENGINE_MODULE}-${views}`, [EXPORT_DOCUMENT], view));
  }
  const meta = metaOf(ENGINE_META, ENGINE_MODULE, [EXPORT_PAGE, EXPORT_DOCUMENT, EXPORT_CSV], [...view, SHEET_NAME, SHEET_TEXT]);
  // Before the first script: web/platform.js, which runs as <head> is parsed, reads it to
  // fetch the engine at once when the page's view is pending.
  html = html.replace(new RegExp(`<meta name="${ENGINE_META}"[^>]*>`), '');
  if (!/<script[\s>]/.test(html)) fail(`${htmlPath} has no <script>`);
  html = html.replace(/<script[\s>]/, (script) => `${meta}${script}`);
}

// 2. The loader, as a file.
{
  const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
  if (!inline) fail("Trunk's inline loader script was not found in index.html");
  let js = inline[1].match(/from\s*["'`]([^"'`]+\.js)["'`]/)?.[1];
  const wasm = inline[1].match(/module_or_path:\s*["'`]([^"'`]+\.wasm)["'`]/)?.[1];
  if (!js || !wasm) fail(`cannot read the shell's files from Trunk's loader: ${inline[1]}`);
  const wasmBytes = readFileSync(need(wasm.replace(/^\//, '')));
  // The shell's script names the QR module: evaluated, it writes <meta name="qr"> (as the
  // engine's, with its files' integrity hashes) into the page, where web/boot.js's loader finds
  // it when the shell asks for the module (on a kiosk only, src/qr.rs). So no first load pays
  // for the name; only the shell, after the first intent, carries it. Renamed for its bytes.
  const trunkJs = js.replace(/^\//, '');
  const qrMeta = {
    [ENGINE_JS]: qrFiles.js,
    [ENGINE_JS_INTEGRITY]: qrFiles.jsIntegrity,
    [ENGINE_WASM]: qrFiles.wasm,
    [ENGINE_WASM_INTEGRITY]: qrFiles.wasmIntegrity,
  };
  const shellJs = Buffer.from(
    `${readFileSync(need(trunkJs), 'utf8')}
{const m=document.createElement("meta");m.name=${JSON.stringify(QR_META)};for(const[k,v]of Object.entries(${JSON.stringify(qrMeta)}))m.setAttribute(k,v);document.head.append(m)}
`,
  );
  unlinkSync(need(trunkJs));
  js = `/${trunkJs.replace(/-[0-9a-f]+\.js$/, '')}-${short(shellJs)}.js`;
  writeFileSync(join(staging, js.slice(1)), shellJs);
  if (!shellJs.toString('utf8').includes(`export function ${EXPORT_START}(`)) fail(`the shell exports no ${EXPORT_START}() (crates/core/src/contract.rs)`);
  let template;
  try {
    template = withContract(readFileSync(join(project, 'web', 'boot.js'), 'utf8'), 'web/boot.js');
  } catch (error) {
    fail(error.message);
  }
  const names = {
    __SHELL_JS__: js,
    __SHELL_WASM__: wasm,
    __SHELL_WASM_INTEGRITY__: integrity(wasmBytes),
    __SHELL_JS_INTEGRITY__: integrity(shellJs),
  };
  let boot = template;
  for (const [placeholder, value] of Object.entries(names)) {
    if (!boot.includes(`'${placeholder}'`)) fail(`web/boot.js lacks the placeholder '${placeholder}'`);
    boot = boot.replace(`'${placeholder}'`, () => JSON.stringify(value));
  }
  // Its comments stay in web/boot.js: whole-line comments are not sent.
  boot = boot
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*\*.*\*\/\s*$)/.test(line))
    .join('\n');
  const bootName = `boot-${short(boot)}.js`;
  writeFileSync(join(staging, bootName), boot);
  html = html.replace(
    inline[0],
    () => `<script type="module" src="/${bootName}" integrity="${integrity(Buffer.from(boot))}" crossorigin="anonymous"></script>`,
  );
  // The wasm preload would be a second download: a preload of type fetch cannot carry the
  // integrity hash the loader's fetch has, so the two do not match.
  html = html.replace(/<link[^>]*rel="?preload"?[^>]*\.wasm[^>]*>|<link[^>]*\.wasm[^>]*rel="?preload"?[^>]*>/g, '');
  // Nor is the shell's JavaScript fetched with the page: it comes at the first intent (boot.js
  // preloads it then, with its integrity hash).
  html = html.replace(/<link[^>]*rel="?modulepreload"?[^>]*>/g, '');
}

// 2b. The other files of web/ with the contract's names they use: platform.js (Trunk's minified
//     copy, renamed for its new bytes) and embed.js (Trunk's copy, at its stable address).
try {
  const tag = html.match(/<script[^>]*\bsrc="?\/(platform-[0-9a-f]+\.js)"?[^>]*>/);
  if (!tag) throw new Error("index.html's platform script was not found");
  const platform = Buffer.from(withContract(readFileSync(need(tag[1]), 'utf8'), 'web/platform.js'));
  const platformName = `platform-${short(platform)}.js`;
  writeFileSync(join(staging, platformName), platform);
  if (platformName !== tag[1]) unlinkSync(join(staging, tag[1]));
  html = html.replace(tag[0], () => `<script src="/${platformName}" integrity="${integrity(platform)}">`);
  const embed = need(EMBED_SCRIPT.replace(/^\//, ''));
  writeFileSync(embed, withContract(readFileSync(embed, 'utf8'), 'web/embed.js'));
} catch (error) {
  fail(error.message);
}

// 3. The Content-Security-Policy.
{
  const policy = readFileSync(join(project, 'deploy', 'content-security-policy.txt'), 'utf8').trim();
  const charset = html.match(/<meta charset="?utf-8"?>/i);
  if (!charset) fail('index.html has no <meta charset="utf-8">');
  html = html.replace(charset[0], () => `${charset[0]}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

// 4. The views whose addresses are fixed, each in one HTML file of its own, whole.
{
  let out;
  try {
    out = execFileSync('cargo', ['run', '--quiet', '--manifest-path', 'crates/engine/Cargo.toml', '--bin', 'class-spec-prerender'], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    fail(`the views could not be rendered: ${error.message}`);
  }
  let pages;
  try {
    pages = readViews(out).map((record) => {
      const [path, module] = [record[RECORD_PATH], record[RECORD_ENGINE]];
      const engine = module && viewEngines.get(module);
      if (module && !engine) throw new Error(`${path} names an engine module the build has not: ${module}`);
      return [path, pageOf(html, record, engine)];
    });
  } catch (error) {
    fail(error.message);
  }
  for (const [path, page] of pages) {
    const file = path === '/' ? htmlPath : join(staging, path, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page);
  }
}

// 5. The open data.
try {
  execFileSync(
    'cargo',
    ['run', '--quiet', '--manifest-path', 'crates/engine/Cargo.toml', '--bin', 'class-spec-open-data', '--', join(staging, ...OPEN_DATA.split('/'))],
    { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] },
  );
} catch (error) {
  fail(`the open data could not be written: ${error.message}`);
}

// 6. The service worker, with every file of the build but the open data.
const { urls, version } = writeServiceWorker(staging);
console.log(`postbuild: engine hashed, loader as a file, CSP set, data index ${dataIndex.address}, sw.js caches ${urls.length} files (version ${version})`);
