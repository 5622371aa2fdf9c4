import { z } from 'zod';
import { KLASTERS, PROFESSIONS } from '../domain/codes/service';
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  FKTP_KINDS,
  KADER_LEVELS,
  KADER_SKILL_CODES,
  SASARAN_GROUPS,
  SASARAN_MAX,
  SASARAN_SOURCES,
  SHARE_GROUPS,
  type SasaranGroup,
  type ShareGroup,
} from '../domain/management';
import { channel, noInput } from './channel';
import {
  ALWAYS,
  isoDate,
  optionalCode,
  optionalPhone,
  optionalText,
  recordId,
  requiredText,
  sexSchema,
  version,
} from './fields';
import { fileDownload } from './files';

/* ------------------------------------------------------------------ shared */

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

const digits16 = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.replace(/\s+/g, '') : null))
  .refine((v) => v === null || /^\d{16}$/.test(v), { error: 'validation.nik.digits' });

const optionalDate = nullish(isoDate);

/** A spreadsheet the page uploads (XLSX, or CSV for sasaran), base64 for the bridge. */
export const uploadedFile = {
  fileName: requiredText(200),
  /** ~20 MB of file; a kabupaten's sasaran sheet is a few kB. */
  base64: z.string().min(1).max(28_000_000),
};

/** One refused cell of an imported file: nothing of the file is saved while any remain. */
export const cellError = z.object({
  /** Spreadsheet reference, e.g. `D7` (CSV: the same letters and line numbers). */
  cell: z.string(),
  row: z.number(),
  /** Column header (human). */
  column: z.string(),
  /** What the row is about (desa, person), to find it quickly. */
  rowLabel: z.string().nullable(),
  message: z.string(),
});
export type CellError = z.infer<typeof cellError>;
export const cellErrors = z.array(cellError);

export const listImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type ImportResult = z.infer<typeof listImportResult>;

/* ----------------------------------------------------------------- sasaran */

export const sasaranYear = z.number().int().min(2000).max(2100);
export const sasaranCount = z.number().int().min(0).max(SASARAN_MAX);
const groupSchema = z.enum(SASARAN_GROUPS);

const basisValue = z.union([z.string(), z.number(), z.null()]);

export const sasaranCell = z.object({
  value: z.number(),
  source: z.enum(SASARAN_SOURCES),
  version: z.number(),
  /** How the value was obtained (constants revision and population, file name, total…). */
  basis: z.record(z.string(), basisValue).nullable(),
  updatedAt: z.string(),
});
export type SasaranCell = z.infer<typeof sasaranCell>;

export const sasaranDesaRow = z.object({
  desaId: z.string(),
  code: z.string(),
  name: z.string(),
  /** Living persons of the desa in the registry (a fallback base for estimates). */
  registered: z.number(),
  cells: z.partialRecord(groupSchema, sasaranCell),
});
export type SasaranDesaRow = z.infer<typeof sasaranDesaRow>;

export const sasaranTable = z.object({
  year: z.number(),
  rows: z.array(sasaranDesaRow),
  /** Sum over desa with a value; absent when no desa has one. */
  totals: z.partialRecord(groupSchema, z.number()),
  /** Revision of the estimate constants in force for the year (0 = the shipped defaults). */
  constantsRevision: z.number(),
  /** Years that have targets, newest first (for "copy from"). */
  years: z.array(z.number()),
});
export type SasaranTable = z.infer<typeof sasaranTable>;

const nullableCount = sasaranCount.nullable().optional();
const groupValues = z
  .object(
    Object.fromEntries(SASARAN_GROUPS.map((g) => [g, nullableCount])) as Record<
      SasaranGroup,
      typeof nullableCount
    >,
  )
  .strict();

/** The typed targets of one desa: a number sets, `null` clears, a missing key keeps. */
export const sasaranSaveInput = z
  .object({
    year: sasaranYear,
    desaId: recordId,
    values: groupValues,
    /** The version of each stored target the clerk saw (stale → CONFLICT). */
    versions: z.partialRecord(groupSchema, version).default({}),
  })
  .strict();
export type SasaranSaveInput = z.input<typeof sasaranSaveInput>;

const percent = z.number().min(0).max(100);
const perMille = z.number().min(0).max(1000);

