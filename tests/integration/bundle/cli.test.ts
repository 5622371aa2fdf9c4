import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KEY_FILES,
  addRecipient,
  encodeMinisignPublicKey,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
  packBundle,
  readKeyStore,
  unlockSigningKey,
} from '../../../src-main/bundle';
import { runCli } from '../../../src-main/cli/main';
import { DINKES, SIGNER, sampleInput } from '../../fixtures/bundle/sample';
import { tempDir } from '../../support/temp';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    out,
    err,
    text: () => [...out, ...err].join('\n'),
  };
}

async function cli(args: string[]) {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, ...c };
}

const PASS = 'kata-sandi-cli-panjang';

describe('siklus keys and bundle verify', () => {
  let root: string;
  let cleanup: () => void;
  const pkm = () => path.join(root, 'puskesmas');
  const dinkes = () => path.join(root, 'dinkes');
  const passFile = () => path.join(root, 'pass.txt');

  beforeAll(() => {
    ({ dir: root, cleanup } = tempDir('siklus-cli-'));
    fs.writeFileSync(passFile(), `${PASS}\n`);
  });
  afterAll(() => cleanup());

  it('lists the new commands in the help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    const help = out.join('\n');
    for (const usage of [
      'siklus keys init --data-dir FOLDER',
      'siklus keys show --data-dir FOLDER',
      'siklus keys add-recipient age1… --data-dir FOLDER',
      'siklus keys trust-signer',
      'siklus bundle verify BERKAS.siklus',
    ]) {
      expect(help).toContain(usage);
    }
  });

  it('never takes the passphrase as an argument, and needs one', async () => {
    const plain = await cli(['keys', 'init', '--data-dir', pkm(), '--passphrase', PASS]);
    expect(plain.code).toBe(2);
    expect(plain.err[0]).toMatch(/tidak boleh ditulis sebagai argumen/);
    const inline = await cli(['keys', 'init', '--data-dir', pkm(), `--passphrase=${PASS}`]);
    expect(inline.code).toBe(2);
    const none = await cli(['keys', 'init', '--data-dir', pkm()]);
    expect(none.code).toBe(2);
    expect(none.err[0]).toMatch(/SIKLUS_PASSPHRASE/);
    expect(fs.existsSync(path.join(pkm(), 'keys'))).toBe(false);
    const missingDir = await cli(['keys', 'show']);
    expect(missingDir.code).toBe(2);
    expect(missingDir.err).toEqual(['--data-dir FOLDER wajib diisi']);
  });

  it('keys init (puskesmas, passphrase file) prints the key id, public key and fingerprint', async () => {
    const r = await cli(['keys', 'init', '--data-dir', pkm(), '--passphrase-file', passFile()]);
    expect(r.code, r.text()).toBe(0);
    const summary = await readKeyStore(path.join(pkm(), 'keys'));
    expect(r.text()).toContain(`Nomor kunci: ${summary.signing!.keyId}`);
    expect(r.text()).toContain(`Kunci publik minisign: ${summary.signing!.publicKey}`);
    expect(r.text()).toContain(`Sidik jari: ${summary.signing!.fingerprint}`);
    const again = await cli(['keys', 'init', '--data-dir', pkm(), '--passphrase-file', passFile()]);
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/^KEY_EXISTS: /);
  });

  it('keys init --mode dinkes (SIKLUS_PASSPHRASE), add-recipient, show', async () => {
    const saved = process.env.SIKLUS_PASSPHRASE;
    process.env.SIKLUS_PASSPHRASE = PASS;
    try {
      const r = await cli([
        'keys',
        'init',
        '--data-dir',
        dinkes(),
        '--mode',
        'dinkes',
        '--label',
        'Dinkes Kab. Garut',
      ]);
      expect(r.code, r.text()).toBe(0);
      expect(r.text()).toMatch(/Kunci publik \(berikan ke puskesmas\): age1/);
    } finally {
      if (saved === undefined) delete process.env.SIKLUS_PASSPHRASE;
      else process.env.SIKLUS_PASSPHRASE = saved;
    }
    const store = await readKeyStore(path.join(dinkes(), 'keys'));
    const recipient = store.dinkes!.recipient;
    expect(fs.existsSync(path.join(dinkes(), 'keys', KEY_FILES.dinkesQr))).toBe(true);

    const bad = await cli(['keys', 'add-recipient', 'age1salahketik', '--data-dir', pkm()]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/^RECIPIENT_INVALID: Kunci publik Dinkes tidak sah/);
    const add = await cli([
      'keys',
      'add-recipient',
      recipient,
      '--data-dir',
      pkm(),
      '--label',
      'Dinkes Garut',
    ]);
    expect(add.code, add.text()).toBe(0);
    expect(add.text()).toContain(store.dinkes!.fingerprint);

    const show = await cli(['keys', 'show', '--data-dir', pkm()]);
    expect(show.code).toBe(0);
    const pkmStore = await readKeyStore(path.join(pkm(), 'keys'));
    expect(show.text()).toContain(`Kunci publik: ${pkmStore.signing!.publicKey}`);
    expect(show.text()).toContain(`Sidik jari  : ${pkmStore.signing!.fingerprint}`);
    expect(show.text()).toContain(`minisign -Vm manifest.json -P ${pkmStore.signing!.publicKey}`);
    expect(show.text()).toContain(`Dinkes Garut: ${recipient}`);

    const showDinkes = await cli(['keys', 'show', '--data-dir', dinkes()]);
    expect(showDinkes.text()).toContain(`Kunci publik: ${recipient}`);
    expect(showDinkes.text()).toContain(`Sidik jari  : ${store.dinkes!.fingerprint}`);
  });

  it('bundle verify: unknown signer, then trusted after trust-signer; every check printed', async () => {
    // Key stores made with a low scrypt work factor (the CLI writes 18), to keep this fast;
    // opening reads the factor from the file.
    const pkmKeys = path.join(root, 'pkm-fast', 'keys');
    const dinkesDir = path.join(root, 'dinkes-fast');
    await initPuskesmasKeys(pkmKeys, PASS, { scryptWorkFactor: 10 });
    const dinkesInfo = await initDinkesKeys(keysDir(dinkesDir), PASS, { scryptWorkFactor: 10 });
    await addRecipient(pkmKeys, dinkesInfo.recipient, 'Dinkes');
    const signingKey = await unlockSigningKey(pkmKeys, PASS);
    const recipients = (await readKeyStore(pkmKeys)).recipients.map((r) => r.recipient);
    const packed = await packBundle(sampleInput({ signingKey, recipients }));
    const file = path.join(root, packed.fileName);
    fs.writeFileSync(file, packed.bytes);
    const args = [
      'bundle',
      'verify',
      file,
      '--data-dir',
      dinkesDir,
      '--passphrase-file',
      passFile(),
    ];

    const unknown = await cli(args);
    expect(unknown.code).toBe(1);
    const pub = encodeMinisignPublicKey(signingKey);
    expect(unknown.text()).toContain('[GAGAL] BUNDLE_UNKNOWN_SIGNER');
    expect(unknown.text()).toContain(`Kunci publik: ${pub}`);
    expect(unknown.text()).toContain('Puskesmas (menurut paket): P3205020101');
    expect(unknown.text()).toContain(`siklus keys trust-signer ${pub}`);

    const trust = await cli([
      'keys',
      'trust-signer',
      pub,
      '--data-dir',
      dinkesDir,
      '--label',
      'P3205020101 Karangpawitan',
    ]);
    expect(trust.code, trust.text()).toBe(0);

    const ok = await cli(args);
    expect(ok.code, ok.text()).toBe(0);
    const text = ok.text();
    for (const line of [
      '[OK] Berkas age terbuka dengan kunci Dinkes',
      '[OK] Arsip di dalam paket baku',
      '[OK] Tanda tangan minisign manifest.json sah',
      '[OK] SHA-256 cocok dan 3 baris terbaca: records/persons.ndjson',
      '[OK] SHA-256 cocok: report/indicators.xlsx',
      `SHA-256 ${packed.sha256}`,
      '[OK] Nama berkas sesuai manifest',
      'Fasilitas       : P3205020101 — Puskesmas Karangpawitan',
      'Periode         : 2026-09, revisi 1',
      'Hasil: paket SAH.',
    ]) {
      expect(text).toContain(line);
    }

    const wrongPass = path.join(root, 'wrong.txt');
    fs.writeFileSync(wrongPass, 'bukan-kata-sandinya\n');
    const wrong = await cli([
      'bundle',
      'verify',
      file,
      '--data-dir',
      dinkesDir,
      '--passphrase-file',
      wrongPass,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err[0]).toBe('KEY_WRONG_PASSPHRASE: Kata sandi kunci salah.');
  });

  it('bundle verify with --identity-file and --signer, and on a damaged or renamed file', async () => {
    const packed = await packBundle(sampleInput());
    const file = path.join(root, 'kiriman-email.siklus');
    fs.writeFileSync(file, packed.bytes);
    const identity = path.join(root, 'dinkes-key.txt');
    fs.writeFileSync(identity, `# test\n${DINKES.identity}\n`);
    const pub = encodeMinisignPublicKey(SIGNER);
    const ok = await cli(['bundle', 'verify', file, '--identity-file', identity, '--signer', pub]);
    expect(ok.code, ok.text()).toBe(0);
    expect(ok.text()).toContain('[PERHATIAN] Nama berkas tidak sesuai manifest');

    const damaged = Uint8Array.from(packed.bytes);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 1;
    fs.writeFileSync(file, damaged);
    const bad = await cli(['bundle', 'verify', file, '--identity-file', identity, '--signer', pub]);
    expect(bad.code).toBe(1);
    expect(bad.text()).toContain('[GAGAL] BUNDLE_CORRUPT: Paket rusak');
    expect(bad.text()).toContain('Hasil: paket TIDAK SAH.');

    fs.writeFileSync(file, 'bukan paket');
    const notAge = await cli(['bundle', 'verify', file, '--identity-file', identity]);
    expect(notAge.code).toBe(1);
    expect(notAge.text()).toContain('BUNDLE_NOT_AGE');

    const none = await cli(['bundle', 'verify', path.join(root, 'tidak-ada.siklus')]);
    expect(none.code).toBe(1);
    expect(none.text()).toContain('BUNDLE_FILE_UNREADABLE');
  });

  it('bundle verify of a passphrase-mode bundle uses the passphrase', async () => {
    const packed = await packBundle(
      sampleInput({ recipients: undefined, passphrase: PASS, scryptWorkFactor: 10 }),
    );
    const file = path.join(root, packed.fileName);
    fs.writeFileSync(file, packed.bytes);
    const pub = encodeMinisignPublicKey(SIGNER);
    const noPass = await cli(['bundle', 'verify', file, '--signer', pub]);
    expect(noPass.code).toBe(2);
    const ok = await cli([
      'bundle',
      'verify',
      file,
      '--signer',
      pub,
      '--passphrase-file',
      passFile(),
    ]);
    expect(ok.code, ok.text()).toBe(0);
    expect(ok.text()).toContain('[OK] Berkas age terbuka dengan kata sandi');
  });
});
