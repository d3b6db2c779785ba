// Journeys that the console guard (tests/e2e/browser.mjs) must judge: run by guard.test.mjs in
// a test runner of its own, never as part of the suite (no `.test.` in its name). Each page is
// opened with `context.newPage()`, not `watchedPage`, and asserts nothing about errors itself:
// the guard alone decides.
import { after, before, test } from 'node:test';
import { launch, tolerate } from '../browser.mjs';

let context;
before(async () => {
  context = await launch();
});
after(() => context?.close());

test('a page that logs a console error', async () => {
  const page = await context.newPage();
  await page.evaluate(() => console.error('logged by the journey'));
});

test('a click whose handler throws', async () => {
  const page = await context.newPage();
  await page.setContent('<button type="button">Go</button>');
  await page.evaluate(() => {
    document.querySelector('button').addEventListener('click', () => {
      throw new Error('thrown by the handler');
    });
  });
  await page.click('button');
});

test('an error the journey declared', async () => {
  const page = await context.newPage();
  tolerate(page, /^console error: expected here$/);
  await page.evaluate(() => console.error('expected here'));
});

test('an error other than the one declared', async () => {
  const page = await context.newPage();
  tolerate(page, /^console error: expected here$/);
  await page.evaluate(() => console.error('expected here, and more'));
});

test('a quiet page', async () => {
  const page = await context.newPage();
  await page.evaluate(() => console.log('only a log'));
});
