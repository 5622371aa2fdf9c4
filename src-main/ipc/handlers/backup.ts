import { AppError, CHANNELS, type AppInfo, type Channel } from '@shared/contract';
import type { MessageKey } from '@shared/i18n';
import type { Services } from '../../services';
import type { RecoveryService } from '../../services/backup';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { ADMIN, defineHandlers, type Handler, type HandlerRegistry } from '../types';

const notInRecovery = (locale: Parameters<typeof AppError.of>[1]) =>
  AppError.of('RULE_VIOLATION', locale, 'error.backup.notRecovery');

/**
 * Backup channels in normal mode: admin only, except `system.info` (any signed-in user) and
 * `recovery.status` (public: the page asks it first to know which screen to show).
 */
export function backupHandlers(services: Services) {
  const { backup } = services;
  return defineHandlers({
    'backup.list': { access: ADMIN, handle: () => backup.list() },
    'backup.create': {
      access: ADMIN,
      handle: ({ taskId }, ctx) => backup.create(ctx.locale, taskId),
    },
    'backup.verify': {
      access: ADMIN,
      handle: ({ id, location, passphrase }, ctx) =>
        backup.verify(id, location, passphrase, ctx.locale),
    },
    'backup.restore': {
      access: ADMIN,
      handle: ({ id, location, passphrase }, ctx) =>
        backup.restore(id, location, passphrase, ctx.locale),
    },
    'backup.settings': { access: ADMIN, handle: () => backup.settings() },
    'backup.setSettings': {
      access: ADMIN,
      handle: (input, ctx) => backup.setSettings(input, ctx.actor),
    },
    'backup.pickSecondDir': {
      access: ADMIN,
      handle: (_input, ctx) => backup.pickSecondDir(ctx.locale),
    },
    'system.info': { access: 'signedIn', handle: () => backup.info() },

    'recovery.status': {
      access: 'public',
      handle: () => {
        const info = services.app.info();
        return {
          mode: 'normal' as const,
          reason: null,
          error: null,
          dataDir: info.dataDir,
          dbFile: info.dbFile,
          appVersion: info.appVersion,
          schemaFound: info.schemaVersion,
          schemaSupported: LATEST_SCHEMA_VERSION,
          canRestore: false,
        };
      },
    },
    'recovery.backups': {
      access: 'public',
      handle: (_input, ctx) => {
        throw notInRecovery(ctx.locale);
      },
    },
    'recovery.restore': {
      access: 'public',
      handle: (_input, ctx) => {
        throw notInRecovery(ctx.locale);
      },
    },
    'recovery.diagnostics': {
      access: 'public',
      handle: (_input, ctx) => {
        throw notInRecovery(ctx.locale);
      },
    },
    'recovery.inspect': {
      access: 'public',
      handle: (_input, ctx) => {
        throw notInRecovery(ctx.locale);
      },
    },
    'recovery.salvage': {
      access: 'public',
      handle: (_input, ctx) => {
        throw notInRecovery(ctx.locale);
      },
    },
  });
}

/** A registry in which every channel answers RECOVERY_MODE with the given message. */
export function refusingHandlers(message: MessageKey): HandlerRegistry {
  const refuse: Handler<Channel> = {
    access: 'public',
    handle: (_input, ctx) => {
      throw AppError.of('RECOVERY_MODE', ctx.locale, message);
    },
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, refuse])) as unknown as HandlerRegistry;
}

/** The channels that answer in recovery mode. */
export const RECOVERY_CHANNELS = [
  'app.info',
  'recovery.status',
  'recovery.backups',
  'recovery.restore',
  'recovery.diagnostics',
  'recovery.inspect',
  'recovery.salvage',
] as const satisfies readonly Channel[];

/**
 * Recovery mode: only `recovery.*` and `app.info` answer; every other channel is refused with
 * RECOVERY_MODE. The recovery channels are public (a damaged database has no user table):
 * they are reachable only from the app's own page on this machine (Electron frame check, or the
 * harness on 127.0.0.1 with its token), read or restore only the app's own backup folders, and
 * a restore moves the damaged file aside instead of deleting it.
 */
export function recoveryHandlers(
  recovery: RecoveryService,
  appInfo: () => AppInfo,
): HandlerRegistry {
  const handlers = defineHandlers({
    'app.info': { access: 'public', handle: () => appInfo() },
    'recovery.status': { access: 'public', handle: () => recovery.status() },
    'recovery.backups': { access: 'public', handle: () => recovery.backups() },
    'recovery.restore': {
      access: 'public',
      handle: (input, ctx) => recovery.restore(input, ctx.locale),
    },
    'recovery.diagnostics': { access: 'public', handle: () => recovery.diagnostics() },
    'recovery.inspect': { access: 'public', handle: () => recovery.inspect() },
    'recovery.salvage': { access: 'public', handle: (_input, ctx) => recovery.salvage(ctx.locale) },
  });
  return { ...refusingHandlers('error.RECOVERY_MODE'), ...handlers };
}
