/**
 * Klaster 3 (dewasa dan lansia): PTM screening cut-offs, questionnaires (SRQ-20, PUMA), elderly
 * screening (SKILAS, Barthel ADL), eligibility, the screening result card, and HT/DM follow-up.
 *
 * Every cut-off table is a `ReferenceSet` value passed into its rule; alternative tables are
 * separate sets. Impossible input is refused with a structured `Refusal` (stable code, field-named
 * Indonesian/English message; see `../refusal`), never classified. Pure functions, no I/O.
 */
export * from './codes';
export { bandFor, roundHalfUp, type Band } from './bands';
export * from './blood-pressure';
export * from './glucose';
export * from './imt';
export * from './risk-factors';
export * from './srq20';
export * from './puma';
export * from './eligibility';
export * from './skilas';
export * from './barthel';
export * from './follow-up';
export * from './history-cancer';
export * from './registers';
export * from './result-card';
export * from './settings';
