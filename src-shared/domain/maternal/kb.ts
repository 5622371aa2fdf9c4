/**
 * KB (family planning): methods and the MKJP flag, participant status (baru / lama / ganti cara /
 * drop-out), KB pascasalin, the next-visit date and the due/overdue helper. domain.md §2.7, §5.2.
 * All dates are ISO calendar dates; the delivery may be given as a date or a date-time (its local
 * date is used).
 */
import { addDays, addMonths, daysBetween, isIsoDate } from '../dates';
import type { ReferenceSet } from '../reference';
import type { Label } from '../refusal';
import type { CodeLabels } from './codes';
import { localDateOf } from './datetime';

export const KB_METHOD_CODES = [
  'PIL',
  'SUNTIK_1_BULAN',
  'SUNTIK_3_BULAN',
  'IMPLAN',
  'IUD',
  'KONDOM',
  'MOW',
  'MOP',
  'MAL',
] as const;
export type KbMethod = (typeof KB_METHOD_CODES)[number];

export const KB_METHODS: CodeLabels<KbMethod> = {
  PIL: { id: 'Pil', en: 'Pill' },
  SUNTIK_1_BULAN: { id: 'Suntik 1 bulan', en: 'Monthly injectable' },
  SUNTIK_3_BULAN: { id: 'Suntik 3 bulan', en: '3-monthly injectable' },
  IMPLAN: { id: 'Implan', en: 'Implant' },
  IUD: { id: 'IUD/AKDR', en: 'IUD' },
  KONDOM: { id: 'Kondom', en: 'Condom' },
  MOW: { id: 'MOW (tubektomi)', en: 'Female sterilisation (tubectomy)' },
  MOP: { id: 'MOP (vasektomi)', en: 'Male sterilisation (vasectomy)' },
  MAL: { id: 'MAL (metode amenore laktasi)', en: 'Lactational amenorrhoea method' },
};

export const KB_STATUS_CODES = ['BARU', 'LAMA', 'GANTI_CARA', 'DROP_OUT'] as const;
export type KbStatus = (typeof KB_STATUS_CODES)[number];

export const KB_STATUSES: CodeLabels<KbStatus> = {
  BARU: { id: 'Peserta KB baru', en: 'New acceptor' },
  LAMA: { id: 'Peserta KB aktif (lama)', en: 'Continuing user' },
  GANTI_CARA: { id: 'Ganti cara', en: 'Method switch' },
  DROP_OUT: { id: 'Drop-out', en: 'Drop-out' },
};

/** How the next visit is computed for a method. */
export type KbRevisit =
  /** Fixed days after the service (injectables). */
  | { readonly kind: 'DAYS'; readonly days: number }
  /** Days per pack handed out (pills). */
  | { readonly kind: 'PER_PACK'; readonly daysPerPack: number }
  /** End of the device's life (implant, IUD): replacement due. */
  | { readonly kind: 'PRODUCT_LIFE'; readonly defaultMonths: number }
  /** Months after the delivery (MAL ends at 6 months postpartum). */
  | { readonly kind: 'POSTPARTUM_MONTHS'; readonly months: number }
  /** No computed visit (condom: on need; MOW/MOP: permanent). */
  | { readonly kind: 'NONE' };

export interface KbProduct {
  /** Stable product code. */
  readonly code: string;
  readonly method: 'IMPLAN' | 'IUD';
  readonly lifeMonths: number;
  readonly label: Label;
  /** Source with certainty tag. */
  readonly source: string;
}

export interface KbSet extends ReferenceSet {
  /** Metode kontrasepsi jangka panjang. */
  readonly mkjp: readonly KbMethod[];
  /** KB pascasalin when started within this many days after delivery (inclusive). */
  readonly pascasalinMaxDays: number;
  readonly revisit: Readonly<Record<KbMethod, KbRevisit>>;
  /** Days after the next-visit date that still count as on time ("jatuh tempo", not late). */
  readonly graceDays: Readonly<Record<KbMethod, number>>;
  readonly products: readonly KbProduct[];
  /** Status of a return after a drop-out [UNCONFIRMED]. */
  readonly restartAfterDropOut: 'BARU' | 'LAMA';
}

/**
 * Default [GK]. Revisit: suntik 1 bulan +28 d, suntik 3 bulan +84 d (domain.md §2.7: 28–30 and
 * 84–90 days; the lower bound is used so no one is called late), pil 28 d per pack, implan/IUD at
 * the end of the product's life (the post-insertion control visit is not computed), MAL at 6 months
 * postpartum, none for kondom/MOW/MOP. Grace: suntik 1 bulan 7 d and suntik 3 bulan 35 d (WHO
 * practice: monthly injectable up to 7 days late; DMPA up to 4 weeks after a 13-week schedule, i.e.
 * 17 weeks = 84 + 35 days), pil 7 d, others 0.
 */
