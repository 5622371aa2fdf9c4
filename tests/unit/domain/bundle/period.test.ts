import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  completenessOf,
  isLate,
  isPeriod,
  lastDayOfPeriod,
  periodName,
  periodsOfYear,
  submissionDeadline,
} from '../../../../src-shared/domain/bundle';

describe('reporting periods', () => {
  it('accept only YYYY-MM with a real month', () => {
    expect(isPeriod('2026-10')).toBe(true);
    expect(isPeriod('2026-00')).toBe(false);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
  });

  it('step across year ends', () => {
    expect(addPeriods('2026-12', 1)).toBe('2027-01');
    expect(addPeriods('2027-01', -1)).toBe('2026-12');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2026-10', -22)).toBe('2024-12');
    expect(periodsOfYear(2026)).toHaveLength(12);
    expect(periodsOfYear(2026)[0]).toBe('2026-01');
  });

  it('read as month names in both languages', () => {
    expect(periodName('2026-10')).toEqual({ id: 'Oktober 2026', en: 'October 2026' });
    expect(periodName('2027-01')).toEqual({ id: 'Januari 2027', en: 'January 2027' });
  });

  it('know the last day of a month, leap years included', () => {
    expect(lastDayOfPeriod('2024-02')).toBe('2024-02-29');
    expect(lastDayOfPeriod('2026-02')).toBe('2026-02-28');
    expect(lastDayOfPeriod('2026-12')).toBe('2026-12-31');
  });
});

describe('submission deadline', () => {
  it('is the late day of the next month, December into January', () => {
    expect(submissionDeadline('2026-10', 10)).toBe('2026-11-10');
    expect(submissionDeadline('2026-12', 10)).toBe('2027-01-10');
    expect(submissionDeadline('2026-01', 28)).toBe('2026-02-28');
  });

  it('refuses a late day outside 1–28', () => {
    expect(() => submissionDeadline('2026-10', 0)).toThrow();
    expect(() => submissionDeadline('2026-10', 29)).toThrow();
    expect(() => submissionDeadline('2026-10', 1.5)).toThrow();
    expect(submissionDeadline('2026-10', 1)).toBe('2026-11-01');
  });

  it('received on the deadline is on time, the day after is late', () => {
    expect(isLate('2026-10', '2026-11-10', 10)).toBe(false);
    expect(isLate('2026-10', '2026-11-11', 10)).toBe(true);
    expect(isLate('2026-10', '2026-10-31', 10)).toBe(false);
  });
});

describe('completeness cell', () => {
  const base = { period: '2026-10', lateDay: 10, firstReceived: null, latestRevision: null };

  it('nothing is expected while the month runs', () => {
    expect(completenessOf({ ...base, today: '2026-10-31' })).toEqual({
      status: 'open',
      revised: false,
    });
  });

  it('not due until the deadline has passed, then missing', () => {
    expect(completenessOf({ ...base, today: '2026-11-01' }).status).toBe('notDue');
    expect(completenessOf({ ...base, today: '2026-11-10' }).status).toBe('notDue');
    expect(completenessOf({ ...base, today: '2026-11-11' }).status).toBe('missing');
  });

  it('received on time or late, by the first bundle; revised by a later revision', () => {
    const on = { ...base, today: '2027-01-05', firstReceived: '2026-11-10', latestRevision: 1 };
    expect(completenessOf(on)).toEqual({ status: 'received', revised: false });
    expect(completenessOf({ ...on, firstReceived: '2026-11-11' })).toEqual({
      status: 'late',
      revised: false,
    });
    expect(completenessOf({ ...on, latestRevision: 2 })).toEqual({
      status: 'received',
      revised: true,
    });
    // A bundle for a month still running counts as received.
    expect(
      completenessOf({ ...base, today: '2026-10-20', firstReceived: '2026-10-20' }).status,
    ).toBe('received');
  });

  it('months before the first bundle the puskesmas ever sent are not counted missing', () => {
    const facts = { ...base, today: '2027-01-20', firstPeriod: '2026-10' };
    expect(completenessOf({ ...facts, period: '2026-09' }).status).toBe('before');
    expect(completenessOf({ ...facts, period: '2026-10' }).status).toBe('missing');
    expect(completenessOf({ ...facts, firstPeriod: null }).status).toBe('missing');
  });
});
