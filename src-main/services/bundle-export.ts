import fs from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import {
  AppError,
  monthlyReport,
  TIMEZONE_OFFSETS,
  type BundleExportResult,
  type BundleExportRow,
  type FacilitySummary,
  type MonthlyReport,
  type ParsedInput,
  type PreflightResult,
} from '@shared/contract';
import { localDate } from '@shared/domain/dates';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import {
  BundleError,
  keysDir,
  packBundle,
  readKeyStore,
  unlockSigningKey,
  writeFileAtomic,
  type PackProgress,
} from '../bundle';
import { openReadSnapshot } from '../db/connection';
import { insertRecord, updateRecord } from '../db/records';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { DB, RecordTable } from '../db/schema';
import type { AppFacts } from './app';
import { toBundleAppError } from './bundle-errors';
import {
  bundleKodeOf,
  changedSinceIn,
  runPreflight,
  type PreflightContext,
} from './bundle-preflight';
import type { BundleHost, BundleTasks, RunningTask } from './bundle-tasks';
import { write, type Actor, type ServiceDeps } from './context';
import { lastByKey } from './last-by-key';
import type { FacilityService } from './facility';
import type { RegionsService } from './regions';

/**
 * The month's indicator report, made by the report engine (issue #8): the data
 * (`report/indicators.json`) and its workbook (`report/indicators.xlsx`).
 */
export interface MonthlyReportSource {
  monthly(period: string): Promise<{ report: MonthlyReport; xlsx: Uint8Array }>;
}

/**
 * The record tables whose rows travel to Dinkes, each as `records/<table>.ndjson` (all columns,
 * tombstones included). An area that adds a record table appends it here, or to
 * {@link NOT_EXPORTED} when it must never leave the puskesmas; a test checks that every record
 * table is in one of the two lists. Tables with BLOB columns need a mapping first (the bundle
 * carries JSON only).
 */
export const EXPORT_TABLES = [
  'facility',
  'desa',
  'posyandu',
  'person',
  'nakes',
  // Klaster 1 Manajemen
  'sasaran',
  'sasaran_constants',
  'kader',
  'pustu',
  'fktp',
  // Klaster 2 · Ibu
  'pregnancy',
  'anc_contact',
  'delivery',
  'delivery_baby',
  'nifas_visit',
  'vitamin_a_nifas',
  'td_dose',
  'kb_visit',
  // Klaster 2 · Anak
  'child_profile',
  'posyandu_session',
  'growth_measurement',
  'immunization',
  'vitamin_a',
  'neonatal_visit',
  // Klaster 3
  'adult_screening',
  'adult_patient',
  'adult_kontrol',
  'adult_lansia',
] as const satisfies readonly RecordTable[];

/** Record tables that stay home: accounts (password hashes), the bundle journals, Dinkes data. */
export const NOT_EXPORTED = [
  'app_user',
  'bundle_export',
  'dinkes_puskesmas',
  'bundle_import',
] as const satisfies readonly RecordTable[];

type ExportTable = (typeof EXPORT_TABLES)[number];
type Row = Record<string, unknown> & { id: string; updated_at: string };

/** `2026-10-01T08:15:00+07:00`: an instant as wall-clock time with the puskesmas offset. */
export function localIsoAt(instant: Date, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) throw new RangeError(`Not a UTC offset: ${offset}`);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const shifted = new Date(instant.getTime() + minutes * 60_000).toISOString();
  return `${shifted.slice(0, 19)}${offset}`;
}

/** A table's rows for the bundle, in id order: all of them, or those changed since the last export. */
export function exportRowsQuery(q: Kysely<DB>, table: ExportTable, since: string | null) {
  return changedSinceIn(q.selectFrom(table).selectAll(), since, 'id');
}

/** A table's rows that go into the bundle (see `exportRowsQuery`), to count. */
function changedRows(q: Kysely<DB>, table: ExportTable, since: string | null) {
  const rows = (q as unknown as Kysely<Record<string, Row>>).selectFrom(table);
  return since ? rows.where('updated_at', '>=', since) : rows;
}

