import { sql, type Kysely } from 'kysely';
import type { IndicatorResult, IndicatorValue, ReportRow } from '@shared/contract';
import type { IndicatorDefinition } from '@shared/domain/indicators/types';
import type { DB } from '../db/schema';
import { defaultReportRules, type ReportRules } from './rules';
import { dropOutRate } from '@shared/domain/immunization/completeness';
import {
  countByDesa,
  countsKey,
  pickRow,
  sourceRows,
  windowsOf,
  type CountMode,
  type Counts,
  type DateWindow,
  type EventSource,
  type Period,
  type PopulationSource,
  type WindowCounts,
} from './count';

/** What an indicator may need besides its own source. */
export interface EngineContext {
  rules: ReportRules;
  /** Every event source by id (drop-out reads its `later` source here). */
  sources?: Readonly<Record<string, EventSource>>;
  populations?: Readonly<Record<string, PopulationSource>>;
  /**
   * Work already done in this report: counts by source, mode and period (a drop-out reads the
   * same DPT1 / DPT3 / MR1 counts as the coverage rows, once) and activity counts by query
   * (every Klaster 3 screening indicator asks whether the month had screenings).
   */
  cache?: Map<string, Promise<WindowCounts>>;
  activityCache?: Map<string, Promise<number>>;
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

const NONE: Counts = { numerator: 0, observed: 0 };

/** The sources (and modes) whose counts an indicator needs: its own, and B of a drop-out. */
export function countsNeeded(def: IndicatorDefinition): { source: string; mode: CountMode }[] {
  if (def.notComputable) return [];
  const mode = def.numerator.mode;
  const den = def.denominator;
  return [
    { source: def.numerator.source, mode },
    ...(den.kind === 'dropout' ? [{ source: den.later, mode }] : []),
  ];
}

/** `make()` once per key when a cache is given. */
function remembered<T>(
  cache: Map<string, Promise<T>> | undefined,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const hit = cache?.get(key);
  if (hit) return hit;
  const made = make();
  cache?.set(key, made);
  return made;
}

async function populationByDesa(
  db: Kysely<DB>,
  population: PopulationSource,
  window: DateWindow,
  rules: ReportRules,
): Promise<Map<string, number>> {
  const rows = await sql<{ key: string; n: number }>`
    WITH src AS (${population.counts(window, rules)})
    SELECT coalesce(desa_id, 'luar') AS key, sum(n) AS n FROM src GROUP BY key`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, r.n]));
}

function percent(numerator: number, denominator: number | null): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** One cell. `later` is B of a drop-out; `base` the denominator of the row (target or S). */
function cell(
  def: IndicatorDefinition,
  counts: Counts | undefined,
  base: number | null,
  hasData: boolean,
  later: Counts | undefined,
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
    case 'population':
      return { numerator, denominator: base, value: percent(numerator, base) };
    case 'dropout': {
      const b = later?.numerator ?? 0;
      const rate = dropOutRate(numerator, b);
      return {
        numerator: numerator - b,
        denominator: numerator,
        value: rate.kind === 'rate' ? Math.round(rate.percent * 10) / 10 : null,
      };
    }
  }
}

const sumOver = (desa: readonly Desa[], counts: Map<string, Counts>): Counts =>
  desa.reduce(
    (t, d) => {
      const c = counts.get(d.id) ?? NONE;
      return { numerator: t.numerator + c.numerator, observed: t.observed + c.observed };
    },
    { ...NONE },
  );

