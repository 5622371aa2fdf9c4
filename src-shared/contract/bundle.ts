import { z } from 'zod';
import { channel, noInput } from './channel';
import { FACILITY_MODES } from './facility';
import { ALWAYS, optionalText, paging, recordId, version } from './fields';
import { fileDownload } from './files';

/**
 * The monthly bundle to Dinkes, end to end: keys in the app, the puskesmas export ("Kirim ke
 * Dinkes") and the Dinkes side (import, puskesmas registry, completeness, district recap).
 * Format and cryptography: docs/bundle-format.md, src-main/bundle.
 *
 * Access (src-main/ipc/handlers/bundle.ts): key management is admin only; reading statuses,
 * history, registry, matrix and recap is for any signed-in user; exporting and importing are
 * for writers; acknowledging a bundle and trusting a new puskesmas key are admin only.
 */

/** A reporting month `YYYY-MM`. */
export const periodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.period' });

/** Passphrases of keys and bundles: at least 10 characters (age scrypt, bundle-format §8). */
const newKeyPassphrase = z.string().min(10, { error: 'validation.keyPassphrase.min' }).max(200);
const givenPassphrase = z.string().min(1).max(200);

// ---------------------------------------------------------------------------------------------
// Keys

export const recipientEntry = z.object({
  recipient: z.string(),
  label: z.string(),
  fingerprint: z.string(),
});
export type RecipientEntryDto = z.infer<typeof recipientEntry>;

export const keysStatus = z.object({
  mode: z.enum(FACILITY_MODES),
  /** Puskesmas: the minisign signing key (public parts). */
  signing: z
    .object({ keyId: z.string(), publicKey: z.string(), fingerprint: z.string() })
    .nullable(),
  /** Puskesmas: the Dinkes keys bundles are encrypted to (main and backup). */
  recipients: z.array(recipientEntry),
  /** Dinkes: the age key to hand to puskesmas, as text and as a QR code (SVG). */
  dinkes: z
    .object({ recipient: z.string(), fingerprint: z.string(), qrSvg: z.string() })
    .nullable(),
  /** Dinkes: the secret key is unlocked for this session (forgotten on lock or sign-out). */
  unlocked: z.boolean(),
});
export type KeysStatus = z.infer<typeof keysStatus>;

/** A new key passphrase, typed twice. */
export const keyPassphrasePair = z
  .object({ keyPassphrase: newKeyPassphrase, keyPassphraseConfirm: z.string().max(200) })
  .strict()
  .refine((v) => v.keyPassphrase === v.keyPassphraseConfirm, {
    path: ['keyPassphraseConfirm'],
    error: 'validation.password.confirm',
    ...ALWAYS,
  });

