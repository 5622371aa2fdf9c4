import { describe, expect, it } from 'vitest';
import {
  NEONATAL_VISIT_RULES,
  VITAMIN_A_RULES,
  neonatalRulesOn,
  vitaminARulesOn,
} from '../../../../src-shared/domain/child-services';
import {
  STATUS_GIZI_PMK_2_2020,
  STATUS_GIZI_STANDARDS,
  statusStandardOn,
} from '../../../../src-shared/domain/growth';
import {
  DUE_LIST_RULES,
  IMMUNIZATION_SCHEDULES,
  NATIONAL_SCHEDULE,
  dueRulesOn,
  scheduleOn,
} from '../../../../src-shared/domain/immunization';
import { addDays } from '../../../../src-shared/domain/dates';

/** Each "rules on a date" picks the set from its validFrom, and the first set before it. */
describe('Klaster 2 rule sets on a date', () => {
  const cases = [
    ['status gizi', STATUS_GIZI_STANDARDS, statusStandardOn, STATUS_GIZI_PMK_2_2020],
    ['immunisation schedule', IMMUNIZATION_SCHEDULES, scheduleOn, NATIONAL_SCHEDULE],
    ['due list', DUE_LIST_RULES, dueRulesOn, DUE_LIST_RULES[0]],
    ['Vitamin A', VITAMIN_A_RULES, vitaminARulesOn, VITAMIN_A_RULES[0]],
    ['KN', NEONATAL_VISIT_RULES, neonatalRulesOn, NEONATAL_VISIT_RULES[0]],
  ] as const;

  it.each(cases)(
    '%s: in force from validFrom, first set for back-entered dates',
    (_, sets, on, first) => {
      for (const set of sets) expect(on(set.validFrom)).toBe(set);
      const earliest = [...sets].map((s) => s.validFrom).sort()[0]!;
      expect(on(addDays(earliest, -1))).toBe(first);
    },
  );
});
