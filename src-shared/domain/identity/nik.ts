/**
 * NIK (Nomor Induk Kependudukan) rules, domain.md §6.1: 16 digits = province (2), kab/kota (2),
 * kecamatan (2), birth day (women +40), birth month, 2-digit birth year, serial (not 0000).
 * The century cannot be known from a NIK, so a full birth date is never derived from it.
 * Structural problems are errors; a mismatch with the birth date or sex on the form is only a
 * warning (real data has such mismatches and a NIK cannot be changed).
 */

export type Sex = 'L' | 'P';

export interface NikParts {
  provinceCode: string; // "32"
  regencyCode: string; // "32.01"
  districtCode: string; // "32.01.05"
  birthDay: number; // 1–31, women's +40 removed
  birthMonth: number; // 1–12
  birthYear2: number; // 0–99, century unknown
  sex: Sex;
  serial: string; // "0001"
}

export type NikErrorCode =
  'NIK_DIGITS' | 'NIK_DAY' | 'NIK_MONTH' | 'NIK_SERIAL' | 'NIK_PROVINCE' | 'NIK_REGION';
export type NikWarningCode = 'NIK_REGION_HISTORIC' | 'NIK_SEX_MISMATCH' | 'NIK_BIRTHDATE_MISMATCH';

export interface NikFinding<C extends string> {
  code: C;
  /** Indonesian sentence for the clerk, naming the field. */
  message: string;
}

/** Which Kemendagri codes exist; supplied by the caller (the main process loads the list). */
export interface RegionLookup {
  provinceExists(code: string): boolean;
  regencyExists(code: string): boolean;
  districtExists(code: string): boolean;
}

/**
 * Provinces whose older NIKs carry kab/kec codes that no longer exist after a split (Papua and
 * Papua Barat, split into 93–96 in 2022). Under these an unknown kab/kec is a warning, not an
 * error [GK: domain.md §6.1 "allow historic codes"].
 */
export const HISTORIC_REGION_PROVINCES: readonly string[] = ['91', '92'];

export function parseNik(nik: string): NikParts | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const dd = Number(nik.slice(6, 8));
  const female = dd > 40;
  return {
    provinceCode: nik.slice(0, 2),
    regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
    districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDay: female ? dd - 40 : dd,
    birthMonth: Number(nik.slice(8, 10)),
    birthYear2: Number(nik.slice(10, 12)),
    sex: female ? 'P' : 'L',
    serial: nik.slice(12, 16),
  };
}

export interface NikCheck {
  parts: NikParts | null;
  errors: NikFinding<NikErrorCode>[];
  warnings: NikFinding<NikWarningCode>[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Check a NIK against its structure, the Kemendagri region list and (when known) the birth
 * date and sex entered on the form.
 */
export function checkNik(
  nik: string,
  regions: RegionLookup,
  form: { birthDate?: string | null; sex?: Sex | null } = {},
): NikCheck {
  const errors: NikFinding<NikErrorCode>[] = [];
  const warnings: NikFinding<NikWarningCode>[] = [];
  const parts = parseNik(nik);
  if (!parts) {
    errors.push({ code: 'NIK_DIGITS', message: 'NIK harus 16 digit angka' });
    return { parts: null, errors, warnings };
  }
  const rawDay = Number(nik.slice(6, 8));
  if (parts.birthDay < 1 || parts.birthDay > 31 || (rawDay > 31 && rawDay < 41)) {
    errors.push({
      code: 'NIK_DAY',
      message: `NIK: tanggal lahir ${nik.slice(6, 8)} tidak valid (laki-laki 01–31, perempuan 41–71)`,
    });
  }
  if (parts.birthMonth < 1 || parts.birthMonth > 12) {
    errors.push({ code: 'NIK_MONTH', message: `NIK: bulan lahir ${nik.slice(8, 10)} tidak valid` });
  }
  if (parts.serial === '0000') {
    errors.push({ code: 'NIK_SERIAL', message: 'NIK: nomor urut 0000 tidak valid' });
  }
  if (!regions.provinceExists(parts.provinceCode)) {
    errors.push({
      code: 'NIK_PROVINCE',
      message: `NIK: kode provinsi ${parts.provinceCode} tidak ada dalam daftar Kemendagri`,
    });
  } else if (
    !regions.regencyExists(parts.regencyCode) ||
    !regions.districtExists(parts.districtCode)
  ) {
    const unknown = regions.regencyExists(parts.regencyCode)
      ? parts.districtCode
      : parts.regencyCode;
    const what = regions.regencyExists(parts.regencyCode) ? 'kecamatan' : 'kabupaten/kota';
    if (HISTORIC_REGION_PROVINCES.includes(parts.provinceCode)) {
      warnings.push({
        code: 'NIK_REGION_HISTORIC',
        message: `NIK: kode ${what} ${unknown} tidak ada di daftar terbaru (mungkin kode lama sebelum pemekaran)`,
      });
    } else {
      errors.push({
        code: 'NIK_REGION',
        message: `NIK: kode ${what} ${unknown} tidak ada dalam daftar Kemendagri`,
      });
    }
  }
  if (errors.length > 0) return { parts, errors, warnings };

  if (form.sex && form.sex !== parts.sex) {
    warnings.push({
      code: 'NIK_SEX_MISMATCH',
      message: `NIK menunjukkan jenis kelamin ${parts.sex === 'P' ? 'perempuan' : 'laki-laki'}, berbeda dengan isian`,
    });
  }
  if (form.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(form.birthDate)) {
    const [y, m, d] = form.birthDate.split('-').map(Number) as [number, number, number];
    if (d !== parts.birthDay || m !== parts.birthMonth || y % 100 !== parts.birthYear2) {
      warnings.push({
        code: 'NIK_BIRTHDATE_MISMATCH',
        message: `NIK menunjukkan tanggal lahir ${pad2(parts.birthDay)}-${pad2(parts.birthMonth)}-..${pad2(parts.birthYear2)}, berbeda dengan isian`,
      });
    }
  }
  return { parts, errors, warnings };
}

/**
 * What a NIK says about its owner, for showing beside the field: sex and the day/month/2-digit
 * year of birth (never a full year).
 */
export function describeNik(parts: NikParts): string {
  const sex = parts.sex === 'P' ? 'Perempuan' : 'Laki-laki';
  return `${sex}, lahir ${pad2(parts.birthDay)}-${pad2(parts.birthMonth)}-..${pad2(parts.birthYear2)}`;
}

/** A KK number (Kartu Keluarga): 16 digits [UNCONFIRMED structure, so digits only]. */
export function isKkNumber(value: string): boolean {
  return /^\d{16}$/.test(value);
}
