import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { openDatabaseAt } from '../../support/database';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

const AT = '2026-11-22T02:00:00.000Z';
const rec = `'${AT}', '${AT}', NULL, 1, NULL, NULL`;

describe('migration 0007 (Klaster 1 management)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('adds its tables and columns to a v3 database, keeping posyandu and nakes rows', async () => {
    const v3 = await openDatabaseAt(dir, 3);
    v3.sqlite.exec(`
      INSERT INTO desa (id, code, name, kind, district_code, district_name, created_at, updated_at, deleted_at, version, created_by, updated_by)
        VALUES ('d1', '32.05.02.2004', 'Situgede', 'desa', '32.05.02', 'Karangpawitan', ${rec});
      INSERT INTO posyandu (id, name, desa_id, created_at, updated_at, deleted_at, version, created_by, updated_by)
        VALUES ('y1', 'Posyandu Melati', 'd1', ${rec});
      INSERT INTO nakes (id, name, profession, str_number, str_expiry, created_at, updated_at, deleted_at, version, created_by, updated_by)
        VALUES ('n1', 'Bd. Yuyun', 'bidan', 'STR-1', '2027-01-01', ${rec});
    `);
    await v3.close();

    const latest = await openDatabaseAt(dir, 7);
    expect(latest.schemaVersion).toBe(7);
    const db = latest.sqlite;
    expect(db.prepare('SELECT name, kode, stratum, ilp, pustu_id FROM posyandu').get()).toEqual({
      name: 'Posyandu Melati',
      kode: null,
      stratum: null,
      ilp: 0,
      pustu_id: null,
    });
    expect(
      db.prepare('SELECT name, str_expiry, str_lifetime, education, pustu_id FROM nakes').get(),
    ).toEqual({
      name: 'Bd. Yuyun',
      str_expiry: '2027-01-01',
      str_lifetime: 0,
      education: null,
      pustu_id: null,
    });
    // The checks hold on the added columns and the new tables.
    expect(() => db.exec("UPDATE posyandu SET stratum = 'sedang'")).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO sasaran (id, year, desa_id, group_code, value, source, created_at, updated_at, deleted_at, version, created_by, updated_by)
           VALUES ('s0', 2026, 'd1', 'bumil', -1, 'ketik', ${rec})`,
      ),
    ).toThrow(/CHECK/);
    db.exec(
      `INSERT INTO sasaran (id, year, desa_id, group_code, value, source, created_at, updated_at, deleted_at, version, created_by, updated_by)
         VALUES ('s1', 2026, 'd1', 'bumil', 90, 'ketik', ${rec})`,
    );
    // One living target per (year, desa, group); a tombstone does not block a new one.
    const second = `INSERT INTO sasaran (id, year, desa_id, group_code, value, source, created_at, updated_at, deleted_at, version, created_by, updated_by)
         VALUES ('s2', 2026, 'd1', 'bumil', 91, 'impor', ${rec})`;
    expect(() => db.exec(second)).toThrow(/UNIQUE/);
    db.exec(`UPDATE sasaran SET deleted_at = '${AT}' WHERE id = 's1'`);
    db.exec(second);
    await latest.close();
  });

  it('reads a target the way reports do through the live index', async () => {
    const opened = await openDatabase({
      file: path.join(dir, 'x.sqlite3'),
      backupDir: path.join(dir, 'backup'),
      appVersion: 't',
    });
    const plan = queryPlan(
      opened.sqlite,
      `SELECT value FROM sasaran
         WHERE year = 2026 AND desa_id = 'd1' AND group_code = 'bumil' AND deleted_at IS NULL`,
    );
    expect(plan).toMatch(/USING INDEX sasaran_live/);
    await opened.close();
  });
});
