import { z } from 'zod';
import { LOCALES } from '../i18n';
import { channel, noInput } from './channel';

export const RUNTIMES = ['electron', 'harness', 'cli'] as const;
export const localeSchema = z.enum(LOCALES);

export const appInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  dbFile: z.string(),
  runtime: z.enum(RUNTIMES),
  locale: localeSchema,
});
export type AppInfo = z.infer<typeof appInfo>;

export const appChannels = {
  'app.info': channel(noInput, appInfo),
  'settings.setLocale': channel(
    z.object({ locale: localeSchema }).strict(),
    z.object({ locale: localeSchema }),
  ),
};
