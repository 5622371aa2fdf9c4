/**
 * Plausibility ranges: values outside them cannot be a real measurement of a living pregnant
 * woman (or newborn) and are refused with a field-named message, before any risk rule
 * runs. The bounds are the project's own judgement (wide enough for extreme but real cases such as
 * severe anaemia or severe pre-eclampsia), except `weightKg`, which is domain.md §2.2's range check.
 * They are reference data so a Dinkes (or a pilot) can widen them without a release.
 */
import type { ReferenceSet } from '../reference';
import {
  checkNumber,
  refusal,
  type GenericRefusalCode,
  type Label,
  type NumberRule,
  type Refusal,
} from '../refusal';

/** A gestational age in days as weeks and days: 139 → `19 minggu 6 hari` / `19 weeks 6 days`. */
function gestationalAge(days: number): Label {
  const [w, d] = [Math.floor(days / 7), days % 7];
  return { id: `${w} minggu ${d} hari`, en: `${w} weeks ${d} days` };
}

export const RANGE_FIELDS = [
  'weightKg',
  'heightCm',
  'lilaCm',
  'systolic',
  'diastolic',
  'hbGdl',
  'djjPerMin',
  'tfuCm',
  'birthWeightG',
  'maternalAgeYears',
  'gravida',
  'usgGaDays',
  'deliveryGaDays',
] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

/** Inclusive bounds: `min` and `max` themselves are accepted. */
export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
}

export interface PlausibilitySet extends ReferenceSet {
  readonly ranges: Readonly<Record<RangeField, PlausibleRange>>;
}

/** A field's label, and how its bounds read in refusal messages (a unit, or `show`). */
export interface RangeFieldLabel extends Pick<NumberRule, 'unit' | 'show'> {
  readonly label: Label;
}

export const RANGE_FIELD_LABELS: Readonly<Record<RangeField, RangeFieldLabel>> = {
  weightKg: { label: { id: 'Berat badan', en: 'Body weight' }, unit: 'kg' },
  heightCm: { label: { id: 'Tinggi badan', en: 'Height' }, unit: 'cm' },
  lilaCm: { label: { id: 'LILA', en: 'Mid-upper arm circumference (MUAC)' }, unit: 'cm' },
  systolic: {
    label: { id: 'Tekanan darah sistolik', en: 'Systolic blood pressure' },
    unit: 'mmHg',
  },
  diastolic: {
    label: { id: 'Tekanan darah diastolik', en: 'Diastolic blood pressure' },
    unit: 'mmHg',
  },
  hbGdl: { label: { id: 'Hb', en: 'Haemoglobin' }, unit: 'g/dL' },
  djjPerMin: {
    label: { id: 'DJJ', en: 'Fetal heart rate' },
    unit: { id: 'x/menit', en: 'beats/min' },
  },
  tfuCm: { label: { id: 'Tinggi fundus uteri', en: 'Fundal height' }, unit: 'cm' },
  birthWeightG: { label: { id: 'Berat lahir', en: 'Birth weight' }, unit: 'gram' },
  maternalAgeYears: {
    label: { id: 'Umur ibu', en: "Mother's age" },
    unit: { id: 'tahun', en: 'years' },
  },
  gravida: { label: { id: 'Gravida', en: 'Gravida' } },
  usgGaDays: {
    label: { id: 'Usia kehamilan (USG)', en: 'Gestational age (ultrasound)' },
    show: gestationalAge,
  },
  deliveryGaDays: {
    label: { id: 'Usia kehamilan saat bersalin', en: 'Gestational age at delivery' },
    show: gestationalAge,
  },
};

/**
 * Default bounds (all inclusive):
 * - weightKg 30–150 kg: domain.md §2.2 "Range check 30–150".
 * - heightCm 100–200 cm: adult women with short-stature conditions are > 100 cm.
 * - lilaCm 10–60 cm: adult mid-upper-arm circumference; 3 cm is a typing error.
 * - systolic 60–260, diastolic 30–160 mmHg: covers shock and severe pre-eclampsia; 300/20 is not
 *   a measurement. Diastolic must also be below systolic (checked separately).
 * - hbGdl 3–20 g/dL: severe anaemia is seen down to ~3; above 20 is not a pregnancy value.
 * - djjPerMin 50–240 /min: severe bradycardia to fetal tachyarrhythmia. An absent heartbeat is
 *   recorded as absent, not as 0.
 * - tfuCm 5–60 cm; birthWeightG 300–7000 g.
 * - maternalAgeYears 10–60 (completed years at HPHT).
 * - gravida 1–20.
 * - usgGaDays 28–314 (4w0d–44w6d); deliveryGaDays 140–315 (20w0d–45w0d; below 20 weeks the
 *   outcome is recorded as abortus, not persalinan [GK]).
 */
export const PLAUSIBILITY_DEFAULT: PlausibilitySet = {
  id: 'maternal.plausibility.2026',
  title: 'Rentang nilai yang mungkin (ibu hamil, bersalin, bayi baru lahir)',
  validFrom: '2000-01-01',
  source: 'Project judgement (physiological bounds); BB 30–150 kg from domain.md §2.2 [GK]',
  ranges: {
    weightKg: { min: 30, max: 150 },
    heightCm: { min: 100, max: 200 },
    lilaCm: { min: 10, max: 60 },
    systolic: { min: 60, max: 260 },
    diastolic: { min: 30, max: 160 },
    hbGdl: { min: 3, max: 20 },
    djjPerMin: { min: 50, max: 240 },
    tfuCm: { min: 5, max: 60 },
    birthWeightG: { min: 300, max: 7000 },
    maternalAgeYears: { min: 10, max: 60 },
    gravida: { min: 1, max: 20 },
    usgGaDays: { min: 28, max: 314 },
    deliveryGaDays: { min: 140, max: 315 },
  },
};

/**
 * Refusals when `value` is missing, not a finite number, or outside the field's range (the shared
 * `checkNumber` with the set's bounds); empty when it is plausible. `path` defaults to the field.
 */
export function checkRange(
  field: RangeField,
  value: number,
  set: PlausibilitySet,
  path: string = field,
): Refusal<GenericRefusalCode>[] {
  const { label, ...display } = RANGE_FIELD_LABELS[field];
  return checkNumber(value, { ...set.ranges[field], ...display }, path, label);
}

/** Refusals when `value` is not a whole number ≥ 0 (counts such as para, abortus). */
export function checkCount(
  value: number,
  path: string,
  label: Label,
): Refusal<GenericRefusalCode>[] {
  const notANumber = checkNumber(value, { min: -Infinity, max: Infinity }, path, label);
  if (notANumber.length > 0) return notANumber;
  if (!Number.isInteger(value) || value < 0) {
    return [
      refusal('NOT_AN_INTEGER', path, label, {
        id: 'harus bilangan bulat 0 atau lebih.',
        en: 'must be a whole number, 0 or more.',
      }),
    ];
  }
  return [];
}
