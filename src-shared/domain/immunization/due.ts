/**
 * Due list: which doses a child should get now, which are overdue and which come soon; and the
 * sasaran imunisasi of a posyandu/puskesmas session.
 *
 * Definitions (dates are ISO calendar dates, birth day = age 0):
 * - earliest date: the latest of birth + minimum age, previous dose + minimum interval (from the
 *   dose actually recorded) and the date the rule entered the programme;
 * - due date: the later of birth + recommended age and the earliest date;
 * - latest date: the last allowed day (maximum age, or the end of the rule variant);
 * - `due` on day D: due date ≤ D ≤ due date + grace; `overdue`: D > due date + grace;
 *   `upcoming`: D < due date ≤ horizon (the next session date when given, else D + upcomingDays);
 * - a dose whose earliest date is after its latest date, or whose latest date has passed, is
 *   "no longer allowed" and leaves the list (RV after 6 months 29 days, HB0 after 7 days,
 *   BCG from 12 months).
 * Only the next dose of each series is listed: OPV2 appears once OPV1 is recorded.
 */
import { inForce, type ReferenceSet } from '../reference';
import { addDays } from '../dates';
import type { DoseCode, Series } from './codes';
import { DOSE_CODES } from './codes';
import type { AgeLimit, Duration } from './duration';
import { addDuration, lastAllowedDay, laterOf } from './duration';
import type { DoseRule, ImmunizationSchedule } from './schedule';
import { codeOf, ruleVariants } from './schedule';
import type { DoseRecord } from './validate';
import { firstByCode, intervalAfter, notNeeded } from './validate';

/** How the due list is drawn: grace before "overdue", look-ahead, ages tracked. */
export interface DueListRules extends ReferenceSet {
  /** A dose turns overdue the day after due date + this grace. */
  readonly overdueGrace: Duration;
  /** Look-ahead in days for `upcoming` when no next session date is given. */
  readonly upcomingDays: number;
  /** Children older than this limit get no due list (routine programme ends with balita). */
  readonly trackUntil: AgeLimit;
}

export const DUE_LIST_RULES: readonly DueListRules[] = [
  {
    id: 'jatuh-tempo.bawaan-2017',
    title: 'Aturan daftar imunisasi jatuh tempo (bawaan aplikasi)',
    validFrom: '2017-01-01',
    source:
      '[GK/UNCONFIRMED: app convention, no Kemenkes definition of "terlambat" found] grace 1 month (one posyandu cycle), look-ahead 30 days, tracked until < 60 months (balita; IPV2 catch-up to 59 months [S: Dirjen P2P IPV2 letter 2023])',
    overdueGrace: { months: 1 },
    upcomingDays: 30,
    trackUntil: { before: { months: 60 } },
  },
];

/** The due-list rules in force on `date`, else the first shipped ones (back-entered history). */
export function dueRulesOn(date: string): DueListRules {
  return inForce(DUE_LIST_RULES, date) ?? DUE_LIST_RULES[0]!;
}

export type DueStatus = 'due' | 'overdue' | 'upcoming';

export interface DueDose {
  readonly code: DoseCode;
  readonly status: DueStatus;
  /** Recommended date, moved later by an interval or programme start when needed. */
  readonly dueDate: string;
  /** First day the dose may be given without a rule break. */
  readonly earliestDate: string;
  /** Last day it may be given, when there is a limit. */
  readonly latestDate?: string;
  /** Last day it still counts as `due`; from the next day it is `overdue`. */
  readonly overdueAfter: string;
}

export interface DueList {
  readonly on: string;
  readonly due: DueDose[];
  readonly overdue: DueDose[];
  readonly upcoming: DueDose[];
  /** Next doses that can no longer be given (window closed), with their last allowed day. */
  readonly noLongerAllowed: { readonly code: DoseCode; readonly latestDate: string }[];
}

export interface DueOptions {
  /** Include regional antigens (JE) — set where the kab/kota is in the JE programme. */
  readonly includeRegional?: boolean;
  /** Next posyandu/session date: `upcoming` then means "due by that session". */
  readonly nextSessionDate?: string;
}

interface Window {
  readonly earliest: string;
  readonly latest?: string;
  readonly due: string;
}

function windowOf(
  rule: DoseRule,
  birthDate: string,
  previous: DoseRecord | undefined,
): Window | undefined {
  if (rule.eligibleBornFrom && birthDate < rule.eligibleBornFrom) return undefined;
  let earliest = rule.minAge ? addDuration(birthDate, rule.minAge) : birthDate;
  if (previous) {
    const interval = intervalAfter(rule, birthDate, previous.date);
    earliest = laterOf(earliest, interval ? addDuration(previous.date, interval) : previous.date);
  }
  if (rule.appliesFrom) earliest = laterOf(earliest, rule.appliesFrom);
  let latest = rule.maxAge ? lastAllowedDay(birthDate, rule.maxAge) : undefined;
  if (rule.appliesTo) {
    const end = addDays(rule.appliesTo, -1);
    latest = latest === undefined || end < latest ? end : latest;
  }
  const recommended = rule.recommendedAge ? addDuration(birthDate, rule.recommendedAge) : birthDate;
  return { earliest, latest, due: laterOf(recommended, earliest) };
}

