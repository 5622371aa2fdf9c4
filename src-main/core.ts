import { EventEmitter } from 'node:events';
import { uuidv7 } from 'uuidv7';
import fs from 'node:fs';
import type {
  AppInfo,
  BackupRestored,
  EventName,
  EventPayload,
  RecoveryReason,
} from '@shared/contract';
import { AppError, isChannel } from '@shared/contract';
import { DEFAULT_LOCALE, translate, type MessageKey } from '@shared/i18n';
import {
  acquireLock,
  listStored,
  prepareRestore,
  removeRestoreLeftovers,
  swapInPrepared,
  toEntry,
  type DataLock,
  type StoredBackup,
} from './backup';
import {
  DatabaseCorruptError,
  openDatabase,
  readSchemaVersion,
  type Database,
} from './db/connection';
import { DatabaseTooNewError, DatabaseUnreadableError, MigrationFailedError } from './db/errors';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createDispatch, type Dispatch } from './ipc/guard';
import { RECOVERY_CHANNELS, recoveryHandlers, refusingHandlers } from './ipc/handlers/backup';
import { createHandlers } from './ipc/registry';
import type { HandlerRegistry, Session } from './ipc/types';
import { consoleLogger, createFileLogger, type FileLogger, type Logger } from './log';
import { dataPaths, type DataPaths } from './paths';
import { createServices, type Services } from './services';
import type { MonthlyReportSource } from './services/bundle-service';
import { createRecoveryService } from './services/backup';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  appVersion?: string;
  now?: () => Date;
  /** Where log lines are echoed besides the rotating files in `log/` (default: the console). */
  log?: Logger;
  /** New record ids; UUIDv7 by default (demo data passes a seeded generator). */
  newId?: () => string;
  /**
   * The automatic daily backup at start: in the background (default), awaited before
   * `createCore` returns, or off.
   */
  dailyBackup?: 'background' | 'await' | 'off';
  /**
   * Desktop only: restart the whole app after a restore (Electron: `app.relaunch()`). Without
   * it the core closes and reopens the data folder in place (browser harness, CLI, tests).
   */
  onRestored?: () => void;
  /** Desktop only: the system's folder dialog (second backup folder, bundle folders). */
  pickFolder?: () => Promise<string | null>;
  /**
   * Tests only: the indicator report source the bundle export uses instead of the wired one.
   * The desktop app never passes it.
   */
  reportSource?: MonthlyReportSource;
  /**
   * Worker threads that count a monthly report's sources side by side (`defaultReportWorkers()`
   * in the app, the CLI, the harness and the bench). None: reports count on the main connection.
   */
  reportWorkers?: number;
}

export type EventListener = (event: EventName, payload: EventPayload<EventName>) => void;

export type CoreMode = 'normal' | 'recovery' | 'restarting' | 'closed';

/** Why the database could not be opened (recovery mode). */
export interface RecoveryState {
  reason: RecoveryReason;
  error: string;
  schemaFound: number | null;
}

/**
 * Siklus without a window: the opened database, the services and the guarded handler registry.
 * Electron, the browser harness and the CLI each mount this same core.
 *
 * When the database cannot be opened (damaged, unreadable, written by a newer Siklus, a failed
 * migration) the core does not throw: it starts in recovery mode, where only `recovery.*` and
 * `app.info` answer. A restore closes the database, swaps the file and reopens (or, in
 * Electron, relaunches); the Core object stays the same, so transports keep their reference.
 */
export interface Core {
  readonly paths: DataPaths;
  readonly mode: CoreMode;
  /** Why the core is in recovery mode (null otherwise). */
  readonly recovery: RecoveryState | null;
  /** The open database (throws outside normal mode). */
  readonly database: Database;
  /** The services (throws outside normal mode). */
  readonly services: Services;
  readonly dispatch: Dispatch;
  /** The rotating log files in `log/`. */
  readonly log: FileLogger;
  session: Session | null;
  /** Settles when the start-up work (the daily backup) has finished. Never rejects. */
  readonly startup: Promise<void>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
  /** Close and open the data folder again (normal or recovery mode, whichever applies). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

type State =
  | { mode: 'normal'; database: Database; services: Services; dispatch: Dispatch }
  | { mode: 'recovery'; recovery: RecoveryState; dispatch: Dispatch }
  | { mode: 'restarting' | 'closed'; dispatch: Dispatch };

/** The database file is gone while backups of it exist. */
class DatabaseMissingError extends Error {
  constructor(readonly file: string) {
    super(
      `Basis data ${file} tidak ada, padahal folder cadangan berisi cadangan. ` +
        `Pulihkan cadangan terbaru agar data tidak hilang.`,
    );
    this.name = 'DatabaseMissingError';
  }
}

function describe(error: unknown): RecoveryState {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseMissingError) {
    return { reason: 'missing', error: message, schemaFound: null };
  }
  if (error instanceof DatabaseTooNewError) {
    return { reason: 'tooNew', error: message, schemaFound: error.found };
  }
  const code = (error as { code?: unknown }).code;
  const sqliteCode = typeof code === 'string' ? code : '';
  const reason: RecoveryReason =
    error instanceof DatabaseCorruptError ||
    sqliteCode.startsWith('SQLITE_CORRUPT') ||
    sqliteCode.startsWith('SQLITE_NOTADB')
      ? 'corrupt'
      : error instanceof DatabaseUnreadableError
        ? 'unreadable'
        : error instanceof MigrationFailedError
          ? 'migrationFailed'
          : 'openFailed';
  return { reason, error: message, schemaFound: null };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const paths = dataPaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  const appVersion = options.appVersion ?? APP_VERSION;
  const log = createFileLogger({ dir: paths.logs, echo: options.log ?? consoleLogger, now });
  const emitter = new EventEmitter();
  const nowMs = () => now().getTime();
  const lock: DataLock = acquireLock(paths.dir, options.runtime, now());
  let session: Session | null = null;
  let state: State;
  let startup: Promise<void> = Promise.resolve();
  let dailyTimer: NodeJS.Timeout | null = null;

