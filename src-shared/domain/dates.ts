/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no time zone or daylight-saving
 * shift can move a day. Clinical dates are calendar dates; times of day live elsewhere.
 */
import type { Label } from './refusal';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(value: string): number {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Add calendar months, clamping to the last day of the target month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target.getTime());
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
