import { describe, expect, it } from 'vitest';
import {
  checkVisitWindow,
  DATING_DEFAULT,
  gestationalAgeAt,
  gestationalAgeFromHpht,
  hplFromHpht,
  hplFromUsg,
  imtSebelumHamil,
  jarakKehamilanBulan,
  PLAUSIBILITY_DEFAULT,
  targetKenaikanBb,
  termCategory,
  TRIMESTER_COMPLETED_WEEKS,
  TRIMESTER_EXACT_WEEKS,
  trimesterOf,
  WEIGHT_GAIN_SATUSEHAT,
  gestationalAgeFromDays,
} from '../../../../src-shared/domain/maternal';

const ga = (weeks: number, days: number) => gestationalAgeFromDays(weeks * 7 + days);

describe('HPL (Naegele, HPHT + 280 days)', () => {
  it('matches the "+7 days, −3 months, +1 year" hand rule where the two agree', () => {
    // HPHT 1 Jan 2026 → hand rule 8 Oct 2026.
    expect(hplFromHpht('2026-01-01')).toBe('2026-10-08');
  });

  it('uses 280 days where the hand rule drifts (domain.md §2.2 defines HPL = HPHT + 280 d)', () => {
    // Hand rule: 8 Dec 2024 and 27 Feb 2026; 280 counted days: 6 Dec 2024 and 24 Feb 2026.
    expect(hplFromHpht('2024-03-01')).toBe('2024-12-06');
    expect(hplFromHpht('2025-05-20')).toBe('2026-02-24');
  });

  it('from a USG gestational age: HPL = USG date + (280 − GA days)', () => {
    // 10w2d (72 days) on 10 Mar 2026 → 208 days later.
    expect(hplFromUsg('2026-03-10', { weeks: 10, days: 2 }, PLAUSIBILITY_DEFAULT)).toEqual({
      ok: true,
      value: '2026-10-04',
    });
    expect(hplFromUsg('2026-03-10', { weeks: 40, days: 0 }, PLAUSIBILITY_DEFAULT)).toEqual({
      ok: true,
      value: '2026-03-10',
    });
  });

  it('refuses an impossible USG gestational age', () => {
    const tooOld = hplFromUsg('2026-03-10', { weeks: 45, days: 0 }, PLAUSIBILITY_DEFAULT);
    expect(tooOld.ok).toBe(false);
    if (!tooOld.ok) {
      expect(tooOld.refusals[0]?.code).toBe('OUT_OF_RANGE');
      expect(tooOld.refusals[0]?.message).toEqual({
        id: 'Usia kehamilan (USG): harus antara 4 minggu 0 hari dan 44 minggu 6 hari',
        en: 'Gestational age (ultrasound): must be between 4 weeks 0 days and 44 weeks 6 days',
      });
    }
    expect(hplFromUsg('2026-03-10', { weeks: 44, days: 6 }, PLAUSIBILITY_DEFAULT).ok).toBe(true);
    expect(hplFromUsg('2026-03-10', { weeks: 3, days: 6 }, PLAUSIBILITY_DEFAULT).ok).toBe(false);
    const badDays = hplFromUsg('2026-03-10', { weeks: 10, days: 7 }, PLAUSIBILITY_DEFAULT);
    expect(badDays.ok ? '' : badDays.refusals[0]?.code).toBe('NOT_AN_INTEGER');
  });
});

describe('usia kehamilan', () => {
  it('counts completed weeks and days from HPHT', () => {
    expect(gestationalAgeFromHpht('2026-01-01', '2026-01-01')).toEqual({
      totalDays: 0,
      weeks: 0,
      days: 0,
    });
    expect(gestationalAgeFromHpht('2026-01-01', '2026-04-01')).toEqual({
      totalDays: 90,
      weeks: 12,
      days: 6,
    });
    expect(gestationalAgeFromHpht('2026-01-01', '2026-10-08')).toMatchObject({
      weeks: 40,
      days: 0,
    });
  });

  it('follows a USG-based HPL', () => {
    expect(gestationalAgeAt('2026-10-04', '2026-03-10')).toMatchObject({ weeks: 10, days: 2 });
  });

  it('throws before the start of the pregnancy (check the visit window first)', () => {
    expect(() => gestationalAgeFromHpht('2026-01-01', '2025-12-31')).toThrow(RangeError);
    expect(() => gestationalAgeAt('2026-13-01', '2026-01-01')).toThrow(RangeError);
  });
});

