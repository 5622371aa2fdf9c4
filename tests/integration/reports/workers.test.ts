import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { generateDemo } from '../../../src-main/demo';
import { silentLogger, type Logger } from '../../../src-main/log';
import { countsKey } from '../../../src-main/reports/count';
import { createCountPool } from '../../../src-main/reports/pool';
import { defaultReportRules } from '../../../src-main/reports/rules';
import { tempDir } from '../../support/temp';

/**
 * Report worker threads (reports/pool.ts) count exactly what the main connection counts, and a
 * worker that cannot work costs time, never a wrong or missing report.
 */

const TODAY = '2026-11-22';
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await generateDemo({ dataDir: dir, persons: 1500, seed: 'workers', today: TODAY });
}, 120_000);
afterAll(() => cleanup());

async function open(reportWorkers: number | undefined, log: Logger = silentLogger): Promise<Core> {
  return createCore({
    dataDir: dir,
    runtime: 'cli',
    appVersion: '0.0.0-test',
    now: () => new Date(`${TODAY}T03:00:00Z`),
    log,
    dailyBackup: 'off',
    ...(reportWorkers ? { reportWorkers } : {}),
  });
}

async function reportWith(reportWorkers: number | undefined, log?: Logger) {
  const core = await open(reportWorkers, log);
  try {
    const october = await core.services.reports.monthly('2026-10', undefined, 'id');
    const march = await core.services.reports.monthly('2026-03', 'k3', 'en');
    // The PWS line counts each month of the year side by side.
    const naik = await core.services.reports.series('2026-10', 'ND', 'id');
    return { october: october.indicators, march: march.indicators, naik: naik.points };
  } finally {
    await core.close();
  }
}

describe('report workers', () => {
  it('give the same report as the main connection, for every indicator', async () => {
    const inline = await reportWith(undefined);
    const { october } = inline;
    // The demo has services in every cluster: a report of zeros would prove nothing.
    const counted = october.filter(
      (i) => i.computable && i.rows.some((r) => (r.ytd.numerator ?? 0) > 0),
    );
    expect(counted.length).toBeGreaterThan(40);
    expect(inline.naik).toHaveLength(10); // January to October
    const warnings: string[] = [];
    const log: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    expect(await reportWith(2, log)).toEqual(inline);
    expect(warnings).toEqual([]); // counted in the workers, not by the fallback
  }, 120_000);

  it('fall back to the main connection, with a warning, when a worker cannot read', async () => {
    const inline = await reportWith(undefined);
    const warnings: string[] = [];
    const log: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const core = await open(2, log);
    try {
      // The workers open the file by its path: move it away under the open main connection.
      const file = path.join(dir, 'siklus.sqlite3');
      fs.renameSync(file, `${file}.away`);
      try {
        const october = await core.services.reports.monthly('2026-10', undefined, 'id');
        expect(october.indicators).toEqual(inline.october);
      } finally {
        fs.renameSync(`${file}.away`, file);
      }
      expect(warnings).toEqual(['report workers failed: counting on the main connection']);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('end when idle and start again for the next report', async () => {
    const pool = createCountPool(path.join(dir, 'siklus.sqlite3'), 2, 100);
    const rules = defaultReportRules('2026-10-31');
    const items = [{ source: 'gizi.ditimbang', mode: 'achievement' as const }];
    const key = countsKey('gizi.ditimbang', 'achievement', { month: '2026-10' });
    try {
      const first = await pool.count('2026-10', rules, items).get(key);
      expect(first?.ytd.size).toBeGreaterThan(0);
      expect(pool.running()).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(pool.running()).toBe(0);
      expect(await pool.count('2026-10', rules, items).get(key)).toEqual(first);
      expect(pool.running()).toBe(2);
    } finally {
      await pool.close();
    }
    expect(pool.running()).toBe(0);
  }, 60_000);

  it('do not end between the jobs of one report, however short the idle time', async () => {
    // One worker, idle after 1 ms: between two jobs it has none for a moment.
    const pool = createCountPool(path.join(dir, 'siklus.sqlite3'), 1, 1);
    const sources = ['gizi.ditimbang', 'gizi.bgm', 'gizi.stunting', 'gizi.wasting'];
    try {
      const counting = pool.count(
        '2026-10',
        defaultReportRules('2026-10-31'),
        sources.map((source) => ({ source, mode: 'status' as const })),
      );
      const counted = await Promise.all(counting.values());
      expect(counted).toHaveLength(sources.length);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
