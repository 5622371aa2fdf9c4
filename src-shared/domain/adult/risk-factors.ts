import type { ReferenceSet } from '../reference';
import { bandFor, type Band } from './bands';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkBoolean, checkChoice, checkNumber, fail, ok, type Label } from '../refusal';

export const SEXES = ['L', 'P'] as const;
/** Jenis kelamin: `L` laki-laki, `P` perempuan. */
export type Sex = (typeof SEXES)[number];

export const SEX_FIELD: Label = { id: 'Jenis kelamin', en: 'Sex' };

/** A coded answer with its PTM risk flag. */
export interface RiskAnswer {
  readonly referenceSetId: string;
  readonly code: ResultCode;
  readonly risk: boolean;
}

// ---------------------------------------------------------------- central obesity

export interface CentralObesityReferenceSet extends ReferenceSet {
  /** Central obesity when waist (cm) is strictly above this, per sex. */
  readonly above: Readonly<Record<Sex, number>>;
  readonly plausibleCm: readonly [number, number];
}

/**
 * Lingkar perut: obesitas sentral when > 90 cm (laki-laki) or > 80 cm (perempuan); 90 and 80
 * themselves are not [S: sumut.antaranews.com/berita/548757 (Kemenkes P2PTM)]. Plausible
 * 40–250 cm [GK].
 */
export const CENTRAL_OBESITY_KEMENKES: CentralObesityReferenceSet = {
  id: 'waist.kemenkes-p2ptm',
  title: 'Obesitas sentral (lingkar perut), Kemenkes P2PTM',
  validFrom: '2013-01-01',
  source: 'Kemenkes P2PTM [S: sumut.antaranews.com/berita/548757]',
  above: { L: 90, P: 80 },
  plausibleCm: [40, 250],
};

const WAIST: Label = { id: 'Lingkar perut', en: 'Waist circumference' };

export function classifyWaist(
  input: { readonly sex: Sex; readonly lingkarPerutCm: number },
  set: CentralObesityReferenceSet,
  path = 'lingkarPerutCm',
): AdultChecked<RiskAnswer & { readonly lingkarPerutCm: number }> {
  const [min, max] = set.plausibleCm;
  const refusals = [
    ...checkChoice(input?.sex, SEXES, 'person.sex', SEX_FIELD),
    ...checkNumber(input?.lingkarPerutCm, { min, max, unit: 'cm' }, path, WAIST),
  ];
  if (refusals.length > 0) return fail(refusals);
  const risk = input.lingkarPerutCm > set.above[input.sex];
  return ok({
    referenceSetId: set.id,
    lingkarPerutCm: input.lingkarPerutCm,
    code: risk ? 'lingkar_perut.obesitas_sentral' : 'lingkar_perut.normal',
    risk,
  });
}

// ---------------------------------------------------------------- total cholesterol

export interface CholesterolReferenceSet extends ReferenceSet {
  readonly bands: readonly Band<ResultCode>[];
  readonly plausibleMgDl: readonly [number, number];
}

/**
 * Kolesterol total (mg/dL): normal < 200; borderline 200–239; tinggi ≥ 240 [GK, NCEP ATP III].
 * 239.5 is borderline (printed 239 means "below 240"). Plausible 50–1000 mg/dL [GK].
 */
export const CHOLESTEROL_NCEP: CholesterolReferenceSet = {
  id: 'cholesterol.ncep-atp3',
  title: 'Kolesterol total (NCEP ATP III)',
  validFrom: '2001-05-01',
  source: 'NCEP ATP III [GK]',
  bands: [
    { code: 'kolesterol.normal' },
    { code: 'kolesterol.borderline', from: 200 },
    { code: 'kolesterol.tinggi', from: 240 },
  ],
  plausibleMgDl: [50, 1000],
};

const CHOLESTEROL: Label = { id: 'Kolesterol total', en: 'Total cholesterol' };

export function classifyCholesterol(
  totalMgDl: number,
  set: CholesterolReferenceSet,
  path = 'kolesterolTotal',
): AdultChecked<RiskAnswer & { readonly totalMgDl: number }> {
  const [min, max] = set.plausibleMgDl;
  const refusals = checkNumber(totalMgDl, { min, max, unit: 'mg/dL' }, path, CHOLESTEROL);
  if (refusals.length > 0) return fail(refusals);
  const code = bandFor(totalMgDl, set.bands);
  return ok({ referenceSetId: set.id, totalMgDl, code, risk: code !== 'kolesterol.normal' });
}

// ---------------------------------------------------------------- behaviour

export const SMOKING_STATUSES = ['tidak', 'mantan', 'aktif'] as const;
/** `tidak` never smoked; `mantan` former smoker; `aktif` smokes now. */
export type SmokingStatus = (typeof SMOKING_STATUSES)[number];

export interface SmokingInput {
  readonly status: SmokingStatus;
  /** Exposed to other people's smoke (passive smoking). */
  readonly terpaparAsapRokok?: boolean;
}

export interface LifestyleReferenceSet extends ReferenceSet {
  /** Physical activity is sufficient at ≥ this many minutes of moderate activity a week. */
  readonly activityMinutesPerWeek: number;
  /** Fruit and vegetable intake is sufficient at ≥ this many portions a day. */
  readonly fruitVegPortionsPerDay: number;
  readonly plausible: {
    readonly minutesPerWeek: readonly [number, number];
    readonly portionsPerDay: readonly [number, number];
  };
}

