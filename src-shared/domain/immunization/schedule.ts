/**
 * The national routine immunisation schedule (bayi, baduta, BIAS) as versioned reference data.
 *
 * Two levels of history:
 * - the schedule as a whole is a {@link ReferenceSet} (`validFrom`/`validTo`), chosen with
 *   {@link scheduleInForce}; a Dinkes can supply its own set (e.g. its PCV start date);
 * - within a set, a dose may have several rule variants, each applying to doses given from
 *   `appliesFrom` (inclusive) to `appliesTo` (exclusive). That is how RV (national from
 *   15 Aug 2023), PCV (phased 2022–2023) and IPV2 (2023 introduction rules, then 2024 rules)
 *   enter the schedule without rewriting it.
 *
 * Certainty tags follow the domain reference: [S: source] found in a source, [GK] general
 * knowledge (strong default, keep configurable), [UNCONFIRMED] uncertain.
 */
import type { ReferenceSet } from '../reference';
import { inForce } from '../reference';
import type { DoseCode, Programme, Series } from './codes';
import type { AgeLimit, Duration } from './duration';

/** One dose of one series, as the schedule describes it. */
export interface DoseRule {
  readonly code: DoseCode;
  readonly series: Series;
  /** Dose number within the series (1-based). The previous dose is `dose - 1` of the series. */
  readonly dose: number;
  readonly programme: Programme;
  /** `routine`: bayi/baduta, given by age. `bias`: school programme, given by class (grade). */
  readonly setting: 'routine' | 'bias';
  /** Recommended age (routine doses). The due date is birth + this, or later if an interval requires. */
  readonly recommendedAge?: Duration;
  /** School class in which a BIAS dose is given. */
  readonly schoolGrade?: number;
  /** Earliest age; a dose given earlier is a rule break. Absent = from birth. */
  readonly minAge?: Duration;
  /** Latest age (inclusive, see {@link AgeLimit}); later is a rule break and the dose leaves the due list. */
  readonly maxAge?: AgeLimit;
  /** Minimum interval from the previous dose of the same series. */
  readonly minInterval?: Duration;
  /** A different minimum interval when the previous dose was given at or after `previousAtAge`. */
  readonly altInterval?: { readonly previousAtAge: Duration; readonly minInterval: Duration };
  /** The dose is not needed when the series' first dose was given at or after this age (catch-up courses). */
  readonly notNeededIfStartedAtAge?: Duration;
  /** Ideal time after birth, in hours (HB0: 24). Later, within `maxAge`, is only a notice. */
  readonly idealWithinHours?: number;
  /** This variant applies to doses given on or after this ISO date. */
  readonly appliesFrom?: string;
  /** This variant applies to doses given before this ISO date (exclusive). */
  readonly appliesTo?: string;
  /** Programme cohort: only children born on or after this ISO date are targeted. */
  readonly eligibleBornFrom?: string;
  /** Regional antigen (JE): only on the due list where the settings enable it. */
  readonly regional?: boolean;
  /** Source and certainty of the facts in this rule. */
  readonly source: string;
}

export interface ImmunizationSchedule extends ReferenceSet {
  /** Dose rules in schedule order; a code may appear more than once (variants by date). */
  readonly doses: readonly DoseRule[];
}

const SLIDE = 'Kemenkes P2P PCV slide (slideshare 252978209)';
const PMK12 = 'Permenkes 12/2017 Penyelenggaraan Imunisasi';
const SE_RV = 'SE Dirjen P2P IM.02.02/C/3052/2023 (3 Jul 2023)';
const PCV_SLIDE = 'puskesmas PCV slide, id.scribd.com/presentation/698629842';
const IPV2_LETTER =
  'Dirjen P2P letter on IPV2 introduction, 31 May 2023 (id.scribd.com/document/660316645); KMK HK.01.07/MENKES/1453/2022';

const FOUR_WEEKS: Duration = { weeks: 4 };
/** RV: "dosis terakhir diberikan pada bayi usia 6 bulan 29 hari" [S: SE_RV]. */
const RV_MAX_AGE: AgeLimit = { through: { months: 6, days: 29 } };

