import { describe, expect, it } from 'vitest';
import {
  clusterLabel,
  percentOf,
  sumPctOfTarget,
  sumValues,
} from '../../../../src-shared/domain/bundle';

const v = (numerator: number | null, denominator: number | null, value: number | null = null) => ({
  numerator,
  denominator,
  value,
});

describe('district sums', () => {
  it('recompute the percentage from summed counts, never from percentages', () => {
    // 9/10 = 90 % and 1/90 ≈ 1.1 %: the mean of percentages would be 45.6 %, the truth is 10 %.
    const sum = sumValues('percent', [v(9, 10, 90), v(1, 90, 1.11)]);
    expect(sum).toEqual({ numerator: 10, denominator: 100, value: 10, included: 2, excluded: 0 });
  });

  it('never reads missing as zero', () => {
    const sum = sumValues('percent', [v(5, 10), v(null, 40), v(3, null)]);
    expect(sum).toMatchObject({ numerator: 5, denominator: 10, value: 50, included: 1 });
    expect(sum.excluded).toBe(2);
    expect(sumValues('percent', [v(null, 10)])).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      included: 0,
      excluded: 1,
    });
  });

  it('a zero denominator gives no percentage; zero counts are data', () => {
    expect(sumValues('percent', [v(0, 0)]).value).toBeNull();
    expect(sumValues('percent', [v(0, 5)]).value).toBe(0);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(null, 4)).toBeNull();
  });

  it('sums counts, taking the value when the numerator is absent', () => {
    expect(sumValues('count', [v(2, null, 2), v(null, null, 3), v(null, null, null)])).toEqual({
      numerator: 5,
      denominator: null,
      value: 5,
      included: 2,
      excluded: 1,
    });
    expect(sumValues('count', [v(0, null, 0)]).value).toBe(0);
  });

  it('percent of the annual target over units that have one', () => {
    expect(
      sumPctOfTarget([
        { ytdNumerator: 30, target: 100 },
        { ytdNumerator: 20, target: 100 },
        { ytdNumerator: 50, target: null },
      ]),
    ).toBe(25);
    expect(sumPctOfTarget([{ ytdNumerator: null, target: 100 }])).toBeNull();
  });
});

describe('cluster names', () => {
  it('read k2 / klaster-2 as Klaster 2, anything else as given', () => {
    expect(clusterLabel('k2')).toEqual({ id: 'Klaster 2', en: 'Cluster 2' });
    expect(clusterLabel('klaster-3')).toEqual({ id: 'Klaster 3', en: 'Cluster 3' });
    expect(clusterLabel('Klaster3')).toEqual({ id: 'Klaster 3', en: 'Cluster 3' });
    expect(clusterLabel('spm')).toEqual({ id: 'spm', en: 'spm' });
  });
});
