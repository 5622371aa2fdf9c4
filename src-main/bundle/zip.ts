import { once } from 'node:events';
import { constants as zlibConstants, crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';
import { BundleError, throwIfAborted } from './errors';

/**
 * The inner zip of a bundle: written deterministically, read strictly.
 *
 * Writer: entries sorted by name (byte order); every local header is version 2.0, flags 0,
 * DOS time 00:00:00 1980-01-01, no extra field; no data descriptors, no zip64, no comments;
 * central directory entries "made by" 2.0 (MS-DOS), attributes 0. Entries are either stored
 * (method 0) or deflated (method 8) by the runtime's zlib at a fixed level, in one call or
 * written in pieces of sizes that depend on the content only, so the same files always give the
 * same bytes from one build of the app. (The deflate stream of another zlib build may differ:
 * readers never depend on it, and the manifest signs the uncompressed files.)
 *
 * Reader: accepts exactly that layout (anything else is `BUNDLE_ZIP_INVALID`), with limits on
 * entry count and uncompressed sizes (`BUNDLE_ZIP_LIMIT`), safe names (`BUNDLE_UNSAFE_PATH`),
 * no duplicate names (`BUNDLE_DUPLICATE_ENTRY`); every entry is inflated with an output cap
 * equal to its declared size and must match that size and its CRC-32 exactly.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry as read: its data, and its deflate stream as stored (null for a stored entry). */
export interface ZipReadEntry extends ZipEntry {
  deflated: Uint8Array | null;
}

/** An entry already deflated (by {@link entryDeflater}): its stream, size and CRC-32. */
export interface DeflatedEntry {
  deflated: Uint8Array;
  /** Uncompressed bytes. */
  size: number;
  crc: number;
}

/** An entry to write: its data, to deflate (compress) or store, or already deflated. */
export type ZipWriteEntry = (ZipEntry & { compress: boolean }) | ({ name: string } & DeflatedEntry);

export interface ZipLimits {
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest uncompressed entry (bytes). */
  maxEntryBytes: number;
  /** Largest total uncompressed size (bytes). */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 256,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const VERSION = 20;
/** DOS date of 1980-01-01 (year 0 since 1980, month 1, day 1); time 00:00:00 is 0. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const DEFLATE_LEVEL = 6;
const MAX_NAME = 255;

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How much written data may wait for zlib before the writer waits: enough that the writer runs
 * ahead and the entries of several tables are deflated side by side on the thread pool.
 */
export const DEFLATE_QUEUE_BYTES = 8 * 1024 * 1024;

export interface EntryDeflater {
  /** Add the next piece of the entry (it is not copied: do not change it afterwards). */
  write(piece: Uint8Array): void;
  /**
   * Resolves at once, or once zlib has caught up when more than {@link DEFLATE_QUEUE_BYTES} wait
   * for it: pacing, so that pieces do not pile up in memory.
   */
  drained(): Promise<void>;
  /** The whole entry deflated; nothing may be written after. */
  end(): Promise<DeflatedEntry>;
  /** Give up the entry (the writer failed or was cancelled): zlib's memory is freed now. */
  discard(): void;
}

/**
 * Deflate an entry made piece by piece, at the fixed level, on the thread pool while the caller
 * makes the next piece. Only the compressed stream is kept, with the size and CRC-32 the zip
 * headers need: a table of tens of megabytes of NDJSON never exists whole.
 */
export function entryDeflater(): EntryDeflater {
  // Output in pieces as large as a written piece deflates to: one turn of the thread pool each.
  const stream = createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: 128 * 1024 });
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let failure: unknown = null;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(stream, 'end').catch((error: unknown) => {
    failure = error;
  });
  return {
    write(piece) {
      if (failure) throw failure;
      size += piece.length;
      crc = crc32(piece, crc);
      stream.write(piece);
    },
    async drained() {
      if (stream.writableLength > DEFLATE_QUEUE_BYTES) {
        await Promise.race([once(stream, 'drain'), ended]);
      }
      if (failure) throw failure;
    },
    async end() {
      stream.end();
      await ended;
      if (failure) throw failure;
      const deflated = Buffer.concat(chunks);
      return {
        deflated: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length),
        size,
        crc: crc >>> 0,
      };
    },
    discard() {
      stream.destroy();
    },
  };
}

