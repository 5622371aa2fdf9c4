import { RECORD_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Klaster 2, maternal: the pregnancy episode (kohort ibu row), its ANC contacts, the delivery
 * and each baby (live-born babies are persons with `mother_id`), nifas visits, the mother's
 * vitamin A capsules, Td doses of women, and KB visits. Only facts are stored; everything a rule
 * derives (HPL by Naegele, UK, trimester, K-label, risk flags, KF window, Td status, next KB
 * visit) is computed from them with `src-shared/domain/maternal`.
 *
 * Service rows carry `person_id`, the service date, `place` (+ `posyandu_id`), `performer_id`
 * and `residence_desa_id` (the person's desa when saved).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'maternal',
  up(db) {
    db.exec(`
      CREATE TABLE pregnancy (
        id                     TEXT PRIMARY KEY,
        person_id              TEXT NOT NULL REFERENCES person (id),
        hpht                   TEXT,
        dating_method          TEXT NOT NULL CHECK (dating_method IN ('HPHT', 'USG', 'MANUAL')),
        usg_date               TEXT,
        usg_ga_days            INTEGER,
        hpl                    TEXT NOT NULL,
        gravida                INTEGER NOT NULL,
        para                   INTEGER NOT NULL,
        abortus                INTEGER NOT NULL,
        previous_delivery_date TEXT,
        height_cm              REAL,
        pre_weight_kg          REAL,
        risk_factors           TEXT NOT NULL DEFAULT '[]',
        posyandu_id            TEXT REFERENCES posyandu (id),
        residence_desa_id      TEXT REFERENCES desa (id),
        outcome                TEXT CHECK (outcome IN ('PERSALINAN', 'ABORTUS', 'IBU_MENINGGAL', 'PINDAH')),
        ended_on               TEXT,
        end_note               TEXT,
        notes                  TEXT,
        delete_reason          TEXT,${RECORD_COLUMNS}
      ) STRICT;
      -- One open pregnancy per woman.
      CREATE UNIQUE INDEX pregnancy_open ON pregnancy (person_id)
        WHERE outcome IS NULL AND deleted_at IS NULL;
      CREATE INDEX pregnancy_person ON pregnancy (person_id, hpl);
      CREATE INDEX pregnancy_hpl ON pregnancy (hpl) WHERE deleted_at IS NULL;
      CREATE INDEX pregnancy_desa ON pregnancy (residence_desa_id, hpl) WHERE deleted_at IS NULL;

      CREATE TABLE anc_contact (
        id                 TEXT PRIMARY KEY,
        pregnancy_id       TEXT NOT NULL REFERENCES pregnancy (id),
        person_id          TEXT NOT NULL REFERENCES person (id),
        visit_date         TEXT NOT NULL,
        place              TEXT NOT NULL,
        posyandu_id        TEXT REFERENCES posyandu (id),
        performer_id       TEXT REFERENCES nakes (id),
        residence_desa_id  TEXT REFERENCES desa (id),
        by_doctor          INTEGER NOT NULL DEFAULT 0,
        usg                INTEGER NOT NULL DEFAULT 0,
        weight_kg          REAL,
        lila_cm            REAL,
        systolic           INTEGER,
        diastolic          INTEGER,
        tfu_cm             REAL,
        djj_per_min        INTEGER,
        presentation       TEXT,
        hb_gdl             REAL,
        protein_urine      TEXT,
        blood_glucose_mgdl REAL,
        blood_type         TEXT,
        rhesus             TEXT,
        hiv                TEXT,
        syphilis           TEXT,
        hbsag              TEXT,
        ttd_tablets        INTEGER,
        mt_kind            TEXT,
        counseling         TEXT NOT NULL DEFAULT '[]',
        complications      TEXT NOT NULL DEFAULT '[]',
        management         TEXT,
        referred           INTEGER NOT NULL DEFAULT 0,
        next_visit_date    TEXT,
        notes              TEXT,
        delete_reason      TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX anc_contact_pregnancy ON anc_contact (pregnancy_id, visit_date);
      CREATE INDEX anc_contact_date ON anc_contact (visit_date, residence_desa_id);

      CREATE TABLE delivery (
        id                 TEXT PRIMARY KEY,
        pregnancy_id       TEXT NOT NULL REFERENCES pregnancy (id),
        person_id          TEXT NOT NULL REFERENCES person (id),
        delivered_at       TEXT NOT NULL,
        delivery_date      TEXT NOT NULL,
        delivery_place     TEXT NOT NULL,
        place_name         TEXT,
        attendant          TEXT NOT NULL,
        method             TEXT NOT NULL,
        complications      TEXT NOT NULL DEFAULT '[]',
        maternal_outcome   TEXT NOT NULL,
        performer_id       TEXT REFERENCES nakes (id),
        residence_desa_id  TEXT REFERENCES desa (id),
        notes              TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX delivery_pregnancy ON delivery (pregnancy_id) WHERE deleted_at IS NULL;
      CREATE INDEX delivery_date ON delivery (delivery_date, residence_desa_id);
      CREATE INDEX delivery_person ON delivery (person_id, delivery_date);

      CREATE TABLE delivery_baby (
        id              TEXT PRIMARY KEY,
        delivery_id     TEXT NOT NULL REFERENCES delivery (id),
        birth_order     INTEGER NOT NULL,
        person_id       TEXT REFERENCES person (id),
        outcome         TEXT NOT NULL CHECK (outcome IN ('LAHIR_HIDUP', 'LAHIR_MATI')),
        sex             TEXT NOT NULL CHECK (sex IN ('L', 'P')),
        birth_weight_g  INTEGER,
        length_cm       REAL,
        head_circ_cm    REAL,
        imd             INTEGER NOT NULL DEFAULT 0,
        vit_k1          INTEGER NOT NULL DEFAULT 0,
        salep_mata      INTEGER NOT NULL DEFAULT 0,
        hb0             INTEGER NOT NULL DEFAULT 0,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX delivery_baby_order ON delivery_baby (delivery_id, birth_order);
      CREATE INDEX delivery_baby_person ON delivery_baby (person_id) WHERE person_id IS NOT NULL;

      CREATE TABLE nifas_visit (
        id                TEXT PRIMARY KEY,
        pregnancy_id      TEXT NOT NULL REFERENCES pregnancy (id),
        person_id         TEXT NOT NULL REFERENCES person (id),
        visited_at        TEXT NOT NULL,
        visit_date        TEXT NOT NULL,
        place             TEXT NOT NULL,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        systolic          INTEGER,
        diastolic         INTEGER,
        temperature_c     REAL,
        bleeding          TEXT,
        lochia            TEXT,
        involution        TEXT,
        breast            TEXT,
        ttd_tablets       INTEGER,
        mental_screened   INTEGER NOT NULL DEFAULT 0,
        complications     TEXT NOT NULL DEFAULT '[]',
        referred          INTEGER NOT NULL DEFAULT 0,
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX nifas_visit_pregnancy ON nifas_visit (pregnancy_id, visited_at);
      CREATE INDEX nifas_visit_date ON nifas_visit (visit_date, residence_desa_id);

      CREATE TABLE vitamin_a_nifas (
        id                TEXT PRIMARY KEY,
        pregnancy_id      TEXT NOT NULL REFERENCES pregnancy (id),
        person_id         TEXT NOT NULL REFERENCES person (id),
        nifas_visit_id    TEXT REFERENCES nifas_visit (id),
        given_at          TEXT NOT NULL,
        given_date        TEXT NOT NULL,
        place             TEXT NOT NULL,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        delete_reason     TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX vitamin_a_nifas_pregnancy ON vitamin_a_nifas (pregnancy_id, given_at);

      CREATE TABLE td_dose (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        dose_date         TEXT NOT NULL,
        kind              TEXT NOT NULL CHECK (kind IN ('TD', 'CHILDHOOD')),
        anc_contact_id    TEXT REFERENCES anc_contact (id),
        given_here        INTEGER NOT NULL DEFAULT 1,
        place             TEXT,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX td_dose_person ON td_dose (person_id, dose_date);
      CREATE UNIQUE INDEX td_dose_contact ON td_dose (anc_contact_id)
        WHERE anc_contact_id IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE kb_visit (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        visit_date        TEXT NOT NULL,
        place             TEXT NOT NULL,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        method            TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('BARU', 'LAMA', 'GANTI_CARA', 'DROP_OUT')),
        packs             INTEGER,
        product           TEXT,
        delivery_id       TEXT REFERENCES delivery (id),
        nifas_visit_id    TEXT REFERENCES nifas_visit (id),
        side_effects      TEXT NOT NULL DEFAULT '[]',
        side_effect_note  TEXT,
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX kb_visit_person ON kb_visit (person_id, visit_date);
      CREATE INDEX kb_visit_date ON kb_visit (visit_date, residence_desa_id);
    `);
  },
};
