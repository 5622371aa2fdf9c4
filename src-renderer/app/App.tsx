import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { AuthStatus } from '@shared/contract';
import { LockScreen, LoginPage, MustChangePasswordPage } from '../features/auth/AuthScreens';
import { useIdleLock } from '../features/auth/useIdleLock';
import { SetupWizard } from '../features/setup/SetupWizard';
import { call, onSessionProblem } from '../lib/api';
import { useUiStore } from '../stores/ui';
import { Routes } from './Routes';
import { Shell } from './Shell';

/** Decides what the person at the keyboard sees: setup, sign-in, lock screen, or the app. */
export function App() {
  const queryClient = useQueryClient();
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
