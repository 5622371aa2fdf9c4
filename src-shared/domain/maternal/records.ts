/**
 * Code lists of the kohort ibu records that the rule files do not already define: dating
 * method, pregnancy outcome, ANC findings, counselling topics, nifas findings, KB side effects.
 * Codes are stable (stored); labels are bilingual. SATUSEHAT codes where the domain names one
 * (domain.md §2.2, §7.4).
 */
import {
  checkNumber,
  type GenericRefusalCode,
  type Label,
  type NumberRule,
  type Refusal,
} from '../refusal';
import type { CodeLabels } from './codes';

/** How the HPL in force was obtained. */
export const DATING_METHOD_CODES = ['HPHT', 'USG', 'MANUAL'] as const;
export type DatingMethod = (typeof DATING_METHOD_CODES)[number];
export const DATING_METHODS: CodeLabels<DatingMethod> = {
  HPHT: { id: 'Dari HPHT (Naegele)', en: 'From the last menstrual period (Naegele)' },
  USG: { id: 'Dari USG', en: 'From ultrasound' },
  MANUAL: { id: 'Diisi manual (koreksi)', en: 'Entered by hand (corrected)' },
};

/** How a pregnancy episode ends. `PERSALINAN` is set by recording the delivery. */
export const PREGNANCY_OUTCOME_CODES = [
  'PERSALINAN',
  'ABORTUS',
  'IBU_MENINGGAL',
  'PINDAH',
] as const;
export type PregnancyOutcome = (typeof PREGNANCY_OUTCOME_CODES)[number];
export const PREGNANCY_OUTCOMES: CodeLabels<PregnancyOutcome> = {
  PERSALINAN: { id: 'Bersalin', en: 'Delivered' },
  ABORTUS: { id: 'Abortus / keguguran (< 20 minggu)', en: 'Abortion / miscarriage (< 20 weeks)' },
  IBU_MENINGGAL: { id: 'Ibu meninggal saat hamil', en: 'Mother died during pregnancy' },
  PINDAH: {
    id: 'Pindah / tidak dapat diikuti lagi',
    en: 'Moved away / lost to follow-up',
  },
};

/** Risk factors known at registration (riwayat and conditions), domain.md §2.2. */
export const PREGNANCY_RISK_FACTOR_CODES = [
  'RIWAYAT_SC',
  'RIWAYAT_PERDARAHAN',
  'RIWAYAT_PREEKLAMSIA',
  'RIWAYAT_KEGUGURAN',
  'RIWAYAT_BAYI_MATI',
  'KEHAMILAN_GANDA',
  'PENYAKIT_KRONIS',
  'RISIKO_LAIN',
] as const;
export type PregnancyRiskFactor = (typeof PREGNANCY_RISK_FACTOR_CODES)[number];
export const PREGNANCY_RISK_FACTORS: CodeLabels<PregnancyRiskFactor> = {
  RIWAYAT_SC: { id: 'Riwayat seksio sesarea', en: 'Previous caesarean section' },
  RIWAYAT_PERDARAHAN: { id: 'Riwayat perdarahan', en: 'Previous haemorrhage' },
  RIWAYAT_PREEKLAMSIA: { id: 'Riwayat preeklamsia/eklamsia', en: 'Previous pre-eclampsia' },
  RIWAYAT_KEGUGURAN: { id: 'Riwayat keguguran berulang', en: 'Recurrent miscarriage' },
  RIWAYAT_BAYI_MATI: { id: 'Riwayat bayi lahir mati', en: 'Previous stillbirth' },
  KEHAMILAN_GANDA: { id: 'Kehamilan ganda', en: 'Multiple pregnancy' },
  PENYAKIT_KRONIS: {
    id: 'Penyakit kronis (jantung, DM, hipertensi, TB, HIV)',
    en: 'Chronic disease (heart, diabetes, hypertension, TB, HIV)',
  },
  RISIKO_LAIN: { id: 'Faktor risiko lain', en: 'Other risk factor' },
};

