/**
 * Z-scores against the WHO Child Growth Standards (2006) for children under 60 months, computed
 * exactly as WHO's `anthro` R package (1.1.x, `anthro_zscores`, R/z-score*.R) does: every rule
 * below is anthro's, and the 400-row reference file WHO's code produced is reproduced exactly
 * (tests/unit/domain/growth/reference-files.test.ts). The one addition: a weight ≤ 0 gives no
 * weight-for-length/height (anthro would compute one from such an input error).
 *
 * Units: weight kg, length/height cm, head and arm circumference cm, age in days.
 */
import { GROWTH_INDICATORS, type IndicatorInfo } from './indicators';
import { lmsAtKey, lmsForLength, lmsZ, lmsZRestricted, roundZ, type Sex } from './lms';

/** Days in a month as WHO counts them (365.25 / 12): age in months = age in days / 30.4375. */
export const DAYS_PER_MONTH = 30.4375;

/** How the length/height was measured: L = telentang (lying, PB), H = berdiri (standing, TB). */
export type MeasurePosition = 'L' | 'H';

/** One measurement of a child under five. Leave a measurement out (or null) when not taken. */
export interface Who2006Input {
  sex: Sex;
  /**
   * Age in days on the measurement date (`daysBetween(birthDate, measureDate)`). A fractional
   * age is rounded half up to whole days for the table look-up, as anthro does; age in months
   * (for the < 60 months and < 9 months rules) is the unrounded age / 30.4375.
   */
  ageDays: number;
  weightKg?: number | null;
  /** Length or height as measured, cm; `measured` says which. */
  lengthCm?: number | null;
  /** Position of the length/height measurement; null when unknown (no 0.7 cm conversion). */
  measured?: MeasurePosition | null;
  headCm?: number | null;
  /** Mid-upper arm circumference (LiLA), cm. */
  muacCm?: number | null;
  /** Bilateral pitting oedema. Weight-based z-scores are not computed when present. */
  oedema?: boolean;
}

/**
 * The z-scores (rounded to 2 decimals, as anthro reports them; null = NA) and the WHO flags for
 * implausible values (true = flagged; null when the z-score is null). Names follow anthro.
 */
export interface Who2006Result {
  /** Whole days used for the table look-up; null when the age is negative or not a number. */
  ageDays: number | null;
  /** Exact age in months (days / 30.4375). */
  ageMonths: number;
  /**
   * Position used: the input, except that a standing measurement under 9 months is not
   * believed (anthro sets it to NA, so no 0.7 cm is added) and `positionImplausible` is set.
   */
  measured: MeasurePosition | null;
  /** anthro `c9mo_flag`: measured standing under 9 months of age. */
  positionImplausible: boolean;
  /**
   * Length/height after the WHO 0.7 cm conversion (anthro `clenhei`): length (lying) is expected
   * under 731 days, height (standing) from 731 days; a standing measurement under 731 days gets
   * +0.7 cm, a lying one from 731 days −0.7 cm.
   */
  lengthCm: number | null;
  /** Which table weight-for-length/height uses: length under 731 days, height from 731 days. */
  weightFor: 'length' | 'height' | null;
  /** BMI, kg/m², from weight and the converted length/height (anthro `cbmi`). */
  bmi: number | null;
  oedema: boolean;
  /** Weight-for-age (BB/U). Flag: z < −6 or z > +5. */
  zwei: number | null;
  fwei: boolean | null;
  /** Length/height-for-age (PB/U, TB/U). Flag: |z| > 6. */
  zlen: number | null;
  flen: boolean | null;
  /** Weight-for-length/height (BB/PB, BB/TB). Flag: |z| > 5. */
  zwfl: number | null;
  fwfl: boolean | null;
  /** BMI-for-age (IMT/U). Flag: |z| > 5. */
  zbmi: number | null;
  fbmi: boolean | null;
  /** Head circumference-for-age. Flag: |z| > 5. */
  zhc: number | null;
  fhc: boolean | null;
  /** Arm circumference (MUAC)-for-age, from 91 days. Flag: |z| > 5. */
  zac: number | null;
  fac: boolean | null;
}

/** anthro's `round_up`: whole number, halves up (ages are never negative here). */
function roundHalfUp(x: number): number {
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}

