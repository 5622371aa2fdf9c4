import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';
import { workerResult } from '../workers';
import { everyWithin } from './scrypt-low-memory';
import type { ScryptJob } from './scrypt-worker';

/**
 * The age scrypt recipient type (age-encryption.org/v1, "scrypt recipient stanza") on Node's
 * native scrypt, or above SCRYPT_MAX_BYTES the same function in less memory on a worker thread,
 * instead of typage's JavaScript one: either way off the main thread, so unlocking a key does
 * not freeze the Electron main process.
 *
 *   -> scrypt <base64(salt, 16 bytes)> <log2 N>
 *   body = ChaCha20-Poly1305(key = scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt,
 *          N, r = 8, p = 1, 32 bytes), nonce = 12 zero bytes, file key)
 *
 * Plugged into typage through its public Recipient / Identity interfaces; tests check both
 * directions against typage's own implementation and the age CLI.
 */

const LABEL = 'age-encryption.org/v1/scrypt';
const ZERO_NONCE = Buffer.alloc(12);
const R = 8;

/**
 * The most memory a derivation takes. scrypt's table is 128 · r · N bytes: 128 MiB for the key
 * files (2^17) and 256 MiB for passphrase bundles (2^18), which came on top of everything else an
 * export holds (issue #11's 300 MB). Above this, the same derivation runs in this much on a
 * worker thread (`scrypt-low-memory.ts`), for 1.75 (2^17) to 2.25 (2^18) times the CPU.
 */
export const SCRYPT_MAX_BYTES = 32 * 1024 * 1024;

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Uint8Array> {
  const N = 2 ** logN;
  const labelled = new Uint8Array(Buffer.concat([Buffer.from(LABEL, 'latin1'), salt]));
  const every = everyWithin(N, R, SCRYPT_MAX_BYTES);
  if (every === 1) {
    return new Promise((resolve, reject) => {
      scrypt(
        passphrase,
        labelled,
        32,
        { N, r: R, p: 1, maxmem: 2 * SCRYPT_MAX_BYTES },
        (error, key) => (error ? reject(error) : resolve(key)),
      );
    });
  }
  const job: ScryptJob = { password: passphrase, salt: labelled, N, r: R, dkLen: 32, every };
  return workerResult<Uint8Array>('scrypt-worker', job, 'scrypt worker');
}

function toBase64NoPad(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

/** Canonical unpadded base64 only (as age requires). */
function fromBase64NoPad(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return toBase64NoPad(bytes) === text ? new Uint8Array(bytes) : null;
}

export class NodeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['scrypt', toBase64NoPad(salt), String(this.logN)], new Uint8Array(body))];
  }
}

export class NodeScryptIdentity implements Identity {
  /** Set when a scrypt stanza was found but the passphrase did not open it. */
  wrongPassphrase = false;

  constructor(
    private readonly passphrase: string,
    private readonly maxLogN: number,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1)
        throw new Error('scrypt recipient is not the only one in the header');
      const salt = s.args.length === 3 ? fromBase64NoPad(s.args[1]!) : null;
      if (!salt || salt.length !== 16 || !/^[1-9][0-9]?$/.test(s.args[2]!)) {
        throw new Error('invalid scrypt stanza');
      }
      const logN = Number(s.args[2]);
      if (logN > this.maxLogN) throw new Error('scrypt work factor is too high');
      if (s.body.length !== 32) throw new Error('invalid scrypt stanza');
      const key = await deriveKey(this.passphrase, salt, logN);
      const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, {
        authTagLength: 16,
      });
      decipher.setAuthTag(s.body.subarray(16));
      try {
        return new Uint8Array(
          Buffer.concat([decipher.update(s.body.subarray(0, 16)), decipher.final()]),
        );
      } catch {
        this.wrongPassphrase = true;
        return null;
      }
    }
    return null;
  }
}
