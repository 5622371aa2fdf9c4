import { createHash } from 'node:crypto';
import { encryptBundle, type BundleLock } from './crypt';
import { canonicalJson, canonicalRowWriter, sha256Hex } from './encoding';
import { BundleError, throwIfAborted } from './errors';
import { bundleFileName } from './naming';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_PATH,
  ManifestSchema,
  REPORT_JSON_PATH,
  REPORT_XLSX_PATH,
  SIGNATURE_PATH,
  TABLE_NAME_RE,
  serializeManifest,
  trustedCommentFor,
  untrustedCommentFor,
  type BundleManifest,
  type ManifestFile,
} from './manifest';
import {
  encodeMinisignPublicKey,
  minisignKeyId,
  signMinisign,
  type MinisignSecretKey,
} from './minisign';
import {
  deflateWhole,
  entryDeflater,
  writeZip,
  type DeflatedEntry,
  type ZipWriteEntry,
} from './zip';

/** Where long work is; `done`/`total` are rows or bytes of the current stage. */
export type PackStage = 'serialize' | 'sign' | 'zip' | 'encrypt';
export interface PackProgress {
  stage: PackStage;
  done: number;
  total: number;
}

export interface PackOptions {
  onProgress?: (progress: PackProgress) => void;
  signal?: AbortSignal;
}

export interface PackInput {
  facility: { kode: string; name: string; codes?: Record<string, string> };
  /** `YYYY-MM` */
  period: string;
  /** 1 for the first bundle of the period, then 2, 3… */
  revision: number;
  /** SHA-256 (hex) of the previous `.siklus` file of this facility, or null for the first. */
  previousHash: string | null;
  appVersion: string;
  schemaVersion: number;
  /** ISO 8601 local time with offset, e.g. `2026-10-01T08:15:00+07:00`. */
  createdAt: string;
  /**
   * Rows per table: objects, or columns and value arrays (as SQLite's raw mode gives them). Every
   * row has `id`, `updated_at`, `deleted_at`, `version`.
   */
  tables: Readonly<Record<string, PackTable>>;
  /**
   * The month's indicator report and workbook. May still be in the making: it is awaited only
   * once the tables are serialised.
   */
  report: BundleReport | Promise<BundleReport>;
  /**
   * The puskesmas signing key. May still be unlocking: it is awaited only once the tables are
   * serialised (before the report), for the manifest's signer and the signature.
   */
  signingKey: MinisignSecretKey | Promise<MinisignSecretKey>;
  /** Dinkes `age1…` keys (main and backup), or… */
  recipients?: readonly string[];
  /** …a passphrase, for a puskesmas without a Dinkes key yet. */
  passphrase?: string;
  /** scrypt log2(N) for passphrase mode (default 18). */
  scryptWorkFactor?: number;
}

/**
 * A table's rows as columns and one array of values per row: all at hand, in any order (`rows`),
 * or read as they are written (`inIdOrder`, `count` of them), so that only a piece of the table
 * is held at a time. Rows read as they are written must come in `id` order (`ORDER BY id`):
 * checked, as is their count.
 */
export type TableRows = { columns: readonly string[] } & (
  | { rows: readonly (readonly unknown[])[] }
  | { inIdOrder: Iterable<readonly unknown[]>; count: number }
);

export type PackTable = readonly object[] | TableRows;

export interface BundleReport {
  json: unknown;
  xlsx: Uint8Array;
}

/** A data file as it goes into the zip: deflated already, or stored as it is (the workbook). */
export type BundleFile = { path: string } & (DeflatedEntry | { data: Uint8Array });

export interface SerializedBundle {
  manifest: BundleManifest;
  manifestBytes: Uint8Array;
  /** Data files (records and report), sorted by path, without manifest and signature. */
  files: BundleFile[];
}

export interface PackedBundle {
  /** `<kode>_<YYYY-MM>_r<revision>.siklus` */
  fileName: string;
  /** The `.siklus` file (age). */
  bytes: Uint8Array;
  manifest: BundleManifest;
  /** SHA-256 (hex) of `bytes`: the next bundle's `previousHash`. */
  sha256: string;
  /** SHA-256 (hex) of the inner zip (deterministic for the same content). */
  zipSha256: string;
}

const PROGRESS_EVERY_ROWS = 5000;
/** Serialised NDJSON is hashed and handed to zlib in pieces of about this many characters. */
const PIECE_CHARS = 256 * 1024;

