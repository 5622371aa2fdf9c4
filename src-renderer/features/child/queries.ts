import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { call } from '../../lib/api';
import { useAuthStatus } from '../../lib/lookups';

/** Everything the child card shows (fresh when opened). */
export function useChildCard(personId: string) {
  return useQuery({
    queryKey: ['child.card', personId],
    queryFn: () => call('child.card', { personId }),
    staleTime: 0,
  });
}

/** Refresh what a child's record changes: the card, the register, the session grid. */
export function useRefreshChild() {
  const queryClient = useQueryClient();
  return useCallback(
    (personId: string) => {
      void queryClient.invalidateQueries({ queryKey: ['child.card', personId] });
      void queryClient.invalidateQueries({ queryKey: ['child.register'] });
      void queryClient.invalidateQueries({ queryKey: ['posyandu.session.open'] });
    },
    [queryClient],
  );
}

/** Whether the signed-in user may write (admin, petugas). */
export function useCanWrite(): boolean {
  const role = useAuthStatus().data?.user?.role;
  return role === 'admin' || role === 'petugas';
}

/**
 * Focus a screen's first field once it has opened (after the shell has moved focus to the new
 * screen's title), so the clerk can type at once.
 */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const id = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(id);
  }, []);
  return ref;
}
