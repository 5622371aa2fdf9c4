import type { RecordColumns } from './schema';

/** Kysely types of the maternal tables (migration 0004). JSON lists are stored as text. */

export interface PregnancyTable extends RecordColumns {
  person_id: string;
  hpht: string | null;
  dating_method: 'HPHT' | 'USG' | 'MANUAL';
  usg_date: string | null;
  usg_ga_days: number | null;
  hpl: string;
  gravida: number;
  para: number;
  abortus: number;
  previous_delivery_date: string | null;
  height_cm: number | null;
  pre_weight_kg: number | null;
  /** JSON array of `PREGNANCY_RISK_FACTOR_CODES`. */
  risk_factors: string;
  posyandu_id: string | null;
  residence_desa_id: string | null;
  outcome: 'PERSALINAN' | 'ABORTUS' | 'IBU_MENINGGAL' | 'PINDAH' | null;
  ended_on: string | null;
  end_note: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface AncContactTable extends RecordColumns {
  pregnancy_id: string;
  person_id: string;
  visit_date: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  by_doctor: number;
  usg: number;
  weight_kg: number | null;
  lila_cm: number | null;
  systolic: number | null;
  diastolic: number | null;
  tfu_cm: number | null;
  djj_per_min: number | null;
  presentation: string | null;
  hb_gdl: number | null;
  protein_urine: string | null;
  blood_glucose_mgdl: number | null;
  blood_type: string | null;
  rhesus: string | null;
  hiv: string | null;
  syphilis: string | null;
  hbsag: string | null;
  ttd_tablets: number | null;
  mt_kind: string | null;
  counseling: string;
  complications: string;
  management: string | null;
  referred: number;
  next_visit_date: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface DeliveryTable extends RecordColumns {
  pregnancy_id: string;
  person_id: string;
  delivered_at: string;
  delivery_date: string;
  delivery_place: string;
  place_name: string | null;
  attendant: string;
  method: string;
  complications: string;
  maternal_outcome: string;
  performer_id: string | null;
  residence_desa_id: string | null;
  notes: string | null;
}

export interface DeliveryBabyTable extends RecordColumns {
  delivery_id: string;
  birth_order: number;
  person_id: string | null;
  outcome: 'LAHIR_HIDUP' | 'LAHIR_MATI';
  sex: 'L' | 'P';
  birth_weight_g: number | null;
  length_cm: number | null;
  head_circ_cm: number | null;
  imd: number;
  vit_k1: number;
  salep_mata: number;
  hb0: number;
}

export interface NifasVisitTable extends RecordColumns {
  pregnancy_id: string;
  person_id: string;
  visited_at: string;
  visit_date: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  systolic: number | null;
  diastolic: number | null;
  temperature_c: number | null;
  bleeding: string | null;
  lochia: string | null;
  involution: string | null;
  breast: string | null;
  ttd_tablets: number | null;
  mental_screened: number;
  complications: string;
  referred: number;
  notes: string | null;
  delete_reason: string | null;
}

export interface VitaminANifasTable extends RecordColumns {
  pregnancy_id: string;
  person_id: string;
  nifas_visit_id: string | null;
  given_at: string;
  given_date: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  delete_reason: string | null;
}

export interface TdDoseTable extends RecordColumns {
  person_id: string;
  dose_date: string;
  kind: 'TD' | 'CHILDHOOD';
  anc_contact_id: string | null;
  given_here: number;
  place: string | null;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface KbVisitTable extends RecordColumns {
  person_id: string;
  visit_date: string;
  place: string;
  posyandu_id: string | null;
  performer_id: string | null;
  residence_desa_id: string | null;
  method: string;
  status: 'BARU' | 'LAMA' | 'GANTI_CARA' | 'DROP_OUT';
  packs: number | null;
  product: string | null;
  delivery_id: string | null;
  nifas_visit_id: string | null;
  side_effects: string;
  side_effect_note: string | null;
  notes: string | null;
  delete_reason: string | null;
}

/** The maternal tables, spread into the `DB` interface. */
export interface MaternalTables {
  pregnancy: PregnancyTable;
  anc_contact: AncContactTable;
  delivery: DeliveryTable;
  delivery_baby: DeliveryBabyTable;
  nifas_visit: NifasVisitTable;
  vitamin_a_nifas: VitaminANifasTable;
  td_dose: TdDoseTable;
  kb_visit: KbVisitTable;
}
