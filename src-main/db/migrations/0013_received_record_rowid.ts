import type { Migration } from './types';

/**
 * `received_record` (Dinkes: the latest copy of every record a puskesmas sent) was a WITHOUT
 * ROWID table. Its rows are the records as sent, about 1.3 KB on average and up to 4 KB, and
 * SQLite keeps only about 1 KB of a WITHOUT ROWID row in its B-tree page: the rest of nearly
 * every row went to an overflow page of its own, so the table took twice the size of its data
 * and every bundle import wrote (and checkpointed) twice the bytes. Rebuilt as an ordinary rowid
 * table: the same columns, the same primary key (now a unique index beside the rows), the same
 * index and every row kept.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'received_record_rowid',
  up(db) {
    db.exec(`
      CREATE TABLE received_record_rowid (
        puskesmas_id     TEXT NOT NULL REFERENCES dinkes_puskesmas (id),
        table_name       TEXT NOT NULL,
        record_id        TEXT NOT NULL,
        version          INTEGER NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        -- The row as sent (canonical JSON).
        data             TEXT NOT NULL,
        bundle_import_id TEXT NOT NULL REFERENCES bundle_import (id),
        PRIMARY KEY (puskesmas_id, table_name, record_id)
      ) STRICT;
      INSERT INTO received_record_rowid
        SELECT puskesmas_id, table_name, record_id, version, updated_at, deleted_at, data,
               bundle_import_id
        FROM received_record;
      DROP TABLE received_record;
      ALTER TABLE received_record_rowid RENAME TO received_record;
      CREATE INDEX received_record_import ON received_record (bundle_import_id);
    `);
  },
};
