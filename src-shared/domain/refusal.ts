/**
 * How a rule says "this input cannot be right", for every area of the domain. A rule never guesses
 * around an impossible value: it returns `{ ok: false, refusals }`, each refusal carrying a stable
 * `code` the UI may branch on, the input `path`, and Indonesian and English text that names the
 * field first, e.g. "Tekanan darah sistolik: harus antara 60 dan 300 mmHg".
 *
 * Each area keeps its own code list next to its rules (`Refusal<MaternalRefusalCode>`), starting
 * with `GENERIC_REFUSAL_CODES`, the codes of the checkers below. A rule break that may still be
 * saved with a reason is an `Issue`, not a refusal: same field and message, plus a `severity`.
 * `toFieldIssues` turns either into the bridge's `FieldIssue`s in the user's language.
 */
import type { FieldIssue } from '../contract/errors';
import type { Locale } from '../i18n';
import { isIsoDate } from './dates';

/** A bilingual text. `id` is the Indonesian shown to the clerk (the default); `en` is English. */
export interface Label {
  readonly id: string;
  readonly en: string;
}

/** Codes of the generic checkers. Append only; never rename (they may be stored or logged). */
export const GENERIC_REFUSAL_CODES = [
  'REQUIRED',
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'OUT_OF_RANGE',
  'INVALID_CHOICE',
  'INVALID_DATE',
] as const;
export type GenericRefusalCode = (typeof GENERIC_REFUSAL_CODES)[number];

/** One problem with one input field, as both refusals and issues carry it. */
export interface FieldProblem<C extends string = string> {
  readonly code: C;
  /** Dotted input path, e.g. `tekananDarah.readings.1.systolic`, `contacts.2.date`. */
  readonly path: string;
  /** The field's label. */
  readonly field: Label;
  /** Full message, field first: `"<field>: <problem>"` in each language. */
  readonly message: Label;
}

/** Input the rule cannot accept: nothing is computed from it. */
export type Refusal<C extends string = string> = FieldProblem<C>;

/**
 * A rule break that may be saved with a reason (`'break'`), or a notice that needs nothing
 * (`'notice'`): the record is kept, unlike a refused input.
 */
export interface Issue<
  C extends string = string,
  S extends IssueSeverity = IssueSeverity,
> extends FieldProblem<C> {
  readonly severity: S;
}
export type IssueSeverity = 'break' | 'notice';

/** Result of a rule that may refuse its input. */
export type Checked<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusals: readonly Refusal<C>[] };

export function ok<T, C extends string = never>(value: T): Checked<T, C> {
  return { ok: true, value };
}

export function fail<T = never, C extends string = string>(
  refusals: readonly Refusal<C>[],
): Checked<T, C> {
  return { ok: false, refusals };
}

function fieldMessage(field: Label, problem: Label): Label {
  return { id: `${field.id}: ${problem.id}`, en: `${field.en}: ${problem.en}` };
}

/** Build a refusal whose message reads `"<field>: <problem>"` in both languages. */
export function refusal<C extends string>(
  code: C,
  path: string,
  field: Label,
  problem: Label,
): Refusal<C> {
  return { code, path, field, message: fieldMessage(field, problem) };
}

/**
 * Build an issue whose message reads `"<field>: <problem>"` in both languages. Its `path` keeps
 * its literal type, so an area may name the only paths its issues use.
 */
export function issue<C extends string, S extends IssueSeverity, P extends string>(
  code: C,
  severity: S,
  path: P,
  field: Label,
  problem: Label,
): Issue<C, S> & { readonly path: P } {
  return { code, severity, path, field, message: fieldMessage(field, problem) };
}

/**
 * Refusals or issues as the bridge's `FieldIssue`s in `locale`, ready for
 * `AppError('INVALID_INPUT', summariseIssues(issues), { issues })`. Like the schema's issues, the
 * `message` there is the problem alone (`summariseIssues` and `AppError.field` put the field first).
 */
export function toFieldIssues(problems: readonly FieldProblem[], locale: Locale): FieldIssue[] {
  return problems.map((p) => {
    const field = p.field[locale];
    const message = p.message[locale];
    const prefix = `${field}: `;
    return {
      path: p.path,
      field,
      message: message.startsWith(prefix) ? message.slice(prefix.length) : message,
    };
  });
}

