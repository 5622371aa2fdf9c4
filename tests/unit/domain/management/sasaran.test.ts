import { describe, expect, it } from 'vitest';
import {
  checkAgainstPopulation,
  estimateExact,
  estimateSasaran,
  groupsOf,
  parseCountText,
  roundTarget,
  SASARAN_CONSTANTS_DEFAULT,
  SASARAN_GROUP_INFO,
  SASARAN_GROUPS,
  splitProportional,
} from '@shared/domain/management';

const C = SASARAN_CONSTANTS_DEFAULT.values;

describe('sasaran groups', () => {
  it('are the 22 codes reports read, each with a label, definition and category', () => {
    expect(SASARAN_GROUPS).toHaveLength(22);
    for (const g of SASARAN_GROUPS) {
      const info = SASARAN_GROUP_INFO[g];
      expect(info.code).toBe(g);
      expect(
        info.label.id && info.label.en && info.definition.id && info.definition.en,
      ).toBeTruthy();
    }
    expect([...groupsOf('kia'), ...groupsOf('usia'), ...groupsOf('ptm')]).toEqual(
      SASARAN_GROUPS.filter((g) => g !== 'penduduk'),
    );
    expect(SASARAN_GROUP_INFO.balita.ageMonths).toEqual({ min: 0, max: 59 });
    expect(SASARAN_GROUP_INFO.lansia.ageMonths).toEqual({ min: 720, max: null });
    expect(SASARAN_GROUP_INFO.produktif.ageMonths).toEqual({ min: 180, max: 719 });
  });
});

describe('roundTarget', () => {
  it('rounds halves up to whole persons, ignoring binary noise, never below 0', () => {
    expect(roundTarget(2.5)).toBe(3);
    expect(roundTarget(2.4999)).toBe(2);
    expect(roundTarget(16.499999999999996)).toBe(17);
    expect(roundTarget(0)).toBe(0);
    expect(roundTarget(-4)).toBe(0);
    expect(roundTarget(Number.NaN)).toBe(0);
  });
});

describe('PWS-KIA estimate', () => {
  it('applies 1,10 / 1,05 × CBR × population and the survival of infants', () => {
    const e = estimateExact(10_000, C);
    expect(e.bayi).toBeCloseTo(165, 9);
    expect(e.bumil).toBeCloseTo(181.5, 9);
    expect(e.bulin).toBeCloseTo(173.25, 9);
    expect(e.bufas).toBe(e.bulin);
    expect(e.surviving_infant).toBeCloseTo(165 * (1 - 16.85 / 1000), 9);
    // Residents ≥ 15 = 15–59 + ≥ 60 (75,5%): HT 30,8% and DM 2% of them.
    expect(e.ht).toBeCloseTo(0.308 * 0.755 * 10_000, 9);
    expect(e.dm).toBeCloseTo(0.02 * 0.755 * 10_000, 9);
    expect(e.terduga_tb).toBeCloseTo((387 / 100_000) * 10_000 * 10, 9);
    expect(e.risiko_hiv).toBeCloseTo(181.5 + 38.7 + 20, 9);
  });

  it('rounds each group on its own (a small desa) and gives 0 for an empty one', () => {
    expect(estimateSasaran(1000, C)).toMatchObject({
      penduduk: 1000,
      bayi: 17, // 16,5
      bumil: 18, // 18,15
      bulin: 17, // 17,325
      surviving_infant: 16, // 16,22
      balita: 81,
      lansia: 110,
    });
    expect(Object.values(estimateSasaran(0, C)).every((v) => v === 0)).toBe(true);
  });

  it('follows edited constants', () => {
    const edited = { ...C, cbrPerMille: 20, bumilFactor: 1.2 };
    expect(estimateSasaran(1000, edited)).toMatchObject({ bayi: 20, bumil: 24 });
  });

  it('never estimates a group above the population with the shipped constants', () => {
    const e = estimateSasaran(37, C);
    for (const g of SASARAN_GROUPS) expect(e[g]).toBeLessThanOrEqual(37);
  });
});

describe('splitProportional', () => {
  it('gives whole parts that add up to the total (largest remainder)', () => {
    expect(splitProportional(301, [5000, 3000, 1500, 500])).toEqual([151, 90, 45, 15]);
    expect(splitProportional(100, [1, 1, 1, 1])).toEqual([25, 25, 25, 25]);
    expect(splitProportional(10, [3, 3, 3])).toEqual([4, 3, 3]);
    for (const total of [0, 1, 7, 99, 1234]) {
      const parts = splitProportional(total, [17, 4, 0, 9, 31]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[2]).toBe(0);
    }
  });

  it('breaks ties by the larger weight, then by order', () => {
    expect(splitProportional(1, [1, 2])).toEqual([0, 1]);
    expect(splitProportional(1, [2, 2, 1])).toEqual([1, 0, 0]);
    expect(splitProportional(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('refuses what cannot be split', () => {
    expect(splitProportional(0, [0, 0])).toEqual([0, 0]);
    expect(() => splitProportional(5, [0, 0])).toThrow(RangeError);
    expect(() => splitProportional(5, [1, -1])).toThrow(RangeError);
    expect(() => splitProportional(2.5, [1, 1])).toThrow(RangeError);
  });
});

describe('checkAgainstPopulation', () => {
  const path = (g: string) => `values.${g}`;

  it('accepts a target equal to the population and refuses one more', () => {
    expect(checkAgainstPopulation({ penduduk: 100, lansia: 100 }, ['lansia'], path)).toEqual([]);
    const [refusal] = checkAgainstPopulation({ penduduk: 100, lansia: 101 }, ['lansia'], path);
    expect(refusal).toMatchObject({
      code: 'ABOVE_POPULATION',
      path: 'values.lansia',
      message: {
        id: 'Lansia ≥ 60 tahun: lebih besar dari jumlah penduduk desa (100)',
        en: 'Elderly ≥ 60 years: is larger than the village population (100)',
      },
    });
  });

  it('has nothing to compare with when the population is unknown', () => {
    expect(checkAgainstPopulation({ bumil: 10_000 }, ['bumil'], path)).toEqual([]);
    expect(checkAgainstPopulation({ penduduk: null, bumil: 5 }, ['bumil'], path)).toEqual([]);
  });

  it('names the population when it drops below the largest stored target', () => {
    const refusals = checkAgainstPopulation(
      { penduduk: 50, bumil: 60, balita: 80, lansia: 20 },
      ['penduduk'],
      path,
    );
    expect(refusals).toEqual([
      expect.objectContaining({
        code: 'BELOW_TARGETS',
        path: 'values.penduduk',
        message: expect.objectContaining({
          id: 'Jumlah penduduk: lebih kecil dari sasaran Balita yang tersimpan (80)',
        }),
      }),
    ]);
  });
});

describe('parseCountText', () => {
  it('reads counts as clerks type them, and leaves the rest for the schema to refuse', () => {
    expect(parseCountText('12345')).toBe(12345);
    expect(parseCountText('12.345')).toBe(12345);
    expect(parseCountText('1.234.567')).toBe(1234567);
    expect(parseCountText('1 234')).toBe(1234);
    expect(parseCountText('12,0')).toBe(12);
    expect(parseCountText('12,5')).toBe(12.5);
    expect(parseCountText('1.5')).toBe(1.5);
    expect(parseCountText('-3')).toBe(-3);
    expect(parseCountText('  ')).toBeNull();
    expect(parseCountText('dua')).toBe('dua');
    expect(parseCountText('12.34.5')).toBe('12.34.5');
  });
});
