import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../support/temp';

describe('migration 0009 (report indexes)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('adds the report indexes to a v8 database, and the report queries use them', async () => {
    const file = path.join(dir, 'siklus.sqlite3');
    const backupDir = path.join(dir, 'backup');
    const v8 = await openDatabase({
      file,
      backupDir,
      appVersion: 't',
      migrations: MIGRATIONS.filter((m) => m.version <= 8),
    });
    await v8.close();
    const latest = await openDatabase({
      file,
      backupDir,
      appVersion: 't',
      migrations: MIGRATIONS.filter((m) => m.version <= 9),
    });
    expect(latest.schemaVersion).toBe(9);
    const db = latest.sqlite;
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'growth_report',
        'immunization_code_date',
        'person_deleted',
        'vitamin_a_date',
        'neonatal_kn_date',
        'anc_contact_window',
        'nifas_visit_window',
      ]),
    );
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan(`SELECT person_id, residence_desa_id, status_pbu FROM growth_measurement
            WHERE measure_date >= '2026-01-01' AND measure_date <= '2026-10-31'
              AND deleted_at IS NULL AND status_pbu IS NOT NULL
              AND person_id NOT IN (SELECT id FROM person WHERE deleted_at IS NOT NULL)`),
    ).toMatch(/INDEX growth_report[\s\S]*INDEX person_deleted/);
    expect(
      plan(`SELECT person_id FROM immunization WHERE dose_code = 'MR1'
            AND given_date >= '2026-01-01' AND given_date <= '2026-10-31' AND deleted_at IS NULL`),
    ).toMatch(/INDEX immunization_code_date/);
    await latest.close();
  });
});
