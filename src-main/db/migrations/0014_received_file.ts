import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { Migration } from './types';

/**
 * Dinkes kept every record a puskesmas sent as a row of its own with the record's JSON
 * (`received_record.data`): about 1.3 KB a row, so forty puskesmas' month (1.2 million rows)
 * grew the database by 2 GB, and an import wrote it twice (WAL, then the checkpoint). Now each
 * table's records file of a bundle is kept once, as the deflate stream it came in
 * (`received_file`, about a thirteenth of the size), and `received_copy` keeps per record only
 * what decides which copy is the latest (version, updated_at) and the file and line that copy
 * is in: a narrow WITHOUT ROWID table.
 *
 * The rows held are moved over: those of each bundle and table become one file of their lines
 * (sorted by id, as a bundle's files are). `received_record` stays, empty (migrations only add).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'received_file',
  up(db) {
    db.exec(`
      CREATE TABLE received_file (
        id               INTEGER PRIMARY KEY,
        bundle_import_id TEXT NOT NULL REFERENCES bundle_import (id),
        table_name       TEXT NOT NULL,
        -- The NDJSON file (one canonical JSON row per line, each ending in a newline): its rows,
        -- size and SHA-256 (hex) uncompressed, and its raw deflate stream.
        records          INTEGER NOT NULL,
        size             INTEGER NOT NULL,
        sha256           TEXT NOT NULL,
        deflated         BLOB NOT NULL,
        UNIQUE (bundle_import_id, table_name)
      ) STRICT;
      CREATE TABLE received_copy (
        puskesmas_id TEXT NOT NULL REFERENCES dinkes_puskesmas (id),
        table_name   TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT,
        file_id      INTEGER NOT NULL REFERENCES received_file (id),
        -- 0-based line of the row in its file.
        line         INTEGER NOT NULL,
        PRIMARY KEY (puskesmas_id, table_name, record_id)
      ) STRICT, WITHOUT ROWID;
    `);
    const groups = db
      .prepare('SELECT DISTINCT bundle_import_id, table_name FROM received_record')
      .all() as { bundle_import_id: string; table_name: string }[];
    const rowsOf = db.prepare(
      `SELECT puskesmas_id, record_id, version, updated_at, deleted_at, data FROM received_record
       WHERE bundle_import_id = ? AND table_name = ? ORDER BY record_id`,
    );
    const addFile = db.prepare(
      `INSERT INTO received_file (bundle_import_id, table_name, records, size, sha256, deflated)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const addRow = db.prepare(
      `INSERT INTO received_copy
         (puskesmas_id, table_name, record_id, version, updated_at, deleted_at, file_id, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const g of groups) {
      const rows = rowsOf.all(g.bundle_import_id, g.table_name) as {
        puskesmas_id: string;
        record_id: string;
        version: number;
        updated_at: string;
        deleted_at: string | null;
        data: string;
      }[];
      const text = Buffer.from(rows.map((r) => `${r.data}\n`).join(''), 'utf8');
      const fileId = addFile.run(
        g.bundle_import_id,
        g.table_name,
        rows.length,
        text.length,
        createHash('sha256').update(text).digest('hex'),
        deflateRawSync(text),
      ).lastInsertRowid;
      rows.forEach((r, line) =>
        addRow.run(
          r.puskesmas_id,
          g.table_name,
          r.record_id,
          r.version,
          r.updated_at,
          r.deleted_at,
          fileId,
          line,
        ),
      );
    }
    db.exec('DELETE FROM received_record');
  },
};
