import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import { tempDir } from '../../support/temp';

describe('Kysely on a statement cache', () => {
  let cleanup: () => void;
  let opened: Database;
  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    opened = await openDatabase({
      file: path.join(t.dir, 'siklus.sqlite3'),
      backupDir: path.join(t.dir, 'backup'),
      appVersion: 't',
    });
    opened.sqlite.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    opened.sqlite.exec('INSERT INTO t (n) VALUES (1), (2), (3), (4), (5)');
  });
  afterEach(async () => {
    await opened.close();
    cleanup();
  });

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
