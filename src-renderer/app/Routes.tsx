import { Route, Switch } from 'wouter';
import type { AuthStatus } from '@shared/contract';
import { AuditPage } from '../features/admin/AuditPage';
import { BundlePage } from '../features/bundle/BundlePage';
import { DinkesRoutes } from '../features/dinkes/DinkesRoutes';
import { UsersPage } from '../features/admin/UsersPage';
import { BackupPage } from '../features/backup/BackupPage';
import { HomePage } from '../features/home/HomePage';
import { Klaster2Page } from '../features/klaster2/Klaster2Page';
import { PendingPanel } from '../features/pending/PendingPanel';
import { Klaster3Page } from '../features/adult/Klaster3Page';
import { PersonCardPage } from '../features/persons/PersonCardPage';
import { PersonFormPage } from '../features/persons/PersonFormPage';
import { PersonsPage } from '../features/persons/PersonsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { InfoPage } from '../features/system/InfoPage';
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
      <Route path="/klaster-2" nest>
        <Klaster2Page />
      </Route>
      <Route path="/klaster-3" nest>
        <Klaster3Page />
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
      {isAdmin && <Route path="/pengaturan/cadangan" component={BackupPage} />}
      <Route path="/pengaturan/info" component={InfoPage} />
      <Route>
        <HomePage />
      </Route>
    </Switch>
  );
}
