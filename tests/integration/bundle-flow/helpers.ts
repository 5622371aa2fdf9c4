import fs from 'node:fs';
import path from 'node:path';
import {
  BUNDLE_ERROR_CODES,
  addRecipient,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
} from '../../../src-main/bundle';
import { createCore, type Core } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log';
import type { MonthlyReportSource } from '../../../src-main/services/bundle-service';
import { receivedFileLines } from '../../../src-main/services/received-records';
import { coreFixtureSource } from '../../fixtures/bundle/report';
import { setupInput } from '../../support/setup';
import { fixedClock, tempDir } from '../../support/temp';

/** Key passphrases of the test installations (the key files use a low scrypt work factor). */
export const SIGNING_PASSPHRASE = 'kunci-puskesmas-uji';
export const DINKES_PASSPHRASE = 'kunci-dinkes-kabupaten';
export const FAST_KEYS = { scryptWorkFactor: 10 };

/** Codes a damaged or tampered file may get (never an internal error, never "cancelled"). */
export const REFUSAL_CODES = new Set<string>(
  BUNDLE_ERROR_CODES.filter(
    (c) => c.startsWith('BUNDLE_') && c !== 'BUNDLE_INTERNAL' && c !== 'BUNDLE_CANCELLED',
  ),
);

export interface Installation {
  core: Core;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** The raw result (for refusals). */
  raw(channel: string, input?: unknown): ReturnType<Core['dispatch']>;
  close(): Promise<void>;
}

async function open(options: {
  clock?: ReturnType<typeof fixedClock>;
  reportSource?: MonthlyReportSource;
  dir?: string;
}): Promise<Installation> {
  const temp = options.dir ? null : tempDir('siklus-bundle-');
  const dir = options.dir ?? temp!.dir;
  const clock = options.clock ?? fixedClock();
  const core = await createCore({
    dataDir: dir,
    runtime: 'harness',
    appVersion: '0.0.0-test',
    now: clock.now,
    log: silentLogger,
    dailyBackup: 'off',
    ...(options.reportSource ? { reportSource: options.reportSource } : {}),
  });
  const raw = (channel: string, input: unknown = {}) =>
    core.dispatch(channel, input, { trusted: true });
  return {
    core,
    dir,
    clock,
    raw,
    async call<T>(channel: string, input: unknown = {}) {
      const result = await raw(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async close() {
      await core.close();
      temp?.cleanup();
    },
  };
}

export interface Puskesmas extends Installation {
  kode: string;
  outbox: string;
}

/**
 * A puskesmas installation: set up (signed in as its admin), the fixture report source
 * wired, a signing key and the given Dinkes recipients in its key store, an outbox folder.
 */
export async function openPuskesmas(
  options: {
    kode?: string;
    name?: string;
    recipients?: string[];
    clock?: ReturnType<typeof fixedClock>;
    villageCodes?: string[];
    /** The kecamatan of the puskesmas (Karangpawitan by default). */
    districtCode?: string;
    signingKey?: boolean;
    /** The report source: the fixture one by default, null for none (as in production today). */
    reportSource?: MonthlyReportSource | null;
  } = {},
): Promise<Puskesmas> {
  const source = coreFixtureSource();
  const chosen = options.reportSource === undefined ? source : options.reportSource;
  const inst = await open({ clock: options.clock, ...(chosen ? { reportSource: chosen } : {}) });
  source.bind(inst.core);
  const kode = options.kode ?? 'P3205020101';
  const input = setupInput({
    kodePuskesmas: kode,
    name: options.name ?? 'Puskesmas Karangpawitan',
    ...(options.districtCode ? { districtCode: options.districtCode } : {}),
  });
  if (options.villageCodes) input.villageCodes = options.villageCodes;
  await inst.call('setup.complete', input);
  const keys = keysDir(inst.dir);
  if (options.signingKey !== false) {
    await initPuskesmasKeys(keys, SIGNING_PASSPHRASE, FAST_KEYS);
  }
  for (const r of options.recipients ?? []) await addRecipient(keys, r);
  const outbox = path.join(inst.dir, '..', `${path.basename(inst.dir)}-keluar`);
  fs.mkdirSync(outbox, { recursive: true });
  const close = inst.close;
  return {
    ...inst,
    kode,
    outbox,
    async close() {
      await close();
      fs.rmSync(outbox, { recursive: true, force: true });
    },
  };
}

export interface Dinkes extends Installation {
  recipient: string;
}

/** A Dinkes installation with its age key (created with a low work factor) and unlocked. */
export async function openDinkes(
  options: { clock?: ReturnType<typeof fixedClock>; unlock?: boolean } = {},
): Promise<Dinkes> {
  const inst = await open({ clock: options.clock });
  await inst.call(
    'setup.complete',
    setupInput({ mode: 'dinkes', name: 'Dinkes Kabupaten Garut', districtCode: null }),
  );
  const info = await initDinkesKeys(keysDir(inst.dir), DINKES_PASSPHRASE, FAST_KEYS);
  if (options.unlock !== false)
    await inst.call('keys.unlock', { keyPassphrase: DINKES_PASSPHRASE });
  return { ...inst, recipient: info.recipient };
}

export interface Exported {
  export: {
    id: string;
    version: number;
    fileName: string;
    sha256: string;
    revision: number;
    records: number;
    counts: Record<string, number>;
    until: string;
  };
  path: string;
}

/** Export `period` to the puskesmas outbox through the bridge. */
export async function exportBundle(
  p: Puskesmas,
  period: string,
  extra: object = {},
): Promise<Exported> {
  return p.call<Exported>('bundle.export', {
    form: {
      period,
      keyPassphrase: SIGNING_PASSPHRASE,
      destination: 'folder',
      folder: p.outbox,
      ...extra,
    },
  });
}

export interface ImportResult {
  fileName: string;
  outcome: string;
  message: string;
  code: string | null;
  kode: string | null;
  period: string | null;
  revision: number | null;
  records: number | null;
  warnings: string[];
}

export interface Summary {
  results: ImportResult[];
  pending: {
    pendingId: string;
    fingerprint: string;
    kode: string;
    files: unknown[];
    previous: unknown;
  }[];
}

/** Import files through the bridge as the page does (base64). */
export function importFiles(d: Dinkes, files: string[], extra: object = {}): Promise<Summary> {
  return d.call<Summary>('dinkes.import', {
    files: files.map((f) => ({
      name: path.basename(f),
      base64: fs.readFileSync(f).toString('base64'),
    })),
    ...extra,
  });
}

/** Every row of every table of a database, for "nothing changed" comparisons. */
export function snapshot(core: Core, exclude: string[] = []): Record<string, unknown[]> {
  const sqlite = core.database.sqlite;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'person_fts%' AND name NOT LIKE 'person_words%' ORDER BY name",
    )
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (exclude.includes(name)) continue;
    out[name] = (sqlite.prepare(`SELECT * FROM "${name}"`).all() as unknown[])
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
        ),
      )
      .sort();
  }
  return out;
}

