import { backup } from './areas/backup';
import { core } from './areas/core';
import { registry } from './areas/registry';
import type { MessageKey } from './id';

/** English dictionary: every key of the Indonesian one (checked by the compiler). */
export const en: Record<MessageKey, string> = {
  ...core.en,
  ...registry.en,
  ...backup.en,
};
