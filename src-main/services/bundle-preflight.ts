import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type {
  FacilitySummary,
  MonthlyReport,
  PreflightFinding,
  PreflightSeverity,
} from '@shared/contract';
import { addPeriods, lastDayOfPeriod } from '@shared/domain/bundle';
import { checkNik, type RegionLookup } from '@shared/domain/identity';
import { translate, type Locale, type MessageKey, type MessageParams } from '@shared/i18n';
import type { KeyStoreSummary } from '../bundle';
import { FACILITY_KODE_RE } from '../bundle/manifest';
import type { DB } from '../db/schema';
import type { ServiceDeps } from './context';

/**
 * The pre-flight check of "Kirim ke Dinkes": a list of checks run before a bundle is built,
 * each giving findings with a severity and a link to the screen that fixes the problem.
 * A `blocker` stops the export; a `warning` is shown and the clerk may go ahead; `ok` and
 * `info` complete the checklist.
 *
 * Other areas add their checks by appending to {@link PREFLIGHT_CHECKS} (e.g. unfinished forms,
 * implausible values of their registers). A check reads through `ctx.deps.db` only and must not
 * write anything.
 */

/** The code that names this puskesmas in bundles, and which facility field it came from. */
export interface BundleKode {
  value: string | null;
  source: 'kodePuskesmas' | 'kodeRegistrasi' | 'kodePpkBpjs' | 'satusehatOrgId' | null;
}

export interface PreflightContext {
  deps: ServiceDeps;
  locale: Locale;
  /** The month to send, `YYYY-MM`. */
  period: string;
  /** Today in the puskesmas time zone. */
  today: string;
  facility: FacilitySummary;
  kode: BundleKode;
  keys: KeyStoreSummary;
  /** Rows changed at or after this instant go into the bundle (null: all rows). */
  since: string | null;
  /** Whether an indicator report engine is wired. */
  hasReportSource: boolean;
  /** The month's report, computed once (null without an engine; throws what the engine threw). */
  report(): Promise<MonthlyReport | null>;
  regions(): Promise<RegionLookup>;
}

export interface PreflightCheck {
  id: string;
  run(ctx: PreflightContext): Promise<PreflightFinding[]>;
}

interface FindingSpec {
  severity: PreflightSeverity;
  title: MessageKey;
  params?: MessageParams;
  detail?: MessageKey;
  detailParams?: MessageParams;
  link?: string;
  linkLabel?: MessageKey;
  items?: { label: string; link: string | null }[];
  count?: number;
}

/** Build a finding in the clerk's language. */
export function finding(ctx: PreflightContext, id: string, spec: FindingSpec): PreflightFinding {
  const t = (key: MessageKey, params?: MessageParams) => translate(ctx.locale, key, params);
  return {
    id,
    severity: spec.severity,
    title: t(spec.title, spec.params),
    detail: spec.detail ? t(spec.detail, spec.detailParams ?? spec.params) : null,
    link: spec.link ?? null,
    linkLabel: spec.linkLabel ? t(spec.linkLabel) : null,
    items: (spec.items ?? []).slice(0, 20),
    count: spec.count ?? null,
  };
}

/** The facility code used in file names and manifests: the Kemenkes code, else another one. */
export function bundleKodeOf(f: FacilitySummary): BundleKode {
  for (const source of [
    'kodePuskesmas',
    'kodeRegistrasi',
    'kodePpkBpjs',
    'satusehatOrgId',
  ] as const) {
    const value = f[source];
    if (value) return { value, source };
  }
  return { value: null, source: null };
}

const facilityCode: PreflightCheck = {
  id: 'facilityCode',
  async run(ctx) {
    const { value, source } = ctx.kode;
    if (!value) {
      return [
        finding(ctx, this.id, {
          severity: 'blocker',
          title: 'preflight.kode.missing',
          detail: 'preflight.kode.missing.detail',
          link: '/pengaturan',
          linkLabel: 'preflight.link.settings',
        }),
      ];
    }
    if (!FACILITY_KODE_RE.test(value)) {
      return [
        finding(ctx, this.id, {
          severity: 'blocker',
          title: 'preflight.kode.invalid',
          params: { kode: value },
        }),
      ];
    }
    if (source !== 'kodePuskesmas') {
      return [
        finding(ctx, this.id, {
          severity: 'warning',
          title: 'preflight.kode.fallback',
          params: { kode: value },
          detail: 'preflight.kode.fallback.detail',
        }),
      ];
    }
    return [
      finding(ctx, this.id, {
        severity: 'ok',
        title: 'preflight.kode.ok',
        params: { kode: value },
      }),
    ];
  },
};

