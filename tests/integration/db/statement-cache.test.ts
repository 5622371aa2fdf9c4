import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { tempDatabase } from '../../support/database';

describe('Kysely on a statement cache', () => {
  let opened: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ opened, dispose } = await tempDatabase());
    opened.sqlite.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    opened.sqlite.exec('INSERT INTO t (n) VALUES (1), (2), (3), (4), (5)');
  });
  afterEach(() => dispose());

  const count = (below: number) =>
    sql<{ c: number }>`SELECT count(*) AS c FROM t WHERE n < ${below}`.execute(opened.db);

  it('prepares a query once, whatever its parameters', async () => {
    const prepare = vi.spyOn(opened.sqlite, 'prepare');
    expect((await count(3)).rows).toEqual([{ c: 2 }]);
    expect((await count(6)).rows).toEqual([{ c: 5 }]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('keeps at most 256 statements: one pushed out by 300 others is prepared again', async () => {
    expect((await count(2)).rows).toEqual([{ c: 1 }]);
    for (let i = 0; i < 300; i++) await sql.raw(`SELECT ${i} AS i`).execute(opened.db);
    const prepare = vi.spyOn(opened.sqlite, 'prepare');
    expect((await count(4)).rows).toEqual([{ c: 3 }]);
    expect((await sql.raw('SELECT 299 AS i').execute(opened.db)).rows).toEqual([{ i: 299 }]);
    expect(prepare).toHaveBeenCalledTimes(1); // count again; 'SELECT 299' was still kept
  });
});
