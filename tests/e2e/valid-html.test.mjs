// Every page of the build (dist/**/*.html: index.html and each page written at build time) passes
// the Nu Html Checker (npm's vnu-jar, run with Java) with zero errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

test('every page of the build is valid HTML (Nu Html Checker)', () => {
  const pages = readdirSync('dist', { recursive: true })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join('dist', name));
  assert.ok(pages.length > 5, `the build's pages: ${pages}`);
  const run = spawnSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, 'java runs (scripts/setup installs it)');
  const { messages } = JSON.parse(run.stderr || run.stdout);
  const errors = messages.map((m) => `${m.url.replace(/^.*\/dist\//, 'dist/')}:${m.lastLine}: ${m.message} ${m.extract ?? ''}`);
  assert.deepEqual(errors, []);
});