  const sessions = (
    locale: () => ReturnType<Services['settings']['locale']>,
    idle: () => number,
  ) => ({
    get: () => session,
    set: (next: Session | null) => {
      session = next;
    },
    locale,
    idleLockMinutes: idle,
    nowMs,
  });
  /**
   * The dispatch outside normal mode: the sender is checked first as always, then any channel
   * not served in this mode is refused with RECOVERY_MODE before its input is even parsed.
   */
  const limitedDispatch = (
    handlers: HandlerRegistry,
    served: readonly string[],
    refusal: MessageKey,
  ) => {
    const guarded = createDispatch(
      handlers,
      sessions(
        () => DEFAULT_LOCALE,
        () => 15,
      ),
      log,
    );
    const dispatch: Dispatch = async (channel, input, caller) => {
      if (!caller.trusted || !isChannel(channel) || served.includes(channel)) {
        return guarded(channel, input, caller);
      }
      return {
        ok: false,
        error: { code: 'RECOVERY_MODE', message: translate(DEFAULT_LOCALE, refusal) },
      };
    };
    return dispatch;
  };

  let restoring = false;
  async function restore(stored: StoredBackup, passphrase: string | undefined) {
    if (restoring) throw AppError.of('CONFLICT', DEFAULT_LOCALE, 'error.backup.busy');
    restoring = true;
    try {
      return await restoreNow(stored, passphrase);
    } finally {
      restoring = false;
    }
  }

  async function restoreNow(stored: StoredBackup, passphrase: string | undefined) {
    const entry = toEntry(stored, LATEST_SCHEMA_VERSION);
    // Checked while the current database is still open: a bad backup changes nothing.
    const prepared = await prepareRestore(paths, stored, {
      passphrase,
      supportedSchema: LATEST_SCHEMA_VERSION,
    });
    const wasRecovery = state.mode === 'recovery';
    await shutDown('restarting');
    let keptAside: string | null;
    try {
      keptAside = swapInPrepared(
        paths,
        prepared,
        wasRecovery ? 'rusak' : 'sebelum-pemulihan',
        now(),
      );
    } catch (error) {
      log.error('restore: swapping the file failed', { error: String(error) });
      fs.rmSync(prepared, { force: true });
      state = await open();
      startDaily();
      throw error;
    }
    log.info('backup restored', { id: entry.id, kind: entry.kind, fromRecovery: wasRecovery });
    session = null;
    const result: BackupRestored = {
      restored: entry,
      keptAside,
      restart: options.onRestored ? 'relaunch' : 'reopened',
    };
    if (options.onRestored) {
      options.onRestored();
    } else {
      state = await open();
      startDaily();
    }
    return result;
  }

