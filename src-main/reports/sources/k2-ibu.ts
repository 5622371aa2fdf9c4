import { sql, type RawBuilder } from 'kysely';
import { ANC_K4_OLD_1_1_2, ANC_SPLIT_1_2_3, type AncSplitSet } from '@shared/domain/maternal/anc';
import { NAEGELE_DAYS, type TrimesterSet } from '@shared/domain/maternal/dating';
import type { KbMethod } from '@shared/domain/maternal/kb';
import type { DateWindow, EventSource, SourceRow } from '../count';
import type { ReportRules } from '../rules';
import {
  addDaysSql,
  addMonthsSql,
  rowsInWindow,
  entryKey,
  inList,
  minutesBetweenSql,
  livePerson,
} from '../sql';

/**
 * Klaster 2 ibu: ANC (K1 akses, K1 murni, K4 lama, K6, HIV test), bumil KEK and anaemia,
 * persalinan di fasyankes, KF lengkap, KB aktif and KB pascasalin. One row per pregnancy /
 * delivery / woman, on the date the status was reached, in the desa she lived in on that date
 * (the service row's `residence_desa_id`).
 */

const ancActivity = (w: Parameters<EventSource['activity']>[0]) =>
  rowsInWindow('anc_contact', 'visit_date', w);

/**
 * Live ANC contacts of live pregnancies, with the trimester under the chosen reading. With a
 * window, only the pregnancies with a contact in it (an achievement is reached on a contact date,
 * so the others cannot count) — the whole history of those pregnancies is kept.
 */
function contacts(trimester: TrimesterSet, window?: DateWindow): RawBuilder<unknown> {
  const ga = sql`(${NAEGELE_DAYS} - (julianday(g.hpl) - julianday(a.visit_date)))`;
  return sql`
    SELECT a.id, a.pregnancy_id, a.person_id, a.visit_date, a.residence_desa_id, a.by_doctor,
      a.lila_cm, a.hb_gdl, a.hiv, a.created_at,
      CASE WHEN ${ga} <= ${trimester.tm1LastDay} THEN 1
           WHEN ${ga} <= ${trimester.tm2LastDay} THEN 2 ELSE 3 END AS tm
    FROM anc_contact a
    JOIN pregnancy g ON g.id = a.pregnancy_id AND g.deleted_at IS NULL
    WHERE ${livePerson(sql`a.person_id`)}
      AND a.deleted_at IS NULL ${
        window
          ? sql`AND a.pregnancy_id IN (SELECT pregnancy_id FROM anc_contact
            WHERE visit_date >= ${window.from} AND visit_date <= ${window.to}
              AND deleted_at IS NULL)`
          : sql``
      }`;
}

function firstContact(w: DateWindow, rules: ReportRules, murni: boolean) {
  return sql<SourceRow>`
    SELECT pregnancy_id AS subject_id, person_id, visit_date AS on_date,
      residence_desa_id AS desa_id, 1 AS flag
    FROM (SELECT c.*, row_number() OVER (
            PARTITION BY c.pregnancy_id ORDER BY c.visit_date, c.created_at) AS rn
          FROM (${contacts(rules.maternal.trimester, w)}) c)
    WHERE rn = 1 ${murni ? sql`AND tm = 1` : sql``}`;
}

/**
 * The date an ANC split is complete (as `ancCompletion`): the latest of the n-th contact of each
 * trimester that needs n, and the first doctor contact of each trimester that needs one.
 */
function completion(w: DateWindow, rules: ReportRules, split: AncSplitSet) {
  const reqs: RawBuilder<unknown>[] = [];
  split.perTrimester.forEach((n, i) => {
    if (n > 0) reqs.push(sql`max(CASE WHEN tm = ${i + 1} AND k = ${n} THEN visit_date END)`);
  });
  for (const t of split.doctorTrimesters) {
    reqs.push(sql`max(CASE WHEN tm = ${t} AND by_doctor = 1 AND kd = 1 THEN visit_date END)`);
  }
  const achieved = reqs.length === 1 ? reqs[0]! : sql`max(${sql.join(reqs)})`; // scalar max: NULL if any is
  return sql<SourceRow>`
    WITH c AS (${contacts(rules.maternal.trimester, w)}),
    r AS (
      SELECT c.*,
        row_number() OVER (PARTITION BY pregnancy_id, tm ORDER BY visit_date, created_at) AS k,
        row_number() OVER (PARTITION BY pregnancy_id, tm, by_doctor ORDER BY visit_date, created_at) AS kd
      FROM c),
    done AS (SELECT pregnancy_id, person_id, ${achieved} AS on_date FROM r GROUP BY pregnancy_id)
    SELECT done.pregnancy_id AS subject_id, done.person_id, done.on_date,
      (SELECT c.residence_desa_id FROM c
        WHERE c.pregnancy_id = done.pregnancy_id AND c.visit_date = done.on_date LIMIT 1) AS desa_id,
      1 AS flag
    FROM done WHERE done.on_date IS NOT NULL`;
}