export const addRecipientInput = z
  .object({
    /** `age1…` pasted, or the text of the Dinkes recipient file (comments allowed). */
    recipientText: z.string().trim().min(1).max(20_000),
    label: optionalText(80),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Export (puskesmas)

export const PREFLIGHT_SEVERITIES = ['blocker', 'warning', 'info', 'ok'] as const;
export type PreflightSeverity = (typeof PREFLIGHT_SEVERITIES)[number];

export const preflightFinding = z.object({
  /** Stable id of the check (`facilityCode`, `nikWarnings`, …). */
  id: z.string(),
  severity: z.enum(PREFLIGHT_SEVERITIES),
  title: z.string(),
  detail: z.string().nullable(),
  /** A screen that fixes it (hash route, e.g. `/penduduk`). */
  link: z.string().nullable(),
  linkLabel: z.string().nullable(),
  /** Up to 20 examples, each with its own link (e.g. persons). */
  items: z.array(z.object({ label: z.string(), link: z.string().nullable() })),
  /** How many in total (items may show fewer). */
  count: z.number().int().nullable(),
});
export type PreflightFinding = z.infer<typeof preflightFinding>;

export const preflightResult = z.object({
  period: z.string(),
  findings: z.array(preflightFinding),
  /** No blocker: the bundle can be built. */
  canExport: z.boolean(),
  /** The revision the next export of this period gets. */
  revision: z.number().int(),
  /** Records included: changed since this instant (the last acknowledged bundle), or all. */
  since: z.string().nullable(),
  records: z.number().int(),
});
export type PreflightResult = z.infer<typeof preflightResult>;

export const LOCK_MODES = ['recipients', 'passphrase'] as const;
export const EXPORT_DESTINATIONS = ['folder', 'download'] as const;

/** The export form (what the clerk fills in). */
export const bundleExportForm = z
  .object({
    period: periodSchema,
    /** The passphrase of the puskesmas signing key. */
    keyPassphrase: givenPassphrase,
    /** Encrypt to the Dinkes keys (normal), or with a passphrase when no Dinkes key exists. */
    lock: z.enum(LOCK_MODES).default('recipients'),
    bundlePassphrase: z.string().max(200).optional(),
    bundlePassphraseConfirm: z.string().max(200).optional(),
    destination: z.enum(EXPORT_DESTINATIONS).default('folder'),
    /** An absolute folder (a USB drive) when `destination` is `folder`. */
    folder: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.lock === 'passphrase') {
      if (!v.bundlePassphrase || v.bundlePassphrase.length < 10) {
        ctx.addIssue({
          code: 'custom',
          path: ['bundlePassphrase'],
          message: 'validation.keyPassphrase.min',
        });
      } else if (v.bundlePassphrase !== v.bundlePassphraseConfirm) {
        ctx.addIssue({
          code: 'custom',
          path: ['bundlePassphraseConfirm'],
          message: 'validation.password.confirm',
        });
      }
    }
    if (v.destination === 'folder' && !v.folder) {
      ctx.addIssue({ code: 'custom', path: ['folder'], message: 'validation.required' });
    }
  }, ALWAYS);
export type BundleExportForm = z.input<typeof bundleExportForm>;

export const bundleExportRow = z.object({
  id: z.string(),
  version: z.number().int(),
  period: z.string(),
  revision: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  previousSha256: z.string().nullable(),
  size: z.number().int(),
  lock: z.enum(LOCK_MODES),
  /** Fingerprints of the Dinkes keys it was encrypted to. */
  recipients: z.array(z.string()),
  signerKeyId: z.string(),
  counts: z.record(z.string(), z.number().int()),
  records: z.number().int(),
  since: z.string().nullable(),
  until: z.string(),
  /** The folder it was saved to, or null when it was downloaded. */
  savedTo: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type BundleExportRow = z.infer<typeof bundleExportRow>;

export const bundleExportResult = z.object({
  export: bundleExportRow,
  /** The saved file (when saved to a folder). */
  path: z.string().nullable(),
  /** The file itself (when `destination` is `download`). */
  download: fileDownload.nullable(),
  /** Warnings of the pre-flight check the clerk went ahead with. */
  warnings: z.array(z.string()),
});
export type BundleExportResult = z.infer<typeof bundleExportResult>;

// ---------------------------------------------------------------------------------------------
// Import (Dinkes)

/** A bundle file read by the page (drag and drop, file input): name and bytes. */
export const importFile = z.object({
  name: z.string().trim().min(1).max(255),
  base64: z.string().max(45_000_000),
});

export const IMPORT_OUTCOMES = [
  /** Applied: the first bundle of that period. */
  'applied',
  /** Applied: a newer revision replaced the older one for that period. */
  'replaced',
  /** The same bundle again: nothing changed. */
  'duplicate',
  /** Refused: an older revision than the one in force. */
  'older',
  /** Refused: the same revision with other content. */
  'conflict',
  /** Waiting: signed by a puskesmas key not registered yet (confirm the fingerprint). */
  'unknownSigner',
  /** Waiting: locked with a passphrase (no Dinkes key), enter it. */
  'needsPassphrase',
  /** Refused: damaged, tampered, wrong key, unknown format… (the message says which). */
  'refused',
] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const importResult = z.object({
  fileName: z.string(),
  outcome: z.enum(IMPORT_OUTCOMES),
  message: z.string(),
  /** The stable code of a refusal (`BUNDLE_CORRUPT`, `REVISION_OLDER`, …), null otherwise. */
  code: z.string().nullable(),
  kode: z.string().nullable(),
  puskesmasName: z.string().nullable(),
  period: z.string().nullable(),
  revision: z.number().int().nullable(),
  records: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Things to know that did not stop the import (e.g. a missing earlier bundle). */
  warnings: z.array(z.string()),
});
export type ImportResultDto = z.infer<typeof importResult>;

/** A puskesmas key waiting for the officer to compare its fingerprint (by phone). */
export const pendingSigner = z.object({
  pendingId: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  kode: z.string(),
  name: z.string(),
  /** Bundles held until the key is confirmed. */
  files: z.array(
    z.object({ fileName: z.string(), period: z.string(), revision: z.number().int() }),
  ),
  /** The key registered for this puskesmas until now, when it is a change of key. */
  previous: z.object({ keyId: z.string(), fingerprint: z.string() }).nullable(),
});
export type PendingSigner = z.infer<typeof pendingSigner>;

export const importSummary = z.object({
  results: z.array(importResult),
  pending: z.array(pendingSigner),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const puskesmasRow = z.object({
  id: z.string(),
  kode: z.string(),
  name: z.string(),
  codes: z.record(z.string(), z.string()),
  keyId: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  confirmedAt: z.string(),
  confirmedBy: z.string().nullable(),
  bundles: z.number().int(),
  records: z.number().int(),
  lastPeriod: z.string().nullable(),
  lastRevision: z.number().int().nullable(),
  lastReceivedAt: z.string().nullable(),
});
export type PuskesmasRow = z.infer<typeof puskesmasRow>;

export const importRow = z.object({
  id: z.string(),
  kode: z.string(),
  puskesmasName: z.string(),
  period: z.string(),
  revision: z.number().int(),
  sha256: z.string(),
  previousSha256: z.string().nullable(),
  /** The previous bundle of this puskesmas (by the chain in the signed manifest) was received. */
  chainComplete: z.boolean(),
  fileName: z.string(),
  receivedAt: z.string(),
  status: z.enum(['applied', 'superseded']),
  records: z.number().int(),
  changed: z.number().int(),
});
export type ImportRow = z.infer<typeof importRow>;

export const COMPLETENESS_STATUSES = [
  'before',
  'open',
  'notDue',
  'missing',
  'received',
  'late',
] as const;

export const completenessCell = z.object({
  period: z.string(),
  status: z.enum(COMPLETENESS_STATUSES),
  revised: z.boolean(),
  revision: z.number().int().nullable(),
  firstReceivedAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
});
export type CompletenessCellDto = z.infer<typeof completenessCell>;

export const completenessMatrix = z.object({
  year: z.number().int(),
  lateDay: z.number().int(),
  today: z.string(),
  periods: z.array(z.string()),
  rows: z.array(
    z.object({
      puskesmasId: z.string(),
      kode: z.string(),
      name: z.string(),
      cells: z.array(completenessCell),
    }),
  ),
});
export type CompletenessMatrix = z.infer<typeof completenessMatrix>;

export const RECAP_VIEWS = ['puskesmas', 'desa'] as const;
export type RecapView = (typeof RECAP_VIEWS)[number];

const recapValue = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  included: z.number().int(),
  excluded: z.number().int(),
});

export const recapRow = z.object({
  key: z.string(),
  label: z.string(),
  /** The puskesmas of a desa row (desa view). */
  sublabel: z.string().nullable(),
  target: z.number().nullable(),
  month: recapValue,
  ytd: recapValue,
  pctOfTarget: z.number().nullable(),
});
export type RecapRow = z.infer<typeof recapRow>;

export const recapIndicator = z.object({
  code: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
  cluster: z.string(),
  unit: z.enum(['count', 'percent']),
  goal: z.number().nullable(),
  rows: z.array(recapRow),
  total: recapRow,
  /** Puskesmas whose report says this indicator cannot be computed yet. */
  notComputable: z.array(z.string()),
});
export type RecapIndicator = z.infer<typeof recapIndicator>;

export const districtRecap = z.object({
  period: z.string(),
  view: z.enum(RECAP_VIEWS),
  clusters: z.array(z.string()),
  /** Puskesmas whose report for the period is in (latest revision each). */
  reporting: z.array(z.object({ kode: z.string(), name: z.string(), revision: z.number().int() })),
  /** Registered puskesmas without a report for the period. */
  missing: z.array(z.object({ kode: z.string(), name: z.string() })),
  /** Indicator definition versions the reports were computed with (more than one: warn). */
  definitions: z.array(z.string()),
  indicators: z.array(recapIndicator),
});
export type DistrictRecap = z.infer<typeof districtRecap>;

const taskId = z.string().min(1).max(80).optional();

export const bundleChannels = {
  // Keys (both modes)
  'keys.status': channel(noInput, keysStatus),
  'keys.createSigning': channel(keyPassphrasePair, keysStatus),
  'keys.addRecipient': channel(addRecipientInput, keysStatus),
  'keys.removeRecipient': channel(
    z.object({ recipient: z.string().min(1).max(200) }).strict(),
    keysStatus,
  ),
  'keys.createDinkes': channel(keyPassphrasePair, keysStatus),
  'keys.recipientFile': channel(noInput, fileDownload),
  'keys.unlock': channel(z.object({ keyPassphrase: givenPassphrase }).strict(), keysStatus),
  'keys.lock': channel(noInput, keysStatus),

  // Export (puskesmas)
  'bundle.preflight': channel(z.object({ period: periodSchema }).strict(), preflightResult),
  'bundle.export': channel(
    z.object({ form: bundleExportForm, taskId }).strict(),
    bundleExportResult,
  ),
  'bundle.cancel': channel(
    z.object({ taskId: z.string().min(1).max(80) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'bundle.pickFolder': channel(noInput, z.object({ dir: z.string().nullable() })),
  'bundle.history': channel(
    noInput,
    z.object({ rows: z.array(bundleExportRow), lastFolder: z.string().nullable() }),
  ),
  'bundle.acknowledge': channel(z.object({ id: recordId, version }).strict(), bundleExportRow),

  // Dinkes
  'dinkes.import': channel(
    z
      .object({
        files: z.array(importFile).max(500).default([]),
        /** A folder whose `.siklus` files are imported (typed, or from the folder picker). */
        folder: optionalText(1000),
        /** For bundles locked with a passphrase (puskesmas without a Dinkes key). */
        bundlePassphrase: z.string().max(200).optional(),
        taskId,
      })
      .strict()
      .refine((v) => v.files.length > 0 || v.folder !== null, {
        path: ['folder'],
        error: 'validation.import.nothing',
      }),
    importSummary,
  ),
  'dinkes.pending': channel(noInput, z.object({ pending: z.array(pendingSigner) })),
  'dinkes.confirmSigner': channel(
    z.object({ pendingId: z.string().min(1).max(80), taskId }).strict(),
    importSummary,
  ),
  'dinkes.discardPending': channel(
    z.object({ pendingId: z.string().min(1).max(80) }).strict(),
    z.object({ pending: z.array(pendingSigner) }),
  ),
  'dinkes.pickFolder': channel(noInput, z.object({ dir: z.string().nullable() })),
  'dinkes.puskesmas': channel(noInput, z.object({ rows: z.array(puskesmasRow) })),
  'dinkes.imports': channel(
    z.object({ puskesmasId: recordId.optional(), ...paging }).strict(),
    z.object({ rows: z.array(importRow), total: z.number().int() }),
  ),
  'dinkes.completeness': channel(
    z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    completenessMatrix,
  ),
  'dinkes.settings': channel(noInput, z.object({ lateDay: z.number().int() })),
  'dinkes.setSettings': channel(
    z.object({ lateDay: z.number().int().min(1).max(28) }).strict(),
    z.object({ lateDay: z.number().int() }),
  ),
  'dinkes.recap': channel(
    z.object({ period: periodSchema, view: z.enum(RECAP_VIEWS).default('puskesmas') }).strict(),
    districtRecap,
  ),
  'dinkes.recapXlsx': channel(
    z.object({ period: periodSchema, view: z.enum(RECAP_VIEWS).default('puskesmas') }).strict(),
    fileDownload,
  ),
};
