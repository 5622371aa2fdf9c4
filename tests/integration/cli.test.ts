import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { tempDir } from '../support/temp';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('siklus CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('prints help listing the db commands', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/siklus db migrate --data-dir FOLDER/);
    expect(c.out.join('\n')).toMatch(/siklus db check --data-dir FOLDER/);
  });

  it('checks, migrates, then reports the schema version', async () => {
    let c = capture();
    expect(await runCli(['db', 'check', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out).toContain(
      `Versi skema: 0 (aplikasi 0.1.0 mengenal sampai ${LATEST_SCHEMA_VERSION})`,
    );
    expect(fs.existsSync(path.join(dir, 'siklus.sqlite3'))).toBe(false);

    c = capture();
    expect(await runCli(['db', 'migrate', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out[0]).toMatch(`Skema diperbarui dari versi 0 ke ${LATEST_SCHEMA_VERSION}`);

    c = capture();
    expect(await runCli(['db', 'check', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out).toContain('Status: terbaru.');
  });

  it('says when the database is newer than the app, and exits non-zero', async () => {
    await runCli(['db', 'migrate', '--data-dir', dir], capture().io);
    const db = new Database(path.join(dir, 'siklus.sqlite3'));
    db.pragma('user_version = 999');
    db.close();
    const c = capture();
    expect(await runCli(['db', 'check', '--data-dir', dir], c.io)).toBe(1);
    expect(c.out.join('\n')).toMatch(/lebih baru/);
    const m = capture();
    expect(await runCli(['db', 'migrate', '--data-dir', dir], m.io)).toBe(1);
    expect(m.err.join('\n')).toMatch(/dibuat oleh Siklus yang lebih baru/);
  });

  it('explains a missing --data-dir and an unknown command', async () => {
    const c = capture();
    expect(await runCli(['db', 'check'], c.io)).toBe(2);
    expect(c.err).toEqual(['--data-dir FOLDER wajib diisi']);
    const u = capture();
    expect(await runCli(['frobnicate'], u.io)).toBe(2);
    expect(u.err[0]).toBe('Perintah tidak dikenal: frobnicate');
  });
});
