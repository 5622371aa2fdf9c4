import { sql } from 'kysely';
import type { DoseCode } from '@shared/domain/immunization/codes';
import { COVERAGE_DOSES, doseSource } from '@shared/domain/indicators/k2';
import type { EventSource, SourceRow } from '../count';
import { rowsInWindow, inList, lastAllowedDaySql, livePerson } from '../sql';

/**
 * Klaster 2 imunisasi: each child's first dose of an antigen (given here or recorded from the
 * Buku KIA: coverage counts residents whoever vaccinated them), and IDL under the dose set in
 * force (the puskesmas' own codes when set), attributed to the last required dose.
 */

const activity = (w: Parameters<EventSource['activity']>[0]) =>
  rowsInWindow('immunization', 'given_date', w);

function firstDose(code: DoseCode): EventSource {
  return {
    id: doseSource(code),
    // Only children given the dose in the window can have their first one there.
    events: (w) => sql<SourceRow>`
      SELECT person_id AS subject_id, person_id, given_date AS on_date,
        residence_desa_id AS desa_id, 1 AS flag
      FROM (SELECT i.person_id, i.given_date, i.residence_desa_id,
              row_number() OVER (PARTITION BY i.person_id ORDER BY i.given_date, i.created_at) AS rn
            FROM immunization i
            WHERE ${livePerson(sql`i.person_id`)}
      AND i.deleted_at IS NULL AND i.dose_code = ${code}
              AND i.person_id IN (SELECT person_id FROM immunization
                WHERE dose_code = ${code} AND given_date >= ${w.from} AND given_date <= ${w.to}
                  AND deleted_at IS NULL))
      WHERE rn = 1`,
    activity,
  };
}

export const K2_IMUNISASI_SOURCES: EventSource[] = [
  ...COVERAGE_DOSES.map(firstDose),
  {
    // As `evaluateCompleteness`: the first dose of every required code, each on or before its
    // age limit; achieved on the latest of them.
    id: 'imun.idl',
    events: (w, rules) => {
      const reqs = rules.idl.requirements;
      const codes = reqs.map((r) => r.code);
      const deadline = sql`CASE f.dose_code ${sql.join(
        reqs.map((r) => sql`WHEN ${r.code} THEN ${lastAllowedDaySql(sql`p.birth_date`, r.by)}`),
        sql` `,
      )} END`;
      return sql<SourceRow>`
        WITH w AS MATERIALIZED (
          SELECT DISTINCT person_id FROM immunization
          WHERE given_date >= ${w.from} AND given_date <= ${w.to}
            AND dose_code IN ${inList(codes)} AND deleted_at IS NULL),
        f AS (
          SELECT i.person_id, i.dose_code, min(i.given_date) AS d
          FROM w JOIN immunization i INDEXED BY immunization_person ON i.person_id = w.person_id
          WHERE i.deleted_at IS NULL AND i.dose_code IN ${inList(codes)}
          GROUP BY i.person_id, i.dose_code),
        ok AS (
          SELECT f.person_id, f.d FROM f JOIN person p ON p.id = f.person_id AND p.deleted_at IS NULL
          WHERE f.d <= ${deadline}),
        done AS (SELECT person_id, max(d) AS on_date FROM ok GROUP BY person_id
                 HAVING count(*) = ${codes.length})
        SELECT done.person_id AS subject_id, done.person_id, done.on_date,
          (SELECT i.residence_desa_id FROM immunization i
            WHERE i.person_id = done.person_id AND i.given_date = done.on_date
              AND i.deleted_at IS NULL AND i.dose_code IN ${inList(codes)} LIMIT 1) AS desa_id,
          1 AS flag
        FROM done`;
    },
    activity,
  },
];
