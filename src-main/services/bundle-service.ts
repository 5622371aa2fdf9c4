import type { AppFacts } from './app';
import { createDinkesService } from './bundle-dinkes';
import { createBundleExportService, type MonthlyReportSource } from './bundle-export';
import { createBundleImportService } from './bundle-import';
import { createBundleKeysService, type KeyOwner } from './bundle-keys';
import { createBundleTasks, type BundleHost } from './bundle-tasks';
import type { ServiceDeps } from './context';
import type { FacilityService } from './facility';
import type { RegionsService } from './regions';

export type { BundleHost } from './bundle-tasks';
export type { MonthlyReportSource } from './bundle-export';

/**
 * The monthly bundle to Dinkes: keys, export (puskesmas), import and the Dinkes screens.
 * `reportSource` is the indicator engine (issue #8); while it is null, export refuses with
 * "Mesin laporan belum tersedia".
 */
export function createBundleService(
  deps: ServiceDeps,
  facts: AppFacts,
  wiring: {
    facility: FacilityService;
    regions: RegionsService;
    reportSource: MonthlyReportSource | null;
  },
) {
  let host: BundleHost | null = null;
  const tasks = createBundleTasks(() => host);
  const keys = createBundleKeysService(deps, facts, wiring.facility);
  return {
    keys,
    tasks,
    exporter: createBundleExportService(deps, facts, {
      facility: wiring.facility,
      regions: wiring.regions,
      tasks,
      host: () => host,
      reportSource: wiring.reportSource,
    }),
    importer: createBundleImportService(deps, facts, { facility: wiring.facility, tasks }),
    dinkes: createDinkesService(deps, wiring.facility),
    /** Called by the core once, right after the services are built. */
    attach(next: BundleHost): void {
      host = next;
    },
    /** Called by the core after every call: the Dinkes key follows its session. */
    sessionChanged(owner: KeyOwner | null): void {
      keys.sessionChanged(owner);
    },
  };
}

export type BundleService = ReturnType<typeof createBundleService>;
