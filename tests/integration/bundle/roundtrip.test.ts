import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BundleError,
  bundleFileName,
  decryptBundle,
  encodeMinisignPublicKey,
  encryptBundle,
  encryptZip,
  generateMinisignKey,
  minisignKeyFromSeed,
  openBundle,
  packBundle,
  parseBundleFileName,
  readZipStrict,
  serializeBundle,
  signManifest,
  verifyBundleFile,
  writeFileAtomic,
  writeZip,
  zipBundle,
  type OpenOptions,
  type PackInput,
} from '../../../src-main/bundle';
import { craftBundle } from '../../fixtures/bundle/craft';
import {
  DINKES,
  DINKES_BACKUP,
  SIGNER,
  sampleInput,
  sampleTables,
} from '../../fixtures/bundle/sample';
import { tempDir } from '../../support/temp';

const TRUSTED = [encodeMinisignPublicKey(SIGNER)];
const asDinkes: OpenOptions = { identity: DINKES.identity, trustedSigners: TRUSTED };

async function rejection(promise: Promise<unknown>): Promise<BundleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw new Error(`not a BundleError: ${String(error)}`);
  }
  throw new Error('expected a rejection, got a result');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await rejection(promise)).code;
}

describe('pack → open round trip', () => {
  it('returns exactly the tables, report and manifest that went in', async () => {
    const input = sampleInput({ previousHash: 'ab'.repeat(32), revision: 2 });
    const packed = await packBundle(input);
    expect(packed.fileName).toBe('P3205020101_2026-09_r2.siklus');
    expect(packed.sha256).toMatch(/^[0-9a-f]{64}$/);
    const opened = await openBundle(packed.bytes, asDinkes);
    expect(opened.manifest).toEqual(packed.manifest);
    expect(opened.manifest).toMatchObject({
      format: 'siklus-bundle',
      formatVersion: 1,
      facility: { kode: 'P3205020101', codes: { bpjs: '0123A456', satusehat: '10000004' } },
      period: '2026-09',
      revision: 2,
      previousBundleSha256: 'ab'.repeat(32),
      app: { name: 'Siklus', version: '0.1.0', schemaVersion: 7 },
      createdAt: '2026-10-01T08:15:00+07:00',
      signer: { keyId: 'D2DFB6003164941A' },
    });
    const tables = sampleTables();
    const byId = (rows: readonly object[]) =>
      [...rows].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    expect(opened.tables.persons).toEqual(byId(tables.persons!));
    expect(opened.tables.anc_visits).toEqual(tables.anc_visits);
    // tombstones travel too
    expect(opened.tables.persons!.filter((r) => r.deleted_at !== null)).toHaveLength(1);
    const report = await input.report;
    expect(opened.report.json).toEqual(report.json);
    expect(Buffer.from(opened.report.xlsx).equals(Buffer.from(report.xlsx))).toBe(true);
    expect(opened.signer).toMatchObject({
      keyId: 'D2DFB6003164941A',
      fingerprint: 'DDA2-F793-F301-DC25-910B',
      trustedComment:
        'siklus-bundle v1 facility:P3205020101 period:2026-09 revision:2 created:2026-10-01T08:15:00+07:00',
    });
    expect(opened.checks.map((c) => c.id)).toEqual([
      'decrypt',
      'zip',
      'format',
      'signature',
      'manifest',
      'files',
      'file',
      'file',
      'file',
      'file',
    ]);
    expect(opened.zipSha256).toBe(packed.zipSha256);
  });

  it('carries a real XLSX report unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('PWS-KIA').addRow(['Indikator', 'Desa', 'Nilai']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const packed = await packBundle(sampleInput({ report: { json: { ok: true }, xlsx } }));
    const opened = await openBundle(packed.bytes, asDinkes);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(opened.report.xlsx) as unknown as ArrayBuffer);
    expect(back.getWorksheet('PWS-KIA')!.getRow(1).getCell(3).value).toBe('Nilai');
  });

  it('opens with the backup Dinkes key too', async () => {
    const packed = await packBundle(
      sampleInput({ recipients: [DINKES.recipient, DINKES_BACKUP.recipient] }),
    );
    const opened = await openBundle(packed.bytes, {
      identity: DINKES_BACKUP.identity,
      trustedSigners: TRUSTED,
    });
    expect(opened.manifest.revision).toBe(1);
  });

  it('has a deterministic inner zip: same content, same bytes (age itself is randomised)', async () => {
    const a = await packBundle(sampleInput());
    const b = await packBundle(sampleInput());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
    expect(a.zipSha256).toBe(b.zipSha256);
    // rows in another order and keys built in another order give the same zip
    const shuffled = Object.fromEntries(
      Object.entries(sampleTables()).map(([table, rows]) => [
        table,
        [...rows].reverse().map((row) => Object.fromEntries(Object.entries(row).reverse())),
      ]),
    );
    const c = await packBundle(sampleInput({ tables: shuffled }));
    expect(c.zipSha256).toBe(a.zipSha256);
    // the stages give the same zip as packBundle
    const serialized = await serializeBundle(sampleInput());
    const signature = signManifest(serialized.manifest, serialized.manifestBytes, SIGNER);
    const zip = await zipBundle(serialized, signature);
    expect(Buffer.from(await crypto.subtle.digest('SHA-256', zip)).toString('hex')).toBe(
      a.zipSha256,
    );
    // and any change of content changes it
    const d = await packBundle(sampleInput({ revision: 2 }));
    expect(d.zipSha256).not.toBe(a.zipSha256);
  });

  it('writes rows given as columns and value arrays (SQLite raw mode), at hand or read as they are written, exactly as the same objects', async () => {
    const awkward = [
      [
        'b',
        '2026-09-02T08:00:00+07:00',
        null,
        1,
        'kutip " garis \\ baris\n tab\t',
        0.1 + 0.2,
        true,
      ],
      [
        'a',
        '2026-09-01T08:00:00+07:00',
        '2026-09-03T08:00:00+07:00',
        2,
        'é 日本 \u2028 \u0001',
        -0,
        false,
      ],
      ['c', '2026-09-04T08:00:00+07:00', null, 3, '', 1e21, null],
      ['d', '2026-09-05T08:00:00+07:00', null, 4, null, 5e-7, null],
    ];
    // columns in the order SQLite might give them: not sorted
    const columns = ['id', 'updated_at', 'deleted_at', 'version', 'catatan', 'nilai', 'hadir'];
    const asObjects = Object.fromEntries(
      Object.entries(sampleTables()).concat([
        [
          'awkward',
          awkward.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]]))),
        ],
      ]),
    );
    const asColumns = Object.fromEntries(
      Object.entries(asObjects).map(([table, rows]) => {
        const names = Object.keys(rows[0]!).reverse();
        const values = rows.map((row) => names.map((n) => (row as Record<string, unknown>)[n]));
        return [table, { columns: names, rows: values }];
      }),
    );
    // Read as they are written: in id order (as `ORDER BY id` gives them), from an iterator.
    const asStream = Object.fromEntries(
      Object.entries(asColumns).map(([table, { columns: names, rows }]) => {
        const idAt = names.indexOf('id');
        const ordered = [...rows].sort((a, b) => (a[idAt]! < b[idAt]! ? -1 : 1));
        return [table, { columns: names, inIdOrder: ordered.values(), count: rows.length }];
      }),
    );
    const objects = await packBundle(sampleInput({ tables: asObjects }));
    const raw = await packBundle(sampleInput({ tables: asColumns }));
    expect(raw.zipSha256).toBe(objects.zipSha256);
    const streamed = await packBundle(sampleInput({ tables: asStream }));
    expect(streamed.zipSha256).toBe(objects.zipSha256);
    const opened = await openBundle(raw.bytes, asDinkes);
    expect(opened.tables.awkward!.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(opened.tables.awkward![1]).toEqual(asObjects.awkward![0]);
  });

  it.each(['report', 'signing key'] as const)(
    'takes a %s still on its way: the tables first, the same zip',
    async (what) => {
      const stages: string[] = [];
      let settle!: () => void;
      const late = new Promise<void>((resolve) => (settle = resolve));
      const sample = sampleInput();
      const later = (value: Promise<void>): Partial<PackInput> =>
        what === 'report'
          ? { report: value.then(() => sample.report) }
          : { signingKey: value.then(() => sample.signingKey) };
      const packing = packBundle(sampleInput(later(late)), {
        onProgress: (p) => stages.push(`${p.stage}:${p.done}/${p.total}`),
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      // every table row serialised, nothing signed: the packing waits
      const rows = Object.values(sampleTables()).reduce((n, t) => n + t.length, 0);
      expect(stages.at(-1)).toBe(`serialize:${rows}/${rows}`);
      settle();
      const packed = await packing;
      expect(packed.zipSha256).toBe((await packBundle(sample)).zipSha256);
      // one that fails fails the packing with its own error
      const failing = packBundle(sampleInput(later(Promise.reject(new Error('belum siap')))));
      await expect(failing).rejects.toThrow('belum siap');
    },
  );

  it("keeps format version 1 stable: the golden bundle's entries, in order, with the same bytes", async () => {
    // If this changes, bundles written by this version differ from earlier ones: that needs a
    // format decision (and probably formatVersion 2). Only the deflate stream may differ (it is
    // the runtime zlib's), so the entries are compared inflated, with their methods and headers.
    const golden = await decryptBundle(new Uint8Array(fs.readFileSync(GOLDEN_FILE)), {
      identity: DINKES.identity,
    });
    const packed = await packBundle(sampleInput());
    const now = await decryptBundle(packed.bytes, { identity: DINKES.identity });
    const entries = (zip: Uint8Array) =>
      readZipStrict(zip).map((e) => ({
        name: e.name,
        sha256: createHash('sha256').update(e.data).digest('hex'),
      }));
    expect(entries(now)).toEqual(entries(golden));
    expect(entries(now).length).toBeGreaterThan(5);
    expect(zipMethods(now)).toEqual(zipMethods(golden));
  });

  it('opens the committed golden bundle (written by an earlier build)', async () => {
    const bytes = new Uint8Array(fs.readFileSync(GOLDEN_FILE));
    const opened = await openBundle(bytes, asDinkes);
    expect(opened.manifest.facility.kode).toBe('P3205020101');
    expect(opened.zipSha256).toBe(GOLDEN_ZIP_SHA256);
  });
});

