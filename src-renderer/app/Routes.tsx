import { Route, Switch } from 'wouter';
import type { AuthStatus } from '@shared/contract';
import { AuditPage } from '../features/admin/AuditPage';
import { BundlePage } from '../features/bundle/BundlePage';
import { DinkesRoutes } from '../features/dinkes/DinkesRoutes';
import { UsersPage } from '../features/admin/UsersPage';
import { HomePage } from '../features/home/HomePage';
import { PendingPanel } from '../features/pending/PendingPanel';
import { PersonCardPage } from '../features/persons/PersonCardPage';
import { PersonFormPage } from '../features/persons/PersonFormPage';
import { PersonsPage } from '../features/persons/PersonsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Klaster1Page } from '../features/wilayah/Klaster1Page';

export function Routes({ status }: { status: AuthStatus }) {
  const isAdmin = status.user?.role === 'admin';
  if (status.facility?.mode === 'dinkes') return <DinkesRoutes status={status} />;
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/penduduk" component={PersonsPage} />
      <Route path="/penduduk/baru">{() => <PersonFormPage />}</Route>
      <Route path="/penduduk/:id/ubah">{(p) => <PersonFormPage id={p.id} />}</Route>
      <Route path="/penduduk/:id">{(p) => <PersonCardPage id={p.id} />}</Route>
      <Route path="/klaster-1" nest>
        <Klaster1Page />
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
      <Route path="/kirim" nest>
        <BundlePage />
      </Route>
      <Route path="/pengaturan" component={SettingsPage} />
      {isAdmin && <Route path="/pengaturan/pengguna" component={UsersPage} />}
      {isAdmin && <Route path="/pengaturan/audit" component={AuditPage} />}
      <Route>
        <HomePage />
      </Route>
    </Switch>
  );
}
