/**
 * Ordered value bands, the shape every single-value cut-off table in this module uses.
 *
 * Reading a printed table: "normal 18.5–22.9; BB lebih 23.0–24.9" is written here as lower
 * bounds, `{ from: 18.5 }`, `{ from: 23.0 }`, each band running up to the next band's bound. So
 * a printed upper bound "22.9" means "below 23.0". A printed "> 25.0" is `{ from: 25.0,
 * inclusive: false }`. Values are compared exactly as given; rounding (where a rule rounds) is
 * done by the rule before it looks the band up.
 */
export interface Band<C extends string> {
  readonly code: C;
  /** Lower bound; absent on the first band (everything below the second band's bound). */
  readonly from?: number;
  /** Whether `from` itself belongs to this band (default true: `≥ from`). */
  readonly inclusive?: boolean;
}

/** The band `value` falls in: the last band whose lower bound it meets. Bands must ascend. */
export function bandFor<C extends string>(value: number, bands: readonly Band<C>[]): C {
  let found: C | undefined;
  for (const band of bands) {
    if (band.from === undefined) {
      found = band.code;
      continue;
    }
    const meets = band.inclusive === false ? value > band.from : value >= band.from;
    if (meets) found = band.code;
  }
  if (found === undefined) throw new Error('Band table has no band for the value');
  return found;
}

/**
 * Round half up to `decimals` places, immune to binary noise (22.95 → 23.0, not 22.9, even
 * though 22.95 is stored as 22.9499…). For the non-negative measurements used here.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((value * factor).toPrecision(12));
  return Math.round(scaled) / factor;
}
