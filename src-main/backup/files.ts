import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** `2026-10-15T02:00:00.000Z` → `2026-10-15T02-00-00-000Z` (safe in file names everywhere). */
export function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Flush a file's contents to the disk (a power cut after this keeps them). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flush a folder entry (a rename) to the disk. Not possible on Windows, where it is a no-op. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Write `text` to `file` through a temp file and a rename, so readers see all or nothing. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, text);
  fsyncFile(temp);
  renameWithRetry(temp, file);
  fsyncDir(path.dirname(file));
}

/** Copy through a temp file and a rename; the copy's hash must equal `sha256`. */
export async function copyFileAtomic(from: string, to: string, sha256: string): Promise<void> {
  const temp = `${to}.tmp-${process.pid}`;
  try {
    await fs.promises.copyFile(from, temp);
    fsyncFile(temp);
    const copied = await sha256File(temp);
    if (copied !== sha256)
      throw new Error(`salinan ${path.basename(to)} tidak sama dengan aslinya`);
    renameWithRetry(temp, to);
    fsyncDir(path.dirname(to));
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Whether a process with this id is running (a stale lock or temp file has a dead one). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Size in bytes, or 0 when the file does not exist. */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Whether `dir` exists, is a folder and can be written to. */
export function folderWritable(dir: string): { ok: true } | { ok: false; reason: string } {
  try {
    if (!fs.statSync(dir).isDirectory()) return { ok: false, reason: 'bukan folder' };
    fs.accessSync(dir, fs.constants.W_OK);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: code === 'ENOENT' ? 'folder tidak ditemukan' : String(code ?? error),
    };
  }
}

/**
 * `fs.renameSync`, retried briefly on Windows' transient EBUSY/EPERM/EACCES (an antivirus or
 * the search indexer holding the file for a moment after it was closed).
 */
export function renameWithRetry(from: string, to: string, attempts = 8): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= attempts || !['EBUSY', 'EPERM', 'EACCES'].includes(code ?? '')) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * attempt);
    }
  }
}
