/**
 * SD curves for growth charts (KMS / Buku KIA), computed from the same LMS tables and with the
 * same restricted method beyond ±3 SD as the z-scores, so a point plotted on a curve has exactly
 * that curve's z-score.
 */
import { GROWTH_INDICATORS, type GrowthIndicator, type IndicatorInfo } from './indicators';
import {
  lmsAtKey,
  lmsForAgeMonths,
  lmsForLength,
  lmsValue,
  lmsValueRestricted,
  seriesFor,
  type Lms,
  type LmsAxis,
  type Sex,
} from './lms';

/** The measurement with z-score `z`, given L, M, S, by the indicator's method. */
function valueFor(info: IndicatorInfo, lms: Lms, z: number): number {
  return info.restricted ? lmsValueRestricted(z, lms) : lmsValue(z, lms);
}

/**
 * The measurement at z-score `z` for an x in the indicator's axis unit (age in days for the 2006
 * age indicators — rounded half up to whole days as for z-scores; cm for `wfl`/`wfh`, between
 * rows interpolated as for z-scores; exact months for the 2007 indicators, interpolated between
 * months). null outside the table.
 */
export function valueAtZ(
  indicator: GrowthIndicator,
  sex: Sex,
  x: number,
  z: number,
): number | null {
  const info = GROWTH_INDICATORS[indicator];
  const { table } = info;
  let lms: Lms | null;
  if (table.axis === 'length_cm' || table.axis === 'height_cm') lms = lmsForLength(table, sex, x);
  else if (table.axis === 'age_months') lms = lmsForAgeMonths(table, sex, x);
  else lms = x >= 0 ? lmsAtKey(table, sex, Math.floor(x + 0.5)) : null;
  return lms ? valueFor(info, lms, z) : null;
}

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

export interface GrowthCurve {
  /** The z-score of the curve (−3 … +3 by default). */
  readonly sd: number;
  readonly points: readonly CurvePoint[];
}

export interface GrowthCurves {
  readonly indicator: GrowthIndicator;
  readonly sex: Sex;
  /** Unit of x: age in days, age in months, or length/height in cm. */
  readonly xUnit: LmsAxis;
  readonly yUnit: IndicatorInfo['yUnit'];
  readonly curves: readonly GrowthCurve[];
}

export interface CurveOptions {
  /** Z-scores to draw; default −3, −2, −1, 0, +1, +2, +3. Beyond ±3 the restricted method applies. */
  sds?: readonly number[];
  /** Use every `step`-th table row (default 1: every row — a day, a month or 0.1 cm). */
  step?: number;
  /** Limit x to this range (in the x unit), inclusive. */
  from?: number;
  to?: number;
}

export const DEFAULT_SDS: readonly number[] = [-3, -2, -1, 0, 1, 2, 3];

/**
 * The SD curves of an indicator for one sex over its table range: one point per table row
 * (x = the row's age or length), y = M·(1 + L·S·z)^(1/L), restricted beyond ±3 SD where the
 * indicator's z-scores are. The last row is always included.
 */
export function growthCurves(
  indicator: GrowthIndicator,
  sex: Sex,
  options: CurveOptions = {},
): GrowthCurves {
  const info = GROWTH_INDICATORS[indicator];
  const { table } = info;
  const series = seriesFor(table, sex);
  const step = Math.max(1, Math.floor(options.step ?? 1));
  const indices: number[] = [];
  const last = series.l.length - 1;
  for (let i = 0; i <= last; i += step) indices.push(i);
  if (indices.at(-1) !== last) indices.push(last);
  const xs = indices
    .map((i) => ({ i, x: (series.first + i) / table.keyScale }))
    .filter(({ x }) => (options.from ?? -Infinity) <= x && x <= (options.to ?? Infinity));
  const curves = (options.sds ?? DEFAULT_SDS).map((sd) => ({
    sd,
    points: xs.map(({ i, x }) => ({
      x,
      y: valueFor(info, { l: series.l[i]!, m: series.m[i]!, s: series.s[i]! }, sd),
    })),
  }));
  return { indicator, sex, xUnit: table.axis, yUnit: info.yUnit, curves };
}
