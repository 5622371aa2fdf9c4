import fs from 'node:fs';
import path from 'node:path';
import { backupId, backupManifest, type BackupEntry, type BackupManifest } from '@shared/contract';
import { fileSize, pidAlive } from './files';

/**
 * The layout of a backup folder:
 *   <id>.sqlite3 | <id>.sqlite3.age   the copy (plain or age-encrypted)
 *   <id>.manifest.json                 written last, after the copy was checked: the commit point
 *   *.tmp-<pid>                        work in progress; never listed, removed once <pid> is gone
 *   disisihkan/                        databases set aside by a restore (never deleted)
 */
export const MANIFEST_SUFFIX = '.manifest.json';
export const PLAIN_SUFFIX = '.sqlite3';
export const ENCRYPTED_SUFFIX = '.sqlite3.age';
export const ASIDE_DIR = 'disisihkan';

export type BackupLocation = BackupEntry['location'];

export interface StoredBackup {
  manifest: BackupManifest;
  location: BackupLocation;
  dir: string;
  dataFile: string;
  manifestFile: string;
  status: BackupEntry['status'];
}

export const manifestFileOf = (dir: string, id: string) =>
  path.join(dir, `${id}${MANIFEST_SUFFIX}`);
export const dataFileName = (id: string, encrypted: boolean) =>
  `${id}${encrypted ? ENCRYPTED_SUFFIX : PLAIN_SUFFIX}`;

function readManifest(file: string): BackupManifest | null {
  try {
    const parsed = backupManifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) return null;
    const m = parsed.data;
    // A manifest names only its own file in its own folder: never a path elsewhere.
    if (path.basename(file) !== `${m.id}${MANIFEST_SUFFIX}`) return null;
    if (m.file !== dataFileName(m.id, m.encrypted)) return null;
    return m;
  } catch {
    return null;
  }
}

/** The backups in `dir` that have a valid manifest, newest first. A missing folder has none. */
export function listStored(dir: string, location: BackupLocation): StoredBackup[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: StoredBackup[] = [];
  for (const name of names) {
    if (!name.endsWith(MANIFEST_SUFFIX)) continue;
    const manifestFile = path.join(dir, name);
    const manifest = readManifest(manifestFile);
    if (!manifest) continue;
    const dataFile = path.join(dir, manifest.file);
    const exists = fs.existsSync(dataFile);
    const status = !exists ? 'hilang' : fileSize(dataFile) === manifest.size ? 'ok' : 'rusak';
    found.push({ manifest, location, dir, dataFile, manifestFile, status });
  }
  return found.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}

export function findStored(dir: string, location: BackupLocation, id: string): StoredBackup | null {
  if (!backupId.safeParse(id).success) return null;
  return listStored(dir, location).find((b) => b.manifest.id === id) ?? null;
}

export function toEntry(stored: StoredBackup, supportedSchema: number): BackupEntry {
  const m = stored.manifest;
  return {
    id: m.id,
    kind: m.kind,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    facility: m.facility,
    counts: m.counts,
    totalRecords: Object.values(m.counts).reduce((a, b) => a + b, 0),
    size: m.size,
    sha256: m.sha256,
    encrypted: m.encrypted,
    location: stored.location,
    status: stored.status,
    restorable: stored.status === 'ok' && m.schemaVersion <= supportedSchema,
  };
}

/** Remove a backup: the manifest first (so it is no longer listed), then its file. */
export function removeStored(stored: StoredBackup): void {
  fs.rmSync(stored.manifestFile, { force: true });
  fs.rmSync(stored.dataFile, { force: true });
}

const TEMP_PATTERN = /\.tmp-(\d+)(?:-journal|-wal|-shm)?$/;
const ORPHAN_GRACE_MS = 10 * 60_000;

/**
 * Remove what an interrupted backup left behind: temp files of processes that are gone, and
 * copies without a manifest older than a few minutes (a manifest is renamed into place within
 * milliseconds of its copy). Such leftovers were never listed; returns the removed names.
 */
export function removeLeftovers(dir: string, nowMs = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const manifests = new Set(names.filter((n) => n.endsWith(MANIFEST_SUFFIX)));
  for (const name of names) {
    const file = path.join(dir, name);
    const temp = TEMP_PATTERN.exec(name);
    if (temp) {
      const pid = Number(temp[1]);
      if (pid !== process.pid && !pidAlive(pid)) {
        fs.rmSync(file, { force: true });
        removed.push(name);
      }
      continue;
    }
    const id = name.endsWith(ENCRYPTED_SUFFIX)
      ? name.slice(0, -ENCRYPTED_SUFFIX.length)
      : name.endsWith(PLAIN_SUFFIX)
        ? name.slice(0, -PLAIN_SUFFIX.length)
        : null;
    // Only the app's own routine copies; anything else (older pre-migration copies) is kept.
    if (id === null || !/^(harian|manual)_/.test(id)) continue;
    if (manifests.has(`${id}${MANIFEST_SUFFIX}`)) continue;
    try {
      if (nowMs - fs.statSync(file).mtimeMs > ORPHAN_GRACE_MS) {
        fs.rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}
