import { expect } from 'vitest';
import type { IndicatorValue, MonthlyReport, PersonInput, ReportRow } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src-main/db/schema';
import {
  countByDesa,
  itemKey,
  windowsOf,
  type SourceFamily,
} from '../../../src-main/reports/count';
import { defaultReportRules } from '../../../src-main/reports/rules';
import { SOURCES } from '../../../src-main/reports/sources';

export interface ReportWorld {
  t: TestCore;
  /** Desa A and B of the wilayah kerja (the report lists every desa, these two are used). */
  A: { id: string; name: string };
  B: { id: string; name: string };
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  person(
    name: string,
    sex: 'L' | 'P',
    birthDate: string,
    extra?: Partial<PersonInput>,
  ): Promise<string>;
  /** Move a person to another desa (null = luar wilayah), as the registry form does. */
  move(personId: string, desaId: string | null): Promise<void>;
  report(period: string): Promise<MonthlyReport>;
}

export async function openReportWorld(now: string): Promise<ReportWorld> {
  const t = await openTestCore(now);
  await setupFacility(t);
  const ok = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await t.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const desa = await ok<{ id: string; name: string }[]>('desa.list');
  const world: ReportWorld = {
    t,
    A: desa[1]!,
    B: desa[2]!,
    ok,
    async person(name, sex, birthDate, extra = {}) {
      const saved = await ok<{ person: { id: string } }>('persons.create', {
        person: { name, sex, birthDate, desaId: desa[1]!.id, rt: '001', rw: '002', ...extra },
        confirmNotDuplicate: true,
      });
      return saved.person.id;
    },
    async move(personId, desaId) {
      const person = await ok<Record<string, unknown> & { version: number }>('persons.get', {
        id: personId,
      });
      await ok('persons.update', {
        id: personId,
        version: person.version,
        person: {
          name: person.name,
          sex: person.sex,
          birthDate: person.birthDate,
          desaId,
          outsideAddress: desaId === null ? 'Kp. Sukamaju, Kec. Tarogong' : null,
        },
        confirmNotDuplicate: true,
      });
    },
    report: (period) => ok<MonthlyReport>('reports.monthly', { period }),
  };
  return world;
}

/** One row of one indicator. */
export function rowOf(report: MonthlyReport, code: string, key: string): ReportRow {
  const indicator = report.indicators.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  if (!indicator.computable) throw new Error(`${code} not computable`);
  const row = indicator.rows.find((r) => r.key === key);
  if (!row) throw new Error(`${code}: no row ${key}`);
  return row;
}

/** `[numerator, denominator]` of a cell, for compact hand-count assertions. */
export const nd = (v: IndicatorValue) => [v.numerator, v.denominator];

/**
 * Each member of each family, counted together and alone for each month, must count the same.
 * Returns the members' year-to-date numerators summed over the months, for the caller to check
 * that the fixture counted something (a family of zeros proves nothing).
 */
export async function expectFamiliesCountAsAlone(
  db: Kysely<DB>,
  families: readonly SourceFamily[],
  months: readonly string[],
): Promise<number> {
  let counted = 0;
  for (const month of months) {
    const windows = windowsOf({ month });
    const rules = defaultReportRules(windows.ytd.to);
    for (const family of families) {
      const together = await family.count(db, windows, rules);
      for (const member of family.members) {
        const alone = await countByDesa(db, SOURCES[member.source]!, member.mode, windows, rules);
        expect(together.get(itemKey(member)), `${itemKey(member)} ${month}`).toEqual(alone);
        for (const c of alone.ytd.values()) counted += c.numerator;
      }
    }
  }
  return counted;
}
