import { describe, expect, it } from 'vitest';
import {
  hoursBetween,
  isIsoDateTime,
  kfWindowOf,
  localDateOf,
  NIFAS_KF3_LEGACY,
  NIFAS_KF4_2020,
  nifasCompletion,
  VITAMIN_A_NIFAS,
  vitaminANifas,
} from '../../../../src-shared/domain/maternal';

/** Delivery at 10:00 WIB on 1 March 2026. */
const born = '2026-03-01T10:00+07:00';
const kf = (at: string) => kfWindowOf(born, at, NIFAS_KF4_2020);

describe('date-times with offset', () => {
  it('accept only ISO date-times with an offset', () => {
    expect(isIsoDateTime('2026-03-01T10:00+07:00')).toBe(true);
    expect(isIsoDateTime('2026-03-01T10:00:30.5Z')).toBe(true);
    expect(isIsoDateTime('2026-03-01T10:00')).toBe(false);
    expect(isIsoDateTime('2026-02-30T10:00+07:00')).toBe(false);
    expect(isIsoDateTime('2026-03-01T24:00+07:00')).toBe(false);
    expect(hoursBetween('2026-03-01T10:00+07:00', '2026-03-01T11:00+08:00')).toBe(0);
    expect(localDateOf('2026-03-01T23:30+07:00')).toBe('2026-03-01');
  });
});

describe('KF windows (4 visits, Buku KIA 2020), completed days', () => {
  it('KF1 starts at 6 hours', () => {
    expect(kf('2026-03-01T15:59+07:00')).toMatchObject({ code: null, outside: 'TOO_EARLY' });
    expect(kf('2026-03-01T16:00+07:00')).toMatchObject({ code: 'KF1', hoursAfter: 6 });
    // 6 h written in another zone (WITA): same instant.
    expect(kf('2026-03-01T17:00+08:00').code).toBe('KF1');
  });

  it('day 2 (47 h and 71 h 59 min) is still KF1; 72 h is KF2', () => {
    expect(kf('2026-03-03T09:00+07:00')).toMatchObject({
      code: 'KF1',
      hoursAfter: 47,
      dayAfter: 1,
    });
    expect(kf('2026-03-04T09:59+07:00')).toMatchObject({ code: 'KF1', dayAfter: 2 });
    expect(kf('2026-03-04T10:00+07:00')).toMatchObject({ code: 'KF2', dayAfter: 3 });
  });

  it('KF2 ends with day 7, KF3 with day 28, KF4 with day 42', () => {
    expect(kf('2026-03-09T09:59+07:00').code).toBe('KF2');
    expect(kf('2026-03-09T10:00+07:00').code).toBe('KF3');
    expect(kf('2026-03-30T09:59+07:00').code).toBe('KF3');
    expect(kf('2026-03-30T10:00+07:00')).toMatchObject({ code: 'KF4', dayAfter: 29 });
    expect(kf('2026-04-13T09:59+07:00')).toMatchObject({ code: 'KF4', dayAfter: 42 });
    expect(kf('2026-04-13T10:00+07:00')).toMatchObject({
      code: null,
      dayAfter: 43,
      outside: 'AFTER_NIFAS',
    });
  });

  it('a visit before the delivery is no KF', () => {
    expect(kf('2026-03-01T09:00+07:00')).toMatchObject({ code: null, outside: 'BEFORE_DELIVERY' });
  });

  it('throws on a date-time without offset', () => {
    expect(() => kf('2026-03-02T10:00')).toThrow(RangeError);
  });
});

describe('KF windows (legacy 3 visits: 6 h–3 d, 4–28 d, 29–42 d)', () => {
  it('day 3 is KF1, day 4 is KF2', () => {
    const legacy = (at: string) => kfWindowOf(born, at, NIFAS_KF3_LEGACY).code;
    expect(legacy('2026-03-05T09:59+07:00')).toBe('KF1');
    expect(legacy('2026-03-05T10:00+07:00')).toBe('KF2');
    expect(legacy('2026-03-30T09:59+07:00')).toBe('KF2');
    expect(legacy('2026-03-30T10:00+07:00')).toBe('KF3');
    expect(legacy('2026-04-13T10:00+07:00')).toBeNull();
  });
});

