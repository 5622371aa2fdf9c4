import type { Kysely } from 'kysely';
import type { Locale } from '@shared/i18n';
import type { WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import type { Logger } from '../log';

/** What every service is built from. */
export interface ServiceDeps {
  db: Kysely<DB>;
  now: () => Date;
  log: Logger;
  /** New record ids: UUIDv7 (a seeded generator for demo data). */
  newId: () => string;
}

/** Who asks: the signed-in user (null before sign-in or for the CLI) and their language. */
export interface Actor {
  userId: string | null;
  locale: Locale;
}

/** The CLI and demo generator act as the system, in Indonesian. */
export const SYSTEM_ACTOR: Actor = { userId: null, locale: 'id' };

/**
 * Run `work` in one transaction: every row it writes and every audit row commit together, or
 * nothing does. Repositories inside must use `ctx.trx`, never the outer `db` (one connection:
 * that would deadlock).
 */
export function write<T>(
  deps: ServiceDeps,
  actor: Actor,
  work: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  const at = deps.now().toISOString();
  return deps.db
    .transaction()
    .execute((trx) =>
      work({ trx, at, userId: actor.userId, locale: actor.locale, newId: deps.newId }),
    );
}
