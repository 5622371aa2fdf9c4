/**
 * Maternal (kohort ibu, persalinan, nifas, KB) rules for Klaster 2: pure functions over plain
 * values plus their reference sets. Conventions:
 * - Dates are ISO calendar dates `YYYY-MM-DD`; date-times (where hours matter: nifas, vitamin A)
 *   are ISO with an offset (`2026-03-01T08:30+07:00`).
 * - Every cut-off, schedule or code membership that the domain tags [GK] or [UNCONFIRMED] is a
 *   field of a `ReferenceSet` passed to the rule; the exported `*_DEFAULT` / named sets are the
 *   shipped values, each with its source and certainty in `source`.
 * - Clerk input that cannot be right is refused with `MaternalChecked` → `{ ok: false, refusals }`
 *   (stable `code` from `MATERNAL_REFUSAL_CODES`, `path`, and the field label and message in
 *   Indonesian and English; see `../refusal`). Malformed dates passed to the pure calculators
 *   (already-validated data) throw a `RangeError`.
 */
export * from './codes';
export * from './datetime';
export * from './plausibility';
export * from './dating';
export * from './anc';
export * from './risk';
export * from './td';
export * from './persalinan';
export * from './nifas';
export * from './kb';
export * from './records';
export * from './episode';
