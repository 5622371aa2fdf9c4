import { GENERIC_REFUSAL_CODES, type Checked, type Label, type Refusal } from '../refusal';

/**
 * Stable refusal codes of the Klaster 3 rules: the generic checkers' codes, then this area's own.
 * Append only; never rename (they may be stored or logged).
 */
export const ADULT_REFUSAL_CODES = [
  ...GENERIC_REFUSAL_CODES,
  'DATE_ORDER',
  'BP_READINGS_COUNT',
  'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC',
  'IMT_ADULT_ONLY',
  'SRQ20_ANSWER_COUNT',
  'PUMA_SMOKING_CONTRADICTION',
  'SKILAS_VISION_TEST_REQUIRED',
  'NOT_ELIGIBLE_AGE',
  'NOT_ELIGIBLE_SEX',
  'NOT_ELIGIBLE_SMOKING',
  'NOT_ELIGIBLE_DM_RISK',
  'CONTRADICTORY_ANSWERS',
  'ICD_PROGRAM_MISMATCH',
  'INCOMPLETE_PAIR',
  'NOT_REGISTERED',
] as const;
export type AdultRefusalCode = (typeof ADULT_REFUSAL_CODES)[number];
export type AdultRefusal = Refusal<AdultRefusalCode>;
export type AdultChecked<T> = Checked<T, AdultRefusalCode>;

/**
 * Stable result codes for every Klaster 3 classification, with Indonesian and English labels.
 * Codes are stored with results; append only, never rename. The labels live here, not in the
 * app's i18n dictionaries, so the domain module is self-contained.
 */