  async function open(): Promise<State> {
    let database: Database | undefined;
    removeRestoreLeftovers(paths);
    try {
      if (!fs.existsSync(paths.database) && listStored(paths.backups, 'utama').length > 0) {
        // Backups but no database: never start afresh over a clinic's data by accident.
        throw new DatabaseMissingError(paths.database);
      }
      database = await openDatabase({
        file: paths.database,
        backupDir: paths.backups,
        appVersion,
        now,
      });
      if (database.startCheck) log.info('database checked at start', database.startCheck);
      if (database.migration.from !== database.migration.to) {
        log.info('database migrated', { ...database.migration });
      }
      const services = createServices(
        { db: database.db, now, log, newId: options.newId ?? uuidv7 },
        {
          appVersion,
          schemaVersion: database.schemaVersion,
          dataDir: paths.dir,
          dbFile: paths.database,
          runtime: options.runtime,
        },
        {
          ...(options.reportSource ? { reportSource: options.reportSource } : {}),
          ...(options.reportWorkers ? { reportWorkers: options.reportWorkers } : {}),
        },
      );
      await services.settings.load();
      services.backup.attach({
        sqlite: database.sqlite,
        emit: (event, payload) => emitter.emit('event', event, payload),
        restore,
        ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
        logTail: (count) => log.tail(count, 'warn'),
        logDir: paths.logs,
      });
      services.bundle.attach({
        emit: (event, payload) => emitter.emit('event', event, payload),
        ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
      });
      const dispatch = createDispatch(
        createHandlers(services, nowMs),
        sessions(
          () => services.settings.locale(),
          () => services.settings.idleLockMinutes(),
        ),
        log,
      );
      log.info('database opened', {
        schemaVersion: database.schemaVersion,
        runtime: options.runtime,
        appVersion,
      });
      return { mode: 'normal', database, services, dispatch };
    } catch (error) {
      await database?.close().catch(() => undefined);
      const recovery = describe(error);
      if (recovery.schemaFound === null) {
        try {
          recovery.schemaFound = readSchemaVersion(paths.database);
        } catch {
          // unreadable: stays null
        }
      }
      log.error('database cannot be opened: recovery mode', {
        reason: recovery.reason,
        error: recovery.error,
      });
      const service = createRecoveryService({
        paths,
        appVersion,
        runtime: options.runtime,
        reason: recovery.reason,
        error: recovery.error,
        schemaFound: recovery.schemaFound,
        restore,
        logTail: (count) => log.tail(count, 'warn'),
      });
      const appInfo = (): AppInfo => ({
        appVersion,
        schemaVersion: recovery.schemaFound ?? 0,
        dataDir: paths.dir,
        dbFile: paths.database,
        runtime: options.runtime,
        locale: DEFAULT_LOCALE,
      });
      return {
        mode: 'recovery',
        recovery,
        dispatch: limitedDispatch(
          recoveryHandlers(service, appInfo),
          RECOVERY_CHANNELS,
          'error.RECOVERY_MODE',
        ),
      };
    }
  }

  /** Wait for running backups, then close the database; the state becomes `mode`. */
  async function shutDown(mode: 'restarting' | 'closed') {
    const previous = state;
    state = {
      mode,
      dispatch: limitedDispatch(
        refusingHandlers('error.backup.restarting'),
        [],
        'error.backup.restarting',
      ),
    };
    if (previous.mode === 'normal') {
      await previous.services.backup.idle();
      await previous.services.reports.close();
      await previous.database.close();
    }
  }

  function startDaily() {
    if (state.mode !== 'normal' || options.dailyBackup === 'off') return;
    const backup = state.services.backup;
    startup = backup
      .dailyIfDue()
      .then(() => undefined)
      .catch((error: unknown) => log.error('daily backup failed', { error: String(error) }));
    if (options.dailyBackup !== 'await' && !dailyTimer) {
      // A clinic PC may stay on for days: look again every hour.
      dailyTimer = setInterval(() => {
        if (state.mode === 'normal') {
          state.services.backup
            .dailyIfDue()
            .catch((error: unknown) => log.error('daily backup failed', { error: String(error) }));
        }
      }, 60 * 60_000);
      dailyTimer.unref();
    }
  }

  state = await open();
  startDaily();
  if (options.dailyBackup === 'await') await startup;

  const requireNormal = () => {
    if (state.mode !== 'normal') {
      throw new Error(`Siklus core is in ${state.mode} mode: the database is not open`);
    }
    return state;
  };

  const core: Core = {
    paths,
    log,
    get mode() {
      return state.mode;
    },
    get recovery() {
      return state.mode === 'recovery' ? state.recovery : null;
    },
    get database() {
      return requireNormal().database;
    },
    get services() {
      return requireNormal().services;
    },
    get session() {
      return session;
    },
    set session(next) {
      session = next;
    },
    get startup() {
      return startup;
    },
    async dispatch(channel, input, caller) {
      const started = Date.now();
      const result = await state.dispatch(channel, input, caller);
      // The unlocked Dinkes key follows its session: gone on lock and sign-out.
      if (state.mode === 'normal') state.services.bundle.sessionChanged(session);
      // Channel names and outcomes only: never the input or the output.
      log.info('call', {
        channel: typeof channel === 'string' ? channel.slice(0, 60) : typeof channel,
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
        ms: Date.now() - started,
      });
      return result;
    },
    emit: (event, payload) => emitter.emit('event', event, payload),
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async reopen() {
      await shutDown('restarting');
      session = null;
      state = await open();
      startDaily();
    },
    async close() {
      if (dailyTimer) clearInterval(dailyTimer);
      dailyTimer = null;
      await startup;
      await shutDown('closed');
      lock.release();
    },
  };
  return core;
}
