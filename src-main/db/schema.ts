import type { Generated } from 'kysely';
import type { MaternalTables } from './maternal-tables';
import type * as Child from './schema-child';
import type {
  AdultKontrolTable,
  AdultLansiaTable,
  AdultPatientTable,
  AdultScreeningTable,
} from './schema-adult';

/**
 * Kysely table types, in the database's own snake_case. Each table here is created by a
 * migration in `migrations/`; the schema snapshot test keeps the two in step.
 */

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
  app_version: string;
}

export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  /** create | update | delete | restore | set | login ... */
  action: string;
  table_name: string;
  row_id: string;
  /** JSON: the new values on create, `{ field: [before, after] }` on update. */
  changes: string | null;
}

/** Columns every record table carries (the conventions of architecture.md §3). */
export interface RecordColumns {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
}

export interface FacilityTable extends RecordColumns {
  mode: 'puskesmas' | 'dinkes';
  name: string;
  kode_puskesmas: string | null;
  kode_registrasi: string | null;
  kode_ppk_bpjs: string | null;
  satusehat_org_id: string | null;
  province_code: string;
  regency_code: string;
  district_code: string | null;
  timezone: 'WIB' | 'WITA' | 'WIT';
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface AppUserTable extends RecordColumns {
  username: string;
  full_name: string;
  role: 'admin' | 'petugas' | 'pembaca';
  password_hash: string;
  must_change_password: Generated<number>;
  disabled_at: string | null;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
}

export interface DesaTable extends RecordColumns {
  code: string;
  name: string;
  kind: 'desa' | 'kelurahan' | 'desa_adat';
  district_code: string;
  district_name: string;
  rt_count: number | null;
  rw_count: number | null;
  /** JSON array of dusun names. */
  dusun: Generated<string>;
}

export interface PosyanduTable extends RecordColumns {
  name: string;
  desa_id: string;
  rw: string | null;
  dusun: string | null;
  schedule_week: number | null;
  schedule_weekday: number | null;
  active: Generated<number>;
  kode: string | null;
  stratum: 'pratama' | 'madya' | 'purnama' | 'mandiri' | null;
  ilp: Generated<number>;
  pustu_id: string | null;
}

export interface PersonTable extends RecordColumns {
  nik: string | null;
  nik_ibu: string | null;
  mother_id: string | null;
  no_kk: string | null;
  name: string;
  name_search: string;
  sex: 'L' | 'P';
  birth_date: string;
  birth_date_estimated: Generated<number>;
  birth_place: string | null;
  desa_id: string | null;
  outside_address: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
  phone: string | null;
  bpjs_no: string | null;
  posyandu_id: string | null;
  notes: string | null;
  delete_reason: string | null;
}

export interface NakesTable extends RecordColumns {
  nik: string | null;
  nip: string | null;
  name: string;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  phone: string | null;
  profession: string;
  employment_status: string | null;
  str_number: string | null;
  str_expiry: string | null;
  sip_number: string | null;
  sip_expiry: string | null;
  /** k1, k2, k3, k4 or lintas. */
  klaster: string | null;
  is_pj_klaster: Generated<number>;
  satusehat_practitioner_id: string | null;
  active: Generated<number>;
  education: string | null;
  str_lifetime: Generated<number>;
  pustu_id: string | null;
  notes: string | null;
}

export interface SasaranTable extends RecordColumns {
  year: number;
  desa_id: string;
  /** A code of `SASARAN_GROUPS` (domain/management/sasaran.ts). */
  group_code: string;
  value: number;
  source: 'ketik' | 'impor' | 'estimasi' | 'bagi' | 'salin' | 'registri';
  /** JSON object: how the value was obtained. */
  basis: string | null;
}

export interface SasaranConstantsTable extends RecordColumns {
  year: number;
  revision: number;
  base_set: string;
  /** JSON `SasaranConstants`. */
  constants: string;
  note: string | null;
}

export interface KaderTable extends RecordColumns {
  nik: string | null;
  name: string;
  sex: 'L' | 'P';
  birth_date: string | null;
  phone: string | null;
  desa_id: string;
  posyandu_id: string | null;
  level: 'purwa' | 'madya' | 'utama' | null;
  /** JSON [{ code, date }]. */
  skills: Generated<string>;
  /** JSON [{ name, date, organizer }]. */
  trainings: Generated<string>;
  active: Generated<number>;
  notes: string | null;
}

export interface PustuTable extends RecordColumns {
  name: string;
  desa_id: string;
  kode: string | null;
  address: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  active: Generated<number>;
  notes: string | null;
}

export interface FktpTable extends RecordColumns {
  kind: 'klinik' | 'pmb' | 'dpm' | 'dpmg';
  name: string;
  desa_id: string | null;
  address: string | null;
  kode: string | null;
  owner_name: string | null;
  phone: string | null;
  bpjs: Generated<number>;
  shares_data: Generated<number>;
  active: Generated<number>;
  notes: string | null;
}

export interface PersonFtsTable {
  rowid: number;
  name_search: string;
  person_fts: string;
}

export interface PersonWordsTable {
  rowid: number;
  name_search: string;
  person_words: string;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  facility: FacilityTable;
  app_user: AppUserTable;
  desa: DesaTable;
  posyandu: PosyanduTable;
  person: PersonTable;
  nakes: NakesTable;
  person_fts: PersonFtsTable;
  person_words: PersonWordsTable;
  pregnancy: MaternalTables['pregnancy'];
  anc_contact: MaternalTables['anc_contact'];
  delivery: MaternalTables['delivery'];
  delivery_baby: MaternalTables['delivery_baby'];
  nifas_visit: MaternalTables['nifas_visit'];
  vitamin_a_nifas: MaternalTables['vitamin_a_nifas'];
  td_dose: MaternalTables['td_dose'];
  kb_visit: MaternalTables['kb_visit'];
  child_profile: Child.ChildProfileTable;
  posyandu_session: Child.PosyanduSessionTable;
  growth_measurement: Child.GrowthMeasurementTable;
  immunization: Child.ImmunizationTable;
  vitamin_a: Child.VitaminATable;
  neonatal_visit: Child.NeonatalVisitTable;
  adult_screening: AdultScreeningTable;
  adult_patient: AdultPatientTable;
  adult_kontrol: AdultKontrolTable;
  adult_lansia: AdultLansiaTable;
  bundle_export: BundleExportTable;
  dinkes_puskesmas: DinkesPuskesmasTable;
  bundle_import: BundleImportTable;
  received_copy: ReceivedCopyTable;
  received_file: ReceivedFileTable;
  received_report: ReceivedReportTable;
  sasaran: SasaranTable;
  sasaran_constants: SasaranConstantsTable;
  kader: KaderTable;
  pustu: PustuTable;
  fktp: FktpTable;
}

/** Tables that follow the record conventions (and may be written through `records.ts`). */
export type RecordTable = {
  [T in keyof DB]: DB[T] extends RecordColumns ? T : never;
}[keyof DB];

// Monthly bundle to Dinkes (migration 0008).

export interface BundleExportTable extends RecordColumns {
  period: string;
  revision: number;
  file_name: string;
  sha256: string;
  previous_sha256: string | null;
  size: number;
  lock_mode: 'recipients' | 'passphrase';
  /** JSON array of recipient fingerprints. */
  recipients: Generated<string>;
  signer_key_id: string;
  /** JSON object: rows per table. */
  counts: string;
  records: number;
  since: string | null;
  until: string;
  saved_to: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface DinkesPuskesmasTable extends RecordColumns {
  kode: string;
  name: string;
  /** JSON object of other facility codes. */
  codes: Generated<string>;
  signer_key_id: string;
  public_key: string;
  fingerprint: string;
  confirmed_at: string;
  confirmed_by: string | null;
}

export interface BundleImportTable extends RecordColumns {
  puskesmas_id: string;
  period: string;
  revision: number;
  sha256: string;
  previous_sha256: string | null;
  file_name: string;
  received_at: string;
  status: 'applied' | 'superseded';
  counts: string;
  records: number;
  changed: number;
  bundle_created: string;
  app_version: string;
  schema_version: number;
}

export interface ReceivedCopyTable {
  puskesmas_id: string;
  table_name: string;
  record_id: string;
  version: number;
  updated_at: string;
  deleted_at: string | null;
  file_id: number;
  line: number;
}

export interface ReceivedFileTable {
  id: Generated<number>;
  bundle_import_id: string;
  table_name: string;
  records: number;
  size: number;
  sha256: string;
  deflated: Uint8Array;
}

export interface ReceivedReportTable {
  puskesmas_id: string;
  period: string;
  revision: number;
  bundle_import_id: string;
  report: string;
  xlsx: Uint8Array;
}
