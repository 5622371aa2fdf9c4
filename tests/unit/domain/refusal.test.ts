import { describe, expect, it } from 'vitest';
import { summariseIssues } from '../../../src-shared/contract/validation';
import {
  checkBoolean,
  checkChoice,
  checkDate,
  checkNumber,
  fail,
  formatNumberId,
  issue,
  numberLabel,
  ok,
  refusal,
  toFieldIssues,
  type Checked,
  type Label,
} from '../../../src-shared/domain/refusal';

const HB: Label = { id: 'Hb', en: 'Haemoglobin' };

describe('refusal', () => {
  it('puts the field first in both languages', () => {
    expect(refusal('OUT_OF_RANGE', 'hb', HB, { id: 'terlalu rendah', en: 'too low' })).toEqual({
      code: 'OUT_OF_RANGE',
      path: 'hb',
      field: HB,
      message: { id: 'Hb: terlalu rendah', en: 'Haemoglobin: too low' },
    });
  });

  it('builds ok and failed results', () => {
    const good: Checked<number> = ok(1);
    expect(good).toEqual({ ok: true, value: 1 });
    const r = refusal('REQUIRED', 'hb', HB, { id: 'wajib diisi', en: 'is required' });
    expect(fail([r])).toEqual({ ok: false, refusals: [r] });
  });

  it('keeps the severity of an issue next to the same field and message', () => {
    expect(issue('TOO_SOON', 'break', 'date', HB, { id: 'x', en: 'y' })).toEqual({
      code: 'TOO_SOON',
      severity: 'break',
      path: 'date',
      field: HB,
      message: { id: 'Hb: x', en: 'Haemoglobin: y' },
    });
  });
});

describe('checkNumber', () => {
  const rule = { min: 3, max: 20, unit: 'g/dL' };

  it('accepts both bounds and refuses just outside them', () => {
    expect(checkNumber(3, rule, 'hb', HB)).toEqual([]);
    expect(checkNumber(20, rule, 'hb', HB)).toEqual([]);
    expect(checkNumber(2.9, rule, 'hb', HB).map((r) => r.code)).toEqual(['OUT_OF_RANGE']);
    expect(checkNumber(20.1, rule, 'hb', HB).map((r) => r.code)).toEqual(['OUT_OF_RANGE']);
  });

  it('says what is wrong, field first, in Indonesian and English', () => {
    expect(checkNumber(2.5, { ...rule, min: 2.6 }, 'hb', HB)[0]?.message).toEqual({
      id: 'Hb: harus antara 2,6 dan 20 g/dL',
      en: 'Haemoglobin: must be between 2.6 and 20 g/dL',
    });
    expect(checkNumber(undefined, rule, 'hb', HB)[0]).toMatchObject({
      code: 'REQUIRED',
      message: { id: 'Hb: wajib diisi', en: 'Haemoglobin: is required' },
    });
    expect(checkNumber(Number.NaN, rule, 'hb', HB)[0]).toMatchObject({
      code: 'NOT_A_NUMBER',
      message: { id: 'Hb: harus berupa angka', en: 'Haemoglobin: must be a number' },
    });
    expect(checkNumber('7', rule, 'hb', HB)[0]?.code).toBe('NOT_A_NUMBER');
  });

  it('refuses a fraction when a whole number is required, with or without a unit', () => {
    expect(checkNumber(4.5, { ...rule, integer: true }, 'hb', HB)[0]).toMatchObject({
      code: 'NOT_AN_INTEGER',
      message: {
        id: 'Hb: harus bilangan bulat (g/dL)',
        en: 'Haemoglobin: must be a whole number (g/dL)',
      },
    });
    expect(checkNumber(1.5, { min: 0, max: 3, integer: true }, 'x', HB)[0]?.message).toEqual({
      id: 'Hb: harus bilangan bulat',
      en: 'Haemoglobin: must be a whole number',
    });
    expect(checkNumber(4, { min: 0, max: 3 }, 'x', HB)[0]?.message.id).toBe(
      'Hb: harus antara 0 dan 3',
    );
  });

  it('translates a unit given as a label, and reads bounds through `show`', () => {
    const years = { min: 10, max: 60, unit: { id: 'tahun', en: 'years' } };
    expect(checkNumber(6, years, 'age', HB)[0]?.message.en).toBe(
      'Haemoglobin: must be between 10 and 60 years',
    );
    const weeks = (n: number): Label => ({ id: `${n / 7} minggu`, en: `${n / 7} weeks` });
    expect(checkNumber(7, { min: 14, max: 28, show: weeks }, 'ga', HB)[0]?.message).toEqual({
      id: 'Hb: harus antara 2 minggu dan 4 minggu',
      en: 'Haemoglobin: must be between 2 weeks and 4 weeks',
    });
  });
});

