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
