import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from './encoding';
import { BundleError } from './errors';
import { writeFileAtomic } from './files';
import {
  ageIdentityFileText,
  ageRecipientOf,
  checkPassphraseStrength,
  decryptWithPassphrase,
  encryptWithPassphrase,
  generateAgeKeyPair,
  generateSigningKey,
  keyFingerprint,
  parseAgeIdentityFile,
  parseAgeRecipient,
  recipientFileText,
  recipientQrSvg,
  signingKeyInfo,
  type SigningKeyInfo,
} from './keys';
import {
  encodeMinisignPublicKey,
  encodeMinisignSecretKeyFile,
  minisignPublicKeyFile,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
  type MinisignSecretKey,
} from './minisign';

/**
 * A small file-backed key store in one folder (`<data-dir>/keys/`). No database: every file is
 * a standard format that the `age` and `minisign` tools read too.
 *
 * Dinkes:
 * - `dinkes-identity.age`: the `AGE-SECRET-KEY-1…` identity file, age-encrypted with the
 *   passphrase (scrypt). `age -d -i dinkes-identity.age paket.siklus` uses it directly.
 * - `dinkes-recipient.txt` and `dinkes-recipient.svg`: the public `age1…` key to hand out.
 * - `trusted-signers.txt`: puskesmas `RW…` keys confirmed by fingerprint, with labels.
 *
 * Puskesmas:
 * - `puskesmas-signing.key.age`: the minisign secret key file (unencrypted minisign format),
 *   age-encrypted with the passphrase. `age -d` gives a file `minisign -S -s` accepts.
 * - `puskesmas-signing.pub`: the minisign public key file.
 * - `dinkes-recipients.txt`: the Dinkes keys to encrypt to (an age recipients file, `age -R`).
 */
export const KEY_FILES = {
  dinkesIdentity: 'dinkes-identity.age',
  dinkesRecipient: 'dinkes-recipient.txt',
  dinkesQr: 'dinkes-recipient.svg',
  trustedSigners: 'trusted-signers.txt',
  signingSecret: 'puskesmas-signing.key.age',
  signingPublic: 'puskesmas-signing.pub',
  recipients: 'dinkes-recipients.txt',
} as const;

export interface KeyStoreOptions {
  /** scrypt log2(N) for the key files (default KEY_FILE_WORK_FACTOR; tests use less). */
  scryptWorkFactor?: number;
  now?: () => Date;
  /** Who the key belongs to, written into comments (e.g. "Dinkes Kab. Garut"). */
  label?: string;
}

export interface DinkesKeyInfo {
  recipient: string;
  fingerprint: string;
  /** The recipient as a QR code (SVG). */
  qrSvg: string;
}

export interface RecipientEntry {
  recipient: string;
  label: string;
  fingerprint: string;
}

export interface SignerEntry extends SigningKeyInfo {
  label: string;
}

export interface KeyStoreSummary {
  dir: string;
  dinkes: { recipient: string; fingerprint: string } | null;
  signing: SigningKeyInfo | null;
  recipients: RecipientEntry[];
  trustedSigners: SignerEntry[];
}

/** `<data-dir>/keys` */
export function keysDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'keys');
}

/** Local time with its numeric offset, e.g. 2026-10-01T08:15:00+07:00. */
export function localIsoString(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function readText(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BundleError('KEY_INVALID', `${path.basename(file)} tidak dapat dibaca.`);
  }
  const text = decodeUtf8(bytes);
  if (text === null) throw new BundleError('KEY_INVALID', `${path.basename(file)} bukan teks.`);
  return text;
}

async function prepare(dir: string, files: string[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    if (await exists(path.join(dir, file))) {
      throw new BundleError('KEY_EXISTS', file, { file: path.join(dir, file) });
    }
  }
}

