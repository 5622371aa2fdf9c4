/**
 * Child services outside the immunisation schedule: Vitamin A capsule rounds and neonatal
 * visits (KN1–KN3, KN lengkap). Pure functions; reference data is passed in.
 */
export type {
  Capsule,
  VitaminABand,
  VitaminAExtension,
  VitaminAIssue,
  VitaminAIssueCode,
  VitaminARecord,
  VitaminAResult,
  VitaminARound,
  VitaminARules,
} from './vitamin-a';
export {
  VITAMIN_A_ISSUE_CODES,
  VITAMIN_A_RULES,
  validateVitaminA,
  vitaminARulesOn,
  vitaminABand,
  vitaminAFor,
  vitaminARoundOf,
} from './vitamin-a';
export type {
  KnLengkapResult,
  NeonatalClassification,
  NeonatalVisit,
  NeonatalVisitRules,
  NeonatalWindow,
} from './neonatal';
export {
  NEONATAL_VISIT_RULES,
  classifyNeonatalVisit,
  dayOfLife,
  elapsedMinutes,
  knLengkap,
  neonatalRulesOn,
} from './neonatal';
export {
  isoWeekday,
  sessionDayOnOrAfter,
  sessionDayOnOrBefore,
  sessionDaysInMonth,
} from './posyandu-schedule';
