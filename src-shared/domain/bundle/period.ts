/**
 * Reporting periods (`YYYY-MM`) and the submission deadline of a monthly bundle.
 *
 * A month's bundle is due by `lateDay` of the following month (a Dinkes setting, 10 by
 * default): received on that day it is on time, received the day after it is late. Dates are
 * calendar dates in the Dinkes time zone.
 */
import { isIsoDate, monthName } from '../dates';
import type { Label } from '../refusal';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a period written `YYYY-MM`. */
export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

function parts(period: string): [number, number] {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`Not a period: ${period}`);
  return [Number(m[1]), Number(m[2])];
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The period `months` after (or before, when negative) `period`. */
export function addPeriods(period: string, months: number): string {
  const [y, m] = parts(period);
  const index = y * 12 + (m - 1) + months;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** `2026-10` → `{ id: 'Oktober 2026', en: 'October 2026' }`, for messages. */
export function periodName(period: string): Label {
  const [y, m] = parts(period);
  const name = monthName(m);
  return { id: `${name.id} ${y}`, en: `${name.en} ${y}` };
}

/** The twelve periods of a year, January first. */
export function periodsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => format(year, i + 1));
}

/** The period a calendar date falls in. */
export function periodOfDate(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  return date.slice(0, 7);
}

/** The last calendar day of a period. */
export function lastDayOfPeriod(period: string): string {
  const [y, m] = parts(period);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${format(y, m)}-${String(day).padStart(2, '0')}`;
}

/** Smallest and largest accepted deadline day (every month has a 28th). */
export const LATE_DAY_MIN = 1;
export const LATE_DAY_MAX = 28;
export const DEFAULT_LATE_DAY = 10;

/** The last on-time day for `period`'s bundle: `lateDay` of the next month. */
export function submissionDeadline(period: string, lateDay: number): string {
  if (!Number.isInteger(lateDay) || lateDay < LATE_DAY_MIN || lateDay > LATE_DAY_MAX) {
    throw new RangeError(`Deadline day must be ${LATE_DAY_MIN}–${LATE_DAY_MAX}: ${lateDay}`);
  }
  return `${addPeriods(period, 1)}-${String(lateDay).padStart(2, '0')}`;
}

/** Whether a bundle received on `receivedDate` (local calendar date) is late. */
export function isLate(period: string, receivedDate: string, lateDay: number): boolean {
  return receivedDate > submissionDeadline(period, lateDay);
}

/**
 * One cell of the completeness matrix:
 * - `before`: earlier than the first month this puskesmas ever sent (it was not using Siklus);
 * - `open`: the month has not ended yet (nothing is expected);
 * - `notDue`: the month has ended, nothing received, the deadline has not passed;
 * - `missing`: nothing received and the deadline has passed;
 * - `received`: the first bundle came on time; `late`: it came after the deadline.
 * `revised` says a later revision (r2, r3…) replaced the first one.
 */
export type CompletenessStatus = 'before' | 'open' | 'notDue' | 'missing' | 'received' | 'late';

export interface CompletenessCell {
  status: CompletenessStatus;
  revised: boolean;
}

export interface CompletenessFacts {
  period: string;
  /** Today in the Dinkes time zone. */
  today: string;
  lateDay: number;
  /** Local date of the first bundle received for the period, or null. */
  firstReceived: string | null;
  /** Highest revision received for the period, or null. */
  latestRevision: number | null;
  /** The earliest period this puskesmas has ever sent (null: none yet). */
  firstPeriod?: string | null;
}

export function completenessOf(facts: CompletenessFacts): CompletenessCell {
  const { period, today, lateDay, firstReceived, latestRevision, firstPeriod } = facts;
  if (firstReceived !== null) {
    return {
      status: isLate(period, firstReceived, lateDay) ? 'late' : 'received',
      revised: (latestRevision ?? 1) > 1,
    };
  }
  if (firstPeriod && period < firstPeriod) return { status: 'before', revised: false };
  if (today <= lastDayOfPeriod(period)) return { status: 'open', revised: false };
  if (today <= submissionDeadline(period, lateDay)) return { status: 'notDue', revised: false };
  return { status: 'missing', revised: false };
}
