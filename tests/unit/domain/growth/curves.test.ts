import { describe, expect, it } from 'vitest';
import {
  GROWTH_INDICATORS,
  growthCurves,
  lmsAtKey,
  valueAtZ,
  who2006ZScores,
  who2007ZScores,
  type GrowthIndicator,
} from '../../../../src-shared/domain/growth';

describe('chart curves', () => {
  it('give −3 … +3 SD curves over the whole table, one point per row', () => {
    const c = growthCurves('wfa', 2);
    expect(c.xUnit).toBe('age_days');
    expect(c.yUnit).toBe('kg');
    expect(c.curves.map((k) => k.sd)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const curve of c.curves) {
      expect(curve.points).toHaveLength(1827);
      expect(curve.points[0]!.x).toBe(0);
      expect(curve.points.at(-1)!.x).toBe(1826);
    }
    // The median curve is M.
    expect(c.curves[3]!.points[100]!.y).toBe(lmsAtKey(GROWTH_INDICATORS.wfa.table, 2, 100)!.m);
  });

  it('put length tables on a 0.1 cm grid and can thin the points', () => {
    const c = growthCurves('wfl', 1, { step: 10 });
    const xs = c.curves[0]!.points.map((p) => p.x);
    expect(xs.slice(0, 3)).toEqual([45, 46, 47]);
    expect(xs.at(-1)).toBe(110);
    const some = growthCurves('wfh', 1, { from: 80, to: 80.3, sds: [0] });
    expect(some.curves[0]!.points.map((p) => p.x)).toEqual([80, 80.1, 80.2, 80.3]);
  });

  it('are monotone in z at every x', () => {
    for (const indicator of Object.keys(GROWTH_INDICATORS) as GrowthIndicator[]) {
      const c = growthCurves(indicator, 1, { step: 25, sds: [-5, -3, -2, -1, 0, 1, 2, 3, 5] });
      for (let i = 0; i < c.curves[0]!.points.length; i++) {
        const ys = c.curves.map((k) => k.points[i]!.y);
        expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      }
    }
  });

  it('agree with the z-scores: a point on a curve has that z, also beyond ±3 (restricted)', () => {
    for (const z of [-4, -3, -2, 0, 1, 3, 4.5]) {
      const w = valueAtZ('wfa', 1, 500, z)!;
      expect(who2006ZScores({ sex: 1, ageDays: 500, weightKg: w }).zwei).toBe(z);
      const wfl = valueAtZ('wfl', 2, 72.35, z)!;
      expect(
        who2006ZScores({ sex: 2, ageDays: 300, weightKg: wfl, lengthCm: 72.35, measured: 'L' })
          .zwfl,
      ).toBe(z);
      const h = valueAtZ('hfa2007', 2, 150.4, z)!;
      expect(who2007ZScores({ sex: 2, ageMonths: 150.4, heightCm: h }).zhfa).toBe(z);
      const b = valueAtZ('bfa2007', 1, 100.7, z)!;
      expect(who2007ZScores({ sex: 1, ageMonths: 100.7, weightKg: b, heightCm: 100 }).zbfa).toBe(z);
    }
    expect(valueAtZ('wfa', 1, 1827, 0)).toBeNull();
    expect(valueAtZ('wfl', 1, 44.9, 0)).toBeNull();
  });
});
