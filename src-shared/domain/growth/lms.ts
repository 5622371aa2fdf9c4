/**
 * LMS tables and the LMS arithmetic shared by the WHO Child Growth Standards (2006) and the WHO
 * Growth Reference (2007). Pure TypeScript: both the renderer and the main process import it.
 *
 * Method: WHO Multicentre Growth Reference Study Group (2006), "WHO Child Growth Standards:
 * methods and development", chapter 7 (computation of centiles and z-scores), as implemented in
 * the WHO `anthro` (1.1.x) and `anthroplus` R packages.
 */

/** Sex as WHO codes it: 1 = laki-laki (male), 2 = perempuan (female). */
export type Sex = 1 | 2;

/** L, M and S for one sex, one row per key, keys contiguous from `first`. */
export interface LmsSeries {
  /** Key of the first row (see {@link LmsTable.keyScale}). */
  readonly first: number;
  readonly l: readonly number[];
  readonly m: readonly number[];
  readonly s: readonly number[];
}

/** The unit of a table's x axis. */
export type LmsAxis = 'age_days' | 'age_months' | 'length_cm' | 'height_cm';

/** One WHO LMS table (both sexes), as generated from the WHO `.txt` files. */
export interface LmsTable {
  /** WHO file stem, e.g. `weianthro`, `hfawho2007`. */
  readonly id: string;
  readonly axis: LmsAxis;
  /**
   * Row key = x × keyScale, an integer: 1 for age tables (days or months), 10 for the
   * weight-for-length/height tables whose rows are 0.1 cm apart.
   */
  readonly keyScale: 1 | 10;
  readonly male: LmsSeries;
  readonly female: LmsSeries;
}

/** L, M, S at one point. */
export interface Lms {
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

export function seriesFor(table: LmsTable, sex: Sex): LmsSeries {
  return sex === 1 ? table.male : table.female;
}

/** The row with integer `key`, or null outside the table. */
export function lmsAtKey(table: LmsTable, sex: Sex, key: number): Lms | null {
  const series = seriesFor(table, sex);
  const i = key - series.first;
  if (!Number.isInteger(i) || i < 0 || i >= series.l.length) return null;
  return { l: series.l[i]!, m: series.m[i]!, s: series.s[i]! };
}

/** First and last x of a table (in its axis unit). */
export function tableRange(table: LmsTable, sex: Sex): { from: number; to: number } {
  const series = seriesFor(table, sex);
  return {
    from: series.first / table.keyScale,
    to: (series.first + series.l.length - 1) / table.keyScale,
  };
}

/**
 * L, M, S for a length/height between the 0.1 cm rows: anthro truncates to the row below and
 * interpolates linearly towards the next row by the remaining fraction. The arithmetic is
 * anthro's, operation for operation, so the same doubles come out.
 */
export function lmsForLength(table: LmsTable, sex: Sex, lengthCm: number): Lms | null {
  const lowKey = Math.trunc(lengthCm * 10);
  const uppKey = Math.trunc(lengthCm * 10 + 1);
  const diff = (lengthCm - lowKey / 10) / 0.1;
  const low = lmsAtKey(table, sex, lowKey);
  if (!low) return null;
  if (!(diff > 0)) return low;
  const upp = lmsAtKey(table, sex, uppKey);
  if (!upp) return null;
  return {
    l: low.l + diff * (upp.l - low.l),
    m: low.m + diff * (upp.m - low.m),
    s: low.s + diff * (upp.s - low.s),
  };
}

/**
 * L, M, S at a fractional age in months: the row of the completed month, moved linearly towards
 * the next month's row by the fraction of the month (anthroplus `zscore_indicator`).
 */
export function lmsForAgeMonths(table: LmsTable, sex: Sex, ageMonths: number): Lms | null {
  const lowKey = Math.trunc(ageMonths);
  const uppKey = Math.trunc(ageMonths + 1);
  const diff = ageMonths - lowKey;
  const low = lmsAtKey(table, sex, lowKey);
  if (!low) return null;
  if (!(diff > 0)) return low;
  const upp = lmsAtKey(table, sex, uppKey);
  if (!upp) return null;
  return {
    l: low.l + diff * (upp.l - low.l),
    m: low.m + diff * (upp.m - low.m),
    s: low.s + diff * (upp.s - low.s),
  };
}

/** The plain LMS z-score: ((y/M)^L − 1) / (L·S); ln(y/M)/S when L = 0. */
export function lmsZ(y: number, { l, m, s }: Lms): number {
  if (l === 0) return Math.log(y / m) / s;
  return ((y / m) ** l - 1) / (s * l);
}

/** The measurement at z-score `z` on the plain LMS curve: M·(1 + L·S·z)^(1/L). */
export function lmsValue(z: number, { l, m, s }: Lms): number {
  if (l === 0) return m * Math.exp(s * z);
  return m * (1 + l * s * z) ** (1 / l);
}

/**
 * WHO's restricted application of the LMS method (methods report §7): within ±3 SD the plain LMS
 * z-score; beyond, distance from the ±3 SD curve in units of the 2–3 SD distance on that side,
 * so the z-scale stays linear in the tails. Used for indicators whose L ≠ 1 (weight-for-age,
 * weight-for-length/height, BMI-for-age, MUAC-for-age).
 */
export function lmsZRestricted(y: number, lms: Lms): number {
  const z = lmsZ(y, lms);
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return 3 + (y - sd3) / (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sd3 = lmsValue(-3, lms);
    return -3 + (y - sd3) / (lmsValue(-2, lms) - sd3);
  }
  return z;
}

/** Inverse of {@link lmsZRestricted}: the measurement whose restricted z-score is `z`. */
export function lmsValueRestricted(z: number, lms: Lms): number {
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return sd3 + (z - 3) * (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sd3 = lmsValue(-3, lms);
    return sd3 + (z + 3) * (lmsValue(-2, lms) - sd3);
  }
  return lmsValue(z, lms);
}

/**
 * Round a z-score to 2 decimals the way R's `round(z, 2)` does (R ≥ 4.0): to the nearest value
 * with two decimals, judged on the exact binary value of `z`. `toFixed` rounds on the exact
 * value too (a double is never exactly halfway between two hundredths), so the two agree.
 */
export function roundZ(z: number): number {
  const rounded = Number(z.toFixed(2));
  return rounded === 0 ? 0 : rounded; // no −0
}
