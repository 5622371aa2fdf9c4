import { z } from 'zod';
import { POSYANDU_STRATA } from '../domain/management/jejaring';
import { channel, noInput } from './channel';
import { villageCode } from './facility';
import { optionalCode, optionalText, recordId, requiredText, version } from './fields';
import { fileDownload } from './files';

export const VILLAGE_KINDS = ['desa', 'kelurahan', 'desa_adat'] as const;

export const desaRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(VILLAGE_KINDS),
  districtCode: z.string(),
  districtName: z.string(),
  rtCount: z.number().nullable(),
  rwCount: z.number().nullable(),
  dusun: z.array(z.string()),
  version: z.number(),
  personCount: z.number(),
});
export type DesaRow = z.infer<typeof desaRow>;

/** Weekdays 1 = Senin … 7 = Minggu (ISO). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const posyanduInput = z.object({
  name: requiredText(120),
  desaId: recordId,
  rw: optionalText(10),
  dusun: optionalText(80),
  /** Week of the month the session is held (1–5), or null when every week. */
  scheduleWeek: z
    .number()
    .int()
    .min(1)
    .max(5)
    .nullish()
    .transform((v) => v ?? null),
  scheduleWeekday: z
    .number()
    .int()
    .min(1)
    .max(7)
    .nullish()
    .transform((v) => v ?? null),
  /** Kode posyandu (Dinkes/Kemenkes), if any. */
  kode: optionalCode,
  stratum: z
    .enum(POSYANDU_STRATA)
    .nullish()
    .transform((v) => v ?? null),
  /** Already runs as a Posyandu ILP (every life stage, not only balita). */
  ilp: z.boolean().default(false),
  /** The Pustu that supervises it (the jejaring: Puskesmas → Pustu → Posyandu). */
  pustuId: recordId.nullish().transform((v) => v ?? null),
});

export const posyanduRow = z.object({
  id: z.string(),
  name: z.string(),
  desaId: z.string(),
  desaName: z.string(),
  rw: z.string().nullable(),
  dusun: z.string().nullable(),
  scheduleWeek: z.number().nullable(),
  scheduleWeekday: z.number().nullable(),
  kode: z.string().nullable(),
  stratum: z.enum(POSYANDU_STRATA).nullable(),
  ilp: z.boolean(),
  pustuId: z.string().nullable(),
  pustuName: z.string().nullable(),
  version: z.number(),
  active: z.boolean(),
});
export type PosyanduRow = z.infer<typeof posyanduRow>;

const count = z
  .number()
  .int()
  .min(0)
  .max(999)
  .nullish()
  .transform((v) => v ?? null);

export const wilayahChannels = {
  'desa.list': channel(noInput, z.array(desaRow)),
  'desa.update': channel(
    z
      .object({
        id: recordId,
        version,
        rtCount: count,
        rwCount: count,
        dusun: z.array(requiredText(80)).max(60),
      })
      .strict(),
    desaRow,
  ),
  'desa.add': channel(
    z.object({ codes: z.array(villageCode).min(1).max(50) }).strict(),
    z.array(desaRow),
  ),
  'posyandu.list': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(posyanduRow),
  ),
  'posyandu.create': channel(posyanduInput.strict(), posyanduRow),
  'posyandu.update': channel(
    posyanduInput.extend({ id: recordId, version, active: z.boolean() }).strict(),
    posyanduRow,
  ),
  'posyandu.export': channel(noInput, fileDownload),
  'posyandu.import': channel(
    z.object({ fileName: requiredText(200), base64: z.string().min(1).max(28_000_000) }).strict(),
    z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  ),
};
