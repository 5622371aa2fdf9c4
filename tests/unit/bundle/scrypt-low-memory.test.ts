import { scryptSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  everyWithin,
  lowMemoryBytes,
  scryptLowMemory,
} from '../../../src-main/bundle/scrypt-low-memory';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('scrypt in a fraction of its memory', () => {
  // RFC 7914 §12, the vectors with p = 1 (age's scrypt stanza fixes p = 1).
  it('gives the RFC 7914 test vectors, whatever part of the table it keeps', () => {
    for (const every of [1, 2, 4, 8, 16]) {
      expect(hex(scryptLowMemory('', bytes(''), { N: 16, r: 1, dkLen: 64, every }))).toBe(
        '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
          'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
      );
    }
    for (const every of [1, 4, 16]) {
      const key = scryptLowMemory('pleaseletmein', bytes('SodiumChloride'), {
        N: 16384,
        r: 8,
        dkLen: 64,
        every,
      });
      expect(hex(key)).toBe(
        '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2' +
          'd5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
      );
    }
  });

  it('gives what node:crypto gives, on random passwords, salts and parameters', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 80 }),
        fc.nat(),
        (password, salt, logN, r, dkLen, pick) => {
          const N = 2 ** logN;
          const every = 2 ** (pick % (logN + 1));
          const ours = scryptLowMemory(password, salt, { N, r, dkLen, every });
          expect(hex(ours)).toBe(hex(scryptSync(password, salt, dkLen, { N, r, p: 1 })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the table within the bound: a quarter for the key files, an eighth at 2^18', () => {
    const MiB = 1024 * 1024;
    expect(lowMemoryBytes(2 ** 17, 8, 1)).toBe(128 * MiB);
    expect(everyWithin(2 ** 17, 8, 32 * MiB)).toBe(4);
    expect(lowMemoryBytes(2 ** 17, 8, 4)).toBe(32 * MiB);
    expect(everyWithin(2 ** 18, 8, 32 * MiB)).toBe(8);
    expect(everyWithin(2 ** 15, 8, 32 * MiB)).toBe(1);
    expect(everyWithin(2 ** 16, 8, 32 * MiB)).toBe(2);
    // Never more than the table has entries, even for a bound too small to meet.
    expect(everyWithin(16, 1, 1)).toBe(16);
  });

  it('refuses parameters scrypt does not define', () => {
    const salt = bytes('s');
    for (const params of [
      { N: 12, r: 1, dkLen: 32, every: 1 },
      { N: 1, r: 1, dkLen: 32, every: 1 },
      { N: 16, r: 0, dkLen: 32, every: 1 },
      { N: 16, r: 1, dkLen: 32, every: 3 },
      { N: 16, r: 1, dkLen: 32, every: 32 },
    ]) {
      expect(() => scryptLowMemory('p', salt, params)).toThrow(RangeError);
    }
  });
});
