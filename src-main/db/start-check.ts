import fs from 'node:fs';

/**
 * When the start of the app runs `PRAGMA quick_check` on the database. The check reads the
 * whole file: about 3 s for the 1.8 GB of the 100,000-person demo on the bench VM with the file
 * in the OS's cache, and far longer from a cold disk. So it runs when there is a reason to doubt
 * the file, not at every start:
 *
 * - `unclean`: the last session did not close it (a crash, a power cut, a killed process), or
 *   it was never opened by a Siklus that leaves the marker;
 * - `changed`: the file is not as the last clean close left it (its size or modification time
 *   differ): written by something else, replaced, or damaged on purpose;
 * - `due`: the last check is older than {@link QUICK_CHECK_EVERY_DAYS} (or later than now: the
 *   clock went back), for damage that changes neither (a failing disk). The daily backup's
 *   `integrity_check` of its copy also reads every page in between.
 *
 * A clean close leaves `<file>.closed` beside the database: the file's size and modification
 * time then, and when it was last checked. The open removes it before it writes anything, so
 * a session that ends any other way leaves none behind.
 */
export type StartCheckReason = 'unclean' | 'changed' | 'due';

export const QUICK_CHECK_EVERY_DAYS = 7;

interface ClosedMarker {
  size: number;
  mtimeMs: number;
  /** ISO time of the last quick_check that passed. */
  checkedAt: string;
}

const markerFile = (file: string) => `${file}.closed`;

function readMarker(file: string): ClosedMarker | null {
  try {
    const value = JSON.parse(fs.readFileSync(markerFile(file), 'utf8')) as Partial<ClosedMarker>;
    if (
      typeof value.size === 'number' &&
      typeof value.mtimeMs === 'number' &&
      typeof value.checkedAt === 'string' &&
      !Number.isNaN(Date.parse(value.checkedAt))
    ) {
      return { size: value.size, mtimeMs: value.mtimeMs, checkedAt: value.checkedAt };
    }
  } catch {
    // Missing or unreadable: as if the last session had not closed.
  }
  return null;
}

/**
 * Why the database must be checked before this start, or null when it may open unchecked;
 * `lastChecked` is when it last passed (null: not known).
 */
export function startCheck(
  file: string,
  now: Date,
): { reason: StartCheckReason | null; lastChecked: string | null } {
  const marker = readMarker(file);
  if (!marker) return { reason: 'unclean', lastChecked: null };
  const stat = fs.statSync(file);
  // A check "in the future" means the PC's clock went back (a flat CMOS battery): due too, or
  // the next check would wait until the clock caught up.
  const sinceCheck = now.getTime() - Date.parse(marker.checkedAt);
  const reason =
    stat.size !== marker.size || stat.mtimeMs !== marker.mtimeMs
      ? 'changed'
      : sinceCheck < 0 || sinceCheck > QUICK_CHECK_EVERY_DAYS * 86_400_000
        ? 'due'
        : null;
  return { reason, lastChecked: marker.checkedAt };
}

/** The database is about to be written: from here on, only a clean close vouches for it. */
export function forgetClosedMarker(file: string): void {
  fs.rmSync(markerFile(file), { force: true });
}

/** After a clean close: the file as it is now, and when it last passed the check. */
export function writeClosedMarker(file: string, checkedAt: string): void {
  const stat = fs.statSync(file);
  const marker: ClosedMarker = { size: stat.size, mtimeMs: stat.mtimeMs, checkedAt };
  fs.writeFileSync(markerFile(file), `${JSON.stringify(marker)}\n`);
}
