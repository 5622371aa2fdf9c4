import { isUtf8 } from 'node:buffer';
import { decryptBundle, inspectAgeHeader, type BundleKey } from './crypt';
import { decodeUtf8, sha256Hex } from './encoding';
import { BundleError, throwIfAborted } from './errors';
import { keyFingerprint } from './keys';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_PATH,
  MAX_MANIFEST_BYTES,
  MAX_SIGNATURE_BYTES,
  ManifestSchema,
  RECORDS_PATH_RE,
  REPORT_JSON_PATH,
  REPORT_XLSX_PATH,
  SIGNATURE_PATH,
  trustedCommentFor,
  untrustedCommentFor,
  type BundleManifest,
} from './manifest';
import {
  encodeMinisignPublicKey,
  minisignKeyId,
  parseMinisignPublicKey,
  parseMinisignSignature,
  verifyMinisign,
  type MinisignPublicKey,
  type MinisignSignature,
} from './minisign';
import {
  DEFAULT_ZIP_LIMITS,
  deflateWhole,
  readZipStrict,
  type ZipReadEntry,
  type ZipLimits,
} from './zip';

/**
 * The puskesmas keys Dinkes trusts: a lookup from key id (16 upper-case hex digits, as
 * minisign prints it) to the `RW…` public key, a Map of the same, or a list of `RW…` keys.
 */
export type TrustedSigners =
  ((keyId: string) => string | null | undefined) | ReadonlyMap<string, string> | readonly string[];

export interface BundleLimits extends ZipLimits {
  /** Largest `.siklus` file accepted (bytes). */
  maxBundleBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxBundleBytes: 512 * 1024 * 1024,
};

export type OpenStage = 'decrypt' | 'unzip' | 'verify';

export interface BundleCheck {
  /** Stable id: `decrypt`, `zip`, `format`, `signature`, `manifest`, `files`, `file`, `records`, `report`. */
  id: string;
  /** What was checked, in Indonesian. */
  label: string;
}

export interface VerifyOptions {
  trustedSigners: TrustedSigners;
  limits?: Partial<BundleLimits>;
  /** Called after each check passes, in order (the CLI prints them). */
  onCheck?: (check: BundleCheck) => void;
  onProgress?: (progress: { stage: OpenStage; done: number; total: number }) => void;
  signal?: AbortSignal;
}

export type OpenOptions = VerifyOptions & BundleKey;

export interface BundleRow {
  id: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
  [column: string]: unknown;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  signer: { keyId: string; publicKey: string; fingerprint: string; trustedComment: string };
  /** Rows per table, in file order (sorted by id). */
  tables: Record<string, BundleRow[]>;
  /** Each table's records file exactly as signed, as its rows' lines are kept (Dinkes). */
  recordFiles: Record<string, RecordFile>;
  report: { json: unknown; xlsx: Uint8Array };
  /** Every check that passed, in order. */
  checks: BundleCheck[];
  /** SHA-256 (hex) of the inner zip. */
  zipSha256: string;
}

/**
 * What a Dinkes import keeps of a table's rows: which record, and which copy of it, one array
 * per field in file order. Column by column because the keys pass from the verify worker to
 * the main thread: an object per row cost both threads about three times as much to copy
 * (some 75 ms for a bundle's 43,000 rows, against 25).
 */
export interface RecordKeys {
  id: string[];
  version: number[];
  updated_at: string[];
  deleted_at: (string | null)[];
}

/** An opened bundle with only its rows' keys: what an import writes, cheap to pass on. */
export interface KeyedBundle extends Omit<OpenedBundle, 'tables'> {
  tables: Record<string, RecordKeys>;
}

/** What the verification keeps of a records file's rows, each checked before it is added. */
interface RowSink<T> {
  add(row: BundleRow): void;
  readonly kept: T;
}

function wholeRows(): RowSink<BundleRow[]> {
  const kept: BundleRow[] = [];
  return { kept, add: (row) => kept.push(row) };
}

