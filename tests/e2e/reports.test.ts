import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { signIn } from './bridge';
import { expect, screenshot, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENS = path.join(ROOT, 'test-results/screens');

/** October of the demo's data: this year's once October has ended, otherwise last year's. */
function octoberLabel(): { label: string; period: string } {
  const now = new Date(Date.now() + 7 * 3_600_000); // WIB
  const year = now.getUTCMonth() >= 10 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return { label: `Oktober ${year}`, period: `${year}-10` };
}

/** The number on screen: `1.234` → 1234, `—` → null. */
function screenNumber(text: string): number | null {
  const clean = text.replace(/[^\d,—-]/g, '');
  if (clean === '' || clean.includes('—')) return null;
  return Number(clean.replace(/\./g, '').replace(',', '.'));
}

test('Laporan: October Klaster 2, drill into stunting, person card, Excel equals the screen, PWS, SKDN, PDF', async ({
  page,
  demo,
}) => {
  test.setTimeout(240_000);
  const october = octoberLabel();
  await page.goto(demo.url);
  await signIn(page, 'admin', 'siklus-demo-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();

  await page.goto(`${demo.url}#/laporan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan bulanan' })).toBeVisible();
  const month = page.getByRole('combobox', { name: 'Bulan laporan' });
  if ((await month.inputValue()) !== october.label) {
    await month.click();
    await page.getByRole('option', { name: october.label, exact: true }).click();
  }
  await expect(month).toHaveValue(october.label);

  // Klaster 2 · Ibu opens first: a table with desa rows, total and luar wilayah.
  const table = page.getByTestId('report-table');
  await expect(table.locator('tbody tr[data-key="total"]')).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('tbody tr[data-key="luar"]')).toHaveCount(1);
  await screenshot(page, 'reports-ibu');

  // Gizi by keyboard: the tab list takes arrows.
  await page.getByRole('tab', { name: 'Ibu' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Gizi' })).toHaveAttribute('aria-selected', 'true');
  await expect(table.locator('td[data-code="STUNTING"]').first()).toBeVisible();
  await screenshot(page, 'reports-gizi');

  // Stunting of a desa with stunted children (year to date): the persons behind the number.
  const stunting = table
    .locator(
      'tbody tr:not([data-key="total"]):not([data-key="luar"]) td[data-code="STUNTING"][data-kind="ytd"] button',
    )
    .filter({ hasText: /^[1-9]/ })
    .first();
  const shown = screenNumber((await stunting.textContent()) ?? '');
  expect(shown).toBeGreaterThan(0);
  // Arrows move between the numbers; Enter opens the one in focus.
  await stunting.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAttribute('data-c', /\d+/);
  await page.keyboard.press('ArrowRight');
  await expect(stunting).toBeFocused();
  await page.keyboard.press('Enter');
  const drill = page.getByTestId('drill');
  await expect(drill).toBeVisible();
  await expect(drill.getByText('Dihitung', { exact: false }).first()).toBeVisible();
  const counted = drill.getByRole('row').filter({ hasText: '✓ Dihitung' });
  await expect(counted).toHaveCount(shown!);
  await screenshot(page, 'reports-drill-stunting');

  // The name links to the person card.
  const link = counted.first().getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Gizi' })).toHaveAttribute('aria-selected', 'true');
  await expect(month).toHaveValue(october.label);

  // Unduh Excel: the workbook's totals are the screen's, for every Klaster 2 group.
  const totals: Totals = new Map();
  for (const tab of ['Ibu', 'Anak', 'Gizi', 'Imunisasi']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(table.locator('tbody tr[data-key="total"]')).toBeVisible();
    await screenTotals(page, totals);
  }
  expect(totals.get('STUNTING')?.ytd).toBeGreaterThan(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  checkWorkbookTotals(workbook, totals);
  await page.getByRole('tab', { name: 'Gizi' }).click();

  // PWS: bars per desa with the target line, the month-by-month line, data one click away.
  await page.getByText('Grafik PWS').click();
  await expect(page.getByTestId('pws-bars')).toBeVisible();
  await expect(page.getByTestId('pws-line')).toBeVisible();
  await screenshot(page, 'reports-pws');
  await page.getByRole('button', { name: 'Lihat data' }).click();
  await expect(page.getByTestId('pws-data')).toBeVisible();
  await screenshot(page, 'reports-pws-data');

  // SKDN per posyandu.
  await page.getByText('SKDN posyandu').click();
  await expect(page.getByTestId('skdn-table')).toBeVisible();
  await screenshot(page, 'reports-skdn');

  // Cetak / PDF: A4 landscape, only the report.
  await page.evaluate(() => document.body.classList.add('siklus-report-print'));
  fs.mkdirSync(SCREENS, { recursive: true });
  const pdf = path.join(SCREENS, 'reports-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
  await page.evaluate(() => document.body.classList.remove('siklus-report-print'));
  expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '3',
      pdf,
      path.join(SCREENS, 'reports-print'),
    ]);
  } catch {
    // poppler-utils is optional: the PDF itself is kept for a person to open.
  }
});

type Totals = Map<string, { month: number | null; ytd: number | null }>;

/** The total row's "Bln ini" and "Kum." of every indicator of the table on screen. */
async function screenTotals(page: Page, into: Totals): Promise<void> {
  const total = page.getByTestId('report-table').locator('tbody tr[data-key="total"]');
  // One read of all the cells: three calls per cell took some 45 s for the four tabs.
  const cells = await total
    .locator('td[data-kind="month"], td[data-kind="ytd"]')
    .evaluateAll((tds) =>
      tds.map((td) => ({
        code: td.getAttribute('data-code')!,
        kind: td.getAttribute('data-kind') as 'month' | 'ytd',
        text: td.textContent ?? '',
      })),
    );
  for (const { code, kind, text } of cells) {
    const entry = into.get(code) ?? { month: null, ytd: null };
    entry[kind] = screenNumber(text);
    into.set(code, entry);
  }
}

/**
 * A cell's number: typed, or a formula's cached result. exceljs reads a cached 0 back as no
 * result, so a `SUM(A9:A20)` without one is summed here from the cells it names.
 */
function cellNumber(ws: ExcelJS.Worksheet, value: ExcelJS.CellValue): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'formula' in value) {
    if (typeof value.result === 'number') return value.result;
    const range = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(value.formula ?? '');
    if (!range || range[1] !== range[3]) return null;
    let sum = 0;
    for (let r = Number(range[2]); r <= Number(range[4]); r++) {
      sum += cellNumber(ws, ws.getCell(`${range[1]}${r}`).value) ?? 0;
    }
    return sum;
  }
  return null;
}

/** Each indicator's total for the month and the year to date in the workbook equals the screen's. */
function checkWorkbookTotals(workbook: ExcelJS.Workbook, totals: Totals): void {
  const found = new Set<string>();
  for (const ws of workbook.worksheets) {
    let totalRow = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 2).value === 'Total wilayah kerja') totalRow = r;
    }
    if (!totalRow) continue;
    for (let r = 1; r < totalRow; r++) {
      for (let c = 3; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master !== cell) continue;
        const title = typeof cell.value === 'string' ? cell.value : '';
        const code = title.split(' · ')[0]!;
        const expected = totals.get(code);
        if (!expected) continue;
        // The group's sub-headers sit in the next row, under the merged title.
        const got: { month: number | null; ytd: number | null } = { month: null, ytd: null };
        for (let k = c; k <= ws.columnCount; k++) {
          const owner = ws.getCell(r, k).master;
          if (owner !== cell) break;
          const sub = ws.getCell(r + 1, k).value;
          if (sub === 'Bulan ini') got.month = cellNumber(ws, ws.getCell(totalRow, k).value);
          if (sub === 'Kumulatif') got.ytd = cellNumber(ws, ws.getCell(totalRow, k).value);
        }
        expect(got, `${ws.name} ${code}`).toEqual(expected);
        found.add(code);
      }
    }
  }
  expect([...totals.keys()].filter((code) => !found.has(code))).toEqual([]);
}
