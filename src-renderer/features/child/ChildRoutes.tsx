import { Route, Switch } from 'wouter';
import { ChildCardPage } from './ChildCardPage';
import { ChildRegisterPage } from './ChildRegisterPage';
import { ChildSettingsPage } from './ChildSettingsPage';
import { SasaranPage } from './SasaranPage';
import { SessionPage } from './SessionPage';
import { VitaminARoundPage } from './VitaminARoundPage';

/** Klaster 2 · Anak, nested at `/klaster-2/anak`. */
export function ChildRoutes() {
  return (
    <Switch>
      <Route path="/" component={ChildRegisterPage} />
      <Route path="/sesi" component={SessionPage} />
      <Route path="/sasaran" component={SasaranPage} />
      <Route path="/vitamin-a" component={VitaminARoundPage} />
      <Route path="/pengaturan" component={ChildSettingsPage} />
      <Route path="/:personId">{(p) => <ChildCardPage personId={p.personId} />}</Route>
    </Switch>
  );
}
