import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BundleError, readZipStrict, writeZip, type ZipLimits } from '../../../src-main/bundle';
import { DEFAULT_ZIP_LIMITS } from '../../../src-main/bundle/zip';

const enc = (s: string) => new TextEncoder().encode(s);
const DOS_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** A zip in the same header layout as ours, built by fflate (names as given, any order). */
function fflateZip(files: Array<[string, Uint8Array, number?]>): Uint8Array {
  const input: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  for (const [name, data, level] of files) {
    input[name] = [data, { level: (level ?? 6) as 0 | 6, mtime: DOS_EPOCH }];
  }
  return zipSync(input);
}

/** One-entry zip in our layout with a chosen body, declared size and CRC. */
function rawZip(name: string, method: number, body: Uint8Array, data: Uint8Array, crc?: number) {
  const n = Buffer.from(name, 'latin1');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(0x21, 12);
  local.writeUInt32LE(crc ?? crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc ?? crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + body.length, 16);
  return new Uint8Array(Buffer.concat([local, n, body, central, n, end]));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof BundleError ? error.code : `not a BundleError: ${String(error)}`;
  }
  return undefined;
}

const ENTRIES = [
  { name: 'records/b.ndjson', data: enc('{"id":"2"}\n'.repeat(50)), compress: true },
  { name: 'manifest.json', data: enc('{"a":1}\n'), compress: false },
  { name: 'records/a.ndjson', data: new Uint8Array(0), compress: true },
];

describe('deterministic zip writer', () => {
  it('gives the same bytes whatever the input order, sorted by name', async () => {
    const a = await writeZip(ENTRIES);
    const b = await writeZip([...ENTRIES].reverse());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readZipStrict(a).map((e) => e.name)).toEqual([
      'manifest.json',
      'records/a.ndjson',
      'records/b.ndjson',
    ]);
  });

  it('is readable by another zip implementation (fflate) with the fixed timestamp', async () => {
    const zip = await writeZip(ENTRIES);
    const out = unzipSync(zip);
    expect(new TextDecoder().decode(out['manifest.json'])).toBe('{"a":1}\n');
    expect(out['records/b.ndjson']!.length).toBe(550);
    // local header: version 20, flags 0, DOS time 0, DOS date 1980-01-01
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(4, true)).toBe(20);
    expect(view.getUint16(6, true)).toBe(0);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(0x21);
  });

  it('refuses unsafe and duplicate names when writing', async () => {
    await expect(writeZip([{ name: '../x', data: enc('x'), compress: false }])).rejects.toThrow(
      BundleError,
    );
    await expect(
      writeZip([
        { name: 'a', data: enc('x'), compress: false },
        { name: 'a', data: enc('y'), compress: false },
      ]),
    ).rejects.toThrow(BundleError);
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    await writeZip(ENTRIES, { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(ENTRIES.reduce((s, e) => s + e.data.length, 0));
    const controller = new AbortController();
    controller.abort();
    await expect(writeZip(ENTRIES, { signal: controller.signal })).rejects.toMatchObject({
      code: 'BUNDLE_CANCELLED',
    });
  });
});

