import type { Kysely } from 'kysely';
import type { Locale } from '@shared/i18n';
import type { DB } from '../db/schema';
import type { Logger } from '../log';

/** What every service is built from. */
export interface ServiceDeps {
  db: Kysely<DB>;
  now: () => Date;
  log: Logger;
}

/** Who asks: the signed-in user (null before sign-in or for the CLI) and their language. */
export interface Actor {
  userId: string | null;
  locale: Locale;
}
