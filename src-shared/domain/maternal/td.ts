/**
 * Td (tetanus–difteri, formerly TT) status T0–T5 for WUS and pregnant women, derived from the dose
 * dates, never stored on its own (domain.md §2.3 [S: Kemenkes Ditjen P2P slide]):
 * T2 ≥ 4 weeks after T1 (3 years' protection), T3 ≥ 6 months after T2 (5 years), T4 ≥ 1 year after
 * T3 (10 years), T5 ≥ 1 year after T4 (> 25 years).
 *
 * Interval arithmetic: "4 weeks" = 28 days (27 days is too early); "6 months" and "1 year" are
 * calendar months via `addMonths` (T2 on 31 August → T3 from 28/29 February). A dose given too
 * early is flagged with the reason and not counted; the next interval is measured from the last
 * *counted* dose (the status doses T1…T5), not from the invalid one.
 */
import { addDays, addMonths, dateLabel, isIsoDate } from '../dates';
import type { ReferenceSet } from '../reference';
import type { Label } from '../refusal';

export const TD_STATUS_CODES = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5'] as const;
export type TdStatusCode = (typeof TD_STATUS_CODES)[number];

export type TdInterval = { readonly days: number } | { readonly months: number };

export interface TdStep {
  /** The status this dose reaches. */
  readonly status: Exclude<TdStatusCode, 'T0'>;
  /** Minimum interval after the previous counted dose; null for T1. */
  readonly afterPrevious: TdInterval | null;
  /** Protection from this dose, in calendar months; null when none (T1). */
  readonly protectionMonths: number | null;
  /** Protection lasts at least `protectionMonths` and is treated as lasting (T5: "> 25 years"). */
  readonly protectionOpenEnded: boolean;
}

export interface TdSet extends ReferenceSet {
  /** T1…T5 in order. */
  readonly steps: readonly TdStep[];
  /**
   * Default for counting childhood doses (DPT-HB-Hib 1–3, the 18-month booster, BIAS DT/Td) in the
   * same series with the same intervals. domain.md §2.3 says they count [GK].
   */
  readonly countChildhoodDoses: boolean;
}

export const TD_KEMENKES: TdSet = {
  id: 'td.kemenkes-p2p',
  title: 'Status imunisasi Td (T1–T5) untuk WUS dan ibu hamil',
  validFrom: '2000-01-01',
  source:
    'domain.md §2.3 [S: Kemenkes Ditjen P2P slide]; childhood doses counting toward T-status [GK]',
  steps: [
    { status: 'T1', afterPrevious: null, protectionMonths: null, protectionOpenEnded: false },
    { status: 'T2', afterPrevious: { days: 28 }, protectionMonths: 36, protectionOpenEnded: false },
    {
      status: 'T3',
      afterPrevious: { months: 6 },
      protectionMonths: 60,
      protectionOpenEnded: false,
    },
    {
      status: 'T4',
      afterPrevious: { months: 12 },
      protectionMonths: 120,
      protectionOpenEnded: false,
    },
    {
      status: 'T5',
      afterPrevious: { months: 12 },
      protectionMonths: 300,
      protectionOpenEnded: true,
    },
  ],
  countChildhoodDoses: true,
};

export interface TdDose {
  /** Date given (`YYYY-MM-DD`). */
  readonly date: string;
  /** `TD` (WUS/bumil Td or TT) or `CHILDHOOD` (DPT-HB-Hib, booster, BIAS DT/Td); default `TD`. */
  readonly kind?: 'TD' | 'CHILDHOOD';
}

export type TdDoseReason = 'TOO_EARLY' | 'CHILDHOOD_NOT_COUNTED' | 'SERIES_COMPLETE';

export interface TdDoseEvaluation {
  readonly date: string;
  readonly kind: 'TD' | 'CHILDHOOD';
  readonly counted: boolean;
  /** The status this dose reached (when counted). */
  readonly reached: TdStatusCode | null;
  /** Why it was not counted. */
  readonly reason: TdDoseReason | null;
  /** For `TOO_EARLY`: the earliest date it would have counted. */
  readonly earliestValidDate: string | null;
  /** Explanation for the clerk (empty for a counted dose). */
  readonly message: Label;
}

export interface TdStatus {
  readonly status: TdStatusCode;
  /** Date of the dose that reached `status`; null at T0. */
  readonly achievedOn: string | null;
  /** Last day of protection (inclusive); null at T0/T1. For T5, a lower bound. */
  readonly protectedUntil: string | null;
  readonly protectionOpenEnded: boolean;
  /** Protected on `asOf` (T5 always; T2–T4 while `asOf` ≤ `protectedUntil`). */
  readonly protectedOnAsOf: boolean;
  /** Next status to reach; null at T5. */
  readonly nextStatus: TdStatusCode | null;
  /** Earliest date the next dose counts; null at T0 (no minimum) and at T5. */
  readonly nextDoseEarliest: string | null;
  /** Every dose up to `asOf`, in date order, with whether it counted. */
  readonly doses: readonly TdDoseEvaluation[];
}