/**
 * How many of a table's rows go into the bundle. A count alone: with nothing to compare it to
 * (the first bundle), `max(updated_at)` beside it would read every row's index entry.
 */
function countOf(q: Kysely<DB>, table: ExportTable, since: string | null): Promise<number> {
  return changedRows(q, table, since)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** How many of a table's rows go into the bundle, and their latest change. */
function changesIn(
  q: Kysely<DB>,
  table: ExportTable,
  since: string | null,
): Promise<{ rows: number; last: string | null }> {
  return changedRows(q, table, since)
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('last')])
    .executeTakeFirstOrThrow()
    .then((r) => ({ rows: Number(r.n), last: r.last }));
}

/**
 * Overall percent of the packing stages (serialise → sign → zip → encrypt: 15 % to 95 %). Once
 * the tables are serialised, the packing waits for the key, then the report, if not yet `ready`.
 */
function packPercent(
  p: PackProgress,
  ready: { key: boolean; report: boolean },
): { percent: number; label: MessageKey } {
  const within = p.total > 0 ? p.done / p.total : 1;
  switch (p.stage) {
    case 'serialize':
      return {
        percent: 15 + within * 55,
        label:
          within === 1 && !ready.key
            ? 'bundle.progress.key'
            : within === 1 && !ready.report
              ? 'bundle.progress.report'
              : 'bundle.progress.serialize',
      };
    case 'sign':
      return { percent: 70 + within * 2, label: 'bundle.progress.sign' };
    case 'zip':
      return { percent: 72 + within * 13, label: 'bundle.progress.zip' };
    case 'encrypt':
      return { percent: 85 + within * 10, label: 'bundle.progress.encrypt' };
  }
}

interface ExportRowDb {
  id: string;
  version: number;
  period: string;
  revision: number;
  file_name: string;
  sha256: string;
  previous_sha256: string | null;
  size: number;
  lock_mode: 'recipients' | 'passphrase';
  recipients: string;
  signer_key_id: string;
  counts: string;
  records: number;
  since: string | null;
  until: string;
  saved_to: string | null;
  created_at: string;
  acknowledged_at: string | null;
  created_by_name: string | null;
  acknowledged_by_name: string | null;
}

function toExportRow(r: ExportRowDb): BundleExportRow {
  return {
    id: r.id,
    version: r.version,
    period: r.period,
    revision: r.revision,
    fileName: r.file_name,
    sha256: r.sha256,
    previousSha256: r.previous_sha256,
    size: r.size,
    lock: r.lock_mode,
    recipients: JSON.parse(r.recipients) as string[],
    signerKeyId: r.signer_key_id,
    counts: JSON.parse(r.counts) as Record<string, number>,
    records: r.records,
    since: r.since,
    until: r.until,
    savedTo: r.saved_to,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by_name,
  };
}

export interface BundleExportDeps {
  facility: FacilityService;
  regions: RegionsService;
  tasks: BundleTasks;
  host: () => BundleHost | null;
  /** The report engine (`services.reports`); tests pass a fixture source or null. */
  reportSource: MonthlyReportSource | null;
}

/**
 * "Kirim ke Dinkes": pre-flight check, the bundle itself (records changed since the last
 * bundle Dinkes acknowledged, the month's report; signed, encrypted, saved atomically), the
 * history with revisions, and "Dinkes sudah menerima". An export writes nothing to the
 * database except its history row (and that row's audit entry).
 */
