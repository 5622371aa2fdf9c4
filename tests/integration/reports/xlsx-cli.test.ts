import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReport, type MonthlyReport } from '@shared/contract';
import { INDICATORS, INDICATOR_SET_VERSION } from '@shared/domain/indicators';
import { runCli } from '../../../src-main/cli/main';
import { createCore } from '../../../src-main/core';
import { generateDemo } from '../../../src-main/demo';
import { silentLogger } from '../../../src-main/log';
import { reportWorkbook } from '../../../src-main/reports/xlsx';
import { tempDir } from '../../support/temp';

/**
 * The workbook and `siklus report` on a demo folder (300 persons, seed 1, today 22 Nov 2026):
 * the formulas in the workbook give back the service's numbers.
 */
let dir: string;
let cleanup: () => void;
let report: MonthlyReport;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await generateDemo({ dataDir: dir, persons: 300, seed: '1', today: '2026-11-22' });
  const core = await createCore({
    dataDir: dir,
    runtime: 'cli',
    log: silentLogger,
    dailyBackup: 'off',
    now: () => new Date('2026-11-22T02:00:00.000Z'),
  });
  report = await core.services.reports.monthly('2026-10', undefined, 'id');
  await core.close();
}, 240_000);
afterAll(() => cleanup());

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

async function load(base64: string | Buffer): Promise<ExcelJS.Workbook> {
  const bytes = typeof base64 === 'string' ? Buffer.from(base64, 'base64') : base64;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

/** The first column of an indicator's group (its title is in row 7). */
function groupColumn(ws: ExcelJS.Worksheet, code: string): number {
  let found = 0;
  ws.getRow(7).eachCell((cell, col) => {
    if (!found && typeof cell.value === 'string' && cell.value.startsWith(`${code} · `)) {
      found = col;
    }
  });
  if (!found) throw new Error(`no column group for ${code}`);
  return found;
}

describe('report workbook', () => {
  it('has one sheet per cluster with heading, frozen headers, widths and a luar row', async () => {
    const wb = await load((await reportWorkbook(report, 'id')).base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Klaster 2 – Ibu',
      'Klaster 2 – Anak',
      'Klaster 2 – Imunisasi',
      'Klaster 2 – Gizi',
      'Klaster 3 – Dewasa & lansia',
      'SPM Bidang Kesehatan',
      'Catatan indikator',
    ]);
    const ws = wb.getWorksheet('Klaster 2 – Ibu')!;
    expect(ws.getCell('A1').value).toBe('Laporan bulanan Klaster 2 – Ibu');
    expect(String(ws.getCell('A2').value)).toContain(report.facility.name);
    expect(String(ws.getCell('A3').value)).toContain('2026-10');
    expect(String(ws.getCell('A4').value)).toContain(INDICATOR_SET_VERSION);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 8 });
    expect(ws.getColumn(2).width).toBe(26);
    const names: unknown[] = [];
    ws.getColumn(2).eachCell((c) => names.push(c.value));
    expect(names.slice(-2)).toEqual(['Total wilayah kerja', 'Luar wilayah']);
  });

  it('computes totals and percentages with formulas whose results are the service numbers', async () => {
    const wb = await load((await reportWorkbook(report, 'id')).base64);
    const ws = wb.getWorksheet('Klaster 2 – Ibu')!;
    const k1 = report.indicators.find((i) => i.code === 'K1');
    if (!k1?.computable) throw new Error('K1');
    const col = groupColumn(ws, 'K1');
    const desaCount = k1.rows.length - 2;
    const totalRow = 9 + desaCount;
    const total = k1.rows.find((r) => r.key === 'total')!;
    expect(total.ytd.numerator).toBeGreaterThan(0);
    // Sasaran, bulan ini, kumulatif: SUM over the desa rows.
    for (const [offset, expected] of [
      [0, total.target],
      [1, total.month.numerator],
      [2, total.ytd.numerator],
    ] as const) {
      const cell = ws.getCell(totalRow, col + offset);
      const letter = cell.address.replace(/\d+$/, '');
      expect(cell.formula).toBe(`SUM(${letter}9:${letter}${totalRow - 1})`);
      expect(cell.result).toBe(expected);
    }
    // % sasaran = kumulatif ÷ sasaran.
    const pct = ws.getCell(totalRow, col + 3);
    expect(pct.formula).toMatch(/ROUND\(\w+\d+\/\w+\d+\*100,1\)/);
    expect(pct.result).toBe(total.pctOfTarget);
    // Each desa row's values equal the service's.
    k1.rows.slice(0, desaCount).forEach((r, i) => {
      expect(ws.getCell(9 + i, col + 2).value).toBe(r.ytd.numerator);
    });
    // The luar row is outside the SUM.
    const luar = k1.rows.find((r) => r.key === 'luar')!;
    expect(ws.getCell(totalRow + 1, col + 2).value).toBe(luar.ytd.numerator);

    // A status indicator: numerator, observed, % for the month and the year.
    const gizi = wb.getWorksheet('Klaster 2 – Gizi')!;
    const stunting = report.indicators.find((i) => i.code === 'STUNTING');
    if (!stunting?.computable) throw new Error('STUNTING');
    const s = groupColumn(gizi, 'STUNTING');
    const st = stunting.rows.find((r) => r.key === 'total')!;
    expect(gizi.getCell(totalRow, s + 3).result).toBe(st.ytd.numerator);
    expect(gizi.getCell(totalRow, s + 4).result).toBe(st.ytd.denominator);
    if (st.ytd.value !== null) {
      expect(gizi.getCell(totalRow, s + 5).formula).toContain('ROUND(');
      expect(gizi.getCell(totalRow, s + 5).result).toBe(st.ytd.value);
    }
  });
});

describe('siklus report', () => {
  it('prints the report as JSON and writes the workbook', async () => {
    const json = capture();
    expect(await runCli(['report', '--data-dir', dir, '--period', '2026-10'], json.io)).toBe(0);
    const parsed = monthlyReport.parse(JSON.parse(json.out.join('\n')));
    expect(parsed.indicators.map((i) => i.code)).toEqual(INDICATORS.map((d) => d.code));
    expect(parsed.definitions).toBe(INDICATOR_SET_VERSION);
    // The same numbers as the service (only the generation time differs).
    expect(parsed.indicators).toEqual(report.indicators);

    const out = path.join(dir, 'laporan-2026-10.xlsx');
    const x = capture();
    expect(
      await runCli(
        ['report', '--data-dir', dir, '--period', '2026-10', '--format', 'xlsx', '--out', out],
        x.io,
      ),
    ).toBe(0);
    expect(x.out[0]).toMatch(/^Laporan 2026-10 \(\d+ indikator, dihitung dalam [\d.]+ detik\)/);
    const wb = await load(fs.readFileSync(out));
    expect(wb.getWorksheet('Klaster 2 – Ibu')).toBeDefined();
  });

  it('refuses a bad period, an unknown format and a folder without data', async () => {
    let c = capture();
    expect(await runCli(['report', '--data-dir', dir, '--period', '2026-13'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--period TTTT-BB/);
    c = capture();
    expect(
      await runCli(['report', '--data-dir', dir, '--period', '2026-10', '--format', 'pdf'], c.io),
    ).toBe(2);
    c = capture();
    const empty = path.join(dir, 'kosong');
    fs.mkdirSync(empty);
    expect(await runCli(['report', '--data-dir', empty, '--period', '2026-10'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/Tidak ada basis data/);
  });
});