/** Rows written on this connection so far (SQLite's total_changes). */
export function totalChanges(core: Core): number {
  return (core.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/**
 * After the test clock jumped past the idle lock: unlock the screen as the admin (a Dinkes
 * also unlocks its key again, which the lock forgot).
 */
export async function wake(inst: Installation): Promise<void> {
  const status = await inst.call<{ locked: boolean; user: unknown }>('auth.status');
  if (status.user && status.locked) await inst.call('auth.unlock', { password: 'rahasia-admin-1' });
  const mode = (await inst.call<{ mode: string }>('facility.get')).mode;
  if (mode === 'dinkes') {
    const keys = await inst.call<{ unlocked: boolean }>('keys.status');
    if (!keys.unlocked) await inst.call('keys.unlock', { keyPassphrase: DINKES_PASSPHRASE });
  }
}

/** The latest copy Dinkes holds of every record of `table`, each exactly as it was sent. */
export async function receivedLines(d: Dinkes, table: string): Promise<string[]> {
  const copies = d.core.database.sqlite
    .prepare('SELECT file_id, line FROM received_copy WHERE table_name = ? ORDER BY record_id')
    .all(table) as { file_id: number; line: number }[];
  const files = new Map<number, Promise<string[]>>();
  const linesOf = (fileId: number) => {
    let lines = files.get(fileId);
    if (!lines) files.set(fileId, (lines = receivedFileLines(d.core.database.db, fileId)));
    return lines;
  };
  return Promise.all(copies.map(async (c) => (await linesOf(c.file_id))[c.line]!));
}
