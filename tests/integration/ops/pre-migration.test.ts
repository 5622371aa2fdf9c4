import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listStored, verifyBackup } from '../../../src-main/backup';
import { openDatabase } from '../../../src-main/db/connection';
import type { Migration } from '../../../src-main/db/migrations';
import { tempDir } from '../../support/temp';

const step = (version: number, table: string): Migration => ({
  version,
  name: `add_${table}`,
  up: (db) => db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY) STRICT`),
});

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('siklus-premig-')));
afterEach(() => cleanup());

describe('the copy before a schema update', () => {
  it('goes through the backup module: checked, with a manifest, and listed', async () => {
    const file = path.join(dir, 'siklus.sqlite3');
    const backupDir = path.join(dir, 'backup');
    const v1 = await openDatabase({
      file,
      backupDir,
      appVersion: '1.0.0',
      migrations: [step(1, 'a')],
    });
    v1.sqlite.prepare("INSERT INTO a VALUES ('x'), ('y')").run();
    await v1.close();
    const v2 = await openDatabase({
      file,
      backupDir,
      appVersion: '1.1.0',
      migrations: [step(1, 'a'), step(2, 'b')],
      now: () => new Date('2026-11-01T00:00:00Z'),
    });
    await v2.close();

    const [copy, ...rest] = listStored(backupDir, 'utama');
    expect(rest).toEqual([]);
    expect(copy!.manifest).toMatchObject({
      id: 'pra-migrasi_v1-ke-v2_2026-11-01T00-00-00-000Z',
      kind: 'pra-migrasi',
      schemaVersion: 1,
      appVersion: '1.1.0',
      integrity: 'ok',
      encrypted: false,
      counts: { a: 2, schema_migrations: 1 },
    });
    expect(await verifyBackup(copy!)).toEqual({ ok: true, problems: [], contentChecked: true });
    expect(fs.readdirSync(backupDir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