const GOLDEN_FILE = path.resolve(import.meta.dirname, '../../fixtures/bundle/golden-v1.siklus');

/** Each central directory entry's name and method (0 stored, 8 deflated), in order. */
function zipMethods(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const methods: string[] = [];
  let at = view.getUint32(zip.length - 22 + 16, true);
  while (view.getUint32(at, true) === 0x02014b50) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    methods.push(`${name}:${view.getUint16(at + 10, true)}`);
    at += 46 + nameLength;
  }
  return methods;
}
const GOLDEN_ZIP_SHA256 = 'b69b9ec574899a4616b6908dfd0b6c2f4a7a4a995aa85e6e76cf12c4482fcd8c';

describe('passphrase mode', () => {
  const lock = { recipients: undefined, passphrase: 'kata-sandi-puskesmas', scryptWorkFactor: 10 };

  it('opens with the passphrase and explains every mismatch', async () => {
    const packed = await packBundle(sampleInput(lock));
    expect(new TextDecoder().decode(packed.bytes.subarray(0, 31))).toBe(
      'age-encryption.org/v1\n-> scrypt',
    );
    const opened = await openBundle(packed.bytes, {
      passphrase: 'kata-sandi-puskesmas',
      trustedSigners: TRUSTED,
    });
    expect(opened.checks[0]!.label).toMatch(/kata sandi/);
    expect(
      await codeOf(
        openBundle(packed.bytes, { passphrase: 'salah-salah-salah', trustedSigners: TRUSTED }),
      ),
    ).toBe('BUNDLE_WRONG_PASSPHRASE');
    expect(await codeOf(openBundle(packed.bytes, asDinkes))).toBe('BUNDLE_PASSPHRASE_REQUIRED');
    const toDinkes = await packBundle(sampleInput());
    expect(
      await codeOf(
        openBundle(toDinkes.bytes, { passphrase: 'kata-sandi-puskesmas', trustedSigners: TRUSTED }),
      ),
    ).toBe('BUNDLE_WRONG_KEY');
  });

  it('refuses a short passphrase and a too-costly scrypt work factor', async () => {
    expect(await codeOf(packBundle(sampleInput({ ...lock, passphrase: 'pendek' })))).toBe(
      'KEY_PASSPHRASE_WEAK',
    );
    const packed = await packBundle(sampleInput(lock));
    const text = Buffer.from(packed.bytes).toString('latin1').replace(/ 10\n/, ' 20\n');
    expect(
      await codeOf(
        openBundle(Uint8Array.from(Buffer.from(text, 'latin1')), {
          passphrase: 'kata-sandi-puskesmas',
          trustedSigners: TRUSTED,
        }),
      ),
    ).toBe('BUNDLE_FORMAT_UNSUPPORTED');
  });
});

