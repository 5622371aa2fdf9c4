import type { Migration } from './types';

/**
 * The monthly bundle carries the rows changed since the last acknowledged export
 * (`updated_at >= since`): without an index, pre-flight and export read every exported table
 * whole, twice — hundreds of megabytes on a large puskesmas for a month's few thousand rows.
 * The list is the exported tables as of this migration (a table exported later brings its own
 * index). Indexes only: no table or data changes.
 */
const TABLES = [
  'facility',
  'desa',
  'posyandu',
  'person',
  'nakes',
  'sasaran',
  'sasaran_constants',
  'kader',
  'pustu',
  'fktp',
  'pregnancy',
  'anc_contact',
  'delivery',
  'delivery_baby',
  'nifas_visit',
  'vitamin_a_nifas',
  'td_dose',
  'kb_visit',
  'child_profile',
  'posyandu_session',
  'growth_measurement',
  'immunization',
  'vitamin_a',
  'neonatal_visit',
  'adult_screening',
  'adult_patient',
  'adult_kontrol',
  'adult_lansia',
];

export const migration0011: Migration = {
  version: 11,
  name: 'export_indexes',
  up(db) {
    for (const table of TABLES) {
      db.exec(`CREATE INDEX ${table}_updated ON ${table} (updated_at)`);
    }
  },
};
