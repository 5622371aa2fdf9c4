import { z } from 'zod';
import { channel, noInput } from './channel';
import {
  ALWAYS,
  optionalCode,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
} from './fields';

export const FACILITY_MODES = ['puskesmas', 'dinkes'] as const;
export type FacilityMode = (typeof FACILITY_MODES)[number];

export const TIMEZONES = ['WIB', 'WITA', 'WIT'] as const;
export type Timezone = (typeof TIMEZONES)[number];
/** UTC offsets of the Indonesian time zones. */
export const TIMEZONE_OFFSETS: Record<Timezone, string> = {
  WIB: '+07:00',
  WITA: '+08:00',
  WIT: '+09:00',
};

const regionCode = (pattern: RegExp) => z.string().regex(pattern, { error: 'validation.choice' });
export const provinceCode = regionCode(/^\d{2}$/);
export const regencyCode = regionCode(/^\d{2}\.\d{2}$/);
export const districtCode = regionCode(/^\d{2}\.\d{2}\.\d{2}$/);
export const villageCode = regionCode(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);

export const facilityProfile = z.object({
  mode: z.enum(FACILITY_MODES),
  name: requiredText(120),
  kodePuskesmas: optionalCode,
  kodeRegistrasi: optionalCode,
  kodePpkBpjs: optionalCode,
  satusehatOrgId: optionalCode,
  provinceCode,
  regencyCode,
  /** Kecamatan of a puskesmas; a Dinkes has none. */
  districtCode: districtCode.nullish().transform((v) => v ?? null),
  timezone: z.enum(TIMEZONES),
  address: optionalText(300),
  phone: optionalPhone,
  email: optionalEmail,
});
export type FacilityProfileInput = z.input<typeof facilityProfile>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' });

export const newPassword = z.string().min(8, { error: 'validation.password.min' }).max(200);

export const firstAdmin = z
  .object({
    username,
    fullName: requiredText(120),
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'validation.password.confirm',
    ...ALWAYS,
  });

export const setupInput = z
  .object({
    facility: facilityProfile,
    /** Desa/kelurahan of the wilayah kerja (Kemendagri codes); empty for a Dinkes. */
    villageCodes: z.array(villageCode).max(200),
    admin: firstAdmin,
  })
  .superRefine((v, ctx) => {
    if (v.facility?.mode !== 'puskesmas') return;
    if (!v.facility.districtCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['facility', 'districtCode'],
        message: 'validation.required',
      });
    }
    if (!v.villageCodes || v.villageCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['villageCodes'], message: 'validation.villages.min' });
    }
  }, ALWAYS);
export type SetupInput = z.input<typeof setupInput>;

export const facilitySummary = z.object({
  id: z.string(),
  mode: z.enum(FACILITY_MODES),
  name: z.string(),
  kodePuskesmas: z.string().nullable(),
  kodeRegistrasi: z.string().nullable(),
  kodePpkBpjs: z.string().nullable(),
  satusehatOrgId: z.string().nullable(),
  provinceCode: z.string(),
  provinceName: z.string(),
  regencyCode: z.string(),
  regencyName: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  timezone: z.enum(TIMEZONES),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: z.number(),
});
export type FacilitySummary = z.infer<typeof facilitySummary>;

const area = z.object({ code: z.string(), name: z.string() });
const village = area.extend({ kind: z.enum(['desa', 'kelurahan', 'desa_adat']) });
export type Village = z.infer<typeof village>;

export const facilityChannels = {
  'facility.get': channel(noInput, facilitySummary),
  'regions.provinces': channel(noInput, z.array(area)),
  'regions.regencies': channel(z.object({ provinceCode }).strict(), z.array(area)),
  'regions.districts': channel(z.object({ regencyCode }).strict(), z.array(area)),
  'regions.villages': channel(z.object({ districtCode }).strict(), z.array(village)),
};
