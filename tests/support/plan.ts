import type BetterSqlite3 from 'better-sqlite3';

/** SQLite's query plan of `sql`, one step per line: what the index tests match against. */
export function queryPlan(sqlite: BetterSqlite3.Database, sql: string, ...args: unknown[]): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}
