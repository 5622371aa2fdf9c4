import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IndicatorResult, IndicatorValue, ReportRow } from '@shared/contract';
import type { IndicatorDefinition } from '@shared/domain/indicators/types';
import type { DB } from '../db/schema';

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
 * is. `events` may return rows outside the window; the engine filters by `on_date`.
 */
export interface EventSource {
  id: string;
  events(window: DateWindow): RawBuilder<SourceRow>;
  /** How many service rows the area has in the window: 0 means "no data", not zero. */
  activity(window: DateWindow): RawBuilder<{ n: number }>;
}

export interface TargetSource {
  /** Annual target per desa id for a sasaran group; missing desa = no target. */
  targets(year: number, group: string): Promise<Map<string, number>>;
}

export interface Desa {
  id: string;
  code: string;
  name: string;
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

interface Counts {
  numerator: number;
  /** Subjects observed (status sources only). */
  observed: number;
}

async function countByDesa(
  db: Kysely<DB>,
  source: EventSource,
  mode: IndicatorDefinition['numerator']['mode'],
  window: DateWindow,
): Promise<Map<string, Counts>> {
  const events = source.events(window);
  const rows =
    mode === 'achievement'
      ? await sql<{ key: string; numerator: number; observed: number }>`
          WITH src AS (${events})
          SELECT coalesce(desa_id, 'luar') AS key, count(DISTINCT subject_id) AS numerator, 0 AS observed
          FROM src WHERE on_date >= ${window.from} AND on_date <= ${window.to}
          GROUP BY key`.execute(db)
      : await sql<{ key: string; numerator: number; observed: number }>`
          WITH src AS (${events}),
          latest AS (
            SELECT desa_id, flag,
              row_number() OVER (PARTITION BY subject_id ORDER BY on_date DESC, flag DESC) AS rn
            FROM src WHERE on_date >= ${window.from} AND on_date <= ${window.to})
          SELECT coalesce(desa_id, 'luar') AS key, sum(flag) AS numerator, count(*) AS observed
          FROM latest WHERE rn = 1 GROUP BY key`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, { numerator: r.numerator, observed: r.observed }]));
}

function percent(numerator: number, denominator: number | null): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

function cell(
  def: IndicatorDefinition,
  counts: Counts | undefined,
  target: number | null,
  hasData: boolean,
): IndicatorValue {
  if (!hasData) return { numerator: null, denominator: null, value: null };
  const numerator = counts?.numerator ?? 0;
  switch (def.denominator.kind) {
    case 'none':
      return { numerator, denominator: null, value: numerator };
    case 'observed': {
      const observed = counts?.observed ?? 0;
      return { numerator, denominator: observed, value: percent(numerator, observed) };
    }
    case 'sasaran':
      return { numerator, denominator: target, value: percent(numerator, target) };
  }
}

/**
 * Compute one indicator for a month and the year to date, per desa of the wilayah kerja,
 * for non-residents (`luar`) and the total of residents. Unique subjects are counted in each
 * window separately, so the year to date is never a sum of months.
 */
