import { describe, expect, it } from 'vitest';
import {
  DOSE_CODES,
  DOSE_LABELS,
  IMMUNIZATION_SCHEDULES,
  NATIONAL_SCHEDULE,
  SERIES,
  SERIES_LABELS,
  dosesInForce,
  lastAllowedDay,
  ruleFor,
  satusehatSource,
  scheduleInForce,
} from '../../../../src-shared/domain/immunization';

/**
 * The routine schedule table of the Kemenkes P2P slide (domain §2.9), month of age per dose,
 * written out by hand: the reference data must match it.
 */
const PUBLISHED_MONTH: Record<string, number> = {
  HB0: 0,
  BCG: 1,
  OPV1: 1,
  DPT_HB_HIB1: 2,
  OPV2: 2,
  PCV1: 2,
  RV1: 2,
  DPT_HB_HIB2: 3,
  OPV3: 3,
  PCV2: 3,
  RV2: 3,
  DPT_HB_HIB3: 4,
  OPV4: 4,
  IPV1: 4,
  RV3: 4,
  MR1: 9,
  IPV2: 9,
  JE: 10,
  PCV3: 12,
  DPT_HB_HIB4: 18,
  MR2: 18,
};

const PUBLISHED_GRADE: Record<string, number> = {
  BIAS_DT: 1,
  BIAS_MR: 1,
  BIAS_TD_K2: 2,
  BIAS_TD_K5: 5,
  HPV1: 5,
  HPV2: 6,
};

describe('national schedule reference data', () => {
  it('has every dose code, labelled in Indonesian and English', () => {
    for (const code of DOSE_CODES) {
      expect(NATIONAL_SCHEDULE.doses.some((d) => d.code === code)).toBe(true);
      expect(DOSE_LABELS[code].id.length).toBeGreaterThan(0);
      expect(DOSE_LABELS[code].en.length).toBeGreaterThan(0);
    }
    for (const s of SERIES) expect(SERIES_LABELS[s].id.length).toBeGreaterThan(0);
  });

  it('puts each routine dose at the month of the published table', () => {
    for (const rule of NATIONAL_SCHEDULE.doses.filter((d) => d.setting === 'routine')) {
      const age = rule.recommendedAge ?? {};
      expect(age.weeks ?? 0).toBe(0);
      expect(age.days ?? 0).toBe(0);
      expect([rule.code, age.months ?? 0]).toEqual([rule.code, PUBLISHED_MONTH[rule.code]]);
    }
  });

  it('puts each BIAS dose in the published school class', () => {
    for (const rule of NATIONAL_SCHEDULE.doses.filter((d) => d.setting === 'bias')) {
      expect([rule.code, rule.schoolGrade]).toEqual([rule.code, PUBLISHED_GRADE[rule.code]]);
    }
  });

  it('marks JE as regional and states a source for every rule', () => {
    for (const rule of NATIONAL_SCHEDULE.doses) {
      expect(rule.regional === true).toBe(rule.code === 'JE');
      expect(rule.source).toMatch(/\[(S|GK|UNCONFIRMED)/);
    }
  });

  it('keeps the rotavirus rules of SE IM.02.02/C/3052/2023', () => {
    for (const code of ['RV1', 'RV2', 'RV3'] as const) {
      const rv = ruleFor(NATIONAL_SCHEDULE, code, '2024-01-01');
      expect(rv?.maxAge).toEqual({ through: { months: 6, days: 29 } });
      expect(rv?.appliesFrom).toBe('2023-08-15');
      expect(rv?.eligibleBornFrom).toBe('2023-05-16');
      if (code !== 'RV1') expect(rv?.minInterval).toEqual({ weeks: 4 });
    }
  });
});

describe('schedule history', () => {
  it('chooses the schedule set in force on a date', () => {
    expect(scheduleInForce(IMMUNIZATION_SCHEDULES, '2024-06-01')?.id).toBe(NATIONAL_SCHEDULE.id);
    expect(scheduleInForce(IMMUNIZATION_SCHEDULES, '2016-12-31')).toBeUndefined();
  });

  it('adds rotavirus nationally from 15 August 2023', () => {
    const codes = (date: string) => dosesInForce(NATIONAL_SCHEDULE, date).map((d) => d.code);
    expect(codes('2023-08-14')).not.toContain('RV1');
    expect(codes('2023-08-15')).toContain('RV1');
  });

  it('adds PCV from the configured roll-out date', () => {
    const codes = (date: string) => dosesInForce(NATIONAL_SCHEDULE, date).map((d) => d.code);
    expect(codes('2022-08-31')).not.toContain('PCV1');
    expect(codes('2022-09-01')).toEqual(expect.arrayContaining(['PCV1', 'PCV2', 'PCV3']));
  });

  it('switches IPV2 from the 2023 introduction rules to the 2024 rules', () => {
    expect(dosesInForce(NATIONAL_SCHEDULE, '2023-06-11').map((d) => d.code)).not.toContain('IPV2');
    const y2023 = ruleFor(NATIONAL_SCHEDULE, 'IPV2', '2023-12-31');
    const y2024 = ruleFor(NATIONAL_SCHEDULE, 'IPV2', '2024-01-01');
    expect(y2023?.minInterval).toEqual({ weeks: 4 });
    expect(y2023?.maxAge).toEqual({ before: { months: 12 } });
    expect(y2024?.minInterval).toEqual({ months: 4 });
    expect(y2024?.maxAge).toEqual({ before: { months: 60 } });
    // Before the introduction the nearest (first) variant is used for validation.
    expect(ruleFor(NATIONAL_SCHEDULE, 'IPV2', '2022-01-01')).toBe(y2023);
  });
});

describe('age limits', () => {
  it('define "6 months 29 days" as calendar months, then days', () => {
    expect(lastAllowedDay('2024-01-15', { through: { months: 6, days: 29 } })).toBe('2024-08-13');
    // Born on the 31st: 6 months lands on 29 Feb (month end), then 29 days.
    expect(lastAllowedDay('2023-08-31', { through: { months: 6, days: 29 } })).toBe('2024-03-29');
    expect(lastAllowedDay('2024-01-15', { before: { months: 12 } })).toBe('2025-01-14');
  });
});

describe('SATUSEHAT source', () => {
  it('pairs primarySource with the performer function', () => {
    expect(satusehatSource(true)).toEqual({ primarySource: true, performerFunction: 'AP' });
    expect(satusehatSource(false)).toEqual({ primarySource: false, performerFunction: 'EP' });
  });
});