/** Create the Dinkes age identity (encrypted at rest) and its public files. */
export async function initDinkesKeys(
  dir: string,
  passphrase: string,
  options: KeyStoreOptions = {},
): Promise<DinkesKeyInfo> {
  checkPassphraseStrength(passphrase);
  await prepare(dir, [KEY_FILES.dinkesIdentity, KEY_FILES.dinkesRecipient]);
  const keys = await generateAgeKeyPair();
  const createdAt = localIsoString((options.now ?? (() => new Date()))());
  const secret = await encryptWithPassphrase(
    ageIdentityFileText(keys, createdAt),
    passphrase,
    options.scryptWorkFactor,
  );
  const qrSvg = await recipientQrSvg(keys.recipient);
  await writeFileAtomic(path.join(dir, KEY_FILES.dinkesIdentity), secret, { mode: 0o600 });
  await writeFileAtomic(
    path.join(dir, KEY_FILES.dinkesRecipient),
    recipientFileText(keys.recipient, options.label ?? 'Dinkes'),
  );
  await writeFileAtomic(path.join(dir, KEY_FILES.dinkesQr), qrSvg);
  return { recipient: keys.recipient, fingerprint: keyFingerprint(keys.recipient), qrSvg };
}

/** Create the puskesmas minisign signing key (secret encrypted at rest). */
export async function initPuskesmasKeys(
  dir: string,
  passphrase: string,
  options: KeyStoreOptions = {},
): Promise<SigningKeyInfo> {
  checkPassphraseStrength(passphrase);
  await prepare(dir, [KEY_FILES.signingSecret, KEY_FILES.signingPublic]);
  const key = generateSigningKey();
  const info = signingKeyInfo(key);
  const label = options.label ?? 'puskesmas';
  const secret = await encryptWithPassphrase(
    encodeMinisignSecretKeyFile(key, `minisign secret key ${info.keyId} (Siklus, ${label})`),
    passphrase,
    options.scryptWorkFactor,
  );
  await writeFileAtomic(path.join(dir, KEY_FILES.signingSecret), secret, { mode: 0o600 });
  await writeFileAtomic(path.join(dir, KEY_FILES.signingPublic), minisignPublicKeyFile(key));
  return info;
}

/** The Dinkes `AGE-SECRET-KEY-1…` identity. Throws `KEY_NOT_FOUND`, `KEY_WRONG_PASSPHRASE`. */
export async function unlockDinkesIdentity(dir: string, passphrase: string): Promise<string> {
  const file = path.join(dir, KEY_FILES.dinkesIdentity);
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) throw new BundleError('KEY_NOT_FOUND', 'Kunci Dinkes belum dibuat.', { file });
  const text = decodeUtf8(await decryptWithPassphrase(new Uint8Array(bytes), passphrase));
  if (text === null) throw new BundleError('KEY_INVALID');
  const [identity] = parseAgeIdentityFile(text);
  return identity!;
}

/** The puskesmas signing key. Throws `KEY_NOT_FOUND`, `KEY_WRONG_PASSPHRASE`, `KEY_INVALID`. */
export async function unlockSigningKey(
  dir: string,
  passphrase: string,
): Promise<MinisignSecretKey> {
  const file = path.join(dir, KEY_FILES.signingSecret);
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) throw new BundleError('KEY_NOT_FOUND', 'Kunci tanda tangan belum dibuat.', { file });
  const text = decodeUtf8(await decryptWithPassphrase(new Uint8Array(bytes), passphrase));
  if (text === null) throw new BundleError('KEY_INVALID');
  const key = parseMinisignSecretKeyFile(text);
  const publicText = await readText(path.join(dir, KEY_FILES.signingPublic));
  if (publicText !== null) {
    const pub = parseMinisignPublicKey(publicText);
    if (encodeMinisignPublicKey(pub) !== encodeMinisignPublicKey(key)) {
      throw new BundleError('KEY_INVALID', 'Kunci publik tidak cocok dengan kunci rahasia.');
    }
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Labelled key lists: `# label: …` comment, then the key line.

const RECIPIENTS_HEADER =
  '# Kunci publik Dinkes untuk paket Siklus (berkas penerima age: age -R berkas ini)\n';
const SIGNERS_HEADER =
  '# Kunci publik puskesmas yang dipercaya (minisign), sidik jari sudah dicocokkan\n';

function parseLabelled(text: string): Array<{ key: string; label: string }> {
  const out: Array<{ key: string; label: string }> = [];
  let label = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# label: (.*?)(?: \| sidik jari: [0-9A-F-]+)?$/.exec(line);
      if (m) label = m[1]!;
      continue;
    }
    out.push({ key: line, label });
    label = '';
  }
  return out;
}

