import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from './files';

/**
 * `siklus.lock` in the data folder: which process has the database open (the app or the browser
 * harness). The CLI's restore refuses to swap the file under a running app. A lock whose
 * process is gone (a crash, a power cut) is stale and ignored.
 */
export const LOCK_FILE = 'siklus.lock';

export interface LockInfo {
  pid: number;
  runtime: string;
  since: string;
}

export interface DataLock {
  release(): void;
}

export function lockHolder(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
    return pidAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function acquireLock(dataDir: string, runtime: string, now = new Date()): DataLock {
  const file = path.join(dataDir, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ pid: process.pid, runtime, since: now.toISOString(), token }),
    );
  } catch {
    // A read-only data folder: the core reports its own errors; the lock is advisory.
  }
  return {
    release() {
      try {
        const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: string };
        if (current.token === token) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