describe('refusals with stable codes', () => {
  it('BUNDLE_WRONG_KEY for another Dinkes key', async () => {
    const packed = await packBundle(sampleInput());
    const error = await rejection(
      openBundle(packed.bytes, { identity: DINKES_BACKUP.identity, trustedSigners: TRUSTED }),
    );
    expect(error.code).toBe('BUNDLE_WRONG_KEY');
    expect(error.message).toBe('Paket ini tidak ditujukan untuk kunci Dinkes ini.');
  });

  it('BUNDLE_NOT_AGE for other files', async () => {
    for (const bytes of [
      new TextEncoder().encode('PK\u0003\u0004 a zip'),
      new TextEncoder().encode('-----BEGIN AGE ENCRYPTED FILE-----\n'),
      new TextEncoder().encode('age-encryption.org/v2\n'),
    ]) {
      const error = await rejection(openBundle(bytes, asDinkes));
      expect(error.code).toBe('BUNDLE_NOT_AGE');
      expect(error.message).toMatch(/^Berkas ini bukan paket Siklus \(bukan berkas age\)/);
    }
    expect(await codeOf(openBundle(new Uint8Array(0), asDinkes))).toBe('BUNDLE_TRUNCATED');
  });

  it('BUNDLE_UNKNOWN_SIGNER returns the signer key id, public key and fingerprint', async () => {
    const packed = await packBundle(sampleInput());
    const error = await rejection(
      openBundle(packed.bytes, { identity: DINKES.identity, trustedSigners: [] }),
    );
    expect(error.code).toBe('BUNDLE_UNKNOWN_SIGNER');
    expect(error.details).toEqual({
      keyId: 'D2DFB6003164941A',
      publicKey: encodeMinisignPublicKey(SIGNER),
      fingerprint: 'DDA2-F793-F301-DC25-910B',
      facility: { kode: 'P3205020101', name: 'Puskesmas Karangpawitan' },
      period: '2026-09',
      revision: 1,
    });
    // other ways to give the trusted keys: a lookup function and a Map
    await expect(
      openBundle(packed.bytes, {
        identity: DINKES.identity,
        trustedSigners: (id) => (id === 'D2DFB6003164941A' ? TRUSTED[0] : null),
      }),
    ).resolves.toBeTruthy();
    await expect(
      openBundle(packed.bytes, {
        identity: DINKES.identity,
        trustedSigners: new Map([['D2DFB6003164941A', TRUSTED[0]!]]),
      }),
    ).resolves.toBeTruthy();
  });

  it('BUNDLE_SIGNATURE_INVALID for an impostor using a trusted key id, or an edited manifest', async () => {
    const impostor = minisignKeyFromSeed(new Uint8Array(32).fill(7), SIGNER.keyNum);
    expect(await codeOf(openBundle(await craftBundle({ signWith: impostor }), asDinkes))).toBe(
      'BUNDLE_SIGNATURE_INVALID',
    );
    // manifest changed after signing (another revision), signature kept
    const edited = await craftBundle({
      afterSigning: (text) => text.replace('"revision": 1', '"revision": 2'),
    });
    expect(await codeOf(openBundle(edited, asDinkes))).toBe('BUNDLE_SIGNATURE_INVALID');
    // trusted comment changed: the global signature fails
    const comment = await craftBundle({
      editSignature: (sig) => sig.replace('revision:1', 'revision:2'),
    });
    expect(await codeOf(openBundle(comment, asDinkes))).toBe('BUNDLE_SIGNATURE_INVALID');
    const unsigned = await craftBundle({ noSignature: true });
    expect(await codeOf(openBundle(unsigned, asDinkes))).toBe('BUNDLE_MISSING_FILE');
    const other = generateMinisignKey();
    const otherSigned = await craftBundle({ signWith: other });
    expect(await codeOf(openBundle(otherSigned, asDinkes))).toBe('BUNDLE_SIGNATURE_INVALID');
  });

  it('BUNDLE_FORMAT_UNSUPPORTED for a future format version, even when signed', async () => {
    const bytes = await craftBundle({ editManifest: (m) => (m.formatVersion = 2) });
    const error = await rejection(openBundle(bytes, asDinkes));
    expect(error.code).toBe('BUNDLE_FORMAT_UNSUPPORTED');
    expect(error.details).toEqual({ formatVersion: 2 });
  });

  it('BUNDLE_MANIFEST_INVALID for a signed manifest that breaks the schema', async () => {
    for (const edit of [
      (m: Record<string, unknown>) => (m.period = '2026-13'),
      (m: Record<string, unknown>) => (m.createdAt = '2026-10-01T08:15:00'),
      (m: Record<string, unknown>) => (m.extra = true),
      (m: Record<string, unknown>) => (m.revision = 0),
    ]) {
      expect(await codeOf(openBundle(await craftBundle({ editManifest: edit }), asDinkes))).toBe(
        'BUNDLE_MANIFEST_INVALID',
      );
    }
    const notJson = await craftBundle({ editManifestText: (t) => t.slice(0, -3) });
    expect(await codeOf(openBundle(notJson, asDinkes))).toBe('BUNDLE_MANIFEST_INVALID');
  });

  it('BUNDLE_HASH_MISMATCH, UNKNOWN_FILE, MISSING_FILE and RECORD_COUNT_MISMATCH', async () => {
    const changed = await craftBundle({
      editFiles: (files) =>
        files.map((f) =>
          f.path === 'records/persons.ndjson'
            ? { path: f.path, data: new TextEncoder().encode('{}\n') }
            : f,
        ),
    });
    const error = await rejection(openBundle(changed, asDinkes));
    expect(error.code).toBe('BUNDLE_HASH_MISMATCH');
    expect(error.details.path).toBe('records/persons.ndjson');

    const extra = await craftBundle({
      editFiles: (files) => [...files, { path: 'records/zz.ndjson', data: new Uint8Array(0) }],
    });
    expect(await codeOf(openBundle(extra, asDinkes))).toBe('BUNDLE_UNKNOWN_FILE');

    const missing = await craftBundle({
      editFiles: (files) => files.filter((f) => f.path !== 'records/anc_visits.ndjson'),
    });
    expect(await codeOf(openBundle(missing, asDinkes))).toBe('BUNDLE_MISSING_FILE');

    const count = await craftBundle({
      editManifest: (m) => {
        (m.files as Array<{ records?: number }>)[1]!.records = 99;
      },
    });
    expect(await codeOf(openBundle(count, asDinkes))).toBe('BUNDLE_RECORD_COUNT_MISMATCH');
  });

  it('BUNDLE_RECORDS_INVALID names the line, for a records file signed as it is', async () => {
    const PATH = 'records/persons.ndjson';
    // The records file replaced, and the manifest (signed after) listing its size and hash.
    const signedWith = (text: Uint8Array | string, records: number) => {
      const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
      return craftBundle({
        editManifest: (m) => {
          const file = (
            m.files as { path: string; size: number; sha256: string; records: number }[]
          ).find((f) => f.path === PATH)!;
          file.size = data.length;
          file.sha256 = createHash('sha256').update(data).digest('hex');
          file.records = records;
        },
        editFiles: (files) => files.map((f) => (f.path === PATH ? { path: PATH, data } : f)),
      });
    };
    const row = (id: string, extra = '') =>
      `{"id":"${id}","updated_at":"2026-09-30T08:00:00.000Z","deleted_at":null,"version":1${extra}}`;
    const hintOf = async (text: Uint8Array | string, records: number) => {
      const error = await rejection(openBundle(await signedWith(text, records), asDinkes));
      expect(error.code).toBe('BUNDLE_RECORDS_INVALID');
      expect(error.details).toEqual({ path: PATH });
      expect(error.message).toContain(`${PATH}: `);
      return error.message.slice(error.message.indexOf(`${PATH}: `) + PATH.length + 2);
    };
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

    // Not UTF-8: an overlong "/", an encoded surrogate, a lone continuation byte.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80]]) {
      const text = bytes(`${row('a')}\n{"id":"b","n":"`, bad, `"}\n`);
      expect(await hintOf(text, 2)).toBe('bukan UTF-8.');
    }
    expect(await hintOf(`${row('a')}\n${row('b')}`, 2)).toBe(
      'baris terakhir tidak diakhiri baris baru.',
    );
    expect(await hintOf(`${row('a')}\n\uFEFF${row('b')}\n`, 2)).toBe('baris 2 bukan JSON.');
    expect(await hintOf(`${row('a')}\n\n`, 2)).toBe('baris 2 bukan JSON.');
    expect(await hintOf(`${row('a')}\n[1]\n`, 2)).toBe('baris 2 bukan objek.');
    expect(await hintOf(`${row('a')}\n{"id":"b","version":1}\n`, 2)).toBe(
      'baris 2 tanpa id/updated_at/deleted_at/version yang sah.',
    );
    expect(await hintOf(`${row('a')}\n${row('a')}\n`, 2)).toBe('id ganda a.');
    const count = await rejection(openBundle(await signedWith(`${row('a')}\n`, 2), asDinkes));
    expect(count.code).toBe('BUNDLE_RECORD_COUNT_MISMATCH');
    expect(count.details).toEqual({ path: PATH, actual: 1, expected: 2 });

    // Names in any script, split at the right lines; an empty file is no rows.
    const names = ['Ni Luh Putu Ayu Widyasari', 'Ṡiti Aïsyah', '张伟', 'Nur 🌺'];
    const text = names.map((n, i) => `${row(`p${i}`, `,"name":"${n}"`)}\n`).join('');
    const opened = await openBundle(await signedWith(text, names.length), asDinkes);
    expect(opened.tables.persons!.map((r) => r.name)).toEqual(names);
    const none = await openBundle(await signedWith('', 0), asDinkes);
    expect(none.tables.persons).toEqual([]);
  });

  it('rejects zip bombs and path traversal inside a correctly encrypted file', async () => {
    const traversal = await encryptBundle(
      await fflateZipOf([['../../evil.txt', new Uint8Array(3)]]),
      { recipients: [DINKES.recipient] },
    );
    expect(await codeOf(openBundle(traversal, asDinkes))).toBe('BUNDLE_UNSAFE_PATH');

    const big = new Uint8Array(8 * 1024 * 1024);
    const bombZip = await writeZip([{ name: 'records/x.ndjson', data: big, compress: true }]);
    const bomb = await encryptBundle(bombZip, { recipients: [DINKES.recipient] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(
      await codeOf(openBundle(bomb, { ...asDinkes, limits: { maxEntryBytes: 1024 * 1024 } })),
    ).toBe('BUNDLE_ZIP_LIMIT');
    expect(await codeOf(openBundle(bomb, { ...asDinkes, limits: { maxBundleBytes: 1000 } }))).toBe(
      'BUNDLE_TOO_LARGE',
    );
  });
});

async function fflateZipOf(files: Array<[string, Uint8Array]>): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  return zipSync(Object.fromEntries(files.map(([n, d]) => [n, [d, { mtime }]])));
}