/**
 * The national routine schedule, with each fact's source. Rules for 2017 onwards; the dates of
 * the newer antigens are per-dose `appliesFrom`.
 */
export const NATIONAL_SCHEDULE: ImmunizationSchedule = {
  id: 'imunisasi.nasional-2017',
  title: 'Jadwal imunisasi rutin nasional (Permenkes 12/2017 dan perubahan 2022–2024)',
  validFrom: '2017-01-01',
  source: `${PMK12} [GK: date of effect taken as 1 Jan 2017]; ${SLIDE}; ${SE_RV}; ${IPV2_LETTER}`,
  doses: [
    {
      code: 'HB0',
      series: 'HB0',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { days: 0 },
      maxAge: { through: { days: 7 } },
      idealWithinHours: 24,
      source: `< 24 h [S: ${SLIDE}]; up to 7 days ("HB0 0–7 hari") [GK: ${PMK12}]`,
    },
    {
      code: 'BCG',
      series: 'BCG',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 1 },
      maxAge: { before: { months: 12 } },
      source: `1 month [S: ${SLIDE}]; from birth, up to < 1 year without tuberculin test [GK: ${PMK12}]`,
    },
    ...opv(),
    ...dptHbHib(),
    ...pcv(),
    ...rv(),
    {
      code: 'IPV1',
      series: 'IPV',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 4 },
      minAge: { weeks: 14 },
      source: `4 months with OPV4 [S: ${SLIDE}]; min age 14 weeks [GK: WHO polio position paper]`,
    },
    {
      code: 'IPV2',
      series: 'IPV',
      dose: 2,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 9 },
      minAge: { months: 9 },
      maxAge: { before: { months: 12 } },
      minInterval: FOUR_WEEKS,
      appliesFrom: '2023-06-12',
      appliesTo: '2024-01-01',
      eligibleBornFrom: '2022-06-13',
      source: `2023 national introduction from 12 Jun 2023: age 9–11 months, born from 13 Jun 2022, ≥ 4 weeks after IPV1, no catch-up ≥ 12 months [S: ${IPV2_LETTER}]; Banten, DKI Jakarta and Jawa Barat began 1 Dec 2022 (local variant) [S: kompas.com 2022-12-03]`,
    },
    {
      code: 'IPV2',
      series: 'IPV',
      dose: 2,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 9 },
      minAge: { months: 9 },
      maxAge: { before: { months: 60 } },
      minInterval: { months: 4 },
      appliesFrom: '2024-01-01',
      source: `from 2024: at 9 months with MR, ≥ 4 months after IPV1, catch-up up to 59 months [S: ${IPV2_LETTER}]`,
    },
    {
      code: 'MR1',
      series: 'MR',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 9 },
      minAge: { months: 9 },
      source: `9 months [S: ${SLIDE}]; min age 9 months [GK: ${PMK12}]`,
    },
    {
      code: 'JE',
      series: 'JE',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 10 },
      minAge: { months: 9 },
      regional: true,
      source: `10 months, selected kab/kota only [S: ${SLIDE}]; min age 9 months [GK]`,
    },
    {
      code: 'DPT_HB_HIB4',
      series: 'DPT_HB_HIB',
      dose: 4,
      programme: 'baduta',
      setting: 'routine',
      recommendedAge: { months: 18 },
      minAge: { months: 18 },
      minInterval: { months: 12 },
      source: `18 months [S: ${SLIDE}]; ≥ 12 months after DPT-HB-Hib 3 and min age 18 months [GK: ${PMK12} Tabel 2]`,
    },
    {
      code: 'MR2',
      series: 'MR',
      dose: 2,
      programme: 'baduta',
      setting: 'routine',
      recommendedAge: { months: 18 },
      minAge: { months: 18 },
      minInterval: { months: 6 },
      source: `18 months [S: ${SLIDE}]; ≥ 6 months after MR1 and min age 18 months [GK: ${PMK12} Tabel 2]`,
    },
    bias('BIAS_DT', 'BIAS_DT', 1, 1),
    bias('BIAS_MR', 'BIAS_MR', 1, 1),
    bias('BIAS_TD_K2', 'BIAS_TD', 1, 2),
    bias('BIAS_TD_K5', 'BIAS_TD', 2, 5),
    bias('HPV1', 'HPV', 1, 5),
    {
      ...bias('HPV2', 'HPV', 2, 6),
      minInterval: { months: 6 },
      source: `class 6 SD [S: ${SLIDE}]; national since ~2023 [GK]; min interval 6 months [GK/UNCONFIRMED: WHO]`,
    },
  ],
};