/** Complications found at an ANC contact. */
export const ANC_COMPLICATION_CODES = [
  'PERDARAHAN',
  'PREEKLAMSIA',
  'KETUBAN_PECAH_DINI',
  'INFEKSI',
  'HIPEREMESIS',
  'KOMPLIKASI_LAIN',
] as const;
export type AncComplication = (typeof ANC_COMPLICATION_CODES)[number];
export const ANC_COMPLICATIONS: CodeLabels<AncComplication> = {
  PERDARAHAN: { id: 'Perdarahan', en: 'Bleeding' },
  PREEKLAMSIA: { id: 'Preeklamsia', en: 'Pre-eclampsia' },
  KETUBAN_PECAH_DINI: { id: 'Ketuban pecah dini', en: 'Premature rupture of membranes' },
  INFEKSI: { id: 'Infeksi', en: 'Infection' },
  HIPEREMESIS: { id: 'Hiperemesis', en: 'Hyperemesis' },
  KOMPLIKASI_LAIN: { id: 'Komplikasi lain', en: 'Other complication' },
};

/** Presentasi janin (SATUSEHAT OV000003–OV000005). */
export const PRESENTATION_CODES = ['KEPALA', 'BOKONG', 'LINTANG'] as const;
export type Presentation = (typeof PRESENTATION_CODES)[number];
export const PRESENTATIONS: CodeLabels<Presentation> = {
  KEPALA: { id: 'Kepala', en: 'Cephalic' },
  BOKONG: { id: 'Bokong (sungsang)', en: 'Breech' },
  LINTANG: { id: 'Lintang', en: 'Transverse' },
};

export const PROTEIN_URINE_CODES = ['NEG', 'POS1', 'POS2', 'POS3', 'POS4'] as const;
export type ProteinUrine = (typeof PROTEIN_URINE_CODES)[number];
export const PROTEIN_URINE: CodeLabels<ProteinUrine> = {
  NEG: { id: 'Negatif', en: 'Negative' },
  POS1: { id: '+1', en: '+1' },
  POS2: { id: '+2', en: '+2' },
  POS3: { id: '+3', en: '+3' },
  POS4: { id: '+4', en: '+4' },
};

export const BLOOD_TYPE_CODES = ['A', 'B', 'AB', 'O'] as const;
export type BloodType = (typeof BLOOD_TYPE_CODES)[number];
export const RHESUS_CODES = ['POS', 'NEG'] as const;
export type Rhesus = (typeof RHESUS_CODES)[number];
export const RHESUS: CodeLabels<Rhesus> = {
  POS: { id: 'Rh +', en: 'Rh +' },
  NEG: { id: 'Rh −', en: 'Rh −' },
};

/** Triple eliminasi (HIV, sifilis, HBsAg) rapid test result. */
export const LAB_RESULT_CODES = ['NON_REAKTIF', 'REAKTIF'] as const;
export type LabResult = (typeof LAB_RESULT_CODES)[number];
export const LAB_RESULTS: CodeLabels<LabResult> = {
  NON_REAKTIF: { id: 'Non-reaktif', en: 'Non-reactive' },
  REAKTIF: { id: 'Reaktif', en: 'Reactive' },
};

/** Makanan tambahan for bumil KEK (SATUSEHAT FO000001/FO000002). */
export const MT_KIND_CODES = ['MT_LOKAL', 'MT_PABRIKAN'] as const;
export type MtKind = (typeof MT_KIND_CODES)[number];
export const MT_KINDS: CodeLabels<MtKind> = {
  MT_LOKAL: { id: 'MT bahan pangan lokal', en: 'Local supplementary food' },
  MT_PABRIKAN: { id: 'MT pabrikan (biskuit)', en: 'Manufactured supplementary food' },
};

