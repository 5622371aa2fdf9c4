import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { queryPlan } from '../../support/plan';
import { tempDatabase } from '../../support/database';

let opened: Database;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ opened, dispose } = await tempDatabase());
  const s = opened.sqlite;
  s.prepare(
    "INSERT INTO desa (id, code, name, kind, district_code, district_name, created_at, updated_at) VALUES ('d', '32.05.02.2004', 'Situgede', 'desa', '32.05.02', 'Karangpawitan', 'x', 'x')",
  ).run();
  s.prepare(
    "INSERT INTO person (id, name, name_search, sex, birth_date, created_at, updated_at) VALUES ('p', 'Ani', 'ani', 'P', '2025-01-01', 'x', 'x')",
  ).run();
});
afterEach(() => dispose());

const row = { created_at: 'x', updated_at: 'x' };

function growth(values: Record<string, unknown>) {
  const all = {
    id: 'g1',
    person_id: 'p',
    measure_date: '2026-01-05',
    place: 'puskesmas',
    age_days: 369,
    status_standard: 'status-gizi.pmk-2-2020',
    ...row,
    ...values,
  };
  const cols = Object.keys(all);
  opened.sqlite
    .prepare(
      `INSERT INTO growth_measurement (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    )
    .run(all);
}

describe('migration 0005 (child)', () => {
  it('keeps one living measurement per child and day, and finds it by index', () => {
    growth({ weight_kg: 9 });
    expect(() => growth({ id: 'g2', weight_kg: 9.1 })).toThrow(/UNIQUE/);
    opened.sqlite.prepare("UPDATE growth_measurement SET deleted_at = 'x' WHERE id = 'g1'").run();
    growth({ id: 'g2', weight_kg: 9.1 });
    const plan = queryPlan(
      opened.sqlite,
      "SELECT * FROM growth_measurement WHERE person_id = 'p' AND deleted_at IS NULL ORDER BY measure_date",
    );
    expect(plan).toMatch(/growth_person_day/);
  });

  it('refuses a length without position, a posyandu place without posyandu, and a rule break without reason', () => {
    expect(() => growth({ length_cm: 70 })).toThrow(/CHECK/);
    expect(() => growth({ place: 'posyandu' })).toThrow(/CHECK/);
    const dose = (values: Record<string, unknown>) =>
      opened.sqlite
        .prepare(
          `INSERT INTO immunization (id, person_id, dose_code, given_date, given_here, place, schedule_id, rule_breaks, break_reason, created_at, updated_at)
           VALUES (@id, 'p', 'BCG', '2025-02-01', @given_here, @place, 'imunisasi.nasional-2017', @rule_breaks, @break_reason, 'x', 'x')`,
        )
        .run({
          id: 'i',
          given_here: 1,
          place: 'puskesmas',
          rule_breaks: '[]',
          break_reason: null,
          ...values,
        });
    expect(() => dose({ rule_breaks: '["TOO_SOON"]' })).toThrow(/CHECK/);
    expect(() => dose({ place: null })).toThrow(/CHECK/);
    dose({ place: null, given_here: 0 });
  });
});
