import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
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
 * Open (or create) the Siklus database: refuse a newer schema without touching it, set the
 * pragmas, copy the file aside before pending migrations, migrate, and wrap it in Kysely.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;

  const found = readSchemaVersion(options.file);
  if (found > latest) throw new DatabaseTooNewError(options.file, found, latest);

  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const sqlite = new BetterSqlite3(options.file);
  try {
    applyPragmas(sqlite);
    let backupFile: string | null = null;
    if (found > 0 && found < latest) {
      fs.mkdirSync(options.backupDir, { recursive: true });
      backupFile = path.join(
        options.backupDir,
        `pra-migrasi_v${found}-ke-v${latest}_${timestampForFile(now())}.sqlite3`,
      );
      await sqlite.backup(backupFile);
    }
    const version = runMigrations(sqlite, migrations, options.appVersion, now);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      file: options.file,
      sqlite,
      db,
      schemaVersion: version,
      migration: { from: found, to: version, backupFile },
      close: () => db.destroy(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
