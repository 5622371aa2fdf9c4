/**
 * Pemantauan pertumbuhan (growth monitoring) at posyandu: each month's weighing is N (naik),
 * T (tidak naik), 2T (tidak naik two months running), O (not weighed the month before) or B (baru,
 * first weighing), by comparison with the KBM (kenaikan berat badan minimal) table. Feeds the
 * SKDN report (N/D, T/D, 2T/D; N excludes O and B), domain reference §2.8 and §5.3.
 *
 * Rules, precisely:
 * 1. Weighings count by calendar month (`YYYY-MM` of the date) — posyandu months. When a month
 *    has more than one weighing, the latest date counts (on the same date, the later one in the
 *    input); the others are ignored.
 * 2. A month is B when no earlier month has a weighing; O when the calendar month just before has
 *    none (the child was not weighed last month) although an earlier one has.
 * 3. Otherwise gain = this month's weight − last month's weight, in whole grams (each weight is
 *    rounded to the gram first, so 7.3 − 6.5 kg is exactly 800 g). The KBM is the table row for
 *    the child's age in completed months (`completedMonths(birth, date)`) on this month's
 *    weighing date: KBM "umur 1 bulan 800 g" is the gain expected from month 0 to month 1. A
 *    weighing at 0 completed months uses the 1-month row.
 * 4. gain ≥ KBM → N (exactly the KBM is N). gain < KBM (including any loss) → T; T when last
 *    month was already T or 2T → 2T.
 */
import { completedMonths, isIsoDate, monthOf } from '../dates';
import type { ReferenceSet } from '../reference';

/** One row of a KBM table: from `fromMonth` to `toMonth` (inclusive; null = and older). */
export interface KbmRow {
  readonly fromMonth: number;
  readonly toMonth: number | null;
  /** Minimum monthly gain, grams. */
  readonly minGainG: number;
}

/** A versioned KBM table (minimum monthly weight gain by age in completed months). */
export interface KbmTable extends ReferenceSet {
  /** Rows by age, ascending, without gaps, starting at 1 month. */
  readonly rows: readonly KbmRow[];
}

/**
 * The commonly cited KBM table (KMS / Buku KIA): 1 mo 800 g, 2 mo 900 g, 3 mo 800 g, 4 mo 600 g,
 * 5 mo 500 g, 6 mo 400 g, 7–10 mo 300 g, 11 mo and older 200 g. Domain reference §2.8 gives
 * "6–10 mo 400–300 g"; 6 → 400 and 7–10 → 300 is how KMS tables usually print it.
 */
export const KBM_GK: KbmTable = {
  id: 'kbm.gk-kms',
  title: 'Kenaikan berat badan minimal (KBM) balita, tabel KMS yang umum dikutip',
  validFrom: '2010-01-01',
  source:
    '[GK/UNCONFIRMED] domain reference §2.8 (commonly cited KBM; 6–10 mo "400–300 g" read as ' +
    '6 mo 400 g, 7–10 mo 300 g). Check against the KBM table in the current Buku KIA. ' +
    'validFrom not confirmed.',
  rows: [
    { fromMonth: 1, toMonth: 1, minGainG: 800 },
    { fromMonth: 2, toMonth: 2, minGainG: 900 },
    { fromMonth: 3, toMonth: 3, minGainG: 800 },
    { fromMonth: 4, toMonth: 4, minGainG: 600 },
    { fromMonth: 5, toMonth: 5, minGainG: 500 },
    { fromMonth: 6, toMonth: 6, minGainG: 400 },
    { fromMonth: 7, toMonth: 10, minGainG: 300 },
    { fromMonth: 11, toMonth: null, minGainG: 200 },
  ],
};

/** Every KBM table the app knows (pick with `inForce` or `byId`). */
export const KBM_TABLES: readonly KbmTable[] = [KBM_GK];

/** KBM in grams for an age in completed months (0 months uses the first row). */
export function kbmFor(ageMonths: number, table: KbmTable = KBM_GK): number {
  const age = Math.max(ageMonths, table.rows[0]!.fromMonth);
  const row = table.rows.find(
    (r) => age >= r.fromMonth && (r.toMonth === null || age <= r.toMonth),
  );
  if (!row) throw new RangeError(`No KBM row for ${ageMonths} months in ${table.id}`);
  return row.minGainG;
}