function opv(): DoseRule[] {
  return [1, 2, 3, 4].map((dose) => ({
    code: `OPV${dose}` as DoseCode,
    series: 'OPV' as const,
    dose,
    programme: 'dasar' as const,
    setting: 'routine' as const,
    recommendedAge: { months: dose },
    ...(dose > 1 ? { minInterval: FOUR_WEEKS } : {}),
    source:
      dose === 1
        ? `1 month [S: ${SLIDE}]; from birth (before discharge) [GK: ${PMK12}]`
        : `${dose} months [S: ${SLIDE}]; ≥ 4 weeks after the previous OPV [GK: ${PMK12} "1 bulan" / WHO 4 weeks]`,
  }));
}

function dptHbHib(): DoseRule[] {
  return [1, 2, 3].map((dose) => ({
    code: `DPT_HB_HIB${dose}` as DoseCode,
    series: 'DPT_HB_HIB' as const,
    dose,
    programme: 'dasar' as const,
    setting: 'routine' as const,
    recommendedAge: { months: dose + 1 },
    ...(dose === 1 ? { minAge: { weeks: 6 } } : { minInterval: FOUR_WEEKS }),
    source:
      dose === 1
        ? `2 months [S: ${SLIDE}]; min age 6 weeks [GK: WHO / vaccine label]`
        : `${dose + 1} months [S: ${SLIDE}]; ≥ 4 weeks after the previous dose [GK: ${PMK12}]`,
  }));
}

function pcv(): DoseRule[] {
  const appliesFrom = '2022-09-01';
  const phased = `national roll-out phased by kab/kota 2022–2023 [S: ${SLIDE} "bertahap"]; start date 1 Sep 2022 [UNCONFIRMED: set the district's own start]`;
  return [
    {
      code: 'PCV1',
      series: 'PCV',
      dose: 1,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 2 },
      minAge: { weeks: 6 },
      maxAge: { before: { months: 60 } },
      appliesFrom,
      source: `2 months [S: ${SLIDE}]; min age 6 weeks [GK: WHO]; one dose still allowed up to < 5 years [S: ${PCV_SLIDE}]; ${phased}`,
    },
    {
      code: 'PCV2',
      series: 'PCV',
      dose: 2,
      programme: 'dasar',
      setting: 'routine',
      recommendedAge: { months: 3 },
      minInterval: FOUR_WEEKS,
      altInterval: { previousAtAge: { months: 12 }, minInterval: { weeks: 8 } },
      maxAge: { before: { months: 24 } },
      notNeededIfStartedAtAge: { months: 24 },
      appliesFrom,
      source: `3 months, ≥ 4 weeks after PCV1 [S: ${SLIDE}; ${PCV_SLIDE}]; started at ≥ 12 months: 2 doses ≥ 8 weeks apart before 24 months; started at ≥ 24 months: 1 dose only [S: ${PCV_SLIDE}]`,
    },
    {
      code: 'PCV3',
      series: 'PCV',
      dose: 3,
      programme: 'baduta',
      setting: 'routine',
      recommendedAge: { months: 12 },
      minAge: { months: 12 },
      minInterval: { weeks: 8 },
      maxAge: { before: { months: 24 } },
      notNeededIfStartedAtAge: { months: 12 },
      appliesFrom,
      source: `12 months [S: ${SLIDE}]; ≥ 8 weeks after PCV2, up to 24 months; not needed when PCV1 was given at ≥ 12 months [S: ${PCV_SLIDE}]`,
    },
  ];
}

