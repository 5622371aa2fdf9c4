import { describe, expect, it } from 'vitest';
import type { DoseRecord, ProposedDose } from '../../../../src-shared/domain/immunization';
import {
  NATIONAL_SCHEDULE,
  needsReason,
  validateDose,
  validateHistory,
} from '../../../../src-shared/domain/immunization';

const BIRTH = '2024-01-15';

function codes(history: DoseRecord[], proposed: ProposedDose, birth = BIRTH): string[] {
  return validateDose(birth, history, proposed, NATIONAL_SCHEDULE).map((i) => i.code);
}

describe('minimum interval (4 weeks = 28 days)', () => {
  const dpt1: DoseRecord = { code: 'DPT_HB_HIB1', date: '2024-03-15' };

  it('refuses 27 days and accepts 28 days after the previous dose', () => {
    expect(codes([dpt1], { code: 'DPT_HB_HIB2', date: '2024-04-11' })).toEqual(['TOO_SOON']);
    expect(codes([dpt1], { code: 'DPT_HB_HIB2', date: '2024-04-12' })).toEqual([]);
  });

  it('applies the same 4 weeks to rotavirus', () => {
    const rv1: DoseRecord = { code: 'RV1', date: '2024-03-15' };
    expect(codes([rv1], { code: 'RV2', date: '2024-04-11' })).toEqual(['TOO_SOON']);
    expect(codes([rv1], { code: 'RV2', date: '2024-04-12' })).toEqual([]);
  });

  it('names the field and the earliest date in Indonesian and English', () => {
    const [issue] = validateDose(
      BIRTH,
      [dpt1],
      { code: 'DPT_HB_HIB2', date: '2024-04-11' },
      NATIONAL_SCHEDULE,
    );
    expect(issue?.field.id).toBe('Tanggal imunisasi');
    expect(issue?.path).toBe('date');
    expect(issue?.message.id).toMatch(/^Tanggal imunisasi: /);
    expect(issue?.message.id).toContain('27 hari');
    expect(issue?.message.id).toContain('12 April 2024');
    expect(issue?.field.en).toBe('Immunisation date');
    expect(issue?.message.en).toBe(
      'Immunisation date: DTP-HepB-Hib 2 is only 27 days after DTP-HepB-Hib 1 (15 March 2024); the minimum is 4 weeks (12 April 2024 at the earliest).',
    );
  });

  it('needs 12 months between DPT-HB-Hib 3 and 4 and 6 months between MR1 and MR2', () => {
    const history: DoseRecord[] = [
      { code: 'DPT_HB_HIB1', date: '2024-03-15' },
      { code: 'DPT_HB_HIB2', date: '2024-04-15' },
      { code: 'DPT_HB_HIB3', date: '2024-08-01' },
      { code: 'MR1', date: '2025-03-01' },
    ];
    // 18 months = 2025-07-15; DPT3 + 12 months = 2025-08-01.
    expect(codes(history, { code: 'DPT_HB_HIB4', date: '2025-07-31' })).toEqual(['TOO_SOON']);
    expect(codes(history, { code: 'DPT_HB_HIB4', date: '2025-08-01' })).toEqual([]);
    // MR1 + 6 months = 2025-09-01.
    expect(codes(history, { code: 'MR2', date: '2025-08-31' })).toEqual(['TOO_SOON']);
    expect(codes(history, { code: 'MR2', date: '2025-09-01' })).toEqual([]);
  });

  it('asks 8 weeks between PCV1 and PCV2 when PCV1 was given at 12 months or later', () => {
    // PCV1 at 11 months: 4 weeks.
    expect(
      codes([{ code: 'PCV1', date: '2024-12-15' }], { code: 'PCV2', date: '2025-01-12' }),
    ).toEqual([]);
    // PCV1 at 12 months (2025-01-15): 56 days → 2025-03-12.
    const late: DoseRecord[] = [{ code: 'PCV1', date: '2025-01-15' }];
    expect(codes(late, { code: 'PCV2', date: '2025-03-11' })).toEqual(['TOO_SOON']);
    expect(codes(late, { code: 'PCV2', date: '2025-03-12' })).toEqual([]);
  });

  it('uses the IPV2 interval of the rule in force on the dose date', () => {
    // 2023 introduction rule: 4 weeks after IPV1.
    expect(
      codes(
        [{ code: 'IPV1', date: '2023-07-01' }],
        { code: 'IPV2', date: '2023-12-01' },
        '2023-03-01',
      ),
    ).toEqual([]);
    // 2024 rule: 4 months after IPV1 (2023-09-15 + 4 months = 2024-01-15).
    const history: DoseRecord[] = [{ code: 'IPV1', date: '2023-09-15' }];
    expect(codes(history, { code: 'IPV2', date: '2024-01-14' }, '2023-04-01')).toEqual([
      'TOO_SOON',
    ]);
    expect(codes(history, { code: 'IPV2', date: '2024-01-15' }, '2023-04-01')).toEqual([]);
  });
});

