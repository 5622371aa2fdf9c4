import { sql, type RawBuilder } from 'kysely';
import { SASARAN_GROUP_INFO } from '@shared/domain/management/sasaran';
import type { Capsule } from '@shared/domain/child-services/vitamin-a';
import type { EventSource, PopulationSource, SourceRow } from '../engine';
import type { ReportRules } from '../rules';
import {
  addMonthsSql,
  codesAbove,
  codesBelow,
  completedMonthsSql,
  countInWindow,
  inList,
} from '../sql';

/**
 * Klaster 2 anak and gizi: KN1 and KN lengkap (by the KN the visit was classified as when it
 * was saved), weighing (D), weight gain (N, by the KBM table), status gizi prevalences (from the
 * category saved with each measurement, so the cut-offs of the standard named in the row),
 * and Vitamin A capsules. A child is the subject; the desa is the one on the counted row.
 */

const growthActivity = (w: Parameters<EventSource['activity']>[0]) =>
  countInWindow('growth_measurement', 'measure_date', w);

/** Measurements with a category for one index, flagged when the category is one of `codes`. */
function statusOf(column: 'status_bbu' | 'status_pbu' | 'status_bbpb', codes: readonly string[]) {
  return sql<SourceRow>`
    SELECT g.person_id AS subject_id, g.person_id, g.measure_date AS on_date,
      g.residence_desa_id AS desa_id,
      CASE WHEN ${sql.ref(`g.${column}`)} IN ${inList(codes)} THEN 1 ELSE 0 END AS flag
    FROM growth_measurement g JOIN person p ON p.id = g.person_id AND p.deleted_at IS NULL
    WHERE g.deleted_at IS NULL AND ${sql.ref(`g.${column}`)} IS NOT NULL`;
}