describe('nifas lengkap', () => {
  const visits = [
    '2026-03-20T09:00+07:00', // day 18: KF3
    '2026-03-01T20:00+07:00', // 10 h: KF1
    '2026-03-06T09:00+07:00', // day 4: KF2
    '2026-04-05T09:00+07:00', // day 34: KF4
  ];

  it('4-visit rule: complete at the visit covering the last window', () => {
    const r = nifasCompletion(born, visits, NIFAS_KF4_2020);
    expect(r).toMatchObject({
      complete: true,
      achievedAt: '2026-04-05T09:00+07:00',
      achievedOn: '2026-04-05',
      attributionMonth: '2026-04',
      covered: ['KF1', 'KF2', 'KF3', 'KF4'],
      missing: [],
    });
    expect(r.visits.map((v) => v.code)).toEqual(['KF1', 'KF2', 'KF3', 'KF4']);
  });

  it('4-visit rule: three visits are not complete; legacy rule: they are', () => {
    const three = ['2026-03-01T20:00+07:00', '2026-03-06T09:00+07:00', '2026-04-05T09:00+07:00'];
    expect(nifasCompletion(born, three, NIFAS_KF4_2020)).toMatchObject({
      complete: false,
      achievedAt: null,
      missing: ['KF3'],
    });
    // Legacy: 10 h KF1, day 4 KF2, day 34 KF3.
    expect(nifasCompletion(born, three, NIFAS_KF3_LEGACY)).toMatchObject({
      complete: true,
      achievedOn: '2026-04-05',
    });
  });

  it('marks repeat visits in a window and ignores visits outside every window', () => {
    const r = nifasCompletion(
      born,
      ['2026-03-01T12:00+07:00', '2026-03-01T20:00+07:00', '2026-03-02T08:00+07:00'],
      NIFAS_KF4_2020,
    );
    expect(r.visits.map((v) => [v.code, v.firstInWindow])).toEqual([
      [null, false],
      ['KF1', true],
      ['KF1', false],
    ]);
    expect(r).toMatchObject({ complete: false, covered: ['KF1'] });
  });
});

describe('vitamin A for the mother (2 capsules, second ≥ 24 h after the first)', () => {
  it('23 h 59 min is too early, 24 h 00 min counts', () => {
    const early = vitaminANifas(
      ['2026-03-01T11:00+07:00', '2026-03-02T10:59+07:00'],
      VITAMIN_A_NIFAS,
      born,
    );
    expect(early).toMatchObject({ complete: false, countedCount: 1 });
    expect(early.capsules[1]).toMatchObject({ counted: false, reason: 'TOO_EARLY' });
    expect(early.capsules[1]?.message).toEqual({
      id: 'Kapsul berikutnya harus minimal 24 jam setelah kapsul sebelumnya; tidak dihitung.',
      en: 'The next capsule must be at least 24 hours after the previous one; not counted.',
    });
    const onTime = vitaminANifas(
      ['2026-03-01T11:00+07:00', '2026-03-02T11:00+07:00'],
      VITAMIN_A_NIFAS,
      born,
    );
    expect(onTime).toMatchObject({ complete: true, countedCount: 2 });
  });

  it('a later capsule can still complete the course after a too-early one', () => {
    const r = vitaminANifas(
      ['2026-03-02T08:00+07:00', '2026-03-01T11:00+07:00', '2026-03-02T12:00+07:00'],
      VITAMIN_A_NIFAS,
    );
    expect(r.capsules.map((c) => c.reason)).toEqual([null, 'TOO_EARLY', null]);
    expect(r.complete).toBe(true);
  });

  it('flags a capsule before delivery and a third capsule', () => {
    const r = vitaminANifas(
      [
        '2026-03-01T08:00+07:00',
        '2026-03-01T11:00+07:00',
        '2026-03-02T11:00+07:00',
        '2026-03-03T11:00+07:00',
      ],
      VITAMIN_A_NIFAS,
      born,
    );
    expect(r.capsules.map((c) => c.reason)).toEqual(['BEFORE_DELIVERY', null, null, 'EXTRA']);
    expect(r.countedCount).toBe(2);
  });
});
