import { completedYears } from '../dates';
import type { ReferenceSet } from '../reference';
import { checkBoolean, checkChoice, checkDate, fail, ok, refusal, type Label } from '../refusal';
import type { AdultChecked, AdultRefusal } from './codes';
import { SEXES, SEX_FIELD, SMOKING_STATUSES, type Sex, type SmokingStatus } from './risk-factors';

/** Who each Klaster 3 screening is for. Ages are completed years on the service date. */
export interface EligibilityReferenceSet extends ReferenceSet {
  readonly ptm: { readonly minAge: number };
  readonly ivaSadanis: { readonly sex: Sex; readonly minAge: number; readonly maxAge: number };
  readonly puma: { readonly minAge: number; readonly smokingStatuses: readonly SmokingStatus[] };
  readonly dm: {
    /** Everyone from this age. */
    readonly allFromAge: number;
    /** From this age (and below `allFromAge`) only with a risk factor. */
    readonly withRiskFromAge: number;
    /** TB patients from this age, with or without another risk factor. */
    readonly tbPatientsFromAge: number;
  };
  readonly skilas: { readonly minAge: number };
  /** CKG: GDS below this age, GDP from it. */
  readonly ckgGdpFromAge: number;
}

/**
 * Skrining PTM ≥ 15 tahun [S: puskesmaspasirputihkotim.com/klaster-3/lansia]; IVA/SADANIS
 * perempuan 30–50 tahun [GK; CKG says women ≥ 30, S: tnol.co.id]; PUMA ≥ 40 tahun and a smoker,
 * current or former (the Indonesian form asks "pernah merokok") [S: ilp.jyg.my.id/PKG/pkg-ultah/
 * pkg-lansia]; skrining DM all ≥ 40, 15–< 40 with risk (obesitas, obesitas sentral, tekanan
 * darah tinggi), all TB patients [S: puskesmaspasirputihkotim.com] (TB patients from 15 years:
 * decision, the source gives no age); SKILAS ≥ 60 [S: puskesmaspasirputihkotim.com/klaster-3/
 * lansia/skrining-geriatri]; CKG glucose GDS up to 39, GDP from 40 [S: tribunnews.com/nasional/
 * 2025/04/08].
 */
export const ELIGIBILITY_KLASTER3: EligibilityReferenceSet = {
  id: 'eligibility.klaster3-2025',
  title: 'Sasaran skrining Klaster 3',
  validFrom: '2025-01-01',
  source:
    'Domain §3.1/§3.5: puskesmaspasirputihkotim.com, tnol.co.id, ilp.jyg.my.id, tribunnews.com [S]; IVA 30–50 [GK]; usia TB ≥ 15 [keputusan]',
  ptm: { minAge: 15 },
  ivaSadanis: { sex: 'P', minAge: 30, maxAge: 50 },
  puma: { minAge: 40, smokingStatuses: ['aktif', 'mantan'] },
  dm: { allFromAge: 40, withRiskFromAge: 15, tbPatientsFromAge: 15 },
  skilas: { minAge: 60 },
  ckgGdpFromAge: 40,
};

export const ELIGIBILITY_SETS: readonly EligibilityReferenceSet[] = [ELIGIBILITY_KLASTER3];

export interface PersonOnDate {
  /** Tanggal lahir, ISO. */
  readonly birthDate: string;
  /** Service (screening) date, ISO. */
  readonly on: string;
}

export interface Eligible {
  readonly ageYears: number;
}

const AGE: Label = { id: 'Usia', en: 'Age' };
const BIRTH_DATE: Label = { id: 'Tanggal lahir', en: 'Birth date' };

/** Completed years on the service date, refusing invalid or inverted dates. */
export function ageOnService(person: PersonOnDate, path = 'person'): AdultChecked<number> {
  const refusals = [
    ...checkDate(person?.birthDate, `${path}.birthDate`, BIRTH_DATE),
    ...checkDate(person?.on, `${path}.on`, { id: 'Tanggal pemeriksaan', en: 'Service date' }),
  ];
  if (refusals.length > 0) return fail(refusals);
  if (person.birthDate > person.on) {
    return fail([
      refusal('DATE_ORDER', `${path}.birthDate`, BIRTH_DATE, {
        id: 'tidak boleh setelah tanggal pemeriksaan',
        en: 'must not be after the service date',
      }),
    ]);
  }
  return ok(completedYears(person.birthDate, person.on));
}

function tooYoung(what: string, whatEn: string, min: number, age: number, path: string) {
  return refusal('NOT_ELIGIBLE_AGE', path, AGE, {
    id: `${what} hanya untuk usia ≥ ${min} tahun (usia ${age} tahun)`,
    en: `${whatEn} is only for age ${min} and over (age ${age})`,
  });
}

