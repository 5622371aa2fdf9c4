import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivedFileLines, receivedRecordLine } from '../../../src-main/services/received-records';
import { openDatabaseAt } from '../../support/database';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

describe('migration 0014: received records kept as the files they came in', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('moves every row held into one file per bundle and table, each line as it was', async () => {
    const v13 = await openDatabaseAt(dir, 13);
    const at = '2026-10-01T00:00:00.000Z';
    const later = '2026-11-02T00:00:00.000Z';
    v13.sqlite
      .prepare(
        `INSERT INTO dinkes_puskesmas (id, kode, name, signer_key_id, public_key, fingerprint, confirmed_at, created_at, updated_at)
         VALUES ('p1', 'P1', 'Puskesmas', 'K1', 'RW…', 'F', ?, ?, ?)`,
      )
      .run(at, at, at);
    const addImport = v13.sqlite.prepare(
      `INSERT INTO bundle_import (id, puskesmas_id, period, revision, sha256, file_name, received_at, status, counts, records, changed, bundle_created, app_version, schema_version, created_at, updated_at)
       VALUES (?, 'p1', ?, 1, ?, 'f', ?, 'applied', '{}', 2, 2, ?, '0', 13, ?, ?)`,
    );
    addImport.run('i1', '2026-09', 'a'.repeat(64), at, at, at, at);
    addImport.run('i2', '2026-10', 'b'.repeat(64), later, later, later, later);
    const addRecord = v13.sqlite.prepare(
      `INSERT INTO received_record (puskesmas_id, table_name, record_id, version, updated_at, deleted_at, data, bundle_import_id)
       VALUES ('p1', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const long = `{"id":"r1","note":"${'é'.repeat(3000)}","version":2}`;
    addRecord.run('person', 'r3', 1, at, null, '{"id":"r3","version":1}', 'i1');
    addRecord.run('person', 'r1', 2, later, null, long, 'i2');
    addRecord.run('person', 'r2', 1, at, null, '{"id":"r2","version":1}', 'i1');
    addRecord.run('pregnancy', 'r4', 1, at, at, '{"id":"r4","version":1}', 'i1');
    await v13.close();

    const db = await openDatabaseAt(dir);
    expect(db.migration).toMatchObject({ from: 13 });
    const s = db.sqlite;
    expect(s.prepare('SELECT count(*) AS n FROM received_record').get()).toEqual({ n: 0 });
    expect(
      s
        .prepare(
          `SELECT bundle_import_id, table_name, records FROM received_file
           ORDER BY bundle_import_id, table_name`,
        )
        .all(),
    ).toEqual([
      { bundle_import_id: 'i1', table_name: 'person', records: 2 },
      { bundle_import_id: 'i1', table_name: 'pregnancy', records: 1 },
      { bundle_import_id: 'i2', table_name: 'person', records: 1 },
    ]);
    expect(
      s
        .prepare(
          `SELECT c.record_id, c.version, c.updated_at, c.deleted_at, f.bundle_import_id, c.line
           FROM received_copy c JOIN received_file f ON f.id = c.file_id ORDER BY c.record_id`,
        )
        .all(),
    ).toEqual([
      {
        record_id: 'r1',
        version: 2,
        updated_at: later,
        deleted_at: null,
        bundle_import_id: 'i2',
        line: 0,
      },
      {
        record_id: 'r2',
        version: 1,
        updated_at: at,
        deleted_at: null,
        bundle_import_id: 'i1',
        line: 0,
      },
      {
        record_id: 'r3',
        version: 1,
        updated_at: at,
        deleted_at: null,
        bundle_import_id: 'i1',
        line: 1,
      },
      {
        record_id: 'r4',
        version: 1,
        updated_at: at,
        deleted_at: at,
        bundle_import_id: 'i1',
        line: 0,
      },
    ]);
    expect(await receivedRecordLine(db.db, 'p1', 'person', 'r1')).toBe(long);
    expect(await receivedRecordLine(db.db, 'p1', 'person', 'r3')).toBe('{"id":"r3","version":1}');
    expect(await receivedRecordLine(db.db, 'p1', 'person', 'nobody')).toBeNull();

    // The primary key and foreign keys hold; a count per puskesmas reads the primary key.
    expect(() =>
      s
        .prepare(
          `INSERT INTO received_copy (puskesmas_id, table_name, record_id, version, updated_at, file_id, line)
           VALUES ('p1', 'person', 'r1', 3, ?, 1, 0)`,
        )
        .run(at),
    ).toThrow(/UNIQUE/);
    expect(() =>
      s
        .prepare(
          `INSERT INTO received_copy (puskesmas_id, table_name, record_id, version, updated_at, file_id, line)
           VALUES ('p1', 'person', 'r9', 1, ?, 999, 0)`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    expect(queryPlan(s, "SELECT count(*) FROM received_copy WHERE puskesmas_id = 'p1'")).toMatch(
      /USING PRIMARY KEY/,
    );

    // A stored file that no longer matches its hash is reported, not read as data.
    const damaged = s
      .prepare(
        "SELECT id FROM received_file WHERE bundle_import_id = 'i1' AND table_name = 'person'",
      )
      .get() as { id: number };
    s.prepare('UPDATE received_file SET sha256 = ? WHERE id = ?').run('0'.repeat(64), damaged.id);
    await expect(receivedFileLines(db.db, damaged.id)).rejects.toThrow(/SHA-256/);
    await db.close();
  });
});
