// Headless Debian Chromium driven by playwright-core (it never downloads a browser), with the
// flags that keep it off the closed network.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh headless Chromium profile (`options`: Playwright's context options, added; `flags`:
 * more command-line flags).
 */
export async function launch(options = {}, flags = []) {
  const profile = mkdtempSync(join(tmpdir(), 'cse-chromium-'));
  return chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...flags,
    ],
  });
}

/**
 * Opens a page that records what a person would not want: console errors, uncaught
 * exceptions, failed requests and any request to a host other than the app's.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A load cut short because the test moved on to the next address is not a failure a person
    // would see; anything else (refused, blocked, an integrity mismatch, no answer) is.
    const error = request.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} (${error})`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`request to another host: ${url}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}