export async function computeIndicator(
  db: Kysely<DB>,
  def: IndicatorDefinition,
  source: EventSource,
  period: Period,
  desa: readonly Desa[],
  targetSource: TargetSource,
): Promise<IndicatorResult> {
  const common = { code: def.code, name: def.name, cluster: def.cluster };
  if (def.notComputable) return { ...common, computable: false, reason: def.notComputable };
  const windows = windowsOf(period);
  const [month, ytd, monthActivity, ytdActivity] = await Promise.all([
    countByDesa(db, source, def.numerator.mode, windows.month),
    countByDesa(db, source, def.numerator.mode, windows.ytd),
    source.activity(windows.month).execute(db),
    source.activity(windows.ytd).execute(db),
  ]);
  const hasMonth = (monthActivity.rows[0]?.n ?? 0) > 0;
  const hasYtd = (ytdActivity.rows[0]?.n ?? 0) > 0;
  const year = Number(period.month.slice(0, 4));
  const factor = def.denominator.kind === 'sasaran' ? (def.denominator.factor ?? 1) : 1;
  const targets =
    def.denominator.kind === 'sasaran'
      ? await targetSource.targets(year, def.denominator.group)
      : new Map<string, number>();
  const targetOf = (id: string): number | null => {
    const t = targets.get(id);
    return t === undefined ? null : Math.round(t * factor * 100) / 100;
  };

  const row = (
    key: string,
    desaCode: string | null,
    desaName: string,
    target: number | null,
  ): ReportRow => {
    const m = cell(def, month.get(key), target, hasMonth);
    const y = cell(def, ytd.get(key), target, hasYtd);
    return {
      key,
      desaCode,
      desaName,
      target,
      month: m,
      ytd: y,
      pctOfTarget:
        def.denominator.kind === 'sasaran' && y.numerator !== null
          ? percent(y.numerator, target)
          : null,
    };
  };

  const rows = desa.map((d) => row(d.id, d.code, d.name, targetOf(d.id)));
  const sum = (pick: (c: Counts) => number, counts: Map<string, Counts>) =>
    desa.reduce((total, d) => total + pick(counts.get(d.id) ?? { numerator: 0, observed: 0 }), 0);
  const totalTargets = desa.map((d) => targetOf(d.id));
  const totalTarget = totalTargets.every((t) => t === null)
    ? null
    : totalTargets.reduce<number>((a, t) => a + (t ?? 0), 0);
  const totalCounts = (counts: Map<string, Counts>): Counts => ({
    numerator: sum((c) => c.numerator, counts),
    observed: sum((c) => c.observed, counts),
  });
  const total: ReportRow = (() => {
    const m = cell(def, totalCounts(month), totalTarget, hasMonth);
    const y = cell(def, totalCounts(ytd), totalTarget, hasYtd);
    return {
      key: 'total',
      desaCode: null,
      desaName: 'Total wilayah kerja',
      target: totalTarget,
      month: m,
      ytd: y,
      pctOfTarget:
        def.denominator.kind === 'sasaran' && y.numerator !== null
          ? percent(y.numerator, totalTarget)
          : null,
    };
  })();
  const luar = row('luar', null, 'Luar wilayah', null);
  return {
    ...common,
    computable: true,
    unit: def.unit,
    goal: def.goal,
    rows: [...rows, total, luar],
  };
}

/**
 * The persons behind one number (drill-down): the subjects counted for `key` (a desa id,
 * `luar` or `total`) in the window, with the date that counted and whether they are in the
 * numerator.
 */
export async function subjectsBehind(
  db: Kysely<DB>,
  def: IndicatorDefinition,
  source: EventSource,
  window: DateWindow,
  key: string,
): Promise<{ personId: string; onDate: string; counted: boolean }[]> {
  const events = source.events(window);
  const desaFilter =
    key === 'total'
      ? sql`desa_id IS NOT NULL`
      : key === 'luar'
        ? sql`desa_id IS NULL`
        : sql`desa_id = ${key}`;
  const rows = await sql<{ person_id: string; on_date: string; flag: number }>`
    WITH src AS (${events}),
    ordered AS (
      SELECT person_id, on_date, flag, desa_id,
        row_number() OVER (PARTITION BY subject_id ORDER BY on_date DESC, flag DESC) AS rn
      FROM src WHERE on_date >= ${window.from} AND on_date <= ${window.to})
    SELECT person_id, on_date, flag FROM ordered
    WHERE rn = 1 AND ${desaFilter}
    ORDER BY on_date, person_id`.execute(db);
  return rows.rows
    .filter(
      (r) =>
        def.numerator.mode === 'achievement' || def.denominator.kind === 'observed' || r.flag === 1,
    )
    .map((r) => ({ personId: r.person_id, onDate: r.on_date, counted: r.flag === 1 }));
}
