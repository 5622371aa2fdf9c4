import { describe, expect, it } from 'vitest';
import {
  NEONATAL_VISIT_RULES,
  classifyNeonatalVisit,
  dayOfLife,
  elapsedMinutes,
  knLengkap,
} from '../../../../src-shared/domain/child-services';

const RULES = NEONATAL_VISIT_RULES[0]!;
/** Born 1 March 2024 at 10:00 WIB. */
const BIRTH = '2024-03-01T10:00+07:00';
const kind = (visit: string, birth = BIRTH) => classifyNeonatalVisit(birth, visit, RULES);

describe('neonatal visit windows', () => {
  it('KN1 starts at 6 hours: 5 h 59 min is too early', () => {
    expect(kind('2024-03-01T15:59+07:00')).toEqual({ kind: 'outside', when: 'too-early' });
    expect(kind('2024-03-01T16:00+07:00')).toEqual({ kind: 'visit', visit: 'KN1' });
  });

  it('KN1 ends at 48 h 0 min; 48 h 1 min is KN2 (day 3)', () => {
    expect(kind('2024-03-03T10:00+07:00')).toEqual({ kind: 'visit', visit: 'KN1' });
    expect(kind('2024-03-03T10:01+07:00')).toEqual({ kind: 'visit', visit: 'KN2' });
  });

  it('KN2 runs to the end of day 7 (168 h); day 8 is KN3', () => {
    expect(kind('2024-03-08T10:00+07:00')).toEqual({ kind: 'visit', visit: 'KN2' });
    expect(kind('2024-03-08T10:01+07:00')).toEqual({ kind: 'visit', visit: 'KN3' });
  });

  it('KN3 runs to the end of day 28 (672 h); day 29 is outside', () => {
    expect(kind('2024-03-29T10:00+07:00')).toEqual({ kind: 'visit', visit: 'KN3' });
    expect(kind('2024-03-29T10:01+07:00')).toEqual({ kind: 'outside', when: 'too-late' });
  });

  it('counts days of life as 24-hour periods from birth, not calendar days', () => {
    expect(dayOfLife(BIRTH, BIRTH)).toBe(1);
    expect(dayOfLife(BIRTH, '2024-03-01T23:59+07:00')).toBe(1);
    // The calendar day after birth, still within the first 24 hours: day 1.
    expect(dayOfLife(BIRTH, '2024-03-02T09:00+07:00')).toBe(1);
    expect(dayOfLife(BIRTH, '2024-03-02T10:00+07:00')).toBe(1);
    expect(dayOfLife(BIRTH, '2024-03-02T10:01+07:00')).toBe(2);
    expect(dayOfLife(BIRTH, '2024-03-03T10:01+07:00')).toBe(3);
    expect(dayOfLife(BIRTH, '2024-03-08T10:00+07:00')).toBe(7);
    expect(dayOfLife(BIRTH, '2024-03-08T10:01+07:00')).toBe(8);
    expect(dayOfLife(BIRTH, '2024-03-29T10:00+07:00')).toBe(28);
    expect(dayOfLife(BIRTH, '2024-03-29T10:01+07:00')).toBe(29);
    expect(dayOfLife(BIRTH, '2024-03-05')).toBeUndefined();
  });

  it('measures across time zones and without offsets', () => {
    // 10:00 WITA = 09:00 WIB; 15:00 WIB is then exactly 6 hours later.
    expect(kind('2024-03-01T15:00+07:00', '2024-03-01T10:00+08:00')).toEqual({
      kind: 'visit',
      visit: 'KN1',
    });
    expect(kind('2024-03-01T09:00Z', '2024-03-01T10:00+07:00')).toEqual({
      kind: 'visit',
      visit: 'KN1',
    });
    expect(kind('2024-03-01T15:59', '2024-03-01T10:00')).toEqual({
      kind: 'outside',
      when: 'too-early',
    });
    expect(elapsedMinutes('2024-03-01T10:00', '2024-03-01T16:00')).toEqual({ min: 360, max: 360 });
  });

  it('places a visit known only by date when every time that day falls in one window', () => {
    // 86 h to 109 h 59 min after birth: KN2 whatever the hour.
    expect(kind('2024-03-05')).toEqual({ kind: 'visit', visit: 'KN2' });
    // 38 h to 61 h 59 min: KN1 or KN2.
    expect(kind('2024-03-03')).toEqual({ kind: 'uncertain', possible: ['KN1', 'KN2'] });
  });

  it('rejects impossible dates and visits before birth', () => {
    expect(kind('2024-02-30T10:00+07:00')).toEqual({ kind: 'invalid', reason: 'bad-date' });
    expect(kind('2024-03-01T09:00+07:00')).toEqual({ kind: 'invalid', reason: 'before-birth' });
  });
});

describe('KN lengkap', () => {
  it('needs KN1, KN2 and KN3, and is dated by KN3', () => {
    const r = knLengkap(
      BIRTH,
      ['2024-03-01T18:00+07:00', '2024-03-05T09:00+07:00', '2024-03-20T09:00+07:00'],
      RULES,
    );
    expect(r).toMatchObject({
      complete: true,
      achievedOn: '2024-03-20',
      achievedMonth: '2024-03',
      kn1: '2024-03-01T18:00+07:00',
      kn2: '2024-03-05T09:00+07:00',
      kn3: '2024-03-20T09:00+07:00',
    });
  });

  it('counts visits at the exact window edges', () => {
    const r = knLengkap(
      BIRTH,
      ['2024-03-03T10:00+07:00', '2024-03-03T10:01+07:00', '2024-03-29T10:00+07:00'],
      RULES,
    );
    expect(r.complete).toBe(true);
  });

  it('is not complete without KN2, and ignores uncertain or outside visits', () => {
    const r = knLengkap(
      BIRTH,
      ['2024-03-01T18:00+07:00', '2024-03-03', '2024-03-01T12:00+07:00', '2024-03-20T09:00+07:00'],
      RULES,
    );
    expect(r).toMatchObject({
      complete: false,
      uncertain: ['2024-03-03'],
      outside: ['2024-03-01T12:00+07:00'],
    });
    expect(r.achievedOn).toBeUndefined();
    expect(r.kn2).toBeUndefined();
  });

  it('attributes to the month of the first KN3 visit', () => {
    const r = knLengkap(
      '2024-03-25T22:00+07:00',
      [
        '2024-03-26T08:00+07:00',
        '2024-03-29T08:00+07:00',
        '2024-04-15T08:00+07:00',
        '2024-04-03T08:00+07:00',
      ],
      RULES,
    );
    expect(r).toMatchObject({
      complete: true,
      kn3: '2024-04-03T08:00+07:00',
      achievedMonth: '2024-04',
    });
  });
});
