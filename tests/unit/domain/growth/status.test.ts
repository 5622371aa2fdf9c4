import { describe, expect, it } from 'vitest';
import { byId, inForce } from '../../../../src-shared/domain/reference';
import {
  STATUS_GIZI_LABELS,
  STATUS_GIZI_PMK_2_2020,
  STATUS_GIZI_STANDARDS,
  bandOf,
  classifyBbPb,
  classifyBbU,
  classifyImtU,
  classifyImtU518,
  classifyLila,
  classifyLk,
  classifyPbU,
  statusGizi,
  statusGizi518,
  who2006ZScores,
  who2007ZScores,
  type StatusGiziCode,
} from '../../../../src-shared/domain/growth';

/** The category of each z, as a table: [z, code]. */
function table<C>(classify: (z: number) => C, zs: number[]): [number, C][] {
  return zs.map((z) => [z, classify(z)]);
}

const AROUND = [-3.01, -3, -2.99, -2.01, -2, -1.99, 0.99, 1, 1.01, 1.99, 2, 2.01, 2.99, 3, 3.01];

describe('status gizi boundaries (PMK 2/2020, half-open as written)', () => {
  it('BB/U: < −3 sangat kurang; −3 to < −2 kurang; −2 to +1 normal; > +1 risiko lebih', () => {
    expect(table(classifyBbU, AROUND)).toEqual([
      [-3.01, 'bbu_sangat_kurang'],
      [-3, 'bbu_kurang'],
      [-2.99, 'bbu_kurang'],
      [-2.01, 'bbu_kurang'],
      [-2, 'bbu_normal'],
      [-1.99, 'bbu_normal'],
      [0.99, 'bbu_normal'],
      [1, 'bbu_normal'],
      [1.01, 'bbu_risiko_lebih'],
      [1.99, 'bbu_risiko_lebih'],
      [2, 'bbu_risiko_lebih'],
      [2.01, 'bbu_risiko_lebih'],
      [2.99, 'bbu_risiko_lebih'],
      [3, 'bbu_risiko_lebih'],
      [3.01, 'bbu_risiko_lebih'],
    ]);
  });

  it('PB/U, TB/U: < −3 sangat pendek; −3 to < −2 pendek; −2 to +3 normal; > +3 tinggi', () => {
    expect(table(classifyPbU, AROUND)).toEqual([
      [-3.01, 'pbu_sangat_pendek'],
      [-3, 'pbu_pendek'],
      [-2.99, 'pbu_pendek'],
      [-2.01, 'pbu_pendek'],
      [-2, 'pbu_normal'],
      [-1.99, 'pbu_normal'],
      [0.99, 'pbu_normal'],
      [1, 'pbu_normal'],
      [1.01, 'pbu_normal'],
      [1.99, 'pbu_normal'],
      [2, 'pbu_normal'],
      [2.01, 'pbu_normal'],
      [2.99, 'pbu_normal'],
      [3, 'pbu_normal'],
      [3.01, 'pbu_tinggi'],
    ]);
  });

  it('BB/PB, BB/TB: buruk < −3 ≤ kurang < −2 ≤ baik ≤ +1 < berisiko ≤ +2 < lebih ≤ +3 < obesitas', () => {
    expect(table(classifyBbPb, AROUND)).toEqual([
      [-3.01, 'bbpb_gizi_buruk'],
      [-3, 'bbpb_gizi_kurang'],
      [-2.99, 'bbpb_gizi_kurang'],
      [-2.01, 'bbpb_gizi_kurang'],
      [-2, 'bbpb_gizi_baik'],
      [-1.99, 'bbpb_gizi_baik'],
      [0.99, 'bbpb_gizi_baik'],
      [1, 'bbpb_gizi_baik'],
      [1.01, 'bbpb_berisiko_gizi_lebih'],
      [1.99, 'bbpb_berisiko_gizi_lebih'],
      [2, 'bbpb_berisiko_gizi_lebih'],
      [2.01, 'bbpb_gizi_lebih'],
      [2.99, 'bbpb_gizi_lebih'],
      [3, 'bbpb_gizi_lebih'],
      [3.01, 'bbpb_obesitas'],
    ]);
  });

  it('IMT/U 0–60 months: the same six bands as BB/PB, with their own codes', () => {
    expect(table(classifyImtU, AROUND).map(([z, c]) => [z, c?.replace('imtu_', '')])).toEqual(
      table(classifyBbPb, AROUND).map(([z, c]) => [z, c?.replace('bbpb_', '')]),
    );
  });

  it('IMT/U 5–18 years: buruk < −3 ≤ kurang < −2 ≤ baik ≤ +1 < lebih ≤ +2 < obesitas', () => {
    expect(table(classifyImtU518, AROUND)).toEqual([
      [-3.01, 'imtu518_gizi_buruk'],
      [-3, 'imtu518_gizi_kurang'],
      [-2.99, 'imtu518_gizi_kurang'],
      [-2.01, 'imtu518_gizi_kurang'],
      [-2, 'imtu518_gizi_baik'],
      [-1.99, 'imtu518_gizi_baik'],
      [0.99, 'imtu518_gizi_baik'],
      [1, 'imtu518_gizi_baik'],
      [1.01, 'imtu518_gizi_lebih'],
      [1.99, 'imtu518_gizi_lebih'],
      [2, 'imtu518_gizi_lebih'],
      [2.01, 'imtu518_obesitas'],
      [2.99, 'imtu518_obesitas'],
      [3, 'imtu518_obesitas'],
      [3.01, 'imtu518_obesitas'],
    ]);
  });

  it('lingkar kepala: < −2 mikrosefali, > +2 makrosefali', () => {
    expect(table(classifyLk, [-2.01, -2, 2, 2.01])).toEqual([
      [-2.01, 'lk_mikrosefali'],
      [-2, 'lk_normal'],
      [2, 'lk_normal'],
      [2.01, 'lk_makrosefali'],
    ]);
  });

  it('compare the z as WHO prints it (2 decimals), so the category matches the shown z', () => {
    expect(classifyBbU(-2.004)).toBe('bbu_normal'); // shown as −2.00
    expect(classifyBbU(-2.006)).toBe('bbu_kurang'); // shown as −2.01
    expect(classifyBbPb(1.004)).toBe('bbpb_gizi_baik');
    expect(classifyBbPb(1.006)).toBe('bbpb_berisiko_gizi_lebih');
    expect(classifyPbU(null)).toBeNull();
    expect(classifyPbU(Number.NaN)).toBeNull();
  });

  it('LiLA 6–59 months: < 11.5 gizi buruk; 11.5 to < 12.5 gizi kurang; ≥ 12.5 normal', () => {
    const age = 12; // months
    expect([11.4, 11.5, 12.4, 12.5].map((cm) => classifyLila(cm, age))).toEqual([
      'lila_gizi_buruk',
      'lila_gizi_kurang',
      'lila_gizi_kurang',
      'lila_normal',
    ]);
    expect(classifyLila(11, 5.99)).toBeNull();
    expect(classifyLila(11, 6)).toBe('lila_gizi_buruk');
    expect(classifyLila(11, 59.99)).toBe('lila_gizi_buruk');
    expect(classifyLila(11, 60)).toBeNull();
    expect(classifyLila(null, 12)).toBeNull();
  });

  it('bands: the last one is unbounded', () => {
    expect(bandOf(STATUS_GIZI_PMK_2_2020.bbU, 1e9)).toBe('bbu_risiko_lebih');
    expect(bandOf(STATUS_GIZI_PMK_2_2020.bbU, -1e9)).toBe('bbu_sangat_kurang');
  });

  it('is a versioned reference set', () => {
    expect(inForce(STATUS_GIZI_STANDARDS, '2026-11-22')?.id).toBe('status-gizi.pmk-2-2020');
    expect(byId(STATUS_GIZI_STANDARDS, 'status-gizi.pmk-2-2020')).toBe(STATUS_GIZI_PMK_2_2020);
    expect(STATUS_GIZI_PMK_2_2020.source).toMatch(/GK/);
  });
});

