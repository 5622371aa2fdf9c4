import path from 'node:path';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { tempDir } from './temp';

/**
 * The database of a data folder (`siklus.sqlite3`, backups in `backup/`) opened at a schema
 * version, the migrations up to `version`, or at the latest when none is given: a migration test
 * makes it at an old version, fills it, and opens it again as an app update would.
 */
export function openDatabaseAt(dir: string, version?: number): Promise<Database> {
  return openDatabase({
    file: path.join(dir, 'siklus.sqlite3'),
    backupDir: path.join(dir, 'backup'),
    appVersion: 'test',
    ...(version === undefined
      ? {}
      : { migrations: MIGRATIONS.filter((m) => m.version <= version) }),
  });
}

/**
 * A new database at the latest schema in a temporary folder (no core, no services), and the
 * `dispose` that closes and removes it.
 */
export async function tempDatabase(): Promise<{ opened: Database; dispose(): Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const opened = await openDatabaseAt(dir);
  return {
    opened,
    async dispose() {
      await opened.close();
      cleanup();
    },
  };
}
