// The levels view and the spreadsheet downloads, end to end in headless Chromium against the
// release build: one step from home, CSS 4's supervisory duties listed at CSS 4 with every cut-off
// list below named, each level's own words, a CSV that reads
// back as the view shows it, print on Letter and A4, a level per block on a phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageWithShellHeld, useApp } from './app.mjs';

const app = useApp();

/** RFC 4180 records: fields separated by commas, quoted fields may hold commas, "" and breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      assert.notEqual(c, '"', `a stray quote at ${i}`);
      field += c;
    }
  }
  assert.equal(quoted, false, 'every quoted field is closed');
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

/** Clicks the view's download button and returns the file's name and its bytes as text. */
async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'cse-csv-')), file.suggestedFilename());
  await file.saveAs(path);
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  return { name: file.suggestedFilename(), records: parseCsv(bytes.subarray(3).toString('utf8')) };
}

/**
 * The sheet's blocks (crates/core/src/sheet.rs): the rows under each heading row of one cell,
 * those before the first under ''. Values: an item's cells as [value, source] pairs.
 */
const HEADINGS = ['Where each value comes from', 'Official pages', 'Values', 'Notes'];
function blocks(records) {
  const out = { '': [] };
  let at = '';
  for (const r of records.filter((r) => r.length > 1 || r[0] !== '')) {
    if (r.length === 1 && HEADINGS.includes(r[0])) out[(at = r[0])] = [];
    else out[at].push(r);
  }
  return out;
}
function values(records) {
  const [header, ...rows] = blocks(records).Values;
  const first = header[1] === 'Group' ? 2 : 1;
  const cells = (item) => {
    const row = rows.find((r) => r[0] === item);
    assert.ok(row, `a row ${item}`);
    const pairs = [];
    for (let i = first; i < row.length; i += 2) pairs.push([row[i], row[i + 1]]);
    return pairs;
  };
  return { header, rows, first, cells, values: (item) => cells(item).map(([v]) => v) };
}

/** What every sheet must be: the notice, one row per item, every source cell a kind of the key. */
function readsAsOne(records) {
  const parts = blocks(records);
  assert.match(parts[''][1][0], /not an official State of Washington site/);
  assert.equal(parts[''].find((r) => r[0] === 'Data as of')?.[1].startsWith('July 1, 2025'), true, 'the data\'s date');
  const kinds = parts['Where each value comes from'].slice(1).map((r) => r[0]);
  assert.ok(kinds.includes('Estimated by us'), `the key: ${kinds}`);
  const sheet = values(records);
  const items = sheet.rows.map((r) => r[0].toLowerCase());
  assert.equal(new Set(items).size, items.length, `one row per item: ${items}`);
  for (const row of sheet.rows) {
    for (let i = sheet.first; i < row.length; i += 2) {
      if (row[i + 1] !== '') assert.ok(kinds.includes(row[i + 1]), `${row[0]}: ${row[i + 1]} is in the key`);
      assert.ok(!row[i].startsWith('['), `no note inside a value: ${row[i]}`);
    }
  }
  assert.ok(parts['Official pages'].slice(1).every((r) => r[1].startsWith('https://')), 'each class\'s official page');
  return sheet;
}

