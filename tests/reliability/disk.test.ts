/**
 * Full disk and read-only data folder: the write is refused with a message that says what to
 * do (not "an error occurred"), nothing half-written, the database stays whole, and the app
 * writes again once there is room. The data folder is a tiny tmpfs mounted for the test (the
 * machine's root may mount); where mounting is not permitted, the full-disk case still runs on
 * SQLite's own page limit and the tmpfs cases say why they were skipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/log';
import { setupInput } from '../support/setup';
import { tempDir } from '../support/temp';
import { report } from './scale';

const FULL = 'Penyimpanan komputer penuh';
const READONLY = 'Folder data tidak dapat ditulisi';

async function open(dir: string): Promise<Core> {
  return createCore({
    dataDir: dir,
    runtime: 'cli',
    appVersion: '0.0.0-disk',
    log: silentLogger,
    dailyBackup: 'off',
  });
}

function caller(core: Core) {
  return (channel: string, input: unknown = {}) => core.dispatch(channel, input, { trusted: true });
}

async function setUp(core: Core): Promise<string> {
  const call = caller(core);
  const done = await call('setup.complete', setupInput());
  if (!done.ok) throw new Error(done.error.message);
  const desa = await call('desa.list');
  if (!desa.ok) throw new Error(desa.error.message);
  return (desa.value as { id: string }[])[0]!.id;
}

const person = (n: number, desaId: string) => ({
  person: {
    name: `Penduduk Disk ${'abcdefghij'[n % 10]}${'abcdefghij'[Math.floor(n / 10) % 10]}${'abcdefghij'[Math.floor(n / 100) % 10]}`,
    sex: n % 2 ? 'L' : 'P',
    birthDate: `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
    desaId,
    address: 'x'.repeat(250),
    notes: 'y'.repeat(900),
  },
});

/** Write persons until the disk refuses; returns the names acknowledged and the refusal. */
async function writeUntilRefused(core: Core, desaId: string, from: number) {
  const call = caller(core);
  const saved: string[] = [];
  for (let n = from; n < from + 5000; n++) {
    const input = person(n, desaId);
    const result = await call('persons.create', input);
    if (!result.ok) return { saved, refusal: result.error, refusedName: input.person.name };
    saved.push(input.person.name);
  }
  throw new Error('the disk never filled up');
}

function checkDatabase(file: string, saved: string[], refusedName: string) {
  const sqlite = new BetterSqlite3(file);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = new Set(
      (sqlite.prepare('SELECT name FROM person').all() as { name: string }[]).map((r) => r.name),
    );
    for (const name of saved) expect(names.has(name), name).toBe(true);
    expect(names.has(refusedName)).toBe(false);
    // No audit row for a person that was not saved.
    const audits = sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE table_name = 'person'")
      .get() as { n: number };
    expect(audits.n).toBe(saved.length);
  } finally {
    sqlite.close();
  }
}

describe('full disk (SQLite page limit: runs everywhere)', () => {
  it('refuses the write with a clear message, keeps the database whole', async () => {
    const temp = tempDir('siklus-full-');
    try {
      let core = await open(temp.dir);
      const desaId = await setUp(core);
      const sqlite = core.database.sqlite;
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.pragma(`max_page_count = ${pages + 40}`);
      const { saved, refusal, refusedName } = await writeUntilRefused(core, desaId, 0);
      expect(refusal.message).toContain(FULL);
      expect(refusal.details).toMatchObject({ storage: 'full' });
      expect(saved.length).toBeGreaterThan(0);
      await core.close();
      checkDatabase(path.join(temp.dir, 'siklus.sqlite3'), saved, refusedName);
      // Room again (the limit is per connection): the app writes.
      core = await open(temp.dir);
      expect(core.mode).toBe('normal');
      const again = await caller(core)('auth.login', {
        username: 'admin',
        password: 'rahasia-admin-1',
      });
      expect(again.ok).toBe(true);
      expect((await caller(core)('persons.create', person(9999, desaId))).ok).toBe(true);
      await core.close();
      report('disk-full (page limit)', { acknowledged: saved.length, refused: 1 });
    } finally {
      temp.cleanup();
    }
  });
});

