import { describe, expect, it } from 'vitest';
import {
  MEASUREMENT_LIMITS_GK,
  assessMeasurement,
  checkMeasurement,
  expectedPosition,
  hasAtMostDecimals,
  implausibleMessages,
  statusGizi,
  underFiveAge,
  valueAtZ,
  who2006ZScores,
} from '../../../../src-shared/domain/growth';
import { addDays } from '../../../../src-shared/domain/dates';

const BIRTH = '2024-01-15';
const DATE = '2025-01-20'; // 371 days

const codes = (birth: string, date: string, m: Parameters<typeof checkMeasurement>[2]) =>
  checkMeasurement(birth, date, m).map((r) => `${r.path}:${r.code}`);

describe('impossible measurements are refused (app limits, inclusive)', () => {
  it('weight 0.4–60 kg: both ends accepted, one step beyond refused', () => {
    expect(codes(BIRTH, DATE, { weightKg: 0.4 })).toEqual([]);
    expect(codes(BIRTH, DATE, { weightKg: 60 })).toEqual([]);
    expect(codes(BIRTH, DATE, { weightKg: 0.39 })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(codes(BIRTH, DATE, { weightKg: 60.01 })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(checkMeasurement(BIRTH, DATE, { weightKg: 75 })[0]?.message).toEqual({
      id: 'Berat badan: harus antara 0,4 dan 60 kg',
      en: 'Weight: must be between 0.4 and 60 kg',
    });
  });

  it('length 30–140 cm, head 18–60 cm, LiLA 5–35 cm', () => {
    expect(codes(BIRTH, DATE, { lengthCm: 30, measured: 'L' })).toEqual([]);
    expect(codes(BIRTH, DATE, { lengthCm: 140, measured: 'L' })).toEqual([]);
    expect(codes(BIRTH, DATE, { lengthCm: 29.9, measured: 'L' })).toEqual([
      'lengthCm:OUT_OF_RANGE',
    ]);
    expect(codes(BIRTH, DATE, { lengthCm: 140.1, measured: 'L' })).toEqual([
      'lengthCm:OUT_OF_RANGE',
    ]);
    expect(codes(BIRTH, DATE, { headCm: 18 })).toEqual([]);
    expect(codes(BIRTH, DATE, { headCm: 17.9 })).toEqual(['headCm:OUT_OF_RANGE']);
    expect(codes(BIRTH, DATE, { headCm: 60.1 })).toEqual(['headCm:OUT_OF_RANGE']);
    expect(codes(BIRTH, DATE, { muacCm: 5 })).toEqual([]);
    expect(codes(BIRTH, DATE, { muacCm: 35 })).toEqual([]);
    expect(codes(BIRTH, DATE, { muacCm: 4.9 })).toEqual(['muacCm:OUT_OF_RANGE']);
    expect(codes(BIRTH, DATE, { muacCm: 35.1 })).toEqual(['muacCm:OUT_OF_RANGE']);
  });

  it('precision: weight to 0.01 kg, lengths to 0.1 cm', () => {
    expect(codes(BIRTH, DATE, { weightKg: 9.25 })).toEqual([]);
    expect(codes(BIRTH, DATE, { weightKg: 9.255 })).toEqual(['weightKg:TOO_MANY_DECIMALS']);
    expect(codes(BIRTH, DATE, { lengthCm: 75.5, measured: 'L' })).toEqual([]);
    expect(codes(BIRTH, DATE, { lengthCm: 75.55, measured: 'L' })).toEqual([
      'lengthCm:TOO_MANY_DECIMALS',
    ]);
    expect(hasAtMostDecimals(7.3 - 0.2, 1)).toBe(true); // 7.1 in floating point
    expect(hasAtMostDecimals(0.1 + 0.2, 1)).toBe(true);
  });

  it('a length needs its position; at least one value is needed', () => {
    expect(codes(BIRTH, DATE, { lengthCm: 75 })).toEqual(['measured:POSITION_REQUIRED']);
    expect(codes(BIRTH, DATE, {})).toEqual(['weightKg:NO_MEASUREMENT']);
    expect(codes(BIRTH, DATE, { oedema: true })).toEqual(['weightKg:NO_MEASUREMENT']);
  });

  it('before birth, and from 60 months (days / 30.4375 ≥ 60) refused; the birth day accepted', () => {
    expect(codes(BIRTH, addDays(BIRTH, -1), { weightKg: 3 })).toEqual(['measureDate:BEFORE_BIRTH']);
    expect(codes(BIRTH, BIRTH, { weightKg: 3 })).toEqual([]);
    // 1826 days = 59.99 months: still under five; 1827 days = 60.02 months: not.
    expect(underFiveAge(BIRTH, addDays(BIRTH, 1826))).toEqual({ days: 1826, ok: true });
    expect(codes(BIRTH, addDays(BIRTH, 1826), { weightKg: 18 })).toEqual([]);
    expect(codes(BIRTH, addDays(BIRTH, 1827), { weightKg: 18 })).toEqual([
      'measureDate:AGE_OVER_LIMIT',
    ]);
    expect(codes(BIRTH, '2025-02-30', { weightKg: 9 })).toEqual(['measureDate:INVALID_DATE']);
  });
});

describe('assessment: z-scores and status exactly as the WHO functions give them', () => {
  it('passes the sex, age in days and values through, and classifies', () => {
    const m = { weightKg: 8.1, lengthCm: 71.2, measured: 'L' as const, muacCm: 13.1 };
    const a = assessMeasurement('P', BIRTH, DATE, m);
    const who = who2006ZScores({ sex: 2, ageDays: 371, ...m });
    expect(a.ageDays).toBe(371);
    expect(a.who).toEqual(who);
    expect(a.status).toEqual(statusGizi(who, 13.1));
    expect(a.status.lila).toBe('lila_normal');
    expect(a.implausible).toEqual([]);
    expect(a.standardId).toBe('status-gizi.pmk-2-2020');
  });

  it('oedema: gizi buruk on the weight-based indices whatever the weight', () => {
    const a = assessMeasurement('L', BIRTH, DATE, { weightKg: 10, oedema: true });
    expect(a.who.zwei).toBeNull();
    expect(a.status).toMatchObject({ bbU: 'bbu_sangat_kurang', wasting: true, byOedema: true });
  });

  it('flags weight-for-age exactly as anthro: z 5.00 is plausible, 5.01 needs confirming', () => {
    const ageDays = 371;
    const at = (z: number) => valueAtZ('wfa', 1, ageDays, z)!;
    const plausible = assessMeasurement('L', BIRTH, DATE, { weightKg: at(5.001) });
    expect(plausible.who.zwei).toBe(5);
    expect(plausible.implausible).toEqual([]);
    const flagged = assessMeasurement('L', BIRTH, DATE, { weightKg: at(5.006) });
    expect(flagged.who.zwei).toBe(5.01);
    expect(flagged.implausible).toEqual(['bbU']);
    expect(implausibleMessages(flagged)[0]!.id).toBe(
      'BB/U z = 5,01, di luar rentang wajar WHO (−6 … +5 SD). Periksa lagi angka dan tanggal lahir.',
    );
    const low = assessMeasurement('L', BIRTH, DATE, { weightKg: at(-6.006) });
    expect(low.implausible).toEqual(['bbU']);
    expect(assessMeasurement('L', BIRTH, DATE, { weightKg: at(-6.001) }).implausible).toEqual([]);
  });

  it('a standing measurement under 9 months needs confirming (WHO does not add 0.7 cm)', () => {
    const eightMonths = addDays(BIRTH, 250);
    const a = assessMeasurement('L', BIRTH, eightMonths, { lengthCm: 70, measured: 'H' });
    expect(a.implausible).toEqual(['position']);
    expect(a.who.lengthCm).toBe(70);
    expect(implausibleMessages(a)[0]!.id).toMatch(/berdiri padahal umur di bawah 9 bulan/);
    const nine = addDays(BIRTH, 275); // 9.03 months
    expect(
      assessMeasurement('L', BIRTH, nine, { lengthCm: 70, measured: 'H' }).implausible,
    ).toEqual([]);
  });

  it('expected position: lying under 731 days, standing from 731 days', () => {
    expect(expectedPosition(BIRTH, addDays(BIRTH, 730))).toBe('L');
    expect(expectedPosition(BIRTH, addDays(BIRTH, 731))).toBe('H');
  });

  it('limits are a reference set with a tagged source', () => {
    expect(MEASUREMENT_LIMITS_GK.source).toMatch(/^\[GK\]/);
  });
});
