import { sql, type RawBuilder } from 'kysely';
import {
  ELIGIBILITY_KLASTER3,
  HT_CONTROL_LAST_VISIT,
  type FollowUpProgram,
  type ResultCode,
} from '@shared/domain/adult';
import { ADL_CATEGORIES, K3_SOURCE_IDS, adlSource } from '@shared/domain/indicators/k3';
import {
  firstAndLatestFamily,
  gradedFamily,
  type DateWindow,
  type EventSource,
  type SourceFamily,
  type SourceRow,
} from '../count';
import { addMonthsSql, entryKey, inList, livePerson, rowsInWindow } from '../sql';

/**
 * Klaster 3 event sources (definitions in `domain/indicators/k3.ts`). Every row is attributed to
 * the desa the person lived in on the service date (the row's `residence_desa_id`, null = luar
 * wilayah). Ages, cut-offs and categories are read from the adult domain's reference sets and
 * bound as parameters, never typed here:
 *
 * - achievements ("≥ 1× a year") give one row per person per calendar year, the first qualifying
 *   service of that year; the subject is `person:year`, so a month counts a person only in the
 *   month of their first service that year and the year to date counts each person once;
 * - status sources give every row with its entry key: the engine lets each person's latest
 *   entry in the window decide (the later entry of a day wins, as in `htControlStatus`).
 */

const E = ELIGIBILITY_KLASTER3;
const HT_CONTROL = HT_CONTROL_LAST_VISIT;
/** Screening glucose classes that mean "DM found" (diagnostic or suspected, to be confirmed). */
const DM_FOUND_CODES: readonly ResultCode[] = ['gula.dm', 'gula.curiga_dm'];

/** 1 January of the window's first year: achievements look back to the start of their year. */
const yearStart = (w: DateWindow) => `${w.from.slice(0, 4)}-01-01`;

/**
 * A register row `a` covers `date`: diagnosed on or `before` it and not yet left (a patient who
 * left on `date` was still one that day).
 */
const covers = (date: RawBuilder<unknown>, diagnosed: 'on' | 'before') =>
  sql`a.diagnosed_on ${diagnosed === 'on' ? sql`<=` : sql`<`} ${date}
    AND (a.ended_on IS NULL OR a.ended_on >= ${date})`;

/**
 * An achievement "≥ 1× a year": one row per person per calendar year, the first of `events`
 * (columns `person_id`, `on_date`, `desa_id`, `created_at`, `id`) that year, by `entryKey` (a
 * `GROUP BY` sorts once where a window function sorts per partition). The subject is
 * `person:year`, so the source is `oneRowPerSubject` by construction.
 */
const oncePerYear = (
  id: string,
  events: (w: DateWindow) => RawBuilder<unknown>,
  activity: EventSource['activity'],
): EventSource => ({
  id,
  events: (w) => sql<SourceRow>`
    SELECT person_id || ':' || substr(on_date, 1, 4) AS subject_id, person_id, on_date, desa_id,
      1 AS flag, min(${entryKey('on_date')}) AS entry
    FROM (${events(w)}) GROUP BY person_id, substr(on_date, 1, 4)`,
  activity,
  oneRowPerSubject: true,
});

/**
 * A status source: every row with its `entry`, subject = the person; the engine lets each
 * person's latest entry decide (`latestByEntry`), the later entry of a day over the earlier.
 */
const latestEntry = (
  id: string,
  events: (w: DateWindow) => RawBuilder<unknown>,
  activity: EventSource['activity'],
): EventSource => ({
  id,
  events: (w) => sql<SourceRow>`
    SELECT person_id AS subject_id, person_id, on_date, desa_id, flag,
      ${entryKey('on_date')} AS entry
    FROM (${events(w)})`,
  activity,
  latestByEntry: true,
});

const screeningActivity = (w: DateWindow) => rowsInWindow('adult_screening', 'screened_on', w);
const kontrolActivity = (w: DateWindow) => rowsInWindow('adult_kontrol', 'visit_on', w);
const lansiaActivity = (w: DateWindow) => rowsInWindow('adult_lansia', 'screened_on', w);

