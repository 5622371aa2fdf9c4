/**
 * Status gizi (nutritional status) from WHO z-scores, per Permenkes No. 2 Tahun 2020 (Standar
 * Antropometri Anak), domain reference §2.8. The cut-offs are data (a versioned
 * {@link ReferenceSet}), not code, because several are only [GK] and Dinkes may read them
 * differently.
 *
 * Boundaries. Every category is a half-open band exactly as the PMK table writes it:
 * "< −3 SD", "−3 SD sd < −2 SD", "−2 SD sd +1 SD", "> +1 SD sd +2 SD", "> +2 SD". So a lower bound
 * written without "<" belongs to its band and "sd +1 SD" includes +1:
 *   BB/U  −3.00 → kurang, −2.00 → normal, +1.00 → normal, +1.01 → risiko lebih;
 *   BB/PB −2.00 → gizi baik, +1.00 → gizi baik, +2.00 → berisiko gizi lebih, +3.00 → gizi lebih.
 * The z-score compared is the one WHO reports, rounded to 2 decimals (anthro does the same
 * before counting prevalence), so the category always agrees with the printed z: a z shown as
 * −2.00 is never "kurang". Derived flags follow WHO's prevalence definitions: z < −2 and z > +2
 * (so exactly −2.00 is not stunted, exactly +2.00 not overweight).
 */
import { inForce, type ReferenceSet } from '../reference';
import { roundZ } from './lms';
import type { Who2006Result } from './who2006';
import { WHO2007_AGE_RANGE, type Who2007Result } from './who2007';

/** BB/U, weight-for-age, 0–60 months. */
export type BbuCode = 'bbu_sangat_kurang' | 'bbu_kurang' | 'bbu_normal' | 'bbu_risiko_lebih';
/** PB/U or TB/U, length/height-for-age, 0–60 months. */
export type PbuCode = 'pbu_sangat_pendek' | 'pbu_pendek' | 'pbu_normal' | 'pbu_tinggi';
/** BB/PB or BB/TB, weight-for-length/height, 0–60 months. */
export type BbpbCode =
  | 'bbpb_gizi_buruk'
  | 'bbpb_gizi_kurang'
  | 'bbpb_gizi_baik'
  | 'bbpb_berisiko_gizi_lebih'
  | 'bbpb_gizi_lebih'
  | 'bbpb_obesitas';
/** IMT/U, BMI-for-age, 0–60 months (the six BB/PB categories). */
export type ImtuCode =
  | 'imtu_gizi_buruk'
  | 'imtu_gizi_kurang'
  | 'imtu_gizi_baik'
  | 'imtu_berisiko_gizi_lebih'
  | 'imtu_gizi_lebih'
  | 'imtu_obesitas';
/** IMT/U, BMI-for-age, 5–18 years (WHO Reference 2007). */
export type Imtu518Code =
  | 'imtu518_gizi_buruk'
  | 'imtu518_gizi_kurang'
  | 'imtu518_gizi_baik'
  | 'imtu518_gizi_lebih'
  | 'imtu518_obesitas';
/** LiLA (MUAC), 6–59 months. */
export type LilaCode = 'lila_gizi_buruk' | 'lila_gizi_kurang' | 'lila_normal';
/** Lingkar kepala (head circumference-for-age). */
export type LkCode = 'lk_mikrosefali' | 'lk_normal' | 'lk_makrosefali';

/** Every status gizi category code. Codes are stable: they are stored and exported. */
export type StatusGiziCode =
  BbuCode | PbuCode | BbpbCode | ImtuCode | Imtu518Code | LilaCode | LkCode;

/**
 * One band of a classification. Bands are listed from low to high; a value belongs to the first
 * band whose upper bound it does not pass (`value < upTo`, or `value ≤ upTo` when
 * `includesUpTo`). The last band has no upper bound.
 */
export interface Band<C extends string> {
  readonly code: C;
  readonly upTo: number | null;
  readonly includesUpTo: boolean;
}

