import type { ReferenceSet } from '../reference';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkBoolean, checkChoice, checkNumber, fail, ok, refusal, type Label } from '../refusal';
import { SEXES, SEX_FIELD, SMOKING_STATUSES, type Sex, type SmokingStatus } from './risk-factors';

/**
 * PUMA: seven-item COPD (PPOK) case-finding questionnaire for primary care.
 *
 * Items and points, confirmed in two places: the seven items (sex, age, pack-years, dyspnoea,
 * sputum, cough, previous spirometry) [S: Lopez Varela et al., Int J COPD 2019;14:1901 (abstract)]
 * and the Indonesian form with its points [S: id.scribd.com/document/671344795 "Kuosioner PUMA"]:
 * laki-laki 1 / perempuan 0; usia 40–49 → 0, 50–59 → 1, ≥ 60 → 2 (the Indonesian form prints
 * "> 60", leaving 60 itself unplaced; the original PUMA has ≥ 60, used here); bungkus-tahun < 20 → 0,
 * 20–30 → 1, > 30 → 2 (non-smokers 0); four yes/no questions 1 point each. Maximum 9.
 */
export const PUMA_ITEMS = {
  jenisKelamin: { id: 'Jenis kelamin', en: 'Sex' },
  usia: { id: 'Usia dalam tahun', en: 'Age in years' },
  merokok: {
    id: 'Merokok (bungkus-tahun = batang/hari × lama merokok dalam tahun / 20)',
    en: 'Smoking (pack-years = cigarettes/day × years smoked / 20)',
  },
  sesakNapas: {
    id: 'Apakah Anda pernah merasa napas pendek ketika berjalan lebih cepat pada jalan yang datar atau sedikit menanjak?',
    en: 'Do you get short of breath when walking faster on level ground or up a slight hill?',
  },
  dahak: {
    id: 'Apakah Anda biasanya mempunyai dahak dari paru atau kesulitan mengeluarkan dahak saat tidak menderita flu?',
    en: 'Do you usually bring up phlegm from your chest, or have trouble doing so, when you do not have a cold?',
  },
  batuk: {
    id: 'Apakah Anda biasanya batuk saat tidak menderita flu?',
    en: 'Do you usually cough when you do not have a cold?',
  },
  pernahSpirometri: {
    id: 'Apakah dokter atau tenaga kesehatan pernah meminta Anda memeriksa fungsi paru dengan spirometri atau peak flow meter?',
    en: 'Has a doctor or health worker ever asked you to do a lung-function test with a spirometer or peak-flow meter?',
  },
} as const satisfies Record<string, Label>;

export type PumaItem = keyof typeof PUMA_ITEMS;

/** A points band: values ≥ `from` (or > `from` when `inclusive` is false) score `points`. */
export interface PointsBand {
  readonly from: number;
  readonly inclusive?: boolean;
  readonly points: number;
}

export interface PumaReferenceSet extends ReferenceSet {
  /** PUMA applies from this age; the age item has no band below it. */
  readonly minAgeYears: number;
  readonly sexPoints: Readonly<Record<Sex, number>>;
  readonly ageBands: readonly PointsBand[];
  readonly packYearBands: readonly PointsBand[];
  /** Points for each "ya" to the four yes/no questions. */
  readonly yesPoints: number;
  /** Positive (risk of PPOK → rujuk spirometri) at a total ≥ this. */
  readonly positiveFrom: number;
  readonly plausiblePackYears: readonly [number, number];
}

const PUMA_SCORING = {
  minAgeYears: 40,
  sexPoints: { L: 1, P: 0 },
  ageBands: [
    { from: 40, points: 0 },
    { from: 50, points: 1 },
    { from: 60, points: 2 },
  ],
  packYearBands: [
    { from: 0, points: 0 },
    { from: 20, points: 1 },
    { from: 30, inclusive: false, points: 2 },
  ],
  yesPoints: 1,
  plausiblePackYears: [0, 300],
} as const;

/**
 * Default: positive at ≥ 6 → rujuk spirometri [GK; Indonesian CKG reporting templates seen in
 * third-party code label "PUMA < 6 / ≥ 6"; ≥ 6 was the best primary-care cut-point in Lopez
 * Varela 2019 and the Chinese validations (HK 2022, Taiwan 2024)]. Not confirmed against the
 * Kemenkes Juknis PPOK 2022 or Juknis CKG text.
 */
export const PUMA_CUTOFF_6: PumaReferenceSet = {
  id: 'puma.cutoff-6',
  title: 'PUMA, risiko PPOK bila skor ≥ 6',
  validFrom: '2022-01-01',
  source:
    'Butir dan skor [S: id.scribd.com/document/671344795; Lopez Varela dkk. 2019 Int J COPD 14:1901]; titik potong ≥ 6 [GK/UNCONFIRMED vs Juknis PPOK 2022]',
  ...PUMA_SCORING,
  positiveFrom: 6,
};

/** Alternative: ≥ 5, the original PUMA primary-care cut-off [S: Eur Respir Rev questionnaire table "PUMA ≥ 5"]. */
export const PUMA_CUTOFF_5: PumaReferenceSet = {
  id: 'puma.cutoff-5',
  title: 'PUMA, risiko PPOK bila skor ≥ 5 (studi PUMA asli)',
  validFrom: '2016-01-01',
  source:
    'Studi PUMA (Amerika Latin) ≥ 5 [S: err.ersjournals.com tabel kuesioner; respirar.alatorax.org PUMA e-tool ≥ 5]',
  ...PUMA_SCORING,
  positiveFrom: 5,
};

