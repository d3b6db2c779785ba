// The release build served by nginx (Debian's package) with the documented configuration
// (deploy/nginx.conf): the headers, and smoke tests of every view with the
// Content-Security-Policy in force and no violation reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, watchedPage } from './browser.mjs';

const freePort = () =>
  new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

let nginx;
let origin;
let context;

before(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'cse-nginx-'));
  const site = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /var/www/class-spec-explorer;', `root ${resolve('dist')};`);
  assert.ok(site.includes(`listen 127.0.0.1:${port};`) && site.includes(resolve('dist')), 'the documented file changed shape');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(origin + '/');
      break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  context = await launch();
});

after(async () => {
  await context?.close();
  nginx?.kill();
});

describe('nginx with the documented configuration', () => {
  test('sends the policy, and caches hashed files for good and the rest never without asking', async () => {
    const policy = readFileSync('deploy/content-security-policy.txt', 'utf8').trim();
    const home = await fetch(origin + '/');
    assert.equal(home.status, 200);
    const csp = home.headers.get('content-security-policy');
    assert.ok(csp.startsWith(`${policy}; frame-ancestors `), `the header is the page's policy plus frame-ancestors: ${csp}`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(home.headers.get('cache-control'), 'no-cache');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    const html = await home.text();
    assert.ok(html.includes(`content="${policy}"`), 'index.html carries the same policy');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
    for (const tag of html.match(/<(script|link)[^>]*(src|href)=[^>]*>/g)) {
      if (/rel=(manifest|apple-touch-icon)|rel="(manifest|apple-touch-icon)"/.test(tag)) continue;
      assert.match(tag, /integrity=/, `subresource integrity: ${tag}`);
    }
    const view = await fetch(origin + '/class/102D');
    assert.equal(view.status, 200);
    const own = await view.text();
    assert.match(own, /<meta name="prerendered" content="\/class\/102D">/, 'a fixed address gets its own page');
    assert.match(own, /<title>Customer Service Specialist 4 · Class Spec Explorer<\/title>/);
    const other = await fetch(origin + '/no/such/page');
    assert.equal(await other.text(), html, 'any other address gets the app shell');
    const wasm = html.match(/class-spec-engine-[0-9a-f]{16}_bg\.wasm/)[0];
    const asset = await fetch(`${origin}/${wasm}`);
    assert.equal(asset.headers.get('content-type'), 'application/wasm');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const path of ['/sw.js', '/manifest.webmanifest', '/icons/icon-192.png']) {
      const response = await fetch(origin + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    }
    assert.equal((await fetch(origin + '/manifest.webmanifest')).headers.get('content-type'), 'application/manifest+json');
    assert.equal((await fetch(`${origin}/class-spec-explorer-0000000000000000.js`)).status, 404, 'a missing file is a 404');
  });

  test('every view works with the policy in force, with no violation and no cookie', async () => {
    const { page, problems } = await watchedPage(context, origin);
    const violations = [];
    await page.exposeFunction('reportViolation', (text) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    for (const [path, heading] of [
      ['/', 'Customer Service Specialist series'],
      ['/class/102D', 'Customer Service Specialist 4'],
      ['/compare?classes=102C,102D', 'Compare classes'],
      ['/path', 'Career path'],
      ['/planner?class=102C&years=5&in-class=2&education=associate', 'Where can I go from here?'],
      ['/embed?view=%2Fpath', 'Embed this view'],
    ]) {
      await page.goto(origin + path);
      await page.locator('main h1', { hasText: heading }).waitFor();
    }
    await page.locator('.site-header__nav').getByRole('link', { name: 'Career path' }).click();
    await page.locator('main h1', { hasText: 'Career path' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing stored');
  });
});
