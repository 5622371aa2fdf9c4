import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Identity } from 'age-encryption';
import { AppError, type FacilityMode, type FileDownload, type KeysStatus } from '@shared/contract';
import { translate, type Locale } from '@shared/i18n';
import {
  BundleError,
  KEY_FILES,
  addRecipient,
  createAgeIdentity,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
  parseAgeRecipient,
  readKeyStore,
  readRecipients,
  recipientQrSvg,
  unlockDinkesIdentity,
  writeFileAtomic,
  type KeyStoreSummary,
} from '../bundle';
import { identityMatchesRecipient } from '../bundle/keystore';
import { writeAudit } from '../db/audit';
import type { AppFacts } from './app';
import { withBundleErrors } from './bundle-errors';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';

/**
 * Something that owns an unlocked Dinkes key: the signed-in session object. The key is kept
 * only while the same, unlocked session asks for it (forgotten on lock and sign-out).
 */
export type KeyOwner = object;

function isLocked(owner: KeyOwner): boolean {
  return (owner as { locked?: unknown }).locked === true;
}

/** The `age1…` keys in pasted text or a recipient file, with the label of a `# label:` line. */
export function recipientsInText(text: string): { recipient: string; label: string | null }[] {
  const found: { recipient: string; label: string | null }[] = [];
  let label: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# ?(?:label|Kunci publik Dinkes untuk paket Siklus): (.*?)(?: \| .*)?$/.exec(
        line,
      );
      if (m?.[1]) label = m[1].trim();
      continue;
    }
    for (const word of line.split(/\s+/)) {
      found.push({ recipient: parseAgeRecipient(word), label });
    }
    label = null;
  }
  return found;
}

/**
 * Keys in the app. Puskesmas: the signing key (minisign, passphrase twice) and the Dinkes keys
 * to encrypt to. Dinkes: the age identity, shown as text, QR and a file to hand out; unlocked
 * with its passphrase for one session at a time. The files live in `<data-dir>/keys/`
 * (src-main/bundle/keystore.ts); every change is audited.
 */