describe('levels view and spreadsheets', () => {
  test('one step from home; CSS 4 supervising is listed at CSS 4, every cut-off list named, each level in its own words', async () => {
    const { page, problems } = await app.open('/');
    await page.getByRole('link', { name: 'What each level asks, level by level' }).click();
    await page.getByRole('heading', { level: 1, name: 'What each level asks, level by level' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/levels');
    const headers = await page.locator('.levels-matrix thead th > a').allTextContents();
    assert.deepEqual(headers, [
      'Customer Service Specialist 1',
      'Customer Service Specialist 2',
      'Customer Service Specialist 3',
      'Customer Service Specialist 4',
      'Customer Service Manager*, estimated',
    ]);
    // No heading claims "new at" or "only at": a cut-off list could contradict it.
    for (const heading of await page.locator('.duty-group h3').allTextContents()) {
      assert.match(heading, /^Listed at /);
    }
    const top = page.locator('.duty-group', { has: page.getByRole('heading', { name: 'Listed at CSS 4', exact: true }) });
    // CSS 4's official words, preferred to our summary.
    assert.match(await top.locator('.duty-group__duty').first().textContent(), /^Plans and directs the work of staff;.*performance standards/);
    assert.equal(
      await top.locator('.duty-group__caveat').textContent(),
      "CSS 1's, CSS 2's and CSS 3's duty lists are cut off in our copy (only their first duties are held): these duties may be there too.",
    );
    // A duty matched across levels shows each level's own words under its name.
    const guides = page.locator('.duty-group__words > li', { hasText: 'Guides or directs lower-level staff' });
    assert.equal(await guides.locator('.duty-group__level').textContent(), 'Customer Service Specialist 3');
    // Every duty links to its section in its class.
    await top.getByRole('link', { name: 'Customer Service Specialist 4' }).first().click();
    await page.waitForURL(/\/class\/102D#typical-work$/);
    assert.deepEqual(problems, []);
  });

  test('a comparison downloads as a CSV that reads back as the view shows it', async () => {
    const { page, problems } = await app.open('/compare?classes=102C,102D');
    const { name, records } = await download(page);
    assert.equal(name, 'compare-102C-102D.csv');
    const sheet = readsAsOne(records);
    assert.equal(sheet.header.length, 5, 'the item, then a value and its source per class');
    assert.deepEqual(sheet.values('Class'), ['Customer Service Specialist 3', 'Customer Service Specialist 4']);
    assert.deepEqual(sheet.cells('Class code'), [['102C*', 'Estimated by us'], ['102D', 'Read on the official text shown here']]);
    const shown = await page.locator('table.compare tbody tr', { hasText: 'Supervision received' }).locator('td').allTextContents();
    assert.deepEqual(sheet.cells('Supervision received')[0], ['', 'Not in our copy']);
    assert.ok(shown[1].startsWith(sheet.values('Supervision received')[1]), `${shown[1]} shows the CSV's value`);
    const typical = sheet.cells('Typical Work');
    assert.equal(typical[0][1], 'Summary in our words');
    assert.match(typical[1][0], /^Plans and directs the work of staff; reviews work for compliance with agency policy;/, 'official text as printed');
    assert.equal(typical[1][1], 'Official text');
    assert.deepEqual(problems, []);
  });

  test('the levels view downloads too; a kiosk offers no download', async () => {
    const { page, problems } = await app.open('/levels');
    const { name, records } = await download(page);
    assert.equal(name, 'levels-css.csv');
    const sheet = readsAsOne(records);
    assert.deepEqual(sheet.values('Class code'), ['102A', '102B*', '102C*', '102D', '103D']);
    const supervising = sheet.rows.find((r) => r[8]?.startsWith('Plans and directs the work of staff'));
    assert.deepEqual(supervising.slice(0, 2), ['Duty 11', 'Listed at CSS 4']);
    assert.equal(supervising[9], 'Official text');
    const kiosk = await app.open('/levels?kiosk=1&idle=600');
    assert.equal(await kiosk.page.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).isVisible(), false);
    await kiosk.page.goto(`${app.origin}/compare?classes=102C,102D`);
    // The comparison itself, not the picker's page it is drawn over (no button there either).
    await kiosk.page.locator('table.compare').waitFor();
    assert.equal(await kiosk.page.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).count(), 0);
    assert.deepEqual([...problems, ...kiosk.problems], []);
  });

  test('the first click downloads, before the shell has come', async () => {
    // The shell's wasm is held back the whole time (a browser of its own, without the service
    // worker, which would serve it from its cache): web/boot.js answers the button with the
    // engine alone. It failed while the shell answered it (the first click did nothing).
    const { page, problems, release, close } = await pageWithShellHeld(app.origin);
    try {
      await page.goto(`${app.origin}/compare?classes=102C,102D`);
      await page.locator('table.compare').waitFor();
      assert.equal((await download(page)).name, 'compare-102C-102D.csv', 'a computed view');
      await page.goto(`${app.origin}/levels`);
      assert.equal((await download(page)).name, 'levels-css.csv', 'a view written at build time');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-shell')), false);
      assert.deepEqual(problems, []);
    } finally {
      release();
      await close();
    }
  });

  test('prints on Letter and A4 without cutting the matrix; a level per block on a phone', async () => {
    const { page, problems } = await app.open('/levels');
    mkdirSync('test-results', { recursive: true });
    // The printable width of Letter and A4 with the stylesheet's 0.6 in margins, in CSS pixels.
    for (const [paper, width] of [
      ['Letter', Math.floor((8.5 - 1.2) * 96)],
      ['A4', Math.floor((8.27 - 1.2) * 96)],
    ]) {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width, height: 1000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${paper}: the printed page is ${overflow} px too wide`);
      assert.equal(await page.locator('.levels-matrix table').isVisible(), true, `${paper}: the matrix prints`);
      await page.pdf({ path: `test-results/levels-${paper}.pdf`, format: paper });
    }
    await page.emulateMedia({ media: 'screen' });
    for (const width of [320, 390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const phone = width < 700;
      assert.equal(await page.locator('.levels-cards').isVisible(), phone, `${width} px: blocks per level`);
      assert.equal(await page.locator('.levels-matrix').isVisible(), !phone, `${width} px: the matrix`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width} px scrolls sideways by ${overflow} px`);
      await page.screenshot({ path: `test-results/levels-${width}.png`, fullPage: true });
    }
    assert.deepEqual(problems, []);
  });
});
