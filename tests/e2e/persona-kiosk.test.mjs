// A visitor at a portrait kiosk in a lobby (1080×1920, touch only): the planner's controls at
// kiosk size, with what slowed visitors down checked. Screenshots go to
// test-results/persona-kiosk-*.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useApp } from './app.mjs';

const app = useApp({ viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false });
const shot = async (page, name, fullPage = false) => {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/persona-kiosk-${name}.png`, fullPage });
};
const label = 'Years of relevant experience, in all';

describe('persona: a visitor at a portrait kiosk', () => {
  test('steppers move by a year, half a year on request, repeat while held, and offer one-tap choices', async () => {
    // The page's timers on a clock the test can stop (time flows as usual until it does).
    await app.context.clock.install();
    const { page, problems } = await app.open('/?kiosk=1&idle=600');
    await page.getByRole('link', { name: 'Planner', exact: true }).tap();
    await page.locator('main h1', { hasText: 'Where can I go from here?' }).waitFor();
    const years = page.getByLabel(label, { exact: true });
    await page.getByRole('button', { name: `A year more: ${label}`, exact: true }).tap();
    await page.getByRole('button', { name: `A year more: ${label}`, exact: true }).tap();
    assert.equal(await years.inputValue(), '2', 'a year a tap');
    await page.getByRole('button', { name: `Half a year more: ${label}`, exact: true }).tap();
    assert.equal(await years.inputValue(), '2.5', 'half a year as the finer step');
    await page.getByRole('button', { name: `4 years: ${label}`, exact: true }).tap();
    assert.equal(await years.inputValue(), '4', 'a common value at one tap');
    // Held down, the button repeats until it is let go. No clock guesses: time stands still
    // and moves only by what the test runs. Held 1.5 s: the first repeat after 450 ms, then one
    // every 150 ms (600, 750, ... 1500 ms), 7 steps; let go, another second brings none.
    const more = page.getByRole('button', { name: `A year more: ${label}`, exact: true });
    const box = await more.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.mouse.down();
    await page.clock.runFor(1500);
    assert.equal(await years.inputValue(), '11', 'repeats while held: 4 and 7 steps');
    await page.mouse.up();
    await page.clock.runFor(1000);
    assert.equal(await years.inputValue(), '11', 'stops when let go');
    await page.clock.resume();
    // By keyboard too (the buttons are the shell's, src/stepper.rs): Enter and Space step once
    // each.
    await more.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.closest('.stepper')?.querySelector('input')?.value === '13');
    await page.getByRole('button', { name: `0 years: Years in your current class`, exact: true }).tap();
    await page.getByRole('button', { name: `1 year: Years in your current class`, exact: true }).tap();
    await page.getByLabel('Your current class', { exact: true }).selectOption('102C');
    await page.getByLabel('Your highest education').selectOption('high-school');
    await page.getByRole('button', { name: 'Check my plan' }).tap();
    await page.locator('#plan-heading').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('in-class'), '1');
    assert.deepEqual(problems, []);
  });

  test('kiosk words and sizes: nothing to bookmark, the width of the portrait screen, text and tags to read from a step away', async () => {
    const { page, problems } = await app.open('/planner?class=102B&years=3&in-class=1&education=high-school&kiosk=1&idle=600');
    assert.ok(!(await page.locator('main').innerText()).includes('bookmark'), 'no "bookmark, share or print" on a kiosk');
    const widths = await page.evaluate(() => ({
      form: document.querySelector('.planner-form').getBoundingClientRect().width,
      drawing: document.querySelector('svg.path-svg--wide').getBoundingClientRect().width,
    }));
    assert.ok(widths.form >= 0.8 * 1080, `the form is ${widths.form}px wide`);
    assert.ok(widths.drawing >= 0.8 * 1080, `the drawing is ${widths.drawing}px wide`);
    const sizes = await page.evaluate(() => {
      const px = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
      const svg = document.querySelector('svg.path-svg--wide');
      const scale = svg.getScreenCTM().a;
      return {
        text: px('main p'),
        label: px('.planner-form label'),
        tag: px('.verdict'),
        drawing: Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
      };
    });
    // Text and tags at kiosk size; the drawing's smallest text (12 units, its step labels) is
    // scaled by the screen's width: 15 px or more at 1080 px, where a desk shows it at 12.
    const { drawing, ...rest } = sizes;
    for (const [what, size] of Object.entries(rest)) assert.ok(size >= 20, `${what}: ${size.toFixed(1)}px`);
    assert.ok(drawing >= 15, `drawing: ${drawing.toFixed(1)}px`);
    await shot(page, 'plan', true);
    assert.deepEqual(problems, []);
  });

  test('a visitor taps in her years and reads her next step first, with what would change it', async () => {
    const { page, problems } = await app.open('/planner?kiosk=1&idle=600');
    await page.getByLabel('Your current class', { exact: true }).selectOption('102B');
    // Every whole year up to 10 is one tap away.
    for (const years of ['5', '7', '10']) {
      await page.getByRole('button', { name: `${years} years: ${label}`, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: `3 years: ${label}`, exact: true }).tap();
    await page.getByRole('button', { name: '1 year: Years in your current class', exact: true }).tap();
    await page.getByLabel('Your highest education').selectOption('high-school');
    await page.getByRole('button', { name: 'Check my plan' }).tap();
    await page.locator('.plan__headline').waitFor();
    assert.match(await page.locator('.plan__headline').textContent(), /^Your next step: Customer Service Specialist 3 \(CSS 3\)/);
    // CSS 4 cannot be told (its badge says so), and the sentence says why and what would meet
    // a way, without repeating the verdict.
    assert.match(
      await page.locator('.plan__list > .plan__item[data-class="102D"] .plan__verdict').textContent(),
      /^For the third way, .* is for an employer to judge\. Of the ways the planner can check, one year more of relevant experience would meet the first way to qualify\.$/,
    );
    await page.locator('#plan-heading').scrollIntoViewIfNeeded();
    await shot(page, 'plan-reading');
    assert.deepEqual(problems, []);
  });

  test('the levels view reads at kiosk size', async () => {
    const { page, problems } = await app.open('/levels?kiosk=1&idle=600');
    await page.locator('.levels-duties').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await shot(page, 'levels', true);
    assert.deepEqual(problems, []);
  });
});
