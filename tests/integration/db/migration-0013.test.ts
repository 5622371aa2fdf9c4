import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabaseAt } from '../../support/database';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

describe('migration 0013: received_record as a rowid table', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('keeps every row, the primary key, the foreign keys and the index', async () => {
    const v12 = await openDatabaseAt(dir, 12);
    const at = '2026-10-01T00:00:00.000Z';
    v12.sqlite
      .prepare(
        `INSERT INTO dinkes_puskesmas (id, kode, name, signer_key_id, public_key, fingerprint, confirmed_at, created_at, updated_at)
         VALUES ('p1', 'P1', 'Puskesmas', 'K1', 'RW…', 'F', ?, ?, ?)`,
      )
      .run(at, at, at);
    v12.sqlite
      .prepare(
        `INSERT INTO bundle_import (id, puskesmas_id, period, revision, sha256, file_name, received_at, status, counts, records, changed, bundle_created, app_version, schema_version, created_at, updated_at)
         VALUES ('i1', 'p1', '2026-09', 1, ?, 'f', ?, 'applied', '{}', 2, 2, ?, '0', 12, ?, ?)`,
      )
      .run('a'.repeat(64), at, at, at, at);
    const insertRecord = v12.sqlite.prepare(
      `INSERT INTO received_record (puskesmas_id, table_name, record_id, version, updated_at, deleted_at, data, bundle_import_id)
       VALUES ('p1', ?, ?, ?, ?, ?, ?, 'i1')`,
    );
    insertRecord.run('person', 'r1', 2, at, null, `{"id":"r1","note":"${'x'.repeat(3000)}"}`);
    insertRecord.run('pregnancy', 'r2', 1, at, at, '{"id":"r2"}');
    const before = v12.sqlite.prepare('SELECT * FROM received_record ORDER BY record_id').all();
    await v12.close();

    const db = await openDatabaseAt(dir, 13);
    expect(db.migration).toMatchObject({ from: 12, to: 13 });
    const s = db.sqlite;
    expect(s.prepare('SELECT * FROM received_record ORDER BY record_id').all()).toEqual(before);
    const table = s
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'received_record'")
      .get() as { sql: string };
    expect(table.sql).not.toMatch(/WITHOUT ROWID/);
    expect(() =>
      s
        .prepare(
          `INSERT INTO received_record (puskesmas_id, table_name, record_id, version, updated_at, data, bundle_import_id)
           VALUES ('p1', 'person', 'r1', 3, ?, '{}', 'i1')`,
        )
        .run(at),
    ).toThrow(/UNIQUE/);
    expect(() =>
      s
        .prepare(
          `INSERT INTO received_record (puskesmas_id, table_name, record_id, version, updated_at, data, bundle_import_id)
           VALUES ('nobody', 'person', 'r3', 1, ?, '{}', 'i1')`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    const plan = (sql: string) => queryPlan(s, sql);
    expect(plan("SELECT count(*) FROM received_record WHERE puskesmas_id = 'p1'")).toMatch(
      /sqlite_autoindex_received_record_1/,
    );
    expect(plan("SELECT record_id FROM received_record WHERE bundle_import_id = 'i1'")).toMatch(
      /received_record_import/,
    );
    await db.close();
  });
});
