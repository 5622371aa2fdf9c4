import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../src-main/services/passwords';

// RFC 7914 §12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16); the stored key is the first
// 32 bytes of the published 64 (PBKDF2's first block does not depend on the length asked).
const RFC_KEY = Buffer.from(
  'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162',
  'hex',
).toString('base64');
const RFC_STORED = `scrypt$1024$8$16$${Buffer.from('NaCl').toString('base64')}$${RFC_KEY}`;

describe('password hashes', () => {
  it('verifies a hash stored at another cost against the published scrypt vector', async () => {
    expect(await verifyPassword('password', RFC_STORED)).toBe(true);
    expect(await verifyPassword('Password', RFC_STORED)).toBe(false);
    expect(needsRehash(RFC_STORED)).toBe(true);
  });

  it('makes new hashes at N = 2^15, r = 8, p = 3 with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('rahasia-1'), hashPassword('rahasia-1')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
    expect(await verifyPassword('rahasia-1', a)).toBe(true);
    expect(await verifyPassword('rahasia-2', a)).toBe(false);
  });

  it('refuses what is not a whole scrypt hash', async () => {
    for (const stored of ['', 'bcrypt$10$abc', 'scrypt$32768$8$3$', 'scrypt$32768$8$3$c2FsdA==$']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});
