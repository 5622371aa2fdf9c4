import { addDays, addMonths } from '../dates';

/**
 * Life-cycle groups used to filter the registry (domain.md §1.3). Groups overlap (a bayi is
 * also a balita). Bounds are in completed months/years of age on `today`.
 */
export const AGE_GROUP_BOUNDS = {
  bayi: { minMonths: 0, maxMonths: 11 },
  balita: { minMonths: 0, maxMonths: 59 },
  remaja: { minMonths: 10 * 12, maxMonths: 18 * 12 + 11 },
  produktif: { minMonths: 15 * 12, maxMonths: 59 * 12 + 11 },
  lansia: { minMonths: 60 * 12, maxMonths: null },
} as const satisfies Record<string, { minMonths: number; maxMonths: number | null }>;

export type AgeGroupName = keyof typeof AGE_GROUP_BOUNDS;

/**
 * Birth dates (inclusive) of the people in a group on `today`: someone is `n` completed months
 * old when born on or before today − n months, and younger than n + 1 months when born after
 * today − (n + 1) months.
 */
export function birthDateRange(
  group: AgeGroupName,
  today: string,
): { from: string | null; to: string } {
  const { minMonths, maxMonths } = AGE_GROUP_BOUNDS[group];
  return {
    to: addMonths(today, -minMonths),
    from: maxMonths === null ? null : addDays(addMonths(today, -(maxMonths + 1)), 1),
  };
}
