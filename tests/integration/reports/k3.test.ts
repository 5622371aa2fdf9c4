import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorValue, SasaranTable } from '@shared/contract';
import type { IndicatorDefinition } from '@shared/domain/indicators/types';
import { K3_INDICATORS } from '@shared/domain/indicators/k3';
import { SPM_INDICATORS } from '@shared/domain/indicators/spm';
import {
  countByDesa,
  gradedFamily,
  itemKey,
  windowsOf,
  type SourceRow,
} from '../../../src-main/reports/count';
import { defaultReportRules } from '../../../src-main/reports/rules';
import { computeIndicator, subjectsBehind } from '../../../src-main/reports/engine';
import type { Desa } from '../../../src-main/reports/engine';
import { sasaranTargets } from '../../../src-main/reports/service';
import { K3_FAMILIES, K3_SOURCES } from '../../../src-main/reports/sources/k3';
import { openTestCore, type TestCore } from '../../support/core';
import { queryPlan } from '../../support/plan';
import { setupFacility } from '../../support/setup';
import { expectFamiliesCountAsAlone } from './helpers';

/**
 * Klaster 3 and SPM 6–9 against hand counts. The fixture is entered through the real services
 * (registry, Skrining PTM, HT/DM registers and kontrol, lansia, sasaran) on 22 November 2026.
 * Desa A–C have sasaran, desa D has none; C and D have no residents served.
 *
 * The people (ages on the service date):
 * - Ani (A, 45): PTM screened 15 Jan and 10 Mar, BP normal both times → PTM once, in January.
 * - Budi (A, born 20 Mar 1966): PTM on 5 Mar at 59 → PTM in March; SKILAS on 25 Mar at 60 →
 *   lansia in March; PTM again on 10 Apr at 60 with BP 141/85 → not PTM (counted, and 60), but a
 *   new hypertension case in April.
 * - Cici (B, born 1 Mar 1966): PTM on 2 Mar, already 60 → not PTM; BP 142/88 → new HT case.
 * - Dedi (luar wilayah, 56): PTM 15 Mar, BP 150/95 and GDS 210 without symptoms (curiga DM) →
 *   PTM, HT and DM found, all under luar; HT register 15 Mar, kontrol 29 Mar 135/85 → SPM 8 and
 *   terkendali under luar.
 * - Euis (B, 35): PTM 20 Dec 2025 and 3 Mar 2026 (BP 139/89, GDS 120) → PTM in March 2026 (a new
 *   year counts again); negative for both HT and DM.
 * - Fajar (A, 51): PTM 12 Mar, BP 160/100 → new HT case; registered the same day (still new);
 *   kontrol 26 Mar 130/80 (controlled), 20 Apr 140/85 (not: systolic 140 is not below 140).
 * - Gita (A, 65): HT patient since 2020; PTM 8 Mar BP 150/92 → positive but not new; kontrol
 *   10 Feb 135/90 (not controlled: diastolic 90) and 15 Mar 139/89 (controlled). SKILAS with
 *   Barthel 12 (ringan) on 20 Jan; Barthel 20 (mandiri) alone on 18 Mar.
 * - Hadi (B, 76): DM patient since 2025; SKILAS 10 Nov 2025 and, with Barthel 8 (berat), 5 Mar
 *   2026; PTM 20 Mar GDP 200 → positive but not new; kontrol 20 Mar GDP 140 → SPM 9 in March;
 *   kontrol 22 Mar BP only → not a DM service, and he is not an HT patient.
 * - Iwan (luar, 70): SKILAS with Barthel 4 (total) on 10 Mar.
 * - Joko (A, 40): PTM 18 Mar GDS 250 with symptoms and 28 Mar GDP 130 → one new DM case, in
 *   March; DM register 28 Mar; kontrol 5 Apr HbA1c 8 → SPM 9 in April.
 * - Lina (B, 34): PTM 9 Mar, deleted the same day → counts nowhere.
 * - Opik (C, born 1 Jun 2011): HT diagnosed 1 May 2026 at 14; kontrol with BP on 20 May (still 14)
 *   → not SPM 8; on 1 Jun, his 15th birthday → SPM 8 in June. That day's kontrol is entered twice,
 *   138/88 and then 145/95 (measured again) → the later entry decides: not controlled.
 * - Nani (B, 50): HT patient from 2025 who left the register on 28 Feb (moved); a kontrol on
 *   10 Mar → neither served nor controlled (she is no longer a patient here).
 */

