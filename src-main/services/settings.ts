import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import { write, type Actor, type ServiceDeps } from './context';

const LOCALE_KEY = 'ui.locale';
const IDLE_KEY = 'auth.idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export function createSettingsService(deps: ServiceDeps) {
  const { db } = deps;
  let locale: Locale = DEFAULT_LOCALE;
  let idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;

  async function read(key: string): Promise<unknown> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async function store(key: string, value: unknown, actor: Actor): Promise<void> {
    const json = JSON.stringify(value);
    await write(deps, actor, async ({ trx, at }) => {
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
      const storedLocale = await read(LOCALE_KEY);
      locale = LOCALES.find((l) => l === storedLocale) ?? DEFAULT_LOCALE;
      const storedIdle = await read(IDLE_KEY);
      idleLockMinutes = typeof storedIdle === 'number' ? storedIdle : DEFAULT_IDLE_LOCK_MINUTES;
    },
    /** The language of screens and messages. */
    locale: (): Locale => locale,
    async setLocale(next: Locale, actor: Actor): Promise<Locale> {
      await store(LOCALE_KEY, next, actor);
      locale = next;
      return locale;
    },
    /** Minutes without activity after which the screen locks. */
    idleLockMinutes: (): number => idleLockMinutes,
    async setIdleLockMinutes(minutes: number, actor: Actor): Promise<void> {
      await store(IDLE_KEY, minutes, actor);
      idleLockMinutes = minutes;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