/** A versioned set of status gizi cut-offs. */
export interface StatusGiziStandard extends ReferenceSet {
  readonly bbU: readonly Band<BbuCode>[];
  readonly pbU: readonly Band<PbuCode>[];
  readonly bbPb: readonly Band<BbpbCode>[];
  readonly imtU: readonly Band<ImtuCode>[];
  readonly imtU518: readonly Band<Imtu518Code>[];
  /** LiLA bands in cm, applied from `lilaAgeMonths[0]` up to (not including) `[1]` months. */
  readonly lila: readonly Band<LilaCode>[];
  readonly lilaAgeMonths: readonly [number, number];
  readonly lk: readonly Band<LkCode>[];
}

const below = <C extends string>(code: C, upTo: number): Band<C> => ({
  code,
  upTo,
  includesUpTo: false,
});
const upToIncl = <C extends string>(code: C, upTo: number): Band<C> => ({
  code,
  upTo,
  includesUpTo: true,
});
const rest = <C extends string>(code: C): Band<C> => ({ code, upTo: null, includesUpTo: false });

/** Permenkes No. 2 Tahun 2020, Standar Antropometri Anak (domain reference §2.8). */
export const STATUS_GIZI_PMK_2_2020: StatusGiziStandard = {
  id: 'status-gizi.pmk-2-2020',
  title: 'Status gizi anak, Permenkes No. 2 Tahun 2020 (Standar Antropometri Anak)',
  validFrom: '2020-01-01',
  source:
    'PMK 2/2020: BB/U and PB/U [S: flipbuilder osyic/fmga]; BB/PB, IMT/U 0–60 mo and 5–18 y ' +
    '[GK, as widely reproduced]; LiLA 11.5/12.5 cm for 6–59 mo [GK, gizi buruk guideline]; ' +
    'lingkar kepala ±2 SD [GK]. validFrom is the year of the regulation [UNCONFIRMED day].',
  bbU: [
    below('bbu_sangat_kurang', -3),
    below('bbu_kurang', -2),
    upToIncl('bbu_normal', 1),
    rest('bbu_risiko_lebih'),
  ],
  pbU: [
    below('pbu_sangat_pendek', -3),
    below('pbu_pendek', -2),
    upToIncl('pbu_normal', 3),
    rest('pbu_tinggi'),
  ],
  bbPb: [
    below('bbpb_gizi_buruk', -3),
    below('bbpb_gizi_kurang', -2),
    upToIncl('bbpb_gizi_baik', 1),
    upToIncl('bbpb_berisiko_gizi_lebih', 2),
    upToIncl('bbpb_gizi_lebih', 3),
    rest('bbpb_obesitas'),
  ],
  imtU: [
    below('imtu_gizi_buruk', -3),
    below('imtu_gizi_kurang', -2),
    upToIncl('imtu_gizi_baik', 1),
    upToIncl('imtu_berisiko_gizi_lebih', 2),
    upToIncl('imtu_gizi_lebih', 3),
    rest('imtu_obesitas'),
  ],
  imtU518: [
    below('imtu518_gizi_buruk', -3),
    below('imtu518_gizi_kurang', -2),
    upToIncl('imtu518_gizi_baik', 1),
    upToIncl('imtu518_gizi_lebih', 2),
    rest('imtu518_obesitas'),
  ],
  lila: [below('lila_gizi_buruk', 11.5), below('lila_gizi_kurang', 12.5), rest('lila_normal')],
  lilaAgeMonths: [6, 60],
  lk: [below('lk_mikrosefali', -2), upToIncl('lk_normal', 2), rest('lk_makrosefali')],
};

/** Every status gizi standard the app knows (pick with `inForce` or `byId`). */
export const STATUS_GIZI_STANDARDS: readonly StatusGiziStandard[] = [STATUS_GIZI_PMK_2_2020];

/** The standard in force on `date`, else the first shipped one (back-entered history). */
export function statusStandardOn(date: string): StatusGiziStandard {
  return inForce(STATUS_GIZI_STANDARDS, date) ?? STATUS_GIZI_PMK_2_2020;
}

