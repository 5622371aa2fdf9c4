import type { Label } from '../refusal';
import type { ReferenceSet } from '../reference';

/**
 * An indicator as versioned data (issue #8): what counts (a numerator source), against what
 * (a denominator), how it is attributed to a month, and the regulation it comes from.
 */
export const INDICATOR_CLUSTERS = [
  'k2-ibu',
  'k2-anak',
  'k2-imunisasi',
  'k2-gizi',
  'k3',
  'spm',
] as const;
export type IndicatorCluster = (typeof INDICATOR_CLUSTERS)[number];

/**
 * How a numerator source is read:
 * - `achievement`: one row per subject (a pregnancy, a child, a patient) on the date the status
 *   was achieved (K1 on the first contact, K6 on the sixth qualifying one, IDL on the last dose).
 *   A month counts the subjects achieved in it; the year to date counts them from January.
 * - `status`: one row per observation (a weighing, a BP reading) with a 0/1 flag. In a window,
 *   each subject's latest observation decides; the numerator is those flagged, the denominator
 *   those observed (prevalence among the measured).
 */
export type CountMode = 'achievement' | 'status';

export type Denominator =
  /** A plain count. */
  | { kind: 'none' }
  /** Percentage of an annual target (sasaran group), as PWS does: cumulative ÷ annual target. */
  | { kind: 'sasaran'; group: string; /** e.g. 0.2 for "20% × sasaran bumil" */ factor?: number }
  /** Percentage of the subjects the `status` source observed in the window. */
  | { kind: 'observed' }
  /**
   * Percentage of a head count from the registry at the end of the window (e.g. S = balita
   * registered, for D/S; bayi 6–11 months, for Vitamin A), where no sasaran group fits.
   */
  | { kind: 'population'; population: string }
  /**
   * Drop-out `(A − B) ÷ A × 100`: A is the numerator source, B the `later` source, both counted
   * the same way in the same window (DPT1 → DPT3, DPT1 → MR).
   */
  | { kind: 'dropout'; later: string };

export interface IndicatorDefinition extends ReferenceSet {
  code: string;
  name: Label;
  cluster: IndicatorCluster;
  unit: 'count' | 'percent';
  /** The event source (implemented in SQL in the main process) and how to count it. */
  numerator: { source: string; mode: CountMode };
  denominator: Denominator;
  /** The goal in % used to colour the report (SPM = 100), or null. */
  goal: number | null;
  /** When a subject is counted, in words (shown in the report's notes). */
  attribution: Label;
  /** Set when the recorded data cannot support the indicator yet; the report says why. */
  notComputable?: Label;
}

/** What an area writes for one indicator; {@link indicatorDefinition} adds the rest. */
export interface IndicatorSpec {
  code: string;
  name: Label;
  cluster: IndicatorCluster;
  unit?: 'count' | 'percent';
  source: string;
  mode?: CountMode;
  denominator: Denominator;
  goal?: number | null;
  attribution: Label;
  regulation: string;
}

/**
 * A definition with its `ReferenceSet` fields (id by code, in force from `validFrom`), unit
 * percent, achievements and the area's goal unless the spec says otherwise.
 */
export function indicatorDefinition(
  s: IndicatorSpec,
  defaults: { validFrom: string; goal: number | null },
): IndicatorDefinition {
  return {
    id: `indicator.${s.code.toLowerCase()}.2026`,
    title: s.name.id,
    validFrom: defaults.validFrom,
    source: s.regulation,
    code: s.code,
    name: s.name,
    cluster: s.cluster,
    unit: s.unit ?? 'percent',
    numerator: { source: s.source, mode: s.mode ?? 'achievement' },
    denominator: s.denominator,
    goal: s.goal === undefined ? defaults.goal : s.goal,
    attribution: s.attribution,
  };
}
