import type BetterSqlite3 from 'better-sqlite3';

/**
 * One schema step. `up` runs inside its own transaction together with the journal row, so a
 * failure leaves the database at the previous version. Migrations only add; a shipped migration
 * is never edited.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: BetterSqlite3.Database): void;
}
