import { GENERIC_REFUSAL_CODES, type Checked, type Label, type Refusal } from '../refusal';

/** Labels for every code of a code list (`Record<Code, { id, en }>`). */
export type CodeLabels<C extends string> = Readonly<Record<C, Label>>;

/**
 * Stable refusal codes of the maternal rules: the generic checkers' codes (`INVALID_DATE`,
 * `OUT_OF_RANGE`, …), then this area's own. The renderer and services may branch on them; append
 * only, never rename one.
 */
export const MATERNAL_REFUSAL_CODES = [
  ...GENERIC_REFUSAL_CODES,
  /** Not an ISO date-time with an offset (`2026-03-01T08:30+07:00`). */
  'DATETIME_INVALID',
  /** ANC visit date earlier than HPHT. */
  'VISIT_BEFORE_HPHT',
  /** ANC visit date later than HPL + the allowed days. */
  'VISIT_AFTER_HPL_WINDOW',
  /** Only one of systolic / diastolic given. */
  'BP_INCOMPLETE',
  /** Diastolic is not lower than systolic. */
  'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC',
  /** P + A > G − 1 (the current pregnancy is one of G). */
  'GPA_INCONSISTENT',
  /** The previous delivery is not before this pregnancy's HPHT. */
  'PREVIOUS_DELIVERY_NOT_BEFORE_HPHT',
  /** ANC contacts are not in date order. */
  'ANC_NOT_IN_DATE_ORDER',
  /** Two ANC contacts on one date (merge them into one contact). */
  'ANC_DUPLICATE_DATE',
  /** A later contact has an earlier trimester than the one before it. */
  'ANC_TRIMESTER_DECREASING',
  /** Trimester must be 1, 2 or 3. */
  'ANC_TRIMESTER_INVALID',
] as const;
export type MaternalRefusalCode = (typeof MATERNAL_REFUSAL_CODES)[number];
export type MaternalRefusal = Refusal<MaternalRefusalCode>;
export type MaternalChecked<T> = Checked<T, MaternalRefusalCode>;
