import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { NodeScryptIdentity, NodeScryptRecipient } from './scrypt';
import { decodeAgeRecipient } from './x25519';
import { sha256Hex, utf8 } from './encoding';
import { BundleError } from './errors';
import {
  encodeMinisignPublicKey,
  generateMinisignKey,
  minisignKeyId,
  parseMinisignPublicKey,
  type MinisignPublicKey,
  type MinisignSecretKey,
} from './minisign';

/**
 * Pure key functions: the Dinkes age identity (X25519), the puskesmas minisign signing key,
 * fingerprints to read over the phone, the recipient QR code, passphrase wrapping.
 */

/** age's default scrypt work factor (2^18): about one to two seconds here. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/**
 * The work factor new key files are written with (2^17: 128 MiB and about half a second; OWASP's
 * minimum for scrypt, N = 2^17, r = 8, p = 1). The signing key is unlocked at every export, side
 * by side with the month's report and rows; age's 2^18 alone took 256 MiB of a 300 MB budget on
 * a clinic PC. Key files written at 2^18 before still open (see MAX_SCRYPT_WORK_FACTOR).
 */
export const KEY_FILE_WORK_FACTOR = 17;
/** The highest work factor accepted when opening (2^18 × 1 KiB = 256 MiB of memory). */
export const MAX_SCRYPT_WORK_FACTOR = 18;
export const MIN_PASSPHRASE_LENGTH = 10;

// ---------------------------------------------------------------------------------------------
// Fingerprints

/**
 * A short fingerprint of a public key, to compare over the phone: the first 80 bits of the
 * SHA-256 of the key's text form (`age1…` in lower case, or the `RW…` line), as 20 upper-case
 * hex digits in groups of 4, e.g. `3F9A-11C0-7B2E-D4A8-0C55`. Anyone can recompute it with
 * `printf '%s' 'age1…' | sha256sum | cut -c1-20`.
 */
export function keyFingerprint(publicKeyText: string): string {
  const hex = sha256Hex(utf8(publicKeyText)).slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function recipientFingerprint(recipient: string): string {
  return keyFingerprint(parseAgeRecipient(recipient));
}

export function signerFingerprint(key: MinisignPublicKey | string): string {
  const parsed = typeof key === 'string' ? parseMinisignPublicKey(key) : key;
  return keyFingerprint(encodeMinisignPublicKey(parsed));
}

// ---------------------------------------------------------------------------------------------
// Dinkes: age X25519

/** An X25519 recipient: `age1` + 58 bech32 characters (32-byte key and checksum). */
const RECIPIENT_RE = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY_RE = /^AGE-SECRET-KEY-1[02-9ACDEFGHJKLMNPQRSTUVWXYZ]{58}$/;

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1…`: the secret. */
  identity: string;
  /** `age1…`: give this to puskesmas. */
  recipient: string;
}

export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/**
 * Validate and normalise an `age1…` X25519 recipient (bech32 checksum included; surrounding
 * spaces and an all-upper-case form, as some QR readers give, are accepted). Throws
 * `RECIPIENT_INVALID`.
 */
export function parseAgeRecipient(text: string): string {
  const trimmed = text.trim();
  const candidate = trimmed === trimmed.toUpperCase() ? trimmed.toLowerCase() : trimmed;
  if (!RECIPIENT_RE.test(candidate)) throw new BundleError('RECIPIENT_INVALID');
  if (!decodeAgeRecipient(candidate)) {
    throw new BundleError('RECIPIENT_INVALID', 'Checksum tidak cocok (salah ketik?).');
  }
  return candidate;
}

export function isAgeRecipient(text: string): boolean {
  try {
    parseAgeRecipient(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Find the `AGE-SECRET-KEY-1…` line in an identity file (the format `age-keygen` writes:
 * `#` comments and one key per line). Throws `KEY_INVALID`.
 */
export function parseAgeIdentityFile(text: string): string[] {
  const identities: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!IDENTITY_RE.test(line)) {
      throw new BundleError('KEY_INVALID', 'Berkas identitas age tidak sah.');
    }
    identities.push(line);
  }
  if (identities.length === 0) {
    throw new BundleError('KEY_INVALID', 'Tidak ada kunci AGE-SECRET-KEY-1 dalam berkas.');
  }
  return identities;
}

