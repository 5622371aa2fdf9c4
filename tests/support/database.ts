import path from 'node:path';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { tempDir } from './temp';

/**
 * A new database at the latest schema in a temporary folder (no core, no services), and the
 * `dispose` that closes and removes it.
 */
export async function tempDatabase(): Promise<{ opened: Database; dispose(): Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const opened = await openDatabase({
    file: path.join(dir, 'siklus.sqlite3'),
    backupDir: path.join(dir, 'backup'),
    appVersion: 'test',
  });
  return {
    opened,
    async dispose() {
      await opened.close();
      cleanup();
    },
  };
}
