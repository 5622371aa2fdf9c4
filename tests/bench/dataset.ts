/**
 * The large puskesmas the benchmarks run on: `siklus demo` at 100,000 persons, built once into
 * `bench/.cache/` and reused. The cache key is the demo's inputs (persons, seed, today), the
 * schema version and a hash of the demo generator's own source and of the password hashing its
 * admin is made with, so a changed migration, demo step or password cost builds a fresh copy
 * instead of measuring stale data (a stale admin hash would be made again at the first sign-in).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';

/** The repository: found from here upwards, whether run from the sources or from the bundle. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'electron.vite.config.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`repository not found above ${from}`);
  }
}

export const ROOT = repositoryRoot(import.meta.dirname);
export const CACHE_DIR = path.join(ROOT, 'bench/.cache');
/** The bundled benchmark (tests/bench/bundle.ts) that `npm run bench` runs in plain Node. */
export const BUILD_DIR = path.join(CACHE_DIR, 'build');
const DB_FILE = 'siklus.sqlite3';

export interface DemoSpec {
  persons: number;
  seed: string;
  /** The demo's today: fixed so the cached copy is the same whichever day it is built. */
  today: string;
}

export interface DemoBuild {
  persons: number;
  seed: string;
  today: string;
  schemaVersion: number;
  /** Wall-clock seconds of the generation, CPU seconds (user + system) and peak RSS (MB). */
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  counts: Record<string, number>;
  timings: Record<string, number>;
  /** Rows of every table with a `person_id` (visits, measurements, doses, screenings…). */
  serviceRows: number;
  /** The machine's load when it was built (1-minute average), for reading the seconds. */
  loadAverage: number;
  builtAt: string;
}

export interface CachedDemo {
  key: string;
  /** The cached data folder: never written; benchmarks work on a copy. */
  dir: string;
  build: DemoBuild;
  /** True when this run built it (false: reused). */
  fresh: boolean;
}

function demoSourceHash(): string {
  const hash = crypto.createHash('sha256');
  const dir = path.join(ROOT, 'src-main/demo');
  const files = [
    ...fs.readdirSync(dir).map((name) => path.join(dir, name)),
    path.join(ROOT, 'src-main/services/passwords.ts'),
  ];
  for (const file of files.sort()) {
    hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

export function cacheKey(spec: DemoSpec): string {
  const safeSeed = spec.seed.replace(/[^A-Za-z0-9_-]/g, '_');
  return `demo-p${spec.persons}-s${safeSeed}-t${spec.today}-v${LATEST_SCHEMA_VERSION}-${demoSourceHash()}`;
}

/** The cached demo for `spec`, built (in a child process, so its memory is its own) if missing. */
export async function cachedDemo(
  spec: DemoSpec,
  log: (line: string) => void = () => undefined,
): Promise<CachedDemo> {
  const key = cacheKey(spec);
  const dir = path.join(CACHE_DIR, key);
  const buildFile = path.join(dir, 'build.json');
  if (fs.existsSync(buildFile) && fs.existsSync(path.join(dir, DB_FILE))) {
    return { key, dir, build: JSON.parse(fs.readFileSync(buildFile, 'utf8')) as DemoBuild, fresh: false };
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  log(`membangun data contoh ${spec.persons.toLocaleString('id-ID')} penduduk (${key})…`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'tests/bench/build-demo.ts'),
        building,
        String(spec.persons),
        spec.seed,
        spec.today,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`demo build exited with ${code}`)),
    );
  });
  // Other data-folder files (lock, logs, backups) are not part of the dataset.
  fs.mkdirSync(dir, { recursive: true });
  fs.renameSync(path.join(building, DB_FILE), path.join(dir, DB_FILE));
  fs.renameSync(path.join(building, 'build.json'), buildFile);
  fs.rmSync(building, { recursive: true, force: true });
  // Older builds of the same size are stale now.
  for (const name of fs.readdirSync(CACHE_DIR)) {
    if (name !== key && name.startsWith(`demo-p${spec.persons}-`) && !name.includes('.building-')) {
      fs.rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
    }
  }
  return {
    key,
    dir,
    build: JSON.parse(fs.readFileSync(buildFile, 'utf8')) as DemoBuild,
    fresh: true,
  };
}

/** A fresh data folder holding a copy of the cached database (the benchmarks write to it). */
export function workingCopy(cached: CachedDemo, prefix = 'siklus-bench-'): {
  dir: string;
  cleanup(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.copyFileSync(path.join(cached.dir, DB_FILE), path.join(dir, DB_FILE));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Rows of every table that has a `person_id` column, except the person table itself. */
export function countServiceRows(sqlite: {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; get(...args: unknown[]): unknown };
}): number {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  let total = 0;
  for (const { name } of tables) {
    if (name === 'person') continue;
    const columns = sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as {
      name: string;
    }[];
    if (!columns.some((c) => c.name === 'person_id')) continue;
    total += (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return total;
}
