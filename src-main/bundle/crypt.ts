import { createDecipheriv, hkdfSync } from 'node:crypto';
import { Decrypter, Encrypter, type Identity, type Stanza } from 'age-encryption';
import { BundleError, throwIfAborted } from './errors';
import {
  DEFAULT_SCRYPT_WORK_FACTOR,
  MAX_SCRYPT_WORK_FACTOR,
  checkPassphraseStrength,
  parseAgeRecipient,
} from './keys';
import { NodeScryptIdentity, NodeScryptRecipient } from './scrypt';
import { NodeX25519Identity } from './x25519';

/**
 * The outer layer of a bundle: a standard binary age v1 file (https://age-encryption.org/v1),
 * either to one or more X25519 recipients (the Dinkes keys) or to a passphrase (scrypt).
 */

const MAGIC = 'age-encryption.org/v1\n';
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_STANZAS = 32;
/** 16-byte payload nonce + at least one 16-byte Poly1305 tag. */
const MIN_PAYLOAD = 32;
const CHUNK = 1024 * 1024;

export type BundleLock =
  | { recipients: readonly string[]; passphrase?: undefined }
  | { passphrase: string; recipients?: undefined; scryptWorkFactor?: number };

/**
 * An age identity: the `AGE-SECRET-KEY-1…` text, or one made once with
 * {@link createAgeIdentity} and reused for many bundles (a Dinkes import session).
 */
export type AgeIdentity = string | Identity;

export type BundleKey =
  | { identity: AgeIdentity | readonly AgeIdentity[]; passphrase?: undefined }
  | { passphrase: string; identity?: undefined };

/** Parse an `AGE-SECRET-KEY-1…` identity once. Throws `KEY_INVALID`. */
export function createAgeIdentity(identity: string): Identity {
  try {
    return new NodeX25519Identity(identity);
  } catch {
    throw new BundleError('KEY_INVALID', 'Kunci Dinkes (AGE-SECRET-KEY-1…) tidak sah.');
  }
}

export interface AgeHeaderInfo {
  mode: 'recipients' | 'passphrase';
  /** Stanza types in order (`X25519`, `scrypt`, …). */
  stanzas: string[];
  /** scrypt log2(N) when `mode` is passphrase. */
  scryptWorkFactor: number | null;
  headerBytes: number;
}

export interface CryptOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Encrypt the inner zip to the recipients or the passphrase. */
export async function encryptBundle(
  zip: Uint8Array,
  lock: BundleLock,
  options: CryptOptions = {},
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if (lock.passphrase !== undefined) {
    checkPassphraseStrength(lock.passphrase);
    const logN = lock.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR;
    if (!Number.isInteger(logN) || logN < 1 || logN > MAX_SCRYPT_WORK_FACTOR) {
      throw new BundleError('BUNDLE_INPUT_INVALID', 'Faktor kerja scrypt tidak sah.');
    }
    encrypter.addRecipient(new NodeScryptRecipient(lock.passphrase, logN));
  } else {
    const recipients = [...new Set(lock.recipients.map(parseAgeRecipient))];
    if (recipients.length === 0) {
      throw new BundleError('BUNDLE_INPUT_INVALID', 'Belum ada kunci publik Dinkes.');
    }
    for (const r of recipients) encrypter.addRecipient(r);
  }
  throwIfAborted(options.signal);
  const stream = await encrypter.encrypt(chunked(zip, options));
  return readAllStream(stream, options.signal);
}

/** Feed `data` in 1 MiB chunks, reporting progress and stopping when aborted. */
function chunked(data: Uint8Array, options: CryptOptions): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.signal?.aborted) {
        controller.error(new BundleError('BUNDLE_CANCELLED'));
        return;
      }
      if (offset >= data.length) {
        controller.close();
        return;
      }
      const end = Math.min(data.length, offset + CHUNK);
      controller.enqueue(data.subarray(offset, end));
      offset = end;
      options.onProgress?.(offset, data.length);
    },
  });
}

async function readAllStream(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel().catch(() => undefined);
      throw new BundleError('BUNDLE_CANCELLED');
    }
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Read the age header without any key: is it an age file, complete, to recipients or to a
 * passphrase? Throws `BUNDLE_NOT_AGE`, `BUNDLE_TRUNCATED` or `BUNDLE_CORRUPT`.
 */
