import { describe, expect, it } from 'vitest';
import { TD_KEMENKES, tdStatus, type TdDose } from '../../../../src-shared/domain/maternal';

const td = (...dates: string[]): TdDose[] => dates.map((date) => ({ date }));

describe('Td status from dose dates (domain.md §2.3)', () => {
  it('T0 without doses: T1 may be given at any time', () => {
    expect(tdStatus([], '2026-01-05', TD_KEMENKES)).toEqual({
      status: 'T0',
      achievedOn: null,
      protectedUntil: null,
      protectionOpenEnded: false,
      protectedOnAsOf: false,
      nextStatus: 'T1',
      nextDoseEarliest: null,
      doses: [],
    });
  });

  it('T1 gives no protection; T2 from 4 weeks (28 days) later', () => {
    const s = tdStatus(td('2026-01-05'), '2026-01-05', TD_KEMENKES);
    expect(s).toMatchObject({
      status: 'T1',
      protectedUntil: null,
      protectedOnAsOf: false,
      nextStatus: 'T2',
      nextDoseEarliest: '2026-02-02',
    });
  });

  it('T2: 27 days after T1 is too early, 28 days counts', () => {
    const early = tdStatus(td('2026-01-05', '2026-02-01'), '2026-02-01', TD_KEMENKES);
    expect(early.status).toBe('T1');
    expect(early.doses[1]).toMatchObject({
      counted: false,
      reason: 'TOO_EARLY',
      earliestValidDate: '2026-02-02',
    });
    expect(early.doses[1]?.message).toEqual({
      id: 'Dosis 1 Februari 2026 terlalu cepat untuk T2: minimal 4 minggu setelah T1 (5 Januari 2026), paling cepat 2 Februari 2026. Tidak dihitung.',
      en: 'The dose on 1 February 2026 is too early for T2: at least 4 weeks after T1 (5 January 2026), 2 February 2026 at the earliest. Not counted.',
    });
    const onTime = tdStatus(td('2026-01-05', '2026-02-02'), '2026-02-02', TD_KEMENKES);
    expect(onTime).toMatchObject({
      status: 'T2',
      achievedOn: '2026-02-02',
      protectedUntil: '2029-02-02',
      protectedOnAsOf: true,
      nextStatus: 'T3',
      nextDoseEarliest: '2026-08-02',
    });
  });

  it('T3: 6 calendar months after T2 (one day short is too early)', () => {
    expect(
      tdStatus(td('2026-01-05', '2026-02-02', '2026-08-01'), '2026-09-01', TD_KEMENKES),
    ).toMatchObject({ status: 'T2' });
    expect(
      tdStatus(td('2026-01-05', '2026-02-02', '2026-08-02'), '2026-09-01', TD_KEMENKES),
    ).toMatchObject({
      status: 'T3',
      protectedUntil: '2031-08-02',
      nextDoseEarliest: '2027-08-02',
    });
  });

  it('6 months from a month end clamps (31 Aug → 28 Feb)', () => {
    const doses = td('2025-07-31', '2025-08-31');
    expect(tdStatus(doses, '2025-09-01', TD_KEMENKES).nextDoseEarliest).toBe('2026-02-28');
    expect(tdStatus([...doses, ...td('2026-02-27')], '2026-03-01', TD_KEMENKES).status).toBe('T2');
    expect(tdStatus([...doses, ...td('2026-02-28')], '2026-03-01', TD_KEMENKES).status).toBe('T3');
  });

  it('T4 and T5: 1 year each, exact to the day', () => {
    const base = td('2026-01-05', '2026-02-02', '2026-08-02');
    expect(tdStatus([...base, ...td('2027-08-01')], '2030-01-01', TD_KEMENKES).status).toBe('T3');
    const t4 = tdStatus([...base, ...td('2027-08-02')], '2027-08-02', TD_KEMENKES);
    expect(t4).toMatchObject({
      status: 'T4',
      protectedUntil: '2037-08-02',
      nextDoseEarliest: '2028-08-02',
    });
    const t5 = tdStatus([...base, ...td('2027-08-02', '2028-08-02')], '2060-01-01', TD_KEMENKES);
    expect(t5).toMatchObject({
      status: 'T5',
      protectedUntil: '2053-08-02',
      protectionOpenEnded: true,
      protectedOnAsOf: true,
      nextStatus: null,
      nextDoseEarliest: null,
    });
  });

  it('protection ends on its last day (T2 + 3 years inclusive)', () => {
    const doses = td('2026-01-05', '2026-02-02');
    expect(tdStatus(doses, '2029-02-02', TD_KEMENKES).protectedOnAsOf).toBe(true);
    expect(tdStatus(doses, '2029-02-03', TD_KEMENKES).protectedOnAsOf).toBe(false);
  });

  it('measures the next interval from the last counted dose, not from a too-early one', () => {
    const s = tdStatus(td('2026-01-05', '2026-01-20', '2026-02-02'), '2026-03-01', TD_KEMENKES);
    expect(s.status).toBe('T2');
    expect(s.doses.map((d) => [d.counted, d.reached, d.reason])).toEqual([
      [true, 'T1', null],
      [false, null, 'TOO_EARLY'],
      [true, 'T2', null],
    ]);
  });

  it('sorts doses, ignores those after asOf, and does not count a 6th dose', () => {
    const doses = td('2028-08-02', '2026-02-02', '2026-08-02', '2026-01-05', '2027-08-02');
    expect(tdStatus(doses, '2027-12-31', TD_KEMENKES)).toMatchObject({
      status: 'T4',
      achievedOn: '2027-08-02',
    });
    const six = tdStatus([...doses, ...td('2030-01-01')], '2030-12-31', TD_KEMENKES);
    expect(six.status).toBe('T5');
    expect(six.doses[5]).toMatchObject({ counted: false, reason: 'SERIES_COMPLETE' });
  });

  it('childhood doses count in the same series (infant 3 doses, booster, BIAS DT and Td → T5)', () => {
    const childhood: TdDose[] = [
      { date: '2000-03-01', kind: 'CHILDHOOD' }, // DPT-HB-Hib 1
      { date: '2000-04-01', kind: 'CHILDHOOD' }, // DPT-HB-Hib 2
      { date: '2000-05-01', kind: 'CHILDHOOD' }, // DPT-HB-Hib 3
      { date: '2001-09-01', kind: 'CHILDHOOD' }, // booster, 18 months
      { date: '2006-11-01', kind: 'CHILDHOOD' }, // BIAS DT, grade 1
      { date: '2007-11-01', kind: 'CHILDHOOD' }, // BIAS Td, grade 2
    ];
    const s = tdStatus(childhood, '2026-01-05', TD_KEMENKES);
    expect(s.doses.map((d) => d.reached ?? d.reason)).toEqual([
      'T1',
      'T2',
      'TOO_EARLY',
      'T3',
      'T4',
      'T5',
    ]);
    expect(s).toMatchObject({ status: 'T5', protectedOnAsOf: true });
  });

  it('childhood doses can be left out (screening cannot confirm them)', () => {
    const doses: TdDose[] = [
      { date: '2000-03-01', kind: 'CHILDHOOD' },
      { date: '2000-04-01', kind: 'CHILDHOOD' },
      { date: '2026-01-05', kind: 'TD' },
    ];
    const s = tdStatus(doses, '2026-01-05', TD_KEMENKES, { countChildhoodDoses: false });
    expect(s.status).toBe('T1');
    expect(s.doses.map((d) => d.reason)).toEqual([
      'CHILDHOOD_NOT_COUNTED',
      'CHILDHOOD_NOT_COUNTED',
      null,
    ]);
    expect(tdStatus(doses, '2026-01-05', TD_KEMENKES).status).toBe('T3');
  });

  it('throws on a malformed date (validate input first)', () => {
    expect(() => tdStatus(td('2026-02-30'), '2026-03-01', TD_KEMENKES)).toThrow(RangeError);
  });
});
