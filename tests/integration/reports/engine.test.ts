import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '@shared/domain/indicators/types';
import { windowsOf, type EventSource } from '../../../src-main/reports/count';
import { computeIndicator, subjectsBehind } from '../../../src-main/reports/engine';
import { openTestCore, type TestCore } from '../../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  t.core.database.sqlite.exec(`
    CREATE TABLE test_events (subject_id TEXT, person_id TEXT, on_date TEXT, desa_id TEXT, flag INTEGER);
    INSERT INTO test_events VALUES
      -- achievements: s1 in January (desa A), s2 in March (desa A), s3 in March (desa B),
      -- s4 in March for a non-resident, s5 in April (after the period)
      ('s1', 'p1', '2026-01-10', 'A', 1),
      ('s2', 'p2', '2026-03-02', 'A', 1),
      ('s3', 'p3', '2026-03-31', 'B', 1),
      ('s4', 'p4', '2026-03-15', NULL, 1),
      ('s5', 'p5', '2026-04-01', 'A', 1);
    CREATE TABLE test_obs (subject_id TEXT, person_id TEXT, on_date TEXT, desa_id TEXT, flag INTEGER);
    INSERT INTO test_obs VALUES
      -- a child weighed twice in March: the later (not stunted) observation decides
      ('c1', 'p1', '2026-03-01', 'A', 1),
      ('c1', 'p1', '2026-03-20', 'A', 0),
      ('c2', 'p2', '2026-03-05', 'A', 1),
      ('c3', 'p3', '2026-02-10', 'B', 1);
  `);
});
afterEach(() => t.close());

const source = (table: string, activityTable = table): EventSource => ({
  id: table,
  events: () => sql.raw(`SELECT subject_id, person_id, on_date, desa_id, flag FROM ${table}`),
  activity: (w) =>
    sql`SELECT 1 FROM ${sql.table(activityTable)} WHERE on_date BETWEEN ${w.from} AND ${w.to}`,
});

const desa = [
  { id: 'A', code: '32.05.02.2004', name: 'Karangpawitan' },
  { id: 'B', code: '32.05.02.2005', name: 'Situgede' },
];
const targets = {
  targets: async () =>
    new Map([
      ['A', 40],
      ['B', 10],
    ]),
};

const achievement: IndicatorDefinition = {
  id: 'test-k1',
  code: 'K1',
  title: 'K1',
  validFrom: '2020-01-01',
  source: 'test',
  name: { id: 'K1 akses', en: 'K1 access' },
  cluster: 'k2-ibu',
  unit: 'percent',
  numerator: { source: 'test_events', mode: 'achievement' },
  denominator: { kind: 'sasaran', group: 'bumil' },
  goal: 100,
  attribution: { id: 'bulan kontak pertama', en: 'month of the first contact' },
};

const row = (result: Awaited<ReturnType<typeof computeIndicator>>, key: string) => {
  if (!result.computable) throw new Error('not computable');
  return result.rows.find((r) => r.key === key)!;
};

describe('indicator engine', () => {
  it('computes the month and the year to date on unique subjects, per desa, luar and total', async () => {
    const result = await computeIndicator(
      t.core.database.db,
      achievement,
      source('test_events'),
      { month: '2026-03' },
      desa,
      targets,
    );
    expect(row(result, 'A')).toMatchObject({
      target: 40,
      month: { numerator: 1, denominator: 40, value: 2.5 },
      ytd: { numerator: 2, denominator: 40, value: 5 },
      pctOfTarget: 5,
    });
    expect(row(result, 'B')).toMatchObject({
      month: { numerator: 1 },
      ytd: { numerator: 1, value: 10 },
    });
    expect(row(result, 'total')).toMatchObject({
      target: 50,
      month: { numerator: 2 },
      ytd: { numerator: 3, value: 6 },
    });
    expect(row(result, 'luar')).toMatchObject({
      target: null,
      month: { numerator: 1 },
      ytd: { numerator: 1 },
    });
  });

  it('tells zero from no data: a month without any recorded service is null', async () => {
    const empty = await computeIndicator(
      t.core.database.db,
      achievement,
      source('test_events'),
      { month: '2026-02' },
      desa,
      targets,
    );
    expect(row(empty, 'A').month).toEqual({ numerator: null, denominator: null, value: null });
    expect(row(empty, 'A').ytd.numerator).toBe(1); // January is there
    const zero = await computeIndicator(
      t.core.database.db,
      achievement,
      source('test_events'),
      { month: '2026-03' },
      desa,
      {
        targets: async () => new Map(),
      },
    );
    expect(row(zero, 'A').month).toEqual({ numerator: 1, denominator: null, value: null });
    expect(row(zero, 'B').pctOfTarget).toBeNull();
  });

  it('counts status among the observed with each subject’s latest observation', async () => {
    const stunting: IndicatorDefinition = {
      ...achievement,
      code: 'STUNTING',
      numerator: { source: 'test_obs', mode: 'status' },
      denominator: { kind: 'observed' },
    };
    const march = await computeIndicator(
      t.core.database.db,
      stunting,
      source('test_obs'),
      { month: '2026-03' },
      desa,
      targets,
    );
    expect(row(march, 'A').month).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(row(march, 'total').ytd).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
    const behind = await subjectsBehind(
      t.core.database.db,
      stunting,
      source('test_obs'),
      windowsOf({ month: '2026-03' }).month,
      'A',
    );
    expect(behind).toEqual([
      { personId: 'p2', onDate: '2026-03-05', desaId: 'A', counted: true },
      { personId: 'p1', onDate: '2026-03-20', desaId: 'A', counted: false },
    ]);
  });

  it('ranks each window on its own: a subject with rows in two months counts where each window finds it first', async () => {
    t.core.database.sqlite.exec(`
      CREATE TABLE test_moves (subject_id TEXT, person_id TEXT, on_date TEXT, desa_id TEXT, flag INTEGER);
      INSERT INTO test_moves VALUES
        -- m1 first in February in desa B, again in March in desa A (after moving)
        ('m1', 'p1', '2026-02-20', 'B', 1),
        ('m1', 'p1', '2026-03-10', 'A', 1);
    `);
    const result = await computeIndicator(
      t.core.database.db,
      { ...achievement, numerator: { source: 'test_moves', mode: 'achievement' } },
      source('test_moves'),
      { month: '2026-03' },
      desa,
      targets,
    );
    expect(row(result, 'A').month.numerator).toBe(1);
    expect(row(result, 'A').ytd.numerator).toBe(0);
    expect(row(result, 'B').month.numerator).toBe(0);
    expect(row(result, 'B').ytd.numerator).toBe(1);
    expect(row(result, 'total').ytd.numerator).toBe(1);
  });

  it('breaks a tie on one day the same way in the count and in the persons behind it', async () => {
    t.core.database.sqlite.exec(`
      CREATE TABLE test_ties (subject_id TEXT, person_id TEXT, on_date TEXT, desa_id TEXT, flag INTEGER);
      INSERT INTO test_ties VALUES
        -- t1: two rows on one day, the counted one wins whatever its desa
        ('t1', 'p1', '2026-03-10', 'A', 0),
        ('t1', 'p1', '2026-03-10', 'B', 1),
        -- t2: two rows on one day with the same flag: status takes the higher desa key,
        -- an achievement the lower (luar, no desa, is the lowest)
        ('t2', 'p2', '2026-03-12', 'A', 1),
        ('t2', 'p2', '2026-03-12', 'B', 1),
        ('t3', 'p3', '2026-03-14', NULL, 1),
        ('t3', 'p3', '2026-03-14', 'A', 1);
    `);
    const status: IndicatorDefinition = {
      ...achievement,
      numerator: { source: 'test_ties', mode: 'status' },
      denominator: { kind: 'observed' },
    };
    const march = windowsOf({ month: '2026-03' }).month;
    const count = (def: IndicatorDefinition) =>
      computeIndicator(
        t.core.database.db,
        def,
        source('test_ties'),
        { month: '2026-03' },
        desa,
        targets,
      );
    const personsBehind = async (def: IndicatorDefinition, key: string) =>
      (await subjectsBehind(t.core.database.db, def, source('test_ties'), march, key)).map(
        (b) => b.personId,
      );
    const counted = await count(status);
    expect(row(counted, 'A').month).toMatchObject({ numerator: 1, denominator: 1 });
    expect(row(counted, 'B').month).toMatchObject({ numerator: 2, denominator: 2 });
    expect(row(counted, 'luar').month.denominator ?? 0).toBe(0);
    expect(await personsBehind(status, 'B')).toEqual(['p1', 'p2']);
    expect(await personsBehind(status, 'A')).toEqual(['p3']);

    const first = {
      ...achievement,
      numerator: { source: 'test_ties', mode: 'achievement' as const },
    };
    const achieved = await count(first);
    expect(row(achieved, 'A').month.numerator).toBe(1);
    expect(row(achieved, 'B').month.numerator).toBe(1);
    expect(row(achieved, 'luar').month.numerator).toBe(1);
    expect(await personsBehind(first, 'luar')).toEqual(['p3']);
  });

  it('lists the persons behind an achievement number', async () => {
    const behind = await subjectsBehind(
      t.core.database.db,
      achievement,
      source('test_events'),
      windowsOf({ month: '2026-03' }).ytd,
      'A',
    );
    expect(behind.map((b) => b.personId)).toEqual(['p1', 'p2']);
    const luar = await subjectsBehind(
      t.core.database.db,
      achievement,
      source('test_events'),
      windowsOf({ month: '2026-03' }).month,
      'luar',
    );
    expect(luar.map((b) => b.personId)).toEqual(['p4']);
  });

  it('says why an indicator cannot be computed', async () => {
    const result = await computeIndicator(
      t.core.database.db,
      {
        ...achievement,
        notComputable: { id: 'Belum ada register ODGJ', en: 'No SMI register yet' },
      },
      source('test_events'),
      { month: '2026-03' },
      desa,
      targets,
    );
    expect(result).toEqual({
      computable: false,
      code: 'K1',
      name: achievement.name,
      cluster: 'k2-ibu',
      reason: { id: 'Belum ada register ODGJ', en: 'No SMI register yet' },
    });
  });
});
