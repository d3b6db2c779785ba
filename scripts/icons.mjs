// Draws the app's PNG icons from its SVG icons (public/icons/*.svg), with headless Chromium:
// 192 and 512 pixels, and a maskable 512 (its drawing inside the safe zone). The PNGs are
// committed; run this again after changing an SVG: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/browser.mjs';

const context = await launch();
const page = await context.newPage();
for (const [svg, size, png] of [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
  ['icon.svg', 180, 'apple-touch-icon.png'],
]) {
  const source = readFileSync(`public/icons/${svg}`, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
  );
  await page.screenshot({ path: `public/icons/${png}`, omitBackground: true });
  console.log(`public/icons/${png}`);
}
await context.close();
