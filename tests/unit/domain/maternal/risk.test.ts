import { describe, expect, it } from 'vitest';
import {
  checkAncMeasurements,
  checkObstetricHistory,
  fourTerlalu,
  isAnemia,
  isDjjTidakNormal,
  isHipertensiKehamilan,
  isKek,
  isTinggiBadanRendah,
  lilaInterpretation,
  PLAUSIBILITY_DEFAULT,
  RISK_DEFAULT,
  RISK_FLAG_CODES,
  RISK_FLAG_LABELS,
  riskFlags,
  type RiskSet,
} from '../../../../src-shared/domain/maternal';
import type { Checked } from '../../../../src-shared/domain/refusal';

const P = PLAUSIBILITY_DEFAULT;
const R = RISK_DEFAULT;

function codes<T>(r: Checked<T>): string[] {
  return r.ok ? [] : r.refusals.map((x) => x.code);
}

describe('single risk rules at their cut-offs', () => {
  it('KEK: LILA < 23,5 cm', () => {
    expect(isKek(23.4, R)).toBe(true);
    expect(isKek(23.5, R)).toBe(false);
  });

  it('LILA interpretation codes (SATUSEHAT OI000018 < 23, OI000035 23–< 23,5)', () => {
    expect(lilaInterpretation(22.9, R)).toEqual({ code: 'KEK', satusehatCode: 'OI000018' });
    expect(lilaInterpretation(23, R)).toEqual({ code: 'RISIKO_KEK', satusehatCode: 'OI000035' });
    expect(lilaInterpretation(23.4, R).code).toBe('RISIKO_KEK');
    expect(lilaInterpretation(23.5, R)).toEqual({ code: 'NORMAL', satusehatCode: 'N' });
  });

  it('anaemia: Hb < 11,0 g/dL', () => {
    expect(isAnemia(10.9, R)).toBe(true);
    expect(isAnemia(11.0, R)).toBe(false);
  });

  it('hipertensi dalam kehamilan: ≥ 140 systolic OR ≥ 90 diastolic', () => {
    expect(isHipertensiKehamilan(139, 89, R)).toBe(false);
    expect(isHipertensiKehamilan(140, 60, R)).toBe(true);
    expect(isHipertensiKehamilan(120, 90, R)).toBe(true);
    expect(isHipertensiKehamilan(140, 90, R)).toBe(true);
  });

  it('short stature: height < 145 cm', () => {
    expect(isTinggiBadanRendah(144.9, R)).toBe(true);
    expect(isTinggiBadanRendah(145, R)).toBe(false);
  });

  it('DJJ outside 120–160 /min', () => {
    expect(isDjjTidakNormal(119, R)).toBe(true);
    expect(isDjjTidakNormal(120, R)).toBe(false);
    expect(isDjjTidakNormal(160, R)).toBe(false);
    expect(isDjjTidakNormal(161, R)).toBe(true);
  });
});

