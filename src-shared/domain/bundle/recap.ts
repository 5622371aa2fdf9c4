import type { Label } from '../refusal';

/**
 * The district recap: indicator values summed across puskesmas (or desa). Counts travel, not
 * percentages: numerators and denominators are summed and the percentage is computed again
 * from the sums, never by adding or averaging percentages.
 *
 * "No data" (null) is never read as zero. For a percentage only units that have both a
 * numerator and a denominator are summed; for a count only units that have a count. The
 * others are counted as `excluded` so the screen can say the total is partial.
 */

export type RecapUnit = 'count' | 'percent';

export interface RecapValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface RecapSum extends RecapValue {
  /** Units that contributed to the sum. */
  included: number;
  /** Units left out because their numerator (or, for a percentage, denominator) is missing. */
  excluded: number;
}

/** numerator / denominator × 100, or null when it cannot be computed. */
export function percentOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (numerator / denominator) * 100;
}

/** Sum one indicator's values over units, recomputing the percentage from the sums. */
export function sumValues(unit: RecapUnit, values: readonly RecapValue[]): RecapSum {
  let numerator = 0;
  let denominator = 0;
  let included = 0;
  let excluded = 0;
  for (const v of values) {
    const count = v.numerator ?? (unit === 'count' ? v.value : null);
    const usable = unit === 'percent' ? count !== null && v.denominator !== null : count !== null;
    if (!usable) {
      excluded++;
      continue;
    }
    included++;
    numerator += count!;
    if (v.denominator !== null) denominator += v.denominator;
  }
  if (included === 0) {
    return { numerator: null, denominator: null, value: null, included, excluded };
  }
  if (unit === 'count') {
    const anyDenominator = values.some((v) => v.denominator !== null);
    return {
      numerator,
      denominator: anyDenominator ? denominator : null,
      value: numerator,
      included,
      excluded,
    };
  }
  return {
    numerator,
    denominator,
    value: percentOf(numerator, denominator),
    included,
    excluded,
  };
}

/**
 * Cumulative numerator as % of the summed annual targets, over units that have both (a unit
 * without a target cannot count towards it).
 */
export function sumPctOfTarget(
  units: readonly { ytdNumerator: number | null; target: number | null }[],
): number | null {
  let numerator = 0;
  let target = 0;
  let any = false;
  for (const u of units) {
    if (u.ytdNumerator === null || u.target === null) continue;
    any = true;
    numerator += u.ytdNumerator;
    target += u.target;
  }
  return any ? percentOf(numerator, target) : null;
}

/**
 * How a cluster id reads on screens and sheet names: `k2`, `klaster2`, `klaster-2` → Klaster 2
 * (Cluster 2); anything else as given.
 */
export function clusterLabel(cluster: string): Label {
  const m = /^(?:k|klaster[-_ ]?)(\d)$/i.exec(cluster.trim());
  if (m) return { id: `Klaster ${m[1]}`, en: `Cluster ${m[1]}` };
  return { id: cluster, en: cluster };
}