/** One entry deflated whole (on the thread pool, as {@link entryDeflater} does in pieces). */
export function deflateWhole(data: Uint8Array): Promise<DeflatedEntry> {
  const deflater = entryDeflater();
  deflater.write(data);
  return deflater.end();
}

function checkName(name: string): void {
  const segments = name.split(/[\\/]/);
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    segments.some((s) => s === '..' || s === '.')
  ) {
    throw new BundleError('BUNDLE_UNSAFE_PATH', JSON.stringify(name), { name });
  }
  if (!isSafeName(name))
    throw new BundleError('BUNDLE_UNKNOWN_FILE', JSON.stringify(name), { name });
}

/**
 * A safe entry name: 1–255 characters of `a-z 0-9 . _ - /`, relative, no empty, `.` or `..`
 * segment, no trailing slash (directories are not stored).
 */
export function isSafeName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME) return false;
  if (!/^[a-z0-9._/-]+$/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export interface ZipWriteOptions {
  signal?: AbortSignal;
  /** Called with uncompressed bytes processed so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Write the deterministic zip described above. */
export async function writeZip(
  entries: readonly ZipWriteEntry[],
  options: ZipWriteOptions = {},
): Promise<Uint8Array> {
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
  for (let i = 0; i < sorted.length; i++) {
    checkName(sorted[i]!.name);
    if (i > 0 && sorted[i - 1]!.name === sorted[i]!.name) {
      throw new BundleError('BUNDLE_DUPLICATE_ENTRY', sorted[i]!.name);
    }
  }
  const sizeOf = (entry: ZipWriteEntry) => ('data' in entry ? entry.data.length : entry.size);
  const total = sorted.reduce((sum, e) => sum + sizeOf(e), 0);
  let done = 0;
  const report = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  // Every entry to compress is deflated side by side on the thread pool; the others count as
  // done at once.
  throwIfAborted(options.signal);
  const bodies = await Promise.all(
    sorted.map(
      async (entry): Promise<{ body: Uint8Array; size: number; crc: number; method: number }> => {
        if ('data' in entry && !entry.compress) {
          const { data } = entry;
          report(data.length);
          return { body: data, size: data.length, crc: crc32(data) >>> 0, method: 0 };
        }
        const { deflated, size, crc } = 'data' in entry ? await deflateWhole(entry.data) : entry;
        report(size);
        return { body: deflated, size, crc, method: 8 };
      },
    ),
  );
  throwIfAborted(options.signal);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [index, entry] of sorted.entries()) {
    const name = new TextEncoder().encode(entry.name);
    const { body, size, crc, method } = bodies[index]!;
    if (size >= 0xffffffff || body.length >= 0xffffffff || offset >= 0xffffffff) {
      throw new BundleError('BUNDLE_INPUT_INVALID', 'Isi paket melebihi 4 GiB.');
    }
    const local = new Uint8Array(LOCAL_HEADER + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_SIG, true);
    lv.setUint16(4, VERSION, true);
    lv.setUint16(6, 0, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, LOCAL_HEADER);
    const central = new Uint8Array(CENTRAL_HEADER + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_SIG, true);
    cv.setUint16(4, VERSION, true); // made by: MS-DOS, 2.0
    cv.setUint16(6, VERSION, true);
    cv.setUint16(8, 0, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    // extra length, comment length, disk, internal and external attributes: all 0
    cv.setUint32(42, offset, true);
    central.set(name, CENTRAL_HEADER);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(END_RECORD);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_SIG, true);
  ev.setUint16(8, sorted.length, true);
  ev.setUint16(10, sorted.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(offset + centralSize + END_RECORD);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface CentralRecord {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Read a zip written by {@link writeZip}, strictly. Returns the entries in stored (sorted)
 * order. Throws `BundleError` (never anything else) on any deviation.
 */
export function readZipStrict(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipReadEntry[] {
  try {
    return readZip(bytes, limits);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('BUNDLE_ZIP_INVALID');
  }
}

function readZip(bytes: Uint8Array, limits: ZipLimits): ZipReadEntry[] {
  const invalid = (hint: string) => new BundleError('BUNDLE_ZIP_INVALID', hint);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < END_RECORD) throw invalid('Arsip terlalu pendek.');
  const endAt = bytes.length - END_RECORD;
  if (view.getUint32(endAt, true) !== END_SIG) throw invalid('Akhir arsip tidak ditemukan.');
  const diskNumber = view.getUint16(endAt + 4, true);
  const centralDisk = view.getUint16(endAt + 6, true);
  const entriesOnDisk = view.getUint16(endAt + 8, true);
  const count = view.getUint16(endAt + 10, true);
  const centralSize = view.getUint32(endAt + 12, true);
  const centralOffset = view.getUint32(endAt + 16, true);
  const commentLength = view.getUint16(endAt + 20, true);
  if (diskNumber !== 0 || centralDisk !== 0 || entriesOnDisk !== count || commentLength !== 0) {
    throw invalid('Akhir arsip tidak baku.');
  }
  if (count > limits.maxEntries) {
    throw new BundleError('BUNDLE_ZIP_LIMIT', `Lebih dari ${limits.maxEntries} berkas.`, {
      entries: count,
    });
  }
  if (centralOffset + centralSize !== endAt) throw invalid('Direktori arsip tidak baku.');

  // Central directory
  const records: CentralRecord[] = [];
  let at = centralOffset;
  let totalSize = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER > endAt || view.getUint32(at, true) !== CENTRAL_SIG) {
      throw invalid('Direktori arsip rusak.');
    }
    const madeBy = view.getUint16(at + 4, true);
    const needed = view.getUint16(at + 6, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const fileCommentLength = view.getUint16(at + 32, true);
    const disk = view.getUint16(at + 34, true);
    const internal = view.getUint16(at + 36, true);
    const external = view.getUint32(at + 38, true);
    const offset = view.getUint32(at + 42, true);
    if (
      madeBy !== VERSION ||
      needed !== VERSION ||
      flags !== 0 ||
      (method !== 0 && method !== 8) ||
      time !== DOS_TIME ||
      date !== DOS_DATE ||
      extraLength !== 0 ||
      fileCommentLength !== 0 ||
      disk !== 0 ||
      internal !== 0 ||
      external !== 0 ||
      nameLength === 0 ||
      nameLength > MAX_NAME ||
      (method === 0 && compressedSize !== size)
    ) {
      throw invalid('Entri direktori arsip tidak baku.');
    }
    if (at + CENTRAL_HEADER + nameLength > endAt) throw invalid('Direktori arsip rusak.');
    const nameBytes = bytes.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength);
    const name = String.fromCharCode(...nameBytes);
    checkName(name);
    if (size > limits.maxEntryBytes) {
      throw new BundleError('BUNDLE_ZIP_LIMIT', `${name} terlalu besar.`, { name, size });
    }
    totalSize += size;
    if (totalSize > limits.maxTotalBytes) {
      throw new BundleError('BUNDLE_ZIP_LIMIT', 'Total isi terlalu besar.', { totalSize });
    }
    records.push({ name, method, crc, compressedSize, size, offset });
    at += CENTRAL_HEADER + nameLength;
  }
  if (at !== endAt) throw invalid('Direktori arsip tidak baku.');

  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.name)) {
      throw new BundleError('BUNDLE_DUPLICATE_ENTRY', record.name, { name: record.name });
    }
    seen.add(record.name);
  }
  for (let i = 1; i < records.length; i++) {
    if (compareNames(records[i - 1]!.name, records[i]!.name) >= 0) {
      throw invalid('Urutan berkas dalam arsip tidak baku.');
    }
  }

  // Local headers and data: back to back from offset 0 up to the central directory.
  const entries: ZipReadEntry[] = [];
  let expectedOffset = 0;
  for (const record of records) {
    const p = record.offset;
    if (p !== expectedOffset || p + LOCAL_HEADER > centralOffset) {
      throw invalid('Letak berkas dalam arsip tidak baku.');
    }
    const nameLength = record.name.length;
    if (
      view.getUint32(p, true) !== LOCAL_SIG ||
      view.getUint16(p + 4, true) !== VERSION ||
      view.getUint16(p + 6, true) !== 0 ||
      view.getUint16(p + 8, true) !== record.method ||
      view.getUint16(p + 10, true) !== DOS_TIME ||
      view.getUint16(p + 12, true) !== DOS_DATE ||
      view.getUint32(p + 14, true) !== record.crc ||
      view.getUint32(p + 18, true) !== record.compressedSize ||
      view.getUint32(p + 22, true) !== record.size ||
      view.getUint16(p + 26, true) !== nameLength ||
      view.getUint16(p + 28, true) !== 0
    ) {
      throw invalid('Kepala berkas dalam arsip tidak cocok dengan direktori.');
    }
    const nameStart = p + LOCAL_HEADER;
    const dataStart = nameStart + nameLength;
    const dataEnd = dataStart + record.compressedSize;
    if (dataEnd > centralOffset) throw invalid('Berkas dalam arsip terpotong.');
    if (String.fromCharCode(...bytes.subarray(nameStart, dataStart)) !== record.name) {
      throw invalid('Nama berkas tidak cocok dengan direktori.');
    }
    const raw = bytes.subarray(dataStart, dataEnd);
    const data = record.method === 0 ? raw.slice() : inflateExact(raw, record);
    if (crc32(data) >>> 0 !== record.crc) {
      throw invalid(`CRC ${record.name} tidak cocok.`);
    }
    entries.push({ name: record.name, data, deflated: record.method === 0 ? null : raw });
    expectedOffset = dataEnd;
  }
  if (expectedOffset !== centralOffset) throw invalid('Ada data tak dikenal dalam arsip.');
  return entries;
}

