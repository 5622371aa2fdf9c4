import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemKey, windowsOf } from '../../../src-main/reports/count';
import { defaultReportRules } from '../../../src-main/reports/rules';
import { POPULATIONS, SOURCES } from '../../../src-main/reports/sources';
import { K2_ANAK_FAMILIES } from '../../../src-main/reports/sources/k2-anak';
import { queryPlan } from '../../support/plan';
import {
  expectFamiliesCountAsAlone,
  nd,
  openReportWorld,
  rowOf,
  type ReportWorld,
} from './helpers';

/**
 * Klaster 2 anak, gizi and imunisasi against hand counts. Today is 20 December 2026 (WIB).
 *
 * - Budi (A, boy, born 10 Jun 2025): 5 Oct 7.2 kg; 28 Oct 7.0 kg; 3 Nov 7.1 kg, 70 cm (stunted);
 *   24 Nov 7.3 kg, 81 cm (not stunted). Weighed twice in November: counted once, the 24 Nov
 *   weighing decides: +300 g over October's latest (28 Oct; +100 g over 5 Oct's would not do) at
 *   17 months (KBM 200 g) → N, and not stunted. Red capsule 10 Aug.
 * - Cici (A, girl, born 15 Jan 2024): 10 Nov 11.0 kg, 75 cm at 33 months → stunted; B (first
 *   weighing) → not N.
 * - Fajar (A, boy, born 1 Jun 2025): IDL doses HB0 1 Jun 2025 … MR1 1 Mar 2026 → IDL March 2026.
 * - Eka (B, girl, born 1 Feb 2026): DPT-HB-Hib 1 on 5 Apr, recorded only after the April report
 *   was first read; blue capsule 12 Aug (6 months old).
 * - Gita (A, girl, born 1 Nov 2026 08.00): KN1 1 Nov 20.00, KN2 5 Nov, KN3 15 Nov → KN lengkap Nov.
 * - Dodi (luar wilayah, boy, born 1 Jan 2025): weighed 12 Nov → D in luar, not in the total.
 * - Hana (luar wilayah, girl, born 2 Nov 2026 06.00): KN1 2 Nov 18.00, KN3 16 Nov, no KN2 → KN1 in luar,
 *   never KN lengkap.
 * Registry on 31 Aug: A has Budi, Cici, Fajar (12–59 mo: 3); B has Eka (6–11 mo: 1).
 * On 30 Nov: balita 0–59 mo A = Budi, Cici, Fajar, Gita = 4; B = Eka = 1.
 */
let w: ReportWorld;
let eka: string;
let fajar: string;

const growth = (personId: string, measureDate: string, m: Record<string, unknown>) =>
  w.ok('growth.create', {
    measurement: { personId, measureDate, place: 'puskesmas', ...m },
    confirmImplausible: true,
  });
const dose = (personId: string, doseCode: string, givenDate: string) =>
  w.ok('immunization.create', {
    dose: { personId, doseCode, givenDate, place: 'puskesmas' },
    breakReason: 'Sesuai buku KIA',
  });