/** The band `value` falls in (see {@link Band}). */
export function bandOf<C extends string>(bands: readonly Band<C>[], value: number): C {
  for (const band of bands) {
    if (band.upTo === null) return band.code;
    if (band.includesUpTo ? value <= band.upTo : value < band.upTo) return band.code;
  }
  throw new Error('Bands must end with an unbounded band');
}

function zBand<C extends string>(bands: readonly Band<C>[], z: number | null): C | null {
  return z === null || !Number.isFinite(z) ? null : bandOf(bands, roundZ(z));
}

/** BB/U category of a weight-for-age z-score (rounded to 2 decimals first). */
export function classifyBbU(z: number | null, std = STATUS_GIZI_PMK_2_2020): BbuCode | null {
  return zBand(std.bbU, z);
}
/** PB/U or TB/U category of a length/height-for-age z-score. */
export function classifyPbU(z: number | null, std = STATUS_GIZI_PMK_2_2020): PbuCode | null {
  return zBand(std.pbU, z);
}
/** BB/PB or BB/TB category of a weight-for-length/height z-score. */
export function classifyBbPb(z: number | null, std = STATUS_GIZI_PMK_2_2020): BbpbCode | null {
  return zBand(std.bbPb, z);
}
/** IMT/U category, 0–60 months (WHO 2006 BMI-for-age z-score). */
export function classifyImtU(z: number | null, std = STATUS_GIZI_PMK_2_2020): ImtuCode | null {
  return zBand(std.imtU, z);
}
/** IMT/U category, 5–18 years (WHO 2007 BMI-for-age z-score). */
export function classifyImtU518(
  z: number | null,
  std = STATUS_GIZI_PMK_2_2020,
): Imtu518Code | null {
  return zBand(std.imtU518, z);
}
/** Head circumference category (z < −2 mikrosefali, z > +2 makrosefali). */
export function classifyLk(z: number | null, std = STATUS_GIZI_PMK_2_2020): LkCode | null {
  return zBand(std.lk, z);
}
/**
 * LiLA category from the arm circumference in cm, for ages 6 to < 60 months; null outside that
 * age or without a measurement. `ageMonths` is the exact age in months (days / 30.4375, the WHO
 * month, so 6 months starts at day 183). The value is compared as given (11.4 → gizi buruk,
 * 11.5 → gizi kurang, 12.4 → gizi kurang, 12.5 → normal).
 */
export function classifyLila(
  muacCm: number | null | undefined,
  ageMonths: number,
  std = STATUS_GIZI_PMK_2_2020,
): LilaCode | null {
  if (typeof muacCm !== 'number' || !Number.isFinite(muacCm) || muacCm <= 0) return null;
  const [from, to] = std.lilaAgeMonths;
  if (!(ageMonths >= from && ageMonths < to)) return null;
  return bandOf(std.lila, muacCm);
}

/** Indices of the under-five status, for {@link StatusGizi.implausible}. */
export type StatusIndex = 'bbU' | 'pbU' | 'bbPb' | 'imtU' | 'lk';

/** Status gizi of a child under five. null = not assessable (no measurement or out of range). */
export interface StatusGizi {
  bbU: BbuCode | null;
  pbU: PbuCode | null;
  bbPb: BbpbCode | null;
  imtU: ImtuCode | null;
  lila: LilaCode | null;
  lk: LkCode | null;
  /**
   * Oedema decided the weight-based categories: WHO computes no weight-based z-score with
   * bilateral oedema and counts the child below −3 SD on BB/U, BB/PB and IMT/U; so BB/PB and
   * IMT/U are "gizi buruk" and BB/U "sangat kurang" whatever the weight. LiLA stays as measured.
   */
  byOedema: boolean;
  /**
   * Indices whose z-score WHO flags as implausible (anthro f* flags). Their category is still
   * given, but the measurement should be checked, and WHO leaves flagged z-scores out of
   * prevalence; the derived flags below do NOT exclude them.
   */
  implausible: StatusIndex[];
  /** Stunting: PB/U or TB/U z < −2 (sangat pendek + pendek). */
  stunting: boolean | null;
  /** Wasting: BB/PB z < −2 (gizi buruk + gizi kurang), or oedema. */
  wasting: boolean | null;
  /** Underweight: BB/U z < −2, or oedema. */
  underweight: boolean | null;
  /** Overweight (incl. obesity): BB/PB z > +2; false with oedema. */
  overweight: boolean | null;
  /** LEGACY BGM (Bawah Garis Merah, old KMS): BB/U z < −3, or oedema. Not a PMK 2/2020 status. */
  bgmLegacy: boolean | null;
}