/**
 * Inflate exactly `record.size` bytes, consuming exactly all of `raw`. The entry is inflated into
 * one buffer of its declared size and a byte more (zlib's default 16 KiB pieces, copied together
 * afterwards, cost a bundle import about as much again as inflating). An entry that comes out
 * longer than declared is inflated again in those pieces: that decides, as it always did,
 * between longer than declared (`BUNDLE_ZIP_LIMIT`) and damaged within the next piece
 * (`BUNDLE_ZIP_INVALID`).
 */
function inflateExact(raw: Uint8Array, record: CentralRecord): Uint8Array {
  let result: InflateResult;
  try {
    result = inflateCapped(raw, record, Math.max(zlibConstants.Z_MIN_CHUNK, record.size + 1));
  } catch (error) {
    if (!(error instanceof BundleError) || error.code !== 'BUNDLE_ZIP_LIMIT') throw error;
    result = inflateCapped(raw, record, zlibConstants.Z_DEFAULT_CHUNK);
  }
  if (result.buffer.length !== record.size || result.engine.bytesWritten !== raw.length) {
    throw new BundleError('BUNDLE_ZIP_INVALID', `${record.name} tidak cocok dengan ukurannya.`);
  }
  return new Uint8Array(result.buffer.buffer, result.buffer.byteOffset, result.buffer.length);
}

interface InflateResult {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

/** Inflate at most `record.size` bytes, in output pieces of `chunkSize` bytes. */
function inflateCapped(raw: Uint8Array, record: CentralRecord, chunkSize: number): InflateResult {
  try {
    return inflateRawSync(raw, {
      maxOutputLength: Math.max(1, record.size),
      chunkSize,
      info: true,
    }) as unknown as InflateResult;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BundleError(
        'BUNDLE_ZIP_LIMIT',
        `${record.name} lebih besar dari yang dinyatakan.`,
        {
          name: record.name,
        },
      );
    }
    throw new BundleError('BUNDLE_ZIP_INVALID', `${record.name} tidak dapat dibuka.`);
  }
}