function rowKeys(): RowSink<RecordKeys> {
  const kept: RecordKeys = { id: [], version: [], updated_at: [], deleted_at: [] };
  return {
    kept,
    add(row) {
      kept.id.push(row.id);
      kept.version.push(row.version);
      kept.updated_at.push(row.updated_at);
      kept.deleted_at.push(row.deleted_at);
    },
  };
}

/**
 * A table's NDJSON records file: its raw deflate stream (the one in the zip, or made here when
 * the zip stored the file), its uncompressed size and SHA-256 (hex) as signed in the manifest.
 */
export interface RecordFile {
  deflated: Uint8Array;
  size: number;
  sha256: string;
}

function limitsOf(partial: Partial<BundleLimits> | undefined): BundleLimits {
  return { ...DEFAULT_BUNDLE_LIMITS, ...partial };
}

/** Resolve the trusted `RW…` key for `keyId`, or null when the signer is unknown. */
export function lookupTrustedSigner(
  trusted: TrustedSigners,
  keyId: string,
): MinisignPublicKey | null {
  let text: string | null | undefined;
  if (typeof trusted === 'function') text = trusted(keyId);
  else if (trusted instanceof Map) text = trusted.get(keyId);
  else {
    for (const candidate of trusted as readonly string[]) {
      try {
        const key = parseMinisignPublicKey(candidate);
        if (minisignKeyId(key.keyNum) === keyId) return key;
      } catch {
        // an invalid entry in the list cannot match
      }
    }
    return null;
  }
  if (text === null || text === undefined) return null;
  return parseMinisignPublicKey(text);
}

function manifestInvalid(hint: string, details: Record<string, unknown> = {}): BundleError {
  return new BundleError('BUNDLE_MANIFEST_INVALID', hint, details);
}

function parseManifestJson(bytes: Uint8Array): unknown {
  if (bytes.length > MAX_MANIFEST_BYTES) throw manifestInvalid('manifest.json terlalu besar.');
  const text = decodeUtf8(bytes);
  if (text === null) throw manifestInvalid('manifest.json bukan UTF-8.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw manifestInvalid('manifest.json bukan JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw manifestInvalid('manifest.json harus objek.');
  }
  const record = value as Record<string, unknown>;
  if (record.format !== FORMAT_NAME) throw manifestInvalid('Bukan manifest paket Siklus.');
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < FORMAT_VERSION) {
    throw manifestInvalid('formatVersion tidak sah.');
  }
  // Decided before the signature is checked: a newer format may sign differently. A damaged
  // manifest could claim a newer version; the message only asks for an update, never trusts it.
  if (version !== FORMAT_VERSION) {
    throw new BundleError(
      'BUNDLE_FORMAT_UNSUPPORTED',
      `Versi format ${JSON.stringify(record.formatVersion)}; aplikasi ini membaca versi ${FORMAT_VERSION}.`,
      { formatVersion: record.formatVersion },
    );
  }
  return value;
}

