import { describe, expect, it } from 'vitest';
import {
  BFA_2007,
  HFA_2007,
  LHFA_2006,
  WFA_2006,
  WFA_2007,
  WFH_2006,
  WFL_2006,
  lmsAtKey,
  lmsForAgeMonths,
  lmsForLength,
  lmsValue,
  lmsValueRestricted,
  lmsZ,
  lmsZRestricted,
  roundZ,
  tableRange,
  who2006ZScores,
  who2007ZScores,
} from '../../../../src-shared/domain/growth';

describe('generated LMS tables', () => {
  it('hold the WHO rows exactly (first and last rows of the source files)', () => {
    expect(lmsAtKey(WFA_2006, 1, 0)).toEqual({ l: 0.3487, m: 3.3464, s: 0.14602 });
    expect(lmsAtKey(LHFA_2006, 2, 731)).toEqual({ l: 1, m: 85.7299, s: 0.03764 });
    expect(lmsAtKey(WFL_2006, 1, 451)).toEqual({ l: -0.3521, m: 2.4577, s: 0.09176 });
    expect(lmsAtKey(BFA_2007, 1, 60)).toEqual({ l: -0.7151, m: 15.2679, s: 0.08366 });
    expect(lmsAtKey(HFA_2007, 2, 229)).toEqual({ l: 1, m: 163.1548, s: 0.04009 });
    expect(lmsAtKey(WFA_2006, 1, 1827)).toBeNull();
  });

  it('cover the documented ranges for both sexes', () => {
    for (const sex of [1, 2] as const) {
      expect(tableRange(WFA_2006, sex)).toEqual({ from: 0, to: 1826 });
      expect(tableRange(WFL_2006, sex)).toEqual({ from: 45, to: 110 });
      expect(tableRange(WFH_2006, sex)).toEqual({ from: 65, to: 120 });
      expect(tableRange(WFA_2007, sex)).toEqual({ from: 60, to: 121 });
      expect(tableRange(HFA_2007, sex)).toEqual({ from: 60, to: 229 });
    }
  });
});

describe('LMS arithmetic', () => {
  const lms = { l: -0.3521, m: 7.4327, s: 0.08217 };

  it('inverts: the value at z has z-score z, plain and restricted', () => {
    for (const z of [-4.5, -3, -2.2, 0, 1.7, 3, 5]) {
      expect(lmsZ(lmsValue(z, lms), lms)).toBeCloseTo(z, 10);
      expect(lmsZRestricted(lmsValueRestricted(z, lms), lms)).toBeCloseTo(z, 10);
    }
  });

  it('restricts beyond ±3 SD: the 3→4 SD distance equals the 2→3 SD distance', () => {
    const sd2 = lmsValue(2, lms);
    const sd3 = lmsValue(3, lms);
    expect(lmsZRestricted(sd3 + (sd3 - sd2), lms)).toBeCloseTo(4, 12);
    const sdm2 = lmsValue(-2, lms);
    const sdm3 = lmsValue(-3, lms);
    expect(lmsZRestricted(sdm3 - (sdm2 - sdm3), lms)).toBeCloseTo(-4, 12);
    // Within ±3 it is the plain LMS z.
    expect(lmsZRestricted(8, lms)).toBe(lmsZ(8, lms));
  });

  it('rounds z to 2 decimals on the exact value, like R', () => {
    expect(roundZ(-2.004)).toBe(-2);
    expect(roundZ(-2.006)).toBe(-2.01);
    expect(roundZ(1.005)).toBe(1); // 1.005 is 1.00499999… in binary
    expect(roundZ(-0.001)).toBe(0);
    expect(Object.is(roundZ(-0.001), -0)).toBe(false);
  });

  it('interpolates between 0.1 cm rows and between months', () => {
    const low = lmsAtKey(WFL_2006, 2, 712)!;
    const upp = lmsAtKey(WFL_2006, 2, 713)!;
    const mid = lmsForLength(WFL_2006, 2, 71.25)!;
    expect(mid.m).toBeCloseTo((low.m + upp.m) / 2, 10);
    expect(lmsForLength(WFL_2006, 2, 71.2)).toEqual(low);
    const m120 = lmsAtKey(WFA_2007, 1, 120)!;
    const m121 = lmsAtKey(WFA_2007, 1, 121)!;
    expect(lmsForAgeMonths(WFA_2007, 1, 120.25)!.m).toBeCloseTo(
      m120.m + 0.25 * (m121.m - m120.m),
      10,
    );
  });
});