let t: TestCore;
let desa: Desa[];
let A: string, B: string, C: string, D: string;
const people: Record<string, string> = {};

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await t.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

async function person(
  name: string,
  sex: 'L' | 'P',
  birthDate: string,
  desaId: string | null,
): Promise<string> {
  const saved = await ok<{ person: { id: string } }>('persons.create', {
    person: {
      name,
      sex,
      birthDate,
      desaId,
      nik: null,
      noKk: null,
      ...(desaId ? {} : { outsideAddress: 'Kec. Tarogong Kidul, Garut' }),
    },
    confirmNotDuplicate: true,
  });
  people[name] = saved.person.id;
  return saved.person.id;
}

const bp = (systolic: number, diastolic: number) => ({
  tekananDarah: { readings: [{ systolic, diastolic }] },
});

function screen(who: string, screenedOn: string, values: Record<string, unknown>) {
  return ok<{ id: string; version: number }>('adult.screening.create', {
    personId: people[who],
    screening: { screenedOn, place: 'posbindu', ...values },
  });
}

function register(who: string, program: 'ht' | 'dm', diagnosedOn: string) {
  return ok('adult.patient.create', {
    personId: people[who],
    patient: {
      program,
      icd10: program === 'ht' ? 'I10' : 'E11',
      diagnosedOn,
      diagnosedPlace: 'puskesmas',
    },
  });
}

function kontrol(who: string, visitOn: string, values: Record<string, unknown>) {
  return ok('adult.kontrol.create', {
    personId: people[who],
    kontrol: { visitOn, place: 'puskesmas', ...values },
  });
}

const SKILAS_NORMAL = {
  kognitif: { orientasiWaktuBenar: true, orientasiTempatBenar: true, kataDiingat: 3 },
  mobilisasi: { tidakMampu: false, waktuDetik: 12 },
  malnutrisi: { beratTurun: false, nafsuMakanHilang: false, lilaCm: 24 },
  penglihatan: { masalahMata: false, hitungJariBenar: true },
  pendengaran: { tesBisik: 'dengar' },
  depresi: { sedihTertekan: false, kurangMinat: false },
};

const MAX = {
  bab: 2,
  bak: 2,
  membersihkanDiri: 1,
  penggunaanJamban: 2,
  makan: 2,
  berubahSikap: 3,
  berpindah: 3,
  memakaiBaju: 2,
  naikTurunTangga: 2,
  mandi: 1,
};
/** Barthel totals 20, 12 (ringan from 12), 8 (berat up to 8) and 4 (total up to 4). */
const BARTHEL = {
  20: MAX,
  12: { ...MAX, berpindah: 0, memakaiBaju: 0, naikTurunTangga: 0, mandi: 0 },
  8: {
    ...MAX,
    penggunaanJamban: 1,
    berubahSikap: 0,
    berpindah: 0,
    memakaiBaju: 0,
    naikTurunTangga: 0,
    mandi: 0,
  },
  4: {
    bab: 2,
    bak: 2,
    membersihkanDiri: 0,
    penggunaanJamban: 0,
    makan: 0,
    berubahSikap: 0,
    berpindah: 0,
    memakaiBaju: 0,
    naikTurunTangga: 0,
    mandi: 0,
  },
} as const;

function lansia(who: string, screenedOn: string, values: Record<string, unknown>) {
  return ok('adult.lansia.create', {
    personId: people[who],
    lansia: { screenedOn, place: 'puskesmas', ...values },
  });
}

async function sasaran(desaId: string, values: Record<string, number>) {
  const table = await ok<SasaranTable>('sasaran.table', { year: 2026 });
  const row = table.rows.find((r) => r.desaId === desaId)!;
  const versions = Object.fromEntries(Object.entries(row.cells).map(([g, c]) => [g, c.version]));
  await ok('sasaran.save', { year: 2026, desaId, values, versions });
}

