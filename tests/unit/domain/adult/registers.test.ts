import { describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_KLASTER3 as ELIG,
  checkKontrol,
  checkRegistration,
  dateAtAge,
  dueThisYear,
} from '../../../../src-shared/domain/adult';

const adult = { birthDate: '1970-05-01' };

describe('registration of a penderita', () => {
  it('accepts a matching ICD-10 code and a diagnosis date up to today', () => {
    const r = checkRegistration(
      { program: 'ht', icd10: 'I10', diagnosedOn: '2026-11-22' },
      adult,
      '2026-11-22',
      ELIG,
    );
    expect(r.ok).toBe(true);
  });

  it('refuses a code of the other register, naming the field', () => {
    const r = checkRegistration(
      { program: 'dm', icd10: 'I10', diagnosedOn: '2026-01-01' },
      adult,
      '2026-11-22',
      ELIG,
    );
    expect(!r.ok && r.refusals.map((x) => [x.code, x.path, x.message.id])).toEqual([
      [
        'ICD_PROGRAM_MISMATCH',
        'icd10',
        'Kode ICD-10: I10 bukan kode diabetes melitus (E10, E11, E13, E14)',
      ],
    ]);
  });

  it('refuses a diagnosis after today (tomorrow) or before birth', () => {
    const tomorrow = checkRegistration(
      { program: 'ht', icd10: 'I10', diagnosedOn: '2026-11-23' },
      adult,
      '2026-11-22',
      ELIG,
    );
    expect(!tomorrow.ok && tomorrow.refusals[0]?.message.id).toBe(
      'Tanggal diagnosis: tidak boleh setelah hari ini',
    );
    const beforeBirth = checkRegistration(
      { program: 'ht', icd10: 'I10', diagnosedOn: '1970-04-30' },
      adult,
      '2026-11-22',
      ELIG,
    );
    expect(!beforeBirth.ok && beforeBirth.refusals[0]?.message.id).toBe(
      'Tanggal diagnosis: tidak boleh sebelum tanggal lahir',
    );
  });

  it('is for Klaster 3 age: 15 on the day, not 14', () => {
    const at = (birthDate: string) =>
      checkRegistration(
        { program: 'dm', icd10: 'E10', diagnosedOn: '2026-11-01' },
        { birthDate },
        '2026-11-22',
        ELIG,
      );
    expect(at('2011-11-22').ok).toBe(true);
    const young = at('2011-11-23');
    expect(!young.ok && young.refusals[0]?.message.id).toBe(
      'Usia: register hipertensi/DM Klaster 3 hanya untuk usia ≥ 15 tahun (usia 14 tahun)',
    );
  });
});

describe('kontrol visit', () => {
  const today = '2026-11-22';
  const dx = '2026-01-10';

  it('turns a visit into a follow-up visit for the terkendali rules', () => {
    const r = checkKontrol(
      {
        visitOn: '2026-02-01',
        systolic: 150,
        diastolic: 95,
        gulaTest: 'gdp',
        gulaValue: 130,
        hba1c: 7.2,
      },
      dx,
      today,
    );
    expect(r.ok && r.value).toEqual({
      date: '2026-02-01',
      systolic: 150,
      diastolic: 95,
      glucose: [
        { test: 'gdp', value: 130 },
        { test: 'hba1c', value: 7.2 },
      ],
    });
    expect(checkKontrol({ visitOn: '2026-02-01' }, dx, today)).toEqual({
      ok: true,
      value: { date: '2026-02-01' },
    });
  });

  it('is refused for a person in no register', () => {
    const r = checkKontrol({ visitOn: '2026-02-01' }, null, today);
    expect(!r.ok && r.refusals[0]?.code).toBe('NOT_REGISTERED');
  });

  it('dates: the diagnosis day and today are fine, the day before and tomorrow are not', () => {
    expect(checkKontrol({ visitOn: dx }, dx, today).ok).toBe(true);
    expect(checkKontrol({ visitOn: today }, dx, today).ok).toBe(true);
    const before = checkKontrol({ visitOn: '2026-01-09' }, dx, today);
    expect(!before.ok && before.refusals[0]?.message.id).toBe(
      'Tanggal kontrol: tidak boleh sebelum tanggal diagnosis (10-01-2026)',
    );
    const future = checkKontrol({ visitOn: '2026-11-23' }, dx, today);
    expect(!future.ok && future.refusals[0]?.message.id).toBe(
      'Tanggal kontrol: tidak boleh setelah hari ini',
    );
  });

  it('BP needs both sides within range, diastolic below systolic', () => {
    const one = checkKontrol({ visitOn: '2026-02-01', systolic: 140 }, dx, today);
    expect(!one.ok && one.refusals.map((x) => [x.path, x.message.id])).toEqual([
      ['diastolic', 'Tekanan darah diastolik: wajib diisi bersama tekanan darah sistolik'],
    ]);
    const bad = checkKontrol({ visitOn: '2026-02-01', systolic: 40, diastolic: 120 }, dx, today);
    expect(!bad.ok && bad.refusals.map((x) => [x.path, x.message.id])).toEqual([
      ['systolic', 'Tekanan darah sistolik: harus antara 60 dan 300 mmHg'],
      ['diastolic', 'Tekanan darah diastolik: harus lebih rendah dari sistolik (40 mmHg)'],
    ]);
    expect(checkKontrol({ visitOn: '2026-02-01', systolic: 60, diastolic: 30 }, dx, today).ok).toBe(
      true,
    );
  });

  it('glucose needs its test type; HbA1c 3–20 %', () => {
    const noTest = checkKontrol({ visitOn: '2026-02-01', gulaValue: 180 }, dx, today);
    expect(!noTest.ok && noTest.refusals[0]?.path).toBe('gulaTest');
    const noValue = checkKontrol({ visitOn: '2026-02-01', gulaTest: 'gds' }, dx, today);
    expect(!noValue.ok && noValue.refusals[0]?.path).toBe('gulaValue');
    const a1c = checkKontrol({ visitOn: '2026-02-01', hba1c: 20.1 }, dx, today);
    expect(!a1c.ok && a1c.refusals[0]?.message.id).toBe('HbA1c: harus antara 3 dan 20 %');
    expect(checkKontrol({ visitOn: '2026-02-01', hba1c: 20 }, dx, today).ok).toBe(true);
  });
});

describe('yearly screening due', () => {
  it('is due until a screening falls in the calendar year of asOf', () => {
    expect(dueThisYear([], '2026-11-22')).toBe(true);
    expect(dueThisYear(['2025-12-31'], '2026-01-01')).toBe(true);
    expect(dueThisYear(['2026-01-01'], '2026-01-01')).toBe(false);
    expect(dueThisYear(['2026-12-31'], '2026-11-22')).toBe(true); // after asOf: not yet
  });

  it('knows the date of a birthday, 29 February included', () => {
    expect(dateAtAge('1966-11-22', 60)).toBe('2026-11-22');
    expect(dateAtAge('1964-02-29', 60)).toBe('2024-02-29');
    expect(dateAtAge('1964-02-29', 61)).toBe('2025-02-28');
  });
});
