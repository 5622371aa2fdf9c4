import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addTrustedSigner,
  createAgeIdentity,
  encryptBundle,
  initPuskesmasKeys,
  keysDir,
  packBundle,
  unlockDinkesIdentity,
  unlockSigningKey,
} from '../../../src-main/bundle';
import { SYSTEM_ACTOR } from '../../../src-main/services/context';
import { craftZip } from '../../fixtures/bundle/craft';
import { fixtureReport, fixtureXlsx } from '../../fixtures/bundle/report';
import { DINKES, sampleInput } from '../../fixtures/bundle/sample';
import {
  DINKES_PASSPHRASE,
  exportBundle,
  FAST_KEYS,
  importFiles,
  openDinkes,
  openPuskesmas,
  receivedLines,
  SIGNING_PASSPHRASE,
  totalChanges,
  type Dinkes,
  type Puskesmas,
  type Summary,
} from './helpers';

async function confirm(d: Dinkes, summary: Summary): Promise<Summary> {
  expect(summary.pending).toHaveLength(1);
  return d.call<Summary>('dinkes.confirmSigner', { pendingId: summary.pending[0]!.pendingId });
}

/** Import and check that nothing at all was written. */
async function refusedWithoutWrites(d: Dinkes, files: string[], extra: object = {}) {
  const before = totalChanges(d.core);
  const summary = await importFiles(d, files, extra);
  expect(totalChanges(d.core)).toBe(before);
  return summary;
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A bundle signed with the puskesmas key but built by hand (to misbehave on purpose). */
async function handmade(
  p: Puskesmas,
  recipient: string,
  overrides: Partial<Parameters<typeof packBundle>[0]>,
): Promise<Uint8Array> {
  const signingKey = await unlockSigningKey(keysDir(p.dir), SIGNING_PASSPHRASE);
  const report = fixtureReport(
    { kode: p.kode, name: 'Puskesmas Karangpawitan', desa: [] },
    '2026-09',
  );
  const packed = await packBundle({
    facility: { kode: p.kode, name: 'Puskesmas Karangpawitan' },
    period: '2026-09',
    revision: 1,
    previousHash: null,
    appVersion: '0.0.0-test',
    schemaVersion: 8,
    createdAt: '2026-10-15T09:00:00+07:00',
    tables: { person: [] },
    report: { json: report, xlsx: await fixtureXlsx(report) },
    signingKey,
    recipients: [recipient],
    ...overrides,
  });
  return packed.bytes;
}

describe('Dinkes import: replay and revision rules', () => {
  let p: Puskesmas;
  let d: Dinkes;
  const extra: Puskesmas[] = [];
  afterEach(async () => {
    await p?.close();
    await d?.close();
    for (const x of extra.splice(0)) await x.close();
  });

  it('a newer revision replaces the older; the same file twice and an older one change nothing', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    const r1 = await exportBundle(p, '2026-09');
    p.clock.advance(60_000);
    const r2 = await exportBundle(p, '2026-09');

    const first = await confirm(d, await importFiles(d, [r1.path]));
    expect(first.results[0]).toMatchObject({ outcome: 'applied', period: '2026-09', revision: 1 });
    const second = await importFiles(d, [r2.path]);
    expect(second.results[0]).toMatchObject({ outcome: 'replaced', revision: 2 });
    expect(second.results[0]!.message).toMatch(/menggantikan revisi sebelumnya/);
    const imports = d.core.database.sqlite
      .prepare('SELECT revision, status FROM bundle_import ORDER BY revision')
      .all();
    expect(imports).toEqual([
      { revision: 1, status: 'superseded' },
      { revision: 2, status: 'applied' },
    ]);
    expect(
      d.core.database.sqlite
        .prepare("SELECT revision FROM received_report WHERE period = '2026-09'")
        .get(),
    ).toEqual({ revision: 2 });

    const same = await refusedWithoutWrites(d, [r2.path]);
    expect(same.results[0]).toMatchObject({ outcome: 'duplicate' });
    expect(same.results[0]!.message).toMatch(/sudah pernah diterima\. Tidak ada perubahan/);
    const replayOld = await refusedWithoutWrites(d, [r1.path]);
    expect(replayOld.results[0]!.outcome).toBe('duplicate');

    // A third revision made elsewhere arrives after r3; then r2's twin (other content) is refused.
    p.clock.advance(60_000);
    const r3 = await exportBundle(p, '2026-09');
    expect((await importFiles(d, [r3.path])).results[0]!.outcome).toBe('replaced');
    const olderTwin = write(
      p.outbox,
      'kembar_r2.siklus',
      await handmade(p, d.recipient, { revision: 2, tables: { person: [] } }),
    );
    const older = await refusedWithoutWrites(d, [olderTwin]);
    expect(older.results[0]).toMatchObject({ outcome: 'older', code: 'REVISION_OLDER' });
    expect(older.results[0]!.message).toMatch(/revisi 2, lebih lama dari revisi 3/);
    const sameRevision = write(
      p.outbox,
      'kembar_r3.siklus',
      await handmade(p, d.recipient, { revision: 3, tables: { person: [] } }),
    );
    const conflict = await refusedWithoutWrites(d, [sameRevision]);
    expect(conflict.results[0]).toMatchObject({ outcome: 'conflict', code: 'REVISION_CONFLICT' });
  });

  it('a batch is applied in period and revision order, whatever order the files come in', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    const r1 = await exportBundle(p, '2026-09');
    p.clock.advance(60_000);
    const r2 = await exportBundle(p, '2026-09');
    const pending = await importFiles(d, [r2.path, r1.path]);
    expect(pending.pending[0]!.files).toEqual([
      { fileName: path.basename(r1.path), period: '2026-09', revision: 1 },
      { fileName: path.basename(r2.path), period: '2026-09', revision: 2 },
    ]);
    const done = await confirm(d, pending);
    expect(done.results.map((r) => r.outcome)).toEqual(['applied', 'replaced']);
  });

  it('--trust-new-signers: three months of a new puskesmas in one batch, its key registered once', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    const aug = await exportBundle(p, '2026-08');
    p.clock.advance(60_000);
    const sept = await exportBundle(p, '2026-09');
    p.clock.advance(60_000);
    const oct = await exportBundle(p, '2026-10');
    const identity = createAgeIdentity(
      await unlockDinkesIdentity(keysDir(d.dir), DINKES_PASSPHRASE),
    );
    // September and October are verified (two files ahead) while August registers the key they
    // were begun without.
    const summary = await d.core.services.bundle.importer.importFiles(
      SYSTEM_ACTOR,
      [oct, sept, aug].map((f) => ({
        name: path.basename(f.path),
        bytes: fs.readFileSync(f.path),
      })),
      { identity, trustNewSigners: true },
    );
    expect(summary.results.map((r) => [r.period, r.outcome])).toEqual([
      ['2026-08', 'applied'],
      ['2026-09', 'applied'],
      ['2026-10', 'applied'],
    ]);
    const registered = d.core.database.sqlite
      .prepare('SELECT count(*) AS n FROM dinkes_puskesmas')
      .get() as { n: number };
    expect(registered.n).toBe(1);
  });

  it('records keep their highest version whatever order bundles arrive in', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    const desa = await p.call<{ id: string }[]>('desa.list');
    const person = {
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
      nik: '3205024503900001',
      desaId: desa[0]!.id,
    };
    const created = await p.call<{ person: { id: string; version: number } }>('persons.create', {
      person,
    });
    const sept = await exportBundle(p, '2026-09');
    p.clock.advance(60_000);
    await p.call('persons.update', {
      id: created.person.id,
      version: 1,
      person: { ...person, phone: '0812 3456 7890' },
    });
    const oct = await exportBundle(p, '2026-10');

    await confirm(d, await importFiles(d, [oct.path]));
    const late = await importFiles(d, [sept.path]);
    expect(late.results[0]!.outcome).toBe('applied');
    const row = d.core.database.sqlite
      .prepare("SELECT version FROM received_copy WHERE table_name = 'person'")
      .get() as { version: number };
    expect(row.version).toBe(2);
    const [line] = await receivedLines(d, 'person');
    expect(JSON.parse(line!)).toMatchObject({ version: 2, phone: '0812 3456 7890' });
  });

  it('checks the key against the puskesmas it claims to be; a new key waits for confirmation', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    await confirm(d, await importFiles(d, [(await exportBundle(p, '2026-09')).path]));

    // Another puskesmas using A's key (copied files): refused, nothing written.
    const b = await openPuskesmas({
      kode: 'P3205020102',
      name: 'Puskesmas Lain',
      recipients: [d.recipient],
      signingKey: false,
    });
    extra.push(b);
    for (const name of fs
      .readdirSync(keysDir(p.dir))
      .filter((f) => f.startsWith('puskesmas-signing'))) {
      fs.copyFileSync(path.join(keysDir(p.dir), name), path.join(keysDir(b.dir), name));
    }
    const impostor = await refusedWithoutWrites(d, [(await exportBundle(b, '2026-09')).path]);
    expect(impostor.results[0]).toMatchObject({ outcome: 'refused', code: 'SIGNER_MISMATCH' });
    expect(impostor.results[0]!.message).toMatch(
      /milik P3205020101 Puskesmas Karangpawitan, tetapi mengaku dari P3205020102/,
    );

    // A makes a new signing key: its next bundle waits, showing the old fingerprint too.
    const registry = () =>
      d.core.database.sqlite.prepare('SELECT fingerprint, version FROM dinkes_puskesmas').all() as {
        fingerprint: string;
        version: number;
      }[];
    const before = registry();
    for (const name of fs
      .readdirSync(keysDir(p.dir))
      .filter((f) => f.startsWith('puskesmas-signing'))) {
      fs.rmSync(path.join(keysDir(p.dir), name));
    }
    await initPuskesmasKeys(keysDir(p.dir), SIGNING_PASSPHRASE, FAST_KEYS);
    p.clock.advance(60_000);
    const rotated = await importFiles(d, [(await exportBundle(p, '2026-10')).path]);
    expect(rotated.results[0]).toMatchObject({ outcome: 'unknownSigner' });
    expect(rotated.results[0]!.message).toMatch(/kunci tanda tangan BARU/);
    expect(rotated.pending[0]!.previous).toEqual({
      keyId: expect.any(String),
      fingerprint: before[0]!.fingerprint,
    });
    const done = await confirm(d, rotated);
    expect(done.results[0]!.outcome).toBe('applied');
    const after = registry();
    expect(after).toHaveLength(1);
    expect(after[0]!.fingerprint).not.toBe(before[0]!.fingerprint);
    expect(
      d.core.database.sqlite
        .prepare(
          "SELECT count(*) AS n FROM audit_log WHERE table_name = 'dinkes_puskesmas' AND action = 'update'",
        )
        .get(),
    ).toEqual({ n: 1 });
  });

  it('refuses damaged, cut, foreign, unknown-format and invalid bundles with their own message', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    const good = await exportBundle(p, '2026-09');
    await confirm(d, await importFiles(d, [good.path]));
    p.clock.advance(60_000);
    const next = await exportBundle(p, '2026-10');
    const bytes = new Uint8Array(fs.readFileSync(next.path));

    const flipped = Uint8Array.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x40;
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const other = await openPuskesmas({ kode: 'P3205020103', recipients: [DINKES.recipient] });
    extra.push(other);
    const foreign = (await exportBundle(other, '2026-09')).path;
    const signingKey = await unlockSigningKey(keysDir(p.dir), SIGNING_PASSPHRASE);
    const future = await encryptBundle(
      await craftZip({
        input: sampleInput({
          facility: { kode: p.kode, name: 'Puskesmas Karangpawitan' },
          signingKey,
        }),
        editManifest: (m) => {
          m.formatVersion = 2;
        },
      }),
      { recipients: [d.recipient] },
    );
    const badReport = await handmade(p, d.recipient, {
      period: '2026-08',
      report: {
        json: { ringkasan: 'bukan laporan' },
        xlsx: await fixtureXlsx(fixtureReport({ kode: p.kode, name: 'x', desa: [] }, '2026-08')),
      },
    });
    const cases: [string, Uint8Array | string, string, RegExp][] = [
      ['diubah.siklus', flipped, 'BUNDLE_CORRUPT', /telah diubah setelah dibuat/],
      ['terpotong.siklus', cut, 'BUNDLE_CORRUPT', /terpotong/],
      [
        'untuk-dinkes-lain.siklus',
        foreign,
        'BUNDLE_WRONG_KEY',
        /tidak ditujukan untuk kunci Dinkes ini/,
      ],
      [
        'versi-baru.siklus',
        future,
        'BUNDLE_FORMAT_UNSUPPORTED',
        /Versi format paket ini tidak didukung/,
      ],
      [
        'laporan.siklus',
        badReport,
        'BUNDLE_REPORT_INVALID',
        /Laporan indikator dalam paket tidak sah/,
      ],
      [
        'catatan.siklus',
        new TextEncoder().encode('bukan paket\n'),
        'BUNDLE_NOT_AGE',
        /bukan paket Siklus/,
      ],
    ];
    for (const [name, content, code, message] of cases) {
      const file = typeof content === 'string' ? content : write(p.outbox, name, content);
      const summary = await refusedWithoutWrites(d, [file]);
      expect(summary.results[0], name).toMatchObject({ outcome: 'refused', code });
      expect(summary.results[0]!.message, name).toMatch(message);
    }
    // The genuine October bundle still goes in afterwards.
    expect((await importFiles(d, [next.path])).results[0]!.outcome).toBe('applied');
  });

  it('a passphrase bundle asks for its passphrase; keys trusted by the CLI need no confirmation', async () => {
    d = await openDinkes();
    p = await openPuskesmas();
    const status = await p.call<{ signing: { publicKey: string } }>('keys.status');
    await addTrustedSigner(keysDir(d.dir), status.signing.publicKey, 'P3205020101 Karangpawitan');
    const made = await exportBundle(p, '2026-09', {
      lock: 'passphrase',
      bundlePassphrase: 'sandi-paket-september',
      bundlePassphraseConfirm: 'sandi-paket-september',
    });
    const asks = await refusedWithoutWrites(d, [made.path]);
    expect(asks.results[0]).toMatchObject({ outcome: 'needsPassphrase' });
    const wrong = await refusedWithoutWrites(d, [made.path], {
      bundlePassphrase: 'salah-sandi-paket',
    });
    expect(wrong.results[0]).toMatchObject({ outcome: 'refused', code: 'BUNDLE_WRONG_PASSPHRASE' });
    const right = await importFiles(d, [made.path], { bundlePassphrase: 'sandi-paket-september' });
    expect(right.results[0]).toMatchObject({ outcome: 'applied' });
    expect(right.pending).toEqual([]);
    const registry = await d.call<{ rows: { kode: string; fingerprint: string }[] }>(
      'dinkes.puskesmas',
    );
    expect(registry.rows).toEqual([expect.objectContaining({ kode: 'P3205020101' })]);
  }, 60_000);

  it('says when an earlier bundle of the chain is missing, and needs the unlocked key', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
    await exportBundle(p, '2026-09');
    p.clock.advance(60_000);
    const oct = await exportBundle(p, '2026-10');
    await d.call('keys.lock');
    const locked = await refusedWithoutWrites(d, [oct.path]);
    expect(locked.results[0]).toMatchObject({ outcome: 'refused', code: 'KEY_LOCKED' });
    await d.call('keys.unlock', { keyPassphrase: 'kunci-dinkes-kabupaten' });
    const done = await confirm(d, await importFiles(d, [oct.path]));
    expect(done.results[0]!.outcome).toBe('applied');
    expect(done.results[0]!.warnings[0]).toMatch(
      /Paket sebelumnya dari puskesmas ini belum diterima/,
    );
    const history = await d.call<{ rows: { chainComplete: boolean }[] }>('dinkes.imports', {});
    expect(history.rows[0]!.chainComplete).toBe(false);
  });
});
