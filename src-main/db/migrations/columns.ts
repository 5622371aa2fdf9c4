/**
 * The bookkeeping columns every record table ends with (docs/development.md: UUIDv7 `id` first,
 * these last, written only through `db/records.ts`). A CREATE TABLE fragment: put it right after
 * the comma of the table's last own column, e.g. `notes TEXT,${RECORD_COLUMNS}`.
 */
export const RECORD_COLUMNS = `
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        version       INTEGER NOT NULL DEFAULT 1,
        created_by    TEXT,
        updated_by    TEXT`;
