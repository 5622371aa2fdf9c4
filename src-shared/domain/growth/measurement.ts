/**
 * One growth measurement of a balita as a clerk types it (posyandu, Kohort balita): what is
 * impossible and refused, what WHO calls implausible and needs the clerk's confirmation, and the
 * z-scores and status gizi derived from it. The form shows this while typing, the service
 * enforces it, the demo generator and the reports store exactly what it returns.
 *
 * Two levels, never mixed up:
 * - **impossible** (refused, nothing saved): a date before birth, a child 60 months or older
 *   (WHO 2006 covers 0 to < 60 months), no measurement at all, a length without how it was
 *   measured, a value outside {@link MEASUREMENT_LIMITS_GK} or with more decimals than a scale or
 *   a length board shows;
 * - **implausible** (saved only after the clerk confirms): every WHO `anthro` flag (`fwei`,
 *   `flen`, `fwfl`, `fbmi`, `fhc`, `fac`) and a standing measurement under 9 months, which WHO
 *   does not believe (`c9mo_flag`).
 */
import { daysBetween, isIsoDate } from '../dates';
import type { ReferenceSet } from '../reference';
import { formatNumberId, numberLabel, refusal, type Label, type Refusal } from '../refusal';
import type { Sex } from './lms';
import {
  statusGizi,
  STATUS_GIZI_PMK_2_2020,
  type StatusGizi,
  type StatusGiziStandard,
} from './status';
import {
  DAYS_PER_MONTH,
  who2006ZScores,
  type MeasurePosition,
  type Who2006Result,
} from './who2006';

/** The bounds and precision of one measured value. */
export interface ValueLimit {
  /** Inclusive bounds. */
  readonly min: number;
  readonly max: number;
  /** Decimals a clerk may type (a 0.1 cm board: 1; a digital scale to 10 g: 2). */
  readonly decimals: number;
}

/** Input values no balita can have (a typing error, a wrong unit): refused, never saved. */
export interface MeasurementLimits extends ReferenceSet {
  readonly weightKg: ValueLimit;
  readonly lengthCm: ValueLimit;
  readonly headCm: ValueLimit;
  readonly muacCm: ValueLimit;
}

/**
 * App limits for children 0–59 months. Wide on purpose: anything inside is computed and, when
 * WHO flags it, confirmed by the clerk; only values outside are refused.
 */
export const MEASUREMENT_LIMITS_GK: MeasurementLimits = {
  id: 'ukur-balita.batas-aplikasi',
  title: 'Batas masukan pengukuran balita (nilai di luar batas ini pasti salah ketik)',
  validFrom: '2006-04-27',
  source:
    '[GK] app convention: beyond the WHO 2006 tables (weight-for-age −6…+5 SD, length 45–120 cm for weight-for-length/height, head circumference and MUAC ±5 SD at 0–60 months) with room for extreme prematurity and obesity; precision of a posyandu dacin/digital scale (0.1 kg, or 0.01 kg digital) and a 0.1 cm length board or tape',
  weightKg: { min: 0.4, max: 60, decimals: 2 },
  lengthCm: { min: 30, max: 140, decimals: 1 },
  headCm: { min: 18, max: 60, decimals: 1 },
  muacCm: { min: 5, max: 35, decimals: 1 },
};

/** Every set of limits the app knows. */
export const MEASUREMENT_LIMITS: readonly MeasurementLimits[] = [MEASUREMENT_LIMITS_GK];

/** The values of one measurement; leave a value out (or null) when it was not taken. */
export interface ChildMeasurement {
  readonly weightKg?: number | null;
  readonly lengthCm?: number | null;
  /** L = telentang (lying, PB), H = berdiri (standing, TB). Required with a length. */
  readonly measured?: MeasurePosition | null;
  readonly headCm?: number | null;
  readonly muacCm?: number | null;
  readonly oedema?: boolean;
}

export const MEASUREMENT_REFUSAL_CODES = [
  'INVALID_DATE',
  'BEFORE_BIRTH',
  'AGE_OVER_LIMIT',
  'NO_MEASUREMENT',
  'POSITION_REQUIRED',
  'NOT_A_NUMBER',
  'OUT_OF_RANGE',
  'TOO_MANY_DECIMALS',
] as const;
export type MeasurementRefusalCode = (typeof MEASUREMENT_REFUSAL_CODES)[number];

/** Input paths of the refusals (the measurement form's field names). */
export type MeasurementPath =
  'measureDate' | 'weightKg' | 'lengthCm' | 'measured' | 'headCm' | 'muacCm';

