import fs from 'node:fs';
import { TIMEZONE_OFFSETS } from '@shared/contract';
import { localDate } from '@shared/domain/dates';
import { writeAudit } from '../db/audit';
import { createCore } from '../core';
import { silentLogger, type Logger } from '../log';
import { dataPaths } from '../paths';
import { childStep } from './child';
import type { DemoContext, DemoStep } from './context';
import { maternalStep } from './maternal';
import { managementStep } from './management';
import { populationStep } from './population';
import { adultStep } from './adult';
import { Random } from './random';

export type { DemoContext, DemoStep } from './context';

/** The page cache while generating (KiB): the whole working set of a 100k demo's indexes. */
const DEMO_CACHE_KIB = 512 * 1024;

export const DEMO_ADMIN = { username: 'admin', password: 'siklus-demo-1' } as const;
/** Kecamatan Karangpawitan, Kabupaten Garut (Jawa Barat). */
const DEMO_DISTRICT = {
  provinceCode: '32',
  regencyCode: '32.05',
  districtCode: '32.05.02',
} as const;

const DUSUN = [
  'Babakan',
  'Cibodas',
  'Cikoneng',
  'Sukamaju',
  'Sindangsari',
  'Pasirpogor',
  'Cijambe',
  'Sukasari',
  'Leuwigoong',
  'Cimanggu',
];

export interface DemoOptions {
  dataDir: string;
  persons: number;
  seed: string | number;
  /** The demo's today (ISO date); defaults to today in WIB. */
  today?: string;
  log?: Logger;
}

export interface DemoSummary {
  today: string;
  counts: Record<string, number>;
  /** Seconds each step took (wilayah, penduduk, then each cluster's). */
  timings: Record<string, number>;
  admin: typeof DEMO_ADMIN;
  seconds: number;
}

/**
 * The steps after the population; each cluster adds its own (pregnancies, weighing, screening…).
 * Steps must draw randomness only from `ctx.rng` so the result depends on the seed alone.
 */
export const SERVICE_STEPS: DemoStep[] = [managementStep, maternalStep, childStep, adultStep];

/**
 * Fill an empty data folder with a realistic puskesmas, deterministically from the seed: the
 * facility and wilayah kerja (from the Kemendagri list), posyandu, households with NIK and KK,
 * then each cluster's services.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const paths = dataPaths(options.dataDir);
  if (fs.existsSync(paths.database)) {
    throw new Error(
      `Folder data ${paths.dir} sudah berisi basis data; data contoh hanya dibuat di folder kosong.`,
    );
  }
  const today = options.today ?? localDate(new Date(), TIMEZONE_OFFSETS.WIB);
  const nowIso = `${today}T03:00:00.000Z`;
  const rng = new Random(options.seed);
  const core = await createCore({
    newId: () => rng.uuidv7(Date.parse(nowIso)),
    dataDir: options.dataDir,
    runtime: 'cli',
    now: () => new Date(nowIso),
    log: options.log ?? silentLogger,
  });
  try {
    const villages = await core.services.regions.villages(DEMO_DISTRICT.districtCode);
    const adminId = await core.services.setup.complete(
      {
        facility: {
          mode: 'puskesmas',
          name: 'Puskesmas Karangpawitan (data contoh)',
          kodePuskesmas: 'P3205020201',
          kodeRegistrasi: '1032052',
          kodePpkBpjs: '0102G001',
          satusehatOrgId: null,
          ...DEMO_DISTRICT,
          timezone: 'WIB',
          address: 'Jl. Raya Karangpawitan No. 1, Garut',
          phone: '0262 000000',
          email: null,
        },
        villageCodes: villages.map((v) => v.code),
        admin: {
          username: DEMO_ADMIN.username,
          fullName: 'Admin Data Contoh',
          password: DEMO_ADMIN.password,
          passwordConfirm: DEMO_ADMIN.password,
        },
      },
      'id',
    );

    const sqlite = core.database.sqlite;
    const ctx: DemoContext = {
      sqlite,
      rng,
      today,
      nowIso,
      adminId,
      facility: {
        districtCode: DEMO_DISTRICT.districtCode,
        regencyCode: DEMO_DISTRICT.regencyCode,
      },
      desa: [],
      posyandu: [],
      persons: [],
      counts: {},
      timings: {},
      insert(table, values, given) {
        // A step that gives no time: the row's own service date (a visit, a dose), so "changed
        // since" (the monthly bundle) and the audit trail see it on the day it happened.
        const createdAt = given ?? serviceInstant(values, nowIso);
        const id = (values.id as string | undefined) ?? rng.uuidv7(Date.parse(createdAt));
        const row = {
          ...values,
          id,
          created_at: createdAt,
          updated_at: createdAt,
          deleted_at: null,
          version: 1,
          created_by: adminId,
          updated_by: adminId,
        };
        // One prepared statement per table and column list (the key is built from the caller's
        // columns only: the conventions above are always the same).
        const key = `${table}:${Object.keys(values).join(',')}`;
        let statement = statements.get(key);
        if (!statement) {
          const columns = Object.keys(row);
          statement = sqlite.prepare(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
          );
          statements.set(key, statement);
        }
        statement.run(row);
        ctx.counts[table] = (ctx.counts[table] ?? 0) + 1;
        return id;
      },
    };
    const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();

    const steps: DemoStep[] = [wilayahStep, populationStep(options.persons), ...SERVICE_STEPS];
    // A 100,000-person demo writes ~1 GB: with SQLite's default 2 MB page cache every insert
    // into a random-keyed index (UUIDv7 of past dates) evicts and re-reads pages. A large cache
    // for the generation only, and one transaction per step so the WAL is checkpointed between
    // steps instead of growing to the whole database.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma(`cache_size = ${-DEMO_CACHE_KIB}`);
    // The indexes are built once after the rows are in: sorting each once beats keeping five or
    // six random-keyed B-trees up to date on every insert. The steps only read small tables and
    // whole-table scans. A duplicate that a unique index forbids still fails, when it is built.
    const indexes = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    try {
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
      for (const step of steps) {
        const started = Date.now();
        sqlite.transaction(() => step.run(ctx))();
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        ctx.timings[step.name] = (Date.now() - started) / 1000;
      }
      const started = Date.now();
      sqlite.transaction(() => indexes.forEach((index) => sqlite.exec(index.sql)))();
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      ctx.timings.indeks = (Date.now() - started) / 1000;
    } finally {
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    // One audit row for the whole generation (not one per generated record).
    await writeAudit(core.database.db, {
      at: nowIso,
      userId: adminId,
      action: 'demo.generate',
      table: 'demo',
      id: rng.uuidv7(Date.parse(nowIso)),
      rowId: rng.uuidv7(Date.parse(nowIso)),
      changes: { seed: options.seed, today, counts: ctx.counts },
    });
    return {
      today,
      counts: ctx.counts,
      timings: ctx.timings,
      admin: DEMO_ADMIN,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await core.close();
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * When a demo row happened: its first date column (`visit_date`, `given_on`, `delivered_at`…)
 * at 10:00 WIB, never after the demo's now; rows without one (settings, registers) get now.
 */
