/**
 * Tenaga kesehatan (SDM) of the puskesmas (domain.md §4): employment status, the NIP's
 * structure, STR/SIP validity and the staffing of a Pustu.
 */
import { daysBetween, isIsoDate } from '../dates';
import type { Profession } from '../codes/service';
import { refusal, type Label, type Refusal } from '../refusal';

export const EMPLOYMENT_STATUSES = [
  'pns',
  'pppk',
  'kontrak',
  'blud',
  'nusantara_sehat',
  'internship',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, Label> = {
  pns: { id: 'PNS', en: 'Civil servant (PNS)' },
  pppk: { id: 'PPPK', en: 'Contract civil servant (PPPK)' },
  kontrak: { id: 'Kontrak/honorer', en: 'Contract / honorary' },
  blud: { id: 'Pegawai BLUD', en: 'BLUD employee' },
  nusantara_sehat: { id: 'Nusantara Sehat', en: 'Nusantara Sehat' },
  internship: { id: 'Dokter internsip', en: 'Intern doctor' },
};

/** Statuses that carry an 18-digit NIP (PNS) or NI PPPK. */
export const STATUSES_WITH_NIP: readonly EmploymentStatus[] = ['pns', 'pppk'];

export const EDUCATION_LEVELS = ['sma', 'd3', 'd4', 's1', 'profesi', 's2', 'sp', 's3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, Label> = {
  sma: { id: 'SMA/SMK', en: 'Senior high school' },
  d3: { id: 'D3', en: 'Diploma 3' },
  d4: { id: 'D4/Sarjana terapan', en: 'Applied bachelor (D4)' },
  s1: { id: 'S1', en: 'Bachelor' },
  profesi: { id: 'Profesi (Ners, Bidan, dr., Apt.)', en: 'Professional degree' },
  s2: { id: 'S2', en: 'Master' },
  sp: { id: 'Spesialis', en: 'Specialist' },
  s3: { id: 'S3', en: 'Doctorate' },
};

export type NipRefusalCode =
  | 'NIP_FORMAT'
  | 'NIP_BIRTH_DATE'
  | 'NIP_TMT'
  | 'NIP_SEX'
  | 'NIP_BIRTH_MISMATCH'
  | 'NIP_SEX_MISMATCH';

export interface NipParts {
  birthDate: string;
  /** TMT CPNS/PPPK, `YYYY-MM`. */
  tmt: string;
  sex: 'L' | 'P';
  serial: string;
}

const NIP_FIELD: Label = { id: 'NIP/NIPPPK', en: 'NIP/NIPPPK' };

/**
 * A NIP (and NI PPPK) is 18 digits: birth date `YYYYMMDD`, TMT `YYYYMM`, sex (1 = laki-laki,
 * 2 = perempuan) and a 3-digit serial [GK: BKN numbering]. Structural problems, and a birth date
 * or sex that disagrees with the form, are refused: the NIP encodes them exactly.
 */
export function checkNip(
  nip: string,
  form: { birthDate?: string | null; sex?: 'L' | 'P' | null } = {},
  path = 'nip',
): { parts: NipParts | null; refusals: Refusal<NipRefusalCode>[] } {
  const digits = nip.replace(/\s+/g, '');
  const fail = (code: NipRefusalCode, id: string, en: string) => ({
    parts: null,
    refusals: [refusal(code, path, NIP_FIELD, { id, en })],
  });
  if (!/^\d{18}$/.test(digits))
    return fail('NIP_FORMAT', 'harus 18 digit angka', 'must be 18 digits');
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!isIsoDate(birthDate) || birthDate < '1930-01-01') {
    return fail(
      'NIP_BIRTH_DATE',
      `8 digit pertama (${digits.slice(0, 8)}) bukan tanggal lahir yang valid`,
      `the first 8 digits (${digits.slice(0, 8)}) are not a valid birth date`,
    );
  }
  const tmt = `${digits.slice(8, 12)}-${digits.slice(12, 14)}`;
  const tmtMonth = Number(digits.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12) {
    return fail(
      'NIP_TMT',
      `digit 9–14 (${digits.slice(8, 14)}) bukan bulan TMT yang valid`,
      `digits 9–14 (${digits.slice(8, 14)}) are not a valid appointment month`,
    );
  }
  // An ASN is appointed at 18 or older: the TMT month is at least the 18th birthday's month.
  const adult = `${Number(digits.slice(0, 4)) + 18}-${digits.slice(4, 6)}`;
  if (tmt < adult) {
    return fail(
      'NIP_TMT',
      `TMT dalam NIP (${digits.slice(12, 14)}-${digits.slice(8, 12)}) sebelum pegawai berusia 18 tahun`,
      `the appointment month in the NIP (${digits.slice(8, 12)}-${digits.slice(12, 14)}) is before age 18`,
    );
  }
  const sexDigit = digits[14];
  if (sexDigit !== '1' && sexDigit !== '2') {
    return fail(
      'NIP_SEX',
      `digit ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan ${sexDigit}`,
      `digit 15 must be 1 (male) or 2 (female), not ${sexDigit}`,
    );
  }
  const parts: NipParts = {
    birthDate,
    tmt,
    sex: sexDigit === '1' ? 'L' : 'P',
    serial: digits.slice(15),
  };
  const refusals: Refusal<NipRefusalCode>[] = [];
  if (form.birthDate && isIsoDate(form.birthDate) && form.birthDate !== birthDate) {
    const shown = `${birthDate.slice(8, 10)}-${birthDate.slice(5, 7)}-${birthDate.slice(0, 4)}`;
    refusals.push(
      refusal('NIP_BIRTH_MISMATCH', path, NIP_FIELD, {
        id: `tanggal lahir dalam NIP (${shown}) tidak sama dengan tanggal lahir yang diisi`,
        en: `the birth date in the NIP (${shown}) differs from the birth date entered`,
      }),
    );
  }
  if (form.sex && form.sex !== parts.sex) {
    refusals.push(
      refusal('NIP_SEX_MISMATCH', path, NIP_FIELD, {
        id: `kode jenis kelamin dalam NIP (${sexDigit}) tidak sesuai dengan jenis kelamin yang diisi`,
        en: `the sex digit in the NIP (${sexDigit}) does not match the sex entered`,
      }),
    );
  }
  return { parts, refusals };
}

