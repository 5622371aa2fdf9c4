/**
 * Our bundles and key files against the standard `age` and `minisign` command-line tools.
 *
 * age reads passphrases only from a terminal. The passphrase tests give it one with `script`
 * (util-linux, present on every Debian system): `script -qec "age -d …" /dev/null` runs age on
 * a pseudo-terminal whose input is our stdin. Without `script` those tests skip, saying so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KEY_FILES,
  decryptBundle,
  decryptWithPassphrase,
  encodeMinisignPublicKey,
  generateAgeKeyPair,
  initDinkesKeys,
  initPuskesmasKeys,
  minisignPublicKeyFile,
  openBundle,
  packBundle,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
  parseMinisignSignature,
  signMinisign,
  unlockSigningKey,
  verifyMinisign,
  type PackedBundle,
} from '../../../src-main/bundle';
import { sha256Hex } from '../../../src-main/bundle/encoding';
import { DINKES, DINKES_BACKUP, SIGNER, sampleInput } from '../../fixtures/bundle/sample';
import { tempDir } from '../../support/temp';

const AGE = '/usr/bin/age';
const MINISIGN = '/usr/bin/minisign';
const missing = [AGE, MINISIGN].filter((tool) => !fs.existsSync(tool));
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => fs.existsSync(p));
if (missing.length > 0) {
  console.log(`SKIP standard-tool tests: not installed: ${missing.join(', ')} (CI installs them)`);
} else if (!SCRIPT) {
  console.log('SKIP age passphrase CLI tests: `script` (util-linux) is missing, age needs a TTY');
}

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Run a shell command on a pseudo-terminal, typing `typed` into it (for age passphrases). */
function onTty(command: string, typed: string) {
  return run(SCRIPT!, ['-qec', command, '/dev/null'], typed);
}

const q = (p: string) => `'${p.replaceAll("'", "'\\''")}'`;

