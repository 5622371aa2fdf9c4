import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriods } from '../../../../src-shared/domain/bundle/period';
import {
  KBM_GK,
  growthMonitoring,
  growthStatusByDate,
  kbmTableFromRows,
  skdn,
  type SkdnChild,
} from '../../../../src-shared/domain/growth';

const BIRTH = '2025-01-10';

function child(id: string, weighings: [string, number][], kiaBook = true): SkdnChild {
  return {
    id,
    birthDate: BIRTH,
    kiaBook,
    weighings: weighings.map(([date, weightKg]) => ({ date, weightKg })),
  };
}

describe('SKDN of a posyandu month', () => {
  // In 2025-09 the children are 7–8 months old: KBM 300 g.
  const children = [
    child('n', [
      ['2025-08-05', 8],
      ['2025-09-05', 8.3],
    ]),
    child('t', [
      ['2025-08-05', 8],
      ['2025-09-05', 8.299],
    ]),
    child('2t', [
      ['2025-07-05', 7.9],
      ['2025-08-05', 8],
      ['2025-09-05', 8.1],
    ]),
    child('o', [
      ['2025-06-05', 7.5],
      ['2025-09-05', 8.4],
    ]),
    child('b', [['2025-09-05', 8]], false),
    child('absent', [['2025-08-05', 8]], false),
    child('later-only', [['2025-10-05', 8]]),
  ];

  it('counts S, K, D, N, T, 2T, O, B with D = N + T + O + B and 2T within T', () => {
    const r = skdn(children, '2025-09');
    expect({ S: r.S, K: r.K, D: r.D, N: r.N, T: r.T, T2: r.T2, O: r.O, B: r.B }).toEqual({
      S: 7,
      K: 5,
      D: 5,
      N: 1,
      T: 2,
      T2: 1,
      O: 1,
      B: 1,
    });
    expect(r.N + r.T + r.O + r.B).toBe(r.D);
    expect(r.byChild.get('t')).toMatchObject({ status: 'T', gainG: 299, kbmG: 300 });
    expect(r.byChild.has('absent')).toBe(false);
  });

  it('ignores weighings after the month (they cannot change it)', () => {
    const r = skdn(children, '2025-08');
    expect(r.byChild.get('later-only')).toBeUndefined();
    expect(r.byChild.get('2t')?.status).toBe('T');
  });

  it('decides on the last months, yet a child weighed long ago is O, not B', () => {
    // T in July and August before September's T: 2T, whatever came before June.
    const threeT: [string, number][] = [
      ['2025-04-05', 7],
      ['2025-06-05', 7.5],
      ['2025-07-05', 7.6],
      ['2025-08-05', 7.7],
      ['2025-09-05', 7.8],
    ];
    const longAgo: [string, number][] = [
      ['2025-03-05', 6.5],
      ['2025-09-05', 8.4],
    ];
    const r = skdn([child('long-ago', longAgo), child('3t', threeT)], '2025-09');
    expect(r.byChild.get('long-ago')?.status).toBe('O');
    expect(r.byChild.get('3t')?.status).toBe('2T');
    expect(r.byChild.get('3t')).toEqual(
      growthMonitoring(BIRTH, child('3t', threeT).weighings).at(-1),
    );
  });

  it('gives each child the same month as the KMS over the whole history', () => {
    const months = Array.from({ length: 20 }, (_, i) => addPeriods('2025-01', i));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            i: fc.nat({ max: 19 }),
            day: fc.integer({ min: 10, max: 28 }),
            g: fc.integer({ min: 3000, max: 12000 }),
          }),
          { maxLength: 20 },
        ),
        fc.nat({ max: 19 }),
        (raw, at) => {
          const weighings = raw.map((w) => ({
            date: `${months[w.i]}-${w.day}`,
            weightKg: w.g / 1000,
          }));
          const month = months[at]!;
          const expected = growthMonitoring(
            BIRTH,
            weighings.filter((w) => w.date.slice(0, 7) <= month),
          ).find((g) => g.month === month);
          expect(
            skdn([{ id: 'x', birthDate: BIRTH, kiaBook: true, weighings }], month).byChild.get('x'),
          ).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });

  it('uses the KBM table given (a puskesmas table changes N to T)', () => {
    const strict = kbmTableFromRows(
      [
        { fromMonth: 1, toMonth: 6, minGainG: 500 },
        { fromMonth: 7, toMonth: null, minGainG: 400 },
      ],
      '2025-01-01',
    );
    if (!strict.ok) throw new Error('table refused');
    expect(skdn(children, '2025-09', strict.value).byChild.get('n')?.status).toBe('T');
    expect(skdn(children, '2025-09', KBM_GK).byChild.get('n')?.status).toBe('N');
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => skdn(children, '2025-13')).toThrow(RangeError);
  });

  it('gives the status of the weighing that counts for each month, by date', () => {
    const map = growthStatusByDate(BIRTH, [
      { date: '2025-08-01', weightKg: 7.8 },
      { date: '2025-08-20', weightKg: 8 },
      { date: '2025-09-20', weightKg: 8.3 },
    ]);
    expect([...map.keys()]).toEqual(['2025-08-20', '2025-09-20']);
    expect(map.get('2025-09-20')?.status).toBe('N');
  });
});

describe('a puskesmas KBM table', () => {
  const refused = (rows: Parameters<typeof kbmTableFromRows>[0]) => {
    const r = kbmTableFromRows(rows, '2026-01-01');
    return r.ok ? [] : r.refusals.map((x) => x.code);
  };

  it('accepts contiguous rows from 1 month ending open, grams 0–2000', () => {
    expect(
      refused([
        { fromMonth: 1, toMonth: 1, minGainG: 0 },
        { fromMonth: 2, toMonth: null, minGainG: 2000 },
      ]),
    ).toEqual([]);
  });

  it('refuses a gap, an overlap, a closed end, a bad start and out-of-range grams', () => {
    expect(refused([])).toEqual(['EMPTY']);
    expect(refused([{ fromMonth: 2, toMonth: null, minGainG: 200 }])).toEqual(['NOT_FROM_1']);
    expect(
      refused([
        { fromMonth: 1, toMonth: 2, minGainG: 800 },
        { fromMonth: 4, toMonth: null, minGainG: 200 },
      ]),
    ).toEqual(['GAP']);
    expect(
      refused([
        { fromMonth: 1, toMonth: 3, minGainG: 800 },
        { fromMonth: 3, toMonth: null, minGainG: 200 },
      ]),
    ).toEqual(['GAP']);
    expect(refused([{ fromMonth: 1, toMonth: 59, minGainG: 200 }])).toEqual(['OPEN_END']);
    expect(refused([{ fromMonth: 1, toMonth: null, minGainG: 2001 }])).toEqual(['BAD_ROW']);
    expect(refused([{ fromMonth: 1, toMonth: null, minGainG: -1 }])).toEqual(['BAD_ROW']);
    expect(refused([{ fromMonth: 1, toMonth: null, minGainG: 150.5 }])).toEqual(['BAD_ROW']);
  });
});
