import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2b } from '../../../src-main/bundle/blake2b';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const text = (s: string) => new TextEncoder().encode(s);

describe('blake2b', () => {
  it('matches RFC 7693 and libsodium test vectors', () => {
    expect(hex(blake2b(text('abc'), 64))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
        '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(hex(blake2b(new Uint8Array(0), 32))).toBe(
      '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8',
    );
    expect(hex(blake2b(text('abc'), 32))).toBe(
      'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319',
    );
  });

  it('agrees with node:crypto blake2b512 on every block boundary', () => {
    for (const length of [0, 1, 63, 64, 127, 128, 129, 255, 256, 257, 1000]) {
      const data = new Uint8Array(randomBytes(length));
      expect(hex(blake2b(data, 64))).toBe(createHash('blake2b512').update(data).digest('hex'));
    }
  });

  it('refuses impossible output lengths', () => {
    expect(() => blake2b(new Uint8Array(1), 0)).toThrow(RangeError);
    expect(() => blake2b(new Uint8Array(1), 65)).toThrow(RangeError);
  });
});
