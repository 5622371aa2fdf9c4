import { AppError } from '@shared/contract';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import { BundleError, type BundleErrorCode } from '../bundle';

/**
 * The bundle code's errors as the bridge's error values, in the clerk's language. In
 * Indonesian the bundle code's own message is used (it may carry a specific hint); in English
 * the dictionary's `bundleError.<CODE>`.
 */
export function bundleErrorMessage(error: BundleError, locale: Locale): string {
  if (locale === 'id') return error.message;
  return translate(locale, `bundleError.${error.code}` as MessageKey);
}

/**
 * Map any error of the bundle and key code to an {@link AppError}. `fields` places a code on a
 * form field (e.g. a wrong key passphrase next to the passphrase box).
 */
export function toBundleAppError(
  error: unknown,
  locale: Locale,
  fields: Partial<Record<BundleErrorCode, string>> = {},
): unknown {
  if (!(error instanceof BundleError)) return error;
  const message = bundleErrorMessage(error, locale);
  const field = fields[error.code];
  if (field) {
    return AppError.field(locale, field, message, {
      extra: { bundleCode: error.code },
    });
  }
  const base = error.toAppError();
  return new AppError(base.code, message, base.details);
}

/** Run `work`, turning bundle errors into bridge errors. */
export async function withBundleErrors<T>(
  locale: Locale,
  work: () => Promise<T>,
  fields: Partial<Record<BundleErrorCode, string>> = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toBundleAppError(error, locale, fields);
  }
}
