// The release build served by nginx (Debian's package) with the documented configuration
// (deploy/nginx.conf) over HTTPS, with a self-signed certificate made for the test: the headers,
// the redirect from HTTP, and smoke tests of every view with the Content-Security-Policy in force
// and no violation reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * GET `url` (trusting the test's certificate; `options`: method, headers), resolving to a
 * fetch-like { status, headers, text() }.
 */
function fetch(url, options = {}) {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(url, { ca: certificate, ...options }, (response) => {
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
  // The build as deployed, with what a careless upload brings along: hidden files (which must
  // never be served) and a /.well-known/ file (which must be).
  const root = join(dir, 'root');
  cpSync('dist', root, { recursive: true });
  writeFileSync(join(root, '.env'), 'SECRET=1');
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), '[core]');
  mkdirSync(join(root, '.well-known'));
  writeFileSync(join(root, '.well-known', 'security.txt'), 'Contact: mailto:security@example.org');
  const documented = readFileSync('deploy/nginx.conf', 'utf8');
  const site = [
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen [::]:80;', ''],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`],
    ['listen [::]:443 ssl http2;', ''],
    ['ssl_certificate /etc/ssl/certs/classes.example.org.pem;', `ssl_certificate ${dir}/cert.pem;`],
    ['ssl_certificate_key /etc/ssl/private/classes.example.org.key;', `ssl_certificate_key ${dir}/key.pem;`],
    ['root /var/www/class-spec-explorer;', `root ${root};`],
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
    // One source: the header is the pages' policy, then what only a header can say.
    assert.match(
      csp,
      new RegExp(`^${policy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; frame-ancestors [^;]+; report-uri /csp-report; report-to csp$`),
      `the header is the page's policy plus frame-ancestors and reporting: ${csp}`,
    );
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(home.headers.get('cache-control'), 'no-cache');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(home.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.doesNotMatch(home.headers.get('permissions-policy'), /interest-cohort/, 'no obsolete feature');
    // The embedding sites: origins, named one by one (no wildcard).
    const ancestors = csp.match(/frame-ancestors ([^;]+)/)[1].split(' ');
    assert.equal(ancestors[0], "'self'");
    for (const site of ancestors.slice(1)) assert.equal(new URL(site).origin, site, `an origin: ${site}`);
    assert.doesNotMatch(csp, /\*/, 'no wildcard');
    // Plain HTTP only sends people to HTTPS, at the configured name whatever Host was asked for.
    const redirect = await fetch(`${plain}/class/102D?x=1`, { headers: { host: 'attacker.example' } });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), 'https://classes.example.org/class/102D?x=1');
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

  // Issue 26's review of the configuration, each point probed; every difference is listed at
  // once. Mutation seen failing: the configuration before the fix (git show 1b9e320:deploy/nginx.conf)
  // listed every line below but the CSP's (its policy then had no Trusted Types).
  test('says nothing it need not, serves no hidden file, never caches a 404, and reports violations to itself', async () => {
    const wrong = [];
    const expect = (what, actual, expected) => {
      if (actual !== expected) wrong.push(`${what}: ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
    };
    const home = await fetch(origin + '/');
    const missing = await fetch(`${origin}/class-spec-explorer-0123456789abcdef.js`);
    const hidden = await fetch(`${origin}/.env`);
    for (const [name, response] of [['/', home], ['a 404', missing], ['a hidden file', hidden]]) {
      // server_tokens off: the name, no version.
      expect(`${name}: Server`, response.headers.get('server'), 'nginx');
      expect(`${name}: Strict-Transport-Security`, response.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
      expect(`${name}: Cross-Origin-Resource-Policy`, response.headers.get('cross-origin-resource-policy'), 'same-origin');
      expect(`${name}: X-Permitted-Cross-Domain-Policies`, response.headers.get('x-permitted-cross-domain-policies'), 'none');
    }
    expect('a 404 page names no version', /nginx\//.test(await missing.text()), false);
    // A hashed-looking name not (yet) there: a 404 no cache keeps.
    expect('a missing hashed file: status', missing.status, 404);
    expect('a missing hashed file: Cache-Control', missing.headers.get('cache-control'), 'no-store');
    for (const path of ['/.env', '/.git/config', '/class/.env', '/.git/']) {
      const response = await fetch(origin + path);
      expect(`${path}: status`, response.status, 404);
      expect(`${path}: shows the file`, /SECRET|\[core\]/.test(await response.text()), false);
    }
    expect('/.well-known/security.txt', (await fetch(`${origin}/.well-known/security.txt`)).status, 200);
    // The agencies' script: other sites may load it, for an hour at a time.
    const embed = await fetch(`${origin}/embed.js`);
    expect('/embed.js: status', embed.status, 200);
    expect('/embed.js: Cross-Origin-Resource-Policy', embed.headers.get('cross-origin-resource-policy'), 'cross-origin');
    expect('/embed.js: Cache-Control', embed.headers.get('cache-control'), 'public, max-age=3600');
    // Trusted Types: HTML only through the one policy for views (web/boot.js), and the worker's
    // address through one that makes it alone (web/platform.js).
    const csp = home.headers.get('content-security-policy') ?? '';
    expect('CSP require-trusted-types-for', /(^|; )require-trusted-types-for 'script'(;|$)/.test(csp), true);
    expect('CSP trusted-types', csp.match(/(?:^|; )trusted-types ([^;]*)/)?.[1], 'class-spec-view class-spec-worker');
    // Violations reported to this server only, which answers and keeps nothing.
    expect('CSP report-uri', csp.match(/(?:^|; )report-uri ([^;]*)/)?.[1], '/csp-report');
    expect('CSP report-to', csp.match(/(?:^|; )report-to ([^;]*)/)?.[1], 'csp');
    expect('Reporting-Endpoints', home.headers.get('reporting-endpoints'), 'csp="/csp-report"');
    const report = await fetch(`${origin}/csp-report`, { method: 'POST', headers: { 'content-type': 'application/csp-report' } });
    expect('POST /csp-report', report.status, 204);
    // The open data (README "Open data"): its types, readable by any site's programs, and the
    // server's other headers kept (a location's own add_header would drop them). Mutation seen
    // failing: the `location ^~ /data/` block left out (the CSV came as text/plain).
    for (const [path, type] of [
      ['/data/v1/catalogue.json', 'application/json'],
      ['/data/v1/series/css.json', 'application/json'],
      ['/data/v1/schema.json', 'application/json'],
      ['/data/v1/classes.csv', 'text/csv; charset=utf-8'],
    ]) {
      const response = await fetch(origin + path);
      expect(`${path}: status`, response.status, 200);
      expect(`${path}: Content-Type`, response.headers.get('content-type'), type);
      expect(`${path}: Access-Control-Allow-Origin`, response.headers.get('access-control-allow-origin'), '*');
      expect(`${path}: Cross-Origin-Resource-Policy`, response.headers.get('cross-origin-resource-policy'), 'cross-origin');
      expect(`${path}: X-Content-Type-Options`, response.headers.get('x-content-type-options'), 'nosniff');
      expect(`${path}: Cache-Control`, response.headers.get('cache-control'), 'no-cache');
    }
    expect('/data/v1/series/none.json: status', (await fetch(`${origin}/data/v1/series/none.json`)).status, 404);
    expect('/: Access-Control-Allow-Origin', home.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(wrong, []);
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
