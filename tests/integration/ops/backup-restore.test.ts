import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BackupCreated,
  BackupList,
  BackupRestored,
  BackupSettings,
  BackupVerified,
  EventPayload,
  SystemInfo,
} from '@shared/contract';
import type { TestCore } from '../../support/core';
import { setupFacility, signInAdmin, signInAs } from '../../support/setup';
import { fixedClock, tempDir } from '../../support/temp';
import { addPersons, expectOk, listFilesRecursive, openCoreAt, rowCounts } from './helpers';

let dir: string;
let cleanup: () => void;
let t: TestCore;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('siklus-ops-'));
  t = await openCoreAt(dir);
  await setupFacility(t);
  await addPersons(t, 25);
});
afterEach(async () => {
  await t.close();
  cleanup();
});

describe('backup, verify and restore', () => {
  it('round-trips: the restored database has the record counts of the backup', async () => {
    const progress: EventPayload<'task.progress'>[] = [];
    t.core.subscribe((event, payload) => {
      if (event === 'task.progress') progress.push(payload);
    });
    const before = rowCounts(t.core);
    const created = await expectOk<BackupCreated>(t.call('backup.create', { taskId: 'uji-1' }));
    expect(created.backup).toMatchObject({
      kind: 'manual',
      status: 'ok',
      encrypted: false,
      location: 'utama',
      restorable: true,
      facility: { name: 'Puskesmas Karangpawitan', kodePuskesmas: 'P3205020101' },
    });
    expect(created.backup.counts).toEqual(before);
    expect(created.backup.counts.person).toBe(25);
    expect(created.secondCopy).toBeNull();

    // Progress on the existing task.progress event, ending at 100 %.
    expect(progress.length).toBeGreaterThan(3);
    expect(new Set(progress.map((p) => p.taskId))).toEqual(new Set(['uji-1']));
    expect(progress.at(-1)).toMatchObject({ done: 100, total: 100, label: 'Cadangan selesai' });
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );

    // Manifest beside the copy.
    const manifestFile = path.join(dir, 'backup', `${created.backup.id}.manifest.json`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: 'siklus-backup',
      schemaVersion: t.core.database.schemaVersion,
      integrity: 'ok',
      encrypted: false,
      file: `${created.backup.id}.sqlite3`,
    });

    const list = await expectOk<BackupList>(t.call('backup.list'));
    expect(list.backups.map((b) => b.id)).toEqual([created.backup.id]);
    expect(list.lastBackupAt).toBe(created.backup.createdAt);
    expect(
      await expectOk<BackupVerified>(t.call('backup.verify', { id: created.backup.id })),
    ).toEqual({ id: created.backup.id, ok: true, problems: [], contentChecked: true });

    // Work goes on after the backup, then the admin restores it.
    t.clock.advance(60_000);
    await addPersons(t, 5, 100);
    expect(rowCounts(t.core).person).toBe(30);
    const restored = await expectOk<BackupRestored>(
      t.call('backup.restore', { id: created.backup.id }),
    );
    expect(restored.restart).toBe('reopened');
    expect(t.core.mode).toBe('normal');
    expect(rowCounts(t.core)).toEqual(before);

    // The previous database was set aside, not deleted, and holds the 30 persons.
    expect(restored.keptAside).toMatch(/^backup[\\/]disisihkan[\\/].*_sebelum-pemulihan$/);
    const aside = path.join(dir, restored.keptAside!, 'siklus.sqlite3');
    expect(fs.existsSync(aside)).toBe(true);
    const Database = (await import('better-sqlite3')).default;
    const old = new Database(aside, { readonly: true });
    expect((old.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(30);
    old.close();

    // Everyone signs in again after a restore.
    expect(await t.call('backup.list')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await signInAdmin(t);
    expect((await expectOk<BackupList>(t.call('backup.list'))).backups).toHaveLength(1);
  });

  it('refuses a tampered backup and leaves the current database in place', async () => {
    const created = await expectOk<BackupCreated>(t.call('backup.create'));
    const file = path.join(dir, 'backup', `${created.backup.id}.sqlite3`);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    expect(
      await expectOk<BackupVerified>(t.call('backup.verify', { id: created.backup.id })),
    ).toMatchObject({
      ok: false,
    });
    expect(await t.call('backup.restore', { id: created.backup.id })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: expect.stringMatching(/sha256/) },
    });
    expect(t.core.mode).toBe('normal');
    expect(rowCounts(t.core).person).toBe(25);
    expect(fs.existsSync(path.join(dir, 'backup', 'disisihkan'))).toBe(false);
  });

  it('is for admins only; recovery channels refuse in normal mode', async () => {
    await signInAs(t, 'petugas');
    expect(await t.call('backup.create')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('backup.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Info & log is for any signed-in user.
    expect(await t.call('system.info')).toMatchObject({ ok: true });
    await t.call('auth.logout');
    expect(await t.call('backup.restore', { id: 'manual_x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await t.call('system.info')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await t.call('recovery.status')).toMatchObject({ ok: true, value: { mode: 'normal' } });
    expect(await t.call('recovery.restore', {})).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    // Ids are names, never paths.
    await signInAdmin(t);
    expect(await t.call('backup.restore', { id: '../siklus' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('encrypts with the admin passphrase (age scrypt) and never audits the passphrase', async () => {
    const passphrase = 'kuda-lari-di-sawah-hijau';
    const settings = await expectOk<BackupSettings>(
      t.call('backup.setSettings', {
        keepDaily: 14,
        keepMonthly: 12,
        secondDir: null,
        encrypt: true,
        passphrase,
        passphraseConfirm: passphrase,
      }),
    );
    expect(settings).toEqual({
      keepDaily: 14,
      keepMonthly: 12,
      secondDir: null,
      encrypt: true,
      passphraseSet: true,
    });
    const audit = JSON.stringify(
      t.core.database.sqlite.prepare('SELECT changes FROM audit_log').all(),
    );
    expect(audit).not.toContain(passphrase);

    const created = await expectOk<BackupCreated>(t.call('backup.create'));
    expect(created.backup.encrypted).toBe(true);
    const file = path.join(dir, 'backup', `${created.backup.id}.sqlite3.age`);
    // The standard age format (scrypt recipient): `age -d` opens it with the passphrase.
    expect(fs.readFileSync(file).subarray(0, 40).toString('latin1')).toMatch(
      /^age-encryption\.org\/v1\n-> scrypt /,
    );
    expect(fs.readFileSync(file).includes(Buffer.from('Warga Uji'))).toBe(false);

    // Verify and restore use the stored passphrase; a wrong one is refused by field.
    expect(
      await expectOk<BackupVerified>(t.call('backup.verify', { id: created.backup.id })),
    ).toMatchObject({
      ok: true,
      contentChecked: true,
    });
    expect(
      await t.call('backup.verify', { id: created.backup.id, passphrase: 'salah-sama-sekali' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'passphrase' }] } },
    });
    await addPersons(t, 2, 200);
    const restored = await expectOk<BackupRestored>(
      t.call('backup.restore', { id: created.backup.id }),
    );
    expect(restored.restored.encrypted).toBe(true);
    expect(rowCounts(t.core).person).toBe(25);
  }, 60_000);

  it('copies to a second folder, and a missing second folder never fails the backup', async () => {
    const usb = tempDir('siklus-usb-');
    try {
      await expectOk(
        t.call('backup.setSettings', {
          keepDaily: 14,
          keepMonthly: 12,
          secondDir: usb.dir,
          encrypt: false,
        }),
      );
      const first = await expectOk<BackupCreated>(t.call('backup.create'));
      expect(first.secondCopy).toMatchObject({ ok: true, dir: usb.dir });
      expect(fs.readdirSync(usb.dir).sort()).toEqual([
        `${first.backup.id}.manifest.json`,
        `${first.backup.id}.sqlite3`,
      ]);
      const both = await expectOk<BackupList>(t.call('backup.list'));
      expect(both.backups.map((b) => b.location).sort()).toEqual(['kedua', 'utama']);
      expect(both.secondDir).toEqual({ dir: usb.dir, available: true, message: null });

      // The drive is unplugged.
      fs.rmSync(usb.dir, { recursive: true, force: true });
      t.clock.advance(60_000);
      const second = await expectOk<BackupCreated>(t.call('backup.create'));
      expect(second.backup.status).toBe('ok');
      expect(second.secondCopy).toMatchObject({
        ok: false,
        message: expect.stringMatching(/tidak/),
      });
      expect((await expectOk<BackupList>(t.call('backup.list'))).secondDir).toMatchObject({
        available: false,
      });
    } finally {
      usb.cleanup();
    }
  });

  it('takes the daily backup on the first start of the day only', async () => {
    await t.close();
    const clock = fixedClock('2026-10-15T02:00:00.000Z');
    t = await openCoreAt(dir, clock, { dailyBackup: 'await' });
    const daily = () =>
      listFilesRecursive(path.join(dir, 'backup')).filter((f) =>
        /harian_.*\.manifest\.json$/.test(f),
      );
    expect(daily()).toHaveLength(1);
    await t.close();
    clock.advance(3 * 3600_000); // same day (WIB)
    t = await openCoreAt(dir, clock, { dailyBackup: 'await' });
    expect(daily()).toHaveLength(1);
    await t.close();
    clock.set('2026-10-15T17:30:00.000Z'); // 00:30 WIB the next day
    t = await openCoreAt(dir, clock, { dailyBackup: 'await' });
    expect(daily()).toHaveLength(2);
  });

  it('tells the Info & log page what it needs, without personal data', async () => {
    await expectOk(t.call('backup.create'));
    const info = await expectOk<SystemInfo>(t.call('system.info'));
    expect(info).toMatchObject({
      appVersion: '0.0.0-test',
      runtime: 'harness',
      dataDir: dir,
      logDir: path.join(dir, 'log'),
      lastBackup: { kind: 'manual' },
    });
    expect(info.databaseBytes).toBeGreaterThan(0);
    expect(info.diagnostics).toMatch(/person: 25/);
    expect(info.diagnostics).not.toMatch(/Warga Uji|3205024503900/);
  });
});