export function createBundleExportService(
  deps: ServiceDeps,
  facts: AppFacts,
  options: BundleExportDeps,
) {
  const { db } = deps;
  const { facility, regions, tasks } = options;
  let exporting = false;

  async function puskesmas(locale: Locale): Promise<FacilitySummary> {
    const f = await facility.get(locale);
    if (f.mode !== 'puskesmas')
      throw AppError.of('RULE_VIOLATION', locale, 'error.bundle.puskesmasOnly');
    return f;
  }

  /** The cut-off: rows changed at or after the last acknowledged bundle's `until` (or all). */
  async function sinceOf(q: Kysely<DB>): Promise<string | null> {
    const row = await q
      .selectFrom('bundle_export')
      .select(sql<string | null>`max(until)`.as('since'))
      .where('acknowledged_at', 'is not', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.since ?? null;
  }

  async function nextRevision(q: Kysely<DB>, period: string): Promise<number> {
    const row = await q
      .selectFrom('bundle_export')
      .select(sql<number | null>`max(revision)`.as('r'))
      .where('period', '=', period)
      .executeTakeFirst();
    return (row?.r ?? 0) + 1;
  }

  async function previousSha(q: Kysely<DB>): Promise<string | null> {
    const row = await q
      .selectFrom('bundle_export')
      .select('sha256')
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.sha256 ?? null;
  }

  /**
   * What a bundle made `at` takes from the database: the cut-off, the revision, the chain, and
   * per table how many rows go and their latest change; `until` is the latest of those and `at`.
   */
  async function bundleContents(q: Kysely<DB>, period: string, at: Date) {
    const since = await sinceOf(q);
    const changes: Partial<Record<ExportTable, { rows: number; last: string | null }>> = {};
    let until = at.toISOString();
    for (const table of EXPORT_TABLES) {
      const change = await changesIn(q, table, since);
      changes[table] = change;
      if (change.last !== null && change.last > until) until = change.last;
    }
    return {
      since,
      until,
      changes,
      revision: await nextRevision(q, period),
      previousHash: await previousSha(q),
    };
  }

  function exportRows(q: Kysely<DB>) {
    return q
      .selectFrom('bundle_export as b')
      .leftJoin('app_user as c', 'c.id', 'b.created_by')
      .leftJoin('app_user as a', 'a.id', 'b.acknowledged_by')
      .select([
        'b.id',
        'b.version',
        'b.period',
        'b.revision',
        'b.file_name',
        'b.sha256',
        'b.previous_sha256',
        'b.size',
        'b.lock_mode',
        'b.recipients',
        'b.signer_key_id',
        'b.counts',
        'b.records',
        'b.since',
        'b.until',
        'b.saved_to',
        'b.created_at',
        'b.acknowledged_at',
        'c.full_name as created_by_name',
        'a.full_name as acknowledged_by_name',
      ])
      .where('b.deleted_at', 'is', null);
  }

  async function rowById(q: Kysely<DB>, id: string, locale: Locale): Promise<BundleExportRow> {
    const r = await exportRows(q).where('b.id', '=', id).executeTakeFirst();
    if (!r) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return toExportRow(r);
  }

  /** The report of the month from the engine, checked against the contract. */
  async function monthReport(period: string, kode: string, locale: Locale) {
    const s = options.reportSource;
    if (!s) throw AppError.of('RULE_VIOLATION', locale, 'error.bundle.noReportEngine');
    const made = await s.monthly(period);
    const parsed = monthlyReport.safeParse(made.report);
    if (!parsed.success || !(made.xlsx instanceof Uint8Array) || made.xlsx.length === 0) {
      throw AppError.of('INTERNAL', locale, 'error.bundle.reportInvalid');
    }
    if (parsed.data.period !== period || parsed.data.facility.kode !== kode) {
      throw AppError.of('INTERNAL', locale, 'error.bundle.reportMismatch', {
        period: parsed.data.period,
        kode: parsed.data.facility.kode,
      });
    }
    return { report: parsed.data, xlsx: made.xlsx };
  }

  /**
   * What the database holds now, as a token: this connection's changes so far and other
   * connections' commits. Equal tokens mean no row was written in between.
   */
  async function dataState(): Promise<string> {
    const changes = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db);
    const version = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
    return `${changes.rows[0]?.n}:${version.rows[0]?.data_version}`;
  }

  type MadeReport = { report: MonthlyReport; xlsx: Uint8Array };
  /**
   * The month's report and the pre-flight's findings as the last pre-flight or export made them,
   * reused while nothing has been written since (and, for the findings, the keys, the day and
   * the language are the same): "Kirim" right after the pre-flight screen makes neither again.
   * Only a run where every check ran is kept.
   */
  const lastReport = lastByKey<MadeReport>();
  const lastChecks = lastByKey<Awaited<ReturnType<typeof runPreflight>>>((r) => r.complete);

  async function preflightContext(
    period: string,
    locale: Locale,
  ): Promise<PreflightContext & { made(): Promise<MadeReport>; state: string }> {
    const f = await puskesmas(locale);
    const today = localDate(deps.now(), TIMEZONE_OFFSETS[f.timezone]);
    const kode = bundleKodeOf(f);
    const store = await readKeyStore(keysDir(facts.dataDir)).catch((error: unknown) => {
      throw toBundleAppError(error, locale);
    });
    const state = await dataState();
    const make = () =>
      lastReport(JSON.stringify([period, kode.value, state]), () =>
        monthReport(period, kode.value ?? '', locale),
      );
    return {
      state,
      deps,
      locale,
      period,
      today,
      facility: f,
      kode,
      keys: store,
      since: await sinceOf(db),
      hasReportSource: options.reportSource !== null,
      report: () => (options.reportSource ? make().then((r) => r.report) : Promise.resolve(null)),
      made: make,
      regions: () => regions.lookup(),
    };
  }

  function checked(ctx: Awaited<ReturnType<typeof preflightContext>>) {
    const key = JSON.stringify([ctx.period, ctx.locale, ctx.today, ctx.state, ctx.keys]);
    return lastChecks(key, () => runPreflight(ctx)).then((r) => r.findings);
  }

  async function preflight(period: string, locale: Locale): Promise<PreflightResult> {
    const ctx = await preflightContext(period, locale);
    const findings = await checked(ctx);
    let records = 0;
    for (const table of EXPORT_TABLES) records += await countOf(db, table, ctx.since);
    return {
      period,
      findings,
      canExport: !findings.some((f) => f.severity === 'blocker'),
      revision: await nextRevision(db, period),
      since: ctx.since,
      records,
    };
  }

  async function checkFolder(folder: string, locale: Locale): Promise<string> {
    const refuse = (key: MessageKey, params?: Record<string, string>) =>
      AppError.field(locale, 'form.folder', translate(locale, key, params));
    if (!path.isAbsolute(folder)) throw refuse('error.bundle.folder.relative');
    const resolved = path.resolve(folder);
    if (
      resolved === path.resolve(facts.dataDir) ||
      resolved.startsWith(path.resolve(facts.dataDir) + path.sep)
    ) {
      throw refuse('error.bundle.folder.inside');
    }
    try {
      const stat = await fs.stat(resolved);
      if (!stat.isDirectory()) throw new Error('not a folder');
      await fs.access(resolved, fs.constants.W_OK);
    } catch {
      throw refuse('error.bundle.folder.unavailable', { folder: resolved });
    }
    return resolved;
  }

  async function runExport(
    actor: Actor,
    form: ParsedInput<'bundle.export'>['form'],
    task: RunningTask,
  ): Promise<BundleExportResult> {
    const { locale } = actor;
    const t = (key: MessageKey) => translate(locale, key);
    const step = (percent: number, key: MessageKey) => {
      if (task.signal.aborted) throw new BundleError('BUNDLE_CANCELLED');
      task.progress(percent, t(key));
    };

    // Side by side: the report in the report workers (or the one the pre-flight screen has just
    // made), then the key's scrypt on a worker of its own (32 MB, under a second: see
    // bundle/scrypt.ts), and on this thread the pre-flight checks and the month's rows,
    // serialised as they are read. The key waits for the report, so that the report workers
    // and the scrypt never hold their memory at the same time; both are awaited only once the
    // tables are serialised. A blocker still comes first and a wrong passphrase still names its
    // field; nothing is written before the pre-flight passes.
    step(1, 'bundle.progress.preflight');
    const ctx = await preflightContext(form.period, locale);
    const making = ctx.made();
    const ready = { key: false, report: false };
    // A failed report is the report check's blocker, or the packing rethrows it.
    const reportSettled = making.then(
      () => (ready.report = true),
      () => (ready.report = true),
    );
    const unlocking = reportSettled
      .then(() => unlockSigningKey(keysDir(facts.dataDir), form.keyPassphrase))
      .catch((error: unknown) => {
        throw toBundleAppError(error, locale, {
          KEY_WRONG_PASSPHRASE: 'form.keyPassphrase',
          KEY_NOT_FOUND: 'form.keyPassphrase',
        });
      });
    // Handled by the packing, or moot when the pre-flight stops first.
    void unlocking.then(
      () => (ready.key = true),
      () => (ready.key = true),
    );
    const at = deps.now();
    const store = ctx.keys;
    const recipients = store.recipients.map((r) => r.recipient);
    // What stops the export before anything is written, in this order: a blocker of the
    // pre-flight, the folder, the lock. Checked alongside the packing, which it stops.
    const cleared = checked(ctx).then(async (findings) => {
      const blocker = findings.find((f) => f.severity === 'blocker');
      if (blocker) {
        throw new AppError('RULE_VIOLATION', blocker.title, { preflight: blocker.id });
      }
      const folder =
        form.destination === 'folder' ? await checkFolder(form.folder ?? '', locale) : null;
      if (form.lock === 'recipients' && recipients.length === 0) {
        throw AppError.field(locale, 'form.lock', t('preflight.recipients.missing'));
      }
      return { findings, folder };
    });
    const stop = new AbortController();
    void cleared.catch(() => stop.abort());

    // One snapshot on a connection of its own: the rows, the revision and the chain are one
    // consistent state, each table's rows are read as they are written (only a piece of the
    // month is held at a time), and the app's connection stays free meanwhile.
    const snapshot = openReadSnapshot(facts.dbFile);
    let packed: Awaited<ReturnType<typeof packBundle>>;
    let contents: Awaited<ReturnType<typeof bundleContents>>;
    try {
      contents = await bundleContents(snapshot.db, form.period, at);
      const { since, changes } = contents;
      const tables = Object.fromEntries(
        EXPORT_TABLES.map((table) => {
          // Value arrays, not objects: the packer writes them as the same canonical lines.
          const read = snapshot.rows(exportRowsQuery(snapshot.db, table, since).compile());
          return [
            table,
            { columns: read.columns, inIdOrder: read.rows, count: changes[table]!.rows },
          ];
        }),
      );
      step(15, 'bundle.progress.serialize');
      const f = ctx.facility;
      const kode = ctx.kode.value!;
      const codes: Record<string, string> = {};
      if (f.kodePuskesmas && kode !== f.kodePuskesmas) codes.kemenkes = f.kodePuskesmas;
      if (f.kodeRegistrasi) codes.registrasi = f.kodeRegistrasi;
      if (f.kodePpkBpjs) codes.bpjs = f.kodePpkBpjs;
      if (f.satusehatOrgId) codes.satusehat = f.satusehatOrgId;
      packed = await packBundle(
        {
          facility: { kode, name: f.name, codes },
          period: form.period,
          revision: contents.revision,
          previousHash: contents.previousHash,
          appVersion: facts.appVersion,
          schemaVersion: LATEST_SCHEMA_VERSION,
          createdAt: localIsoAt(at, TIMEZONE_OFFSETS[f.timezone]),
          tables,
          // Made once for the pre-flight check; the tables are serialised while it finishes.
          report: making.then((r) => ({ json: r.report, xlsx: r.xlsx })),
          signingKey: unlocking,
          ...(form.lock === 'recipients'
            ? { recipients }
            : { passphrase: form.bundlePassphrase ?? '' }),
        },
        {
          signal: AbortSignal.any([task.signal, stop.signal]),
          onProgress: (p) => {
            const { percent, label } = packPercent(p, ready);
            task.progress(percent, t(label));
          },
        },
      );
    } catch (error) {
      // What stops the export (a blocker, the folder, the lock) says more than the packing.
      if (!task.signal.aborted) await cleared;
      throw error;
    } finally {
      await snapshot.close();
    }
    const { findings, folder } = await cleared;

    step(95, 'bundle.progress.save');
    const counts = Object.fromEntries(
      EXPORT_TABLES.map((table) => [table, contents.changes[table]!.rows]),
    );
    const records = Object.values(counts).reduce((a, b) => a + b, 0);
    const file = folder ? path.join(folder, packed.fileName) : null;
    const id = await write(deps, actor, async (ctx) => {
      const rowId = await insertRecord(ctx, 'bundle_export', {
        period: form.period,
        revision: contents.revision,
        file_name: packed.fileName,
        sha256: packed.sha256,
        previous_sha256: contents.previousHash,
        size: packed.bytes.length,
        lock_mode: form.lock,
        recipients: JSON.stringify(
          form.lock === 'recipients' ? store.recipients.map((r) => r.fingerprint) : [],
        ),
        signer_key_id: packed.manifest.signer.keyId,
        counts: JSON.stringify(counts),
        records,
        since: contents.since,
        until: contents.until,
        saved_to: folder,
        acknowledged_at: null,
        acknowledged_by: null,
      });
      // The file is written inside the transaction: if the write fails, no history row.
      if (file) {
        if (task.signal.aborted) throw new BundleError('BUNDLE_CANCELLED');
        await writeFileAtomic(file, packed.bytes).catch((error: unknown) => {
          throw AppError.field(
            locale,
            'form.folder',
            translate(locale, 'error.bundle.folder.write', {
              reason: error instanceof Error ? error.message : String(error),
            }),
          );
        });
      }
      return rowId;
    });
    task.progress(100, t('bundle.progress.done'));
    deps.log.info('bundle exported', {
      period: form.period,
      revision: contents.revision,
      records,
      bytes: packed.bytes.length,
      lock: form.lock,
      destination: form.destination,
    });
    return {
      export: await rowById(db, id, locale),
      path: file,
      download: folder
        ? null
        : {
            fileName: packed.fileName,
            mimeType: 'application/octet-stream',
            base64: Buffer.from(packed.bytes).toString('base64'),
          },
      warnings: findings.filter((x) => x.severity === 'warning').map((x) => x.title),
    };
  }

  return {
    preflight,

    async export(
      actor: Actor,
      form: ParsedInput<'bundle.export'>['form'],
      taskId?: string,
    ): Promise<BundleExportResult> {
      await puskesmas(actor.locale);
      if (exporting) throw AppError.of('CONFLICT', actor.locale, 'error.bundle.busy');
      exporting = true;
      try {
        return await tasks.run(taskId ?? `kirim-${deps.now().getTime()}`, actor.locale, (task) =>
          runExport(actor, form, task),
        );
      } catch (error) {
        const mapped = toBundleAppError(error, actor.locale);
        if (!(mapped instanceof AppError)) {
          deps.log.error('bundle export failed', { error: String(error) });
          throw AppError.of('INTERNAL', actor.locale, 'error.bundle.exportFailed', {
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        throw mapped;
      } finally {
        exporting = false;
      }
    },

    async history(locale: Locale): Promise<{ rows: BundleExportRow[]; lastFolder: string | null }> {
      await puskesmas(locale);
      const rows = (
        await exportRows(db).orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').execute()
      ).map(toExportRow);
      return { rows, lastFolder: rows.find((r) => r.savedTo !== null)?.savedTo ?? null };
    },

    async acknowledge(actor: Actor, id: string, version: number): Promise<BundleExportRow> {
      await puskesmas(actor.locale);
      return write(deps, actor, async (ctx) => {
        const current = await ctx.trx
          .selectFrom('bundle_export')
          .select(['acknowledged_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current) throw AppError.of('NOT_FOUND', actor.locale, 'error.NOT_FOUND');
        if (current.acknowledged_at) {
          throw AppError.of('CONFLICT', actor.locale, 'error.bundle.alreadyAcknowledged');
        }
        await updateRecord(ctx, 'bundle_export', id, version, {
          acknowledged_at: ctx.at,
          acknowledged_by: actor.userId,
        });
        return rowById(ctx.trx, id, actor.locale);
      });
    },

    async pickFolder(locale: Locale): Promise<{ dir: string | null }> {
      const pick = options.host()?.pickFolder;
      if (!pick) throw AppError.of('RULE_VIOLATION', locale, 'error.bundle.pickUnavailable');
      return { dir: await pick() };
    },

    cancel: (taskId: string) => ({ cancelled: tasks.cancel(taskId) }),
  };
}

export type BundleExportService = ReturnType<typeof createBundleExportService>;