/** Indonesian number text: decimal comma (`2,5`). */
export function formatNumberId(n: number): string {
  return String(n).replace('.', ',');
}

/** A number (and unit) in both languages: `2,5 g/dL` / `2.5 g/dL`. */
export function numberLabel(n: number, unit?: string | Label): Label {
  const u = typeof unit === 'string' ? { id: unit, en: unit } : unit;
  return {
    id: u?.id ? `${formatNumberId(n)} ${u.id}` : formatNumberId(n),
    en: u?.en ? `${n} ${u.en}` : String(n),
  };
}

export interface NumberRule {
  /** Inclusive bounds: `min` and `max` themselves are accepted. */
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Unit shown after the bounds; a plain string reads the same in both languages (`mmHg`). */
  readonly unit?: string | Label;
  /** How a bound reads when "number unit" does not fit (a gestational age in weeks and days). */
  readonly show?: (n: number) => Label;
}

const REQUIRED: Label = { id: 'wajib diisi', en: 'is required' };

/**
 * A missing value (`undefined`, `null`) is `REQUIRED`; a present one is refused with `code` and
 * `problem` unless `valid(value)`.
 */
function check(
  value: unknown,
  path: string,
  field: Label,
  valid: (value: unknown) => boolean,
  code: GenericRefusalCode,
  problem: Label,
): Refusal<GenericRefusalCode>[] {
  if (value === undefined || value === null) return [refusal('REQUIRED', path, field, REQUIRED)];
  return valid(value) ? [] : [refusal(code, path, field, problem)];
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
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
): Refusal<GenericRefusalCode>[] {
  if (!isFiniteNumber(value)) {
    return check(value, path, field, isFiniteNumber, 'NOT_A_NUMBER', {
      id: 'harus berupa angka',
      en: 'must be a number',
    });
  }
  const unit = typeof rule.unit === 'string' ? { id: rule.unit, en: rule.unit } : rule.unit;
  if (rule.integer && !Number.isInteger(value)) {
    return [
      refusal('NOT_AN_INTEGER', path, field, {
        id: unit?.id ? `harus bilangan bulat (${unit.id})` : 'harus bilangan bulat',
        en: unit?.en ? `must be a whole number (${unit.en})` : 'must be a whole number',
      }),
    ];
  }
  if (value < rule.min || value > rule.max) {
    const show = rule.show;
    const [min, max] = show
      ? [show(rule.min), show(rule.max)]
      : [numberLabel(rule.min), numberLabel(rule.max, unit)];
    return [
      refusal('OUT_OF_RANGE', path, field, {
        id: `harus antara ${min.id} dan ${max.id}`,
        en: `must be between ${min.en} and ${max.en}`,
      }),
    ];
  }
  return [];
}

/** Check that `value` is a boolean (a yes/no answer). */
export function checkBoolean(
  value: unknown,
  path: string,
  field: Label,
): Refusal<GenericRefusalCode>[] {
  return check(value, path, field, (v) => typeof v === 'boolean', 'INVALID_CHOICE', {
    id: 'harus dijawab ya atau tidak',
    en: 'must be answered yes or no',
  });
}

/** Check that `value` is one of `choices`. */
export function checkChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  path: string,
  field: Label,
): Refusal<GenericRefusalCode>[] {
  const isChoice = (v: unknown) =>
    typeof v === 'string' && (choices as readonly string[]).includes(v);
  return check(value, path, field, isChoice, 'INVALID_CHOICE', {
    id: `pilihan harus salah satu dari: ${choices.join(', ')}`,
    en: `must be one of: ${choices.join(', ')}`,
  });
}

/** Check that `value` is a real calendar date written `YYYY-MM-DD`. */
export function checkDate(
  value: unknown,
  path: string,
  field: Label,
): Refusal<GenericRefusalCode>[] {
  const isDate = (v: unknown) => typeof v === 'string' && isIsoDate(v);
  return check(value, path, field, isDate, 'INVALID_DATE', {
    id: 'bukan tanggal yang valid (YYYY-MM-DD)',
    en: 'is not a valid date (YYYY-MM-DD)',
  });
}