describe('minimum age', () => {
  it('refuses DPT-HB-Hib 1 before 6 weeks (42 days)', () => {
    expect(codes([], { code: 'DPT_HB_HIB1', date: '2024-02-25' })).toEqual(['BEFORE_MIN_AGE']);
    expect(codes([], { code: 'DPT_HB_HIB1', date: '2024-02-26' })).toEqual([]);
  });

  it('refuses MR1 before 9 months', () => {
    expect(codes([], { code: 'MR1', date: '2024-10-14' })).toEqual(['BEFORE_MIN_AGE']);
    expect(codes([], { code: 'MR1', date: '2024-10-15' })).toEqual([]);
  });

  it('refuses a date before birth, and nothing else is checked then', () => {
    expect(codes([], { code: 'HB0', date: '2024-01-14' })).toEqual(['BEFORE_BIRTH']);
  });
});

describe('maximum age', () => {
  const rv12: DoseRecord[] = [
    { code: 'RV1', date: '2024-03-15' },
    { code: 'RV2', date: '2024-04-15' },
  ];

  it('allows the last rotavirus dose on the day the child is 6 months 29 days, not the next', () => {
    expect(codes(rv12, { code: 'RV3', date: '2024-08-13' })).toEqual([]);
    expect(codes(rv12, { code: 'RV3', date: '2024-08-14' })).toEqual(['AFTER_MAX_AGE']);
  });

  it('counts the 6 months to the month end for a child born on the 31st', () => {
    expect(codes([], { code: 'RV1', date: '2024-03-29' }, '2023-08-31')).toEqual([]);
    expect(codes([], { code: 'RV1', date: '2024-03-30' }, '2023-08-31')).toEqual(['AFTER_MAX_AGE']);
  });

  it('allows BCG up to the day before the first birthday', () => {
    expect(codes([], { code: 'BCG', date: '2025-01-14' })).toEqual([]);
    expect(codes([], { code: 'BCG', date: '2025-01-15' })).toEqual(['AFTER_MAX_AGE']);
  });
});

describe('HB0 (ideal < 24 h, allowed to 7 days)', () => {
  it('accepts the birth day and the next day when times are unknown', () => {
    expect(codes([], { code: 'HB0', date: '2024-01-15' })).toEqual([]);
    expect(codes([], { code: 'HB0', date: '2024-01-16' })).toEqual([]);
  });

  it('uses hours after birth when both times are known', () => {
    expect(codes([], { code: 'HB0', date: '2024-01-16', hoursAfterBirth: 24 })).toEqual([]);
    expect(codes([], { code: 'HB0', date: '2024-01-16', hoursAfterBirth: 25 })).toEqual([
      'HB0_LATE',
    ]);
  });

  it('keeps a dose at day 3 as HB0, flagged late, without needing a reason', () => {
    const issues = validateDose(BIRTH, [], { code: 'HB0', date: '2024-01-18' }, NATIONAL_SCHEDULE);
    expect(issues.map((i) => i.code)).toEqual(['HB0_LATE']);
    expect(issues[0]?.severity).toBe('notice');
    expect(needsReason(issues)).toBe(false);
  });

  it('breaks the rule from day 8', () => {
    expect(codes([], { code: 'HB0', date: '2024-01-22' })).toEqual(['HB0_LATE']);
    const issues = validateDose(BIRTH, [], { code: 'HB0', date: '2024-01-23' }, NATIONAL_SCHEDULE);
    expect(issues.map((i) => i.code)).toEqual(['AFTER_MAX_AGE']);
    expect(needsReason(issues)).toBe(true);
  });
});

