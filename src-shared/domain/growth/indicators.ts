/**
 * The WHO indicators: which LMS table, and whether z-scores beyond ±3 SD use WHO's restricted
 * method. The z-score code and the chart curves both read this, so they cannot disagree.
 */
import type { LmsTable } from './lms';
import {
  ACFA_2006,
  BFA_2006,
  BFA_2007,
  HCFA_2006,
  HFA_2007,
  LHFA_2006,
  WFA_2006,
  WFA_2007,
  WFH_2006,
  WFL_2006,
} from './tables';

/**
 * Chartable indicators: WHO 2006 (0–60 months) `wfa` weight-for-age, `lhfa` length/height-for-age,
 * `wfl` weight-for-length, `wfh` weight-for-height, `bfa` BMI-for-age, `hcfa` head circumference,
 * `acfa` MUAC; WHO 2007 (5–19 years) `wfa2007`, `hfa2007`, `bfa2007`.
 */
export type GrowthIndicator =
  'wfa' | 'lhfa' | 'wfl' | 'wfh' | 'bfa' | 'hcfa' | 'acfa' | 'wfa2007' | 'hfa2007' | 'bfa2007';

export interface IndicatorInfo {
  readonly table: LmsTable;
  /**
   * Whether z-scores beyond ±3 SD use WHO's restricted method. anthro restricts weight-for-age,
   * weight-for-length/height, BMI-for-age and MUAC-for-age (`compute_zscore_adjusted`), and
   * anthroplus weight-for-age and BMI-for-age; length/height-for-age and head circumference use
   * the plain LMS formula (their L is 1, so the distribution is already normal).
   */
  readonly restricted: boolean;
  readonly yUnit: 'kg' | 'cm' | 'kg/m2';
}

/** Table, method and unit of each chartable indicator. */
export const GROWTH_INDICATORS: Record<GrowthIndicator, IndicatorInfo> = {
  wfa: { table: WFA_2006, restricted: true, yUnit: 'kg' },
  lhfa: { table: LHFA_2006, restricted: false, yUnit: 'cm' },
  wfl: { table: WFL_2006, restricted: true, yUnit: 'kg' },
  wfh: { table: WFH_2006, restricted: true, yUnit: 'kg' },
  bfa: { table: BFA_2006, restricted: true, yUnit: 'kg/m2' },
  hcfa: { table: HCFA_2006, restricted: false, yUnit: 'cm' },
  acfa: { table: ACFA_2006, restricted: true, yUnit: 'cm' },
  wfa2007: { table: WFA_2007, restricted: true, yUnit: 'kg' },
  hfa2007: { table: HFA_2007, restricted: false, yUnit: 'cm' },
  bfa2007: { table: BFA_2007, restricted: true, yUnit: 'kg/m2' },
};
