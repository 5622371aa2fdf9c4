import BetterSqlite3 from 'better-sqlite3';

/**
 * A read-only connection for long reads beside the app's own (the report workers, the bundle
 * export's snapshot). It imports nothing of the app, so a worker thread that opens one loads
 * little. SQLite's own 2 MB of page cache instead of better-sqlite3's 16 (the cache also bounds
 * what a sort holds in memory): such a read takes each page once or twice, from the OS's file
 * cache. On the 100k demo the reports took as long as with 4 MB before (issue #11).
 */
export function openReadOnly(file: string, busyTimeoutMs: number): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    sqlite.pragma('cache_size = -2000');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}
