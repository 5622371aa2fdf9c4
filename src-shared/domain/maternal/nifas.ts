/**
 * Nifas (postpartum) visits KF1–KF4, "nifas lengkap" and the mother's vitamin A capsules.
 * domain.md §2.5, §5.2.
 *
 * Time is measured in elapsed hours from the delivery date-time to the visit date-time (both ISO
 * with offset). Days are **completed days** (like age in days): "day 2" is 48 h to < 72 h after
 * delivery. So the windows "6 h–2 d, 3–7 d, 8–28 d, 29–42 d" are, in hours,
 * KF1 [6, 72), KF2 [72, 192), KF3 [192, 696), KF4 [696, 1032): gap-free, 47 h and 71 h 59 min are
 * KF1, 72 h is KF2, 42 d 23 h 59 min is still KF4, 43 days is after nifas. This matches the
 * date-level "≤ 42 days" used for the ANC window and KB pascasalin. A Dinkes reading "2 hari" as
 * exactly 48 h can configure KF1 [6, 48) / KF2 [48, …) in its own set.
 */
import { monthOf } from '../dates';
import type { ReferenceSet } from '../reference';
import type { Label } from '../refusal';
import { hoursBetween, localDateOf, toEpochMs } from './datetime';

export interface NifasWindow {
  /** `KF1`…`KF4` (legacy: `KF1`…`KF3`). */
  readonly code: string;
  /** Hours after delivery, inclusive. */
  readonly fromHours: number;
  /** Hours after delivery, exclusive. */
  readonly toHoursExclusive: number;
}

export interface NifasSet extends ReferenceSet {
  /** Ordered, non-overlapping windows; "nifas lengkap" = at least one visit in each. */
  readonly windows: readonly NifasWindow[];
}

const DAY = 24;

/** Buku KIA 2020: 4 visits, 6 h–2 d, 3–7 d, 8–28 d, 29–42 d. */
export const NIFAS_KF4_2020: NifasSet = {
  id: 'nifas.kf4.buku-kia-2020',
  title: 'Kunjungan nifas 4 kali (KF1–KF4), 6 jam–42 hari',
  validFrom: '2020-01-01',
  source: 'Buku KIA summary [S: domain.md §2.5]; completed-day reading of the edges (project)',
  windows: [
    { code: 'KF1', fromHours: 6, toHoursExclusive: 3 * DAY },
    { code: 'KF2', fromHours: 3 * DAY, toHoursExclusive: 8 * DAY },
    { code: 'KF3', fromHours: 8 * DAY, toHoursExclusive: 29 * DAY },
    { code: 'KF4', fromHours: 29 * DAY, toHoursExclusive: 43 * DAY },
  ],
};

/** Pre-2020 PWS-KIA: 3 visits, KF1 6 h–3 d, KF2 4–28 d, KF3 29–42 d ("KF3 = lengkap"). */
export const NIFAS_KF3_LEGACY: NifasSet = {
  id: 'nifas.kf3.pws-kia-2009',
  title: 'Kunjungan nifas 3 kali (KF1–KF3), aturan lama PWS-KIA',
  validFrom: '2009-01-01',
  source: '13 Indikator PWS-KIA [S: domain.md §2.5]; completed-day reading of the edges (project)',
  windows: [
    { code: 'KF1', fromHours: 6, toHoursExclusive: 4 * DAY },
    { code: 'KF2', fromHours: 4 * DAY, toHoursExclusive: 29 * DAY },
    { code: 'KF3', fromHours: 29 * DAY, toHoursExclusive: 43 * DAY },
  ],
};

export const NIFAS_SETS: readonly NifasSet[] = [NIFAS_KF4_2020, NIFAS_KF3_LEGACY];

export type NifasOutside = 'BEFORE_DELIVERY' | 'TOO_EARLY' | 'AFTER_NIFAS';

export interface KfWindowResult {
  /** The KF window the visit falls in; null when outside every window. */
  readonly code: string | null;
  /** Elapsed hours since delivery (fractional). */
  readonly hoursAfter: number;
  /** Completed days since delivery (`floor(hours / 24)`). */
  readonly dayAfter: number;
  /** Why the visit is not a KF: before the delivery, before 6 h, or after day 42. */
  readonly outside: NifasOutside | null;
}

/**
 * Which KF a visit at `visitAt` is, for a delivery at `deliveryAt` (ISO date-times with offset;
 * malformed values throw a `RangeError`).
 */
export function kfWindowOf(deliveryAt: string, visitAt: string, set: NifasSet): KfWindowResult {
  const hours = hoursBetween(deliveryAt, visitAt);
  const dayAfter = Math.floor(hours / DAY);
  const window = set.windows.find((w) => hours >= w.fromHours && hours < w.toHoursExclusive);
  if (window) return { code: window.code, hoursAfter: hours, dayAfter, outside: null };
  const first = set.windows[0];
  const outside: NifasOutside =
    hours < 0 ? 'BEFORE_DELIVERY' : first && hours < first.fromHours ? 'TOO_EARLY' : 'AFTER_NIFAS';
  return { code: null, hoursAfter: hours, dayAfter, outside };
}

export interface NifasVisitLabel extends KfWindowResult {
  readonly at: string;
  /** The first visit in its window (later ones in the same window are repeats). */
  readonly firstInWindow: boolean;
}

