import fs from 'node:fs/promises';
import path from 'node:path';
import type { Identity } from 'age-encryption';
import type { Kysely } from 'kysely';
import {
  AppError,
  monthlyReport,
  type ImportOutcome,
  type ImportResultDto,
  type ImportSummary,
  type MonthlyReport,
  type PendingSigner,
} from '@shared/contract';
import { decideRevision, periodName } from '@shared/domain/bundle';
import { translate, type Locale, type MessageKey, type MessageParams } from '@shared/i18n';
import {
  BundleError,
  addTrustedSigner,
  inspectAgeHeader,
  keyFingerprint,
  keysDir,
  parseBundleFileName,
  readTrustedSigners,
  type BundleKey,
  type KeyedBundle,
} from '../bundle';
import { createBundleOpener, inlineOpener, type BundleOpener } from '../bundle/opener';
import { sha256Hex } from '../bundle/encoding';
import { insertRecord, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import type { AppFacts } from './app';
import { bundleErrorMessage } from './bundle-errors';
import type { BundleTasks, RunningTask } from './bundle-tasks';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { storeReceivedRecords } from './received-records';

/** A bundle file to import: its name (for messages and sorting) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** The unlocked Dinkes identity (null: only passphrase bundles can be opened). */
  identity: Identity | null;
  /** For bundles locked with a passphrase. */
  bundlePassphrase?: string | undefined;
  /** CLI `--trust-new-signers`: register unknown puskesmas keys without asking. */
  trustNewSigners?: boolean;
  taskId?: string | undefined;
}

/** The largest `.siklus` read from a folder (the opener refuses larger ones too). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Held bundles waiting for a fingerprint confirmation, at most (all signers together). */
const MAX_PENDING_BYTES = 256 * 1024 * 1024;
interface SignerFacts {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  kode: string;
  name: string;
}

interface Pending extends SignerFacts {
  previous: { keyId: string; fingerprint: string } | null;
  /** Held files, with the bundle passphrase that opened a passphrase-locked one. */
  files: { file: ImportFile; period: string; revision: number; passphrase?: string }[];
}

interface RegistryRow {
  id: string;
  version: number;
  kode: string;
  name: string;
  codes: string;
  signer_key_id: string;
  public_key: string;
}

/** Whether two maps hold the same entries. */
function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Sort bundles so earlier periods and revisions of a batch are applied first. */
export function importOrder(a: ImportFile, b: ImportFile): number {
  const pa = parseBundleFileName(a.name);
  const pb = parseBundleFileName(b.name);
  if (pa && pb) {
    return (
      pa.kode.localeCompare(pb.kode) ||
      pa.period.localeCompare(pb.period) ||
      pa.revision - pb.revision
    );
  }
  if (pa) return -1;
  if (pb) return 1;
  return a.name.localeCompare(b.name);
}

/** The `.siklus` files of a folder (not its subfolders), in import order. */
export async function bundleFilesIn(folder: string): Promise<ImportFile[]> {
  const names = (await fs.readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.siklus'))
    .map((e) => e.name);
  const files: ImportFile[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file);
    // An over-large file is read only as far as the opener needs to refuse it.
    const bytes =
      stat.size > MAX_FILE_BYTES
        ? new Uint8Array(MAX_FILE_BYTES + 1)
        : new Uint8Array(await fs.readFile(file));
    files.push({ name, bytes });
  }
  return files.sort(importOrder);
}

/**
 * Dinkes: import monthly bundles. Each file is decrypted with the Dinkes key, its signature
 * checked against the key registered for that puskesmas (an unknown key waits for the officer
 * to confirm its fingerprint), every hash verified; then it is applied in one transaction,
 * idempotently: the same file again changes nothing, a newer revision replaces the older for
 * its period, an older one is refused. A refused file writes nothing at all.
 */
