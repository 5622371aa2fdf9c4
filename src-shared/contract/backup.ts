import { z } from 'zod';
import { channel, noInput } from './channel';

/**
 * Backups, restore, start-up recovery and the "Info & log" page.
 *
 * Access (see src-main/ipc/handlers/backup.ts): `backup.*` are admin-only; `system.info` is for
 * any signed-in user; `recovery.*` are public because a broken database has no user table, and
 * they only act on the app's own backup folders on this machine.
 */

/** Why a backup was taken. `pra-migrasi`: automatically, before a schema update. */
export const BACKUP_KINDS = ['harian', 'manual', 'pra-migrasi'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup id: the file name without extension. Never a path. */
export const backupId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'validation.invalid' });

/** The manifest stored beside every backup (`<id>.manifest.json`). Written last: no manifest, no backup. */
export const backupManifest = z.object({
  format: z.literal('siklus-backup'),
  formatVersion: z.literal(1),
  id: backupId,
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  facility: z.object({ name: z.string(), kodePuskesmas: z.string().nullable() }).nullable(),
  /** Rows per table in the copy. */
  counts: z.record(z.string(), z.number().int()),
  /** The stored file (`<id>.sqlite3`, or `<id>.sqlite3.age` when encrypted). */
  file: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encrypted: z.boolean(),
  /** Size and hash of the SQLite copy itself (before encryption). */
  plainSize: z.number().int(),
  plainSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Result of `PRAGMA integrity_check` on the copy before it was listed. */
  integrity: z.literal('ok'),
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** Where a backup lives: the data folder, or the second folder (e.g. a USB drive). */
export const BACKUP_LOCATIONS = ['utama', 'kedua'] as const;
/**
 * `ok`: the manifest and a file of the recorded size are there (a full check is `backup.verify`);
 * `hilang`: the file is missing; `rusak`: its size differs from the manifest.
 */
export const BACKUP_STATUSES = ['ok', 'hilang', 'rusak'] as const;

export const backupEntry = z.object({
  id: backupId,
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  facility: backupManifest.shape.facility,
  counts: z.record(z.string(), z.number().int()),
  totalRecords: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  encrypted: z.boolean(),
  location: z.enum(BACKUP_LOCATIONS),
  status: z.enum(BACKUP_STATUSES),
  /** Whether this version of Siklus can restore it (schema not newer than the app's). */
  restorable: z.boolean(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const secondDirStatus = z.object({
  dir: z.string(),
  /** The folder exists and is writable right now (a USB drive may be unplugged). */
  available: z.boolean(),
  message: z.string().nullable(),
});
export type SecondDirStatus = z.infer<typeof secondDirStatus>;

export const backupList = z.object({
  backups: z.array(backupEntry),
  lastBackupAt: z.string().nullable(),
  secondDir: secondDirStatus.nullable(),
});
export type BackupList = z.infer<typeof backupList>;

export const backupSettings = z.object({
  keepDaily: z.number().int().min(1).max(366),
  keepMonthly: z.number().int().min(0).max(120),
  /** An absolute folder for a second copy of every backup, or null. */
  secondDir: z.string().nullable(),
  /** Encrypt new backups with the admin's passphrase (age, scrypt). */
  encrypt: z.boolean(),
  passphraseSet: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettings>;

const passphrase = z.string().min(10).max(200);

export const backupSettingsInput = z
  .object({
    keepDaily: z.number().int().min(1).max(366),
    keepMonthly: z.number().int().min(0).max(120),
    secondDir: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => (v ? v : null)),
    encrypt: z.boolean(),
    /** Required when turning encryption on; omitted to keep the stored one. */
    passphrase: passphrase.optional(),
    passphraseConfirm: z.string().optional(),
  })
  .strict()
  .refine((v) => v.passphrase === undefined || v.passphrase === v.passphraseConfirm, {
    path: ['passphraseConfirm'],
    error: 'validation.password.confirm',
  });

export const copyResult = z.object({
  location: z.enum(BACKUP_LOCATIONS),
  dir: z.string(),
  ok: z.boolean(),
  message: z.string().nullable(),
});

export const backupCreated = z.object({
  taskId: z.string(),
  backup: backupEntry,
  /** The copy to the second folder, when one is set (a failure there never fails the backup). */
  secondCopy: copyResult.nullable(),
  /** Backups removed by the retention rule. */
  pruned: z.array(z.string()),
});
export type BackupCreated = z.infer<typeof backupCreated>;

export const backupVerified = z.object({
  id: backupId,
  ok: z.boolean(),
  /** Human-readable problems (empty when ok). */
  problems: z.array(z.string()),
  /** False when the file is encrypted and no passphrase was available: only its hash was checked. */
  contentChecked: z.boolean(),
});
export type BackupVerified = z.infer<typeof backupVerified>;

export const backupRestored = z.object({
  restored: backupEntry,
  /** The previous database, kept aside (never deleted), relative to the data folder. */
  keptAside: z.string().nullable(),
  /** `relaunch`: the desktop app restarts itself; `reopened`: the data was reopened in place. */
  restart: z.enum(['relaunch', 'reopened']),
});
export type BackupRestored = z.infer<typeof backupRestored>;

export const restoreInput = z
  .object({
    id: backupId,
    location: z.enum(BACKUP_LOCATIONS).default('utama'),
    passphrase: z.string().min(1).max(200).optional(),
  })
  .strict();

export const systemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  runtime: z.string(),
  dataDir: z.string(),
  dbFile: z.string(),
  databaseBytes: z.number().int(),
  logDir: z.string(),
  lastBackup: z
    .object({ id: z.string(), kind: z.enum(BACKUP_KINDS), createdAt: z.string() })
    .nullable(),
  /** A plain-text summary for support: versions, sizes, counts, recent warnings. No personal data. */
  diagnostics: z.string(),
});
export type SystemInfo = z.infer<typeof systemInfo>;

/** Why the app started in recovery mode. */
export const RECOVERY_REASONS = [
  'corrupt',
  'missing',
  'unreadable',
  'tooNew',
  'migrationFailed',
  'openFailed',
] as const;
export type RecoveryReason = (typeof RECOVERY_REASONS)[number];

export const recoveryStatus = z.object({
  mode: z.enum(['normal', 'recovery']),
  reason: z.enum(RECOVERY_REASONS).nullable(),
  /** The error text, for the screen and for support. */
  error: z.string().nullable(),
  dataDir: z.string(),
  dbFile: z.string(),
  appVersion: z.string(),
  /** Schema version found in the file (null when unreadable) and the newest this app knows. */
  schemaFound: z.number().int().nullable(),
  schemaSupported: z.number().int(),
  /** A newest backup that this app can restore exists. */
  canRestore: z.boolean(),
});
export type RecoveryStatus = z.infer<typeof recoveryStatus>;

export const recoveryInspection = z.object({
  /** The damaged file could be opened read-only. */
  opened: z.boolean(),
  schemaVersion: z.number().int().nullable(),
  /** First lines of `PRAGMA quick_check` (empty when it could not run). */
  check: z.array(z.string()),
  /** Rows readable per table; null where the table could not be read. */
  counts: z.record(z.string(), z.number().int().nullable()),
  message: z.string().nullable(),
});
export type RecoveryInspection = z.infer<typeof recoveryInspection>;

export const salvageResult = z.object({
  /** The salvage file, relative to the data folder (in backup/disisihkan/). */
  file: z.string(),
  /** Rows copied per table, and the error that stopped a table's scan (null when complete). */
  tables: z.record(z.string(), z.object({ rows: z.number().int(), error: z.string().nullable() })),
});
export type SalvageResult = z.infer<typeof salvageResult>;

export const backupChannels = {
  'backup.list': channel(noInput, backupList),
  'backup.create': channel(
    z.object({ taskId: z.string().min(1).max(80).optional() }).strict(),
    backupCreated,
  ),
  'backup.verify': channel(
    z
      .object({
        id: backupId,
        location: z.enum(BACKUP_LOCATIONS).default('utama'),
        passphrase: z.string().min(1).max(200).optional(),
      })
      .strict(),
    backupVerified,
  ),
  'backup.restore': channel(restoreInput, backupRestored),
  'backup.settings': channel(noInput, backupSettings),
  'backup.setSettings': channel(backupSettingsInput, backupSettings),
  /** Pick the second folder with the system's folder dialog (desktop only). */
  'backup.pickSecondDir': channel(noInput, z.object({ dir: z.string().nullable() })),
  'system.info': channel(noInput, systemInfo),

  'recovery.status': channel(noInput, recoveryStatus),
  'recovery.backups': channel(noInput, backupList),
  /** Restore a listed backup (the newest restorable one when `id` is omitted). */
  'recovery.restore': channel(
    z
      .object({
        id: backupId.optional(),
        location: z.enum(BACKUP_LOCATIONS).default('utama'),
        passphrase: z.string().min(1).max(200).optional(),
      })
      .strict(),
    backupRestored,
  ),
  'recovery.diagnostics': channel(noInput, z.object({ text: z.string() })),
  /** Open the damaged file read-only and report what can still be read. */
  'recovery.inspect': channel(noInput, recoveryInspection),
  /**
   * Copy every row still readable from the damaged file into `backup/disisihkan/…_salvage.sqlite3`
   * (for IT staff: the work since the last backup). The damaged file is only read.
   */
  'recovery.salvage': channel(noInput, salvageResult),
};
