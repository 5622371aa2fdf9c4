import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, listStored, removeLeftovers } from '../../../src-main/backup';
import { tempDir } from '../../support/temp';

const root = path.resolve(import.meta.dirname, '../../..');
const child = path.join(import.meta.dirname, 'fixtures/backup-child.ts');

let dir: string;
let cleanup: () => void;

/** A WAL database of about 24 MiB (random blobs, so pages do not compress away). */
function largeDatabase(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (data) VALUES (randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < 6000; i++) insert.run();
  })();
  db.close();
}

/** Run the child until it prints a line matching `killAt`, then SIGKILL it. */
function runAndKill(killAt: RegExp): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (killAt.test(line) && proc.exitCode === null) proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child was not killed: ${lines.join(' | ')} ${stderr}`));
      else resolve({ lines, signal });
    });
  });
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('siklus-kill-'));
  largeDatabase(path.join(dir, 'siklus.sqlite3'));
});
afterEach(() => cleanup());

describe('a process killed during a backup', () => {
  it('leaves no half backup listed as good, and the next backup cleans up and succeeds', async () => {
    const backupDir = path.join(dir, 'backup');
    // Killed while SQLite's online backup is copying pages.
    const run = await runAndKill(/^copy (\d{3,})\/\d+$/);
    const pid = Number(run.lines[0]!.split(' ')[1]);
    const copyLines = run.lines.filter((l) => l.startsWith('copy '));
    const [done, total] = copyLines.at(-1)!.split(' ')[1]!.split('/').map(Number);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total!);
    expect(run.lines).not.toContain('finished');

    // Something was left behind (the copy in progress), but it is not a backup.
    const left = fs.readdirSync(backupDir);
    expect(left.some((n) => n.endsWith(`.tmp-${pid}`))).toBe(true);
    expect(left.some((n) => n.endsWith('.manifest.json'))).toBe(false);
    expect(listStored(backupDir, 'utama')).toEqual([]);

    // Killed later, while the copy is being checked: still nothing listed.
    const late = await runAndKill(/^check 0\/1$/);
    expect(late.lines).not.toContain('finished');
    expect(listStored(backupDir, 'utama')).toEqual([]);

    // The next backup removes what the dead processes left and is listed as good.
    expect(removeLeftovers(backupDir).length).toBeGreaterThanOrEqual(1);
    expect(fs.readdirSync(backupDir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const source = new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
    try {
      const good = await createBackup({ source, dir: backupDir, kind: 'manual', appVersion: 't' });
      expect(good.manifest.counts).toEqual({ filler: 6000 });
    } finally {
      source.close();
    }
    expect(listStored(backupDir, 'utama').map((b) => b.status)).toEqual(['ok']);
  }, 60_000);

  it('checks the copy on a worker thread: the main thread runs while integrity_check reads', async () => {
    const source = new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
    const events: string[] = [];
    try {
      const made = await createBackup({
        source,
        dir: path.join(dir, 'backups'),
        kind: 'manual',
        appVersion: 't',
        onProgress: (p) => {
          if (p.stage !== 'check') return;
          events.push(`check ${p.done}`);
          if (p.done === 0) setImmediate(() => events.push('main thread ran'));
        },
      });
      expect(made.manifest.counts).toEqual({ filler: 6000 });
    } finally {
      source.close();
    }
    expect(events).toEqual(['check 0', 'main thread ran', 'check 1']);
  }, 60_000);
});
