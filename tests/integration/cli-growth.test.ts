import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-main/cli/commands/growth';
import { runCli } from '../../src-main/cli/main';
import { tempDir } from '../support/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/who-growth');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** Rows of a CSV file as objects keyed by header. */
function readRows(file: string, delimiter = ','): Record<string, string>[] {
  const [header, ...records] = parseCsv(fs.readFileSync(file, 'utf8'), delimiter);
  return records.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i]!])));
}

/**
 * Cells that differ from WHO's file: same row order and ids, and per column empty (NA) where WHO's
 * is empty, otherwise the same number.
 */
function mismatches(
  expected: Record<string, string>[],
  actual: Record<string, string>[],
  columns: string[],
): string[] {
  const out: string[] = [];
  expected.forEach((ref, i) => {
    const row = actual[i];
    if (row?.id !== ref.id) out.push(`row ${i}: id ${row?.id} ≠ ${ref.id}`);
    for (const col of columns) {
      const a = row?.[col] ?? '';
      const e = ref[col] ?? '';
      if (a === '' ? e !== '' : e === '' || Number(a) !== Number(e)) {
        out.push(`id ${ref.id} ${col}: ${a} ≠ ${e}`);
      }
    }
  });
  return out;
}

const UNDER5_RESULTS = ['zwei', 'zlen', 'zwfl', 'zbmi', 'zhc', 'zac'];
const UNDER5_FLAGS = ['fwei', 'flen', 'fwfl', 'fbmi', 'fhc', 'fac'];

