/**
 * Dose validation. A dose that breaks a rule can still be saved with a reason (catch-up, a dose
 * copied from the Buku KIA, a clinical decision), so rules return issues, never throw.
 *
 * Day counting: ages and intervals are whole calendar days between ISO dates; the birth day is
 * age 0 days. A minimum is met ON the day it is reached (4 weeks after 1 Mar is 29 Mar: allowed);
 * a maximum {@link AgeLimit} names the last allowed day (inclusive).
 */
import { daysBetween, isIsoDate } from '../dates';
import type { DoseCode, Series } from './codes';
import { DOSE_LABELS } from './codes';
import {
  addDuration,
  formatAge,
  formatAgeLimit,
  formatDuration,
  formatTanggal,
  lastAllowedDay,
} from './duration';
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
 * needs nothing. `path`/`field`/`message` match the app's FieldIssue shape.
 */
export interface DoseIssue {
  readonly code: DoseIssueCode;
  readonly severity: 'break' | 'notice';
  readonly path: 'date' | 'code' | 'birthDate';
  readonly field: string;
  readonly message: string;
}

const FIELD = {
  date: 'Tanggal imunisasi',
  code: 'Jenis/dosis imunisasi',
  birthDate: 'Tanggal lahir',
} as const;

function issue(
  code: DoseIssueCode,
  severity: DoseIssue['severity'],
  path: DoseIssue['path'],
  message: string,
): DoseIssue {
  return { code, severity, path, field: FIELD[path], message: `${FIELD[path]}: ${message}` };
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
    return [issue('INVALID_DATE', 'break', 'birthDate', `tidak valid (${birthDate}).`)];
  }
  if (!isIsoDate(proposed.date)) {
    return [issue('INVALID_DATE', 'break', 'date', `tidak valid (${proposed.date}).`)];
  }
  const { date, code } = proposed;
  const rule = ruleFor(schedule, code, date);
  if (!rule) {
    return [
      issue('UNKNOWN_DOSE', 'break', 'code', `${code} tidak ada dalam jadwal ${schedule.id}.`),
    ];
  }
  const label = DOSE_LABELS[code].id;
  if (date < birthDate) {
    return [
      issue(
        'BEFORE_BIRTH',
        'break',
        'date',
        `${formatTanggal(date)} sebelum tanggal lahir anak (${formatTanggal(birthDate)}).`,
      ),
    ];
  }

  const issues: DoseIssue[] = [];
  const index = doseIndex(schedule);
  const given = firstByCode(history.filter((r) => isIsoDate(r.date)));

  const duplicate = given.get(code);
  if (duplicate) {
    issues.push(
      issue(
        'DUPLICATE',
        'break',
        'code',
        `${label} sudah tercatat pada ${formatTanggal(duplicate.date)}.`,
      ),
    );
  }

  if (rule.minAge) {
    const earliest = addDuration(birthDate, rule.minAge);
    if (date < earliest) {
      issues.push(
        issue(
          'BEFORE_MIN_AGE',
          'break',
          'date',
          `${label} diberikan pada umur ${formatAge(birthDate, date)}, sebelum umur minimal ${formatDuration(rule.minAge)} (paling cepat ${formatTanggal(earliest)}).`,
        ),
      );
    }
  }

  let afterMax = false;
  if (rule.maxAge) {
    const last = lastAllowedDay(birthDate, rule.maxAge);
    if (date > last) {
      afterMax = true;
      issues.push(
        issue(
          'AFTER_MAX_AGE',
          'break',
          'date',
          `${label} diberikan pada umur ${formatAge(birthDate, date)}, melewati batas ${formatAgeLimit(rule.maxAge)} (paling lambat ${formatTanggal(last)}).`,
        ),
      );
    }
  }

  if (rule.idealWithinHours !== undefined && !afterMax) {
    const ageDays = daysBetween(birthDate, date);
    const late =
      proposed.hoursAfterBirth !== undefined
        ? proposed.hoursAfterBirth > rule.idealWithinHours
        : (ageDays - 1) * 24 >= rule.idealWithinHours;
    if (late) {
      issues.push(
        issue(
          'HB0_LATE',
          'notice',
          'date',
          `${label} diberikan lebih dari ${rule.idealWithinHours} jam setelah lahir (umur ${ageDays} hari); tetap dicatat sebagai ${label}, terlambat dari waktu ideal.`,
        ),
      );
    }
  }

  if (rule.dose > 1) {
    const previousCode = codeOf(schedule, rule.series, rule.dose - 1);
    const previous = previousCode ? given.get(previousCode) : undefined;
    const previousLabel = previousCode ? DOSE_LABELS[previousCode].id : `dosis ${rule.dose - 1}`;
    if (!previous) {
      issues.push(
        issue(
          'DOSE_ORDER',
          'break',
          'code',
          `${label} dicatat, tetapi ${previousLabel} belum tercatat.`,
        ),
      );
    } else if (previous.date > date) {
      issues.push(
        issue(
          'DOSE_ORDER',
          'break',
          'code',
          `${previousLabel} tercatat pada ${formatTanggal(previous.date)}, sesudah ${label} (${formatTanggal(date)}).`,
        ),
      );
    } else {
      const interval = intervalAfter(rule, birthDate, previous.date);
      if (interval) {
        const earliest = addDuration(previous.date, interval);
        if (date < earliest) {
          issues.push(
            issue(
              'TOO_SOON',
              'break',
              'date',
              `jarak ${label} dari ${previousLabel} (${formatTanggal(previous.date)}) baru ${daysBetween(previous.date, date)} hari; minimal ${formatDuration(interval)} (paling cepat ${formatTanggal(earliest)}).`,
            ),
          );
        }
      }
    }
  }

  for (const [otherCode, record] of given) {
    const other = index.get(otherCode);
    if (other && other.series === rule.series && other.dose > rule.dose && record.date <= date) {
      issues.push(
        issue(
          'DOSE_ORDER',
          'break',
          'code',
          `${DOSE_LABELS[otherCode].id} sudah tercatat pada ${formatTanggal(record.date)}, tidak sesudah ${label} (${formatTanggal(date)}).`,
        ),
      );
    }
  }

  const firstCode = codeOf(schedule, rule.series, 1);
  const firstDate = firstCode === code ? date : firstCode ? given.get(firstCode)?.date : undefined;
  if (rule.notNeededIfStartedAtAge && notNeeded(rule, birthDate, firstDate)) {
    issues.push(
      issue(
        'NOT_NEEDED',
        'notice',
        'code',
        `${label} tidak diperlukan: dosis pertama diberikan pada umur ${formatDuration(rule.notNeededIfStartedAtAge)} atau lebih.`,
      ),
    );
  }

  if (!ruleAppliesOn(rule, date)) {
    issues.push(
      issue(
        'NOT_IN_PROGRAMME',
        'notice',
        'code',
        `${label} belum/tidak lagi termasuk jadwal program pada ${formatTanggal(date)}.`,
      ),
    );
  } else if (rule.eligibleBornFrom && birthDate < rule.eligibleBornFrom) {
    issues.push(
      issue(
        'NOT_IN_PROGRAMME',
        'notice',
        'code',
        `anak lahir ${formatTanggal(birthDate)}, di luar kelompok sasaran program ${label} (lahir mulai ${formatTanggal(rule.eligibleBornFrom)}).`,
      ),
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