describe('WHO 2006 z-scores: the anthro rules', () => {
  const base = { sex: 1 as const, weightKg: 12, lengthCm: 85, headCm: 47, muacCm: 15 };

  it('convert length/height by 0.7 cm around 731 days', () => {
    expect(who2006ZScores({ ...base, ageDays: 730, measured: 'H' }).lengthCm).toBeCloseTo(85.7, 10);
    expect(who2006ZScores({ ...base, ageDays: 730, measured: 'L' }).lengthCm).toBe(85);
    expect(who2006ZScores({ ...base, ageDays: 731, measured: 'L' }).lengthCm).toBeCloseTo(84.3, 10);
    expect(who2006ZScores({ ...base, ageDays: 731, measured: 'H' }).lengthCm).toBe(85);
    expect(who2006ZScores({ ...base, ageDays: 731 }).lengthCm).toBe(85); // position unknown
    // Age in days is rounded half up for the look-up: 730.5 days is 731.
    expect(who2006ZScores({ ...base, ageDays: 730.5, measured: 'L' }).ageDays).toBe(731);
  });

  it('do not believe a standing measurement under 9 months (no +0.7 cm, flagged)', () => {
    const young = who2006ZScores({ ...base, ageDays: 273, lengthCm: 70, measured: 'H' });
    expect(young.positionImplausible).toBe(true);
    expect(young.measured).toBeNull();
    expect(young.lengthCm).toBe(70);
    const nine = who2006ZScores({ ...base, ageDays: 274, lengthCm: 70, measured: 'H' });
    expect(nine.positionImplausible).toBe(false);
    expect(nine.lengthCm).toBeCloseTo(70.7, 10);
  });

  it('use weight-for-length under 731 days and weight-for-height from 731 days', () => {
    const r730 = who2006ZScores({ ...base, ageDays: 730, measured: 'L' });
    const r731 = who2006ZScores({ ...base, ageDays: 731, measured: 'H' });
    expect(r730.weightFor).toBe('length');
    expect(r731.weightFor).toBe('height');
    expect(r730.zwfl).toBe(roundZ(lmsZRestricted(12, lmsForLength(WFL_2006, 1, 85)!)));
    expect(r731.zwfl).toBe(roundZ(lmsZRestricted(12, lmsForLength(WFH_2006, 1, 85)!)));
    expect(r730.zwfl).not.toBe(r731.zwfl);
  });

  it('give no weight-for-length/height outside 45–110 cm (length) or 65–120 cm (height)', () => {
    const wfl = (ageDays: number, lengthCm: number) =>
      who2006ZScores({
        sex: 2,
        ageDays,
        weightKg: 8,
        lengthCm,
        measured: ageDays < 731 ? 'L' : 'H',
      }).zwfl;
    expect(wfl(100, 44.9)).toBeNull();
    expect(wfl(100, 45)).not.toBeNull();
    expect(wfl(700, 110)).not.toBeNull();
    expect(wfl(700, 110.1)).toBeNull();
    expect(wfl(800, 64.9)).toBeNull();
    expect(wfl(800, 65)).not.toBeNull();
    expect(wfl(1500, 120)).not.toBeNull();
    expect(wfl(1500, 120.1)).toBeNull();
  });

  it('compute nothing from 60 months (1827 days) on', () => {
    const at = (ageDays: number) =>
      who2006ZScores({ ...base, ageDays, lengthCm: 110, measured: 'H' });
    expect(at(1826).zwei).not.toBeNull();
    const old = at(1827);
    expect([old.zwei, old.zlen, old.zwfl, old.zbmi, old.zhc, old.zac]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(old.fwei).toBeNull();
  });

  it('give MUAC-for-age from 91 days only', () => {
    expect(who2006ZScores({ ...base, ageDays: 90 }).zac).toBeNull();
    expect(who2006ZScores({ ...base, ageDays: 91 }).zac).not.toBeNull();
  });

  it('give no weight-based z-score with oedema, but length and head still', () => {
    const r = who2006ZScores({ ...base, ageDays: 400, measured: 'L', oedema: true });
    expect([r.zwei, r.zwfl, r.zbmi]).toEqual([null, null, null]);
    expect([r.fwei, r.fwfl, r.fbmi]).toEqual([null, null, null]);
    expect(r.zlen).not.toBeNull();
    expect(r.zhc).not.toBeNull();
    expect(r.zac).not.toBeNull();
  });

  it('compute BMI from the converted length', () => {
    const r = who2006ZScores({ ...base, ageDays: 1000, lengthCm: 90.7, measured: 'L' });
    expect(r.bmi).toBeCloseTo(12 / 0.9 ** 2, 10);
  });

  it('treat missing or non-positive measurements and negative ages as NA', () => {
    const r = who2006ZScores({ sex: 1, ageDays: 300, weightKg: 0, lengthCm: null, headCm: -1 });
    expect([r.zwei, r.zlen, r.zwfl, r.zbmi, r.zhc, r.zac]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(who2006ZScores({ ...base, ageDays: -1 }).zwei).toBeNull();
  });

  it('flag on the rounded z with the WHO thresholds', () => {
    // Weight-for-age flags below −6 or above +5 (asymmetric); length-for-age beyond ±6.
    const lms = lmsAtKey(WFA_2006, 1, 365)!;
    const weightAt = (z: number) => lmsValueRestricted(z, lms);
    const wei = (z: number) => who2006ZScores({ sex: 1, ageDays: 365, weightKg: weightAt(z) });
    expect(wei(5).fwei).toBe(false);
    expect(wei(5.004).zwei).toBe(5); // rounds to 5.00: not flagged, as in anthro
    expect(wei(5.004).fwei).toBe(false);
    expect(wei(5.01).fwei).toBe(true);
    expect(wei(-5.99).fwei).toBe(false);
    expect(wei(-6.01).fwei).toBe(true);
    const len = (z: number) =>
      who2006ZScores({
        sex: 1,
        ageDays: 365,
        lengthCm: lmsValue(z, lmsAtKey(LHFA_2006, 1, 365)!),
        measured: 'L',
      });
    expect(len(6).flen).toBe(false);
    expect(len(-6.01).flen).toBe(true);
    expect(len(6.01).flen).toBe(true);
  });
});

describe('WHO 2007 z-scores: the anthroplus rules', () => {
  const base = { sex: 2 as const, weightKg: 25, heightCm: 125 };

  it('compute height- and BMI-for-age from 61 to 228 months, weight-for-age to 120', () => {
    expect(who2007ZScores({ ...base, ageMonths: 60.99 }).zhfa).toBeNull();
    const r61 = who2007ZScores({ ...base, ageMonths: 61 });
    expect([r61.zhfa === null, r61.zwfa === null, r61.zbfa === null]).toEqual([
      false,
      false,
      false,
    ]);
    expect(who2007ZScores({ ...base, ageMonths: 120 }).zwfa).not.toBeNull();
    expect(who2007ZScores({ ...base, ageMonths: 120.01 }).zwfa).toBeNull();
    expect(who2007ZScores({ ...base, ageMonths: 120.01 }).zbfa).not.toBeNull();
    expect(who2007ZScores({ ...base, ageMonths: 228 }).zbfa).not.toBeNull();
    expect(who2007ZScores({ ...base, ageMonths: 228.01 }).zbfa).toBeNull();
  });

  it('interpolate L, M, S by the fraction of the month', () => {
    const r = who2007ZScores({ ...base, ageMonths: 100.5 });
    expect(r.zhfa).toBe(roundZ(lmsZ(125, lmsForAgeMonths(HFA_2007, 2, 100.5)!)));
  });

  it('give no weight-based z-score with oedema', () => {
    const r = who2007ZScores({ ...base, ageMonths: 100, oedema: true });
    expect(r.zwfa).toBeNull();
    expect(r.zbfa).toBeNull();
    expect(r.zhfa).not.toBeNull();
  });
});
