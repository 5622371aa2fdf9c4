import { describe, expect, it } from 'vitest';
import { completedMonths, localDate, localTime } from '../../../../src-shared/domain/dates';
import { birthDateRange } from '../../../../src-shared/domain/identity';

describe('age group birth-date ranges', () => {
  const today = '2026-11-22';

  it('bayi: 0–11 completed months', () => {
    const range = birthDateRange('bayi', today);
    expect(range).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(completedMonths(range.from!, today)).toBe(11);
    expect(completedMonths('2025-11-22', today)).toBe(12); // one day earlier is out
  });

  it('balita: 0–59 months; lansia: 60 years and over', () => {
    expect(birthDateRange('balita', today)).toEqual({ from: '2021-11-23', to: '2026-11-22' });
    expect(birthDateRange('lansia', today)).toEqual({ from: null, to: '1966-11-22' });
  });

  it('usia produktif 15–59 and remaja 10–18', () => {
    expect(birthDateRange('produktif', today)).toEqual({ from: '1966-11-23', to: '2011-11-22' });
    expect(birthDateRange('remaja', today)).toEqual({ from: '2007-11-23', to: '2016-11-22' });
  });
});

describe('local date in a puskesmas time zone', () => {
  it('rolls over at local midnight, not UTC midnight', () => {
    const instant = new Date('2026-11-21T17:30:00Z');
    expect(localDate(instant, '+07:00')).toBe('2026-11-22'); // WIB: 00:30
    expect(localDate(instant, '+06:00')).toBe('2026-11-21');
    expect(localDate(new Date('2026-11-21T15:00:00Z'), '+09:00')).toBe('2026-11-22'); // WIT
    expect(localDate(new Date('2026-11-21T14:59:59Z'), '+09:00')).toBe('2026-11-21');
    expect(localTime(new Date('2026-11-22T02:15:00Z'), '+07:00')).toBe('09.15');
    expect(localTime(new Date('2026-11-21T17:05:00Z'), '+08:00')).toBe('01.05');
  });
});
