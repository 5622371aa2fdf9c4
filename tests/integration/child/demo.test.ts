import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vitaminABand, VITAMIN_A_RULES } from '@shared/domain/child-services';
import { assessMeasurement } from '@shared/domain/growth';
import { NATIONAL_SCHEDULE, validateHistory, type DoseCode } from '@shared/domain/immunization';
import { generateDemo } from '../../../src-main/demo';
import { tempDir } from '../../support/temp';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

async function demo(seed: string) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  await generateDemo({ dataDir: dir, persons: 900, seed, today: '2026-11-22' });
  return new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
}

const TABLES = [
  'child_profile',
  'posyandu_session',
  'growth_measurement',
  'immunization',
  'vitamin_a',
  'neonatal_visit',
];

function hash(db: Database.Database, table: string) {
  const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

let db: Database.Database;
beforeAll(async () => {
  db = await demo('11');
});

describe('demo: Klaster 2 children', () => {
  it('is the same for the same seed', async () => {
    const again = await demo('11');
    for (const table of TABLES) expect(hash(again, table), table).toBe(hash(db, table));
    again.close();
  });

  it('stores exactly the z-scores and statuses the rules give, with a realistic share of stunting', () => {
    const rows = db
      .prepare(
        `SELECT g.*, p.sex, p.birth_date FROM growth_measurement g JOIN person p ON p.id = g.person_id`,
      )
      .all() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) {
      const a = assessMeasurement(
        r.sex as 'L' | 'P',
        r.birth_date as string,
        r.measure_date as string,
        {
          weightKg: r.weight_kg as number | null,
          lengthCm: r.length_cm as number | null,
          measured: r.measured as 'L' | 'H' | null,
          muacCm: r.muac_cm as number | null,
        },
      );
      expect([r.zwei, r.zlen, r.zwfl, r.status_bbu, r.status_pbu, r.status_bbpb]).toEqual([
        a.who.zwei,
        a.who.zlen,
        a.who.zwfl,
        a.status.bbU,
        a.status.pbU,
        a.status.bbPb,
      ]);
    }
    const latest = db
      .prepare(
        `SELECT status_pbu FROM growth_measurement g
          WHERE status_pbu IS NOT NULL AND measure_date = (
            SELECT max(measure_date) FROM growth_measurement x
             WHERE x.person_id = g.person_id AND x.status_pbu IS NOT NULL)`,
      )
      .all() as { status_pbu: string }[];
    const stunted = latest.filter((r) => r.status_pbu.includes('pendek')).length / latest.length;
    expect(stunted).toBeGreaterThan(0.1);
    expect(stunted).toBeLessThan(0.4);
    const wasted = (
      db
        .prepare(
          "SELECT count(*) AS n FROM growth_measurement WHERE status_bbpb IN ('bbpb_gizi_buruk', 'bbpb_gizi_kurang')",
        )
        .get() as { n: number }
    ).n;
    expect(wasted).toBeGreaterThan(0);
  });

  it('records only doses without rule breaks (none claims a reason it has not got)', () => {
    const people = db
      .prepare(
        'SELECT DISTINCT p.id, p.birth_date FROM immunization i JOIN person p ON p.id = i.person_id',
      )
      .all() as { id: string; birth_date: string }[];
    const doses = db.prepare(
      'SELECT dose_code, given_date, rule_breaks FROM immunization WHERE person_id = ? ORDER BY given_date',
    );
    let checked = 0;
    for (const p of people) {
      const rows = doses.all(p.id) as {
        dose_code: string;
        given_date: string;
        rule_breaks: string;
      }[];
      const history = rows.map((r) => ({ code: r.dose_code as DoseCode, date: r.given_date }));
      for (const { issues } of validateHistory(p.birth_date, history, NATIONAL_SCHEDULE)) {
        expect(issues.filter((i) => i.severity === 'break')).toEqual([]);
        checked += 1;
      }
      expect(rows.every((r) => r.rule_breaks === '[]')).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('gives the capsule of the age, in the round months or the sweeping month after, once a round', () => {
    const rows = db
      .prepare(
        'SELECT v.given_date, v.capsule, v.round, p.birth_date FROM vitamin_a v JOIN person p ON p.id = v.person_id',
      )
      .all() as { given_date: string; capsule: string; round: string; birth_date: string }[];
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(vitaminABand(r.birth_date, r.given_date, VITAMIN_A_RULES[0]!)?.capsule).toBe(
        r.capsule,
      );
      expect(['02', '03', '08', '09']).toContain(r.given_date.slice(5, 7));
      expect(r.round).toBe(
        `${r.given_date.slice(0, 5)}${['02', '03'].includes(r.given_date.slice(5, 7)) ? '02' : '08'}`,
      );
    }
    const twice = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT person_id, round FROM vitamin_a GROUP BY 1, 2 HAVING count(*) > 1)',
      )
      .get() as { n: number };
    expect(twice.n).toBe(0);
    expect(rows.some((r) => ['03', '09'].includes(r.given_date.slice(5, 7)))).toBe(true);
  });

  it('holds one session per posyandu and day, and KN visits with birth times', () => {
    const dup = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT posyandu_id, session_date FROM posyandu_session GROUP BY 1, 2 HAVING count(*) > 1)',
      )
      .get() as { n: number };
    expect(dup.n).toBe(0);
    const kn = db.prepare('SELECT kn, count(*) AS n FROM neonatal_visit GROUP BY kn').all();
    expect(kn.length).toBeGreaterThanOrEqual(3);
    const noTime = db
      .prepare(
        `SELECT count(*) AS n FROM neonatal_visit k JOIN child_profile c ON c.person_id = k.person_id
          WHERE c.birth_time IS NULL`,
      )
      .get() as { n: number };
    expect(noTime.n).toBe(0);
  });
});
