// The names JavaScript shares with Rust, from their one source, crates/core/src/contract.rs: the
// engine's native class-spec-contract prints them as JSON. The build's scripts import them from
// here; each browser file (web/*.js) takes the names it uses from `CONTRACT`
// (`const { APP_ID } = CONTRACT;`), and `withContract` declares them with their values as the
// build writes the file, so a page carries only its own names, each once. No name is written by
// hand in JavaScript: a test in contract.rs reads every web/*.js and scripts/*.mjs and fails on
// one.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every name: `contract.APP_ID` is "app". */
export const contract = JSON.parse(
  execFileSync('cargo', ['run', '--quiet', '--manifest-path', 'crates/engine/Cargo.toml', '--bin', 'class-spec-contract'], {
    cwd: project,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);

/**
 * `source` (a file of web/, `file` its name for messages) with the names it takes from the
 * contract (`const { APP_ID, STEP } = CONTRACT;`) replaced by their values, so the page carries
 * each value as if written there and nothing else: written in at every use (`"app"`), or, as
 * Trunk's minifier leaves a file (`let{APP_ID:e}=CONTRACT`: short local names), declared once
 * (`let e = "app"`). Throws if the file takes the contract other than once, or a name the
 * contract does not define.
 */
export function withContract(source, file) {
  const found = [...source.matchAll(/(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*CONTRACT\b;?/g)];
  if (found.length !== 1 || source.split(/\bCONTRACT\b/).length !== 2) {
    throw new Error(`${file} must take the contract's names once: const { … } = CONTRACT;`);
  }
  const [statement, list] = found[0];
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [key, local = key] = entry.split(':').map((part) => part.trim());
      if (!Object.hasOwn(contract, key)) throw new Error(`${file} takes ${key}, which crates/core/src/contract.rs does not define`);
      return { local, value: JSON.stringify(contract[key]) };
    });
  // Trunk's minifier renames the names (`let{APP_ID:e}`) and may go on with more declarations
  // (`let{…}=CONTRACT,n=…`): then each is declared where the object stood.
  if (!statement.endsWith(';') || entries.some(({ local }) => !/^[A-Z][A-Z0-9_]*$/.test(local))) {
    const pattern = statement.match(/\{[^{}]*\}\s*=\s*CONTRACT\b/)[0];
    return parsed(source.replace(pattern, () => ` ${entries.map(({ local, value }) => `${local}=${value}`).join(',')}`), file);
  }
  let out = source.replace(statement, '');
  for (const { local, value } of entries) out = out.replace(new RegExp(`\\b${local}\\b`, 'g'), () => value);
  return parsed(out, file);
}

/** `source` if it parses as JavaScript (a script: these files import nothing statically); else throws. */
function parsed(source, file) {
  try {
    new Script(source, { filename: file });
  } catch (error) {
    throw new Error(`${file}, with the contract's names written in, does not parse: ${error.message}`);
  }
  return source;
}