const signingKey: PreflightCheck = {
  id: 'signingKey',
  async run(ctx) {
    const s = ctx.keys.signing;
    if (!s) {
      return [
        finding(ctx, this.id, {
          severity: 'blocker',
          title: 'preflight.signing.missing',
          detail: 'preflight.signing.missing.detail',
          link: '/kirim/kunci',
          linkLabel: 'preflight.link.keys',
        }),
      ];
    }
    return [
      finding(ctx, this.id, {
        severity: 'ok',
        title: 'preflight.signing.ok',
        params: { fingerprint: s.fingerprint },
      }),
    ];
  },
};

const recipients: PreflightCheck = {
  id: 'recipients',
  async run(ctx) {
    const list = ctx.keys.recipients;
    if (list.length === 0) {
      return [
        finding(ctx, this.id, {
          severity: 'warning',
          title: 'preflight.recipients.missing',
          detail: 'preflight.recipients.missing.detail',
          link: '/kirim/kunci',
          linkLabel: 'preflight.link.keys',
        }),
      ];
    }
    return [
      finding(ctx, this.id, {
        severity: 'ok',
        title: 'preflight.recipients.ok',
        params: { count: list.length },
        items: list.map((r) => ({ label: `${r.label || 'Dinkes'}: ${r.fingerprint}`, link: null })),
      }),
    ];
  },
};

const period: PreflightCheck = {
  id: 'period',
  async run(ctx) {
    const current = ctx.today.slice(0, 7);
    if (ctx.period > current) {
      return [finding(ctx, this.id, { severity: 'blocker', title: 'preflight.period.future' })];
    }
    if (ctx.today <= lastDayOfPeriod(ctx.period)) {
      return [
        finding(ctx, this.id, {
          severity: 'warning',
          title: 'preflight.period.running',
          detail: 'preflight.period.running.detail',
        }),
      ];
    }
    if (ctx.period < addPeriods(current, -24)) {
      return [finding(ctx, this.id, { severity: 'warning', title: 'preflight.period.old' })];
    }
    return [finding(ctx, this.id, { severity: 'ok', title: 'preflight.period.ok' })];
  },
};

const reportEngine: PreflightCheck = {
  id: 'report',
  async run(ctx) {
    if (!ctx.hasReportSource) {
      return [
        finding(ctx, this.id, {
          severity: 'blocker',
          title: 'error.bundle.noReportEngine',
          detail: 'preflight.report.missing.detail',
        }),
      ];
    }
    let report: MonthlyReport | null;
    try {
      report = await ctx.report();
    } catch (error) {
      return [
        finding(ctx, this.id, {
          severity: 'blocker',
          title: 'preflight.report.failed',
          params: { reason: error instanceof Error ? error.message : String(error) },
        }),
      ];
    }
    const indicators = report?.indicators ?? [];
    const computable = indicators.filter((i) => i.computable).length;
    return [
      finding(ctx, this.id, {
        severity: 'ok',
        title: 'preflight.report.ok',
        params: { count: indicators.length, computable },
      }),
    ];
  },
};

/** Desa rows of percentage indicators that have no annual target (sasaran) for the year. */
const missingSasaran: PreflightCheck = {
  id: 'sasaran',
  async run(ctx) {
    if (!ctx.hasReportSource) return [];
    let report: MonthlyReport | null;
    try {
      report = await ctx.report();
    } catch {
      return []; // the report check says why
    }
    if (!report) return [];
    const items: { label: string; link: string | null }[] = [];
    for (const indicator of report.indicators) {
      if (!indicator.computable || indicator.unit !== 'percent') continue;
      for (const row of indicator.rows) {
        if (row.key === 'total' || row.key === 'luar' || row.desaCode === null) continue;
        if (row.target === null && row.ytd.denominator === null) {
          items.push({
            label: `${row.desaName} — ${indicator.name[ctx.locale]}`,
            link: '/klaster-1',
          });
        }
      }
    }
    if (items.length === 0) {
      return [
        finding(ctx, this.id, {
          severity: 'ok',
          title: 'preflight.sasaran.ok',
          params: { year: ctx.period.slice(0, 4) },
        }),
      ];
    }
    return [
      finding(ctx, this.id, {
        severity: 'warning',
        title: 'preflight.sasaran.missing',
        params: { count: items.length, year: ctx.period.slice(0, 4) },
        detail: 'preflight.sasaran.missing.detail',
        link: '/klaster-1',
        linkLabel: 'preflight.link.sasaran',
        items,
        count: items.length,
      }),
    ];
  },
};

