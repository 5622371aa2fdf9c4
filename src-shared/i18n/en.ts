import { accounts } from './areas/accounts';
import { backup } from './areas/backup';
import { maternal } from './areas/maternal';
import { child } from './areas/child';
import { bundle } from './areas/bundle';
import { core } from './areas/core';
import { management } from './areas/management';
import { persons } from './areas/persons';
import { registry } from './areas/registry';
import { wilayah } from './areas/wilayah';
import { reportEngine } from './areas/report-engine';
import { adult } from './areas/adult';
import type { MessageKey } from './id';

/** English dictionary: every key of the Indonesian one (checked by the compiler). */
export const en: Record<MessageKey, string> = {
  ...core.en,
  ...registry.en,
  ...accounts.en,
  ...persons.en,
  ...wilayah.en,
  ...backup.en,
  ...maternal.en,
  ...child.en,
  ...adult.en,
  ...bundle.en,
  ...management.en,
  ...reportEngine.en,
};
