import { createAccountsService } from './accounts';
import { createAppService, type AppFacts } from './app';
import { createBackupService } from './backup';
import { createChildService } from './child';
import { createBundleService, type MonthlyReportSource } from './bundle-service';
import type { ServiceDeps } from './context';
import { createFacilityService } from './facility';
import { createMaternalService } from './maternal';
import { createMaternalListsService } from './maternal-lists';
import { createManagementService } from './management';
import { createNakesService } from './nakes';
import { createReportService } from '../reports/service';
import { createPersonsService } from './persons';
import { createRegionsService } from './regions';
import { createSettingsService } from './settings';
import { createSetupService } from './setup';
import { createWilayahService } from './wilayah';
import { createAdultService } from './adult';

export type { Actor, ServiceDeps } from './context';

/** All use cases, built once per opened database. */
export function createServices(
  deps: ServiceDeps,
  facts: AppFacts,
  options: {
    /** Tests only: a report source the bundle export uses instead of the engine. */
    reportSource?: MonthlyReportSource;
    /** Report worker threads reading `facts.dbFile` (none: reports count on `deps.db`). */
    reportWorkers?: number;
  },
) {
  const settings = createSettingsService(deps);
  const regions = createRegionsService();
  const facility = createFacilityService(deps, regions);
  const wilayah = createWilayahService(deps, regions);
  const reports = createReportService(
    deps,
    facility,
    options.reportWorkers ? { workers: { file: facts.dbFile, count: options.reportWorkers } } : {},
  );
  return {
    settings,
    regions,
    facility,
    app: createAppService(facts, settings),
    accounts: createAccountsService(deps, facility),
    setup: createSetupService(deps, regions),
    wilayah,
    persons: createPersonsService(deps, regions, facility),
    backup: createBackupService(deps, facts),
    nakes: createNakesService(deps),
    ...maternalServices(deps, regions, facility),
    child: createChildService(deps, facility),
    adult: createAdultService(deps, facility),
    bundle: createBundleService(deps, facts, {
      facility,
      regions,
      reportSource: options.reportSource ?? {
        monthly: (period) => reports.forBundle(period),
      },
    }),
    management: createManagementService(deps, facility, regions, wilayah),
    reports,
  };
}

export type Services = ReturnType<typeof createServices>;

function maternalServices(
  deps: ServiceDeps,
  regions: ReturnType<typeof createRegionsService>,
  facility: ReturnType<typeof createFacilityService>,
) {
  const maternal = createMaternalService(deps, regions, facility);
  return { maternal, maternalLists: createMaternalListsService(deps, maternal, facility) };
}
