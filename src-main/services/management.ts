import type { ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { createJejaringService } from './jejaring';
import { createKaderService } from './kader';
import type { RegionsService } from './regions';
import { createSasaranService } from './sasaran';
import { createSdmService } from './sdm';
import type { WilayahService } from './wilayah';

/** Klaster 1 Manajemen: sasaran, the SDM register, kader and the jejaring. */
export function createManagementService(
  deps: ServiceDeps,
  facility: FacilityService,
  regions: RegionsService,
  wilayah: WilayahService,
) {
  return {
    sasaran: createSasaranService(deps, facility),
    sdm: createSdmService(deps, facility, regions),
    kader: createKaderService(deps, facility, regions),
    jejaring: createJejaringService(deps, facility, wilayah),
  };
}

export type ManagementService = ReturnType<typeof createManagementService>;