export const sasaranConstantsValues = z
  .object({
    cbrPerMille: z.number().min(1).max(60),
    bumilFactor: z.number().min(1).max(1.5),
    bulinFactor: z.number().min(1).max(1.5),
    imrPerMille: z.number().min(0).max(200),
    percent: z
      .object(
        Object.fromEntries(SHARE_GROUPS.map((g) => [g, percent])) as Record<
          ShareGroup,
          typeof percent
        >,
      )
      .strict(),
    htPrevalencePercent: percent,
    dmPrevalencePercent: percent,
    odgjBeratPerMille: perMille,
    tbIncidencePer100k: z.number().min(0).max(5000),
    tbPresumptiveMultiplier: z.number().min(0).max(50),
    hivKeyPopulationPerMille: perMille,
  })
  .strict()
  .superRefine((v, ctx) => {
    const p = v.percent as Partial<Record<ShareGroup, number>> | undefined;
    if (!p) return;
    const n = (x: number | undefined) => (typeof x === 'number' ? x : null);
    const [baduta, balita, pus, wus, produktif, lansia] = [
      n(p.baduta),
      n(p.balita),
      n(p.pus),
      n(p.wus),
      n(p.produktif),
      n(p.lansia),
    ];
    if (baduta !== null && balita !== null && baduta > balita) {
      ctx.addIssue({
        code: 'custom',
        path: ['percent', 'baduta'],
        message: 'validation.badutaBalita',
      });
    }
    if (pus !== null && wus !== null && pus > wus) {
      ctx.addIssue({ code: 'custom', path: ['percent', 'pus'], message: 'validation.pusWus' });
    }
    if (produktif !== null && lansia !== null && produktif + lansia > 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['percent', 'lansia'],
        message: 'validation.adultShare',
      });
    }
  }, ALWAYS);
export type SasaranConstantsValues = z.infer<typeof sasaranConstantsValues>;

export const sasaranConstantsInfo = z.object({
  year: z.number(),
  /** 0 = the shipped defaults (no revision saved for the year). */
  revision: z.number(),
  baseSetId: z.string(),
  values: sasaranConstantsValues,
  note: z.string().nullable(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  defaults: sasaranConstantsValues,
  defaultsSource: z.string(),
  history: z.array(
    z.object({
      revision: z.number(),
      savedAt: z.string(),
      savedBy: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type SasaranConstantsInfo = z.infer<typeof sasaranConstantsInfo>;

export const PENDUDUK_SOURCES = ['sasaran', 'registri', 'ketik'] as const;
export const SPLIT_BASES = ['penduduk', 'registri'] as const;

/* ------------------------------------------------------------------- nakes */

export const nakesInput = z
  .object({
    name: requiredText(120),
    nik: digits16,
    nip: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v.replace(/\s+/g, '') : null))
      .refine((v) => v === null || /^\d{18}$/.test(v), { error: 'validation.nip.digits' }),
    sex: sexSchema,
    birthDate: optionalDate,
    phone: optionalPhone,
    profession: z.enum(PROFESSIONS),
    employmentStatus: nullish(z.enum(EMPLOYMENT_STATUSES)),
    education: nullish(z.enum(EDUCATION_LEVELS)),
    strNumber: optionalText(60),
    strExpiry: optionalDate,
    /** STR valid for life (UU 17/2023): no expiry date. */
    strLifetime: z.boolean().default(false),
    sipNumber: optionalText(60),
    sipExpiry: optionalDate,
    klaster: nullish(z.enum(KLASTERS)),
    isPjKlaster: z.boolean().default(false),
    satusehatId: optionalCode,
    pustuId: nullish(recordId),
    active: z.boolean().default(true),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.strNumber && !v.strLifetime && !v.strExpiry) issue('strExpiry', 'validation.str.expiry');
    if (!v.strNumber && (v.strExpiry || v.strLifetime)) issue('strNumber', 'validation.required');
    if (v.sipNumber && !v.sipExpiry) issue('sipExpiry', 'validation.required');
    if (!v.sipNumber && v.sipExpiry) issue('sipNumber', 'validation.required');
    if (v.isPjKlaster && !v.klaster) issue('klaster', 'validation.pj.klaster');
  }, ALWAYS);
export type NakesInput = z.input<typeof nakesInput>;

export const nakesRow = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  nik: z.string().nullable(),
  nip: z.string().nullable(),
  sex: sexSchema.nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  strNumber: z.string().nullable(),
  strExpiry: z.string().nullable(),
  strLifetime: z.boolean(),
  sipNumber: z.string().nullable(),
  sipExpiry: z.string().nullable(),
  klaster: z.enum(KLASTERS).nullable(),
  isPjKlaster: z.boolean(),
  satusehatId: z.string().nullable(),
  pustuId: z.string().nullable(),
  pustuName: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
});
export type NakesRow = z.infer<typeof nakesRow>;

export const licenceAlert = z.object({
  nakesId: z.string(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  document: z.enum(['STR', 'SIP']),
  number: z.string(),
  expiry: z.string(),
  /** Negative when already expired. */
  daysLeft: z.number(),
  state: z.enum(['expiring', 'expired']),
});
export type LicenceAlert = z.infer<typeof licenceAlert>;

/* ------------------------------------------------------------------- kader */

export const kaderSkillEntry = z.object({
  code: z.string().refine((c) => KADER_SKILL_CODES.includes(c), { error: 'validation.choice' }),
  date: isoDate,
});

export const kaderTraining = z.object({
  name: requiredText(150),
  date: isoDate,
  organizer: optionalText(120),
});

export const kaderInput = z
  .object({
    name: requiredText(120),
    nik: digits16,
    sex: sexSchema,
    birthDate: optionalDate,
    phone: optionalPhone,
    desaId: recordId,
    posyanduId: nullish(recordId),
    level: nullish(z.enum(KADER_LEVELS)),
    skills: z.array(kaderSkillEntry).max(KADER_SKILL_CODES.length).default([]),
    trainings: z.array(kaderTraining).max(50).default([]),
    active: z.boolean().default(true),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    (Array.isArray(v.skills) ? v.skills : []).forEach((s, i) => {
      if (s && seen.has(s.code)) {
        ctx.addIssue({ code: 'custom', path: ['skills', i, 'code'], message: 'validation.twice' });
      }
      if (s) seen.add(s.code);
    });
  }, ALWAYS);
export type KaderInput = z.input<typeof kaderInput>;

export const kaderRow = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  nik: z.string().nullable(),
  sex: sexSchema,
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  desaId: z.string(),
  desaName: z.string(),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  level: z.enum(KADER_LEVELS).nullable(),
  skills: z.array(z.object({ code: z.string(), date: z.string() })),
  trainings: z.array(
    z.object({ name: z.string(), date: z.string(), organizer: z.string().nullable() }),
  ),
  active: z.boolean(),
  notes: z.string().nullable(),
});
export type KaderRow = z.infer<typeof kaderRow>;

