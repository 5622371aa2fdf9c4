import { describe, expect, it } from 'vitest';
import {
  GLUCOSE_KEMENKES_PERKENI as SET,
  classifyGlucose,
  type GlucoseInput,
} from '../../../../src-shared/domain/adult';

function code(input: GlucoseInput): string {
  const r = classifyGlucose(input, SET);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value.code;
}

describe('glucose, by test type (domain §3.2)', () => {
  it.each([
    [99, 'gula.normal'],
    [100, 'gula.gdpt'],
    [125, 'gula.gdpt'],
    [126, 'gula.dm'],
  ])('GDP %d → %s', (value, expected) => {
    expect(code({ test: 'gdp', value })).toBe(expected);
  });

  it.each([
    [139, 'gula.normal'],
    [140, 'gula.tgt'],
    [199, 'gula.tgt'],
    [200, 'gula.dm'],
  ])('TTGO 2 jam %d → %s', (value, expected) => {
    expect(code({ test: 'ttgo2j', value })).toBe(expected);
  });

  it.each([
    [5.6, 'gula.normal'],
    [5.7, 'gula.prediabetes_hba1c'],
    [6.4, 'gula.prediabetes_hba1c'],
    [6.5, 'gula.dm'],
  ])('HbA1c %d %% → %s', (value, expected) => {
    expect(code({ test: 'hba1c', value })).toBe(expected);
  });

  it('reads printed ranges as half-open and does not round entered values', () => {
    expect(code({ test: 'gdp', value: 125.5 })).toBe('gula.gdpt');
    expect(code({ test: 'hba1c', value: 6.45 })).toBe('gula.prediabetes_hba1c');
    expect(code({ test: 'hba1c', value: 5.65 })).toBe('gula.normal');
  });

  it('GDS ≥ 200 is DM only with symptoms; otherwise "curiga DM, rujuk/konfirmasi"', () => {
    expect(code({ test: 'gds', value: 199 })).toBe('gula.gds_kurang_200');
    expect(code({ test: 'gds', value: 199, symptoms: true })).toBe('gula.gds_kurang_200');
    expect(code({ test: 'gds', value: 200 })).toBe('gula.curiga_dm');
    expect(code({ test: 'gds', value: 200, symptoms: false })).toBe('gula.curiga_dm');
    expect(code({ test: 'gds', value: 200, symptoms: true })).toBe('gula.dm');
  });

  it('records the test type and unit with the result', () => {
    const r = classifyGlucose({ test: 'hba1c', value: 7.1 }, SET);
    expect(r.ok && r.value).toEqual({
      referenceSetId: 'glucose.kemenkes-perkeni',
      test: 'hba1c',
      value: 7.1,
      unit: '%',
      code: 'gula.dm',
      abnormal: true,
    });
    const g = classifyGlucose({ test: 'gdp', value: 90 }, SET);
    expect(g.ok && g.value).toMatchObject({ unit: 'mg/dL', abnormal: false });
  });

  it('refuses unknown test types and implausible values, naming the test', () => {
    const bad = classifyGlucose({ test: 'gd2pp' as 'gdp', value: 100 }, SET);
    expect(!bad.ok && bad.refusals[0]?.code).toBe('INVALID_CHOICE');
    const a1c = classifyGlucose({ test: 'hba1c', value: 65 }, SET);
    expect(!a1c.ok && a1c.refusals[0]?.message.id).toBe('HbA1c: harus antara 3 dan 20 %');
    const gdp = classifyGlucose({ test: 'gdp', value: 5 }, SET);
    expect(!gdp.ok && gdp.refusals[0]?.message.id).toBe(
      'Gula darah puasa (GDP): harus antara 10 dan 1000 mg/dL',
    );
  });
});
