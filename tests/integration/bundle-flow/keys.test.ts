import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEY_FILES,
  generateAgeKeyPair,
  keysDir,
  recipientFileText,
  unlockSigningKey,
} from '../../../src-main/bundle';
import { DINKES, DINKES_BACKUP } from '../../fixtures/bundle/sample';
import { setupInput, signInAdmin, signInAs } from '../../support/setup';
import { openDinkes, openPuskesmas, type Dinkes, type Puskesmas } from './helpers';

type Status = {
  mode: string;
  signing: { keyId: string; publicKey: string; fingerprint: string } | null;
  recipients: { recipient: string; label: string; fingerprint: string }[];
  dinkes: { recipient: string; fingerprint: string; qrSvg: string } | null;
  unlocked: boolean;
};

function audits(core: Puskesmas['core'], action: string) {
  return core.database.sqlite
    .prepare('SELECT row_id, changes FROM audit_log WHERE action = ?')
    .all(action) as { row_id: string; changes: string }[];
}

describe('keys in the app: puskesmas', () => {
  let p: Puskesmas;
  afterEach(() => p?.close());

  it('creates the signing key once, passphrase twice, never audited', async () => {
    p = await openPuskesmas({ signingKey: false });
    expect((await p.call<Status>('keys.status')).signing).toBeNull();

    const mismatch = await p.raw('keys.createSigning', {
      keyPassphrase: 'kata-sandi-kunci-1',
      keyPassphraseConfirm: 'kata-sandi-kunci-2',
    });
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok)
      expect(mismatch.error.details?.issues?.[0]?.path).toBe('keyPassphraseConfirm');
    const short = await p.raw('keys.createSigning', {
      keyPassphrase: 'pendek',
      keyPassphraseConfirm: 'pendek',
    });
    expect(short.ok).toBe(false);
    if (!short.ok)
      expect(short.error.message).toMatch(/Kata sandi kunci: paling sedikit 10 karakter/);
    expect(fs.existsSync(path.join(keysDir(p.dir), KEY_FILES.signingSecret))).toBe(false);

    const made = await p.call<Status>('keys.createSigning', {
      keyPassphrase: 'kata-sandi-kunci-1',
      keyPassphraseConfirm: 'kata-sandi-kunci-1',
    });
    expect(made.signing?.publicKey).toMatch(/^RW/);
    expect(made.signing?.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    const key = await unlockSigningKey(keysDir(p.dir), 'kata-sandi-kunci-1');
    expect(key.seed).toHaveLength(32);

    const again = await p.raw('keys.createSigning', {
      keyPassphrase: 'kata-sandi-lain-99',
      keyPassphraseConfirm: 'kata-sandi-lain-99',
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.details?.bundleCode).toBe('KEY_EXISTS');

    const rows = audits(p.core, 'keys.createSigning');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes).toContain(made.signing!.fingerprint);
    expect(rows[0]!.changes).not.toContain('kata-sandi');
  }, 120_000);

  it('imports Dinkes keys pasted or from the recipient file, refuses a wrong or secret one', async () => {
    p = await openPuskesmas();
    const pasted = await p.call<Status>('keys.addRecipient', {
      recipientText: `  ${DINKES.recipient.toUpperCase()}  `,
    });
    expect(pasted.recipients).toEqual([
      expect.objectContaining({ recipient: DINKES.recipient, label: 'Dinkes' }),
    ]);
    const file = recipientFileText(DINKES_BACKUP.recipient, 'Dinkes Garut (cadangan)');
    const both = await p.call<Status>('keys.addRecipient', { recipientText: file });
    expect(both.recipients.map((r) => r.label)).toEqual(['Dinkes', 'Dinkes Garut (cadangan)']);

    const typo = await p.raw('keys.addRecipient', {
      recipientText: DINKES.recipient.slice(0, -1) + 'q',
    });
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.error.details?.issues?.[0]?.path).toBe('recipientText');
      expect(typo.error.message).toMatch(/Kunci publik Dinkes: bukan kunci publik Dinkes yang sah/);
    }
    const secret = await p.raw('keys.addRecipient', { recipientText: DINKES.identity });
    expect(secret.ok).toBe(false);
    if (!secret.ok) expect(secret.error.message).toMatch(/kunci RAHASIA/);
    const none = await p.raw('keys.addRecipient', { recipientText: '# hanya komentar' });
    expect(none.ok).toBe(false);

    const removed = await p.call<Status>('keys.removeRecipient', { recipient: DINKES.recipient });
    expect(removed.recipients.map((r) => r.recipient)).toEqual([DINKES_BACKUP.recipient]);
    expect(audits(p.core, 'keys.addRecipient')).toHaveLength(2);
    expect(audits(p.core, 'keys.removeRecipient')).toHaveLength(1);
  });

  it('is admin only; Dinkes-only channels refuse in puskesmas mode', async () => {
    p = await openPuskesmas({ signingKey: false });
    await signInAs({ call: p.raw } as never, 'petugas');
    const refused = await p.raw('keys.addRecipient', { recipientText: DINKES.recipient });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect((await p.call<Status>('keys.status')).recipients).toEqual([]);
    await signInAdmin({ call: p.raw } as never);
    const wrongMode = await p.raw('keys.createDinkes', {
      keyPassphrase: 'kata-sandi-kunci-1',
      keyPassphraseConfirm: 'kata-sandi-kunci-1',
    });
    expect(wrongMode.ok).toBe(false);
    if (!wrongMode.ok) expect(wrongMode.error.message).toMatch(/mode Dinkes/);
  });
});