/* ---------------------------------------------------------------- jejaring */

export const pustuInput = z
  .object({
    name: requiredText(120),
    desaId: recordId,
    kode: optionalCode,
    address: optionalText(300),
    phone: optionalPhone,
    latitude: nullish(z.number().min(-11.5).max(6.5)),
    longitude: nullish(z.number().min(94).max(141.5)),
    active: z.boolean().default(true),
    notes: optionalText(500),
    /** Tenaga kesehatan assigned to this Pustu (each nakes belongs to at most one). */
    staffIds: z.array(recordId).max(40).default([]),
  })
  .strict();
export type PustuInput = z.input<typeof pustuInput>;

export const pustuRow = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  desaId: z.string(),
  desaName: z.string(),
  kode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  staff: z.array(z.object({ id: z.string(), name: z.string(), profession: z.enum(PROFESSIONS) })),
  /** Professions an ILP Pustu should have and this one lacks (bidan, perawat). */
  staffGaps: z.array(z.enum(['bidan', 'perawat'])),
  posyanduCount: z.number(),
});
export type PustuRow = z.infer<typeof pustuRow>;

export const fktpInput = z
  .object({
    kind: z.enum(FKTP_KINDS),
    name: requiredText(150),
    desaId: nullish(recordId),
    address: optionalText(300),
    kode: optionalCode,
    ownerName: optionalText(120),
    phone: optionalPhone,
    /** Works with BPJS (JKN). */
    bpjs: z.boolean().default(false),
    /** Sends its service data to the puskesmas (to count residents served there). */
    sharesData: z.boolean().default(false),
    active: z.boolean().default(true),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.desaId && !v.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'validation.fktp.place' });
    }
  }, ALWAYS);
export type FktpInput = z.input<typeof fktpInput>;

export const fktpRow = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.enum(FKTP_KINDS),
  name: z.string(),
  desaId: z.string().nullable(),
  desaName: z.string().nullable(),
  address: z.string().nullable(),
  kode: z.string().nullable(),
  ownerName: z.string().nullable(),
  phone: z.string().nullable(),
  bpjs: z.boolean(),
  sharesData: z.boolean(),
  active: z.boolean(),
  notes: z.string().nullable(),
});
export type FktpRow = z.infer<typeof fktpRow>;

