/**
 * Refusals: how a maternal rule says "this input cannot be right". Shape-compatible with the
 * bridge's `FieldIssue` (`path`, `field`, `message`) plus a stable `code`, so a service can put
 * them in `AppError('INVALID_INPUT' | 'RULE_VIOLATION', …, { issues })` unchanged.
 */

/** Stable refusal codes. The renderer and services may branch on them; never rename one. */
export const REFUSAL_CODES = [
  /** Not a real `YYYY-MM-DD` date. */
  'DATE_INVALID',
  /** Not an ISO date-time with an offset (`2026-03-01T08:30+07:00`). */
  'DATETIME_INVALID',
  /** Not a finite number. */
  'NOT_A_NUMBER',
  /** Must be a whole number. */
  'NOT_AN_INTEGER',
  /** Outside the physiologically possible range of the field. */
  'OUT_OF_RANGE',
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
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly code: RefusalCode;
  /** Input path (dotted), e.g. `visitDate`, `contacts.2.date`. */
  readonly path: string;
  /** The field's Indonesian label, e.g. `Tanggal kunjungan`. */
  readonly field: string;
  /** Indonesian message for the clerk; always starts with `field` and a colon. */
  readonly message: string;
}

/** Result of a rule that may refuse its input. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusals: readonly Refusal[] };

export function refuse(code: RefusalCode, path: string, field: string, detail: string): Refusal {
  return { code, path, field, message: `${field}: ${detail}` };
}

export function accepted<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function refused<T>(refusals: readonly Refusal[]): Checked<T> {
  return { ok: false, refusals };
}

export { formatTanggal } from '../dates';

/** Indonesian decimal comma: 23.5 → `23,5`. */
export function formatAngka(value: number): string {
  return String(value).replace('.', ',');
}
