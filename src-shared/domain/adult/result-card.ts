import type { ReferenceSet } from '../reference';
import {
  BARTHEL_MODIFIED_20,
  scoreBarthel,
  type BarthelReferenceSet,
  type BarthelResult,
  type BarthelScores,
} from './barthel';
import {
  BP_PERHI_2023,
  classifyBloodPressure,
  type BpInput,
  type BpReferenceSet,
  type BpResult,
} from './blood-pressure';
import {
  FOLLOW_UP_LABELS,
  RESULT_LABELS,
  moreUrgent,
  type AdultChecked,
  type AdultRefusal,
  type FollowUp,
  type ResultCode,
} from './codes';
import {
  ELIGIBILITY_KLASTER3,
  ageOnService,
  eligibleForIvaSadanis,
  eligibleForPuma,
  eligibleForSkilas,
  type EligibilityReferenceSet,
} from './eligibility';
import {
  GLUCOSE_KEMENKES_PERKENI,
  GLUCOSE_TEST_SHORT,
  classifyGlucose,
  type GlucoseInput,
  type GlucoseReferenceSet,
  type GlucoseResult,
} from './glucose';
import {
  IMT_ASIA_PACIFIC,
  classifyImt,
  type ImtInput,
  type ImtReferenceSet,
  type ImtResult,
} from './imt';
import {
  classifyFamilyHistory,
  classifyIva,
  classifySadanis,
  type FamilyHistory,
  type FamilyHistoryResult,
  type IvaResult,
  type SadanisResult,
} from './history-cancer';
import { PUMA_CUTOFF_6, scorePuma, type PumaReferenceSet, type PumaResult } from './puma';
import {
  checkChoice,
  fail,
  formatNumberId,
  numberLabel,
  ok,
  refusal,
  type Label,
} from '../refusal';
import {
  CENTRAL_OBESITY_KEMENKES,
  CHOLESTEROL_NCEP,
  LIFESTYLE_GERMAS,
  SEXES,
  SEX_FIELD,
  classifyActivity,
  classifyAlcohol,
  classifyCholesterol,
  classifyFruitVeg,
  classifySmoking,
  classifyWaist,
  type AlcoholAnswer,
  type CentralObesityReferenceSet,
  type CholesterolReferenceSet,
  type LifestyleReferenceSet,
  type RiskAnswer,
  type Sex,
  type SmokingInput,
} from './risk-factors';
import {
  SKILAS_KEMENKES,
  evaluateSkilas,
  type SkilasAnswers,
  type SkilasReferenceSet,
  type SkilasResult,
} from './skilas';
import { SRQ20_RISKESDAS, scoreSrq20, type Srq20ReferenceSet, type Srq20Result } from './srq20';

/** Which follow-up each result class suggests. A ReferenceSet, so a Dinkes may change it. */
export interface FollowUpMapReferenceSet extends ReferenceSet {
  readonly actions: Readonly<Record<ResultCode, FollowUp>>;
}

/**
 * Default mapping [GK throughout, except where noted]. `rujuk` = refer to a doctor / FKTP /
 * further assessment; `kontrol` = come back for a re-check or monitoring; `edukasi` = counselling
 * (CERDIK/GERMAS) only.
 * - BP: optimal, normal → edukasi; normal tinggi, pre-hipertensi → kontrol; HT 1–3 and
 *   hipertensi sistolik terisolasi → rujuk (screening positive, confirm and manage).
 * - Glucose: normal, GDS < 200 → edukasi; GDPT/TGT/prediabetes HbA1c → kontrol; DM criteria and
 *   "curiga DM" → rujuk (domain §3.2: GDS ≥ 200 alone needs confirmation).
 * - IMT: normal, BB lebih / gemuk ringan → edukasi; kurus, kurus ringan, obesitas I/II, gemuk
 *   berat → kontrol; kurus berat (PGS < 17.0) → rujuk.
 * - Lingkar perut: normal → edukasi; obesitas sentral → kontrol.
 * - Kolesterol: normal → edukasi; borderline → kontrol; tinggi → rujuk.
 * - Smoking, activity, fruit/vegetables, alcohol → edukasi (risk flags are counselled).
 * - SRQ-20: negatif → edukasi; positif and item-17 flag → rujuk.
 * - PUMA: negatif → edukasi ("edukasi gaya hidup sehat", S: Indonesian PUMA form); positif →
 *   rujuk spirometri [S: same form].
 * - SKILAS: normal → edukasi; positif → rujuk [S: domain §3.3 "any positive item → refer"].
 * - Barthel: mandiri → edukasi; ringan → kontrol; sedang, berat, total → rujuk.
 * - Riwayat PTM keluarga (ada/tidak) → edukasi (a risk factor to counsel).
 * - IVA: negatif → edukasi; positif (krioterapi or referral) and curiga kanker → rujuk;
 *   SADANIS: normal → edukasi; benjolan/kelainan → rujuk.
 */
