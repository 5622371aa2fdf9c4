import { describe, expect, it } from 'vitest';
import {
  SKILAS_KEMENKES as SET,
  evaluateSkilas,
  type SkilasAnswers,
  type SkilasResult,
} from '../../../../src-shared/domain/adult';

/** Answers with nothing positive. */
const clear: SkilasAnswers = {
  kognitif: { orientasiWaktuBenar: true, orientasiTempatBenar: true, kataDiingat: 3 },
  mobilisasi: { tidakMampu: false, waktuDetik: 10 },
  malnutrisi: { beratTurun: false, nafsuMakanHilang: false, lilaCm: 25 },
  penglihatan: { masalahMata: false, hitungJariBenar: true },
  pendengaran: { tesBisik: 'dengar' },
  depresi: { sedihTertekan: false, kurangMinat: false },
};

function run(over: Partial<SkilasAnswers>): SkilasResult {
  const r = evaluateSkilas({ ...clear, ...over }, SET);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value;
}

describe('SKILAS (domain §3.3)', () => {
  it('no positive domain → no referral; stores answers and the instrument version', () => {
    const r = run({});
    expect(r).toMatchObject({
      instrumentVersion: 'skilas.kemenkes-2023',
      positiveDomains: [],
      code: 'skilas.normal',
      rujuk: false,
    });
    expect(r.answers).toEqual(clear);
  });

  it('kognitif: any wrong orientation answer, or fewer than 3 words recalled', () => {
    expect(
      run({ kognitif: { ...clear.kognitif, orientasiWaktuBenar: false } }).domains.kognitif,
    ).toBe(true);
    expect(
      run({ kognitif: { ...clear.kognitif, orientasiTempatBenar: false } }).domains.kognitif,
    ).toBe(true);
    expect(run({ kognitif: { ...clear.kognitif, kataDiingat: 2 } }).domains.kognitif).toBe(true);
    expect(run({ kognitif: { ...clear.kognitif, kataDiingat: 3 } }).domains.kognitif).toBe(false);
  });

  it('mobilisasi: 5 chair stands within 14 s; 14.0 passes, 14.1 fails, cannot do = positive', () => {
    const t = (waktuDetik: number) => run({ mobilisasi: { tidakMampu: false, waktuDetik } });
    expect(t(14.0).domains.mobilisasi).toBe(false);
    expect(t(14.1).domains.mobilisasi).toBe(true);
    expect(t(13.9).domains.mobilisasi).toBe(false);
    expect(run({ mobilisasi: { tidakMampu: true } }).domains.mobilisasi).toBe(true);
  });

  it('malnutrisi: any "ya", including LiLA < 21 cm (21.0 is not)', () => {
    const lila = (lilaCm: number) => run({ malnutrisi: { ...clear.malnutrisi, lilaCm } });
    expect(lila(21.0).domains.malnutrisi).toBe(false);
    expect(lila(20.9).domains.malnutrisi).toBe(true);
    expect(run({ malnutrisi: { ...clear.malnutrisi, beratTurun: true } }).domains.malnutrisi).toBe(
      true,
    );
    expect(
      run({ malnutrisi: { ...clear.malnutrisi, nafsuMakanHilang: true } }).domains.malnutrisi,
    ).toBe(true);
  });

  it('penglihatan: step 1 "ya" is positive; otherwise the finger test decides', () => {
    expect(run({ penglihatan: { masalahMata: true } }).domains.penglihatan).toBe(true);
    expect(
      run({ penglihatan: { masalahMata: false, hitungJariBenar: false } }).domains.penglihatan,
    ).toBe(true);
    expect(
      run({ penglihatan: { masalahMata: false, hitungJariBenar: true } }).domains.penglihatan,
    ).toBe(false);
  });

  it('penglihatan: the finger test is required when step 1 is "tidak"', () => {
    const r = evaluateSkilas({ ...clear, penglihatan: { masalahMata: false } }, SET);
    expect(!r.ok && r.refusals[0]).toMatchObject({
      code: 'SKILAS_VISION_TEST_REQUIRED',
      path: 'skilas.penglihatan.hitungJariBenar',
    });
    expect(!r.ok && r.refusals[0]?.message.id).toBe(
      'SKILAS Gangguan penglihatan – tes hitung jari: wajib diisi bila tidak ada masalah mata',
    );
  });

  it('pendengaran: whisper not heard, or the test cannot be done → rujuk', () => {
    expect(run({ pendengaran: { tesBisik: 'tidak_dengar' } }).domains.pendengaran).toBe(true);
    expect(run({ pendengaran: { tesBisik: 'tidak_dapat_dilakukan' } })).toMatchObject({
      rujuk: true,
      positiveDomains: ['pendengaran'],
    });
  });

  it('depresi: either question "ya"', () => {
    expect(run({ depresi: { sedihTertekan: true, kurangMinat: false } }).domains.depresi).toBe(
      true,
    );
    expect(run({ depresi: { sedihTertekan: false, kurangMinat: true } }).domains.depresi).toBe(
      true,
    );
  });

  it('names every positive domain in the referral, in instrument order', () => {
    const r = run({
      depresi: { sedihTertekan: true, kurangMinat: false },
      kognitif: { ...clear.kognitif, kataDiingat: 1 },
      malnutrisi: { ...clear.malnutrisi, lilaCm: 19 },
    });
    expect(r.positiveDomains).toEqual(['kognitif', 'malnutrisi', 'depresi']);
    expect(r.code).toBe('skilas.positif');
    expect(r.rujukText.id).toBe(
      'Rujuk ke Puskesmas: Penurunan kognitif (Mini-Cog / AMT), Malnutrisi (MNA-SF), Gejala depresi (GDS-4)',
    );
  });

  it('refuses missing, contradictory and implausible answers', () => {
    const r = evaluateSkilas(
      {
        ...clear,
        kognitif: { ...clear.kognitif, kataDiingat: 4 },
        mobilisasi: { tidakMampu: true, waktuDetik: 12 },
        malnutrisi: { ...clear.malnutrisi, lilaCm: 5 },
        pendengaran: { tesBisik: 'kurang' as 'dengar' },
      },
      SET,
    );
    expect(!r.ok && r.refusals.map((x) => x.code)).toEqual([
      'OUT_OF_RANGE',
      'CONTRADICTORY_ANSWERS',
      'OUT_OF_RANGE',
      'INVALID_CHOICE',
    ]);
    const noTime = evaluateSkilas({ ...clear, mobilisasi: { tidakMampu: false } }, SET);
    expect(!noTime.ok && noTime.refusals[0]?.message.id).toBe(
      'SKILAS Keterbatasan mobilisasi – waktu 5 kali berdiri: wajib diisi',
    );
  });
});
