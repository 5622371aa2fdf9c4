import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackupKind, BackupManifest } from '@shared/contract';
import {
  fsyncDir,
  fsyncFile,
  renameWithRetry,
  sha256File,
  timestampForFile,
  writeFileAtomic,
} from './files';
import { workerResult } from '../workers';
import type { examineCopy } from './inspect';
import { dataFileName, manifestFileOf, type StoredBackup } from './store';

export type BackupStage = 'copy' | 'check' | 'encrypt' | 'hash' | 'done';

export interface BackupProgress {
  stage: BackupStage;
  /** Within the stage: pages copied, or 0/1. */
  done: number;
  total: number;
}

export interface CreateBackupOptions {
  /** An open connection to the database to copy (read-write or read-only). */
  source: BetterSqlite3.Database;
  /** The folder to write to (created when missing). */
  dir: string;
  kind: BackupKind;
  /** Defaults to `<kind>_<timestamp>`. */
  id?: string;
  appVersion: string;
  now?: () => Date;
  /** Encrypt with this passphrase (age, scrypt): the `age` CLI decrypts it with `age -d`. */
  passphrase?: string | null;
  /** scrypt work factor (log2 N); age's default 18. Tests lower it. */
  scryptWorkFactor?: number;
  /** Pages copied per step of the online backup (between steps the database stays usable). */
  pagesPerStep?: number;
  onProgress?: (progress: BackupProgress) => void;
}

export class BackupCheckFailedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Salinan cadangan gagal diperiksa: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'BackupCheckFailedError';
  }
}

function uniqueId(dir: string, base: string): string {
  let id = base;
  for (let n = 2; fs.existsSync(manifestFileOf(dir, id)); n++) id = `${base}-${n}`;
  return id;
}

/** Encrypt `from` into `to` with age's passphrase (scrypt) recipient, streaming. */
export async function encryptFile(
  from: string,
  to: string,
  passphrase: string,
  scryptWorkFactor?: number,
): Promise<void> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  if (scryptWorkFactor) encrypter.setScryptWorkFactor(scryptWorkFactor);
  const input = Readable.toWeb(fs.createReadStream(from)) as unknown as ReadableStream<Uint8Array>;
  const output = await encrypter.encrypt(input);
  await pipeline(Readable.fromWeb(output as never), fs.createWriteStream(to));
}

/**
 * Decrypt an age file with a passphrase into `to` (or only hash it when `to` is null).
 * Returns the sha256 of the plaintext. A wrong passphrase throws.
 */
export async function decryptFile(
  from: string,
  to: string | null,
  passphrase: string,
): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const input = Readable.toWeb(fs.createReadStream(from)) as unknown as ReadableStream<Uint8Array>;
  const output = await decrypter.decrypt(input);
  const hash = createHash('sha256');
  const plain = Readable.fromWeb(output as never);
  if (to) {
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(plain, tap, fs.createWriteStream(to));
  } else {
    for await (const chunk of plain) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * `examineCopy` on a worker thread: its integrity_check reads the whole copy (about a minute
 * for the 1.7 GB five-year demo here), and the main process must keep answering meanwhile.
 */
function examineCopyInWorker(file: string): Promise<ReturnType<typeof examineCopy>> {
  return workerResult('backup-worker', file, 'backup check');
}

/**
 * Take one verified backup:
 *  1. SQLite's online backup into `<id>.sqlite3.tmp-<pid>` (the database stays usable);
 *  2. `PRAGMA integrity_check` on the copy, record counts, facility, schema version;
 *  3. optionally encrypt (age, passphrase) into `<id>.sqlite3.age.tmp-<pid>` and check that it
 *     decrypts back to the same bytes;
 *  4. fsync, rename into place, then write `<id>.manifest.json` (temp + rename) last.
 * A process killed at any point leaves only temp files or a copy without a manifest: neither is
 * ever listed as a backup.
 */
export async function createBackup(options: CreateBackupOptions): Promise<StoredBackup> {
  const now = options.now ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  const createdAt = now();
  fs.mkdirSync(options.dir, { recursive: true });
  const id = options.id ?? uniqueId(options.dir, `${options.kind}_${timestampForFile(createdAt)}`);
  const encrypted = Boolean(options.passphrase);
  const finalName = dataFileName(id, encrypted);
  const finalFile = path.join(options.dir, finalName);
  const plainTemp = path.join(options.dir, `${id}.sqlite3.tmp-${process.pid}`);
  const encryptedTemp = path.join(options.dir, `${finalName}.tmp-${process.pid}`);
  const pagesPerStep = options.pagesPerStep ?? 256;

  try {
    fs.rmSync(plainTemp, { force: true });
    progress({ stage: 'copy', done: 0, total: 1 });
    await options.source.backup(plainTemp, {
      progress: ({ totalPages, remainingPages }) => {
        progress({ stage: 'copy', done: totalPages - remainingPages, total: totalPages });
        return pagesPerStep;
      },
    });

    progress({ stage: 'check', done: 0, total: 1 });
    const facts = await examineCopyInWorker(plainTemp);
    if (facts.problems.length > 0) throw new BackupCheckFailedError(facts.problems);
    fsyncFile(plainTemp);
    progress({ stage: 'check', done: 1, total: 1 });

    progress({ stage: 'hash', done: 0, total: 1 });
    const plainSha256 = await sha256File(plainTemp);
    const plainSize = fs.statSync(plainTemp).size;
    let storedTemp = plainTemp;
    if (encrypted) {
      progress({ stage: 'encrypt', done: 0, total: 1 });
      await encryptFile(plainTemp, encryptedTemp, options.passphrase!, options.scryptWorkFactor);
      fsyncFile(encryptedTemp);
      // Prove the encrypted file opens with the passphrase and gives back the same bytes.
      const roundTrip = await decryptFile(encryptedTemp, null, options.passphrase!);
      if (roundTrip !== plainSha256) {
        throw new BackupCheckFailedError(['berkas terenkripsi tidak dapat dibuka kembali']);
      }
      fs.rmSync(plainTemp, { force: true });
      storedTemp = encryptedTemp;
      progress({ stage: 'encrypt', done: 1, total: 1 });
    }
    const sha256 = encrypted ? await sha256File(storedTemp) : plainSha256;
    const size = fs.statSync(storedTemp).size;
    progress({ stage: 'hash', done: 1, total: 1 });

    const manifest: BackupManifest = {
      format: 'siklus-backup',
      formatVersion: 1,
      id,
      kind: options.kind,
      createdAt: createdAt.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      facility: facts.facility,
      counts: facts.counts,
      file: finalName,
      size,
      sha256,
      encrypted,
      plainSize,
      plainSha256,
      integrity: 'ok',
    };
    renameWithRetry(storedTemp, finalFile);
    fsyncDir(options.dir);
    const manifestFile = manifestFileOf(options.dir, id);
    writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    progress({ stage: 'done', done: 1, total: 1 });
    return {
      manifest,
      location: 'utama',
      dir: options.dir,
      dataFile: finalFile,
      manifestFile,
      status: 'ok',
    };
  } finally {
    fs.rmSync(plainTemp, { force: true });
    for (const suffix of ['-journal', '-wal', '-shm'])
      fs.rmSync(`${plainTemp}${suffix}`, { force: true });
    fs.rmSync(encryptedTemp, { force: true });
  }
}
