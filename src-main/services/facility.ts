import { AppError, type FacilitySummary } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import type { ServiceDeps } from './context';
import type { RegionsService } from './regions';

export function createFacilityService({ db }: ServiceDeps, regions: RegionsService) {
  return {
    /** The registered facility, or null before the first-run setup. */
    async find(): Promise<FacilitySummary | null> {
      const row = await db
        .selectFrom('facility')
        .selectAll()
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        mode: row.mode,
        name: row.name,
        kodePuskesmas: row.kode_puskesmas,
        kodeRegistrasi: row.kode_registrasi,
        kodePpkBpjs: row.kode_ppk_bpjs,
        satusehatOrgId: row.satusehat_org_id,
        provinceCode: row.province_code,
        provinceName: (await regions.nameOf(row.province_code)) ?? row.province_code,
        regencyCode: row.regency_code,
        regencyName: (await regions.nameOf(row.regency_code)) ?? row.regency_code,
        districtCode: row.district_code,
        districtName: row.district_code
          ? ((await regions.nameOf(row.district_code)) ?? row.district_code)
          : null,
        timezone: row.timezone,
        address: row.address,
        phone: row.phone,
        email: row.email,
        version: row.version,
      };
    },
    async get(locale: Locale): Promise<FacilitySummary> {
      const facility = await this.find();
      if (!facility) throw AppError.of('NOT_FOUND', locale, 'error.setup.required');
      return facility;
    },
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;
