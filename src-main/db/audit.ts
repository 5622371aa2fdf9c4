import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from './schema';

export interface AuditEntry {
  /** The audit row's id; a new UUIDv7 when omitted. */
  id?: string;
  userId: string | null;
  action: string;
  table: string;
  rowId: string;
  changes?: unknown;
  at: string;
}

/** Write one audit row. Call it with the transaction that makes the change. */
export async function writeAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: entry.id ?? uuidv7(),
      at: entry.at,
      user_id: entry.userId,
      action: entry.action,
      table_name: entry.table,
      row_id: entry.rowId,
      changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    })
    .execute();
}
