import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '@shared/contract';
import { nd, openReportWorld, rowOf, type ReportWorld } from './helpers';

/**
 * Klaster 2 ibu against hand counts. Today is 20 December 2026 (WIB). Trimester reading: completed
 * weeks (TM1 ≤ 12w6d = day 90, TM2 ≤ 24w6d = day 174); ANC split 1-2-3; KF1–KF4.
 *
 * - Siti (desa A): HPHT 1 Feb (HPL 8 Nov). Contacts 20 Mar (day 47, doctor, LiLA 22.0 → KEK),
 *   15 May (day 103, Hb 10.9 → anaemic), 1 Jul (day 150), 20 Aug (day 200, Hb 11.0 → not),
 *   20 Sep (day 231, doctor), 15 Oct (day 256). K1 and K1 murni in March; old K4 (1-1-2) on
 *   20 Sep; K6 (1 TM1, 2 TM2, 3 TM3, doctor TM1 + TM3) on 15 Oct. Delivers 1 Nov 08.30 at the
 *   puskesmas with a bidan (PF, November). Nifas visits 1 Nov 20.00 (KF1), 5 Nov (KF2), 12 Nov
 *   (KF3, starts suntik 3 bulan: KB pascasalin in November, still protected at the end of
 *   November and December), 5 Dec (KF4: KF lengkap in December).
 * - Rina (desa A, then moves to B): HPHT 1 Jun. K1 on 10 Sep in A (day 101, TM2: not murni),
 *   LiLA 23.4 (KEK). Moves to B; contact 5 Oct in B with LiLA 23.5 (not KEK: the cut-off is
 *   < 23.5). Her K1 stays in A; in October (and the year to date) her latest LiLA, in B, decides.
 * - Wati (luar wilayah): HPHT 1 Mar. K1 on 2 Oct (luar, not in the total). Delivers 10 Nov at
 *   home with a bidan: not PF.
 * - Ani (desa B): suntik 1 bulan on 1 Sep (BARU), protected to 6 Oct with the grace, and again on
 *   1 Oct (LAMA): protected to 29 Oct + 7 days grace = 5 Nov; KB aktif at the end of October (by
 *   her latest visit, 1 Oct), not at the end of November.
 * Sasaran 2026: desa A bumil 40, bulin 38, bufas 38, pus 200; desa B bumil 10; others none.
 */
let w: ReportWorld;
const reports = new Map<string, MonthlyReport>();
const at = async (period: string) => {
  if (!reports.has(period)) reports.set(period, await w.report(period));
  return reports.get(period)!;
};

const contact = (visitDate: string, extra: Record<string, unknown> = {}) => ({
  visitDate,
  place: 'puskesmas',
  ...extra,
});
const pregnancy = (hpht: string) => ({
  datingMethod: 'HPHT',
  hpht,
  gravida: 1,
  para: 0,
  abortus: 0,
});

