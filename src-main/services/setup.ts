import { AppError, type ParsedInput } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { insertRecord } from '../db/records';
import { write, type ServiceDeps } from './context';
import { hashPassword } from './passwords';
import type { RegionsService } from './regions';

type SetupInput = ParsedInput<'setup.complete'>;

/**
 * The first-run setup: facility, wilayah kerja and the first administrator, written in one
 * transaction. Refused once a facility exists.
 */
export function createSetupService(deps: ServiceDeps, regions: RegionsService) {
  const { db } = deps;

  async function checkRegions(input: SetupInput, locale: Locale) {
    const { provinceCode, regencyCode, districtCode, mode } = input.facility;
    const unknown = (code: string) =>
      AppError.of('INVALID_INPUT', locale, 'error.region.unknown', { code });
    if (!(await regions.provinces()).some((p) => p.code === provinceCode))
      throw unknown(provinceCode);
    if (!(await regions.regencies(provinceCode)).some((r) => r.code === regencyCode))
      throw unknown(regencyCode);
    if (mode === 'puskesmas' && districtCode) {
      if (!(await regions.districts(regencyCode)).some((d) => d.code === districtCode))
        throw unknown(districtCode);
    }
    const villages = await regions.resolveVillages(input.villageCodes);
    if (villages.unknown[0]) throw unknown(villages.unknown[0]);
    return villages.found;
  }

  return {
    async complete(input: SetupInput, locale: Locale): Promise<string> {
      if (await db.selectFrom('facility').select('id').executeTakeFirst()) {
        throw AppError.of('FORBIDDEN', locale, 'error.setup.done');
      }
      const villages = input.facility.mode === 'puskesmas' ? await checkRegions(input, locale) : [];
      if (input.facility.mode === 'dinkes')
        await checkRegions({ ...input, villageCodes: [] }, locale);
      const passwordHash = await hashPassword(input.admin.password);
      const adminId = deps.newId();

      await write(deps, { userId: adminId, locale }, async (ctx) => {
        if (await ctx.trx.selectFrom('facility').select('id').executeTakeFirst()) {
          throw AppError.of('FORBIDDEN', locale, 'error.setup.done');
        }
        const f = input.facility;
        await insertRecord(ctx, 'facility', {
          mode: f.mode,
          name: f.name,
          kode_puskesmas: f.kodePuskesmas,
          kode_registrasi: f.kodeRegistrasi,
          kode_ppk_bpjs: f.kodePpkBpjs,
          satusehat_org_id: f.satusehatOrgId,
          province_code: f.provinceCode,
          regency_code: f.regencyCode,
          district_code: f.mode === 'puskesmas' ? f.districtCode : null,
          timezone: f.timezone,
          address: f.address,
          phone: f.phone,
          email: f.email,
        });
        for (const v of villages) {
          await insertRecord(ctx, 'desa', {
            code: v.code,
            name: v.name,
            kind: v.kind,
            district_code: v.districtCode,
            district_name: v.districtName,
            rt_count: null,
            rw_count: null,
          });
        }
        await insertRecord(ctx, 'app_user', {
          id: adminId,
          username: input.admin.username,
          full_name: input.admin.fullName,
          role: 'admin',
          password_hash: passwordHash,
          must_change_password: 0,
          disabled_at: null,
          locked_until: null,
          last_login_at: ctx.at,
        });
      });
      return adminId;
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