export interface NifasCompletion {
  /** A visit in every window of the set ("KF lengkap"). */
  readonly complete: boolean;
  /** The visit that completed it (attribution), else null. */
  readonly achievedAt: string | null;
  /** Local date of `achievedAt`. */
  readonly achievedOn: string | null;
  /** `YYYY-MM` of `achievedOn`. */
  readonly attributionMonth: string | null;
  /** Window codes with a visit, in set order. */
  readonly covered: readonly string[];
  /** Window codes still without a visit, in set order. */
  readonly missing: readonly string[];
  /** Every visit in time order, with its window. */
  readonly visits: readonly NifasVisitLabel[];
}

/**
 * "Nifas lengkap" (KF lengkap, domain.md §5.2) under the chosen set: `NIFAS_KF4_2020` (KF1–KF4) or
 * the legacy `NIFAS_KF3_LEGACY` (KF1–KF3). Visits may be in any order.
 */
export function nifasCompletion(
  deliveryAt: string,
  visitAts: readonly string[],
  set: NifasSet,
): NifasCompletion {
  const ordered = [...visitAts].sort((a, b) => toEpochMs(a) - toEpochMs(b));
  const seen = new Set<string>();
  let achievedAt: string | null = null;
  const visits = ordered.map((at): NifasVisitLabel => {
    const result = kfWindowOf(deliveryAt, at, set);
    const firstInWindow = result.code !== null && !seen.has(result.code);
    if (result.code !== null) seen.add(result.code);
    if (achievedAt === null && set.windows.every((w) => seen.has(w.code))) achievedAt = at;
    return { ...result, at, firstInWindow };
  });
  const achievedOn = achievedAt === null ? null : localDateOf(achievedAt);
  return {
    complete: achievedAt !== null,
    achievedAt,
    achievedOn,
    attributionMonth: achievedOn === null ? null : monthOf(achievedOn),
    covered: set.windows.filter((w) => seen.has(w.code)).map((w) => w.code),
    missing: set.windows.filter((w) => !seen.has(w.code)).map((w) => w.code),
    visits,
  };
}

export interface VitaminANifasSet extends ReferenceSet {
  /** Capsules in the course (2). */
  readonly capsules: number;
  /** Minimum hours between consecutive counted capsules (24). */
  readonly minHoursBetween: number;
  /** Dose per capsule in IU (200,000; red capsule). */
  readonly doseIu: number;
}

export const VITAMIN_A_NIFAS: VitaminANifasSet = {
  id: 'nifas.vitamin-a.2-kapsul',
  title: 'Vitamin A ibu nifas: 2 kapsul 200.000 IU, kapsul kedua ≥ 24 jam setelah pertama',
  validFrom: '2000-01-01',
  source: 'domain.md §2.5 [S: promosigizi.blogspot.com, kapsul vitamin A dosis tinggi]',
  capsules: 2,
  minHoursBetween: 24,
  doseIu: 200_000,
};

export type VitaminAReason = 'BEFORE_DELIVERY' | 'TOO_EARLY' | 'EXTRA';

export interface VitaminACapsule {
  readonly at: string;
  readonly counted: boolean;
  readonly reason: VitaminAReason | null;
  /** Explanation for the clerk (empty for a counted capsule). */
  readonly message: Label;
}

export interface VitaminANifas {
  /** All capsules of the course were given, correctly spaced. */
  readonly complete: boolean;
  readonly countedCount: number;
  readonly capsules: readonly VitaminACapsule[];
}

/**
 * The mother's vitamin A course: the first capsule counts; the second counts only if given
 * ≥ 24 h after the first (23 h 59 min → flagged `TOO_EARLY`, not counted; 24 h 00 min → counted);
 * a capsule beyond the course is `EXTRA`; with `deliveryAt`, one before the delivery is
 * `BEFORE_DELIVERY`. A too-early capsule does not move the clock: the next one is measured from the
 * last counted capsule.
 */
export function vitaminANifas(
  capsuleAts: readonly string[],
  set: VitaminANifasSet,
  deliveryAt?: string,
): VitaminANifas {
  const deliveryMs = deliveryAt === undefined ? undefined : toEpochMs(deliveryAt);
  const ordered = [...capsuleAts].sort((a, b) => toEpochMs(a) - toEpochMs(b));
  let lastCounted: string | null = null;
  let counted = 0;
  const capsules = ordered.map((at): VitaminACapsule => {
    if (deliveryMs !== undefined && toEpochMs(at) < deliveryMs) {
      return {
        at,
        counted: false,
        reason: 'BEFORE_DELIVERY',
        message: {
          id: 'Kapsul vitamin A ibu nifas tercatat sebelum persalinan; tidak dihitung.',
          en: 'The postpartum vitamin A capsule is recorded before the delivery; not counted.',
        },
      };
    }
    if (counted >= set.capsules) {
      return {
        at,
        counted: false,
        reason: 'EXTRA',
        message: {
          id: `Sudah ${set.capsules} kapsul; kapsul tambahan tidak dihitung.`,
          en: `Already ${set.capsules} capsules; an extra capsule is not counted.`,
        },
      };
    }
    if (lastCounted !== null && hoursBetween(lastCounted, at) < set.minHoursBetween) {
      return {
        at,
        counted: false,
        reason: 'TOO_EARLY',
        message: {
          id: `Kapsul berikutnya harus minimal ${set.minHoursBetween} jam setelah kapsul sebelumnya; tidak dihitung.`,
          en: `The next capsule must be at least ${set.minHoursBetween} hours after the previous one; not counted.`,
        },
      };
    }
    lastCounted = at;
    counted += 1;
    return { at, counted: true, reason: null, message: { id: '', en: '' } };
  });
  return { complete: counted >= set.capsules, countedCount: counted, capsules };
}
