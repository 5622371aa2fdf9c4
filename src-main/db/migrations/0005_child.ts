import { RECORD_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Klaster 2, children: the child's profile (birth time and weight, Buku KIA), posyandu sessions,
 * growth measurements with their WHO z-scores and status gizi (computed at save with the standard
 * named in the row), immunisation doses with the rule breaks saved with a reason, Vitamin A
 * capsules and neonatal visits (KN). Service rows carry person, date, place (+ posyandu),
 * performer and the person's desa at saving (`residence_desa_id`, null = luar wilayah).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'child',
  up(db) {
    db.exec(`
      CREATE TABLE child_profile (
        id              TEXT PRIMARY KEY,
        person_id       TEXT NOT NULL REFERENCES person (id),
        birth_time      TEXT CHECK (birth_time IS NULL OR birth_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        birth_weight_g  INTEGER CHECK (birth_weight_g IS NULL OR birth_weight_g BETWEEN 300 AND 7000),
        birth_length_cm REAL CHECK (birth_length_cm IS NULL OR birth_length_cm BETWEEN 25 AND 65),
        kia_book        INTEGER NOT NULL DEFAULT 0 CHECK (kia_book IN (0, 1)),${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX child_profile_person ON child_profile (person_id);

      CREATE TABLE posyandu_session (
        id            TEXT PRIMARY KEY,
        posyandu_id   TEXT NOT NULL REFERENCES posyandu (id),
        session_date  TEXT NOT NULL,
        basis         TEXT NOT NULL DEFAULT 'posyandu' CHECK (basis IN ('posyandu', 'wilayah')),
        performer_id  TEXT REFERENCES nakes (id),
        notes         TEXT,
        delete_reason TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX posyandu_session_day ON posyandu_session (posyandu_id, session_date)
        WHERE deleted_at IS NULL;
      CREATE INDEX posyandu_session_date ON posyandu_session (session_date);

      CREATE TABLE growth_measurement (
        id                    TEXT PRIMARY KEY,
        person_id             TEXT NOT NULL REFERENCES person (id),
        measure_date          TEXT NOT NULL,
        place                 TEXT NOT NULL,
        posyandu_id           TEXT REFERENCES posyandu (id),
        performer_id          TEXT REFERENCES nakes (id),
        residence_desa_id     TEXT REFERENCES desa (id),
        session_id            TEXT REFERENCES posyandu_session (id),
        weight_kg             REAL,
        length_cm             REAL,
        measured              TEXT CHECK (measured IN ('L', 'H')),
        head_cm               REAL,
        muac_cm               REAL,
        oedema                INTEGER NOT NULL DEFAULT 0 CHECK (oedema IN (0, 1)),
        asi_eksklusif         INTEGER CHECK (asi_eksklusif IN (0, 1)),
        age_days              INTEGER NOT NULL,
        zwei                  REAL,
        zlen                  REAL,
        zwfl                  REAL,
        zbmi                  REAL,
        zhc                   REAL,
        zac                   REAL,
        status_bbu            TEXT,
        status_pbu            TEXT,
        status_bbpb           TEXT,
        status_imtu           TEXT,
        status_lila           TEXT,
        status_lk             TEXT,
        status_standard       TEXT NOT NULL,
        implausible           TEXT NOT NULL DEFAULT '[]',
        implausible_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (implausible_confirmed IN (0, 1)),
        notes                 TEXT,
        delete_reason         TEXT,${RECORD_COLUMNS},
        CHECK (length_cm IS NULL OR measured IS NOT NULL),
        CHECK (place <> 'posyandu' OR posyandu_id IS NOT NULL)
      ) STRICT;
      -- One living measurement per child and day; the child's history in date order.
      CREATE UNIQUE INDEX growth_person_day ON growth_measurement (person_id, measure_date)
        WHERE deleted_at IS NULL;
      CREATE INDEX growth_session ON growth_measurement (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX growth_date ON growth_measurement (measure_date, residence_desa_id);
      CREATE INDEX growth_posyandu_date ON growth_measurement (posyandu_id, measure_date)
        WHERE posyandu_id IS NOT NULL;

      CREATE TABLE immunization (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        dose_code         TEXT NOT NULL,
        given_date        TEXT NOT NULL,
        given_here        INTEGER NOT NULL DEFAULT 1 CHECK (given_here IN (0, 1)),
        place             TEXT,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        session_id        TEXT REFERENCES posyandu_session (id),
        batch             TEXT,
        kipi              INTEGER NOT NULL DEFAULT 0 CHECK (kipi IN (0, 1)),
        kipi_notes        TEXT,
        schedule_id       TEXT NOT NULL,
        rule_breaks       TEXT NOT NULL DEFAULT '[]',
        break_reason      TEXT,
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS},
        CHECK (given_here = 0 OR place IS NOT NULL),
        CHECK (place IS NULL OR place <> 'posyandu' OR posyandu_id IS NOT NULL),
        CHECK (rule_breaks = '[]' OR break_reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX immunization_person ON immunization (person_id, given_date)
        WHERE deleted_at IS NULL;
      CREATE INDEX immunization_date ON immunization (given_date, dose_code);
      CREATE INDEX immunization_session ON immunization (session_id) WHERE session_id IS NOT NULL;

      CREATE TABLE vitamin_a (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        given_date        TEXT NOT NULL,
        capsule           TEXT NOT NULL CHECK (capsule IN ('blue', 'red')),
        round             TEXT,
        place             TEXT NOT NULL,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        session_id        TEXT REFERENCES posyandu_session (id),
        rules_id          TEXT NOT NULL,
        rule_breaks       TEXT NOT NULL DEFAULT '[]',
        break_reason      TEXT,
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS},
        CHECK (place <> 'posyandu' OR posyandu_id IS NOT NULL),
        CHECK (rule_breaks = '[]' OR break_reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX vitamin_a_person ON vitamin_a (person_id, given_date) WHERE deleted_at IS NULL;
      CREATE INDEX vitamin_a_round ON vitamin_a (round, capsule) WHERE deleted_at IS NULL;
      CREATE INDEX vitamin_a_session ON vitamin_a (session_id) WHERE session_id IS NOT NULL;

      CREATE TABLE neonatal_visit (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        visit_date        TEXT NOT NULL,
        visit_time        TEXT CHECK (visit_time IS NULL OR visit_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        kn                TEXT CHECK (kn IN ('KN1', 'KN2', 'KN3')),
        place             TEXT NOT NULL,
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        weight_kg         REAL,
        danger_signs      INTEGER CHECK (danger_signs IN (0, 1)),
        vit_k1            INTEGER CHECK (vit_k1 IN (0, 1)),
        shk               INTEGER CHECK (shk IN (0, 1)),
        rules_id          TEXT NOT NULL,
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS}
      ) STRICT;
      CREATE INDEX neonatal_person ON neonatal_visit (person_id, visit_date) WHERE deleted_at IS NULL;
      CREATE INDEX neonatal_date ON neonatal_visit (visit_date, kn);
    `);
  },
};
