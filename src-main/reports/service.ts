import {
  AppError,
  type DrillRow,
  type FileDownload,
  type MonthlyReport,
  type ReportWindow,
  type SeriesPoint,
  type SkdnRow,
} from '@shared/contract';
import { TIMEZONE_OFFSETS } from '@shared/contract/facility';
import { localDate, monthOf } from '@shared/domain/dates';
import { skdn } from '@shared/domain/growth/skdn';
import {
  INDICATORS,
  INDICATOR_SET_VERSION,
  indicatorByCode,
  type IndicatorCluster,
  type IndicatorDefinition,
} from '@shared/domain/indicators';
import { translate, type Locale } from '@shared/i18n';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceDeps } from '../services/context';
import type { FacilityService } from '../services/facility';
import { expectedChildren, weighingsByPerson, type PosyanduFacts } from '../services/child-common';
import {
  computeIndicator,
  countsNeeded,
  notComputableResult,
  subjectsBehind,
  type Desa,
  type EngineContext,
  type TargetSource,
} from './engine';
import { countByDesa, countsKey, windowsOf, type WindowCounts } from './count';
import { createCountPool } from './pool';
import { loadReportRules } from './rules';
import { POPULATIONS, SOURCES } from './sources';
import { codesBelow } from './sql';
import { reportWorkbook } from './xlsx';

export interface ReportServiceOptions {
  /** Definitions to compute (default: every indicator). Tests pass a subset. */
  indicators?: readonly IndicatorDefinition[];
  /**
   * Count the sources of a monthly report in this many worker threads reading `file` (see
   * `pool.ts`); without it, or if a worker fails, they are counted on the main connection.
   */
  workers?: { file: string; count: number };
}

/** The annual targets per desa as saved in Klaster 1 › Sasaran (live rows only). */
export function sasaranTargets(db: Kysely<DB>): TargetSource {
  return {
    async targets(year, group) {
      const rows = await db
        .selectFrom('sasaran')
        .select(['desa_id', 'value'])
        .where('year', '=', year)
        .where('group_code', '=', group)
        .where('deleted_at', 'is', null)
        .execute();
      return new Map(rows.map((r) => [r.desa_id, r.value]));
    },
  };
}

/**
 * The monthly report (issue #8): every indicator per desa of the wilayah kerja, luar wilayah and
 * the total, for the month and January to the month; the persons behind any number; the PWS
 * line of one indicator; SKDN per posyandu; the workbook. Reads only: no transaction needed.
 */