function rv(): DoseRule[] {
  return [1, 2, 3].map((dose) => ({
    code: `RV${dose}` as DoseCode,
    series: 'RV' as const,
    dose,
    programme: 'dasar' as const,
    setting: 'routine' as const,
    recommendedAge: { months: dose + 1 },
    ...(dose === 1 ? { minAge: { weeks: 6 } } : { minInterval: FOUR_WEEKS }),
    maxAge: RV_MAX_AGE,
    appliesFrom: '2023-08-15',
    eligibleBornFrom: '2023-05-16',
    source: `2, 3, 4 months, ≥ 4 weeks apart, last dose by 6 months 29 days, national from 15 Aug 2023 for infants born from 16 May 2023 [S: ${SE_RV}]; phased in 21 kab/kota from Nov 2022 (local variant); min age 6 weeks for RV1 [GK: WHO]`,
  }));
}

function bias(code: DoseCode, series: Series, dose: number, schoolGrade: number): DoseRule {
  return {
    code,
    series,
    dose,
    programme: 'bias',
    setting: 'bias',
    schoolGrade,
    source: `BIAS kelas ${schoolGrade} SD [S: ${SLIDE}]`,
  };
}

/** All schedule versions shipped with the app. */
export const IMMUNIZATION_SCHEDULES: readonly ImmunizationSchedule[] = [NATIONAL_SCHEDULE];

/** The schedule set in force on `date` (ISO), or undefined when none is. */
export function scheduleInForce(
  schedules: readonly ImmunizationSchedule[],
  date: string,
): ImmunizationSchedule | undefined {
  return inForce(schedules, date);
}

/** The shipped schedule in force on `date`, else the national one (back-entered history). */
export function scheduleOn(date: string): ImmunizationSchedule {
  return scheduleInForce(IMMUNIZATION_SCHEDULES, date) ?? NATIONAL_SCHEDULE;
}

/** Whether a rule variant applies to a dose given on `date`. */
export function ruleAppliesOn(rule: DoseRule, date: string): boolean {
  return (
    (rule.appliesFrom === undefined || rule.appliesFrom <= date) &&
    (rule.appliesTo === undefined || date < rule.appliesTo)
  );
}

/** All variants of a dose in a schedule, earliest first. */
export function ruleVariants(schedule: ImmunizationSchedule, code: DoseCode): DoseRule[] {
  return schedule.doses
    .filter((r) => r.code === code)
    .sort((a, b) => ((a.appliesFrom ?? '') < (b.appliesFrom ?? '') ? -1 : 1));
}

/**
 * The rule for a dose given on `date`: the variant applying on that date, else the nearest one
 * (the first variant when the date is before the antigen entered the programme, the last one
 * when after all ended). Undefined only for a code the schedule does not contain.
 */
export function ruleFor(
  schedule: ImmunizationSchedule,
  code: DoseCode,
  date: string,
): DoseRule | undefined {
  const variants = ruleVariants(schedule, code);
  const applying = variants.find((r) => ruleAppliesOn(r, date));
  if (applying) return applying;
  const first = variants[0];
  if (first && first.appliesFrom !== undefined && date < first.appliesFrom) return first;
  return variants[variants.length - 1];
}

/** The dose rules applying to doses given on `date` (the schedule "as it stood" that day). */
export function dosesInForce(schedule: ImmunizationSchedule, date: string): DoseRule[] {
  return schedule.doses.filter((r) => ruleAppliesOn(r, date));
}

/** The dose code of `dose` in `series`, if the schedule has it (e.g. OPV, 2 → OPV2). */
export function codeOf(
  schedule: ImmunizationSchedule,
  series: Series,
  dose: number,
): DoseCode | undefined {
  return schedule.doses.find((r) => r.series === series && r.dose === dose)?.code;
}