describe('4 Terlalu', () => {
  const value = (r: ReturnType<typeof fourTerlalu>) => {
    if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
    return r.value;
  };

  it('terlalu muda: < 20 completed years at HPHT', () => {
    expect(value(fourTerlalu({ birthDate: '2006-03-10', hpht: '2026-03-09' }, R, P))).toMatchObject(
      { ageYears: 19, terlaluMuda: true, terlaluTua: false },
    );
    expect(value(fourTerlalu({ birthDate: '2006-03-10', hpht: '2026-03-10' }, R, P))).toMatchObject(
      { ageYears: 20, terlaluMuda: false },
    );
  });

  it('terlalu tua: > 35 completed years at HPHT (35 years 11 months is not)', () => {
    expect(value(fourTerlalu({ birthDate: '1990-05-01', hpht: '2026-04-30' }, R, P))).toMatchObject(
      { ageYears: 35, terlaluTua: false },
    );
    expect(value(fourTerlalu({ birthDate: '1990-05-01', hpht: '2026-05-01' }, R, P))).toMatchObject(
      { ageYears: 36, terlaluTua: true },
    );
  });

  it('the age date is a reference-set choice (HPHT, HPL or visit)', () => {
    const input = { birthDate: '1990-05-01', hpht: '2026-01-01', visitDate: '2026-06-01' };
    expect(value(fourTerlalu(input, R, P)).terlaluTua).toBe(false);
    const atVisit: RiskSet = { ...R, id: 'test.visit', ageAt: 'VISIT' };
    expect(value(fourTerlalu(input, atVisit, P))).toMatchObject({ ageYears: 36, terlaluTua: true });
    const atHpl: RiskSet = { ...R, id: 'test.hpl', ageAt: 'HPL' };
    expect(value(fourTerlalu(input, atHpl, P)).ageYears).toBe(36);
  });

  it('terlalu dekat: jarak < 24 completed months from the previous delivery to HPHT', () => {
    const base = { hpht: '2026-03-14', previousDeliveryDate: '2024-03-15' };
    expect(value(fourTerlalu(base, R, P))).toMatchObject({ jarakBulan: 23, terlaluDekat: true });
    expect(value(fourTerlalu({ ...base, hpht: '2026-03-15' }, R, P))).toMatchObject({
      jarakBulan: 24,
      terlaluDekat: false,
    });
  });

  it('terlalu banyak: para ≥ 4', () => {
    expect(value(fourTerlalu({ gravida: 4, para: 3 }, R, P)).terlaluBanyak).toBe(false);
    expect(value(fourTerlalu({ gravida: 5, para: 4 }, R, P)).terlaluBanyak).toBe(true);
  });

  it('reports unknown (null) when the data is missing', () => {
    expect(value(fourTerlalu({}, R, P))).toEqual({
      ageYears: null,
      terlaluMuda: null,
      terlaluTua: null,
      jarakBulan: null,
      terlaluDekat: null,
      terlaluBanyak: null,
    });
  });

  it('refuses an impossible age', () => {
    const r = fourTerlalu({ birthDate: '2020-01-01', hpht: '2026-01-01' }, R, P);
    expect(r.ok ? null : r.refusals[0]).toMatchObject({
      code: 'OUT_OF_RANGE',
      path: 'birthDate',
      message: {
        id: 'Umur ibu: harus antara 10 dan 60 tahun',
        en: "Mother's age: must be between 10 and 60 years",
      },
    });
  });
});

