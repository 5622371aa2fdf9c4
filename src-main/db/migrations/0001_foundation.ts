import type { Migration } from './types';

/** Settings and the audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      -- One row per change, written in the same transaction as the change itself.
      CREATE TABLE audit_log (
        id         TEXT PRIMARY KEY,
        at         TEXT NOT NULL,
        user_id    TEXT,
        action     TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id     TEXT NOT NULL,
        changes    TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_table_at ON audit_log (table_name, at);
      CREATE INDEX audit_log_user_at ON audit_log (user_id, at);
    `);
  },
};
