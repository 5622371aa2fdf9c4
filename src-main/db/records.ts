import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { AppError } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { translate } from '@shared/i18n';
import { writeAudit } from './audit';
import type { DB, RecordColumns, RecordTable } from './schema';

/**
 * Writes to record tables, each with its audit row, inside the caller's transaction. Nothing
 * clinical is hard-deleted: `softDelete` sets `deleted_at`; `restore` clears it. Every update
 * names the version it read: a stale version is a CONFLICT and nothing is written.
 */
export interface WriteContext {
  /** The open transaction; every write and its audit row go through it. */
  trx: Kysely<DB>;
  /** ISO timestamp of this change (the same for all rows written by one request). */
  at: string;
  userId: string | null;
  locale: Locale;
  /** New record ids (UUIDv7; seeded for demo data). */
  newId: () => string;
}

type ConventionKeys = keyof RecordColumns;
export type NewRecord<T extends RecordTable> = Omit<Insertable<DB[T]>, ConventionKeys> & {
  id?: string;
};
export type RecordPatch<T extends RecordTable> = Omit<Updateable<DB[T]>, ConventionKeys>;
type Row = Record<string, unknown> & { id: string; version: number; deleted_at: string | null };

/** Columns whose values never go into the audit log (only the fact that they changed). */
const REDACTED_COLUMNS = new Set(['password_hash']);

function redact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, REDACTED_COLUMNS.has(k) ? '[disembunyikan]' : v]),
  );
}

// Kysely cannot type a query over a union of table names; this keeps the one cast here.
function table(trx: Kysely<DB>) {
  return trx as unknown as Kysely<Record<string, Row>>;
}

async function readRow(ctx: WriteContext, name: RecordTable, id: string): Promise<Row> {
  const row = await table(ctx.trx)
    .selectFrom(name)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
  return row as Row;
}

function conflict(ctx: WriteContext, current: Row): AppError {
  return new AppError(
    'CONFLICT',
    translate(ctx.locale, 'error.CONFLICT', {
      version: current.version,
      at: String(current.updated_at ?? ''),
    }),
    { currentVersion: current.version },
  );
}

/** Insert a record with its conventions filled in; returns its id. */
export async function insertRecord<T extends RecordTable>(
  ctx: WriteContext,
  name: T,
  values: NewRecord<T>,
): Promise<string> {
  const id = values.id ?? ctx.newId();
  const row = {
    ...values,
    id,
    created_at: ctx.at,
    updated_at: ctx.at,
    deleted_at: null,
    version: 1,
    created_by: ctx.userId,
    updated_by: ctx.userId,
  };
  await table(ctx.trx)
    .insertInto(name)
    .values(row as unknown as Row)
    .execute();
  await writeAudit(ctx.trx, {
    id: ctx.newId(),
    at: ctx.at,
    userId: ctx.userId,
    action: 'create',
    table: name,
    rowId: id,
    changes: redact(values),
  });
  return id;
}

async function changeRecord(
  ctx: WriteContext,
  name: RecordTable,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
  action: string,
): Promise<Row> {
  const current = await readRow(ctx, name, id);
  if (current.version !== expectedVersion) throw conflict(ctx, current);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (current[key] === value) continue;
    changes[key] = REDACTED_COLUMNS.has(key)
      ? ['[disembunyikan]', '[disembunyikan]']
      : [current[key], value];
  }
  if (Object.keys(changes).length === 0) return current;
  const result = await table(ctx.trx)
    .updateTable(name)
    .set({ ...patch, updated_at: ctx.at, updated_by: ctx.userId, version: current.version + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict(ctx, await readRow(ctx, name, id));
  await writeAudit(ctx.trx, {
    id: ctx.newId(),
    at: ctx.at,
    userId: ctx.userId,
    action,
    table: name,
    rowId: id,
    changes,
  });
  return { ...current, ...patch, version: current.version + 1 };
}

/** Update the fields in `patch` if the row is still at `expectedVersion`; audit the diff. */
export async function updateRecord<T extends RecordTable>(
  ctx: WriteContext,
  name: T,
  id: string,
  expectedVersion: number,
  patch: RecordPatch<T>,
): Promise<Selectable<DB[T]>> {
  return (await changeRecord(ctx, name, id, expectedVersion, patch, 'update')) as Selectable<DB[T]>;
}

/** Mark a record deleted (a tombstone; the row stays), with extra fields such as a reason. */
export async function softDelete<T extends RecordTable>(
  ctx: WriteContext,
  name: T,
  id: string,
  expectedVersion: number,
  extra: RecordPatch<T> = {} as RecordPatch<T>,
): Promise<void> {
  const current = await readRow(ctx, name, id);
  if (current.deleted_at !== null)
    throw AppError.of('CONFLICT', ctx.locale, 'error.ALREADY_DELETED');
  await changeRecord(ctx, name, id, expectedVersion, { ...extra, deleted_at: ctx.at }, 'delete');
}

/** Bring a soft-deleted record back. */
export async function restoreRecord<T extends RecordTable>(
  ctx: WriteContext,
  name: T,
  id: string,
  expectedVersion: number,
  extra: RecordPatch<T> = {} as RecordPatch<T>,
): Promise<void> {
  const current = await readRow(ctx, name, id);
  if (current.deleted_at === null) throw AppError.of('CONFLICT', ctx.locale, 'error.NOT_DELETED');
  await changeRecord(ctx, name, id, expectedVersion, { ...extra, deleted_at: null }, 'restore');
}