function after(date: string, interval: TdInterval): string {
  return 'days' in interval ? addDays(date, interval.days) : addMonths(date, interval.months);
}

const NO_MESSAGE: Label = { id: '', en: '' };

/** `{ days: 28 }` → `4 minggu` / `4 weeks`; `{ months: 12 }` → `1 tahun` / `1 year`. */
function describe(interval: TdInterval): Label {
  const [n, id, en] =
    'days' in interval
      ? interval.days % 7 === 0
        ? [interval.days / 7, 'minggu', 'week']
        : [interval.days, 'hari', 'day']
      : interval.months % 12 === 0
        ? [interval.months / 12, 'tahun', 'year']
        : [interval.months, 'bulan', 'month'];
  return { id: `${n} ${id}`, en: `${n} ${en}${n === 1 ? '' : 's'}` };
}

/**
 * The Td status on `asOf` from the dose history (any order; doses after `asOf` are ignored).
 * `options.countChildhoodDoses` overrides the set's default. Malformed dates throw a `RangeError`.
 *
 * With childhood doses counted, the usual infant/school history (DPT-HB-Hib at 2, 3, 4 months;
 * booster at 18 months; BIAS DT in grade 1, Td in grade 2) gives T1, T2, (3rd infant dose too
 * early), T3, T4, T5: the commonly taught mapping [GK].
 */
export function tdStatus(
  doses: readonly TdDose[],
  asOf: string,
  set: TdSet,
  options: { readonly countChildhoodDoses?: boolean } = {},
): TdStatus {
  if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date: ${asOf}`);
  for (const d of doses) if (!isIsoDate(d.date)) throw new RangeError(`Not an ISO date: ${d.date}`);
  const countChildhood = options.countChildhoodDoses ?? set.countChildhoodDoses;
  const sorted = doses
    .map((d, i) => ({ date: d.date, kind: d.kind ?? 'TD', i }))
    .filter((d) => d.date <= asOf)
    .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? -1 : 1));

  let level = 0;
  let lastCounted: string | null = null;
  const evaluations: TdDoseEvaluation[] = sorted.map(({ date, kind }) => {
    const base = { date, kind } as const;
    if (kind === 'CHILDHOOD' && !countChildhood) {
      return {
        ...base,
        counted: false,
        reached: null,
        reason: 'CHILDHOOD_NOT_COUNTED',
        earliestValidDate: null,
        message: {
          id: 'Dosis masa kanak-kanak tidak dihitung menurut pengaturan.',
          en: 'Childhood doses are not counted under the current settings.',
        },
      };
    }
    const step = set.steps[level];
    if (!step) {
      return {
        ...base,
        counted: false,
        reached: null,
        reason: 'SERIES_COMPLETE',
        earliestValidDate: null,
        message: {
          id: 'Status sudah T5; dosis tambahan tidak menambah status.',
          en: 'The status is already T5; an extra dose does not raise it.',
        },
      };
    }
    if (step.afterPrevious !== null && lastCounted !== null) {
      const earliest = after(lastCounted, step.afterPrevious);
      if (date < earliest) {
        const prevStatus = TD_STATUS_CODES[level]!;
        const [given, gap, previous, first] = [
          dateLabel(date),
          describe(step.afterPrevious),
          dateLabel(lastCounted),
          dateLabel(earliest),
        ];
        return {
          ...base,
          counted: false,
          reached: null,
          reason: 'TOO_EARLY',
          earliestValidDate: earliest,
          message: {
            id: `Dosis ${given.id} terlalu cepat untuk ${step.status}: minimal ${gap.id} setelah ${prevStatus} (${previous.id}), paling cepat ${first.id}. Tidak dihitung.`,
            en: `The dose on ${given.en} is too early for ${step.status}: at least ${gap.en} after ${prevStatus} (${previous.en}), ${first.en} at the earliest. Not counted.`,
          },
        };
      }
    }
    level += 1;
    lastCounted = date;
    return {
      ...base,
      counted: true,
      reached: step.status,
      reason: null,
      earliestValidDate: null,
      message: NO_MESSAGE,
    };
  });

  const status = TD_STATUS_CODES[level]!;
  const current = level > 0 ? set.steps[level - 1] : undefined;
  const protectedUntil =
    current?.protectionMonths != null && lastCounted !== null
      ? addMonths(lastCounted, current.protectionMonths)
      : null;
  const openEnded = current?.protectionOpenEnded === true;
  const next = set.steps[level];
  return {
    status,
    achievedOn: lastCounted,
    protectedUntil,
    protectionOpenEnded: openEnded,
    protectedOnAsOf: protectedUntil !== null && (openEnded || asOf <= protectedUntil),
    nextStatus: next ? next.status : null,
    nextDoseEarliest:
      next?.afterPrevious && lastCounted !== null ? after(lastCounted, next.afterPrevious) : null,
    doses: evaluations,
  };
}
