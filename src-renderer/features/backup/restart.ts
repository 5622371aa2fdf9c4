import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { BackupRestored } from '@shared/contract';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';

/** UI state: the desktop app is about to relaunch on restored data (show nothing else). */
export const useRestartStore = create<{ restarting: boolean; setRestarting(v: boolean): void }>(
  (set) => ({ restarting: false, setRestarting: (restarting) => set({ restarting }) }),
);

/**
 * What the page does after a restore. The desktop app relaunches itself: show a calm "restarting"
 * screen until it does. The browser harness reopened the data in place and the session is gone:
 * say what happened, go to the home route and reload every query, which lands on sign-in.
 */
export function useAfterRestore() {
  const t = useT();
  const queryClient = useQueryClient();
  const setRestarting = useRestartStore((s) => s.setRestarting);
  return useCallback(
    (result: BackupRestored) => {
      if (result.restart === 'relaunch') {
        setRestarting(true);
        return;
      }
      const at = shortDateTime(result.restored.createdAt);
      notifications.show({
        color: 'teal',
        autoClose: 20_000,
        message: result.keptAside
          ? t('backup.restored', { at, keptAside: result.keptAside })
          : t('backup.restored.noAside', { at }),
      });
      window.location.hash = '#/';
      void queryClient.resetQueries();
    },
    [t, queryClient, setRestarting],
  );
}