/** Skrining PTM: ≥ 15 tahun. */
export function eligibleForPtmScreening(
  person: PersonOnDate,
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<Eligible> {
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  if (age.value < set.ptm.minAge) {
    return fail([
      tooYoung('Skrining PTM', 'PTM screening', set.ptm.minAge, age.value, `${path}.birthDate`),
    ]);
  }
  return ok({ ageYears: age.value });
}

/** IVA / SADANIS: perempuan 30–50 tahun (inclusive: the day before turning 51 still counts). */
export function eligibleForIvaSadanis(
  person: PersonOnDate & { readonly sex: Sex },
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<Eligible> {
  const sexRefusals = checkChoice(person?.sex, SEXES, `${path}.sex`, SEX_FIELD);
  if (sexRefusals.length > 0) return fail(sexRefusals);
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  const { sex, minAge, maxAge } = set.ivaSadanis;
  if (person.sex !== sex) {
    return fail([
      refusal('NOT_ELIGIBLE_SEX', `${path}.sex`, SEX_FIELD, {
        id: 'IVA/SADANIS hanya untuk perempuan',
        en: 'VIA/CBE is only for women',
      }),
    ]);
  }
  if (age.value < minAge || age.value > maxAge) {
    return fail([
      refusal('NOT_ELIGIBLE_AGE', `${path}.birthDate`, AGE, {
        id: `IVA/SADANIS hanya untuk usia ${minAge}–${maxAge} tahun (usia ${age.value} tahun)`,
        en: `VIA/CBE is only for age ${minAge}–${maxAge} (age ${age.value})`,
      }),
    ]);
  }
  return ok({ ageYears: age.value });
}

/** PUMA: ≥ 40 tahun and a smoker (current or former, per the set). */
export function eligibleForPuma(
  person: PersonOnDate & { readonly smoking: SmokingStatus },
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<Eligible> {
  const smokingField: Label = { id: 'Merokok', en: 'Smoking' };
  const smokingRefusals = checkChoice(
    person?.smoking,
    SMOKING_STATUSES,
    `${path}.smoking`,
    smokingField,
  );
  if (smokingRefusals.length > 0) return fail(smokingRefusals);
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  const refusals: AdultRefusal[] = [];
  if (age.value < set.puma.minAge) {
    refusals.push(tooYoung('PUMA', 'PUMA', set.puma.minAge, age.value, `${path}.birthDate`));
  }
  if (!set.puma.smokingStatuses.includes(person.smoking)) {
    refusals.push(
      refusal('NOT_ELIGIBLE_SMOKING', `${path}.smoking`, smokingField, {
        id: 'PUMA hanya untuk perokok (aktif atau mantan)',
        en: 'PUMA is only for smokers (current or former)',
      }),
    );
  }
  if (refusals.length > 0) return fail(refusals);
  return ok({ ageYears: age.value });
}

/** Risk factors that bring 15–39-year-olds (and TB patients) into DM screening. */
export interface DmRiskFactors {
  readonly obesitas?: boolean;
  readonly obesitasSentral?: boolean;
  readonly tekananDarahTinggi?: boolean;
  readonly pasienTb?: boolean;
}

const DM_RISK_LABELS: Record<keyof DmRiskFactors, Label> = {
  obesitas: { id: 'Obesitas', en: 'Obesity' },
  obesitasSentral: { id: 'Obesitas sentral', en: 'Central obesity' },
  tekananDarahTinggi: { id: 'Tekanan darah tinggi', en: 'High blood pressure' },
  pasienTb: { id: 'Pasien TB', en: 'TB patient' },
};

export type DmEligibilityReason = 'usia' | 'faktor_risiko' | 'pasien_tb';

/** Skrining DM: all ≥ 40; 15–< 40 with a risk factor; TB patients (≥ 15). */
export function eligibleForDmScreening(
  person: PersonOnDate & { readonly risk?: DmRiskFactors },
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<Eligible & { readonly reason: DmEligibilityReason }> {
  const risk = person?.risk ?? {};
  const flagRefusals = (Object.keys(DM_RISK_LABELS) as (keyof DmRiskFactors)[])
    .filter((k) => risk[k] !== undefined)
    .flatMap((k) => checkBoolean(risk[k], `${path}.risk.${k}`, DM_RISK_LABELS[k]));
  if (flagRefusals.length > 0) return fail(flagRefusals);
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  const a = age.value;
  const { allFromAge, withRiskFromAge, tbPatientsFromAge } = set.dm;
  if (a >= allFromAge) return ok({ ageYears: a, reason: 'usia' });
  if (risk.pasienTb === true && a >= tbPatientsFromAge) {
    return ok({ ageYears: a, reason: 'pasien_tb' });
  }
  const hasRisk =
    risk.obesitas === true || risk.obesitasSentral === true || risk.tekananDarahTinggi === true;
  if (a >= withRiskFromAge && hasRisk) return ok({ ageYears: a, reason: 'faktor_risiko' });
  if (a < withRiskFromAge) {
    return fail([tooYoung('Skrining DM', 'DM screening', withRiskFromAge, a, `${path}.birthDate`)]);
  }
  return fail([
    refusal('NOT_ELIGIBLE_DM_RISK', `${path}.risk`, AGE, {
      id: `skrining DM usia ${withRiskFromAge}–${allFromAge - 1} tahun hanya bila ada faktor risiko (obesitas, obesitas sentral, tekanan darah tinggi) atau pasien TB (usia ${a} tahun)`,
      en: `DM screening at age ${withRiskFromAge}–${allFromAge - 1} needs a risk factor (obesity, central obesity, high blood pressure) or TB (age ${a})`,
    }),
  ]);
}

/** SKILAS: ≥ 60 tahun. */
export function eligibleForSkilas(
  person: PersonOnDate,
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<Eligible> {
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  if (age.value < set.skilas.minAge) {
    return fail([tooYoung('SKILAS', 'SKILAS', set.skilas.minAge, age.value, `${path}.birthDate`)]);
  }
  return ok({ ageYears: age.value });
}

/** CKG: which glucose test to do at this age (GDS below 40, GDP from 40). */
export function ckgGlucoseTest(
  person: PersonOnDate,
  set: EligibilityReferenceSet,
  path = 'person',
): AdultChecked<'gds' | 'gdp'> {
  const age = ageOnService(person, path);
  if (!age.ok) return age;
  return ok(age.value >= set.ckgGdpFromAge ? 'gdp' : 'gds');
}