describe('G-P-A plausibility', () => {
  it('accepts P + A ≤ G − 1 and refuses more', () => {
    expect(checkObstetricHistory({ gravida: 5, para: 3, abortus: 1 }, P).ok).toBe(true);
    const r = checkObstetricHistory({ gravida: 4, para: 3, abortus: 1 }, P);
    expect(r.ok ? null : r.refusals[0]).toMatchObject({ code: 'GPA_INCONSISTENT', path: 'para' });
    expect(r.ok ? '' : r.refusals[0]?.message.id).toMatch(/^Paritas: /);
    expect(r.ok ? '' : r.refusals[0]?.message.en).toBe(
      'Parity: P + A (4) must not be more than G − 1 (3); G includes this pregnancy.',
    );
    expect(codes(checkObstetricHistory({ gravida: 0 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkObstetricHistory({ gravida: 2, para: 1.5 }, P))).toEqual(['NOT_AN_INTEGER']);
    expect(codes(checkObstetricHistory({ gravida: 2, abortus: -1 }, P))).toEqual([
      'NOT_AN_INTEGER',
    ]);
  });
});

describe('measurement plausibility (refused, never flagged)', () => {
  it('refuses BP 300/20 on both sides, naming each field', () => {
    const r = checkAncMeasurements({ systolic: 300, diastolic: 20 }, P);
    expect(r.ok ? [] : r.refusals.map((x) => [x.code, x.path, x.field.id])).toEqual([
      ['OUT_OF_RANGE', 'systolic', 'Tekanan darah sistolik'],
      ['OUT_OF_RANGE', 'diastolic', 'Tekanan darah diastolik'],
    ]);
    expect(r.ok ? '' : r.refusals[0]?.message.id).toBe(
      'Tekanan darah sistolik: harus antara 60 dan 260 mmHg',
    );
  });

  it('refuses a diastolic not below systolic, and half a blood pressure', () => {
    expect(codes(checkAncMeasurements({ systolic: 90, diastolic: 90 }, P))).toEqual([
      'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC',
    ]);
    expect(checkAncMeasurements({ systolic: 90, diastolic: 89 }, P).ok).toBe(true);
    expect(codes(checkAncMeasurements({ systolic: 120 }, P))).toEqual(['BP_INCOMPLETE']);
  });

  it('refuses LILA 3 cm, BB outside 30–150 kg, Hb and DJJ outside their ranges', () => {
    const r = checkAncMeasurements({ lilaCm: 3 }, P);
    expect(r.ok ? '' : r.refusals[0]?.message.id).toBe('LILA: harus antara 10 dan 60 cm');
    expect(checkAncMeasurements({ weightKg: 30 }, P).ok).toBe(true);
    expect(checkAncMeasurements({ weightKg: 150 }, P).ok).toBe(true);
    expect(codes(checkAncMeasurements({ weightKg: 29.9 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ weightKg: 150.1 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ hbGdl: 2.9 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ hbGdl: 21 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(checkAncMeasurements({ hbGdl: 3 }, P).ok).toBe(true);
    expect(codes(checkAncMeasurements({ djjPerMin: 0 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ djjPerMin: 241 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ heightCm: 99 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ tfuCm: 70 }, P))).toEqual(['OUT_OF_RANGE']);
    expect(codes(checkAncMeasurements({ weightKg: Number.NaN }, P))).toEqual(['NOT_A_NUMBER']);
  });

  it('uses a decimal comma in Indonesian messages and a point in English', () => {
    const wider = { ...P, ranges: { ...P.ranges, hbGdl: { min: 2.5, max: 20.5 } } };
    expect(checkAncMeasurements({ hbGdl: 2.5 }, wider).ok).toBe(true);
    const r = checkAncMeasurements({ hbGdl: 2.4 }, wider);
    expect(r.ok ? '' : r.refusals[0]?.message).toEqual({
      id: 'Hb: harus antara 2,5 dan 20,5 g/dL',
      en: 'Haemoglobin: must be between 2.5 and 20.5 g/dL',
    });
  });
});

describe('riskFlags aggregate', () => {
  it('returns stable codes in a fixed order', () => {
    const r = riskFlags(
      {
        lilaCm: 23.4,
        hbGdl: 10.9,
        systolic: 140,
        diastolic: 85,
        heightCm: 144,
        djjPerMin: 170,
        birthDate: '2008-01-01',
        hpht: '2026-01-01',
        visitDate: '2026-03-01',
        gravida: 6,
        para: 4,
        abortus: 0,
        previousDeliveryDate: '2025-01-01',
      },
      R,
      P,
    );
    expect(r).toEqual({
      ok: true,
      value: [
        'KEK',
        'ANEMIA',
        'HIPERTENSI_KEHAMILAN',
        'TERLALU_MUDA',
        'TERLALU_DEKAT',
        'TERLALU_BANYAK',
        'TINGGI_BADAN_RENDAH',
        'DJJ_TIDAK_NORMAL',
      ],
    });
  });

  it('raises nothing for a healthy contact or for missing data', () => {
    expect(
      riskFlags({ lilaCm: 23.5, hbGdl: 11, systolic: 139, diastolic: 89, heightCm: 145 }, R, P),
    ).toEqual({ ok: true, value: [] });
    expect(riskFlags({}, R, P)).toEqual({ ok: true, value: [] });
  });

  it('refuses instead of flagging when any value is impossible', () => {
    const r = riskFlags({ lilaCm: 3, systolic: 300, diastolic: 20, gravida: 1, para: 2 }, R, P);
    expect(r.ok ? [] : r.refusals.map((x) => x.path).sort()).toEqual([
      'diastolic',
      'lilaCm',
      'para',
      'systolic',
    ]);
  });

  it('has an Indonesian and English label for every code', () => {
    for (const code of RISK_FLAG_CODES) {
      expect(RISK_FLAG_LABELS[code].id.length).toBeGreaterThan(0);
      expect(RISK_FLAG_LABELS[code].en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(RISK_FLAG_LABELS).sort()).toEqual([...RISK_FLAG_CODES].sort());
  });
});
