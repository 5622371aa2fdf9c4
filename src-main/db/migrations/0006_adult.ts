import { RECORD_COLUMNS } from './columns';
import type { Migration } from './types';

/** Service-row columns (development.md): who, when, where, by whom, and the residence snapshot. */
const SERVICE_COLUMNS = `
        person_id         TEXT NOT NULL REFERENCES person (id),
        place             TEXT NOT NULL,
        posyandu_id       TEXT REFERENCES posyandu (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),`;

/** Every table here ends with a note, the deletion reason and the record columns. */
const CLOSING_COLUMNS = `
        notes             TEXT,
        delete_reason     TEXT,${RECORD_COLUMNS}`;

/**
 * Klaster 3 (dewasa dan lansia): PTM screenings with their stored classes, the hypertension and
 * DM registers (penderita) with monthly kontrol visits, and elderly screenings (SKILAS, Barthel)
 * with item answers and instrument versions. Classes are stored as computed on saving, with the
 * ids of the reference sets used, so a later change of settings does not rewrite history.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'adult',
  up(db) {
    db.exec(`
      CREATE TABLE adult_screening (
        id                   TEXT PRIMARY KEY,${SERVICE_COLUMNS}
        screened_on          TEXT NOT NULL,
        age_years            INTEGER NOT NULL,
        berat_kg             REAL,
        tinggi_cm            REAL,
        imt                  REAL,
        imt_code             TEXT,
        lingkar_perut_cm     REAL,
        lingkar_perut_code   TEXT,
        td1_sistolik         INTEGER,
        td1_diastolik        INTEGER,
        td2_sistolik         INTEGER,
        td2_diastolik        INTEGER,
        td_sistolik          REAL,
        td_diastolik         REAL,
        td_code              TEXT,
        td_positif           INTEGER,
        gula_test            TEXT CHECK (gula_test IN ('gds', 'gdp', 'ttgo2j', 'hba1c')),
        gula_value           REAL,
        gula_gejala          INTEGER,
        gula_code            TEXT,
        kolesterol_total     REAL,
        kolesterol_code      TEXT,
        merokok              TEXT CHECK (merokok IN ('tidak', 'mantan', 'aktif')),
        terpapar_asap        INTEGER,
        aktivitas_menit      INTEGER,
        aktivitas_code       TEXT,
        sayur_buah_porsi     REAL,
        sayur_buah_code      TEXT,
        alkohol              TEXT CHECK (alkohol IN ('tidak', 'ya')),
        riwayat_keluarga     TEXT,
        iva                  TEXT,
        sadanis              TEXT,
        puma_answers         TEXT,
        puma_score           INTEGER,
        puma_code            TEXT,
        srq20_answers        TEXT,
        srq20_score          INTEGER,
        srq20_code           TEXT,
        srq20_ide_bunuh_diri INTEGER,
        follow_up            TEXT CHECK (follow_up IN ('edukasi', 'kontrol', 'rujuk')),
        result_lines         TEXT NOT NULL DEFAULT '[]',
        reference_sets       TEXT NOT NULL DEFAULT '[]',${CLOSING_COLUMNS}
      ) STRICT;
      CREATE INDEX adult_screening_person ON adult_screening (person_id, screened_on);
      CREATE INDEX adult_screening_date ON adult_screening (screened_on);

      CREATE TABLE adult_patient (
        id                TEXT PRIMARY KEY,
        person_id         TEXT NOT NULL REFERENCES person (id),
        program           TEXT NOT NULL CHECK (program IN ('ht', 'dm')),
        icd10             TEXT NOT NULL,
        diagnosed_on      TEXT NOT NULL,
        diagnosed_place   TEXT NOT NULL,
        screening_id      TEXT REFERENCES adult_screening (id),
        performer_id      TEXT REFERENCES nakes (id),
        residence_desa_id TEXT REFERENCES desa (id),
        ended_on          TEXT,
        end_reason        TEXT,${CLOSING_COLUMNS}
      ) STRICT;
      CREATE UNIQUE INDEX adult_patient_active ON adult_patient (person_id, program)
        WHERE deleted_at IS NULL AND ended_on IS NULL;
      CREATE INDEX adult_patient_program ON adult_patient (program, diagnosed_on);

      CREATE TABLE adult_kontrol (
        id                TEXT PRIMARY KEY,${SERVICE_COLUMNS}
        visit_on          TEXT NOT NULL,
        sistolik          INTEGER,
        diastolik         INTEGER,
        td_code           TEXT,
        gula_test         TEXT CHECK (gula_test IN ('gds', 'gdp', 'ttgo2j')),
        gula_value        REAL,
        hba1c             REAL,
        obat              TEXT NOT NULL DEFAULT '[]',
        obat_lain         TEXT,
        kepatuhan         TEXT CHECK (kepatuhan IN ('teratur', 'tidak_teratur', 'tidak_minum')),
        komplikasi        TEXT NOT NULL DEFAULT '[]',${CLOSING_COLUMNS}
      ) STRICT;
      CREATE INDEX adult_kontrol_person ON adult_kontrol (person_id, visit_on);
      CREATE INDEX adult_kontrol_date ON adult_kontrol (visit_on);

      CREATE TABLE adult_lansia (
        id                TEXT PRIMARY KEY,${SERVICE_COLUMNS}
        screened_on       TEXT NOT NULL,
        age_years         INTEGER NOT NULL,
        skilas_version    TEXT,
        skilas_answers    TEXT,
        skilas_positive   TEXT,
        skilas_rujuk      INTEGER,
        barthel_version   TEXT,
        barthel_scores    TEXT,
        barthel_total     INTEGER,
        barthel_code      TEXT,${CLOSING_COLUMNS},
        CHECK (skilas_version IS NOT NULL OR barthel_version IS NOT NULL)
      ) STRICT;
      CREATE INDEX adult_lansia_person ON adult_lansia (person_id, screened_on);
      CREATE INDEX adult_lansia_date ON adult_lansia (screened_on);
    `);
  },
};