/** Days before expiry from which an STR/SIP is listed as "akan berakhir". */
export const LICENCE_WARNING_DAYS = 90;

export type LicenceState = 'none' | 'lifetime' | 'unknown' | 'valid' | 'expiring' | 'expired';

/**
 * The state of an STR or SIP on `today`. A licence is valid through its expiry date; it is
 * `expiring` from `windowDays` days before (inclusive) and `expired` the day after. Since
 * UU 17/2023 an STR may be valid for life (`lifetime`).
 */
export function licenceState(
  licence: { number: string | null; expiry: string | null; lifetime?: boolean },
  today: string,
  windowDays = LICENCE_WARNING_DAYS,
): { state: LicenceState; daysLeft: number | null } {
  if (!licence.number) return { state: 'none', daysLeft: null };
  if (licence.lifetime) return { state: 'lifetime', daysLeft: null };
  if (!licence.expiry || !isIsoDate(licence.expiry)) return { state: 'unknown', daysLeft: null };
  const daysLeft = daysBetween(today, licence.expiry);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  if (daysLeft <= windowDays) return { state: 'expiring', daysLeft };
  return { state: 'valid', daysLeft };
}

/**
 * Under ILP each Pustu has at least one bidan and one perawat [GK: KMK 2015/2023, domain.md §1.4].
 * Returns the professions missing from its active staff.
 */
export function pustuStaffGaps(staff: readonly Profession[]): ('bidan' | 'perawat')[] {
  return (['bidan', 'perawat'] as const).filter((p) => !staff.includes(p));
}
