import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';

/** The sections of Klaster 2 · Anak, each at `/klaster-2/anak<path>`. */
export const CHILD_SECTIONS: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'child.tab.register' },
  { path: '/sesi', label: 'child.tab.session' },
  { path: '/sasaran', label: 'child.tab.sasaran' },
  { path: '/vitamin-a', label: 'child.tab.vitaminA' },
  { path: '/pengaturan', label: 'child.tab.settings' },
];

/** The area's title and section tabs above each of its screens. */
export function ChildSectionHeader({ actions }: { actions?: ReactNode }) {
  const t = useT();
  const [location, navigate] = useLocation();
  const current = CHILD_SECTIONS.find((s) => s.path === location)?.path ?? '/';
  return (
    <>
      <PageHeader title={t('child.title')} actions={actions} />
      <Tabs value={current} onChange={(v) => v && navigate(v)} mt={-8} mb="sm">
        <Tabs.List>
          {CHILD_SECTIONS.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  );
}