export function serviceInstant(values: Record<string, unknown>, nowIso: string): string {
  for (const [key, value] of Object.entries(values)) {
    if (!/(_date|_on|_at)$/.test(key) || typeof value !== 'string' || !ISO_DAY.test(value)) {
      continue;
    }
    const at = `${value.slice(0, 10)}T03:00:00.000Z`;
    return at < nowIso ? at : nowIso;
  }
  return nowIso;
}

/** RT/RW counts and dusun for each desa, and two to four posyandu per desa. */
const wilayahStep: DemoStep = {
  name: 'wilayah',
  run(ctx) {
    const { rng, sqlite } = ctx;
    const rows = sqlite.prepare('SELECT id, code, name FROM desa ORDER BY code').all() as {
      id: string;
      code: string;
      name: string;
    }[];
    const update = sqlite.prepare(
      'UPDATE desa SET rt_count = ?, rw_count = ?, dusun = ? WHERE id = ?',
    );
    for (const desa of rows) {
      const rwCount = rng.int(3, 9);
      const rtPerRw = rng.int(3, 6);
      const dusun = Array.from(
        { length: rng.int(2, 4) },
        (_, i) => DUSUN[(rng.int(0, DUSUN.length - 1) + i) % DUSUN.length]!,
      );
      const uniqueDusun = [...new Set(dusun)];
      update.run(rwCount * rtPerRw, rwCount, JSON.stringify(uniqueDusun), desa.id);
      ctx.desa.push({ ...desa, rwCount, rtPerRw, dusun: uniqueDusun });
      const count = rng.int(2, 4);
      for (let i = 1; i <= count; i++) {
        const name = `Posyandu ${desa.name} ${['Melati', 'Mawar', 'Anggrek', 'Dahlia', 'Kenanga'][i - 1]}`;
        const id = ctx.insert('posyandu', {
          name,
          desa_id: desa.id,
          rw: String(rng.int(1, rwCount)).padStart(3, '0'),
          dusun: uniqueDusun[(i - 1) % uniqueDusun.length],
          schedule_week: rng.int(1, 4),
          schedule_weekday: rng.int(1, 6),
          active: 1,
        });
        ctx.posyandu.push({ id, desaId: desa.id, name });
      }
    }
  },
};
