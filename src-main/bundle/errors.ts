import { AppError } from '@shared/contract/errors';

/**
 * Stable codes of every failure of the bundle and key code. The CLI, a future import service
 * and the renderer may branch on them; the messages are for the officer, in Indonesian.
 */
export const BUNDLE_ERROR_MESSAGES = {
  // Opening a .siklus file
  BUNDLE_FILE_UNREADABLE: 'Berkas paket tidak dapat dibaca dari disk.',
  BUNDLE_TOO_LARGE: 'Berkas ini terlalu besar untuk sebuah paket Siklus.',
  BUNDLE_NOT_AGE:
    'Berkas ini bukan paket Siklus (bukan berkas age). Pastikan yang dipilih adalah berkas .siklus dari puskesmas.',
  BUNDLE_TRUNCATED:
    'Paket terpotong: berkas berakhir sebelum waktunya. Minta puskesmas mengirim ulang berkas yang sama.',
  BUNDLE_CORRUPT:
    'Paket rusak, terpotong, atau telah diubah setelah dibuat (pemeriksaan enkripsi gagal). Minta puskesmas mengirim ulang berkas yang sama.',
  BUNDLE_WRONG_KEY: 'Paket ini tidak ditujukan untuk kunci Dinkes ini.',
  BUNDLE_PASSPHRASE_REQUIRED:
    'Paket ini dikunci dengan kata sandi, bukan dengan kunci Dinkes. Masukkan kata sandi paket.',
  BUNDLE_WRONG_PASSPHRASE: 'Kata sandi paket salah.',
  BUNDLE_ZIP_INVALID: 'Isi paket tidak tersusun dengan benar (arsip zip rusak atau tidak baku).',
  BUNDLE_ZIP_LIMIT:
    'Isi paket melebihi batas aman (terlalu banyak berkas atau terlalu besar setelah dibuka).',
  BUNDLE_UNSAFE_PATH: 'Paket berisi nama berkas yang tidak aman (misalnya "../").',
  BUNDLE_DUPLICATE_ENTRY: 'Paket berisi nama berkas ganda.',
  BUNDLE_UNKNOWN_FILE: 'Paket berisi berkas yang tidak dikenal.',
  BUNDLE_MISSING_FILE: 'Paket tidak lengkap: ada berkas yang hilang.',
  BUNDLE_FORMAT_UNSUPPORTED:
    'Versi format paket ini tidak didukung. Perbarui aplikasi Siklus di Dinkes.',
  BUNDLE_MANIFEST_INVALID: 'Daftar isi paket (manifest.json) tidak sah.',
  BUNDLE_SIGNATURE_INVALID:
    'Tanda tangan puskesmas pada paket tidak sah: paket mungkin telah diubah.',
  BUNDLE_UNKNOWN_SIGNER:
    'Paket ditandatangani oleh kunci puskesmas yang belum dikenal. Cocokkan sidik jari kunci dengan puskesmas (misalnya lewat telepon) sebelum mempercayainya.',
  BUNDLE_HASH_MISMATCH: 'Isi berkas dalam paket tidak cocok dengan daftar isi: paket telah diubah.',
  BUNDLE_RECORD_COUNT_MISMATCH: 'Jumlah baris data tidak cocok dengan daftar isi paket.',
  BUNDLE_RECORDS_INVALID: 'Baris data dalam paket tidak sah.',
  BUNDLE_REPORT_INVALID: 'Laporan indikator dalam paket tidak sah.',
  BUNDLE_INTERNAL:
    'Terjadi kesalahan tak terduga saat memproses paket. Laporkan ke pengelola Siklus beserta berkasnya.',
  // Making a bundle
  BUNDLE_INPUT_INVALID: 'Data untuk paket tidak sah.',
  BUNDLE_CANCELLED: 'Pembuatan atau pembacaan paket dibatalkan.',
  // Keys
  KEY_NOT_FOUND: 'Kunci belum dibuat di folder ini.',
  KEY_EXISTS: 'Kunci sudah ada di folder ini; kunci lama tidak ditimpa.',
  KEY_INVALID: 'Berkas kunci tidak sah atau rusak.',
  KEY_WRONG_PASSPHRASE: 'Kata sandi kunci salah.',
  KEY_PASSPHRASE_WEAK: 'Kata sandi terlalu pendek: minimal 10 karakter.',
  RECIPIENT_INVALID:
    'Kunci publik Dinkes tidak sah: harus berupa satu baris yang diawali "age1" (62 karakter).',
  SIGNER_INVALID: 'Kunci publik puskesmas tidak sah: harus berupa satu baris yang diawali "RW".',
} as const;

export type BundleErrorCode = keyof typeof BUNDLE_ERROR_MESSAGES;
export const BUNDLE_ERROR_CODES = Object.keys(BUNDLE_ERROR_MESSAGES) as BundleErrorCode[];

/** Extra facts for the officer or the log: which file, which key, what was expected. */
export type BundleErrorDetails = Record<string, unknown>;

/**
 * An expected failure of the bundle or key code: a stable `code`, an Indonesian `message`
 * (the standard message, optionally followed by a specific hint) and `details`.
 */
export class BundleError extends Error {
  readonly code: BundleErrorCode;
  readonly details: BundleErrorDetails;

  constructor(code: BundleErrorCode, hint?: string, details: BundleErrorDetails = {}) {
    super(hint ? `${BUNDLE_ERROR_MESSAGES[code]} ${hint}` : BUNDLE_ERROR_MESSAGES[code]);
    this.name = 'BundleError';
    this.code = code;
    this.details = details;
  }

  /**
   * The error as an {@link AppError} for the bridge: the bridge's closed code list has no bundle
   * codes, so the bundle code travels in `details.bundleCode`.
   */
  toAppError(): AppError {
    const code =
      this.code === 'BUNDLE_CANCELLED'
        ? 'CONFLICT'
        : this.code === 'KEY_NOT_FOUND'
          ? 'NOT_FOUND'
          : this.code === 'BUNDLE_INPUT_INVALID' ||
              this.code === 'RECIPIENT_INVALID' ||
              this.code === 'SIGNER_INVALID' ||
              this.code === 'KEY_PASSPHRASE_WEAK'
            ? 'INVALID_INPUT'
            : 'RULE_VIOLATION';
    return new AppError(code, this.message, { ...this.details, bundleCode: this.code });
  }
}

export function isBundleError(error: unknown, code?: BundleErrorCode): error is BundleError {
  return error instanceof BundleError && (code === undefined || error.code === code);
}

/** Throw `BUNDLE_CANCELLED` when the signal was aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BundleError('BUNDLE_CANCELLED');
}
