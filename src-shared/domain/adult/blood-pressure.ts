import type { ReferenceSet } from '../reference';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkNumber, fail, numberLabel, ok, refusal, type Label } from '../refusal';

/** One office blood-pressure reading, mmHg (whole numbers, as devices display them). */
export interface BpReading {
  readonly systolic: number;
  readonly diastolic: number;
}

export interface BpInput {
  /** One or two readings, in the order taken. */
  readonly readings: readonly BpReading[];
}

/** A class row: a reading is in this class when systolic ≥ `systolicFrom` or diastolic ≥ `diastolicFrom`. */
export interface BpClass {
  readonly code: ResultCode;
  readonly systolicFrom: number;
  readonly diastolicFrom: number;
}

/**
 * A blood-pressure cut-off table. Selectable: PERHI/ESH 2023 and the older JNC7-style table are
 * separate sets, and the rule for combining two readings is part of the set.
 */
export interface BpReferenceSet extends ReferenceSet {
  /**
   * How two readings become one value: `mean` (average of both, unrounded) or `second` (the
   * second reading only). With one reading, that reading is used.
   */
  readonly combine: 'mean' | 'second';
  /** Classes in ascending severity; the first has bounds 0/0. */
  readonly classes: readonly BpClass[];
  /**
   * Isolated systolic hypertension: systolic ≥ `systolicFrom` and diastolic < `diastolicBelow`.
   * Its grade is the systolic class's position in `grades` (1-based).
   */
  readonly isolatedSystolic?: {
    readonly code: ResultCode;
    readonly systolicFrom: number;
    readonly diastolicBelow: number;
    readonly grades: readonly ResultCode[];
  };
  /** Screening positive when systolic ≥ this and/or diastolic ≥ that. */
  readonly screeningPositive: { readonly systolicFrom: number; readonly diastolicFrom: number };
  /** Plausibility limits (inclusive), mmHg. Outside them the input is refused, not classified. */
  readonly plausible: {
    readonly systolic: readonly [number, number];
    readonly diastolic: readonly [number, number];
  };
}

/**
 * Plausibility limits for an office reading at a screening [GK; engineering limits, not a
 * clinical table]: systolic 60–300, diastolic 30–200 mmHg, and diastolic below systolic.
 */
export const BP_PLAUSIBLE = { systolic: [60, 300], diastolic: [30, 200] } as const;

/**
 * PERHI/ESH 2023, as cited by Kemenkes (7 Jun 2023) [S: health.kompas.com/read/23F09120100668].
 * Optimal < 120/< 80; normal 120–129/80–84; normal tinggi 130–139/85–89; HT derajat 1 140–159/
 * 90–99; derajat 2 160–179/100–109; derajat 3 ≥ 180/≥ 110; hipertensi sistolik terisolasi
 * ≥ 140/< 90 (graded 1–3 by systolic). When systolic and diastolic fall in different classes the
 * higher class applies. Two readings: mean of both [GK; PERHI/ESH advise averaging readings].
 */
export const BP_PERHI_2023: BpReferenceSet = {
  id: 'bp.perhi-esh-2023',
  title: 'Klasifikasi tekanan darah PERHI/ESH 2023',
  validFrom: '2023-06-07',
  source:
    'PERHI/ESH 2023 dikutip Kemenkes 7/6/2023 [S: health.kompas.com/read/23F09120100668]; kombinasi dua pengukuran = rerata [GK]',
  combine: 'mean',
  classes: [
    { code: 'bp.optimal', systolicFrom: 0, diastolicFrom: 0 },
    { code: 'bp.normal', systolicFrom: 120, diastolicFrom: 80 },
    { code: 'bp.normal_tinggi', systolicFrom: 130, diastolicFrom: 85 },
    { code: 'bp.ht1', systolicFrom: 140, diastolicFrom: 90 },
    { code: 'bp.ht2', systolicFrom: 160, diastolicFrom: 100 },
    { code: 'bp.ht3', systolicFrom: 180, diastolicFrom: 110 },
  ],
  isolatedSystolic: {
    code: 'bp.hst',
    systolicFrom: 140,
    diastolicBelow: 90,
    grades: ['bp.ht1', 'bp.ht2', 'bp.ht3'],
  },
  screeningPositive: { systolicFrom: 140, diastolicFrom: 90 },
  plausible: BP_PLAUSIBLE,
};

/**
 * Older JNC7-style table still printed on many Posbindu forms [S: studylibid.com/doc/1125384].
 * Normal < 120/< 80; pre-hipertensi 120–139/80–89; HT 1 140–159/90–99; HT 2 ≥ 160/≥ 100. Higher
 * class applies; no separate isolated-systolic class. Two readings: mean [GK].
 */
export const BP_JNC7: BpReferenceSet = {
  id: 'bp.jnc7',
  title: 'Klasifikasi tekanan darah JNC 7 (formulir Posbindu lama)',
  validFrom: '2003-05-01',
  source:
    'JNC VII, definisi Kemenkes 2003 ≥ 140/90 [S: studylibid.com/doc/1125384]; kombinasi dua pengukuran = rerata [GK]',
  combine: 'mean',
  classes: [
    { code: 'bp.normal', systolicFrom: 0, diastolicFrom: 0 },
    { code: 'bp.pre_hipertensi', systolicFrom: 120, diastolicFrom: 80 },
    { code: 'bp.ht1', systolicFrom: 140, diastolicFrom: 90 },
    { code: 'bp.ht2', systolicFrom: 160, diastolicFrom: 100 },
  ],
  screeningPositive: { systolicFrom: 140, diastolicFrom: 90 },
  plausible: BP_PLAUSIBLE,
};