describe('checkBoolean, checkChoice, checkDate', () => {
  it('refuses what is missing or not an answer', () => {
    expect(checkBoolean(true, 'p', HB)).toEqual([]);
    expect(checkBoolean(null, 'p', HB)[0]?.code).toBe('REQUIRED');
    expect(checkBoolean('ya', 'p', HB)[0]?.message.en).toBe(
      'Haemoglobin: must be answered yes or no',
    );
    expect(checkChoice('a', ['a', 'b'], 'p', HB)).toEqual([]);
    expect(checkChoice('c', ['a', 'b'], 'p', HB)[0]).toMatchObject({
      code: 'INVALID_CHOICE',
      message: {
        id: 'Hb: pilihan harus salah satu dari: a, b',
        en: 'Haemoglobin: must be one of: a, b',
      },
    });
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(checkDate('2024-02-29', 'd', HB)).toEqual([]);
    expect(checkDate('2023-02-29', 'd', HB)[0]).toMatchObject({
      code: 'INVALID_DATE',
      message: {
        id: 'Hb: bukan tanggal yang valid (YYYY-MM-DD)',
        en: 'Haemoglobin: is not a valid date (YYYY-MM-DD)',
      },
    });
    expect(checkDate('29-02-2024', 'd', HB)[0]?.code).toBe('INVALID_DATE');
    expect(checkDate(20240229, 'd', HB)[0]?.code).toBe('INVALID_DATE');
    expect(checkDate(undefined, 'd', HB)[0]?.code).toBe('REQUIRED');
  });
});

describe('numbers in text', () => {
  it('uses a decimal comma in Indonesian and a point in English', () => {
    expect(formatNumberId(23.5)).toBe('23,5');
    expect(formatNumberId(140)).toBe('140');
    expect(numberLabel(2.5, 'g/dL')).toEqual({ id: '2,5 g/dL', en: '2.5 g/dL' });
    expect(numberLabel(3, { id: 'tahun', en: 'years' })).toEqual({ id: '3 tahun', en: '3 years' });
    expect(numberLabel(3)).toEqual({ id: '3', en: '3' });
  });
});

describe('toFieldIssues', () => {
  const refusals = [
    ...checkNumber(2, { min: 3, max: 20, unit: 'g/dL' }, 'contacts.0.hb', HB),
    ...checkDate('2026-02-30', 'visitDate', { id: 'Tanggal kunjungan', en: 'Visit date' }),
  ];

  it('gives the bridge its FieldIssues in Indonesian (the default) or English', () => {
    expect(toFieldIssues(refusals, 'id')).toEqual([
      { path: 'contacts.0.hb', field: 'Hb', message: 'harus antara 3 dan 20 g/dL' },
      {
        path: 'visitDate',
        field: 'Tanggal kunjungan',
        message: 'bukan tanggal yang valid (YYYY-MM-DD)',
      },
    ]);
    expect(toFieldIssues(refusals, 'en')[1]).toEqual({
      path: 'visitDate',
      field: 'Visit date',
      message: 'is not a valid date (YYYY-MM-DD)',
    });
  });

  it('reads back as the refusal message once the bridge puts the field first', () => {
    const [first] = refusals;
    expect(summariseIssues(toFieldIssues([first!], 'id'))).toBe(first?.message.id);
    expect(summariseIssues(toFieldIssues([first!], 'en'))).toBe(first?.message.en);
    expect(summariseIssues(toFieldIssues(refusals, 'en'))).toBe(
      'Haemoglobin: must be between 3 and 20 g/dL (+1)',
    );
  });

  it('takes issues as well as refusals', () => {
    const i = issue('LATE', 'notice', 'date', HB, { id: 'terlambat', en: 'late' });
    expect(toFieldIssues([i], 'en')).toEqual([
      { path: 'date', field: 'Haemoglobin', message: 'late' },
    ]);
  });
});
