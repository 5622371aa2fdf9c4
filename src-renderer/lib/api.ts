import {
  AppError,
  type AppErrorShape,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type Result,
  type SiklusBridge,
} from '@shared/contract';
import { translate } from '@shared/i18n';
import { useUiStore } from '../stores/ui';

declare global {
  interface Window {
    siklus?: SiklusBridge;
  }
}

type Args<C extends Channel> =
  Record<string, never> extends ChannelInput<C>
    ? [input?: ChannelInput<C>]
    : [input: ChannelInput<C>];

function bridge(): SiklusBridge | null {
  return typeof window !== 'undefined' && window.siklus ? window.siklus : null;
}

let sessionProblem: ((error: AppErrorShape) => void) | null = null;

/**
 * Called when the main process says the session is gone or locked (idle lock, sign-out
 * elsewhere), so the app can show the lock or sign-in screen whatever screen asked.
 */
export function onSessionProblem(handler: (error: AppErrorShape) => void): () => void {
  sessionProblem = handler;
  return () => {
    if (sessionProblem === handler) sessionProblem = null;
  };
}

/** Call a channel and get its Result (errors are values). */
export async function invoke<C extends Channel>(
  channel: C,
  ...[input]: Args<C>
): Promise<Result<ChannelOutput<C>>> {
  const target = bridge();
  if (!target) {
    const locale = useUiStore.getState().locale;
    return {
      ok: false,
      error: { code: 'INTERNAL', message: translate(locale, 'error.TRANSPORT') },
    };
  }
  const result = (await target.invoke(channel, input ?? {})) as Result<ChannelOutput<C>>;
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth.')) {
    sessionProblem?.(result.error);
  }
  if (!result.ok && result.error.details?.mustChangePassword) sessionProblem?.(result.error);
  return result;
}

/** Call a channel and get its value, or throw the `AppError` it returned (for queries). */
export async function call<C extends Channel>(
  channel: C,
  ...args: Args<C>
): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, ...args);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/** Listen to a main-process event; returns the unsubscribe function. */
export function on<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const target = bridge();
  if (!target) return () => undefined;
  return target.on(event, (payload) => listener(payload as EventPayload<E>));
}

export const api = { invoke, call, on };
