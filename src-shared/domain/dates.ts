/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as whole day numbers, so no time zone or
 * daylight-saving shift can move a day. Clinical dates are calendar dates; times of day live
 * elsewhere.
 */
import type { Label } from './refusal';

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/**
 * The calendar arithmetic below is integer arithmetic on the proleptic Gregorian calendar (no
 * `Date` objects): demo generation, due lists and growth checks call it millions of times.
 */
const leapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysInMonth = (y: number, m: number) => (m === 2 && leapYear(y) ? 29 : MONTH_DAYS[m - 1]!);

/** `count` ASCII digits of `value` from `at` as a number, or -1 when one is not a digit. */
function digitsAt(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** `[year, month, day]` of a real `YYYY-MM-DD` date, or null. */
function parseIsoDate(value: string): [number, number, number] | null {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const formatIsoDate = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** Days since 1970-01-01 of a calendar date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (H. Hinnant's civil_from_days). */
function dateOfDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const m = shifted < 10 ? shifted + 3 : shifted - 9;
  return formatIsoDate(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function toDayNumber(value: string): number {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not an ISO date: ${value}`);
  return dayNumber(...date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(toDayNumber(date) + days);
}

/** Add calendar months, clamping to the last day of the target month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

export interface Age {
  years: number;
  months: number;
  days: number;
}

/**
 * Completed years, months and days from `birth` to `on` (the age a clerk writes down). A month
 * is complete on the same day of the next month, or on its last day when that day does not
 * exist (born 31 January: one month old on 28/29 February), consistent with `addMonths`.
 */
export function ageOn(birth: string, on: string): Age {
  if (on < birth) return { years: 0, months: 0, days: 0 };
  const [by, bm] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om] = on.split('-').map(Number) as [number, number, number];
  let totalMonths = (oy - by) * 12 + (om - bm);
  if (addMonths(birth, totalMonths) > on) totalMonths -= 1;
  return {
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    days: daysBetween(addMonths(birth, totalMonths), on),
  };
}

/** Completed months of age (what KMS charts and posyandu books use). */
export function completedMonths(birth: string, on: string): number {
  const age = ageOn(birth, on);
  return age.years * 12 + age.months;
}

/** Completed years of age. */
export function completedYears(birth: string, on: string): number {
  return ageOn(birth, on).years;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The instant moved to the wall clock of a UTC offset such as `+07:00` (read with getUTC*). */
function atOffset(instant: Date, utcOffset: string): Date {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  if (!m) throw new RangeError(`Not a UTC offset: ${utcOffset}`);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(instant.getTime() + minutes * 60_000);
}

/** Today's calendar date at a UTC offset such as `+07:00` (WIB), from an instant. */
export function localDate(instant: Date, utcOffset: string): string {
  return atOffset(instant, utcOffset).toISOString().slice(0, 10);
}

/** Local wall-clock time `HH.MM` (Indonesian style) at a UTC offset, from an instant. */
export function localTime(instant: Date, utcOffset: string): string {
  return atOffset(instant, utcOffset).toISOString().slice(11, 16).replace(':', '.');
}

const MONTH_NAMES: readonly Label[] = [
  { id: 'Januari', en: 'January' },
  { id: 'Februari', en: 'February' },
  { id: 'Maret', en: 'March' },
  { id: 'April', en: 'April' },
  { id: 'Mei', en: 'May' },
  { id: 'Juni', en: 'June' },
  { id: 'Juli', en: 'July' },
  { id: 'Agustus', en: 'August' },
  { id: 'September', en: 'September' },
  { id: 'Oktober', en: 'October' },
  { id: 'November', en: 'November' },
  { id: 'Desember', en: 'December' },
];

/** Month `1`–`12` → `{ id: 'Maret', en: 'March' }`; `?` for a number outside the year. */
export function monthName(month: number): Label {
  return MONTH_NAMES[month - 1] ?? { id: '?', en: '?' };
}

/** `2026-03-01` → `1 Maret 2026`: how dates read in Indonesian messages. */
export function formatTanggal(date: string): string {
  return dateLabel(date).id;
}

/** `2026-03-01` → `{ id: '1 Maret 2026', en: '1 March 2026' }`: a date in bilingual messages. */
export function dateLabel(date: string): Label {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const name = monthName(m);
  return { id: `${d} ${name.id} ${y}`, en: `${d} ${name.en} ${y}` };
}