function inputError(hint: string, details: Record<string, unknown> = {}): BundleError {
  return new BundleError('BUNDLE_INPUT_INVALID', hint, details);
}

/** What every row carries, whatever its form: checked before the row is written. */
function checkRow(
  where: string,
  table: string,
  index: number,
  get: (column: 'id' | 'updated_at' | 'deleted_at' | 'version') => unknown,
): string {
  const id = get('id');
  if (typeof id !== 'string' || id === '') {
    throw inputError(`${where}: id wajib (teks).`, { table, index });
  }
  const updatedAt = get('updated_at');
  if (typeof updatedAt !== 'string' || updatedAt === '') {
    throw inputError(`${where}: updated_at wajib.`, { table, index });
  }
  const deletedAt = get('deleted_at');
  if (deletedAt !== null && typeof deletedAt !== 'string') {
    throw inputError(`${where}: deleted_at harus teks atau null.`, { table, index });
  }
  const version = get('version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw inputError(`${where}: version harus bilangan bulat.`, { table, index });
  }
  return id;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A table's rows, each written as one canonical JSON line. */
interface RowLines {
  count: number;
  /**
   * The rows' ids and lines, in id order: the caller refuses a duplicate or a row out of order
   * (rows read as they are written come in the order they were given).
   */
  inOrder(): Iterable<{ id: string; line: () => string }>;
}

function objectLines(table: string, rows: readonly object[]): RowLines {
  return {
    count: rows.length,
    inOrder: () =>
      rows
        .map((row, index) => {
          const where = `${table}[${index}]`;
          if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            throw inputError(`${where}: baris harus objek.`, { table, index });
          }
          const r = row as Record<string, unknown>;
          const id = checkRow(where, table, index, (c) => r[c]);
          return { id, line: () => canonicalJson(row) };
        })
        .sort(byId),
  };
}

/** Rows as SQLite gives them in raw mode: columns and one array of values per row. */
function columnLines(table: string, input: TableRows): RowLines {
  const { columns } = input;
  const at = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw inputError(`${table}: kolom ${name} wajib.`, { table });
    return i;
  };
  const index = {
    id: at('id'),
    updated_at: at('updated_at'),
    deleted_at: at('deleted_at'),
    version: at('version'),
  };
  if (new Set(columns).size !== columns.length) {
    throw inputError(`${table}: kolom ganda.`, { table });
  }
  const write = canonicalRowWriter(columns);
  const lineOf = (values: readonly unknown[], i: number) => {
    if (!Array.isArray(values) || values.length !== columns.length) {
      throw inputError(`${table}[${i}]: jumlah nilai tidak sama dengan kolom.`, {
        table,
        index: i,
      });
    }
    const id = checkRow(`${table}[${i}]`, table, i, (c) => values[index[c]]);
    return { id, line: () => write(values) };
  };
  if ('rows' in input) {
    const { rows } = input;
    if (!Array.isArray(rows)) throw inputError(`${table}: harus daftar baris.`);
    return { count: rows.length, inOrder: () => rows.map(lineOf).sort(byId) };
  }
  const { inIdOrder } = input;
  if (typeof inIdOrder?.[Symbol.iterator] !== 'function' || !Number.isSafeInteger(input.count)) {
    throw inputError(`${table}: harus daftar baris.`);
  }
  return {
    count: input.count,
    *inOrder() {
      let i = 0;
      for (const values of inIdOrder) yield lineOf(values, i++);
    },
  };
}

function rowLinesOf(table: string, rows: PackTable): RowLines {
  if (Array.isArray(rows)) return objectLines(table, rows as readonly object[]);
  if (typeof rows === 'object' && rows !== null && Array.isArray((rows as TableRows).columns)) {
    return columnLines(table, rows as TableRows);
  }
  throw inputError(`${table}: harus daftar baris.`);
}

/**
 * One table as NDJSON: rows sorted by `id`, each as canonical JSON (sorted keys) on one line,
 * every line ending in `\n`. Written in pieces: each is hashed and handed to zlib, so only the
 * table's deflate stream is kept.
 */
