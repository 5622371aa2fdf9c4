/**
 * Tamper resistance: every single-byte change, many truncations and appended junk, on the
 * .siklus file and on the inner zip (as an attacker who knows the public Dinkes key could
 * re-encrypt it). Each must be refused with one stable code: never an unhandled exception,
 * never a result.
 */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_ERROR_CODES,
  BundleError,
  createAgeIdentity,
  decryptBundle,
  encodeMinisignPublicKey,
  encryptBundle,
  inspectAgeHeader,
  openBundle,
  packBundle,
  readZipStrict,
  verifyBundleZip,
  verifyBundleZipKeys,
  writeZip,
  type BundleErrorCode,
  type BundleRow,
  type OpenOptions,
  type OpenedBundle,
  type PackedBundle,
} from '../../../src-main/bundle';
import { DINKES, FAKE_XLSX, SIGNER, sampleInput, sampleTables } from '../../fixtures/bundle/sample';

const TRUSTED = [encodeMinisignPublicKey(SIGNER)];
// The identity is parsed once and reused, as a Dinkes import session would.
const OPTIONS: OpenOptions = {
  identity: createAgeIdentity(DINKES.identity),
  trustedSigners: TRUSTED,
};

/** Codes a damaged bundle may legitimately produce (not internal errors, not input errors). */
const REJECTION_CODES = new Set<BundleErrorCode>(
  BUNDLE_ERROR_CODES.filter(
    (c) =>
      c.startsWith('BUNDLE_') &&
      ![
        'BUNDLE_INTERNAL',
        'BUNDLE_INPUT_INVALID',
        'BUNDLE_CANCELLED',
        'BUNDLE_FILE_UNREADABLE',
      ].includes(c),
  ),
);

class Tally {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Mutations that changed no verified content (only possible inside the zip, see below). */
  harmless = 0;

