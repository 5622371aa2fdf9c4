import { sql, type RawBuilder } from 'kysely';
import type { Band } from '@shared/domain/growth/status';
import type { AgeLimit } from '@shared/domain/immunization/duration';
import type { DateWindow } from './count';

/**
 * SQL fragments the sources share. Every number a rule owns is passed in from the domain
 * module's reference set (as a bound parameter), never typed here.
 */

/** `(a, b, c)` of bound values; `(NULL)` for an empty list (matches nothing). */
export function inList(values: readonly (string | number)[]): RawBuilder<unknown> {
  return values.length === 0 ? sql`(NULL)` : sql`(${sql.join(values.map((v) => sql`${v}`))})`;
}

/**
 * `date` + `months` calendar months, clamped to the last day of the target month (born 31
 * January + 1 month = 28/29 February), as `addMonths` in `domain/dates.ts` does. By the date's
 * digits: SQLite's date functions cost microseconds a call, and a report asks this of every
 * patient, child or visit; only a day after the 28th needs the target month's length.
 */
export function addMonthsSql(date: RawBuilder<unknown>, months: number | RawBuilder<unknown>) {
  const n = typeof months === 'number' ? sql`${months}` : months;
  const index = sql`(${datePart(date, 'y')} * 12 + ${datePart(date, 'm')} - 1 + CAST((${n}) AS INTEGER))`;
  const [year, month, day] = [sql`(${index} / 12)`, sql`(${index} % 12 + 1)`, datePart(date, 'd')];
  const first = sql`printf('%04d-%02d-01', ${year}, ${month})`;
  return sql<string>`(CASE WHEN ${day} <= 28
    THEN printf('%04d-%02d-%02d', ${year}, ${month}, ${day})
    ELSE min(date(${first}, '+' || (${day} - 1) || ' days'), date(${first}, '+1 month', '-1 day'))
    END)`;
}

/** `date` + `days` days. */
export function addDaysSql(date: RawBuilder<unknown>, days: number | RawBuilder<unknown>) {
  const n = typeof days === 'number' ? sql`${days}` : days;
  return sql<string>`date(${date}, (CASE WHEN (${n}) >= 0 THEN '+' ELSE '' END) || (${n}) || ' days')`;
}

/** Year, month or day of an ISO date as an integer (cheaper than `strftime`). */
export const datePart = (date: RawBuilder<unknown>, which: 'y' | 'm' | 'd') =>
  which === 'y'
    ? sql`CAST(substr(${date}, 1, 4) AS INTEGER)`
    : sql`CAST(substr(${date}, ${which === 'm' ? 6 : 9}, 2) AS INTEGER)`;

/**
 * Completed months of age from `birth` (on or before `on`) to `on`, as `completedMonths` in
 * `domain/dates.ts`. The month count by calendar less one when `addMonths(birth, count)` falls
 * after `on`, that is when the birth day is later than `on`'s day, unless `on` is the last day of
 * its month (born 31 January: one month old on 28 February). Only a birth day after the 28th
 * needs the month's length. Plain arithmetic on the date's digits: SQLite's date functions cost
 * microseconds a call, and a report asks this of every weighing.
 */
export function completedMonthsSql(birth: RawBuilder<unknown>, on: RawBuilder<unknown>) {
  const [by, bm, bd] = [datePart(birth, 'y'), datePart(birth, 'm'), datePart(birth, 'd')];
  const [oy, om, od] = [datePart(on, 'y'), datePart(on, 'm'), datePart(on, 'd')];
  const lastDay = sql`CAST(strftime('%d', ${on}, 'start of month', '+1 month', '-1 day') AS INTEGER)`;
  return sql<number>`((${oy} - ${by}) * 12 + ${om} - ${bm} - CASE
    WHEN ${bd} <= ${od} THEN 0 WHEN ${bd} <= 28 THEN 1 WHEN ${od} < ${lastDay} THEN 1 ELSE 0 END)`;
}

/** The last allowed day of an age limit (as `lastAllowedDay` in `domain/immunization`). */
export function lastAllowedDaySql(birth: RawBuilder<unknown>, limit: AgeLimit) {
  const d = 'through' in limit ? limit.through : limit.before;
  const plus = addDaysSql(addMonthsSql(birth, d.months ?? 0), (d.weeks ?? 0) * 7 + (d.days ?? 0));
  return 'through' in limit ? plus : addDaysSql(plus, -1);
}

/** Whole minutes from one ISO date-time (with offset) to another. */
export function minutesBetweenSql(from: RawBuilder<unknown>, to: RawBuilder<unknown>) {
  return sql<number>`CAST(round((julianday(${to}) - julianday(${from})) * 1440) AS INTEGER)`;
}

/** The codes of the bands whose every value is below `cut` (e.g. PB/U < −2 SD). */
export function codesBelow<C extends string>(bands: readonly Band<C>[], cut: number): C[] {
  return bands
    .filter((b) => b.upTo !== null && (b.upTo < cut || (b.upTo === cut && !b.includesUpTo)))
    .map((b) => b.code);
}

/** The codes of the bands whose every value is above `cut` (e.g. BB/PB > +2 SD). */
export function codesAbove<C extends string>(bands: readonly Band<C>[], cut: number): C[] {
  return bands
    .filter((_, i) => {
      const prev = bands[i - 1];
      if (!prev || prev.upTo === null) return false;
      return prev.upTo > cut || (prev.upTo === cut && prev.includesUpTo);
    })
    .map((b) => b.code);
}

/**
 * A text that orders a table's entries as (date, entry time, id), for one `min`/`max` in a
 * `GROUP BY`, where SQLite takes the other columns from the entry it chose: the first, or the
 * latest with the later entry of a day last. It orders as the tuple because the date and the
 * entry time (`toISOString`) have fixed widths. `table` qualifies the columns.
 */
export function entryKey(dateColumn: string, table?: string): RawBuilder<string> {
  const column = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  return sql<string>`${column(dateColumn)} || ${column('created_at')} || ${column('id')}`;
}

/**
 * `personId` is a person not deleted. The deleted few have their own index, so this reads far
 * less than a join to the wide person rows.
 */
export function livePerson(personId: RawBuilder<unknown>) {
  return sql`${personId} NOT IN (SELECT id FROM person WHERE deleted_at IS NOT NULL)`;
}

/** Live rows of a table with a date column in the window (for `activity`). */
export function rowsInWindow(
  table: string,
  dateColumn: string,
  window: DateWindow,
  where: RawBuilder<unknown> = sql`1`,
) {
  return sql`SELECT 1 FROM ${sql.table(table)}
    WHERE ${sql.ref(dateColumn)} >= ${window.from} AND ${sql.ref(dateColumn)} <= ${window.to}
      AND deleted_at IS NULL AND ${where}`;
}
