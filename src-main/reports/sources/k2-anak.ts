import { sql, type RawBuilder } from 'kysely';
import { SASARAN_GROUP_INFO } from '@shared/domain/management/sasaran';
import type { Capsule } from '@shared/domain/child-services/vitamin-a';
import {
  gradedFamily,
  type DateWindow,
  type EventSource,
  type PopulationSource,
  type SourceFamily,
  type SourceRow,
} from '../count';
import type { ReportRules } from '../rules';
import {
  addMonthsSql,
  codesAbove,
  codesBelow,
  completedMonthsSql,
  rowsInWindow,
  inList,
  livePerson,
} from '../sql';

/**
 * Klaster 2 anak and gizi: KN1 and KN lengkap (by the KN the visit was classified as when it
 * was saved), weighing (D), weight gain (N, by the KBM table), status gizi prevalences (from the
 * category saved with each measurement, so the cut-offs of the standard named in the row),
 * and Vitamin A capsules. A child is the subject; the desa is the one on the counted row.
 */

const growthActivity = (w: Parameters<EventSource['activity']>[0]) =>
  rowsInWindow('growth_measurement', 'measure_date', w);

type StatusColumn = 'status_bbu' | 'status_pbu' | 'status_bbpb';

/**
 * Live measurements with a category for one index, with `flag` (1 when counted; a grade in a
 * family). One a child and day (`growth_person_day`).
 */
function statusOf(w: DateWindow, column: StatusColumn, flag: RawBuilder<unknown>) {
  return sql<SourceRow>`
    SELECT g.person_id AS subject_id, g.person_id, g.measure_date AS on_date,
      g.residence_desa_id AS desa_id, ${flag} AS flag
    FROM growth_measurement g
    WHERE ${livePerson(sql`g.person_id`)}
      AND g.measure_date >= ${w.from} AND g.measure_date <= ${w.to}
      AND g.deleted_at IS NULL AND ${sql.ref(`g.${column}`)} IS NOT NULL`;
}

/** The status gizi prevalences: the index each reads, and the categories it counts. */
const STATUS_GIZI: readonly {
  id: string;
  column: StatusColumn;
  codes(rules: ReportRules): string[];
}[] = [
  { id: 'gizi.bgm', column: 'status_bbu', codes: (r) => codesBelow(r.statusGizi.bbU, -3) },
  { id: 'gizi.stunting', column: 'status_pbu', codes: (r) => codesBelow(r.statusGizi.pbU, -2) },
  { id: 'gizi.wasting', column: 'status_bbpb', codes: (r) => codesBelow(r.statusGizi.bbPb, -2) },
  {
    id: 'gizi.underweight',
    column: 'status_bbu',
    codes: (r) => codesBelow(r.statusGizi.bbU, -2),
  },
  { id: 'gizi.overweight', column: 'status_bbpb', codes: (r) => codesAbove(r.statusGizi.bbPb, 2) },
];

/** 1 when the measurement's category in `column` is one of `codes`, else 0. */
const inCodes = (column: StatusColumn, codes: readonly string[]) =>
  sql`CASE WHEN ${sql.ref(`g.${column}`)} IN ${inList(codes)} THEN 1 ELSE 0 END`;

/**
 * The prevalences that read the same index, counted in one read (see `gradedFamily`): the grade
 * of a measurement has bit i set when member i counts its category, so a member counts the
 * grades with its bit. A child has one measurement a day, so each counts what it would alone.
 */
function statusFamily(column: StatusColumn): SourceFamily {
  const members = STATUS_GIZI.filter((s) => s.column === column);
  if (members.length > 3) throw new Error(`${column}: a grade digit holds three members`);
  const grade = (rules: ReportRules) =>
    sql.join(
      members.map((m, bit) => sql`${inCodes(column, m.codes(rules))} * ${sql.lit(2 ** bit)}`),
      sql` + `,
    );
  return gradedFamily(
    `gizi.${column}`,
    {
      id: `gizi.${column}`,
      events: (w, rules) => statusOf(w, column, grade(rules)),
      activity: growthActivity,
      onePerDay: true,
    },
    members.map((m, bit) => ({
      source: m.id,
      grades: [...Array(2 ** members.length).keys()].filter((g) => g & (2 ** bit)),
    })),
  );
}

