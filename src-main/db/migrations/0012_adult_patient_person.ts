import type { Migration } from './types';

/**
 * Lookups by person for the report sources (issue #8), indexes only (no table or data changes):
 *
 * - whether a person was an HT or DM patient on a day is asked of every screening in a report;
 *   the register had no index by person but the partial one of active patients, so each source
 *   copied the register and had SQLite index the copy;
 * - a live person's birth date by id, without reading the wide person row (the Klaster 3
 *   register reads it for the minimum age). `deleted_at` is in both so that SQLite treats the
 *   partial indexes as covering.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'adult_patient_person',
  up(db) {
    db.exec(`
      CREATE INDEX adult_patient_person ON adult_patient (
          person_id, program, diagnosed_on, ended_on, deleted_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX person_live_birth ON person (id, birth_date, deleted_at)
        WHERE deleted_at IS NULL;
    `);
  },
};