describe('pack input validation', () => {
  const cases: Array<[string, Partial<PackInput>, string]> = [
    ['period', { period: '2026-9' }, 'BUNDLE_INPUT_INVALID'],
    ['kode with a space', { facility: { kode: 'P 1', name: 'X' } }, 'BUNDLE_INPUT_INVALID'],
    ['created without offset', { createdAt: '2026-10-01T08:15:00' }, 'BUNDLE_INPUT_INVALID'],
    ['revision 0', { revision: 0 }, 'BUNDLE_INPUT_INVALID'],
    ['previous hash', { previousHash: 'xyz' }, 'BUNDLE_INPUT_INVALID'],
    ['table name', { tables: { 'Bad-Name': [] } }, 'BUNDLE_INPUT_INVALID'],
    [
      'row without id',
      { tables: { t: [{ updated_at: 'x', deleted_at: null, version: 1 }] } },
      'BUNDLE_INPUT_INVALID',
    ],
    [
      'duplicate id',
      {
        tables: {
          t: [
            { id: 'a', updated_at: 'x', deleted_at: null, version: 1 },
            { id: 'a', updated_at: 'y', deleted_at: null, version: 2 },
          ],
        },
      },
      'BUNDLE_INPUT_INVALID',
    ],
    [
      'undefined value',
      { tables: { t: [{ id: 'a', updated_at: 'x', deleted_at: null, version: 1, x: undefined }] } },
      'BUNDLE_INPUT_INVALID',
    ],
    [
      'a Date value',
      {
        tables: { t: [{ id: 'a', updated_at: 'x', deleted_at: null, version: 1, d: new Date() }] },
      },
      'BUNDLE_INPUT_INVALID',
    ],
    ...(
      [
        [
          'a binary value (columns)',
          ['id', 'updated_at', 'deleted_at', 'version', 'x'],
          ['a', 'x', null, 1, new Uint8Array(2)],
        ],
        [
          'a bigint (columns)',
          ['id', 'updated_at', 'deleted_at', 'version', 'x'],
          ['a', 'x', null, 1, 10n],
        ],
        ['no version column', ['id', 'updated_at', 'deleted_at'], ['a', 'x', null]],
        [
          'a column twice',
          ['id', 'updated_at', 'deleted_at', 'version', 'id'],
          ['a', 'x', null, 1, 'a'],
        ],
        [
          'fewer values than columns',
          ['id', 'updated_at', 'deleted_at', 'version'],
          ['a', 'x', null],
        ],
      ] as const
    ).map(([name, columns, values]): [string, Partial<PackInput>, string] => [
      name,
      { tables: { t: { columns, rows: [values] } } },
      'BUNDLE_INPUT_INVALID',
    ]),
    [
      'duplicate id (columns)',
      {
        tables: {
          t: {
            columns: ['id', 'updated_at', 'deleted_at', 'version'],
            rows: [
              ['a', 'x', null, 1],
              ['a', 'y', null, 2],
            ],
          },
        },
      },
      'BUNDLE_INPUT_INVALID',
    ],
    ...(
      [
        ['out of id order (read as written)', [['b'], ['a']], 2],
        ['duplicate id (read as written)', [['a'], ['a']], 2],
        ['fewer rows than counted (read as written)', [['a'], ['b']], 3],
        ['more rows than counted (read as written)', [['a'], ['b']], 1],
      ] as const
    ).map(([name, ids, count]): [string, Partial<PackInput>, string] => [
      name,
      {
        tables: {
          t: {
            columns: ['id', 'updated_at', 'deleted_at', 'version'],
            inIdOrder: ids.map(([id]) => [id, 'x', null, 1]),
            count,
          },
        },
      },
      'BUNDLE_INPUT_INVALID',
    ]),
    ['no recipient', { recipients: [] }, 'BUNDLE_INPUT_INVALID'],
    ['both locks', { passphrase: 'kata-sandi-panjang' }, 'BUNDLE_INPUT_INVALID'],
    ['bad recipient', { recipients: ['age1nope'] }, 'RECIPIENT_INVALID'],
  ];
  it.each(cases)('refuses %s', async (_name, override, code) => {
    expect(await codeOf(packBundle(sampleInput(override)))).toBe(code);
  });

  it.each(['report', 'signingKey'] as const)(
    'stops on a refused row before the %s on its way, whose later failure is then moot',
    async (what) => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        let fail!: (error: Error) => void;
        const late = new Promise<never>((_resolve, reject) => (fail = reject));
        const packing = packBundle(
          sampleInput({
            [what]: late,
            tables: {
              t: {
                columns: ['id', 'updated_at', 'deleted_at', 'version'],
                rows: [['a', 'x', null, 'satu']],
              },
            },
          }),
        );
        await expect(packing).rejects.toThrow(/version/);
        fail(new Error('belum siap'));
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    },
  );

  it('lets go of rows read as they are written when it refuses one (the snapshot is free again)', async () => {
    let released = false;
    function* rows() {
      try {
        yield ['b', 'x', null, 1];
        yield ['a', 'x', null, 1];
        yield ['c', 'x', null, 1];
      } finally {
        released = true;
      }
    }
    const packing = packBundle(
      sampleInput({
        tables: {
          t: {
            columns: ['id', 'updated_at', 'deleted_at', 'version'],
            inIdOrder: rows(),
            count: 3,
          },
        },
      }),
    );
    await expect(packing).rejects.toThrow(/tidak urut id \(a sesudah b\)/);
    expect(released).toBe(true);
  });
});