export function createBundleImportService(
  deps: ServiceDeps,
  facts: AppFacts,
  options: { facility: FacilityService; tasks: BundleTasks },
) {
  const { db } = deps;
  const dir = keysDir(facts.dataDir);
  const pending = new Map<string, Pending>();
  let importing = false;
  /** Signers registered (or keys replaced) so far: a file begun before one must check again. */
  let trustChanges = 0;

  async function requireDinkes(locale: Locale): Promise<void> {
    const f = await options.facility.get(locale);
    if (f.mode !== 'dinkes') throw AppError.of('RULE_VIOLATION', locale, 'error.bundle.dinkesOnly');
  }

  function pendingList(): PendingSigner[] {
    return [...pending.entries()].map(([pendingId, p]) => ({
      pendingId,
      keyId: p.keyId,
      publicKey: p.publicKey,
      fingerprint: p.fingerprint,
      kode: p.kode,
      name: p.name,
      files: p.files.map((f) => ({
        fileName: f.file.name,
        period: f.period,
        revision: f.revision,
      })),
      previous: p.previous,
    }));
  }

  function pendingBytes(): number {
    let total = 0;
    for (const p of pending.values()) for (const f of p.files) total += f.file.bytes.length;
    return total;
  }

  /** Keys Dinkes trusts: the registry, then keys trusted with `siklus keys trust-signer`. */
  async function trustedKeys(extra: ReadonlyMap<string, string>): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    try {
      for (const s of await readTrustedSigners(dir)) map.set(s.keyId, s.publicKey);
    } catch (error) {
      deps.log.warn('trusted signers file unreadable', { error: String(error) });
    }
    for (const [k, v] of extra) map.set(k, v);
    const rows = await db
      .selectFrom('dinkes_puskesmas')
      .select(['signer_key_id', 'public_key'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) map.set(r.signer_key_id, r.public_key);
    return map;
  }

  function registryBy(q: Kysely<DB>, column: 'kode' | 'signer_key_id', value: string) {
    return q
      .selectFrom('dinkes_puskesmas')
      .select(['id', 'version', 'kode', 'name', 'codes', 'signer_key_id', 'public_key'])
      .where(column, '=', value)
      .where('deleted_at', 'is', null)
      .executeTakeFirst() as Promise<RegistryRow | undefined>;
  }

  function result(
    fileName: string,
    outcome: ImportOutcome,
    message: string,
    extra: Partial<ImportResultDto> = {},
  ): ImportResultDto {
    return {
      fileName,
      outcome,
      message,
      code: null,
      kode: null,
      puskesmasName: null,
      period: null,
      revision: null,
      records: null,
      sha256: null,
      warnings: [],
      ...extra,
    };
  }

  function refused(
    fileName: string,
    code: string,
    message: string,
    extra: Partial<ImportResultDto> = {},
  ): ImportResultDto {
    return result(fileName, 'refused', message, { code, ...extra });
  }

  const tr = (locale: Locale, key: MessageKey, params?: MessageParams) =>
    translate(locale, key, params);

  /** Insert or update the registry row of a puskesmas for a confirmed key (audited). */
  async function registerSigner(
    ctx: WriteContext,
    signer: SignerFacts,
    codes: Record<string, string>,
  ) {
    trustChanges++;
    const byKode = await registryBy(ctx.trx, 'kode', signer.kode);
    const values = {
      kode: signer.kode,
      name: signer.name,
      codes: JSON.stringify(codes),
      signer_key_id: signer.keyId,
      public_key: signer.publicKey,
      fingerprint: signer.fingerprint,
      confirmed_at: ctx.at,
      confirmed_by: ctx.userId,
    };
    if (byKode) {
      // A change of key, confirmed by the officer.
      await updateRecord(ctx, 'dinkes_puskesmas', byKode.id, byKode.version, values);
      return byKode.id;
    }
    return insertRecord(ctx, 'dinkes_puskesmas', values);
  }

  interface Applied {
    outcome: 'applied' | 'replaced';
    changed: number;
  }

  async function apply(
    actor: Actor,
    file: ImportFile,
    sha256: string,
    opened: KeyedBundle,
    report: MonthlyReport,
    signer: SignerFacts,
    register: boolean,
  ): Promise<Applied | ImportResultDto> {
    const m = opened.manifest;
    return write(deps, actor, async (ctx) => {
      const registered = await registryBy(ctx.trx, 'signer_key_id', signer.keyId);
      // Decided again inside the transaction, before anything is written: a refusal writes
      // nothing at all.
      const received = registered
        ? await ctx.trx
            .selectFrom('bundle_import')
            .select(['id', 'version', 'revision', 'sha256', 'status'])
            .where('puskesmas_id', '=', registered.id)
            .where('period', '=', m.period)
            .where('deleted_at', 'is', null)
            .execute()
        : [];
      const known = await ctx.trx
        .selectFrom('bundle_import')
        .select('id')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      const decision = decideRevision({ revision: m.revision, sha256 }, received, !!known);
      if (decision === 'duplicate' || decision === 'older' || decision === 'conflict') {
        return revisionRefusal(actor.locale, file.name, decision, m, received);
      }
      let puskesmas = registered;
      if (!puskesmas) {
        if (!register) throw new Error('signer not registered');
        await registerSigner(ctx, signer, m.facility.codes);
        puskesmas = (await registryBy(ctx.trx, 'signer_key_id', signer.keyId))!;
      } else if (
        puskesmas.name !== m.facility.name ||
        puskesmas.codes !== JSON.stringify(m.facility.codes)
      ) {
        // The puskesmas renamed itself or added a code: keep the registry current (audited).
        await updateRecord(ctx, 'dinkes_puskesmas', puskesmas.id, puskesmas.version, {
          name: m.facility.name,
          codes: JSON.stringify(m.facility.codes),
        });
      }
      for (const old of received.filter((r) => r.status === 'applied')) {
        await updateRecord(ctx, 'bundle_import', old.id, old.version, { status: 'superseded' });
      }
      const counts = Object.fromEntries(
        Object.entries(opened.tables).map(([table, keys]) => [table, keys.id.length]),
      );
      const records = Object.values(counts).reduce((a, b) => a + b, 0);
      const importId = await insertRecord(ctx, 'bundle_import', {
        puskesmas_id: puskesmas.id,
        period: m.period,
        revision: m.revision,
        sha256,
        previous_sha256: m.previousBundleSha256,
        file_name: file.name,
        received_at: ctx.at,
        status: 'applied',
        counts: JSON.stringify(counts),
        records,
        changed: 0,
        bundle_created: m.createdAt,
        app_version: m.app.version,
        schema_version: m.app.schemaVersion,
      });
      const changed = await storeReceivedRecords(ctx.trx, puskesmas.id, importId, opened);
      await ctx.trx
        .updateTable('bundle_import')
        .set({ changed })
        .where('id', '=', importId)
        .execute();
      await ctx.trx
        .insertInto('received_report')
        .values({
          puskesmas_id: puskesmas.id,
          period: m.period,
          revision: m.revision,
          bundle_import_id: importId,
          report: JSON.stringify(report),
          xlsx: opened.report.xlsx,
        })
        .onConflict((oc) =>
          oc.columns(['puskesmas_id', 'period']).doUpdateSet((eb) => ({
            revision: eb.ref('excluded.revision'),
            bundle_import_id: eb.ref('excluded.bundle_import_id'),
            report: eb.ref('excluded.report'),
            xlsx: eb.ref('excluded.xlsx'),
          })),
        )
        .execute();
      return { outcome: decision === 'replace' ? 'replaced' : 'applied', changed };
    });
  }

  function revisionRefusal(
    locale: Locale,
    fileName: string,
    decision: 'duplicate' | 'older' | 'conflict',
    m: KeyedBundle['manifest'],
    received: readonly { revision: number }[],
  ): ImportResultDto {
    const latest = Math.max(0, ...received.map((r) => r.revision));
    const facts = {
      kode: m.facility.kode,
      puskesmasName: m.facility.name,
      period: m.period,
      revision: m.revision,
    };
    const params = {
      period: periodName(m.period)[locale],
      revision: m.revision,
      latest,
      name: m.facility.name,
    };
    if (decision === 'duplicate') {
      return result(fileName, 'duplicate', tr(locale, 'bundle.import.duplicate', params), facts);
    }
    return result(
      fileName,
      decision,
      tr(locale, decision === 'older' ? 'bundle.import.older' : 'bundle.import.conflict', params),
      { ...facts, code: decision === 'older' ? 'REVISION_OLDER' : 'REVISION_CONFLICT' },
    );
  }

  /** One import run: who asked, with what, and the opener its files are verified by. */
  interface ImportRun {
    actor: Actor;
    opts: ImportOptions;
    extraTrusted: ReadonlyMap<string, string>;
    opener: BundleOpener;
    signal: AbortSignal;
  }

  /** A file begun: its result already, or its opening under way, or what went wrong. */
  type Begun =
    | { done: ImportResultDto }
    | { failed: unknown }
    | {
        file: ImportFile;
        sha256: string;
        key: BundleKey;
        trusted: ReadonlyMap<string, string>;
        trustChanges: number;
        opening: Promise<KeyedBundle>;
      };

  /** Open `file` with `key`, its signer among `trusted`. */
  function openFile(
    run: ImportRun,
    file: ImportFile,
    key: BundleKey,
    trusted: ReadonlyMap<string, string>,
  ): Promise<KeyedBundle> {
    return run.opener.open(file.bytes, { ...key, trustedSigners: trusted, signal: run.signal });
  }

  /**
   * Everything before a file is applied that reads no more than the registry: whether it was
   * seen, which key opens it, and its opening begun (on the opener's worker). The next file is
   * begun while one is applied.
   */
  async function begin(run: ImportRun, file: ImportFile): Promise<Begun> {
    const { locale } = run.actor;
    const { opts } = run;
    const sha256 = sha256Hex(file.bytes);

    // The very same file as one already applied: nothing to do (and nothing to decrypt).
    const seen = await db
      .selectFrom('bundle_import as i')
      .innerJoin('dinkes_puskesmas as p', 'p.id', 'i.puskesmas_id')
      .select(['p.kode', 'p.name', 'i.period', 'i.revision', 'i.received_at'])
      .where('i.sha256', '=', sha256)
      .executeTakeFirst();
    if (seen) {
      const done = result(
        file.name,
        'duplicate',
        tr(locale, 'bundle.import.duplicate', {
          period: periodName(seen.period)[locale],
          revision: seen.revision,
          name: seen.name,
        }),
        {
          kode: seen.kode,
          puskesmasName: seen.name,
          period: seen.period,
          revision: seen.revision,
          sha256,
        },
      );
      return { done };
    }

    let key: BundleKey;
    try {
      const header = inspectAgeHeader(file.bytes);
      if (header.mode === 'passphrase') {
        if (!opts.bundlePassphrase) {
          const done = result(
            file.name,
            'needsPassphrase',
            tr(locale, 'bundle.import.needsPassphrase'),
            { code: 'BUNDLE_PASSPHRASE_REQUIRED', sha256 },
          );
          return { done };
        }
        key = { passphrase: opts.bundlePassphrase };
      } else {
        if (!opts.identity) {
          return {
            done: refused(file.name, 'KEY_LOCKED', tr(locale, 'error.bundle.locked'), { sha256 }),
          };
        }
        key = { identity: opts.identity };
      }
    } catch (error) {
      if (error instanceof BundleError) {
        return {
          done: refused(file.name, error.code, bundleErrorMessage(error, locale), { sha256 }),
        };
      }
      throw error;
    }

    const trusted = await trustedKeys(run.extraTrusted);
    const opening = openFile(run, file, key, trusted);
    opening.catch(() => undefined); // awaited by finish; not an unhandled rejection meanwhile
    return { file, sha256, key, trusted, trustChanges, opening };
  }

  /** Open (or take the opening begun), check and apply one file. */
  async function finish(run: ImportRun, begun: Begun): Promise<ImportResultDto> {
    if ('done' in begun) return begun.done;
    if ('failed' in begun) throw begun.failed;
    const { actor, opts } = run;
    const { locale } = actor;
    const { file, sha256, key } = begun;
    // A file begun while the one before was applied: if that changed the keys trusted (a signer
    // registered, a key replaced), it is opened again with the keys trusted now.
    let opening = begun.opening;
    if (begun.trustChanges !== trustChanges) {
      const trusted = await trustedKeys(run.extraTrusted);
      if (!sameEntries(trusted, begun.trusted)) opening = openFile(run, file, key, trusted);
    }
    let opened: KeyedBundle;
    try {
      opened = await opening;
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      if (error.code === 'BUNDLE_CANCELLED') throw error;
      if (error.code === 'BUNDLE_UNKNOWN_SIGNER') {
        const d = error.details as {
          keyId: string;
          publicKey: string;
          fingerprint: string;
          facility: { kode: string; name: string };
          period: string;
          revision: number;
        };
        if (opts.trustNewSigners) {
          const extraTrusted = new Map([...run.extraTrusted, [d.keyId, d.publicKey]]);
          return finish({ ...run, extraTrusted }, await begin({ ...run, extraTrusted }, file));
        }
        return hold(locale, file, sha256, d, 'passphrase' in key ? key.passphrase : undefined);
      }
      return refused(file.name, error.code, bundleErrorMessage(error, locale), { sha256 });
    }

    const m = opened.manifest;
    const facts = {
      kode: m.facility.kode,
      puskesmasName: m.facility.name,
      period: m.period,
      revision: m.revision,
      sha256,
    };
    const signer: SignerFacts = {
      keyId: opened.signer.keyId,
      publicKey: opened.signer.publicKey,
      fingerprint: opened.signer.fingerprint,
      kode: m.facility.kode,
      name: m.facility.name,
    };

    // The key must be the one registered for the puskesmas the bundle claims to come from.
    const byKey = await registryBy(db, 'signer_key_id', signer.keyId);
    if (byKey && byKey.kode !== m.facility.kode) {
      return refused(
        file.name,
        'SIGNER_MISMATCH',
        tr(locale, 'bundle.import.signerMismatch', {
          kode: m.facility.kode,
          owner: `${byKey.kode} ${byKey.name}`,
        }),
        facts,
      );
    }

    const parsed = monthlyReport.safeParse(opened.report.json);
    if (!parsed.success) {
      return refused(
        file.name,
        'BUNDLE_REPORT_INVALID',
        tr(locale, 'bundle.import.reportInvalid'),
        facts,
      );
    }
    if (parsed.data.period !== m.period || parsed.data.facility.kode !== m.facility.kode) {
      return refused(
        file.name,
        'BUNDLE_REPORT_INVALID',
        tr(locale, 'bundle.import.reportMismatch'),
        facts,
      );
    }

    const warnings: string[] = [];
    if (m.previousBundleSha256) {
      const previous = await db
        .selectFrom('bundle_import')
        .select('id')
        .where('sha256', '=', m.previousBundleSha256)
        .executeTakeFirst();
      if (!previous) warnings.push(tr(locale, 'bundle.import.chainGap'));
    }

    const outcome = await apply(actor, file, sha256, opened, parsed.data, signer, !byKey);
    if ('fileName' in outcome) return outcome;
    if (!byKey) {
      // Keep the standard tools in step: `siklus bundle verify --data-dir` trusts it too.
      await addTrustedSigner(dir, signer.publicKey, `${signer.kode} ${signer.name}`).catch(
        (error: unknown) =>
          deps.log.warn('trusted signers file not updated', { error: String(error) }),
      );
    }
    const records = Object.values(opened.tables).reduce((a, keys) => a + keys.id.length, 0);
    deps.log.info('bundle imported', {
      kode: m.facility.kode,
      period: m.period,
      revision: m.revision,
      outcome: outcome.outcome,
      records,
      changed: outcome.changed,
    });
    return result(
      file.name,
      outcome.outcome,
      tr(
        locale,
        outcome.outcome === 'replaced' ? 'bundle.import.replaced' : 'bundle.import.applied',
        {
          name: m.facility.name,
          period: periodName(m.period)[locale],
          revision: m.revision,
          records,
          changed: outcome.changed,
        },
      ),
      { ...facts, records, warnings },
    );
  }

  async function hold(
    locale: Locale,
    file: ImportFile,
    sha256: string,
    d: {
      keyId: string;
      publicKey: string;
      fingerprint: string;
      facility: { kode: string; name: string };
      period: string;
      revision: number;
    },
    passphrase: string | undefined,
  ): Promise<ImportResultDto> {
    const facts = {
      kode: d.facility.kode,
      puskesmasName: d.facility.name,
      period: d.period,
      revision: d.revision,
      sha256,
    };
    if (pendingBytes() + file.bytes.length > MAX_PENDING_BYTES) {
      return refused(file.name, 'PENDING_FULL', tr(locale, 'bundle.import.pendingFull'), facts);
    }
    const current = await registryBy(db, 'kode', d.facility.kode);
    const entry: Pending = pending.get(d.keyId) ?? {
      keyId: d.keyId,
      publicKey: d.publicKey,
      fingerprint: d.fingerprint,
      kode: d.facility.kode,
      name: d.facility.name,
      previous: current
        ? { keyId: current.signer_key_id, fingerprint: keyFingerprint(current.public_key) }
        : null,
      files: [],
    };
    if (!entry.files.some((f) => sha256Hex(f.file.bytes) === sha256)) {
      entry.files.push({
        file,
        period: d.period,
        revision: d.revision,
        ...(passphrase ? { passphrase } : {}),
      });
      entry.files.sort((a, b) => importOrder(a.file, b.file));
    }
    pending.set(d.keyId, entry);
    return result(
      file.name,
      'unknownSigner',
      tr(locale, current ? 'bundle.import.keyChanged' : 'bundle.import.unknownSigner', {
        name: d.facility.name,
        kode: d.facility.kode,
        fingerprint: d.fingerprint,
      }),
      { ...facts, code: 'BUNDLE_UNKNOWN_SIGNER' },
    );
  }

  function cancelledResult(locale: Locale, file: ImportFile): ImportResultDto {
    return refused(file.name, 'BUNDLE_CANCELLED', tr(locale, 'bundle.import.cancelled'));
  }

  /** The result of a file whose import threw: cancelled, refused with its code, or internal. */
  function failedResult(actor: Actor, file: ImportFile, error: unknown): ImportResultDto {
    if (error instanceof BundleError && error.code === 'BUNDLE_CANCELLED') {
      return cancelledResult(actor.locale, file);
    }
    if (error instanceof AppError) return refused(file.name, error.code, error.message);
    deps.log.error('bundle import failed', { file: file.name, error: String(error) });
    return refused(file.name, 'BUNDLE_INTERNAL', tr(actor.locale, 'bundleError.BUNDLE_INTERNAL'));
  }

  async function importAll(
    actor: Actor,
    files: ImportFile[],
    opts: ImportOptions,
    extraTrusted: ReadonlyMap<string, string> = new Map(),
  ): Promise<ImportSummary> {
    if (importing) throw AppError.of('CONFLICT', actor.locale, 'error.bundle.busy');
    importing = true;
    try {
      const ordered = [...files].sort(importOrder);
      const results = await options.tasks.run(
        opts.taskId ?? `terima-${deps.now().getTime()}`,
        actor.locale,
        async (task: RunningTask) => {
          const out: ImportResultDto[] = [];
          const opener = ordered.length > 1 ? createBundleOpener() : inlineOpener;
          const run: ImportRun = { actor, opts, extraTrusted, opener, signal: task.signal };
          // Files begun (their verification under way on the workers), in order.
          const ahead: Begun[] = [];
          let begunCount = 0;
          const beginUpTo = async (count: number) => {
            while (ahead.length < count && begunCount < ordered.length) {
              const file = ordered[begunCount++]!;
              ahead.push(await begin(run, file).catch((failed: unknown) => ({ failed })));
            }
          };
          await beginUpTo(1);
          try {
            for (const [i, file] of ordered.entries()) {
              if (task.signal.aborted) {
                out.push(...ordered.slice(i).map((f) => cancelledResult(actor.locale, f)));
                break;
              }
              task.progress(
                (i / ordered.length) * 100,
                tr(actor.locale, 'bundle.progress.import', {
                  file: file.name,
                  index: i + 1,
                  count: ordered.length,
                }),
              );
              // The next files are begun (as many as the opener verifies at once) before this
              // one is checked and written.
              const current = ahead.shift()!;
              await beginUpTo(opener.parallel);
              out.push(await finish(run, current).catch((e) => failedResult(actor, file, e)));
            }
          } finally {
            await opener.close();
          }
          task.progress(100, tr(actor.locale, 'bundle.progress.done'));
          return out;
        },
      );
      return { results, pending: pendingList() };
    } finally {
      importing = false;
    }
  }

  return {
    async importFiles(
      actor: Actor,
      files: ImportFile[],
      opts: ImportOptions,
    ): Promise<ImportSummary> {
      await requireDinkes(actor.locale);
      return importAll(actor, files, opts);
    },

    async importFolder(actor: Actor, folder: string, opts: ImportOptions): Promise<ImportSummary> {
      await requireDinkes(actor.locale);
      const field = (key: MessageKey, params?: MessageParams) =>
        AppError.field(actor.locale, 'folder', tr(actor.locale, key, params));
      if (!path.isAbsolute(folder)) throw field('error.bundle.folder.relative');
      let files: ImportFile[];
      try {
        files = await bundleFilesIn(path.resolve(folder));
      } catch {
        throw field('error.bundle.folder.unreadable', { folder });
      }
      if (files.length === 0) throw field('error.bundle.folder.empty', { folder });
      return importAll(actor, files, opts);
    },

    pending: (): { pending: PendingSigner[] } => ({ pending: pendingList() }),

    /**
     * The officer compared the fingerprint with the puskesmas: register its key (or its new
     * key) and import the bundles held for it.
     */
    async confirmSigner(
      actor: Actor,
      pendingId: string,
      opts: ImportOptions,
    ): Promise<ImportSummary> {
      await requireDinkes(actor.locale);
      const entry = pending.get(pendingId);
      if (!entry) throw AppError.of('NOT_FOUND', actor.locale, 'error.bundle.pendingGone');
      await write(deps, actor, async (ctx) => {
        const taken = await registryBy(ctx.trx, 'signer_key_id', entry.keyId);
        if (taken && taken.kode !== entry.kode) {
          throw AppError.of('CONFLICT', actor.locale, 'bundle.import.signerMismatch', {
            kode: entry.kode,
            owner: `${taken.kode} ${taken.name}`,
          });
        }
        if (!taken) await registerSigner(ctx, entry, {});
      });
      await addTrustedSigner(dir, entry.publicKey, `${entry.kode} ${entry.name}`).catch(
        (error: unknown) =>
          deps.log.warn('trusted signers file not updated', { error: String(error) }),
      );
      pending.delete(pendingId);
      deps.log.info('puskesmas key confirmed', { kode: entry.kode, keyId: entry.keyId });
      const trusted = new Map([[entry.keyId, entry.publicKey]]);
      const withKey = entry.files.filter((f) => !f.passphrase).map((f) => f.file);
      const summary = await importAll(actor, withKey, opts, trusted);
      for (const f of entry.files.filter((x) => x.passphrase)) {
        const one = await importAll(
          actor,
          [f.file],
          { ...opts, bundlePassphrase: f.passphrase },
          trusted,
        );
        summary.results.push(...one.results);
        summary.pending = one.pending;
      }
      return summary;
    },

    discardPending(pendingId: string): { pending: PendingSigner[] } {
      pending.delete(pendingId);
      return { pending: pendingList() };
    },

    cancel: (taskId: string) => ({ cancelled: options.tasks.cancel(taskId) }),
  };
}

export type BundleImportService = ReturnType<typeof createBundleImportService>;