export const BP_SETS: readonly BpReferenceSet[] = [BP_PERHI_2023, BP_JNC7];

export interface BpResult {
  readonly referenceSetId: string;
  /** The value classified, mmHg (a mean may end in .5; it is not rounded). */
  readonly systolic: number;
  readonly diastolic: number;
  readonly readingsUsed: number;
  readonly code: ResultCode;
  /** For isolated systolic hypertension: its grade by systolic value (1–3). */
  readonly isolatedSystolicGrade?: number;
  /** ≥ 140 and/or ≥ 90 mmHg (per the set): positive screening, to be confirmed on repeat. */
  readonly screeningPositive: boolean;
}

const SYSTOLIC: Label = { id: 'Tekanan darah sistolik', en: 'Systolic blood pressure' };
const DIASTOLIC: Label = { id: 'Tekanan darah diastolik', en: 'Diastolic blood pressure' };
const READINGS: Label = { id: 'Tekanan darah', en: 'Blood pressure' };

function nth(label: Label, index: number, count: number): Label {
  if (count < 2) return label;
  return { id: `${label.id} (pengukuran ${index + 1})`, en: `${label.en} (reading ${index + 1})` };
}

/** Refusals for impossible readings (empty when all readings are plausible). */
export function checkBpInput(
  input: BpInput,
  set: BpReferenceSet,
  path = 'tekananDarah',
): AdultRefusal[] {
  const readings = input?.readings;
  if (!Array.isArray(readings) || readings.length < 1 || readings.length > 2) {
    return [
      refusal('BP_READINGS_COUNT', `${path}.readings`, READINGS, {
        id: 'isi satu atau dua pengukuran',
        en: 'enter one or two readings',
      }),
    ];
  }
  return readings.flatMap((r: BpReading, i) =>
    checkBpReading(r, set.plausible, `${path}.readings.${i}`, {
      systolic: nth(SYSTOLIC, i, readings.length),
      diastolic: nth(DIASTOLIC, i, readings.length),
    }),
  );
}

/**
 * Refusals for one reading at `path`: each side a whole number within `plausible`, and diastolic
 * below systolic (checked whenever both are numbers, in range or not).
 */
export function checkBpReading(
  reading: Partial<BpReading> | undefined,
  plausible: BpReferenceSet['plausible'],
  path: string,
  fields: { readonly systolic: Label; readonly diastolic: Label } = {
    systolic: SYSTOLIC,
    diastolic: DIASTOLIC,
  },
): AdultRefusal[] {
  const side = (key: keyof BpReading) => {
    const [min, max] = plausible[key];
    return checkNumber(
      reading?.[key],
      { min, max, integer: true, unit: 'mmHg' },
      `${path}.${key}`,
      fields[key],
    );
  };
  const out: AdultRefusal[] = [...side('systolic'), ...side('diastolic')];
  const { systolic, diastolic } = reading ?? {};
  if (Number.isFinite(systolic) && Number.isFinite(diastolic) && diastolic! >= systolic!) {
    const sys = numberLabel(systolic!, 'mmHg');
    out.push(
      refusal('BP_DIASTOLIC_NOT_BELOW_SYSTOLIC', `${path}.diastolic`, fields.diastolic, {
        id: `harus lebih rendah dari sistolik (${sys.id})`,
        en: `must be lower than systolic (${sys.en})`,
      }),
    );
  }
  return out;
}

function combine(readings: readonly BpReading[], rule: BpReferenceSet['combine']): BpReading {
  const [first, second] = readings as [BpReading, BpReading | undefined];
  if (!second) return first;
  if (rule === 'second') return second;
  return {
    systolic: (first.systolic + second.systolic) / 2,
    diastolic: (first.diastolic + second.diastolic) / 2,
  };
}

function classIndex(value: number, bounds: readonly number[]): number {
  let idx = 0;
  bounds.forEach((from, i) => {
    if (value >= from) idx = i;
  });
  return idx;
}

/**
 * Classify office blood pressure with `set`. Systolic and diastolic are classed separately and
 * the higher class applies. With an isolated-systolic rule (PERHI), systolic ≥ 140 with
 * diastolic < 90 is reported as isolated systolic hypertension, graded by systolic.
 */
export function classifyBloodPressure(input: BpInput, set: BpReferenceSet): AdultChecked<BpResult> {
  const refusals = checkBpInput(input, set);
  if (refusals.length > 0) return fail(refusals);
  const { systolic, diastolic } = combine(input.readings, set.combine);
  const sysIdx = classIndex(
    systolic,
    set.classes.map((c) => c.systolicFrom),
  );
  const diaIdx = classIndex(
    diastolic,
    set.classes.map((c) => c.diastolicFrom),
  );
  const higher = set.classes[Math.max(sysIdx, diaIdx)];
  if (!higher) throw new Error(`Blood-pressure set ${set.id} has no classes`);
  const screeningPositive =
    systolic >= set.screeningPositive.systolicFrom ||
    diastolic >= set.screeningPositive.diastolicFrom;
  const base = {
    referenceSetId: set.id,
    systolic,
    diastolic,
    readingsUsed: input.readings.length,
    screeningPositive,
  };
  const ish = set.isolatedSystolic;
  if (ish && systolic >= ish.systolicFrom && diastolic < ish.diastolicBelow) {
    const sysCode = set.classes[sysIdx]?.code;
    const grade = sysCode === undefined ? -1 : ish.grades.indexOf(sysCode);
    return ok({
      ...base,
      code: ish.code,
      ...(grade >= 0 ? { isolatedSystolicGrade: grade + 1 } : {}),
    });
  }
  return ok({ ...base, code: higher.code });
}
