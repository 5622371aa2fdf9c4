import { describe, expect, it } from 'vitest';
import {
  PUMA_CUTOFF_5,
  PUMA_CUTOFF_6,
  PUMA_CUTOFF_7,
  PUMA_SETS,
  packYears,
  scorePuma,
  type PumaInput,
} from '../../../../src-shared/domain/adult';

const base: PumaInput = {
  sex: 'P',
  ageYears: 45,
  smoking: 'aktif',
  packYears: 10,
  sesakNapas: false,
  dahak: false,
  batuk: false,
  pernahSpirometri: false,
};

function score(over: Partial<PumaInput>, set = PUMA_CUTOFF_6) {
  const r = scorePuma({ ...base, ...over }, set);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value;
}

describe('PUMA items and points (Indonesian form, Lopez Varela 2019)', () => {
  it('sex: laki-laki 1, perempuan 0', () => {
    expect(score({ sex: 'L' }).points.jenisKelamin).toBe(1);
    expect(score({ sex: 'P' }).points.jenisKelamin).toBe(0);
  });

  it('age: 40–49 → 0, 50–59 → 1, ≥ 60 → 2', () => {
    expect(score({ ageYears: 40 }).points.usia).toBe(0);
    expect(score({ ageYears: 49 }).points.usia).toBe(0);
    expect(score({ ageYears: 50 }).points.usia).toBe(1);
    expect(score({ ageYears: 59 }).points.usia).toBe(1);
    expect(score({ ageYears: 60 }).points.usia).toBe(2);
    expect(score({ ageYears: 85 }).points.usia).toBe(2);
  });

  it('pack-years: < 20 → 0, 20–30 → 1, > 30 → 2; never-smokers 0', () => {
    expect(score({ packYears: 19.9 }).points.merokok).toBe(0);
    expect(score({ packYears: 20 }).points.merokok).toBe(1);
    expect(score({ packYears: 30 }).points.merokok).toBe(1);
    expect(score({ packYears: 30.1 }).points.merokok).toBe(2);
    expect(score({ smoking: 'mantan', packYears: 45 }).points.merokok).toBe(2);
    expect(score({ smoking: 'tidak', packYears: undefined }).points.merokok).toBe(0);
  });

  it('pack-years = batang/hari × tahun / 20 (form example: 15 × 20 / 20 = 15 → 0 points)', () => {
    expect(packYears(15, 20)).toBe(15);
    expect(score({ packYears: packYears(15, 20) }).points.merokok).toBe(0);
    expect(packYears(20, 30)).toBe(30);
  });

  it('four yes/no questions, 1 point each; maximum 9', () => {
    const max = score({
      sex: 'L',
      ageYears: 65,
      packYears: 40,
      sesakNapas: true,
      dahak: true,
      batuk: true,
      pernahSpirometri: true,
    });
    expect(max.points).toEqual({
      jenisKelamin: 1,
      usia: 2,
      merokok: 2,
      sesakNapas: 1,
      dahak: 1,
      batuk: 1,
      pernahSpirometri: 1,
    });
    expect(max.score).toBe(9);
    expect(score({}).score).toBe(0);
  });
});

describe('PUMA cut-off is a reference set', () => {
  // Score 5: L(1) + 50–59(1) + 20–30 pack-years(1) + sesak(1) + batuk(1).
  const five: Partial<PumaInput> = {
    sex: 'L',
    ageYears: 55,
    packYears: 25,
    sesakNapas: true,
    batuk: true,
  };
  const six = { ...five, dahak: true };
  const seven = { ...six, pernahSpirometri: true };

  it('default ≥ 6: 5 negative, 6 positive (rujuk spirometri)', () => {
    expect(score(five)).toMatchObject({ score: 5, positive: false, code: 'puma.negatif' });
    expect(score(six)).toMatchObject({ score: 6, positive: true, code: 'puma.positif' });
  });

  it('alternative ≥ 5 and ≥ 7 sets', () => {
    expect(score(five, PUMA_CUTOFF_5).positive).toBe(true);
    expect(score({ ...five, batuk: false }, PUMA_CUTOFF_5).positive).toBe(false);
    expect(score(six, PUMA_CUTOFF_7).positive).toBe(false);
    expect(score(seven, PUMA_CUTOFF_7)).toMatchObject({ score: 7, positive: true });
    expect(PUMA_SETS.map((s) => s.id)).toEqual(['puma.cutoff-6', 'puma.cutoff-5', 'puma.cutoff-7']);
  });
});

describe('PUMA refusals', () => {
  it('refuses under-40s (the age item starts at 40)', () => {
    const r = scorePuma({ ...base, ageYears: 39 }, PUMA_CUTOFF_6);
    expect(!r.ok && r.refusals[0]).toMatchObject({
      code: 'NOT_ELIGIBLE_AGE',
      message: { id: 'PUMA: hanya untuk usia ≥ 40 tahun' },
    });
  });

  it('requires pack-years for smokers and refuses them for never-smokers', () => {
    const missing = scorePuma({ ...base, packYears: undefined }, PUMA_CUTOFF_6);
    expect(!missing.ok && missing.refusals[0]?.message.id).toBe(
      'Jumlah bungkus-tahun: wajib diisi',
    );
    const contradiction = scorePuma({ ...base, smoking: 'tidak', packYears: 12 }, PUMA_CUTOFF_6);
    expect(!contradiction.ok && contradiction.refusals[0]?.code).toBe('PUMA_SMOKING_CONTRADICTION');
    const zero = scorePuma({ ...base, smoking: 'tidak', packYears: 0 }, PUMA_CUTOFF_6);
    expect(zero.ok).toBe(true);
  });

  it('refuses unanswered yes/no items', () => {
    const r = scorePuma({ ...base, dahak: undefined as unknown as boolean }, PUMA_CUTOFF_6);
    expect(!r.ok && r.refusals[0]).toMatchObject({ code: 'REQUIRED', path: 'puma.dahak' });
  });
});
