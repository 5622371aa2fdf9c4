import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src-main/demo';
import { createCore } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log';
import { tempDir } from '../../support/temp';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

async function demo(seed: string) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  await generateDemo({ dataDir: dir, persons: 1500, seed, today: '2026-11-22' });
  return dir;
}

function hash(db: Database.Database, table: string): string {
  const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('demo: Klaster 3', () => {
  it('is deterministic, realistic, and reads back through the service', async () => {
    const dirA = await demo('k3');
    const dirB = await demo('k3');
    const a = new Database(path.join(dirA, 'siklus.sqlite3'), { readonly: true });
    const b = new Database(path.join(dirB, 'siklus.sqlite3'), { readonly: true });
    for (const table of ['adult_screening', 'adult_patient', 'adult_kontrol', 'adult_lansia']) {
      expect(hash(a, table), table).toBe(hash(b, table));
    }
    b.close();

    const n = (sql: string) => (a.prepare(sql).get() as { n: number }).n;
    const adults = n("SELECT count(*) AS n FROM person WHERE birth_date <= '2011-11-22'");
    const screenedThisYear = n(
      "SELECT count(DISTINCT person_id) AS n FROM adult_screening WHERE screened_on >= '2026-01-01'",
    );
    // SPM 6/7 coverage somewhere between a third and two thirds.
    expect(screenedThisYear / adults).toBeGreaterThan(0.3);
    expect(screenedThisYear / adults).toBeLessThan(0.7);
    // Everyone screened was ≥ 15 on the day, nothing after "today".
    expect(n('SELECT count(*) AS n FROM adult_screening WHERE age_years < 15')).toBe(0);
    expect(n("SELECT count(*) AS n FROM adult_screening WHERE screened_on > '2026-11-22'")).toBe(0);
    expect(n("SELECT count(*) AS n FROM adult_kontrol WHERE visit_on > '2026-11-22'")).toBe(0);
    expect(n('SELECT count(*) AS n FROM adult_lansia WHERE age_years < 60')).toBe(0);
    const positive = n('SELECT count(*) AS n FROM adult_screening WHERE td_positif = 1');
    const screenings = n('SELECT count(*) AS n FROM adult_screening');
    expect(positive / screenings).toBeGreaterThan(0.12);
    expect(positive / screenings).toBeLessThan(0.4);
    // Kontrol only for registered persons, never before the diagnosis.
    expect(
      n(`SELECT count(*) AS n FROM adult_kontrol k WHERE NOT EXISTS (
           SELECT 1 FROM adult_patient a WHERE a.person_id = k.person_id AND a.diagnosed_on < k.visit_on)`),
    ).toBe(0);
    a.close();

    // The work lists hold all three kinds of patient.
    const core = await createCore({
      dataDir: dirA,
      runtime: 'cli',
      now: () => new Date('2026-11-22T03:00:00.000Z'),
      log: silentLogger,
      dailyBackup: 'off',
    });
    try {
      const lists = await core.services.adult.patientList({
        program: 'ht',
        list: 'semua',
        q: '',
        includeEnded: false,
        limit: 100,
        offset: 0,
      });
      expect(lists.counts.semua).toBeGreaterThan(20);
      const statuses = new Set(lists.rows.map((r) => r.control));
      expect(statuses).toEqual(new Set(['terkendali', 'tidak_terkendali', 'data_kurang']));
      expect(lists.counts.mangkir).toBeGreaterThan(0);
      expect(lists.counts.tidakTerkendali).toBeGreaterThan(0);
      expect(lists.counts.belumKontrol).toBeLessThan(lists.counts.semua);
      const lansia = await core.services.adult.lansiaList({
        list: 'semua',
        q: '',
        limit: 10,
        offset: 0,
      });
      expect(lansia.counts.belumSkrining).toBeGreaterThan(0);
      expect(lansia.counts.belumSkrining).toBeLessThan(lansia.counts.semua);
      expect(lansia.counts.rujuk).toBeGreaterThan(0);
      expect(lansia.counts.ketergantungan).toBeGreaterThan(0);
    } finally {
      await core.close();
    }
  });
});
