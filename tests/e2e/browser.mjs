// Headless Debian Chromium driven by playwright-core (it never downloads a browser), with the
// flags that keep it off the closed network; and the console guard: under the test runner, every
// test fails on a console error or an uncaught exception in any page of any browser launched
// here, unless that test declared that exact message (`tolerate`).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// --- The console guard
//
// Why here and not in each test: a test that forgot to look (a page opened with
// `context.newPage()`, a tab the app opened, an error after the last assertion) let a kiosk's
// every comparison throw unnoticed (issue 26). Every page of a browser from `launch` is watched.

/** What the pages said that no test expected, since the last test ended. */
const unexpected = [];
/** Open pages (flushed before a test is judged). */
const open = new Set();
/** Browsers still open. */
const browsers = new Set();
/** Per page, the messages its test declared (`tolerate`). */
const tolerated = new WeakMap();

/** A console error as the guard reports it: its text, and the file it came from if any. */
function consoleText(message) {
  const where = message.location()?.url;
  return `console error: ${message.text()}${where ? ` (${where})` : ''}`;
}

/** Whether `page`'s test declared `text`. */
function isTolerated(page, text) {
  return (tolerated.get(page) ?? []).some((pattern) => pattern.test(text));
}

function guard(page) {
  if (open.has(page)) return;
  open.add(page);
  page.on('close', () => open.delete(page));
  const record = (text) => {
    if (!isTolerated(page, text)) unexpected.push(`${text} [at ${page.url()}]`);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record(consoleText(message));
  });
  page.on('pageerror', (error) => record(`uncaught: ${error.message}`));
}

/**
 * Declares the errors `page` is expected to report in this test (a file refused by its
 * integrity hash, a request to a stopped server), each as a RegExp matched against the whole
 * report (`console error: <text> (<url>)` or `uncaught: <message>`). Anchored at both ends, so
 * it names one message, not a family.
 */
export function tolerate(page, ...patterns) {
  for (const pattern of patterns) {
    if (!(pattern instanceof RegExp) || !pattern.source.startsWith('^') || !pattern.source.endsWith('$')) {
      throw new Error(`tolerate: ${pattern} must be a RegExp anchored with ^ and $`);
    }
  }
  tolerated.set(page, [...(tolerated.get(page) ?? []), ...patterns]);
}

/**
 * Throws with every unexpected error since the last call. Each open page is asked one trivial
 * question first: the answer comes after every event the page sent before it, so an error the
 * test's last action caused is counted in this test, not the next.
 */
export async function judgeConsole() {
  // A page that cannot answer (hung, or closing) is not waited for beyond a few seconds.
  let timer;
  const stuck = new Promise((resolve) => {
    timer = setTimeout(resolve, 5000);
  });
  await Promise.race([Promise.all([...open].map((page) => page.evaluate(() => 0).catch(() => {}))), stuck]);
  clearTimeout(timer);
  const found = unexpected.splice(0);
  if (found.length > 0) throw new Error(`the page reported errors:\n${found.join('\n')}`);
}

// Under the test runner (`node --test`, or a *.test.mjs run directly): judged after each test,
// and once more after the file's last (an error during set-up or tear-down). Not in the
// benchmarks, which import this file too and print their own output.
if (process.env.NODE_TEST_CONTEXT || /\.test\.mjs$/.test(process.argv[1] ?? '')) {
  const { after, afterEach } = await import('node:test');
  afterEach(judgeConsole);
  after(judgeConsole);
  // A browser a failed test left open would keep the file from ever ending.
  after(() => Promise.all([...browsers].map((context) => context.close().catch(() => {}))));
}

/**
 * A fresh headless Chromium profile (`options`: Playwright's context options, added; `flags`:
 * more command-line flags).
 */
export async function launch(options = {}, flags = []) {
  const profile = mkdtempSync(join(tmpdir(), 'cse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
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
  // Every page: the one the browser opens with, those a test opens, and tabs the app opens.
  for (const page of context.pages()) guard(page);
  context.on('page', guard);
  browsers.add(context);
  context.on('close', () => browsers.delete(context));
  return context;
}

/**
 * Opens a page that records what a person would not want: console errors, uncaught
 * exceptions, failed requests and any request to a host other than the app's.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    const text = message.type() === 'error' && consoleText(message);
    if (text && !isTolerated(page, text)) problems.push(text);
  });
  page.on('pageerror', (error) => {
    const text = `uncaught: ${error.message}`;
    if (!isTolerated(page, text)) problems.push(text);
  });
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
