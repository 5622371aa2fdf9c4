import { K2_INDICATORS } from './k2';
import { K3_INDICATORS } from './k3';
import { SPM_INDICATORS } from './spm';
import type { IndicatorDefinition } from './types';

export * from './types';
export { K2_INDICATORS, COVERAGE_DOSES, doseSource } from './k2';

/** Version of the indicator definitions (`MonthlyReport.definitions`). */
export const INDICATOR_SET_VERSION = '2026.1';

/** Every indicator, in report order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...K2_INDICATORS,
  ...K3_INDICATORS,
  ...SPM_INDICATORS,
];

/** An indicator by code, or undefined. */
export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((d) => d.code === code);
}
