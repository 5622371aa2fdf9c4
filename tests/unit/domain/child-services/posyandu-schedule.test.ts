import { describe, expect, it } from 'vitest';
import {
  isoWeekday,
  sessionDayOnOrAfter,
  sessionDayOnOrBefore,
  sessionDaysInMonth,
} from '../../../../src-shared/domain/child-services';

describe('posyandu schedule day', () => {
  it('knows ISO weekdays (Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2026-11-22')).toBe(7); // Sunday
    expect(isoWeekday('2026-11-23')).toBe(1);
  });

  it('finds the n-th weekday, the first one on the 1st when the month starts on it', () => {
    // November 2026 starts on a Sunday.
    expect(sessionDaysInMonth('2026-11', 1, 7)).toEqual(['2026-11-01']);
    expect(sessionDaysInMonth('2026-11', 2, 2)).toEqual(['2026-11-10']); // 2nd Tuesday
    expect(sessionDaysInMonth('2026-11', null, 1)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
  });

  it('a 5th week the month lacks falls on its last such weekday', () => {
    expect(sessionDaysInMonth('2026-11', 5, 1)).toEqual(['2026-11-30']); // five Mondays
    expect(sessionDaysInMonth('2026-11', 5, 3)).toEqual(['2026-11-25']); // four Wednesdays
    expect(sessionDaysInMonth('2026-11', 2, null)).toEqual([]);
  });

  it('proposes the last session day on or before, and the next on or after, a date', () => {
    expect(sessionDayOnOrBefore('2026-11-10', 2, 2)).toBe('2026-11-10');
    expect(sessionDayOnOrBefore('2026-11-09', 2, 2)).toBe('2026-10-13');
    expect(sessionDayOnOrAfter('2026-11-10', 2, 2)).toBe('2026-11-10');
    expect(sessionDayOnOrAfter('2026-11-11', 2, 2)).toBe('2026-12-08');
    expect(sessionDayOnOrAfter('2026-11-11', null, null)).toBe('2026-11-11');
  });
});
