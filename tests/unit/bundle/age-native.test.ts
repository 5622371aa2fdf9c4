import { Encrypter, Stanza, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { BundleError, createAgeIdentity, decryptBundle } from '../../../src-main/bundle';
import { bech32Decode, bech32Encode } from '../../../src-main/bundle/bech32';
import {
  NodeX25519Identity,
  decodeAgeIdentity,
  decodeAgeRecipient,
} from '../../../src-main/bundle/x25519';
import { DINKES, DINKES_BACKUP } from '../../fixtures/bundle/sample';

describe('bech32', () => {
  it('decodes and re-encodes age keys', () => {
    const recipient = bech32Decode(DINKES.recipient)!;
    expect(recipient.hrp).toBe('age');
    expect(recipient.bytes).toHaveLength(32);
    expect(bech32Encode('age', recipient.bytes)).toBe(DINKES.recipient);
    const identity = bech32Decode(DINKES.identity)!;
    expect(identity.hrp).toBe('age-secret-key-');
    expect(bech32Encode('age-secret-key-', identity.bytes).toUpperCase()).toBe(DINKES.identity);
  });

  it('refuses a wrong checksum, mixed case, bad characters', () => {
    const r = DINKES.recipient;
    const swapped = r.slice(0, 10) + r[11] + r[10] + r.slice(12);
    expect(bech32Decode(swapped)).toBeNull();
    expect(bech32Decode(`${r.slice(0, 10).toUpperCase()}${r.slice(10)}`)).toBeNull();
    expect(bech32Decode(r.replace(/.$/, 'b'))).toBeNull();
    expect(bech32Decode('age1')).toBeNull();
    expect(decodeAgeRecipient(DINKES.identity)).toBeNull();
    expect(decodeAgeIdentity(DINKES.recipient)).toBeNull();
  });
});

describe('native X25519 identity', () => {
  it('derives the same recipient as typage, for many keys', async () => {
    expect(new NodeX25519Identity(DINKES.identity).recipient).toBe(DINKES.recipient);
    for (let i = 0; i < 20; i++) {
      const identity = await generateX25519Identity();
      expect(new NodeX25519Identity(identity).recipient).toBe(await identityToRecipient(identity));
    }
  });

  it('opens files typage encrypted to several recipients, and only its own', async () => {
    const e = new Encrypter();
    e.addRecipient(DINKES_BACKUP.recipient);
    e.addRecipient(DINKES.recipient);
    const file = await e.encrypt(new Uint8Array(70_000).fill(7)); // two payload chunks
    const zip = await decryptBundle(file, { identity: createAgeIdentity(DINKES.identity) });
    expect(zip).toEqual(new Uint8Array(70_000).fill(7));
    const other = await generateX25519Identity();
    await expect(decryptBundle(file, { identity: other })).rejects.toMatchObject({
      code: 'BUNDLE_WRONG_KEY',
    });
  });

  it('refuses malformed stanzas and low-order shares instead of deriving a zero key', () => {
    const id = new NodeX25519Identity(DINKES.identity);
    const body = new Uint8Array(32);
    expect(() => id.unwrapFileKey([new Stanza(['X25519', 'A'.repeat(43)], body)])).toThrow(
      'invalid X25519 stanza',
    );
    expect(() => id.unwrapFileKey([new Stanza(['X25519'], body)])).toThrow();
    expect(() => id.unwrapFileKey([new Stanza(['X25519', 'AAAA'], body)])).toThrow();
    expect(id.unwrapFileKey([new Stanza(['other', 'x'], body)])).toBeNull();
  });

  it('turns an invalid identity into KEY_INVALID', () => {
    expect(() => createAgeIdentity('AGE-SECRET-KEY-1XYZ')).toThrow(BundleError);
    expect(() => createAgeIdentity(DINKES.recipient)).toThrow(BundleError);
  });
});

describe('native payload decryption', () => {
  const identity = createAgeIdentity(DINKES.identity);
  async function encrypted(plain: Uint8Array): Promise<Uint8Array> {
    const e = new Encrypter();
    e.addRecipient(DINKES.recipient);
    return e.encrypt(plain);
  }
  const codeOf = (file: Uint8Array) =>
    decryptBundle(file, { identity }).then(
      () => 'opened',
      (error: unknown) => (error as BundleError).code,
    );

  it('opens what typage encrypted, at and around the 64 KiB chunk boundaries', async () => {
    for (const size of [0, 1, 65_535, 65_536, 65_537, 131_072, 200_000]) {
      const plain = new Uint8Array(size).map((_, i) => (i * 31) % 251);
      expect(await decryptBundle(await encrypted(plain), { identity }), String(size)).toEqual(
        plain,
      );
    }
  });

  it('refuses a payload that was cut, extended, reordered or changed', async () => {
    const plain = new Uint8Array(131_072 + 100).fill(3);
    const file = await encrypted(plain);
    const sealed = 65_536 + 16;
    const end = file.length;
    const lastStart = end - (100 + 16);
    const concat = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    };
    // The last chunk dropped: the chunk before it is not flagged last.
    expect(await codeOf(file.subarray(0, lastStart))).toBe('BUNDLE_CORRUPT');
    // Cut inside a chunk, or down to a piece shorter than a tag.
    expect(await codeOf(file.subarray(0, end - 1))).toBe('BUNDLE_CORRUPT');
    expect(await codeOf(file.subarray(0, lastStart + 5))).toBe('BUNDLE_CORRUPT');
    // An empty chunk after the last one.
    expect(await codeOf(concat(file, new Uint8Array(16)))).toBe('BUNDLE_CORRUPT');
    // Two full chunks swapped.
    const first = lastStart - 2 * sealed;
    expect(
      await codeOf(
        concat(
          file.subarray(0, first),
          file.subarray(first + sealed, lastStart),
          file.subarray(first, first + sealed),
          file.subarray(lastStart),
        ),
      ),
    ).toBe('BUNDLE_CORRUPT');
    // One bit changed in the nonce, in a chunk, in a tag.
    for (const at of [lastStart - 2 * sealed - 1, lastStart - 1000, end - 1]) {
      const changed = file.slice();
      changed[at] = changed[at]! ^ 1;
      expect(await codeOf(changed), String(at)).toBe('BUNDLE_CORRUPT');
    }
  });
});
