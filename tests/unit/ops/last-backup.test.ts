import { describe, expect, it } from 'vitest';
import {
  backupAge,
  formatBytes,
  STALE_AFTER_MS,
} from '../../../src-renderer/features/backup/lastBackup';

/** Local wall-clock times, as the admin's PC sees them. */
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(y, m - 1, d, h, min, s, ms);

describe('the age of the last backup (Beranda card, warning colour)', () => {
  const now = local(2026, 11, 22, 9, 15);

  it('is none without a backup', () => {
    expect(backupAge(null, now)).toBeNull();
    expect(backupAge(undefined, now)).toBeNull();
    expect(backupAge('not a date', now)).toBeNull();
  });

  it('turns to the warning colour only after more than 48 hours', () => {
    const exactly48h = new Date(now.getTime() - STALE_AFTER_MS);
    expect(backupAge(exactly48h.toISOString(), now)).toEqual({ days: 2, stale: false });
    const oneMsMore = new Date(now.getTime() - STALE_AFTER_MS - 1);
    expect(backupAge(oneMsMore.toISOString(), now)).toEqual({ days: 2, stale: true });
    expect(backupAge(local(2026, 11, 19, 23, 59).toISOString(), now)).toEqual({
      days: 3,
      stale: true,
    });
  });

  it('counts calendar days on this computer’s clock', () => {
    expect(backupAge(local(2026, 11, 22, 0, 0).toISOString(), now)?.days).toBe(0);
    expect(backupAge(local(2026, 11, 21, 23, 59, 59, 999).toISOString(), now)?.days).toBe(1);
    expect(backupAge(local(2026, 11, 21, 0, 0).toISOString(), now)).toEqual({
      days: 1,
      stale: false,
    });
    // Across a month end.
    expect(backupAge(local(2026, 10, 31, 12).toISOString(), local(2026, 11, 1, 8))?.days).toBe(1);
  });

  it('never goes negative for a backup stamped slightly ahead of this clock', () => {
    expect(backupAge(local(2026, 11, 23, 1).toISOString(), now)).toEqual({
      days: 0,
      stale: false,
    });
  });
});

describe('file sizes', () => {
  it('use the language’s decimal mark and whole bytes below 1 KB', () => {
    expect(formatBytes(0, 'id')).toBe('0 B');
    expect(formatBytes(1023, 'id')).toBe('1.023 B');
    expect(formatBytes(1024, 'id')).toBe('1,0 KB');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(180 * 1024, 'id')).toBe('180 KB');
    expect(formatBytes(5 * 1024 * 1024 * 1024, 'en')).toBe('5.0 GB');
  });
});