/** Mount a tmpfs of `sizeKb` at `dir`; false when this machine does not allow it. */
function mountTmpfs(dir: string, sizeKb: number): boolean {
  if (process.platform !== 'linux') return false;
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  return r.status === 0;
}
const remount = (dir: string, mode: 'ro' | 'rw') =>
  spawnSync('mount', ['-o', `remount,${mode}`, dir]).status === 0;

describe('tmpfs data folder: really full, really read-only', () => {
  const temp = tempDir('siklus-tmpfs-');
  const dir = path.join(temp.dir, 'data');
  let mounted = false;

  beforeAll(() => {
    fs.mkdirSync(dir);
    mounted = mountTmpfs(dir, 6 * 1024);
    if (!mounted) {
      console.log('[reliability] tmpfs cannot be mounted here (not root?): tmpfs cases skipped');
    }
  });
  afterAll(() => {
    // Lazy: a core a failed test left open must not keep the mount (or the next run) busy.
    if (mounted) spawnSync('umount', ['-l', dir]);
    temp.cleanup();
  });

  it('a full disk refuses the write clearly; after freeing space the app writes again', async (ctx) => {
    if (!mounted) ctx.skip();
    let core = await open(dir);
    const desaId = await setUp(core);
    // Leave a little room and fill the rest.
    const filler = path.join(dir, 'isi-disk.bin');
    const free = fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize;
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - 256 * 1024)));
    const { saved, refusal, refusedName } = await writeUntilRefused(core, desaId, 0);
    expect(refusal.message).toContain(FULL);
    expect(refusal.details).toMatchObject({ storage: 'full' });
    // Reads still work while the disk is full.
    const search = await caller(core)('persons.search', { q: 'penduduk' });
    expect(search.ok).toBe(true);
    await core.close().catch(() => undefined);
    fs.rmSync(filler);
    checkDatabase(path.join(dir, 'siklus.sqlite3'), saved, refusedName);
    core = await open(dir);
    expect(core.mode).toBe('normal');
    await caller(core)('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    expect((await caller(core)('persons.create', person(4321, desaId))).ok).toBe(true);
    await core.close();
    report('disk-full (tmpfs)', { acknowledged: saved.length, refused: 1 });
  });

  it('a read-only data folder: the app says so, writes are refused, nothing is lost', async (ctx) => {
    if (!mounted) ctx.skip();
    let core = await open(dir);
    let call = caller(core);
    await call('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    const desa = (await call('desa.list')) as { ok: true; value: { id: string }[] };
    const desaId = desa.value[0]!.id;
    const before = await call('persons.create', person(777, desaId));
    expect(before, JSON.stringify(before)).toMatchObject({ ok: true });
    await core.close();
    // A write-protected stick, a folder mounted read-only.
    expect(remount(dir, 'ro')).toBe(true);
    let outcome = '';
    try {
      core = await open(dir);
      if (core.mode === 'recovery') {
        // Cannot even open it for writing: recovery mode explains why.
        outcome = `recovery:${core.recovery?.reason}`;
        expect(core.recovery?.error ?? '').toMatch(/hanya-baca|read-only|readonly|tidak dapat/i);
      } else {
        call = caller(core);
        await call('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
        const refused = await call('persons.create', person(778, desaId));
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.message).toContain(READONLY);
        outcome = 'refused';
      }
      await core.close().catch(() => undefined);
    } finally {
      expect(remount(dir, 'rw')).toBe(true);
    }
    const sqlite = new BetterSqlite3(path.join(dir, 'siklus.sqlite3'));
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = (sqlite.prepare('SELECT name FROM person').all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(names).toContain(person(777, desaId).person.name);
      expect(names).not.toContain(person(778, desaId).person.name);
    } finally {
      sqlite.close();
    }
    core = await open(dir);
    expect(core.mode).toBe('normal');
    await core.close();
    report('read-only', { outcome });
  });
});