describe('trimester', () => {
  it('completed-week reading (default): TM1 ≤ 12w6d, TM2 13w0d–24w6d, TM3 ≥ 25w0d', () => {
    const set = TRIMESTER_COMPLETED_WEEKS;
    expect(trimesterOf(ga(0, 0), set)).toBe(1);
    expect(trimesterOf(ga(12, 6), set)).toBe(1);
    expect(trimesterOf(ga(13, 0), set)).toBe(2);
    expect(trimesterOf(ga(24, 6), set)).toBe(2);
    expect(trimesterOf(ga(25, 0), set)).toBe(3);
    expect(trimesterOf(ga(42, 0), set)).toBe(3);
  });

  it('exact-duration reading: TM1 ≤ 12w0d, TM2 12w1d–24w0d, TM3 ≥ 24w1d', () => {
    const set = TRIMESTER_EXACT_WEEKS;
    expect(trimesterOf(ga(12, 0), set)).toBe(1);
    expect(trimesterOf(ga(12, 1), set)).toBe(2);
    expect(trimesterOf(ga(24, 0), set)).toBe(2);
    expect(trimesterOf(ga(24, 1), set)).toBe(3);
  });
});

describe('ANC visit window (≥ HPHT and ≤ HPL + 42 days, domain.md §2.2)', () => {
  const pregnancy = { hpht: '2026-01-01', hpl: '2026-10-08' };

  it('allows HPHT itself and HPL + 42 days', () => {
    expect(checkVisitWindow('2026-01-01', pregnancy, DATING_DEFAULT)).toEqual({
      ok: true,
      value: { earliest: '2026-01-01', latest: '2026-11-19' },
    });
    expect(checkVisitWindow('2026-11-19', pregnancy, DATING_DEFAULT).ok).toBe(true);
  });

  it('refuses the day before HPHT and HPL + 43 days, naming the field', () => {
    const before = checkVisitWindow('2025-12-31', pregnancy, DATING_DEFAULT);
    expect(before).toEqual({
      ok: false,
      refusals: [
        {
          code: 'VISIT_BEFORE_HPHT',
          path: 'visitDate',
          field: { id: 'Tanggal kunjungan', en: 'Visit date' },
          message: {
            id: 'Tanggal kunjungan: tidak boleh sebelum HPHT (1 Januari 2026).',
            en: 'Visit date: must not be before the first day of the last menstrual period (1 January 2026).',
          },
        },
      ],
    });
    const after = checkVisitWindow('2026-11-20', pregnancy, DATING_DEFAULT);
    expect(after.ok ? undefined : after.refusals[0]).toMatchObject({
      code: 'VISIT_AFTER_HPL_WINDOW',
      message: {
        id: 'Tanggal kunjungan: tidak boleh lewat dari 42 hari setelah HPL (paling lambat 19 November 2026).',
        en: 'Visit date: must not be more than 42 days after the estimated due date (19 November 2026 at the latest).',
      },
    });
  });

  it('uses HPL − 280 when HPHT is unknown, and refuses a non-date', () => {
    expect(checkVisitWindow('2026-01-01', { hpl: '2026-10-08' }, DATING_DEFAULT).ok).toBe(true);
    expect(checkVisitWindow('2025-12-31', { hpl: '2026-10-08' }, DATING_DEFAULT).ok).toBe(false);
    const bad = checkVisitWindow('2026-02-30', pregnancy, DATING_DEFAULT);
    expect(bad.ok ? '' : bad.refusals[0]?.code).toBe('INVALID_DATE');
  });
});

describe('term at delivery (preterm < 37w0d, postterm ≥ 42w0d)', () => {
  it('classifies the exact edges', () => {
    expect(termCategory(ga(36, 6), DATING_DEFAULT)).toBe('PRETERM');
    expect(termCategory(ga(37, 0), DATING_DEFAULT)).toBe('ATERM');
    expect(termCategory(ga(41, 6), DATING_DEFAULT)).toBe('ATERM');
    expect(termCategory(ga(42, 0), DATING_DEFAULT)).toBe('POSTTERM');
  });
});

