import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { bundleExportCommand } from '../../../src-main/cli/commands/bundle-transfer';
import { fixtureSource } from '../../fixtures/bundle/report';
import { tempDir } from '../../support/temp';
import {
  DINKES_PASSPHRASE,
  openDinkes,
  openPuskesmas,
  SIGNING_PASSPHRASE,
  type Dinkes,
  type Puskesmas,
} from './helpers';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    text: () => [...out, ...err].join('\n'),
  };
}

async function cli(args: string[]) {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, text: c.text() };
}

function importsIn(dir: string): number {
  const db = new BetterSqlite3(path.join(dir, 'siklus.sqlite3'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM bundle_import').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('siklus bundle export / import', () => {
  let root: string;
  let cleanup: () => void;
  let a: Puskesmas;
  let b: Puskesmas;
  let d: Dinkes;
  const out = () => path.join(root, 'flashdisk');
  const signingFile = () => path.join(root, 'sandi-kunci.txt');
  const dinkesFile = () => path.join(root, 'sandi-dinkes.txt');
  let desa: { code: string; name: string }[];

  beforeAll(async () => {
    ({ dir: root, cleanup } = tempDir('siklus-cli-paket-'));
    fs.mkdirSync(out());
    fs.writeFileSync(signingFile(), `${SIGNING_PASSPHRASE}\n`);
    fs.writeFileSync(dinkesFile(), `${DINKES_PASSPHRASE}\n`);
    d = await openDinkes({ unlock: false });
    a = await openPuskesmas({ recipients: [d.recipient] });
    b = await openPuskesmas({
      kode: 'P3205020102',
      name: 'Puskesmas Tarogong',
      recipients: [d.recipient],
    });
    desa = (await a.call<{ code: string; name: string }[]>('desa.list')).map((x) => ({
      code: x.code,
      name: x.name,
    }));
    // The CLI opens the data folders itself: the installations let go of them.
    for (const x of [d, a, b]) await x.core.close();
  }, 60_000);
  afterAll(() => {
    for (const x of [a, b]) fs.rmSync(x.outbox, { recursive: true, force: true });
    for (const x of [d, a, b]) fs.rmSync(x.dir, { recursive: true, force: true });
    cleanup();
  });

  it('export never takes a passphrase argument, nor an impossible month', async () => {
    const plain = await cli([
      'bundle',
      'export',
      '--data-dir',
      a.dir,
      '--period',
      '2026-09',
      '--out',
      out(),
      '--passphrase',
      SIGNING_PASSPHRASE,
    ]);
    expect(plain.code).toBe(2);
    expect(plain.text).toMatch(/tidak boleh ditulis sebagai argumen/);
    const badPeriod = await cli([
      'bundle',
      'export',
      '--data-dir',
      a.dir,
      '--period',
      '2026-13',
      '--out',
      out(),
    ]);
    expect(badPeriod.code).toBe(2);
    expect(fs.readdirSync(out())).toEqual([]);
  });

  it('exports, then imports only after the signer is trusted, once', async () => {
    const exportA = bundleExportCommand({
      reportSource: fixtureSource({ kode: a.kode, name: 'Puskesmas Karangpawitan', desa }),
    });
    const c = capture();
    const code = await exportA.run(
      [
        '--data-dir',
        a.dir,
        '--period',
        '2026-09',
        '--out',
        out(),
        '--passphrase-file',
        signingFile(),
      ],
      c.io,
    );
    expect(code, c.text()).toBe(0);
    expect(c.text()).toMatch(/\[OK\] Kode puskesmas: P3205020101/);
    expect(c.text()).toMatch(/100%\s+Selesai/);
    const file = path.join(out(), 'P3205020101_2026-09_r1.siklus');
    expect(fs.existsSync(file)).toBe(true);

    const waiting = await cli([
      'bundle',
      'import',
      file,
      '--data-dir',
      d.dir,
      '--passphrase-file',
      dinkesFile(),
    ]);
    expect(waiting.code).toBe(1);
    expect(waiting.text).toMatch(/\[MENUNGGU\] P3205020101_2026-09_r1\.siklus/);
    const trust = /siklus keys trust-signer (RW\S+) --data-dir FOLDER --label "([^"]+)"/.exec(
      waiting.text,
    )!;
    expect(importsIn(d.dir)).toBe(0);

    const trusted = await cli([
      'keys',
      'trust-signer',
      trust[1]!,
      '--data-dir',
      d.dir,
      '--label',
      trust[2]!,
    ]);
    expect(trusted.code).toBe(0);
    const done = await cli([
      'bundle',
      'import',
      file,
      '--data-dir',
      d.dir,
      '--passphrase-file',
      dinkesFile(),
    ]);
    expect(done.code, done.text).toBe(0);
    expect(done.text).toMatch(
      /\[OK\] P3205020101_2026-09_r1\.siklus: Puskesmas Karangpawitan, September 2026 revisi 1: diterima/,
    );
    const again = await cli([
      'bundle',
      'import',
      out(),
      '--data-dir',
      d.dir,
      '--passphrase-file',
      dinkesFile(),
    ]);
    expect(again.code).toBe(0);
    expect(again.text).toMatch(/sudah pernah diterima/);
    expect(importsIn(d.dir)).toBe(1);
  });

  it('--trust-new-signers registers an unknown puskesmas; a damaged file fails with its code', async () => {
    const exportB = bundleExportCommand({
      reportSource: fixtureSource({ kode: b.kode, name: 'Puskesmas Tarogong', desa }),
    });
    const c = capture();
    expect(
      await exportB.run(
        [
          '--data-dir',
          b.dir,
          '--period',
          '2026-09',
          '--out',
          out(),
          '--passphrase-file',
          signingFile(),
        ],
        c.io,
      ),
    ).toBe(0);
    const file = path.join(out(), 'P3205020102_2026-09_r1.siklus');
    const damaged = path.join(root, 'rusak.siklus');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const refused = await cli([
      'bundle',
      'import',
      damaged,
      '--data-dir',
      d.dir,
      '--passphrase-file',
      dinkesFile(),
      '--trust-new-signers',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.text).toMatch(/\[DITOLAK\] rusak\.siklus: Paket rusak.*\(BUNDLE_CORRUPT\)/);
    expect(importsIn(d.dir)).toBe(1);

    const wrongPass = await cli(['bundle', 'import', file, '--data-dir', d.dir]);
    expect(wrongPass.code).toBe(2);
    const ok = await cli([
      'bundle',
      'import',
      file,
      '--data-dir',
      d.dir,
      '--passphrase-file',
      dinkesFile(),
      '--trust-new-signers',
    ]);
    expect(ok.code, ok.text).toBe(0);
    expect(importsIn(d.dir)).toBe(2);
  });

  it('lists the commands in the help', async () => {
    const help = await cli(['--help']);
    expect(help.text).toMatch(
      /siklus bundle export --data-dir FOLDER --period TTTT-BB --out FOLDER/,
    );
    expect(help.text).toMatch(
      /siklus bundle import BERKAS\.siklus\|FOLDER… --data-dir FOLDER_DINKES/,
    );
  });
});
