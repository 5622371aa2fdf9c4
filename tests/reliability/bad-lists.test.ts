/**
 * Bad files at the list imports (Klaster 1: sasaran XLSX/CSV, SDM, kader, Pustu, FKTP lain):
 * random bytes, truncated workbooks, the app's own export with garbage typed into a new row,
 * and broken CSV. Every file gets an answer — accepted, or refused naming the problem — never
 * an internal error, and a refused file saves nothing at all (SQLite's `total_changes` does
 * not move: nothing half-imported).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileDownload } from '@shared/contract';
import { openTestCore, type TestCore } from '../support/core';
import { setupFacility } from '../support/setup';
import { COUNTS, report } from './scale';

const YEAR = 2026;

interface ListImport {
  name: string;
  exportInput: object;
  importInput: (file: { fileName: string; base64: string }) => object;
  channel: string;
  exportChannel: string;
}

const LISTS: ListImport[] = [
  ...['nakes', 'kader', 'pustu', 'fktp'].map((name) => ({
    name,
    channel: `${name}.import`,
    exportChannel: `${name}.export`,
    exportInput: {},
    importInput: (file: { fileName: string; base64: string }) => file,
  })),
  {
    name: 'sasaran',
    channel: 'sasaran.import',
    exportChannel: 'sasaran.export',
    exportInput: { year: YEAR },
    importInput: (file) => ({ year: YEAR, ...file }),
  },
];

const cellGarbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom('', ' ', '=1+1', '#N/A', '31-02-1990', '9'.repeat(30), '-5', 'L', 'P', 'Ya'),
);

describe('bad files: list imports', () => {
  let t: TestCore;
  const tally = { files: 0, accepted: 0, refused: 0 };
  const codes = new Map<string, number>();
  const slowest = { ms: 0, file: '' };

  beforeAll(async () => {
    t = await openTestCore();
    await setupFacility(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    report('bad-lists', {
      lists: LISTS.map((l) => l.name).join('+'),
      files: tally.files,
      accepted: tally.accepted,
      refused: tally.refused,
      codes: [...codes.entries()].map(([c, n]) => `${c}:${n}`).join(','),
      slowest: `${slowest.file} ${Math.round(slowest.ms)}ms`,
    });
  });

  const changes = () =>
    (t.core.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  async function tryImport(list: ListImport, fileName: string, bytes: Uint8Array) {
    const before = changes();
    const started = performance.now();
    const result = await t.call(
      list.channel,
      list.importInput({ fileName, base64: Buffer.from(bytes).toString('base64') }),
    );
    tally.files += 1;
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, file: `${list.name}/${fileName}` });
    if (result.ok) {
      tally.accepted += 1;
      return;
    }
    tally.refused += 1;
    const { code, message } = result.error;
    codes.set(code, (codes.get(code) ?? 0) + 1);
    expect(code, `${list.name} ${fileName}: ${message}`).not.toBe('INTERNAL');
    expect(message.length, `${list.name} ${fileName}`).toBeGreaterThan(5);
    expect(changes(), `${list.name} ${fileName}: refused but wrote`).toBe(before);
  }

  for (const list of LISTS) {
    it(`${list.name}: random, truncated and garbled files`, async () => {
      const exported = await t.call(list.exportChannel, list.exportInput);
      if (!exported.ok) throw new Error(exported.error.message);
      const good = new Uint8Array(Buffer.from((exported.value as FileDownload).base64, 'base64'));
      const n = Math.max(4, Math.floor(COUNTS.badFiles / 8));
      for (const [k, bytes] of fc
        .sample(fc.uint8Array({ minLength: 0, maxLength: 4000 }), { numRuns: n, seed: 5 })
        .entries()) {
        await tryImport(list, `acak-${k}.xlsx`, bytes);
      }
      for (const [k, cut] of fc
        .sample(fc.integer({ min: 0, max: good.length - 1 }), { numRuns: n, seed: 6 })
        .entries()) {
        await tryImport(list, `potong-${k}.xlsx`, good.subarray(0, cut));
      }
      // The app's own file with a new row of garbage: refused cell by cell (or, by chance,
      // valid), and never half-saved.
      const rows = fc.sample(fc.array(cellGarbage, { minLength: 1, maxLength: 14 }), {
        numRuns: n,
        seed: 7,
      });
      for (const [k, values] of rows.entries()) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(good.slice().buffer);
        const ws = workbook.worksheets[0]!;
        const at = ws.rowCount + 1;
        values.forEach((v, c) => (ws.getCell(at, c + 1).value = v));
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        await tryImport(list, `isi-${k}.xlsx`, bytes);
      }
      if (list.name === 'sasaran') {
        const csv = await t.call('sasaran.export', { year: YEAR, format: 'csv' });
        if (!csv.ok) throw new Error(csv.error.message);
        const text = Buffer.from((csv.value as FileDownload).base64, 'base64').toString('utf8');
        const lines = fc.sample(fc.array(fc.string({ maxLength: 60 }), { maxLength: 6 }), {
          numRuns: n,
          seed: 8,
        });
        for (const [k, extra] of lines.entries()) {
          await tryImport(list, `sasaran-${k}.csv`, Buffer.from(`${text}${extra.join('\n')}`));
        }
      }
    }, 600_000);
  }
});
