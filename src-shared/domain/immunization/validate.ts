/**
 * Dose validation. A dose that breaks a rule can still be saved with a reason (catch-up, a dose
 * copied from the Buku KIA, a clinical decision), so rules return issues, never throw.
 *
 * Day counting: ages and intervals are whole calendar days between ISO dates; the birth day is
 * age 0 days. A minimum is met ON the day it is reached (4 weeks after 1 Mar is 29 Mar: allowed);
 * a maximum {@link AgeLimit} names the last allowed day (inclusive).
 */
import { dateLabel, daysBetween, isIsoDate } from '../dates';
import { issue, type Issue, type Label } from '../refusal';
import type { DoseCode, Series } from './codes';
import { DOSE_LABELS } from './codes';
import { addDuration, formatAge, formatAgeLimit, formatDuration, lastAllowedDay } from './duration';
import type { DoseRule, ImmunizationSchedule } from './schedule';
import { codeOf, ruleAppliesOn, ruleFor } from './schedule';

/** A dose in the child's history (given here or copied from the Buku KIA). */
export interface DoseRecord {
  readonly code: DoseCode;
  /** ISO date the dose was given. */
  readonly date: string;
}

/** A dose about to be saved. */
export interface ProposedDose extends DoseRecord {
  /**
   * Hours from birth to the dose, when both times are known (HB0's 24-hour ideal). Without it,
   * only the dates count: a dose on the birth day or the next day may be within 24 h and is not
   * flagged; from the second day after birth it is certainly later than 24 h.
   */
  readonly hoursAfterBirth?: number;
}

export const DOSE_ISSUE_CODES = [
  'INVALID_DATE',
  'UNKNOWN_DOSE',
  'BEFORE_BIRTH',
  'BEFORE_MIN_AGE',
  'AFTER_MAX_AGE',
  'TOO_SOON',
  'DOSE_ORDER',
  'DUPLICATE',
  'NOT_NEEDED',
  'HB0_LATE',
  'NOT_IN_PROGRAMME',
] as const;
export type DoseIssueCode = (typeof DOSE_ISSUE_CODES)[number];

/**
 * One problem with a dose. `severity: 'break'` needs a reason to save; `'notice'` is shown but
 * needs nothing. `field` and `message` are bilingual like a refusal's (`toFieldIssues`).
 */
export interface DoseIssue extends Issue<DoseIssueCode> {
  readonly path: 'date' | 'code' | 'birthDate';
}

const FIELD: Readonly<Record<DoseIssue['path'], Label>> = {
  date: { id: 'Tanggal imunisasi', en: 'Immunisation date' },
  code: { id: 'Jenis/dosis imunisasi', en: 'Vaccine and dose' },
  birthDate: { id: 'Tanggal lahir', en: 'Date of birth' },
};

function doseIssue(
  code: DoseIssueCode,
  severity: DoseIssue['severity'],
  path: DoseIssue['path'],
  problem: Label,
): DoseIssue {
  return issue(code, severity, path, FIELD[path], problem);
}

/** Series and dose number of each code in a schedule. */
function doseIndex(
  schedule: ImmunizationSchedule,
): Map<DoseCode, { series: Series; dose: number }> {
  const index = new Map<DoseCode, { series: Series; dose: number }>();
  for (const r of schedule.doses) index.set(r.code, { series: r.series, dose: r.dose });
  return index;
}

/** The earliest record of each code (a duplicate entry never moves a dose later). */
export function firstByCode(history: readonly DoseRecord[]): Map<DoseCode, DoseRecord> {
  const first = new Map<DoseCode, DoseRecord>();
  for (const r of history) {
    const seen = first.get(r.code);
    if (!seen || r.date < seen.date) first.set(r.code, r);
  }
  return first;
}

/**
 * Minimum interval from the previous dose (given on `previousDate`) for `rule`, taking the
 * alternative interval into account (PCV2 after a PCV1 given at ≥ 12 months: 8 weeks).
 */
export function intervalAfter(
  rule: DoseRule,
  birthDate: string,
  previousDate: string,
): DoseRule['minInterval'] {
  if (rule.altInterval && previousDate >= addDuration(birthDate, rule.altInterval.previousAtAge)) {
    return rule.altInterval.minInterval;
  }
  return rule.minInterval;
}

/**
 * Whether `rule` is not needed because its series started late (PCV: first dose at ≥ 12 months
 * needs no PCV3; at ≥ 24 months needs no PCV2 either).
 */
