import { create } from 'zustand';
import type { IndicatorCluster } from '@shared/domain/indicators/types';
import { todayLocal } from '../../lib/format';
import { lastCompleteMonth } from './model';

/**
 * What the Laporan screens show, kept while the clerk opens a person card from a drill-down
 * and comes back: the month, the indicator group and the indicator charted.
 */
interface ReportsState {
  period: string;
  cluster: IndicatorCluster;
  /** Indicator code charted on the PWS view, per group. */
  charted: Partial<Record<IndicatorCluster, string>>;
  set(patch: Partial<Omit<ReportsState, 'set' | 'chart'>>): void;
  chart(cluster: IndicatorCluster, code: string): void;
}

export const useReportsState = create<ReportsState>((set) => ({
  period: lastCompleteMonth(todayLocal()),
  cluster: 'k2-ibu',
  charted: {},
  set: (patch) => set(patch),
  chart: (cluster, code) => set((s) => ({ charted: { ...s.charted, [cluster]: code } })),
}));
