import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, readSchemaVersion } from '../../../src-main/db/connection';
import {
  DatabaseTooNewError,
  DatabaseUnreadableError,
  MigrationFailedError,
} from '../../../src-main/db/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src-main/db/migrations';
import { tempDir } from '../../support/temp';

const tableStep = (version: number, table: string): Migration => ({
  version,
  name: `create_${table}`,
  up: (db) => db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY) STRICT`),
});

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('openDatabase', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  let backupDir: string;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, 'siklus.sqlite3');
    backupDir = path.join(dir, 'backup');
  });
  afterEach(() => cleanup());

  it('creates a new database at the latest version with the pragmas set', async () => {
    const opened = await openDatabase({ file, backupDir, appVersion: '0.0.0-test' });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const journal = opened.sqlite
      .prepare('SELECT version, name, app_version FROM schema_migrations ORDER BY version')
      .all();
    expect(journal).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, app_version: '0.0.0-test' })),
    );
    await opened.close();
    // No copy is made of a database that did not exist.
    expect(fs.existsSync(backupDir)).toBe(false);
  });

  it('runs migrations in version order, each once', async () => {
    const order: string[] = [];
    const recording = (m: Migration): Migration => ({
      ...m,
      up: (db) => {
        order.push(m.name);
        m.up(db);
      },
    });
    const registry = [recording(tableStep(1, 'a')), recording(tableStep(2, 'b'))];
    const first = await openDatabase({ file, backupDir, appVersion: 't', migrations: registry });
    await first.close();
    const second = await openDatabase({ file, backupDir, appVersion: 't', migrations: registry });
    await second.close();
    expect(order).toEqual(['create_a', 'create_b']);
  });

  it('refuses a registry that is out of order', async () => {
    await expect(
      openDatabase({
        file,
        backupDir,
        appVersion: 't',
        migrations: [tableStep(2, 'b'), tableStep(1, 'a')],
      }),
    ).rejects.toThrow(/out of order/);
  });

  it('copies the database aside before pending migrations run', async () => {
    const v1 = await openDatabase({
      file,
      backupDir,
      appVersion: 't',
      migrations: [tableStep(1, 'a')],
    });
    v1.sqlite.prepare("INSERT INTO a (id) VALUES ('kept')").run();
    await v1.close();

    const v2 = await openDatabase({
      file,
      backupDir,
      appVersion: 't',
      migrations: [tableStep(1, 'a'), tableStep(2, 'b')],
      now: () => new Date('2026-11-01T00:00:00Z'),
    });
    const { backupFile } = v2.migration;
    await v2.close();
    expect(backupFile).toBe(
      path.join(backupDir, 'pra-migrasi_v1-ke-v2_2026-11-01T00-00-00-000Z.sqlite3'),
    );

    const copy = new Database(backupFile!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT id FROM a').all()).toEqual([{ id: 'kept' }]);
    expect(copy.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    copy.close();
  });

  it('rolls back a failing migration and keeps the previous version', async () => {
    const v1 = await openDatabase({
      file,
      backupDir,
      appVersion: 't',
      migrations: [tableStep(1, 'a')],
    });
    await v1.close();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (id TEXT)');
        db.exec('INSERT INTO missing_table VALUES (1)');
      },
    };
    await expect(
      openDatabase({ file, backupDir, appVersion: 't', migrations: [tableStep(1, 'a'), broken] }),
    ).rejects.toBeInstanceOf(MigrationFailedError);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(
      check.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
    ).toBeUndefined();
    expect(check.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: 1,
    });
    check.close();
  });

  it('refuses a database written by a newer Siklus and leaves the file untouched', async () => {
    const opened = await openDatabase({ file, backupDir, appVersion: 't' });
    opened.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    await opened.close();
    const before = sha256(file);
    // SQLite's own -wal and -shm aside (any reader of a WAL database may create them, empty).
    const files = () =>
      fs
        .readdirSync(dir)
        .filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))
        .sort();
    const filesBefore = files();

    const attempt = openDatabase({ file, backupDir, appVersion: 't' });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/lebih baru.*Perbarui aplikasi Siklus/s);
    expect(sha256(file)).toBe(before);
    expect(files()).toEqual(filesBefore);
    expect(readSchemaVersion(file)).toBe(LATEST_SCHEMA_VERSION + 5);
  });

  it('reports a file that is not a database without changing it', async () => {
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    const before = sha256(file);
    await expect(openDatabase({ file, backupDir, appVersion: 't' })).rejects.toBeInstanceOf(
      DatabaseUnreadableError,
    );
    expect(sha256(file)).toBe(before);
  });
});
