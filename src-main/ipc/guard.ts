import {
  AppError,
  contract,
  isChannel,
  PARSE_OPTIONS,
  summariseIssues,
  toFieldIssues,
  type Result,
} from '@shared/contract';
import { translate } from '@shared/i18n';
import type { Logger } from '../log';
import type { Access, Handler, HandlerContext, HandlerRegistry } from './types';

/** How a transport vouches for the caller: the Electron frame URL or the harness token. */
export interface Caller {
  trusted: boolean;
}

export type Dispatch = (
  channel: unknown,
  input: unknown,
  caller: Caller,
) => Promise<Result<unknown>>;

function accessError(access: Access, ctx: HandlerContext): AppError | null {
  if (access === 'public') return null;
  if (!ctx.session) return AppError.of('UNAUTHENTICATED', ctx.locale, 'error.UNAUTHENTICATED');
  if (access === 'signedIn' || access.includes(ctx.session.role)) return null;
  return AppError.of('FORBIDDEN', ctx.locale, 'error.FORBIDDEN');
}

/**
 * The single entry point of every transport: checks the sender, the channel name, the input
 * (zod, Indonesian field messages), the caller's role, then runs the handler and checks its
 * output. Errors come back as values, never as exceptions.
 */
export function createDispatch(
  handlers: HandlerRegistry,
  context: () => HandlerContext,
  log: Logger,
): Dispatch {
  return async (channel, input, caller) => {
    const ctx = context();
    const fail = (error: AppError): Result<never> => ({ ok: false, error: error.toShape() });

    if (!caller.trusted) return fail(AppError.of('BAD_SENDER', ctx.locale, 'error.BAD_SENDER'));
    if (!isChannel(channel)) {
      log.warn('bridge: unknown channel refused', { channel: String(channel).slice(0, 80) });
      return fail(AppError.of('UNKNOWN_CHANNEL', ctx.locale, 'error.UNKNOWN_CHANNEL'));
    }

    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {}, PARSE_OPTIONS);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error.issues, ctx.locale);
      return fail(new AppError('INVALID_INPUT', summariseIssues(issues), { issues }));
    }

    const handler = handlers[channel] as Handler<typeof channel>;
    const denied = accessError(handler.access, ctx);
    if (denied) return fail(denied);

    try {
      const value = await handler.handle(parsed.data as never, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('bridge: handler output does not match the contract', {
          channel,
          issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
        });
        return fail(AppError.of('INTERNAL', ctx.locale, 'error.INTERNAL'));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      log.error('bridge: handler failed', {
        channel,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: translate(ctx.locale, 'error.INTERNAL') },
      };
    }
  };
}
