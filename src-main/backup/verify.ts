import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { decryptFile } from './create';
import { sha256File } from './files';
import { checkLines } from './inspect';
import type { StoredBackup } from './store';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  /** False when an encrypted copy could not be opened (no passphrase): only its hash was checked. */
  contentChecked: boolean;
}

export class PassphraseError extends Error {
  constructor(readonly missing: boolean) {
    super(
      missing
        ? 'Cadangan ini terenkripsi: masukkan frasa sandinya.'
        : 'Frasa sandi salah: cadangan tidak dapat dibuka.',
    );
    this.name = 'PassphraseError';
  }
}

/** Check a plain SQLite copy read-only: integrity and schema version. */
export function checkPlainCopy(file: string): { problems: string[]; schemaVersion: number } {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      problems: checkLines(copy, 'integrity_check'),
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    copy.close();
  }
}

/**
 * Produce the plain SQLite copy of a backup at `to`, checked: the stored file's hash, the
 * decryption (for an encrypted backup), the plain hash and `integrity_check`. Throws
 * PassphraseError for a missing or wrong passphrase; returns the problems otherwise.
 */
export async function extractBackup(
  stored: StoredBackup,
  to: string,
  passphrase: string | null | undefined,
): Promise<string[]> {
  const m = stored.manifest;
  if (stored.status !== 'ok') return [`berkas cadangan ${stored.status}`];
  if ((await sha256File(stored.dataFile)) !== m.sha256) {
    return ['isi berkas cadangan berubah (sha256 tidak sama dengan manifest)'];
  }
  fs.rmSync(to, { force: true });
  if (m.encrypted) {
    if (!passphrase) throw new PassphraseError(true);
    let plainSha: string;
    try {
      plainSha = await decryptFile(stored.dataFile, to, passphrase);
    } catch {
      fs.rmSync(to, { force: true });
      throw new PassphraseError(false);
    }
    if (plainSha !== m.plainSha256) return ['isi yang didekripsi tidak sama dengan manifest'];
  } else {
    await fs.promises.copyFile(stored.dataFile, to);
  }
  const { problems, schemaVersion } = checkPlainCopy(to);
  if (problems.length > 0) return problems;
  if (schemaVersion !== m.schemaVersion) return ['versi skema tidak sama dengan manifest'];
  return [];
}

/**
 * Verify a backup in place: the hash of the stored file and, when its content can be read
 * (plain, or encrypted with the passphrase given), `integrity_check` on the copy.
 */
export async function verifyBackup(
  stored: StoredBackup,
  passphrase?: string | null,
): Promise<VerifyResult> {
  const m = stored.manifest;
  if (stored.status !== 'ok') {
    return { ok: false, problems: [`berkas cadangan ${stored.status}`], contentChecked: false };
  }
  if (!m.encrypted) {
    if ((await sha256File(stored.dataFile)) !== m.sha256) {
      return {
        ok: false,
        problems: ['isi berkas cadangan berubah (sha256 tidak sama dengan manifest)'],
        contentChecked: false,
      };
    }
    const { problems } = checkPlainCopy(stored.dataFile);
    return { ok: problems.length === 0, problems, contentChecked: true };
  }
  if (!passphrase) {
    const same = (await sha256File(stored.dataFile)) === m.sha256;
    return {
      ok: same,
      problems: same ? [] : ['isi berkas cadangan berubah (sha256 tidak sama dengan manifest)'],
      contentChecked: false,
    };
  }
  const temp = path.join(stored.dir, `.periksa-${m.id}.sqlite3.tmp-${process.pid}`);
  try {
    const problems = await extractBackup(stored, temp, passphrase);
    return { ok: problems.length === 0, problems, contentChecked: true };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