export const FOLLOW_UP_KLASTER3_DEFAULT: FollowUpMapReferenceSet = {
  id: 'followup.klaster3-default',
  title: 'Tindak lanjut per hasil skrining Klaster 3',
  validFrom: '2025-01-01',
  source: 'Pemetaan Siklus [GK]; PUMA [S: formulir PUMA Indonesia]; SKILAS [S: domain §3.3]',
  actions: {
    'bp.optimal': 'edukasi',
    'bp.normal': 'edukasi',
    'bp.normal_tinggi': 'kontrol',
    'bp.pre_hipertensi': 'kontrol',
    'bp.ht1': 'rujuk',
    'bp.ht2': 'rujuk',
    'bp.ht3': 'rujuk',
    'bp.hst': 'rujuk',
    'gula.normal': 'edukasi',
    'gula.gds_kurang_200': 'edukasi',
    'gula.gdpt': 'kontrol',
    'gula.tgt': 'kontrol',
    'gula.prediabetes_hba1c': 'kontrol',
    'gula.dm': 'rujuk',
    'gula.curiga_dm': 'rujuk',
    'imt.ap.kurus': 'kontrol',
    'imt.ap.normal': 'edukasi',
    'imt.ap.bb_lebih': 'edukasi',
    'imt.ap.obesitas1': 'kontrol',
    'imt.ap.obesitas2': 'kontrol',
    'imt.pgs.kurus_berat': 'rujuk',
    'imt.pgs.kurus_ringan': 'kontrol',
    'imt.pgs.normal': 'edukasi',
    'imt.pgs.gemuk_ringan': 'edukasi',
    'imt.pgs.gemuk_berat': 'kontrol',
    'lingkar_perut.normal': 'edukasi',
    'lingkar_perut.obesitas_sentral': 'kontrol',
    'kolesterol.normal': 'edukasi',
    'kolesterol.borderline': 'kontrol',
    'kolesterol.tinggi': 'rujuk',
    'rokok.tidak': 'edukasi',
    'rokok.mantan': 'edukasi',
    'rokok.aktif': 'edukasi',
    'rokok.terpapar': 'edukasi',
    'aktivitas.cukup': 'edukasi',
    'aktivitas.kurang': 'edukasi',
    'sayur_buah.cukup': 'edukasi',
    'sayur_buah.kurang': 'edukasi',
    'alkohol.tidak': 'edukasi',
    'alkohol.ya': 'edukasi',
    'srq20.negatif': 'edukasi',
    'srq20.positif': 'rujuk',
    'srq20.ide_bunuh_diri': 'rujuk',
    'puma.negatif': 'edukasi',
    'puma.positif': 'rujuk',
    'skilas.normal': 'edukasi',
    'skilas.positif': 'rujuk',
    'barthel.mandiri': 'edukasi',
    'barthel.ringan': 'kontrol',
    'barthel.sedang': 'rujuk',
    'barthel.berat': 'rujuk',
    'barthel.total': 'rujuk',
    'riwayat_keluarga.tidak': 'edukasi',
    'riwayat_keluarga.ada': 'edukasi',
    'iva.negatif': 'edukasi',
    'iva.positif': 'rujuk',
    'iva.curiga_kanker': 'rujuk',
    'sadanis.normal': 'edukasi',
    'sadanis.kelainan': 'rujuk',
  },
};

/** Every set the card uses; the settings choose each one. */
export interface AdultReferenceSets {
  readonly bp: BpReferenceSet;
  readonly glucose: GlucoseReferenceSet;
  readonly imt: ImtReferenceSet;
  readonly centralObesity: CentralObesityReferenceSet;
  readonly cholesterol: CholesterolReferenceSet;
  readonly lifestyle: LifestyleReferenceSet;
  readonly srq20: Srq20ReferenceSet;
  readonly puma: PumaReferenceSet;
  readonly skilas: SkilasReferenceSet;
  readonly barthel: BarthelReferenceSet;
  readonly eligibility: EligibilityReferenceSet;
  readonly followUp: FollowUpMapReferenceSet;
}

