import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IndicatorDefinition } from '@shared/domain/indicators/types';
import type { DB } from '../db/schema';
import type { ReportRules } from './rules';

/**
 * What a report source is and how its rows are counted per desa: the part of the engine a report
 * worker runs (`worker.ts`). It imports no rule set or service, so a worker loads little.
 */

/** One row of an event source (see `CountMode` in the indicator types). */
export interface SourceRow {
  subject_id: string;
  person_id: string;
  /** ISO date the event happened / the status was achieved. */
  on_date: string;
  /** The person's desa of residence at that time; null = luar wilayah. */
  desa_id: string | null;
  /** 1 when the observation counts for the numerator (status sources); 1 for achievements. */
  flag: number;
}

export interface DateWindow {
  from: string;
  to: string;
}

/**
 * Where an indicator's events come from: SQL over the area's own tables, run where the data
 * is. `events` may return rows outside the window; the engine filters by `on_date`. `rules`
 * are the reference sets in force (cut-offs are interpolated from them, never retyped).
 *
 * The window may only choose which rows come back, never change a row: a row dated in the month
 * is the same whether the month or the year to date was asked for. The engine relies on it to
 * read the year to date once and take the month from it.
 */
export interface EventSource {
  id: string;
  events(window: DateWindow, rules: ReportRules): RawBuilder<SourceRow>;
  /**
   * The area's live service rows in the window (any columns): none means "no data", not zero.
   * Only whether there is one is asked (`EXISTS`), so nothing is counted.
   */
  activity(window: DateWindow, rules: ReportRules): RawBuilder<unknown>;
  /**
   * Set when `events` gives at most one row per subject in a window of one calendar year by
   * construction (a `GROUP BY` on the subject): the count then skips picking each subject's row.
   */
  oneRowPerSubject?: true;
  /**
   * Set on a status source whose rows carry an `entry` column that orders a subject's rows as
   * `entryKey` does (date, then entry time and id): the subject's latest entry decides, the
   * later entry of a day over the earlier one. The rows need not be one per subject per day.
   */
  latestByEntry?: true;
  /**
   * Set when a subject has at most one row a day (a unique index holds it): a status count then
   * picks each subject's latest day's row, whatever its flag.
   */
  onePerDay?: true;
  /**
   * Set when the rows must be read once before the count picks from them (`MATERIALIZED`):
   * SQLite would otherwise fold the query into the picking and read it worse. On the 100k demo
   * the ANC completion sources (K4, K6) took two to three times as long folded; every other
   * source was about as fast or faster folded, the status sources by a sixth to a third (no
   * temporary table of their rows to write and read back).
   */
  materialized?: true;
}

/**
 * A head count from the registry at the end of a window, per desa of residence (null = luar),
 * for `population` denominators (S of D/S, bayi 6–11 months for Vitamin A biru).
 */
export interface PopulationSource {
  id: string;
  counts(window: DateWindow, rules: ReportRules): RawBuilder<{ desa_id: string | null; n: number }>;
}

export interface Period {
  /** `YYYY-MM` */
  month: string;
}

export function windowsOf(period: Period): { month: DateWindow; ytd: DateWindow } {
  const [y, m] = period.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const to = `${period.month}-${String(last).padStart(2, '0')}`;
  return { month: { from: `${period.month}-01`, to }, ytd: { from: `${y}-01-01`, to } };
}

export interface Counts {
  numerator: number;
  /** Subjects observed (status sources only). */
  observed: number;
}

/** Counts per desa key (`luar` for null) in the month and in the year to date. */
export interface WindowCounts {
  month: Map<string, Counts>;
  ytd: Map<string, Counts>;
}

export type CountMode = IndicatorDefinition['numerator']['mode'];

/**
 * The row that counts for a subject is its first (achievement) or latest (status) row; on the
 * same day a counted row (flag 1) wins, then the lower (achievement) or higher (status) desa key.
 * `pick(mode)` is the aggregate that finds it: in a `GROUP BY` with one `min`/`max`, SQLite
 * takes the other columns from the row it chose. The key orders as the tuple because `on_date`
 * is always ten characters and the flag one digit. A `GROUP BY` sorts once where a window
 * function sorts per partition: half the time on the large dataset.
 */
const pick = (mode: CountMode, key: RawBuilder<unknown>) =>
  mode === 'achievement' ? sql`min(${key})` : sql`max(${key})`;
const pickKey = (mode: CountMode) =>
  mode === 'achievement'
    ? sql`on_date || (1 - flag) || coalesce(desa_id, '')`
    : sql`on_date || flag || coalesce(desa_id, '')`;

/**
 * The aggregate that picks each subject's deciding row in a `GROUP BY subject_id` (SQLite takes
 * the other columns from the row it picks): the first or the latest by {@link pickKey}, or the
 * latest entry of a `latestByEntry` source.
 */
