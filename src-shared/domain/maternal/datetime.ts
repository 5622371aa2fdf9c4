/**
 * ISO date-times with an explicit offset, for the few rules where hours matter (nifas KF1's
 * 6-hour start, the 24 hours between vitamin A capsules). Clinical date-times are recorded with the
 * puskesmas offset (WIB +07:00, WITA +08:00, WIT +09:00; domain.md §5.8 item 8), so a value without
 * an offset is ambiguous and is not accepted.
 */
import { isIsoDate } from '../dates';

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const HOUR_MS = 3_600_000;

/**
 * Milliseconds since the epoch of `YYYY-MM-DDTHH:mm[:ss[.sss]](Z|±HH:MM)`, or `undefined` when the
 * text is not such a date-time (including impossible dates and times such as 24:00).
 */
export function parseDateTime(value: string): number | undefined {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, date, hh, mm, ss, ms, zone, sign, oh, om] = m;
  if (!date || !isIsoDate(date)) return undefined;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 14 || offM > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const millis = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
  return Date.UTC(y, mo - 1, d, hours, minutes, seconds, millis) - offsetMinutes * 60_000;
}

export function isIsoDateTime(value: string): boolean {
  return parseDateTime(value) !== undefined;
}

/** Like `parseDateTime` but throws a `RangeError` (a programming error: validate input first). */
export function toEpochMs(value: string): number {
  const ms = parseDateTime(value);
  if (ms === undefined) throw new RangeError(`Not an ISO date-time with offset: ${value}`);
  return ms;
}

/** Elapsed hours (fractional) from `from` to `to`; negative when `to` is earlier. */
export function hoursBetween(from: string, to: string): number {
  return (toEpochMs(to) - toEpochMs(from)) / HOUR_MS;
}

/**
 * The local calendar date of a date-time as written (its own offset), e.g.
 * `2026-03-01T23:30+07:00` → `2026-03-01`. A plain `YYYY-MM-DD` is returned as is.
 */
export function localDateOf(value: string): string {
  if (isIsoDate(value)) return value;
  toEpochMs(value);
  return value.slice(0, 10);
}
