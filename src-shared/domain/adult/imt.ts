import type { ReferenceSet } from '../reference';
import { bandFor, roundHalfUp, type Band } from './bands';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkNumber, fail, formatNumberId, ok, refusal, type Label } from '../refusal';

/** Adult body-mass-index (IMT) tables. Two exist; the settings select one. */
export interface ImtReferenceSet extends ReferenceSet {
  /**
   * Decimals IMT is rounded to (half up) before the table is read. The tables print one
   * decimal, so a value between printed bounds (22.95) is first rounded to what the clerk sees
   * (23.0) and classified as that.
   */
  readonly decimals: number;
  readonly bands: readonly Band<ResultCode>[];
  /** Adult tables only: below this age use IMT/U (z-score) instead. */
  readonly minAgeYears: number;
  readonly plausible: {
    readonly beratKg: readonly [number, number];
    readonly tinggiCm: readonly [number, number];
    readonly imt: readonly [number, number];
  };
}

/** Plausibility limits [GK; engineering limits]: BB 20–300 kg, TB 80–250 cm, IMT 10–80. */
export const IMT_PLAUSIBLE = {
  beratKg: [20, 300],
  tinggiCm: [80, 250],
  imt: [10, 80],
} as const;

/**
 * Asia-Pacific (WHO 2004 Asian cut-offs; used in Posbindu/PTM material): kurus < 18.5; normal
 * 18.5–22.9; BB lebih/berisiko 23.0–24.9; obesitas I 25.0–29.9; obesitas II ≥ 30.0
 * [S: nuansametro.co.id/kategori-imt-menurut-kemenkes (weak); online.flipbuilder.com/mlhyw/hadc
 * page81]. IMT rounded to 1 decimal first (decision, see `decimals`).
 */
export const IMT_ASIA_PACIFIC: ImtReferenceSet = {
  id: 'imt.asia-pacific',
  title: 'IMT dewasa, kriteria Asia-Pasifik',
  validFrom: '2004-01-01',
  source:
    'WHO 2004 Asian cut-offs [S: online.flipbuilder.com/mlhyw/hadc page81; nuansametro.co.id (weak)]; pembulatan 1 desimal [keputusan]',
  decimals: 1,
  bands: [
    { code: 'imt.ap.kurus' },
    { code: 'imt.ap.normal', from: 18.5 },
    { code: 'imt.ap.bb_lebih', from: 23.0 },
    { code: 'imt.ap.obesitas1', from: 25.0 },
    { code: 'imt.ap.obesitas2', from: 30.0 },
  ],
  minAgeYears: 18,
  plausible: IMT_PLAUSIBLE,
};

/**
 * Pedoman Gizi Seimbang 2014 (Kemenkes): kurus berat < 17.0; kurus ringan 17.0–18.4; normal
 * 18.5–25.0; gemuk ringan > 25.0–27.0; gemuk berat > 27.0 [S: online.flipbuilder.com/mlhyw/hadc/
 * files/basic-html/page82.html]. After rounding to 1 decimal: 25.0 normal, 25.1 gemuk ringan,
 * 27.0 gemuk ringan, 27.1 gemuk berat.
 */
export const IMT_PGS_2014: ImtReferenceSet = {
  id: 'imt.pgs-2014',
  title: 'IMT dewasa, Pedoman Gizi Seimbang 2014',
  validFrom: '2014-01-01',
  source:
    'Kemenkes, Pedoman Gizi Seimbang 2014 [S: online.flipbuilder.com/mlhyw/hadc/files/basic-html/page82.html]; pembulatan 1 desimal [keputusan]',
  decimals: 1,
  bands: [
    { code: 'imt.pgs.kurus_berat' },
    { code: 'imt.pgs.kurus_ringan', from: 17.0 },
    { code: 'imt.pgs.normal', from: 18.5 },
    { code: 'imt.pgs.gemuk_ringan', from: 25.0, inclusive: false },
    { code: 'imt.pgs.gemuk_berat', from: 27.0, inclusive: false },
  ],
  minAgeYears: 18,
  plausible: IMT_PLAUSIBLE,
};

export const IMT_SETS: readonly ImtReferenceSet[] = [IMT_ASIA_PACIFIC, IMT_PGS_2014];

/** IMT (kg/m²) from weight in kg and height in cm, unrounded. */
export function computeImt(beratKg: number, tinggiCm: number): number {
  const m = tinggiCm / 100;
  return beratKg / (m * m);
}

export interface ImtInput {
  /** Berat badan, kg. */
  readonly beratKg: number;
  /** Tinggi badan, cm. */
  readonly tinggiCm: number;
}

export interface ImtResult {
  readonly referenceSetId: string;
  /** IMT rounded to the set's decimals: the value shown and classified. */
  readonly imt: number;
  readonly code: ResultCode;
}

const BERAT: Label = { id: 'Berat badan', en: 'Body weight' };
const TINGGI: Label = { id: 'Tinggi badan', en: 'Body height' };
const IMT: Label = { id: 'IMT', en: 'BMI' };

/** Classify an already computed IMT (rounded to the set's decimals first). */
export function classifyImtValue(imt: number, set: ImtReferenceSet): ImtResult {
  const rounded = roundHalfUp(imt, set.decimals);
  return { referenceSetId: set.id, imt: rounded, code: bandFor(rounded, set.bands) };
}

/**
 * IMT from BB (kg) and TB (cm), classified by `set`. `ageYears`, when given, must reach the
 * set's adult minimum (18): younger people are assessed with IMT/U, not this table.
 */
export function classifyImt(
  input: ImtInput,
  set: ImtReferenceSet,
  ageYears?: number,
  path = 'antropometri',
): AdultChecked<ImtResult> {
  const [bMin, bMax] = set.plausible.beratKg;
  const [tMin, tMax] = set.plausible.tinggiCm;
  const refusals: AdultRefusal[] = [
    ...checkNumber(input?.beratKg, { min: bMin, max: bMax, unit: 'kg' }, `${path}.beratKg`, BERAT),
    ...checkNumber(
      input?.tinggiCm,
      { min: tMin, max: tMax, unit: 'cm' },
      `${path}.tinggiCm`,
      TINGGI,
    ),
  ];
  if (ageYears !== undefined && ageYears < set.minAgeYears) {
    refusals.push(
      refusal('IMT_ADULT_ONLY', path, IMT, {
        id: `tabel IMT dewasa hanya untuk usia ≥ ${set.minAgeYears} tahun; gunakan IMT/U`,
        en: `the adult BMI table applies from age ${set.minAgeYears}; use BMI-for-age`,
      }),
    );
  }
  if (refusals.length > 0) return fail(refusals);
  const result = classifyImtValue(computeImt(input.beratKg, input.tinggiCm), set);
  const [iMin, iMax] = set.plausible.imt;
  if (result.imt < iMin || result.imt > iMax) {
    return fail([
      refusal('OUT_OF_RANGE', path, IMT, {
        id: `${formatNumberId(result.imt)} tidak masuk akal; periksa berat dan tinggi badan`,
        en: `${result.imt} is implausible; check weight and height`,
      }),
    ]);
  }
  return ok(result);
}