export function notNeeded(
  rule: DoseRule,
  birthDate: string,
  firstDoseDate: string | undefined,
): boolean {
  return (
    rule.notNeededIfStartedAtAge !== undefined &&
    firstDoseDate !== undefined &&
    firstDoseDate >= addDuration(birthDate, rule.notNeededIfStartedAtAge)
  );
}

/**
 * The rule breaks (and notices) of saving `proposed` for a child born on `birthDate` whose other
 * doses are `history` (leave the record being edited out of it).
 */
export function validateDose(
  birthDate: string,
  history: readonly DoseRecord[],
  proposed: ProposedDose,
  schedule: ImmunizationSchedule,
): DoseIssue[] {
  if (!isIsoDate(birthDate)) {
    return [
      doseIssue('INVALID_DATE', 'break', 'birthDate', {
        id: `tidak valid (${birthDate}).`,
        en: `is not valid (${birthDate}).`,
      }),
    ];
  }
  if (!isIsoDate(proposed.date)) {
    return [
      doseIssue('INVALID_DATE', 'break', 'date', {
        id: `tidak valid (${proposed.date}).`,
        en: `is not valid (${proposed.date}).`,
      }),
    ];
  }
  const { date, code } = proposed;
  const rule = ruleFor(schedule, code, date);
  if (!rule) {
    return [
      doseIssue('UNKNOWN_DOSE', 'break', 'code', {
        id: `${code} tidak ada dalam jadwal ${schedule.id}.`,
        en: `${code} is not in schedule ${schedule.id}.`,
      }),
    ];
  }
  const label = DOSE_LABELS[code];
  const on = dateLabel(date);
  const born = dateLabel(birthDate);
  if (date < birthDate) {
    return [
      doseIssue('BEFORE_BIRTH', 'break', 'date', {
        id: `${on.id} sebelum tanggal lahir anak (${born.id}).`,
        en: `${on.en} is before the child's date of birth (${born.en}).`,
      }),
    ];
  }

  const issues: DoseIssue[] = [];
  const index = doseIndex(schedule);
  const given = firstByCode(history.filter((r) => isIsoDate(r.date)));

  const duplicate = given.get(code);
  if (duplicate) {
    const then = dateLabel(duplicate.date);
    issues.push(
      doseIssue('DUPLICATE', 'break', 'code', {
        id: `${label.id} sudah tercatat pada ${then.id}.`,
        en: `${label.en} is already recorded on ${then.en}.`,
      }),
    );
  }

  if (rule.minAge) {
    const earliest = addDuration(birthDate, rule.minAge);
    if (date < earliest) {
      const [age, min, first] = [
        formatAge(birthDate, date),
        formatDuration(rule.minAge),
        dateLabel(earliest),
      ];
      issues.push(
        doseIssue('BEFORE_MIN_AGE', 'break', 'date', {
          id: `${label.id} diberikan pada umur ${age.id}, sebelum umur minimal ${min.id} (paling cepat ${first.id}).`,
          en: `${label.en} given at age ${age.en}, before the minimum age of ${min.en} (${first.en} at the earliest).`,
        }),
      );
    }
  }

  let afterMax = false;
  if (rule.maxAge) {
    const last = lastAllowedDay(birthDate, rule.maxAge);
    if (date > last) {
      afterMax = true;
      const [age, limit, lastDay] = [
        formatAge(birthDate, date),
        formatAgeLimit(rule.maxAge),
        dateLabel(last),
      ];
      issues.push(
        doseIssue('AFTER_MAX_AGE', 'break', 'date', {
          id: `${label.id} diberikan pada umur ${age.id}, melewati batas ${limit.id} (paling lambat ${lastDay.id}).`,
          en: `${label.en} given at age ${age.en}, past the age limit (${limit.en}; ${lastDay.en} at the latest).`,
        }),
      );
    }
  }

  if (rule.idealWithinHours !== undefined && !afterMax) {
    const ageDays = daysBetween(birthDate, date);
    const hours = rule.idealWithinHours;
    const late =
      proposed.hoursAfterBirth !== undefined
        ? proposed.hoursAfterBirth > hours
        : (ageDays - 1) * 24 >= hours;
    if (late) {
      issues.push(
        doseIssue('HB0_LATE', 'notice', 'date', {
          id: `${label.id} diberikan lebih dari ${hours} jam setelah lahir (umur ${ageDays} hari); tetap dicatat sebagai ${label.id}, terlambat dari waktu ideal.`,
          en: `${label.en} given more than ${hours} hours after birth (age ${ageDays} days); still recorded as ${label.en}, later than the ideal time.`,
        }),
      );
    }
  }

  if (rule.dose > 1) {
    const previousCode = codeOf(schedule, rule.series, rule.dose - 1);
    const previous = previousCode ? given.get(previousCode) : undefined;
    const previousLabel: Label = previousCode
      ? DOSE_LABELS[previousCode]
      : { id: `dosis ${rule.dose - 1}`, en: `dose ${rule.dose - 1}` };
    if (!previous) {
      issues.push(
        doseIssue('DOSE_ORDER', 'break', 'code', {
          id: `${label.id} dicatat, tetapi ${previousLabel.id} belum tercatat.`,
          en: `${label.en} is recorded, but ${previousLabel.en} is not recorded yet.`,
        }),
      );
    } else if (previous.date > date) {
      const then = dateLabel(previous.date);
      issues.push(
        doseIssue('DOSE_ORDER', 'break', 'code', {
          id: `${previousLabel.id} tercatat pada ${then.id}, sesudah ${label.id} (${on.id}).`,
          en: `${previousLabel.en} is recorded on ${then.en}, after ${label.en} (${on.en}).`,
        }),
      );
    } else {
      const interval = intervalAfter(rule, birthDate, previous.date);
      if (interval) {
        const earliest = addDuration(previous.date, interval);
        if (date < earliest) {
          const days = daysBetween(previous.date, date);
          const [then, min, first] = [
            dateLabel(previous.date),
            formatDuration(interval),
            dateLabel(earliest),
          ];
          issues.push(
            doseIssue('TOO_SOON', 'break', 'date', {
              id: `jarak ${label.id} dari ${previousLabel.id} (${then.id}) baru ${days} hari; minimal ${min.id} (paling cepat ${first.id}).`,
              en: `${label.en} is only ${days} days after ${previousLabel.en} (${then.en}); the minimum is ${min.en} (${first.en} at the earliest).`,
            }),
          );
        }
      }
    }
  }

  for (const [otherCode, record] of given) {
    const other = index.get(otherCode);
    if (other && other.series === rule.series && other.dose > rule.dose && record.date <= date) {
      const [otherLabel, then] = [DOSE_LABELS[otherCode], dateLabel(record.date)];
      issues.push(
        doseIssue('DOSE_ORDER', 'break', 'code', {
          id: `${otherLabel.id} sudah tercatat pada ${then.id}, tidak sesudah ${label.id} (${on.id}).`,
          en: `${otherLabel.en} is already recorded on ${then.en}, not after ${label.en} (${on.en}).`,
        }),
      );
    }
  }

  const firstCode = codeOf(schedule, rule.series, 1);
  const firstDate = firstCode === code ? date : firstCode ? given.get(firstCode)?.date : undefined;
  if (rule.notNeededIfStartedAtAge && notNeeded(rule, birthDate, firstDate)) {
    const from = formatDuration(rule.notNeededIfStartedAtAge);
    issues.push(
      doseIssue('NOT_NEEDED', 'notice', 'code', {
        id: `${label.id} tidak diperlukan: dosis pertama diberikan pada umur ${from.id} atau lebih.`,
        en: `${label.en} is not needed: the first dose was given at age ${from.en} or older.`,
      }),
    );
  }

  if (!ruleAppliesOn(rule, date)) {
    issues.push(
      doseIssue('NOT_IN_PROGRAMME', 'notice', 'code', {
        id: `${label.id} belum/tidak lagi termasuk jadwal program pada ${on.id}.`,
        en: `${label.en} is not (yet, or no longer) in the programme schedule on ${on.en}.`,
      }),
    );
  } else if (rule.eligibleBornFrom && birthDate < rule.eligibleBornFrom) {
    const from = dateLabel(rule.eligibleBornFrom);
    issues.push(
      doseIssue('NOT_IN_PROGRAMME', 'notice', 'code', {
        id: `anak lahir ${born.id}, di luar kelompok sasaran program ${label.id} (lahir mulai ${from.id}).`,
        en: `child born ${born.en}, outside the target group of the ${label.en} programme (born from ${from.en}).`,
      }),
    );
  }

  return issues;
}

/** Whether saving needs a reason (at least one rule break, not just notices). */
export function needsReason(issues: readonly DoseIssue[]): boolean {
  return issues.some((i) => i.severity === 'break');
}

/** Every record of a history validated against the others (for back-entered Buku KIA data). */
export function validateHistory(
  birthDate: string,
  history: readonly DoseRecord[],
  schedule: ImmunizationSchedule,
): { record: DoseRecord; issues: DoseIssue[] }[] {
  return history.map((record, i) => ({
    record,
    issues: validateDose(
      birthDate,
      history.filter((_, j) => j !== i),
      record,
      schedule,
    ),
  }));
}
