import { Stack, Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';
import { FktpPanel, PustuPanel } from '../management/JejaringPanels';
import { KaderPanel } from '../management/KaderPanel';
import { NakesPanel } from '../management/NakesPanel';
import { SasaranPanel } from '../management/SasaranPanel';
import { DesaPanel } from './DesaPanel';
import { PosyanduPanel } from './PosyanduPanel';

/** The sections of Klaster 1 Manajemen, each at `/klaster-1<path>`. */
export const KLASTER1_SECTIONS: { path: string; label: MessageKey; Panel: ComponentType }[] = [
  { path: '/', label: 'k1.tab.wilayah', Panel: DesaPanel },
  { path: '/posyandu', label: 'k1.tab.posyandu', Panel: PosyanduPanel },
  { path: '/sasaran', label: 'k1.tab.sasaran', Panel: SasaranPanel },
  { path: '/sdm', label: 'k1.tab.sdm', Panel: NakesPanel },
  { path: '/kader', label: 'k1.tab.kader', Panel: KaderPanel },
  { path: '/pustu', label: 'k1.tab.pustu', Panel: PustuPanel },
  { path: '/fktp', label: 'k1.tab.fktp', Panel: FktpPanel },
];

export function Klaster1Page() {
  const t = useT();
  const [location, navigate] = useLocation();
  const current = KLASTER1_SECTIONS.find((s) => s.path === location) ?? KLASTER1_SECTIONS[0]!;
  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.k1')} />
      <Tabs value={current.path} onChange={(v) => v && navigate(v)}>
        <Tabs.List>
          {KLASTER1_SECTIONS.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Switch>
        {KLASTER1_SECTIONS.map((s) => (
          <Route key={s.path} path={s.path} component={s.Panel} />
        ))}
      </Switch>
    </Stack>
  );
}
