/**
 * Structured refusals for Klaster 3 inputs. A rule never guesses around an impossible value: it
 * returns `{ ok: false, refusals }`, each refusal carrying a stable `code` the UI may branch on,
 * the input `path`, and Indonesian (and English) text that names the field first, e.g.
 * "Tekanan darah sistolik: harus antara 60 dan 300 mmHg".
 */

/** A bilingual label. `id` is the Indonesian text shown to the clerk; `en` is for English UI. */
export interface Label {
  readonly id: string;
  readonly en: string;
}

/** Stable refusal codes. Append only; never rename (they may be stored or logged). */
export const REFUSAL_CODES = [
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'OUT_OF_RANGE',
  'REQUIRED',
  'INVALID_CHOICE',
  'INVALID_DATE',
  'DATE_ORDER',
  'BP_READINGS_COUNT',
  'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC',
  'IMT_ADULT_ONLY',
  'SRQ20_ANSWER_COUNT',
  'PUMA_SMOKING_CONTRADICTION',
  'SKILAS_VISION_TEST_REQUIRED',
  'NOT_ELIGIBLE_AGE',
  'NOT_ELIGIBLE_SEX',
  'NOT_ELIGIBLE_SMOKING',
  'NOT_ELIGIBLE_DM_RISK',
  'CONTRADICTORY_ANSWERS',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly code: RefusalCode;
  /** Dotted input path, e.g. `tekananDarah.readings.1.systolic`. */
  readonly path: string;
  /** The field's label. */
  readonly field: Label;
  /** Full message, field first: `"<field>: <problem>"`. */
  readonly message: Label;
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusals: readonly Refusal[] };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function fail<T = never>(refusals: readonly Refusal[]): Checked<T> {
  return { ok: false, refusals };
}

/** Build a refusal whose message reads `"<field>: <problem>"` in both languages. */
export function refusal(code: RefusalCode, path: string, field: Label, problem: Label): Refusal {
  return {
    code,
    path,
    field,
    message: { id: `${field.id}: ${problem.id}`, en: `${field.en}: ${problem.en}` },
  };
}

/** Indonesian number text: decimal comma (`2,5`). */
export function numberId(n: number): string {
  return String(n).replace('.', ',');
}

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Unit shown in the message, e.g. `mmHg`. */
  readonly unit: string;
}

/**
 * Check one numeric input against a plausibility range (inclusive). Returns the refusals (empty
 * when the value is acceptable).
 */
export function checkNumber(
  value: unknown,
  rule: NumberRule,
  path: string,
  field: Label,
): Refusal[] {
  if (value === undefined || value === null) {
    return [refusal('REQUIRED', path, field, { id: 'wajib diisi', en: 'is required' })];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [
      refusal('NOT_A_NUMBER', path, field, { id: 'harus berupa angka', en: 'must be a number' }),
    ];
  }
  if (rule.integer && !Number.isInteger(value)) {
    return [
      refusal('NOT_AN_INTEGER', path, field, {
        id: `harus bilangan bulat (${rule.unit})`,
        en: `must be a whole number (${rule.unit})`,
      }),
    ];
  }
  if (value < rule.min || value > rule.max) {
    return [
      refusal('OUT_OF_RANGE', path, field, {
        id: `harus antara ${numberId(rule.min)} dan ${numberId(rule.max)} ${rule.unit}`,
        en: `must be between ${rule.min} and ${rule.max} ${rule.unit}`,
      }),
    ];
  }
  return [];
}

/** Check that `value` is a boolean (a yes/no answer). */
export function checkBoolean(value: unknown, path: string, field: Label): Refusal[] {
  if (value === undefined || value === null) {
    return [refusal('REQUIRED', path, field, { id: 'wajib diisi', en: 'is required' })];
  }
  if (typeof value !== 'boolean') {
    return [
      refusal('INVALID_CHOICE', path, field, {
        id: 'harus dijawab ya atau tidak',
        en: 'must be answered yes or no',
      }),
    ];
  }
  return [];
}

/** Check that `value` is one of `choices`. */
export function checkChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  path: string,
  field: Label,
): Refusal[] {
  if (value === undefined || value === null) {
    return [refusal('REQUIRED', path, field, { id: 'wajib diisi', en: 'is required' })];
  }
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    return [
      refusal('INVALID_CHOICE', path, field, {
        id: `pilihan harus salah satu dari: ${choices.join(', ')}`,
        en: `must be one of: ${choices.join(', ')}`,
      }),
    ];
  }
  return [];
}
