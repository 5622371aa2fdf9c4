/**
 * Child process of the benchmark's dataset cache: generate the demo into a folder and write
 * `build.json` beside the database with the time, CPU, memory and row counts it took.
 * `tsx tests/bench/build-demo.ts DIR PERSONS SEED TODAY`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { generateDemo } from '../../src-main/demo';
import { countServiceRows, type DemoBuild } from './dataset';

async function main(): Promise<void> {
  const [dir, persons, seed, today] = process.argv.slice(2);
  if (!dir || !persons || !seed || !today) throw new Error('usage: build-demo DIR PERSONS SEED TODAY');
  const cpu = process.cpuUsage();
  const summary = await generateDemo({ dataDir: dir, persons: Number(persons), seed, today });
  const used = process.cpuUsage(cpu);
  const sqlite = new BetterSqlite3(path.join(dir, 'siklus.sqlite3'));
  // One self-contained file for the cache: checkpoint and leave WAL mode's side files behind.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const serviceRows = countServiceRows(sqlite);
  sqlite.close();
  const build: DemoBuild = {
    persons: Number(persons),
    seed,
    today,
    schemaVersion: LATEST_SCHEMA_VERSION,
    seconds: summary.seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    counts: summary.counts,
    timings: summary.timings,
    serviceRows,
    loadAverage: os.loadavg()[0] ?? 0,
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(dir, 'build.json'), JSON.stringify(build, null, 2));
  console.log(
    `data contoh: ${summary.seconds.toFixed(1)} dtk, CPU ${build.cpuSeconds.toFixed(1)} dtk, ` +
      `${serviceRows.toLocaleString('id-ID')} baris layanan`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
