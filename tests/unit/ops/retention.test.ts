import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  KEEP_PRE_MIGRATION,
  localKeys,
  type Dated,
} from '../../../src-main/backup/retention';

const WIB = 7 * 60;
const WIT = 9 * 60;

/** One routine backup at each instant (ISO, UTC). */
const at = (...instants: string[]): Dated[] =>
  instants.map((createdAt, i) => ({ id: `b${i}_${createdAt}`, kind: 'harian', createdAt }));

const kept = (backups: Dated[], daily: number, monthly: number, offset = WIB) =>
  [...backupsToKeep(backups, { keepDaily: daily, keepMonthly: monthly }, offset)]
    .map((id) => backups.find((b) => b.id === id)!.createdAt)
    .sort();

describe('local day and month', () => {
  it('follow the facility time zone, not UTC', () => {
    // 16:59 UTC on 31 Oct is 23:59 WIB (still October) but 01:59 WIT on 1 Nov.
    expect(localKeys('2026-10-31T16:59:00.000Z', WIB)).toEqual({
      day: '2026-10-31',
      month: '2026-10',
    });
    expect(localKeys('2026-10-31T16:59:00.000Z', WIT)).toEqual({
      day: '2026-11-01',
      month: '2026-11',
    });
    expect(localKeys('2026-12-31T17:00:00.000Z', WIB)).toEqual({
      day: '2027-01-01',
      month: '2027-01',
    });
  });
});

describe('retention: keep N daily + N monthly', () => {
  it('keeps the newest backup of each of the last N days', () => {
    const backups = at(
      '2026-10-10T01:00:00.000Z',
      '2026-10-11T01:00:00.000Z',
      '2026-10-11T05:00:00.000Z', // newer on the same day: this one counts for the 11th
      '2026-10-12T01:00:00.000Z',
      '2026-10-13T01:00:00.000Z',
    );
    expect(kept(backups, 3, 0)).toEqual([
      '2026-10-11T05:00:00.000Z',
      '2026-10-12T01:00:00.000Z',
      '2026-10-13T01:00:00.000Z',
    ]);
  });

  it('splits days at local midnight (WIB), not at UTC midnight', () => {
    // 16:30 and 17:30 UTC are 23:30 and 00:30 WIB: two different local days.
    const backups = at('2026-10-11T16:30:00.000Z', '2026-10-11T17:30:00.000Z');
    expect(kept(backups, 2, 0)).toEqual(['2026-10-11T16:30:00.000Z', '2026-10-11T17:30:00.000Z']);
    // In UTC terms they would be one day; with keepDaily 1 only the newer survives.
    expect(kept(backups, 1, 0)).toEqual(['2026-10-11T17:30:00.000Z']);
    // 08:00 and 14:00 UTC are both the 11th in WIB (15:00, 21:00): one day.
    expect(kept(at('2026-10-11T08:00:00.000Z', '2026-10-11T14:00:00.000Z'), 5, 0)).toEqual([
      '2026-10-11T14:00:00.000Z',
    ]);
  });

  it('keeps the last backup of each month at the month edge, beyond the daily window', () => {
    const backups = at(
      '2026-08-15T01:00:00.000Z',
      '2026-08-31T16:00:00.000Z', // 23:00 WIB on 31 Aug: August's last
      '2026-08-31T17:30:00.000Z', // 00:30 WIB on 1 Sep: September's
      '2026-09-30T10:00:00.000Z',
      '2026-10-01T01:00:00.000Z',
      '2026-10-02T01:00:00.000Z',
    );
    expect(kept(backups, 2, 3)).toEqual([
      '2026-08-31T16:00:00.000Z', // monthly: August
      '2026-09-30T10:00:00.000Z', // monthly: September
      '2026-10-01T01:00:00.000Z', // daily
      '2026-10-02T01:00:00.000Z', // daily + monthly: October
    ]);
    // Only two months kept: August goes.
    expect(kept(backups, 2, 2)).toEqual([
      '2026-09-30T10:00:00.000Z',
      '2026-10-01T01:00:00.000Z',
      '2026-10-02T01:00:00.000Z',
    ]);
  });

  it('the year edge counts as a month edge', () => {
    const backups = at(
      '2026-12-31T16:59:00.000Z',
      '2026-12-31T17:01:00.000Z',
      '2027-01-05T01:00:00.000Z',
    );
    expect(kept(backups, 1, 2)).toEqual(['2026-12-31T16:59:00.000Z', '2027-01-05T01:00:00.000Z']);
  });

  it('always keeps the newest backup, and keeps the newest pre-migration copies apart', () => {
    const routine = at('2026-10-01T01:00:00.000Z', '2026-10-02T01:00:00.000Z');
    const pre: Dated[] = Array.from({ length: KEEP_PRE_MIGRATION + 2 }, (_, i) => ({
      id: `pre${i}`,
      kind: 'pra-migrasi',
      createdAt: `2026-0${i + 1}-01T00:00:00.000Z`,
    }));
    const keep = backupsToKeep([...routine, ...pre], { keepDaily: 1, keepMonthly: 0 }, WIB);
    expect(keep.has(routine[1]!.id)).toBe(true);
    expect(keep.has(routine[0]!.id)).toBe(false);
    expect(pre.filter((p) => keep.has(p.id)).map((p) => p.id)).toEqual(
      pre.slice(2).map((p) => p.id),
    );
  });

  it('keeps a manual backup in the same buckets as the daily ones', () => {
    const backups: Dated[] = [
      { id: 'daily', kind: 'harian', createdAt: '2026-10-02T01:00:00.000Z' },
      { id: 'manual', kind: 'manual', createdAt: '2026-10-02T08:00:00.000Z' },
    ];
    expect([...backupsToKeep(backups, { keepDaily: 14, keepMonthly: 12 }, WIB)]).toEqual([
      'manual',
    ]);
  });
});
