// The interaction benchmark: in headless Chromium against the release build, the time from a
// click to the view drawn anew (a MutationObserver sees the new content), for a change of
// comparison and, as the reference in the same run, a route change from the home view to a
// class. Reports the median and the worst of each, against the one-frame budget (16 ms).
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

// The reference: a route change from home to a class page and back.
const route = [];
for (let i = 0; i < runs; i += 1) {
  await page.goto(`${url}/`);
  await page.locator('.ladder').waitFor();
  route.push(await timeClick('/class/102D', () => document.querySelector('main h1')?.textContent === 'Customer Service Specialist 4'));
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
row('reference, same run: route change home → class', r);
