import { Route, Switch } from 'wouter';
import { AncFormPage } from './AncFormPage';
import { DeliveryFormPage } from './DeliveryFormPage';
import { IbuPage } from './IbuPage';
import { KbFormPage } from './KbFormPage';
import { NifasFormPage } from './NifasFormPage';
import { PregnancyCardPage } from './PregnancyCardPage';
import { PregnancyFormPage } from './PregnancyFormPage';

/** Every screen under `/klaster-2/ibu` (paths here are relative to it). */
export function IbuRoutes() {
  return (
    <Switch>
      <Route path="/kehamilan/baru">{() => <PregnancyFormPage />}</Route>
      <Route path="/kehamilan/:id/ubah">{(p) => <PregnancyFormPage id={p.id} />}</Route>
      <Route path="/kehamilan/:id/anc/baru">{(p) => <AncFormPage pregnancyId={p.id} />}</Route>
      <Route path="/kehamilan/:id/anc/:cid">
        {(p) => <AncFormPage pregnancyId={p.id} contactId={p.cid} />}
      </Route>
      <Route path="/kehamilan/:id/persalinan">
        {(p) => <DeliveryFormPage pregnancyId={p.id} />}
      </Route>
      <Route path="/kehamilan/:id/nifas/baru">{(p) => <NifasFormPage pregnancyId={p.id} />}</Route>
      <Route path="/kehamilan/:id/nifas/:nid">
        {(p) => <NifasFormPage pregnancyId={p.id} visitId={p.nid} />}
      </Route>
      <Route path="/kehamilan/:id">{(p) => <PregnancyCardPage id={p.id} />}</Route>
      <Route path="/kb/:personId/baru">{(p) => <KbFormPage personId={p.personId} />}</Route>
      <Route path="/kb/:personId/:kid">
        {(p) => <KbFormPage personId={p.personId} visitId={p.kid} />}
      </Route>
      <Route>
        <IbuPage />
      </Route>
    </Switch>
  );
}