beforeAll(async () => {
  w = await openReportWorld('2026-12-20T02:00:00.000Z');
  const { A, B, ok } = w;
  await ok('sasaran.save', {
    year: 2026,
    desaId: A.id,
    values: { penduduk: 4000, bumil: 40, bulin: 38, bufas: 38, pus: 200 },
  });
  await ok('sasaran.save', { year: 2026, desaId: B.id, values: { penduduk: 1000, bumil: 10 } });

  const siti = await w.person('Siti Aminah', 'P', '1995-03-05');
  const g1 = await ok<{ id: string }>('maternal.createPregnancy', {
    motherId: siti,
    pregnancy: pregnancy('2026-02-01'),
  });
  for (const c of [
    contact('2026-03-20', { byDoctor: true, lilaCm: 22.0 }),
    contact('2026-05-15', { hbGdl: 10.9 }),
    contact('2026-07-01'),
    contact('2026-08-20', { hbGdl: 11.0 }),
    contact('2026-09-20', { byDoctor: true }),
    contact('2026-10-15'),
  ]) {
    await ok('maternal.saveAnc', { pregnancyId: g1.id, contact: c });
  }
  await ok('maternal.saveDelivery', {
    pregnancyId: g1.id,
    delivery: {
      deliveredAt: '2026-11-01T08:30+07:00',
      place: 'PUSKESMAS',
      attendant: 'BIDAN',
      method: 'SPONTAN',
      babies: [{ sex: 'P', birthWeightG: 3000, lengthCm: 48 }],
    },
  });
  const visits = [
    '2026-11-01T20:00+07:00',
    '2026-11-05T09:00+07:00',
    '2026-11-12T10:00+07:00',
    '2026-12-05T10:00+07:00',
  ];
  for (const [i, visitedAt] of visits.entries()) {
    await ok('maternal.saveNifas', {
      pregnancyId: g1.id,
      visit: {
        visitedAt,
        place: 'rumah',
        ...(i === 2 ? { kbMethod: 'SUNTIK_3_BULAN' } : {}),
      },
    });
  }

  const rina = await w.person('Rina Marlina', 'P', '1998-07-01');
  const g2 = await ok<{ id: string }>('maternal.createPregnancy', {
    motherId: rina,
    pregnancy: pregnancy('2026-06-01'),
  });
  await ok('maternal.saveAnc', {
    pregnancyId: g2.id,
    contact: contact('2026-09-10', { lilaCm: 23.4 }),
  });
  await w.move(rina, B.id);
  await ok('maternal.saveAnc', {
    pregnancyId: g2.id,
    contact: contact('2026-10-05', { lilaCm: 23.5 }),
  });

  const wati = await w.person('Wati Suryani', 'P', '1993-01-20', {
    desaId: null,
    outsideAddress: 'Kp. Sukamaju, Kec. Tarogong',
  });
  const g3 = await ok<{ id: string }>('maternal.createPregnancy', {
    motherId: wati,
    pregnancy: pregnancy('2026-03-01'),
  });
  await ok('maternal.saveAnc', { pregnancyId: g3.id, contact: contact('2026-10-02') });
  await ok('maternal.saveDelivery', {
    pregnancyId: g3.id,
    delivery: {
      deliveredAt: '2026-11-10T23:00+07:00',
      place: 'RUMAH',
      attendant: 'BIDAN',
      method: 'SPONTAN',
      babies: [{ sex: 'L', birthWeightG: 3100 }],
    },
  });

  const ani = await w.person('Ani Rohani', 'P', '1990-02-02', { desaId: B.id });
  for (const [visitDate, status] of [
    ['2026-09-01', 'BARU'],
    ['2026-10-01', 'LAMA'],
  ]) {
    await ok('kb.save', {
      personId: ani,
      visit: { visitDate, place: 'puskesmas', method: 'SUNTIK_1_BULAN', status },
    });
  }
}, 120_000);
afterAll(() => w.t.close());

