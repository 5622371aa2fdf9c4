import {
  IconBuildingCommunity,
  IconBuildingHospital,
  IconChartBar,
  IconInbox,
  IconTable,
  IconFileAnalytics,
  IconHome,
  IconSend,
  IconSettings,
  IconUsers,
  IconUserHeart,
  IconBabyCarriage,
  type Icon,
} from '@tabler/icons-react';
import type { FacilityMode } from '@shared/contract';
import type { MessageKey } from '@shared/i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: Icon;
}

/** The sidebar, by ILP area. Alt+1…Alt+8 jump to the items in this order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: IconHome },
  { path: '/penduduk', label: 'nav.persons', icon: IconUsers },
  { path: '/klaster-1', label: 'nav.k1', icon: IconBuildingCommunity },
  { path: '/klaster-2', label: 'nav.k2', icon: IconBabyCarriage },
  { path: '/klaster-3', label: 'nav.k3', icon: IconUserHeart },
  { path: '/laporan', label: 'nav.reports', icon: IconFileAnalytics },
  { path: '/kirim', label: 'nav.bundle', icon: IconSend },
  { path: '/pengaturan', label: 'nav.settings', icon: IconSettings },
];

/**
 * The sidebar of a Dinkes (district) installation: receiving bundles and the district views
 * instead of the puskesmas registers. Alt+1…Alt+6 in this order.
 */
export const DINKES_NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: IconHome },
  { path: '/terima', label: 'nav.dinkes.import', icon: IconInbox },
  { path: '/puskesmas', label: 'nav.dinkes.puskesmas', icon: IconBuildingHospital },
  { path: '/kelengkapan', label: 'nav.dinkes.completeness', icon: IconTable },
  { path: '/rekap', label: 'nav.dinkes.recap', icon: IconChartBar },
  { path: '/pengaturan', label: 'nav.settings', icon: IconSettings },
];

/** The menu for the facility's mode (set once by the first-run wizard). */
export function navItemsFor(mode: FacilityMode | undefined): readonly NavItem[] {
  return mode === 'dinkes' ? DINKES_NAV_ITEMS : NAV_ITEMS;
}
