import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  AppError,
  type BackupCreated,
  type BackupEntry,
  type BackupList,
  type BackupRestored,
  type BackupSettings,
  type BackupVerified,
  type EventPayload,
  type RecoveryInspection,
  type RecoveryStatus,
  type SalvageResult,
  type SystemInfo,
} from '@shared/contract';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import {
  backupsToKeep,
  checkLines,
  readSetting,
  tableCounts,
  tableCountsTolerant,
  copyFileAtomic,
  createBackup,
  DEFAULT_RETENTION,
  fileSize,
  findStored,
  folderWritable,
  listStored,
  localKeys,
  offsetOfZone,
  PassphraseError,
  removeLeftovers,
  removeStored,
  salvageDatabase,
  RestoreRefusedError,
  toEntry,
  verifyBackup,
  writeFileAtomic,
  type BackupLocation,
  type BackupProgress,
  type StoredBackup,
} from '../backup';
import { writeAudit } from '../db/audit';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { dataPaths, type DataPaths } from '../paths';
import type { AppFacts } from './app';
import { write, type Actor, type ServiceDeps } from './context';

const KEYS = {
  keepDaily: 'backup.keepDaily',
  keepMonthly: 'backup.keepMonthly',
  secondDir: 'backup.secondDir',
  encrypt: 'backup.encrypt',
  passphrase: 'backup.passphrase',
} as const;

/** What the core lends the backup service once the database is open. */
export interface BackupHost {
  /** The open connection, for SQLite's online backup. */
  sqlite: BetterSqlite3.Database;
  emit(event: 'task.progress', payload: EventPayload<'task.progress'>): void;
  /** Close the database, put the prepared backup in place, then reopen or relaunch. */
  restore(stored: StoredBackup, passphrase: string | undefined): Promise<BackupRestored>;
  /** The system folder dialog (desktop only). */
  pickFolder?: () => Promise<string | null>;
  /** Recent log lines (JSON, no personal data) for the diagnostic summary. */
  logTail(count: number): string[];
  logDir: string;
}

interface StoredSettings {
  keepDaily: number;
  keepMonthly: number;
  secondDir: string | null;
  encrypt: boolean;
  passphrase: string | null;
}

/** Map the backup module's errors onto the bridge's error values. */
export function toAppError(error: unknown, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof PassphraseError) {
    return AppError.field(
      locale,
      'passphrase',
      translate(
        locale,
        error.missing ? 'error.backup.passphraseMissing' : 'error.backup.passphraseWrong',
      ),
    );
  }
  if (error instanceof RestoreRefusedError) {
    return AppError.of('RULE_VIOLATION', locale, 'error.backup.refused', {
      reason: error.problems.slice(0, 3).join('; '),
    });
  }
  return AppError.of('INTERNAL', locale, 'error.backup.failed', {
    reason: error instanceof Error ? error.message : String(error),
  });
}

/** All backups the app knows: the data folder's, then the second folder's. */
export function listAllStored(paths: DataPaths, secondDir: string | null): StoredBackup[] {
  return [
    ...listStored(paths.backups, 'utama'),
    ...(secondDir ? listStored(secondDir, 'kedua') : []),
  ];
}

export function findBackup(
  paths: DataPaths,
  secondDir: string | null,
  id: string,
  location: BackupLocation,
): StoredBackup | null {
  if (location === 'kedua') return secondDir ? findStored(secondDir, 'kedua', id) : null;
  return findStored(paths.backups, 'utama', id);
}

export function toList(stored: StoredBackup[], secondDir: BackupList['secondDir']): BackupList {
  const backups = stored.map((s) => toEntry(s, LATEST_SCHEMA_VERSION));
  const good = backups.filter((b) => b.status === 'ok').map((b) => b.createdAt);
  return {
    backups,
    lastBackupAt: good.length > 0 ? good.sort().at(-1)! : null,
    secondDir,
  };
}

export function secondDirStatus(dir: string | null): BackupList['secondDir'] {
  if (!dir) return null;
  const check = folderWritable(dir);
  return { dir, available: check.ok, message: check.ok ? null : check.reason };
}