export const RESULT_CODES = [
  // Blood pressure (PERHI/ESH 2023 and JNC7-style)
  'bp.optimal',
  'bp.normal',
  'bp.normal_tinggi',
  'bp.pre_hipertensi',
  'bp.ht1',
  'bp.ht2',
  'bp.ht3',
  'bp.hst',
  // Glucose
  'gula.normal',
  'gula.gds_kurang_200',
  'gula.gdpt',
  'gula.tgt',
  'gula.prediabetes_hba1c',
  'gula.dm',
  'gula.curiga_dm',
  // IMT, Asia-Pacific
  'imt.ap.kurus',
  'imt.ap.normal',
  'imt.ap.bb_lebih',
  'imt.ap.obesitas1',
  'imt.ap.obesitas2',
  // IMT, Pedoman Gizi Seimbang 2014
  'imt.pgs.kurus_berat',
  'imt.pgs.kurus_ringan',
  'imt.pgs.normal',
  'imt.pgs.gemuk_ringan',
  'imt.pgs.gemuk_berat',
  // Waist, cholesterol
  'lingkar_perut.normal',
  'lingkar_perut.obesitas_sentral',
  'kolesterol.normal',
  'kolesterol.borderline',
  'kolesterol.tinggi',
  // Behaviour
  'rokok.tidak',
  'rokok.mantan',
  'rokok.aktif',
  'rokok.terpapar',
  'aktivitas.cukup',
  'aktivitas.kurang',
  'sayur_buah.cukup',
  'sayur_buah.kurang',
  'alkohol.tidak',
  'alkohol.ya',
  // Questionnaires
  'srq20.negatif',
  'srq20.positif',
  'srq20.ide_bunuh_diri',
  'puma.negatif',
  'puma.positif',
  'skilas.normal',
  'skilas.positif',
  // Barthel ADL
  'barthel.mandiri',
  'barthel.ringan',
  'barthel.sedang',
  'barthel.berat',
  'barthel.total',
  // Family history, cancer screening (women 30–50)
  'riwayat_keluarga.tidak',
  'riwayat_keluarga.ada',
  'iva.negatif',
  'iva.positif',
  'iva.curiga_kanker',
  'sadanis.normal',
  'sadanis.kelainan',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export const RESULT_LABELS: Record<ResultCode, Label> = {
  'bp.optimal': { id: 'Optimal', en: 'Optimal' },
  'bp.normal': { id: 'Normal', en: 'Normal' },
  'bp.normal_tinggi': { id: 'Normal tinggi', en: 'High normal' },
  'bp.pre_hipertensi': { id: 'Pre-hipertensi', en: 'Prehypertension' },
  'bp.ht1': { id: 'Hipertensi derajat 1', en: 'Grade 1 hypertension' },
  'bp.ht2': { id: 'Hipertensi derajat 2', en: 'Grade 2 hypertension' },
  'bp.ht3': { id: 'Hipertensi derajat 3', en: 'Grade 3 hypertension' },
  'bp.hst': { id: 'Hipertensi sistolik terisolasi', en: 'Isolated systolic hypertension' },
  'gula.normal': { id: 'Normal', en: 'Normal' },
  'gula.gds_kurang_200': {
    id: 'GDS < 200 mg/dL: tidak memenuhi kriteria DM',
    en: 'Random glucose < 200 mg/dL: DM criterion not met',
  },
  'gula.gdpt': {
    id: 'Prediabetes: glukosa darah puasa terganggu (GDPT)',
    en: 'Prediabetes: impaired fasting glucose (IFG)',
  },
  'gula.tgt': {
    id: 'Prediabetes: toleransi glukosa terganggu (TGT)',
    en: 'Prediabetes: impaired glucose tolerance (IGT)',
  },
  'gula.prediabetes_hba1c': { id: 'Prediabetes (HbA1c)', en: 'Prediabetes (HbA1c)' },
  'gula.dm': {
    id: 'Memenuhi kriteria diabetes melitus',
    en: 'Meets diabetes mellitus criteria',
  },
  'gula.curiga_dm': {
    id: 'Curiga DM, rujuk/konfirmasi',
    en: 'Suspected DM, refer/confirm',
  },
  'imt.ap.kurus': { id: 'Berat badan kurang (kurus)', en: 'Underweight' },
  'imt.ap.normal': { id: 'Normal', en: 'Normal' },
  'imt.ap.bb_lebih': { id: 'Berat badan lebih (berisiko)', en: 'Overweight (at risk)' },
  'imt.ap.obesitas1': { id: 'Obesitas I', en: 'Obesity class I' },
  'imt.ap.obesitas2': { id: 'Obesitas II', en: 'Obesity class II' },
  'imt.pgs.kurus_berat': { id: 'Kurus tingkat berat', en: 'Severely underweight' },
  'imt.pgs.kurus_ringan': { id: 'Kurus tingkat ringan', en: 'Mildly underweight' },
  'imt.pgs.normal': { id: 'Normal', en: 'Normal' },
  'imt.pgs.gemuk_ringan': { id: 'Gemuk tingkat ringan', en: 'Mildly overweight' },
  'imt.pgs.gemuk_berat': { id: 'Gemuk tingkat berat', en: 'Severely overweight' },
  'lingkar_perut.normal': { id: 'Lingkar perut normal', en: 'Normal waist circumference' },
  'lingkar_perut.obesitas_sentral': { id: 'Obesitas sentral', en: 'Central obesity' },
  'kolesterol.normal': { id: 'Kolesterol normal', en: 'Normal cholesterol' },
  'kolesterol.borderline': { id: 'Kolesterol batas tinggi', en: 'Borderline-high cholesterol' },
  'kolesterol.tinggi': { id: 'Kolesterol tinggi', en: 'High cholesterol' },
  'rokok.tidak': { id: 'Tidak merokok', en: 'Never smoker' },
  'rokok.mantan': { id: 'Mantan perokok', en: 'Former smoker' },
  'rokok.aktif': { id: 'Perokok aktif', en: 'Current smoker' },
  'rokok.terpapar': { id: 'Terpapar asap rokok', en: 'Exposed to second-hand smoke' },
  'aktivitas.cukup': { id: 'Aktivitas fisik cukup', en: 'Sufficient physical activity' },
  'aktivitas.kurang': { id: 'Kurang aktivitas fisik', en: 'Insufficient physical activity' },
  'sayur_buah.cukup': {
    id: 'Konsumsi sayur dan buah cukup',
    en: 'Sufficient fruit and vegetable intake',
  },
  'sayur_buah.kurang': {
    id: 'Kurang konsumsi sayur dan buah',
    en: 'Insufficient fruit and vegetable intake',
  },
  'alkohol.tidak': { id: 'Tidak minum alkohol', en: 'No alcohol use' },
  'alkohol.ya': { id: 'Minum alkohol', en: 'Alcohol use' },
  'srq20.negatif': {
    id: 'SRQ-20: tidak ada indikasi gangguan mental emosional',
    en: 'SRQ-20: no indication of emotional mental disorder',
  },
  'srq20.positif': {
    id: 'SRQ-20: kemungkinan gangguan mental emosional',
    en: 'SRQ-20: possible emotional mental disorder',
  },
  'srq20.ide_bunuh_diri': {
    id: 'SRQ-20: ada pikiran mengakhiri hidup (butir 17)',
    en: 'SRQ-20: thoughts of ending life (item 17)',
  },
  'puma.negatif': { id: 'PUMA: risiko PPOK rendah', en: 'PUMA: low COPD risk' },
  'puma.positif': {
    id: 'PUMA: risiko PPOK, rujuk spirometri',
    en: 'PUMA: COPD risk, refer for spirometry',
  },
  'skilas.normal': {
    id: 'SKILAS: tidak ada temuan',
    en: 'SKILAS: no findings',
  },
  'skilas.positif': {
    id: 'SKILAS: ada temuan, rujuk untuk asesmen lanjutan',
    en: 'SKILAS: findings, refer for further assessment',
  },
  'barthel.mandiri': { id: 'Mandiri', en: 'Independent' },
  'barthel.ringan': { id: 'Ketergantungan ringan', en: 'Mild dependency' },
  'barthel.sedang': { id: 'Ketergantungan sedang', en: 'Moderate dependency' },
  'barthel.berat': { id: 'Ketergantungan berat', en: 'Severe dependency' },
  'barthel.total': { id: 'Ketergantungan total', en: 'Total dependency' },
  'riwayat_keluarga.tidak': {
    id: 'Tidak ada riwayat PTM dalam keluarga',
    en: 'No family history of NCD',
  },
  'riwayat_keluarga.ada': { id: 'Ada riwayat PTM dalam keluarga', en: 'Family history of NCD' },
  'iva.negatif': { id: 'IVA negatif', en: 'VIA negative' },
  'iva.positif': { id: 'IVA positif (lesi prakanker)', en: 'VIA positive (precancerous lesion)' },
  'iva.curiga_kanker': { id: 'Curiga kanker leher rahim', en: 'Suspected cervical cancer' },
  'sadanis.normal': { id: 'SADANIS normal', en: 'Clinical breast examination normal' },
  'sadanis.kelainan': {
    id: 'SADANIS: ada benjolan/kelainan payudara',
    en: 'Clinical breast examination: lump or other abnormality',
  },
};

/** What the rule suggests next. Ordered by urgency: `edukasi` < `kontrol` < `rujuk`. */
export const FOLLOW_UPS = ['edukasi', 'kontrol', 'rujuk'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const FOLLOW_UP_LABELS: Record<FollowUp, Label> = {
  edukasi: { id: 'Edukasi', en: 'Education' },
  kontrol: { id: 'Kontrol ulang', en: 'Follow-up visit' },
  rujuk: { id: 'Rujuk', en: 'Refer' },
};

/** The more urgent of two follow-ups. */
export function moreUrgent(a: FollowUp, b: FollowUp): FollowUp {
  return FOLLOW_UPS.indexOf(a) >= FOLLOW_UPS.indexOf(b) ? a : b;
}
