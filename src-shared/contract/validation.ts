import type { z } from 'zod';
import { fieldLabel, isMessageKey, translate, type Locale, type MessageParams } from '../i18n';
import type { FieldIssue } from './errors';

type Issue = z.core.$ZodIssue;

function numberText(value: unknown): string {
  return typeof value === 'bigint' || typeof value === 'number' ? String(value) : String(value);
}

/** Parse options for every contract schema: keep the input on issues to tell "missing". */
export const PARSE_OPTIONS = { reportInput: true } as const;

/**
 * A clerk-readable message for one zod issue, without the field label. Schemas may carry a
 * dictionary key as their custom message (`{ error: 'validation.nik.digits' }`); it is translated
 * here, with the issue's own numbers (`minimum`, `maximum`) available as `{min}`/`{max}`.
 */
export function describeIssue(issue: Issue, locale: Locale): string {
  const params: MessageParams = {};
  if ('minimum' in issue) params.min = numberText(issue.minimum);
  if ('maximum' in issue) params.max = numberText(issue.maximum);
  if (issue.message && isMessageKey(issue.message)) return translate(locale, issue.message, params);
  // Parse with `reportInput: true` so a missing value reads "wajib diisi" whatever the schema.
  const missing = 'input' in issue && (issue.input === undefined || issue.input === null);
  if (missing && issue.code !== 'unrecognized_keys')
    return translate(locale, 'validation.required');

  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return translate(locale, 'validation.integer');
      }
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') {
        return translate(locale, 'validation.type.number');
      }
      if (issue.expected === 'string') return translate(locale, 'validation.type.string');
      if (issue.expected === 'boolean') return translate(locale, 'validation.type.boolean');
      if (issue.expected === 'date') return translate(locale, 'validation.type.date');
      return translate(locale, 'validation.type.other');
    }
    case 'invalid_value':
    case 'invalid_union':
      return translate(locale, 'validation.choice');
    case 'too_small': {
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? translate(locale, 'validation.required')
          : translate(locale, 'validation.min.string', params);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return translate(locale, 'validation.min.array', params);
      }
      return translate(
        locale,
        issue.inclusive === false ? 'validation.min.exclusive' : 'validation.min.number',
        params,
      );
    }
    case 'too_big': {
      if (issue.origin === 'string') return translate(locale, 'validation.max.string', params);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return translate(locale, 'validation.max.array', params);
      }
      return translate(
        locale,
        issue.inclusive === false ? 'validation.max.exclusive' : 'validation.max.number',
        params,
      );
    }
    case 'not_multiple_of':
      return translate(locale, 'validation.integer');
    case 'invalid_format':
      if (issue.format === 'date') return translate(locale, 'validation.format.date');
      if (issue.format === 'email') return translate(locale, 'validation.format.email');
      return translate(locale, 'validation.format');
    case 'unrecognized_keys':
      return translate(locale, 'validation.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return issue.message || translate(locale, 'validation.invalid');
  }
}

/** The label of the field an issue points at, with the row number for list inputs. */
export function issueField(
  issue: Pick<Issue, 'path' | 'code'> & { keys?: string[] },
  locale: Locale,
): string {
  const path = issue.path;
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  const rowIndex = path.find((p): p is number => typeof p === 'number');
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
  const name = last ?? unknownKey ?? 'input';
  const label = fieldLabel(locale, name);
  if (rowIndex === undefined) return label;
  return locale === 'id' ? `Baris ${rowIndex + 1}, ${label}` : `Row ${rowIndex + 1}, ${label}`;
}

export function toFieldIssues(issues: readonly Issue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    field: issueField(issue, locale),
    message: describeIssue(issue, locale),
  }));
}

/** "NIK: harus 16 digit" — the message shown when a whole request is refused. */
export function summariseIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return '';
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return `${first.field}: ${first.message}${more}`;
}
