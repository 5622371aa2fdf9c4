/**
 * Ages and intervals as calendar durations. One convention everywhere in this module:
 * a duration is added to a date as calendar months first (`addMonths`, clamping to the month
 * end), then weeks × 7 + days. "6 months 29 days" after 15 Jan 2024 is therefore
 * 15 Jul 2024 + 29 days = 13 Aug 2024.
 */
import { addDays, addMonths, ageOn } from '../dates';

/** A calendar duration. All parts are whole numbers; missing parts are 0. */
export interface Duration {
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

/**
 * An upper age limit, inclusive and precise:
 * - `{ through: d }`: the last allowed day is birth + d (e.g. RV "6 bulan 29 hari");
 * - `{ before: d }`: the last allowed day is the day before birth + d (e.g. BCG "< 1 tahun").
 */
export type AgeLimit = { readonly through: Duration } | { readonly before: Duration };

/** `date` + `duration` (calendar months first, then weeks and days). */
export function addDuration(date: string, duration: Duration): string {
  const afterMonths = addMonths(date, duration.months ?? 0);
  return addDays(afterMonths, (duration.weeks ?? 0) * 7 + (duration.days ?? 0));
}

/** The last allowed day (inclusive) of an age limit for a child born on `birthDate`. */
export function lastAllowedDay(birthDate: string, limit: AgeLimit): string {
  return 'through' in limit
    ? addDuration(birthDate, limit.through)
    : addDays(addDuration(birthDate, limit.before), -1);
}

/** Later of two ISO dates. */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** "6 bulan 29 hari", "4 minggu", "0 hari". */
export function formatDuration(d: Duration): string {
  const parts: string[] = [];
  if (d.months) parts.push(`${d.months} bulan`);
  if (d.weeks) parts.push(`${d.weeks} minggu`);
  if (d.days) parts.push(`${d.days} hari`);
  return parts.length > 0 ? parts.join(' ') : '0 hari';
}

/** "sebelum umur 12 bulan" / "umur 6 bulan 29 hari". */
export function formatAgeLimit(limit: AgeLimit): string {
  return 'through' in limit
    ? `umur ${formatDuration(limit.through)}`
    : `sebelum umur ${formatDuration(limit.before)}`;
}

/** A child's age on `date`, as a clerk writes it: "5 bulan 29 hari" (months counted in total). */
export function formatAge(birthDate: string, date: string): string {
  const age = ageOn(birthDate, date);
  return `${age.years * 12 + age.months} bulan ${age.days} hari`;
}

export { formatTanggal } from '../dates';
