import type { Migration } from './types';

/**
 * Indexes for the monthly report (issue #8): each indicator source first finds the subjects with
 * a service in the report window (a dose code, a capsule, a KN in a date range), then reads
 * their history. Indexes only: no table or data changes.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'report_indexes',
  up(db) {
    db.exec(`
      -- Covering: the report reads these columns only, without touching the wide rows.
      CREATE INDEX growth_report ON growth_measurement (
          measure_date, person_id, residence_desa_id, weight_kg, age_days,
          status_bbu, status_pbu, status_bbpb)
        WHERE deleted_at IS NULL;
      CREATE INDEX immunization_code_date ON immunization (
          dose_code, given_date, person_id, residence_desa_id, created_at)
        WHERE deleted_at IS NULL;
      -- The few deleted persons, whose services the report leaves out.
      CREATE INDEX person_deleted ON person (id) WHERE deleted_at IS NOT NULL;
      CREATE INDEX vitamin_a_date ON vitamin_a (given_date, capsule) WHERE deleted_at IS NULL;
      CREATE INDEX neonatal_kn_date ON neonatal_visit (kn, visit_date, person_id)
        WHERE deleted_at IS NULL;
      CREATE INDEX anc_contact_window ON anc_contact (visit_date, pregnancy_id)
        WHERE deleted_at IS NULL;
      CREATE INDEX nifas_visit_window ON nifas_visit (visit_date, pregnancy_id)
        WHERE deleted_at IS NULL;
    `);
  },
};
