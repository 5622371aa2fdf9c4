import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { z } from 'zod';
import {
  CONTROL_STATUS_LABELS,
  DEFAULT_ADULT_SETTINGS,
  FOLLOW_UP_LABELS,
  RESULT_LABELS,
  resolveAdultSets,
  type ControlStatus,
  type FollowUp,
  type ResultCode,
} from '@shared/domain/adult';
import type { Label } from '@shared/domain/refusal';
import { call } from '../../lib/api';
import { contractResolver } from '../../lib/form';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';

/** The chosen reference sets (the same the main process classifies with). */
export function useAdultSets() {
  const settings = useQuery({
    queryKey: ['adult.settings.get'],
    queryFn: () => call('adult.settings.get'),
    staleTime: 60_000,
  });
  const chosen = settings.data ?? DEFAULT_ADULT_SETTINGS;
  return useMemo(() => ({ ...resolveAdultSets(chosen), settings: chosen }), [chosen]);
}

/** A bilingual domain label in the current language. */
export function useLabel() {
  const locale = useUiStore((s) => s.locale);
  return useCallback((label: Label | undefined) => (label ? label[locale] : ''), [locale]);
}

export function useResultLabel() {
  const locale = useUiStore((s) => s.locale);
  return useCallback(
    (code: ResultCode | null | undefined) => (code ? RESULT_LABELS[code][locale] : '—'),
    [locale],
  );
}

export const FOLLOW_UP_COLORS: Record<FollowUp, string> = {
  edukasi: 'teal',
  kontrol: 'yellow',
  rujuk: 'red',
};

export const CONTROL_COLORS: Record<ControlStatus, string> = {
  terkendali: 'teal',
  tidak_terkendali: 'red',
  data_kurang: 'gray',
};

export function useFollowUpLabel() {
  const locale = useUiStore((s) => s.locale);
  return useCallback((f: FollowUp) => FOLLOW_UP_LABELS[f][locale], [locale]);
}

export function useControlLabel() {
  const locale = useUiStore((s) => s.locale);
  return useCallback((s: ControlStatus) => CONTROL_STATUS_LABELS[s][locale], [locale]);
}

/** Whether the signed-in user may write (admin, petugas); a pembaca only reads. */
export function useCanWrite(): boolean {
  const role = useAuthStatus().data?.user?.role;
  return role === 'admin' || role === 'petugas';
}

export function useIsAdmin(): boolean {
  return useAuthStatus().data?.user?.role === 'admin';
}

/** After a Klaster 3 write: every adult list and card may have changed. */
export function useInvalidateAdult() {
  const client = useQueryClient();
  return useCallback(() => {
    for (const key of [
      'adult.screening.list',
      'adult.patient.list',
      'adult.lansia.list',
      'adult.person.summary',
      'adult.screening.get',
      'adult.lansia.get',
    ]) {
      void client.invalidateQueries({ queryKey: [key] });
    }
  }, [client]);
}

/**
 * A form bound to a contract schema whose blank sections are dropped first (`normalize`), so an
 * untouched "Kolesterol" is "not measured", not "required".
 */
export function useAdultForm<S extends z.ZodType>(
  schema: S,
  normalize: (values: unknown) => unknown,
  defaultValues: DefaultValues<z.input<S> & FieldValues>,
): UseFormReturn<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  const locale = useUiStore((s) => s.locale);
  const resolver = useMemo(
    () =>
      contractResolver(z.preprocess(normalize, schema) as unknown as S, locale) as Resolver<
        z.input<S> & FieldValues,
        unknown,
        z.output<S> & FieldValues
      >,
    [schema, normalize, locale],
  );
  return useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

/** True for undefined, null, '' and objects/arrays of nothing but those. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** `dd-mm-yyyy`. */
export function dmy(date: string | null | undefined): string {
  if (!date) return '—';
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** Indonesian decimal comma. */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(n).replace('.', ',');
}

/** One decimal, Indonesian comma (IMT 25,0). */
export function num1(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toFixed(1).replace('.', ',');
}