/** A plain-text summary for support. Versions, paths, sizes, counts, recent warnings: no names. */
export function diagnosticsText(lines: Record<string, string | number | null>, extra: string[]) {
  const width = Math.max(...Object.keys(lines).map((k) => k.length));
  return [
    ...Object.entries(lines).map(([k, v]) => `${k.padEnd(width)}  ${v ?? '-'}`),
    ...extra,
  ].join('\n');
}

let sqliteLibrary: string | null = null;

/** The SQLite library better-sqlite3 was built with (Node's own `process.versions.sqlite` is not it). */
function sqliteVersion(): string {
  if (sqliteLibrary === null) {
    try {
      const memory = new BetterSqlite3(':memory:');
      sqliteLibrary = String(memory.prepare('SELECT sqlite_version()').pluck().get());
      memory.close();
    } catch {
      sqliteLibrary = '-';
    }
  }
  return sqliteLibrary;
}

export function runtimeLines(): Record<string, string> {
  return {
    platform: `${process.platform} ${process.arch}`,
    node: process.versions.node,
    electron: process.versions.electron ?? '-',
    sqlite: sqliteVersion(),
  };
}

/** Overall progress 0…100 across the stages of one backup. */
function percent(p: BackupProgress | { stage: 'second'; done: number; total: number }): number {
  const within = p.total > 0 ? p.done / p.total : 0;
  switch (p.stage) {
    case 'copy':
      return Math.round(within * 60);
    case 'check':
      return 60 + Math.round(within * 15);
    case 'encrypt':
    case 'hash':
      return 75 + Math.round(within * 15);
    case 'second':
      return 90 + Math.round(within * 9);
    case 'done':
      return 100;
  }
}

