// The project's own static server (tests/e2e/server.mjs, behind scripts/serve and every end-to-end
// test): an address of any shape gets an answer, and the server keeps serving.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';

/** GET `path` exactly as written (fetch() would normalise it), resolving to [status, body]. */
function get(url, path) {
  return new Promise((resolve, reject) => {
    request(url + path, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve([response.statusCode, body]));
    })
      .on('error', reject)
      .end();
  });
}

describe('the static server', () => {
  // Before the fix the first of these crashed the server (decodeURIComponent threw outside the
  // handler's try): every later request was refused.
  test('answers a broken escape with 400 and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cse-serve-'));
    writeFileSync(join(dir, 'index.html'), 'the app');
    mkdirSync(join(dir, 'class', '102D'), { recursive: true });
    writeFileSync(join(dir, 'class', '102D', 'index.html'), 'class 102D');
    const { server, url } = await serve(dir);
    try {
      for (const path of ['/class/%ZZ', '/%', '/search%E2%80', '/%FF%FE.js']) {
        assert.deepEqual(await get(url, path), [400, 'bad request: the address has a broken %-escape'], path);
      }
      assert.deepEqual(await get(url, '/'), [200, 'the app']);
      assert.deepEqual(await get(url, '/class/102D'), [200, 'class 102D']);
      assert.deepEqual(await get(url, '/class/%31%30%32D'), [200, 'class 102D'], 'a good escape is read');
      assert.deepEqual(await get(url, '/search?q=100%'), [200, 'the app'], 'a query is the app\u2019s to read');
      assert.deepEqual(await get(url, '/%2e%2e/%2e%2e/etc/passwd'), [200, 'the app'], 'nothing outside the folder');
      assert.equal((await get(url, '/missing.js'))[0], 404);
    } finally {
      server.close();
    }
  });
});

describe('the static server stays in its folder', () => {
  // Mutation seen failing: the root check as it was (`file.startsWith(root)`, no separator)
  // answered /..%2Fdist-old%2Fsecret.txt with the sibling folder's file.
  test('an escaped ../ does not reach a sibling folder whose name starts with the folder\u2019s', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cse-serve-'));
    const dir = join(parent, 'dist');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), 'the app');
    mkdirSync(join(parent, 'dist-old', 'page'), { recursive: true });
    writeFileSync(join(parent, 'dist-old', 'secret.txt'), 'secret');
    writeFileSync(join(parent, 'dist-old', 'page', 'index.html'), 'secret page');
    const { server, url } = await serve(dir);
    try {
      for (const path of ['/..%2Fdist-old%2Fsecret.txt', '/%2E%2E%2Fdist-old%2Fsecret.txt', '/..%2fdist-old/secret.txt']) {
        assert.equal((await get(url, path))[0], 404, path);
      }
      for (const path of ['/..%2Fdist-old%2Fpage', '/..%2Fdist-old']) {
        assert.deepEqual(await get(url, path), [200, 'the app'], path);
      }
    } finally {
      server.close();
    }
  });
});
