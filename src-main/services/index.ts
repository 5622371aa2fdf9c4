import { createAccountsService } from './accounts';
import { createAppService, type AppFacts } from './app';
import { createBackupService } from './backup';
import type { ServiceDeps } from './context';
import { createFacilityService } from './facility';
import { createManagementService } from './management';
import { createNakesService } from './nakes';
import { createPersonsService } from './persons';
import { createRegionsService } from './regions';
import { createSettingsService } from './settings';
import { createSetupService } from './setup';
import { createWilayahService } from './wilayah';

export type { Actor, ServiceDeps } from './context';

/** All use cases, built once per opened database. */
export function createServices(deps: ServiceDeps, facts: AppFacts) {
  const settings = createSettingsService(deps);
  const regions = createRegionsService();
  const facility = createFacilityService(deps, regions);
  return {
    settings,
    regions,
    facility,
    app: createAppService(facts, settings),
    accounts: createAccountsService(deps, facility),
    setup: createSetupService(deps, regions),
    wilayah: createWilayahService(deps, regions),
    persons: createPersonsService(deps, regions, facility),
    backup: createBackupService(deps, facts),
    nakes: createNakesService(deps),
    management: createManagementService(
      deps,
      facility,
      regions,
      createWilayahService(deps, regions),
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
