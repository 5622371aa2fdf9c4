import { backup } from './areas/backup';
import { core } from './areas/core';
import { registry } from './areas/registry';

/**
 * Kamus Bahasa Indonesia: the source of every key, assembled from one file per area in
 * `areas/` (each area keeps its Indonesian and English side by side). Placeholders: `{name}`.
 */
export const id = {
  ...core.id,
  ...registry.id,
  ...backup.id,
} as const;

export type MessageKey = keyof typeof id;
