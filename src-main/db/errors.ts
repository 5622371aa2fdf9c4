/** The database file was written by a newer Siklus: it is left untouched. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Basis data ${file} dibuat oleh Siklus yang lebih baru (skema versi ${found}; ` +
        `versi ini hanya mengenal sampai ${supported}). Perbarui aplikasi Siklus; ` +
        `basis data tidak diubah.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** The file exists but SQLite cannot read it (not a database, corrupt header...). */
export class DatabaseUnreadableError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(
      `Basis data ${file} tidak dapat dibaca (${cause instanceof Error ? cause.message : String(cause)}). ` +
        `Basis data tidak diubah.`,
    );
    this.name = 'DatabaseUnreadableError';
  }
}

/** A migration failed; the database stays at `version` (the failed step was rolled back). */
export class MigrationFailedError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    override readonly cause: unknown,
  ) {
    super(
      `Pembaruan skema ke versi ${version} (${migrationName}) gagal: ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        `Basis data tetap di versi sebelumnya.`,
    );
    this.name = 'MigrationFailedError';
  }
}
