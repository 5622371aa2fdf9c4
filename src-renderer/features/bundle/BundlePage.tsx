import { SectionedPage, type PageSection } from '../../components/SectionedPage';
import { useT } from '../../lib/i18n';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { PuskesmasKeysPanel } from './KeysPanel';

/** "Kirim ke Dinkes", each section at `/kirim<path>`. */
export const BUNDLE_SECTIONS: PageSection[] = [
  { path: '/', label: 'bundle.tab.send', Panel: ExportPanel },
  { path: '/riwayat', label: 'bundle.tab.history', Panel: HistoryPanel },
  { path: '/kunci', label: 'bundle.tab.keys', Panel: PuskesmasKeysPanel },
];

export function BundlePage() {
  const t = useT();
  return <SectionedPage title={t('nav.bundle')} sections={BUNDLE_SECTIONS} />;
}
