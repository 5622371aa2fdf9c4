import type { BackupKind } from '@shared/contract';

export interface RetentionPolicy {
  /** Keep the newest backup of each of the last N days that have one. */
  keepDaily: number;
  /** Keep the newest backup of each of the last N months that have one. */
  keepMonthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepDaily: 14, keepMonthly: 12 };
/** Copies taken before a schema update: the newest few are kept, whatever their date. */
export const KEEP_PRE_MIGRATION = 5;

export interface Dated {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

/** The local calendar day and month of an instant, for a UTC offset in minutes. */
export function localKeys(iso: string, offsetMinutes: number): { day: string; month: string } {
  const local = new Date(new Date(iso).getTime() + offsetMinutes * 60_000).toISOString();
  return { day: local.slice(0, 10), month: local.slice(0, 7) };
}

/**
 * The ids to keep, in the style of restic's `--keep-daily/--keep-monthly`: routine backups
 * (`harian`, `manual`) are bucketed by local day and month in the facility's time zone; the
 * newest of each of the last `keepDaily` days and `keepMonthly` months is kept, and so is the
 * newest backup of all. Pre-migration copies: the newest KEEP_PRE_MIGRATION.
 */
export function backupsToKeep(
  backups: readonly Dated[],
  policy: RetentionPolicy,
  offsetMinutes: number,
): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const routine = newestFirst.filter((b) => b.kind !== 'pra-migrasi');
  if (routine[0]) keep.add(routine[0].id);
  const days = new Set<string>();
  const months = new Set<string>();
  for (const backup of routine) {
    const { day, month } = localKeys(backup.createdAt, offsetMinutes);
    if (!days.has(day) && days.size < policy.keepDaily) {
      days.add(day);
      keep.add(backup.id);
    }
    if (!months.has(month) && months.size < policy.keepMonthly) {
      months.add(month);
      keep.add(backup.id);
    }
  }
  newestFirst
    .filter((b) => b.kind === 'pra-migrasi')
    .slice(0, KEEP_PRE_MIGRATION)
    .forEach((b) => keep.add(b.id));
  return keep;
}
