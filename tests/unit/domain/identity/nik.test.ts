import { describe, expect, it } from 'vitest';
import {
  checkNik,
  describeNik,
  parseNik,
  type RegionLookup,
} from '../../../../src-shared/domain/identity';

// A small region list: Jawa Barat / Kab. Bogor / Cibinong, and Papua (historic codes allowed).
const regions: RegionLookup = {
  provinceExists: (c) => ['32', '91', '93'].includes(c),
  regencyExists: (c) => ['32.01', '91.03'].includes(c),
  districtExists: (c) => ['32.01.01', '91.03.01'].includes(c),
};

/** Build a NIK: region 320101, day, month, 2-digit year, serial. */
const nik = (dd: string, mm = '05', yy = '90', serial = '0001', region = '320101') =>
  `${region}${dd}${mm}${yy}${serial}`;

const codes = (value: string, form?: Parameters<typeof checkNik>[2]) => {
  const r = checkNik(value, regions, form);
  return { errors: r.errors.map((e) => e.code), warnings: r.warnings.map((w) => w.code) };
};

describe('NIK structure', () => {
  it('needs exactly 16 digits', () => {
    expect(codes('320101120590000')).toEqual({ errors: ['NIK_DIGITS'], warnings: [] });
    expect(codes('32010112059000011')).toEqual({ errors: ['NIK_DIGITS'], warnings: [] });
    expect(codes('32010112059000a1')).toEqual({ errors: ['NIK_DIGITS'], warnings: [] });
    expect(codes(' 3201011205900001')).toEqual({ errors: ['NIK_DIGITS'], warnings: [] });
    expect(checkNik('123', regions).errors[0]?.message).toBe('NIK harus 16 digit angka');
  });

  it('reads the day: men 01–31, women 41–71 (day + 40)', () => {
    expect(codes(nik('00')).errors).toEqual(['NIK_DAY']);
    expect(codes(nik('01')).errors).toEqual([]);
    expect(codes(nik('31')).errors).toEqual([]);
    expect(codes(nik('32')).errors).toEqual(['NIK_DAY']);
    expect(codes(nik('40')).errors).toEqual(['NIK_DAY']);
    expect(codes(nik('41')).errors).toEqual([]);
    expect(parseNik(nik('41'))).toMatchObject({ sex: 'P', birthDay: 1 });
    expect(parseNik(nik('40'))).toMatchObject({ sex: 'L', birthDay: 40 });
    expect(codes(nik('71')).errors).toEqual([]);
    expect(parseNik(nik('71'))).toMatchObject({ sex: 'P', birthDay: 31 });
    expect(codes(nik('72')).errors).toEqual(['NIK_DAY']);
  });

  it('reads the month 01–12', () => {
    expect(codes(nik('12', '00')).errors).toEqual(['NIK_MONTH']);
    expect(codes(nik('12', '01')).errors).toEqual([]);
    expect(codes(nik('12', '12')).errors).toEqual([]);
    expect(codes(nik('12', '13')).errors).toEqual(['NIK_MONTH']);
  });

  it('refuses serial 0000', () => {
    expect(codes(nik('12', '05', '90', '0000')).errors).toEqual(['NIK_SERIAL']);
    expect(codes(nik('12', '05', '90', '0001')).errors).toEqual([]);
  });

  it('needs a known province, kab/kota and kecamatan', () => {
    expect(codes(nik('12', '05', '90', '0001', '990101')).errors).toEqual(['NIK_PROVINCE']);
    expect(codes(nik('12', '05', '90', '0001', '329901')).errors).toEqual(['NIK_REGION']);
    expect(codes(nik('12', '05', '90', '0001', '320199')).errors).toEqual(['NIK_REGION']);
    expect(checkNik(nik('12', '05', '90', '0001', '320199'), regions).errors[0]?.message).toBe(
      'NIK: kode kecamatan 32.01.99 tidak ada dalam daftar Kemendagri',
    );
  });

  it('only warns about retired kab/kec codes of split provinces (Papua)', () => {
    expect(codes(nik('12', '05', '90', '0001', '910199'))).toEqual({
      errors: [],
      warnings: ['NIK_REGION_HISTORIC'],
    });
  });
});

describe('NIK against the form', () => {
  it('warns, does not block, when sex or birth date disagree', () => {
    expect(codes(nik('52', '05', '90'), { sex: 'P', birthDate: '1990-05-12' })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(codes(nik('52', '05', '90'), { sex: 'L', birthDate: '1990-05-12' }).warnings).toEqual([
      'NIK_SEX_MISMATCH',
    ]);
    expect(codes(nik('12', '05', '90'), { sex: 'L', birthDate: '1990-05-13' }).warnings).toEqual([
      'NIK_BIRTHDATE_MISMATCH',
    ]);
    expect(codes(nik('12', '05', '90'), { sex: 'L', birthDate: '1991-05-12' }).warnings).toEqual([
      'NIK_BIRTHDATE_MISMATCH',
    ]);
  });

  it('never derives the century: 1990 and 2090 both match "90"', () => {
    expect(codes(nik('12', '05', '90'), { birthDate: '2090-05-12' }).warnings).toEqual([]);
    expect(describeNik(parseNik(nik('52', '05', '07'))!)).toBe('Perempuan, lahir 12-05-..07');
  });
});
