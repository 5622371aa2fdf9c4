import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_registry';
import { migration0003 } from './0003_nakes';
import { migration0007 } from './0007_management';
import type { Migration } from './types';

export type { Migration };

/**
 * The static migration registry. A bundled app has no migration folder at run time, so every
 * migration is imported here, in order.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0007,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
