import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_registry';
import { migration0003 } from './0003_nakes';
import { migration0004 } from './0004_maternal';
import { migration0005 } from './0005_child';
import { migration0006 } from './0006_adult';
import { migration0007 } from './0007_management';
import { migration0008 } from './0008_bundles';
import { migration0009 } from './0009_report_indexes';
import { migration0010 } from './0010_adult_report_indexes';
import { migration0011 } from './0011_export_indexes';
import { migration0012 } from './0012_adult_patient_person';
import { migration0013 } from './0013_received_record_rowid';
import { migration0014 } from './0014_received_file';
import { migration0015 } from './0015_person_live_birth_desa';
import { migration0016 } from './0016_adult_kontrol_person_report';
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
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
