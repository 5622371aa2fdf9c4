import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNik } from '@shared/domain/identity';
import {
  checkNip,
  KADER_SKILL_CODES,
  licenceState,
  SASARAN_GROUPS,
} from '@shared/domain/management';
import { generateDemo, SERVICE_STEPS } from '../../../src-main/demo';
import { createRegionsService } from '../../../src-main/services/regions';
import { tempDir } from '../../support/temp';

const dirs: (() => void)[] = [];
afterAll(() => dirs.forEach((cleanup) => cleanup()));

async function demo(seed: string, persons = 600) {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const summary = await generateDemo({ dataDir: dir, persons, seed, today: '2026-11-22' });
  return { db: new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true }), summary };
}

describe('demo data: Klaster 1', () => {
  it('runs first among the service steps (they record nakes as performers)', () => {
    expect(SERVICE_STEPS[0]?.name).toBe('klaster-1');
  });

  it('makes the SDM register, with STR/SIP ending soon and one expired', async () => {
    const { db, summary } = await demo('11');
    const nakes = db.prepare('SELECT * FROM nakes').all() as Record<
      string,
      string | number | null
    >[];
    expect(nakes).toHaveLength(27);
    expect(summary.counts.nakes).toBe(27);
    const professions = new Set(nakes.map((n) => n.profession));
    for (const p of ['dokter', 'bidan', 'perawat', 'tenaga_gizi', 'apoteker']) {
      expect(professions).toContain(p);
    }
    const states = nakes.flatMap((n) => [
      licenceState(
        {
          number: n.str_number as string,
          expiry: n.str_expiry as string,
          lifetime: n.str_lifetime === 1,
        },
        '2026-11-22',
      ).state,
      licenceState({ number: n.sip_number as string, expiry: n.sip_expiry as string }, '2026-11-22')
        .state,
    ]);
    expect(states.filter((s) => s === 'expiring')).toHaveLength(3);
    expect(states.filter((s) => s === 'expired')).toHaveLength(1);
    // One PJ per klaster; NIK and NIP consistent with birth date and sex.
    const pj = nakes.filter((n) => n.is_pj_klaster === 1).map((n) => n.klaster);
    expect(new Set(pj).size).toBe(pj.length);
    const lookup = await createRegionsService().lookup();
    for (const n of nakes) {
      const sex = n.sex as 'L' | 'P';
      const birthDate = n.birth_date as string;
      const nik = checkNik(n.nik as string, lookup, { sex, birthDate });
      expect([...nik.errors, ...nik.warnings]).toEqual([]);
      if (n.nip) expect(checkNip(n.nip as string, { sex, birthDate }).refusals).toEqual([]);
    }
    db.close();
  });

  it('gives every posyandu five kader and its Pustu, every desa a Pustu, and two years of sasaran', async () => {
    const { db } = await demo('12');
    const posyandu = db
      .prepare('SELECT id, kode, stratum, pustu_id, desa_id FROM posyandu')
      .all() as {
      id: string;
      kode: string;
      stratum: string;
      pustu_id: string | null;
    }[];
    const kader = db.prepare('SELECT posyandu_id, skills, level FROM kader').all() as {
      posyandu_id: string;
      skills: string;
      level: string | null;
    }[];
    expect(kader).toHaveLength(posyandu.length * 5);
    for (const p of posyandu) {
      expect(kader.filter((k) => k.posyandu_id === p.id)).toHaveLength(5);
      expect(p.kode).toMatch(/^P\d{10}\d{2}$/);
      expect(p.stratum).toBeTruthy();
    }
    for (const k of kader) {
      const skills = JSON.parse(k.skills) as { code: string; date: string }[];
      expect(
        skills.every((s) => KADER_SKILL_CODES.includes(s.code) && s.date <= '2026-11-22'),
      ).toBe(true);
    }
    const desa = db.prepare("SELECT count(*) AS n FROM desa WHERE kind != 'kelurahan'").get() as {
      n: number;
    };
    expect(db.prepare('SELECT count(*) AS n FROM pustu').get()).toEqual({ n: desa.n });
    const staffed = db
      .prepare(
        "SELECT count(DISTINCT pustu_id) AS n FROM nakes WHERE profession = 'bidan' AND pustu_id IS NOT NULL",
      )
      .get() as { n: number };
    expect(staffed.n).toBe(7);
    expect(db.prepare('SELECT count(*) AS n FROM fktp').get()).toEqual({ n: 5 });
    const sasaran = db
      .prepare(
        'SELECT year, source, count(*) AS n FROM sasaran GROUP BY year, source ORDER BY year, source',
      )
      .all();
    const withPersons = db
      .prepare('SELECT count(DISTINCT desa_id) AS n FROM person WHERE desa_id IS NOT NULL')
      .get() as { n: number };
    const n = withPersons.n;
    expect(sasaran).toEqual([
      { year: 2025, source: 'impor', n: n * SASARAN_GROUPS.length },
      { year: 2026, source: 'estimasi', n: n * (SASARAN_GROUPS.length - 1) },
      { year: 2026, source: 'registri', n },
    ]);
    // This year's population is the registry's.
    const registry = db
      .prepare('SELECT count(*) AS n FROM person WHERE desa_id IS NOT NULL AND deleted_at IS NULL')
      .get() as { n: number };
    expect(
      db
        .prepare(
          "SELECT sum(value) AS n FROM sasaran WHERE year = 2026 AND group_code = 'penduduk'",
        )
        .get(),
    ).toEqual(registry);
    db.close();
  });

  it('is the same for the same seed', async () => {
    const a = (await demo('5', 200)).db;
    const b = (await demo('5', 200)).db;
    for (const table of ['nakes', 'kader', 'pustu', 'fktp', 'sasaran', 'posyandu']) {
      expect(a.prepare(`SELECT * FROM ${table} ORDER BY id`).all(), table).toEqual(
        b.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
      );
    }
    a.close();
    b.close();
  });
});