function validateManifest(value: unknown): BundleManifest {
  const parsed = ManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw manifestInvalid(`${issue.path.join('.') || 'manifest'}: ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

function parseSignature(bytes: Uint8Array): MinisignSignature {
  const text = bytes.length <= MAX_SIGNATURE_BYTES ? decodeUtf8(bytes) : null;
  if (text === null) {
    throw new BundleError('BUNDLE_SIGNATURE_INVALID', 'Berkas tanda tangan tidak baku.');
  }
  return parseMinisignSignature(text);
}

function signatureInvalid(hint?: string): BundleError {
  return new BundleError('BUNDLE_SIGNATURE_INVALID', hint);
}

interface SignerResult {
  manifest: BundleManifest;
  key: MinisignPublicKey;
  keyId: string;
}

/**
 * Authenticate manifest.json: with a trusted key, the signature is checked before the manifest
 * is validated; with an unknown key, the manifest's own key is checked and then
 * `BUNDLE_UNKNOWN_SIGNER` is thrown with that key for the officer to confirm.
 */
function authenticate(
  manifestBytes: Uint8Array,
  manifestValue: unknown,
  signature: MinisignSignature,
  trusted: TrustedSigners,
): SignerResult {
  const keyId = minisignKeyId(signature.keyNum);
  let trustedKey: MinisignPublicKey | null;
  try {
    trustedKey = lookupTrustedSigner(trusted, keyId);
  } catch {
    throw new BundleError('SIGNER_INVALID', `Kunci terdaftar untuk ${keyId} tidak sah.`);
  }
  if (trustedKey) {
    if (!verifyMinisign(manifestBytes, signature, trustedKey)) throw signatureInvalid();
    const manifest = validateManifest(manifestValue);
    if (
      manifest.signer.keyId !== keyId ||
      manifest.signer.publicKey !== encodeMinisignPublicKey(trustedKey)
    ) {
      throw signatureInvalid('Kunci penanda tangan di manifest berbeda dengan kunci terdaftar.');
    }
    return { manifest, key: trustedKey, keyId };
  }
  const manifest = validateManifest(manifestValue);
  let embedded: MinisignPublicKey;
  try {
    embedded = parseMinisignPublicKey(manifest.signer.publicKey);
  } catch {
    throw manifestInvalid('signer.publicKey tidak sah.');
  }
  if (manifest.signer.keyId !== keyId || minisignKeyId(embedded.keyNum) !== keyId) {
    throw signatureInvalid('Nomor kunci tanda tangan berbeda dengan manifest.');
  }
  if (!verifyMinisign(manifestBytes, signature, embedded)) throw signatureInvalid();
  if (signature.trustedComment !== trustedCommentFor(manifest)) {
    throw signatureInvalid('Komentar tepercaya tidak cocok dengan manifest.');
  }
  const publicKey = encodeMinisignPublicKey(embedded);
  throw new BundleError('BUNDLE_UNKNOWN_SIGNER', `Nomor kunci ${keyId}.`, {
    keyId,
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    facility: { kode: manifest.facility.kode, name: manifest.facility.name },
    period: manifest.period,
    revision: manifest.revision,
  });
}

const NEWLINE = 0x0a;

function parseRecords<T>(path: string, data: Uint8Array, expected: number, sink: RowSink<T>): T {
  const invalid = (hint: string) =>
    new BundleError('BUNDLE_RECORDS_INVALID', `${path}: ${hint}`, { path });
  // Checked whole, then each line decoded on its own: the file is never held as one string
  // (46 MB in a bench bundle, which the verify worker's heap kept until a full collection).
  if (!isUtf8(data)) throw invalid('bukan UTF-8.');
  if (data.length > 0 && data[data.length - 1] !== NEWLINE) {
    throw invalid('baris terakhir tidak diakhiri baris baru.');
  }
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const ends: number[] = [];
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) {
    ends.push(at);
  }
  if (ends.length !== expected) {
    throw new BundleError(
      'BUNDLE_RECORD_COUNT_MISMATCH',
      `${path}: ${ends.length} baris, manifest menyebut ${expected}.`,
      { path, actual: ends.length, expected },
    );
  }
  const ids = new Set<string>();
  ends.forEach((end, i) => {
    const line = bytes.toString('utf8', i === 0 ? 0 : ends[i - 1]! + 1, end);
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw invalid(`baris ${i + 1} bukan JSON.`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalid(`baris ${i + 1} bukan objek.`);
    }
    const r = row as Record<string, unknown>;
    if (
      typeof r.id !== 'string' ||
      r.id === '' ||
      typeof r.updated_at !== 'string' ||
      (r.deleted_at !== null && typeof r.deleted_at !== 'string') ||
      typeof r.version !== 'number' ||
      !Number.isSafeInteger(r.version)
    ) {
      throw invalid(`baris ${i + 1} tanpa id/updated_at/deleted_at/version yang sah.`);
    }
    if (ids.has(r.id)) throw invalid(`id ganda ${r.id}.`);
    ids.add(r.id);
    sink.add(r as BundleRow);
  });
  return sink.kept;
}

/**
 * Verify a decrypted inner zip: strict unzip, format version, minisign signature of
 * manifest.json, manifest schema, the exact file list, every file's size and SHA-256, record
 * counts, the report. Returns everything or throws one `BundleError`.
 */
export async function verifyBundleZip(
  zip: Uint8Array,
  options: VerifyOptions,
): Promise<OpenedBundle> {
  try {
    return await verifyZip(zip, options, wholeRows);
  } catch (error) {
    throw asBundleError(error);
  }
}

/**
 * {@link verifyBundleZip} keeping only each row's key (every row is checked all the same): what
 * an import writes, without holding a bundle's rows whole.
 */
export async function verifyBundleZipKeys(
  zip: Uint8Array,
  options: VerifyOptions,
): Promise<KeyedBundle> {
  try {
    return await verifyZip(zip, options, rowKeys);
  } catch (error) {
    throw asBundleError(error);
  }
}

async function verifyZip<T>(
  zip: Uint8Array,
  options: VerifyOptions,
  sink: () => RowSink<T>,
): Promise<Omit<OpenedBundle, 'tables'> & { tables: Record<string, T> }> {
  const limits = limitsOf(options.limits);
  const checks: BundleCheck[] = [];
  const pass = (id: string, label: string) => {
    const check = { id, label };
    checks.push(check);
    options.onCheck?.(check);
  };
  options.onProgress?.({ stage: 'unzip', done: 0, total: zip.length });
  const entries = readZipStrict(zip, limits);
  options.onProgress?.({ stage: 'unzip', done: zip.length, total: zip.length });
  pass('zip', `Arsip di dalam paket baku dan dalam batas aman (${entries.length} berkas)`);
  throwIfAborted(options.signal);

  const byName = new Map<string, ZipReadEntry>(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry)
    throw new BundleError('BUNDLE_MISSING_FILE', MANIFEST_PATH, { path: MANIFEST_PATH });
  const manifestValue = parseManifestJson(manifestEntry.data);
  pass('format', `Format paket ${FORMAT_NAME} versi ${FORMAT_VERSION}`);

  const signatureEntry = byName.get(SIGNATURE_PATH);
  if (!signatureEntry) {
    throw new BundleError('BUNDLE_MISSING_FILE', `${SIGNATURE_PATH} (tanda tangan)`, {
      path: SIGNATURE_PATH,
    });
  }
  const signature = parseSignature(signatureEntry.data);
  const { manifest, key, keyId } = authenticate(
    manifestEntry.data,
    manifestValue,
    signature,
    options.trustedSigners,
  );
  if (signature.untrustedComment !== untrustedCommentFor(keyId)) {
    throw signatureInvalid('Komentar tak tepercaya tidak baku.');
  }
  if (signature.trustedComment !== trustedCommentFor(manifest)) {
    throw signatureInvalid('Komentar tepercaya tidak cocok dengan manifest.');
  }
  const publicKey = encodeMinisignPublicKey(key);
  const fingerprint = keyFingerprint(publicKey);
  pass(
    'signature',
    `Tanda tangan minisign manifest.json sah: kunci ${keyId} (sidik jari ${fingerprint}) terdaftar`,
  );
  pass('manifest', 'manifest.json sah (skema versi 1)');

  // Exactly the listed files, no more, no fewer.
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const entry of entries) {
    if (entry.name === MANIFEST_PATH || entry.name === SIGNATURE_PATH) continue;
    if (!listed.has(entry.name)) {
      throw new BundleError('BUNDLE_UNKNOWN_FILE', `${entry.name} tidak tercantum di manifest.`, {
        path: entry.name,
      });
    }
  }
  for (const file of manifest.files) {
    if (!byName.has(file.path)) {
      throw new BundleError('BUNDLE_MISSING_FILE', file.path, { path: file.path });
    }
  }
  pass('files', `Daftar berkas sama persis dengan manifest (${manifest.files.length} berkas data)`);

  const tables: Record<string, T> = {};
  const recordFiles: Record<string, RecordFile> = {};
  let reportJson: unknown = null;
  let reportXlsx: Uint8Array | null = null;
  let verified = 0;
  for (const file of manifest.files) {
    throwIfAborted(options.signal);
    const entry = byName.get(file.path)!;
    const data = entry.data;
    if (data.length !== file.size || sha256Hex(data) !== file.sha256) {
      throw new BundleError('BUNDLE_HASH_MISMATCH', file.path, {
        path: file.path,
        expected: file.sha256,
        actual: sha256Hex(data),
      });
    }
    const records = RECORDS_PATH_RE.exec(file.path);
    if (records) {
      tables[records[1]!] = parseRecords(file.path, data, file.records!, sink());
      recordFiles[records[1]!] = {
        deflated: entry.deflated ?? (await deflateWhole(data)).deflated,
        size: file.size,
        sha256: file.sha256,
      };
      pass('file', `SHA-256 cocok dan ${file.records} baris terbaca: ${file.path}`);
    } else if (file.path === REPORT_JSON_PATH) {
      const text = decodeUtf8(data);
      try {
        if (text === null) throw new Error('utf-8');
        reportJson = JSON.parse(text);
      } catch {
        throw new BundleError('BUNDLE_REPORT_INVALID', `${file.path} bukan JSON.`, {
          path: file.path,
        });
      }
      pass('file', `SHA-256 cocok dan JSON terbaca: ${file.path}`);
    } else if (file.path === REPORT_XLSX_PATH) {
      reportXlsx = data;
      pass('file', `SHA-256 cocok: ${file.path}`);
    }
    verified += data.length;
    options.onProgress?.({ stage: 'verify', done: verified, total: zip.length });
  }
  if (reportXlsx === null) throw new BundleError('BUNDLE_MISSING_FILE', REPORT_XLSX_PATH);
  return {
    manifest,
    signer: { keyId, publicKey, fingerprint, trustedComment: signature.trustedComment },
    tables,
    recordFiles,
    report: { json: reportJson, xlsx: reportXlsx },
    checks,
    zipSha256: sha256Hex(zip),
  };
}

function asBundleError(error: unknown): BundleError {
  if (error instanceof BundleError) return error;
  return new BundleError('BUNDLE_INTERNAL', undefined, {
    cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
}

/**
 * Open a `.siklus` bundle: decrypt (age), unzip strictly, verify the signature and every file.
 * Resolves with the complete verified contents, or rejects with exactly one `BundleError`;
 * never anything partial.
 */
export function openBundle(bytes: Uint8Array, options: OpenOptions): Promise<OpenedBundle> {
  return openBundleWith(bytes, options, (zip) => verifyZip(zip, options, wholeRows));
}

/**
 * Open a bundle as {@link openBundle} does, the inner zip verified by `verify` (in place, or on
 * a worker thread): the size limit, age decryption with the Dinkes identity or the passphrase,
 * then `verify`, whose checks follow the decryption's. Rejects with exactly one `BundleError`.
 */
export async function openBundleWith<T extends { checks: BundleCheck[] }>(
  bytes: Uint8Array,
  options: OpenOptions,
  verify: (zip: Uint8Array) => Promise<T>,
): Promise<T> {
  try {
    const limits = limitsOf(options.limits);
    if (bytes.length > limits.maxBundleBytes) {
      throw new BundleError('BUNDLE_TOO_LARGE', undefined, { size: bytes.length });
    }
    const header = inspectAgeHeader(bytes);
    const key: BundleKey =
      options.passphrase !== undefined
        ? { passphrase: options.passphrase }
        : { identity: options.identity ?? [] };
    const zip = await decryptBundle(bytes, key, {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.({ stage: 'decrypt', done, total }),
    });
    const check = {
      id: 'decrypt',
      label:
        header.mode === 'passphrase'
          ? 'Berkas age terbuka dengan kata sandi (isi utuh, terautentikasi)'
          : `Berkas age terbuka dengan kunci Dinkes (${header.stanzas.length} penerima; isi utuh, terautentikasi)`,
    };
    options.onCheck?.(check);
    throwIfAborted(options.signal);
    const opened = await verify(zip);
    return { ...opened, checks: [check, ...opened.checks] };
  } catch (error) {
    throw asBundleError(error);
  }
}
