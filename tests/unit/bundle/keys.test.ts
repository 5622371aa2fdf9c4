import { Decrypter, Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  ageIdentityFileText,
  ageRecipientOf,
  decryptWithPassphrase,
  encryptWithPassphrase,
  generateAgeKeyPair,
  isAgeRecipient,
  keyFingerprint,
  parseAgeIdentityFile,
  parseAgeRecipient,
  recipientFileText,
  recipientFingerprint,
  recipientQrSvg,
  signerFingerprint,
  signingKeyInfo,
} from '../../../src-main/bundle';
import { SCRYPT_MAX_BYTES } from '../../../src-main/bundle/scrypt';
import { lowMemoryBytes } from '../../../src-main/bundle/scrypt-low-memory';
import { DINKES, SIGNER } from '../../fixtures/bundle/sample';

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (error) {
    return error instanceof BundleError ? error.code : `not a BundleError: ${String(error)}`;
  }
  return undefined;
}

describe('fingerprints', () => {
  it('are the first 80 bits of SHA-256 of the key text, in groups of 4 (stable)', () => {
    // printf '%s' age1… | sha256sum | cut -c1-20 → f234ebec223753358189
    expect(recipientFingerprint(DINKES.recipient)).toBe('F234-EBEC-2237-5335-8189');
    // printf '%s' RWQ… | sha256sum | cut -c1-20 → dda2f793f301dc25910b
    expect(signerFingerprint(SIGNER)).toBe('DDA2-F793-F301-DC25-910B');
    expect(signerFingerprint('RWQalGQxALbf0o9w8Xr9DE3I9i4iNzPj3n9Tq/9K9WIWQejlBnHXvIv/')).toBe(
      'DDA2-F793-F301-DC25-910B',
    );
    expect(signingKeyInfo(SIGNER)).toEqual({
      keyId: 'D2DFB6003164941A',
      publicKey: 'RWQalGQxALbf0o9w8Xr9DE3I9i4iNzPj3n9Tq/9K9WIWQejlBnHXvIv/',
      fingerprint: 'DDA2-F793-F301-DC25-910B',
    });
    expect(keyFingerprint('x')).toMatch(/^([0-9A-F]{4}-){4}[0-9A-F]{4}$/);
  });

  it('do not depend on how the recipient was typed', () => {
    expect(recipientFingerprint(`  ${DINKES.recipient.toUpperCase()}\n`)).toBe(
      'F234-EBEC-2237-5335-8189',
    );
  });
});