export const KB_DEFAULT: KbSet = {
  id: 'kb.bkkbn.2021',
  title: 'Metode KB, MKJP, KB pascasalin dan jadwal kunjungan ulang',
  validFrom: '2000-01-01',
  source:
    'domain.md §2.7 (methods, MKJP, pascasalin ≤ 42 d, revisit +28/+84 d) [GK]; product lives and grace periods [GK/UNCONFIRMED]',
  mkjp: ['IUD', 'IMPLAN', 'MOW', 'MOP'],
  pascasalinMaxDays: 42,
  revisit: {
    PIL: { kind: 'PER_PACK', daysPerPack: 28 },
    SUNTIK_1_BULAN: { kind: 'DAYS', days: 28 },
    SUNTIK_3_BULAN: { kind: 'DAYS', days: 84 },
    IMPLAN: { kind: 'PRODUCT_LIFE', defaultMonths: 36 },
    IUD: { kind: 'PRODUCT_LIFE', defaultMonths: 120 },
    KONDOM: { kind: 'NONE' },
    MOW: { kind: 'NONE' },
    MOP: { kind: 'NONE' },
    MAL: { kind: 'POSTPARTUM_MONTHS', months: 6 },
  },
  graceDays: {
    PIL: 7,
    SUNTIK_1_BULAN: 7,
    SUNTIK_3_BULAN: 35,
    IMPLAN: 0,
    IUD: 0,
    KONDOM: 0,
    MOW: 0,
    MOP: 0,
    MAL: 0,
  },
  products: [
    {
      code: 'IMPLAN_1_BATANG_ETONOGESTREL',
      method: 'IMPLAN',
      lifeMonths: 36,
      label: { id: 'Implan 1 batang (etonogestrel)', en: 'Implant, 1 rod (etonogestrel)' },
      source: 'Product label: 3 years [GK]',
    },
    {
      code: 'IMPLAN_2_BATANG_LEVONORGESTREL',
      method: 'IMPLAN',
      lifeMonths: 36,
      label: { id: 'Implan 2 batang (levonorgestrel)', en: 'Implant, 2 rods (levonorgestrel)' },
      source: 'Programme products; 3 years used, some labels say 5 [UNCONFIRMED]',
    },
    {
      code: 'IUD_CU_T380A',
      method: 'IUD',
      lifeMonths: 120,
      label: { id: 'IUD Copper T 380A', en: 'Copper T 380A IUD' },
      source: 'Product label: 10 years [GK]',
    },
  ],
  restartAfterDropOut: 'BARU',
};