describe('status gizi of a child under five', () => {
  it('derives stunting, wasting, underweight, overweight and legacy BGM with WHO cut-offs', () => {
    const base = who2006ZScores({ sex: 1, ageDays: 400 });
    const at = (z: Partial<typeof base>) => statusGizi({ ...base, ...z });
    expect(at({ zlen: -2 }).stunting).toBe(false);
    expect(at({ zlen: -2.01 }).stunting).toBe(true);
    expect(at({ zwfl: -2 }).wasting).toBe(false);
    expect(at({ zwfl: -2.01 }).wasting).toBe(true);
    expect(at({ zwei: -2 }).underweight).toBe(false);
    expect(at({ zwei: -2.01 }).underweight).toBe(true);
    expect(at({ zwfl: 2 }).overweight).toBe(false);
    expect(at({ zwfl: 2.01 }).overweight).toBe(true);
    expect(at({ zwei: -3 }).bgmLegacy).toBe(false);
    expect(at({ zwei: -3.01 }).bgmLegacy).toBe(true);
    expect(at({}).stunting).toBeNull();
  });

  it('classifies a real measurement', () => {
    // Reference row 1: boy, 1191 days, 17.8 kg, 94.4 cm lying, MUAC 12.9.
    const z = who2006ZScores({
      sex: 1,
      ageDays: 1191,
      weightKg: 17.8,
      lengthCm: 94.4,
      measured: 'L',
      headCm: 43.2,
      muacCm: 12.9,
    });
    expect([z.zwei, z.zlen, z.zwfl, z.zbmi, z.zhc]).toEqual([1.46, -1.14, 3.07, 3.24, -4.53]);
    expect(statusGizi(z, 12.9)).toEqual({
      bbU: 'bbu_risiko_lebih',
      pbU: 'pbu_normal',
      bbPb: 'bbpb_obesitas',
      imtU: 'imtu_obesitas',
      lila: 'lila_normal',
      lk: 'lk_mikrosefali',
      byOedema: false,
      implausible: [],
      stunting: false,
      wasting: false,
      underweight: false,
      overweight: true,
      bgmLegacy: false,
    });
  });

  it('oedema is gizi buruk whatever the weight (WHO counts it below −3 SD)', () => {
    const z = who2006ZScores({
      sex: 1,
      ageDays: 284,
      weightKg: 10.8,
      lengthCm: 67.6,
      measured: 'L',
      muacCm: 13,
      oedema: true,
    });
    const s = statusGizi(z, 13);
    expect(s.byOedema).toBe(true);
    expect(s.bbPb).toBe('bbpb_gizi_buruk');
    expect(s.imtU).toBe('imtu_gizi_buruk');
    expect(s.bbU).toBe('bbu_sangat_kurang');
    expect(s.lila).toBe('lila_normal'); // LiLA stays as measured
    expect(s.pbU).toBe(classifyPbU(z.zlen));
    expect([s.wasting, s.underweight, s.overweight, s.bgmLegacy]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('keeps the category of an implausible z but lists it', () => {
    // Reference row 4: zwei −6.33 (flagged), zwfl −9.72 (flagged).
    const z = who2006ZScores({
      sex: 2,
      ageDays: 915,
      weightKg: 5.3,
      lengthCm: 106.2,
      measured: 'H',
    });
    const s = statusGizi(z);
    expect(s.implausible).toEqual(['bbU', 'bbPb', 'imtU']);
    expect(s.bbPb).toBe('bbpb_gizi_buruk');
  });

  it('IMT/U 5–18 years, with oedema', () => {
    const r = who2007ZScores({ sex: 1, ageMonths: 150, weightKg: 40, heightCm: 145 });
    expect(statusGizi518(r).imtU).toBe(classifyImtU518(r.zbfa));
    const o = statusGizi518(who2007ZScores({ sex: 1, ageMonths: 150, weightKg: 40, oedema: true }));
    expect(o).toEqual({ imtU: 'imtu518_gizi_buruk', byOedema: true, implausible: false });
  });
});

describe('labels', () => {
  it('give every code an Indonesian and an English label', () => {
    const codes = Object.keys(STATUS_GIZI_LABELS) as StatusGiziCode[];
    const std = STATUS_GIZI_PMK_2_2020;
    const used = [std.bbU, std.pbU, std.bbPb, std.imtU, std.imtU518, std.lila, std.lk].flatMap(
      (bands) => bands.map((b) => b.code),
    );
    expect(new Set(codes)).toEqual(new Set(used));
    for (const code of codes) {
      expect(STATUS_GIZI_LABELS[code].id).not.toBe('');
      expect(STATUS_GIZI_LABELS[code].en).not.toBe('');
    }
  });
});