/**
 * `query`'s rows changed `since` the last export (all of them when null), in `column` order. The
 * changed rows are found by the table's `updated_at` index and then sorted: `+column` keeps
 * SQLite from walking the whole table in that column's index order instead (the persons' NIK
 * check: 220 → 5 ms on the 100,000-person demo).
 */
export function changedSinceIn<Q extends SelectQueryBuilder<DB, keyof DB, object>>(
  query: Q,
  since: string | null,
  column: string,
): Q {
  const ordered = (q: SelectQueryBuilder<DB, keyof DB, object>, key: RawBuilder<unknown>) =>
    q.orderBy(key) as Q;
  return since
    ? ordered(query.where(sql.ref('updated_at'), '>=', since), sql`+${sql.ref(column)}`)
    : ordered(query, sql.ref(column));
}

/** The persons with a NIK that go into the bundle, by name. */
export function nikCandidatesQuery(db: Kysely<DB>, since: string | null) {
  const query = db
    .selectFrom('person')
    .select(['id', 'name', 'nik', 'sex', 'birth_date'])
    .where('deleted_at', 'is', null)
    .where('nik', 'is not', null);
  return changedSinceIn(query, since, 'name_search');
}

/** Persons in this bundle whose NIK disagrees with their sex or birth date, or is malformed. */
const nikWarnings: PreflightCheck = {
  id: 'nik',
  async run(ctx) {
    const rows = await nikCandidatesQuery(ctx.deps.db, ctx.since).execute();
    const lookup = await ctx.regions();
    const items: { label: string; link: string | null }[] = [];
    let count = 0;
    for (const p of rows) {
      const check = checkNik(p.nik!, lookup, { sex: p.sex, birthDate: p.birth_date });
      const problem = check.errors[0] ?? check.warnings[0];
      if (!problem) continue;
      count++;
      if (items.length < 20) {
        items.push({
          label: `${p.name} (${p.nik}): ${problem.message}`,
          link: `/penduduk/${p.id}`,
        });
      }
    }
    if (count === 0) {
      return [
        finding(ctx, this.id, {
          severity: 'ok',
          title: 'preflight.nik.ok',
          params: { count: rows.length },
        }),
      ];
    }
    return [
      finding(ctx, this.id, {
        severity: 'warning',
        title: 'preflight.nik.warnings',
        params: { count },
        detail: 'preflight.nik.warnings.detail',
        link: '/penduduk',
        linkLabel: 'preflight.link.persons',
        items,
        count,
      }),
    ];
  },
};

/** Earlier bundles Dinkes has not confirmed: this one carries their data again. */
const unacknowledged: PreflightCheck = {
  id: 'acknowledged',
  async run(ctx) {
    const row = await ctx.deps.db
      .selectFrom('bundle_export')
      .select(sql<number>`count(*)`.as('n'))
      .where('acknowledged_at', 'is', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (row.n === 0) return [];
    return [
      finding(ctx, this.id, {
        severity: 'info',
        title: 'preflight.unacknowledged',
        params: { count: row.n },
        detail: 'preflight.unacknowledged.detail',
        link: '/kirim/riwayat',
        linkLabel: 'preflight.link.history',
      }),
    ];
  },
};

/**
 * Every pre-flight check, in the order shown. Areas append theirs (one line each); keep the
 * blockers about keys and codes first.
 */
export const PREFLIGHT_CHECKS: PreflightCheck[] = [
  facilityCode,
  signingKey,
  recipients,
  period,
  reportEngine,
  missingSasaran,
  nikWarnings,
  unacknowledged,
];

/**
 * Run every check, side by side (each only reads; the report's check waits for the report
 * workers while the others query), findings in the checks' order. A check that fails
 * unexpectedly becomes a warning, never a crash; `complete` says whether every check ran.
 */
export async function runPreflight(
  ctx: PreflightContext,
  checks: readonly PreflightCheck[] = PREFLIGHT_CHECKS,
): Promise<{ findings: PreflightFinding[]; complete: boolean }> {
  let complete = true;
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return await check.run(ctx);
      } catch (error) {
        complete = false;
        ctx.deps.log.warn('preflight check failed', { check: check.id, error: String(error) });
        return [
          finding(ctx, check.id, {
            severity: 'warning',
            title: 'preflight.checkFailed',
            params: { check: check.id },
          }),
        ];
      }
    }),
  );
  return { findings: results.flat(), complete };
}
