import { z } from 'zod';
import { hasControlChars } from './encoding';

/**
 * `manifest.json` of a bundle, format version 1 (docs/bundle-format.md is the reference).
 * One schema: the packer builds it, the opener validates with it.
 */

export const FORMAT_NAME = 'siklus-bundle';
export const FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.json.minisig';
export const REPORT_JSON_PATH = 'report/indicators.json';
export const REPORT_XLSX_PATH = 'report/indicators.xlsx';
export const RECORDS_DIR = 'records/';

/** A table name: lower-case letters, digits and `_`, starting with a letter. */
export const TABLE_NAME_RE = /^[a-z][a-z0-9_]{0,62}$/;
/** `records/<table>.ndjson` */
export const RECORDS_PATH_RE = /^records\/([a-z][a-z0-9_]{0,62})\.ndjson$/;
/** Facility code used in file names: letters, digits, `.` and `-`. */
export const FACILITY_KODE_RE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/;
export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** ISO 8601 local time with a numeric offset, e.g. 2026-10-01T08:15:00+07:00. */
export const LOCAL_TIME_RE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?[+-](0\d|1[0-4]):[0-5]\d$/;

/** Largest manifest accepted (bytes). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Largest `.minisig` accepted (bytes). */
export const MAX_SIGNATURE_BYTES = 10 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 harus 64 digit heksadesimal kecil');
const noControl = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !hasControlChars(s) && s.trim() === s, 'teks tidak baku');

export const FacilitySchema = z.strictObject({
  kode: z.string().regex(FACILITY_KODE_RE, 'kode fasilitas: huruf, angka, titik atau minus'),
  name: noControl(200),
  /** Other identifiers (kemenkes, registrasi, bpjs, satusehat…): optional, free text. */
  codes: z.record(z.string().regex(/^[a-z][A-Za-z0-9_]{0,31}$/), z.string().regex(/^\S{1,64}$/)),
});

export const ManifestFileSchema = z.strictObject({
  path: z
    .string()
    .refine(
      (p) => RECORDS_PATH_RE.test(p) || p === REPORT_JSON_PATH || p === REPORT_XLSX_PATH,
      'nama berkas tidak dikenal',
    ),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256,
  /** Lines of a `records/*.ndjson` file; absent for other files. */
  records: z.number().int().min(0).optional(),
});

export const ManifestSchema = z
  .strictObject({
    format: z.literal(FORMAT_NAME),
    formatVersion: z.literal(FORMAT_VERSION),
    facility: FacilitySchema,
    period: z.string().regex(PERIOD_RE, 'periode harus YYYY-MM'),
    revision: z.number().int().min(1).max(9999),
    previousBundleSha256: sha256.nullable(),
    app: z.strictObject({
      name: z.literal('Siklus'),
      version: noControl(40),
      schemaVersion: z.number().int().min(0),
    }),
    createdAt: z
      .string()
      .regex(LOCAL_TIME_RE, 'waktu harus ISO 8601 dengan zona, mis. 2026-10-01T08:15:00+07:00')
      .refine((s) => !Number.isNaN(Date.parse(s)), 'waktu tidak sah'),
    signer: z.strictObject({
      keyId: z.string().regex(/^[0-9A-F]{16}$/),
      publicKey: z.string().regex(/^RW[A-Za-z0-9+/]{54}$/),
    }),
    files: z.array(ManifestFileSchema).max(200),
  })
  .superRefine((manifest, ctx) => {
    const paths = manifest.files.map((f) => f.path);
    const sorted = [...paths].sort();
    if (new Set(paths).size !== paths.length) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'berkas ganda' });
    }
    if (paths.some((p, i) => p !== sorted[i])) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'berkas harus urut' });
    }
    for (const required of [REPORT_JSON_PATH, REPORT_XLSX_PATH]) {
      if (!paths.includes(required)) {
        ctx.addIssue({ code: 'custom', path: ['files'], message: `${required} tidak ada` });
      }
    }
    manifest.files.forEach((file, i) => {
      const isRecords = RECORDS_PATH_RE.test(file.path);
      if (isRecords !== (file.records !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'records'],
          message: isRecords ? 'jumlah baris wajib' : 'jumlah baris hanya untuk records/',
        });
      }
    });
  });

export type BundleManifest = z.infer<typeof ManifestSchema>;
export type BundleFacility = z.infer<typeof FacilitySchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/**
 * The exact bytes of `manifest.json`: keys in the order of the schema, two-space indentation,
 * a final newline. (The signature covers these bytes; readers parse, never re-serialise.)
 */
export function serializeManifest(manifest: BundleManifest): Uint8Array {
  const ordered: BundleManifest = {
    format: manifest.format,
    formatVersion: manifest.formatVersion,
    facility: {
      kode: manifest.facility.kode,
      name: manifest.facility.name,
      codes: Object.fromEntries(
        Object.keys(manifest.facility.codes)
          .sort()
          .map((k) => [k, manifest.facility.codes[k]!]),
      ),
    },
    period: manifest.period,
    revision: manifest.revision,
    previousBundleSha256: manifest.previousBundleSha256,
    app: {
      name: manifest.app.name,
      version: manifest.app.version,
      schemaVersion: manifest.app.schemaVersion,
    },
    createdAt: manifest.createdAt,
    signer: { keyId: manifest.signer.keyId, publicKey: manifest.signer.publicKey },
    files: manifest.files.map((f) =>
      f.records === undefined
        ? { path: f.path, size: f.size, sha256: f.sha256 }
        : { path: f.path, size: f.size, sha256: f.sha256, records: f.records },
    ),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

/**
 * The minisign trusted comment of a bundle signature: it repeats the identity of the bundle so
 * `minisign -V` shows it, e.g.
 * `siklus-bundle v1 facility:P3205020101 period:2026-09 revision:2 created:2026-10-01T08:15:00+07:00`.
 */
export function trustedCommentFor(manifest: BundleManifest): string {
  return (
    `${FORMAT_NAME} v${manifest.formatVersion} facility:${manifest.facility.kode} ` +
    `period:${manifest.period} revision:${manifest.revision} created:${manifest.createdAt}`
  );
}

/** The untrusted comment line of a bundle signature (fixed, so the file is canonical). */
export function untrustedCommentFor(keyId: string): string {
  return `signature from Siklus puskesmas key ${keyId}`;
}
