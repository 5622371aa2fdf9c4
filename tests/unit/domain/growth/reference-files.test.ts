/**
 * Every row of the two WHO reference result files (computed by WHO's anthro 1.1.0.9000 and
 * anthroplus R packages; copied from the shared data folder into tests/fixtures/who-growth):
 * each z-score within 0.01 (WHO rounds to 2 decimals), every flag and every NA cell exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  who2006ZScores,
  who2007ZScores,
  type MeasurePosition,
  type Sex,
} from '../../../../src-shared/domain/growth';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/who-growth');

/** The fixtures are simple CSV: quoted or bare fields, no embedded commas or newlines. */
function readCsv(file: string): Record<string, string>[] {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').trim().split(/\r?\n/);
  const cells = (line: string) => line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
  const header = cells(lines[0]!);
  return lines.slice(1).map((line) => {
    const values = cells(line);
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? '']));
  });
}

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const flag = (s: string | undefined) => (s === undefined || s === '' ? null : s === '1');

type Mismatch = { id: string; column: string; expected: string; actual: string };

function compare(
  id: string,
  row: Record<string, string>,
  z: Record<string, number | null>,
  f: Record<string, boolean | null>,
  out: Mismatch[],
): void {
  for (const [column, actual] of Object.entries(z)) {
    const expected = num(row[column]);
    const ok =
      expected === null
        ? actual === null
        : actual !== null && Math.abs(actual - expected) < 0.01 + 1e-9;
    if (!ok) out.push({ id, column, expected: row[column] ?? '', actual: String(actual) });
  }
  for (const [column, actual] of Object.entries(f)) {
    if (flag(row[column]) !== actual) {
      out.push({ id, column, expected: row[column] ?? '', actual: String(actual) });
    }
  }
}

describe('WHO anthro reference results, 0–60 months (every row)', () => {
  const rows = readCsv('anthro-reference-under5.csv');

  it('has the 400 rows of the reference file', () => {
    expect(rows).toHaveLength(400);
  });

  it('reproduces every z-score (±0.01), flag and NA', () => {
    const mismatches: Mismatch[] = [];
    let exact = 0;
    for (const row of rows) {
      const r = who2006ZScores({
        sex: Number(row.sex) as Sex,
        ageDays: Number(row.age_days),
        weightKg: num(row.weight_kg),
        lengthCm: num(row.length_cm),
        measured: (row.measured || null) as MeasurePosition | null,
        headCm: num(row.head_cm),
        muacCm: num(row.muac_cm),
        oedema: row.oedema === 'y',
      });
      const z = { zwei: r.zwei, zlen: r.zlen, zwfl: r.zwfl, zbmi: r.zbmi, zhc: r.zhc, zac: r.zac };
      compare(
        row.id!,
        row,
        z,
        { fwei: r.fwei, flen: r.flen, fwfl: r.fwfl, fbmi: r.fbmi, fhc: r.fhc, fac: r.fac },
        mismatches,
      );
      for (const [column, value] of Object.entries(z)) if (value === num(row[column])) exact++;
    }
    expect(mismatches).toEqual([]);
    // Not just close: the same 2-decimal numbers WHO printed.
    expect(exact).toBe(rows.length * 6);
  });
});

describe('WHO anthroplus reference results, 61–228 months (every row)', () => {
  const rows = readCsv('anthroplus-reference-5to19.csv');

  it('has the 400 rows of the reference file', () => {
    expect(rows).toHaveLength(400);
  });

  it('reproduces every z-score (±0.01), flag and NA', () => {
    const mismatches: Mismatch[] = [];
    let exact = 0;
    for (const row of rows) {
      const r = who2007ZScores({
        sex: Number(row.sex) as Sex,
        ageMonths: Number(row.age_months),
        weightKg: num(row.weight_kg),
        heightCm: num(row.height_cm),
      });
      const z = { zhfa: r.zhfa, zwfa: r.zwfa, zbfa: r.zbfa };
      compare(row.id!, row, z, { fhfa: r.fhfa, fwfa: r.fwfa, fbfa: r.fbfa }, mismatches);
      for (const [column, value] of Object.entries(z)) if (value === num(row[column])) exact++;
    }
    expect(mismatches).toEqual([]);
    expect(exact).toBe(rows.length * 3);
  });
});