/** K6 counts with the chosen split when it is a K6 split, else with 1-2-3. */
const k6Split = (rules: ReportRules) =>
  rules.maternal.split.indicator === 'K6' ? rules.maternal.split : ANC_SPLIT_1_2_3;

/** A measurement at ANC contacts, each pregnancy's latest in the window deciding. */
function ancStatus(w: DateWindow, column: 'lila_cm' | 'hb_gdl', below: number, rules: ReportRules) {
  return sql<SourceRow>`
    SELECT pregnancy_id AS subject_id, person_id, visit_date AS on_date,
      residence_desa_id AS desa_id, CASE WHEN ${sql.ref(column)} < ${below} THEN 1 ELSE 0 END AS flag
    FROM (${contacts(rules.maternal.trimester)})
    WHERE ${sql.ref(column)} IS NOT NULL AND visit_date >= ${w.from} AND visit_date <= ${w.to}`;
}

/** Whether a KB service still protects on `asOf` (as `kbDue`: not yet TERLAMBAT). */
function protectedOn(rules: ReportRules, asOf: string): RawBuilder<unknown> {
  const set = rules.kb;
  const branches = (Object.keys(set.revisit) as KbMethod[]).map((method) => {
    const rule = set.revisit[method];
    const grace = set.graceDays[method];
    let latest: RawBuilder<unknown> | null;
    switch (rule.kind) {
      case 'DAYS':
        latest = addDaysSql(sql`k.visit_date`, rule.days + grace);
        break;
      case 'PER_PACK':
        latest = addDaysSql(
          sql`k.visit_date`,
          sql`${rule.daysPerPack} * coalesce(k.packs, 1) + ${grace}`,
        );
        break;
      case 'PRODUCT_LIFE': {
        const products = set.products.filter((p) => p.method === method);
        const months = products.length
          ? sql`CASE k.product ${sql.join(
              products.map((p) => sql`WHEN ${p.code} THEN ${p.lifeMonths}`),
              sql` `,
            )} ELSE ${rule.defaultMonths} END`
          : sql`${rule.defaultMonths}`;
        latest = addDaysSql(addMonthsSql(sql`k.visit_date`, months), grace);
        break;
      }
      case 'POSTPARTUM_MONTHS':
        latest = sql`CASE WHEN dl.delivery_date IS NULL THEN NULL ELSE ${addDaysSql(
          addMonthsSql(sql`dl.delivery_date`, rule.months),
          grace,
        )} END`;
        break;
      case 'NONE':
        latest = null;
        break;
    }
    return latest === null
      ? sql`WHEN ${method} THEN 1`
      : sql`WHEN ${method} THEN coalesce(${latest} >= ${asOf}, 0)`;
  });
  return sql`(CASE k.method ${sql.join(branches, sql` `)} ELSE 0 END)`;
}

