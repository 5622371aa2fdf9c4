import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  SqliteDialect,
  type CompiledQuery,
  type Driver,
  type SqliteDatabase,
} from 'kysely';
import { createBackup } from '../backup/create';
import { timestampForFile } from '../backup/files';
import { checkLines } from '../backup/inspect';
import { openReadOnly } from './read-only';
import {
  forgetClosedMarker,
  startCheck,
  writeClosedMarker,
  type StartCheckReason,
} from './start-check';
import { DatabaseTooNewError, DatabaseUnreadableError, MigrationFailedError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { DB } from './schema';

export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  file: string;
  appVersion: string;
  /** Where the copy taken before pending migrations goes. */
  backupDir: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

/**
 * `PRAGMA quick_check` found damage: the file is left untouched so it can be set aside and a
 * backup restored (the app starts in recovery mode).
 */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `Basis data ${file} rusak (pemeriksaan: ${problems.slice(0, 3).join('; ')}). ` +
        `Basis data tidak diubah; pulihkan dari cadangan.`,
    );
    this.name = 'DatabaseCorruptError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  /** The copy of the database taken before migrating, or null when nothing needed copying. */
  backupFile: string | null;
}

export interface Database {
  readonly file: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<DB>;
  readonly schemaVersion: number;
  readonly migration: MigrationReport;
  /** The quick_check of this start and why it ran, or null when there was no reason. */
  readonly startCheck: { reason: StartCheckReason; ms: number } | null;
  close(): Promise<void>;
}

/**
 * The schema version recorded in a database file, read through a read-only connection so a
 * refused file is not modified. Returns 0 for a file that does not exist yet.
 */
export function readSchemaVersion(file: string): number {
  if (!fs.existsSync(file)) return 0;
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new DatabaseUnreadableError(file, error);
  } finally {
    probe?.close();
  }
}

/** Prepared statements kept by their SQL text, at most this many (the least recently used go). */
const STATEMENT_CACHE = 256;

/**
 * The connection as Kysely's dialect sees it, with each statement prepared once per SQL text:
 * Kysely prepares every query it runs, and preparing costs about as much as running a short
 * query (a Dinkes import prepared its 500-row upsert 3,000 times: 1.7 s). Sharing a statement
 * is safe: better-sqlite3 runs nothing else on a connection while a statement is iterated.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const statement = cache.get(text) ?? sqlite.prepare(text);
      cache.delete(text); // (re)inserted last: the most recently used
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

/**
 * Kysely's SQLite dialect, except that a transaction SQLite already rolled back by itself (on
 * `SQLITE_FULL`, `SQLITE_IOERR`, …) is not rolled back a second time: that would throw "cannot
 * rollback - no transaction is active" and hide the error that says the disk is full.
 */
class KeepErrorSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: withStatementCache(sqlite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (!this.sqlite.inTransaction) return;
      await rollback(connection);
    };
    return driver;
  }
}

/**
 * One long read on a read-only connection of its own (the bundle export): every query sees the
 * database as it was when the snapshot was opened, however long the read takes and whatever the
 * app's connection commits meanwhile (WAL), and the app's connection stays free for the window.
 */
export interface ReadSnapshot {
  /** Kysely on the snapshot's connection, for its small queries. */
  readonly db: Kysely<DB>;
  /**
   * A compiled SELECT's rows in better-sqlite3's raw mode (one array of values per row, about
   * twice as fast as objects on tens of thousands of rows), read from SQLite as they are
   * iterated, so only the row at hand is held. Nothing else may run on the snapshot while an
   * iteration is under way.
   */
  rows(query: CompiledQuery): { columns: string[]; rows: Iterable<unknown[]> };
  close(): Promise<void>;
}

export function openReadSnapshot(file: string): ReadSnapshot {
  const sqlite = openReadOnly(file, BUSY_TIMEOUT_MS);
  try {
    sqlite.exec('BEGIN');
    // SQLite takes a transaction's snapshot at its first read: the snapshot is now.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    rows(query) {
      const statement = sqlite.prepare(query.sql).raw(true);
      return {
        columns: statement.columns().map((c) => c.name),
        rows: {
          [Symbol.iterator]: () =>
            statement.iterate(...query.parameters) as IterableIterator<unknown[]>,
        },
      };
    },
    // Closing the connection ends its read transaction.
    close: () => db.destroy(),
  };
}