async function serializeTable(
  table: string,
  rows: RowLines,
  options: PackOptions,
  progress: { done: number; total: number },
): Promise<{ entry: ManifestFile; body: Promise<DeflatedEntry> }> {
  const hash = createHash('sha256');
  const deflater = entryDeflater();
  let piece = '';
  let size = 0;
  const flush = () => {
    const bytes = Buffer.from(piece, 'utf8');
    piece = '';
    size += bytes.length;
    hash.update(bytes);
    deflater.write(bytes);
  };
  let previous: string | null = null;
  let records = 0;
  try {
    for (const { id, line } of rows.inOrder()) {
      if (previous !== null && id <= previous) {
        throw id === previous
          ? inputError(`${table}: id ganda ${id}.`, { table, id })
          : inputError(`${table}: baris tidak urut id (${id} sesudah ${previous}).`, { table, id });
      }
      previous = id;
      records++;
      try {
        piece += `${line()}\n`;
      } catch (error) {
        throw inputError(`${table} id ${id}: ${(error as Error).message}`, { table });
      }
      progress.done++;
      if (progress.done % PROGRESS_EVERY_ROWS === 0) {
        options.onProgress?.({ stage: 'serialize', ...progress });
      }
      if (piece.length >= PIECE_CHARS) {
        flush();
        // zlib takes the next piece only when this thread lets its callback run: a turn per piece
        // keeps it deflating on the thread pool while the next piece is written.
        await deflater.drained();
        await new Promise((resolve) => setImmediate(resolve));
        throwIfAborted(options.signal);
      }
    }
    if (records !== rows.count) {
      throw inputError(`${table}: ${records} baris, bukan ${rows.count}.`, { table });
    }
  } catch (error) {
    deflater.discard();
    throw error;
  }
  flush();
  // Not awaited here: the next table is written while zlib finishes this one.
  const body = deflater.end();
  body.catch(() => undefined); // awaited with the others once every table is written
  const path = `records/${table}.ndjson`;
  return { entry: { path, size, sha256: hash.digest('hex'), records }, body };
}

/**
 * The report and the key may still be on their way: they are awaited once the tables are
 * written. A packing that stops before (a refused row, a cancel) never awaits them, and then
 * their failure is moot, not an unhandled rejection.
 */
function awaitedLater(input: PackInput): void {
  for (const later of [input.report, input.signingKey]) {
    if (later instanceof Promise) later.catch(() => undefined);
  }
}

/**
 * Stage 1: serialise the tables, then the report (the key and the report awaited only now), hash
 * them, build and validate the manifest.
 */
