import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';
import { blake2b } from './blake2b';
import {
  bytesEqual,
  concatBytes,
  fromBase64Strict,
  hasControlChars,
  toBase64,
  utf8,
} from './encoding';
import { BundleError } from './errors';

/**
 * minisign-compatible Ed25519 keys and signatures (https://jedisct1.github.io/minisign/).
 *
 * - Public key: base64 of `Ed` ‖ key number (8 random bytes) ‖ Ed25519 public key (32), 56
 *   characters starting with `RW`. The key id shown to people is the key number read as a
 *   little-endian 64-bit integer, in upper-case hex (`%016X`), as minisign prints it.
 * - Secret key file (unencrypted form, as `minisign -G -W` writes it): base64 of `Ed` ‖ kdf
 *   `\0\0` ‖ `B2` ‖ 32 zero salt bytes ‖ opslimit (8, LE, 0) ‖ memlimit (8, LE, 0) ‖ key number
 *   (8) ‖ libsodium secret key (seed ‖ public key, 64) ‖ BLAKE2b-256(`Ed` ‖ key number ‖
 *   secret key) (32). Siklus keeps this file inside an age passphrase file (see keystore.ts).
 * - Signature file: `untrusted comment: …` / base64 of `ED` ‖ key number ‖ Ed25519 signature of
 *   BLAKE2b-512(message) / `trusted comment: …` / base64 of the Ed25519 signature of
 *   (signature ‖ trusted comment). Only the pre-hashed `ED` form is written and accepted.
 */

export interface MinisignPublicKey {
  /** 8 random bytes identifying the key pair. */
  readonly keyNum: Uint8Array;
  /** Raw Ed25519 public key (32 bytes). */
  readonly publicKey: Uint8Array;
}

export interface MinisignSecretKey extends MinisignPublicKey {
  /** Ed25519 seed (32 bytes): the secret. */
  readonly seed: Uint8Array;
}

export interface MinisignSignature {
  readonly untrustedComment: string;
  readonly keyNum: Uint8Array;
  readonly signature: Uint8Array;
  readonly trustedComment: string;
  readonly globalSignature: Uint8Array;
}

const ED = utf8('Ed');
const ED_HASHED = utf8('ED');
const B2 = utf8('B2');
const PKCS8_ED25519 = Uint8Array.from(Buffer.from('302e020100300506032b657004220420', 'hex'));
const SECRET_KEY_BYTES = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;

/** minisign's maximum comment lengths (bytes, prefix included). */
const COMMENT_MAX = 1024;
const TRUSTED_COMMENT_MAX = 8192;

export const UNTRUSTED_PREFIX = 'untrusted comment: ';
export const TRUSTED_PREFIX = 'trusted comment: ';

/** The key id as minisign prints it: little-endian uint64 in 16 upper-case hex digits. */
export function minisignKeyId(keyNum: Uint8Array): string {
  return Buffer.from(keyNum).reverse().toString('hex').toUpperCase();
}

function privateKeyObject(seed: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.from(concatBytes([PKCS8_ED25519, seed])),
    format: 'der',
    type: 'pkcs8',
  });
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  // JWK import is several times faster than DER with OpenSSL 3
  const x = Buffer.from(publicKey).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