describe('keys in the app: Dinkes', () => {
  let d: Dinkes;
  afterEach(() => d?.close());

  it('creates the age key, shows it as text, QR and file, and unlocks it for one session', async () => {
    d = await openDinkes({ unlock: false });
    // openDinkes made a fast key; start over with one made through the app.
    fs.rmSync(keysDir(d.dir), { recursive: true, force: true });
    expect((await d.call<Status>('keys.status')).dinkes).toBeNull();
    const made = await d.call<Status>('keys.createDinkes', {
      keyPassphrase: 'kunci-dinkes-garut',
      keyPassphraseConfirm: 'kunci-dinkes-garut',
    });
    expect(made.dinkes?.recipient).toMatch(/^age1/);
    expect(made.dinkes?.qrSvg).toMatch(/^<svg/);
    expect(made.unlocked).toBe(false);
    const file = await d.call<{ fileName: string; base64: string }>('keys.recipientFile');
    expect(file.fileName).toBe('dinkes-recipient.txt');
    expect(Buffer.from(file.base64, 'base64').toString()).toContain(made.dinkes!.recipient);
    expect(Buffer.from(file.base64, 'base64').toString()).toContain(made.dinkes!.fingerprint);

    const wrong = await d.raw('keys.unlock', { keyPassphrase: 'bukan-kata-sandinya' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.details?.issues?.[0]?.path).toBe('keyPassphrase');
      expect(wrong.error.message).toMatch(/Kata sandi kunci salah/);
    }
    expect(
      (await d.call<Status>('keys.unlock', { keyPassphrase: 'kunci-dinkes-garut' })).unlocked,
    ).toBe(true);
    expect((await d.call<Status>('keys.status')).unlocked).toBe(true);

    // Locking the screen forgets it, and unlocking the screen does not bring it back.
    await d.call('auth.lock');
    await d.call('auth.unlock', { password: 'rahasia-admin-1' });
    expect((await d.call<Status>('keys.status')).unlocked).toBe(false);

    await d.call('keys.unlock', { keyPassphrase: 'kunci-dinkes-garut' });
    await d.call('auth.logout');
    await signInAdmin({ call: d.raw } as never);
    expect((await d.call<Status>('keys.status')).unlocked).toBe(false);

    await d.call('keys.unlock', { keyPassphrase: 'kunci-dinkes-garut' });
    expect((await d.call<Status>('keys.lock')).unlocked).toBe(false);
  }, 180_000);

  it('puskesmas-only channels refuse in Dinkes mode', async () => {
    d = await openDinkes({ unlock: false });
    const { recipient } = await generateAgeKeyPair();
    for (const [channel, input] of [
      ['keys.addRecipient', { recipientText: recipient }],
      ['bundle.preflight', { period: '2026-09' }],
      ['bundle.history', {}],
    ] as const) {
      const r = await d.raw(channel, input);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/mode puskesmas/);
    }
    expect(setupInput().facility.mode).toBe('puskesmas');
  });
});