describe('jarak kehamilan (completed months, previous delivery → HPHT)', () => {
  it('counts completed calendar months', () => {
    expect(jarakKehamilanBulan('2024-03-15', '2026-03-14')).toEqual({ ok: true, value: 23 });
    expect(jarakKehamilanBulan('2024-03-15', '2026-03-15')).toEqual({ ok: true, value: 24 });
  });

  it('refuses a previous delivery on or after HPHT', () => {
    const same = jarakKehamilanBulan('2026-03-15', '2026-03-15');
    expect(same.ok ? '' : same.refusals[0]?.code).toBe('PREVIOUS_DELIVERY_NOT_BEFORE_HPHT');
    expect(same.ok ? '' : same.refusals[0]?.message.id).toMatch(
      /^Tanggal persalinan sebelumnya: harus sebelum HPHT/,
    );
  });
});

describe('IMT sebelum hamil and target kenaikan BB (SATUSEHAT OV000008–OV000011, IOM 2009)', () => {
  it('computes kg/m² to one decimal', () => {
    expect(imtSebelumHamil(45, 160, PLAUSIBILITY_DEFAULT)).toEqual({ ok: true, value: 17.6 });
    expect(imtSebelumHamil(64, 160, PLAUSIBILITY_DEFAULT)).toEqual({ ok: true, value: 25 });
  });

  it('maps each class to its SATUSEHAT code and published range', () => {
    expect(targetKenaikanBb(17.6, WEIGHT_GAIN_SATUSEHAT)).toMatchObject({
      imtClass: 'KURUS',
      satusehatCode: 'OV000011',
      minGainKg: 12.5,
      maxGainKg: 18,
    });
    expect(targetKenaikanBb(22, WEIGHT_GAIN_SATUSEHAT)).toMatchObject({
      imtClass: 'NORMAL',
      satusehatCode: 'OV000010',
      minGainKg: 11.5,
      maxGainKg: 16,
    });
    expect(targetKenaikanBb(27, WEIGHT_GAIN_SATUSEHAT)).toMatchObject({
      imtClass: 'GEMUK',
      satusehatCode: 'OV000009',
      minGainKg: 7,
      maxGainKg: 11.5,
    });
    expect(targetKenaikanBb(32, WEIGHT_GAIN_SATUSEHAT)).toMatchObject({
      imtClass: 'OBESITAS',
      satusehatCode: 'OV000008',
      minGainKg: 5,
      maxGainKg: 9,
    });
  });

  it('places the class edges at 18,5 / 25,0 / 30,0', () => {
    const cls = (imt: number) => targetKenaikanBb(imt, WEIGHT_GAIN_SATUSEHAT).imtClass;
    expect(cls(18.4)).toBe('KURUS');
    expect(cls(18.5)).toBe('NORMAL');
    expect(cls(24.9)).toBe('NORMAL');
    expect(cls(25)).toBe('GEMUK');
    expect(cls(29.9)).toBe('GEMUK');
    expect(cls(30)).toBe('OBESITAS');
  });

  it('classifies the rounded value shown to the clerk (47,3 kg / 160 cm = 18,48 → 18,5 → NORMAL)', () => {
    const imt = imtSebelumHamil(47.3, 160, PLAUSIBILITY_DEFAULT);
    expect(imt).toEqual({ ok: true, value: 18.5 });
    expect(targetKenaikanBb(18.5, WEIGHT_GAIN_SATUSEHAT).imtClass).toBe('NORMAL');
    expect(imtSebelumHamil(47.2, 160, PLAUSIBILITY_DEFAULT)).toEqual({ ok: true, value: 18.4 });
  });

  it('refuses impossible weight or height', () => {
    const r = imtSebelumHamil(29, 90, PLAUSIBILITY_DEFAULT);
    expect(r.ok ? [] : r.refusals.map((x) => x.path)).toEqual(['preWeightKg', 'heightCm']);
    expect(r.ok ? '' : r.refusals[0]?.message.id).toBe('Berat badan: harus antara 30 dan 150 kg');
  });
});
