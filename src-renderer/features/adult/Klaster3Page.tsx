import { Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { Route, Switch } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { SectionRoutes, SectionTabs, type PageSection } from '../../components/SectionedPage';
import { useT } from '../../lib/i18n';
import { useIsAdmin } from './hooks';
import { LansiaFormPage } from './LansiaFormPage';
import { LansiaPanel } from './LansiaPanel';
import { ActionSlot } from './ListToolbar';
import { PatientPage } from './PatientPage';
import { RegisterPanel } from './RegisterPanel';
import { ScreeningFormPage } from './ScreeningFormPage';
import { ScreeningListPanel } from './ScreeningListPanel';
import { SettingsPanel } from './SettingsPanel';

const HtPanel = () => <RegisterPanel program="ht" />;
const DmPanel = () => <RegisterPanel program="dm" />;

/** The sections of Klaster 3, each at `/klaster-3<path>`. */
export const KLASTER3_SECTIONS: (PageSection & { adminOnly?: boolean })[] = [
  { path: '/', label: 'k3.tab.skrining', Panel: ScreeningListPanel },
  { path: '/hipertensi', label: 'k3.tab.ht', Panel: HtPanel },
  { path: '/diabetes', label: 'k3.tab.dm', Panel: DmPanel },
  { path: '/lansia', label: 'k3.tab.lansia', Panel: LansiaPanel },
  { path: '/pengaturan', label: 'k3.tab.settings', Panel: SettingsPanel, adminOnly: true },
];

function Sections() {
  const t = useT();
  const isAdmin = useIsAdmin();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const sections = KLASTER3_SECTIONS.filter((s) => !s.adminOnly || isAdmin);
  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.k3')} />
      <Group justify="space-between" wrap="nowrap" mt={-12}>
        <SectionTabs sections={sections} />
        <Group gap="xs" ref={setSlot} wrap="nowrap" />
      </Group>
      <ActionSlot.Provider value={slot}>
        <SectionRoutes sections={sections} />
      </ActionSlot.Provider>
    </Stack>
  );
}

/** Klaster 3 Dewasa & Lansia: lists under tabs; forms and the kontrol page on their own. */
export function Klaster3Page() {
  return (
    <Switch>
      <Route path="/skrining/baru/:personId">
        {(p) => <ScreeningFormPage personId={p.personId} />}
      </Route>
      <Route path="/skrining/:id">{(p) => <ScreeningFormPage id={p.id} />}</Route>
      <Route path="/penderita/:personId">{(p) => <PatientPage personId={p.personId} />}</Route>
      <Route path="/lansia/baru/:personId">{(p) => <LansiaFormPage personId={p.personId} />}</Route>
      <Route path="/lansia/catatan/:id">{(p) => <LansiaFormPage id={p.id} />}</Route>
      <Route>
        <Sections />
      </Route>
    </Switch>
  );
}
