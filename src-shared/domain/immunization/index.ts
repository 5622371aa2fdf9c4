/**
 * Immunisation rules for Klaster 2 (bayi, baduta, BIAS): the versioned national schedule, dose
 * validation, due lists and session targets, IDL/IRL and drop-out rates. Pure functions over
 * ISO calendar dates (`YYYY-MM-DD`); reference data is passed in, never read from settings here.
 */
export type { DoseCode, Label, Programme, Series } from './codes';
export {
  DOSE_CODES,
  DOSE_LABELS,
  SATUSEHAT_IMMUNIZATION_REASON_SYSTEM,
  SATUSEHAT_REASON,
  SERIES,
  SERIES_LABELS,
  satusehatSource,
} from './codes';
export type { AgeLimit, Duration } from './duration';
export { addDuration, formatAgeLimit, formatDuration, lastAllowedDay } from './duration';
export type { DoseRule, ImmunizationSchedule } from './schedule';
export {
  IMMUNIZATION_SCHEDULES,
  NATIONAL_SCHEDULE,
  codeOf,
  dosesInForce,
  ruleAppliesOn,
  ruleFor,
  ruleVariants,
  scheduleInForce,
  scheduleOn,
} from './schedule';
export type { DoseIssue, DoseIssueCode, DoseRecord, ProposedDose } from './validate';
export { DOSE_ISSUE_CODES, needsReason, validateDose, validateHistory } from './validate';
export type {
  DueDose,
  DueList,
  DueListRules,
  DueOptions,
  DueStatus,
  SessionChild,
  SessionTarget,
} from './due';
export { DUE_LIST_RULES, dueList, dueRulesOn, sessionTargets } from './due';
export type {
  CompletenessRequirement,
  CompletenessResult,
  CompletenessSet,
  DropOutRate,
} from './completeness';
export {
  COMPLETENESS_SETS,
  completenessSetFor,
  dropOutDpt1Dpt3,
  dropOutDpt1Mr,
  dropOutRate,
  evaluateCompleteness,
} from './completeness';
