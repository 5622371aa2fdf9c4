import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../paths';
import { fsyncDir, fsyncFile, pidAlive, renameWithRetry, timestampForFile } from './files';
import { ASIDE_DIR, type StoredBackup } from './store';
import { extractBackup } from './verify';

export class RestoreRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cadangan tidak dapat dipulihkan: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'RestoreRefusedError';
  }
}

/** The database file and its SQLite companions (a WAL must travel with its database). */
function databaseFiles(database: string): string[] {
  return [database, `${database}-wal`, `${database}-shm`, `${database}-journal`];
}

/**
 * Move the current database (with its -wal/-shm) into `backup/disisihkan/<time>_<reason>/`.
 * Nothing is deleted. Returns that folder, or null when there was no database.
 */
export function setDatabaseAside(paths: DataPaths, reason: string, now: Date): string | null {
  const present = databaseFiles(paths.database).filter((f) => fs.existsSync(f));
  if (present.length === 0) return null;
  const asideDir = path.join(paths.backups, ASIDE_DIR, `${timestampForFile(now)}_${reason}`);
  fs.mkdirSync(asideDir, { recursive: true });
  for (const file of present) renameWithRetry(file, path.join(asideDir, path.basename(file)));
  fsyncDir(asideDir);
  fsyncDir(paths.dir);
  return asideDir;
}

export interface RestoreOptions {
  passphrase?: string | null;
  /** The newest schema version this app can open. */
  supportedSchema: number;
  now: Date;
  /** Folder-name tag for the database set aside, e.g. `sebelum-pemulihan`. */
  reason: string;
}

/**
 * Extract and check a backup into a temp file next to the database (hash, decryption,
 * integrity_check, schema version not newer than the app). The database is not touched, and
 * may still be open. Returns the checked file; throws RestoreRefusedError or PassphraseError.
 */
export async function prepareRestore(
  paths: DataPaths,
  stored: StoredBackup,
  options: Pick<RestoreOptions, 'passphrase' | 'supportedSchema'>,
): Promise<string> {
  if (stored.manifest.schemaVersion > options.supportedSchema) {
    throw new RestoreRefusedError([
      `cadangan berskema versi ${stored.manifest.schemaVersion}, aplikasi ini hanya mengenal sampai ${options.supportedSchema}`,
    ]);
  }
  fs.mkdirSync(paths.dir, { recursive: true });
  const temp = `${paths.database}.pemulihan.tmp-${process.pid}`;
  try {
    const problems = await extractBackup(stored, temp, options.passphrase);
    if (problems.length > 0) throw new RestoreRefusedError(problems);
    fsyncFile(temp);
    return temp;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Put a prepared (checked) copy in place of the database, which the caller has closed: the
 * current database is moved aside first (never deleted). Returns the aside folder relative to
 * the data folder (null when there was no database).
 */
export function swapInPrepared(
  paths: DataPaths,
  prepared: string,
  reason: string,
  now: Date,
): string | null {
  const aside = setDatabaseAside(paths, reason, now);
  renameWithRetry(prepared, paths.database);
  fsyncDir(paths.dir);
  return aside ? path.relative(paths.dir, aside) : null;
}

/** Prepare and swap in one go, for a caller that has no open database (the CLI). */
export async function restoreBackup(
  paths: DataPaths,
  stored: StoredBackup,
  options: RestoreOptions,
): Promise<string | null> {
  const prepared = await prepareRestore(paths, stored, options);
  try {
    return swapInPrepared(paths, prepared, options.reason, options.now);
  } finally {
    fs.rmSync(prepared, { force: true });
  }
}

/** Remove checked copies left by a restore that was interrupted (its process is gone). */
export function removeRestoreLeftovers(paths: DataPaths): void {
  let names: string[];
  try {
    names = fs.readdirSync(paths.dir);
  } catch {
    return;
  }
  const prefix = `${path.basename(paths.database)}.pemulihan.tmp-`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && !pidAlive(pid))
      fs.rmSync(path.join(paths.dir, name), { force: true });
  }
}