  add(code: string) {
    this.total++;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  summary(): string {
    const parts = [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`);
    return `${this.total} mutations: ${parts.join(', ')}`;
  }
}

async function expectRefused(
  attempt: () => Promise<unknown>,
  tally: Tally,
  what: string,
): Promise<void> {
  let result: unknown;
  try {
    result = await attempt();
  } catch (error) {
    if (!(error instanceof BundleError)) {
      throw new Error(`${what}: unhandled ${String(error)}`, { cause: error });
    }
    if (!REJECTION_CODES.has(error.code)) throw new Error(`${what}: unexpected code ${error.code}`);
    tally.add(error.code);
    return;
  }
  throw new Error(`${what}: accepted (${typeof result})`);
}

function flipped(bytes: Uint8Array, index: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ mask;
  return copy;
}

let packed: PackedBundle;
let zip: Uint8Array;

/** The small sample: one table with one row, a tiny report, a short manifest. */
function tinyInput() {
  const persons = sampleTables().persons!.slice(0, 1);
  return sampleInput({
    facility: { kode: 'P3205020101', name: 'Puskesmas Karangpawitan' },
    tables: { persons },
    report: { json: { K1: 1 }, xlsx: FAKE_XLSX },
  });
}

beforeAll(async () => {
  packed = await packBundle(tinyInput());
  zip = await decryptBundle(packed.bytes, { identity: DINKES.identity });
});

describe('tampering with the .siklus file', () => {
  it('refuses every single-byte flip', async () => {
    const tally = new Tally();
    const headerBytes = inspectAgeHeader(packed.bytes).headerBytes;
    for (let i = 0; i < packed.bytes.length; i++) {
      // every byte: flip its lowest bit; in the text header also all of its bits
      const masks = i < headerBytes ? [0x01, 0xff] : [0x01];
      for (const mask of masks) {
        await expectRefused(
          () => openBundle(flipped(packed.bytes, i, mask), OPTIONS),
          tally,
          `byte ${i} ^ ${mask}`,
        );
      }
    }
    console.log(`.siklus (${packed.bytes.length} bytes) single-byte flips: ${tally.summary()}`);
    expect(tally.total).toBeGreaterThanOrEqual(packed.bytes.length);
  });

  it('refuses truncation at many lengths and appended junk', async () => {
    const tally = new Tally();
    const n = packed.bytes.length;
    const headerBytes = inspectAgeHeader(packed.bytes).headerBytes;
    const lengths = new Set<number>();
    for (let len = 0; len <= headerBytes + 40; len++) lengths.add(len);
    for (let len = headerBytes; len < n; len += 7) lengths.add(len);
    for (let len = n - 64; len < n; len++) lengths.add(len);
    for (const len of lengths) {
      await expectRefused(
        () => openBundle(packed.bytes.slice(0, len), OPTIONS),
        tally,
        `cut ${len}`,
      );
    }
    for (const extra of [1, 2, 15, 16, 17, 64, 1000, 70_000]) {
      for (const junk of [new Uint8Array(extra), new Uint8Array(randomBytes(extra))]) {
        const longer = new Uint8Array(n + extra);
        longer.set(packed.bytes);
        longer.set(junk, n);
        await expectRefused(() => openBundle(longer, OPTIONS), tally, `junk ${extra}`);
      }
    }
    console.log(`.siklus truncations and appended junk: ${tally.summary()}`);
    expect(tally.counts.get('BUNDLE_TRUNCATED')).toBeGreaterThan(0);
  });
});

describe('tampering with the inner zip (re-encrypted with the public Dinkes key)', () => {
  /**
   * Every mutation must be refused, with one exception that changes nothing: bits after the
   * end of a deflate stream's final block (padding in its last byte) are ignored by inflate,
   * so such a flip yields byte-identical files that the signature and SHA-256 accept. Those
   * are counted as harmless and must only occur at the last byte of a deflated entry.
   */
  /** What a harmless flip must leave equal: all but the zip's hash and the deflate streams. */
  const sameContent = (opened: OpenedBundle) => ({
    ...opened,
    zipSha256: '',
    recordFiles: Object.fromEntries(
      Object.entries(opened.recordFiles).map(([table, f]) => [
        table,
        { ...f, deflated: inflateRawSync(f.deflated) },
      ]),
    ),
  });

  it('refuses every single-byte flip (lowest bit, highest bit, whole byte)', async () => {
    const tally = new Tally();
    const reference = await verifyBundleZip(zip, { trustedSigners: TRUSTED });
    const deflateEnds = lastDeflateBytes(zip);
    for (let i = 0; i < zip.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const mutated = flipped(zip, i, mask);
        let result: Awaited<ReturnType<typeof verifyBundleZip>> | null = null;
        try {
          result = await verifyBundleZip(mutated, { trustedSigners: TRUSTED });
        } catch (error) {
          if (!(error instanceof BundleError) || !REJECTION_CODES.has(error.code)) {
            throw new Error(`zip byte ${i} ^ ${mask}: ${String(error)}`);
          }
          tally.add(error.code);
          continue;
        }
        // accepted: only harmless if nothing verified differs, and only in deflate padding
        expect(deflateEnds.has(i), `zip byte ${i} ^ ${mask} accepted`).toBe(true);
        expect(sameContent(result)).toEqual(sameContent(reference));
        tally.harmless++;
      }
    }
    console.log(
      `inner zip (${zip.length} bytes) single-byte flips: ${tally.summary()}; ` +
        `harmless deflate padding flips (content identical): ${tally.harmless}`,
    );
    expect(tally.total + tally.harmless).toBe(zip.length * 3);
  });

  it('verifyBundleZipKeys keeps each row key, and refuses each byte change as verifyBundleZip does', async () => {
    const full = await verifyBundleZip(zip, { trustedSigners: TRUSTED });
    const keyed = await verifyBundleZipKeys(zip, { trustedSigners: TRUSTED });
    const keysOf = (rows: BundleRow[]) => ({
      id: rows.map((r) => r.id),
      version: rows.map((r) => r.version),
      updated_at: rows.map((r) => r.updated_at),
      deleted_at: rows.map((r) => r.deleted_at),
    });
    expect(keyed).toEqual({
      ...full,
      tables: Object.fromEntries(
        Object.entries(full.tables).map(([table, rows]) => [table, keysOf(rows)]),
      ),
    });
    expect(Object.values(keyed.tables).some((k) => k.deleted_at.includes(null))).toBe(true);
    const outcome = (verify: () => Promise<unknown>) =>
      verify().then(
        () => 'accepted',
        (error: unknown) => (error as BundleError).code,
      );
    for (let i = 0; i < zip.length; i += 7) {
      const mutated = flipped(zip, i, 0xff);
      expect(
        await outcome(() => verifyBundleZipKeys(mutated, { trustedSigners: TRUSTED })),
        `byte ${i}`,
      ).toBe(await outcome(() => verifyBundleZip(mutated, { trustedSigners: TRUSTED })));
    }
  });

  it('refuses every single-byte change of any file inside, zip rebuilt with valid CRCs', async () => {
    // The zip layer's CRC-32 catches the flips above first; here the attacker rebuilds a
    // perfect zip, so the signature and the manifest's SHA-256 values must catch them.
    const tally = new Tally();
    const entries = readZipStrict(zip);
    for (const target of entries) {
      for (let i = 0; i < target.data.length; i++) {
        const rebuilt = await writeZip(
          entries.map((e) => ({
            name: e.name,
            data: e === target ? flipped(e.data, i, 0x01) : e.data,
            compress:
              e.name.endsWith('.ndjson') ||
              (e.name.endsWith('.json') && e.name !== 'manifest.json'),
          })),
        );
        await expectRefused(
          () => verifyBundleZip(rebuilt, { trustedSigners: TRUSTED }),
          tally,
          `${target.name} byte ${i}`,
        );
      }
    }
    console.log(`files inside the zip, single-byte changes with valid CRCs: ${tally.summary()}`);
    expect(tally.counts.get('BUNDLE_SIGNATURE_INVALID')).toBeGreaterThan(0);
    expect(tally.counts.get('BUNDLE_HASH_MISMATCH')).toBeGreaterThan(0);
  });

  it('refuses truncation and junk of the zip, and a sample re-encrypted end to end', async () => {
    const tally = new Tally();
    for (let len = 0; len < zip.length; len++) {
      await expectRefused(
        () => verifyBundleZip(zip.slice(0, len), { trustedSigners: TRUSTED }),
        tally,
        `zip cut ${len}`,
      );
    }
    for (const extra of [1, 22, 100]) {
      const longer = new Uint8Array(zip.length + extra);
      longer.set(zip);
      await expectRefused(
        () => verifyBundleZip(longer, { trustedSigners: TRUSTED }),
        tally,
        `zip junk ${extra}`,
      );
    }
    // through the whole pipeline: mutate, re-encrypt to the public key, open
    for (let k = 0; k < 48; k++) {
      const i = Math.floor((k * zip.length) / 48);
      const bytes = await encryptBundle(flipped(zip, i, 0xff), { recipients: [DINKES.recipient] });
      await expectRefused(() => openBundle(bytes, OPTIONS), tally, `re-encrypted ${i}`);
    }
    console.log(`inner zip truncations, junk and re-encrypted flips: ${tally.summary()}`);
  });
});

/** Offsets of the last byte of each deflated entry's data (where padding bits live). */
function lastDeflateBytes(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends = new Set<number>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const dataStart = at + 30 + nameLength;
    if (method === 8 && size > 0) ends.add(dataStart + size - 1);
    at = dataStart + size;
  }
  return ends;
}