export function inspectAgeHeader(bytes: Uint8Array): AgeHeaderInfo {
  const magic = new TextEncoder().encode(MAGIC);
  const prefixLength = Math.min(bytes.length, magic.length);
  for (let i = 0; i < prefixLength; i++) {
    if (bytes[i] !== magic[i]) throw new BundleError('BUNDLE_NOT_AGE');
  }
  if (bytes.length < magic.length) {
    throw new BundleError('BUNDLE_TRUNCATED', bytes.length === 0 ? 'Berkas kosong.' : undefined);
  }
  const stanzas: string[] = [];
  let scryptWorkFactor: number | null = null;
  let at = magic.length;
  let inBody = false;
  for (;;) {
    const newline = bytes.indexOf(0x0a, at);
    if (newline < 0) {
      if (bytes.length - at > MAX_HEADER_BYTES || bytes.length > MAX_HEADER_BYTES) {
        throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
      }
      throw new BundleError('BUNDLE_TRUNCATED', 'Kepala berkas age tidak lengkap.');
    }
    if (newline > MAX_HEADER_BYTES) {
      throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age terlalu panjang.');
    }
    const lineBytes = bytes.subarray(at, newline);
    if (lineBytes.some((b) => b < 0x20 || b > 0x7e)) {
      throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
    }
    const line = String.fromCharCode(...lineBytes);
    at = newline + 1;
    if (line.startsWith('--- ')) break;
    if (line.startsWith('-> ')) {
      const args = line.slice(3).split(' ');
      if (args.some((a) => a === '') || stanzas.length >= MAX_STANZAS) {
        throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
      }
      stanzas.push(args[0]!);
      if (args[0] === 'scrypt') {
        const logN = Number(args[2]);
        scryptWorkFactor = /^[1-9]\d?$/.test(args[2] ?? '') ? logN : NaN;
      }
      inBody = true;
      continue;
    }
    if (!inBody || !/^[A-Za-z0-9+/]{0,64}$/.test(line)) {
      throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
    }
  }
  if (stanzas.length === 0) throw new BundleError('BUNDLE_CORRUPT', 'Tidak ada penerima.');
  if (bytes.length - at < MIN_PAYLOAD) throw new BundleError('BUNDLE_TRUNCATED');
  const passphrase = stanzas.includes('scrypt');
  return {
    mode: passphrase ? 'passphrase' : 'recipients',
    stanzas,
    scryptWorkFactor: passphrase ? scryptWorkFactor : null,
    headerBytes: at,
  };
}

/** The age payload: a 16-byte nonce, then chunks of 64 KiB of plaintext + a 16-byte tag. */
const PAYLOAD_NONCE = 16;
const PAYLOAD_CHUNK = 64 * 1024;
const TAG = 16;

/**
 * Decrypt the payload of an age file (https://age-encryption.org/v1, "Payload") that starts at
 * `offset`, with Node's native ChaCha20-Poly1305 (typage's JavaScript one ran at about 30 MB/s):
 * a 16-byte nonce, then chunks of 64 KiB each sealed with the key HKDF-SHA-256(file key, nonce,
 * "payload") and the nonce (chunk counter, 11 bytes big-endian ‖ 1 on the last chunk, else 0).
 * The last chunk may be shorter, and empty only when it is the first. Any chunk that does not
 * authenticate is `BUNDLE_CORRUPT`, as with typage.
 */
async function decryptPayload(
  fileKey: Uint8Array,
  bytes: Uint8Array,
  offset: number,
  options: CryptOptions,
): Promise<Uint8Array> {
  const nonce = bytes.subarray(offset, offset + PAYLOAD_NONCE);
  const key = new Uint8Array(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const sealed = bytes.subarray(offset + PAYLOAD_NONCE);
  const chunks = Math.max(1, Math.ceil(sealed.length / (PAYLOAD_CHUNK + TAG)));
  const lastLength = sealed.length - (chunks - 1) * (PAYLOAD_CHUNK + TAG);
  if (lastLength < TAG || (chunks > 1 && lastLength === TAG)) {
    throw new BundleError('BUNDLE_CORRUPT');
  }
  const out = new Uint8Array(sealed.length - chunks * TAG);
  const chunkNonce = new Uint8Array(12);
  const counter = new DataView(chunkNonce.buffer);
  let reported = 0;
  for (let i = 0; i < chunks; i++) {
    const start = i * (PAYLOAD_CHUNK + TAG);
    const end = Math.min(sealed.length, start + PAYLOAD_CHUNK + TAG);
    const last = i === chunks - 1;
    counter.setUint32(7, i);
    chunkNonce[11] = last ? 1 : 0;
    const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce, {
      authTagLength: TAG,
    });
    decipher.setAuthTag(sealed.subarray(end - TAG, end));
    try {
      out.set(decipher.update(sealed.subarray(start, end - TAG)), i * PAYLOAD_CHUNK);
      decipher.final();
    } catch {
      throw new BundleError('BUNDLE_CORRUPT');
    }
    const done = offset + PAYLOAD_NONCE + end;
    if (done - reported >= CHUNK || last) {
      options.onProgress?.(done, bytes.length);
      reported = done;
      if (!last) {
        await new Promise((resolve) => setImmediate(resolve));
        throwIfAborted(options.signal);
      }
    }
  }
  return out;
}

