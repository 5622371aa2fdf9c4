import type { PersonInput } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';

/** 22 November 2026, 09.00 WIB. */
export const NOW = '2026-11-22T02:00:00.000Z';
export const TODAY = '2026-11-22';

export interface ChildWorld {
  t: TestCore;
  desa: { id: string; name: string }[];
  posyanduId: string;
  otherPosyanduId: string;
  /** Create a child registered at the first posyandu; returns its id. */
  child(name: string, birthDate: string, extra?: Partial<PersonInput>): Promise<string>;
  /** Call a channel and return its value, failing the test on an error. */
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  sqlite: TestCore['core']['database']['sqlite'];
}

export async function openChildWorld(): Promise<ChildWorld> {
  const t = await openTestCore(NOW);
  await setupFacility(t);
  const ok = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await t.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const desa = await ok<{ id: string; name: string }[]>('desa.list');
  const posyandu = await ok<{ id: string }>('posyandu.create', {
    name: 'Posyandu Melati',
    desaId: desa[1]!.id,
    rw: '003',
    scheduleWeek: 2,
    scheduleWeekday: 2,
  });
  const other = await ok<{ id: string }>('posyandu.create', {
    name: 'Posyandu Mawar',
    desaId: desa[2]!.id,
  });
  return {
    t,
    desa,
    posyanduId: posyandu.id,
    otherPosyanduId: other.id,
    ok,
    sqlite: t.core.database.sqlite,
    async child(name, birthDate, extra = {}) {
      const saved = await ok<{ saved: true; person: { id: string } }>('persons.create', {
        person: {
          name,
          sex: 'L',
          birthDate,
          desaId: desa[1]!.id,
          rt: '001',
          rw: '003',
          posyanduId: posyandu.id,
          ...extra,
        },
        confirmNotDuplicate: true,
      });
      return saved.person.id;
    },
  };
}

/** Count living rows of a table. */
export function count(world: ChildWorld, table: string, where = '1 = 1'): number {
  return (
    world.sqlite
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND ${where}`)
      .get() as { n: number }
  ).n;
}
