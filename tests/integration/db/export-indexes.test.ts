import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { EXPORT_TABLES, exportRowsQuery } from '../../../src-main/services/bundle-export';
import { nikCandidatesQuery } from '../../../src-main/services/bundle-preflight';
import { queryPlan } from '../../support/plan';
import { tempDir } from '../../support/temp';

describe('export indexes (migration 0011)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('the export finds each table’s rows changed since the last export by an index', async () => {
    const opened = await openDatabase({
      file: path.join(dir, 'siklus.sqlite3'),
      backupDir: path.join(dir, 'backup'),
      appVersion: 't',
    });
    for (const table of EXPORT_TABLES) {
      const query = exportRowsQuery(opened.db, table, '2026-10-01T00:00:00.000Z').compile();
      const plan = queryPlan(opened.sqlite, query.sql, ...query.parameters);
      expect(plan, table).toMatch(/USING INDEX \w+ \(updated_at>\?\)/);
    }
    // and the pre-flight's NIK check reads only the persons changed since then
    const nik = nikCandidatesQuery(opened.db, '2026-10-01T00:00:00.000Z').compile();
    expect(queryPlan(opened.sqlite, nik.sql, ...nik.parameters)).toMatch(
      /SEARCH person USING INDEX person_updated \(updated_at>\?\)/,
    );
    await opened.close();
  });
});