/**
 * Decrypt a bundle to its inner zip. Throws `BundleError` only: `BUNDLE_NOT_AGE`,
 * `BUNDLE_TRUNCATED`, `BUNDLE_CORRUPT`, `BUNDLE_WRONG_KEY`, `BUNDLE_PASSPHRASE_REQUIRED`,
 * `BUNDLE_WRONG_PASSPHRASE`, `BUNDLE_FORMAT_UNSUPPORTED`, `BUNDLE_CANCELLED`.
 */
export async function decryptBundle(
  bytes: Uint8Array,
  key: BundleKey,
  options: CryptOptions = {},
): Promise<Uint8Array> {
  const header = inspectAgeHeader(bytes);
  const identities: Identity[] = [];
  let scryptIdentity: NodeScryptIdentity | null = null;
  if (key.passphrase !== undefined) {
    if (header.mode !== 'passphrase') {
      throw new BundleError(
        'BUNDLE_WRONG_KEY',
        'Paket ini dikunci untuk kunci Dinkes, bukan dengan kata sandi.',
      );
    }
    if (header.stanzas.length !== 1) {
      throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
    }
    const logN = header.scryptWorkFactor;
    if (logN === null || !Number.isInteger(logN)) {
      throw new BundleError('BUNDLE_CORRUPT', 'Kepala berkas age tidak baku.');
    }
    if (logN > MAX_SCRYPT_WORK_FACTOR) {
      throw new BundleError(
        'BUNDLE_FORMAT_UNSUPPORTED',
        `Faktor kerja kata sandi 2^${logN} melebihi batas 2^${MAX_SCRYPT_WORK_FACTOR}.`,
      );
    }
    scryptIdentity = new NodeScryptIdentity(key.passphrase, MAX_SCRYPT_WORK_FACTOR);
    identities.push(scryptIdentity);
  } else {
    if (header.mode === 'passphrase') throw new BundleError('BUNDLE_PASSPHRASE_REQUIRED');
    const list: readonly AgeIdentity[] = Array.isArray(key.identity)
      ? key.identity
      : [key.identity as AgeIdentity];
    if (list.length === 0) throw new BundleError('BUNDLE_WRONG_KEY');
    for (const identity of list) {
      identities.push(typeof identity === 'string' ? createAgeIdentity(identity) : identity);
    }
  }
  // One identity for typage that records how far decryption got, so failures are classified
  // without reading typage's error messages.
  let unwrapCalled = false;
  let unwrapped = false;
  const decrypter = new Decrypter();
  decrypter.addIdentity({
    async unwrapFileKey(stanzas: Stanza[]) {
      unwrapCalled = true;
      for (const identity of identities) {
        const fileKey = await identity.unwrapFileKey(stanzas);
        if (fileKey !== null) {
          unwrapped = true;
          return fileKey;
        }
      }
      return null;
    },
  });
  throwIfAborted(options.signal);
  try {
    // The header (and its MAC) is checked first, then every 64 KiB chunk is authenticated.
    const fileKey = await decrypter.decryptHeader(bytes.subarray(0, header.headerBytes));
    return await decryptPayload(fileKey, bytes, header.headerBytes, options);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    if (unwrapCalled && !unwrapped) {
      if (scryptIdentity?.wrongPassphrase) throw new BundleError('BUNDLE_WRONG_PASSPHRASE');
      // a damaged stanza also lands here: it cannot be told apart from another key
      if (key.passphrase === undefined) throw new BundleError('BUNDLE_WRONG_KEY');
    }
    throw new BundleError('BUNDLE_CORRUPT');
  }
}
