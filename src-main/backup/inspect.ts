import BetterSqlite3 from 'better-sqlite3';
import type { BackupManifest } from '@shared/contract';

/**
 * The tables that hold records (SQLite's own, virtual tables such as the FTS index and their
 * shadow tables excluded), by name.
 */
export function userTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.pragma('table_list') as { schema: string; name: string; type: string }[];
  return rows
    .filter((r) => r.schema === 'main' && r.type === 'table' && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
    .sort();
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per table. */
export function tableCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of userTables(sqlite)) {
    counts[table] = (
      sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }
    ).n;
  }
  return counts;
}

/** Rows per table where readable; null for a table that cannot be read (a damaged file). */
export function tableCountsTolerant(sqlite: BetterSqlite3.Database): Record<string, number | null> {
  const counts: Record<string, number | null> = {};
  for (const table of userTables(sqlite)) {
    try {
      counts[table] = (
        sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }
      ).n;
    } catch {
      counts[table] = null;
    }
  }
  return counts;
}

/** The registered facility's name and code, or null (before setup, or an old schema). */
export function facilityOf(sqlite: BetterSqlite3.Database): BackupManifest['facility'] {
  try {
    const row = sqlite
      .prepare(
        'SELECT name, kode_puskesmas AS code FROM facility WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1',
      )
      .get() as { name: string; code: string | null } | undefined;
    return row ? { name: row.name, kodePuskesmas: row.code } : null;
  } catch {
    return null;
  }
}

/** The facility's time zone offset from UTC in minutes (WIB +7 h when unknown). */
export function facilityOffsetMinutes(sqlite: BetterSqlite3.Database): number {
  try {
    const row = sqlite
      .prepare('SELECT timezone FROM facility WHERE deleted_at IS NULL LIMIT 1')
      .get() as { timezone: string } | undefined;
    return offsetOfZone(row?.timezone);
  } catch {
    return offsetOfZone(undefined);
  }
}

export function offsetOfZone(zone: string | undefined): number {
  return zone === 'WIT' ? 9 * 60 : zone === 'WITA' ? 8 * 60 : 7 * 60;
}

/** One value of the `settings` table (JSON), or undefined when absent or unreadable. */
export function readSetting(sqlite: BetterSqlite3.Database, key: string): unknown {
  try {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** `PRAGMA integrity_check` (or `quick_check`): the problem lines, empty when the file is sound. */
export function checkLines(
  sqlite: BetterSqlite3.Database,
  pragma: 'integrity_check' | 'quick_check',
  limit = 20,
): string[] {
  const rows = sqlite.pragma(`${pragma}(${limit})`) as Record<string, string>[];
  const lines = rows.map((r) => String(Object.values(r)[0]));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/** Facts read from a checked copy: the problems (empty = sound), then the manifest facts. */
export function examineCopy(file: string): {
  problems: string[];
  schemaVersion: number;
  counts: Record<string, number>;
  facility: BackupManifest['facility'];
} {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    // Pages copied from a WAL database keep the WAL flag: make the copy a self-contained file.
    copy.pragma('journal_mode = DELETE');
    const problems = checkLines(copy, 'integrity_check');
    if (problems.length > 0) return { problems, schemaVersion: 0, counts: {}, facility: null };
    return {
      problems,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      counts: tableCounts(copy),
      facility: facilityOf(copy),
    };
  } finally {
    copy.close();
  }
}
