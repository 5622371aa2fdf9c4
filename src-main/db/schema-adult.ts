import type { Generated } from 'kysely';
import type { RecordColumns } from './schema';

/** Klaster 3 tables (migration 0006), kept apart from the shared schema file. */

/** Columns of every Klaster 3 service row (development.md: service rows). */
export interface AdultServiceColumns extends RecordColumns {
  person_id: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  notes: string | null;
  delete_reason: string | null;
}

/** Skrining PTM: measurements as typed, classes as computed on saving (JSON: text columns). */
export interface AdultScreeningTable extends AdultServiceColumns {
  screened_on: string;
  age_years: number;
  berat_kg: number | null;
  tinggi_cm: number | null;
  imt: number | null;
  imt_code: string | null;
  lingkar_perut_cm: number | null;
  lingkar_perut_code: string | null;
  td1_sistolik: number | null;
  td1_diastolik: number | null;
  td2_sistolik: number | null;
  td2_diastolik: number | null;
  td_sistolik: number | null;
  td_diastolik: number | null;
  td_code: string | null;
  td_positif: number | null;
  gula_test: 'gds' | 'gdp' | 'ttgo2j' | 'hba1c' | null;
  gula_value: number | null;
  gula_gejala: number | null;
  gula_code: string | null;
  kolesterol_total: number | null;
  kolesterol_code: string | null;
  merokok: 'tidak' | 'mantan' | 'aktif' | null;
  terpapar_asap: number | null;
  aktivitas_menit: number | null;
  aktivitas_code: string | null;
  sayur_buah_porsi: number | null;
  sayur_buah_code: string | null;
  alkohol: 'tidak' | 'ya' | null;
  riwayat_keluarga: string | null;
  iva: string | null;
  sadanis: string | null;
  puma_answers: string | null;
  puma_score: number | null;
  puma_code: string | null;
  srq20_answers: string | null;
  srq20_score: number | null;
  srq20_code: string | null;
  srq20_ide_bunuh_diri: number | null;
  follow_up: 'edukasi' | 'kontrol' | 'rujuk' | null;
  result_lines: Generated<string>;
  reference_sets: Generated<string>;
}

/** A penderita hipertensi or DM: confirmed diagnosis; `ended_on` when they left the register. */
export interface AdultPatientTable extends RecordColumns {
  person_id: string;
  program: 'ht' | 'dm';
  icd10: string;
  diagnosed_on: string;
  diagnosed_place: string;
  screening_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  ended_on: string | null;
  end_reason: string | null;
  notes: string | null;
  delete_reason: string | null;
}

/** A monthly kontrol of a penderita (counts for each register the person is in). */
export interface AdultKontrolTable extends AdultServiceColumns {
  visit_on: string;
  sistolik: number | null;
  diastolik: number | null;
  td_code: string | null;
  gula_test: 'gds' | 'gdp' | 'ttgo2j' | null;
  gula_value: number | null;
  hba1c: number | null;
  obat: Generated<string>;
  obat_lain: string | null;
  kepatuhan: 'teratur' | 'tidak_teratur' | 'tidak_minum' | null;
  komplikasi: Generated<string>;
}

/** Elderly screening: SKILAS and/or Barthel with item answers and instrument versions. */
export interface AdultLansiaTable extends AdultServiceColumns {
  screened_on: string;
  age_years: number;
  skilas_version: string | null;
  skilas_answers: string | null;
  skilas_positive: string | null;
  skilas_rujuk: number | null;
  barthel_version: string | null;
  barthel_scores: string | null;
  barthel_total: number | null;
  barthel_code: string | null;
}