/** The KBM (g) for an age in completed months, from the table in force (as `kbmFor`). */
function kbmSql(rules: ReportRules, months: RawBuilder<unknown>): RawBuilder<number> {
  const first = rules.kbm.rows[0]!.fromMonth;
  const age = sql`max(${months}, ${first})`; // months is a column: evaluated once per row
  return sql<number>`(CASE ${sql.join(
    rules.kbm.rows.map((r) =>
      r.toMonth === null
        ? sql`WHEN ${age} >= ${r.fromMonth} THEN ${r.minGainG}`
        : sql`WHEN ${age} BETWEEN ${r.fromMonth} AND ${r.toMonth} THEN ${r.minGainG}`,
    ),
    sql` `,
  )} END)`;
}

/**
 * Each child's latest weighing in the window, flagged N when it gained at least the KBM over the
 * child's latest weighing of the month before (as `growthMonitoring`: whole grams, age in
 * completed months on the weighing's date; O and B are never N).
 *
 * Only the latest: N is a status, and the engine counts each child at its latest weighing in the
 * month and in the year to date, which end on the same day; so the latest in the window is the
 * one row either can pick (in the month only if it falls in the month). Working out the gain of
 * that one weighing per child, not of every month's, is most of what this source costs.
 */
function monthlyGrowth(w: DateWindow, rules: ReportRules) {
  // One weighing per child and day (a unique index), so the latest is unambiguous: with one
  // max() in a GROUP BY, SQLite takes the other columns from that weighing. The birth date is
  // the one the measurement was saved with (date − age in days). The month before is looked up
  // through that index. Each step is materialised so that no expression is worked out twice.
  const grams = (kg: RawBuilder<unknown>) => sql`CAST(round(${kg} * 1000) AS INTEGER)`;
  const monthStart = sql`substr(c.measure_date, 1, 8) || '01'`;
  return sql<SourceRow>`
    WITH latest AS MATERIALIZED (
      SELECT g.person_id, max(g.measure_date) AS measure_date, g.weight_kg, g.residence_desa_id,
        g.age_days
      FROM growth_measurement g
      WHERE g.measure_date >= ${w.from} AND g.measure_date <= ${w.to}
        AND g.deleted_at IS NULL AND g.weight_kg IS NOT NULL
        AND ${livePerson(sql`g.person_id`)}
      GROUP BY g.person_id),
    paired AS MATERIALIZED (
      SELECT c.person_id, c.measure_date, c.residence_desa_id,
        ${grams(sql`c.weight_kg`)} - ${grams(sql`(SELECT p.weight_kg FROM growth_measurement p
          WHERE p.person_id = c.person_id AND p.deleted_at IS NULL AND p.weight_kg IS NOT NULL
            AND p.measure_date >= date(${monthStart}, '-1 month')
            AND p.measure_date < ${monthStart}
          ORDER BY p.measure_date DESC LIMIT 1)`)} AS gain_g,
        date(c.measure_date, '-' || c.age_days || ' days') AS birth_date
      FROM latest c),
    aged AS MATERIALIZED (
      SELECT paired.*, ${completedMonthsSql(sql`birth_date`, sql`measure_date`)} AS age_months
      FROM paired)
    SELECT person_id AS subject_id, person_id, measure_date AS on_date,
      residence_desa_id AS desa_id,
      CASE WHEN gain_g IS NULL THEN 0 WHEN gain_g >= ${kbmSql(rules, sql`age_months`)} THEN 1
        ELSE 0 END AS flag
    FROM aged`;
}

function capsules(w: DateWindow, capsule: Capsule) {
  return sql<SourceRow>`
    SELECT v.person_id AS subject_id, v.person_id, v.given_date AS on_date,
      v.residence_desa_id AS desa_id, 1 AS flag
    FROM vitamin_a v
    WHERE ${livePerson(sql`v.person_id`)}
      AND v.given_date >= ${w.from} AND v.given_date <= ${w.to}
      AND v.deleted_at IS NULL AND v.capsule = ${capsule}`;
}

function firstKn(w: DateWindow, kn: string) {
  return sql`
    SELECT n.person_id, n.visit_date, n.residence_desa_id,
      row_number() OVER (PARTITION BY n.person_id
        ORDER BY n.visit_date, coalesce(n.visit_time, '99:99'), n.created_at) AS rn
    FROM neonatal_visit n
    WHERE ${livePerson(sql`n.person_id`)}
      AND n.deleted_at IS NULL AND n.kn = ${kn}
      AND n.person_id IN (SELECT person_id FROM neonatal_visit
        WHERE visit_date >= ${w.from} AND visit_date <= ${w.to} AND kn = ${kn}
          AND deleted_at IS NULL)`;
}