describe.skipIf(missing.length > 0)('standard tools: age and minisign', () => {
  let dir: string;
  let cleanup: () => void;
  let packed: PackedBundle;
  const file = (name: string) => path.join(dir, name);
  const PASSPHRASE = 'kata-sandi-puskesmas-7';

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('siklus-tools-'));
    packed = await packBundle(
      sampleInput({ recipients: [DINKES.recipient, DINKES_BACKUP.recipient] }),
    );
    fs.writeFileSync(file(packed.fileName), packed.bytes);
    fs.writeFileSync(file('dinkes.txt'), `${DINKES.identity}\n`);
    fs.writeFileSync(file('backup.txt'), `${DINKES_BACKUP.identity}\n`);
    fs.writeFileSync(file('puskesmas.pub'), minisignPublicKeyFile(SIGNER));
  });
  afterAll(() => cleanup());

  function extract(zipFile: string, into: string): Record<string, Uint8Array> {
    // fflate: an independent zip reader, not ours
    const entries = unzipSync(new Uint8Array(fs.readFileSync(zipFile)));
    fs.mkdirSync(into, { recursive: true });
    for (const name of ['manifest.json', 'manifest.json.minisig']) {
      fs.writeFileSync(path.join(into, name), entries[name]!);
    }
    return entries;
  }

  it('age -d -i decrypts the .siklus, and minisign verifies manifest.json (-P and -p)', () => {
    const decrypted = run(AGE, [
      '-d',
      '-i',
      file('dinkes.txt'),
      '-o',
      file('inner.zip'),
      file(packed.fileName),
    ]);
    expect(decrypted.status, decrypted.out).toBe(0);
    expect(sha256Hex(fs.readFileSync(file('inner.zip')))).toBe(packed.zipSha256);
    const entries = extract(file('inner.zip'), file('x'));
    expect(Object.keys(entries).sort()).toEqual([
      'manifest.json',
      'manifest.json.minisig',
      'records/anc_visits.ndjson',
      'records/persons.ndjson',
      'report/indicators.json',
      'report/indicators.xlsx',
    ]);
    const manifest = file('x/manifest.json');
    const withKey = run(MINISIGN, ['-Vm', manifest, '-P', encodeMinisignPublicKey(SIGNER)]);
    expect(withKey.status, withKey.out).toBe(0);
    expect(withKey.out).toContain('Signature and comment signature verified');
    expect(withKey.out).toContain(
      'Trusted comment: siklus-bundle v1 facility:P3205020101 period:2026-09 revision:1',
    );
    const withFile = run(MINISIGN, ['-Vm', manifest, '-p', file('puskesmas.pub')]);
    expect(withFile.status, withFile.out).toBe(0);
    // and minisign notices a changed manifest
    fs.appendFileSync(manifest, ' ');
    const tampered = run(MINISIGN, ['-Vm', manifest, '-P', encodeMinisignPublicKey(SIGNER)]);
    expect(tampered.status).not.toBe(0);
    expect(tampered.out).toContain('Signature verification failed');
  });

  it('age -d works with the backup key and refuses another key', async () => {
    const backup = run(AGE, [
      '-d',
      '-i',
      file('backup.txt'),
      '-o',
      file('b.zip'),
      file(packed.fileName),
    ]);
    expect(backup.status, backup.out).toBe(0);
    fs.writeFileSync(file('other.txt'), `${(await generateAgeKeyPair()).identity}\n`);
    const other = run(AGE, ['-d', '-i', file('other.txt'), file(packed.fileName)]);
    expect(other.status).not.toBe(0);
    expect(other.out).toContain('no identity matched any of the recipients');
  });

  it('opens a bundle whose zip was encrypted by age -r and age -R (recipients file)', async () => {
    run(AGE, ['-d', '-i', file('dinkes.txt'), '-o', file('inner2.zip'), file(packed.fileName)]);
    const byR = run(AGE, ['-r', DINKES.recipient, '-o', file('cli-r.siklus'), file('inner2.zip')]);
    expect(byR.status, byR.out).toBe(0);
    const opened = await openBundle(new Uint8Array(fs.readFileSync(file('cli-r.siklus'))), {
      identity: DINKES.identity,
      trustedSigners: [encodeMinisignPublicKey(SIGNER)],
    });
    expect(opened.zipSha256).toBe(packed.zipSha256);

    // the key store's recipients file is a valid `age -R` file
    const keys = file('keys-dinkes');
    const info = await initDinkesKeys(keys, PASSPHRASE, { scryptWorkFactor: 10 });
    const byFile = run(AGE, [
      '-R',
      path.join(keys, KEY_FILES.dinkesRecipient),
      '-o',
      file('cli-R.siklus'),
      file('inner2.zip'),
    ]);
    expect(byFile.status, byFile.out).toBe(0);
    expect(fs.readFileSync(file('cli-R.siklus'), 'latin1')).toContain('-> X25519 ');
    expect(info.recipient).toMatch(/^age1/);
  });

  it('minisign -S signs with our secret key file; our verifier and minisign -V agree', async () => {
    const keys = file('keys-pkm');
    const info = await initPuskesmasKeys(keys, PASSPHRASE, { scryptWorkFactor: 10 });
    const secret = await decryptWithPassphrase(
      new Uint8Array(fs.readFileSync(path.join(keys, KEY_FILES.signingSecret))),
      PASSPHRASE,
    );
    fs.writeFileSync(file('minisign.key'), secret, { mode: 0o600 });
    fs.writeFileSync(file('data.txt'), 'laporan bulanan\n');
    const signed = run(MINISIGN, [
      '-S',
      '-s',
      file('minisign.key'),
      '-m',
      file('data.txt'),
      '-t',
      'dari minisign',
    ]);
    expect(signed.status, signed.out).toBe(0);
    const sig = parseMinisignSignature(fs.readFileSync(file('data.txt.minisig'), 'utf8'));
    const key = await unlockSigningKey(keys, PASSPHRASE);
    expect(verifyMinisign(new Uint8Array(fs.readFileSync(file('data.txt'))), sig, key)).toBe(true);
    expect(sig.trustedComment).toBe('dari minisign');
    const verified = run(MINISIGN, [
      '-Vm',
      file('data.txt'),
      '-p',
      path.join(keys, KEY_FILES.signingPublic),
    ]);
    expect(verified.status, verified.out).toBe(0);
    expect(verified.out).toContain('Trusted comment: dari minisign');
    expect(fs.readFileSync(path.join(keys, KEY_FILES.signingPublic), 'utf8')).toContain(info.keyId);
  });

  it('reads a key made by minisign -G -W, and minisign verifies what we sign with it', () => {
    const made = run(MINISIGN, ['-G', '-W', '-p', file('g.pub'), '-s', file('g.key')]);
    expect(made.status, made.out).toBe(0);
    const key = parseMinisignSecretKeyFile(fs.readFileSync(file('g.key'), 'utf8'));
    const pub = parseMinisignPublicKey(fs.readFileSync(file('g.pub'), 'utf8'));
    expect(encodeMinisignPublicKey(key)).toBe(encodeMinisignPublicKey(pub));
    fs.writeFileSync(file('m.json'), '{"a":1}\n');
    fs.writeFileSync(
      file('m.json.minisig'),
      signMinisign(new Uint8Array(fs.readFileSync(file('m.json'))), key, 'siklus test'),
    );
    const verified = run(MINISIGN, ['-Vm', file('m.json'), '-p', file('g.pub')]);
    expect(verified.status, verified.out).toBe(0);
  });

  describe.skipIf(!SCRIPT)('passphrases through a pseudo-terminal (script)', () => {
    it('age -d opens our passphrase-mode bundle', async () => {
      const bundle = await packBundle(
        sampleInput({ recipients: undefined, passphrase: PASSPHRASE, scryptWorkFactor: 12 }),
      );
      fs.writeFileSync(file('pass.siklus'), bundle.bytes);
      const result = onTty(
        `${AGE} -d -o ${q(file('pass.zip'))} ${q(file('pass.siklus'))}`,
        `${PASSPHRASE}\n`,
      );
      expect(result.status, result.out).toBe(0);
      expect(sha256Hex(fs.readFileSync(file('pass.zip')))).toBe(bundle.zipSha256);
      const wrong = onTty(
        `${AGE} -d -o ${q(file('w.zip'))} ${q(file('pass.siklus'))}`,
        'salah-sekali-ini\n',
      );
      expect(wrong.status).not.toBe(0);
    });

    it('we open a bundle encrypted by age -p', async () => {
      const inner = file('for-p.zip');
      run(AGE, ['-d', '-i', file('dinkes.txt'), '-o', inner, file(packed.fileName)]);
      const result = onTty(
        `${AGE} -p -o ${q(file('by-age-p.siklus'))} ${q(inner)}`,
        `${PASSPHRASE}\n${PASSPHRASE}\n`,
      );
      expect(result.status, result.out).toBe(0);
      const bytes = new Uint8Array(fs.readFileSync(file('by-age-p.siklus')));
      expect(Buffer.from(bytes.subarray(0, 31)).toString('latin1')).toBe(
        'age-encryption.org/v1\n-> scrypt',
      );
      const zip = await decryptBundle(bytes, { passphrase: PASSPHRASE });
      expect(sha256Hex(zip)).toBe(packed.zipSha256);
    });

    it('age -d -i uses the passphrase-encrypted Dinkes identity file directly', async () => {
      const keys = file('keys-dinkes-2');
      const info = await initDinkesKeys(keys, PASSPHRASE, { scryptWorkFactor: 10 });
      const bundle = await packBundle(sampleInput({ recipients: [info.recipient] }));
      fs.writeFileSync(file('to-store.siklus'), bundle.bytes);
      const result = onTty(
        `${AGE} -d -i ${q(path.join(keys, KEY_FILES.dinkesIdentity))} -o ${q(file('s.zip'))} ${q(file('to-store.siklus'))}`,
        `${PASSPHRASE}\n`,
      );
      expect(result.status, result.out).toBe(0);
      expect(sha256Hex(fs.readFileSync(file('s.zip')))).toBe(bundle.zipSha256);
    });
  });
});
