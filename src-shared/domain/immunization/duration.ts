/**
 * Ages and intervals as calendar durations. One convention everywhere in this module:
 * a duration is added to a date as calendar months first (`addMonths`, clamping to the month
 * end), then weeks × 7 + days. "6 months 29 days" after 15 Jan 2024 is therefore
 * 15 Jul 2024 + 29 days = 13 Aug 2024.
 */
import { addDays, addMonths, ageOn } from '../dates';
import type { Label } from '../refusal';

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

const UNITS = {
  months: { id: 'bulan', en: ['month', 'months'] },
  weeks: { id: 'minggu', en: ['week', 'weeks'] },
  days: { id: 'hari', en: ['day', 'days'] },
} as const;

/** `3` months → `{ id: '3 bulan', en: '3 months' }`. */
function amount(n: number, unit: keyof typeof UNITS): Label {
  const { id, en } = UNITS[unit];
  return { id: `${n} ${id}`, en: `${n} ${en[n === 1 ? 0 : 1]}` };
}

/** "6 bulan 29 hari", "4 minggu", "0 hari" / "6 months 29 days", "4 weeks", "0 days". */
export function formatDuration(d: Duration): Label {
  const parts = (['months', 'weeks', 'days'] as const)
    .filter((unit) => d[unit])
    .map((unit) => amount(d[unit] ?? 0, unit));
  if (parts.length === 0) return amount(0, 'days');
  return { id: parts.map((p) => p.id).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** "umur 6 bulan 29 hari" / "age 6 months 29 days"; "sebelum umur 12 bulan" / "before age 12 months". */
export function formatAgeLimit(limit: AgeLimit): Label {
  if ('through' in limit) {
    const d = formatDuration(limit.through);
    return { id: `umur ${d.id}`, en: `age ${d.en}` };
  }
  const d = formatDuration(limit.before);
  return { id: `sebelum umur ${d.id}`, en: `before age ${d.en}` };
}

/** A child's age on `date`, as a clerk writes it: "5 bulan 29 hari" (months counted in total). */
export function formatAge(birthDate: string, date: string): Label {
  const age = ageOn(birthDate, date);
  const months = amount(age.years * 12 + age.months, 'months');
  const days = amount(age.days, 'days');
  return { id: `${months.id} ${days.id}`, en: `${months.en} ${days.en}` };
}
