import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BackupCreated,
  BackupList,
  BackupRestored,
  RecoveryInspection,
  RecoveryStatus,
  SalvageResult,
} from '@shared/contract';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/db/migrations';
import type { TestCore } from '../../support/core';
import { setupFacility, signInAdmin } from '../../support/setup';
import { tempDir } from '../../support/temp';
import { addPersons, damageMiddle, expectOk, openCoreAt, rowCounts } from './helpers';

let dir: string;
let cleanup: () => void;
let t: TestCore;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A facility with 120 persons and one verified backup of them; the core is closed. */
async function preparedFolder(): Promise<{ backupId: string; counts: Record<string, number> }> {
  t = await openCoreAt(dir);
  await setupFacility(t);
  await addPersons(t, 120);
  const created = await expectOk<BackupCreated>(t.call('backup.create'));
  const counts = rowCounts(t.core);
  await t.close();
  return { backupId: created.backup.id, counts };
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('siklus-recovery-'));
});
afterEach(async () => {
  await t?.close();
  cleanup();
});

describe('start-up checks and recovery mode', () => {
  it('a database with bytes overwritten in the middle starts in recovery; restoring the newest good backup brings the data back', async () => {
    const { backupId, counts } = await preparedFolder();
    const file = path.join(dir, 'siklus.sqlite3');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    damageMiddle(file);
    const damagedSha = sha(file);

    t = await openCoreAt(dir);
    expect(t.core.mode).toBe('recovery');
    expect(t.core.recovery).toMatchObject({ reason: 'corrupt' });
    expect(() => t.core.database).toThrow(/recovery mode/);

    // Only the recovery channels (and app.info) answer; the rest say RECOVERY_MODE.
    expect(await t.call('auth.status')).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_MODE', message: expect.stringMatching(/mode pemulihan/) },
    });
    expect(await t.call('persons.search', { q: 'Warga' })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_MODE' },
    });
    expect(await t.call('app.info')).toMatchObject({ ok: true, value: { dataDir: dir } });
    // The bridge still checks the sender in recovery mode.
    expect(await t.core.dispatch('recovery.status', {}, { trusted: false })).toMatchObject({
      ok: false,
      error: { code: 'BAD_SENDER' },
    });

    const status = await expectOk<RecoveryStatus>(t.call('recovery.status'));
    expect(status).toMatchObject({
      mode: 'recovery',
      reason: 'corrupt',
      dataDir: dir,
      schemaFound: LATEST_SCHEMA_VERSION,
      schemaSupported: LATEST_SCHEMA_VERSION,
      canRestore: true,
    });
    expect(status.error).toMatch(/rusak/);

    const list = await expectOk<BackupList>(t.call('recovery.backups'));
    expect(list.backups[0]).toMatchObject({
      id: backupId,
      restorable: true,
      counts,
      facility: { name: 'Puskesmas Karangpawitan' },
      schemaVersion: LATEST_SCHEMA_VERSION,
    });

    const inspection = await expectOk<RecoveryInspection>(t.call('recovery.inspect'));
    expect(inspection.opened).toBe(true);
    expect(inspection.check.join('\n')).not.toBe('ok');

    const diagnostics = await expectOk<{ text: string }>(t.call('recovery.diagnostics'));
    expect(diagnostics.text).toMatch(/mode\s+recovery/);
    expect(diagnostics.text).toMatch(/reason\s+corrupt/);
    expect(diagnostics.text).not.toMatch(/Warga Uji|3205024503900/);

    // What can still be read is copied aside for IT staff (the work since the last backup).
    const salvage = await expectOk<SalvageResult>(t.call('recovery.salvage'));
    expect(salvage.file).toMatch(/^backup[\\/]disisihkan[\\/].*_salvage\.sqlite3$/);
    expect(salvage.tables.facility).toEqual({ rows: 1, error: null });
    // Only the rows on the overwritten pages are lost: the scan seeks past them.
    expect(salvage.tables.person!.rows).toBeGreaterThan(60);
    expect(salvage.tables.person!.rows).toBeLessThan(120);
    const salvaged = new Database(path.join(dir, salvage.file), { readonly: true });
    expect(salvaged.prepare('SELECT count(*) AS n FROM person').get()).toEqual({
      n: salvage.tables.person!.rows,
    });
    salvaged.close();

    // Nothing above touched the damaged file.
    expect(sha(file)).toBe(damagedSha);

    const restored = await expectOk<BackupRestored>(t.call('recovery.restore', {}));
    expect(restored).toMatchObject({ restored: { id: backupId }, restart: 'reopened' });
    expect(t.core.mode).toBe('normal');
    expect(rowCounts(t.core)).toEqual(counts);

    // The damaged file is kept aside, byte for byte.
    expect(restored.keptAside).toMatch(/_rusak$/);
    expect(sha(path.join(dir, restored.keptAside!, 'siklus.sqlite3'))).toBe(damagedSha);

    // The app works again: sign in and read.
    await signInAdmin(t);
    expect(await t.call('persons.search', { q: 'Warga Uji 007' })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
  });

  it('stays in recovery after a restart until restored (no data is changed by starting)', async () => {
    await preparedFolder();
    const file = path.join(dir, 'siklus.sqlite3');
    damageMiddle(file);
    const damaged = sha(file);
    t = await openCoreAt(dir);
    expect(t.core.mode).toBe('recovery');
    await t.core.reopen();
    expect(t.core.mode).toBe('recovery');
    await t.close();
    expect(sha(file)).toBe(damaged);
  });

  it('a database from a newer Siklus starts in recovery (reason tooNew) and is not modified', async () => {
    await preparedFolder();
    const file = path.join(dir, 'siklus.sqlite3');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    db.close();
    const before = sha(file);
    t = await openCoreAt(dir);
    expect(await expectOk<RecoveryStatus>(t.call('recovery.status'))).toMatchObject({
      mode: 'recovery',
      reason: 'tooNew',
      schemaFound: LATEST_SCHEMA_VERSION + 3,
      error: expect.stringMatching(/lebih baru/),
    });
    expect(sha(file)).toBe(before);
  });

  it('a file that is not a database at all, and no backup: recovery says there is nothing to restore', async () => {
    fs.writeFileSync(path.join(dir, 'siklus.sqlite3'), 'bukan basis data '.repeat(500));
    t = await openCoreAt(dir);
    expect(await expectOk<RecoveryStatus>(t.call('recovery.status'))).toMatchObject({
      mode: 'recovery',
      canRestore: false,
    });
    expect(await t.call('recovery.restore', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Tidak ada cadangan yang baik untuk dipulihkan.' },
    });
    expect(await t.call('recovery.restore', { id: '..' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await expectOk<RecoveryInspection>(t.call('recovery.inspect'))).toMatchObject({
      opened: expect.any(Boolean),
    });
  });
});

describe('a missing database with backups beside it', () => {
  it('starts in recovery (reason missing) instead of a fresh, empty database', async () => {
    const { counts } = await preparedFolder();
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(path.join(dir, `siklus.sqlite3${suffix}`), { force: true });
    }
    t = await openCoreAt(dir);
    expect(await expectOk<RecoveryStatus>(t.call('recovery.status'))).toMatchObject({
      mode: 'recovery',
      reason: 'missing',
      canRestore: true,
    });
    expect(fs.existsSync(path.join(dir, 'siklus.sqlite3'))).toBe(false);
    const restored = await expectOk<BackupRestored>(t.call('recovery.restore', {}));
    expect(restored.keptAside).toBeNull();
    expect(rowCounts(t.core)).toEqual(counts);
  });
});