export function createBundleKeysService(
  deps: ServiceDeps,
  facts: AppFacts,
  facility: FacilityService,
) {
  const dir = keysDir(facts.dataDir);
  let unlocked: { owner: KeyOwner; identity: Identity } | null = null;

  async function modeOf(locale: Locale): Promise<{ mode: FacilityMode; name: string }> {
    const f = await facility.get(locale);
    return { mode: f.mode, name: f.name };
  }

  async function requireMode(locale: Locale, mode: FacilityMode) {
    const f = await modeOf(locale);
    if (f.mode !== mode) {
      throw AppError.of(
        'RULE_VIOLATION',
        locale,
        mode === 'dinkes' ? 'error.bundle.dinkesOnly' : 'error.bundle.puskesmasOnly',
      );
    }
    return f;
  }

  async function audit(actor: Actor, action: string, rowId: string, changes: unknown) {
    await write(deps, actor, ({ trx, at }) =>
      writeAudit(trx, { at, userId: actor.userId, action, table: 'keys', rowId, changes }),
    );
  }

  async function summary(locale: Locale): Promise<KeyStoreSummary> {
    return withBundleErrors(locale, () => readKeyStore(dir));
  }

  function holds(owner: KeyOwner | null): boolean {
    return unlocked !== null && owner !== null && unlocked.owner === owner && !isLocked(owner);
  }

  async function status(owner: KeyOwner | null, locale: Locale): Promise<KeysStatus> {
    const { mode } = await modeOf(locale);
    const s = await summary(locale);
    let qrSvg = '';
    if (s.dinkes) {
      qrSvg = await fs
        .readFile(path.join(dir, KEY_FILES.dinkesQr), 'utf8')
        .catch(() => recipientQrSvg(s.dinkes!.recipient));
    }
    return {
      mode,
      signing: s.signing,
      recipients: s.recipients,
      dinkes: s.dinkes ? { ...s.dinkes, qrSvg } : null,
      unlocked: holds(owner),
    };
  }

  /** Rewrite the recipients file without `remove`, in the key store's own format. */
  async function writeRecipientsWithout(remove: string): Promise<void> {
    const kept = (await readRecipients(dir)).filter((r) => r.recipient !== remove);
    const file = path.join(dir, KEY_FILES.recipients);
    if (kept.length === 0) {
      await fs.rm(file, { force: true });
      return;
    }
    // Build the file with the store's own writer in a scratch folder, then swap it in.
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'siklus-keys-'));
    try {
      for (const r of kept) await addRecipient(scratch, r.recipient, r.label);
      await writeFileAtomic(file, await fs.readFile(path.join(scratch, KEY_FILES.recipients)));
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  }

  return {
    dir,
    status,

    async createSigning(actor: Actor, passphrase: string): Promise<KeysStatus> {
      const f = await requireMode(actor.locale, 'puskesmas');
      const info = await withBundleErrors(
        actor.locale,
        () => initPuskesmasKeys(dir, passphrase, { label: f.name, now: deps.now }),
        { KEY_PASSPHRASE_WEAK: 'keyPassphrase' },
      );
      await audit(actor, 'keys.createSigning', info.keyId, {
        keyId: info.keyId,
        fingerprint: info.fingerprint,
      });
      deps.log.info('signing key created', { keyId: info.keyId });
      return status(null, actor.locale);
    },

    async addRecipients(actor: Actor, text: string, label: string | null): Promise<KeysStatus> {
      await requireMode(actor.locale, 'puskesmas');
      if (/AGE-SECRET-KEY-1/i.test(text)) {
        throw AppError.field(
          actor.locale,
          'recipientText',
          translate(actor.locale, 'error.bundle.recipientSecret'),
        );
      }
      let found: ReturnType<typeof recipientsInText>;
      try {
        found = recipientsInText(text);
      } catch (error) {
        if (error instanceof BundleError) {
          throw AppError.field(
            actor.locale,
            'recipientText',
            translate(actor.locale, 'error.bundle.recipientInvalid'),
          );
        }
        throw error;
      }
      if (found.length === 0) {
        throw AppError.field(
          actor.locale,
          'recipientText',
          translate(actor.locale, 'error.bundle.recipientNone'),
        );
      }
      for (const r of found) {
        await withBundleErrors(actor.locale, () =>
          addRecipient(dir, r.recipient, label ?? r.label ?? 'Dinkes'),
        );
      }
      const all = await readRecipients(dir);
      await audit(
        actor,
        'keys.addRecipient',
        'dinkes-recipients',
        all
          .filter((e) => found.some((r) => r.recipient === e.recipient))
          .map((e) => ({ label: e.label, fingerprint: e.fingerprint })),
      );
      return status(null, actor.locale);
    },

    async removeRecipient(actor: Actor, recipient: string): Promise<KeysStatus> {
      await requireMode(actor.locale, 'puskesmas');
      const current = await withBundleErrors(actor.locale, () => readRecipients(dir));
      const entry = current.find((r) => r.recipient === recipient);
      if (!entry) throw AppError.of('NOT_FOUND', actor.locale, 'error.NOT_FOUND');
      await writeRecipientsWithout(recipient);
      await audit(actor, 'keys.removeRecipient', 'dinkes-recipients', {
        label: entry.label,
        fingerprint: entry.fingerprint,
      });
      return status(null, actor.locale);
    },

    async createDinkes(actor: Actor, passphrase: string): Promise<KeysStatus> {
      const f = await requireMode(actor.locale, 'dinkes');
      const info = await withBundleErrors(
        actor.locale,
        () => initDinkesKeys(dir, passphrase, { label: f.name, now: deps.now }),
        { KEY_PASSPHRASE_WEAK: 'keyPassphrase' },
      );
      await audit(actor, 'keys.createDinkes', info.fingerprint, {
        recipient: info.recipient,
        fingerprint: info.fingerprint,
      });
      deps.log.info('dinkes key created', { fingerprint: info.fingerprint });
      return status(null, actor.locale);
    },

    async recipientFile(locale: Locale): Promise<FileDownload> {
      await requireMode(locale, 'dinkes');
      const text = await fs.readFile(path.join(dir, KEY_FILES.dinkesRecipient)).catch(() => null);
      if (!text) throw AppError.of('NOT_FOUND', locale, 'error.bundle.noDinkesKey');
      return {
        fileName: KEY_FILES.dinkesRecipient,
        mimeType: 'text/plain',
        base64: text.toString('base64'),
      };
    },

    /** Dinkes: unlock the secret key for this session (it stays in this process's memory). */
    async unlock(owner: KeyOwner, passphrase: string, locale: Locale): Promise<KeysStatus> {
      await requireMode(locale, 'dinkes');
      const identity = await withBundleErrors(
        locale,
        async () => {
          const text = await unlockDinkesIdentity(dir, passphrase);
          const store = await readKeyStore(dir);
          if (!store.dinkes || !(await identityMatchesRecipient(text, store.dinkes.recipient))) {
            throw new BundleError('KEY_INVALID', 'Kunci rahasia tidak cocok dengan kunci publik.');
          }
          return createAgeIdentity(text);
        },
        { KEY_WRONG_PASSPHRASE: 'keyPassphrase', KEY_NOT_FOUND: 'keyPassphrase' },
      );
      unlocked = { owner, identity };
      deps.log.info('dinkes key unlocked for the session');
      return status(owner, locale);
    },

    lock(): void {
      if (unlocked) deps.log.info('dinkes key locked');
      unlocked = null;
    },

    /** The unlocked identity of this session, or null. */
    heldBy(owner: KeyOwner | null): Identity | null {
      return holds(owner) ? unlocked!.identity : null;
    },

    /** Called after every call: forget the key once its session is locked, replaced or gone. */
    sessionChanged(owner: KeyOwner | null): void {
      if (unlocked && !holds(owner)) {
        unlocked = null;
        deps.log.info('dinkes key forgotten with its session');
      }
    },
  };
}

export type BundleKeysService = ReturnType<typeof createBundleKeysService>;
