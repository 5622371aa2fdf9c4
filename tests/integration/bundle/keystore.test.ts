import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BundleError,
  KEY_FILES,
  addRecipient,
  addTrustedSigner,
  ageRecipientOf,
  encodeMinisignPublicKey,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
  localIsoString,
  openBundle,
  packBundle,
  readKeyStore,
  readRecipients,
  readTrustedSigners,
  unlockDinkesIdentity,
  unlockSigningKey,
} from '../../../src-main/bundle';
import { DINKES, DINKES_BACKUP, SIGNER, sampleInput } from '../../fixtures/bundle/sample';
import { tempDir } from '../../support/temp';

const PASS = 'kata-sandi-kunci-9';
const FAST = { scryptWorkFactor: 10 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** Every file in the folder, as text (latin1, so binary bytes stay searchable). */
function everything(dir: string): string {
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n');
}

describe('file-backed key store', () => {
  let root: string;
  let cleanup: () => void;
  let dir: string;
  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir('siklus-keys-'));
    dir = keysDir(root);
  });
  afterEach(() => cleanup());

  it('puskesmas: the signing key is encrypted at rest and unlocks with the passphrase', async () => {
    const info = await initPuskesmasKeys(dir, PASS, FAST);
    expect(fs.readdirSync(dir).sort()).toEqual([KEY_FILES.signingSecret, KEY_FILES.signingPublic]);
    const key = await unlockSigningKey(dir, PASS);
    expect(encodeMinisignPublicKey(key)).toBe(info.publicKey);
    // the secret never appears in clear: not the seed (hex or base64), not the minisign line
    const all = everything(dir);
    const seed = Buffer.from(key.seed);
    expect(all).not.toContain(seed.toString('base64').slice(0, 20));
    expect(all).not.toContain(seed.toString('hex').slice(0, 20));
    expect(fs.readFileSync(path.join(dir, KEY_FILES.signingSecret)).includes(seed)).toBe(false);
    expect(all).not.toContain('untrusted comment: minisign secret key');
    expect(fs.readFileSync(path.join(dir, KEY_FILES.signingSecret), 'latin1')).toMatch(
      /^age-encryption\.org\/v1\n-> scrypt /,
    );
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, KEY_FILES.signingSecret)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
    const wrong = await codeOf(unlockSigningKey(dir, 'bukan-kata-sandinya'));
    expect(wrong).toBe('KEY_WRONG_PASSPHRASE');
    expect(await codeOf(initPuskesmasKeys(dir, PASS, FAST))).toBe('KEY_EXISTS');
    expect(await codeOf(initPuskesmasKeys(path.join(root, 'other'), 'pendek', FAST))).toBe(
      'KEY_PASSPHRASE_WEAK',
    );
  });

  it("writes new key files at 2^17 and still opens key files written at age's 2^18", async () => {
    const workFactor = (file: string) =>
      /^age-encryption\.org\/v1\n-> scrypt \S+ (\d+)\n/.exec(fs.readFileSync(file, 'latin1'))?.[1];
    const info = await initPuskesmasKeys(dir, PASS);
    expect(workFactor(path.join(dir, KEY_FILES.signingSecret))).toBe('17');
    expect(encodeMinisignPublicKey(await unlockSigningKey(dir, PASS))).toBe(info.publicKey);

    const older = keysDir(path.join(root, 'lama'));
    const dinkes = await initDinkesKeys(older, PASS, { scryptWorkFactor: 18 });
    expect(workFactor(path.join(older, KEY_FILES.dinkesIdentity))).toBe('18');
    expect(await ageRecipientOf(await unlockDinkesIdentity(older, PASS))).toBe(dinkes.recipient);
  });

  it('explains a wrong passphrase in Indonesian', async () => {
    await initPuskesmasKeys(dir, PASS, FAST);
    await expect(unlockSigningKey(dir, 'bukan-kata-sandinya')).rejects.toThrow(
      'Kata sandi kunci salah.',
    );
  });

  it('dinkes: identity encrypted at rest, recipient file and QR to hand out', async () => {
    const info = await initDinkesKeys(dir, PASS, { ...FAST, label: 'Dinkes Kab. Garut' });
    expect(fs.readdirSync(dir).sort()).toEqual([
      KEY_FILES.dinkesIdentity,
      KEY_FILES.dinkesQr,
      KEY_FILES.dinkesRecipient,
    ]);
    const identity = await unlockDinkesIdentity(dir, PASS);
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);
    expect(everything(dir)).not.toContain(identity);
    expect(everything(dir)).not.toContain(identity.toLowerCase());
    expect(fs.readFileSync(path.join(dir, KEY_FILES.dinkesQr), 'utf8')).toMatch(/^<svg/);
    const recipientFile = fs.readFileSync(path.join(dir, KEY_FILES.dinkesRecipient), 'utf8');
    expect(recipientFile).toContain(info.recipient);
    expect(recipientFile).toContain(info.fingerprint);
    expect(recipientFile).toContain('Dinkes Kab. Garut');
    expect(await codeOf(unlockDinkesIdentity(dir, 'bukan-kata-sandinya'))).toBe(
      'KEY_WRONG_PASSPHRASE',
    );
    expect(await codeOf(unlockSigningKey(dir, PASS))).toBe('KEY_NOT_FOUND');

    // a bundle packed to the stored recipient opens with the unlocked identity
    const packed = await packBundle(sampleInput({ recipients: [info.recipient] }));
    const opened = await openBundle(packed.bytes, {
      identity,
      trustedSigners: [encodeMinisignPublicKey(SIGNER)],
    });
    expect(opened.manifest.period).toBe('2026-09');
  });

  it('keeps the Dinkes recipients of a puskesmas (main and backup), validated', async () => {
    expect(await readRecipients(dir)).toEqual([]);
    await addRecipient(dir, DINKES.recipient, 'Dinkes Garut (utama)');
    await addRecipient(
      dir,
      `  ${DINKES_BACKUP.recipient.toUpperCase()} `,
      'Dinkes Garut (cadangan)',
    );
    const list = await addRecipient(dir, DINKES.recipient, 'sekali lagi');
    expect(list.map((r) => [r.recipient, r.label])).toEqual([
      [DINKES.recipient, 'Dinkes Garut (utama)'],
      [DINKES_BACKUP.recipient, 'Dinkes Garut (cadangan)'],
    ]);
    expect(await readRecipients(dir)).toEqual(list);
    expect(list[0]!.fingerprint).toBe('F234-EBEC-2237-5335-8189');
    expect(await codeOf(addRecipient(dir, 'age1salah', 'x'))).toBe('RECIPIENT_INVALID');
    // an age recipients file: comments and one key per line
    const text = fs.readFileSync(path.join(dir, KEY_FILES.recipients), 'utf8');
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      DINKES.recipient,
      DINKES_BACKUP.recipient,
    ]);
  });

  it('keeps the trusted puskesmas keys of Dinkes', async () => {
    const pub = encodeMinisignPublicKey(SIGNER);
    await addTrustedSigner(dir, pub, 'P3205020101 Puskesmas Karangpawitan');
    const list = await readTrustedSigners(dir);
    expect(list).toEqual([
      {
        keyId: 'D2DFB6003164941A',
        publicKey: pub,
        fingerprint: 'DDA2-F793-F301-DC25-910B',
        label: 'P3205020101 Puskesmas Karangpawitan',
      },
    ]);
    // trusting the same key id again replaces the entry (e.g. a corrected label)
    expect(await addTrustedSigner(dir, pub, 'Karangpawitan')).toHaveLength(1);
    expect(await codeOf(addTrustedSigner(dir, 'RWxyz', 'x'))).toBe('SIGNER_INVALID');
  });

  it('summarises the public parts without opening any secret', async () => {
    expect(await readKeyStore(dir)).toEqual({
      dir,
      dinkes: null,
      signing: null,
      recipients: [],
      trustedSigners: [],
    });
    const signing = await initPuskesmasKeys(dir, PASS, FAST);
    const dinkes = await initDinkesKeys(dir, PASS, FAST);
    const summary = await readKeyStore(dir);
    expect(summary.signing).toEqual(signing);
    expect(summary.dinkes).toEqual({
      recipient: dinkes.recipient,
      fingerprint: dinkes.fingerprint,
    });
  });

  it('formats local time with its offset', () => {
    expect(localIsoString(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});
