import { SectionedPage, type PageSection } from '../../components/SectionedPage';
import { useT } from '../../lib/i18n';
import { FktpPanel, PustuPanel } from '../management/JejaringPanels';
import { KaderPanel } from '../management/KaderPanel';
import { NakesPanel } from '../management/NakesPanel';
import { SasaranPanel } from '../management/SasaranPanel';
import { DesaPanel } from './DesaPanel';
import { PosyanduPanel } from './PosyanduPanel';

/** The sections of Klaster 1 Manajemen, each at `/klaster-1<path>`. */
export const KLASTER1_SECTIONS: PageSection[] = [
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
  return <SectionedPage title={t('nav.k1')} sections={KLASTER1_SECTIONS} />;
}
