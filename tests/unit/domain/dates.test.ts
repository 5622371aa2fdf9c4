import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  completedMonths,
  completedYears,
  dateLabel,
  daysBetween,
  formatTanggal,
  isIsoDate,
  monthName,
} from '../../../src-shared/domain/dates';
import { byId, inForce } from '../../../src-shared/domain/reference';

describe('calendar dates', () => {
  it('accept only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('count days across month and leap-year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('agree with the JavaScript Date calendar from 1900 to 2200 (leap centuries, month ends)', () => {
    // A reference that shares nothing with the integer arithmetic under test.
    const viaDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const day = fc.integer({
      min: Date.UTC(1900, 0, 1) / 86_400_000,
      max: Date.UTC(2200, 11, 31) / 86_400_000,
    });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -4000, max: 4000 }),
        fc.integer({ min: -600, max: 600 }),
        (n, shift, months) => {
          const date = viaDate(n * 86_400_000);
          expect(isIsoDate(date)).toBe(true);
          expect(addDays(date, shift)).toBe(viaDate((n + shift) * 86_400_000));
          expect(daysBetween(date, viaDate((n + shift) * 86_400_000))).toBe(shift);
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
          expect(addMonths(date, months)).toBe(
            viaDate(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))),
          );
        },
      ),
      { numRuns: 5000 },
    );
    // Every day of the range, one after another (the century ends included).
    let previous = '1899-12-31';
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += 86_400_000) {
      const date = viaDate(ms);
      if (addDays(previous, 1) !== date) expect(addDays(previous, 1)).toBe(date);
      previous = date;
    }
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-01-1a')).toBe(false);
    expect(isIsoDate('2026/01/10')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('add months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('give completed years, months and days of age', () => {
    expect(ageOn('2024-05-20', '2026-11-22')).toEqual({ years: 2, months: 6, days: 2 });
    expect(ageOn('2024-05-20', '2026-05-19')).toEqual({ years: 1, months: 11, days: 29 });
    expect(ageOn('2024-05-20', '2026-05-20')).toEqual({ years: 2, months: 0, days: 0 });
    // Born on the 31st: a month is complete on the last day of a shorter month (as addMonths).
    expect(ageOn('2024-01-31', '2024-02-28')).toEqual({ years: 0, months: 0, days: 28 });
    expect(ageOn('2024-01-31', '2024-02-29')).toEqual({ years: 0, months: 1, days: 0 });
    expect(ageOn('2024-01-31', '2024-03-30')).toEqual({ years: 0, months: 1, days: 30 });
    expect(ageOn('2024-01-31', '2024-03-31')).toEqual({ years: 0, months: 2, days: 0 });
    expect(ageOn('2024-02-29', '2025-02-28')).toEqual({ years: 1, months: 0, days: 0 });
    expect(completedMonths('2026-01-15', '2026-07-14')).toBe(5);
    expect(completedMonths('2026-01-15', '2026-07-15')).toBe(6);
    expect(completedYears('1966-11-23', '2026-11-22')).toBe(59);
    expect(completedYears('1966-11-22', '2026-11-22')).toBe(60);
  });
});

describe('reference sets', () => {
  const sets = [
    { id: 'a', title: 'A', validFrom: '2019-01-01', validTo: '2023-06-01', source: 'x' },
    { id: 'b', title: 'B', validFrom: '2023-06-01', source: 'y' },
  ];
  it('pick the set in force on a date', () => {
    expect(inForce(sets, '2023-05-31')?.id).toBe('a');
    expect(inForce(sets, '2023-06-01')?.id).toBe('b');
    expect(inForce(sets, '2018-12-31')).toBeUndefined();
    expect(byId(sets, 'b').title).toBe('B');
    expect(() => byId(sets, 'c')).toThrow(/Unknown reference set/);
  });
});

describe('dates in messages', () => {
  it('reads in Indonesian and English', () => {
    expect(formatTanggal('2026-03-01')).toBe('1 Maret 2026');
    expect(dateLabel('2026-03-01')).toEqual({ id: '1 Maret 2026', en: '1 March 2026' });
    expect(dateLabel('2024-12-31')).toEqual({ id: '31 Desember 2024', en: '31 December 2024' });
  });

  it('names the months 1 to 12 and nothing outside them', () => {
    expect(monthName(1)).toEqual({ id: 'Januari', en: 'January' });
    expect(monthName(12)).toEqual({ id: 'Desember', en: 'December' });
    expect(monthName(0)).toEqual({ id: '?', en: '?' });
    expect(monthName(13)).toEqual({ id: '?', en: '?' });
  });
});
