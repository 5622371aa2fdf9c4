import Database from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql, type RawBuilder } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, completedMonths } from '@shared/domain/dates';
import { addMonthsSql, completedMonthsSql } from '../../../src-main/reports/sql';

const db = new Kysely<Record<string, never>>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
});
afterAll(() => db.destroy());

async function monthsInSql(birth: string, on: string): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT ${completedMonthsSql(sql`${birth}`, sql`${on}`)} AS n`.execute(db);
  return r.rows[0]!.n;
}

describe('completedMonthsSql', () => {
  it.each([
    // birth, on, completed months (hand-counted, as a KMS reads them)
    ['2025-01-15', '2025-02-14', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2025-01-31', '2025-02-27', 0],
    ['2025-01-31', '2025-02-28', 1], // no 31 February: one month on its last day
    ['2024-01-31', '2024-02-28', 0], // leap year: the last day is the 29th
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-30', '2024-02-29', 1],
    ['2025-01-29', '2025-02-28', 1],
    ['2024-02-29', '2025-02-28', 12],
    ['2025-03-31', '2025-04-30', 1],
    ['2025-03-31', '2025-04-29', 0],
    ['2025-05-31', '2025-06-30', 1],
    ['2025-12-31', '2026-01-30', 0],
    ['2025-12-31', '2026-01-31', 1],
    ['2021-10-01', '2026-09-30', 59],
    ['2021-10-01', '2026-10-01', 60],
    ['2026-10-10', '2026-10-10', 0],
  ])('born %s, on %s: %i', async (birth, on, months) => {
    expect(completedMonths(birth, on)).toBe(months);
    expect(await monthsInSql(birth, on)).toBe(months);
  });

  it('agrees with the domain for any birth date and any later date within six years', async () => {
    const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => addDays('2019-01-01', n));
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 0, max: 365 * 6 }), async (birth, after) => {
        const on = addDays(birth, after);
        expect(await monthsInSql(birth, on)).toBe(completedMonths(birth, on));
      }),
      { numRuns: 3000 },
    );
  });
});

async function plusMonthsInSql(
  date: string,
  months: number | RawBuilder<unknown>,
): Promise<string> {
  const r = await sql<{ d: string }>`SELECT ${addMonthsSql(sql`${date}`, months)} AS d`.execute(db);
  return r.rows[0]!.d;
}

describe('addMonthsSql', () => {
  it.each([
    // date, years, the same day that many years on (hand-counted): the Klaster 3 minimum age
    ['2010-06-15', 15, '2025-06-15'],
    ['2009-02-28', 15, '2024-02-28'],
    ['2008-02-29', 15, '2023-02-28'], // no 29 February in 2023
    ['2008-02-29', 16, '2024-02-29'],
    ['2008-02-29', 4, '2012-02-29'],
    ['2000-03-01', 15, '2015-03-01'],
    ['2010-12-31', 15, '2025-12-31'],
    ['0995-01-01', 15, '1010-01-01'],
  ])('%s + %i years: %s', async (date, years, expected) => {
    expect(addMonths(date, years * 12)).toBe(expected);
    expect(await plusMonthsInSql(date, years * 12)).toBe(expected);
  });

  it.each([
    // date, months, the same day that many months on, or the month's last (hand-counted)
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-29', 1, '2025-02-28'],
    ['2025-01-28', 1, '2025-02-28'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-12-31', 12, '2026-12-31'],
    ['2025-06-10', 0, '2025-06-10'],
  ])('%s + %i months: %s', async (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
    expect(await plusMonthsInSql(date, months)).toBe(expected);
  });

  it("takes the months as an SQL expression too (a KB product's life by its code)", async () => {
    expect(
      await plusMonthsInSql('2025-10-31', sql`CASE 'implan' WHEN 'implan' THEN ${36} END`),
    ).toBe('2028-10-31');
  });

  it("agrees with the domain's addMonths for any date and months, years included", async () => {
    const day = fc.integer({ min: 0, max: 365 * 90 }).map((n) => addDays('1936-01-01', n));
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 0, max: 70 * 12 }), async (date, months) => {
        expect(await plusMonthsInSql(date, months)).toBe(addMonths(date, months));
      }),
      { numRuns: 3000 },
    );
  });
});