describe('age recipients and identities', () => {
  it('derive the recipient from the identity (same as age-keygen -y)', async () => {
    expect(await ageRecipientOf(DINKES.identity)).toBe(DINKES.recipient);
    const fresh = await generateAgeKeyPair();
    expect(fresh.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(await ageRecipientOf(fresh.identity)).toBe(fresh.recipient);
  });

  it('validate age1… strings, checksum included', async () => {
    expect(parseAgeRecipient(DINKES.recipient)).toBe(DINKES.recipient);
    expect(isAgeRecipient(DINKES.recipient)).toBe(true);
    const typo = DINKES.recipient.slice(0, 20) + 'q' + DINKES.recipient.slice(21);
    for (const bad of [
      '',
      'age1',
      typo,
      DINKES.recipient.slice(0, -1),
      `${DINKES.recipient}q`,
      DINKES.identity,
      'RWQalGQxALbf0o9w8Xr9DE3I9i4iNzPj3n9Tq/9K9WIWQejlBnHXvIv/',
      `${DINKES.recipient.slice(0, 10).toUpperCase()}${DINKES.recipient.slice(10)}`,
    ]) {
      expect(await codeOf(() => parseAgeRecipient(bad))).toBe('RECIPIENT_INVALID');
      expect(isAgeRecipient(bad)).toBe(false);
    }
  });

  it('writes and reads identity and recipient files like age-keygen', () => {
    const text = ageIdentityFileText(DINKES, '2026-10-01T08:00:00+07:00');
    expect(text).toBe(
      `# created: 2026-10-01T08:00:00+07:00\n# public key: ${DINKES.recipient}\n${DINKES.identity}\n`,
    );
    expect(parseAgeIdentityFile(text)).toEqual([DINKES.identity]);
    expect(() => parseAgeIdentityFile('# nothing\n')).toThrow(BundleError);
    expect(() => parseAgeIdentityFile('AGE-SECRET-KEY-1XYZ\n')).toThrow(BundleError);
    const file = recipientFileText(DINKES.recipient, 'Dinkes Kab. Garut');
    expect(file.split('\n').filter((l) => !l.startsWith('#') && l !== '')).toEqual([
      DINKES.recipient,
    ]);
    expect(file).toContain('F234-EBEC-2237-5335-8189');
  });

  it('renders the recipient as an SVG QR code', async () => {
    const svg = await recipientQrSvg(DINKES.recipient);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
    expect(await recipientQrSvg(DINKES.recipient)).toBe(svg);
  });
});

describe('passphrase wrapping', () => {
  it('round-trips, refuses a wrong passphrase and a short one', async () => {
    const sealed = await encryptWithPassphrase('rahasia', 'kata-sandi-yang-panjang', 10);
    expect(new TextDecoder().decode(sealed.subarray(0, 31))).toBe(
      'age-encryption.org/v1\n-> scrypt',
    );
    expect(
      new TextDecoder().decode(await decryptWithPassphrase(sealed, 'kata-sandi-yang-panjang')),
    ).toBe('rahasia');
    expect(await codeOf(() => decryptWithPassphrase(sealed, 'kata-sandi-yang-salah'))).toBe(
      'KEY_WRONG_PASSPHRASE',
    );
    expect(await codeOf(() => encryptWithPassphrase('x', 'pendek', 10))).toBe(
      'KEY_PASSPHRASE_WEAK',
    );
    expect(await codeOf(() => decryptWithPassphrase(new Uint8Array(10), 'x'))).toBe('KEY_INVALID');
  });

  it('is interchangeable with the scrypt recipient of typage, both ways', async () => {
    const ours = await encryptWithPassphrase('dari kami', 'kata-sandi-yang-panjang', 10);
    const d = new Decrypter();
    d.addPassphrase('kata-sandi-yang-panjang');
    expect(await d.decrypt(ours, 'text')).toBe('dari kami');
    const e = new Encrypter();
    e.setScryptWorkFactor(10);
    e.setPassphrase('kata-sandi-yang-panjang');
    const theirs = await e.encrypt('dari typage');
    expect(
      new TextDecoder().decode(await decryptWithPassphrase(theirs, 'kata-sandi-yang-panjang')),
    ).toBe('dari typage');
  });

  it('derives in 32 MiB on a worker above that, still interchangeable with typage', async () => {
    // 2^16 needs 64 MiB natively, above SCRYPT_MAX_BYTES: half the table, on a worker thread
    // (the key files' 2^17 keeps a quarter; scrypt-low-memory.test.ts checks every fraction).
    const workFactor = 16;
    expect(lowMemoryBytes(2 ** workFactor, 8, 1)).toBeGreaterThan(SCRYPT_MAX_BYTES);
    const ours = await encryptWithPassphrase('dari kami', 'kata-sandi-yang-panjang', workFactor);
    const d = new Decrypter();
    d.addPassphrase('kata-sandi-yang-panjang');
    expect(await d.decrypt(ours, 'text')).toBe('dari kami');
    const e = new Encrypter();
    e.setScryptWorkFactor(workFactor);
    e.setPassphrase('kata-sandi-yang-panjang');
    const theirs = await e.encrypt('dari typage');
    expect(
      new TextDecoder().decode(await decryptWithPassphrase(theirs, 'kata-sandi-yang-panjang')),
    ).toBe('dari typage');
    expect(await codeOf(() => decryptWithPassphrase(theirs, 'kata-sandi-yang-salah'))).toBe(
      'KEY_WRONG_PASSPHRASE',
    );
  });

  it('refuses files whose scrypt work factor would exhaust memory', async () => {
    const sealed = await encryptWithPassphrase('rahasia', 'kata-sandi-yang-panjang', 10);
    const text = Buffer.from(sealed).toString('latin1').replace(/ 10\n/, ' 22\n');
    expect(
      await codeOf(() =>
        decryptWithPassphrase(Uint8Array.from(Buffer.from(text, 'latin1')), 'x'.repeat(12)),
      ),
    ).toBe('KEY_INVALID');
  });
});
