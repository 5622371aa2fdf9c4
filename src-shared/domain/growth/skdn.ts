/**
 * SKDN of a posyandu month (domain reference §5.3), from the same N/T/2T/O/B rules as the KMS
 * (`growthMonitoring`):
 * - S: the balita of the posyandu (the caller decides who: registered there, or living in its
 *   desa/RW, plus any child weighed there that month);
 * - K: of S, those with a KMS / Buku KIA;
 * - D: of S, those weighed in the month;
 * - N: of D, weighed and gained at least the KBM (never O or B: they have no gain to judge);
 * - T: of D, not gaining enough, including 2T; 2T: of T, not gaining two months running;
 * - O: of D, not weighed the month before although weighed earlier; B: of D, first weighing.
 * So D = N + T + O + B, and 2T ⊆ T. Percentages are left to the reader of the counts
 * (D/S, N/D, T/D, 2T/D), never computed over a zero denominator.
 */
import { addPeriods } from '../bundle/period';
import { isIsoDate, monthOf } from '../dates';
import { growthMonitoring, KBM_GK, type KbmTable, type MonthlyGrowth, type Weighing } from './kbm';

export interface SkdnChild {
  readonly id: string;
  readonly birthDate: string;
  /** Has a KMS or Buku KIA. */
  readonly kiaBook: boolean;
  /** Every weighing of the child (earlier months included: they decide O, B and 2T). */
  readonly weighings: readonly Weighing[];
}

export interface Skdn {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly S: number;
  readonly K: number;
  readonly D: number;
  readonly N: number;
  /** Not gaining enough, 2T included. */
  readonly T: number;
  readonly T2: number;
  readonly O: number;
  readonly B: number;
  /** The month's assessment of each weighed child, by id. */
  readonly byChild: ReadonlyMap<string, MonthlyGrowth>;
}

/**
 * The weighings that decide `month`'s N/T/2T/O/B: those of the month and the month before, and
 * the latest one before that — the month before last when the child was weighed then (2T needs
 * last month's T, which needs its weight), else an older one, which keeps a child weighed before
 * from being taken for a first weighing (B). Nothing older can change the month, and later
 * weighings are left out: a child with years of history is assessed on a few weighings.
 */
function deciding(weighings: readonly Weighing[], month: string): Weighing[] {
  const from = addPeriods(month, -1);
  const kept: Weighing[] = [];
  let earlier: Weighing | undefined;
  for (const w of weighings) {
    const m = monthOf(w.date);
    if (m > month) continue;
    if (m >= from) kept.push(w);
    else if (!earlier || w.date > earlier.date) earlier = w;
  }
  return earlier ? [earlier, ...kept] : kept;
}

/** SKDN of `month` (`YYYY-MM`) over `children` (= S). */
export function skdn(
  children: readonly SkdnChild[],
  month: string,
  table: KbmTable = KBM_GK,
): Skdn {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Bulan tidak sah: ${month}`);
  const byChild = new Map<string, MonthlyGrowth>();
  let K = 0;
  const counts = { N: 0, T: 0, T2: 0, O: 0, B: 0 };
  for (const child of children) {
    if (child.kiaBook) K += 1;
    const entry = growthMonitoring(child.birthDate, deciding(child.weighings, month), table).find(
      (g) => g.month === month,
    );
    if (!entry) continue;
    byChild.set(child.id, entry);
    if (entry.status === 'N') counts.N += 1;
    else if (entry.status === 'T') counts.T += 1;
    else if (entry.status === '2T') {
      counts.T += 1;
      counts.T2 += 1;
    } else if (entry.status === 'O') counts.O += 1;
    else counts.B += 1;
  }
  return { month, S: children.length, K, D: byChild.size, ...counts, byChild };
}

/**
 * The N/T/2T/O/B of each weighing that counts for its month, by the weighing's date (the other
 * weighings of a month have none). For tables that list every measurement.
 */
export function growthStatusByDate(
  birthDate: string,
  weighings: readonly Weighing[],
  table: KbmTable = KBM_GK,
): Map<string, MonthlyGrowth> {
  const valid = weighings.filter((w) => isIsoDate(w.date) && w.date >= birthDate && w.weightKg > 0);
  return new Map(growthMonitoring(birthDate, valid, table).map((g) => [g.date, g]));
}
