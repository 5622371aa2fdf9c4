import { useQuery } from '@tanstack/react-query';
import { call } from './api';

/** The wilayah kerja (desa list), cached for selects. */
export function useDesaList() {
  return useQuery({ queryKey: ['desa.list'], queryFn: () => call('desa.list'), staleTime: 60_000 });
}

/** Active posyandu, cached for selects. */
export function usePosyanduList(includeInactive = false) {
  return useQuery({
    queryKey: ['posyandu.list', includeInactive],
    queryFn: () => call('posyandu.list', { includeInactive }),
    staleTime: 60_000,
  });
}

/** Posyandu as select options, "Name — Desa" (two desa may each have a posyandu of one name). */
export function posyanduOptions(
  list: readonly { id: string; name: string; desaName: string }[] | undefined,
): { value: string; label: string }[] {
  return (list ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.desaName}` }));
}

/** The signed-in user (from the session status the app already holds). */
export function useAuthStatus() {
  return useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status') });
}