function publicFromSeed(seed: Uint8Array): Uint8Array {
  const der = createPublicKey(privateKeyObject(seed)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** A fresh key pair with a random key number (what `minisign -G` does). */
export function generateMinisignKey(): MinisignSecretKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = new Uint8Array(der.subarray(der.length - 32));
  return { keyNum: new Uint8Array(randomBytes(8)), seed, publicKey: publicFromSeed(seed) };
}

/** Rebuild a key pair from its seed and key number (tests, fixtures). */
export function minisignKeyFromSeed(seed: Uint8Array, keyNum: Uint8Array): MinisignSecretKey {
  if (seed.length !== 32 || keyNum.length !== 8) throw new RangeError('seed 32, keyNum 8 bytes');
  return {
    keyNum: Uint8Array.from(keyNum),
    seed: Uint8Array.from(seed),
    publicKey: publicFromSeed(seed),
  };
}

/** `RW…`: the public key as one base64 line (`minisign -P` takes it). */
export function encodeMinisignPublicKey(key: MinisignPublicKey): string {
  return toBase64(concatBytes([ED, key.keyNum, key.publicKey]));
}

/** The two-line `minisign.pub` file (`minisign -p` takes it). */
export function minisignPublicKeyFile(key: MinisignPublicKey): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${minisignKeyId(key.keyNum)}\n${encodeMinisignPublicKey(key)}\n`;
}

/**
 * Read a public key: either the bare `RW…` line or a `minisign.pub` file (its second line).
 * Throws `SIGNER_INVALID`.
 */
export function parseMinisignPublicKey(text: string): MinisignPublicKey {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let line = lines[0];
  if (lines.length === 2 && lines[0]!.startsWith(UNTRUSTED_PREFIX)) line = lines[1];
  else if (lines.length !== 1) line = undefined;
  const bytes = line === undefined ? null : fromBase64Strict(line);
  if (!bytes || bytes.length !== 42 || !bytesEqual(bytes.subarray(0, 2), ED)) {
    throw new BundleError('SIGNER_INVALID');
  }
  return { keyNum: bytes.slice(2, 10), publicKey: bytes.slice(10, 42) };
}

function secretKeyChecksum(key: MinisignSecretKey): Uint8Array {
  return blake2b(concatBytes([ED, key.keyNum, key.seed, key.publicKey]), 32);
}

/** The unencrypted minisign secret key file (as `minisign -G -W` writes it). */
export function encodeMinisignSecretKeyFile(
  key: MinisignSecretKey,
  comment = 'minisign secret key (Siklus)',
): string {
  const body = concatBytes([
    ED,
    new Uint8Array(2), // kdf: none
    B2,
    new Uint8Array(32 + 8 + 8), // salt, opslimit, memlimit: unused without a kdf
    key.keyNum,
    key.seed,
    key.publicKey,
    secretKeyChecksum(key),
  ]);
  return `${UNTRUSTED_PREFIX}${comment}\n${toBase64(body)}\n`;
}

/**
 * Read an unencrypted minisign secret key file. A password-protected minisign key (kdf `Sc`)
 * is refused: Siklus protects the file with age instead. Throws `KEY_INVALID`.
 */
export function parseMinisignSecretKeyFile(text: string): MinisignSecretKey {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const bytes = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? fromBase64Strict(lines[1] ?? '') : null;
  if (!bytes || bytes.length !== SECRET_KEY_BYTES || !bytesEqual(bytes.subarray(0, 2), ED)) {
    throw new BundleError('KEY_INVALID', 'Bukan kunci rahasia minisign.');
  }
  if (bytes[2] !== 0 || bytes[3] !== 0) {
    throw new BundleError(
      'KEY_INVALID',
      'Kunci minisign ini dilindungi sandi minisign; hapus sandinya dulu (minisign -C -W).',
    );
  }
  if (!bytesEqual(bytes.subarray(4, 6), B2)) throw new BundleError('KEY_INVALID');
  const keyNum = bytes.slice(54, 62);
  const seed = bytes.slice(62, 94);
  const publicKey = bytes.slice(94, 126);
  const key: MinisignSecretKey = { keyNum, seed, publicKey };
  // `minisign -G -W` leaves the checksum zero (it is only computed when encrypting);
  // otherwise it must match.
  const checksum = bytes.subarray(126, 158);
  if (!checksum.every((b) => b === 0) && !bytesEqual(secretKeyChecksum(key), checksum)) {
    throw new BundleError('KEY_INVALID', 'Checksum kunci tidak cocok.');
  }
  if (!bytesEqual(publicFromSeed(seed), publicKey)) {
    throw new BundleError('KEY_INVALID', 'Kunci publik tidak cocok dengan kunci rahasia.');
  }
  return key;
}

function checkComment(comment: string, max: number): void {
  if (/[\r\n]/.test(comment) || utf8(comment).length >= max) {
    throw new RangeError('minisign comment must be one line and short enough');
  }
}

/**
 * Sign `message` the way `minisign -S` does (pre-hashed `ED`), returning the `.minisig` text.
 */
export function signMinisign(
  message: Uint8Array,
  key: MinisignSecretKey,
  trustedComment: string,
  untrustedComment = 'signature from minisign secret key',
): string {
  checkComment(untrustedComment, COMMENT_MAX - UNTRUSTED_PREFIX.length);
  checkComment(trustedComment, TRUSTED_COMMENT_MAX - TRUSTED_PREFIX.length);
  const privateKey = privateKeyObject(key.seed);
  const prehash = createHash('blake2b512').update(message).digest();
  const signature = new Uint8Array(edSign(null, prehash, privateKey));
  const global = new Uint8Array(
    edSign(null, Buffer.from(concatBytes([signature, utf8(trustedComment)])), privateKey),
  );
  return (
    `${UNTRUSTED_PREFIX}${untrustedComment}\n` +
    `${toBase64(concatBytes([ED_HASHED, key.keyNum, signature]))}\n` +
    `${TRUSTED_PREFIX}${trustedComment}\n` +
    `${toBase64(global)}\n`
  );
}

/**
 * Parse a `.minisig` file strictly: exactly four `\n`-terminated lines, canonical base64, the
 * pre-hashed `ED` algorithm. Throws `BUNDLE_SIGNATURE_INVALID`.
 */
export function parseMinisignSignature(text: string): MinisignSignature {
  const invalid = (hint: string) => new BundleError('BUNDLE_SIGNATURE_INVALID', hint);
  const lines = text.split('\n');
  if (lines.length !== 5 || lines[4] !== '') throw invalid('Berkas tanda tangan tidak baku.');
  const [untrusted, sigLine, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED_PREFIX) || !trusted.startsWith(TRUSTED_PREFIX)) {
    throw invalid('Berkas tanda tangan tidak baku.');
  }
  for (const line of lines) {
    if (hasControlChars(line)) throw invalid('Berkas tanda tangan tidak baku.');
  }
  const sig = fromBase64Strict(sigLine);
  const global = fromBase64Strict(globalLine);
  if (!sig || sig.length !== 74 || !global || global.length !== 64) {
    throw invalid('Berkas tanda tangan tidak baku.');
  }
  if (!bytesEqual(sig.subarray(0, 2), ED_HASHED)) {
    throw invalid('Algoritme tanda tangan tidak didukung (harus minisign ED).');
  }
  return {
    untrustedComment: untrusted.slice(UNTRUSTED_PREFIX.length),
    keyNum: sig.slice(2, 10),
    signature: sig.slice(10, 74),
    trustedComment: trusted.slice(TRUSTED_PREFIX.length),
    globalSignature: global,
  };
}

/**
 * Verify a parsed signature of `message` with `key`: the key number, the signature of the
 * BLAKE2b-512 of the message, and the signature over the trusted comment. Returns false on any
 * mismatch (never throws for a bad signature).
 */
export function verifyMinisign(
  message: Uint8Array,
  signature: MinisignSignature,
  key: MinisignPublicKey,
): boolean {
  if (!bytesEqual(signature.keyNum, key.keyNum)) return false;
  try {
    const publicKey = publicKeyObject(key.publicKey);
    const prehash = createHash('blake2b512').update(message).digest();
    if (!edVerify(null, prehash, publicKey, signature.signature)) return false;
    const signed = concatBytes([signature.signature, utf8(signature.trustedComment)]);
    return edVerify(null, signed, publicKey, signature.globalSignature);
  } catch {
    return false;
  }
}