/** Temu wicara / konseling topics (SATUSEHAT ED000008–ED000012). */
export const COUNSELING_CODES = [
  'TANDA_BAHAYA',
  'IMD_ASI',
  'PHBS',
  'KB_PASCASALIN',
  'LAINNYA',
] as const;
export type Counseling = (typeof COUNSELING_CODES)[number];
export const COUNSELING: CodeLabels<Counseling> = {
  TANDA_BAHAYA: { id: 'Tanda bahaya', en: 'Danger signs' },
  IMD_ASI: { id: 'IMD & ASI eksklusif', en: 'Early breastfeeding & exclusive breastfeeding' },
  PHBS: { id: 'PHBS', en: 'Clean and healthy living' },
  KB_PASCASALIN: { id: 'KB pascasalin', en: 'Postpartum family planning' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

/** Nifas findings: a normal / not-normal choice per item. */
export const NIFAS_FINDING_CODES = ['NORMAL', 'TIDAK_NORMAL'] as const;
export type NifasFinding = (typeof NIFAS_FINDING_CODES)[number];
export const NIFAS_FINDINGS: CodeLabels<NifasFinding> = {
  NORMAL: { id: 'Normal', en: 'Normal' },
  TIDAK_NORMAL: { id: 'Tidak normal', en: 'Abnormal' },
};

export const NIFAS_COMPLICATION_CODES = [
  'PERDARAHAN',
  'INFEKSI',
  'PREEKLAMSIA',
  'MASALAH_PAYUDARA',
  'DEPRESI',
  'LAINNYA',
] as const;
export type NifasComplication = (typeof NIFAS_COMPLICATION_CODES)[number];
export const NIFAS_COMPLICATIONS: CodeLabels<NifasComplication> = {
  PERDARAHAN: { id: 'Perdarahan', en: 'Haemorrhage' },
  INFEKSI: { id: 'Infeksi', en: 'Infection' },
  PREEKLAMSIA: { id: 'Preeklamsia/eklamsia', en: 'Pre-eclampsia/eclampsia' },
  MASALAH_PAYUDARA: { id: 'Masalah payudara', en: 'Breast problem' },
  DEPRESI: { id: 'Gangguan jiwa / depresi', en: 'Mental health problem / depression' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

export const KB_SIDE_EFFECT_CODES = [
  'GANGGUAN_HAID',
  'PERDARAHAN_BERCAK',
  'SAKIT_KEPALA',
  'BERAT_BADAN_NAIK',
  'MUAL',
  'INFEKSI_LOKAL',
  'KEGAGALAN',
  'LAINNYA',
] as const;
export type KbSideEffect = (typeof KB_SIDE_EFFECT_CODES)[number];
export const KB_SIDE_EFFECTS: CodeLabels<KbSideEffect> = {
  GANGGUAN_HAID: { id: 'Gangguan haid / amenore', en: 'Menstrual disturbance / amenorrhoea' },
  PERDARAHAN_BERCAK: { id: 'Perdarahan bercak (spotting)', en: 'Spotting' },
  SAKIT_KEPALA: { id: 'Sakit kepala', en: 'Headache' },
  BERAT_BADAN_NAIK: { id: 'Berat badan naik', en: 'Weight gain' },
  MUAL: { id: 'Mual', en: 'Nausea' },
  INFEKSI_LOKAL: {
    id: 'Infeksi/komplikasi di tempat pemasangan',
    en: 'Insertion-site complication',
  },
  KEGAGALAN: { id: 'Kegagalan (hamil saat ber-KB)', en: 'Method failure (pregnant)' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

/**
 * Plausibility of the record fields the rule files do not range-check (project judgement, like
 * `PLAUSIBILITY_DEFAULT`): values outside are typing errors, refused with the field named.
 */
export const EXTRA_RANGE_FIELDS = [
  'bloodGlucoseMgdl',
  'temperatureC',
  'lengthCm',
  'headCircCm',
] as const;
export type ExtraRangeField = (typeof EXTRA_RANGE_FIELDS)[number];

export const EXTRA_RANGES: Readonly<Record<ExtraRangeField, NumberRule & { label: Label }>> = {
  bloodGlucoseMgdl: {
    label: { id: 'Gula darah', en: 'Blood glucose' },
    min: 20,
    max: 800,
    unit: 'mg/dL',
  },
  temperatureC: { label: { id: 'Suhu', en: 'Temperature' }, min: 34, max: 43, unit: '°C' },
  lengthCm: { label: { id: 'Panjang lahir', en: 'Birth length' }, min: 25, max: 65, unit: 'cm' },
  headCircCm: {
    label: { id: 'Lingkar kepala', en: 'Head circumference' },
    min: 18,
    max: 45,
    unit: 'cm',
  },
};

/** Refusals when a present value is outside its range (`null`/`undefined` = not measured). */
export function checkExtraRange(
  field: ExtraRangeField,
  value: number | null | undefined,
  path: string = field,
): Refusal<GenericRefusalCode>[] {
  if (value === null || value === undefined) return [];
  const { label, ...rule } = EXTRA_RANGES[field];
  return checkNumber(value, rule, path, label);
}