/**
 * Alternative: ≥ 7, as some Indonesian systems apply it ("Suspek PPOK (skor >=7)" in a
 * third-party ePuskesmas→ASIK converter; the Indonesian paper form prints "> 7 rujuk" and
 * "< 7 edukasi") [UNCONFIRMED].
 */
export const PUMA_CUTOFF_7: PumaReferenceSet = {
  id: 'puma.cutoff-7',
  title: 'PUMA, risiko PPOK bila skor ≥ 7',
  validFrom: '2022-01-01',
  source:
    'Formulir PUMA Indonesia "> 7 / < 7" [S: id.scribd.com/document/671344795]; konverter ePuskesmas-ASIK pihak ketiga "skor >=7" [UNCONFIRMED]',
  ...PUMA_SCORING,
  positiveFrom: 7,
};

export const PUMA_SETS: readonly PumaReferenceSet[] = [PUMA_CUTOFF_6, PUMA_CUTOFF_5, PUMA_CUTOFF_7];

/** Bungkus-tahun (pack-years) from cigarettes a day and years smoked: batang × tahun / 20. */
export function packYears(batangPerHari: number, lamaTahun: number): number {
  return (batangPerHari * lamaTahun) / 20;
}

export interface PumaInput {
  readonly sex: Sex;
  /** Completed years of age. */
  readonly ageYears: number;
  readonly smoking: SmokingStatus;
  /** Bungkus-tahun; required for current and former smokers. */
  readonly packYears?: number;
  readonly sesakNapas: boolean;
  readonly dahak: boolean;
  readonly batuk: boolean;
  readonly pernahSpirometri: boolean;
}

export interface PumaResult {
  readonly referenceSetId: string;
  readonly points: Readonly<Record<PumaItem, number>>;
  /** Total, 0–9. */
  readonly score: number;
  readonly positive: boolean;
  readonly code: ResultCode;
}

function pointsFor(value: number, bands: readonly PointsBand[]): number {
  let points = 0;
  for (const b of bands) {
    const meets = b.inclusive === false ? value > b.from : value >= b.from;
    if (meets) points = b.points;
  }
  return points;
}

const PUMA: Label = { id: 'PUMA', en: 'PUMA' };
const YES_NO_ITEMS = ['sesakNapas', 'dahak', 'batuk', 'pernahSpirometri'] as const;

/** Score the PUMA questionnaire with `set`. */
export function scorePuma(
  input: PumaInput,
  set: PumaReferenceSet,
  path = 'puma',
): AdultChecked<PumaResult> {
  const refusals: AdultRefusal[] = [
    ...checkChoice(input?.sex, SEXES, `${path}.sex`, SEX_FIELD),
    ...checkNumber(
      input?.ageYears,
      { min: 0, max: 130, integer: true, unit: { id: 'tahun', en: 'years' } },
      `${path}.ageYears`,
      { id: 'Usia', en: 'Age' },
    ),
    ...checkChoice(input?.smoking, SMOKING_STATUSES, `${path}.smoking`, {
      id: 'Merokok',
      en: 'Smoking',
    }),
    ...YES_NO_ITEMS.flatMap((k) => checkBoolean(input?.[k], `${path}.${k}`, PUMA_ITEMS[k])),
  ];
  if (typeof input?.ageYears === 'number' && input.ageYears < set.minAgeYears) {
    refusals.push(
      refusal('NOT_ELIGIBLE_AGE', `${path}.ageYears`, PUMA, {
        id: `hanya untuk usia ≥ ${set.minAgeYears} tahun`,
        en: `only for age ${set.minAgeYears} and over`,
      }),
    );
  }
  const smoker = input?.smoking === 'aktif' || input?.smoking === 'mantan';
  const [pMin, pMax] = set.plausiblePackYears;
  const packField: Label = { id: 'Jumlah bungkus-tahun', en: 'Pack-years' };
  if (smoker) {
    refusals.push(
      ...checkNumber(
        input.packYears,
        { min: pMin, max: pMax, unit: { id: 'bungkus-tahun', en: 'pack-years' } },
        `${path}.packYears`,
        packField,
      ),
    );
  } else if (input?.smoking === 'tidak' && input.packYears !== undefined && input.packYears !== 0) {
    refusals.push(
      refusal('PUMA_SMOKING_CONTRADICTION', `${path}.packYears`, packField, {
        id: 'harus kosong atau 0 bila tidak pernah merokok',
        en: 'must be empty or 0 for a never-smoker',
      }),
    );
  }
  if (refusals.length > 0) return fail(refusals);

  const points: Record<PumaItem, number> = {
    jenisKelamin: set.sexPoints[input.sex],
    usia: pointsFor(input.ageYears, set.ageBands),
    merokok: smoker ? pointsFor(input.packYears ?? 0, set.packYearBands) : 0,
    sesakNapas: input.sesakNapas ? set.yesPoints : 0,
    dahak: input.dahak ? set.yesPoints : 0,
    batuk: input.batuk ? set.yesPoints : 0,
    pernahSpirometri: input.pernahSpirometri ? set.yesPoints : 0,
  };
  const score = Object.values(points).reduce((a, b) => a + b, 0);
  const positive = score >= set.positiveFrom;
  return ok({
    referenceSetId: set.id,
    points,
    score,
    positive,
    code: positive ? 'puma.positif' : 'puma.negatif',
  });
}