/** The KBM (g) for an age in completed months, from the table in force (as `kbmFor`). */
function kbmSql(rules: ReportRules, months: RawBuilder<unknown>): RawBuilder<number> {
  const first = rules.kbm.rows[0]!.fromMonth;
  const age = sql`max(${months}, ${first})`;
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
 * Each child's weighing that counts for its month (the latest of the month), flagged N when it
 * gained at least the KBM over last month's (as `growthMonitoring`: whole grams, age in completed
 * months on this month's date; O and B are never N).
 */
function monthlyGrowth(rules: ReportRules) {
  return sql<SourceRow>`
    WITH w AS (
      SELECT g.person_id, g.measure_date, g.weight_kg, g.residence_desa_id, p.birth_date,
        substr(g.measure_date, 1, 7) AS month,
        row_number() OVER (PARTITION BY g.person_id, substr(g.measure_date, 1, 7)
                           ORDER BY g.measure_date DESC, g.created_at DESC) AS rn
      FROM growth_measurement g JOIN person p ON p.id = g.person_id AND p.deleted_at IS NULL
      WHERE g.deleted_at IS NULL AND g.weight_kg IS NOT NULL),
    m AS (SELECT * FROM w WHERE rn = 1)
    SELECT cur.person_id AS subject_id, cur.person_id, cur.measure_date AS on_date,
      cur.residence_desa_id AS desa_id,
      CASE WHEN prev.person_id IS NOT NULL
        AND CAST(round(cur.weight_kg * 1000) AS INTEGER) - CAST(round(prev.weight_kg * 1000) AS INTEGER)
            >= ${kbmSql(rules, completedMonthsSql(sql`cur.birth_date`, sql`cur.measure_date`))}
        THEN 1 ELSE 0 END AS flag
    FROM m cur LEFT JOIN m prev ON prev.person_id = cur.person_id
      AND prev.month = strftime('%Y-%m', cur.month || '-01', '-1 month')`;
}

function capsules(capsule: Capsule) {
  return sql<SourceRow>`
    SELECT v.person_id AS subject_id, v.person_id, v.given_date AS on_date,
      v.residence_desa_id AS desa_id, 1 AS flag
    FROM vitamin_a v JOIN person p ON p.id = v.person_id AND p.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.capsule = ${capsule}`;
}

function firstKn(kn: string) {
  return sql`
    SELECT n.person_id, n.visit_date, n.residence_desa_id,
      row_number() OVER (PARTITION BY n.person_id
        ORDER BY n.visit_date, coalesce(n.visit_time, '99:99'), n.created_at) AS rn
    FROM neonatal_visit n JOIN person p ON p.id = n.person_id AND p.deleted_at IS NULL
    WHERE n.deleted_at IS NULL AND n.kn = ${kn}`;
}

const knActivity = (w: Parameters<EventSource['activity']>[0]) =>
  countInWindow('neonatal_visit', 'visit_date', w);

export const K2_ANAK_SOURCES: EventSource[] = [
  {
    id: 'kn.kn1',
    events: () => sql<SourceRow>`
      SELECT person_id AS subject_id, person_id, visit_date AS on_date,
        residence_desa_id AS desa_id, 1 AS flag
      FROM (${firstKn('KN1')}) WHERE rn = 1`,
    activity: knActivity,
  },
  {
    // KN lengkap: KN1, KN2 and KN3 each recorded; attributed to the first KN3 (knLengkap).
    id: 'kn.lengkap',
    events: () => sql<SourceRow>`
      SELECT k3.person_id AS subject_id, k3.person_id, k3.visit_date AS on_date,
        k3.residence_desa_id AS desa_id, 1 AS flag
      FROM (${firstKn('KN3')}) k3
      WHERE k3.rn = 1
        AND EXISTS (SELECT 1 FROM neonatal_visit a WHERE a.person_id = k3.person_id
                      AND a.kn = 'KN1' AND a.deleted_at IS NULL)
        AND EXISTS (SELECT 1 FROM neonatal_visit b WHERE b.person_id = k3.person_id
                      AND b.kn = 'KN2' AND b.deleted_at IS NULL)`,
    activity: knActivity,
  },
  {
    id: 'gizi.ditimbang',
    events: () => sql<SourceRow>`
      SELECT g.person_id AS subject_id, g.person_id, g.measure_date AS on_date,
        g.residence_desa_id AS desa_id, 1 AS flag
      FROM growth_measurement g JOIN person p ON p.id = g.person_id AND p.deleted_at IS NULL
      WHERE g.deleted_at IS NULL AND g.weight_kg IS NOT NULL`,
    activity: growthActivity,
  },
  { id: 'gizi.naik', events: (_w, rules) => monthlyGrowth(rules), activity: growthActivity },
  {
    id: 'gizi.bgm',
    events: (_w, rules) => statusOf('status_bbu', codesBelow(rules.statusGizi.bbU, -3)),
    activity: growthActivity,
  },
  {
    id: 'gizi.stunting',
    events: (_w, rules) => statusOf('status_pbu', codesBelow(rules.statusGizi.pbU, -2)),
    activity: growthActivity,
  },
  {
    id: 'gizi.wasting',
    events: (_w, rules) => statusOf('status_bbpb', codesBelow(rules.statusGizi.bbPb, -2)),
    activity: growthActivity,
  },
  {
    id: 'gizi.underweight',
    events: (_w, rules) => statusOf('status_bbu', codesBelow(rules.statusGizi.bbU, -2)),
    activity: growthActivity,
  },
  {
    id: 'gizi.overweight',
    events: (_w, rules) => statusOf('status_bbpb', codesAbove(rules.statusGizi.bbPb, 2)),
    activity: growthActivity,
  },
  {
    id: 'vita.biru',
    events: () => capsules('blue'),
    activity: (w) => countInWindow('vitamin_a', 'given_date', w),
  },
  {
    id: 'vita.merah',
    events: () => capsules('red'),
    activity: (w) => countInWindow('vitamin_a', 'given_date', w),
  },
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