describe('Klaster 2 ibu, hand-counted', () => {
  it('K1 akses and K1 murni: once per pregnancy, in the month and desa of the first contact', async () => {
    const march = await at('2026-03');
    expect(rowOf(march, 'K1', w.A.id)).toMatchObject({
      target: 40,
      month: { numerator: 1, denominator: 40, value: 2.5 },
      ytd: { numerator: 1 },
      pctOfTarget: 2.5,
    });
    expect(rowOf(march, 'K1M', w.A.id).month.numerator).toBe(1);

    const sep = await at('2026-09');
    // Rina's K1 (10 Sep, TM2) in A where she lived then; not murni.
    expect(nd(rowOf(sep, 'K1', w.A.id).month)).toEqual([1, 40]);
    expect(rowOf(sep, 'K1M', w.A.id).month.numerator).toBe(0);
    expect(rowOf(sep, 'K1', w.A.id).ytd.numerator).toBe(2);

    const oct = await at('2026-10');
    // Rina's October contact in B is not a new K1; Wati's K1 is luar, outside the total.
    expect(rowOf(oct, 'K1', w.B.id).month.numerator).toBe(0);
    expect(rowOf(oct, 'K1', 'luar').month.numerator).toBe(1);
    expect(rowOf(oct, 'K1', 'total')).toMatchObject({
      target: 50,
      month: { numerator: 0 },
      ytd: { numerator: 2, denominator: 50, value: 4 },
    });
    expect(rowOf(oct, 'K1', 'luar').ytd.numerator).toBe(1);
  });

  it('K4 (old) and K6 in the month of the completing contact, not the month of K1', async () => {
    const sep = await at('2026-09');
    expect(rowOf(sep, 'K4', w.A.id).month.numerator).toBe(1);
    expect(rowOf(sep, 'K6', w.A.id).month.numerator).toBe(0);
    const oct = await at('2026-10');
    expect(rowOf(oct, 'K6', w.A.id).month.numerator).toBe(1);
    expect(rowOf(oct, 'K4', w.A.id).month.numerator).toBe(0);
    expect(rowOf(oct, 'K6', 'total').ytd).toEqual({ numerator: 1, denominator: 50, value: 2 });
  });

  it('KEK and anaemia among the measured, each pregnancy’s latest measurement deciding', async () => {
    const march = await at('2026-03');
    expect(rowOf(march, 'BUMIL_KEK', w.A.id).month).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    const sep = await at('2026-09');
    // Rina 23.4 in A in September; Siti's March LiLA in the year to date.
    expect(nd(rowOf(sep, 'BUMIL_KEK', w.A.id).month)).toEqual([1, 1]);
    expect(nd(rowOf(sep, 'BUMIL_KEK', w.A.id).ytd)).toEqual([2, 2]);
    const oct = await at('2026-10');
    // Rina's 23.5 in B decides October and the year to date: not KEK, counted in B.
    expect(nd(rowOf(oct, 'BUMIL_KEK', w.B.id).month)).toEqual([0, 1]);
    expect(nd(rowOf(oct, 'BUMIL_KEK', w.A.id).ytd)).toEqual([1, 1]);
    expect(nd(rowOf(oct, 'BUMIL_KEK', w.B.id).ytd)).toEqual([0, 1]);
    expect(rowOf(oct, 'BUMIL_KEK', 'total').ytd).toEqual({
      numerator: 1,
      denominator: 2,
      value: 50,
    });

    const may = await at('2026-05');
    expect(nd(rowOf(may, 'BUMIL_ANEMIA', w.A.id).month)).toEqual([1, 1]);
    const aug = await at('2026-08');
    // 11.0 g/dL is not anaemia, and it is Siti's latest Hb.
    expect(nd(rowOf(aug, 'BUMIL_ANEMIA', w.A.id).month)).toEqual([0, 1]);
    expect(nd(rowOf(aug, 'BUMIL_ANEMIA', w.A.id).ytd)).toEqual([0, 1]);
  });

  it('PF, KF lengkap and KB pascasalin', async () => {
    const nov = await at('2026-11');
    expect(rowOf(nov, 'PF', w.A.id)).toMatchObject({
      target: 38,
      month: { numerator: 1, denominator: 38 },
    });
    // Wati delivered at home: not PF, and luar anyway.
    expect(rowOf(nov, 'PF', 'luar').month.numerator).toBe(0);
    expect(rowOf(nov, 'KF_LENGKAP', w.A.id).month.numerator).toBe(0);
    expect(nd(rowOf(nov, 'KB_PASCASALIN', w.A.id).month)).toEqual([1, 38]);
    const dec = await at('2026-12');
    expect(nd(rowOf(dec, 'KF_LENGKAP', w.A.id).month)).toEqual([1, 38]);
    expect(rowOf(dec, 'KF_LENGKAP', 'total').ytd.numerator).toBe(1);
    // No KB service at all in December: "no data", not 0.
    expect(rowOf(dec, 'KB_PASCASALIN', w.A.id).month.numerator).toBeNull();
    expect(rowOf(dec, 'KB_PASCASALIN', w.A.id).ytd.numerator).toBe(1);
  });

  it('KB aktif is the state on the month’s last day', async () => {
    const oct = await at('2026-10');
    expect(rowOf(oct, 'KB_AKTIF', w.B.id).month.numerator).toBe(1);
    expect(rowOf(oct, 'KB_AKTIF', w.A.id).month).toEqual({
      numerator: 0,
      denominator: 200,
      value: 0,
    });
    const nov = await at('2026-11');
    expect(rowOf(nov, 'KB_AKTIF', w.B.id).month.numerator).toBe(0);
    expect(nd(rowOf(nov, 'KB_AKTIF', w.A.id).month)).toEqual([1, 200]);
    expect(rowOf(nov, 'KB_AKTIF', w.A.id).ytd.numerator).toBe(1);
  });

  it('tells no data from zero: a month without any ANC is null, a month with ANC and no K1 is 0', async () => {
    const feb = await at('2026-02');
    expect(rowOf(feb, 'K1', w.A.id).month).toEqual({
      numerator: null,
      denominator: null,
      value: null,
    });
    expect(rowOf(feb, 'K1', 'total').ytd.numerator).toBeNull();
    const may = await at('2026-05');
    expect(rowOf(may, 'K1', w.A.id).month).toEqual({ numerator: 0, denominator: 40, value: 0 });
    // A desa without a sasaran: the count stands, the percentage is unknown.
    const other = may.indicators.find((i) => i.code === 'K1');
    const third = other?.computable
      ? other.rows.find((r) => r.key !== w.A.id && r.key !== w.B.id && r.desaCode)
      : undefined;
    expect(third).toMatchObject({ target: null, month: { numerator: 0, value: null } });
  });

  it('opens the persons behind a number, with the desa at the time', async () => {
    const drill = await w.ok<{ rows: { name: string; desaName: string | null; onDate: string }[] }>(
      'reports.drill',
      { period: '2026-10', code: 'K1', key: 'total', window: 'ytd' },
    );
    expect(drill.rows.map((r) => [r.name, r.desaName, r.onDate])).toEqual([
      ['Siti Aminah', w.A.name, '2026-03-20'],
      ['Rina Marlina', w.A.name, '2026-09-10'],
    ]);
    const luar = await w.ok<{ rows: { name: string; desaName: string | null }[] }>(
      'reports.drill',
      { period: '2026-10', code: 'K1', key: 'luar', window: 'month' },
    );
    expect(luar.rows).toMatchObject([{ name: 'Wati Suryani', desaName: null }]);
  });
});
