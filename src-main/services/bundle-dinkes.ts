import { sql } from 'kysely';
import {
  AppError,
  monthlyReport,
  TIMEZONE_OFFSETS,
  type CompletenessMatrix,
  type DistrictRecap,
  type FileDownload,
  type ImportRow,
  type IndicatorValue,
  type MonthlyReport,
  type PuskesmasRow,
  type RecapIndicator,
  type RecapRow,
  type RecapView,
  type ReportRow,
} from '@shared/contract';
import {
  clusterLabel,
  completenessOf,
  DEFAULT_LATE_DAY,
  LATE_DAY_MAX,
  LATE_DAY_MIN,
  periodsOfYear,
  sumPctOfTarget,
  sumValues,
  type RecapUnit,
} from '@shared/domain/bundle';
import { localDate } from '@shared/domain/dates';
import { keyFingerprint } from '../bundle';
import { translate, type Locale } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { addListSheet, fileSlug, newWorkbook, workbookFile } from './xlsx';

const LATE_DAY_KEY = 'dinkes.lateDay';

interface ReportUnit {
  kode: string;
  name: string;
  revision: number;
  report: MonthlyReport;
}

interface UnitRow {
  key: string;
  label: string;
  sublabel: string | null;
  rows: ReportRow[];
}

function sumRows(
  unit: RecapUnit,
  key: string,
  label: string,
  sublabel: string | null,
  rows: readonly ReportRow[],
): RecapRow {
  const targets = rows.map((r) => r.target).filter((t): t is number => t !== null);
  return {
    key,
    label,
    sublabel,
    target: targets.length > 0 ? targets.reduce((a, b) => a + b, 0) : null,
    month: sumValues(
      unit,
      rows.map((r) => r.month),
    ),
    ytd: sumValues(
      unit,
      rows.map((r) => r.ytd),
    ),
    pctOfTarget: sumPctOfTarget(
      rows.map((r) => ({
        ytdNumerator: r.ytd.numerator ?? (unit === 'count' ? r.ytd.value : null),
        target: r.target,
      })),
    ),
  };
}

/**
 * Services to non-residents of a percentage indicator: they have no denominator (no sasaran
 * outside the wilayah), so only their counts are summed; no percentage is made up.
 */
function luarRow(label: string, rows: readonly ReportRow[]): RecapRow {
  const counts = sumRows('count', 'luar', label, null, rows);
  const noRate = (v: RecapRow['month']) => ({ ...v, denominator: null, value: null });
  return {
    ...counts,
    target: null,
    month: noRate(counts.month),
    ytd: noRate(counts.ytd),
    pctOfTarget: null,
  };
}

/** A puskesmas's total row for an indicator (or its rows summed when it sent none). */
function totalRowOf(unit: RecapUnit, rows: readonly ReportRow[]): ReportRow | null {
  const total = rows.find((r) => r.key === 'total');
  if (total) return total;
  if (rows.length === 0) return null;
  const summed = sumRows(unit, 'total', 'total', null, rows);
  const plain = (v: {
    numerator: number | null;
    denominator: number | null;
    value: number | null;
  }): IndicatorValue => ({
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
  });
  return {
    key: 'total',
    desaCode: null,
    desaName: 'total',
    target: summed.target,
    month: plain(summed.month),
    ytd: plain(summed.ytd),
    pctOfTarget: summed.pctOfTarget,
  };
}

/**
 * Dinkes screens: the puskesmas registry, the import history, the completeness matrix and the
 * district recap (counts summed across puskesmas, percentages recomputed; Excel with one sheet
 * per cluster).
 */
