import type { Locale, MessageKey, MessageParams } from '../i18n';
import { fieldLabel, translate } from '../i18n';

/** Stable error codes carried across the bridge. The renderer may branch on them. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'BAD_SENDER',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'RULE_VIOLATION',
  'INTERNAL',
  /** The database could not be opened: only `recovery.*` (and `app.info`) work. */
  'RECOVERY_MODE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field problem: `path` is the dotted input path, `field` its human label. */
export interface FieldIssue {
  path: string;
  field: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/**
 * An expected failure raised by a service (conflict, duplicate, rule violation...). The bridge
 * turns it into `{ ok: false, error }`; anything else thrown becomes `INTERNAL`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];

  constructor(code: ErrorCode, message: string, details?: AppErrorShape['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** Build an error whose message comes from the dictionary. */
  static of(
    code: ErrorCode,
    locale: Locale,
    key: MessageKey,
    params?: MessageParams,
    details?: AppErrorShape['details'],
  ): AppError {
    return new AppError(code, translate(locale, key, params), details);
  }

  /**
   * A problem with one input field found by a rule in the main process (not by the schema):
   * INVALID_INPUT (or another code) with the field named, like a schema error.
   */
  static field(
    locale: Locale,
    path: string,
    message: string,
    options: { code?: ErrorCode; extra?: Record<string, unknown> } = {},
  ): AppError {
    const field = fieldLabel(locale, path.split('.').at(-1) ?? path);
    return new AppError(options.code ?? 'INVALID_INPUT', `${field}: ${message}`, {
      ...options.extra,
      issues: [{ path, field, message }],
    });
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