export function pickRow(source: EventSource, mode: CountMode): RawBuilder<unknown> {
  if (!source.latestByEntry) return pick(mode, pickKey(mode));
  if (mode !== 'status') throw new Error(`${source.id}: latestByEntry is for status counts`);
  return sql`max(entry)`;
}

/**
 * The source's rows in the window as `src`, folded into the picking unless the source asks for
 * them to be read first (`materialized`).
 */
export const sourceRows = (source: EventSource, window: DateWindow, rules: ReportRules) => sql`
  WITH src AS ${source.materialized ? sql`MATERIALIZED` : sql``} (${source.events(window, rules)})`;

/**
 * What SQLite returns for a count: how many subjects share each pair of picks, a pick being
 * the deciding row's flag digit followed by its desa key (`in_month` null when the subject's
 * pick of the month is none).
 */
interface PickPair {
  in_month: string | null;
  in_ytd: string;
  n: number;
}

/**
 * Per desa key, in both windows from one read of the year to date: achievements count each
 * subject once, at its first row in the window (a source gives one row per subject; a subject
 * that somehow has two is still one person); status counts each subject's latest observation.
 * Each window picks a subject's row on its own, so the month is never read off the year: one
 * `GROUP BY` subject takes the month's pick among the subject's rows of the month and the year's
 * among all. The key holds all the count needs (date, flag, desa), so nothing else is carried:
 * SQLite returns how many subjects share each pair of picks' flag and desa (a few dozen rows,
 * one sort), and the two windows' counts are summed from those here.
 */
export async function countByDesa(
  db: Kysely<DB>,
  source: EventSource,
  mode: CountMode,
  windows: { month: DateWindow; ytd: DateWindow },
  rules: ReportRules,
): Promise<WindowCounts> {
  return windowCounts(await pickPairs(db, source, mode, windows, rules), countsDigit(mode));
}

/** Which digits of a pick count for the numerator: any (an achievement), flag 1 (a status). */
const countsDigit = (mode: CountMode) =>
  mode === 'achievement' ? () => true : (digit: number) => digit === 1;

async function pickPairs(
  db: Kysely<DB>,
  source: EventSource,
  mode: CountMode,
  windows: { month: DateWindow; ytd: DateWindow },
  rules: ReportRules,
): Promise<PickPair[]> {
  const { month, ytd } = windows;
  const inYtd = sql`on_date >= ${ytd.from} AND on_date <= ${ytd.to}`;
  let query: RawBuilder<PickPair>;
  if (source.latestByEntry) {
    // One pass: each subject's latest entry in the year to date. The month ends where the year
    // to date ends, so the subject's latest entry in the month is that same row, if it is in
    // the month at all.
    oneYearToDate(windows);
    query = sql`
      ${sourceRows(source, ytd, rules)},
      latest AS (
        SELECT on_date, flag || coalesce(desa_id, '') AS k, ${pickRow(source, mode)}
        FROM src WHERE ${inYtd} GROUP BY subject_id)
      SELECT CASE WHEN on_date >= ${month.from} THEN k END AS in_month, k AS in_ytd, count(*) AS n
      FROM latest GROUP BY 1, 2`;
  } else {
    // `substr(key, 11)`: the flag digit and the desa key after the ten-character date.
    query = sql`
      ${sourceRows(source, ytd, rules)},
      keyed AS (
        SELECT subject_id, on_date, ${pickKey(mode)} AS k
        FROM src WHERE ${inYtd}),
      subjects AS (${
        source.oneRowPerSubject
          ? sql`SELECT CASE WHEN on_date >= ${month.from} THEN k END AS in_month, k AS in_ytd
              FROM keyed`
          : sql`SELECT ${pick(mode, sql`CASE WHEN on_date >= ${month.from} THEN k END`)} AS in_month,
              ${pick(mode, sql`k`)} AS in_ytd
            FROM keyed GROUP BY subject_id`
      })
      SELECT substr(in_month, 11) AS in_month, substr(in_ytd, 11) AS in_ytd, count(*) AS n
      FROM subjects GROUP BY 1, 2`;
  }
  return (await query.execute(db)).rows;
}

/** The one-pass picks hold when the month ends where the year to date ends. */
function oneYearToDate(windows: { month: DateWindow; ytd: DateWindow }) {
  if (windows.month.to !== windows.ytd.to) {
    throw new Error('report counts: the month must end the year to date');
  }
}

/**
 * The counts per desa key from the pairs of picks: every subject is observed, and counts for
 * the numerator when `counted` says so of its pick's digit (the flag; a grade in a family).
 */
function windowCounts(pairs: readonly PickPair[], counted: (digit: number) => boolean) {
  const result: WindowCounts = { month: new Map(), ytd: new Map() };
  const add = (window: Map<string, Counts>, picked: string, n: number) => {
    const key = picked.slice(1) || 'luar';
    const counts = window.get(key) ?? { numerator: 0, observed: 0 };
    counts.observed += n;
    if (counted(picked.charCodeAt(0) - 48)) counts.numerator += n;
    window.set(key, counts);
  };
  for (const r of pairs) {
    if (r.in_month !== null) add(result.month, r.in_month, r.n);
    add(result.ytd, r.in_ytd, r.n);
  }
  return result;
}

