import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, REDACTED, scrubFields } from '../../../src-main/log';
import { tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('siklus-log-')));
afterEach(() => cleanup());

describe('rotating JSON-lines log files', () => {
  it('writes one JSON object per line', () => {
    const log = createFileLogger({ dir, now: () => new Date('2026-10-15T02:00:00.000Z') });
    log.info('database opened', { schemaVersion: 2 });
    log.warn('second folder missing');
    const lines = fs.readFileSync(path.join(dir, 'siklus.log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { t: '2026-10-15T02:00:00.000Z', level: 'info', msg: 'database opened', schemaVersion: 2 },
      { t: '2026-10-15T02:00:00.000Z', level: 'warn', msg: 'second folder missing' },
    ]);
  });

  it('rotates by size and keeps a fixed number of files', () => {
    const log = createFileLogger({ dir, maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 200; i++) log.info('call', { channel: 'persons.search', i });
    expect(fs.readdirSync(dir).sort()).toEqual(['siklus.1.log', 'siklus.2.log', 'siklus.log']);
    for (const name of fs.readdirSync(dir)) {
      expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(2000);
    }
    // The newest line is in the current file; the tail reads across files, newest last.
    const tail = log.tail(30);
    expect(tail).toHaveLength(30);
    expect(JSON.parse(tail.at(-1)!)).toMatchObject({ i: 199 });
    expect(JSON.parse(tail[0]!)).toMatchObject({ i: 170 });
  });

  it('tails warnings only when asked', () => {
    const log = createFileLogger({ dir });
    log.info('a');
    log.warn('b');
    log.error('c');
    expect(log.tail(10, 'warn').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'b',
      'c',
    ]);
  });

  it('never writes values of personal fields, whatever a caller passes', () => {
    expect(
      scrubFields({ nik: '3205024503900001', name: 'Siti', nested: { fullName: 'X', ok: 1 } }),
    ).toEqual({ nik: REDACTED, name: REDACTED, nested: { fullName: REDACTED, ok: 1 } });
    const log = createFileLogger({ dir });
    log.error('oops', { nik: '3205024503900001', passphrase: 'rahasia' });
    const text = fs.readFileSync(path.join(dir, 'siklus.log'), 'utf8');
    expect(text).not.toContain('3205024503900001');
    expect(text).not.toContain('rahasia');
  });

  it('does not throw when the folder cannot be written', () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const log = createFileLogger({ dir: file });
    expect(() => log.info('hello')).not.toThrow();
  });
});