export async function serializeBundle(
  input: PackInput,
  options: PackOptions = {},
): Promise<SerializedBundle> {
  awaitedLater(input);
  throwIfAborted(options.signal);
  const tableNames = Object.keys(input.tables).sort();
  const tables = new Map<string, RowLines>();
  for (const table of tableNames) {
    if (!TABLE_NAME_RE.test(table)) throw inputError(`Nama tabel tidak sah: ${table}.`);
    tables.set(table, rowLinesOf(table, input.tables[table]!));
  }
  const progress = { done: 0, total: [...tables.values()].reduce((sum, t) => sum + t.count, 0) };
  options.onProgress?.({ stage: 'serialize', ...progress });

  const entries: ManifestFile[] = [];
  const bodies: Promise<BundleFile>[] = [];
  for (const [table, rows] of tables) {
    const { entry, body } = await serializeTable(table, rows, options, progress);
    entries.push(entry);
    bodies.push(body.then((deflated) => ({ path: entry.path, ...deflated })));
  }
  options.onProgress?.({ stage: 'serialize', ...progress });
  const signingKey = await input.signingKey;
  throwIfAborted(options.signal);
  const report = await input.report;
  throwIfAborted(options.signal);
  if (!(report?.xlsx instanceof Uint8Array)) throw inputError('report.xlsx wajib.');
  let reportJson: Uint8Array;
  try {
    reportJson = new TextEncoder().encode(`${canonicalJson(report.json)}\n`);
  } catch (error) {
    throw inputError(`report.json: ${(error as Error).message}`);
  }
  bodies.push(
    deflateWhole(reportJson).then((deflated) => ({ path: REPORT_JSON_PATH, ...deflated })),
  );
  entries.push({ path: REPORT_JSON_PATH, size: reportJson.length, sha256: sha256Hex(reportJson) });
  // The workbook is compressed already: stored as it is.
  bodies.push(Promise.resolve({ path: REPORT_XLSX_PATH, data: report.xlsx }));
  entries.push({
    path: REPORT_XLSX_PATH,
    size: report.xlsx.length,
    sha256: sha256Hex(report.xlsx),
  });
  const files = await Promise.all(bodies);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));

  const candidate = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    facility: {
      kode: input.facility.kode,
      name: input.facility.name,
      codes: { ...(input.facility.codes ?? {}) },
    },
    period: input.period,
    revision: input.revision,
    previousBundleSha256: input.previousHash,
    app: { name: 'Siklus', version: input.appVersion, schemaVersion: input.schemaVersion },
    createdAt: input.createdAt,
    signer: {
      keyId: minisignKeyId(signingKey.keyNum),
      publicKey: encodeMinisignPublicKey(signingKey),
    },
    files: entries,
  };
  const parsed = ManifestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw inputError(`${issue.path.join('.') || 'manifest'}: ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { manifest: parsed.data, manifestBytes: serializeManifest(parsed.data), files };
}

/** Stage 2: the minisign signature (`manifest.json.minisig` text) of the manifest bytes. */
export function signManifest(
  manifest: BundleManifest,
  manifestBytes: Uint8Array,
  signingKey: MinisignSecretKey,
): string {
  return signMinisign(
    manifestBytes,
    signingKey,
    trustedCommentFor(manifest),
    untrustedCommentFor(minisignKeyId(signingKey.keyNum)),
  );
}

/**
 * Stage 3: the deterministic inner zip: the manifest and its signature stored, then the data
 * files as serialised (NDJSON and JSON deflated, the xlsx stored).
 */
export async function zipBundle(
  serialized: SerializedBundle,
  signature: string,
  options: PackOptions = {},
): Promise<Uint8Array> {
  const entries: ZipWriteEntry[] = [
    { name: MANIFEST_PATH, data: serialized.manifestBytes, compress: false },
    { name: SIGNATURE_PATH, data: new TextEncoder().encode(signature), compress: false },
    ...serialized.files.map(({ path, ...body }) =>
      'data' in body ? { name: path, data: body.data, compress: false } : { name: path, ...body },
    ),
  ];
  return writeZip(entries, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.({ stage: 'zip', done, total }),
  });
}

/** Stage 4: age encryption to the Dinkes recipients or the passphrase. */
export async function encryptZip(
  zip: Uint8Array,
  input: Pick<PackInput, 'recipients' | 'passphrase' | 'scryptWorkFactor'>,
  options: PackOptions = {},
): Promise<Uint8Array> {
  const hasRecipients = input.recipients !== undefined && input.recipients.length > 0;
  const hasPassphrase = input.passphrase !== undefined;
  if (hasRecipients === hasPassphrase) {
    throw inputError('Pilih salah satu: kunci publik Dinkes atau kata sandi.');
  }
  const lock: BundleLock = hasPassphrase
    ? { passphrase: input.passphrase!, scryptWorkFactor: input.scryptWorkFactor }
    : { recipients: input.recipients! };
  return encryptBundle(zip, lock, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.({ stage: 'encrypt', done, total }),
  });
}

/**
 * Make a `.siklus` bundle: serialise → sign → zip → encrypt. Throws `BundleError`
 * (`BUNDLE_INPUT_INVALID`, `RECIPIENT_INVALID`, `KEY_PASSPHRASE_WEAK`, `BUNDLE_CANCELLED`).
 */
export async function packBundle(
  input: PackInput,
  options: PackOptions = {},
): Promise<PackedBundle> {
  awaitedLater(input);
  const hasRecipients = input.recipients !== undefined && input.recipients.length > 0;
  if (hasRecipients === (input.passphrase !== undefined)) {
    throw inputError('Pilih salah satu: kunci publik Dinkes atau kata sandi.');
  }
  const serialized = await serializeBundle(input, options);
  throwIfAborted(options.signal);
  options.onProgress?.({ stage: 'sign', done: 0, total: 1 });
  const signature = signManifest(
    serialized.manifest,
    serialized.manifestBytes,
    await input.signingKey,
  );
  options.onProgress?.({ stage: 'sign', done: 1, total: 1 });
  const zip = await zipBundle(serialized, signature, options);
  throwIfAborted(options.signal);
  const bytes = await encryptZip(zip, input, options);
  return {
    fileName: bundleFileName(serialized.manifest.facility.kode, input.period, input.revision),
    bytes,
    manifest: serialized.manifest,
    sha256: sha256Hex(bytes),
    zipSha256: sha256Hex(zip),
  };
}
