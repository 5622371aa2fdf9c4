import type { Channel, ChannelOutput, ParsedInput, Role } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import type { Actor } from '../services/context';

/**
 * Who may call a channel:
 * - `public`: anyone, also before sign-in and on the lock screen;
 * - `account`: any signed-in, unlocked user, even one who must first change the password;
 * - `signedIn`: any signed-in, unlocked user with a usable password;
 * - a list of roles: only those roles.
 */
export type Access = 'public' | 'account' | 'signedIn' | readonly Role[];

export interface Session {
  userId: string;
  role: Role;
  mustChangePassword: boolean;
  locked: boolean;
  /** Milliseconds since epoch of the last call by this session (for the idle lock). */
  lastActivity: number;
}

export interface HandlerContext {
  session: Session | null;
  locale: Locale;
  /** The user and language to record with writes. */
  actor: Actor;
  /** Sign in, lock, unlock or sign out the caller. */
  setSession(session: Session | null): void;
}

export interface Handler<C extends Channel> {
  readonly access: Access;
  handle(input: ParsedInput<C>, ctx: HandlerContext): Promise<ChannelOutput<C>> | ChannelOutput<C>;
}

/** One handler per channel; `satisfies HandlerRegistry` makes a missing one a compile error. */
export type HandlerRegistry = { [C in Channel]: Handler<C> };

/** A slice of the registry for one area, checked channel by channel. */
export function defineHandlers<C extends Channel>(handlers: { [K in C]: Handler<K> }) {
  return handlers;
}

/** Roles that may write records (a pembaca only reads and reports). */
export const WRITERS = ['admin', 'petugas'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];
