import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkBoolean, checkChoice, fail, ok, type Label } from '../refusal';

/**
 * Two screening items the card records without a cut-off: the family history of PTM, and the
 * cervical (IVA) and breast (SADANIS) cancer screening of women 30–50 (eligibility:
 * `eligibleForIvaSadanis`). Both are coded answers; the card lists them with a follow-up.
 */

// ---------------------------------------------------------------- family history

export const FAMILY_HISTORY_ITEMS = ['ht', 'dm', 'jantung', 'stroke'] as const;
export type FamilyHistoryItem = (typeof FAMILY_HISTORY_ITEMS)[number];

export const FAMILY_HISTORY_LABELS: Record<FamilyHistoryItem, Label> = {
  ht: { id: 'Hipertensi', en: 'Hypertension' },
  dm: { id: 'Diabetes melitus', en: 'Diabetes mellitus' },
  jantung: { id: 'Penyakit jantung', en: 'Heart disease' },
  stroke: { id: 'Stroke', en: 'Stroke' },
};

/** Riwayat PTM in parents or siblings, one yes/no answer per disease. */
export type FamilyHistory = Readonly<Record<FamilyHistoryItem, boolean>>;

export interface FamilyHistoryResult {
  readonly code: ResultCode;
  readonly risk: boolean;
  /** The diseases answered "ya", in the order of `FAMILY_HISTORY_ITEMS`. */
  readonly diseases: readonly FamilyHistoryItem[];
  /** "Hipertensi, Stroke", or empty labels when there is none. */
  readonly detail: Label;
}

/** Any "ya" is a PTM risk factor (counselled: edukasi) [GK, Posbindu form "riwayat keluarga"]. */
export function classifyFamilyHistory(
  answers: FamilyHistory,
  path = 'riwayatKeluarga',
): AdultChecked<FamilyHistoryResult> {
  const refusals: AdultRefusal[] = FAMILY_HISTORY_ITEMS.flatMap((item) =>
    checkBoolean(answers?.[item], `${path}.${item}`, {
      id: `Riwayat keluarga – ${FAMILY_HISTORY_LABELS[item].id}`,
      en: `Family history – ${FAMILY_HISTORY_LABELS[item].en}`,
    }),
  );
  if (refusals.length > 0) return fail(refusals);
  const diseases = FAMILY_HISTORY_ITEMS.filter((item) => answers[item]);
  const risk = diseases.length > 0;
  return ok({
    code: risk ? 'riwayat_keluarga.ada' : 'riwayat_keluarga.tidak',
    risk,
    diseases,
    detail: {
      id: diseases.map((d) => FAMILY_HISTORY_LABELS[d].id).join(', '),
      en: diseases.map((d) => FAMILY_HISTORY_LABELS[d].en).join(', '),
    },
  });
}

// ---------------------------------------------------------------- IVA and SADANIS

/**
 * IVA (inspeksi visual asam asetat): negatif; positif = acetowhite lesion (prakanker), treated
 * with krioterapi or referred; curiga kanker = refer [GK, Permenkes 29/2017 programme wording].
 */
export const IVA_RESULTS = ['negatif', 'positif', 'curiga_kanker'] as const;
export type IvaResult = (typeof IVA_RESULTS)[number];

/** SADANIS (pemeriksaan payudara klinis): normal, or a lump/other abnormality (refer) [GK]. */
export const SADANIS_RESULTS = ['normal', 'kelainan'] as const;
export type SadanisResult = (typeof SADANIS_RESULTS)[number];

export const IVA_FIELD: Label = { id: 'Hasil IVA', en: 'VIA result' };
export const SADANIS_FIELD: Label = { id: 'Hasil SADANIS', en: 'Breast examination result' };

export function classifyIva(result: IvaResult, path = 'iva'): AdultChecked<ResultCode> {
  const refusals = checkChoice(result, IVA_RESULTS, path, IVA_FIELD);
  if (refusals.length > 0) return fail(refusals);
  return ok(`iva.${result}` as const);
}

export function classifySadanis(result: SadanisResult, path = 'sadanis'): AdultChecked<ResultCode> {
  const refusals = checkChoice(result, SADANIS_RESULTS, path, SADANIS_FIELD);
  if (refusals.length > 0) return fail(refusals);
  return ok(`sadanis.${result}` as const);
}