export const MEASUREMENT_FIELDS: Readonly<Record<MeasurementPath, Label>> = {
  measureDate: { id: 'Tanggal ukur', en: 'Measurement date' },
  weightKg: { id: 'Berat badan', en: 'Weight' },
  lengthCm: { id: 'Panjang/tinggi badan', en: 'Length/height' },
  measured: { id: 'Cara ukur', en: 'Measured' },
  headCm: { id: 'Lingkar kepala', en: 'Head circumference' },
  muacCm: { id: 'LiLA', en: 'MUAC' },
};

const UNITS: Record<keyof Omit<MeasurementLimits, keyof ReferenceSet>, string> = {
  weightKg: 'kg',
  lengthCm: 'cm',
  headCm: 'cm',
  muacCm: 'cm',
};

type ValuePath = keyof typeof UNITS;

function mRefusal(
  code: MeasurementRefusalCode,
  path: MeasurementPath,
  problem: Label,
): Refusal<MeasurementRefusalCode> {
  return refusal(code, path, MEASUREMENT_FIELDS[path], problem);
}

/** Whether `value` has at most `decimals` decimals (7.25 has 2; 7.250000000001 is 2 as typed). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function checkValue(
  value: number | null | undefined,
  path: ValuePath,
  limits: MeasurementLimits,
): Refusal<MeasurementRefusalCode>[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [mRefusal('NOT_A_NUMBER', path, { id: 'harus berupa angka', en: 'must be a number' })];
  }
  const limit = limits[path];
  const unit = UNITS[path];
  if (value < limit.min || value > limit.max) {
    const [min, max] = [numberLabel(limit.min), numberLabel(limit.max, unit)];
    return [
      mRefusal('OUT_OF_RANGE', path, {
        id: `harus antara ${min.id} dan ${max.id}`,
        en: `must be between ${min.en} and ${max.en}`,
      }),
    ];
  }
  if (!hasAtMostDecimals(value, limit.decimals)) {
    return [
      mRefusal('TOO_MANY_DECIMALS', path, {
        id: `paling banyak ${limit.decimals} angka di belakang koma`,
        en: `at most ${limit.decimals} decimal${limit.decimals === 1 ? '' : 's'}`,
      }),
    ];
  }
  return [];
}

/** Exact age in days on `date` and whether WHO 2006 covers it (days / 30.4375 < 60). */
export function underFiveAge(birthDate: string, date: string): { days: number; ok: boolean } {
  const days = daysBetween(birthDate, date);
  return { days, ok: days >= 0 && days / DAYS_PER_MONTH < 60 };
}

/**
 * The refusals of a measurement of a child born on `birthDate`, taken on `date`: empty when it
 * can be computed and saved (it may still need a confirmation, see {@link assessMeasurement}).
 */
export function checkMeasurement(
  birthDate: string,
  date: string,
  m: ChildMeasurement,
  limits: MeasurementLimits = MEASUREMENT_LIMITS_GK,
): Refusal<MeasurementRefusalCode>[] {
  if (!isIsoDate(date) || !isIsoDate(birthDate)) {
    return [
      mRefusal('INVALID_DATE', 'measureDate', {
        id: 'bukan tanggal yang valid (YYYY-MM-DD)',
        en: 'is not a valid date (YYYY-MM-DD)',
      }),
    ];
  }
  const refusals: Refusal<MeasurementRefusalCode>[] = [];
  const age = underFiveAge(birthDate, date);
  if (age.days < 0) {
    refusals.push(
      mRefusal('BEFORE_BIRTH', 'measureDate', {
        id: 'sebelum tanggal lahir anak',
        en: "is before the child's date of birth",
      }),
    );
  } else if (!age.ok) {
    refusals.push(
      mRefusal('AGE_OVER_LIMIT', 'measureDate', {
        id: 'anak sudah berumur 60 bulan atau lebih; pemantauan pertumbuhan balita (standar WHO 2006) sampai umur 59 bulan',
        en: 'the child is 60 months or older; under-five growth monitoring (WHO 2006 standards) ends at 59 months',
      }),
    );
  }
  const present = (v: number | null | undefined) => v !== null && v !== undefined;
  if (!present(m.weightKg) && !present(m.lengthCm) && !present(m.headCm) && !present(m.muacCm)) {
    refusals.push(
      mRefusal('NO_MEASUREMENT', 'weightKg', {
        id: 'isi berat badan, panjang/tinggi badan, lingkar kepala atau LiLA',
        en: 'enter the weight, length/height, head circumference or MUAC',
      }),
    );
  }
  for (const path of ['weightKg', 'lengthCm', 'headCm', 'muacCm'] as const) {
    refusals.push(...checkValue(m[path], path, limits));
  }
  if (present(m.lengthCm) && m.measured !== 'L' && m.measured !== 'H') {
    refusals.push(
      mRefusal('POSITION_REQUIRED', 'measured', {
        id: 'pilih telentang (PB) atau berdiri (TB)',
        en: 'choose lying (length) or standing (height)',
      }),
    );
  }
  return refusals;
}