const lt = (z: number | null, cut: number) => (z === null ? null : roundZ(z) < cut);
const gt = (z: number | null, cut: number) => (z === null ? null : roundZ(z) > cut);

/**
 * Status gizi of a child under five from its WHO 2006 z-scores (see {@link who2006ZScores}) and,
 * for LiLA, the arm circumference in cm.
 */
export function statusGizi(
  result: Who2006Result,
  muacCm?: number | null,
  std = STATUS_GIZI_PMK_2_2020,
): StatusGizi {
  const oedema = result.oedema && result.ageDays !== null && result.ageMonths < 60;
  const implausible: StatusIndex[] = [];
  if (result.fwei) implausible.push('bbU');
  if (result.flen) implausible.push('pbU');
  if (result.fwfl) implausible.push('bbPb');
  if (result.fbmi) implausible.push('imtU');
  if (result.fhc) implausible.push('lk');
  return {
    bbU: oedema ? std.bbU[0]!.code : classifyBbU(result.zwei, std),
    pbU: classifyPbU(result.zlen, std),
    bbPb: oedema ? std.bbPb[0]!.code : classifyBbPb(result.zwfl, std),
    imtU: oedema ? std.imtU[0]!.code : classifyImtU(result.zbmi, std),
    lila: classifyLila(muacCm, result.ageMonths, std),
    lk: classifyLk(result.zhc, std),
    byOedema: oedema,
    implausible,
    stunting: lt(result.zlen, -2),
    wasting: oedema ? true : lt(result.zwfl, -2),
    underweight: oedema ? true : lt(result.zwei, -2),
    overweight: oedema ? false : gt(result.zwfl, 2),
    bgmLegacy: oedema ? true : lt(result.zwei, -3),
  };
}

/** Status gizi of a child or adolescent 5–18 years (IMT/U only, per PMK 2/2020). */
export interface StatusGizi518 {
  imtU: Imtu518Code | null;
  /** Oedema: WHO computes no BMI-for-age z and counts the child below −3 SD → gizi buruk. */
  byOedema: boolean;
  /** The BMI-for-age z-score is flagged implausible (anthroplus fbfa). */
  implausible: boolean;
}

/**
 * Status gizi 5–18 years from WHO 2007 z-scores (see {@link who2007ZScores}). Given wherever
 * anthroplus computes BMI-for-age, 61–228 months (PMK 2/2020 says "5–18 tahun").
 */
export function statusGizi518(result: Who2007Result, std = STATUS_GIZI_PMK_2_2020): StatusGizi518 {
  const [from, to] = WHO2007_AGE_RANGE.bfa;
  const inRange = result.ageMonths >= from && result.ageMonths <= to;
  const oedema = result.oedema && inRange;
  return {
    imtU: oedema ? std.imtU518[0]!.code : classifyImtU518(result.zbfa, std),
    byOedema: oedema,
    implausible: result.fbfa === true,
  };
}