describe('siklus growth zscores', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('is listed in the help', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/siklus growth zscores IN.csv OUT.csv/);
  });

  it('reproduces the WHO anthro reference columns on the under-five fixture', async () => {
    const input = path.join(FIXTURES, 'anthro-reference-under5.csv');
    const output = path.join(dir, 'out.csv');
    const c = capture();
    expect(await runCli(['growth', 'zscores', input, output], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    expect(c.out).toEqual([`Ditulis 400 baris ke ${output}.`]);
    const expected = readRows(input);
    const actual = readRows(output);
    expect(actual).toHaveLength(400);
    expect(mismatches(expected, actual, [...UNDER5_RESULTS, ...UNDER5_FLAGS])).toEqual([]);
    // Status gizi codes come along.
    expect(actual[0]).toMatchObject({
      status_bbu: 'bbu_risiko_lebih',
      status_pbu: 'pbu_normal',
      status_bbpb: 'bbpb_obesitas',
      status_lila: 'lila_normal',
      stunting: '0',
      overweight: '1',
    });
    // Row 2 has oedema: no weight-based z, gizi buruk.
    expect(actual[1]).toMatchObject({ zwei: '', zwfl: '', status_bbpb: 'bbpb_gizi_buruk' });
  });

  it('reproduces the WHO anthroplus reference columns with --reference who2007', async () => {
    const input = path.join(FIXTURES, 'anthroplus-reference-5to19.csv');
    const output = path.join(dir, 'out.csv');
    const c = capture();
    expect(await runCli(['growth', 'zscores', input, output, '--reference', 'who2007'], c.io)).toBe(
      0,
    );
    const expected = readRows(input);
    const actual = readRows(output);
    expect(actual).toHaveLength(400);
    expect(mismatches(expected, actual, ['zhfa', 'zwfa', 'zbfa', 'fhfa', 'fwfa', 'fbfa'])).toEqual(
      [],
    );
    expect(actual.every((row) => row.status_imtu!.startsWith('imtu518_'))).toBe(true);
  });

  it('reports bad rows by line and column, skips them, and writes the good ones', async () => {
    const input = path.join(dir, 'in.csv');
    const output = path.join(dir, 'out.csv');
    fs.writeFileSync(
      input,
      [
        'id,sex,birth_date,measure_date,age_days,weight_kg,length_cm,measured,head_cm,muac_cm,oedema',
        'a1,1,,,1191,17.8,94.4,L,43.2,12.9,n', // line 2: good (reference row 1)
        'a2,1,,,300,1o.5,70,L,,,n', // line 3: weight not a number
        '"b, with comma",P,2024-01-10,2024-07-10,,7.1,65,L,,,n', // line 4: good, quoted, dates
        'b2,3,,,300,8,70,L,,,n', // line 5: bad sex
        '"multi', // lines 6–7: a quoted id across two lines, good
        'line",2,,,400,9,72,H,,,n',
        'b3,1,2024-02-30,2024-07-10,,8,70,L,,,n', // line 8: bad birth date
        'b4,1,,,200,8,70,X,,,n', // line 9: bad measured
        'b5,1,,,200,8,70,L,,,maybe', // line 10: bad oedema
        'b6,1,,,200,-8,70,L,,,n', // line 11: negative weight
        'b7,1,,,200,8,70,L,,', // line 12: a column short
        ',,,,,,,,,,', // line 13: empty spreadsheet row, ignored
        'b8,1,,,,8,70,L,,,n', // line 14: no age at all
        '',
      ].join('\n'),
    );
    const c = capture();
    expect(await runCli(['growth', 'zscores', input, output], c.io)).toBe(1);
    expect(c.err).toEqual([
      'Baris 3: kolom weight_kg bukan angka ("1o.5") — baris dilewati.',
      'Baris 5: kolom sex tidak sah ("3"); isi 1 atau L (laki-laki), 2 atau P (perempuan) — baris dilewati.',
      'Baris 8: kolom birth_date bukan tanggal YYYY-MM-DD ("2024-02-30") — baris dilewati.',
      'Baris 9: kolom measured tidak sah ("X"); isi L (telentang) atau H (berdiri), atau kosongkan — baris dilewati.',
      'Baris 10: kolom oedema tidak sah ("maybe"); isi y (ya) atau n (tidak) — baris dilewati.',
      'Baris 11: kolom weight_kg harus lebih dari 0 ("-8") — baris dilewati.',
      'Baris 12: ada 10 kolom, seharusnya 11 seperti baris judul — baris dilewati.',
      'Baris 14: kolom age_days kosong (atau isi birth_date dan measure_date) — baris dilewati.',
    ]);
    expect(c.out).toEqual([
      `Ditulis 3 baris ke ${output}; 8 baris dilewati (lihat pesan di atas).`,
    ]);
    const rows = readRows(output);
    expect(rows.map((r) => r.id)).toEqual(['a1', 'b, with comma', 'multi\nline']);
    expect(rows[0]).toMatchObject({ zwei: '1.46', zlen: '-1.14', zwfl: '3.07', zac: '-2.62' });
    // 2024-01-10 → 2024-07-10 is 182 days: a girl, 7.1 kg, 65 cm.
    expect(rows[1]!.zwei).not.toBe('');
    expect(rows[1]!.status_lila).toBe(''); // no MUAC measured
    // The quoted fields are written back quoted.
    expect(fs.readFileSync(output, 'utf8')).toContain('"b, with comma",P,');
  });

  it('reads semicolon-separated files with decimal commas (Excel in Indonesian)', async () => {
    const input = path.join(dir, 'in.csv');
    const output = path.join(dir, 'out.csv');
    fs.writeFileSync(
      input,
      '\uFEFFid;sex;age_days;weight_kg;length_cm;measured;head_cm;muac_cm;oedema\r\n' +
        '1;L;1191;17,8;94,4;L;43,2;12,9;n\r\n',
    );
    const c = capture();
    expect(await runCli(['growth', 'zscores', input, output], c.io)).toBe(0);
    const [row] = readRows(output, ';');
    expect(row).toMatchObject({ id: '1', weight_kg: '17,8', zwei: '1.46', zwfl: '3.07' });
  });

  it('stops on a missing required column or a wrong reference, with exit code 2', async () => {
    const input = path.join(dir, 'in.csv');
    fs.writeFileSync(input, 'id,age_days,weight_kg\n1,100,5\n');
    const c = capture();
    expect(await runCli(['growth', 'zscores', input, path.join(dir, 'o.csv')], c.io)).toBe(2);
    expect(c.err).toEqual(['Kolom wajib tidak ada di baris judul: sex']);
    const r = capture();
    expect(
      await runCli(['growth', 'zscores', input, path.join(dir, 'o.csv'), '--reference', 'x'], r.io),
    ).toBe(2);
    expect(r.err[0]).toMatch(/--reference harus who2006 atau who2007/);
    const m = capture();
    expect(await runCli(['growth', 'zscores', input], m.io)).toBe(2);
    const n = capture();
    expect(await runCli(['growth', 'zscores', path.join(dir, 'none.csv'), 'o.csv'], n.io)).toBe(1);
    expect(n.err[0]).toMatch(/Berkas tidak dapat dibaca/);
  });
});
