import type { Migration } from './types';

/**
 * Tenaga kesehatan (SDM) of the puskesmas: the list services record their performer from.
 * Klaster 1 owns the screens; clinical tables reference `nakes.id` as `performer_id`.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'nakes',
  up(db) {
    db.exec(`
      CREATE TABLE nakes (
        id                        TEXT PRIMARY KEY,
        nik                       TEXT,
        nip                       TEXT,
        name                      TEXT NOT NULL,
        sex                       TEXT CHECK (sex IN ('L', 'P')),
        birth_date                TEXT,
        phone                     TEXT,
        profession                TEXT NOT NULL,
        employment_status         TEXT,
        str_number                TEXT,
        str_expiry                TEXT,
        sip_number                TEXT,
        sip_expiry                TEXT,
        klaster                   TEXT,
        is_pj_klaster             INTEGER NOT NULL DEFAULT 0,
        satusehat_practitioner_id TEXT,
        active                    INTEGER NOT NULL DEFAULT 1,
        created_at                TEXT NOT NULL,
        updated_at                TEXT NOT NULL,
        deleted_at                TEXT,
        version                   INTEGER NOT NULL DEFAULT 1,
        created_by                TEXT,
        updated_by                TEXT
      ) STRICT;
      CREATE INDEX nakes_name ON nakes (name);
      CREATE INDEX nakes_str_expiry ON nakes (str_expiry) WHERE str_expiry IS NOT NULL;
      CREATE INDEX nakes_sip_expiry ON nakes (sip_expiry) WHERE sip_expiry IS NOT NULL;
    `);
  },
};
