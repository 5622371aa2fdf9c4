import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNik } from '@shared/domain/identity';
import { runCli } from '../../src-main/cli/main';
import { generateDemo } from '../../src-main/demo';
import { createRegionsService } from '../../src-main/services/regions';
import { tempDir } from '../support/temp';

const dirs: (() => void)[] = [];
afterAll(() => dirs.forEach((cleanup) => cleanup()));

async function demo(seed: string, persons = 400) {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  await generateDemo({ dataDir: dir, persons, seed, today: '2026-11-22' });
  return new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
}

function contentHash(db: Database.Database, table: string): string {
  const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('siklus demo', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await demo('42');
    const b = await demo('42');
    const c = await demo('43');
    for (const table of ['person', 'posyandu', 'desa']) {
      expect(contentHash(a, table), table).toBe(contentHash(b, table));
    }
    expect(contentHash(a, 'person')).not.toBe(contentHash(c, 'person'));
    [a, b, c].forEach((db) => db.close());
  });

  it('makes NIKs consistent with birth date, sex and the Kemendagri list', async () => {
    const db = await demo('7', 800);
    const lookup = await createRegionsService().lookup();
    const people = db
      .prepare('SELECT nik, nik_ibu, sex, birth_date, mother_id FROM person')
      .all() as {
      nik: string | null;
      nik_ibu: string | null;
      sex: 'L' | 'P';
      birth_date: string;
    }[];
    expect(people).toHaveLength(800);
    const problems = people
      .filter((p) => p.nik)
      .flatMap((p) => {
        const check = checkNik(p.nik!, lookup, { sex: p.sex, birthDate: p.birth_date });
        return [...check.errors, ...check.warnings].map((f) => `${p.nik}: ${f.code}`);
      });
    expect(problems).toEqual([]);
    // Babies without a NIK carry the mother's; NIKs are unique.
    const withoutNik = people.filter((p) => !p.nik);
    expect(withoutNik.every((p) => p.nik_ibu !== null || p.birth_date < '1960-01-01')).toBe(true);
    const niks = people.map((p) => p.nik).filter(Boolean);
    expect(new Set(niks).size).toBe(niks.length);
    // A realistic shape: under-fives and elderly both present.
    const underFive = people.filter((p) => p.birth_date > '2021-11-22').length / people.length;
    const elderly = people.filter((p) => p.birth_date <= '1966-11-22').length / people.length;
    expect(underFive).toBeGreaterThan(0.04);
    expect(underFive).toBeLessThan(0.15);
    expect(elderly).toBeGreaterThan(0.05);
    expect(elderly).toBeLessThan(0.25);
    db.close();
  });

  it('holds five years of services: balita years of children now over five, yearly screenings, monthly kontrol, KB outside pregnancies', async () => {
    const db = await demo('5', 1500);
    const one = (query: string) => db.prepare(query).pluck().get() as string | number;
    // Today is 2026-11-22: the history starts in November 2021.
    expect(one('SELECT min(measure_date) FROM growth_measurement')).toMatch(/^2021-1[12]-/);
    expect(one('SELECT min(visit_on) FROM adult_kontrol')).toMatch(/^2021-1[12]-/);
    expect(one('SELECT count(DISTINCT substr(screened_on, 1, 4)) FROM adult_screening')).toBe(5);
    expect(one('SELECT min(screened_on) FROM adult_screening')).toMatch(/^2022-01-/);
    expect(one("SELECT count(*) FROM growth_measurement WHERE measure_date > '2026-11-22'")).toBe(
      0,
    );
    // Children who have turned five since November 2021 keep the register of their balita years.
    expect(
      one(
        `SELECT count(DISTINCT g.person_id) FROM growth_measurement g JOIN person p ON p.id = g.person_id
         WHERE p.birth_date <= '2021-11-22'`,
      ),
    ).toBeGreaterThan(20);
    // A completed pregnancy for babies of every year of the history.
    expect(
      one(
        "SELECT count(DISTINCT substr(ended_on, 1, 4)) FROM pregnancy WHERE ended_on >= '2021-11-22'",
      ),
    ).toBe(6);
    // No KB visit while the woman is pregnant.
    expect(
      one(
        `SELECT count(*) FROM kb_visit k JOIN pregnancy p ON p.person_id = k.person_id
         AND k.visit_date BETWEEN p.hpht AND coalesce(p.ended_on, '9999-12-31')`,
      ),
    ).toBe(0);
    db.close();
  });

  it('writes one audit row for the generation, and refuses a folder that has data', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(
      await runCli(
        ['demo', '--data-dir', dir, '--persons', '50', '--seed', '3', '--today', '2026-11-22'],
        io,
      ),
    ).toBe(0);
    expect(out.join('\n')).toMatch(/person: 50/);
    expect(out.join('\n')).toMatch(/admin \/ siklus-demo-1/);
    const db = new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
    expect(
      db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'demo.generate'").get(),
    ).toEqual({ n: 1 });
    db.close();
    expect(await runCli(['demo', '--data-dir', dir, '--persons', '50'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/sudah berisi basis data/);
  });
});
