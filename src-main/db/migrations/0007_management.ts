import { RECORD_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Klaster 1 Manajemen: sasaran per desa and year (with the estimate constants per year as
 * revisions), kader, Pustu and other FKTP; the posyandu and nakes tables gain the jejaring and
 * SDM columns (added only).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'management',
  up(db) {
    db.exec(`
      CREATE TABLE pustu (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        desa_id    TEXT NOT NULL REFERENCES desa (id),
        kode       TEXT,
        address    TEXT,
        phone      TEXT,
        latitude   REAL,
        longitude  REAL,
        active     INTEGER NOT NULL DEFAULT 1,
        notes      TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX pustu_desa ON pustu (desa_id);

      -- Reports read a target by (year, desa, group): one living row each.
      CREATE TABLE sasaran (
        id         TEXT PRIMARY KEY,
        year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        desa_id    TEXT NOT NULL REFERENCES desa (id),
        group_code TEXT NOT NULL,
        value      INTEGER NOT NULL CHECK (value >= 0),
        source     TEXT NOT NULL
                   CHECK (source IN ('ketik', 'impor', 'estimasi', 'bagi', 'salin', 'registri')),
        -- JSON: how the value was obtained (constants revision and population, file, total...).
        basis      TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX sasaran_live ON sasaran (year, desa_id, group_code)
        WHERE deleted_at IS NULL;

      -- The editable estimate constants: every save is a new revision of the year's set.
      CREATE TABLE sasaran_constants (
        id         TEXT PRIMARY KEY,
        year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        base_set   TEXT NOT NULL,
        constants  TEXT NOT NULL,
        note       TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX sasaran_constants_revision ON sasaran_constants (year, revision);

      CREATE TABLE kader (
        id          TEXT PRIMARY KEY,
        nik         TEXT,
        name        TEXT NOT NULL,
        sex         TEXT NOT NULL CHECK (sex IN ('L', 'P')),
        birth_date  TEXT,
        phone       TEXT,
        desa_id     TEXT NOT NULL REFERENCES desa (id),
        posyandu_id TEXT REFERENCES posyandu (id),
        level       TEXT CHECK (level IN ('purwa', 'madya', 'utama')),
        -- JSON [{ code, date }] of the 25 basic skills, and [{ name, date, organizer }].
        skills      TEXT NOT NULL DEFAULT '[]',
        trainings   TEXT NOT NULL DEFAULT '[]',
        active      INTEGER NOT NULL DEFAULT 1,
        notes       TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX kader_nik ON kader (nik) WHERE nik IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX kader_desa ON kader (desa_id, name);
      CREATE INDEX kader_posyandu ON kader (posyandu_id) WHERE posyandu_id IS NOT NULL;

      CREATE TABLE fktp (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('klinik', 'pmb', 'dpm', 'dpmg')),
        name        TEXT NOT NULL,
        desa_id     TEXT REFERENCES desa (id),
        address     TEXT,
        kode        TEXT,
        owner_name  TEXT,
        phone       TEXT,
        bpjs        INTEGER NOT NULL DEFAULT 0,
        shares_data INTEGER NOT NULL DEFAULT 0,
        active      INTEGER NOT NULL DEFAULT 1,
        notes       TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX fktp_name ON fktp (name);

      ALTER TABLE posyandu ADD COLUMN kode TEXT;
      ALTER TABLE posyandu ADD COLUMN stratum TEXT
        CHECK (stratum IN ('pratama', 'madya', 'purnama', 'mandiri'));
      ALTER TABLE posyandu ADD COLUMN ilp INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE posyandu ADD COLUMN pustu_id TEXT REFERENCES pustu (id);
      CREATE INDEX posyandu_pustu ON posyandu (pustu_id) WHERE pustu_id IS NOT NULL;

      ALTER TABLE nakes ADD COLUMN education TEXT;
      ALTER TABLE nakes ADD COLUMN str_lifetime INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE nakes ADD COLUMN pustu_id TEXT REFERENCES pustu (id);
      ALTER TABLE nakes ADD COLUMN notes TEXT;
      CREATE INDEX nakes_pustu ON nakes (pustu_id) WHERE pustu_id IS NOT NULL;
    `);
  },
};
