/**
 * IDL (Imunisasi Dasar Lengkap) and IRL (Imunisasi Rutin Lengkap) as configurable dose sets
 * with validity periods, and drop-out rates for the monthly indicators (domain §5.4).
 *
 * Attribution: a child counts in the month the status is achieved, i.e. the date of the last
 * required dose (domain §5.8 rule 4). A dose recorded with a rule break (saved with a reason)
 * still counts; a required dose given after its deadline does not.
 */
import type { ReferenceSet } from '../reference';
import { inForce } from '../reference';
import { monthOf } from '../dates';
import type { DoseCode } from './codes';
import type { AgeLimit } from './duration';
import { lastAllowedDay } from './duration';
import type { DoseRecord } from './validate';
import { firstByCode } from './validate';

export interface CompletenessRequirement {
  readonly code: DoseCode;
  /** The dose counts only when given on or before this age limit. */
  readonly by: AgeLimit;
}

export interface CompletenessSet extends ReferenceSet {
  readonly kind: 'IDL' | 'IRL';
  readonly requirements: readonly CompletenessRequirement[];
}

/** "0–11 bulan": by the day before the first birthday (so 11 months 29 days, and 11 months 30 days where that day exists). */
const BY_12_MONTHS: AgeLimit = { before: { months: 12 } };
/** Baduta: by the day before the second birthday. */
const BY_24_MONTHS: AgeLimit = { before: { months: 24 } };

const IDL_CODES: readonly DoseCode[] = [
  'HB0',
  'BCG',
  'DPT_HB_HIB1',
  'DPT_HB_HIB2',
  'DPT_HB_HIB3',
  'OPV1',
  'OPV2',
  'OPV3',
  'OPV4',
  'IPV1',
  'MR1',
];

/**
 * Shipped sets. Whether PCV, RV or IPV2 count toward IDL/IRL is not confirmed (domain §9): a
 * Dinkes that counts them adds a set with its own `validFrom`.
 */
export const COMPLETENESS_SETS: readonly CompletenessSet[] = [
  {
    id: 'idl.klasik',
    title:
      'Imunisasi Dasar Lengkap (HB0, BCG, DPT-HB-Hib 3×, OPV 4×, IPV 1×, MR 1×; umur 0–11 bulan)',
    kind: 'IDL',
    validFrom: '2017-01-01',
    source: 'classic IDL definition [GK] (domain §2.9); complete before 12 months (§5.4)',
    requirements: IDL_CODES.map((code) => ({ code, by: BY_12_MONTHS })),
  },
  {
    id: 'irl.2023',
    title: 'Imunisasi Rutin Lengkap (IDL + DPT-HB-Hib 4 dan MR2; sampai umur 23 bulan)',
    kind: 'IRL',
    validFrom: '2023-01-01',
    source:
      'IRL reported from 2023, IDL plus baduta boosters [S: domain §2.9]; basic doses by 12 months and boosters by 24 months [UNCONFIRMED]',
    requirements: [
      ...IDL_CODES.map((code) => ({ code, by: BY_12_MONTHS })),
      { code: 'DPT_HB_HIB4', by: BY_24_MONTHS },
      { code: 'MR2', by: BY_24_MONTHS },
    ],
  },
];

/** The IDL or IRL set in force on `date` (ISO; usually the report date). */
export function completenessSetFor(
  sets: readonly CompletenessSet[],
  kind: CompletenessSet['kind'],
  date: string,
): CompletenessSet | undefined {
  return inForce(
    sets.filter((s) => s.kind === kind),
    date,
  );
}

export interface CompletenessResult {
  readonly setId: string;
  readonly complete: boolean;
  /** Date of the last required dose, when complete: the attribution date. */
  readonly achievedOn?: string;
  /** `YYYY-MM` of `achievedOn`: the report month. */
  readonly achievedMonth?: string;
  /** Required doses not recorded by `asOf`. */
  readonly missing: DoseCode[];
  /** Required doses recorded after their deadline. */
  readonly late: DoseCode[];
  /** Not complete yet, but every missing dose can still be given before its deadline. */
  readonly canStillComplete: boolean;
}

/**
 * Whether a child born on `birthDate` is complete for `set`, counting doses given on or before
 * `asOf` (the end of the report period).
 */
export function evaluateCompleteness(
  birthDate: string,
  history: readonly DoseRecord[],
  set: CompletenessSet,
  asOf: string,
): CompletenessResult {
  const given = firstByCode(history.filter((r) => r.date <= asOf));
  const missing: DoseCode[] = [];
  const late: DoseCode[] = [];
  let achievedOn: string | undefined;
  let canStillComplete = true;
  for (const req of set.requirements) {
    const deadline = lastAllowedDay(birthDate, req.by);
    const record = given.get(req.code);
    if (!record) {
      missing.push(req.code);
      if (deadline <= asOf) canStillComplete = false;
    } else if (record.date > deadline) {
      late.push(req.code);
      canStillComplete = false;
    } else if (achievedOn === undefined || record.date > achievedOn) {
      achievedOn = record.date;
    }
  }
  const complete = missing.length === 0 && late.length === 0;
  return {
    setId: set.id,
    complete,
    ...(complete && achievedOn ? { achievedOn, achievedMonth: monthOf(achievedOn) } : {}),
    missing,
    late,
    canStillComplete: !complete && canStillComplete,
  };
}

/** A drop-out rate: a percentage, or "no data" when the first dose count is 0. */
export type DropOutRate =
  { readonly kind: 'rate'; readonly percent: number } | { readonly kind: 'no-data' };

/**
 * Drop-out (a − b) ÷ a × 100 between a first-dose count `a` and a later-dose count `b`
 * (domain §5.4; target < 5% [GK]). `a = 0` gives `no-data`, never 0. The result is not rounded
 * and is negative when b > a (more later doses than first doses: a data or catch-up artefact
 * the report should show, not hide).
 */
export function dropOutRate(first: number, later: number): DropOutRate {
  for (const n of [first, later]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a count: ${n}`);
  }
  if (first === 0) return { kind: 'no-data' };
  return { kind: 'rate', percent: ((first - later) / first) * 100 };
}

/** Drop-out DPT-HB-Hib 1 → DPT-HB-Hib 3, from dose counts in the period. */
export function dropOutDpt1Dpt3(dpt1: number, dpt3: number): DropOutRate {
  return dropOutRate(dpt1, dpt3);
}

/** Drop-out DPT-HB-Hib 1 → MR (first dose, MR1), from dose counts in the period. */
export function dropOutDpt1Mr(dpt1: number, mr1: number): DropOutRate {
  return dropOutRate(dpt1, mr1);
}
