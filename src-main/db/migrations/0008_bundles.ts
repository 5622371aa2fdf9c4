import { RECORD_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * The monthly bundle to Dinkes (issue #9).
 *
 * Puskesmas side: `bundle_export`, the history of bundles made (one row per file, nothing else
 * in the database changes on export).
 *
 * Dinkes side: `dinkes_puskesmas` (the registry of puskesmas and their confirmed signing keys),
 * `bundle_import` (each bundle applied, by SHA-256 of its file), `received_record` (the latest
 * copy of every record a puskesmas sent: the higher version wins) and `received_report` (the
 * indicator report in force per puskesmas and period: the latest revision).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'bundles',
  up(db) {
    db.exec(`
      CREATE TABLE bundle_export (
        id              TEXT PRIMARY KEY,
        period          TEXT NOT NULL,
        revision        INTEGER NOT NULL CHECK (revision >= 1),
        file_name       TEXT NOT NULL,
        sha256          TEXT NOT NULL,
        previous_sha256 TEXT,
        size            INTEGER NOT NULL,
        lock_mode       TEXT NOT NULL CHECK (lock_mode IN ('recipients', 'passphrase')),
        -- JSON array of the fingerprints of the Dinkes keys it was encrypted to.
        recipients      TEXT NOT NULL DEFAULT '[]',
        signer_key_id   TEXT NOT NULL,
        -- JSON object: rows per table.
        counts          TEXT NOT NULL,
        records         INTEGER NOT NULL,
        -- Rows changed after \`since\` (the last acknowledged bundle's \`until\`; NULL = all).
        since           TEXT,
        until           TEXT NOT NULL,
        saved_to        TEXT,
        acknowledged_at TEXT,
        acknowledged_by TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX bundle_export_period_revision ON bundle_export (period, revision);
      CREATE INDEX bundle_export_created ON bundle_export (created_at);

      CREATE TABLE dinkes_puskesmas (
        id            TEXT PRIMARY KEY,
        kode          TEXT NOT NULL,
        name          TEXT NOT NULL,
        -- JSON object of other codes (registrasi, bpjs, satusehat…).
        codes         TEXT NOT NULL DEFAULT '{}',
        signer_key_id TEXT NOT NULL,
        public_key    TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        confirmed_at  TEXT NOT NULL,
        confirmed_by  TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX dinkes_puskesmas_kode ON dinkes_puskesmas (kode);
      CREATE UNIQUE INDEX dinkes_puskesmas_key ON dinkes_puskesmas (signer_key_id);

      CREATE TABLE bundle_import (
        id              TEXT PRIMARY KEY,
        puskesmas_id    TEXT NOT NULL REFERENCES dinkes_puskesmas (id),
        period          TEXT NOT NULL,
        revision        INTEGER NOT NULL CHECK (revision >= 1),
        sha256          TEXT NOT NULL,
        previous_sha256 TEXT,
        file_name       TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('applied', 'superseded')),
        -- JSON object: rows per table in the bundle.
        counts          TEXT NOT NULL,
        records         INTEGER NOT NULL,
        -- Rows that were new or newer than the copy held.
        changed         INTEGER NOT NULL,
        bundle_created  TEXT NOT NULL,
        app_version     TEXT NOT NULL,
        schema_version  INTEGER NOT NULL,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX bundle_import_sha256 ON bundle_import (sha256);
      CREATE UNIQUE INDEX bundle_import_revision ON bundle_import (puskesmas_id, period, revision);
      CREATE INDEX bundle_import_received ON bundle_import (received_at);

      CREATE TABLE received_record (
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
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX received_record_import ON received_record (bundle_import_id);

      CREATE TABLE received_report (
        puskesmas_id     TEXT NOT NULL REFERENCES dinkes_puskesmas (id),
        period           TEXT NOT NULL,
        revision         INTEGER NOT NULL,
        bundle_import_id TEXT NOT NULL REFERENCES bundle_import (id),
        -- The MonthlyReport (report/indicators.json) and its workbook.
        report           TEXT NOT NULL,
        xlsx             BLOB NOT NULL,
        PRIMARY KEY (puskesmas_id, period)
      ) STRICT;
      CREATE INDEX received_report_period ON received_report (period);
    `);
  },
};
