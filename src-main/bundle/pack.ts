import { encryptBundle, type BundleLock } from './crypt';
import { canonicalJson, sha256Hex } from './encoding';
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
import { writeZip, type ZipWriteEntry } from './zip';

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
  /** Rows per table; every row has `id`, `updated_at`, `deleted_at`, `version`. */
  tables: Readonly<Record<string, readonly object[]>>;
  /**
   * The month's indicator report and workbook. May still be in the making: it is awaited only
   * once the tables are serialised.
   */
  report: BundleReport | Promise<BundleReport>;
  signingKey: MinisignSecretKey;
  /** Dinkes `age1…` keys (main and backup), or… */
  recipients?: readonly string[];
  /** …a passphrase, for a puskesmas without a Dinkes key yet. */
  passphrase?: string;
  /** scrypt log2(N) for passphrase mode (default 18). */
  scryptWorkFactor?: number;
}

export interface BundleReport {
  json: unknown;
  xlsx: Uint8Array;
}

export interface BundleFile {
  path: string;
  data: Uint8Array;
}

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

const YIELD_EVERY_ROWS = 5000;

function inputError(hint: string, details: Record<string, unknown> = {}): BundleError {
  return new BundleError('BUNDLE_INPUT_INVALID', hint, details);
}

function checkRow(table: string, row: unknown, index: number): string {
  const where = `${table}[${index}]`;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw inputError(`${where}: baris harus objek.`, { table, index });
  }
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') {
    throw inputError(`${where}: id wajib (teks).`, { table, index });
  }
  if (typeof r.updated_at !== 'string' || r.updated_at === '') {
    throw inputError(`${where}: updated_at wajib.`, { table, index });
  }
  if (r.deleted_at !== null && typeof r.deleted_at !== 'string') {
    throw inputError(`${where}: deleted_at harus teks atau null.`, { table, index });
  }
  if (typeof r.version !== 'number' || !Number.isSafeInteger(r.version) || r.version < 0) {
    throw inputError(`${where}: version harus bilangan bulat.`, { table, index });
  }
  return r.id;
}

/**
 * One table as NDJSON: rows sorted by `id`, each as canonical JSON (sorted keys) on one line,
 * every line ending in `\n`.
 */
async function serializeTable(
  table: string,
  rows: readonly object[],
  options: PackOptions,
  progress: { done: number; total: number },
): Promise<Uint8Array> {
  const keyed = rows.map((row, i) => ({ id: checkRow(table, row, i), row }));
  keyed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines: string[] = [];
  for (let i = 0; i < keyed.length; i++) {
    if (i > 0 && keyed[i - 1]!.id === keyed[i]!.id) {
      throw inputError(`${table}: id ganda ${keyed[i]!.id}.`, { table, id: keyed[i]!.id });
    }
    try {
      lines.push(`${canonicalJson(keyed[i]!.row)}\n`);
    } catch (error) {
      throw inputError(`${table} id ${keyed[i]!.id}: ${(error as Error).message}`, { table });
    }
    progress.done++;
    if (progress.done % YIELD_EVERY_ROWS === 0) {
      options.onProgress?.({ stage: 'serialize', ...progress });
      await new Promise((resolve) => setImmediate(resolve));
      throwIfAborted(options.signal);
    }
  }
  return new TextEncoder().encode(lines.join(''));
}

/**
 * Stage 1: serialise the tables, then the report (awaited only now), hash them, build and
 * validate the manifest.
 */
export async function serializeBundle(
  input: PackInput,
  options: PackOptions = {},
): Promise<SerializedBundle> {
  throwIfAborted(options.signal);
  const tableNames = Object.keys(input.tables).sort();
  for (const table of tableNames) {
    if (!TABLE_NAME_RE.test(table)) throw inputError(`Nama tabel tidak sah: ${table}.`);
    if (!Array.isArray(input.tables[table])) throw inputError(`${table}: harus daftar baris.`);
  }
  const progress = {
    done: 0,
    total: tableNames.reduce((sum, t) => sum + input.tables[t]!.length, 0),
  };
  options.onProgress?.({ stage: 'serialize', ...progress });

  const files: BundleFile[] = [];
  const entries: ManifestFile[] = [];
  for (const table of tableNames) {
    const rows = input.tables[table]!;
    const data = await serializeTable(table, rows, options, progress);
    const path = `records/${table}.ndjson`;
    files.push({ path, data });
    entries.push({ path, size: data.length, sha256: sha256Hex(data), records: rows.length });
  }
  options.onProgress?.({ stage: 'serialize', ...progress });
  const report = await input.report;
  throwIfAborted(options.signal);
  if (!(report?.xlsx instanceof Uint8Array)) throw inputError('report.xlsx wajib.');
  let reportJson: Uint8Array;
  try {
    reportJson = new TextEncoder().encode(`${canonicalJson(report.json)}\n`);
  } catch (error) {
    throw inputError(`report.json: ${(error as Error).message}`);
  }
  for (const [path, data] of [
    [REPORT_JSON_PATH, reportJson],
    [REPORT_XLSX_PATH, report.xlsx],
  ] as const) {
    files.push({ path, data });
    entries.push({ path, size: data.length, sha256: sha256Hex(data) });
  }
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
      keyId: minisignKeyId(input.signingKey.keyNum),
      publicKey: encodeMinisignPublicKey(input.signingKey),
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
 * Stage 3: the deterministic inner zip. The manifest, its signature and the xlsx (already
 * compressed) are stored; NDJSON and JSON are deflated.
 */
export async function zipBundle(
  serialized: SerializedBundle,
  signature: string,
  options: PackOptions = {},
): Promise<Uint8Array> {
  const entries: ZipWriteEntry[] = [
    { name: MANIFEST_PATH, data: serialized.manifestBytes, compress: false },
    { name: SIGNATURE_PATH, data: new TextEncoder().encode(signature), compress: false },
    ...serialized.files.map((f) => ({
      name: f.path,
      data: f.data,
      compress: f.path !== REPORT_XLSX_PATH,
    })),
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
  const hasRecipients = input.recipients !== undefined && input.recipients.length > 0;
  if (hasRecipients === (input.passphrase !== undefined)) {
    throw inputError('Pilih salah satu: kunci publik Dinkes atau kata sandi.');
  }
  const serialized = await serializeBundle(input, options);
  throwIfAborted(options.signal);
  options.onProgress?.({ stage: 'sign', done: 0, total: 1 });
  const signature = signManifest(serialized.manifest, serialized.manifestBytes, input.signingKey);
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