/** Defaults: PERHI/ESH 2023, Asia-Pacific IMT, PUMA ≥ 6, SRQ-20 ≥ 6 and the rest above. */
export const DEFAULT_ADULT_SETS: AdultReferenceSets = {
  bp: BP_PERHI_2023,
  glucose: GLUCOSE_KEMENKES_PERKENI,
  imt: IMT_ASIA_PACIFIC,
  centralObesity: CENTRAL_OBESITY_KEMENKES,
  cholesterol: CHOLESTEROL_NCEP,
  lifestyle: LIFESTYLE_GERMAS,
  srq20: SRQ20_RISKESDAS,
  puma: PUMA_CUTOFF_6,
  skilas: SKILAS_KEMENKES,
  barthel: BARTHEL_MODIFIED_20,
  eligibility: ELIGIBILITY_KLASTER3,
  followUp: FOLLOW_UP_KLASTER3_DEFAULT,
};

/** PUMA answers on the card; sex, age and smoking status come from the rest of the card. */
export interface PumaCardInput {
  /** Bungkus-tahun; required for current and former smokers. */
  readonly packYears?: number;
  readonly sesakNapas: boolean;
  readonly dahak: boolean;
  readonly batuk: boolean;
  readonly pernahSpirometri: boolean;
}

/** One screening's values. Every section is optional; present sections are all classified. */
export interface ScreeningInput {
  readonly person: {
    readonly sex: Sex;
    readonly birthDate: string;
    /** Service date, ISO. */
    readonly on: string;
  };
  readonly tekananDarah?: BpInput;
  readonly gulaDarah?: readonly GlucoseInput[];
  readonly antropometri?: ImtInput;
  /** cm. */
  readonly lingkarPerutCm?: number;
  /** Total cholesterol, mg/dL. */
  readonly kolesterolTotal?: number;
  readonly merokok?: SmokingInput;
  /** Minutes of moderate physical activity per week. */
  readonly aktivitasMenitPerMinggu?: number;
  /** Portions of fruit and vegetables per day. */
  readonly porsiSayurBuahPerHari?: number;
  readonly alkohol?: AlcoholAnswer;
  /** Riwayat PTM in the family: one yes/no per disease. */
  readonly riwayatKeluarga?: FamilyHistory;
  /** SRQ-20 answers, item 1 first, true = "ya". */
  readonly srq20?: readonly boolean[];
  /** Requires `merokok`; the person must be eligible for PUMA (≥ 40, smoker). */
  readonly puma?: PumaCardInput;
  /** The person must be ≥ 60. */
  readonly skilas?: SkilasAnswers;
  readonly barthel?: BarthelScores;
  /** Women 30–50 only (see `eligibleForIvaSadanis`). */
  readonly iva?: IvaResult;
  readonly sadanis?: SadanisResult;
}

export const CARD_SECTIONS = [
  'tekananDarah',
  'gulaDarah',
  'imt',
  'lingkarPerut',
  'kolesterol',
  'merokok',
  'aktivitas',
  'sayurBuah',
  'alkohol',
  'srq20',
  'puma',
  'skilas',
  'barthel',
  'riwayatKeluarga',
  'iva',
  'sadanis',
] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

export interface CardLine {
  readonly section: CardSection;
  readonly code: ResultCode;
  readonly label: Label;
  readonly followUp: FollowUp;
  readonly followUpLabel: Label;
  /** A PTM risk factor (behaviour lines, central obesity, cholesterol). */
  readonly risk?: boolean;
  /** The measured value or a note, e.g. "150/95 mmHg", "skor 7", the SKILAS domains. */
  readonly detail?: Label;
  /** The reference set that produced the class. */
  readonly referenceSetId: string;
}

export interface ResultCard {
  readonly ageYears: number;
  readonly lines: readonly CardLine[];
  /** The most urgent follow-up on the card (undefined when the card has no lines). */
  readonly overall?: FollowUp;
  /** Ids of every reference set used (store them with the screening). */
  readonly referenceSetIds: readonly string[];
  /** Full results per section, for storage. */
  readonly results: {
    readonly tekananDarah?: BpResult;
    readonly gulaDarah?: readonly GlucoseResult[];
    readonly imt?: ImtResult;
    readonly lingkarPerut?: RiskAnswer;
    readonly kolesterol?: RiskAnswer;
    readonly merokok?: readonly RiskAnswer[];
    readonly aktivitas?: RiskAnswer;
    readonly sayurBuah?: RiskAnswer;
    readonly alkohol?: RiskAnswer;
    readonly srq20?: Srq20Result;
    readonly puma?: PumaResult;
    readonly skilas?: SkilasResult;
    readonly barthel?: BarthelResult;
    readonly riwayatKeluarga?: FamilyHistoryResult;
    readonly iva?: ResultCode;
    readonly sadanis?: ResultCode;
  };
}

