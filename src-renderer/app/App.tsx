import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AppError, type AuthStatus } from '@shared/contract';
import { LockScreen, LoginPage, MustChangePasswordPage } from '../features/auth/AuthScreens';
import { useIdleLock } from '../features/auth/useIdleLock';
import { useRestartStore } from '../features/backup/restart';
import { SetupWizard } from '../features/setup/SetupWizard';
import { RecoveryGate } from '../features/system/RecoveryScreen';
import { call, onSessionProblem } from '../lib/api';
import { useT } from '../lib/i18n';
import { useUiStore } from '../stores/ui';
import { Routes } from './Routes';
import { Shell } from './Shell';

/** The desktop app is relaunching itself on restored data. */
function Restarting() {
  const t = useT();
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text role="status">{t('backup.restarting')}</Text>
      </Stack>
    </Center>
  );
}

/**
 * Decides what the person at the keyboard sees: the recovery screen (the database cannot be
 * opened), setup, sign-in, lock screen, or the app.
 */
export function App() {
  const t = useT();
  const queryClient = useQueryClient();
  const restarting = useRestartStore((s) => s.restarting);
  const setLocale = useUiStore((s) => s.setLocale);
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
  const status = useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status') });

  useEffect(() => {
    if (info.data) setLocale(info.data.locale);
  }, [info.data, setLocale]);

  useEffect(
    () => onSessionProblem(() => void queryClient.invalidateQueries({ queryKey: ['auth.status'] })),
    [queryClient],
  );

  const setStatus = useCallback(
    (next: AuthStatus) => queryClient.setQueryData(['auth.status'], next),
    [queryClient],
  );
  const s = status.data;
  const signedIn = !!s?.user && !s.locked;
  useIdleLock(s?.idleLockMinutes ?? 15, signedIn, setStatus);

  if (restarting) return <Restarting />;
  if (status.error instanceof AppError && status.error.code === 'RECOVERY_MODE') {
    return <RecoveryGate />;
  }
  if (status.isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Alert color="red" title={t('error.title')} role="alert">
            {status.error.message}
          </Alert>
          <Button onClick={() => void status.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!s || info.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Memuat…" />
      </Center>
    );
  }
  if (!s.facility) return <SetupWizard />;
  if (!s.user) return <LoginPage status={s} />;
  if (s.locked) return <LockScreen status={s} />;
  if (s.user.mustChangePassword) return <MustChangePasswordPage status={s} />;

  return (
    <Router hook={useHashLocation}>
      <Shell status={s}>
        <Routes status={s} />
      </Shell>
    </Router>
  );
}
