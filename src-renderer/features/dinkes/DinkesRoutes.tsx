import { Route, Switch } from 'wouter';
import type { AuthStatus } from '@shared/contract';
import { AuditPage } from '../admin/AuditPage';
import { UsersPage } from '../admin/UsersPage';
import { CompletenessPage } from './CompletenessPage';
import { DinkesHomePage } from './DinkesHomePage';
import { DinkesSettingsPage } from './DinkesSettingsPage';
import { ImportPage } from './ImportPage';
import { PuskesmasPage } from './PuskesmasPage';
import { RecapPage } from './RecapPage';

/** The screens of a Dinkes installation (the menu is `DINKES_NAV_ITEMS`). */
export function DinkesRoutes({ status }: { status: AuthStatus }) {
  const isAdmin = status.user?.role === 'admin';
  return (
    <Switch>
      <Route path="/" component={DinkesHomePage} />
      <Route path="/terima" component={ImportPage} />
      <Route path="/puskesmas" component={PuskesmasPage} />
      <Route path="/kelengkapan" component={CompletenessPage} />
      <Route path="/rekap" component={RecapPage} />
      <Route path="/pengaturan" component={DinkesSettingsPage} />
      {isAdmin && <Route path="/pengaturan/pengguna" component={UsersPage} />}
      {isAdmin && <Route path="/pengaturan/audit" component={AuditPage} />}
      <Route>
        <DinkesHomePage />
      </Route>
    </Switch>
  );
}
