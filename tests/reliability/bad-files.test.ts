/**
 * Bad files at the imports that exist: random and malformed CSV at `siklus growth zscores`
 * (today's file import; the list and sasaran XLSX/CSV imports join here as they land). Every
 * file gets an answer (exit 0, 1 or 2, never an exception); every malformed row is refused on
 * its own line number and never written; every good row is written exactly once; nothing is
 * half-written (the output has the header and whole rows only).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-main/cli/commands/growth';
import { runCli } from '../../src-main/cli/main';
import { tempDir } from '../support/temp';
import { COUNTS, report } from './scale';

const temp = tempDir('siklus-badfiles-');
afterAll(() => temp.cleanup());

const HEADER = ['id', 'sex', 'age_days', 'weight_kg', 'length_cm', 'measured', 'oedema'];

interface Row {
  id: string;
  good: boolean;
  cells: string[];
  /** The raw text of the row (a broken row may be broken text, not cells). */
  text?: string;
}

const goodRow = fc
  .record({
    sex: fc.constantFrom('1', '2', 'L', 'P'),
    age: fc.integer({ min: 0, max: 1856 }),
    weight: fc.double({ min: 2.5, max: 25, noNaN: true }),
    length: fc.double({ min: 45, max: 118, noNaN: true }),
    measured: fc.constantFrom('L', 'H', ''),
    oedema: fc.constantFrom('n', 'y', ''),
    comma: fc.boolean(),
  })
  .map((r) => {
    const num = (x: number) => (r.comma ? x.toFixed(1).replace('.', ',') : x.toFixed(1));
    return [r.sex, String(r.age), num(r.weight), num(r.length), r.measured, r.oedema];
  });

/** Rows that can never be read: the wrong number of columns, an open quote, no sex, no age. */
const badRow = fc.oneof(
  fc
    .array(
      fc.string({ maxLength: 6 }).filter((s) => !/[",;\n\r]/.test(s)),
      { minLength: 1, maxLength: 4 },
    )
    .map((cells) => ({ kind: 'short', cells })),
  goodRow.map((cells) => ({ kind: 'long', cells: [...cells, 'lebih', 'lagi'] })),
  goodRow.map((cells) => ({ kind: 'sex', cells: ['X', ...cells.slice(1)] })),
  goodRow.map((cells) => ({ kind: 'age', cells: [cells[0]!, 'abc', ...cells.slice(2)] })),
);

const fileOf = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: goodRow.map((cells) => ({ good: true, cells, kind: 'good' })) },
    { weight: 1, arbitrary: badRow.map((b) => ({ good: false, ...b })) },
  ),
  { minLength: 1, maxLength: 30 },
);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let files = 0;
let rowsTried = 0;
let rowsRefused = 0;

describe('bad files: growth CSV import', () => {
  afterAll(() =>
    report('bad-files', { files, rows: rowsTried, rowsRefused, import: 'growth zscores CSV' }),
  );

  it('refuses each malformed row on its own line and writes every good row once', async () => {
    const samples = fc.sample(fileOf, { numRuns: COUNTS.badFiles, seed: 4242 });
    for (const [k, spec] of samples.entries()) {
      const rows: Row[] = spec.map((r, i) => ({
        id: `r${i + 1}`,
        good: r.good,
        cells: r.kind === 'short' ? r.cells : [`r${i + 1}`, ...r.cells],
      }));
      // A short row keeps its id first so the output can be checked by id.
      for (const r of rows)
        if (!r.good && r.cells[0] !== r.id) r.cells = [r.id, ...r.cells].slice(0, 3);
      // A decimal comma is quoted, as a spreadsheet writes it.
      const cell = (v: string) => (v.includes(',') ? `"${v}"` : v);
      const lines = [HEADER.join(','), ...rows.map((r) => r.cells.map(cell).join(','))];
      const input = path.join(temp.dir, `in-${k}.csv`);
      const output = path.join(temp.dir, `out-${k}.csv`);
      fs.writeFileSync(input, `${lines.join(k % 2 ? '\r\n' : '\n')}\n`);
      const c = capture();
      const code = await runCli(['growth', 'zscores', input, output], c.io);
      files += 1;
      rowsTried += rows.length;
      const bad = rows.filter((r) => !r.good);
      rowsRefused += c.err.length;
      expect(code, c.err.join('\n')).toBe(bad.length > 0 ? 1 : 0);
      // One message per refused row, naming its line (header = line 1).
      const refusedLines = c.err.map((e) => Number(/^Baris (\d+):/.exec(e)?.[1]));
      expect(refusedLines, c.err.join('\n')).toEqual(
        rows.flatMap((r, i) => (r.good ? [] : [i + 2])),
      );
      const written = parseCsv(fs.readFileSync(output, 'utf8'), ',');
      expect(written[0]!.fields.slice(0, HEADER.length)).toEqual(HEADER);
      const ids = written.slice(1).map((r) => r.fields[0]);
      expect(ids).toEqual(rows.filter((r) => r.good).map((r) => r.id));
      // Whole rows only: every written row has every column of the output header.
      for (const r of written.slice(1)) expect(r.fields).toHaveLength(written[0]!.fields.length);
      fs.rmSync(input);
      fs.rmSync(output);
    }
  });

  it('answers random bytes, broken quoting and odd encodings without an exception', async () => {
    const inputs = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
        fc.string({ maxLength: 500 }).map((s) => Buffer.from(`${HEADER.join(',')}\n${s}`)),
        fc.string({ maxLength: 200 }).map((s) => Buffer.from(`${HEADER.join(';')}\n"r1;1;${s}`)),
        fc.constant(Buffer.from('\uFEFF')),
        fc.constant(Buffer.from([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00])),
        fc.constant(Buffer.alloc(0)),
      ),
      { numRuns: COUNTS.badFiles, seed: 77 },
    );
    for (const [k, bytes] of inputs.entries()) {
      const input = path.join(temp.dir, `acak-${k}.csv`);
      const output = path.join(temp.dir, `acak-${k}.out.csv`);
      fs.writeFileSync(input, bytes);
      const c = capture();
      let code: number;
      try {
        code = await runCli(['growth', 'zscores', input, output], c.io);
      } catch (error) {
        throw new Error(`file ${k} threw: ${String(error)}`);
      }
      files += 1;
      expect([0, 1, 2]).toContain(code);
      if (code === 2) {
        // A header problem: said in words, and no output at all (not a half file).
        expect(c.err.join(' ')).toMatch(/Kolom wajib|kosong|Berkas/);
        expect(fs.existsSync(output)).toBe(false);
      }
      fs.rmSync(input);
      fs.rmSync(output, { force: true });
    }
  });
});
