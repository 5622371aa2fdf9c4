import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadSnapshot, type Database } from '../../../src-main/db/connection';
import { tempDatabase } from '../../support/database';

const setting = (key: string) => ({
  key,
  value: '"y"',
  updated_at: '2026-11-23T00:00:00.000Z',
  updated_by: null,
});

describe('openReadSnapshot', () => {
  let opened: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ opened, dispose } = await tempDatabase()));
  afterEach(() => dispose());

  const keysQuery = () =>
    opened.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'like', 'x%')
      .orderBy('key');

  it('reads the database as it was when opened, whatever the app commits meanwhile', async () => {
    await opened.db.insertInto('settings').values(setting('x1')).execute();
    const snapshot = openReadSnapshot(opened.file);
    try {
      await opened.db.insertInto('settings').values(setting('x2')).execute();
      const seen = await snapshot.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'x%')
        .execute();
      expect(seen).toEqual([{ key: 'x1' }]);
      const read = snapshot.rows(keysQuery().compile());
      expect(read.columns).toEqual(['key', 'value']);
      expect([...read.rows]).toEqual([['x1', '"y"']]);
    } finally {
      await snapshot.close();
    }
    const later = openReadSnapshot(opened.file);
    try {
      expect([...later.rows(keysQuery().compile()).rows].map((r) => r[0])).toEqual(['x1', 'x2']);
    } finally {
      await later.close();
    }
  });

  it('reads rows one at a time as they are iterated, and can read them again', async () => {
    for (const key of ['x1', 'x2', 'x3']) {
      await opened.db.insertInto('settings').values(setting(key)).execute();
    }
    const snapshot = openReadSnapshot(opened.file);
    try {
      const { rows } = snapshot.rows(keysQuery().compile());
      const iterator = rows[Symbol.iterator]();
      expect(iterator.next().value).toEqual(['x1', '"y"']);
      // Stopped early (a refused row, a cancel): the connection is free again.
      iterator.return?.();
      expect([...rows].map((r) => r[0])).toEqual(['x1', 'x2', 'x3']);
      expect(await snapshot.db.selectFrom('settings').select('key').execute()).not.toHaveLength(0);
    } finally {
      await snapshot.close();
    }
  });

  it('writes nothing', async () => {
    const snapshot = openReadSnapshot(opened.file);
    try {
      await expect(
        snapshot.db.insertInto('settings').values(setting('x9')).execute(),
      ).rejects.toThrow(/readonly/);
    } finally {
      await snapshot.close();
    }
    expect(await keysQuery().execute()).toEqual([]);
  });
});
