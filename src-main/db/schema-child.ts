import type { RecordColumns } from './schema';

/** Kysely types of the Klaster 2 children tables (migration 0005). */

export interface ChildProfileTable extends RecordColumns {
  person_id: string;
  birth_time: string | null;
  birth_weight_g: number | null;
  birth_length_cm: number | null;
  kia_book: number;
}

export interface PosyanduSessionTable extends RecordColumns {
  posyandu_id: string;
  session_date: string;
  basis: 'posyandu' | 'wilayah';
  performer_id: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface GrowthMeasurementTable extends RecordColumns {
  person_id: string;
  measure_date: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  session_id: string | null;
  weight_kg: number | null;
  length_cm: number | null;
  measured: 'L' | 'H' | null;
  head_cm: number | null;
  muac_cm: number | null;
  oedema: number;
  asi_eksklusif: number | null;
  age_days: number;
  zwei: number | null;
  zlen: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zhc: number | null;
  zac: number | null;
  status_bbu: string | null;
  status_pbu: string | null;
  status_bbpb: string | null;
  status_imtu: string | null;
  status_lila: string | null;
  status_lk: string | null;
  status_standard: string;
  /** JSON array of implausible flags. */
  implausible: string;
  implausible_confirmed: number;
  notes: string | null;
  delete_reason: string | null;
}

export interface ImmunizationTable extends RecordColumns {
  person_id: string;
  dose_code: string;
  given_date: string;
  given_here: number;
  place: string | null;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  session_id: string | null;
  batch: string | null;
  kipi: number;
  kipi_notes: string | null;
  schedule_id: string;
  /** JSON array of rule-break codes saved with `break_reason`. */
  rule_breaks: string;
  break_reason: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface VitaminATable extends RecordColumns {
  person_id: string;
  given_date: string;
  capsule: 'blue' | 'red';
  round: string | null;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  session_id: string | null;
  rules_id: string;
  rule_breaks: string;
  break_reason: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface NeonatalVisitTable extends RecordColumns {
  person_id: string;
  visit_date: string;
  visit_time: string | null;
  kn: 'KN1' | 'KN2' | 'KN3' | null;
  place: string;
  performer_id: string | null;
  residence_desa_id: string | null;
  weight_kg: number | null;
  danger_signs: number | null;
  vit_k1: number | null;
  shk: number | null;
  rules_id: string;
  notes: string | null;
  delete_reason: string | null;
}
