/**
 * Pregnancy dating: HPL, usia kehamilan, trimester, the ANC visit window, term at delivery,
 * jarak kehamilan, IMT sebelum hamil and the target weight gain. All dates are ISO calendar dates
 * (`YYYY-MM-DD`); malformed dates throw a `RangeError` (validate clerk input first), while
 * implausible clinical values are refused with a `Checked` result.
 */
import { addDays, completedMonths, dateLabel, daysBetween, isIsoDate } from '../dates';
import type { ReferenceSet } from '../reference';
import { checkDate, fail, ok, refusal, type Label } from '../refusal';
import type { CodeLabels, MaternalChecked } from './codes';
import { checkRange, type PlausibilitySet } from './plausibility';

/**
 * Naegele: HPL = HPHT + 280 days (40 weeks). domain.md §2.2 ("HPL = HPHT + 280 d, Naegele"); the
 * standard obstetric definition, so a constant rather than reference data.
 */
export const NAEGELE_DAYS = 280;

export type Trimester = 1 | 2 | 3;

/** Usia kehamilan: completed weeks + days, and the total in days (`weeks * 7 + days`). */
export interface GestationalAge {
  readonly totalDays: number;
  readonly weeks: number;
  readonly days: number;
}

function assertDate(value: string, name: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not an ISO date: ${value}`);
}

/** A gestational age from a whole number of days (≥ 0). */
export function gestationalAgeFromDays(totalDays: number): GestationalAge {
  if (!Number.isInteger(totalDays) || totalDays < 0) {
    throw new RangeError(`Gestational age must be whole days ≥ 0: ${totalDays}`);
  }
  return { totalDays, weeks: Math.floor(totalDays / 7), days: totalDays % 7 };
}

/**
 * HPL (hari perkiraan lahir) by Naegele as the domain defines it: HPHT + 280 days.
 * Note: the "+7 days, −3 months, +1 year" hand rule gives the same date for most HPHTs but can
 * differ by 1–3 days (e.g. HPHT 1 March 2024: +280 d → 6 December; hand rule → 8 December). The
 * app uses the 280-day definition (domain.md §2.2).
 */
export function hplFromHpht(hpht: string): string {
  assertDate(hpht, 'HPHT');
  return addDays(hpht, NAEGELE_DAYS);
}

/**
 * HPL from an ultrasound: the gestational age `weeks`+`days` measured on `usgDate` means
 * HPL = usgDate + (280 − GA in days). Refuses a GA outside `usgGaDays` (default 4w0d–44w6d) or
 * days outside 0–6.
 */
export function hplFromUsg(
  usgDate: string,
  ga: { readonly weeks: number; readonly days: number },
  plausibility: PlausibilitySet,
): MaternalChecked<string> {
  assertDate(usgDate, 'USG date');
  const { weeks, days } = ga;
  if (!Number.isInteger(weeks) || !Number.isInteger(days) || days < 0 || days > 6) {
    return fail([
      refusal(
        'NOT_AN_INTEGER',
        'usgGestationalAge',
        { id: 'Usia kehamilan (USG)', en: 'Gestational age (ultrasound)' },
        {
          id: 'isi minggu (bilangan bulat) dan hari (0–6).',
          en: 'enter whole weeks and days (0–6).',
        },
      ),
    ]);
  }
  const total = weeks * 7 + days;
  const bad = checkRange('usgGaDays', total, plausibility, 'usgGestationalAge');
  if (bad.length > 0) return fail(bad);
  return ok(addDays(usgDate, NAEGELE_DAYS - total));
}

/**
 * Usia kehamilan on `on`, from the HPL in force (Naegele or USG): GA = 280 − (HPL − on) days.
 * Throws a `RangeError` when `on` is before the implied HPHT (HPL − 280); check the visit window
 * first.
 */
export function gestationalAgeAt(hpl: string, on: string): GestationalAge {
  assertDate(hpl, 'HPL');
  assertDate(on, 'date');
  const total = NAEGELE_DAYS - daysBetween(on, hpl);
  if (total < 0) throw new RangeError(`${on} is before the start of the pregnancy (HPL ${hpl})`);
  return gestationalAgeFromDays(total);
}

/** Usia kehamilan on `on` from HPHT (same as `gestationalAgeAt(hplFromHpht(hpht), on)`). */
export function gestationalAgeFromHpht(hpht: string, on: string): GestationalAge {
  return gestationalAgeAt(hplFromHpht(hpht), on);
}

/**
 * Trimester boundaries as the last gestational day (inclusive) of TM1 and TM2.
 * [GK / UNCONFIRMED] domain.md §2.2 and §9: the exact week boundaries are not confirmed.
 */
export interface TrimesterSet extends ReferenceSet {
  /** Last day of TM1, in gestational days (inclusive). */
  readonly tm1LastDay: number;
  /** Last day of TM2, in gestational days (inclusive). TM3 is everything after. */
  readonly tm2LastDay: number;
}

/**
 * Default. domain.md §2.2 "TM1 ≤ 12 wk; TM2 13–24 wk; TM3 ≥ 25 wk" read in **completed weeks**,
 * the way a clerk writes "UK 12 minggu": 12w6d is still TM1, 13w0d is TM2, 24w6d is TM2, 25w0d is
 * TM3.
 */
export const TRIMESTER_COMPLETED_WEEKS: TrimesterSet = {
  id: 'trimester.completed-weeks',
  title: 'Trimester menurut minggu lengkap (TM1 ≤ 12 mgg, TM2 13–24 mgg, TM3 ≥ 25 mgg)',
  validFrom: '2020-01-01',
  source: 'domain.md §2.2 trimester row, read in completed weeks [GK]',
  tm1LastDay: 12 * 7 + 6,
  tm2LastDay: 24 * 7 + 6,
};

/**
 * Alternative. The "TM2 > 12–24 weeks, TM3 > 24 weeks" wording (domain.md §2.2, K3/K4 rows) read
 * as exact durations: 12w0d is TM1, 12w1d is TM2, 24w0d is TM2, 24w1d is TM3.
 */
export const TRIMESTER_EXACT_WEEKS: TrimesterSet = {
  id: 'trimester.exact-weeks',
  title: 'Trimester menurut usia tepat (TM1 0–12 mgg, TM2 >12–24 mgg, TM3 >24 mgg)',
  validFrom: '2020-01-01',
  source: 'domain.md §2.2 K3/K4 rows ("> 12–24 weeks", "> 24 weeks") [GK]',
  tm1LastDay: 12 * 7,
  tm2LastDay: 24 * 7,
};

export const TRIMESTER_SETS: readonly TrimesterSet[] = [
  TRIMESTER_COMPLETED_WEEKS,
  TRIMESTER_EXACT_WEEKS,
];

/** Trimester (1, 2 or 3) of a gestational age under the given boundaries. */
export function trimesterOf(ga: GestationalAge, set: TrimesterSet): Trimester {
  if (ga.totalDays <= set.tm1LastDay) return 1;
  if (ga.totalDays <= set.tm2LastDay) return 2;
  return 3;
}

/** Dating constants that are not Naegele itself. */
export interface DatingSet extends ReferenceSet {
  /** A visit is allowed up to HPL + this many days (inclusive). domain.md §2.2: 42. */
  readonly visitDaysAfterHpl: number;
  /** Preterm when GA at delivery < this many days (37w0d = 259). */
  readonly pretermBeforeDays: number;
  /** Postterm when GA at delivery ≥ this many days (42w0d = 294). */
  readonly posttermFromDays: number;
}

export const DATING_DEFAULT: DatingSet = {
  id: 'maternal.dating.2021',
  title: 'Jendela kunjungan dan klasifikasi umur kehamilan saat bersalin',
  validFrom: '2000-01-01',
  source:
    'domain.md §2.2 (visit ≥ HPHT and ≤ HPL + 42 d), §2.4 (preterm < 37 wk); postterm ≥ 42 completed weeks (WHO/ICD-10 definition) [GK]',
  visitDaysAfterHpl: 42,
  pretermBeforeDays: 37 * 7,
  posttermFromDays: 42 * 7,
};

/** The field of an ANC visit date (`checkVisitWindow`, ANC contact lists). */
export const VISIT_DATE: Label = { id: 'Tanggal kunjungan', en: 'Visit date' };

/** The allowed range of ANC visit dates (both inclusive). */
export interface VisitWindow {
  readonly earliest: string;
  readonly latest: string;
}

/**
 * Whether `visitDate` may be an ANC visit of the pregnancy: domain.md §2.2 "Must be ≥ HPHT and
 * ≤ HPL + 42 days". Both edges are allowed (a visit on HPHT itself; a visit on HPL + 42); HPHT − 1
 * and HPL + 43 are refused. When HPHT is unknown the implied one (HPL − 280) is used.
 * Refusal codes: `INVALID_DATE`, `VISIT_BEFORE_HPHT`, `VISIT_AFTER_HPL_WINDOW` (path `visitDate`).
 * With a USG-based HPL later than HPHT + 280, a visit between HPHT and HPL − 280 passes this check
 * but has no gestational age (`gestationalAgeAt` throws): such a visit predates the USG-dated
 * conception and should be reviewed.
 */
export function checkVisitWindow(
  visitDate: string,
  pregnancy: { readonly hpl: string; readonly hpht?: string },
  set: DatingSet,
): MaternalChecked<VisitWindow> {
  const invalid = checkDate(visitDate, 'visitDate', VISIT_DATE);
  if (invalid.length > 0) return fail(invalid);
  assertDate(pregnancy.hpl, 'HPL');
  const earliest = pregnancy.hpht ?? addDays(pregnancy.hpl, -NAEGELE_DAYS);
  assertDate(earliest, 'HPHT');
  const latest = addDays(pregnancy.hpl, set.visitDaysAfterHpl);
  if (visitDate < earliest) {
    const hpht = dateLabel(earliest);
    return fail([
      refusal('VISIT_BEFORE_HPHT', 'visitDate', VISIT_DATE, {
        id: `tidak boleh sebelum HPHT (${hpht.id}).`,
        en: `must not be before the first day of the last menstrual period (${hpht.en}).`,
      }),
    ]);
  }
  if (visitDate > latest) {
    const last = dateLabel(latest);
    const days = set.visitDaysAfterHpl;
    return fail([
      refusal('VISIT_AFTER_HPL_WINDOW', 'visitDate', VISIT_DATE, {
        id: `tidak boleh lewat dari ${days} hari setelah HPL (paling lambat ${last.id}).`,
        en: `must not be more than ${days} days after the estimated due date (${last.en} at the latest).`,
      }),
    ]);
  }
  return ok({ earliest, latest });
}

export const TERM_CATEGORIES = ['PRETERM', 'ATERM', 'POSTTERM'] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

export const TERM_LABELS: CodeLabels<TermCategory> = {
  PRETERM: { id: 'Kurang bulan (prematur)', en: 'Preterm' },
  ATERM: { id: 'Cukup bulan (aterm)', en: 'Term' },
  POSTTERM: { id: 'Lebih bulan (postterm)', en: 'Post-term' },
};

/**
 * Term at delivery from the gestational age: preterm < 37w0d (36w6d is preterm), aterm 37w0d–41w6d,
 * postterm ≥ 42w0d.
 */
export function termCategory(ga: GestationalAge, set: DatingSet): TermCategory {
  if (ga.totalDays < set.pretermBeforeDays) return 'PRETERM';
  if (ga.totalDays >= set.posttermFromDays) return 'POSTTERM';
  return 'ATERM';
}

/**
 * Jarak kehamilan in completed months (SATUSEHAT OC000001, unit `mo`): from the previous delivery
 * (or end of the previous pregnancy) to this pregnancy's HPHT. Refuses a previous delivery that is
 * not before HPHT (`PREVIOUS_DELIVERY_NOT_BEFORE_HPHT`, path `previousDeliveryDate`).
 */
export function jarakKehamilanBulan(
  previousDeliveryDate: string,
  hpht: string,
): MaternalChecked<number> {
  const field = { id: 'Tanggal persalinan sebelumnya', en: 'Previous delivery date' };
  const invalid = checkDate(previousDeliveryDate, 'previousDeliveryDate', field);
  if (invalid.length > 0) return fail(invalid);
  assertDate(hpht, 'HPHT');
  if (previousDeliveryDate >= hpht) {
    const start = dateLabel(hpht);
    return fail([
      refusal('PREVIOUS_DELIVERY_NOT_BEFORE_HPHT', 'previousDeliveryDate', field, {
        id: `harus sebelum HPHT kehamilan ini (${start.id}).`,
        en: `must be before the first day of the last menstrual period of this pregnancy (${start.en}).`,
      }),
    ]);
  }
  return ok(completedMonths(previousDeliveryDate, hpht));
}

/**
 * IMT sebelum hamil (kg/m²) from the pre-pregnancy weight (kg) and height (cm), rounded to one
 * decimal (the precision of the SATUSEHAT class bounds 18,5 / 24,9 / 29,9), so the value shown
 * and the class agree. Refuses weight or height outside the plausibility ranges.
 */
export function imtSebelumHamil(
  weightKg: number,
  heightCm: number,
  plausibility: PlausibilitySet,
): MaternalChecked<number> {
  const issues = [
    ...checkRange('weightKg', weightKg, plausibility, 'preWeightKg'),
    ...checkRange('heightCm', heightCm, plausibility, 'heightCm'),
  ];
  if (issues.length > 0) return fail(issues);
  const m = heightCm / 100;
  return ok(Math.round((weightKg / (m * m)) * 10) / 10);
}

export const IMT_CLASSES = ['KURUS', 'NORMAL', 'GEMUK', 'OBESITAS'] as const;
export type ImtClass = (typeof IMT_CLASSES)[number];

export const IMT_CLASS_LABELS: CodeLabels<ImtClass> = {
  KURUS: { id: 'Kurus', en: 'Underweight' },
  NORMAL: { id: 'Normal', en: 'Normal weight' },
  GEMUK: { id: 'Gemuk', en: 'Overweight' },
  OBESITAS: { id: 'Obesitas', en: 'Obese' },
};

export interface WeightGainBand {
  readonly imtClass: ImtClass;
  /** Upper bound of the class, exclusive (kg/m², on the one-decimal IMT); null for the last. */
  readonly imtBelow: number | null;
  /** SATUSEHAT clinical-term value for "Target kenaikan BB" (OC000011). */
  readonly satusehatCode: string;
  readonly minGainKg: number;
  readonly maxGainKg: number;
}

export interface WeightGainSet extends ReferenceSet {
  /** Ordered by `imtBelow` ascending; the last has `imtBelow: null`. */
  readonly bands: readonly WeightGainBand[];
}

/**
 * SATUSEHAT "Target kenaikan BB" (domain.md §2.2, §7.4: OV000008–OV000011) with the IOM 2009 IMT
 * classes. Code ↔ class as transcribed from the SATUSEHAT ANC playbook: OV000008 5–9 kg (≥ 30),
 * OV000009 7–11,5 kg (25,0–29,9), OV000010 11,5–16 kg (18,5–24,9), OV000011 12,5–18 kg (< 18,5).
 * (domain.md lists the ranges underweight→obese next to "OV000008–OV000011"; the code order is the
 * reverse.)
 */
export const WEIGHT_GAIN_SATUSEHAT: WeightGainSet = {
  id: 'anc.weight-gain.satusehat-2023',
  title: 'Target kenaikan berat badan ibu hamil menurut IMT sebelum hamil',
  validFrom: '2020-01-01',
  source:
    'SATUSEHAT clinical-term OV000008–OV000011 [S: domain.md §2.2/§7.4; code↔class from a third-party transcription of the SATUSEHAT ANC playbook]; IMT bounds IOM 2009 [GK]',
  bands: [
    {
      imtClass: 'KURUS',
      imtBelow: 18.5,
      satusehatCode: 'OV000011',
      minGainKg: 12.5,
      maxGainKg: 18,
    },
    { imtClass: 'NORMAL', imtBelow: 25, satusehatCode: 'OV000010', minGainKg: 11.5, maxGainKg: 16 },
    { imtClass: 'GEMUK', imtBelow: 30, satusehatCode: 'OV000009', minGainKg: 7, maxGainKg: 11.5 },
    { imtClass: 'OBESITAS', imtBelow: null, satusehatCode: 'OV000008', minGainKg: 5, maxGainKg: 9 },
  ],
};

/**
 * The IMT class and target weight gain for a pre-pregnancy IMT (one decimal, as returned by
 * `imtSebelumHamil`): 18,4 → KURUS, 18,5 → NORMAL, 24,9 → NORMAL, 25,0 → GEMUK, 30,0 → OBESITAS.
 */
export function targetKenaikanBb(imt: number, set: WeightGainSet): WeightGainBand {
  if (!Number.isFinite(imt) || imt <= 0) throw new RangeError(`Not an IMT: ${imt}`);
  const band = set.bands.find((b) => b.imtBelow === null || imt < b.imtBelow);
  if (!band) throw new Error(`Weight-gain set ${set.id} has no open-ended last band`);
  return band;
}
