import type { AppInfo } from '@shared/contract';
import type { SettingsService } from './settings';

/** Facts fixed for the life of an opened database. */
export type AppFacts = Omit<AppInfo, 'locale'>;

export function createAppService(facts: AppFacts, settings: SettingsService) {
  return {
    info(): AppInfo {
      return { ...facts, locale: settings.locale() };
    },
  };
}
