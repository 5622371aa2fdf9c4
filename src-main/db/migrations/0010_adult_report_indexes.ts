import type { Migration } from './types';

/**
 * Covering indexes for the Klaster 3 report sources (issue #8). A screening row carries its
 * explanation lines and is about one page wide, so reading rows by date touched a page per
 * screening; these indexes hold every column the sources read, `deleted_at` included (SQLite
 * only treats a partial index as covering when the columns of its condition are in it).
 * Indexes only: no table or data changes.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'adult_report_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX adult_screening_report ON adult_screening (
          screened_on, person_id, residence_desa_id, age_years, td_positif, gula_code,
          created_at, id, deleted_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX adult_kontrol_report ON adult_kontrol (
          visit_on, person_id, residence_desa_id, sistolik, diastolik, gula_value, hba1c,
          created_at, id, deleted_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX adult_lansia_report ON adult_lansia (
          screened_on, person_id, residence_desa_id, age_years, skilas_version, barthel_code,
          created_at, id, deleted_at)
        WHERE deleted_at IS NULL;
    `);
  },
};