beforeAll(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  desa = (await ok<Desa[]>('desa.list', {})).map(({ id, code, name }) => ({ id, code, name }));
  [A, B, C, D] = desa.map((d) => d.id) as [string, string, string, string];

  await sasaran(A, { penduduk: 100, produktif: 40, lansia: 8, ht: 10, dm: 4 });
  await sasaran(B, { penduduk: 60, produktif: 20, lansia: 4, ht: 5, dm: 5 });
  await sasaran(C, { penduduk: 30, produktif: 10, lansia: 2, ht: 2, dm: 1 });

  await person('Ani', 'P', '1980-05-01', A);
  await person('Budi', 'L', '1966-03-20', A);
  await person('Cici', 'P', '1966-03-01', B);
  await person('Dedi', 'L', '1970-01-01', null);
  await person('Euis', 'P', '1990-07-07', B);
  await person('Fajar', 'L', '1975-02-02', A);
  await person('Gita', 'P', '1960-06-06', A);
  await person('Hadi', 'L', '1950-01-01', B);
  await person('Iwan', 'L', '1955-05-05', null);
  await person('Joko', 'L', '1985-08-08', A);
  await person('Lina', 'P', '1992-02-02', B);
  await person('Nani', 'P', '1976-01-15', B);
  await person('Opik', 'L', '2011-06-01', C);

  await screen('Ani', '2026-01-15', bp(118, 76));
  await screen('Ani', '2026-03-10', bp(118, 76));
  await screen('Budi', '2026-03-05', bp(128, 82));
  await screen('Budi', '2026-04-10', bp(141, 85));
  await screen('Cici', '2026-03-02', bp(142, 88));
  await screen('Dedi', '2026-03-15', { ...bp(150, 95), gulaDarah: { test: 'gds', value: 210 } });
  await screen('Euis', '2025-12-20', bp(110, 70));
  await screen('Euis', '2026-03-03', { ...bp(139, 89), gulaDarah: { test: 'gds', value: 120 } });
  await screen('Fajar', '2026-03-12', bp(160, 100));
  await screen('Gita', '2026-03-08', bp(150, 92));
  await screen('Hadi', '2026-03-20', { gulaDarah: { test: 'gdp', value: 200 } });
  await screen('Joko', '2026-03-18', { gulaDarah: { test: 'gds', value: 250, symptoms: true } });
  await screen('Joko', '2026-03-28', { gulaDarah: { test: 'gdp', value: 130 } });
  const lina = await screen('Lina', '2026-03-09', bp(150, 95));
  await ok('adult.screening.delete', { id: lina.id, version: lina.version, reason: 'Salah orang' });

  await register('Dedi', 'ht', '2026-03-15');
  await register('Fajar', 'ht', '2026-03-12');
  await register('Gita', 'ht', '2020-01-10');
  await register('Hadi', 'dm', '2025-06-01');
  await register('Joko', 'dm', '2026-03-28');
  await register('Opik', 'ht', '2026-05-01');
  await ok('adult.patient.create', {
    personId: people.Nani,
    patient: {
      program: 'ht',
      icd10: 'I10',
      diagnosedOn: '2025-01-01',
      diagnosedPlace: 'puskesmas',
      endedOn: '2026-02-28',
      endReason: 'pindah',
    },
  });

  await kontrol('Dedi', '2026-03-29', { systolic: 135, diastolic: 85 });
  await kontrol('Fajar', '2026-03-26', { systolic: 130, diastolic: 80 });
  await kontrol('Fajar', '2026-04-20', { systolic: 140, diastolic: 85 });
  await kontrol('Gita', '2026-02-10', { systolic: 135, diastolic: 90 });
  await kontrol('Gita', '2026-03-15', { systolic: 139, diastolic: 89 });
  await kontrol('Hadi', '2026-03-20', { gulaTest: 'gdp', gulaValue: 140 });
  await kontrol('Hadi', '2026-03-22', { systolic: 120, diastolic: 80 });
  await kontrol('Joko', '2026-04-05', { hba1c: 8 });
  await kontrol('Nani', '2026-03-10', { systolic: 120, diastolic: 80 });
  await kontrol('Opik', '2026-05-20', { systolic: 142, diastolic: 92 });
  await kontrol('Opik', '2026-06-01', { systolic: 138, diastolic: 88 });
  await kontrol('Opik', '2026-06-01', { systolic: 145, diastolic: 95 });

  await lansia('Gita', '2026-01-20', { skilas: SKILAS_NORMAL, barthel: BARTHEL[12] });
  await lansia('Gita', '2026-03-18', { barthel: BARTHEL[20] });
  await lansia('Budi', '2026-03-25', { skilas: SKILAS_NORMAL });
  await lansia('Hadi', '2025-11-10', { skilas: SKILAS_NORMAL });
  await lansia('Hadi', '2026-03-05', { skilas: SKILAS_NORMAL, barthel: BARTHEL[8] });
  await lansia('Iwan', '2026-03-10', { skilas: SKILAS_NORMAL, barthel: BARTHEL[4] });
}, 120_000);
afterAll(() => t.close());

