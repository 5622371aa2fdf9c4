import type { ReferenceSet } from '../reference';
import { bandFor, type Band } from './bands';
import type { AdultChecked, ResultCode } from './codes';
import { checkBoolean, checkChoice, checkNumber, fail, ok, type Label } from '../refusal';

/** Which glucose test was done. The classification depends on it, so it is always recorded. */
export const GLUCOSE_TESTS = ['gds', 'gdp', 'ttgo2j', 'hba1c'] as const;
export type GlucoseTest = (typeof GLUCOSE_TESTS)[number];

export const GLUCOSE_TEST_LABELS: Record<GlucoseTest, Label> = {
  gds: { id: 'Gula darah sewaktu (GDS)', en: 'Random blood glucose' },
  gdp: { id: 'Gula darah puasa (GDP)', en: 'Fasting blood glucose' },
  ttgo2j: { id: 'Gula darah 2 jam TTGO', en: '2-hour OGTT glucose' },
  hba1c: { id: 'HbA1c', en: 'HbA1c' },
};

export const GLUCOSE_TEST_SHORT: Record<GlucoseTest, Label> = {
  gds: { id: 'GDS', en: 'RBG' },
  gdp: { id: 'GDP', en: 'FBG' },
  ttgo2j: { id: 'TTGO 2 jam', en: '2-h OGTT' },
  hba1c: { id: 'HbA1c', en: 'HbA1c' },
};

export interface GlucoseInput {
  readonly test: GlucoseTest;
  /** mg/dL for GDS, GDP and TTGO 2 jam; % (NGSP) for HbA1c. */
  readonly value: number;
  /**
   * Classic hyperglycaemia symptoms (polyuria, polydipsia, polyphagia, unexplained weight
   * loss). Only read for GDS: GDS ≥ 200 counts as diagnostic only with symptoms.
   */
  readonly symptoms?: boolean;
}

export interface GlucoseReferenceSet extends ReferenceSet {
  readonly gdp: readonly Band<ResultCode>[];
  readonly ttgo2j: readonly Band<ResultCode>[];
  readonly hba1c: readonly Band<ResultCode>[];
  /** GDS ≥ `dmFrom`: DM with symptoms, otherwise "curiga DM, rujuk/konfirmasi". */
  readonly gds: { readonly dmFrom: number };
  readonly plausible: {
    readonly glucoseMgDl: readonly [number, number];
    readonly hba1cPercent: readonly [number, number];
  };
}

/**
 * Kemenkes diagnostic criteria with PERKENI prediabetes bands.
 * DM: GDP ≥ 126; GDS ≥ 200 with symptoms; TTGO 2 jam ≥ 200; HbA1c ≥ 6.5 % [S: kesehatan.kontan.co.id
 * (Kemenkes criteria)]. Prediabetes: GDP 100–125 (GDPT), TTGO 2 jam 140–199 (TGT), HbA1c 5.7–6.4 %
 * [GK, PERKENI]. Printed ranges are read as half-open (125 means "below 126"); values are compared
 * as entered, not rounded (HbA1c 6.45 → prediabetes). Plausibility: glucose 10–1000 mg/dL,
 * HbA1c 3–20 % [GK; engineering limits].
 */
export const GLUCOSE_KEMENKES_PERKENI: GlucoseReferenceSet = {
  id: 'glucose.kemenkes-perkeni',
  title: 'Kriteria diagnosis DM (Kemenkes) dan prediabetes (PERKENI)',
  validFrom: '2015-01-01',
  source:
    'DM: kriteria Kemenkes [S: kesehatan.kontan.co.id/news/ini-4-hasil-pemeriksaan-gula-darah…]; prediabetes [GK, PERKENI]',
  gdp: [{ code: 'gula.normal' }, { code: 'gula.gdpt', from: 100 }, { code: 'gula.dm', from: 126 }],
  ttgo2j: [
    { code: 'gula.normal' },
    { code: 'gula.tgt', from: 140 },
    { code: 'gula.dm', from: 200 },
  ],
  hba1c: [
    { code: 'gula.normal' },
    { code: 'gula.prediabetes_hba1c', from: 5.7 },
    { code: 'gula.dm', from: 6.5 },
  ],
  gds: { dmFrom: 200 },
  plausible: { glucoseMgDl: [10, 1000], hba1cPercent: [3, 20] },
};

export const GLUCOSE_SETS: readonly GlucoseReferenceSet[] = [GLUCOSE_KEMENKES_PERKENI];

export interface GlucoseResult {
  readonly referenceSetId: string;
  readonly test: GlucoseTest;
  readonly value: number;
  readonly unit: 'mg/dL' | '%';
  readonly code: ResultCode;
  /** True for DM, curiga DM and the prediabetes classes. */
  readonly abnormal: boolean;
}

/** Classify one glucose result, by the test type recorded with it. */
export function classifyGlucose(
  input: GlucoseInput,
  set: GlucoseReferenceSet,
  path = 'gulaDarah',
): AdultChecked<GlucoseResult> {
  const testRefusals = checkChoice(input?.test, GLUCOSE_TESTS, `${path}.test`, {
    id: 'Jenis pemeriksaan gula darah',
    en: 'Glucose test type',
  });
  if (testRefusals.length > 0) return fail(testRefusals);
  const test = input.test;
  const isA1c = test === 'hba1c';
  const [min, max] = isA1c ? set.plausible.hba1cPercent : set.plausible.glucoseMgDl;
  const unit = isA1c ? '%' : 'mg/dL';
  const refusals = checkNumber(
    input.value,
    { min, max, unit },
    `${path}.value`,
    GLUCOSE_TEST_LABELS[test],
  );
  if (test === 'gds' && input.symptoms !== undefined) {
    refusals.push(
      ...checkBoolean(input.symptoms, `${path}.symptoms`, {
        id: 'Gejala klasik DM',
        en: 'Classic DM symptoms',
      }),
    );
  }
  if (refusals.length > 0) return fail(refusals);
  const value = input.value;
  let code: ResultCode;
  if (test === 'gds') {
    if (value < set.gds.dmFrom) code = 'gula.gds_kurang_200';
    else code = input.symptoms === true ? 'gula.dm' : 'gula.curiga_dm';
  } else {
    code = bandFor(value, set[test]);
  }
  const normal = code === 'gula.normal' || code === 'gula.gds_kurang_200';
  return ok({ referenceSetId: set.id, test, value, unit, code, abnormal: !normal });
}
