import { z } from 'zod';
import { channel } from './channel';
import {
  ALWAYS,
  isoDate,
  optionalPhone,
  optionalText,
  paging,
  recordId,
  requiredText,
  sexSchema,
  version,
} from './fields';

const digits16 = (key: 'validation.nik.digits' | 'validation.kk.digits') =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/\s+/g, '') : null))
    .refine((v) => v === null || /^\d{16}$/.test(v), { error: key });

/** The person form: what the clerk types. */
export const personInput = z
  .object({
    /** Null when the person has no NIK yet (newborns: give the mother's NIK). */
    nik: digits16('validation.nik.digits'),
    nikIbu: digits16('validation.nik.digits'),
    noKk: digits16('validation.kk.digits'),
    name: requiredText(120),
    sex: sexSchema,
    birthDate: isoDate,
    birthDateEstimated: z.boolean().default(false),
    birthPlace: optionalText(80),
    /** A desa of the wilayah kerja, or null for "luar wilayah" with `outsideAddress`. */
    desaId: recordId.nullish().transform((v) => v ?? null),
    outsideAddress: optionalText(200),
    rt: optionalText(5),
    rw: optionalText(5),
    address: optionalText(300),
    phone: optionalPhone,
    bpjsNo: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v.replace(/\s+/g, '') : null))
      .refine((v) => v === null || /^\d{13}$/.test(v), { error: 'validation.bpjs.digits' }),
    posyanduId: recordId.nullish().transform((v) => v ?? null),
    notes: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    // A resident has a desa of the wilayah kerja, or lives outside it at a written address.
    if (v.desaId === null && !v.outsideAddress) {
      for (const path of ['desaId', 'outsideAddress']) {
        ctx.addIssue({ code: 'custom', path: [path], message: 'validation.outside.required' });
      }
    }
  }, ALWAYS);
export type PersonInput = z.input<typeof personInput>;

export const nikFinding = z.object({ code: z.string(), message: z.string() });

export const personDetail = z.object({
  id: z.string(),
  version: z.number(),
  nik: z.string().nullable(),
  nikIbu: z.string().nullable(),
  motherId: z.string().nullable(),
  noKk: z.string().nullable(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  birthPlace: z.string().nullable(),
  desaId: z.string().nullable(),
  desaName: z.string().nullable(),
  outsideAddress: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  bpjsNo: z.string().nullable(),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  notes: z.string().nullable(),
  deletedAt: z.string().nullable(),
  deleteReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const personRow = z.object({
  id: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  noKk: z.string().nullable(),
  sex: sexSchema,
  birthDate: z.string(),
  place: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  deleted: z.boolean(),
});
export type PersonRow = z.infer<typeof personRow>;

export const AGE_GROUPS = ['bayi', 'balita', 'remaja', 'produktif', 'lansia'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const similarPerson = personRow.extend({
  reason: z.enum(['nameBirthDate', 'nameBirthDateDesa']),
});

/** Saved, or not saved because similar persons exist that the clerk has not yet dismissed. */
export const personSaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), person: personDetail, warnings: z.array(nikFinding) }),
  z.object({ saved: z.literal(false), similar: z.array(similarPerson) }),
]);
export type PersonSaveResult = z.infer<typeof personSaveResult>;

export const personsChannels = {
  'persons.search': channel(
    z
      .object({
        q: z.string().max(100).default(''),
        desaId: z.union([recordId, z.literal('luar')]).optional(),
        sex: sexSchema.optional(),
        ageGroup: z.enum(AGE_GROUPS).optional(),
        deleted: z.boolean().default(false),
        ...paging,
      })
      .strict(),
    z.object({ rows: z.array(personRow), total: z.number() }),
  ),
  'persons.get': channel(z.object({ id: recordId }).strict(), personDetail),
  'persons.card': channel(
    z.object({ id: recordId }).strict(),
    z.object({
      person: personDetail,
      household: z.array(personRow),
      mother: personRow.nullable(),
      children: z.array(personRow),
    }),
  ),
  'persons.checkNik': channel(
    z
      .object({
        nik: z.string().max(40),
        sex: sexSchema.optional(),
        birthDate: isoDate.optional(),
        excludeId: recordId.optional(),
      })
      .strict(),
    z.object({
      description: z.string().nullable(),
      errors: z.array(nikFinding),
      warnings: z.array(nikFinding),
      existing: personRow.nullable(),
    }),
  ),
  'persons.create': channel(
    z.object({ person: personInput, confirmNotDuplicate: z.boolean().default(false) }).strict(),
    personSaveResult,
  ),
  'persons.update': channel(
    z
      .object({
        id: recordId,
        version,
        person: personInput,
        confirmNotDuplicate: z.boolean().default(false),
      })
      .strict(),
    personSaveResult,
  ),
  'persons.delete': channel(
    z.object({ id: recordId, version, reason: requiredText(300) }).strict(),
    personDetail,
  ),
  'persons.restore': channel(z.object({ id: recordId, version }).strict(), personDetail),
};
