import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/**
 * The monthly bundle: keys (admin), export and history (puskesmas), import and the Dinkes
 * screens. The unlocked Dinkes key belongs to the caller's session object, so it is gone after
 * a lock or a sign-out (the core also forgets it after every call).
 */
export function bundleHandlers(services: Services) {
  const { keys, exporter, importer, dinkes } = services.bundle;
  const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
  return defineHandlers({
    'keys.status': {
      access: 'signedIn',
      handle: (_input, ctx) => keys.status(ctx.session, ctx.locale),
    },
    'keys.createSigning': {
      access: ADMIN,
      handle: ({ keyPassphrase }, ctx) => keys.createSigning(ctx.actor, keyPassphrase),
    },
    'keys.addRecipient': {
      access: ADMIN,
      handle: ({ recipientText, label }, ctx) =>
        keys.addRecipients(ctx.actor, recipientText, label),
    },
    'keys.removeRecipient': {
      access: ADMIN,
      handle: ({ recipient }, ctx) => keys.removeRecipient(ctx.actor, recipient),
    },
    'keys.createDinkes': {
      access: ADMIN,
      handle: ({ keyPassphrase }, ctx) => keys.createDinkes(ctx.actor, keyPassphrase),
    },
    'keys.recipientFile': {
      access: 'signedIn',
      handle: (_input, ctx) => keys.recipientFile(ctx.locale),
    },
    'keys.unlock': {
      access: WRITERS,
      handle: ({ keyPassphrase }, ctx) => keys.unlock(ctx.session!, keyPassphrase, ctx.locale),
    },
    'keys.lock': {
      access: 'signedIn',
      handle: (_input, ctx) => {
        keys.lock();
        return keys.status(ctx.session, ctx.locale);
      },
    },

    'bundle.preflight': {
      access: 'signedIn',
      handle: ({ period }, ctx) => exporter.preflight(period, ctx.locale),
    },
    // Sending reports is the admin's job (role description); petugas record the data.
    'bundle.export': {
      access: ADMIN,
      handle: ({ form, taskId }, ctx) => exporter.export(ctx.actor, form, taskId),
    },
    'bundle.cancel': { access: 'signedIn', handle: ({ taskId }) => exporter.cancel(taskId) },
    'bundle.pickFolder': {
      access: ADMIN,
      handle: (_input, ctx) => exporter.pickFolder(ctx.locale),
    },
    'bundle.history': { access: 'signedIn', handle: (_input, ctx) => exporter.history(ctx.locale) },
    'bundle.acknowledge': {
      access: ADMIN,
      handle: ({ id, version }, ctx) => exporter.acknowledge(ctx.actor, id, version),
    },

    'dinkes.import': {
      access: WRITERS,
      handle: async ({ files, folder, bundlePassphrase, taskId }, ctx) => {
        const opts = {
          identity: keys.heldBy(ctx.session),
          bundlePassphrase: bundlePassphrase || undefined,
          taskId,
        };
        if (files.length > 0) {
          return importer.importFiles(
            ctx.actor,
            files.map((f) => ({ name: f.name, bytes: fromBase64(f.base64) })),
            opts,
          );
        }
        return importer.importFolder(ctx.actor, folder!, opts);
      },
    },
    'dinkes.pending': { access: 'signedIn', handle: () => importer.pending() },
    'dinkes.confirmSigner': {
      access: ADMIN,
      handle: ({ pendingId, taskId }, ctx) =>
        importer.confirmSigner(ctx.actor, pendingId, {
          identity: keys.heldBy(ctx.session),
          taskId,
        }),
    },
    'dinkes.discardPending': {
      access: WRITERS,
      handle: ({ pendingId }) => importer.discardPending(pendingId),
    },
    'dinkes.pickFolder': {
      access: WRITERS,
      handle: (_input, ctx) => exporter.pickFolder(ctx.locale),
    },
    'dinkes.puskesmas': {
      access: 'signedIn',
      handle: (_input, ctx) => dinkes.puskesmas(ctx.locale),
    },
    'dinkes.imports': {
      access: 'signedIn',
      handle: (input, ctx) => dinkes.imports(input, ctx.locale),
    },
    'dinkes.completeness': {
      access: 'signedIn',
      handle: ({ year }, ctx) => dinkes.completeness(year, ctx.locale),
    },
    'dinkes.settings': { access: 'signedIn', handle: (_input, ctx) => dinkes.settings(ctx.locale) },
    'dinkes.setSettings': {
      access: ADMIN,
      handle: ({ lateDay }, ctx) => dinkes.setSettings(ctx.actor, lateDay),
    },
    'dinkes.recap': {
      access: 'signedIn',
      handle: ({ period, view }, ctx) => dinkes.recap(period, view, ctx.locale),
    },
    'dinkes.recapXlsx': {
      access: 'signedIn',
      handle: ({ period, view }, ctx) => dinkes.recapXlsx(period, view, ctx.locale),
    },
  });
}
