// The interaction benchmark: in headless Chromium against the release build, the time from a
// click (or a keystroke, or a submit) to the view drawn anew (a MutationObserver sees the new
// content), for a change of comparison, a planner update and a search keystroke and, as the
// reference in the same run, a route change from the home view to a class. Reports the median and the worst of each, against the one-frame budget (16 ms).
// Usage: node tests/bench/interaction.mjs [dist] [runs]
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 21);
const { server, url } = await serve(dist);
const context = await launch();
const page = await context.newPage();

/** Clicks the link to `href` and resolves with the ms until `ready()` holds in the DOM. */
async function timeClick(href, ready) {
  return page.evaluate(
    async ({ href, ready }) => {
      const isReady = new Function(`return (${ready})();`);
      const link = [...document.querySelectorAll('a')].find((a) => a.getAttribute('href') === href);
      if (!link) throw new Error(`no link to ${href}`);
      return new Promise((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (isReady()) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
      });
    },
    { href, ready: ready.toString() },
  );
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p90: sorted[Math.floor(sorted.length * 0.9)],
    worst: sorted[sorted.length - 1],
    first: xs[0],
  };
};

// A change of comparison: alternate between two ready-made comparisons.
await page.goto(`${url}/compare?classes=102A,102B`);
await page.locator('table.compare').waitFor();
const compare = [];
const targets = ['/compare?classes=102C,102D', '/compare?classes=102A,102B'];
for (let i = 0; i < runs; i += 1) {
  const href = targets[i % 2];
  compare.push(
    await timeClick(
      href,
      href.includes('102C')
        ? () => document.querySelector('table.compare thead th a')?.textContent === 'Customer Service Specialist 3'
        : () => document.querySelector('table.compare thead th a')?.textContent === 'Customer Service Specialist 1',
    ),
  );
}

// The reference: a route change from home to a class page, the engine module loaded already
// (the app came in at another view, then went home in the app).
const route = [];
const firstRoute = [];
for (let i = 0; i < runs; i += 1) {
  await page.goto(`${url}/class/102A`);
  await page.locator('main h1', { hasText: 'Customer Service Specialist 1' }).waitFor();
  await timeClick('/', () => document.querySelector('.ladder') !== null);
  route.push(await timeClick('/class/102D', () => document.querySelector('main h1')?.textContent === 'Customer Service Specialist 4'));
}
// The first view after the start view, which fetches and starts the engine module.
for (let i = 0; i < Math.min(runs, 11); i += 1) {
  await page.goto(`${url}/`);
  await page.locator('.ladder').waitFor();
  firstRoute.push(await timeClick('/class/102D', () => document.querySelector('main h1')?.textContent === 'Customer Service Specialist 4'));
}

// A planner update: the form submitted with one more year, to the new plan drawn.
await page.goto(`${url}/planner?class=102C&years=3&in-class=1&education=high-school`);
await page.locator('#plan-heading').waitFor();
const planner = [];
for (let i = 0; i < runs; i += 1) {
  const years = String(4 + (i % 2));
  planner.push(
    await page.evaluate(async (years) => {
      const form = document.getElementById('planner');
      form.querySelector('[name=years]').value = years;
      return new Promise((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const input = document.querySelector('#planner [name=years]');
          if (document.getElementById('plan-heading') && input?.getAttribute('value') === years) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        form.requestSubmit();
      });
    }, years),
  );
}

// A search keystroke: one more letter typed in the search box, to the results drawn.
const search = [];
const words = ['customer', 'service', 'supervis', 'complaint', 'resolv', 'policy'];
await page.goto(`${url}/search?q=c`);
await page.locator('.search-status').waitFor();
for (let i = 0; i < runs; i += 1) {
  const word = words[i % words.length];
  await page.locator('#site-search').fill(word.slice(0, 3));
  await page.locator('.search-status', { hasText: `“${word.slice(0, 3)}”` }).waitFor();
  search.push(
    await page.evaluate(async (next) => {
      const input = document.getElementById('site-search');
      return new Promise((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('.search-status')?.textContent.includes(`“${next}”`)) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        input.value = next;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }, word.slice(0, 4)),
  );
}

await context.close();
server.close();

const c = stats(compare);
const r = stats(route);
console.log(`Interactions, ${runs} runs each, click to view drawn (ms), headless Chromium, one-frame budget 16 ms:`);
console.log('');
const row = (name, s) =>
  console.log(`| ${name} | ${s.median.toFixed(1)} | ${s.p90.toFixed(1)} | ${s.worst.toFixed(1)} | ${s.first.toFixed(1)} |`);
console.log('| interaction | median | 90th percentile | worst | first run |');
console.log('|---|---:|---:|---:|---:|');
row('change of comparison (2 columns, real data)', c);
row('planner update (submit to the new plan drawn)', stats(planner));
row('search keystroke (real size, to the results drawn)', stats(search));
row('reference, same run: route change home → class', r);
row('first view after the start view (engine fetched and started)', stats(firstRoute));
