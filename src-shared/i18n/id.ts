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

/**
 * Kamus Bahasa Indonesia: the source of every key, assembled from one file per area in
 * `areas/` (each area keeps its Indonesian and English side by side). Placeholders: `{name}`.
 */
export const id = {
  ...core.id,
  ...registry.id,
  ...accounts.id,
  ...persons.id,
  ...wilayah.id,
  ...backup.id,
  ...maternal.id,
  ...child.id,
  ...adult.id,
  ...bundle.id,
  ...management.id,
  ...reportEngine.id,
} as const;

export type MessageKey = keyof typeof id;
