/**
 * Kysely table types, in the database's own snake_case. Each table here is created by a
 * migration in `migrations/`; the schema snapshot test keeps the two in step.
 */

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
  app_version: string;
}

export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  /** create | update | delete | restore | set | login ... */
  action: string;
  table_name: string;
  row_id: string;
  /** JSON: the new values on create, `{ field: [before, after] }` on update. */
  changes: string | null;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