describe('dose order and duplicates', () => {
  it('flags dose 2 without dose 1', () => {
    const issues = validateDose(BIRTH, [], { code: 'OPV2', date: '2024-03-15' }, NATIONAL_SCHEDULE);
    expect(issues.map((i) => i.code)).toEqual(['DOSE_ORDER']);
    expect(issues[0]?.message.id).toMatch(/^Jenis\/dosis imunisasi: /);
    expect(issues[0]?.message.id).toContain('Polio tetes 1 (OPV1) belum tercatat');
    expect(issues[0]?.message.en).toBe(
      'Vaccine and dose: Oral polio 2 (OPV2) is recorded, but Oral polio 1 (OPV1) is not recorded yet.',
    );
  });

  it('flags a previous dose dated after this one', () => {
    expect(
      codes([{ code: 'OPV1', date: '2024-04-01' }], { code: 'OPV2', date: '2024-03-15' }),
    ).toEqual(['DOSE_ORDER']);
  });

  it('flags back-entering a dose when a later dose is already on an earlier date', () => {
    expect(
      codes([{ code: 'OPV2', date: '2024-03-01' }], { code: 'OPV1', date: '2024-03-15' }),
    ).toEqual(['DOSE_ORDER']);
  });

  it('flags a duplicate dose', () => {
    expect(
      codes([{ code: 'BCG', date: '2024-02-15' }], { code: 'BCG', date: '2024-03-15' }),
    ).toEqual(['DUPLICATE']);
  });

  it('notes a PCV3 that the catch-up course does not need', () => {
    const history: DoseRecord[] = [
      { code: 'PCV1', date: '2025-01-15' },
      { code: 'PCV2', date: '2025-03-12' },
    ];
    const issues = validateDose(
      BIRTH,
      history,
      { code: 'PCV3', date: '2025-06-01' },
      NATIONAL_SCHEDULE,
    );
    expect(issues.map((i) => i.code)).toEqual(['NOT_NEEDED']);
    expect(needsReason(issues)).toBe(false);
  });

  it('validates each record of a back-entered history against the others', () => {
    const results = validateHistory(
      BIRTH,
      [
        { code: 'OPV1', date: '2024-02-15' },
        { code: 'OPV2', date: '2024-03-01' },
      ],
      NATIONAL_SCHEDULE,
    );
    expect(results.map((r) => r.issues.map((i) => i.code))).toEqual([[], ['TOO_SOON']]);
  });
});

describe('programme dates (notices)', () => {
  it('notes rotavirus given before the national start', () => {
    expect(codes([], { code: 'RV1', date: '2023-08-14' }, '2023-06-01')).toEqual([
      'NOT_IN_PROGRAMME',
    ]);
    expect(codes([], { code: 'RV1', date: '2023-08-15' }, '2023-06-01')).toEqual([]);
  });

  it('notes a child born before the rotavirus cohort (born from 16 May 2023)', () => {
    expect(codes([], { code: 'RV1', date: '2023-08-15' }, '2023-05-15')).toEqual([
      'NOT_IN_PROGRAMME',
    ]);
    expect(codes([], { code: 'RV1', date: '2023-08-15' }, '2023-05-16')).toEqual([]);
  });

  it('returns a break for an invalid date instead of throwing', () => {
    expect(codes([], { code: 'BCG', date: '2024-02-30' })).toEqual(['INVALID_DATE']);
  });
});
