/**
 * Plausibility ranges: values outside them cannot be a real measurement of a living pregnant
 * woman (or newborn) and are refused with a field-named Indonesian message, before any risk rule
 * runs. The bounds are the project's own judgement (wide enough for extreme but real cases such as
 * severe anaemia or severe pre-eclampsia), except `weightKg`, which is domain.md §2.2's range check.
 * They are reference data so a Dinkes (or a pilot) can widen them without a release.
 */
import type { ReferenceSet } from '../reference';
import { formatAngka, refuse, type Refusal } from './refusal';

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

/** Indonesian field labels and display units, used in refusal messages. */
export const RANGE_FIELD_LABELS: Readonly<Record<RangeField, { label: string; unit: string }>> = {
  weightKg: { label: 'Berat badan', unit: 'kg' },
  heightCm: { label: 'Tinggi badan', unit: 'cm' },
  lilaCm: { label: 'LILA', unit: 'cm' },
  systolic: { label: 'Tekanan darah sistolik', unit: 'mmHg' },
  diastolic: { label: 'Tekanan darah diastolik', unit: 'mmHg' },
  hbGdl: { label: 'Hb', unit: 'g/dL' },
  djjPerMin: { label: 'DJJ', unit: 'x/menit' },
  tfuCm: { label: 'Tinggi fundus uteri', unit: 'cm' },
  birthWeightG: { label: 'Berat lahir', unit: 'gram' },
  maternalAgeYears: { label: 'Umur ibu', unit: 'tahun' },
  gravida: { label: 'Gravida', unit: '' },
  usgGaDays: { label: 'Usia kehamilan (USG)', unit: 'ga' },
  deliveryGaDays: { label: 'Usia kehamilan saat bersalin', unit: 'ga' },
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

function show(field: RangeField, value: number): string {
  const { unit } = RANGE_FIELD_LABELS[field];
  if (unit === 'ga') return `${Math.floor(value / 7)} minggu ${value % 7} hari`;
  return unit ? `${formatAngka(value)} ${unit}` : formatAngka(value);
}

/**
 * Refusal when `value` is not a finite number or lies outside the field's range; `undefined` when
 * it is plausible. `path` defaults to the field name.
 */
export function checkRange(
  field: RangeField,
  value: number,
  set: PlausibilitySet,
  path: string = field,
): Refusal | undefined {
  const { label } = RANGE_FIELD_LABELS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return refuse('NOT_A_NUMBER', path, label, 'harus berupa angka.');
  }
  const { min, max } = set.ranges[field];
  if (value < min || value > max) {
    return refuse(
      'OUT_OF_RANGE',
      path,
      label,
      `${show(field, value)} di luar rentang yang mungkin (${show(field, min)} – ${show(field, max)}).`,
    );
  }
  return undefined;
}

/** Refusal when `value` is not a whole number ≥ 0 (counts such as para, abortus). */
export function checkCount(value: number, path: string, label: string): Refusal | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return refuse('NOT_A_NUMBER', path, label, 'harus berupa angka.');
  }
  if (!Number.isInteger(value) || value < 0) {
    return refuse('NOT_AN_INTEGER', path, label, 'harus bilangan bulat 0 atau lebih.');
  }
  return undefined;
}
