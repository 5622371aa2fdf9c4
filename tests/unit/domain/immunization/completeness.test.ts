import { describe, expect, it } from 'vitest';
import type { CompletenessSet, DoseRecord } from '../../../../src-shared/domain/immunization';
import {
  COMPLETENESS_SETS,
  completenessSetFor,
  dropOutDpt1Dpt3,
  dropOutDpt1Mr,
  dropOutRate,
  evaluateCompleteness,
} from '../../../../src-shared/domain/immunization';

const BIRTH = '2024-01-15';
const IDL = COMPLETENESS_SETS.find((s) => s.id === 'idl.klasik') as CompletenessSet;
const IRL = COMPLETENESS_SETS.find((s) => s.id === 'irl.2023') as CompletenessSet;

/** Every IDL dose on time, except MR1 which the test places. */
const BASIC: DoseRecord[] = [
  { code: 'HB0', date: '2024-01-15' },
  { code: 'BCG', date: '2024-02-15' },
  { code: 'OPV1', date: '2024-02-15' },
  { code: 'DPT_HB_HIB1', date: '2024-03-15' },
  { code: 'OPV2', date: '2024-03-15' },
  { code: 'DPT_HB_HIB2', date: '2024-04-15' },
  { code: 'OPV3', date: '2024-04-15' },
  { code: 'DPT_HB_HIB3', date: '2024-05-15' },
  { code: 'OPV4', date: '2024-05-15' },
  { code: 'IPV1', date: '2024-05-15' },
];

describe('IDL (complete before 12 months)', () => {
  it('requires the classic antigen set', () => {
    expect(IDL.requirements.map((r) => r.code)).toEqual([
      'HB0',
      'BCG',
      'DPT_HB_HIB1',
      'DPT_HB_HIB2',
      'DPT_HB_HIB3',
      'OPV1',
      'OPV2',
      'OPV3',
      'OPV4',
      'IPV1',
      'MR1',
    ]);
  });

  it('is complete when the last dose is at 11 months 29 days, attributed to that month', () => {
    const r = evaluateCompleteness(
      BIRTH,
      [...BASIC, { code: 'MR1', date: '2024-12-14' }],
      IDL,
      '2024-12-31',
    );
    expect(r).toMatchObject({ complete: true, achievedOn: '2024-12-14', achievedMonth: '2024-12' });
    expect(r.missing).toEqual([]);
  });

  it('is still complete at 11 months 30 days, the day before the first birthday', () => {
    const r = evaluateCompleteness(
      BIRTH,
      [...BASIC, { code: 'MR1', date: '2025-01-14' }],
      IDL,
      '2025-01-31',
    );
    expect(r).toMatchObject({ complete: true, achievedOn: '2025-01-14', achievedMonth: '2025-01' });
  });

  it('is not complete when the last dose is at 12 months', () => {
    const r = evaluateCompleteness(
      BIRTH,
      [...BASIC, { code: 'MR1', date: '2025-01-15' }],
      IDL,
      '2025-01-31',
    );
    expect(r).toMatchObject({
      complete: false,
      late: ['MR1'],
      missing: [],
      canStillComplete: false,
    });
    expect(r.achievedOn).toBeUndefined();
  });

  it('says what is missing and whether it can still be completed', () => {
    const early = evaluateCompleteness(BIRTH, BASIC, IDL, '2024-10-31');
    expect(early).toMatchObject({ complete: false, missing: ['MR1'], canStillComplete: true });
    const onLastDay = evaluateCompleteness(BIRTH, BASIC, IDL, '2025-01-14');
    expect(onLastDay.canStillComplete).toBe(false);
  });

  it('ignores doses after the report date', () => {
    const history = [...BASIC, { code: 'MR1' as const, date: '2024-11-01' }];
    expect(evaluateCompleteness(BIRTH, history, IDL, '2024-10-31').complete).toBe(false);
    expect(evaluateCompleteness(BIRTH, history, IDL, '2024-11-01').achievedOn).toBe('2024-11-01');
  });

  it('dates completion by the last required dose, whichever antigen it is', () => {
    const history: DoseRecord[] = [
      ...BASIC.filter((d) => d.code !== 'BCG'),
      { code: 'MR1', date: '2024-10-15' },
      { code: 'BCG', date: '2024-11-20' },
    ];
    expect(evaluateCompleteness(BIRTH, history, IDL, '2024-12-31').achievedOn).toBe('2024-11-20');
  });
});

describe('IRL (IDL + baduta boosters)', () => {
  const withMr1: DoseRecord[] = [...BASIC, { code: 'MR1', date: '2024-10-15' }];

  it('needs DPT-HB-Hib 4 and MR2 before 24 months', () => {
    const partial = evaluateCompleteness(BIRTH, withMr1, IRL, '2025-12-31');
    expect(partial).toMatchObject({ complete: false, missing: ['DPT_HB_HIB4', 'MR2'] });
    const full = evaluateCompleteness(
      BIRTH,
      [
        ...withMr1,
        { code: 'DPT_HB_HIB4', date: '2025-07-15' },
        { code: 'MR2', date: '2026-01-14' },
      ],
      IRL,
      '2026-01-31',
    );
    expect(full).toMatchObject({ complete: true, achievedOn: '2026-01-14' });
    const late = evaluateCompleteness(
      BIRTH,
      [
        ...withMr1,
        { code: 'DPT_HB_HIB4', date: '2025-07-15' },
        { code: 'MR2', date: '2026-01-15' },
      ],
      IRL,
      '2026-01-31',
    );
    expect(late).toMatchObject({ complete: false, late: ['MR2'] });
  });

  it('is chosen by kind and validity period', () => {
    expect(completenessSetFor(COMPLETENESS_SETS, 'IDL', '2024-06-01')?.id).toBe('idl.klasik');
    expect(completenessSetFor(COMPLETENESS_SETS, 'IRL', '2024-06-01')?.id).toBe('irl.2023');
    expect(completenessSetFor(COMPLETENESS_SETS, 'IRL', '2022-12-31')).toBeUndefined();
  });
});

describe('drop-out rates', () => {
  it('compute (a − b) ÷ a × 100', () => {
    expect(dropOutDpt1Dpt3(200, 190)).toEqual({ kind: 'rate', percent: 5 });
    expect(dropOutDpt1Mr(80, 60)).toEqual({ kind: 'rate', percent: 25 });
    expect(dropOutRate(40, 40)).toEqual({ kind: 'rate', percent: 0 });
  });

  it('say "no data" when the first dose count is 0, never 0%', () => {
    expect(dropOutDpt1Dpt3(0, 0)).toEqual({ kind: 'no-data' });
    expect(dropOutDpt1Mr(0, 3)).toEqual({ kind: 'no-data' });
  });

  it('keep a negative rate visible when later doses outnumber first doses', () => {
    expect(dropOutRate(50, 60)).toEqual({ kind: 'rate', percent: -20 });
  });

  it('refuse anything that is not a count', () => {
    expect(() => dropOutRate(-1, 0)).toThrow(RangeError);
    expect(() => dropOutRate(10, 2.5)).toThrow(RangeError);
  });
});