/**
 * Classify every section present in `input` and list each class with the follow-up `sets.followUp`
 * suggests. All refusals from all sections are returned together; no partial card is produced.
 */
export function buildResultCard(
  input: ScreeningInput,
  sets: AdultReferenceSets = DEFAULT_ADULT_SETS,
): AdultChecked<ResultCard> {
  const refusals: AdultRefusal[] = [];
  const person = input?.person;
  refusals.push(...checkChoice(person?.sex, SEXES, 'person.sex', SEX_FIELD));
  const age = ageOnService({ birthDate: person?.birthDate, on: person?.on }, 'person');
  if (!age.ok) refusals.push(...age.refusals);
  if (refusals.length > 0 || !age.ok) return fail(refusals);
  const ageYears = age.value;

  const lines: CardLine[] = [];
  const results: { -readonly [K in keyof ResultCard['results']]: ResultCard['results'][K] } = {};
  const used = new Set<string>();
  const line = (
    section: CardSection,
    code: ResultCode,
    referenceSetId: string,
    extra: { risk?: boolean; detail?: Label } = {},
  ) => {
    const followUp = sets.followUp.actions[code];
    used.add(referenceSetId);
    lines.push({
      section,
      code,
      label: RESULT_LABELS[code],
      followUp,
      followUpLabel: FOLLOW_UP_LABELS[followUp],
      ...extra,
      referenceSetId,
    });
  };
  function take<T>(r: AdultChecked<T>): T | undefined {
    if (r.ok) return r.value;
    refusals.push(...r.refusals);
    return undefined;
  }

  if (input.tekananDarah !== undefined) {
    const bp = take(classifyBloodPressure(input.tekananDarah, sets.bp));
    if (bp) {
      results.tekananDarah = bp;
      const grade = bp.isolatedSystolicGrade;
      const value = `${formatNumberId(bp.systolic)}/${formatNumberId(bp.diastolic)} mmHg`;
      line('tekananDarah', bp.code, bp.referenceSetId, {
        detail: {
          id: grade ? `${value}, derajat ${grade}` : value,
          en: `${bp.systolic}/${bp.diastolic} mmHg${grade ? `, grade ${grade}` : ''}`,
        },
      });
    }
  }
  if (input.gulaDarah !== undefined) {
    const list: GlucoseResult[] = [];
    input.gulaDarah.forEach((g, i) => {
      const r = take(classifyGlucose(g, sets.glucose, `gulaDarah.${i}`));
      if (r) {
        list.push(r);
        line('gulaDarah', r.code, r.referenceSetId, {
          detail: {
            id: `${GLUCOSE_TEST_SHORT[r.test].id} ${formatNumberId(r.value)} ${r.unit}`,
            en: `${GLUCOSE_TEST_SHORT[r.test].en} ${r.value} ${r.unit}`,
          },
        });
      }
    });
    results.gulaDarah = list;
  }
  if (input.antropometri !== undefined) {
    const r = take(classifyImt(input.antropometri, sets.imt, ageYears));
    if (r) {
      results.imt = r;
      line('imt', r.code, r.referenceSetId, {
        detail: { id: `IMT ${formatNumberId(r.imt)}`, en: `BMI ${r.imt}` },
      });
    }
  }
  if (input.lingkarPerutCm !== undefined) {
    const r = take(
      classifyWaist({ sex: person.sex, lingkarPerutCm: input.lingkarPerutCm }, sets.centralObesity),
    );
    if (r) {
      results.lingkarPerut = r;
      line('lingkarPerut', r.code, r.referenceSetId, {
        risk: r.risk,
        detail: numberLabel(r.lingkarPerutCm, 'cm'),
      });
    }
  }
  if (input.kolesterolTotal !== undefined) {
    const r = take(classifyCholesterol(input.kolesterolTotal, sets.cholesterol));
    if (r) {
      results.kolesterol = r;
      line('kolesterol', r.code, r.referenceSetId, {
        risk: r.risk,
        detail: numberLabel(r.totalMgDl, 'mg/dL'),
      });
    }
  }
  if (input.merokok !== undefined) {
    const r = take(classifySmoking(input.merokok, sets.lifestyle));
    if (r) {
      results.merokok = r;
      r.forEach((a) => line('merokok', a.code, a.referenceSetId, { risk: a.risk }));
    }
  }
  if (input.aktivitasMenitPerMinggu !== undefined) {
    const r = take(classifyActivity(input.aktivitasMenitPerMinggu, sets.lifestyle));
    if (r) {
      results.aktivitas = r;
      line('aktivitas', r.code, r.referenceSetId, {
        risk: r.risk,
        detail: numberLabel(input.aktivitasMenitPerMinggu, {
          id: 'menit/minggu',
          en: 'min/week',
        }),
      });
    }
  }
  if (input.porsiSayurBuahPerHari !== undefined) {
    const r = take(classifyFruitVeg(input.porsiSayurBuahPerHari, sets.lifestyle));
    if (r) {
      results.sayurBuah = r;
      line('sayurBuah', r.code, r.referenceSetId, {
        risk: r.risk,
        detail: numberLabel(input.porsiSayurBuahPerHari, {
          id: 'porsi/hari',
          en: 'portions/day',
        }),
      });
    }
  }
  if (input.alkohol !== undefined) {
    const r = take(classifyAlcohol(input.alkohol, sets.lifestyle));
    if (r) {
      results.alkohol = r;
      line('alkohol', r.code, r.referenceSetId, { risk: r.risk });
    }
  }
  if (input.riwayatKeluarga !== undefined) {
    const r = take(classifyFamilyHistory(input.riwayatKeluarga));
    if (r) {
      results.riwayatKeluarga = r;
      line('riwayatKeluarga', r.code, sets.followUp.id, {
        risk: r.risk,
        ...(r.risk ? { detail: r.detail } : {}),
      });
    }
  }
  if (input.srq20 !== undefined) {
    const r = take(scoreSrq20(input.srq20, sets.srq20));
    if (r) {
      results.srq20 = r;
      line('srq20', r.code, r.referenceSetId, {
        detail: { id: `skor ${r.score}`, en: `score ${r.score}` },
      });
      if (r.suicidalThoughts) line('srq20', 'srq20.ide_bunuh_diri', r.referenceSetId);
    }
  }
  if (input.puma !== undefined) {
    if (input.merokok === undefined) {
      refusals.push(
        refusal(
          'REQUIRED',
          'merokok',
          { id: 'Merokok', en: 'Smoking' },
          {
            id: 'wajib diisi untuk skrining PUMA',
            en: 'is required for PUMA screening',
          },
        ),
      );
    } else {
      const eligible = take(
        eligibleForPuma(
          { birthDate: person.birthDate, on: person.on, smoking: input.merokok.status },
          sets.eligibility,
        ),
      );
      if (eligible) {
        const r = take(
          scorePuma(
            {
              ...input.puma,
              sex: person.sex,
              ageYears,
              smoking: input.merokok.status,
            },
            sets.puma,
          ),
        );
        if (r) {
          results.puma = r;
          line('puma', r.code, r.referenceSetId, {
            detail: { id: `skor ${r.score}`, en: `score ${r.score}` },
          });
        }
      }
    }
  }
  if (input.skilas !== undefined) {
    const eligible = take(
      eligibleForSkilas({ birthDate: person.birthDate, on: person.on }, sets.eligibility),
    );
    if (eligible) {
      const r = take(evaluateSkilas(input.skilas, sets.skilas));
      if (r) {
        results.skilas = r;
        line('skilas', r.code, r.instrumentVersion, r.rujuk ? { detail: r.rujukText } : {});
      }
    }
  }
  if (input.barthel !== undefined) {
    const r = take(scoreBarthel(input.barthel, sets.barthel));
    if (r) {
      results.barthel = r;
      line('barthel', r.code, r.instrumentVersion, {
        detail: { id: `skor ${r.total}/20`, en: `score ${r.total}/20` },
      });
    }
  }

  if (input.iva !== undefined || input.sadanis !== undefined) {
    const eligible = take(
      eligibleForIvaSadanis(
        { sex: person.sex, birthDate: person.birthDate, on: person.on },
        sets.eligibility,
      ),
    );
    if (eligible) {
      used.add(sets.eligibility.id);
      if (input.iva !== undefined) {
        const code = take(classifyIva(input.iva));
        if (code) {
          results.iva = code;
          line('iva', code, sets.eligibility.id);
        }
      }
      if (input.sadanis !== undefined) {
        const code = take(classifySadanis(input.sadanis));
        if (code) {
          results.sadanis = code;
          line('sadanis', code, sets.eligibility.id);
        }
      }
    }
  }

  if (refusals.length > 0) return fail(refusals);
  if (lines.length > 0) used.add(sets.followUp.id);
  const overall = lines.reduce<FollowUp | undefined>(
    (acc, l) => (acc === undefined ? l.followUp : moreUrgent(acc, l.followUp)),
    undefined,
  );
  return ok({
    ageYears,
    lines,
    ...(overall ? { overall } : {}),
    referenceSetIds: [...used],
    results,
  });
}
