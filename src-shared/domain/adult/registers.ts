import { addMonths, completedYears } from '../dates';
import {
  checkChoice,
  checkDate,
  checkNumber,
  fail,
  formatNumberId,
  ok,
  refusal,
  type Label,
} from '../refusal';
import { BP_PLAUSIBLE, checkBpReading } from './blood-pressure';
import type { AdultChecked, AdultRefusal } from './codes';
import type { EligibilityReferenceSet } from './eligibility';
import { FOLLOW_UP_PROGRAMS, type FollowUpProgram, type FollowUpVisit } from './follow-up';
import { GLUCOSE_KEMENKES_PERKENI, type GlucoseTest } from './glucose';

/**
 * The hypertension and DM registers (penderita, SPM 8 and 9): who enters (a confirmed diagnosis
 * with its ICD-10 code), what a monthly kontrol records, and which persons are due a yearly
 * screening. Code lists here are the app's defaults [GK]; append only, never rename a code.
 */

export const PROGRAM_LABELS: Record<FollowUpProgram, Label> = {
  ht: { id: 'Hipertensi', en: 'Hypertension' },
  dm: { id: 'Diabetes melitus', en: 'Diabetes mellitus' },
};

/** ICD-10 three-character categories accepted for each register (domain §6.5) [GK]. */
export const ICD10_BY_PROGRAM: Record<FollowUpProgram, readonly string[]> = {
  ht: ['I10', 'I11', 'I12', 'I13', 'I15'],
  dm: ['E10', 'E11', 'E13', 'E14'],
};

export const ICD10_LABELS: Record<string, Label> = {
  I10: { id: 'Hipertensi esensial (primer)', en: 'Essential (primary) hypertension' },
  I11: { id: 'Penyakit jantung hipertensi', en: 'Hypertensive heart disease' },
  I12: { id: 'Penyakit ginjal hipertensi', en: 'Hypertensive kidney disease' },
  I13: {
    id: 'Penyakit jantung dan ginjal hipertensi',
    en: 'Hypertensive heart and kidney disease',
  },
  I15: { id: 'Hipertensi sekunder', en: 'Secondary hypertension' },
  E10: { id: 'DM tipe 1 (tergantung insulin)', en: 'Type 1 diabetes mellitus' },
  E11: { id: 'DM tipe 2', en: 'Type 2 diabetes mellitus' },
  E13: { id: 'DM tipe lain yang ditentukan', en: 'Other specified diabetes mellitus' },
  E14: { id: 'DM tidak spesifik', en: 'Unspecified diabetes mellitus' },
};