const ALL = [...K3_INDICATORS, ...SPM_INDICATORS];
const def = (code: string): IndicatorDefinition => {
  const found = ALL.find((d) => d.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

async function compute(code: string, month: string) {
  const d = def(code);
  const source = K3_SOURCES[d.numerator.source];
  if (!source) throw new Error(`no source ${d.numerator.source}`);
  return computeIndicator(
    t.core.database.db,
    d,
    source,
    { month },
    desa,
    sasaranTargets(t.core.database.db),
  );
}

type Cells = Record<'A' | 'B' | 'C' | 'D' | 'total' | 'luar', unknown>;

/** Month and YTD cells per row, keyed A–D, total, luar. */
function table(result: IndicatorResult, pick: (v: IndicatorValue) => unknown) {
  if (!result.computable) throw new Error(`${result.code} not computable`);
  const keys: Record<string, keyof Cells> = { [A]: 'A', [B]: 'B', [C]: 'C', [D]: 'D' };
  const month = {} as Cells;
  const ytd = {} as Cells;
  for (const r of result.rows) {
    const k = keys[r.key] ?? (r.key as keyof Cells);
    month[k] = pick(r.month);
    ytd[k] = pick(r.ytd);
  }
  return { month, ytd };
}
const numerators = (r: IndicatorResult) => table(r, (v) => v.numerator);
const values = (r: IndicatorResult) => table(r, (v) => v.value);
const cells = (r: IndicatorResult) =>
  table(r, (v) => (v.numerator === null ? null : `${v.numerator}/${v.denominator}`));

describe('Klaster 3 indicators against hand counts', () => {
  it('PTM_SKRINING: once a year at 15–59 (age on the day), in the month of the first screening', async () => {
    const march = await compute('PTM_SKRINING', '2026-03');
    // March: Budi (59), Fajar, Joko in A; Euis in B; Dedi luar. Ani was counted in January,
    // Cici was 60, Lina's screening was deleted.
    expect(numerators(march)).toEqual({
      month: { A: 3, B: 1, C: 0, D: 0, total: 4, luar: 1 },
      ytd: { A: 4, B: 1, C: 0, D: 0, total: 5, luar: 1 },
    });
    // Sasaran produktif A 40, B 20, C 10, D none (total 70).
    expect(values(march)).toEqual({
      month: { A: 7.5, B: 5, C: 0, D: null, total: 5.7, luar: null },
      ytd: { A: 10, B: 5, C: 0, D: null, total: 7.1, luar: null },
    });
    if (!march.computable) throw new Error('not computable');
    expect(march.rows.find((r) => r.key === 'total')).toMatchObject({
      target: 70,
      pctOfTarget: 7.1,
    });
    expect(march.rows.find((r) => r.key === D)).toMatchObject({ target: null, pctOfTarget: null });

    // January: Ani alone.
    expect(numerators(await compute('PTM_SKRINING', '2026-01')).month).toMatchObject({
      A: 1,
      total: 1,
    });
    // February: no screening anywhere → no data (null), not zero; the year so far still counts.
    const february = numerators(await compute('PTM_SKRINING', '2026-02'));
    expect(february.month).toEqual({ A: null, B: null, C: null, D: null, total: null, luar: null });
    expect(february.ytd).toMatchObject({ A: 1, total: 1 });
    // April: Budi screened again, now 60 → a zero month (data, nothing counted), YTD unchanged.
    const april = numerators(await compute('PTM_SKRINING', '2026-04'));
    expect(april.month).toEqual({ A: 0, B: 0, C: 0, D: 0, total: 0, luar: 0 });
    expect(april.ytd).toEqual({ A: 4, B: 1, C: 0, D: 0, total: 5, luar: 1 });
  });

  it('lists who is behind a number (the month of the first screening, once)', async () => {
    const behind = await subjectsBehind(
      t.core.database.db,
      def('PTM_SKRINING'),
      K3_SOURCES['ptm.skrining']!,
      windowsOf({ month: '2026-03' }).ytd,
      A,
    );
    const name = Object.fromEntries(Object.entries(people).map(([n, id]) => [id, n]));
    expect(behind.map((b) => [name[b.personId], b.onDate])).toEqual([
      ['Ani', '2026-01-15'],
      ['Budi', '2026-03-05'],
      ['Fajar', '2026-03-12'],
      ['Joko', '2026-03-18'],
    ]);
  });

  it('HT_DITEMUKAN / DM_DITEMUKAN: new cases at screening, not persons already in the register', async () => {
    // HT: Fajar (A, registered the same day), Cici (B, at 60), Dedi (luar); Gita already a patient.
    expect(numerators(await compute('HT_DITEMUKAN', '2026-03'))).toEqual({
      month: { A: 1, B: 1, C: 0, D: 0, total: 2, luar: 1 },
      ytd: { A: 1, B: 1, C: 0, D: 0, total: 2, luar: 1 },
    });
    // April: Budi 141/85 at 60 → new.
    expect(numerators(await compute('HT_DITEMUKAN', '2026-04'))).toMatchObject({
      month: { A: 1, total: 1, luar: 0 },
      ytd: { A: 2, B: 1, total: 3, luar: 1 },
    });
    // Of those whose BP was screened in March (latest screening): A Ani, Budi, Fajar, Gita;
    // B Cici, Euis (139/89 is negative); luar Dedi.
    const pct = await compute('HT_DITEMUKAN_PERSEN', '2026-03');
    expect(cells(pct).month).toEqual({
      A: '1/4',
      B: '1/2',
      C: '0/0',
      D: '0/0',
      total: '2/6',
      luar: '1/1',
    });
    expect(values(pct).month).toMatchObject({ A: 25, B: 50, C: null, total: 33.3, luar: 100 });

    // DM: Joko (A) once despite two positive screenings; Dedi's GDS 210 without symptoms is
    // "curiga DM" (luar); Hadi's GDP 200 is not new (DM patient since 2025).
    expect(numerators(await compute('DM_DITEMUKAN', '2026-03'))).toEqual({
      month: { A: 1, B: 0, C: 0, D: 0, total: 1, luar: 1 },
      ytd: { A: 1, B: 0, C: 0, D: 0, total: 1, luar: 1 },
    });
    expect(cells(await compute('DM_DITEMUKAN_PERSEN', '2026-03')).month).toEqual({
      A: '1/1',
      B: '0/2',
      C: '0/0',
      D: '0/0',
      total: '1/3',
      luar: '1/1',
    });
  });

  it('SPM8_HT / SPM9_DM: register patients with a measured kontrol, once a year', async () => {
    // HT: Gita first in February, Fajar in March (A); Dedi luar in March. Hadi's BP-only
    // kontrol does not make him an HT patient.
    const ht = await compute('SPM8_HT', '2026-03');
    expect(numerators(ht)).toEqual({
      month: { A: 1, B: 0, C: 0, D: 0, total: 1, luar: 1 },
      ytd: { A: 2, B: 0, C: 0, D: 0, total: 2, luar: 1 },
    });
    expect(values(ht).ytd).toMatchObject({ A: 20, B: 0, C: 0, D: null, total: 11.8 }); // 2/17
    expect(numerators(await compute('SPM8_HT', '2026-02')).month).toMatchObject({ A: 1, total: 1 });
    // Opik's May kontrol was at 14 (a zero month, not "no data"); June 1st, at 15, counts.
    expect(numerators(await compute('SPM8_HT', '2026-05')).month).toEqual({
      A: 0,
      B: 0,
      C: 0,
      D: 0,
      total: 0,
      luar: 0,
    });
    expect(numerators(await compute('SPM8_HT', '2026-06'))).toEqual({
      month: { A: 0, B: 0, C: 1, D: 0, total: 1, luar: 0 },
      ytd: { A: 2, B: 0, C: 1, D: 0, total: 3, luar: 1 },
    });
    // DM: Hadi (B) in March with GDP; Joko (A) in April with HbA1c.
    expect(numerators(await compute('SPM9_DM', '2026-03'))).toEqual({
      month: { A: 0, B: 1, C: 0, D: 0, total: 1, luar: 0 },
      ytd: { A: 0, B: 1, C: 0, D: 0, total: 1, luar: 0 },
    });
    const april = await compute('SPM9_DM', '2026-04');
    expect(numerators(april)).toMatchObject({
      month: { A: 1, B: 0 },
      ytd: { A: 1, B: 1, total: 2 },
    });
    expect(values(april).ytd).toMatchObject({ A: 25, B: 20, C: 0, total: 20 }); // 2/10
  });

  it('HT_TERKENDALI: the latest kontrol BP in each window, below 140/90', async () => {
    // February: Gita 135/90 → not controlled (diastolic 90 is not below 90).
    expect(cells(await compute('HT_TERKENDALI', '2026-02')).month).toMatchObject({
      A: '0/1',
      B: '0/0',
      luar: '0/0',
    });
    // March: Gita 139/89 and Fajar 130/80 controlled; Dedi 135/85 (luar).
    const march = await compute('HT_TERKENDALI', '2026-03');
    expect(cells(march)).toEqual({
      month: { A: '2/2', B: '0/0', C: '0/0', D: '0/0', total: '2/2', luar: '1/1' },
      ytd: { A: '2/2', B: '0/0', C: '0/0', D: '0/0', total: '2/2', luar: '1/1' },
    });
    expect(values(march).month).toMatchObject({ A: 100, B: null });
    // April: Fajar 140/85 → not controlled (systolic 140); the year so far takes each one's
    // latest: Fajar (April, no) and Gita (March, yes).
    expect(cells(await compute('HT_TERKENDALI', '2026-04'))).toMatchObject({
      month: { A: '0/1', total: '0/1', luar: '0/0' },
      ytd: { A: '1/2', total: '1/2', luar: '1/1' },
    });
    // June: Opik's two kontrols of the 1st, 138/88 then 145/95: the later entry of the day counts.
    expect(cells(await compute('HT_TERKENDALI', '2026-06'))).toMatchObject({
      month: { A: '0/0', C: '0/1', total: '0/1' },
      ytd: { A: '1/2', C: '0/1', total: '1/3', luar: '1/1' },
    });
  });

  it('LANSIA_SKRINING: SKILAS at 60 or more, once a year', async () => {
    // March: Budi (turned 60 five days before) in A, Hadi in B (his November 2025 SKILAS is last
    // year's), Iwan luar; Gita's March visit was a Barthel only, her SKILAS was in January.
    const march = await compute('LANSIA_SKRINING', '2026-03');
    expect(numerators(march)).toEqual({
      month: { A: 1, B: 1, C: 0, D: 0, total: 2, luar: 1 },
      ytd: { A: 2, B: 1, C: 0, D: 0, total: 3, luar: 1 },
    });
    expect(values(march).ytd).toMatchObject({ A: 25, B: 25, C: 0, D: null, total: 21.4 }); // 3/14
  });

  it('LANSIA_ADL_*: counts by the category of the latest Barthel in the window', async () => {
    const counts = async (month: string) => {
      const out: Record<string, { month: unknown; ytd: unknown }> = {};
      for (const code of ['MANDIRI', 'RINGAN', 'SEDANG', 'BERAT', 'TOTAL']) {
        const r = numerators(await compute(`LANSIA_ADL_${code}`, month));
        out[code] = { month: r.month, ytd: r.ytd };
      }
      return out;
    };
    const row = (a: number, b: number, luar: number) => ({
      A: a,
      B: b,
      C: 0,
      D: 0,
      total: a + b,
      luar,
    });
    // January: Gita 12 → ringan.
    expect((await counts('2026-01')).RINGAN).toEqual({ month: row(1, 0, 0), ytd: row(1, 0, 0) });
    // March: Gita 20 (mandiri, replacing January's ringan in the YTD), Hadi 8 (berat), Iwan 4
    // (total, luar).
    const march = await counts('2026-03');
    expect(march).toEqual({
      MANDIRI: { month: row(1, 0, 0), ytd: row(1, 0, 0) },
      RINGAN: { month: row(0, 0, 0), ytd: row(0, 0, 0) },
      SEDANG: { month: row(0, 0, 0), ytd: row(0, 0, 0) },
      BERAT: { month: row(0, 1, 0), ytd: row(0, 1, 0) },
      TOTAL: { month: row(0, 0, 1), ytd: row(0, 0, 1) },
    });
    // February: no lansia visit at all → no data.
    expect((await counts('2026-02')).MANDIRI!.month).toEqual({
      A: null,
      B: null,
      C: null,
      D: null,
      total: null,
      luar: null,
    });
  });

  it('SPM 6–9 count exactly what their Klaster 3 twins count', async () => {
    const pairs = [
      ['SPM6', 'PTM_SKRINING'],
      ['SPM7', 'LANSIA_SKRINING'],
      ['SPM8', 'SPM8_HT'],
      ['SPM9', 'SPM9_DM'],
    ] as const;
    for (const [spm, k3] of pairs) {
      const a = await compute(spm, '2026-03');
      const b = await compute(k3, '2026-03');
      if (!a.computable || !b.computable) throw new Error('not computable');
      expect(a.rows, spm).toEqual(b.rows);
      expect(a).toMatchObject({ cluster: 'spm', goal: 100 });
    }
  });

  it('reports the SPM services Siklus does not record as not computable, with the reason', async () => {
    const result = await computeIndicator(
      t.core.database.db,
      def('SPM10'),
      K3_SOURCES['ptm.skrining']!,
      { month: '2026-03' },
      desa,
      sasaranTargets(t.core.database.db),
    );
    expect(result).toMatchObject({
      computable: false,
      code: 'SPM10',
      reason: { id: expect.stringContaining('ODGJ berat'), en: expect.stringContaining('mental') },
    });
  });

  it('reads the kontrols patient by patient from covering indexes: no table read per row', () => {
    const { ytd } = windowsOf({ month: '2026-03' });
    for (const id of ['ptm.ht_dilayani', 'ptm.ht_terkendali', 'ptm.dm_dilayani']) {
      const query = K3_SOURCES[id]!.events(ytd, defaultReportRules(ytd.to)).compile(
        t.core.database.db,
      );
      const plan = queryPlan(t.core.database.sqlite, query.sql, ...query.parameters);
      expect(plan, id).toMatch(/SCAN a USING COVERING INDEX adult_patient_person/);
      expect(plan, id).toMatch(/SEARCH p USING COVERING INDEX person_live_birth \(/);
      expect(plan, id).toMatch(
        /SEARCH k USING COVERING INDEX adult_kontrol_person_report \(person_id=\? AND visit_on>\? AND visit_on<\?\)/,
      );
    }
  });

  it("counts the one-row-per-subject sources the same without picking each subject's row", async () => {
    const flagged = Object.values(K3_SOURCES).filter((s) => s.oneRowPerSubject);
    expect(flagged.map((s) => s.id).sort()).toEqual(
      [
        'lansia.skilas',
        'ptm.dm_dilayani',
        'ptm.dm_ditemukan',
        'ptm.ht_dilayani',
        'ptm.ht_ditemukan',
        'ptm.skrining',
      ].sort(),
    );
    for (const month of ['2026-03', '2026-04', '2026-06']) {
      const windows = windowsOf({ month });
      const rules = defaultReportRules(windows.ytd.to);
      for (const source of flagged) {
        const rows = await source.events(windows.ytd, rules).execute(t.core.database.db);
        const subjects = rows.rows.map((r) => r.subject_id);
        expect(new Set(subjects).size, source.id).toBe(subjects.length);
        const { oneRowPerSubject: _, ...picking } = source;
        expect(
          await countByDesa(t.core.database.db, source, 'achievement', windows, rules),
        ).toEqual(await countByDesa(t.core.database.db, picking, 'achievement', windows, rules));
      }
    }
  });
  it("counts the latest-entry sources as one row per person per day (the day's later entry) would", async () => {
    const flagged = Object.values(K3_SOURCES).filter((s) => s.latestByEntry);
    expect(flagged.map((s) => s.id).sort()).toEqual(
      [
        'lansia.adl.berat',
        'lansia.adl.mandiri',
        'lansia.adl.ringan',
        'lansia.adl.sedang',
        'lansia.adl.total',
        'ptm.dm_ditemukan_diskrining',
        'ptm.ht_ditemukan_diskrining',
        'ptm.ht_terkendali',
      ].sort(),
    );
    for (const month of ['2026-03', '2026-04', '2026-06']) {
      const windows = windowsOf({ month });
      const rules = defaultReportRules(windows.ytd.to);
      for (const source of flagged) {
        // the reference: the later entry of each day first, then the engine's usual pick
        const { latestByEntry: _, ...perDay } = source;
        perDay.events = (w, r) => sql<SourceRow>`
          SELECT subject_id, person_id, on_date, desa_id, flag, max(entry) AS entry
          FROM (${source.events(w, r)}) GROUP BY subject_id, on_date`;
        expect(
          await countByDesa(t.core.database.db, source, 'status', windows, rules),
          `${source.id} ${month}`,
        ).toEqual(await countByDesa(t.core.database.db, perDay, 'status', windows, rules));
      }
    }
    // the one pass holds for status counts whose month ends the year to date only
    const source = flagged[0]!;
    const windows = windowsOf({ month: '2026-03' });
    const rules = defaultReportRules(windows.ytd.to);
    await expect(
      countByDesa(t.core.database.db, source, 'achievement', windows, rules),
    ).rejects.toThrow('latestByEntry is for status counts');
    const early = { ...windows, month: { from: '2026-02-01', to: '2026-02-28' } };
    await expect(countByDesa(t.core.database.db, source, 'status', early, rules)).rejects.toThrow(
      'the month must end the year to date',
    );
  });

  it('counts each member of a family in one read exactly as it counts alone', async () => {
    expect(K3_FAMILIES.map((f) => [f.id, f.members.map(itemKey)])).toEqual([
      ['ptm.ht_kontrol', ['ptm.ht_dilayani|achievement', 'ptm.ht_terkendali|status']],
      [
        'lansia.adl',
        [
          'lansia.adl.mandiri|status',
          'lansia.adl.ringan|status',
          'lansia.adl.sedang|status',
          'lansia.adl.berat|status',
          'lansia.adl.total|status',
        ],
      ],
    ]);
    const db = t.core.database.db;
    await expectFamiliesCountAsAlone(db, K3_FAMILIES, [
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-06',
      '2026-11',
    ]);
    // The fixture's kontrols and Barthels are counted at all (a family of zeros proves nothing).
    const march = await K3_FAMILIES[0]!.count(
      db,
      windowsOf({ month: '2026-03' }),
      defaultReportRules('2026-03-31'),
    );
    expect(march.get('ptm.ht_terkendali|status')?.ytd.size).toBeGreaterThan(0);
    const early = {
      ...windowsOf({ month: '2026-03' }),
      month: { from: '2026-02-01', to: '2026-02-28' },
    };
    await expect(
      K3_FAMILIES[0]!.count(db, early, defaultReportRules('2026-03-31')),
    ).rejects.toThrow('the month must end the year to date');
  });

  it('shares a graded read only where no flag decides between the rows of a day', () => {
    const byDate = K3_SOURCES['ptm.skrining']!;
    expect(() => gradedFamily('x', byDate, [{ source: byDate.id, grades: [1] }])).toThrow(
      'x: the graded source must pick by entry or have one row a day',
    );
  });

  // Last in the file: Rudi's September rows are seen by no earlier test.
  it('counts a kontrol on the register days it covers: diagnosis and end day in, the day after out', async () => {
    // Rudi (A, 56): HT register 10–20 September, again 18–22 September (two closed rows that
    // overlap). Kontrols on 10 (diagnosis day), 19 (in both rows), 22 (the second row's end
    // day, controlled) and 23 September (after both, not controlled). One before the diagnosis
    // the kontrol form refuses.
    await person('Rudi', 'L', '1970-04-04', A);
    const closed = (diagnosedOn: string, endedOn: string) =>
      ok('adult.patient.create', {
        personId: people.Rudi,
        patient: {
          program: 'ht',
          icd10: 'I10',
          diagnosedOn,
          diagnosedPlace: 'puskesmas',
          endedOn,
          endReason: 'pindah',
        },
      });
    await closed('2026-09-10', '2026-09-20');
    await closed('2026-09-18', '2026-09-22');
    await kontrol('Rudi', '2026-09-10', { systolic: 150, diastolic: 95 });
    await kontrol('Rudi', '2026-09-19', { systolic: 150, diastolic: 95 });
    await kontrol('Rudi', '2026-09-22', { systolic: 130, diastolic: 80 });
    await kontrol('Rudi', '2026-09-23', { systolic: 150, diastolic: 95 });

    const september = { from: '2026-09-01', to: '2026-09-30' };
    const rows = await K3_SOURCES['ptm.ht_terkendali']!.events(
      september,
      defaultReportRules(september.to),
    ).execute(t.core.database.db);
    expect([...new Set(rows.rows.map((r) => r.on_date))].sort()).toEqual([
      '2026-09-10',
      '2026-09-19',
      '2026-09-22',
    ]);
    // Served once; controlled by the end day's kontrol (the 23rd would have made it 0/1).
    expect(numerators(await compute('SPM8_HT', '2026-09')).month).toMatchObject({ A: 1 });
    expect(cells(await compute('HT_TERKENDALI', '2026-09')).month).toMatchObject({ A: '1/1' });
    await expectFamiliesCountAsAlone(t.core.database.db, K3_FAMILIES, ['2026-09']);
  });
});