export function createDinkesService(deps: ServiceDeps, facility: FacilityService) {
  const { db } = deps;

  async function dinkes(locale: Locale) {
    const f = await facility.get(locale);
    if (f.mode !== 'dinkes') throw AppError.of('RULE_VIOLATION', locale, 'error.bundle.dinkesOnly');
    return f;
  }

  async function lateDay(): Promise<number> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', LATE_DAY_KEY)
      .executeTakeFirst();
    const value = row ? (JSON.parse(row.value) as unknown) : undefined;
    return typeof value === 'number' && value >= LATE_DAY_MIN && value <= LATE_DAY_MAX
      ? value
      : DEFAULT_LATE_DAY;
  }

  async function reportsOf(period: string, locale: Locale): Promise<ReportUnit[]> {
    const rows = await db
      .selectFrom('received_report as r')
      .innerJoin('dinkes_puskesmas as p', 'p.id', 'r.puskesmas_id')
      .select(['p.kode', 'p.name', 'r.revision', 'r.report'])
      .where('r.period', '=', period)
      .where('p.deleted_at', 'is', null)
      .orderBy('p.name')
      .execute();
    const units: ReportUnit[] = [];
    for (const r of rows) {
      const parsed = monthlyReport.safeParse(JSON.parse(r.report));
      if (!parsed.success) {
        // Validated on import; a row that no longer parses is reported, not silently summed.
        deps.log.error('stored report unreadable', { kode: r.kode, period });
        throw AppError.of('INTERNAL', locale, 'error.INTERNAL');
      }
      units.push({ kode: r.kode, name: r.name, revision: r.revision, report: parsed.data });
    }
    return units;
  }

  async function recap(period: string, view: RecapView, locale: Locale): Promise<DistrictRecap> {
    await dinkes(locale);
    const units = await reportsOf(period, locale);
    const registered = await db
      .selectFrom('dinkes_puskesmas')
      .select(['kode', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    const reportingKodes = new Set(units.map((u) => u.kode));

    // Indicators in the order the first report lists them, then any others.
    const order: string[] = [];
    const meta = new Map<
      string,
      { name: { id: string; en: string }; cluster: string; unit: RecapUnit; goal: number | null }
    >();
    for (const u of units) {
      for (const ind of u.report.indicators) {
        if (!order.includes(ind.code)) order.push(ind.code);
        if (ind.computable && !meta.has(ind.code)) {
          meta.set(ind.code, {
            name: ind.name,
            cluster: ind.cluster,
            unit: ind.unit,
            goal: ind.goal,
          });
        }
      }
    }
    for (const u of units) {
      for (const ind of u.report.indicators) {
        if (!meta.has(ind.code)) {
          meta.set(ind.code, { name: ind.name, cluster: ind.cluster, unit: 'count', goal: null });
        }
      }
    }

    const indicators: RecapIndicator[] = order.map((code) => {
      const m = meta.get(code)!;
      const notComputable: string[] = [];
      const byUnit: UnitRow[] = [];
      const totals: ReportRow[] = [];
      const desa = new Map<string, UnitRow>();
      for (const u of units) {
        const ind = u.report.indicators.find((i) => i.code === code);
        if (!ind) continue;
        if (!ind.computable) {
          notComputable.push(u.name);
          continue;
        }
        const total = totalRowOf(m.unit, ind.rows);
        if (total) {
          totals.push(total);
          byUnit.push({ key: u.kode, label: u.name, sublabel: u.kode, rows: [total] });
        }
        for (const row of ind.rows) {
          if (row.key === 'total') continue;
          const isLuar = row.key === 'luar' || row.desaCode === null;
          const key = isLuar ? 'luar' : row.desaCode!;
          const entry = desa.get(key) ?? {
            key,
            label: isLuar ? translate(locale, 'recap.luar') : row.desaName,
            sublabel: null,
            rows: [],
          };
          entry.rows.push(row);
          if (!isLuar) {
            const names = new Set((entry.sublabel ?? '').split(', ').filter(Boolean));
            names.add(u.name);
            entry.sublabel = [...names].join(', ');
          }
          desa.set(key, entry);
        }
      }
      const unitRows =
        view === 'puskesmas'
          ? byUnit
          : [...desa.values()].sort((a, b) =>
              a.key === 'luar' ? 1 : b.key === 'luar' ? -1 : a.label.localeCompare(b.label, 'id'),
            );
      return {
        code,
        name: m.name,
        cluster: m.cluster,
        unit: m.unit,
        goal: m.goal,
        rows: unitRows.map((r) =>
          r.key === 'luar' && m.unit === 'percent'
            ? luarRow(r.label, r.rows)
            : sumRows(m.unit, r.key, r.label, r.sublabel, r.rows),
        ),
        total: sumRows(m.unit, 'total', translate(locale, 'recap.total'), null, totals),
        notComputable,
      };
    });

    const clusters = [...new Set(indicators.map((i) => i.cluster))];
    return {
      period,
      view,
      clusters,
      reporting: units.map((u) => ({ kode: u.kode, name: u.name, revision: u.revision })),
      missing: registered.filter((p) => !reportingKodes.has(p.kode)),
      definitions: [...new Set(units.map((u) => u.report.definitions))],
      indicators,
    };
  }

  return {
    lateDay,

    async settings(locale: Locale): Promise<{ lateDay: number }> {
      await dinkes(locale);
      return { lateDay: await lateDay() };
    },

    async setSettings(actor: Actor, next: number): Promise<{ lateDay: number }> {
      await dinkes(actor.locale);
      const before = await lateDay();
      if (before !== next) {
        await write(deps, actor, async ({ trx, at }) => {
          const json = JSON.stringify(next);
          await trx
            .insertInto('settings')
            .values({ key: LATE_DAY_KEY, value: json, updated_at: at, updated_by: actor.userId })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({ value: json, updated_at: at, updated_by: actor.userId }),
            )
            .execute();
          await writeAudit(trx, {
            at,
            userId: actor.userId,
            action: 'set',
            table: 'settings',
            rowId: LATE_DAY_KEY,
            changes: { value: [before, next] },
          });
        });
      }
      return { lateDay: next };
    },

    async puskesmas(locale: Locale): Promise<{ rows: PuskesmasRow[] }> {
      await dinkes(locale);
      const rows = await db
        .selectFrom('dinkes_puskesmas as p')
        .leftJoin('app_user as u', 'u.id', 'p.confirmed_by')
        .select([
          'p.id',
          'p.kode',
          'p.name',
          'p.codes',
          'p.signer_key_id',
          'p.public_key',
          'p.fingerprint',
          'p.confirmed_at',
          'u.full_name as confirmed_by_name',
          sql<number>`(SELECT count(*) FROM bundle_import i WHERE i.puskesmas_id = p.id)`.as(
            'bundles',
          ),
          sql<number>`(SELECT count(*) FROM received_copy r WHERE r.puskesmas_id = p.id)`.as(
            'records',
          ),
        ])
        .where('p.deleted_at', 'is', null)
        .orderBy('p.name')
        .execute();
      const latest = await db
        .selectFrom('bundle_import')
        .select(['puskesmas_id', 'period', 'revision', 'received_at'])
        .orderBy('received_at', 'desc')
        .execute();
      return {
        rows: rows.map((r) => {
          const last = latest.find((l) => l.puskesmas_id === r.id);
          return {
            id: r.id,
            kode: r.kode,
            name: r.name,
            codes: JSON.parse(r.codes) as Record<string, string>,
            keyId: r.signer_key_id,
            publicKey: r.public_key,
            fingerprint: r.fingerprint || keyFingerprint(r.public_key),
            confirmedAt: r.confirmed_at,
            confirmedBy: r.confirmed_by_name,
            bundles: Number(r.bundles),
            records: Number(r.records),
            lastPeriod: last?.period ?? null,
            lastRevision: last?.revision ?? null,
            lastReceivedAt: last?.received_at ?? null,
          };
        }),
      };
    },

    async imports(
      input: { puskesmasId?: string | undefined; limit: number; offset: number },
      locale: Locale,
    ): Promise<{ rows: ImportRow[]; total: number }> {
      await dinkes(locale);
      let query = db
        .selectFrom('bundle_import as i')
        .innerJoin('dinkes_puskesmas as p', 'p.id', 'i.puskesmas_id');
      if (input.puskesmasId) query = query.where('i.puskesmas_id', '=', input.puskesmasId);
      const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select([
          'i.id',
          'p.kode',
          'p.name',
          'i.period',
          'i.revision',
          'i.sha256',
          'i.previous_sha256',
          'i.file_name',
          'i.received_at',
          'i.status',
          'i.records',
          'i.changed',
          sql<number>`(i.previous_sha256 IS NULL OR EXISTS (SELECT 1 FROM bundle_import q WHERE q.sha256 = i.previous_sha256))`.as(
            'chain',
          ),
        ])
        .orderBy('i.received_at', 'desc')
        .orderBy('i.id', 'desc')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
      return {
        total: Number(total.n),
        rows: rows.map((r) => ({
          id: r.id,
          kode: r.kode,
          puskesmasName: r.name,
          period: r.period,
          revision: r.revision,
          sha256: r.sha256,
          previousSha256: r.previous_sha256,
          chainComplete: Number(r.chain) === 1,
          fileName: r.file_name,
          receivedAt: r.received_at,
          status: r.status,
          records: r.records,
          changed: r.changed,
        })),
      };
    },

    async completeness(year: number, locale: Locale): Promise<CompletenessMatrix> {
      const f = await dinkes(locale);
      const offset = TIMEZONE_OFFSETS[f.timezone];
      const today = localDate(deps.now(), offset);
      const day = await lateDay();
      const periods = periodsOfYear(year);
      const registry = await db
        .selectFrom('dinkes_puskesmas')
        .select(['id', 'kode', 'name'])
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .execute();
      const received = await db
        .selectFrom('bundle_import')
        .select([
          'puskesmas_id',
          'period',
          sql<string>`min(received_at)`.as('first'),
          sql<string>`max(received_at)`.as('last'),
          sql<number>`max(revision)`.as('revision'),
        ])
        .where('period', '>=', periods[0]!)
        .where('period', '<=', periods[11]!)
        .where('deleted_at', 'is', null)
        .groupBy(['puskesmas_id', 'period'])
        .execute();
      const byKey = new Map(received.map((r) => [`${r.puskesmas_id}|${r.period}`, r]));
      // The first month each puskesmas ever sent: earlier months were before Siklus.
      const starts = new Map(
        (
          await db
            .selectFrom('bundle_import')
            .select(['puskesmas_id', sql<string>`min(period)`.as('first')])
            .where('deleted_at', 'is', null)
            .groupBy('puskesmas_id')
            .execute()
        ).map((r) => [r.puskesmas_id, r.first]),
      );
      return {
        year,
        lateDay: day,
        today,
        periods,
        rows: registry.map((p) => ({
          puskesmasId: p.id,
          kode: p.kode,
          name: p.name,
          cells: periods.map((period) => {
            const r = byKey.get(`${p.id}|${period}`);
            const cell = completenessOf({
              period,
              today,
              lateDay: day,
              firstReceived: r ? localDate(new Date(r.first), offset) : null,
              latestRevision: r ? Number(r.revision) : null,
              firstPeriod: starts.get(p.id) ?? null,
            });
            return {
              period,
              ...cell,
              revision: r ? Number(r.revision) : null,
              firstReceivedAt: r?.first ?? null,
              lastReceivedAt: r?.last ?? null,
            };
          }),
        })),
      };
    },

    recap,

    async recapXlsx(period: string, view: RecapView, locale: Locale): Promise<FileDownload> {
      const f = await dinkes(locale);
      const data = await recap(period, view, locale);
      if (data.indicators.length === 0) {
        throw AppError.of('NOT_FOUND', locale, 'recap.empty');
      }
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
        translate(locale, key, params);
      const workbook = await newWorkbook();
      const generated = localDate(deps.now(), TIMEZONE_OFFSETS[f.timezone]);
      type Line = { indicator: RecapIndicator; row: RecapRow; total: boolean };
      const pct = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
      for (const cluster of data.clusters) {
        const lines: Line[] = [];
        for (const indicator of data.indicators.filter((i) => i.cluster === cluster)) {
          for (const row of indicator.rows) lines.push({ indicator, row, total: false });
          lines.push({ indicator, row: indicator.total, total: true });
        }
        const isPct = (l: Line) => l.indicator.unit === 'percent';
        const ws = addListSheet<Line>(workbook, {
          name: clusterLabel(cluster)[locale],
          heading: [
            f.name,
            t('recap.xlsx.title', { period, cluster: clusterLabel(cluster)[locale] }),
            t('recap.xlsx.reporting', {
              count: data.reporting.length,
              total: data.reporting.length + data.missing.length,
            }),
            t('recap.xlsx.generated', { date: generated }),
          ],
          columns: [
            { header: t('recap.col.code'), width: 12, value: (l) => l.indicator.code },
            { header: t('recap.col.indicator'), width: 38, value: (l) => l.indicator.name[locale] },
            {
              header: view === 'puskesmas' ? t('recap.col.puskesmas') : t('recap.col.desa'),
              width: 30,
              value: (l) => l.row.label,
            },
            ...(view === 'desa'
              ? [
                  {
                    header: t('recap.col.puskesmas'),
                    width: 30,
                    value: (l: Line) => l.row.sublabel,
                  },
                ]
              : [
                  {
                    header: t('recap.col.kode'),
                    width: 14,
                    value: (l: Line) => (l.total ? null : l.row.sublabel),
                  },
                ]),
            { header: t('recap.col.target'), width: 10, value: (l) => l.row.target },
            { header: t('recap.col.monthNum'), width: 11, value: (l) => l.row.month.numerator },
            {
              header: t('recap.col.monthDen'),
              width: 11,
              value: (l) => (isPct(l) ? l.row.month.denominator : null),
            },
            {
              header: t('recap.col.monthValue'),
              width: 11,
              value: (l) => (isPct(l) ? pct(l.row.month.value) : l.row.month.value),
              numFmt: '0.0',
            },
            { header: t('recap.col.ytdNum'), width: 11, value: (l) => l.row.ytd.numerator },
            {
              header: t('recap.col.ytdDen'),
              width: 11,
              value: (l) => (isPct(l) ? l.row.ytd.denominator : null),
            },
            {
              header: t('recap.col.ytdValue'),
              width: 11,
              value: (l) => (isPct(l) ? pct(l.row.ytd.value) : l.row.ytd.value),
              numFmt: '0.0',
            },
            {
              header: t('recap.col.pctTarget'),
              width: 11,
              value: (l) => pct(l.row.pctOfTarget),
              numFmt: '0.0',
            },
            {
              header: t('recap.col.units'),
              width: 12,
              value: (l) => `${l.row.ytd.included}/${l.row.ytd.included + l.row.ytd.excluded}`,
            },
          ],
          rows: lines,
        });
        // Bold district totals.
        const first = 4 + 2 + 1; // heading lines, blank row, header row
        lines.forEach((l, i) => {
          if (l.total) ws.getRow(first + i).font = { bold: true };
        });
      }
      return workbookFile(workbook, `rekap-${view}_${period}_${fileSlug(f.name)}.xlsx`);
    },
  };
}

export type DinkesService = ReturnType<typeof createDinkesService>;
