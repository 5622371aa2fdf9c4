import { describe, expect, it } from 'vitest';
import {
  IMT_ASIA_PACIFIC as AP,
  IMT_PGS_2014 as PGS,
  classifyImt,
  classifyImtValue,
  computeImt,
  roundHalfUp,
} from '../../../../src-shared/domain/adult';

describe('IMT, Asia-Pacific (domain §3.2)', () => {
  it.each([
    [18.4, 'imt.ap.kurus'],
    [18.5, 'imt.ap.normal'],
    [22.9, 'imt.ap.normal'],
    [23.0, 'imt.ap.bb_lebih'],
    [24.9, 'imt.ap.bb_lebih'],
    [25.0, 'imt.ap.obesitas1'],
    [29.9, 'imt.ap.obesitas1'],
    [30.0, 'imt.ap.obesitas2'],
  ])('%d → %s', (imt, code) => {
    expect(classifyImtValue(imt, AP).code).toBe(code);
  });

  it('rounds to one decimal (half up) before reading the table', () => {
    expect(classifyImtValue(22.95, AP)).toEqual({
      referenceSetId: 'imt.asia-pacific',
      imt: 23.0,
      code: 'imt.ap.bb_lebih',
    });
    expect(classifyImtValue(22.949, AP)).toMatchObject({ imt: 22.9, code: 'imt.ap.normal' });
    expect(classifyImtValue(18.45, AP)).toMatchObject({ imt: 18.5, code: 'imt.ap.normal' });
    expect(classifyImtValue(18.449, AP)).toMatchObject({ imt: 18.4, code: 'imt.ap.kurus' });
    expect(classifyImtValue(24.95, AP).code).toBe('imt.ap.obesitas1');
    expect(classifyImtValue(29.95, AP).code).toBe('imt.ap.obesitas2');
  });
});

describe('IMT, Pedoman Gizi Seimbang 2014 (domain §3.2)', () => {
  it.each([
    [16.9, 'imt.pgs.kurus_berat'],
    [17.0, 'imt.pgs.kurus_ringan'],
    [18.4, 'imt.pgs.kurus_ringan'],
    [18.5, 'imt.pgs.normal'],
    [25.0, 'imt.pgs.normal'],
    [25.1, 'imt.pgs.gemuk_ringan'],
    [27.0, 'imt.pgs.gemuk_ringan'],
    [27.1, 'imt.pgs.gemuk_berat'],
  ])('%d → %s', (imt, code) => {
    expect(classifyImtValue(imt, PGS).code).toBe(code);
  });

  it('places values between printed bounds by their rounded value', () => {
    expect(classifyImtValue(18.45, PGS).code).toBe('imt.pgs.normal');
    expect(classifyImtValue(16.95, PGS).code).toBe('imt.pgs.kurus_ringan');
    expect(classifyImtValue(25.04, PGS)).toMatchObject({ imt: 25.0, code: 'imt.pgs.normal' });
    expect(classifyImtValue(25.05, PGS)).toMatchObject({ imt: 25.1, code: 'imt.pgs.gemuk_ringan' });
    expect(classifyImtValue(27.04, PGS).code).toBe('imt.pgs.gemuk_ringan');
    expect(classifyImtValue(27.05, PGS).code).toBe('imt.pgs.gemuk_berat');
  });
});

describe('IMT from BB and TB', () => {
  it('computes kg / m² from kg and cm', () => {
    expect(computeImt(64, 160)).toBeCloseTo(25, 10);
    expect(roundHalfUp(computeImt(50, 170), 1)).toBe(17.3);
  });

  it('classifies a case that lands exactly on .x5 (91.8 kg, 200 cm → 22.95 → 23.0)', () => {
    const r = classifyImt({ beratKg: 91.8, tinggiCm: 200 }, AP);
    expect(r.ok && r.value).toEqual({
      referenceSetId: 'imt.asia-pacific',
      imt: 23.0,
      code: 'imt.ap.bb_lebih',
    });
  });

  it('refuses implausible weight/height and under-18s (IMT/U applies)', () => {
    const r = classifyImt({ beratKg: 5, tinggiCm: 300 }, AP);
    expect(!r.ok && r.refusals.map((x) => x.message.id)).toEqual([
      'Berat badan: harus antara 20 dan 300 kg',
      'Tinggi badan: harus antara 80 dan 250 cm',
    ]);
    const teen = classifyImt({ beratKg: 50, tinggiCm: 160 }, AP, 17);
    expect(!teen.ok && teen.refusals[0]?.code).toBe('IMT_ADULT_ONLY');
    expect(classifyImt({ beratKg: 50, tinggiCm: 160 }, AP, 18).ok).toBe(true);
    const absurd = classifyImt({ beratKg: 300, tinggiCm: 100 }, AP);
    expect(!absurd.ok && absurd.refusals[0]?.code).toBe('OUT_OF_RANGE');
  });
});