/** Indonesian and English label of every status gizi code. */
export const STATUS_GIZI_LABELS: Record<StatusGiziCode, { id: string; en: string }> = {
  bbu_sangat_kurang: { id: 'Berat badan sangat kurang', en: 'Severely underweight' },
  bbu_kurang: { id: 'Berat badan kurang', en: 'Underweight' },
  bbu_normal: { id: 'Berat badan normal', en: 'Normal weight' },
  bbu_risiko_lebih: { id: 'Risiko berat badan lebih', en: 'Risk of overweight' },
  pbu_sangat_pendek: { id: 'Sangat pendek', en: 'Severely stunted' },
  pbu_pendek: { id: 'Pendek', en: 'Stunted' },
  pbu_normal: { id: 'Normal', en: 'Normal' },
  pbu_tinggi: { id: 'Tinggi', en: 'Tall' },
  bbpb_gizi_buruk: { id: 'Gizi buruk', en: 'Severely wasted' },
  bbpb_gizi_kurang: { id: 'Gizi kurang', en: 'Wasted' },
  bbpb_gizi_baik: { id: 'Gizi baik (normal)', en: 'Normal' },
  bbpb_berisiko_gizi_lebih: { id: 'Berisiko gizi lebih', en: 'Possible risk of overweight' },
  bbpb_gizi_lebih: { id: 'Gizi lebih', en: 'Overweight' },
  bbpb_obesitas: { id: 'Obesitas', en: 'Obese' },
  imtu_gizi_buruk: { id: 'Gizi buruk', en: 'Severely wasted' },
  imtu_gizi_kurang: { id: 'Gizi kurang', en: 'Wasted' },
  imtu_gizi_baik: { id: 'Gizi baik (normal)', en: 'Normal' },
  imtu_berisiko_gizi_lebih: { id: 'Berisiko gizi lebih', en: 'Possible risk of overweight' },
  imtu_gizi_lebih: { id: 'Gizi lebih', en: 'Overweight' },
  imtu_obesitas: { id: 'Obesitas', en: 'Obese' },
  imtu518_gizi_buruk: { id: 'Gizi buruk', en: 'Severe thinness' },
  imtu518_gizi_kurang: { id: 'Gizi kurang', en: 'Thinness' },
  imtu518_gizi_baik: { id: 'Gizi baik (normal)', en: 'Normal' },
  imtu518_gizi_lebih: { id: 'Gizi lebih', en: 'Overweight' },
  imtu518_obesitas: { id: 'Obesitas', en: 'Obese' },
  lila_gizi_buruk: { id: 'Gizi buruk (LiLA < 11,5 cm)', en: 'Severe wasting (MUAC < 11.5 cm)' },
  lila_gizi_kurang: {
    id: 'Gizi kurang (LiLA 11,5 – < 12,5 cm)',
    en: 'Moderate wasting (MUAC 11.5 – < 12.5 cm)',
  },
  lila_normal: { id: 'Normal (LiLA ≥ 12,5 cm)', en: 'Normal (MUAC ≥ 12.5 cm)' },
  lk_mikrosefali: { id: 'Mikrosefali', en: 'Microcephaly' },
  lk_normal: { id: 'Lingkar kepala normal', en: 'Normal head circumference' },
  lk_makrosefali: { id: 'Makrosefali', en: 'Macrocephaly' },
};

/** Derived indicator flags of {@link StatusGizi}. */
export type DerivedFlag = 'stunting' | 'wasting' | 'underweight' | 'overweight' | 'bgmLegacy';

/** Indonesian and English label of every derived flag. */
export const DERIVED_FLAG_LABELS: Record<DerivedFlag, { id: string; en: string }> = {
  stunting: {
    id: 'Stunting (PB/U atau TB/U < −2 SD)',
    en: 'Stunting (length/height-for-age < −2 SD)',
  },
  wasting: {
    id: 'Wasting (BB/PB atau BB/TB < −2 SD)',
    en: 'Wasting (weight-for-length/height < −2 SD)',
  },
  underweight: { id: 'Underweight (BB/U < −2 SD)', en: 'Underweight (weight-for-age < −2 SD)' },
  overweight: {
    id: 'Gizi lebih (BB/PB atau BB/TB > +2 SD)',
    en: 'Overweight (weight-for-length/height > +2 SD)',
  },
  bgmLegacy: {
    id: 'BGM – Bawah Garis Merah (lama; BB/U < −3 SD)',
    en: 'BGM – below the red line (legacy; weight-for-age < −3 SD)',
  },
};
