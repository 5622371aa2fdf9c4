import {
  AppError,
  contract,
  isChannel,
  PARSE_OPTIONS,
  summariseIssues,
  toFieldIssues,
  type Result,
} from '@shared/contract';
import { translate, type Locale } from '@shared/i18n';
import type { Logger } from '../log';
import type { Access, Handler, HandlerRegistry, Session } from './types';

/** How a transport vouches for the caller: the Electron frame URL or the harness token. */
export interface Caller {
  trusted: boolean;
}

export type Dispatch = (
  channel: unknown,
  input: unknown,
  caller: Caller,
) => Promise<Result<unknown>>;

/** The caller's session and the clock, owned by the core (one session per window). */
export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  locale(): Locale;
  idleLockMinutes(): number;
  nowMs(): number;
}

function accessError(access: Access, session: Session | null, locale: Locale): AppError | null {
  if (access === 'public') return null;
  if (!session) return AppError.of('UNAUTHENTICATED', locale, 'error.UNAUTHENTICATED');
  if (session.locked) {
    return AppError.of('UNAUTHENTICATED', locale, 'error.session.locked', undefined, {
      locked: true,
    });
  }
  if (access === 'account') return null;
  if (session.mustChangePassword) {
    return AppError.of('FORBIDDEN', locale, 'error.password.mustChange', undefined, {
      mustChangePassword: true,
    });
  }
  if (access === 'signedIn' || access.includes(session.role)) return null;
  return AppError.of('FORBIDDEN', locale, 'error.FORBIDDEN');
}

/**
 * A write the disk refused: full (SQLite `SQLITE_FULL`, `ENOSPC`, `EDQUOT`) or read-only
 * (`SQLITE_READONLY*`, `EROFS`, `EACCES`/`EPERM` on a file). The clerk gets a message that says
 * what to do instead of "an error occurred"; nothing was saved (the transaction rolled back).
 */
export function storageProblem(error: unknown): 'full' | 'readonly' | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
      if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
      if ((code === 'EACCES' || code === 'EPERM') && (e as { path?: unknown }).path) {
        return 'readonly';
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The single entry point of every transport: checks the sender, the channel name, the input
 * (zod, Indonesian field messages), the session (idle lock) and the caller's role, then runs the
 * handler and checks its output. Errors come back as values, never as exceptions.
 */
export function createDispatch(
  handlers: HandlerRegistry,
  sessions: SessionStore,
  log: Logger,
): Dispatch {
  return async (channel, input, caller) => {
    const locale = sessions.locale();
    const fail = (error: AppError): Result<never> => ({ ok: false, error: error.toShape() });

    if (!caller.trusted) return fail(AppError.of('BAD_SENDER', locale, 'error.BAD_SENDER'));
    if (!isChannel(channel)) {
      log.warn('bridge: unknown channel refused', { channel: String(channel).slice(0, 80) });
      return fail(AppError.of('UNKNOWN_CHANNEL', locale, 'error.UNKNOWN_CHANNEL'));
    }

    // The idle lock is decided here, in the main process, not only by the page.
    const session = sessions.get();
    const now = sessions.nowMs();
    if (
      session &&
      !session.locked &&
      now - session.lastActivity > sessions.idleLockMinutes() * 60_000
    ) {
      session.locked = true;
      log.info('session locked after inactivity', { userId: session.userId });
    }

    const spec = contract[channel];
    let parsed;
    try {
      parsed = spec.input.safeParse(input ?? {}, PARSE_OPTIONS);
    } catch (error) {
      // A refinement that read a malformed value and threw: the input is invalid, not the app.
      log.warn('bridge: input schema threw while parsing', {
        channel,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return fail(AppError.of('INVALID_INPUT', locale, 'error.INVALID_INPUT'));
    }
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error.issues, locale);
      return fail(new AppError('INVALID_INPUT', summariseIssues(issues), { issues }));
    }

    const handler = handlers[channel] as Handler<typeof channel>;
    const denied = accessError(handler.access, session, locale);
    if (denied) return fail(denied);
    if (session && !session.locked) session.lastActivity = now;

    try {
      const value = await handler.handle(parsed.data as never, {
        session,
        locale,
        actor: { userId: session?.userId ?? null, locale },
        setSession: (next) => sessions.set(next),
      });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('bridge: handler output does not match the contract', {
          channel,
          issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
        });
        return fail(AppError.of('INTERNAL', locale, 'error.INTERNAL'));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      const storage = storageProblem(error);
      if (storage) {
        log.error('bridge: storage refused the write', { channel, storage, error: String(error) });
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: translate(locale, `error.storage.${storage}`),
            details: { storage },
          },
        };
      }
      log.error('bridge: handler failed', {
        channel,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: translate(locale, 'error.INTERNAL') },
      };
    }
  };
}