/** A source counted in a mode: what an indicator's numerator (or a drop-out's B) needs. */
export interface CountItem {
  source: string;
  mode: CountMode;
}

/**
 * Sources that read the same rows, counted in one read: `count` gives each member (by
 * `itemKey`) exactly what `countByDesa` gives it alone (the report tests hold every family to
 * that), for about the price of the costliest member.
 */
export interface SourceFamily {
  id: string;
  members: readonly CountItem[];
  count(
    db: Kysely<DB>,
    windows: { month: DateWindow; ytd: DateWindow },
    rules: ReportRules,
  ): Promise<Map<string, WindowCounts>>;
}

export const itemKey = (item: CountItem) => `${item.source}|${item.mode}`;

/**
 * Status sources that differ only in which rows' flag they raise, counted from one source whose
 * `flag` is a grade digit instead: a member counts the subjects whose deciding row has one of
 * its `grades`. The graded source must pick each subject's row whatever the flags, by entry
 * (`latestByEntry`) or as the one row of its latest day (`onePerDay`); then each member counts
 * what it would alone. (Otherwise a flag decides between a day's rows.)
 */
export function gradedFamily(
  id: string,
  graded: EventSource,
  members: readonly { source: string; grades: readonly number[] }[],
): SourceFamily {
  if (!graded.latestByEntry && !graded.onePerDay) {
    throw new Error(`${id}: the graded source must pick by entry or have one row a day`);
  }
  return {
    id,
    members: members.map((m) => ({ source: m.source, mode: 'status' })),
    async count(db, windows, rules) {
      const pairs = await pickPairs(db, graded, 'status', windows, rules);
      return new Map(
        members.map((m) => [
          itemKey({ source: m.source, mode: 'status' }),
          windowCounts(pairs, (digit) => m.grades.includes(digit)),
        ]),
      );
    },
  };
}

/**
 * Between an entry and the digit and desa key after it in a pick: below every character an
 * entry has, so that it orders entries as they order alone, even one that begins another.
 */
const AFTER_ENTRY = '\u0001';

/**
 * An achievement once a year and a status over the same rows, in one `GROUP BY` person: the
 * `latest` member is a `latestByEntry` source, whose rows (with `entry`) the family reads; the
 * `first` member counts each person at their first entry of the year in those rows, as the K3
 * `oncePerYear` sources do (its own rows must be the same, whatever their flag). The year to
 * date is one calendar year, so a person is a person-year.
 */
export function firstAndLatestFamily(spec: {
  id: string;
  first: string;
  latest: EventSource;
}): SourceFamily {
  if (!spec.latest.latestByEntry) throw new Error(`${spec.id}: the latest must be latestByEntry`);
  const members = [
    { source: spec.first, mode: 'achievement' },
    { source: spec.latest.id, mode: 'status' },
  ] as const;
  return {
    id: spec.id,
    members,
    async count(db, windows, rules) {
      oneYearToDate(windows);
      const { month, ytd } = windows;
      // Each member's counts by the flag digit and desa key after the entry, as the other
      // counts' picks carry them.
      const counted = (member: number, pick: 'f' | 'l') => {
        const tail = sql`substr(${sql.ref(pick)}, instr(${sql.ref(pick)}, ${AFTER_ENTRY}) + 1)`;
        return sql`SELECT ${sql.lit(member)} AS member,
            CASE WHEN ${sql.ref(pick)} >= ${month.from} THEN ${tail} END AS in_month,
            ${tail} AS in_ytd, count(*) AS n
          FROM per GROUP BY 1, 2, 3`;
      };
      const { rows } = await sql<PickPair & { member: number }>`
        WITH fam AS (${spec.latest.events(ytd, rules)}),
        per AS MATERIALIZED (
          SELECT min(entry || ${AFTER_ENTRY} || '1' || coalesce(desa_id, '')) AS f,
            max(entry || ${AFTER_ENTRY} || flag || coalesce(desa_id, '')) AS l
          FROM fam WHERE on_date >= ${ytd.from} AND on_date <= ${ytd.to} GROUP BY person_id)
        ${counted(0, 'f')} UNION ALL ${counted(1, 'l')}`.execute(db);
      return new Map(
        members.map((m, i) => [
          itemKey(m),
          windowCounts(
            rows.filter((r) => r.member === i),
            countsDigit(m.mode),
          ),
        ]),
      );
    },
  };
}

/** The key of a source's counts in `EngineContext.cache`. */
export const countsKey = (sourceId: string, mode: CountMode, period: Period) =>
  `${itemKey({ source: sourceId, mode })}|${period.month}`;
