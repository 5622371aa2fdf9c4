import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { HomePage } from '../features/home/HomePage';
import { PendingPanel } from '../features/pending/PendingPanel';
import { SettingsPage } from '../features/settings/SettingsPage';
import { call } from '../lib/api';
import { useUiStore } from '../stores/ui';
import { Shell } from './Shell';

export function App() {
  const setLocale = useUiStore((s) => s.setLocale);
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });

  useEffect(() => {
    if (info.data) setLocale(info.data.locale);
  }, [info.data, setLocale]);

  if (info.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Memuat…" />
      </Center>
    );
  }

  return (
    <Router hook={useHashLocation}>
      <Shell>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/penduduk">
            <PendingPanel title="nav.persons" planned="pending.persons" />
          </Route>
          <Route path="/klaster-1">
            <PendingPanel title="nav.k1" planned="pending.k1" />
          </Route>
          <Route path="/klaster-2">
            <PendingPanel title="nav.k2" planned="pending.k2" />
          </Route>
          <Route path="/klaster-3">
            <PendingPanel title="nav.k3" planned="pending.k3" />
          </Route>
          <Route path="/laporan">
            <PendingPanel title="nav.reports" planned="pending.reports" />
          </Route>
          <Route path="/kirim">
            <PendingPanel title="nav.bundle" planned="pending.bundle" />
          </Route>
          <Route path="/pengaturan" component={SettingsPage} />
          <Route>
            <HomePage />
          </Route>
        </Switch>
      </Shell>
    </Router>
  );
}
