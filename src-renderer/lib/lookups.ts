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

/** The signed-in user (from the session status the app already holds). */
export function useAuthStatus() {
  return useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status') });
}
