import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, BUNDLE_ERROR_MESSAGES } from '../../../src-main/bundle';
import { TABLE_NAME_RE } from '../../../src-main/bundle/manifest';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { EXPORT_TABLES, NOT_EXPORTED } from '../../../src-main/services/bundle-export';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

const CONVENTIONS = [
  'id',
  'created_at',
  'updated_at',
  'deleted_at',
  'version',
  'created_by',
  'updated_by',
];

describe('migration 0008 and the export registry', () => {
  let db: Database | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await db?.close();
    db = undefined;
    cleanup();
  });

  async function open(migrations = MIGRATIONS) {
    const t = tempDir('siklus-0008-');
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'siklus.sqlite3');
    return { file, dir: t.dir, migrations };
  }

  it('every record table is either exported or explicitly kept home', async () => {
    const { file, dir } = await open();
    db = await openDatabase({ file, backupDir: path.join(dir, 'backup'), appVersion: 't' });
    const tables = (
      db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const recordTables = tables.filter((t) => {
      const columns = (
        db!.sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]
      ).map((c) => c.name);
      return CONVENTIONS.every((c) => columns.includes(c));
    });
    const listed = new Set<string>([...EXPORT_TABLES, ...NOT_EXPORTED]);
    expect(recordTables.filter((t) => !listed.has(t))).toEqual([]);
    expect(EXPORT_TABLES.filter((t) => (NOT_EXPORTED as readonly string[]).includes(t))).toEqual(
      [],
    );
    for (const t of EXPORT_TABLES) expect(TABLE_NAME_RE.test(t), t).toBe(true);
    expect(NOT_EXPORTED).toContain('app_user');
  });

  it('adds the bundle tables to a version 3 database, with their constraints and indexes', async () => {
    const { file, dir } = await open();
    const v3 = await openDatabase({
      file,
      backupDir: path.join(dir, 'backup'),
      appVersion: 't',
      migrations: MIGRATIONS.filter((m) => m.version <= 3),
    });
    await v3.close();
    db = await openDatabase({ file, backupDir: path.join(dir, 'backup'), appVersion: 't' });
    expect(db.migration).toMatchObject({ from: 3 });
    const s = db.sqlite;
    const at = '2026-10-01T00:00:00.000Z';
    s.prepare(
      `INSERT INTO dinkes_puskesmas (id, kode, name, signer_key_id, public_key, fingerprint, confirmed_at, created_at, updated_at)
       VALUES ('p1', 'P1', 'Puskesmas', 'K1', 'RW…', 'F', ?, ?, ?)`,
    ).run(at, at, at);
    const insertImport = s.prepare(
      `INSERT INTO bundle_import (id, puskesmas_id, period, revision, sha256, file_name, received_at, status, counts, records, changed, bundle_created, app_version, schema_version, created_at, updated_at)
       VALUES (?, 'p1', '2026-09', ?, ?, 'f', ?, ?, '{}', 0, 0, ?, '0', 8, ?, ?)`,
    );
    insertImport.run('i1', 1, 'a'.repeat(64), at, 'applied', at, at, at);
    expect(() => insertImport.run('i2', 2, 'a'.repeat(64), at, 'applied', at, at, at)).toThrow(
      /UNIQUE/,
    );
    expect(() => insertImport.run('i3', 1, 'b'.repeat(64), at, 'applied', at, at, at)).toThrow(
      /UNIQUE/,
    );
    expect(() => insertImport.run('i4', 0, 'c'.repeat(64), at, 'applied', at, at, at)).toThrow(
      /CHECK/,
    );
    expect(() => insertImport.run('i5', 5, 'd'.repeat(64), at, 'lost', at, at, at)).toThrow(
      /CHECK/,
    );
    expect(() =>
      s
        .prepare(
          `INSERT INTO received_record (puskesmas_id, table_name, record_id, version, updated_at, data, bundle_import_id)
           VALUES ('nobody', 'person', 'r', 1, ?, '{}', 'i1')`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);

    const plan = (sql: string) => queryPlan(s, sql);
    expect(plan("SELECT id FROM bundle_import WHERE sha256 = 'x'")).toMatch(/bundle_import_sha256/);
    expect(
      plan("SELECT id FROM bundle_import WHERE puskesmas_id = 'p1' AND period = '2026-09'"),
    ).toMatch(/bundle_import_revision/);
    expect(plan("SELECT id FROM dinkes_puskesmas WHERE signer_key_id = 'K1'")).toMatch(
      /dinkes_puskesmas_key/,
    );
    expect(plan("SELECT revision FROM received_report WHERE period = '2026-09'")).toMatch(
      /received_report_period/,
    );
    expect(plan("SELECT max(revision) FROM bundle_export WHERE period = '2026-09'")).toMatch(
      /bundle_export_period_revision/,
    );
  });

  it('the English and Indonesian words for every bundle error exist; Indonesian is the core’s text', () => {
    for (const code of BUNDLE_ERROR_CODES) {
      const key = `bundleError.${code}` as MessageKey;
      expect(translate('id', key), code).toBe(BUNDLE_ERROR_MESSAGES[code]);
      expect(translate('en', key), code).not.toBe(key);
    }
  });
});
