import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto) and a per-user random salt. Stored as
 * `scrypt$N$r$p$salt$hash` (base64), so a hash made at an older cost still verifies and is made
 * again at this one at the next sign-in (`needsRehash`).
 *
 * N = 2^15, r = 8, p = 3 is one of OWASP's equivalents of its minimum for scrypt (N = 2^17,
 * r = 8, p = 1): the same work in a quarter of the memory (32 MiB, the p passes one after
 * another), about a quarter of a second here. Before 2026-11-24: N = 2^14, p = 1.
 */
const COST = { N: 32768, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
/** What every hash made at today's cost starts with: `scrypt$N$r$p$`. */
const CURRENT = `scrypt$${COST.N}$${COST.r}$${COST.p}$`;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST.N, COST.r, COST.p);
  return `${CURRENT}${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when a stored hash was made at another cost than today's (made again at sign-in). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT);
}

let dummy: Promise<string> | null = null;

/** A hash of a random password, verified against when the user name is unknown (same timing). */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(12).toString('base64')));
}