function labelLine(label: string, fingerprint: string): string {
  const clean = label.replace(/[\r\n|]+/g, ' ').trim() || '-';
  return `# label: ${clean} | sidik jari: ${fingerprint}\n`;
}

export async function readRecipients(dir: string): Promise<RecipientEntry[]> {
  const text = await readText(path.join(dir, KEY_FILES.recipients));
  if (text === null) return [];
  return parseLabelled(text).map(({ key, label }) => {
    try {
      const recipient = parseAgeRecipient(key);
      return { recipient, label, fingerprint: keyFingerprint(recipient) };
    } catch {
      throw new BundleError('KEY_INVALID', `${KEY_FILES.recipients}: baris "${key}" tidak sah.`);
    }
  });
}

/**
 * Add a Dinkes recipient (main or backup) for this puskesmas. Adding a key already present only
 * updates nothing. Throws `RECIPIENT_INVALID`.
 */
export async function addRecipient(
  dir: string,
  recipient: string,
  label = 'Dinkes',
): Promise<RecipientEntry[]> {
  const r = parseAgeRecipient(recipient);
  const current = await readRecipients(dir);
  if (!current.some((e) => e.recipient === r)) {
    current.push({ recipient: r, label, fingerprint: keyFingerprint(r) });
  }
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const text =
    RECIPIENTS_HEADER +
    current.map((e) => `${labelLine(e.label, e.fingerprint)}${e.recipient}\n`).join('');
  await writeFileAtomic(path.join(dir, KEY_FILES.recipients), text);
  return current;
}

export async function readTrustedSigners(dir: string): Promise<SignerEntry[]> {
  const text = await readText(path.join(dir, KEY_FILES.trustedSigners));
  if (text === null) return [];
  return parseLabelled(text).map(({ key, label }) => {
    try {
      return { ...signingKeyInfo(parseMinisignPublicKey(key)), label };
    } catch {
      throw new BundleError(
        'KEY_INVALID',
        `${KEY_FILES.trustedSigners}: baris "${key}" tidak sah.`,
      );
    }
  });
}

/** Dinkes: trust a puskesmas key after comparing its fingerprint. Throws `SIGNER_INVALID`. */
export async function addTrustedSigner(
  dir: string,
  publicKey: string,
  label: string,
): Promise<SignerEntry[]> {
  const info = signingKeyInfo(parseMinisignPublicKey(publicKey));
  const current = (await readTrustedSigners(dir)).filter((e) => e.keyId !== info.keyId);
  current.push({ ...info, label });
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const text =
    SIGNERS_HEADER +
    current.map((e) => `${labelLine(e.label, e.fingerprint)}${e.publicKey}\n`).join('');
  await writeFileAtomic(path.join(dir, KEY_FILES.trustedSigners), text);
  return current;
}

/** What is in the store, public parts only (never opens a secret). */
export async function readKeyStore(dir: string): Promise<KeyStoreSummary> {
  let dinkes: KeyStoreSummary['dinkes'] = null;
  const recipientText = await readText(path.join(dir, KEY_FILES.dinkesRecipient));
  if (recipientText !== null) {
    const [entry] = parseLabelled(recipientText);
    const recipient = parseAgeRecipient(entry?.key ?? '');
    dinkes = { recipient, fingerprint: keyFingerprint(recipient) };
  } else if (await exists(path.join(dir, KEY_FILES.dinkesIdentity))) {
    throw new BundleError('KEY_INVALID', `${KEY_FILES.dinkesRecipient} hilang.`);
  }
  let signing: SigningKeyInfo | null = null;
  const publicText = await readText(path.join(dir, KEY_FILES.signingPublic));
  if (publicText !== null) signing = signingKeyInfo(parseMinisignPublicKey(publicText));
  return {
    dir,
    dinkes,
    signing,
    recipients: await readRecipients(dir),
    trustedSigners: await readTrustedSigners(dir),
  };
}

/** Check that an identity really belongs to the stored recipient (after unlocking). */
export async function identityMatchesRecipient(
  identity: string,
  recipient: string,
): Promise<boolean> {
  return (await ageRecipientOf(identity)) === recipient;
}
