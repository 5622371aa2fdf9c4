import { describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_KLASTER3 as SET,
  ageOnService,
  ckgGlucoseTest,
  eligibleForDmScreening,
  eligibleForIvaSadanis,
  eligibleForPtmScreening,
  eligibleForPuma,
  eligibleForSkilas,
} from '../../../../src-shared/domain/adult';
import type { Checked } from '../../../../src-shared/domain/refusal';

/** A person who turns `years` on the service date 2026-03-15 (born 2026-03-15 minus years). */
function turning(years: number) {
  return { birthDate: `${2026 - years}-03-15`, on: '2026-03-15' };
}
/** A person one day short of `years` on the service date. */
function dayBefore(years: number) {
  return { birthDate: `${2026 - years}-03-16`, on: '2026-03-15' };
}

function message<T>(r: Checked<T>): string | undefined {
  return r.ok ? undefined : r.refusals[0]?.message.id;
}

describe('age on the service date', () => {
  it('counts completed years and refuses bad or inverted dates', () => {
    expect(ageOnService(turning(60))).toEqual({ ok: true, value: 60 });
    expect(ageOnService(dayBefore(60))).toEqual({ ok: true, value: 59 });
    const bad = ageOnService({ birthDate: '1960-02-30', on: '2026-13-01' });
    expect(!bad.ok && bad.refusals.map((r) => r.message.id)).toEqual([
      'Tanggal lahir: bukan tanggal yang valid (YYYY-MM-DD)',
      'Tanggal pemeriksaan: bukan tanggal yang valid (YYYY-MM-DD)',
    ]);
    const inverted = ageOnService({ birthDate: '2026-03-16', on: '2026-03-15' });
    expect(!inverted.ok && inverted.refusals[0]?.code).toBe('DATE_ORDER');
  });
});

describe('skrining PTM ≥ 15', () => {
  it('15 yes, 14 (a day short of 15) no', () => {
    expect(eligibleForPtmScreening(turning(15), SET)).toEqual({
      ok: true,
      value: { ageYears: 15 },
    });
    const r = eligibleForPtmScreening(dayBefore(15), SET);
    expect(!r.ok && r.refusals[0]?.code).toBe('NOT_ELIGIBLE_AGE');
    expect(message(r)).toBe('Usia: Skrining PTM hanya untuk usia ≥ 15 tahun (usia 14 tahun)');
  });
});

describe('IVA/SADANIS: women 30–50', () => {
  it('30 and 50 (until the day before 51) yes; 29 and 51 no', () => {
    expect(eligibleForIvaSadanis({ ...turning(30), sex: 'P' }, SET).ok).toBe(true);
    expect(eligibleForIvaSadanis({ ...turning(50), sex: 'P' }, SET).ok).toBe(true);
    expect(eligibleForIvaSadanis({ ...dayBefore(51), sex: 'P' }, SET).ok).toBe(true);
    expect(message(eligibleForIvaSadanis({ ...dayBefore(30), sex: 'P' }, SET))).toBe(
      'Usia: IVA/SADANIS hanya untuk usia 30–50 tahun (usia 29 tahun)',
    );
    expect(eligibleForIvaSadanis({ ...turning(51), sex: 'P' }, SET).ok).toBe(false);
  });
  it('refuses men', () => {
    const r = eligibleForIvaSadanis({ ...turning(40), sex: 'L' }, SET);
    expect(!r.ok && r.refusals[0]?.code).toBe('NOT_ELIGIBLE_SEX');
    expect(message(r)).toBe('Jenis kelamin: IVA/SADANIS hanya untuk perempuan');
  });
});

describe('PUMA: ≥ 40 and a smoker', () => {
  it('40-year-old current or former smokers yes', () => {
    expect(eligibleForPuma({ ...turning(40), smoking: 'aktif' }, SET).ok).toBe(true);
    expect(eligibleForPuma({ ...turning(70), smoking: 'mantan' }, SET).ok).toBe(true);
  });
  it('39 no; never-smokers no; both reasons reported', () => {
    expect(message(eligibleForPuma({ ...dayBefore(40), smoking: 'aktif' }, SET))).toBe(
      'Usia: PUMA hanya untuk usia ≥ 40 tahun (usia 39 tahun)',
    );
    const never = eligibleForPuma({ ...turning(50), smoking: 'tidak' }, SET);
    expect(!never.ok && never.refusals[0]?.code).toBe('NOT_ELIGIBLE_SMOKING');
    const both = eligibleForPuma({ ...turning(30), smoking: 'tidak' }, SET);
    expect(!both.ok && both.refusals.map((r) => r.code)).toEqual([
      'NOT_ELIGIBLE_AGE',
      'NOT_ELIGIBLE_SMOKING',
    ]);
  });
});

describe('DM screening: all ≥ 40; 15–< 40 with risk; TB patients', () => {
  it('everyone from 40', () => {
    expect(eligibleForDmScreening(turning(40), SET)).toEqual({
      ok: true,
      value: { ageYears: 40, reason: 'usia' },
    });
  });
  it('39 without risk no; with obesity, central obesity or high BP yes', () => {
    const r = eligibleForDmScreening(dayBefore(40), SET);
    expect(!r.ok && r.refusals[0]?.code).toBe('NOT_ELIGIBLE_DM_RISK');
    for (const risk of [
      { obesitas: true },
      { obesitasSentral: true },
      { tekananDarahTinggi: true },
    ]) {
      expect(eligibleForDmScreening({ ...dayBefore(40), risk }, SET)).toEqual({
        ok: true,
        value: { ageYears: 39, reason: 'faktor_risiko' },
      });
    }
    expect(eligibleForDmScreening({ ...turning(15), risk: { obesitas: true } }, SET).ok).toBe(true);
  });
  it('under 15 no, even with risk; TB patients from 15', () => {
    const r = eligibleForDmScreening({ ...dayBefore(15), risk: { obesitas: true } }, SET);
    expect(message(r)).toBe('Usia: Skrining DM hanya untuk usia ≥ 15 tahun (usia 14 tahun)');
    expect(eligibleForDmScreening({ ...turning(20), risk: { pasienTb: true } }, SET)).toEqual({
      ok: true,
      value: { ageYears: 20, reason: 'pasien_tb' },
    });
  });
});

describe('SKILAS ≥ 60', () => {
  it('60 yes, 59 no, with the message naming the rule', () => {
    expect(eligibleForSkilas(turning(60), SET)).toEqual({ ok: true, value: { ageYears: 60 } });
    const r = eligibleForSkilas(dayBefore(60), SET);
    expect(!r.ok && r.refusals[0]).toMatchObject({
      code: 'NOT_ELIGIBLE_AGE',
      path: 'person.birthDate',
      message: {
        id: 'Usia: SKILAS hanya untuk usia ≥ 60 tahun (usia 59 tahun)',
        en: 'Age: SKILAS is only for age 60 and over (age 59)',
      },
    });
  });
});

describe('CKG glucose test by age', () => {
  it('GDS up to 39, GDP from 40', () => {
    expect(ckgGlucoseTest(dayBefore(40), SET)).toEqual({ ok: true, value: 'gds' });
    expect(ckgGlucoseTest(turning(40), SET)).toEqual({ ok: true, value: 'gdp' });
  });
});
