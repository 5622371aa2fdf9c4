/**
 * Versioned reference data. Every cut-off table, schedule and indicator definition that a
 * regulation (or a Dinkes) may change is a value of this shape, not a constant in code. Rules
 * take the reference set as a parameter; the settings choose which one applies.
 */
export interface ReferenceSet {
  /** Stable identifier, e.g. `bp.perhi-2023`. Stored with each derived result. */
  readonly id: string;
  /** Human title (Indonesian). */
  readonly title: string;
  /** ISO date from which the set applies. */
  readonly validFrom: string;
  /** ISO date after which it no longer applies (exclusive), if superseded. */
  readonly validTo?: string;
  /** Regulation or source, with its certainty tag from the domain reference ([S], [GK], [UNCONFIRMED]). */
  readonly source: string;
}

/** The set in force on `date` (ISO), the latest `validFrom` first; undefined when none is. */
export function inForce<T extends ReferenceSet>(sets: readonly T[], date: string): T | undefined {
  return [...sets]
    .filter((s) => s.validFrom <= date && (s.validTo === undefined || date < s.validTo))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
}

/** Look a set up by id; throws for an unknown id (a programming or settings error). */
export function byId<T extends ReferenceSet>(sets: readonly T[], id: string): T {
  const found = sets.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown reference set: ${id}`);
  return found;
}