beforeAll(async () => {
  w = await openReportWorld('2026-12-20T02:00:00.000Z');
  const { A, B, ok } = w;
  await ok('sasaran.save', {
    year: 2026,
    desaId: A.id,
    values: { penduduk: 4000, bayi: 20, surviving_infant: 19 },
  });
  await ok('sasaran.save', {
    year: 2026,
    desaId: B.id,
    values: { penduduk: 1000, bayi: 5, surviving_infant: 5 },
  });

  const budi = await w.person('Budi Santoso', 'L', '2025-06-10');
  await growth(budi, '2026-10-05', { weightKg: 7.2 });
  await growth(budi, '2026-10-28', { weightKg: 7.0 });
  await growth(budi, '2026-11-03', { weightKg: 7.1, lengthCm: 70, measured: 'L' });
  await growth(budi, '2026-11-24', { weightKg: 7.3, lengthCm: 81, measured: 'L' });
  await ok('vitaminA.create', {
    vitaminA: { personId: budi, givenDate: '2026-08-10', capsule: 'red', place: 'puskesmas' },
    breakReason: 'Sesuai jadwal',
  });

  const cici = await w.person('Cici Lestari', 'P', '2024-01-15');
  await growth(cici, '2026-11-10', { weightKg: 11.0, lengthCm: 75, measured: 'H' });

  fajar = await w.person('Fajar Nugraha', 'L', '2025-06-01');
  for (const [code, date] of [
    ['HB0', '2025-06-01'],
    ['BCG', '2025-07-01'],
    ['OPV1', '2025-07-01'],
    ['DPT_HB_HIB1', '2025-08-01'],
    ['OPV2', '2025-08-01'],
    ['DPT_HB_HIB2', '2025-09-01'],
    ['OPV3', '2025-09-01'],
    ['DPT_HB_HIB3', '2025-10-01'],
    ['OPV4', '2025-10-01'],
    ['IPV1', '2025-10-01'],
    ['MR1', '2026-03-01'],
  ] as const) {
    await dose(fajar, code, date);
  }

  eka = await w.person('Eka Putri', 'P', '2026-02-01', { desaId: B.id });
  await ok('vitaminA.create', {
    vitaminA: { personId: eka, givenDate: '2026-08-12', capsule: 'blue', place: 'puskesmas' },
    breakReason: 'Sesuai jadwal',
  });

  const gita = await w.person('Gita Anjani', 'P', '2026-11-01');
  await ok('child.profile.save', {
    personId: gita,
    version: null,
    birthTime: '08:00',
    kiaBook: true,
  });
  for (const [visitDate, visitTime] of [
    ['2026-11-01', '20:00'],
    ['2026-11-05', '10:00'],
    ['2026-11-15', '10:00'],
  ] as const) {
    await ok('neonatal.create', {
      visit: { personId: gita, visitDate, visitTime, place: 'rumah' },
    });
  }

  const dodi = await w.person('Dodi Kurniawan', 'L', '2025-01-01', {
    desaId: null,
    outsideAddress: 'Kp. Cibunar, Kec. Tarogong',
  });
  await growth(dodi, '2026-11-12', { weightKg: 10.5 });

  const hana = await w.person('Hana Safitri', 'P', '2026-11-02', {
    desaId: null,
    outsideAddress: 'Kp. Cibunar, Kec. Tarogong',
  });
  await ok('child.profile.save', {
    personId: hana,
    version: null,
    birthTime: '06:00',
    kiaBook: true,
  });
  for (const [visitDate, visitTime] of [
    ['2026-11-02', '18:00'],
    ['2026-11-16', '10:00'],
  ] as const) {
    await ok('neonatal.create', {
      visit: { personId: hana, visitDate, visitTime, place: 'rumah' },
    });
  }
}, 120_000);
afterAll(() => w.t.close());

