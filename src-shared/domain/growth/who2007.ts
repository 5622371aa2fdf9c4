/**
 * Z-scores against the WHO Growth Reference 2007 for 5–19 years, computed exactly as WHO's
 * `anthroplus` R package (`anthroplus_zscores`) does.
 *
 * Units: weight kg, height cm (standing), age in months (exact, may be fractional).
 */
import { GROWTH_INDICATORS, type IndicatorInfo } from './indicators';
import { lmsForAgeMonths, lmsZ, lmsZRestricted, roundZ, type Sex } from './lms';

/** One measurement of a child or adolescent aged 61–228 months. */
export interface Who2007Input {
  sex: Sex;
  /** Exact age in months (days / 30.4375); not rounded. */
  ageMonths: number;
  weightKg?: number | null;
  /** Standing height, cm (no lying/standing conversion in the 2007 reference). */
  heightCm?: number | null;
  /** Bilateral pitting oedema: weight-for-age and BMI-for-age are not computed when present. */
  oedema?: boolean;
}

/** Z-scores (2 decimals, null = NA) and WHO flags (true = flagged; null with a null z). */
export interface Who2007Result {
  ageMonths: number;
  /** BMI, kg/m², from weight and height. */
  bmi: number | null;
  oedema: boolean;
  /** Height-for-age (TB/U), 61–228 months. Flag: |z| > 6. */
  zhfa: number | null;
  fhfa: boolean | null;
  /** Weight-for-age (BB/U), 61–120 months only. Flag: z < −6 or z > +5. */
  zwfa: number | null;
  fwfa: boolean | null;
  /** BMI-for-age (IMT/U), 61–228 months. Flag: |z| > 5. */
  zbfa: number | null;
  fbfa: boolean | null;
}

/** Age limits (months, inclusive) of each 2007 index, as anthroplus applies them. */
export const WHO2007_AGE_RANGE = {
  hfa: [61, 228],
  wfa: [61, 120],
  bfa: [61, 228],
} as const;

function index(
  { table, restricted }: IndicatorInfo,
  range: readonly [number, number],
  flag: (z: number) => boolean,
  sex: Sex,
  ageMonths: number,
  y: number | null,
): { z: number | null; flag: boolean | null } {
  if (y === null || !(y > 0)) return { z: null, flag: null };
  if (!(ageMonths >= range[0] && ageMonths <= range[1])) return { z: null, flag: null };
  const lms = lmsForAgeMonths(table, sex, ageMonths);
  if (!lms) return { z: null, flag: null };
  const z = restricted ? lmsZRestricted(y, lms) : lmsZ(y, lms);
  if (!Number.isFinite(z)) return { z: null, flag: null };
  const rounded = roundZ(z);
  return { z: rounded, flag: flag(rounded) };
}

function num(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Z-scores and flags of one measurement, exactly as WHO anthroplus computes them. Height-for-age
 * uses the plain LMS formula; weight-for-age and BMI-for-age the restricted one beyond ±3 SD.
 */
export function who2007ZScores(input: Who2007Input): Who2007Result {
  const { sex, ageMonths } = input;
  const oedema = input.oedema === true;
  const weight = num(input.weightKg);
  const height = num(input.heightCm);
  const bmi = weight !== null && height !== null ? weight / (height / 100) ** 2 : null;
  const hfa = index(
    GROWTH_INDICATORS.hfa2007,
    WHO2007_AGE_RANGE.hfa,
    (z) => Math.abs(z) > 6,
    sex,
    ageMonths,
    height,
  );
  const wfa = index(
    GROWTH_INDICATORS.wfa2007,
    WHO2007_AGE_RANGE.wfa,
    (z) => z < -6 || z > 5,
    sex,
    ageMonths,
    oedema ? null : weight,
  );
  const bfa = index(
    GROWTH_INDICATORS.bfa2007,
    WHO2007_AGE_RANGE.bfa,
    (z) => Math.abs(z) > 5,
    sex,
    ageMonths,
    oedema ? null : bmi,
  );
  return {
    ageMonths,
    bmi,
    oedema,
    zhfa: hfa.z,
    fhfa: hfa.flag,
    zwfa: wfa.z,
    fwfa: wfa.flag,
    zbfa: bfa.z,
    fbfa: bfa.flag,
  };
}
