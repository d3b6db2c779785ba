// The release build served by nginx (Debian's package) with the documented configuration
// (deploy/nginx.conf) over HTTPS, with a self-signed certificate made for the test: the headers,
// the redirect from HTTP, and smoke tests of every view with the Content-Security-Policy in force
// and no violation reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
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
let plain;
let certificate;
let context;

/** GET `url` (trusting the test's certificate), resolving to a fetch-like { status, headers, text() }. */
function fetch(url) {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(url, { ca: certificate }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) headers.set(name, [value].flat().join(', '));
        resolve({ status: response.statusCode, headers, text: async () => body });
      });
    })
      .on('error', reject)
      .end();
  });
}

before(async () => {
  const [port, httpPort] = [await freePort(), await freePort()];
  origin = `https://127.0.0.1:${port}`;
  plain = `http://127.0.0.1:${httpPort}`;
  const dir = mkdtempSync(join(tmpdir(), 'cse-nginx-'));
  // A certificate for 127.0.0.1, made now and trusted by this test only.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  certificate = readFileSync(join(dir, 'cert.pem'));
  const documented = readFileSync('deploy/nginx.conf', 'utf8');
  const site = [
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen [::]:80;', ''],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`],
    ['listen [::]:443 ssl http2;', ''],
    ['ssl_certificate /etc/ssl/certs/classes.example.org.pem;', `ssl_certificate ${dir}/cert.pem;`],
    ['ssl_certificate_key /etc/ssl/private/classes.example.org.key;', `ssl_certificate_key ${dir}/key.pem;`],
    ['root /var/www/class-spec-explorer;', `root ${resolve('dist')};`],
  ].reduce((text, [from, to]) => {
    assert.ok(text.includes(from), `the documented file changed shape: ${from}`);
    return text.replace(from, () => to);
  }, documented);
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
  // Chromium trusts the test's certificate (by its public key) and nothing else new.
  const spki = createHash('sha256')
    .update(new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  context = await launch({}, [`--ignore-certificate-errors-spki-list=${spki}`]);
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
    assert.equal(home.headers.get('strict-transport-security'), 'max-age=31536000');
    assert.equal(home.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.doesNotMatch(home.headers.get('permissions-policy'), /interest-cohort/, 'no obsolete feature');
    // The embedding sites: origins, named one by one (no wildcard).
    const ancestors = csp.match(/frame-ancestors ([^;]+)/)[1].split(' ');
    assert.equal(ancestors[0], "'self'");
    for (const site of ancestors.slice(1)) assert.equal(new URL(site).origin, site, `an origin: ${site}`);
    assert.doesNotMatch(csp, /\*/, 'no wildcard');
    // Plain HTTP only sends people to HTTPS.
    const redirect = await fetch(`${plain}/class/102D?x=1`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), 'https://127.0.0.1/class/102D?x=1');
    const html = await home.text();
    assert.ok(html.includes(`content="${policy}"`), 'index.html carries the same policy');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
    for (const tag of html.match(/<(script|link)[^>]*(src|href)=[^>]*>/g)) {
      // Links that may not carry a hash (valid HTML): they load no code.
      if (/rel="?(manifest|apple-touch-icon|icon)[" >]/.test(tag)) continue;
      assert.match(tag, /integrity=/, `subresource integrity: ${tag}`);
    }
    const view = await fetch(origin + '/class/102D');
    assert.equal(view.status, 200);
    const own = await view.text();
    assert.match(own, /<meta name="view" content="\/class\/102D" data-query="">/, 'a fixed address gets its own page');
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
