import BetterSqlite3 from 'better-sqlite3';

/**
 * A read-only connection for long reads beside the app's own (the report workers, the bundle
 * export's snapshot). It imports nothing of the app, so a worker thread that opens one loads
 * little. 4 MB of page cache instead of better-sqlite3's 16: such a read takes each page once or
 * twice, from the OS's file cache; on the 100k demo the report took as long, each worker 12 MB
 * less.
 */
export function openReadOnly(file: string, busyTimeoutMs: number): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    sqlite.pragma('cache_size = -4000');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}
