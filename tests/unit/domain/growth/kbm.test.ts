import { describe, expect, it } from 'vitest';
import { byId, inForce } from '../../../../src-shared/domain/reference';
import {
  KBM_GK,
  KBM_TABLES,
  PERTUMBUHAN_LABELS,
  growthMonitoring,
  kbmFor,
  latestGrowthStatus,
  type KbmTable,
} from '../../../../src-shared/domain/growth';

const BIRTH = '2025-01-10';

describe('KBM table', () => {
  it('holds the commonly cited values, tagged unconfirmed', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 24, 59].map((m) => kbmFor(m))).toEqual([
      800, 800, 900, 800, 600, 500, 400, 300, 300, 200, 200, 200,
    ]);
    expect(KBM_GK.source).toMatch(/GK\/UNCONFIRMED/);
    expect(inForce(KBM_TABLES, '2026-01-01')).toBe(KBM_GK);
    expect(byId(KBM_TABLES, 'kbm.gk-kms')).toBe(KBM_GK);
  });
});

describe('N / T / 2T / O / B', () => {
  it('B for the first weighing', () => {
    expect(latestGrowthStatus(BIRTH, [{ date: '2025-03-05', weightKg: 5 }])).toMatchObject({
      status: 'B',
      gainG: null,
      kbmG: null,
    });
    expect(latestGrowthStatus(BIRTH, [])).toBeNull();
  });

  it('N exactly at the KBM, T one gram below (KBM of the age on the latest weighing)', () => {
    // 2025-03-12: 2 completed months → KBM 900 g.
    const at = (kg: number) =>
      latestGrowthStatus(BIRTH, [
        { date: '2025-02-10', weightKg: 4.5 },
        { date: '2025-03-12', weightKg: kg },
      ]);
    expect(at(5.4)).toMatchObject({ status: 'N', gainG: 900, kbmG: 900, ageMonths: 2 });
    expect(at(5.399)).toMatchObject({ status: 'T', gainG: 899, kbmG: 900 });
    expect(at(5.5)?.status).toBe('N');
    expect(at(4.4)).toMatchObject({ status: 'T', gainG: -100 });
  });

  it('uses whole grams, so decimal kilograms do not miss the boundary', () => {
    // 7.3 − 6.5 is 0.7999999999999998 in floating point; it is 800 g.
    const r = latestGrowthStatus(BIRTH, [
      { date: '2025-01-20', weightKg: 6.5 },
      { date: '2025-02-10', weightKg: 7.3 },
    ]);
    expect(r).toMatchObject({ status: 'N', gainG: 800, kbmG: 800, ageMonths: 1 });
  });

  it('uses the KBM of the completed age in months on the weighing date', () => {
    // 2025-07-09: 5 completed months (500 g); 2025-07-10: 6 months (400 g).
    const gain450 = (date: string) =>
      latestGrowthStatus(BIRTH, [
        { date: '2025-06-10', weightKg: 7 },
        { date: date, weightKg: 7.45 },
      ]);
    expect(gain450('2025-07-09')).toMatchObject({ status: 'T', kbmG: 500, ageMonths: 5 });
    expect(gain450('2025-07-10')).toMatchObject({ status: 'N', kbmG: 400, ageMonths: 6 });
  });

  it('O when last month has no weighing; then the next month compares normally', () => {
    const weighings = [
      { date: '2025-03-10', weightKg: 5 },
      { date: '2025-05-10', weightKg: 6.5 },
      { date: '2025-06-10', weightKg: 7.2 },
    ];
    expect(growthMonitoring(BIRTH, weighings).map((m) => [m.month, m.status])).toEqual([
      ['2025-03', 'B'],
      ['2025-05', 'O'],
      ['2025-06', 'N'],
    ]);
  });

  it('2T for a second (and later) consecutive T; N breaks the run', () => {
    const kg = [6, 6.1, 6.2, 6.3, 7, 7.1];
    const weighings = kg.map((weightKg, i) => ({
      date: `2025-${String(5 + i).padStart(2, '0')}-15`,
      weightKg,
    }));
    expect(growthMonitoring(BIRTH, weighings).map((m) => m.status)).toEqual([
      'B',
      'T',
      '2T',
      '2T',
      'N',
      'T',
    ]);
  });

  it('counts the latest weighing of a month; order of input does not matter', () => {
    const r = growthMonitoring(BIRTH, [
      { date: '2025-04-28', weightKg: 6.2 },
      { date: '2025-03-10', weightKg: 5.5 },
      { date: '2025-04-02', weightKg: 5.6 },
    ]);
    expect(r).toHaveLength(2);
    expect(r[1]).toMatchObject({ month: '2025-04', date: '2025-04-28', gainG: 700, kbmG: 800 });
    expect(r[1]!.status).toBe('T');
  });

  it('crosses the year', () => {
    const r = latestGrowthStatus('2024-01-01', [
      { date: '2024-12-20', weightKg: 9 },
      { date: '2025-01-05', weightKg: 9.2 },
    ]);
    expect(r).toMatchObject({ status: 'N', gainG: 200, kbmG: 200, ageMonths: 12 });
  });

  it('takes another KBM table', () => {
    const strict: KbmTable = {
      ...KBM_GK,
      id: 'x',
      rows: [{ fromMonth: 1, toMonth: null, minGainG: 1000 }],
    };
    const w = [
      { date: '2025-02-10', weightKg: 4.5 },
      { date: '2025-03-12', weightKg: 5.4 },
    ];
    expect(latestGrowthStatus(BIRTH, w, strict)?.status).toBe('T');
  });

  it('refuses a weighing before birth or a weight that is not positive', () => {
    expect(() => growthMonitoring(BIRTH, [{ date: '2025-01-09', weightKg: 3 }])).toThrow(
      RangeError,
    );
    expect(() => growthMonitoring(BIRTH, [{ date: '2025-02-30', weightKg: 3 }])).toThrow(
      RangeError,
    );
    expect(() => growthMonitoring(BIRTH, [{ date: '2025-02-10', weightKg: 0 }])).toThrow(
      RangeError,
    );
  });

  it('labels every code', () => {
    expect(Object.keys(PERTUMBUHAN_LABELS).sort()).toEqual(['2T', 'B', 'N', 'O', 'T']);
  });
});
