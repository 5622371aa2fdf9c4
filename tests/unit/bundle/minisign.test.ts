import { describe, expect, it } from 'vitest';
import {
  BundleError,
  encodeMinisignPublicKey,
  encodeMinisignSecretKeyFile,
  generateMinisignKey,
  minisignKeyId,
  minisignPublicKeyFile,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
  parseMinisignSignature,
  signMinisign,
  verifyMinisign,
} from '../../../src-main/bundle';
import { SIGNER } from '../../fixtures/bundle/sample';

const message = new TextEncoder().encode('{"hello":"dinkes"}\n');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof BundleError ? error.code : `not a BundleError: ${String(error)}`;
  }
  return undefined;
}

describe('minisign keys', () => {
  it('encodes the public key as RW… with the key id minisign prints (little-endian)', () => {
    const pub = encodeMinisignPublicKey(SIGNER);
    expect(pub).toMatch(/^RW[A-Za-z0-9+/]{54}$/);
    expect(pub).toBe('RWQalGQxALbf0o9w8Xr9DE3I9i4iNzPj3n9Tq/9K9WIWQejlBnHXvIv/');
    // key number bytes 1a 94 64 31 00 b6 df d2 read as a little-endian uint64
    expect(minisignKeyId(SIGNER.keyNum)).toBe('D2DFB6003164941A');
    expect(minisignPublicKeyFile(SIGNER)).toBe(
      `untrusted comment: minisign public key D2DFB6003164941A\n${pub}\n`,
    );
  });

  it('parses the bare key and the .pub file, and refuses anything else', () => {
    const pub = encodeMinisignPublicKey(SIGNER);
    expect(encodeMinisignPublicKey(parseMinisignPublicKey(pub))).toBe(pub);
    expect(encodeMinisignPublicKey(parseMinisignPublicKey(minisignPublicKeyFile(SIGNER)))).toBe(
      pub,
    );
    expect(codeOf(() => parseMinisignPublicKey(pub.slice(0, -4)))).toBe('SIGNER_INVALID');
    expect(codeOf(() => parseMinisignPublicKey('age1xyz'))).toBe('SIGNER_INVALID');
    expect(codeOf(() => parseMinisignPublicKey(`${pub} ${pub}`))).toBe('SIGNER_INVALID');
    // the signature algorithm "ED" is not a key algorithm
    expect(codeOf(() => parseMinisignPublicKey(`RU${pub.slice(2)}`))).toBe('SIGNER_INVALID');
  });

  it('round-trips the unencrypted secret key file with its BLAKE2b-256 checksum', () => {
    const key = generateMinisignKey();
    const file = encodeMinisignSecretKeyFile(key);
    const back = parseMinisignSecretKeyFile(file);
    expect(Buffer.from(back.seed).equals(Buffer.from(key.seed))).toBe(true);
    expect(encodeMinisignPublicKey(back)).toBe(encodeMinisignPublicKey(key));
    // flip one bit of the seed: the checksum no longer matches
    const lines = file.split('\n');
    const raw = Buffer.from(lines[1]!, 'base64');
    raw[70] = raw[70]! ^ 1;
    lines[1] = raw.toString('base64');
    expect(codeOf(() => parseMinisignSecretKeyFile(lines.join('\n')))).toBe('KEY_INVALID');
    // `minisign -G -W` writes a zero checksum: accepted
    const zero = Buffer.from(file.split('\n')[1]!, 'base64');
    zero.fill(0, 126);
    const fromCli = parseMinisignSecretKeyFile(
      `untrusted comment: x\n${zero.toString('base64')}\n`,
    );
    expect(encodeMinisignPublicKey(fromCli)).toBe(encodeMinisignPublicKey(key));
    // a minisign password-protected key (kdf "Sc") is refused with a hint
    const sc = Buffer.from(file.split('\n')[1]!, 'base64');
    sc.write('Sc', 2, 'latin1');
    expect(() =>
      parseMinisignSecretKeyFile(`untrusted comment: x\n${sc.toString('base64')}\n`),
    ).toThrow(/minisign -C -W/);
  });
});

describe('minisign signatures', () => {
  it('signs pre-hashed (ED) and verifies signature and trusted comment', () => {
    const sig = signMinisign(message, SIGNER, 'facility:P1 period:2026-09', 'hello');
    const lines = sig.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('untrusted comment: hello');
    expect(lines[1]!.startsWith('RUQa')).toBe(true); // base64 of "ED" + key number 1a…
    expect(lines[2]).toBe('trusted comment: facility:P1 period:2026-09');
    const parsed = parseMinisignSignature(sig);
    expect(minisignKeyId(parsed.keyNum)).toBe(minisignKeyId(SIGNER.keyNum));
    expect(verifyMinisign(message, parsed, SIGNER)).toBe(true);
    // Ed25519 is deterministic: the same message and key give the same file
    expect(signMinisign(message, SIGNER, 'facility:P1 period:2026-09', 'hello')).toBe(sig);
  });

  it('rejects a changed message, trusted comment, or another key', () => {
    const parsed = parseMinisignSignature(signMinisign(message, SIGNER, 'revision:1'));
    expect(verifyMinisign(new TextEncoder().encode('other'), parsed, SIGNER)).toBe(false);
    expect(verifyMinisign(message, { ...parsed, trustedComment: 'revision:2' }, SIGNER)).toBe(
      false,
    );
    const other = generateMinisignKey();
    expect(verifyMinisign(message, parsed, other)).toBe(false);
    expect(verifyMinisign(message, parsed, { ...other, keyNum: SIGNER.keyNum })).toBe(false);
  });

  it('parses strictly: four lines, canonical base64, ED only', () => {
    const sig = signMinisign(message, SIGNER, 'x');
    const bad = [
      sig.replace(/\n$/, ''),
      `${sig}\n`,
      sig.replace('\n', '\r\n'),
      sig.replace('untrusted comment: ', 'untrusted comment ').trim(),
      sig.replace('trusted comment: ', 'trusted: '),
      sig.replace(/^(.*\n)RU/, '$1RW'), // legacy non-prehashed "Ed"
      sig.replace(/\n([^\n]*)\n$/, '\n$1=\n'),
      sig.replace(/\n([^\n]*)\n$/, '\n $1\n'),
    ];
    for (const text of bad) {
      expect(codeOf(() => parseMinisignSignature(text))).toBe('BUNDLE_SIGNATURE_INVALID');
    }
  });

  it('refuses multi-line comments when signing', () => {
    expect(() => signMinisign(message, SIGNER, 'a\nb')).toThrow(RangeError);
  });
});
