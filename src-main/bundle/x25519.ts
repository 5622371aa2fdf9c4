import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import type { Identity, Stanza } from 'age-encryption';
import { bech32Decode, bech32Encode } from './bech32';

/**
 * The age X25519 identity (age-encryption.org/v1, "X25519 recipient stanza") on node:crypto,
 * for decryption only (encryption stays with typage):
 *
 *   -> X25519 <base64(ephemeral share, 32 bytes)>
 *   body = ChaCha20-Poly1305(key = HKDF-SHA-256(ikm = X25519(identity, share),
 *          salt = share ‖ recipient, info = "age-encryption.org/v1/X25519", 32 bytes),
 *          nonce = 12 zero bytes, file key)
 *
 * typage's own identity re-imports the key into WebCrypto for every file (about 2 ms); this
 * one keeps a KeyObject, which matters when thousands of damaged files are checked in tests.
 * Tests check it against typage and the age CLI.
 */

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const INFO = Buffer.from('age-encryption.org/v1/X25519', 'latin1');
const ZERO_NONCE = Buffer.alloc(12);

/** The 32-byte scalar of an `AGE-SECRET-KEY-1…` identity, or null. */
export function decodeAgeIdentity(identity: string): Uint8Array | null {
  if (!identity.startsWith('AGE-SECRET-KEY-1')) return null;
  const decoded = bech32Decode(identity);
  if (!decoded || decoded.hrp !== 'age-secret-key-' || decoded.bytes.length !== 32) return null;
  return decoded.bytes;
}

/** The 32-byte X25519 public key of an `age1…` recipient, or null. */
export function decodeAgeRecipient(recipient: string): Uint8Array | null {
  const decoded = bech32Decode(recipient);
  if (!decoded || decoded.hrp !== 'age' || decoded.bytes.length !== 32) return null;
  return decoded.bytes;
}

export function encodeAgeRecipient(publicKey: Uint8Array): string {
  return bech32Encode('age', publicKey);
}

function strictBase64NoPad(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? new Uint8Array(bytes) : null;
}

export class NodeX25519Identity implements Identity {
  private readonly privateKey: KeyObject;
  /** Our own public key (32 bytes). */
  readonly publicKey: Uint8Array;

  constructor(identity: string) {
    const scalar = decodeAgeIdentity(identity);
    if (!scalar) throw new Error('invalid identity');
    this.privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_X25519, scalar]),
      format: 'der',
      type: 'pkcs8',
    });
    const spki = createPublicKey(this.privateKey).export({ format: 'der', type: 'spki' });
    this.publicKey = new Uint8Array(spki.subarray(spki.length - 32));
  }

  get recipient(): string {
    return encodeAgeRecipient(this.publicKey);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== 'X25519') continue;
      const share = s.args.length === 2 ? strictBase64NoPad(s.args[1]!) : null;
      if (!share || share.length !== 32 || s.body.length !== 32) {
        throw new Error('invalid X25519 stanza');
      }
      let shared: Buffer;
      try {
        const x = Buffer.from(share).toString('base64url');
        const peer = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
        shared = diffieHellman({ privateKey: this.privateKey, publicKey: peer });
      } catch {
        throw new Error('invalid X25519 stanza');
      }
      if (shared.every((b) => b === 0)) throw new Error('invalid X25519 stanza');
      const key = Buffer.from(
        hkdfSync('sha256', shared, Buffer.concat([share, this.publicKey]), INFO, 32),
      );
      const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, {
        authTagLength: 16,
      });
      decipher.setAuthTag(s.body.subarray(16));
      try {
        return new Uint8Array(
          Buffer.concat([decipher.update(s.body.subarray(0, 16)), decipher.final()]),
        );
      } catch {
        // not for us: try the next stanza
      }
    }
    return null;
  }
}