/** WHO sex code from the registry's L/P. */
export function whoSex(sex: 'L' | 'P'): Sex {
  return sex === 'L' ? 1 : 2;
}

/** How a length/height is normally measured at this age: lying under 24 months (731 days). */
export function expectedPosition(birthDate: string, date: string): MeasurePosition {
  return daysBetween(birthDate, date) < 731 ? 'L' : 'H';
}

/** What needs the clerk's confirmation: a WHO flag, or a standing measurement under 9 months. */
export type ImplausibleFlag = 'bbU' | 'pbU' | 'bbPb' | 'imtU' | 'lk' | 'lila' | 'position';

export interface MeasurementAssessment {
  /** Age in whole days on the measurement date. */
  readonly ageDays: number;
  readonly who: Who2006Result;
  readonly status: StatusGizi;
  /** Empty when nothing needs confirming. */
  readonly implausible: readonly ImplausibleFlag[];
  /** The standard the categories come from (stored with the row). */
  readonly standardId: string;
}

/**
 * Z-scores, status gizi and implausible flags of a measurement that passed
 * {@link checkMeasurement}.
 */
export function assessMeasurement(
  sex: 'L' | 'P',
  birthDate: string,
  date: string,
  m: ChildMeasurement,
  std: StatusGiziStandard = STATUS_GIZI_PMK_2_2020,
): MeasurementAssessment {
  const ageDays = daysBetween(birthDate, date);
  const who = who2006ZScores({
    sex: whoSex(sex),
    ageDays,
    weightKg: m.weightKg ?? null,
    lengthCm: m.lengthCm ?? null,
    measured: m.lengthCm === null || m.lengthCm === undefined ? null : (m.measured ?? null),
    headCm: m.headCm ?? null,
    muacCm: m.muacCm ?? null,
    oedema: m.oedema === true,
  });
  const status = statusGizi(who, m.muacCm ?? null, std);
  const implausible: ImplausibleFlag[] = [...status.implausible];
  if (who.fac) implausible.push('lila');
  if (who.positionImplausible) implausible.push('position');
  return { ageDays, who, status, implausible, standardId: std.id };
}

/** WHO's plausible range of each flagged index, as the clerk reads it. */
const FLAG_TEXT: Record<Exclude<ImplausibleFlag, 'position'>, { index: Label; range: string }> = {
  bbU: { index: { id: 'BB/U', en: 'Weight-for-age' }, range: '−6 … +5' },
  pbU: { index: { id: 'PB/U atau TB/U', en: 'Length/height-for-age' }, range: '−6 … +6' },
  bbPb: { index: { id: 'BB/PB atau BB/TB', en: 'Weight-for-length/height' }, range: '−5 … +5' },
  imtU: { index: { id: 'IMT/U', en: 'BMI-for-age' }, range: '−5 … +5' },
  lk: { index: { id: 'Lingkar kepala/U', en: 'Head circumference-for-age' }, range: '−5 … +5' },
  lila: { index: { id: 'LiLA/U', en: 'MUAC-for-age' }, range: '−5 … +5' },
};

const FLAG_Z: Record<Exclude<ImplausibleFlag, 'position'>, keyof Who2006Result> = {
  bbU: 'zwei',
  pbU: 'zlen',
  bbPb: 'zwfl',
  imtU: 'zbmi',
  lk: 'zhc',
  lila: 'zac',
};

/** One sentence per implausible flag, naming the index and its z-score. */
export function implausibleMessages(a: MeasurementAssessment): Label[] {
  return a.implausible.map((flag) => {
    if (flag === 'position') {
      return {
        id: 'Diukur berdiri padahal umur di bawah 9 bulan: WHO menganggap cara ukur ini tidak mungkin (tidak ditambah 0,7 cm).',
        en: 'Measured standing under 9 months of age: WHO treats this position as implausible (no 0.7 cm added).',
      };
    }
    const { index, range } = FLAG_TEXT[flag];
    const z = a.who[FLAG_Z[flag]] as number;
    const zText = { id: formatNumberId(z), en: String(z) };
    return {
      id: `${index.id} z = ${zText.id}, di luar rentang wajar WHO (${range} SD). Periksa lagi angka dan tanggal lahir.`,
      en: `${index.en} z = ${zText.en}, outside WHO's plausible range (${range} SD). Check the value and the date of birth.`,
    };
  });
}
