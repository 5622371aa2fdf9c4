import { Stack, Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { PuskesmasKeysPanel } from './KeysPanel';

/** "Kirim ke Dinkes", each section at `/kirim<path>`. */
export const BUNDLE_SECTIONS: { path: string; label: MessageKey; Panel: ComponentType }[] = [
  { path: '/', label: 'bundle.tab.send', Panel: ExportPanel },
  { path: '/riwayat', label: 'bundle.tab.history', Panel: HistoryPanel },
  { path: '/kunci', label: 'bundle.tab.keys', Panel: PuskesmasKeysPanel },
];

export function BundlePage() {
  const t = useT();
  const [location, navigate] = useLocation();
  const current = BUNDLE_SECTIONS.find((s) => s.path === location) ?? BUNDLE_SECTIONS[0]!;
  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.bundle')} />
      <Tabs value={current.path} onChange={(v) => v && navigate(v)}>
        <Tabs.List>
          {BUNDLE_SECTIONS.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Switch>
        {BUNDLE_SECTIONS.map((s) => (
          <Route key={s.path} path={s.path} component={s.Panel} />
        ))}
      </Switch>
    </Stack>
  );
}