function present(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Last age in days anthro accepts before the < 60 months rule (which cuts at 1826). */
const MAX_AGE_DAYS = 1856;

interface Indicator {
  info: IndicatorInfo;
  fromDay: number;
  flag: (z: number) => boolean;
}

/** anthro's age limits (days) and implausible-value flags of the age-based indices. */
const WEI: Indicator = {
  info: GROWTH_INDICATORS.wfa,
  fromDay: 0,
  flag: (z) => z < -6 || z > 5,
};
const LEN: Indicator = { info: GROWTH_INDICATORS.lhfa, fromDay: 0, flag: (z) => Math.abs(z) > 6 };
const BMI: Indicator = { info: GROWTH_INDICATORS.bfa, fromDay: 0, flag: (z) => Math.abs(z) > 5 };
const HC: Indicator = { info: GROWTH_INDICATORS.hcfa, fromDay: 0, flag: (z) => Math.abs(z) > 5 };
const AC: Indicator = { info: GROWTH_INDICATORS.acfa, fromDay: 91, flag: (z) => Math.abs(z) > 5 };
const WFL_FLAG = (z: number) => Math.abs(z) > 5;

type Scored = { z: number | null; flag: boolean | null };
const NA: Scored = { z: null, flag: null };

function score(z: number, flag: (z: number) => boolean): Scored {
  if (!Number.isFinite(z)) return NA;
  const rounded = roundZ(z);
  // anthro flags the rounded z-score.
  return { z: rounded, flag: flag(rounded) };
}

function byAge(
  indicator: Indicator,
  sex: Sex,
  ageDays: number | null,
  ageOk: boolean,
  y: number | null | undefined,
): Scored {
  if (!present(y) || y <= 0 || ageDays === null || !ageOk) return NA;
  if (ageDays < indicator.fromDay || ageDays > MAX_AGE_DAYS) return NA;
  const lms = lmsAtKey(indicator.info.table, sex, ageDays);
  if (!lms) return NA;
  const z = indicator.info.restricted ? lmsZRestricted(y, lms) : lmsZ(y, lms);
  return score(z, indicator.flag);
}

/** Length range (cm) of weight-for-length (45–110) and weight-for-height (65–120). */
export const WEIGHT_FOR_LENGTH_RANGE = { length: [45, 110], height: [65, 120] } as const;

/** Z-scores and flags of one measurement, exactly as WHO anthro computes them. */
export function who2006ZScores(input: Who2006Input): Who2006Result {
  const { sex } = input;
  const oedema = input.oedema === true;
  const rawAge = input.ageDays;
  const ageDays = present(rawAge) && rawAge >= 0 ? roundHalfUp(rawAge) : null;
  const ageMonths = present(rawAge) ? rawAge / DAYS_PER_MONTH : Number.NaN;
  // anthro: z-scores only for age in months (unrounded) < 60.
  const ageOk = ageDays !== null && ageMonths < 60;

  let measured = input.measured ?? null;
  const positionImplausible = measured === 'H' && ageMonths < 9;
  if (positionImplausible) measured = null;

  let lengthCm = present(input.lengthCm) ? input.lengthCm : null;
  if (lengthCm !== null && ageDays !== null) {
    if (ageDays < 731 && measured === 'H') lengthCm = lengthCm + 0.7;
    else if (ageDays >= 731 && measured === 'L') lengthCm = lengthCm - 0.7;
  }
  const weight = present(input.weightKg) ? input.weightKg : null;
  const bmi = weight !== null && lengthCm !== null ? weight / (lengthCm / 100) ** 2 : null;
  const weightFor = ageDays === null ? null : ageDays < 731 ? 'length' : 'height';

  const wei = oedema ? NA : byAge(WEI, sex, ageDays, ageOk, weight);
  const len = byAge(LEN, sex, ageDays, ageOk, lengthCm);
  const bmiZ = oedema ? NA : byAge(BMI, sex, ageDays, ageOk, bmi);
  const hc = byAge(HC, sex, ageDays, ageOk, input.headCm);
  const ac = byAge(AC, sex, ageDays, ageOk, input.muacCm);

  // Weight-for-length under 731 days (45–110 cm), weight-for-height from 731 days (65–120 cm),
  // both on the converted length/height; NA with oedema or outside the range.
  let wfl = NA;
  if (!oedema && ageOk && weight !== null && weight > 0) {
    if (lengthCm !== null && weightFor !== null) {
      const [from, to] = WEIGHT_FOR_LENGTH_RANGE[weightFor];
      if (lengthCm >= from && lengthCm <= to) {
        const info = weightFor === 'length' ? GROWTH_INDICATORS.wfl : GROWTH_INDICATORS.wfh;
        const lms = lmsForLength(info.table, sex, lengthCm);
        if (lms) {
          const z = info.restricted ? lmsZRestricted(weight, lms) : lmsZ(weight, lms);
          wfl = score(z, WFL_FLAG);
        }
      }
    }
  }

  return {
    ageDays,
    ageMonths,
    measured,
    positionImplausible,
    lengthCm,
    weightFor,
    bmi,
    oedema,
    zwei: wei.z,
    fwei: wei.flag,
    zlen: len.z,
    flen: len.flag,
    zwfl: wfl.z,
    fwfl: wfl.flag,
    zbmi: bmiZ.z,
    fbmi: bmiZ.flag,
    zhc: hc.z,
    fhc: hc.flag,
    zac: ac.z,
    fac: ac.flag,
  };
}
