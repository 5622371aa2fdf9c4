import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PARSE_OPTIONS,
  summariseIssues,
  toFieldIssues,
} from '../../../src-shared/contract/validation';
import type { Locale } from '../../../src-shared/i18n';

const schema = z
  .object({
    locale: z.enum(['id', 'en']),
    qty: z.number().min(1).max(150),
    nama: z.string().min(1).max(5),
    count: z.number().int(),
    rows: z.array(z.object({ locale: z.string().min(3) })).optional(),
  })
  .strict();

function messages(input: unknown, locale: Locale = 'id') {
  const parsed = schema.safeParse(input, PARSE_OPTIONS);
  if (parsed.success) return [];
  return toFieldIssues(parsed.error.issues, locale).map((i) => `${i.field}: ${i.message}`);
}

const valid = { locale: 'id', qty: 10, nama: 'Ani', count: 1 };

describe('field messages', () => {
  it('say what is wrong in Indonesian, naming the field', () => {
    expect(messages({ ...valid, locale: undefined })).toEqual(['Bahasa: wajib diisi']);
    expect(messages({ ...valid, qty: 0 })).toEqual(['qty: paling kecil 1']);
    expect(messages({ ...valid, qty: 151 })).toEqual(['qty: paling besar 150']);
    expect(messages({ ...valid, qty: 'berat' })).toEqual(['qty: harus berupa angka']);
    expect(messages({ ...valid, nama: '' })).toEqual(['nama: wajib diisi']);
    expect(messages({ ...valid, nama: 'Siti Aminah' })).toEqual(['nama: paling banyak 5 karakter']);
    expect(messages({ ...valid, nama: 7 })).toEqual(['nama: harus berupa teks']);
    expect(messages({ ...valid, count: 1.5 })).toEqual(['count: harus bilangan bulat']);
    expect(messages({ ...valid, locale: 'fr' })).toEqual(['Bahasa: pilihan tidak valid']);
  });

  it('number the row of list inputs', () => {
    expect(messages({ ...valid, rows: [{ locale: 'abc' }, { locale: 'x' }] })).toEqual([
      'Baris 2, Bahasa: paling sedikit 3 karakter',
    ]);
    expect(messages({ ...valid, rows: [{ locale: 'x' }] }, 'en')).toEqual([
      'Row 1, Language: needs at least 3 characters',
    ]);
  });

  it('translate a dictionary key used as a custom message', () => {
    const custom = z.object({ locale: z.string().regex(/^\d+$/, { error: 'validation.format' }) });
    const parsed = custom.safeParse({ locale: 'abc' }, PARSE_OPTIONS);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(toFieldIssues(parsed.error.issues, 'id')[0]?.message).toBe('format tidak valid');
      expect(toFieldIssues(parsed.error.issues, 'en')[0]?.message).toBe('has an invalid format');
    }
  });

  it('summarise several issues as the first plus a count', () => {
    expect(
      summariseIssues([
        { path: 'a', field: 'NIK', message: 'harus 16 digit' },
        { path: 'b', field: 'Nama', message: 'wajib diisi' },
      ]),
    ).toBe('NIK: harus 16 digit (+1)');
  });
});