/** Live PTM screenings of live persons from `from` to `to`, with `extra` columns. */
const screenings = (from: string, to: string, extra: RawBuilder<unknown>, where = sql`1`) => sql`
  SELECT s.id, s.person_id, s.screened_on AS on_date, s.residence_desa_id AS desa_id,
    s.created_at, ${extra}
  FROM adult_screening s
  WHERE ${livePerson(sql`s.person_id`)} AND s.deleted_at IS NULL
    AND s.screened_on >= ${from} AND s.screened_on <= ${to} AND ${where}`;

/**
 * Live screenings from `from` to `to` that `tested` (`s.*` condition), with `flag` = 1 when
 * `positive` and new: the person was not yet in the `program` register the day before (a patient
 * registered from this very screening is a case it found).
 */
const positiveScreenings = (
  program: FollowUpProgram,
  from: string,
  to: string,
  tested: RawBuilder<unknown>,
  positive: RawBuilder<unknown>,
) => sql`
  SELECT s.id, s.person_id, s.screened_on AS on_date, s.residence_desa_id AS desa_id,
    s.created_at,
    CASE WHEN ${positive} AND NOT EXISTS (SELECT 1 FROM adult_patient a
        WHERE a.person_id = s.person_id AND a.program = ${program} AND a.deleted_at IS NULL
          AND ${covers(sql`s.screened_on`, 'before')})
      THEN 1 ELSE 0 END AS flag
  FROM adult_screening s
  WHERE ${livePerson(sql`s.person_id`)} AND s.deleted_at IS NULL
    AND s.screened_on >= ${from} AND s.screened_on <= ${to} AND ${tested}`;

/**
 * Kontrol visits of live persons in the `program` register on the visit date (diagnosed on or
 * before it, not yet left), aged at least the Klaster 3 minimum then, that measured what the
 * programme follows (BP for HT, glucose or HbA1c for DM).
 *
 * Read patient by patient: for each live row of the register (the covering
 * `adult_patient_person` index, in person order, with the birth date from the narrow
 * `person_live_birth` index), the kontrols of that person from the first day the row can count
 * (diagnosis, minimum age, window) through the covering `adult_kontrol_person_report` index.
 * A kontrol is read once per register row that covers it: every count and list picks one row
 * per person, so a kontrol inside two overlapping rows of a person changes nothing. On the 100k
 * demo this took three quarters of the time of checking every kontrol of the window against the
 * register, and the rows come out by person, so grouping them needs no sort.
 */
const kontrols = (program: FollowUpProgram, from: string, to: string, extra = sql`1 AS flag`) => {
  const measured =
    program === 'ht'
      ? sql`k.sistolik IS NOT NULL AND k.diastolik IS NOT NULL`
      : sql`(k.gula_value IS NOT NULL OR k.hba1c IS NOT NULL)`;
  const adultFrom = addMonthsSql(sql`p.birth_date`, E.ptm.minAge * 12);
  return sql`
    SELECT k.id, a.person_id, k.visit_on AS on_date, k.residence_desa_id AS desa_id,
      k.created_at, ${extra}
    FROM adult_patient a INDEXED BY adult_patient_person
      CROSS JOIN person p INDEXED BY person_live_birth ON p.id = a.person_id
      CROSS JOIN adult_kontrol k INDEXED BY adult_kontrol_person_report ON k.person_id = a.person_id
    WHERE a.program = ${program} AND a.deleted_at IS NULL AND p.deleted_at IS NULL
      AND k.deleted_at IS NULL
      AND k.visit_on >= max(a.diagnosed_on, ${adultFrom}, ${from}) AND k.visit_on <= ${to}
      AND ${covers(sql`k.visit_on`, 'on')} AND ${measured}`;
};

/** Live lansia rows at age ≥ the SKILAS minimum, of live persons, with `extra` columns. */
const lansia = (
  from: string,
  to: string,
  where: RawBuilder<unknown>,
  extra = sql`1 AS flag`,
) => sql`
  SELECT l.id, l.person_id, l.screened_on AS on_date, l.residence_desa_id AS desa_id,
    l.created_at, ${extra}
  FROM adult_lansia l
  WHERE ${livePerson(sql`l.person_id`)} AND l.deleted_at IS NULL
    AND l.screened_on >= ${from} AND l.screened_on <= ${to}
    AND l.age_years >= ${E.skilas.minAge} AND ${where}`;

const htPositive = sql`s.td_positif = 1`;
const dmPositive = sql`s.gula_code IN ${inList(DM_FOUND_CODES)}`;

