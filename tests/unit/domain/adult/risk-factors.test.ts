import { describe, expect, it } from 'vitest';
import {
  CENTRAL_OBESITY_KEMENKES as WAIST,
  CHOLESTEROL_NCEP as CHOL,
  LIFESTYLE_GERMAS as LIFE,
  classifyActivity,
  classifyAlcohol,
  classifyCholesterol,
  classifyFruitVeg,
  classifySmoking,
  classifyWaist,
  type Sex,
} from '../../../../src-shared/domain/adult';

function waist(sex: Sex, cm: number) {
  const r = classifyWaist({ sex, lingkarPerutCm: cm }, WAIST);
  if (!r.ok) throw new Error(r.refusals[0]?.message.id);
  return r.value;
}

describe('central obesity: > 90 cm men, > 80 cm women (domain §3.2)', () => {
  it('men: 90 no, 91 yes', () => {
    expect(waist('L', 90)).toMatchObject({ code: 'lingkar_perut.normal', risk: false });
    expect(waist('L', 90.1).risk).toBe(true);
    expect(waist('L', 91)).toMatchObject({ code: 'lingkar_perut.obesitas_sentral', risk: true });
  });
  it('women: 80 no, 81 yes', () => {
    expect(waist('P', 80).risk).toBe(false);
    expect(waist('P', 81)).toMatchObject({ code: 'lingkar_perut.obesitas_sentral', risk: true });
    expect(waist('P', 85).risk).toBe(true);
    expect(waist('L', 85).risk).toBe(false);
  });
  it('refuses an unknown sex and implausible waist', () => {
    const r = classifyWaist({ sex: 'X' as Sex, lingkarPerutCm: 300 }, WAIST);
    expect(!r.ok && r.refusals.map((x) => x.code)).toEqual(['INVALID_CHOICE', 'OUT_OF_RANGE']);
    expect(!r.ok && r.refusals[1]?.message.id).toBe('Lingkar perut: harus antara 40 dan 250 cm');
  });
});

describe('total cholesterol: < 200 normal, 200–239 borderline, ≥ 240 tinggi', () => {
  it.each([
    [199, 'kolesterol.normal', false],
    [200, 'kolesterol.borderline', true],
    [239, 'kolesterol.borderline', true],
    [239.5, 'kolesterol.borderline', true],
    [240, 'kolesterol.tinggi', true],
  ])('%d → %s', (mg, code, risk) => {
    const r = classifyCholesterol(mg, CHOL);
    expect(r.ok && r.value).toMatchObject({ code, risk, totalMgDl: mg });
  });
  it('refuses implausible values', () => {
    const r = classifyCholesterol(20, CHOL);
    expect(!r.ok && r.refusals[0]?.message.id).toBe(
      'Kolesterol total: harus antara 50 dan 1000 mg/dL',
    );
  });
});

describe('behaviour: coded answers with a risk flag each', () => {
  it('smoking: current smoking and passive exposure are risks', () => {
    const active = classifySmoking({ status: 'aktif' }, LIFE);
    expect(active.ok && active.value).toEqual([
      { referenceSetId: 'lifestyle.germas', code: 'rokok.aktif', risk: true },
    ]);
    const former = classifySmoking({ status: 'mantan', terpaparAsapRokok: true }, LIFE);
    expect(former.ok && former.value.map((a) => [a.code, a.risk])).toEqual([
      ['rokok.mantan', false],
      ['rokok.terpapar', true],
    ]);
    const never = classifySmoking({ status: 'tidak', terpaparAsapRokok: false }, LIFE);
    expect(never.ok && never.value.map((a) => [a.code, a.risk])).toEqual([['rokok.tidak', false]]);
    const bad = classifySmoking({ status: 'kadang' as 'aktif' }, LIFE);
    expect(!bad.ok && bad.refusals[0]?.message.id).toMatch(/^Merokok: pilihan harus/);
  });

  it('physical activity: ≥ 150 min/week is cukup', () => {
    const at = (m: number) => {
      const r = classifyActivity(m, LIFE);
      return r.ok ? [r.value.code, r.value.risk] : r.refusals[0]?.code;
    };
    expect(at(149)).toEqual(['aktivitas.kurang', true]);
    expect(at(150)).toEqual(['aktivitas.cukup', false]);
    expect(at(0)).toEqual(['aktivitas.kurang', true]);
    expect(at(-1)).toBe('OUT_OF_RANGE');
    expect(at(10081)).toBe('OUT_OF_RANGE');
    const bad = classifyActivity(-1, LIFE);
    expect(!bad.ok && bad.refusals[0]?.message).toEqual({
      id: 'Aktivitas fisik: harus antara 0 dan 10080 menit/minggu',
      en: 'Physical activity: must be between 0 and 10080 minutes/week',
    });
  });

  it('fruit and vegetables: ≥ 5 portions/day is cukup', () => {
    const at = (p: number) => {
      const r = classifyFruitVeg(p, LIFE);
      return r.ok ? [r.value.code, r.value.risk] : r.refusals[0]?.code;
    };
    expect(at(4.5)).toEqual(['sayur_buah.kurang', true]);
    expect(at(5)).toEqual(['sayur_buah.cukup', false]);
    expect(at(51)).toBe('OUT_OF_RANGE');
  });

  it('alcohol: ya is a risk', () => {
    const ya = classifyAlcohol('ya', LIFE);
    expect(ya.ok && ya.value).toMatchObject({ code: 'alkohol.ya', risk: true });
    const tidak = classifyAlcohol('tidak', LIFE);
    expect(tidak.ok && tidak.value).toMatchObject({ code: 'alkohol.tidak', risk: false });
    const bad = classifyAlcohol('jarang' as 'ya', LIFE);
    expect(bad.ok).toBe(false);
  });
});
