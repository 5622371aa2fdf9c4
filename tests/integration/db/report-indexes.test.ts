import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabaseAt } from '../../support/database';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

/** Report indexes: migrations 0009 (Klaster 2) and 0010 (Klaster 3). */
describe('report index migrations', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  /** A database made at `from`, then migrated to `to`: the plans of queries on the result. */
  async function migrated(from: number, to: number) {
    await (await openDatabaseAt(dir, from)).close();
    const latest = await openDatabaseAt(dir, to);
    expect(latest.schemaVersion).toBe(to);
    const db = latest.sqlite;
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name);
    const plan = (query: string) => queryPlan(db, query);
    return { indexes, plan, close: () => latest.close() };
  }

  it('0009 adds the Klaster 2 report indexes to a v8 database, and the report queries use them', async () => {
    const { indexes, plan, close } = await migrated(8, 9);
    expect(indexes).toEqual(
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
    await close();
  });

  it('0010 adds covering Klaster 3 report indexes to a v9 database: the wide rows are not read', async () => {
    const { indexes, plan, close } = await migrated(9, 10);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'adult_screening_report',
        'adult_kontrol_report',
        'adult_lansia_report',
      ]),
    );
    expect(
      plan(`SELECT id, person_id, screened_on, residence_desa_id, created_at FROM adult_screening
            WHERE deleted_at IS NULL AND screened_on >= '2026-01-01' AND screened_on <= '2026-10-31'
              AND age_years >= 15 AND td_positif = 1 AND gula_code IS NOT NULL`),
    ).toMatch(/COVERING INDEX adult_screening_report/);
    expect(
      plan(`SELECT id, person_id, visit_on, residence_desa_id, created_at FROM adult_kontrol
            WHERE deleted_at IS NULL AND visit_on >= '2026-01-01' AND visit_on <= '2026-10-31'
              AND sistolik < 140 AND diastolik < 90
              AND (gula_value IS NOT NULL OR hba1c IS NOT NULL)`),
    ).toMatch(/COVERING INDEX adult_kontrol_report/);
    expect(
      plan(`SELECT id, person_id, screened_on, residence_desa_id, created_at FROM adult_lansia
            WHERE deleted_at IS NULL AND screened_on >= '2026-01-01' AND screened_on <= '2026-10-31'
              AND age_years >= 60 AND skilas_version IS NOT NULL AND barthel_code = 'mandiri'`),
    ).toMatch(/COVERING INDEX adult_lansia_report/);
    await close();
  });
});