describe('progress and cancellation', () => {
  function bigInput(): PackInput {
    const rows = Array.from({ length: 12_000 }, (_, i) => ({
      id: `id-${String(i).padStart(6, '0')}`,
      updated_at: '2026-09-01T00:00:00+07:00',
      deleted_at: null,
      version: 1,
      nama: `Orang ${i}`,
    }));
    return sampleInput({ tables: { persons: rows } });
  }

  it('reports every stage in order, then opens with progress too', async () => {
    const stages: string[] = [];
    const packed = await packBundle(bigInput(), {
      onProgress: (p) => {
        if (stages.at(-1) !== p.stage) stages.push(p.stage);
        expect(p.done).toBeLessThanOrEqual(p.total);
      },
    });
    expect(stages).toEqual(['serialize', 'sign', 'zip', 'encrypt']);
    const openStages: string[] = [];
    const opened = await openBundle(packed.bytes, {
      ...asDinkes,
      onProgress: (p) => {
        if (openStages.at(-1) !== p.stage) openStages.push(p.stage);
      },
    });
    expect(openStages).toEqual(['decrypt', 'unzip', 'verify']);
    expect(opened.tables.persons).toHaveLength(12_000);
  });

  it('stops with BUNDLE_CANCELLED when aborted midway', async () => {
    const controller = new AbortController();
    const error = await rejection(
      packBundle(bigInput(), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'serialize' && p.done >= 5000) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('BUNDLE_CANCELLED');
    const packed = await packBundle(sampleInput());
    const aborted = new AbortController();
    aborted.abort();
    expect(await codeOf(openBundle(packed.bytes, { ...asDinkes, signal: aborted.signal }))).toBe(
      'BUNDLE_CANCELLED',
    );
    expect(
      await codeOf(
        encryptZip(
          new Uint8Array(10),
          { recipients: [DINKES.recipient] },
          { signal: aborted.signal },
        ),
      ),
    ).toBe('BUNDLE_CANCELLED');
  });
});

describe('files on disk', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('siklus-bundle-')));
  afterEach(() => cleanup());

  it('names bundles <kode>_<YYYY-MM>_r<revision>.siklus and parses the name back', () => {
    expect(bundleFileName('P3205020101', '2026-09', 3)).toBe('P3205020101_2026-09_r3.siklus');
    expect(parseBundleFileName('P3205020101_2026-09_r3.siklus')).toEqual({
      kode: 'P3205020101',
      period: '2026-09',
      revision: 3,
    });
    expect(parseBundleFileName('P3205020101_2026-13_r3.siklus')).toBeNull();
    expect(parseBundleFileName('x.zip')).toBeNull();
    expect(() => bundleFileName('../x', '2026-09', 1)).toThrow(RangeError);
  });

  it('writes atomically (no temp file left) and replaces an existing file', async () => {
    const file = path.join(dir, 'a.siklus');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['a.siklus']);
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x'), 'x')).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['a.siklus']);
  });

  it('verifies a file from disk and compares its name with the manifest', async () => {
    const packed = await packBundle(sampleInput());
    const file = path.join(dir, packed.fileName);
    await writeFileAtomic(file, packed.bytes);
    const result = await verifyBundleFile(file, asDinkes);
    expect(result).toMatchObject({
      nameMatches: true,
      sha256: packed.sha256,
      fileName: packed.fileName,
    });
    const renamed = path.join(dir, 'kiriman.siklus');
    fs.copyFileSync(file, renamed);
    expect((await verifyBundleFile(renamed, asDinkes)).nameMatches).toBe(false);
    expect(await codeOf(verifyBundleFile(path.join(dir, 'none.siklus'), asDinkes))).toBe(
      'BUNDLE_FILE_UNREADABLE',
    );
    expect(await codeOf(verifyBundleFile(dir, asDinkes))).toBe('BUNDLE_FILE_UNREADABLE');
  });
});
