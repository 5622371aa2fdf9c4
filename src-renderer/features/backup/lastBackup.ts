/**
 * How old the last backup is, for the Beranda card and the backup screen. Pure (no DOM), so it
 * is tested at its boundaries in tests/unit/ops/last-backup.test.ts.
 */

/** A backup older than this (48 hours) is shown in the warning colour. */
export const STALE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

export interface BackupAge {
  /** Whole calendar days between the backup and now, on this computer's clock (0 = today). */
  days: number;
  /** Older than two days (strictly more than 48 hours): the admin should back up now. */
  stale: boolean;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The age of a backup made at `createdAt` (ISO), seen at `now`; null when there is none. */
export function backupAge(createdAt: string | null | undefined, now: Date): BackupAge | null {
  if (!createdAt) return null;
  const at = new Date(createdAt);
  if (Number.isNaN(at.getTime())) return null;
  const days = Math.max(0, Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000));
  return { days, stale: now.getTime() - at.getTime() > STALE_AFTER_MS };
}

/** `1536` → `1,5 KB` (Indonesian) or `1.5 KB` (English). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}

/** Tables that are bookkeeping, not the clinic's records: left out of the preview's list. */
export const INTERNAL_TABLES = new Set(['schema_migrations', 'settings', 'person_words']);
