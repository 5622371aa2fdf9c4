import type { Migration } from './types';

/**
 * The register's kontrols patient by patient for the report sources (HT and DM served, HT
 * controlled), index only: each patient's kontrols in a date range with every column the
 * sources read, so a report seeks once per register row instead of checking each kontrol of the
 * window against the register. `deleted_at` is in it so that SQLite treats the partial index as
 * covering.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'adult_kontrol_person_report',
  up(db) {
    db.exec(`
      CREATE INDEX adult_kontrol_person_report ON adult_kontrol (
          person_id, visit_on, sistolik, diastolik, gula_value, hba1c, residence_desa_id,
          created_at, id, deleted_at)
        WHERE deleted_at IS NULL;
    `);
  },
};
