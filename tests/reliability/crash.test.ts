/**
 * Crash trials: a child process writes persons through the real core and is killed with
 * SIGKILL at a random moment; after each kill the database passes `integrity_check`, every
 * write the bridge acknowledged is there (with its audit row, and edits at the acknowledged
 * version or later), and the app opens it in normal mode (not recovery).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core';
import { Random } from '../../src-main/demo/random';
import { silentLogger } from '../../src-main/log';
import { setupInput } from '../support/setup';
import { tempDir } from '../support/temp';
import { COUNTS, report } from './scale';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(ROOT, 'tests/reliability/crash-writer.ts');

interface Acks {
  creates: Map<string, string>;
  updates: Map<string, { version: number; name: string }>;
}

/** Run the writer until `killAfterMs` past its first acknowledged write, then SIGKILL it. */
function trial(dir: string, n: number, killAfterMs: number, acks: Acks): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(n)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let count = 0;
    let timer: NodeJS.Timeout | null = null;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [tag, kind, id, ...rest] = line.split(' ');
        if (tag !== 'ACK') continue;
        count += 1;
        if (kind === 'create') acks.creates.set(id!, rest.join(' '));
        else acks.updates.set(id!, { version: Number(rest[0]), name: rest.slice(1).join(' ') });
        timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer ended by itself (code ${code}):\n${stderr}`));
      } else if (count === 0) {
        reject(new Error(`writer was killed before its first write:\n${stderr}`));
      } else resolve(count);
    });
  });
}

describe('crash: SIGKILL while writing', () => {
  const temp = tempDir('siklus-crash-');
  const dbFile = path.join(temp.dir, 'siklus.sqlite3');
  const acks: Acks = { creates: new Map(), updates: new Map() };

  beforeAll(async () => {
    const core = await createCore({
      dataDir: temp.dir,
      runtime: 'cli',
      appVersion: '0.0.0-crash',
      log: silentLogger,
      dailyBackup: 'off',
    });
    const done = await core.dispatch('setup.complete', setupInput(), { trusted: true });
    if (!done.ok) throw new Error(done.error.message);
    await core.close();
  });
  afterAll(() => temp.cleanup());

  it(`keeps every acknowledged write through ${COUNTS.crashTrials} kills`, async () => {
    const rng = new Random(20261122);
    let writes = 0;
    for (let n = 1; n <= COUNTS.crashTrials; n++) {
      // Anywhere from right after the first write to a second of writing.
      const killAfterMs = Math.floor(rng.next() * 1000);
      writes += await trial(temp.dir, n, killAfterMs, acks);

      const sqlite = new BetterSqlite3(dbFile);
      try {
        expect(sqlite.pragma('integrity_check', { simple: true }), `trial ${n}`).toBe('ok');
        expect(sqlite.pragma('foreign_key_check'), `trial ${n}`).toEqual([]);
        const person = sqlite.prepare('SELECT name, version FROM person WHERE id = ?');
        const audit = sqlite.prepare(
          "SELECT count(*) AS n FROM audit_log WHERE table_name = 'person' AND row_id = ?",
        );
        for (const [id, name] of acks.creates) {
          const row = person.get(id) as { name: string; version: number } | undefined;
          expect(row, `trial ${n}: acknowledged person ${id} (${name}) missing`).toBeDefined();
          expect((audit.get(id) as { n: number }).n, `trial ${n}: audit of ${id}`).toBeGreaterThan(
            0,
          );
        }
        for (const [id, edit] of acks.updates) {
          const row = person.get(id) as { name: string; version: number };
          expect(row.version, `trial ${n}: edit of ${id}`).toBeGreaterThanOrEqual(edit.version);
          if (row.version === edit.version) expect(row.name).toBe(edit.name);
        }
      } finally {
        sqlite.close();
      }
    }
    // The app opens the folder normally after the last kill.
    const core = await createCore({
      dataDir: temp.dir,
      runtime: 'cli',
      appVersion: '0.0.0-crash',
      log: silentLogger,
      dailyBackup: 'off',
    });
    expect(core.mode).toBe('normal');
    await core.close();
    report('crash', {
      trials: COUNTS.crashTrials,
      acknowledgedWrites: writes,
      persons: acks.creates.size,
      edits: acks.updates.size,
    });
  });
});
