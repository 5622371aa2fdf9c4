import { pbkdf2Sync } from 'node:crypto';

/**
 * scrypt (RFC 7914) with p = 1, computed in a fraction of its usual memory: the same output as
 * `crypto.scrypt`, so the same key files and bundles, for more CPU.
 *
 * scrypt's ROMix fills a table V of N blocks (128 · r · N bytes: 128 MiB for age's key files at
 * N = 2^17, r = 8), then reads it back N times at places that depend on the data. Each entry is
 * BlockMix of the one before, so it can keep only every `every`-th entry and recompute an entry
 * it needs from the kept one before it (the standard time-memory trade-off, open to the defender
 * as much as to an attacker: what an attacker pays to guess a passphrase does not change). With
 * `every` = 4 the table is a quarter and the work about 1.75 times: at N = 2^17, 32 MiB and
 * about 0.8 s in JavaScript on the two-core test VM against 128 MiB and 0.4 s native.
 *
 * Checked against the RFC 7914 vectors and against `crypto.scrypt` on random inputs
 * (tests/unit/bundle/scrypt-low-memory.test.ts).
 */

/** Salsa20/8 of (B[bi..bi+16] xor X), left in X: the core of BlockMix. */
// prettier-ignore
function salsa8Xor(B: Uint32Array, bi: number, X: Uint32Array): void {
  let x0 = (X[0]! ^= B[bi]!), x1 = (X[1]! ^= B[bi + 1]!), x2 = (X[2]! ^= B[bi + 2]!);
  let x3 = (X[3]! ^= B[bi + 3]!), x4 = (X[4]! ^= B[bi + 4]!), x5 = (X[5]! ^= B[bi + 5]!);
  let x6 = (X[6]! ^= B[bi + 6]!), x7 = (X[7]! ^= B[bi + 7]!), x8 = (X[8]! ^= B[bi + 8]!);
  let x9 = (X[9]! ^= B[bi + 9]!), x10 = (X[10]! ^= B[bi + 10]!), x11 = (X[11]! ^= B[bi + 11]!);
  let x12 = (X[12]! ^= B[bi + 12]!), x13 = (X[13]! ^= B[bi + 13]!);
  let x14 = (X[14]! ^= B[bi + 14]!), x15 = (X[15]! ^= B[bi + 15]!);
  let t: number;
  for (let round = 0; round < 8; round += 2) {
    // Columns.
    t = x0 + x12; x4 ^= (t << 7) | (t >>> 25); t = x4 + x0; x8 ^= (t << 9) | (t >>> 23);
    t = x8 + x4; x12 ^= (t << 13) | (t >>> 19); t = x12 + x8; x0 ^= (t << 18) | (t >>> 14);
    t = x5 + x1; x9 ^= (t << 7) | (t >>> 25); t = x9 + x5; x13 ^= (t << 9) | (t >>> 23);
    t = x13 + x9; x1 ^= (t << 13) | (t >>> 19); t = x1 + x13; x5 ^= (t << 18) | (t >>> 14);
    t = x10 + x6; x14 ^= (t << 7) | (t >>> 25); t = x14 + x10; x2 ^= (t << 9) | (t >>> 23);
    t = x2 + x14; x6 ^= (t << 13) | (t >>> 19); t = x6 + x2; x10 ^= (t << 18) | (t >>> 14);
    t = x15 + x11; x3 ^= (t << 7) | (t >>> 25); t = x3 + x15; x7 ^= (t << 9) | (t >>> 23);
    t = x7 + x3; x11 ^= (t << 13) | (t >>> 19); t = x11 + x7; x15 ^= (t << 18) | (t >>> 14);
    // Rows.
    t = x0 + x3; x1 ^= (t << 7) | (t >>> 25); t = x1 + x0; x2 ^= (t << 9) | (t >>> 23);
    t = x2 + x1; x3 ^= (t << 13) | (t >>> 19); t = x3 + x2; x0 ^= (t << 18) | (t >>> 14);
    t = x5 + x4; x6 ^= (t << 7) | (t >>> 25); t = x6 + x5; x7 ^= (t << 9) | (t >>> 23);
    t = x7 + x6; x4 ^= (t << 13) | (t >>> 19); t = x4 + x7; x5 ^= (t << 18) | (t >>> 14);
    t = x10 + x9; x11 ^= (t << 7) | (t >>> 25); t = x11 + x10; x8 ^= (t << 9) | (t >>> 23);
    t = x8 + x11; x9 ^= (t << 13) | (t >>> 19); t = x9 + x8; x10 ^= (t << 18) | (t >>> 14);
    t = x15 + x14; x12 ^= (t << 7) | (t >>> 25); t = x12 + x15; x13 ^= (t << 9) | (t >>> 23);
    t = x13 + x12; x14 ^= (t << 13) | (t >>> 19); t = x14 + x13; x15 ^= (t << 18) | (t >>> 14);
  }
  X[0] = (X[0]! + x0) | 0; X[1] = (X[1]! + x1) | 0; X[2] = (X[2]! + x2) | 0;
  X[3] = (X[3]! + x3) | 0; X[4] = (X[4]! + x4) | 0; X[5] = (X[5]! + x5) | 0;
  X[6] = (X[6]! + x6) | 0; X[7] = (X[7]! + x7) | 0; X[8] = (X[8]! + x8) | 0;
  X[9] = (X[9]! + x9) | 0; X[10] = (X[10]! + x10) | 0; X[11] = (X[11]! + x11) | 0;
  X[12] = (X[12]! + x12) | 0; X[13] = (X[13]! + x13) | 0;
  X[14] = (X[14]! + x14) | 0; X[15] = (X[15]! + x15) | 0;
}