export function createReportService(
  deps: ServiceDeps,
  facility: FacilityService,
  options: ReportServiceOptions = {},
) {
  const { db } = deps;
  const definitions = options.indicators ?? INDICATORS;

  const targets = sasaranTargets(db);
  const pool = options.workers
    ? createCountPool(options.workers.file, options.workers.count)
    : null;

  async function wilayah(): Promise<Desa[]> {
    return db
      .selectFrom('desa')
      .select(['id', 'code', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('code')
      .execute();
  }

  /** The facility, refusing a period that has not started (in the puskesmas' time zone). */
  async function checked(period: string, locale: Locale) {
    const f = await facility.get(locale);
    const today = localDate(deps.now(), TIMEZONE_OFFSETS[f.timezone]);
    if (period > monthOf(today)) {
      throw AppError.field(
        locale,
        'period',
        translate(locale, 'error.report.futurePeriod', { period }),
      );
    }
    return f;
  }

  async function context(period: string): Promise<EngineContext> {
    const rules = await loadReportRules(deps, windowsOf({ month: period }).month.to);
    return {
      rules,
      sources: SOURCES,
      populations: POPULATIONS,
      cache: new Map(),
      activityCache: new Map(),
    };
  }

  /**
   * The counts of every source the indicators need, handed to the workers (side by side) and
   * put in the report's cache at once, as promises: meanwhile `computeIndicator` reads the rest
   * of each row (activity, targets, head counts) on the main connection and waits only for its
   * own sources. A failing worker costs only time: what it did not count, the main connection
   * counts.
   */
  function countInWorkers(
    ctx: EngineContext,
    period: string,
    chosen: readonly IndicatorDefinition[],
  ): void {
    if (!pool) return;
    let warned = false;
    const warn = (error: unknown) => {
      if (warned) return;
      warned = true;
      deps.log.warn('report workers failed: counting on the main connection', {
        error: String(error),
      });
    };
    const items = chosen.flatMap(countsNeeded);
    let counting: Map<string, Promise<WindowCounts>>;
    try {
      counting = pool.count(period, ctx.rules, items);
    } catch (error) {
      warn(error); // the engine counts every source itself
      return;
    }
    for (const item of items) {
      const key = countsKey(item.source, item.mode, { month: period });
      const source = SOURCES[item.source];
      const counts = counting.get(key);
      if (!source || !counts || ctx.cache?.has(key)) continue;
      const onMain = (error: unknown) => {
        warn(error);
        return countByDesa(db, source, item.mode, windowsOf({ month: period }), ctx.rules);
      };
      ctx.cache?.set(key, counts.catch(onMain));
    }
  }

  function definition(code: string, locale: Locale): IndicatorDefinition {
    const def = definitions.find((d) => d.code === code) ?? indicatorByCode(code);
    if (!def) {
      throw AppError.field(locale, 'code', translate(locale, 'error.report.unknownCode', { code }));
    }
    if (def.notComputable) {
      throw AppError.field(
        locale,
        'code',
        translate(locale, 'error.report.notComputable', { code }),
      );
    }
    return def;
  }

  function sourceOf(def: IndicatorDefinition) {
    const source = SOURCES[def.numerator.source];
    if (!source) throw new Error(`Indicator ${def.code}: no source ${def.numerator.source}`);
    return source;
  }

  async function monthly(
    period: string,
    cluster: IndicatorCluster | undefined,
    locale: Locale,
  ): Promise<MonthlyReport> {
    const f = await checked(period, locale);
    const [desa, ctx] = await Promise.all([wilayah(), context(period)]);
    const chosen = definitions.filter((d) => !cluster || d.cluster === cluster);
    countInWorkers(ctx, period, chosen);
    // All at once: each waits for its own counts while the others read theirs.
    const indicators = await Promise.all(
      chosen.map((def) =>
        def.notComputable
          ? notComputableResult({ ...def, notComputable: def.notComputable })
          : computeIndicator(db, def, sourceOf(def), { month: period }, desa, targets, ctx),
      ),
    );
    return {
      formatVersion: 1,
      facility: { kode: f.kodePuskesmas ?? '', name: f.name },
      period,
      generatedAt: deps.now().toISOString(),
      definitions: INDICATOR_SET_VERSION,
      indicators,
    };
  }

  async function drill(
    input: { period: string; code: string; key: string; window: ReportWindow },
    locale: Locale,
  ): Promise<{ rows: DrillRow[] }> {
    await checked(input.period, locale);
    const def = definition(input.code, locale);
    const desa = await wilayah();
    if (input.key !== 'total' && input.key !== 'luar' && !desa.some((d) => d.id === input.key)) {
      throw AppError.field(
        locale,
        'key',
        translate(locale, 'error.report.unknownKey', { key: input.key }),
      );
    }
    const ctx = await context(input.period);
    const window = windowsOf({ month: input.period })[input.window];
    const subjects = await subjectsBehind(db, def, sourceOf(def), window, input.key, ctx.rules);
    if (subjects.length === 0) return { rows: [] };
    const ids = [...new Set(subjects.map((s) => s.personId))];
    const persons = new Map<
      string,
      { name: string; nik: string | null; sex: 'L' | 'P'; birth_date: string }
    >();
    // Chunked: SQLite limits bound parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('person')
        .select(['id', 'name', 'nik', 'sex', 'birth_date'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) persons.set(r.id, r);
    }
    const desaName = new Map(desa.map((d) => [d.id, d.name]));
    return {
      rows: subjects.flatMap((s) => {
        const p = persons.get(s.personId);
        if (!p) return [];
        return [
          {
            personId: s.personId,
            name: p.name,
            nik: p.nik,
            sex: p.sex,
            birthDate: p.birth_date,
            desaName: s.desaId === null ? null : (desaName.get(s.desaId) ?? null),
            onDate: s.onDate,
            counted: s.counted,
          },
        ];
      }),
    };
  }

  async function series(
    period: string,
    code: string,
    locale: Locale,
  ): Promise<{ points: SeriesPoint[] }> {
    await checked(period, locale);
    const def = definition(code, locale);
    const desa = await wilayah();
    const ctx = await context(period);
    const [year, last] = period.split('-').map(Number) as [number, number];
    const months = Array.from(
      { length: last },
      (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
    );
    for (const month of months) countInWorkers(ctx, month, [def]);
    const points: SeriesPoint[] = [];
    for (const month of months) {
      const result = await computeIndicator(db, def, sourceOf(def), { month }, desa, targets, ctx);
      if (!result.computable) continue;
      const total = result.rows.find((r) => r.key === 'total')!;
      points.push({ month, value: total.month, ytd: total.ytd, pctOfTarget: total.pctOfTarget });
    }
    return { points };
  }

  /**
   * SKDN of the month per posyandu, with the child area's rules (`skdn`, the KBM in force, the
   * posyandu's own list of balita as on its session screen) plus BGM among D.
   */
  async function skdnByPosyandu(period: string, locale: Locale): Promise<{ rows: SkdnRow[] }> {
    await checked(period, locale);
    const { month } = windowsOf({ month: period });
    const rules = await loadReportRules(deps, month.to);
    const bgmCodes = codesBelow(rules.statusGizi.bbU, -3);
    const posyandu = await db
      .selectFrom('posyandu as y')
      .innerJoin('desa as d', 'd.id', 'y.desa_id')
      .select(['y.id', 'y.name', 'y.desa_id', 'd.name as desa_name', 'y.rw', 'y.active'])
      .where('y.deleted_at', 'is', null)
      .where('d.deleted_at', 'is', null)
      .orderBy('d.name')
      .orderBy('y.name')
      .execute();
    const rows: SkdnRow[] = [];
    for (const y of posyandu) {
      const facts: PosyanduFacts = {
        id: y.id,
        name: y.name,
        desaId: y.desa_id,
        desaName: y.desa_name,
        rw: y.rw,
        active: y.active === 1,
      };
      const weighedHere = await db
        .selectFrom('growth_measurement')
        .select('person_id')
        .distinct()
        .where('posyandu_id', '=', y.id)
        .where('measure_date', '>=', month.from)
        .where('measure_date', '<=', month.to)
        .where('deleted_at', 'is', null)
        .execute();
      if (!y.active && weighedHere.length === 0) continue;
      const children = await expectedChildren(
        db,
        facts,
        month.to,
        'posyandu',
        weighedHere.map((r) => r.person_id),
      );
      const ids = children.map((c) => c.id);
      const weighings = await weighingsByPerson(db, ids, month.to);
      const kia = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const profiles = await db
          .selectFrom('child_profile')
          .select('person_id')
          .where('person_id', 'in', ids.slice(i, i + 500))
          .where('kia_book', '=', 1)
          .where('deleted_at', 'is', null)
          .execute();
        for (const p of profiles) kia.add(p.person_id);
      }
      const counts = skdn(
        children.map((c) => ({
          id: c.id,
          birthDate: c.birthDate,
          kiaBook: kia.has(c.id),
          weighings: (weighings.get(c.id) ?? []).filter((w) => w.date >= c.birthDate),
        })),
        period,
        rules.kbm,
      );
      // BGM: the weighing that counted for the month has BB/U below −3 SD.
      const statuses = ids.length
        ? await db
            .selectFrom('growth_measurement')
            .select(['person_id', 'measure_date', 'status_bbu'])
            .where('person_id', 'in', ids)
            .where('measure_date', '>=', month.from)
            .where('measure_date', '<=', month.to)
            .where('deleted_at', 'is', null)
            .execute()
        : [];
      const bbuOn = new Map(
        statuses.map((g) => [`${g.person_id}|${g.measure_date}`, g.status_bbu]),
      );
      let bgm = 0;
      for (const [childId, entry] of counts.byChild) {
        const bbu = bbuOn.get(`${childId}|${entry.date}`);
        if (bbu && (bgmCodes as string[]).includes(bbu)) bgm += 1;
      }
      rows.push({
        posyanduId: y.id,
        posyanduName: y.name,
        desaName: y.desa_name,
        S: counts.S,
        K: counts.K,
        D: counts.D,
        N: counts.N,
        O: counts.O,
        T2: counts.T2,
        BGM: bgm,
      });
    }
    return { rows };
  }

  async function xlsx(period: string, locale: Locale): Promise<FileDownload> {
    const report = await monthly(period, undefined, locale);
    return reportWorkbook(report, locale);
  }

  return {
    monthly,
    /** Stop the report workers (the database is about to close). */
    close: () => pool?.close() ?? Promise.resolve(),
    drill,
    series,
    skdn: skdnByPosyandu,
    xlsx,
    /** The bundle's `MonthlyReportSource`: the report and its workbook, in Indonesian. */
    async forBundle(period: string): Promise<{ report: MonthlyReport; xlsx: Uint8Array }> {
      const report = await monthly(period, undefined, 'id');
      const file = await reportWorkbook(report, 'id');
      return { report, xlsx: new Uint8Array(Buffer.from(file.base64, 'base64')) };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