/** A dated weighing. */
export interface Weighing {
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly weightKg: number;
}

/** N naik, T tidak naik, 2T tidak naik 2 bulan berturut-turut, O tidak ditimbang bulan lalu, B baru. */
export type PertumbuhanStatus = 'N' | 'T' | '2T' | 'O' | 'B';

/** The assessment of one month's weighing. */
export interface MonthlyGrowth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The weighing that counts for the month. */
  readonly date: string;
  readonly weightKg: number;
  /** Age in completed months on `date`. */
  readonly ageMonths: number;
  readonly status: PertumbuhanStatus;
  /** Gain over last month's weighing, grams; null for O and B. */
  readonly gainG: number | null;
  /** KBM applied, grams; null for O and B. */
  readonly kbmG: number | null;
}

/** Labels of the growth monitoring codes. */
export const PERTUMBUHAN_LABELS: Record<PertumbuhanStatus, { id: string; en: string }> = {
  N: { id: 'Naik', en: 'Gained (at least the minimum)' },
  T: { id: 'Tidak naik', en: 'Did not gain enough' },
  '2T': { id: 'Tidak naik 2 bulan berturut-turut', en: 'Did not gain enough two months running' },
  O: { id: 'Tidak ditimbang bulan lalu', en: 'Not weighed last month' },
  B: { id: 'Baru (penimbangan pertama)', en: 'New (first weighing)' },
};

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const grams = (kg: number) => Math.round(kg * 1000);

/**
 * The status of every month with a weighing, oldest first (rules in the module comment).
 * Throws RangeError for a date that is not ISO, before birth, or a weight that is not positive.
 */
export function growthMonitoring(
  birthDate: string,
  weighings: readonly Weighing[],
  table: KbmTable = KBM_GK,
): MonthlyGrowth[] {
  if (!isIsoDate(birthDate)) throw new RangeError(`Tanggal lahir tidak sah: ${birthDate}`);
  const byMonth = new Map<string, Weighing>();
  for (const w of weighings) {
    if (!isIsoDate(w.date) || w.date < birthDate) {
      throw new RangeError(`Tanggal timbang tidak sah: ${w.date}`);
    }
    if (!(w.weightKg > 0)) throw new RangeError(`Berat badan tidak sah: ${w.weightKg}`);
    const month = monthOf(w.date);
    const current = byMonth.get(month);
    if (!current || w.date >= current.date) byMonth.set(month, w);
  }
  const months = [...byMonth.keys()].sort();
  const result: MonthlyGrowth[] = [];
  const statusOf = new Map<string, PertumbuhanStatus>();
  months.forEach((month, i) => {
    const w = byMonth.get(month)!;
    const ageMonths = completedMonths(birthDate, w.date);
    const base = { month, date: w.date, weightKg: w.weightKg, ageMonths };
    let entry: MonthlyGrowth;
    const last = byMonth.get(previousMonth(month));
    if (i === 0) entry = { ...base, status: 'B', gainG: null, kbmG: null };
    else if (!last) entry = { ...base, status: 'O', gainG: null, kbmG: null };
    else {
      const gainG = grams(w.weightKg) - grams(last.weightKg);
      const kbmG = kbmFor(ageMonths, table);
      const lastStatus = statusOf.get(previousMonth(month));
      const status: PertumbuhanStatus =
        gainG >= kbmG ? 'N' : lastStatus === 'T' || lastStatus === '2T' ? '2T' : 'T';
      entry = { ...base, status, gainG, kbmG };
    }
    statusOf.set(month, entry.status);
    result.push(entry);
  });
  return result;
}

/** The status of the latest month with a weighing; null without weighings. */
export function latestGrowthStatus(
  birthDate: string,
  weighings: readonly Weighing[],
  table: KbmTable = KBM_GK,
): MonthlyGrowth | null {
  return growthMonitoring(birthDate, weighings, table).at(-1) ?? null;
}