/** BlockMix_{Salsa20/8, r} of `src` (32·r words) into `dst`, even blocks first, then odd. */
function blockMix(src: Uint32Array, dst: Uint32Array, r: number, X: Uint32Array): void {
  X.set(src.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    salsa8Xor(src, i * 16, X);
    dst.set(X, ((i & 1) === 0 ? i >> 1 : r + (i >> 1)) * 16);
  }
}

function wordsOf(bytes: Uint8Array): Uint32Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

function bytesOf(words: Uint32Array): Buffer {
  const bytes = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) bytes.writeUInt32LE(words[i]!, i * 4);
  return bytes;
}

export interface LowMemoryScryptParams {
  /** CPU/memory cost, a power of two (2^1 to 2^30). */
  N: number;
  r: number;
  dkLen: number;
  /** Keep every `every`-th entry of the table: a power of two, at most N. */
  every: number;
}

/** The table's bytes when every `every`-th entry is kept. */
export const lowMemoryBytes = (N: number, r: number, every: number): number =>
  (128 * r * N) / every;

/**
 * The smallest power of two `every` that keeps the table within `maxBytes` (1 when the whole
 * table fits).
 */
export function everyWithin(N: number, r: number, maxBytes: number): number {
  let every = 1;
  while (every < N && lowMemoryBytes(N, r, every) > maxBytes) every *= 2;
  return every;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** scrypt(password, salt, N, r, p = 1, dkLen), keeping every `every`-th table entry. */
export function scryptLowMemory(
  password: string | Uint8Array,
  salt: Uint8Array,
  { N, r, dkLen, every }: LowMemoryScryptParams,
): Buffer {
  if (!isPowerOfTwo(N) || N < 2 || N > 2 ** 30) throw new RangeError('scrypt: N');
  if (!Number.isInteger(r) || r < 1 || r > 1024) throw new RangeError('scrypt: r');
  if (!isPowerOfTwo(every) || every > N) throw new RangeError('scrypt: every');
  const words = 32 * r;
  let current = wordsOf(pbkdf2Sync(password, salt, 1, 128 * r, 'sha256'));
  let next = new Uint32Array(words);
  const table = new Uint32Array((N / every) * words);
  const X = new Uint32Array(16);
  for (let i = 0; i < N; i++) {
    if (i % every === 0) table.set(current, (i / every) * words);
    blockMix(current, next, r, X);
    [current, next] = [next, current];
  }
  // An entry between two kept ones is recomputed from the one kept before it.
  let entry = new Uint32Array(words);
  let spare = new Uint32Array(words);
  for (let i = 0; i < N; i++) {
    // Integerify: the first word of the last 64-byte block (N ≤ 2^30 needs no more).
    const j = current[words - 16]! & (N - 1);
    const kept = j - (j % every);
    let v = table.subarray((kept / every) * words, (kept / every + 1) * words);
    if (kept !== j) {
      entry.set(v);
      for (let k = kept; k < j; k++) {
        blockMix(entry, spare, r, X);
        [entry, spare] = [spare, entry];
      }
      v = entry;
    }
    for (let w = 0; w < words; w++) current[w]! ^= v[w]!;
    blockMix(current, next, r, X);
    [current, next] = [next, current];
  }
  return pbkdf2Sync(password, bytesOf(current), 1, dkLen, 'sha256');
}
