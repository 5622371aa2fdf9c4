import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import type { Actor, ServiceDeps } from './context';

const LOCALE_KEY = 'ui.locale';

export function createSettingsService({ db, now }: ServiceDeps) {
  let locale: Locale = DEFAULT_LOCALE;

  async function read(key: string): Promise<unknown> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async function write(key: string, value: unknown, actor: Actor): Promise<void> {
    const at = now().toISOString();
    const json = JSON.stringify(value);
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      await trx
        .insertInto('settings')
        .values({ key, value: json, updated_at: at, updated_by: actor.userId })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: actor.userId }),
        )
        .execute();
      await writeAudit(trx, {
        at,
        userId: actor.userId,
        action: 'set',
        table: 'settings',
        rowId: key,
        changes: { value: [before ? (JSON.parse(before.value) as unknown) : null, value] },
      });
    });
  }

  return {
    /** Read the stored settings into memory; call once after opening the database. */
    async load(): Promise<void> {
      const stored = await read(LOCALE_KEY);
      locale = LOCALES.find((l) => l === stored) ?? DEFAULT_LOCALE;
    },
    /** The language of screens and messages. */
    locale(): Locale {
      return locale;
    },
    async setLocale(next: Locale, actor: Actor): Promise<Locale> {
      await write(LOCALE_KEY, next, actor);
      locale = next;
      return locale;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