export const K2_IBU_SOURCES: EventSource[] = [
  {
    id: 'anc.k1',
    events: (w, rules) => firstContact(w, rules, false),
    activity: ancActivity,
  },
  {
    id: 'anc.k1_murni',
    events: (w, rules) => firstContact(w, rules, true),
    activity: ancActivity,
  },
  {
    id: 'anc.k4',
    events: (w, rules) => completion(w, rules, ANC_K4_OLD_1_1_2),
    activity: ancActivity,
    materialized: true,
  },
  {
    id: 'anc.k6',
    events: (w, rules) => completion(w, rules, k6Split(rules)),
    activity: ancActivity,
    materialized: true,
  },
  {
    id: 'anc.hiv_tested',
    events: (w, rules) => sql<SourceRow>`
      SELECT pregnancy_id AS subject_id, person_id, visit_date AS on_date,
        residence_desa_id AS desa_id, 1 AS flag
      FROM (SELECT c.*, row_number() OVER (
              PARTITION BY c.pregnancy_id ORDER BY c.visit_date, c.created_at) AS rn
            FROM (${contacts(rules.maternal.trimester, w)}) c WHERE c.hiv IS NOT NULL)
      WHERE rn = 1`,
    activity: ancActivity,
  },
  {
    id: 'anc.kek',
    events: (w, rules) => ancStatus(w, 'lila_cm', rules.maternal.risk.lilaKekBelowCm, rules),
    activity: ancActivity,
  },
  {
    id: 'anc.anemia',
    events: (w, rules) => ancStatus(w, 'hb_gdl', rules.maternal.risk.hbAnemiaBelowGdl, rules),
    activity: ancActivity,
  },
  {
    id: 'delivery.pf',
    events: (w, rules) => sql<SourceRow>`
      SELECT d.id AS subject_id, d.person_id, d.delivery_date AS on_date,
        d.residence_desa_id AS desa_id, 1 AS flag
      FROM delivery d
      WHERE ${livePerson(sql`d.person_id`)}
      AND d.deleted_at IS NULL
        AND d.delivery_date >= ${w.from} AND d.delivery_date <= ${w.to}
        AND d.delivery_place IN ${inList(rules.maternal.delivery.fasyankesPlaces)}
        AND d.attendant IN ${inList(rules.maternal.delivery.nakesAttendants)}`,
    activity: (w) => rowsInWindow('delivery', 'delivery_date', w),
  },
  {
    id: 'kf.lengkap',
    events: (win, rules) => {
      const windows = rules.maternal.nifas.windows;
      const minutes = minutesBetweenSql(sql`d.delivered_at`, sql`n.visited_at`);
      const kf = sql`CASE ${sql.join(
        windows.map(
          (w) =>
            sql`WHEN m >= ${w.fromHours * 60} AND m < ${w.toHoursExclusive * 60} THEN ${w.code}`,
        ),
        sql` `,
      )} END`;
      return sql<SourceRow>`
        WITH v AS (
          SELECT n.pregnancy_id, n.person_id, n.visit_date, n.residence_desa_id, ${minutes} AS m
          FROM nifas_visit n
          JOIN delivery d ON d.pregnancy_id = n.pregnancy_id AND d.deleted_at IS NULL
          WHERE ${livePerson(sql`n.person_id`)}
      AND n.deleted_at IS NULL
            AND n.pregnancy_id IN (SELECT pregnancy_id FROM nifas_visit
              WHERE visit_date >= ${win.from} AND visit_date <= ${win.to} AND deleted_at IS NULL)),
        w AS (SELECT v.*, ${kf} AS kf FROM v),
        firsts AS (SELECT pregnancy_id, kf, min(m) AS m FROM w WHERE kf IS NOT NULL
                   GROUP BY pregnancy_id, kf),
        done AS (SELECT pregnancy_id, max(m) AS m FROM firsts GROUP BY pregnancy_id
                 HAVING count(*) = ${windows.length})
        SELECT w.pregnancy_id AS subject_id, w.person_id, w.visit_date AS on_date,
          w.residence_desa_id AS desa_id, 1 AS flag
        FROM done JOIN w ON w.pregnancy_id = done.pregnancy_id AND w.m = done.m`;
    },
    activity: (w) => rowsInWindow('nifas_visit', 'visit_date', w),
  },
  {
    // A stock, not a flow: the women protected on the last day of the window, by the KB
    // service in force then (her latest visit before that day, by `entryKey`). Both windows
    // end on the same day.
    id: 'kb.aktif',
    events: (w, rules) => sql<SourceRow>`
      WITH latest AS MATERIALIZED (
        SELECT k.person_id, k.residence_desa_id, k.status, k.method, k.visit_date, k.packs,
          k.product, k.delivery_id, max(${entryKey('visit_date', 'k')}) AS entry
        FROM kb_visit k
        WHERE ${livePerson(sql`k.person_id`)}
          AND k.deleted_at IS NULL AND k.visit_date <= ${w.to}
        GROUP BY k.person_id)
      SELECT k.person_id AS subject_id, k.person_id, ${w.to} AS on_date,
        k.residence_desa_id AS desa_id, 1 AS flag
      FROM latest k LEFT JOIN delivery dl ON dl.id = k.delivery_id AND dl.deleted_at IS NULL
      WHERE k.status <> 'DROP_OUT' AND ${protectedOn(rules, w.to)} = 1`,
    activity: (w) => sql`SELECT 1 FROM kb_visit WHERE deleted_at IS NULL AND visit_date <= ${w.to}`,
  },
  {
    id: 'kb.pascasalin',
    events: (w, rules) => sql<SourceRow>`
      SELECT subject_id, person_id, on_date, desa_id, 1 AS flag FROM (
        SELECT d.id AS subject_id, k.person_id, k.visit_date AS on_date,
          k.residence_desa_id AS desa_id,
          row_number() OVER (PARTITION BY d.id ORDER BY k.visit_date, k.created_at) AS rn
        FROM kb_visit k
        JOIN delivery d ON d.person_id = k.person_id AND d.deleted_at IS NULL
        WHERE ${livePerson(sql`k.person_id`)}
      AND k.deleted_at IS NULL AND k.status <> 'DROP_OUT'
          AND d.id IN (SELECT d2.id FROM kb_visit k2
            JOIN delivery d2 ON d2.person_id = k2.person_id AND d2.deleted_at IS NULL
            WHERE k2.visit_date >= ${w.from} AND k2.visit_date <= ${w.to} AND k2.deleted_at IS NULL)
          AND julianday(k.visit_date) - julianday(d.delivery_date)
              BETWEEN 0 AND ${rules.kb.pascasalinMaxDays})
      WHERE rn = 1`,
    activity: (w) => rowsInWindow('kb_visit', 'visit_date', w),
  },
];
