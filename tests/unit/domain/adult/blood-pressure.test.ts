import { describe, expect, it } from 'vitest';
import {
  BP_JNC7,
  BP_PERHI_2023,
  BP_SETS,
  classifyBloodPressure,
  type BpReferenceSet,
  type BpResult,
} from '../../../../src-shared/domain/adult';
import { byId } from '../../../../src-shared/domain/reference';

function one(systolic: number, diastolic: number, set: BpReferenceSet): BpResult {
  const r = classifyBloodPressure({ readings: [{ systolic, diastolic }] }, set);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value;
}

describe('blood pressure, PERHI/ESH 2023 (domain §3.2)', () => {
  // Expected classes read off the published table, one row per boundary in the brief.
  const table: [number, number, string][] = [
    [119, 79, 'bp.optimal'],
    [120, 80, 'bp.normal'],
    [129, 84, 'bp.normal'],
    [130, 85, 'bp.normal_tinggi'],
    [139, 89, 'bp.normal_tinggi'],
    [140, 90, 'bp.ht1'],
    [159, 99, 'bp.ht1'],
    [160, 100, 'bp.ht2'],
    [179, 109, 'bp.ht2'],
    [180, 110, 'bp.ht3'],
    [140, 89, 'bp.hst'],
    [150, 95, 'bp.ht1'],
  ];
  it.each(table)('%i/%i → %s', (sys, dia, code) => {
    expect(one(sys, dia, BP_PERHI_2023).code).toBe(code);
  });

  it('applies the higher class when systolic and diastolic disagree', () => {
    expect(one(119, 80, BP_PERHI_2023).code).toBe('bp.normal');
    expect(one(120, 79, BP_PERHI_2023).code).toBe('bp.normal');
    expect(one(125, 92, BP_PERHI_2023).code).toBe('bp.ht1');
    expect(one(135, 112, BP_PERHI_2023).code).toBe('bp.ht3');
    expect(one(170, 95, BP_PERHI_2023).code).toBe('bp.ht2');
  });

  it('grades isolated systolic hypertension by systolic value', () => {
    expect(one(140, 89, BP_PERHI_2023)).toMatchObject({ code: 'bp.hst', isolatedSystolicGrade: 1 });
    expect(one(165, 80, BP_PERHI_2023)).toMatchObject({ code: 'bp.hst', isolatedSystolicGrade: 2 });
    expect(one(185, 70, BP_PERHI_2023)).toMatchObject({ code: 'bp.hst', isolatedSystolicGrade: 3 });
    expect(one(139, 70, BP_PERHI_2023).code).toBe('bp.normal_tinggi');
    expect(one(140, 90, BP_PERHI_2023).isolatedSystolicGrade).toBeUndefined();
  });

  it('flags screening positive at ≥ 140 and/or ≥ 90', () => {
    expect(one(139, 89, BP_PERHI_2023).screeningPositive).toBe(false);
    expect(one(140, 60, BP_PERHI_2023).screeningPositive).toBe(true);
    expect(one(118, 90, BP_PERHI_2023).screeningPositive).toBe(true);
  });
});

describe('blood pressure, JNC7-style table', () => {
  const table: [number, number, string][] = [
    [119, 79, 'bp.normal'],
    [120, 80, 'bp.pre_hipertensi'],
    [119, 80, 'bp.pre_hipertensi'],
    [139, 89, 'bp.pre_hipertensi'],
    [140, 90, 'bp.ht1'],
    [159, 99, 'bp.ht1'],
    [160, 100, 'bp.ht2'],
    [179, 109, 'bp.ht2'],
    [180, 110, 'bp.ht2'],
    [140, 89, 'bp.ht1'],
    [150, 95, 'bp.ht1'],
    [130, 100, 'bp.ht2'],
  ];
  it.each(table)('%i/%i → %s', (sys, dia, code) => {
    expect(one(sys, dia, BP_JNC7).code).toBe(code);
  });

  it('is a separate, selectable set', () => {
    expect(byId(BP_SETS, 'bp.jnc7')).toBe(BP_JNC7);
    expect(byId(BP_SETS, 'bp.perhi-esh-2023')).toBe(BP_PERHI_2023);
  });
});