export function createBackupService(deps: ServiceDeps, facts: AppFacts) {
  const paths = dataPaths(facts.dataDir);
  let host: BackupHost | null = null;
  let running: Promise<unknown> | null = null;

  const needHost = (): BackupHost => {
    if (!host) throw new Error('backup service used before the core attached it');
    return host;
  };

  async function read(key: string): Promise<unknown> {
    try {
      const row = await deps.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }

  async function stored(): Promise<StoredSettings> {
    const [keepDaily, keepMonthly, secondDir, encrypt, passphrase] = await Promise.all([
      read(KEYS.keepDaily),
      read(KEYS.keepMonthly),
      read(KEYS.secondDir),
      read(KEYS.encrypt),
      read(KEYS.passphrase),
    ]);
    return {
      keepDaily: typeof keepDaily === 'number' ? keepDaily : DEFAULT_RETENTION.keepDaily,
      keepMonthly: typeof keepMonthly === 'number' ? keepMonthly : DEFAULT_RETENTION.keepMonthly,
      secondDir: typeof secondDir === 'string' && secondDir ? secondDir : null,
      encrypt: encrypt === true,
      passphrase: typeof passphrase === 'string' && passphrase ? passphrase : null,
    };
  }

  function publicSettings(s: StoredSettings): BackupSettings {
    return {
      keepDaily: s.keepDaily,
      keepMonthly: s.keepMonthly,
      secondDir: s.secondDir,
      encrypt: s.encrypt,
      passphraseSet: s.passphrase !== null,
    };
  }

  /** The facility's row (an older schema without the table counts as none). */
  async function facilityRow() {
    try {
      return await deps.db
        .selectFrom('facility')
        .select(['id', 'timezone'])
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    } catch {
      return undefined;
    }
  }

  async function offsetMinutes(): Promise<number> {
    return offsetOfZone((await facilityRow())?.timezone);
  }

  async function hasFacility(): Promise<boolean> {
    return (await facilityRow()) !== undefined;
  }

  function prune(dir: string, location: BackupLocation, s: StoredSettings, offset: number) {
    const all = listStored(dir, location);
    const keep = backupsToKeep(
      all.map((b) => b.manifest),
      { keepDaily: s.keepDaily, keepMonthly: s.keepMonthly },
      offset,
    );
    const removed: string[] = [];
    for (const b of all) {
      if (keep.has(b.manifest.id)) continue;
      removeStored(b);
      removed.push(b.manifest.id);
    }
    return removed;
  }

  async function copyToSecond(
    primary: StoredBackup,
    dir: string,
  ): Promise<{ ok: true } | { ok: false; reason: string }> {
    const check = folderWritable(dir);
    if (!check.ok) return check;
    try {
      await copyFileAtomic(
        primary.dataFile,
        path.join(dir, path.basename(primary.dataFile)),
        primary.manifest.sha256,
      );
      writeFileAtomic(
        path.join(dir, path.basename(primary.manifestFile)),
        `${JSON.stringify(primary.manifest, null, 2)}\n`,
      );
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async function runCreate(
    kind: 'harian' | 'manual',
    taskId: string,
    locale: Locale,
  ): Promise<BackupCreated> {
    const h = needHost();
    const started = Date.now();
    const s = await stored();
    const emit = (
      p: BackupProgress | { stage: 'second'; done: number; total: number },
      label: MessageKey,
    ) =>
      h.emit('task.progress', {
        taskId,
        done: percent(p),
        total: 100,
        label: translate(locale, label),
      });
    // File ages are compared with the real clock (file times are real), not the app's clock.
    const leftovers = removeLeftovers(paths.backups);
    if (leftovers.length > 0)
      deps.log.warn('backup: removed leftovers', { count: leftovers.length });

    const primary = await createBackup({
      source: h.sqlite,
      dir: paths.backups,
      kind,
      appVersion: facts.appVersion,
      now: deps.now,
      passphrase: s.encrypt ? s.passphrase : null,
      onProgress: (p) => emit(p, `backup.progress.${p.stage === 'done' ? 'hash' : p.stage}`),
    });
    const offset = await offsetMinutes();
    const pruned = prune(paths.backups, 'utama', s, offset);

    let secondCopy: BackupCreated['secondCopy'] = null;
    if (s.secondDir) {
      emit({ stage: 'second', done: 0, total: 1 }, 'backup.progress.second');
      const copied = await copyToSecond(primary, s.secondDir);
      if (copied.ok) {
        removeLeftovers(s.secondDir);
        prune(s.secondDir, 'kedua', s, offset);
        secondCopy = { location: 'kedua', dir: s.secondDir, ok: true, message: null };
      } else {
        deps.log.warn('backup: second folder not available', { reason: copied.reason });
        secondCopy = {
          location: 'kedua',
          dir: s.secondDir,
          ok: false,
          message: translate(locale, 'error.backup.secondDir.unavailable', {
            reason: copied.reason,
          }),
        };
      }
    }
    emit({ stage: 'done', done: 1, total: 1 }, 'backup.progress.done');
    deps.log.info('backup created', {
      id: primary.manifest.id,
      kind,
      bytes: primary.manifest.size,
      encrypted: primary.manifest.encrypted,
      secondCopy: secondCopy ? secondCopy.ok : null,
      pruned: pruned.length,
      ms: Date.now() - started,
    });
    return {
      taskId,
      backup: toEntry(primary, LATEST_SCHEMA_VERSION),
      secondCopy,
      pruned,
    };
  }

  function exclusive<T>(work: () => Promise<T>, locale: Locale): Promise<T> {
    if (running) throw AppError.of('CONFLICT', locale, 'error.backup.busy');
    const task = work().finally(() => {
      running = null;
    });
    running = task;
    return task;
  }

  return {
    /** Called by the core once, right after the services are built. */
    attach(next: BackupHost): void {
      host = next;
    },
    /** Settles when no backup is running (the core waits for it before closing). */
    idle: async (): Promise<void> => {
      await running?.catch(() => undefined);
    },

    async settings(): Promise<BackupSettings> {
      return publicSettings(await stored());
    },

    async setSettings(
      input: {
        keepDaily: number;
        keepMonthly: number;
        secondDir: string | null;
        encrypt: boolean;
        passphrase?: string | undefined;
      },
      actor: Actor,
    ): Promise<BackupSettings> {
      const { locale } = actor;
      const current = await stored();
      if (input.secondDir !== null) {
        if (!path.isAbsolute(input.secondDir)) {
          throw AppError.field(
            locale,
            'secondDir',
            translate(locale, 'error.backup.secondDir.relative'),
          );
        }
        const resolved = path.resolve(input.secondDir);
        if (resolved === paths.dir || resolved.startsWith(paths.dir + path.sep)) {
          throw AppError.field(
            locale,
            'secondDir',
            translate(locale, 'error.backup.secondDir.inside'),
          );
        }
        const check = folderWritable(resolved);
        if (!check.ok) {
          throw AppError.field(
            locale,
            'secondDir',
            translate(locale, 'error.backup.secondDir.unavailable', { reason: check.reason }),
          );
        }
      }
      // Turning encryption off forgets the passphrase, so later plain backups do not carry it.
      const passphrase = input.encrypt ? (input.passphrase ?? current.passphrase) : null;
      if (input.encrypt && !passphrase) {
        throw AppError.field(
          locale,
          'passphrase',
          translate(locale, 'error.backup.passphraseRequired'),
        );
      }
      const next: StoredSettings = {
        keepDaily: input.keepDaily,
        keepMonthly: input.keepMonthly,
        secondDir: input.secondDir ? path.resolve(input.secondDir) : null,
        encrypt: input.encrypt,
        passphrase,
      };
      await write(deps, actor, async ({ trx, at }) => {
        for (const [field, key] of Object.entries(KEYS) as [keyof StoredSettings, string][]) {
          const before = current[field];
          const after = next[field];
          if (before === after) continue;
          const json = JSON.stringify(after);
          await trx
            .insertInto('settings')
            .values({ key, value: json, updated_at: at, updated_by: actor.userId })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({ value: json, updated_at: at, updated_by: actor.userId }),
            )
            .execute();
          // The passphrase itself never goes into the audit log.
          const secret = field === 'passphrase';
          await writeAudit(trx, {
            at,
            userId: actor.userId,
            action: 'set',
            table: 'settings',
            rowId: key,
            changes: { value: secret ? ['***', '***'] : [before, after] },
          });
        }
      });
      deps.log.info('backup settings changed', {
        encrypt: next.encrypt,
        secondDir: next.secondDir !== null,
        keepDaily: next.keepDaily,
        keepMonthly: next.keepMonthly,
      });
      return publicSettings(next);
    },

    async list(): Promise<BackupList> {
      const s = await stored();
      return toList(listAllStored(paths, s.secondDir), secondDirStatus(s.secondDir));
    },

    /** "Backup sekarang": progress on `task.progress` under `taskId`. */
    create(locale: Locale, taskId?: string): Promise<BackupCreated> {
      const id = taskId ?? `backup-${deps.now().getTime()}`;
      return exclusive(
        () =>
          runCreate('manual', id, locale).catch((error: unknown) => {
            deps.log.error('backup failed', { error: String(error) });
            throw toAppError(error, locale);
          }),
        locale,
      );
    },

    /**
     * The automatic daily backup: taken when there is a facility (something to protect) and no
     * good routine backup yet from today (in the facility's time zone). Returns null when none
     * was due.
     */
    async dailyIfDue(): Promise<BackupCreated | null> {
      if (running || !(await hasFacility())) return null;
      const offset = await offsetMinutes();
      const today = localKeys(deps.now().toISOString(), offset).day;
      const done = listStored(paths.backups, 'utama').some(
        (b) =>
          b.status === 'ok' &&
          b.manifest.kind !== 'pra-migrasi' &&
          localKeys(b.manifest.createdAt, offset).day === today,
      );
      if (done) return null;
      return exclusive(() => runCreate('harian', `harian-${today}`, 'id'), 'id');
    },

    async verify(
      id: string,
      location: BackupLocation,
      passphrase: string | undefined,
      locale: Locale,
    ): Promise<BackupVerified> {
      const s = await stored();
      const found = findBackup(paths, s.secondDir, id, location);
      if (!found) throw AppError.of('NOT_FOUND', locale, 'error.backup.notFound', { id });
      try {
        const result = await verifyBackup(found, passphrase ?? s.passphrase);
        deps.log.info('backup verified', { id, ok: result.ok, content: result.contentChecked });
        return { id, ...result };
      } catch (error) {
        throw toAppError(error, locale);
      }
    },

    async restore(
      id: string,
      location: BackupLocation,
      passphrase: string | undefined,
      locale: Locale,
    ): Promise<BackupRestored> {
      const s = await stored();
      const found = findBackup(paths, s.secondDir, id, location);
      if (!found) throw AppError.of('NOT_FOUND', locale, 'error.backup.notFound', { id });
      try {
        return await needHost().restore(found, passphrase ?? s.passphrase ?? undefined);
      } catch (error) {
        throw toAppError(error, locale);
      }
    },

    async pickSecondDir(locale: Locale): Promise<{ dir: string | null }> {
      const pick = needHost().pickFolder;
      if (!pick) throw AppError.of('RULE_VIOLATION', locale, 'error.backup.pickUnavailable');
      return { dir: await pick() };
    },

    /** "Info & log". */
    async info(): Promise<SystemInfo> {
      const h = needHost();
      const s = await stored();
      const all = listAllStored(paths, s.secondDir);
      const last = all.find((b) => b.status === 'ok' && b.location === 'utama') ?? null;
      const databaseBytes = fileSize(paths.database) + fileSize(`${paths.database}-wal`);
      const counts = Object.entries(tableCounts(h.sqlite)).map(([name, n]) => `  ${name}: ${n}`);
      const entries: BackupEntry[] = all.slice(0, 5).map((b) => toEntry(b, LATEST_SCHEMA_VERSION));
      const text = diagnosticsText(
        {
          Siklus: facts.appVersion,
          runtime: facts.runtime,
          schema: `${facts.schemaVersion} (latest ${LATEST_SCHEMA_VERSION})`,
          ...runtimeLines(),
          dataDir: paths.dir,
          databaseBytes,
          backups: all.filter((b) => b.status === 'ok').length,
          lastBackup: last ? `${last.manifest.createdAt} ${last.manifest.kind}` : null,
          secondDir: s.secondDir
            ? folderWritable(s.secondDir).ok
              ? 'ok'
              : 'tidak tersedia'
            : null,
          encryption: s.encrypt ? 'on' : 'off',
        },
        [
          'tables:',
          ...counts,
          'recent backups:',
          ...entries.map((e) => `  ${e.createdAt} ${e.kind} ${e.location} ${e.status} ${e.size}B`),
          'recent warnings:',
          ...h.logTail(20).map((l) => `  ${l}`),
        ],
      );
      return {
        appVersion: facts.appVersion,
        schemaVersion: facts.schemaVersion,
        runtime: facts.runtime,
        dataDir: paths.dir,
        dbFile: paths.database,
        databaseBytes,
        logDir: h.logDir,
        lastBackup: last
          ? { id: last.manifest.id, kind: last.manifest.kind, createdAt: last.manifest.createdAt }
          : null,
        diagnostics: text,
      };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/** The files of a data folder that the diagnostics mention, for the recovery screen. */
export function describeDataFolder(paths: DataPaths): string[] {
  let names: string[] = [];
  try {
    names = fs.readdirSync(paths.dir);
  } catch {
    return ['  (folder data tidak dapat dibaca)'];
  }
  return names
    .filter((n) => n.startsWith('siklus'))
    .map((n) => `  ${n} ${fileSize(path.join(paths.dir, n))}B`);
}

/** What the core lends the recovery service when the database cannot be opened. */
export interface RecoveryHost {
  paths: DataPaths;
  appVersion: string;
  runtime: string;
  reason: RecoveryStatus['reason'];
  error: string;
  schemaFound: number | null;
  restore(stored: StoredBackup, passphrase: string | undefined): Promise<BackupRestored>;
  logTail(count: number): string[];
}

/** The second folder as recorded in the damaged database, if that much can still be read. */
function secondDirFromDamaged(file: string): string | null {
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const value = readSetting(probe, KEYS.secondDir);
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  } finally {
    try {
      probe?.close();
    } catch {
      // ignore
    }
  }
}

/**
 * Recovery mode: list and restore the app's own backups (the data folder's `backup/`, and the
 * second folder when the damaged database still tells where it is), show the error, inspect
 * the damaged file read-only. Nothing here writes to the damaged file; a restore moves it aside.
 */
export function createRecoveryService(host: RecoveryHost) {
  const secondDir = secondDirFromDamaged(host.paths.database);
  const all = () => listAllStored(host.paths, secondDir);
  const newestRestorable = () =>
    all()
      .map((s) => ({ s, e: toEntry(s, LATEST_SCHEMA_VERSION) }))
      .filter(({ e }) => e.restorable)
      .sort((a, b) => b.e.createdAt.localeCompare(a.e.createdAt))[0]?.s ?? null;

  return {
    status(): RecoveryStatus {
      return {
        mode: 'recovery',
        reason: host.reason,
        error: host.error,
        dataDir: host.paths.dir,
        dbFile: host.paths.database,
        appVersion: host.appVersion,
        schemaFound: host.schemaFound,
        schemaSupported: LATEST_SCHEMA_VERSION,
        canRestore: newestRestorable() !== null,
      };
    },
    backups(): BackupList {
      return toList(all(), secondDirStatus(secondDir));
    },
    async restore(
      input: { id?: string | undefined; location: BackupLocation; passphrase?: string | undefined },
      locale: Locale,
    ): Promise<BackupRestored> {
      const found =
        input.id === undefined
          ? newestRestorable()
          : findBackup(host.paths, secondDir, input.id, input.location);
      if (!found) {
        throw input.id === undefined
          ? AppError.of('NOT_FOUND', locale, 'error.backup.noneRestorable')
          : AppError.of('NOT_FOUND', locale, 'error.backup.notFound', { id: input.id });
      }
      try {
        return await host.restore(found, input.passphrase);
      } catch (error) {
        throw toAppError(error, locale);
      }
    },
    diagnostics(): { text: string } {
      const backups = all();
      return {
        text: diagnosticsText(
          {
            Siklus: host.appVersion,
            runtime: host.runtime,
            mode: 'recovery',
            reason: host.reason,
            schema: `${host.schemaFound ?? '?'} (latest ${LATEST_SCHEMA_VERSION})`,
            ...runtimeLines(),
            dataDir: host.paths.dir,
            databaseBytes: fileSize(host.paths.database),
            backups: backups.filter((b) => b.status === 'ok').length,
          },
          [
            `error: ${host.error}`,
            'files:',
            ...describeDataFolder(host.paths),
            'recent backups:',
            ...backups
              .slice(0, 5)
              .map(
                (b) =>
                  `  ${b.manifest.createdAt} ${b.manifest.kind} ${b.location} ${b.status} v${b.manifest.schemaVersion}`,
              ),
            'recent warnings:',
            ...host.logTail(20).map((l) => `  ${l}`),
          ],
        ),
      };
    },
    salvage(locale: Locale): SalvageResult {
      try {
        const result = salvageDatabase(
          host.paths.dir,
          host.paths.database,
          host.paths.backups,
          new Date(),
        );
        return result;
      } catch (error) {
        throw AppError.of('RULE_VIOLATION', locale, 'error.backup.salvage', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    },
    inspect(): RecoveryInspection {
      let probe: BetterSqlite3.Database | undefined;
      try {
        probe = new BetterSqlite3(host.paths.database, { readonly: true, fileMustExist: true });
        const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
        let check: string[];
        try {
          check = checkLines(probe, 'quick_check', 20);
          if (check.length === 0) check = ['ok'];
        } catch (error) {
          check = [error instanceof Error ? error.message : String(error)];
        }
        // The file opened; a damaged schema (the table list) only means no table can be counted.
        try {
          return {
            opened: true,
            schemaVersion,
            check,
            counts: tableCountsTolerant(probe),
            message: null,
          };
        } catch (error) {
          return {
            opened: true,
            schemaVersion,
            check,
            counts: {},
            message: error instanceof Error ? error.message : String(error),
          };
        }
      } catch (error) {
        return {
          opened: false,
          schemaVersion: null,
          check: [],
          counts: {},
          message: error instanceof Error ? error.message : String(error),
        };
      } finally {
        try {
          probe?.close();
        } catch {
          // ignore
        }
      }
    },
  };
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
