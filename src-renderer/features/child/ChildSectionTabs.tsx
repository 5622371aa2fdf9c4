import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs, type SectionTab } from '../../components/SectionedPage';
import { useT } from '../../lib/i18n';

/** The sections of Klaster 2 · Anak, each at `/klaster-2/anak<path>`. */
export const CHILD_SECTIONS: SectionTab[] = [
  { path: '/', label: 'child.tab.register' },
  { path: '/sesi', label: 'child.tab.session' },
  { path: '/sasaran', label: 'child.tab.sasaran' },
  { path: '/vitamin-a', label: 'child.tab.vitaminA' },
  { path: '/pengaturan', label: 'child.tab.settings' },
];

/** The area's title and section tabs above each of its screens. */
export function ChildSectionHeader({ actions }: { actions?: ReactNode }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('child.title')} actions={actions} />
      <SectionTabs sections={CHILD_SECTIONS} mt={-8} mb="sm" />
    </>
  );
}
