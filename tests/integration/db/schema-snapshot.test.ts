import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { compareSchemas, describeSchema, type SchemaShape } from '../../../src-main/db/introspect';
import { tempDir } from '../../support/temp';

const SNAPSHOT = path.resolve(import.meta.dirname, '../../fixtures/schema-snapshot.json');

async function currentSchema(): Promise<SchemaShape> {
  const { dir, cleanup } = tempDir();
  try {
    const opened = await openDatabase({
      file: path.join(dir, 'db.sqlite3'),
      backupDir: path.join(dir, 'backup'),
      appVersion: 'snapshot',
    });
    const shape = describeSchema(opened.sqlite);
    await opened.close();
    return shape;
  } finally {
    cleanup();
  }
}

/**
 * The schema that shipped is recorded in tests/fixtures/schema-snapshot.json. Migrations only
 * add: a shipped table, column or index that disappears or changes fails here. New ones must be
 * recorded with `UPDATE_SCHEMA_SNAPSHOT=1 npm run test:integration` (which refuses to record a
 * removal or a change).
 */
describe('schema snapshot', () => {
  it('keeps every shipped table, column and index unchanged', async () => {
    const current = await currentSchema();
    const shipped = fs.existsSync(SNAPSHOT)
      ? (JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as SchemaShape)
      : {};
    const { broken, unrecorded } = compareSchemas(shipped, current);
    expect(broken, 'shipped schema must not change').toEqual([]);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      fs.writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
      return;
    }
    expect(
      unrecorded,
      'new schema not yet recorded: run UPDATE_SCHEMA_SNAPSHOT=1 npm run test:integration',
    ).toEqual([]);
  });
});

describe('compareSchemas', () => {
  const column = { type: 'TEXT', notNull: true, default: null, primaryKey: 0 };
  const shipped: SchemaShape = {
    person: {
      columns: { id: { ...column, primaryKey: 1 }, name: column },
      indexes: { person_name: 'CREATE INDEX person_name ON person (name)' },
    },
  };

  it('accepts an added column but asks for it to be recorded', () => {
    const current = structuredClone(shipped);
    current.person!.columns.phone = { ...column, notNull: false };
    expect(compareSchemas(shipped, current)).toEqual({ broken: [], unrecorded: ['person.phone'] });
  });

  it('fails a removed column, a changed column, a removed index and a removed table', () => {
    const removed = structuredClone(shipped);
    delete removed.person!.columns.name;
    expect(compareSchemas(shipped, removed).broken).toEqual(['column person.name was removed']);

    const changed = structuredClone(shipped);
    changed.person!.columns.name = { ...column, type: 'INTEGER' };
    expect(compareSchemas(shipped, changed).broken[0]).toMatch(/person\.name changed/);

    const noIndex = structuredClone(shipped);
    noIndex.person!.indexes = {};
    expect(compareSchemas(shipped, noIndex).broken).toEqual([
      'index person_name was removed or changed',
    ]);

    expect(compareSchemas(shipped, {}).broken).toEqual(['table person was removed']);
  });
});