describe('two readings', () => {
  it('use the mean of both by default, unrounded', () => {
    const r = classifyBloodPressure(
      {
        readings: [
          { systolic: 142, diastolic: 88 },
          { systolic: 137, diastolic: 87 },
        ],
      },
      BP_PERHI_2023,
    );
    expect(r.ok && r.value).toMatchObject({
      systolic: 139.5,
      diastolic: 87.5,
      readingsUsed: 2,
      code: 'bp.normal_tinggi',
      screeningPositive: false,
    });
  });

  it('can use the second reading when the set says so', () => {
    const second: BpReferenceSet = { ...BP_PERHI_2023, id: 'bp.test-second', combine: 'second' };
    const readings = [
      { systolic: 150, diastolic: 95 },
      { systolic: 128, diastolic: 82 },
    ];
    const r = classifyBloodPressure({ readings }, second);
    expect(r.ok && r.value).toMatchObject({ systolic: 128, diastolic: 82, code: 'bp.normal' });
    expect(r.ok && r.value.referenceSetId).toBe('bp.test-second');
  });
});

describe('plausibility', () => {
  it('refuses 40/120 with field-named Indonesian messages', () => {
    const r = classifyBloodPressure(
      { readings: [{ systolic: 40, diastolic: 120 }] },
      BP_PERHI_2023,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusals.map((x) => x.code)).toEqual([
      'OUT_OF_RANGE',
      'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC',
    ]);
    expect(r.refusals[0]?.message.id).toBe('Tekanan darah sistolik: harus antara 60 dan 300 mmHg');
    expect(r.refusals[0]?.message.en).toBe(
      'Systolic blood pressure: must be between 60 and 300 mmHg',
    );
    expect(r.refusals[0]?.path).toBe('tekananDarah.readings.0.systolic');
    expect(r.refusals[1]?.message.id).toMatch(/^Tekanan darah diastolik: harus lebih rendah/);
  });

  it('refuses diastolic equal to systolic, and out-of-range values', () => {
    const eq = classifyBloodPressure({ readings: [{ systolic: 100, diastolic: 100 }] }, BP_JNC7);
    expect(!eq.ok && eq.refusals.map((x) => x.code)).toEqual(['BP_DIASTOLIC_NOT_BELOW_SYSTOLIC']);
    const high = classifyBloodPressure({ readings: [{ systolic: 301, diastolic: 90 }] }, BP_JNC7);
    expect(!high.ok && high.refusals[0]?.code).toBe('OUT_OF_RANGE');
    const lowDia = classifyBloodPressure({ readings: [{ systolic: 90, diastolic: 29 }] }, BP_JNC7);
    expect(!lowDia.ok && lowDia.refusals[0]?.message.id).toBe(
      'Tekanan darah diastolik: harus antara 30 dan 200 mmHg',
    );
    const ok = classifyBloodPressure({ readings: [{ systolic: 60, diastolic: 30 }] }, BP_JNC7);
    expect(ok.ok).toBe(true);
  });

  it('names the reading when there are two, and refuses decimals and bad counts', () => {
    const r = classifyBloodPressure(
      {
        readings: [
          { systolic: 120, diastolic: 80 },
          { systolic: 120.5, diastolic: 80 },
        ],
      },
      BP_PERHI_2023,
    );
    expect(!r.ok && r.refusals[0]).toMatchObject({
      code: 'NOT_AN_INTEGER',
      path: 'tekananDarah.readings.1.systolic',
    });
    expect(!r.ok && r.refusals[0]?.message.id).toMatch(/^Tekanan darah sistolik \(pengukuran 2\)/);
    const none = classifyBloodPressure({ readings: [] }, BP_PERHI_2023);
    expect(!none.ok && none.refusals[0]?.code).toBe('BP_READINGS_COUNT');
    const three = classifyBloodPressure(
      {
        readings: [
          { systolic: 120, diastolic: 80 },
          { systolic: 120, diastolic: 80 },
          { systolic: 120, diastolic: 80 },
        ],
      },
      BP_PERHI_2023,
    );
    expect(!three.ok && three.refusals[0]?.code).toBe('BP_READINGS_COUNT');
  });

  it('refuses non-numbers from untyped input', () => {
    const r = classifyBloodPressure(
      { readings: [{ systolic: '120' as unknown as number, diastolic: 80 }] },
      BP_PERHI_2023,
    );
    expect(!r.ok && r.refusals[0]?.code).toBe('NOT_A_NUMBER');
  });
});
