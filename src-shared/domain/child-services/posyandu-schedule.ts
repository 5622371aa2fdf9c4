/**
 * The posyandu's monthly day (hari buka posyandu): "Selasa minggu ke-2" is the second Tuesday of
 * the month; a 5th week that a month does not have falls on that month's last such weekday; a
 * posyandu without a week opens every week on its weekday. Used to propose the session date of
 * the batch entry grid and of the sasaran imunisasi list.
 */
import { addDays, isIsoDate } from '../dates';

/** ISO weekday of a date: 1 = Senin (Monday) … 7 = Minggu (Sunday). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The session days of a month (`YYYY-MM`): one day for a week number 1–5, every matching
 * weekday when `week` is null; none without a weekday.
 */
export function sessionDaysInMonth(
  month: string,
  week: number | null,
  weekday: number | null,
): string[] {
  if (weekday === null || weekday < 1 || weekday > 7) return [];
  const first = `${month}-01`;
  if (!isIsoDate(first)) throw new RangeError(`Bulan tidak sah: ${month}`);
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  const days: string[] = [];
  for (let d = addDays(first, offset); d.startsWith(month); d = addDays(d, 7)) days.push(d);
  if (week === null) return days;
  return [days[Math.min(week, days.length) - 1]!];
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The latest session day on or before `date` (or `date` itself without a schedule). */
export function sessionDayOnOrBefore(
  date: string,
  week: number | null,
  weekday: number | null,
): string {
  if (weekday === null) return date;
  for (let i = 0; i <= 2; i++) {
    const found = sessionDaysInMonth(shiftMonth(date.slice(0, 7), -i), week, weekday)
      .filter((d) => d <= date)
      .at(-1);
    if (found) return found;
  }
  return date;
}

/** The first session day on or after `date` (or `date` itself without a schedule). */
export function sessionDayOnOrAfter(
  date: string,
  week: number | null,
  weekday: number | null,
): string {
  if (weekday === null) return date;
  for (let i = 0; i <= 2; i++) {
    const found = sessionDaysInMonth(shiftMonth(date.slice(0, 7), i), week, weekday).find(
      (d) => d >= date,
    );
    if (found) return found;
  }
  return date;
}
