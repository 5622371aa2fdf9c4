import type { Migration } from './types';

/**
 * The facility, user accounts, the wilayah kerja (desa, posyandu) and the person registry.
 * Record tables carry the conventions: UUIDv7 id, created/updated/deleted timestamps, version
 * for optimistic concurrency, created_by/updated_by.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'registry',
  up(db) {
    db.exec(`
      CREATE TABLE facility (
        id               TEXT PRIMARY KEY,
        mode             TEXT NOT NULL CHECK (mode IN ('puskesmas', 'dinkes')),
        name             TEXT NOT NULL,
        kode_puskesmas   TEXT,
        kode_registrasi  TEXT,
        kode_ppk_bpjs    TEXT,
        satusehat_org_id TEXT,
        province_code    TEXT NOT NULL,
        regency_code     TEXT NOT NULL,
        district_code    TEXT,
        timezone         TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
        address          TEXT,
        phone            TEXT,
        email            TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        version          INTEGER NOT NULL DEFAULT 1,
        created_by       TEXT,
        updated_by       TEXT
      ) STRICT;

      CREATE TABLE app_user (
        id                   TEXT PRIMARY KEY,
        username             TEXT NOT NULL,
        full_name            TEXT NOT NULL,
        role                 TEXT NOT NULL CHECK (role IN ('admin', 'petugas', 'pembaca')),
        password_hash        TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        disabled_at          TEXT,
        failed_attempts      INTEGER NOT NULL DEFAULT 0,
        locked_until         TEXT,
        last_login_at        TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        deleted_at           TEXT,
        version              INTEGER NOT NULL DEFAULT 1,
        created_by           TEXT,
        updated_by           TEXT
      ) STRICT;
      CREATE UNIQUE INDEX app_user_username ON app_user (username);

      CREATE TABLE desa (
        id            TEXT PRIMARY KEY,
        code          TEXT NOT NULL,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('desa', 'kelurahan', 'desa_adat')),
        district_code TEXT NOT NULL,
        district_name TEXT NOT NULL,
        rt_count      INTEGER,
        rw_count      INTEGER,
        dusun         TEXT NOT NULL DEFAULT '[]',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        version       INTEGER NOT NULL DEFAULT 1,
        created_by    TEXT,
        updated_by    TEXT
      ) STRICT;
      CREATE UNIQUE INDEX desa_code ON desa (code);

      CREATE TABLE posyandu (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL,
        desa_id          TEXT NOT NULL REFERENCES desa (id),
        rw               TEXT,
        dusun            TEXT,
        schedule_week    INTEGER,
        schedule_weekday INTEGER,
        active           INTEGER NOT NULL DEFAULT 1,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        version          INTEGER NOT NULL DEFAULT 1,
        created_by       TEXT,
        updated_by       TEXT
      ) STRICT;
      CREATE INDEX posyandu_desa ON posyandu (desa_id);

      CREATE TABLE person (
        id                   TEXT PRIMARY KEY,
        nik                  TEXT,
        nik_ibu              TEXT,
        mother_id            TEXT REFERENCES person (id),
        no_kk                TEXT,
        name                 TEXT NOT NULL,
        name_search          TEXT NOT NULL,
        sex                  TEXT NOT NULL CHECK (sex IN ('L', 'P')),
        birth_date           TEXT NOT NULL,
        birth_date_estimated INTEGER NOT NULL DEFAULT 0,
        birth_place          TEXT,
        desa_id              TEXT REFERENCES desa (id),
        outside_address      TEXT,
        rt                   TEXT,
        rw                   TEXT,
        address              TEXT,
        phone                TEXT,
        bpjs_no              TEXT,
        posyandu_id          TEXT REFERENCES posyandu (id),
        notes                TEXT,
        delete_reason        TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        deleted_at           TEXT,
        version              INTEGER NOT NULL DEFAULT 1,
        created_by           TEXT,
        updated_by           TEXT
      ) STRICT;
      -- One living record per NIK; a deleted record does not block re-registration.
      CREATE UNIQUE INDEX person_nik ON person (nik) WHERE nik IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX person_no_kk ON person (no_kk) WHERE no_kk IS NOT NULL;
      -- The registry list: living persons in name order (also the same-name-and-birth check).
      CREATE INDEX person_live_name ON person (name_search, birth_date, id) WHERE deleted_at IS NULL;
      CREATE INDEX person_birth_date ON person (birth_date);
      CREATE INDEX person_desa ON person (desa_id, name_search);
      CREATE INDEX person_mother ON person (mother_id) WHERE mother_id IS NOT NULL;
      CREATE INDEX person_posyandu ON person (posyandu_id) WHERE posyandu_id IS NOT NULL;

      -- Name fragment search: trigram index over the normalised name, kept in step by triggers.
      CREATE VIRTUAL TABLE person_fts USING fts5 (
        name_search,
        content = 'person',
        content_rowid = 'rowid',
        tokenize = 'trigram'
      );
      -- Word-prefix search for one- and two-letter terms ("an" → Ani, Andi), which trigrams
      -- cannot index.
      CREATE VIRTUAL TABLE person_words USING fts5 (
        name_search,
        content = 'person',
        content_rowid = 'rowid',
        tokenize = 'unicode61',
        prefix = '1 2'
      );
      CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
        INSERT INTO person_fts (rowid, name_search) VALUES (new.rowid, new.name_search);
        INSERT INTO person_words (rowid, name_search) VALUES (new.rowid, new.name_search);
      END;
      CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
        INSERT INTO person_fts (person_fts, rowid, name_search) VALUES ('delete', old.rowid, old.name_search);
        INSERT INTO person_words (person_words, rowid, name_search) VALUES ('delete', old.rowid, old.name_search);
      END;
      CREATE TRIGGER person_fts_update AFTER UPDATE OF name_search ON person BEGIN
        INSERT INTO person_fts (person_fts, rowid, name_search) VALUES ('delete', old.rowid, old.name_search);
        INSERT INTO person_fts (rowid, name_search) VALUES (new.rowid, new.name_search);
        INSERT INTO person_words (person_words, rowid, name_search) VALUES ('delete', old.rowid, old.name_search);
        INSERT INTO person_words (rowid, name_search) VALUES (new.rowid, new.name_search);
      END;
    `);
  },
};
