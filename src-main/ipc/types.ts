import type { Channel, ChannelOutput, ParsedInput, Role } from '@shared/contract';
import type { Locale } from '@shared/i18n';

/** Who may call a channel: anyone, any signed-in user, or only the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface Session {
  userId: string;
  role: Role;
}

export interface HandlerContext {
  session: Session | null;
  locale: Locale;
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