/** Where the diagnosis was made. */
export const DIAGNOSIS_PLACES = ['puskesmas', 'fktp_lain', 'rumah_sakit', 'lainnya'] as const;
export type DiagnosisPlace = (typeof DIAGNOSIS_PLACES)[number];
export const DIAGNOSIS_PLACE_LABELS: Record<DiagnosisPlace, Label> = {
  puskesmas: { id: 'Puskesmas ini', en: 'This puskesmas' },
  fktp_lain: { id: 'FKTP lain (klinik, dokter praktik)', en: 'Other primary facility' },
  rumah_sakit: { id: 'Rumah sakit', en: 'Hospital' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** Why a patient left the register (the row stays; reports stop counting them). */
export const END_REASONS = ['meninggal', 'pindah', 'lainnya'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, Label> = {
  meninggal: { id: 'Meninggal', en: 'Died' },
  pindah: { id: 'Pindah / berobat di tempat lain', en: 'Moved / treated elsewhere' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** Taking the medicine as prescribed, as the patient reports it. */
export const ADHERENCE = ['teratur', 'tidak_teratur', 'tidak_minum'] as const;
export type Adherence = (typeof ADHERENCE)[number];
export const ADHERENCE_LABELS: Record<Adherence, Label> = {
  teratur: { id: 'Minum obat teratur', en: 'Takes medicine regularly' },
  tidak_teratur: { id: 'Tidak teratur', en: 'Irregularly' },
  tidak_minum: { id: 'Tidak minum obat', en: 'Not taking medicine' },
};

/** Complications noted at a kontrol (target-organ damage and diabetic complications) [GK]. */
export const COMPLICATIONS = [
  'stroke',
  'jantung',
  'ginjal',
  'retinopati',
  'kaki_diabetik',
  'neuropati',
] as const;
export type Complication = (typeof COMPLICATIONS)[number];
export const COMPLICATION_LABELS: Record<Complication, Label> = {
  stroke: { id: 'Stroke', en: 'Stroke' },
  jantung: { id: 'Penyakit jantung', en: 'Heart disease' },
  ginjal: { id: 'Penyakit ginjal kronik', en: 'Chronic kidney disease' },
  retinopati: { id: 'Retinopati (mata)', en: 'Retinopathy' },
  kaki_diabetik: { id: 'Luka/kaki diabetik', en: 'Diabetic foot' },
  neuropati: { id: 'Neuropati', en: 'Neuropathy' },
};

/**
 * Medicines commonly given at a puskesmas for HT and DM (Fornas FKTP) [GK]; anything else is
 * written in "obat lain".
 */
export const MEDICINES = [
  'amlodipin',
  'kaptopril',
  'hidroklorotiazid',
  'bisoprolol',
  'kandesartan',
  'lisinopril',
  'metformin',
  'glibenklamid',
  'glimepirid',
  'gliklazid',
  'akarbose',
  'insulin',
] as const;
export type Medicine = (typeof MEDICINES)[number];
export const MEDICINE_PROGRAM: Record<Medicine, FollowUpProgram> = {
  amlodipin: 'ht',
  kaptopril: 'ht',
  hidroklorotiazid: 'ht',
  bisoprolol: 'ht',
  kandesartan: 'ht',
  lisinopril: 'ht',
  metformin: 'dm',
  glibenklamid: 'dm',
  glimepirid: 'dm',
  gliklazid: 'dm',
  akarbose: 'dm',
  insulin: 'dm',
};
export const MEDICINE_LABELS: Record<Medicine, Label> = {
  amlodipin: { id: 'Amlodipin', en: 'Amlodipine' },
  kaptopril: { id: 'Kaptopril', en: 'Captopril' },
  hidroklorotiazid: { id: 'Hidroklorotiazid (HCT)', en: 'Hydrochlorothiazide' },
  bisoprolol: { id: 'Bisoprolol', en: 'Bisoprolol' },
  kandesartan: { id: 'Kandesartan', en: 'Candesartan' },
  lisinopril: { id: 'Lisinopril', en: 'Lisinopril' },
  metformin: { id: 'Metformin', en: 'Metformin' },
  glibenklamid: { id: 'Glibenklamid', en: 'Glibenclamide' },
  glimepirid: { id: 'Glimepirid', en: 'Glimepiride' },
  gliklazid: { id: 'Gliklazid', en: 'Gliclazide' },
  akarbose: { id: 'Akarbose', en: 'Acarbose' },
  insulin: { id: 'Insulin', en: 'Insulin' },
};

// ---------------------------------------------------------------- registration

export interface RegistrationInput {
  readonly program: FollowUpProgram;
  readonly icd10: string;
  /** Date of the confirmed diagnosis (ISO). */
  readonly diagnosedOn: string;
}

const PROGRAM: Label = { id: 'Program', en: 'Programme' };
const ICD10: Label = { id: 'Kode ICD-10', en: 'ICD-10 code' };
const DIAGNOSED_ON: Label = { id: 'Tanggal diagnosis', en: 'Diagnosis date' };
const AGE: Label = { id: 'Usia', en: 'Age' };

/**
 * A confirmed diagnosis that makes a person a *penderita*: the ICD-10 code must belong to the
 * register (I10–I15 hipertensi, E10–E14 DM), the diagnosis date must be a real date between the
 * birth date and `today`, and the person must be of Klaster 3 age (≥ 15, the SPM 8 target) today.
 */
export function checkRegistration(
  input: RegistrationInput,
  person: { readonly birthDate: string },
  today: string,
  eligibility: EligibilityReferenceSet,
): AdultChecked<RegistrationInput> {
  const refusals: AdultRefusal[] = [
    ...checkChoice(input?.program, FOLLOW_UP_PROGRAMS, 'program', PROGRAM),
    ...checkDate(input?.diagnosedOn, 'diagnosedOn', DIAGNOSED_ON),
  ];
  if (refusals.length === 0) {
    const codes = ICD10_BY_PROGRAM[input.program];
    if (!codes.includes(input?.icd10)) {
      refusals.push(
        refusal('ICD_PROGRAM_MISMATCH', 'icd10', ICD10, {
          id: `${String(input?.icd10 ?? '')} bukan kode ${PROGRAM_LABELS[input.program].id.toLowerCase()} (${codes.join(', ')})`.trim(),
          en: `${String(input?.icd10 ?? '')} is not a ${PROGRAM_LABELS[input.program].en.toLowerCase()} code (${codes.join(', ')})`.trim(),
        }),
      );
    }
    if (input.diagnosedOn > today) {
      refusals.push(
        refusal('DATE_ORDER', 'diagnosedOn', DIAGNOSED_ON, {
          id: 'tidak boleh setelah hari ini',
          en: 'must not be after today',
        }),
      );
    } else if (input.diagnosedOn < person.birthDate) {
      refusals.push(
        refusal('DATE_ORDER', 'diagnosedOn', DIAGNOSED_ON, {
          id: 'tidak boleh sebelum tanggal lahir',
          en: 'must not be before the birth date',
        }),
      );
    }
  }
  const age = completedYears(person.birthDate, today);
  if (age < eligibility.ptm.minAge) {
    refusals.push(
      refusal('NOT_ELIGIBLE_AGE', 'person.birthDate', AGE, {
        id: `register hipertensi/DM Klaster 3 hanya untuk usia ≥ ${eligibility.ptm.minAge} tahun (usia ${age} tahun)`,
        en: `the Cluster 3 hypertension/DM register is for age ${eligibility.ptm.minAge} and over (age ${age})`,
      }),
    );
  }
  if (refusals.length > 0) return fail(refusals);
  return ok(input);
}

// ---------------------------------------------------------------- kontrol visit

export interface KontrolInput {
  readonly visitOn: string;
  readonly systolic?: number;
  readonly diastolic?: number;
  /** One blood glucose test (GDS, GDP or TTGO 2 jam) … */
  readonly gulaTest?: Exclude<GlucoseTest, 'hba1c'>;
  readonly gulaValue?: number;
  /** … and/or an HbA1c, %. */
  readonly hba1c?: number;
}

/** Blood glucose tests recorded at a kontrol (HbA1c has its own field). */
export const KONTROL_GLUCOSE_TESTS = ['gds', 'gdp', 'ttgo2j'] as const satisfies readonly Exclude<
  GlucoseTest,
  'hba1c'
>[];

const VISIT_ON: Label = { id: 'Tanggal kontrol', en: 'Visit date' };
const SYSTOLIC: Label = { id: 'Tekanan darah sistolik', en: 'Systolic blood pressure' };
const DIASTOLIC: Label = { id: 'Tekanan darah diastolik', en: 'Diastolic blood pressure' };
const GULA_TEST: Label = { id: 'Jenis pemeriksaan gula darah', en: 'Glucose test type' };
const GULA_VALUE: Label = { id: 'Hasil gula darah', en: 'Blood glucose result' };
const HBA1C: Label = { id: 'HbA1c', en: 'HbA1c' };

function pairMissing(path: string, field: Label, other: Label): AdultRefusal {
  return refusal('INCOMPLETE_PAIR', path, field, {
    id: `wajib diisi bersama ${other.id.toLowerCase()}`,
    en: `is required together with the ${other.en.toLowerCase()}`,
  });
}

/**
 * One monthly kontrol of a registered patient. Any visit counts as kontrol; measurements are
 * optional, but a BP needs both sides and a glucose result its test type. The date must lie
 * between the earliest diagnosis of the patient's registers (`earliestDiagnosis`, null when the
 * person is in no register) and `today`.
 */
export function checkKontrol(
  input: KontrolInput,
  earliestDiagnosis: string | null,
  today: string,
): AdultChecked<FollowUpVisit> {
  const refusals: AdultRefusal[] = [...checkDate(input?.visitOn, 'visitOn', VISIT_ON)];
  if (refusals.length === 0) {
    if (earliestDiagnosis === null) {
      refusals.push(
        refusal('NOT_REGISTERED', 'visitOn', VISIT_ON, {
          id: 'orang ini belum terdaftar sebagai penderita hipertensi atau DM; konfirmasi diagnosis dahulu',
          en: 'this person is not in the hypertension or DM register; confirm the diagnosis first',
        }),
      );
    } else if (input.visitOn > today) {
      refusals.push(
        refusal('DATE_ORDER', 'visitOn', VISIT_ON, {
          id: 'tidak boleh setelah hari ini',
          en: 'must not be after today',
        }),
      );
    } else if (input.visitOn < earliestDiagnosis) {
      const [y, m, d] = earliestDiagnosis.split('-');
      refusals.push(
        refusal('DATE_ORDER', 'visitOn', VISIT_ON, {
          id: `tidak boleh sebelum tanggal diagnosis (${d}-${m}-${y})`,
          en: `must not be before the diagnosis date (${earliestDiagnosis})`,
        }),
      );
    }
  }
  const hasSys = input?.systolic !== undefined && input?.systolic !== null;
  const hasDia = input?.diastolic !== undefined && input?.diastolic !== null;
  if (hasSys && hasDia) {
    // Paths of the form's own fields (`systolic`, `diastolic`), not nested under a reading.
    refusals.push(
      ...checkBpReading(input, BP_PLAUSIBLE, 'x', { systolic: SYSTOLIC, diastolic: DIASTOLIC }).map(
        (r) => ({ ...r, path: r.path.slice(2) }),
      ),
    );
  } else if (hasSys) {
    refusals.push(pairMissing('diastolic', DIASTOLIC, SYSTOLIC));
  } else if (hasDia) {
    refusals.push(pairMissing('systolic', SYSTOLIC, DIASTOLIC));
  }
  const plausible = GLUCOSE_KEMENKES_PERKENI.plausible;
  const hasTest = input?.gulaTest !== undefined && input?.gulaTest !== null;
  const hasValue = input?.gulaValue !== undefined && input?.gulaValue !== null;
  if (hasTest)
    refusals.push(...checkChoice(input.gulaTest, KONTROL_GLUCOSE_TESTS, 'gulaTest', GULA_TEST));
  if (hasValue) {
    const [min, max] = plausible.glucoseMgDl;
    refusals.push(
      ...checkNumber(input.gulaValue, { min, max, unit: 'mg/dL' }, 'gulaValue', GULA_VALUE),
    );
  }
  if (hasValue && !hasTest) refusals.push(pairMissing('gulaTest', GULA_TEST, GULA_VALUE));
  if (hasTest && !hasValue) refusals.push(pairMissing('gulaValue', GULA_VALUE, GULA_TEST));
  if (input?.hba1c !== undefined && input?.hba1c !== null) {
    const [min, max] = plausible.hba1cPercent;
    refusals.push(...checkNumber(input.hba1c, { min, max, unit: '%' }, 'hba1c', HBA1C));
  }
  if (refusals.length > 0) return fail(refusals);
  const glucose: { test: GlucoseTest; value: number }[] = [];
  if (hasTest && hasValue) glucose.push({ test: input.gulaTest!, value: input.gulaValue! });
  if (input.hba1c !== undefined && input.hba1c !== null) {
    glucose.push({ test: 'hba1c', value: input.hba1c });
  }
  return ok({
    date: input.visitOn,
    ...(hasSys && hasDia ? { systolic: input.systolic, diastolic: input.diastolic } : {}),
    ...(glucose.length > 0 ? { glucose } : {}),
  });
}

/** "150/95 mmHg" in both languages. */
export function bpText(systolic: number, diastolic: number): Label {
  return {
    id: `${formatNumberId(systolic)}/${formatNumberId(diastolic)} mmHg`,
    en: `${systolic}/${diastolic} mmHg`,
  };
}

// ---------------------------------------------------------------- yearly screening due

/**
 * Skrining PTM (SPM 6) and SKILAS (SPM 7) are counted once per calendar year [domain §5.5]: a
 * person is due when no screening falls in the calendar year of `asOf` (1 January up to `asOf`).
 * A screening dated after `asOf` does not count.
 */
export function dueThisYear(screenedOn: readonly string[], asOf: string): boolean {
  const year = asOf.slice(0, 4);
  return !screenedOn.some((d) => d.slice(0, 4) === year && d <= asOf);
}

/** The date a person reaches `years` of age (birthday on 29 February: 28 February). */
export function dateAtAge(birthDate: string, years: number): string {
  return addMonths(birthDate, years * 12);
}