const knActivity = (w: Parameters<EventSource['activity']>[0]) =>
  rowsInWindow('neonatal_visit', 'visit_date', w);

export const K2_ANAK_SOURCES: EventSource[] = [
  {
    id: 'kn.kn1',
    events: (w) => sql<SourceRow>`
      SELECT person_id AS subject_id, person_id, visit_date AS on_date,
        residence_desa_id AS desa_id, 1 AS flag
      FROM (${firstKn(w, 'KN1')}) WHERE rn = 1`,
    activity: knActivity,
  },
  {
    // KN lengkap: KN1, KN2 and KN3 each recorded; attributed to the first KN3 (knLengkap).
    id: 'kn.lengkap',
    events: (w) => sql<SourceRow>`
      SELECT k3.person_id AS subject_id, k3.person_id, k3.visit_date AS on_date,
        k3.residence_desa_id AS desa_id, 1 AS flag
      FROM (${firstKn(w, 'KN3')}) k3
      WHERE k3.rn = 1
        AND k3.person_id IN (SELECT person_id FROM neonatal_visit
          WHERE kn IN ('KN1', 'KN2') AND deleted_at IS NULL
          GROUP BY person_id HAVING count(DISTINCT kn) = 2)`,
    activity: knActivity,
  },
  {
    id: 'gizi.ditimbang',
    events: (w) => sql<SourceRow>`
      SELECT g.person_id AS subject_id, g.person_id, g.measure_date AS on_date,
        g.residence_desa_id AS desa_id, 1 AS flag
      FROM growth_measurement g
      WHERE ${livePerson(sql`g.person_id`)}
      AND g.measure_date >= ${w.from} AND g.measure_date <= ${w.to}
        AND g.deleted_at IS NULL AND g.weight_kg IS NOT NULL`,
    activity: growthActivity,
  },
  { id: 'gizi.naik', events: (w, rules) => monthlyGrowth(w, rules), activity: growthActivity },
  ...STATUS_GIZI.map((s): EventSource => ({
    id: s.id,
    events: (w, rules) => statusOf(w, s.column, inCodes(s.column, s.codes(rules))),
    activity: growthActivity,
  })),
  {
    id: 'vita.biru',
    events: (w) => capsules(w, 'blue'),
    activity: (w) => rowsInWindow('vitamin_a', 'given_date', w),
  },
  {
    id: 'vita.merah',
    events: (w) => capsules(w, 'red'),
    activity: (w) => rowsInWindow('vitamin_a', 'given_date', w),
  },
];

/** The prevalences of one index that share its read: weight for age, weight for length. */
export const K2_ANAK_FAMILIES: SourceFamily[] = [
  statusFamily('status_bbu'),
  statusFamily('status_bbpb'),
];

/** Children of the registry aged [from, before) completed months on the window's last day. */
function childrenAged(fromMonths: number, beforeMonths: number, asOf: string) {
  return sql<{ desa_id: string | null; n: number }>`
    SELECT desa_id, count(*) AS n FROM person p
    WHERE p.deleted_at IS NULL AND p.birth_date <= ${asOf}
      AND p.birth_date > date(${asOf}, '-' || ${beforeMonths + 1} || ' months')
      AND ${addMonthsSql(sql`p.birth_date`, fromMonths)} <= ${asOf}
      AND ${addMonthsSql(sql`p.birth_date`, beforeMonths)} > ${asOf}
    GROUP BY desa_id`;
}

const band = (rules: ReportRules, capsule: Capsule) => {
  const b = rules.vitaminA.bands.find((x) => x.capsule === capsule);
  if (!b) throw new Error(`No vitamin A band for ${capsule}`);
  return b;
};

const BALITA = SASARAN_GROUP_INFO.balita.ageMonths!;

/** Registry head counts for `population` denominators (by the desa in the registry now). */
export const K2_POPULATIONS: PopulationSource[] = [
  {
    // S of SKDN: the balita of the registry (0–59 months), like the posyandu's own list.
    id: 'balita_0_59',
    counts: (w) => childrenAged(BALITA.min, (BALITA.max ?? 0) + 1, w.to),
  },
  {
    id: 'vita_biru',
    counts: (w, rules) =>
      childrenAged(band(rules, 'blue').fromMonths, band(rules, 'blue').beforeMonths, w.to),
  },
  {
    id: 'vita_merah',
    counts: (w, rules) =>
      childrenAged(band(rules, 'red').fromMonths, band(rules, 'red').beforeMonths, w.to),
  },
];
