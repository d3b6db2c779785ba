// Trunk's post-build step (Trunk.toml [[hooks]]), run in Trunk's staging folder before it
// replaces dist/:
//
// - The engine module (crates/engine, a "worker"-type Rust asset, so Trunk leaves its names
//   plain) gets content-hashed names like every other asset, so it can be cached for good.
// - index.html gets <meta name="engine"> naming those files and the wasm's integrity hash, which
//   the shell reads to load the engine when a view first needs it.
//
// Fails loudly (non-zero exit, the build stops) when a file it expects is missing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run by Trunk, see Trunk.toml)');
  process.exit(1);
}

function need(name) {
  const path = join(staging, name);
  if (!existsSync(path)) {
    console.error(`postbuild: ${path} is missing; is the engine's <link data-trunk rel="rust"> in index.html?`);
    process.exit(1);
  }
  return path;
}

const jsPath = need('class-spec-engine.js');
const wasmPath = need('class-spec-engine_bg.wasm');
const wasm = readFileSync(wasmPath);
const js = readFileSync(jsPath);
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrity = `sha384-${createHash('sha384').update(wasm).digest('base64')}`;
const jsName = `class-spec-engine-${short(js)}.js`;
const wasmName = `class-spec-engine-${short(wasm)}_bg.wasm`;
renameSync(jsPath, join(staging, jsName));
renameSync(wasmPath, join(staging, wasmName));

const htmlPath = need('index.html');
const html = readFileSync(htmlPath, 'utf8');
const meta = `<meta name="engine" data-js="/${jsName}" data-wasm="/${wasmName}" data-integrity="${integrity}">`;
if (!html.includes('</head>')) {
  console.error(`postbuild: ${htmlPath} has no </head>`);
  process.exit(1);
}
writeFileSync(htmlPath, html.replace(/<meta name="engine"[^>]*>/, '').replace('</head>', `${meta}</head>`));
console.log(`postbuild: engine as ${jsName} and ${wasmName}`);