describe('Klaster 2 anak, gizi and imunisasi, hand-counted', () => {
  it('D/S counts each child once against the registered balita; N/D by the latest weighing', async () => {
    const nov = await w.report('2026-11');
    expect(rowOf(nov, 'DS', w.A.id).month).toEqual({ numerator: 2, denominator: 4, value: 50 });
    expect(rowOf(nov, 'DS', w.A.id).target).toBe(4);
    expect(rowOf(nov, 'DS', w.B.id).month).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(rowOf(nov, 'DS', 'luar').month.numerator).toBe(1);
    expect(nd(rowOf(nov, 'DS', 'total').month)).toEqual([2, 5]);
    // Budi N (the 24 Nov weighing decides), Cici B: N/D = 1/2.
    expect(rowOf(nov, 'ND', w.A.id).month).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(nd(rowOf(nov, 'ND', 'total').month)).toEqual([1, 2]);
    const oct = await w.report('2026-10');
    // Budi's first weighing ever: B, not N.
    expect(nd(rowOf(oct, 'ND', w.A.id).month)).toEqual([0, 1]);
  });

  it('stunting among the measured, each child once with the latest measurement', async () => {
    const nov = await w.report('2026-11');
    expect(rowOf(nov, 'STUNTING', w.A.id).month).toEqual({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(nd(rowOf(nov, 'STUNTING', 'total').ytd)).toEqual([1, 2]);
    const drill = await w.ok<{ rows: { name: string; counted: boolean; onDate: string }[] }>(
      'reports.drill',
      { period: '2026-11', code: 'STUNTING', key: w.A.id, window: 'month' },
    );
    expect(drill.rows.map((r) => [r.name, r.onDate, r.counted])).toEqual([
      ['Cici Lestari', '2026-11-10', true],
      ['Budi Santoso', '2026-11-24', false],
    ]);
  });

  it('Vitamin A per capsule colour against the registry band at month end', async () => {
    const aug = await w.report('2026-08');
    expect(rowOf(aug, 'VITA_MERAH', w.A.id).month).toEqual({
      numerator: 1,
      denominator: 3,
      value: 33.3,
    });
    expect(rowOf(aug, 'VITA_BIRU', w.B.id).month).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    expect(rowOf(aug, 'VITA_BIRU', w.A.id).month).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it('KN1 and KN lengkap in the month of the visits', async () => {
    const nov = await w.report('2026-11');
    expect(rowOf(nov, 'KN1', w.A.id).month).toEqual({ numerator: 1, denominator: 20, value: 5 });
    expect(nd(rowOf(nov, 'KN_LENGKAP', w.A.id).month)).toEqual([1, 20]);
    // Hana has KN1 and KN3 but no KN2.
    expect(rowOf(nov, 'KN1', 'luar').month.numerator).toBe(1);
    expect(rowOf(nov, 'KN_LENGKAP', 'luar').month.numerator).toBe(0);
  });

  it('IDL in the month of the last required dose', async () => {
    const march = await w.report('2026-03');
    expect(rowOf(march, 'IDL', w.A.id).month).toEqual({
      numerator: 1,
      denominator: 19,
      value: 5.3,
    });
    expect(rowOf(march, 'IMUN_MR1', w.A.id).month.numerator).toBe(1);
    // Fajar's 2025 doses are not in 2026's year to date.
    expect(rowOf(march, 'IMUN_DPT_HB_HIB1', w.A.id).ytd.numerator).toBe(0);
  });

  it('a dose recorded late enters its own month and the year to date on recompute', async () => {
    const before = await w.report('2026-04');
    expect(rowOf(before, 'IMUN_DPT_HB_HIB1', w.B.id).month.numerator).toBeNull();
    await dose(eka, 'DPT_HB_HIB1', '2026-04-05');
    const after = await w.report('2026-04');
    expect(rowOf(after, 'IMUN_DPT_HB_HIB1', w.B.id).month).toEqual({
      numerator: 1,
      denominator: 5,
      value: 20,
    });
    const oct = await w.report('2026-10');
    expect(rowOf(oct, 'IMUN_DPT_HB_HIB1', w.B.id).ytd.numerator).toBe(1);
    // Drop-out DPT1 → DPT3 in B for the year: (1 − 0) ÷ 1 = 100%; none in A: no rate.
    expect(rowOf(oct, 'DO_DPT1_DPT3', w.B.id).ytd).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    expect(rowOf(oct, 'DO_DPT1_DPT3', w.A.id).ytd).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it('SKDN per posyandu with the child area rules', async () => {
    const y = await w.ok<{ id: string }>('posyandu.create', {
      name: 'Posyandu Melati',
      desaId: w.A.id,
    });
    const kiki = await w.person('Kiki Amelia', 'P', '2025-05-01', { posyanduId: y.id });
    const lutfi = await w.person('Lutfi Hakim', 'L', '2025-03-01', { posyanduId: y.id });
    await w.person('Mira Sari', 'P', '2024-09-01', { posyanduId: y.id });
    // Kiki: 8.0 → 8.5 kg (N); Lutfi: 9.0 → 9.0 kg (T); Mira not weighed. S 3, D 2, N 1.
    for (const [id, oct, nov] of [
      [kiki, 8.0, 8.5],
      [lutfi, 9.0, 9.0],
    ] as const) {
      for (const [date, kg] of [
        ['2026-10-10', oct],
        ['2026-11-10', nov],
      ] as const) {
        await w.ok('growth.create', {
          measurement: {
            personId: id,
            measureDate: date,
            place: 'posyandu',
            posyanduId: y.id,
            weightKg: kg,
          },
          confirmImplausible: true,
        });
      }
    }
    const skdn = await w.ok<{ rows: Record<string, unknown>[] }>('reports.skdn', {
      period: '2026-11',
    });
    expect(skdn.rows.find((r) => r.posyanduId === y.id)).toMatchObject({
      posyanduName: 'Posyandu Melati',
      S: 3,
      K: 0,
      D: 2,
      N: 1,
      O: 0,
      T2: 0,
      BGM: 0,
    });
  });

  it("SKDN: BGM is the month's weighing below −3 SD BB/U, not one between −3 and −2", async () => {
    const y = await w.ok<{ id: string }>('posyandu.create', {
      name: 'Posyandu Mawar',
      desaId: w.A.id,
    });
    // Both boys 20 months on 10 November: Nino 8.0 kg is BB/U −3.15 (sangat kurang, BGM);
    // Omar 9.0 kg is −2.11 (kurang, not BGM).
    for (const [name, kg] of [
      ['Nino Pratama', 8.0],
      ['Omar Syahputra', 9.0],
    ] as const) {
      const id = await w.person(name, 'L', '2025-03-01', { posyanduId: y.id });
      await w.ok('growth.create', {
        measurement: {
          personId: id,
          measureDate: '2026-11-10',
          place: 'posyandu',
          posyanduId: y.id,
          weightKg: kg,
        },
        confirmImplausible: true,
      });
    }
    const skdn = await w.ok<{ rows: Record<string, unknown>[] }>('reports.skdn', {
      period: '2026-11',
    });
    expect(skdn.rows.find((r) => r.posyanduId === y.id)).toMatchObject({ S: 2, D: 2, BGM: 1 });
  });

  it("reads the IDL children's doses by child, not every dose of every code ever given", () => {
    const { ytd } = windowsOf({ month: '2026-03' });
    const query = SOURCES['imun.idl']!.events(ytd, defaultReportRules(ytd.to)).compile(
      w.t.core.database.db,
    );
    expect(queryPlan(w.t.core.database.sqlite, query.sql, ...query.parameters)).toMatch(
      /SEARCH i USING INDEX immunization_person \(person_id=\?\)/,
    );
  });

  it('counts the registry by age from the index alone, not the wide person rows', () => {
    const { month } = windowsOf({ month: '2026-11' });
    for (const [id, population] of Object.entries(POPULATIONS)) {
      const query = population
        .counts(month, defaultReportRules(month.to))
        .compile(w.t.core.database.db);
      expect(queryPlan(w.t.core.database.sqlite, query.sql, ...query.parameters), id).toMatch(
        /SEARCH p USING COVERING INDEX person_live_birth_desa \(birth_date>\? AND birth_date<\?\)/,
      );
    }
  });

  it('counts the prevalences of one index in one read exactly as each counts alone', async () => {
    expect(K2_ANAK_FAMILIES.map((f) => [f.id, f.members.map(itemKey)])).toEqual([
      ['gizi.status_bbu', ['gizi.bgm|status', 'gizi.underweight|status']],
      ['gizi.status_bbpb', ['gizi.wasting|status', 'gizi.overweight|status']],
    ]);
    const counted = await expectFamiliesCountAsAlone(w.t.core.database.db, K2_ANAK_FAMILIES, [
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(counted).toBeGreaterThan(0); // the fixture's BGM child is counted: not all zeros
  });
});
