// Trunk's post-build step (Trunk.toml [[hooks]]), run in Trunk's staging folder before it
// replaces dist/. In order:
//
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
// 5. sw.js: the service worker (web/sw.js) with this build's version and the list of every file.
//
// Fails loudly (non-zero exit, the build stops) when something it expects is missing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from './service-worker.mjs';
import { pageOf, readViews } from './views.mjs';

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

// 1. The engine's modules: the whole engine, named in every page by <meta name="engine">, and
//    the modules of the pages whose query computes their view (class_spec_engine::Views), each
//    named by its page alone (step 4) as <meta name="view-engine">.
const viewEngines = new Map();
{
  const metaOf = (name, file) => {
    const jsPath = need(`${file}.js`);
    const wasmPath = need(`${file}_bg.wasm`);
    const wasm = readFileSync(wasmPath);
    const js = readFileSync(jsPath);
    const jsName = `${file}-${short(js)}.js`;
    const wasmName = `${file}-${short(wasm)}_bg.wasm`;
    renameSync(jsPath, join(staging, jsName));
    renameSync(wasmPath, join(staging, wasmName));
    // `content` (the module's address) because a named meta needs one (valid HTML); the loader
    // reads the data- attributes.
    return `<meta name="${name}" content="/${jsName}" data-js="/${jsName}" data-js-integrity="${integrity(js)}" data-wasm="/${wasmName}" data-integrity="${integrity(wasm)}">`;
  };
  for (const views of ['compare', 'planner', 'search']) viewEngines.set(views, metaOf('view-engine', `class-spec-engine-${views}`));
  const meta = metaOf('engine', 'class-spec-engine');
  // Before the first script: web/platform.js, which runs as <head> is parsed, reads it to
  // fetch the engine at once when the page's view is pending.
  html = html.replace(/<meta name="engine"[^>]*>/, '');
  if (!/<script[\s>]/.test(html)) fail(`${htmlPath} has no <script>`);
  html = html.replace(/<script[\s>]/, (script) => `${meta}${script}`);
}

// 2. The loader, as a file.
{
  const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
  if (!inline) fail("Trunk's inline loader script was not found in index.html");
  const js = inline[1].match(/from\s*["'`]([^"'`]+\.js)["'`]/)?.[1];
  const wasm = inline[1].match(/module_or_path:\s*["'`]([^"'`]+\.wasm)["'`]/)?.[1];
  if (!js || !wasm) fail(`cannot read the shell's files from Trunk's loader: ${inline[1]}`);
  const wasmBytes = readFileSync(need(wasm.replace(/^\//, '')));
  const template = readFileSync(join(project, 'web', 'boot.js'), 'utf8');
  const names = {
    __SHELL_JS__: js,
    __SHELL_WASM__: wasm,
    __SHELL_WASM_INTEGRITY__: integrity(wasmBytes),
    __SHELL_JS_INTEGRITY__: integrity(readFileSync(need(js.replace(/^\//, '')))),
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
    out = execFileSync('cargo', ['run', '--quiet', '-p', 'class-spec-engine', '--bin', 'class-spec-prerender'], {
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
    pages = readViews(out).map((view) => {
      const engine = view.engine && viewEngines.get(view.engine);
      if (view.engine && !engine) throw new Error(`${view.path} names an engine module the build has not: ${view.engine}`);
      return [view.path, pageOf(html, view, engine)];
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

// 5. The service worker, with every file of the build.
const { urls, version } = writeServiceWorker(staging);
console.log(`postbuild: engine hashed, loader as a file, CSP set, sw.js caches ${urls.length} files (version ${version})`);