describe('strict zip reader', () => {
  it('reads what fflate writes in the same layout (stored and deflated)', () => {
    const zip = fflateZip([
      ['a.json', enc('{"x":1}'), 0],
      ['b/c.ndjson', enc('hello\n'.repeat(100))],
    ]);
    const entries = readZipStrict(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.json', 'b/c.ndjson']);
    expect(new TextDecoder().decode(entries[1]!.data)).toBe('hello\n'.repeat(100));
  });

  it('rejects path traversal, absolute and backslash names', () => {
    for (const name of ['../evil.json', 'records/../../etc/passwd', '/etc/passwd', 'a\\b.json']) {
      expect(codeOf(() => readZipStrict(fflateZip([[name, enc('x')]])))).toBe('BUNDLE_UNSAFE_PATH');
    }
    expect(codeOf(() => readZipStrict(fflateZip([['Records/X.ndjson', enc('x')]])))).toBe(
      'BUNDLE_UNKNOWN_FILE',
    );
    expect(codeOf(() => readZipStrict(fflateZip([['records/', enc('')]])))).toBe(
      'BUNDLE_UNKNOWN_FILE',
    );
  });

  it('rejects duplicate names', async () => {
    const zip = await writeZip([
      { name: 'a.json', data: enc('1'), compress: false },
      { name: 'b.json', data: enc('2'), compress: false },
    ]);
    // rename b.json to a.json in both headers
    const patched = Buffer.from(zip).toString('latin1').replaceAll('b.json', 'a.json');
    expect(codeOf(() => readZipStrict(Uint8Array.from(Buffer.from(patched, 'latin1'))))).toBe(
      'BUNDLE_DUPLICATE_ENTRY',
    );
  });

  it('rejects a zip bomb: an entry that inflates beyond its declared size', () => {
    const big = new Uint8Array(20 * 1024 * 1024); // 20 MiB of zeros deflate to ~20 KiB
    const zip = fflateZip([['bomb.ndjson', big]]);
    const view = new DataView(zip.buffer, zip.byteOffset);
    const endAt = zip.length - 22;
    const central = view.getUint32(endAt + 16, true);
    // declare 1000 bytes in the local and central headers
    view.setUint32(22, 1000, true);
    view.setUint32(central + 24, 1000, true);
    expect(codeOf(() => readZipStrict(zip))).toBe('BUNDLE_ZIP_LIMIT');
  });

  it('rejects entries and totals above the limits before inflating', () => {
    const limits: ZipLimits = { maxEntries: 3, maxEntryBytes: 1000, maxTotalBytes: 1500 };
    const four = fflateZip([
      ['a', enc('1')],
      ['b', enc('2')],
      ['c', enc('3')],
      ['d', enc('4')],
    ]);
    expect(codeOf(() => readZipStrict(four, limits))).toBe('BUNDLE_ZIP_LIMIT');
    const large = fflateZip([['a', new Uint8Array(1001)]]);
    expect(codeOf(() => readZipStrict(large, limits))).toBe('BUNDLE_ZIP_LIMIT');
    const total = fflateZip([
      ['a', new Uint8Array(800)],
      ['b', new Uint8Array(800)],
    ]);
    expect(codeOf(() => readZipStrict(total, limits))).toBe('BUNDLE_ZIP_LIMIT');
    expect(readZipStrict(total, { ...limits, maxTotalBytes: 1600 })).toHaveLength(2);
    expect(DEFAULT_ZIP_LIMITS.maxEntries).toBeGreaterThan(10);
  });

  it('rejects non-canonical layouts: comment, trailing data, unsorted, data descriptor', async () => {
    const zip = await writeZip(ENTRIES);
    const withComment = Buffer.concat([Buffer.from(zip), Buffer.from('hi')]);
    withComment.writeUInt16LE(2, zip.length - 2);
    expect(codeOf(() => readZipStrict(withComment))).toBe('BUNDLE_ZIP_INVALID');
    expect(codeOf(() => readZipStrict(Buffer.concat([Buffer.from(zip), Buffer.alloc(1)])))).toBe(
      'BUNDLE_ZIP_INVALID',
    );
    expect(codeOf(() => readZipStrict(Buffer.concat([Buffer.alloc(1), Buffer.from(zip)])))).toBe(
      'BUNDLE_ZIP_INVALID',
    );
    const unsorted = fflateZip([
      ['b', enc('1')],
      ['a', enc('2')],
    ]);
    expect(codeOf(() => readZipStrict(unsorted))).toBe('BUNDLE_ZIP_INVALID');
    const flagged = Buffer.from(zip);
    flagged.writeUInt16LE(8, 6); // data descriptor flag in the first local header
    expect(codeOf(() => readZipStrict(flagged))).toBe('BUNDLE_ZIP_INVALID');
    expect(codeOf(() => readZipStrict(new Uint8Array(0)))).toBe('BUNDLE_ZIP_INVALID');
  });

  it('rejects deflate streams with trailing bytes or a bad CRC', () => {
    const data = enc('abc'.repeat(100));
    const deflated = new Uint8Array(deflateRawSync(data));
    const ok = rawZip('a', 8, deflated, data);
    expect(readZipStrict(ok)[0]!.data).toEqual(data);
    const junk = rawZip('a', 8, Uint8Array.from([...deflated, 0]), data);
    expect(codeOf(() => readZipStrict(junk))).toBe('BUNDLE_ZIP_INVALID');
    const badCrc = rawZip('a', 8, deflated, data, (crc32(data) ^ 1) >>> 0);
    expect(codeOf(() => readZipStrict(badCrc))).toBe('BUNDLE_ZIP_INVALID');
    const shortDeflate = rawZip('a', 8, deflated.subarray(0, deflated.length - 1), data);
    expect(codeOf(() => readZipStrict(shortDeflate))).toBe('BUNDLE_ZIP_INVALID');
  });

  it('tells an entry longer than declared from one also cut short, in 16 KiB steps', () => {
    const data = Uint8Array.from({ length: 40_000 }, (_, i) => ((i * 7919) % 256) ^ (i >> 8));
    const cut = new Uint8Array(deflateRawSync(data)).subarray(0, -8); // ends about byte 39,990
    // Longer than declared by more than a 16 KiB step before the stream breaks off.
    const longer = rawZip('a', 8, cut, data.subarray(0, 20_000));
    expect(codeOf(() => readZipStrict(longer))).toBe('BUNDLE_ZIP_LIMIT');
    // Longer than declared, but broken off within the same 16 KiB step: damaged.
    const broken = rawZip('a', 8, cut, data.subarray(0, 39_000));
    expect(codeOf(() => readZipStrict(broken))).toBe('BUNDLE_ZIP_INVALID');
  });
});
