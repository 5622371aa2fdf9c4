import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRowReader, type Database } from '../../../src-main/db/connection';
import { tempDatabase } from '../../support/database';

describe('rawRowReader', () => {
  let opened: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ opened, dispose } = await tempDatabase()));
  afterEach(() => dispose());

  it('reads a compiled query as columns and value arrays, inside a transaction only', async () => {
    const read = rawRowReader(opened.sqlite);
    const query = opened.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', '=', 'x')
      .compile();
    expect(() => read(query)).toThrow(/only inside a transaction/);
    await opened.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({
          key: 'x',
          value: '"y"',
          updated_at: '2026-11-23T00:00:00.000Z',
          updated_by: null,
        })
        .execute();
      // the transaction's own snapshot: the row it wrote is there
      expect(read(query)).toEqual({ columns: ['key', 'value'], rows: [['x', '"y"']] });
    });
  });
});