function assertDate(value: string, name: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not an ISO date: ${value}`);
}

/** MKJP (metode kontrasepsi jangka panjang): IUD, implan, MOW, MOP by default. */
export function isMkjp(method: KbMethod, set: KbSet): boolean {
  return set.mkjp.includes(method);
}

/**
 * KB pascasalin: the method was started 0–42 days after the delivery (calendar days between the
 * delivery's local date and the service date: day 42 → yes, day 43 → no, before delivery → no).
 */
export function isKbPascasalin(delivery: string, serviceDate: string, set: KbSet): boolean {
  assertDate(serviceDate, 'KB service date');
  const days = daysBetween(localDateOf(delivery), serviceDate);
  return days >= 0 && days <= set.pascasalinMaxDays;
}

/** One KB service (a visit where a method was given or continued). */
export interface KbService {
  readonly date: string;
  readonly method: KbMethod;
  /** Pill packs handed out (default 1). */
  readonly packs?: number;
  /** Implant/IUD product code (`KbSet.products`); the method's default life when absent. */
  readonly product?: string;
  /** Delivery date (or date-time) for MAL. */
  readonly deliveryDate?: string;
}

export interface KbNextVisit {
  /** Next visit date, or null when the method has none or MAL lacks a delivery date. */
  readonly date: string | null;
  readonly basis: KbRevisit['kind'];
}

/**
 * The next visit after `service`: suntik 1 bulan +28 d, suntik 3 bulan +84 d, pil +28 d per pack,
 * implan/IUD + product life in calendar months, MAL = delivery + 6 months, kondom/MOW/MOP none.
 * Throws a `RangeError` for an unknown product or a product of another method (a settings error).
 */
export function kbNextVisit(service: KbService, set: KbSet): KbNextVisit {
  assertDate(service.date, 'KB service date');
  const rule = set.revisit[service.method];
  switch (rule.kind) {
    case 'DAYS':
      return { date: addDays(service.date, rule.days), basis: rule.kind };
    case 'PER_PACK': {
      const packs = service.packs ?? 1;
      if (!Number.isInteger(packs) || packs < 1) throw new RangeError(`Bad pack count: ${packs}`);
      return { date: addDays(service.date, rule.daysPerPack * packs), basis: rule.kind };
    }
    case 'PRODUCT_LIFE': {
      let months = rule.defaultMonths;
      if (service.product !== undefined) {
        const product = set.products.find((p) => p.code === service.product);
        if (!product || product.method !== service.method) {
          throw new RangeError(`Unknown ${service.method} product: ${service.product}`);
        }
        months = product.lifeMonths;
      }
      return { date: addMonths(service.date, months), basis: rule.kind };
    }
    case 'POSTPARTUM_MONTHS':
      return {
        date:
          service.deliveryDate === undefined
            ? null
            : addMonths(localDateOf(service.deliveryDate), rule.months),
        basis: rule.kind,
      };
    case 'NONE':
      return { date: null, basis: rule.kind };
  }
}

export const KB_DUE_CODES = [
  'TIDAK_TERJADWAL',
  'BELUM_JATUH_TEMPO',
  'JATUH_TEMPO',
  'TERLAMBAT',
] as const;
export type KbDueStatus = (typeof KB_DUE_CODES)[number];

export const KB_DUE_LABELS: CodeLabels<KbDueStatus> = {
  TIDAK_TERJADWAL: { id: 'Tidak ada jadwal ulang', en: 'No scheduled revisit' },
  BELUM_JATUH_TEMPO: { id: 'Belum jatuh tempo', en: 'Not yet due' },
  JATUH_TEMPO: { id: 'Jatuh tempo', en: 'Due' },
  TERLAMBAT: { id: 'Terlambat (drop-out)', en: 'Overdue (drop-out)' },
};

export interface KbDue {
  readonly status: KbDueStatus;
  readonly nextVisit: string | null;
  /** Last on-time day (next visit + grace days); null when not scheduled. */
  readonly latestOnTime: string | null;
  /** Days from `asOf` to the next visit (negative when past it); null when not scheduled. */
  readonly daysUntilNextVisit: number | null;
}

/**
 * "KB jatuh tempo": `BELUM_JATUH_TEMPO` before the next-visit date, `JATUH_TEMPO` from it up to
 * and including next visit + grace days, `TERLAMBAT` after that (the participant counts as
 * drop-out until she returns [UNCONFIRMED definition]). Suntik 3 bulan given 1 January 2026:
 * next 26 March, due 26 March–30 April, late from 1 May.
 */
export function kbDue(last: KbService, asOf: string, set: KbSet): KbDue {
  assertDate(asOf, 'asOf');
  const next = kbNextVisit(last, set).date;
  if (next === null) {
    return {
      status: 'TIDAK_TERJADWAL',
      nextVisit: null,
      latestOnTime: null,
      daysUntilNextVisit: null,
    };
  }
  const latestOnTime = addDays(next, set.graceDays[last.method]);
  const status: KbDueStatus =
    asOf < next ? 'BELUM_JATUH_TEMPO' : asOf <= latestOnTime ? 'JATUH_TEMPO' : 'TERLAMBAT';
  return { status, nextVisit: next, latestOnTime, daysUntilNextVisit: daysBetween(asOf, next) };
}

/**
 * The participant status recorded with a KB service [GK: BKKBN definitions]:
 * - `BARU`: no previous KB service; or the previous one was before a pregnancy that ended
 *   (persalinan/keguguran) on or before this service; or (per `restartAfterDropOut`) she had
 *   dropped out (her previous method was `TERLAMBAT` on this service's date).
 * - `LAMA`: same method as the previous service.
 * - `GANTI_CARA`: a different method from the previous service.
 * `DROP_OUT` is not a service status: it is what `kbDue` reports (`TERLAMBAT`) between services.
 */
export function kbParticipantStatus(
  service: KbService,
  previous: KbService | undefined,
  set: KbSet,
  pregnancyEndedOn?: string,
): Exclude<KbStatus, 'DROP_OUT'> {
  assertDate(service.date, 'KB service date');
  if (!previous) return 'BARU';
  assertDate(previous.date, 'previous KB service date');
  if (pregnancyEndedOn !== undefined) {
    const ended = localDateOf(pregnancyEndedOn);
    if (previous.date < ended && ended <= service.date) return 'BARU';
  }
  if (kbDue(previous, service.date, set).status === 'TERLAMBAT') {
    if (set.restartAfterDropOut === 'BARU') return 'BARU';
  }
  return previous.method === service.method ? 'LAMA' : 'GANTI_CARA';
}
