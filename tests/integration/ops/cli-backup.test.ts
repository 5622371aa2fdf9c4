import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { setupFacility, signInAdmin } from '../../support/setup';
import { tempDir } from '../../support/temp';
import { addPersons, openCoreAt } from './helpers';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const persons = (dir: string) => {
  const db = new Database(path.join(dir, 'siklus.sqlite3'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir('siklus-cli-backup-'));
  const t = await openCoreAt(dir);
  await setupFacility(t);
  await addPersons(t, 12);
  await t.close();
});
afterEach(() => cleanup());

describe('siklus backup', () => {
  it('lists the backup commands in the help', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    const help = c.out.join('\n');
    for (const usage of [
      'siklus backup create --data-dir FOLDER',
      'siklus backup list --data-dir FOLDER',
      'siklus backup verify ID --data-dir FOLDER',
      'siklus backup restore ID --data-dir FOLDER',
    ]) {
      expect(help).toContain(usage);
    }
  });

  it('create → list → verify → restore, printing what it did', async () => {
    let c = capture();
    expect(await runCli(['backup', 'list', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out).toEqual([`Belum ada cadangan di ${path.join(dir, 'backup')}`]);

    c = capture();
    expect(await runCli(['backup', 'create', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Menyalin basis data…[\s\S]*Memeriksa salinan…/);
    const id = /^Cadangan dibuat: (\S+)$/m.exec(c.out.join('\n'))![1]!;
    expect(id).toMatch(/^manual_/);

    c = capture();
    expect(await runCli(['backup', 'list', '--data-dir', dir], c.io)).toBe(0);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(
      new RegExp(
        `^${id} .* manual  utama  ok  skema v\\d+ .*Puskesmas Karangpawitan \\(P3205020101\\)$`,
      ),
    );

    c = capture();
    expect(await runCli(['backup', 'verify', id, '--data-dir', dir], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe('Baik: sidik sha256 cocok dan integrity_check ok.');

    // More work after the backup, then restore from the command line.
    const t = await openCoreAt(dir);
    await signInAdmin(t);
    await addPersons(t, 3, 50);

    // Refused while the app (here: a core) has the data folder open.
    c = capture();
    expect(await runCli(['backup', 'restore', id, '--data-dir', dir], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/sedang dipakai oleh Siklus \(harness, proses \d+/);
    await t.close();
    expect(persons(dir)).toBe(15);

    c = capture();
    expect(await runCli(['backup', 'restore', id, '--data-dir', dir], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Dipulihkan ke .*siklus\.sqlite3/);
    expect(c.out.join('\n')).toMatch(
      /disisihkan ke backup[\\/]disisihkan[\\/]\S+_sebelum-pemulihan/,
    );
    expect(persons(dir)).toBe(12);
    const aside = fs.readdirSync(path.join(dir, 'backup', 'disisihkan'));
    expect(aside).toHaveLength(1);
  });

  it('reports a damaged backup and an unknown id with a non-zero exit', async () => {
    await runCli(['backup', 'create', '--data-dir', dir], capture().io);
    const file = fs.readdirSync(path.join(dir, 'backup')).find((n) => n.endsWith('.sqlite3'))!;
    const id = file.replace(/\.sqlite3$/, '');
    fs.appendFileSync(path.join(dir, 'backup', file), 'x');
    let c = capture();
    expect(await runCli(['backup', 'verify', id, '--data-dir', dir], c.io)).toBe(1);
    expect(c.out.join('\n')).toMatch(/RUSAK:\n\s+berkas cadangan rusak/);
    c = capture();
    expect(await runCli(['backup', 'restore', 'manual_tidak-ada', '--data-dir', dir], c.io)).toBe(
      1,
    );
    expect(c.err[0]).toMatch(/tidak ditemukan/);
    c = capture();
    expect(await runCli(['backup', 'restore', '--data-dir', dir], c.io)).toBe(2);
    c = capture();
    expect(await runCli(['backup', 'list'], c.io)).toBe(2);
    expect(c.err).toEqual(['--data-dir FOLDER wajib diisi']);
  });
});