/**
 * The app's own connection: 4 MB of page cache, not better-sqlite3's 16 (the cache also bounds
 * what a sort holds in memory). A clerk's searches, cards and saves touch a few index pages
 * each, and the rest comes from the OS's file cache: on the 100k demo they took as long, and
 * a busy day's peak was some 12 MB lower (issue #11, docs/measurements.md).
 */
const APP_CACHE_KIB = 4000;

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma(`cache_size = ${-APP_CACHE_KIB}`);
}

/**
 * `PRAGMA quick_check` through a read-only connection, so a damaged file is not modified.
 * Throws DatabaseCorruptError with the first problem lines, or DatabaseUnreadableError.
 */
function quickCheck(file: string): void {
  let probe: BetterSqlite3.Database | undefined;
  let problems: string[];
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    problems = checkLines(probe, 'quick_check', 10);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT')) {
      throw new DatabaseCorruptError(file, [
        error instanceof Error ? error.message : String(error),
      ]);
    }
    throw new DatabaseUnreadableError(file, error);
  } finally {
    probe?.close();
  }
  if (problems.length > 0) throw new DatabaseCorruptError(file, problems);
}

/**
 * Run the pending migrations (journal table first), each in its own transaction with its journal row and the new
 * `user_version`. Stops at the first failure, leaving the database at the last good version.
 */
export function runMigrations(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[],
  appVersion: string,
  now: () => Date,
): number {
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      applied_at  TEXT NOT NULL,
      app_version TEXT NOT NULL
    ) STRICT`);
  let version = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    const step = sqlite.transaction(() => {
      migration.up(sqlite);
      sqlite
        .prepare(
          'INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, ?, ?, ?)',
        )
        .run(migration.version, migration.name, now().toISOString(), appVersion);
      sqlite.pragma(`user_version = ${migration.version}`);
    });
    try {
      step.immediate();
    } catch (error) {
      throw new MigrationFailedError(migration.version, migration.name, error);
    }
    version = migration.version;
  }
  return version;
}

/** Versions must be strictly increasing (numbers are reserved per area, so gaps may occur). */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(
        `Migration registry out of order: version ${m.version} follows version ${previous.version}`,
      );
    }
  });
}

/**
 * Open (or create) the Siklus database: refuse a newer schema without touching it, run
 * `quick_check` read-only when there is a reason to (`start-check.ts`), set the pragmas, take a
 * verified backup before pending migrations, migrate, and wrap it in Kysely.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;

  const found = readSchemaVersion(options.file);
  if (found > latest) throw new DatabaseTooNewError(options.file, found, latest);
  // A new file has nothing to check: it counts as checked when it is created.
  const before = fs.existsSync(options.file) ? startCheck(options.file, now()) : null;
  let checkedAt = before ? before.lastChecked : now().toISOString();
  let checked: Database['startCheck'] = null;
  if (before?.reason) {
    const started = performance.now();
    quickCheck(options.file);
    checked = { reason: before.reason, ms: Math.round(performance.now() - started) };
    checkedAt = now().toISOString();
  }

  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  forgetClosedMarker(options.file);
  const sqlite = new BetterSqlite3(options.file);
  try {
    applyPragmas(sqlite);
    let backupFile: string | null = null;
    if (found > 0 && found < latest) {
      // Through the backup module: checked with integrity_check and listed with a manifest.
      const copy = await createBackup({
        source: sqlite,
        dir: options.backupDir,
        kind: 'pra-migrasi',
        id: `pra-migrasi_v${found}-ke-v${latest}_${timestampForFile(now())}`,
        appVersion: options.appVersion,
        now,
      });
      backupFile = copy.dataFile;
    }
    const version = runMigrations(sqlite, migrations, options.appVersion, now);
    const db = new Kysely<DB>({ dialect: new KeepErrorSqliteDialect(sqlite) });
    return {
      file: options.file,
      sqlite,
      db,
      schemaVersion: version,
      migration: { from: found, to: version, backupFile },
      startCheck: checked,
      close: async () => {
        await db.destroy();
        // Kysely closes the connection only if it ever ran a query; closing checkpoints the WAL
        // into the file, so the marker describes the whole database.
        sqlite.close();
        if (checkedAt) writeClosedMarker(options.file, checkedAt);
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
