import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fsyncFile, renameWithRetry, timestampForFile } from './files';
import { ASIDE_DIR } from './store';

type Copied = { rows: number; error: string | null };
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function hasRowid(source: BetterSqlite3.Database, quoted: string): boolean {
  try {
    source.prepare(`SELECT rowid FROM ${quoted} LIMIT 0`).all();
    return true;
  } catch {
    return false;
  }
}

/** A plain scan in one transaction: a damaged page stops it, the rows before it stay. */
function copyByScan(
  source: BetterSqlite3.Database,
  target: BetterSqlite3.Database,
  quoted: string,
  columns: string[],
): Copied {
  const insert = target.prepare(
    `INSERT INTO ${quoted} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let rows = 0;
  let error: string | null = null;
  target.transaction(() => {
    try {
      for (const row of source
        .prepare(`SELECT ${columns.join(', ')} FROM ${quoted}`)
        .raw()
        .iterate()) {
        insert.run(row as unknown[]);
        rows++;
      }
    } catch (e) {
      error = message(e);
    }
  })();
  return { rows, error };
}

/**
 * Copy in rowid order; when a damaged page stops the scan, find the first readable rowid after
 * it (a seek goes down from the root, past the damaged leaf) and go on from there. Only the
 * rows on damaged pages are lost.
 */
function copyByRowid(
  source: BetterSqlite3.Database,
  target: BetterSqlite3.Database,
  quoted: string,
  columns: string[],
): Copied {
  const insert = target.prepare(
    `INSERT INTO ${quoted} (rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  );
  // A fresh statement each pass: one that stopped on a damaged page keeps failing.
  const after = () =>
    source
      .prepare(`SELECT rowid, ${columns.join(', ')} FROM ${quoted} WHERE rowid >= ? ORDER BY rowid`)
      .raw();
  const seek = () =>
    source.prepare(`SELECT rowid FROM ${quoted} WHERE rowid >= ? ORDER BY rowid LIMIT 1`).pluck();
  const readable = (rowid: number): boolean => {
    try {
      return seek().get(rowid) !== undefined;
    } catch {
      return false;
    }
  };
  // Seek with >= to the next wanted rowid: `> last` would land on the damaged page again.
  let next = Number.MIN_SAFE_INTEGER;
  let rows = 0;
  let error: string | null = null;
  for (let pass = 0; pass < 10_000; pass++) {
    let stopped: unknown = null;
    target.transaction(() => {
      try {
        for (const row of after().iterate(next)) {
          insert.run(row as unknown[]);
          next = (row as number[])[0]! + 1;
          rows++;
        }
      } catch (e) {
        stopped = e;
      }
    })();
    if (stopped === null) return { rows, error };
    error ??= message(stopped);
    let hi: number;
    try {
      hi = source.prepare(`SELECT max(rowid) FROM ${quoted}`).pluck().get() as number;
    } catch {
      hi = Number.MAX_SAFE_INTEGER;
    }
    let lo = next;
    if (hi === null || hi < lo || !readable(hi) || readable(lo)) return { rows, error };
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (readable(mid)) hi = mid;
      else lo = mid;
    }
    next = hi;
  }
  return { rows, error };
}

export interface SalvageResult {
  /** The salvage file, relative to the data folder. */
  file: string;
  tables: Record<string, { rows: number; error: string | null }>;
}

/**
 * Copy every row that can still be read from a damaged database into a new file in
 * `backup/disisihkan/` (tables only: no indexes, triggers or search index), for IT staff to
 * recover work done since the last backup. The damaged file is opened read-only; the salvage
 * file is for inspection and export, not for the app to open.
 */
export function salvageDatabase(
  dataDir: string,
  database: string,
  backups: string,
  now: Date,
): SalvageResult {
  const source = new BetterSqlite3(database, { readonly: true, fileMustExist: true });
  const dir = path.join(backups, ASIDE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const final = path.join(dir, `${timestampForFile(now)}_salvage.sqlite3`);
  const temp = `${final}.tmp-${process.pid}`;
  const target = new BetterSqlite3(temp);
  const tables: SalvageResult['tables'] = {};
  try {
    target.pragma('journal_mode = DELETE');
    let list: { name: string; sql: string | null }[] = [];
    try {
      const kinds = new Map(
        (source.pragma('table_list') as { schema: string; name: string; type: string }[])
          .filter((t) => t.schema === 'main')
          .map((t) => [t.name, t.type]),
      );
      list = (
        source
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
          .all() as { name: string; sql: string | null }[]
      ).filter((t) => kinds.get(t.name) === 'table' && !t.name.startsWith('sqlite_') && t.sql);
    } catch (error) {
      tables['(skema)'] = {
        rows: 0,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    for (const { name, sql } of list) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      let rows = 0;
      let problem: string | null = null;
      try {
        target.exec(sql!);
        const columns = (source.pragma(`table_info(${quoted})`) as { name: string }[]).map(
          (c) => `"${c.name.replace(/"/g, '""')}"`,
        );
        const copied = hasRowid(source, quoted)
          ? copyByRowid(source, target, quoted, columns)
          : copyByScan(source, target, quoted, columns);
        rows = copied.rows;
        problem = copied.error;
      } catch (error) {
        problem = message(error);
      }
      tables[name] = { rows, error: problem };
    }
  } finally {
    target.close();
    source.close();
  }
  fsyncFile(temp);
  renameWithRetry(temp, final);
  return { file: path.relative(dataDir, final), tables };
}
