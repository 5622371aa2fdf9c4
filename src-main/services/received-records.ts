import { inflateRawSync } from 'node:zlib';
import { CompiledQuery, type Kysely } from 'kysely';
import type { KeyedBundle } from '../bundle';
import { sha256Hex } from '../bundle/encoding';
import type { DB } from '../db/schema';

/**
 * What Dinkes keeps of the records the puskesmas send (migration 0014): each bundle's records
 * file per table once, as the deflate stream it came in (`received_file`), and per record the
 * latest copy's version, dates, file and line (`received_copy`). A copy held is replaced only
 * by a higher version, or the same version changed later.
 */

/** Rows per upsert statement (8 parameters each). */
const BATCH = 500;

const COLUMNS = [
  'puskesmas_id',
  'table_name',
  'record_id',
  'version',
  'updated_at',
  'deleted_at',
  'file_id',
  'line',
] as const;

const upsertSql = new Map<number, string>();

/**
 * The upsert of `rows` records (parameters in COLUMNS order, row after row). Written as SQL once
 * per batch size: the query builder built and compiled it value by value, for every batch of a
 * bundle's tens of thousands of rows.
 */
function upsert(rows: number): string {
  let text = upsertSql.get(rows);
  if (text === undefined) {
    const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
    text = `INSERT INTO received_copy (${COLUMNS.join(', ')})
      VALUES ${Array<string>(rows).fill(tuple).join(', ')}
      ON CONFLICT (puskesmas_id, table_name, record_id) DO UPDATE SET
        version = excluded.version,
        updated_at = excluded.updated_at,
        deleted_at = excluded.deleted_at,
        file_id = excluded.file_id,
        line = excluded.line
      WHERE excluded.version > received_copy.version
        OR (excluded.version = received_copy.version
          AND excluded.updated_at > received_copy.updated_at)`;
    upsertSql.set(rows, text);
  }
  return text;
}

/**
 * Keep an applied bundle's records (inside the import's transaction): its files, then every row
 * newer than the copy held. Returns how many rows were new or newer.
 */
export async function storeReceivedRecords(
  trx: Kysely<DB>,
  puskesmasId: string,
  importId: string,
  opened: Pick<KeyedBundle, 'tables' | 'recordFiles'>,
): Promise<number> {
  let changed = 0;
  for (const [table, keys] of Object.entries(opened.tables)) {
    const file = opened.recordFiles[table]!;
    const rows = keys.id.length;
    const { id: fileId } = await trx
      .insertInto('received_file')
      .values({
        bundle_import_id: importId,
        table_name: table,
        records: rows,
        size: file.size,
        sha256: file.sha256,
        deflated: file.deflated,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < rows; i += BATCH) {
      const end = Math.min(rows, i + BATCH);
      const parameters: unknown[] = [];
      for (let line = i; line < end; line++) {
        parameters.push(
          puskesmasId,
          table,
          keys.id[line],
          keys.version[line],
          keys.updated_at[line],
          keys.deleted_at[line],
          fileId,
          line,
        );
      }
      const done = await trx.executeQuery(CompiledQuery.raw(upsert(end - i), parameters));
      changed += Number(done.numAffectedRows ?? 0);
    }
  }
  return changed;
}

/**
 * The lines of a kept records file, each a row exactly as the puskesmas signed it. Throws when
 * the stored file no longer matches its size or SHA-256 (a damaged database).
 */
export async function receivedFileLines(db: Kysely<DB>, fileId: number): Promise<string[]> {
  const file = await db
    .selectFrom('received_file')
    .select(['records', 'size', 'sha256', 'deflated'])
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  const damaged = new Error(`received_file ${fileId} does not match its size and SHA-256`);
  let text: Buffer;
  try {
    text = inflateRawSync(file.deflated, { maxOutputLength: Math.max(1, file.size) });
  } catch {
    throw damaged;
  }
  if (text.length !== file.size || sha256Hex(text) !== file.sha256) throw damaged;
  const lines = file.size === 0 ? [] : text.toString('utf8').slice(0, -1).split('\n');
  if (lines.length !== file.records) throw damaged;
  return lines;
}

/** The latest copy held of one record, exactly as its puskesmas sent it, or null. */
export async function receivedRecordLine(
  db: Kysely<DB>,
  puskesmasId: string,
  table: string,
  recordId: string,
): Promise<string | null> {
  const at = await db
    .selectFrom('received_copy')
    .select(['file_id', 'line'])
    .where('puskesmas_id', '=', puskesmasId)
    .where('table_name', '=', table)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  if (!at) return null;
  return (await receivedFileLines(db, at.file_id))[at.line]!;
}