/**
 * Aktivitas fisik cukup = ≥ 150 menit/minggu intensitas sedang (or 30 min × 5 days) [GK,
 * WHO/GERMAS]; sayur dan buah cukup = ≥ 5 porsi/hari (Riskesdas "kurang" is < 5) [GK].
 * Plausible: 0–10080 min/week (a whole week), 0–50 portions/day [GK].
 */
export const LIFESTYLE_GERMAS: LifestyleReferenceSet = {
  id: 'lifestyle.germas',
  title: 'Perilaku berisiko: merokok, aktivitas fisik, sayur-buah, alkohol (GERMAS/Riskesdas)',
  validFrom: '2017-01-01',
  source: 'Aktivitas fisik [GK, WHO/GERMAS]; sayur-buah ≥ 5 porsi [GK, Riskesdas]',
  activityMinutesPerWeek: 150,
  fruitVegPortionsPerDay: 5,
  plausible: { minutesPerWeek: [0, 10080], portionsPerDay: [0, 50] },
};

const SMOKING: Label = { id: 'Merokok', en: 'Smoking' };
const PASSIVE: Label = { id: 'Terpapar asap rokok', en: 'Second-hand smoke exposure' };
const ACTIVITY: Label = { id: 'Aktivitas fisik', en: 'Physical activity' };
const FRUIT_VEG: Label = { id: 'Konsumsi sayur dan buah', en: 'Fruit and vegetable intake' };
const ALCOHOL: Label = { id: 'Konsumsi alkohol', en: 'Alcohol use' };

/**
 * Smoking status and passive exposure as coded answers. Risk: `aktif` (current smoking) and
 * passive exposure [GK; SATUSEHAT codes smoking status with LOINC 72166-2]. `mantan` is not a
 * current-behaviour risk here (it still counts for PUMA eligibility).
 */
export function classifySmoking(
  input: SmokingInput,
  set: LifestyleReferenceSet,
  path = 'merokok',
): AdultChecked<readonly RiskAnswer[]> {
  const refusals: AdultRefusal[] = [
    ...checkChoice(input?.status, SMOKING_STATUSES, `${path}.status`, SMOKING),
    ...(input?.terpaparAsapRokok === undefined
      ? []
      : checkBoolean(input.terpaparAsapRokok, `${path}.terpaparAsapRokok`, PASSIVE)),
  ];
  if (refusals.length > 0) return fail(refusals);
  const answers: RiskAnswer[] = [
    {
      referenceSetId: set.id,
      code: `rokok.${input.status}`,
      risk: input.status === 'aktif',
    },
  ];
  if (input.terpaparAsapRokok) {
    answers.push({ referenceSetId: set.id, code: 'rokok.terpapar', risk: true });
  }
  return ok(answers);
}

/** Minutes of moderate physical activity per week → cukup / kurang (risk). */
export function classifyActivity(
  minutesPerWeek: number,
  set: LifestyleReferenceSet,
  path = 'aktivitasMenitPerMinggu',
): AdultChecked<RiskAnswer> {
  const [min, max] = set.plausible.minutesPerWeek;
  const refusals = checkNumber(
    minutesPerWeek,
    { min, max, unit: { id: 'menit/minggu', en: 'minutes/week' } },
    path,
    ACTIVITY,
  );
  if (refusals.length > 0) return fail(refusals);
  const enough = minutesPerWeek >= set.activityMinutesPerWeek;
  return ok({
    referenceSetId: set.id,
    code: enough ? 'aktivitas.cukup' : 'aktivitas.kurang',
    risk: !enough,
  });
}

/** Portions of fruit and vegetables per day → cukup / kurang (risk). */
export function classifyFruitVeg(
  portionsPerDay: number,
  set: LifestyleReferenceSet,
  path = 'porsiSayurBuahPerHari',
): AdultChecked<RiskAnswer> {
  const [min, max] = set.plausible.portionsPerDay;
  const refusals = checkNumber(
    portionsPerDay,
    { min, max, unit: { id: 'porsi/hari', en: 'portions/day' } },
    path,
    FRUIT_VEG,
  );
  if (refusals.length > 0) return fail(refusals);
  const enough = portionsPerDay >= set.fruitVegPortionsPerDay;
  return ok({
    referenceSetId: set.id,
    code: enough ? 'sayur_buah.cukup' : 'sayur_buah.kurang',
    risk: !enough,
  });
}

export const ALCOHOL_ANSWERS = ['tidak', 'ya'] as const;
export type AlcoholAnswer = (typeof ALCOHOL_ANSWERS)[number];

/** Alcohol use yes/no (SATUSEHAT LOINC 11331-6); `ya` is a risk. */
export function classifyAlcohol(
  answer: AlcoholAnswer,
  set: LifestyleReferenceSet,
  path = 'alkohol',
): AdultChecked<RiskAnswer> {
  const refusals = checkChoice(answer, ALCOHOL_ANSWERS, path, ALCOHOL);
  if (refusals.length > 0) return fail(refusals);
  return ok({
    referenceSetId: set.id,
    code: answer === 'ya' ? 'alkohol.ya' : 'alkohol.tidak',
    risk: answer === 'ya',
  });
}
