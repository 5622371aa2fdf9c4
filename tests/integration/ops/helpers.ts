import fs from 'node:fs';
import path from 'node:path';
import type { PersonInput } from '@shared/contract';
import { createCore, type Core, type CoreOptions } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log';
import type { TestCore } from '../../support/core';
import { fixedClock } from '../../support/temp';
export { damageMiddle } from '../../support/damage';

/** A core over `dir` (kept between opens, unlike openTestCore's), dispatching as the page. */
export async function openCoreAt(
  dir: string,
  clock = fixedClock('2026-10-15T02:00:00.000Z'),
  options: Partial<CoreOptions> = {},
): Promise<TestCore> {
  const core = await createCore({
    dataDir: dir,
    runtime: 'harness',
    appVersion: '0.0.0-test',
    now: clock.now,
    log: silentLogger,
    dailyBackup: 'off',
    ...options,
  });
  return {
    core,
    dir,
    clock,
    call: (channel, input = {}) => core.dispatch(channel, input, { trusted: true }),
    close: () => core.close(),
  };
}

export async function expectOk<T = unknown>(promise: ReturnType<TestCore['call']>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A valid NIK for Kec. Karangpawitan (32.05.02), a woman born 1990-03-05, serial `n`. */
export function nikFor(n: number): string {
  return `3205024503900${String(n).padStart(3, '0')}`;
}

export function personInput(n: number, desaId: string): PersonInput {
  return {
    nik: nikFor(n),
    name: `Warga Uji ${String(n).padStart(3, '0')}`,
    sex: 'P',
    birthDate: '1990-03-05',
    desaId,
    rt: '001',
    rw: '002',
  };
}

/** Register `count` persons (numbered from `from`) through the persons.create channel. */
export async function addPersons(t: TestCore, count: number, from = 1): Promise<void> {
  const desa = await expectOk<{ id: string }[]>(t.call('desa.list'));
  for (let n = from; n < from + count; n++) {
    await expectOk(
      t.call('persons.create', { person: personInput(n, desa[0]!.id), confirmNotDuplicate: true }),
    );
  }
}

/** Rows per record table (no SQLite, FTS or shadow tables), straight from SQLite. */
export function rowCounts(core: Core): Record<string, number> {
  const sqlite = core.database.sqlite;
  const tables = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name);
  return Object.fromEntries(
    tables.map((name) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

export function listFilesRecursive(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFilesRecursive(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
}
