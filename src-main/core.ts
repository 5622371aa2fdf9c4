import { EventEmitter } from 'node:events';
import { uuidv7 } from 'uuidv7';
import type { AppInfo, EventName, EventPayload } from '@shared/contract';
import { openDatabase, type Database } from './db/connection';
import { createDispatch, type Dispatch } from './ipc/guard';
import { createHandlers } from './ipc/registry';
import type { Session } from './ipc/types';
import { consoleLogger, type Logger } from './log';
import { dataPaths, type DataPaths } from './paths';
import { createServices, type Services } from './services';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  appVersion?: string;
  now?: () => Date;
  log?: Logger;
  /** New record ids; UUIDv7 by default (demo data passes a seeded generator). */
  newId?: () => string;
}

export type EventListener = (event: EventName, payload: EventPayload<EventName>) => void;

/**
 * Siklus without a window: the opened database, the services and the guarded handler registry.
 * Electron, the browser harness and the CLI each mount this same core.
 */
export interface Core {
  readonly paths: DataPaths;
  readonly database: Database;
  readonly services: Services;
  readonly dispatch: Dispatch;
  session: Session | null;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const paths = dataPaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLogger;
  const appVersion = options.appVersion ?? APP_VERSION;
  const database = await openDatabase({
    file: paths.database,
    backupDir: paths.backups,
    appVersion,
    now,
  });
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
  );
  await services.settings.load();
  const emitter = new EventEmitter();

  const core: Core = {
    paths,
    database,
    services,
    session: null,
    dispatch: (channel, input, caller) => dispatch(channel, input, caller),
    emit: (event, payload) => emitter.emit('event', event, payload),
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    close: () => database.close(),
  };
  const nowMs = () => now().getTime();
  const dispatch = createDispatch(
    createHandlers(services, nowMs),
    {
      get: () => core.session,
      set: (session) => {
        core.session = session;
      },
      locale: () => services.settings.locale(),
      idleLockMinutes: () => services.settings.idleLockMinutes(),
      nowMs,
    },
    log,
  );
  return core;
}