const ORDER = new Map<DoseCode, number>(DOSE_CODES.map((c, i) => [c, i]));
const bySchedule = (a: { code: DoseCode }, b: { code: DoseCode }): number =>
  (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0);

/**
 * The due list of a child born on `birthDate` with `history`, on date `on`.
 * BIAS doses (given by school class) are not included.
 */
export function dueList(
  birthDate: string,
  history: readonly DoseRecord[],
  on: string,
  schedule: ImmunizationSchedule,
  rules: DueListRules,
  options: DueOptions = {},
): DueList {
  const result: DueList = { on, due: [], overdue: [], upcoming: [], noLongerAllowed: [] };
  if (on < birthDate || on > lastAllowedDay(birthDate, rules.trackUntil)) return result;

  const given = firstByCode(history);
  const horizon = options.nextSessionDate ?? addDays(on, rules.upcomingDays);
  const routine = schedule.doses.filter(
    (r) => r.setting === 'routine' && (!r.regional || options.includeRegional === true),
  );
  const series = [...new Set(routine.map((r) => r.series))];

  for (const s of series) {
    const next = nextDose(routine, s, given);
    if (!next) continue;
    const previousCode = next.dose > 1 ? codeOf(schedule, s, next.dose - 1) : undefined;
    const previous = previousCode ? given.get(previousCode) : undefined;
    const firstCode = codeOf(schedule, s, 1);
    const firstDate = firstCode ? given.get(firstCode)?.date : undefined;
    const variants = ruleVariants(schedule, next.code).filter((r) => routine.includes(r));
    if (variants.some((v) => notNeeded(v, birthDate, firstDate))) continue;

    const windows = variants
      .map((v) => windowOf(v, birthDate, previous))
      .filter((w): w is Window => w !== undefined);
    if (windows.length === 0) continue;
    const open = windows
      .filter((w) => (w.latest === undefined || w.earliest <= w.latest) && (w.latest ?? on) >= on)
      .sort((a, b) => (a.earliest < b.earliest ? -1 : 1));
    const chosen = open[0];
    if (!chosen) {
      const latestDate = windows.map((w) => w.latest ?? on).reduce((a, b) => (a > b ? a : b));
      result.noLongerAllowed.push({ code: next.code, latestDate });
      continue;
    }
    const overdueAfter = addDuration(chosen.due, rules.overdueGrace);
    const base = {
      code: next.code,
      dueDate: chosen.due,
      earliestDate: chosen.earliest,
      ...(chosen.latest !== undefined ? { latestDate: chosen.latest } : {}),
      overdueAfter,
    };
    if (chosen.due <= on) {
      if (on > overdueAfter) result.overdue.push({ ...base, status: 'overdue' });
      else result.due.push({ ...base, status: 'due' });
    } else if (chosen.due <= horizon) {
      result.upcoming.push({ ...base, status: 'upcoming' });
    }
  }
  result.due.sort(bySchedule);
  result.overdue.sort(bySchedule);
  result.upcoming.sort(bySchedule);
  result.noLongerAllowed.sort(bySchedule);
  return result;
}

/** The lowest-numbered dose of a series not yet recorded. */
function nextDose(
  routine: readonly DoseRule[],
  series: Series,
  given: ReadonlyMap<DoseCode, DoseRecord>,
): DoseRule | undefined {
  return routine
    .filter((r) => r.series === series && !given.has(r.code))
    .sort((a, b) => a.dose - b.dose)[0];
}

export interface SessionChild {
  readonly id: string;
  readonly birthDate: string;
  readonly history: readonly DoseRecord[];
}

export interface SessionTarget {
  readonly childId: string;
  /** Doses to give at the session: overdue and due, in schedule order. */
  readonly doses: DueDose[];
}

/**
 * Sasaran imunisasi for a session on `sessionDate`: the children with at least one dose due or
 * overdue that day, in the order given, with those doses.
 */
export function sessionTargets(
  children: readonly SessionChild[],
  sessionDate: string,
  schedule: ImmunizationSchedule,
  rules: DueListRules,
  options: Pick<DueOptions, 'includeRegional'> = {},
): SessionTarget[] {
  return children
    .map((child) => {
      const list = dueList(child.birthDate, child.history, sessionDate, schedule, rules, options);
      return { childId: child.id, doses: [...list.overdue, ...list.due].sort(bySchedule) };
    })
    .filter((t) => t.doses.length > 0);
}
