import { useMemo } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue, PARSE_OPTIONS, type AppErrorShape } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { useUiStore } from '../stores/ui';

/** A blank input means "not given": '' becomes undefined before the schema sees it. */
function blanksToUndefined(value: unknown): unknown {
  if (value === '') return undefined;
  if (Array.isArray(value)) return value.map(blanksToUndefined);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blanksToUndefined(v)]));
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: (string | number)[], error: unknown) {
  let node = target;
  path.forEach((key, i) => {
    const k = String(key);
    if (i === path.length - 1) {
      if (!(k in node)) node[k] = error;
    } else {
      node[k] = (node[k] as Record<string, unknown> | undefined) ?? {};
      node = node[k] as Record<string, unknown>;
    }
  });
}

/**
 * A react-hook-form resolver from a contract schema: the form validates with exactly the rules
 * the main process applies, and shows the same messages in the clerk's language.
 */
export function contractResolver<S extends z.ZodType>(
  schema: S,
  locale: Locale,
): Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  return async (values) => {
    const parsed = schema.safeParse(blanksToUndefined(values), PARSE_OPTIONS);
    if (parsed.success) return { values: parsed.data as z.output<S> & FieldValues, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      setPath(errors, issue.path.length > 0 ? (issue.path as (string | number)[]) : ['root'], {
        type: issue.code,
        message: describeIssue(issue, locale),
      });
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S> & FieldValues> };
  };
}

/** `useForm` bound to a contract schema and the current language. */
export function useContractForm<S extends z.ZodType>(
  schema: S,
  defaultValues: DefaultValues<z.input<S> & FieldValues>,
): UseFormReturn<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  const locale = useUiStore((s) => s.locale);
  const resolver = useMemo(() => contractResolver(schema, locale), [schema, locale]);
  return useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({
    resolver,
    defaultValues,
    // Errors appear when the clerk tries to save (or go to the next step), then follow typing.
    // Validating on blur shifts the layout under the pointer and swallows clicks.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

/**
 * Put the field problems the main process found (a rule, a duplicate) next to their fields.
 * Returns the message when no field could take it, for a banner.
 */
export function applyServerError<T extends FieldValues>(
  form: Pick<UseFormReturn<T, unknown, FieldValues>, 'setError'>,
  error: AppErrorShape,
  prefix = '',
): string | null {
  const issues = error.details?.issues ?? [];
  let placed = false;
  for (const issue of issues) {
    const path =
      prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    if (!path) continue;
    form.setError(
      path as Path<T>,
      { type: 'server', message: issue.message },
      { shouldFocus: !placed },
    );
    placed = true;
  }
  return placed ? null : error.message;
}