/** The report entry of an indicator the recorded data cannot support yet, with its reason. */
export function notComputableResult(
  def: IndicatorDefinition & { notComputable: NonNullable<IndicatorDefinition['notComputable']> },
): IndicatorResult {
  return {
    code: def.code,
    name: def.name,
    cluster: def.cluster,
    computable: false,
    reason: def.notComputable,
  };
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
  context?: EngineContext,
): Promise<IndicatorResult> {
  const common = { code: def.code, name: def.name, cluster: def.cluster };
  if (def.notComputable) return notComputableResult({ ...def, notComputable: def.notComputable });
  const windows = windowsOf(period);
  const rules = context?.rules ?? defaultReportRules(windows.month.to);
  const mode = def.numerator.mode;
  const den = def.denominator;
  const laterSource = den.kind === 'dropout' ? context?.sources?.[den.later] : undefined;
  if (den.kind === 'dropout' && !laterSource) {
    throw new Error(`Indicator ${def.code}: no source ${den.later}`);
  }
  const population = den.kind === 'population' ? context?.populations?.[den.population] : undefined;
  if (den.kind === 'population' && !population) {
    throw new Error(`Indicator ${def.code}: no population ${den.population}`);
  }
  const counted = (s: EventSource) =>
    remembered(context?.cache, countsKey(s.id, mode, period), () =>
      countByDesa(db, s, mode, windows, rules),
    );
  const active = (w: DateWindow) => {
    const query = sql<{ n: number }>`SELECT EXISTS (${source.activity(w, rules)}) AS n`;
    const compiled = query.compile(db);
    return remembered(
      context?.activityCache,
      `${compiled.sql}|${JSON.stringify(compiled.parameters)}`,
      async () => (await query.execute(db)).rows[0]?.n ?? 0,
    );
  };
  const none: WindowCounts = { month: new Map(), ytd: new Map() };
  const [{ month, ytd }, later, monthActivity, ytdActivity, heads] = await Promise.all([
    counted(source),
    laterSource ? counted(laterSource) : none,
    active(windows.month),
    active(windows.ytd),
    population ? populationByDesa(db, population, windows.month, rules) : null,
  ]);
  const { month: monthLater, ytd: ytdLater } = later;
  const hasMonth = monthActivity > 0;
  const hasYtd = ytdActivity > 0;
  const year = Number(period.month.slice(0, 4));
  const factor = den.kind === 'sasaran' ? (den.factor ?? 1) : 1;
  const targets =
    den.kind === 'sasaran'
      ? await targetSource.targets(year, den.group)
      : new Map<string, number>();
  const targetOf = (id: string): number | null => {
    if (heads) return heads.get(id) ?? 0;
    const t = targets.get(id);
    return t === undefined ? null : Math.round(t * factor * 100) / 100;
  };
  const pct = (y: IndicatorValue, target: number | null) =>
    den.kind === 'sasaran' && y.numerator !== null ? percent(y.numerator, target) : null;

  const row = (
    key: string,
    desaCode: string | null,
    desaName: string,
    target: number | null,
    counts: { month?: Counts; ytd?: Counts; monthLater?: Counts; ytdLater?: Counts },
  ): ReportRow => {
    const m = cell(def, counts.month, target, hasMonth, counts.monthLater);
    const y = cell(def, counts.ytd, target, hasYtd, counts.ytdLater);
    return { key, desaCode, desaName, target, month: m, ytd: y, pctOfTarget: pct(y, target) };
  };

  const rows = desa.map((d) =>
    row(d.id, d.code, d.name, targetOf(d.id), {
      month: month.get(d.id),
      ytd: ytd.get(d.id),
      monthLater: monthLater.get(d.id),
      ytdLater: ytdLater.get(d.id),
    }),
  );
  const totalTargets = desa.map((d) => targetOf(d.id));
  const totalTarget = totalTargets.every((t) => t === null)
    ? null
    : totalTargets.reduce<number>((a, t) => a + (t ?? 0), 0);
  const total = row('total', null, 'Total wilayah kerja', totalTarget, {
    month: sumOver(desa, month),
    ytd: sumOver(desa, ytd),
    monthLater: sumOver(desa, monthLater),
    ytdLater: sumOver(desa, ytdLater),
  });
  const luar = row('luar', null, 'Luar wilayah', heads ? (heads.get('luar') ?? 0) : null, {
    month: month.get('luar'),
    ytd: ytd.get('luar'),
    monthLater: monthLater.get('luar'),
    ytdLater: ytdLater.get('luar'),
  });
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
 * numerator. Achievements: each subject at its first row in the window; status: at its latest
 * observation (the same row the count used).
 */
export async function subjectsBehind(
  db: Kysely<DB>,
  def: IndicatorDefinition,
  source: EventSource,
  window: DateWindow,
  key: string,
  rules: ReportRules = defaultReportRules(window.to),
): Promise<{ personId: string; onDate: string; desaId: string | null; counted: boolean }[]> {
  const desaFilter =
    key === 'total'
      ? sql`desa_id IS NOT NULL`
      : key === 'luar'
        ? sql`desa_id IS NULL`
        : sql`desa_id = ${key}`;
  const mode = def.numerator.mode;
  const rows = await sql<{
    person_id: string;
    on_date: string;
    desa_id: string | null;
    flag: number;
  }>`
    ${sourceRows(source, window, rules)},
    picked AS (
      SELECT person_id, on_date, desa_id, flag, ${pickRow(source, mode)}
      FROM src WHERE on_date >= ${window.from} AND on_date <= ${window.to}
      GROUP BY subject_id)
    SELECT person_id, on_date, desa_id, flag FROM picked
    WHERE ${desaFilter}
    ORDER BY on_date, person_id`.execute(db);
  return rows.rows
    .filter(
      (r) =>
        def.numerator.mode === 'achievement' || def.denominator.kind === 'observed' || r.flag === 1,
    )
    .map((r) => ({
      personId: r.person_id,
      onDate: r.on_date,
      desaId: r.desa_id,
      counted: def.numerator.mode === 'achievement' || r.flag === 1,
    }));
}