function foundSources(program: FollowUpProgram): EventSource[] {
  const ht = program === 'ht';
  const positive = ht ? htPositive : dmPositive;
  const tested = ht ? sql`s.td_positif IS NOT NULL` : sql`s.gula_code IS NOT NULL`;
  return [
    oncePerYear(
      ht ? K3_SOURCE_IDS.htDitemukan : K3_SOURCE_IDS.dmDitemukan,
      (w) =>
        sql`SELECT * FROM (${positiveScreenings(program, yearStart(w), w.to, positive, positive)})
          WHERE flag = 1`,
      screeningActivity,
    ),
    latestEntry(
      ht ? K3_SOURCE_IDS.htDitemukanDiskrining : K3_SOURCE_IDS.dmDitemukanDiskrining,
      (w) => positiveScreenings(program, w.from, w.to, tested, positive),
      screeningActivity,
    ),
  ];
}

/** HT controlled: each patient's latest kontrol, flagged when the BP was below the cut-offs. */
const htControlled = latestEntry(
  K3_SOURCE_IDS.htTerkendali,
  (w) =>
    kontrols(
      'ht',
      w.from,
      w.to,
      sql`CASE WHEN k.sistolik < ${HT_CONTROL.systolicBelow}
        AND k.diastolik < ${HT_CONTROL.diastolicBelow} THEN 1 ELSE 0 END AS flag`,
    ),
  kontrolActivity,
);

const list: EventSource[] = [
  oncePerYear(
    K3_SOURCE_IDS.ptmSkrining,
    (w) =>
      screenings(
        yearStart(w),
        w.to,
        sql`1 AS flag`,
        sql`s.age_years >= ${E.ptm.minAge} AND s.age_years < ${E.skilas.minAge}`,
      ),
    screeningActivity,
  ),
  ...foundSources('ht'),
  ...foundSources('dm'),
  oncePerYear(K3_SOURCE_IDS.htDilayani, (w) => kontrols('ht', yearStart(w), w.to), kontrolActivity),
  oncePerYear(K3_SOURCE_IDS.dmDilayani, (w) => kontrols('dm', yearStart(w), w.to), kontrolActivity),
  htControlled,
  oncePerYear(
    K3_SOURCE_IDS.lansiaSkilas,
    (w) => lansia(yearStart(w), w.to, sql`l.skilas_version IS NOT NULL`),
    lansiaActivity,
  ),
  ...ADL_CATEGORIES.map((category) =>
    latestEntry(
      adlSource(category),
      (w) =>
        lansia(
          w.from,
          w.to,
          sql`l.barthel_code IS NOT NULL`,
          sql`CASE WHEN l.barthel_code = ${category} THEN 1 ELSE 0 END AS flag`,
        ),
      lansiaActivity,
    ),
  ),
];

/** The ADL category as a digit (its place in `ADL_CATEGORIES`; 9 for a code of none). */
if (ADL_CATEGORIES.length > 9) throw new Error('ADL categories: one digit each');
const adlGrade = sql`CASE l.barthel_code ${sql.join(
  ADL_CATEGORIES.map((category, grade) => sql`WHEN ${category} THEN ${sql.lit(grade)}`),
  sql` `,
)} ELSE 9 END AS flag`;

/**
 * Sources that read the same rows, counted in one read each (see `SourceFamily`): HT served and
 * HT controlled (the register's kontrols), and the five ADL categories (the Barthel
 * assessments). On the 100k demo the pair took 0.7 of its members' time, the categories 0.2.
 * The screening sources (PTM screened, cases found, found among the screened) were measured as
 * a family too, and took longer than alone: the cases found read only the positive screenings.
 */
export const K3_FAMILIES: SourceFamily[] = [
  firstAndLatestFamily({
    id: 'ptm.ht_kontrol',
    first: K3_SOURCE_IDS.htDilayani,
    latest: htControlled,
  }),
  gradedFamily(
    'lansia.adl',
    latestEntry(
      'lansia.adl',
      (w) => lansia(w.from, w.to, sql`l.barthel_code IS NOT NULL`, adlGrade),
      lansiaActivity,
    ),
    ADL_CATEGORIES.map((category, grade) => ({ source: adlSource(category), grades: [grade] })),
  ),
];

/** Every Klaster 3 source by id. */
export const K3_SOURCES: Readonly<Record<string, EventSource>> = Object.fromEntries(
  list.map((s) => [s.id, s]),
);