export async function ageRecipientOf(identity: string): Promise<string> {
  if (!IDENTITY_RE.test(identity)) throw new BundleError('KEY_INVALID');
  try {
    return await identityToRecipient(identity);
  } catch {
    throw new BundleError('KEY_INVALID');
  }
}

/** The identity file kept (encrypted) by Dinkes, in the layout `age-keygen` writes. */
export function ageIdentityFileText(keys: AgeKeyPair, createdAt: string): string {
  return `# created: ${createdAt}\n# public key: ${keys.recipient}\n${keys.identity}\n`;
}

/**
 * The small recipient file handed to puskesmas: comments, then the `age1…` line. It is a
 * valid age recipients file (`age -R file`).
 */
export function recipientFileText(recipient: string, label: string): string {
  const r = parseAgeRecipient(recipient);
  return (
    `# Kunci publik Dinkes untuk paket Siklus: ${oneLine(label)}\n` +
    `# Sidik jari: ${keyFingerprint(r)}\n` +
    `${r}\n`
  );
}

/** The recipient as a QR code (SVG text), for puskesmas to scan instead of typing. */
export async function recipientQrSvg(recipient: string): Promise<string> {
  const r = parseAgeRecipient(recipient);
  // Loaded here, for the key screens only (about 9 MB).
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(r, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

// ---------------------------------------------------------------------------------------------
// Puskesmas: minisign Ed25519

export interface SigningKeyInfo {
  keyId: string;
  /** `RW…` */
  publicKey: string;
  fingerprint: string;
}

export function generateSigningKey(): MinisignSecretKey {
  return generateMinisignKey();
}

export function signingKeyInfo(key: MinisignPublicKey): SigningKeyInfo {
  const publicKey = encodeMinisignPublicKey(key);
  return { keyId: minisignKeyId(key.keyNum), publicKey, fingerprint: keyFingerprint(publicKey) };
}

// ---------------------------------------------------------------------------------------------
// Passphrase wrapping (age scrypt files: `age -d FILE` opens them too)

export function checkPassphraseStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new BundleError('KEY_PASSPHRASE_WEAK');
}

export async function encryptWithPassphrase(
  data: Uint8Array | string,
  passphrase: string,
  workFactor = KEY_FILE_WORK_FACTOR,
): Promise<Uint8Array> {
  checkPassphraseStrength(passphrase);
  const encrypter = new Encrypter();
  encrypter.addRecipient(new NodeScryptRecipient(passphrase, workFactor));
  return encrypter.encrypt(data);
}

/**
 * Open an age passphrase file (a key file). Throws `KEY_WRONG_PASSPHRASE` or `KEY_INVALID`.
 */
export async function decryptWithPassphrase(
  bytes: Uint8Array,
  passphrase: string,
): Promise<Uint8Array> {
  const header = new TextDecoder().decode(bytes.subarray(0, 256));
  const scrypt = /^age-encryption\.org\/v1\n-> scrypt \S+ (\d+)\n/.exec(header);
  if (!scrypt) throw new BundleError('KEY_INVALID', 'Bukan berkas age berkata sandi.');
  if (Number(scrypt[1]) > MAX_SCRYPT_WORK_FACTOR) {
    throw new BundleError('KEY_INVALID', 'Faktor kerja kata sandi terlalu tinggi.');
  }
  const decrypter = new Decrypter();
  const identity = new NodeScryptIdentity(passphrase, MAX_SCRYPT_WORK_FACTOR);
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(bytes);
  } catch {
    if (identity.wrongPassphrase) throw new BundleError('KEY_WRONG_PASSPHRASE');
    throw new BundleError('KEY_INVALID', 'Berkas kunci rusak.');
  }
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