export const fktpOption = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(FKTP_KINDS),
  active: z.boolean(),
});
export type FktpOption = z.infer<typeof fktpOption>;

/* ---------------------------------------------------------------- channels */

const importInput = z.object(uploadedFile).strict();

/**
 * Klaster 1 Manajemen: sasaran per desa and year, the SDM register, kader, Pustu and other FKTP.
 * (Posyandu, extended with kode/stratum/ILP, stays with the wilayah channels.)
 */
export const managementChannels = {
  'sasaran.table': channel(z.object({ year: sasaranYear }).strict(), sasaranTable),
  'sasaran.save': channel(sasaranSaveInput, sasaranTable),
  'sasaran.estimate': channel(
    z
      .object({
        year: sasaranYear,
        items: z
          .array(
            z
              .object({
                desaId: recordId,
                penduduk: z.number().int().min(1).max(SASARAN_MAX),
                /** Where the population came from: the stored target, the registry, typed now. */
                pendudukSource: z.enum(PENDUDUK_SOURCES),
              })
              .strict(),
          )
          .min(1)
          .max(500),
        /** Replace targets already stored; otherwise only empty groups are filled. */
        overwrite: z.boolean().default(false),
      })
      .strict(),
    z.object({ written: z.number(), kept: z.number() }),
  ),
  'sasaran.split': channel(
    z
      .object({
        year: sasaranYear,
        group: groupSchema,
        total: sasaranCount,
        weightBasis: z.enum(SPLIT_BASES),
      })
      .strict(),
    z.object({ parts: z.array(z.object({ desaId: z.string(), value: z.number() })) }),
  ),
  'sasaran.copyYear': channel(
    z
      .object({
        fromYear: sasaranYear,
        toYear: sasaranYear,
        overwrite: z.boolean().default(false),
      })
      .strict()
      .refine((v) => v.fromYear !== v.toYear, { path: ['toYear'], error: 'validation.year.same' }),
    z.object({ copied: z.number(), kept: z.number() }),
  ),
  'sasaran.constants': channel(z.object({ year: sasaranYear }).strict(), sasaranConstantsInfo),
  'sasaran.setConstants': channel(
    z
      .object({ year: sasaranYear, values: sasaranConstantsValues, note: optionalText(300) })
      .strict(),
    sasaranConstantsInfo,
  ),
  'sasaran.export': channel(
    z.object({ year: sasaranYear, format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    fileDownload,
  ),
  'sasaran.import': channel(
    z.object({ year: sasaranYear, ...uploadedFile }).strict(),
    z.object({ desa: z.number(), cells: z.number(), changed: z.number() }),
  ),

  'nakes.list': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(nakesRow),
  ),
  'nakes.create': channel(z.object({ nakes: nakesInput }).strict(), nakesRow),
  'nakes.update': channel(
    z.object({ id: recordId, version, nakes: nakesInput }).strict(),
    nakesRow,
  ),
  'nakes.expiring': channel(
    z.object({ days: z.number().int().min(1).max(365).default(90) }).strict(),
    z.array(licenceAlert),
  ),
  'nakes.export': channel(noInput, fileDownload),
  'nakes.import': channel(importInput, listImportResult),

  'kader.list': channel(
    z
      .object({
        desaId: recordId.optional(),
        posyanduId: recordId.optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    z.array(kaderRow),
  ),
  'kader.create': channel(z.object({ kader: kaderInput }).strict(), kaderRow),
  'kader.update': channel(
    z.object({ id: recordId, version, kader: kaderInput }).strict(),
    kaderRow,
  ),
  'kader.export': channel(noInput, fileDownload),
  'kader.import': channel(importInput, listImportResult),

  'pustu.list': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(pustuRow),
  ),
  'pustu.create': channel(z.object({ pustu: pustuInput }).strict(), pustuRow),
  'pustu.update': channel(
    z.object({ id: recordId, version, pustu: pustuInput }).strict(),
    pustuRow,
  ),
  'pustu.export': channel(noInput, fileDownload),
  'pustu.import': channel(importInput, listImportResult),

  'fktp.list': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(fktpRow),
  ),
  /** The short list service forms pick "dilayani di FKTP lain" from. */
  'fktp.options': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(fktpOption),
  ),
  'fktp.create': channel(z.object({ fktp: fktpInput }).strict(), fktpRow),
  'fktp.update': channel(z.object({ id: recordId, version, fktp: fktpInput }).strict(), fktpRow),
  'fktp.export': channel(noInput, fileDownload),
  'fktp.import': channel(importInput, listImportResult),
};
