import { z } from 'zod';
import { SERVICE_PLACES } from '../domain/codes/service';
import { DOSE_CODES } from '../domain/immunization/codes';
import { channel, noInput } from './channel';
import {
  ALWAYS,
  isoDate,
  optionalText,
  paging,
  recordId,
  requiredText,
  sexSchema,
  version,
} from './fields';
import { fileDownload } from './files';

/**
 * Klaster 2, children: growth measurements (with N/T and status gizi), immunisation with rule
 * breaks, Vitamin A, neonatal visits (KN), the posyandu session grid with SKDN, the sasaran
 * imunisasi list and the area's settings (KBM table, IDL set, JE).
 */

const optionalId = recordId.nullish().transform((v) => v ?? null);
const optionalNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? null);
const optionalBool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? null);
export const placeSchema = z.enum(SERVICE_PLACES);
export const positionSchema = z.enum(['L', 'H']);
export const doseCodeSchema = z.enum(DOSE_CODES);
export const capsuleSchema = z.enum(['blue', 'red']);
export const growthCodeSchema = z.enum(['N', 'T', '2T', 'O', 'B']);
const hhmm = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^([01]\d|2[0-3])[:.][0-5]\d$/.test(v), {
    error: 'child.validation.time',
  })
  .transform((v) => (v ? v.replace('.', ':') : null));
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'child.validation.month' });

/** A posyandu is named whenever the place is a posyandu. */
function posyanduWhenPlace(
  v: { place?: string | null; posyanduId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.place === 'posyandu' && !v.posyanduId) {
    ctx.addIssue({
      code: 'custom',
      path: ['posyanduId'],
      message: 'child.validation.posyanduRequired',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Growth measurement

export const growthInput = z
  .object({
    personId: recordId,
    measureDate: isoDate,
    place: placeSchema,
    posyanduId: optionalId,
    performerId: optionalId,
    weightKg: optionalNumber,
    lengthCm: optionalNumber,
    measured: positionSchema.nullish().transform((v) => v ?? null),
    headCm: optionalNumber,
    muacCm: optionalNumber,
    oedema: z.boolean().default(false),
    /** ASI eksklusif so far (asked 0–6 months). */
    asiEksklusif: optionalBool,
    notes: optionalText(500),
  })
  .superRefine(posyanduWhenPlace, ALWAYS);
export type GrowthInput = z.input<typeof growthInput>;

export const growthRow = z.object({
  id: z.string(),
  version: z.number(),
  measureDate: z.string(),
  place: placeSchema,
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  sessionId: z.string().nullable(),
  weightKg: z.number().nullable(),
  lengthCm: z.number().nullable(),
  measured: positionSchema.nullable(),
  headCm: z.number().nullable(),
  muacCm: z.number().nullable(),
  oedema: z.boolean(),
  asiEksklusif: z.boolean().nullable(),
  notes: z.string().nullable(),
  ageDays: z.number(),
  /** Length/height after WHO's 0.7 cm conversion; what the weight-for-length chart plots. */
  lengthAdjCm: z.number().nullable(),
  weightFor: z.enum(['length', 'height']).nullable(),
  zwei: z.number().nullable(),
  zlen: z.number().nullable(),
  zwfl: z.number().nullable(),
  zbmi: z.number().nullable(),
  zhc: z.number().nullable(),
  zac: z.number().nullable(),
  bbU: z.string().nullable(),
  pbU: z.string().nullable(),
  bbPb: z.string().nullable(),
  imtU: z.string().nullable(),
  lila: z.string().nullable(),
  lk: z.string().nullable(),
  implausible: z.array(z.string()),
  implausibleConfirmed: z.boolean(),
  /** N/T/2T/O/B when this weighing is the one that counts for its month. */
  growth: growthCodeSchema.nullable(),
  gainG: z.number().nullable(),
  kbmG: z.number().nullable(),
  updatedAt: z.string(),
});
export type GrowthRow = z.infer<typeof growthRow>;

// ---------------------------------------------------------------------------------------------
// Immunisation

export const doseInput = z
  .object({
    personId: recordId,
    doseCode: doseCodeSchema,
    givenDate: isoDate,
    /** Given at this puskesmas/posyandu, or copied from the Buku KIA / another facility. */
    givenHere: z.boolean().default(true),
    /** Unknown (null) is allowed only for a dose copied from the Buku KIA. */
    place: placeSchema.nullish().transform((v) => v ?? null),
    posyanduId: optionalId,
    performerId: optionalId,
    batch: optionalText(40),
    kipi: z.boolean().default(false),
    kipiNotes: optionalText(500),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.givenHere && !v.place) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'validation.required' });
    }
    posyanduWhenPlace(v, ctx);
  }, ALWAYS);
export type DoseInput = z.input<typeof doseInput>;

export const issueDto = z.object({
  code: z.string(),
  severity: z.enum(['break', 'notice']),
  path: z.string(),
  message: z.string(),
});
export type IssueDto = z.infer<typeof issueDto>;

export const immunizationRow = z.object({
  id: z.string(),
  version: z.number(),
  doseCode: doseCodeSchema,
  givenDate: z.string(),
  givenHere: z.boolean(),
  place: placeSchema.nullable(),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  sessionId: z.string().nullable(),
  batch: z.string().nullable(),
  kipi: z.boolean(),
  kipiNotes: z.string().nullable(),
  notes: z.string().nullable(),
  /** Rule-break codes recorded when saved (with the reason). */
  ruleBreaks: z.array(z.string()),
  breakReason: z.string().nullable(),
  /** The record checked against the child's other doses now. */
  issues: z.array(issueDto),
  updatedAt: z.string(),
});
export type ImmunizationRow = z.infer<typeof immunizationRow>;

export const dueDoseDto = z.object({
  code: doseCodeSchema,
  status: z.enum(['due', 'overdue', 'upcoming']),
  dueDate: z.string(),
  earliestDate: z.string(),
  latestDate: z.string().nullable(),
});
export type DueDoseDto = z.infer<typeof dueDoseDto>;

export const dueListDto = z.object({
  on: z.string(),
  due: z.array(dueDoseDto),
  overdue: z.array(dueDoseDto),
  upcoming: z.array(dueDoseDto),
  noLongerAllowed: z.array(z.object({ code: doseCodeSchema, latestDate: z.string() })),
});
export type DueListDto = z.infer<typeof dueListDto>;

// ---------------------------------------------------------------------------------------------
// Vitamin A, neonatal visits, profile

export const vitaminAInput = z
  .object({
    personId: recordId,
    givenDate: isoDate,
    capsule: capsuleSchema,
    place: placeSchema,
    posyanduId: optionalId,
    performerId: optionalId,
    notes: optionalText(500),
  })
  .superRefine(posyanduWhenPlace, ALWAYS);
export type VitaminAInput = z.input<typeof vitaminAInput>;

export const vitaminARow = z.object({
  id: z.string(),
  version: z.number(),
  givenDate: z.string(),
  capsule: capsuleSchema,
  round: z.string().nullable(),
  period: z.enum(['regular', 'sweeping', 'extension']).nullable(),
  place: placeSchema,
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  sessionId: z.string().nullable(),
  ruleBreaks: z.array(z.string()),
  breakReason: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type VitaminARow = z.infer<typeof vitaminARow>;

export const neonatalInput = z.object({
  personId: recordId,
  visitDate: isoDate,
  /** Time of the visit (HH:MM, puskesmas time); without it the window may be uncertain. */
  visitTime: hhmm,
  place: placeSchema,
  performerId: optionalId,
  weightKg: optionalNumber,
  dangerSigns: optionalBool,
  vitK1: optionalBool,
  shk: optionalBool,
  notes: optionalText(500),
});
export type NeonatalInput = z.input<typeof neonatalInput>;

export const neonatalRow = z.object({
  id: z.string(),
  version: z.number(),
  visitDate: z.string(),
  visitTime: z.string().nullable(),
  /** The window the visit falls in, or null (outside, or uncertain without times). */
  kn: z.enum(['KN1', 'KN2', 'KN3']).nullable(),
  classification: z.enum(['visit', 'outside', 'uncertain']),
  /** For `outside`: too-early (< 6 h), between windows, too-late (> 28 days). */
  outside: z.enum(['too-early', 'too-late', 'between']).nullable(),
  /** For `uncertain`: the windows the visit may be in. */
  possible: z.array(z.enum(['KN1', 'KN2', 'KN3'])),
  place: placeSchema,
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  weightKg: z.number().nullable(),
  dangerSigns: z.boolean().nullable(),
  vitK1: z.boolean().nullable(),
  shk: z.boolean().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type NeonatalRow = z.infer<typeof neonatalRow>;

export const childProfileInput = z.object({
  personId: recordId,
  /** Version of the profile read, null when the child has none yet. */
  version: version.nullish().transform((v) => v ?? null),
  birthTime: hhmm,
  birthWeightG: z
    .number()
    .int()
    .min(300)
    .max(7000)
    .nullish()
    .transform((v) => v ?? null),
  birthLengthCm: z
    .number()
    .min(25)
    .max(65)
    .nullish()
    .transform((v) => v ?? null),
  kiaBook: z.boolean(),
});
export type ChildProfileInput = z.input<typeof childProfileInput>;

export const childProfile = z.object({
  version: z.number(),
  birthTime: z.string().nullable(),
  birthWeightG: z.number().nullable(),
  birthLengthCm: z.number().nullable(),
  kiaBook: z.boolean(),
});
export type ChildProfile = z.infer<typeof childProfile>;

export const kbmRowSchema = z.object({
  fromMonth: z.number().int().min(1).max(59),
  toMonth: z.number().int().min(1).max(59).nullable(),
  minGainG: z.number().int().min(0).max(2000),
});

export const childSettings = z.object({
  kbm: z.object({ custom: z.boolean(), rows: z.array(kbmRowSchema) }),
  idl: z.object({ custom: z.boolean(), codes: z.array(doseCodeSchema) }),
  includeJe: z.boolean(),
  defaults: z.object({ kbmRows: z.array(kbmRowSchema), idlCodes: z.array(doseCodeSchema) }),
});
export type ChildSettings = z.infer<typeof childSettings>;

// ---------------------------------------------------------------------------------------------
// The child card and the register

export const childPerson = z.object({
  id: z.string(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  nik: z.string().nullable(),
  nikIbu: z.string().nullable(),
  motherName: z.string().nullable(),
  desaName: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  deleted: z.boolean(),
});
export type ChildPerson = z.infer<typeof childPerson>;

export const completenessDto = z.object({
  kind: z.enum(['IDL', 'IRL']),
  setId: z.string(),
  title: z.string(),
  complete: z.boolean(),
  achievedOn: z.string().nullable(),
  missing: z.array(doseCodeSchema),
  late: z.array(doseCodeSchema),
  canStillComplete: z.boolean(),
});

export const childCard = z.object({
  today: z.string(),
  person: childPerson,
  profile: childProfile.nullable(),
  measurements: z.array(growthRow),
  immunizations: z.array(immunizationRow),
  due: dueListDto,
  completeness: z.array(completenessDto),
  vitaminA: z.array(vitaminARow),
  /** Vitamin A today: the round and capsule, or why none. */
  vitaminANow: z.object({
    eligible: z.boolean(),
    round: z.string().nullable(),
    capsule: capsuleSchema.nullable(),
    reason: z.enum(['before-birth', 'too-young', 'too-old', 'outside-round']).nullable(),
    givenThisRound: z.string().nullable(),
  }),
  neonatal: z.array(neonatalRow),
  kn: z.object({
    complete: z.boolean(),
    achievedOn: z.string().nullable(),
    kn1: z.string().nullable(),
    kn2: z.string().nullable(),
    kn3: z.string().nullable(),
  }),
  settings: z.object({ kbm: z.array(kbmRowSchema), includeJe: z.boolean() }),
});
export type ChildCard = z.infer<typeof childCard>;

export const CHILD_FLAGS = [
  'stunting',
  'wasting',
  'underweight',
  'overweight',
  'notWeighed',
  'implausible',
] as const;
export type ChildFlag = (typeof CHILD_FLAGS)[number];
export const CHILD_AGE_BANDS = ['bayi', 'baduta', 'balita24'] as const;
export type ChildAgeBand = (typeof CHILD_AGE_BANDS)[number];

export const childRow = z.object({
  id: z.string(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  nik: z.string().nullable(),
  posyanduName: z.string().nullable(),
  place: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  lastDate: z.string().nullable(),
  weightKg: z.number().nullable(),
  lengthCm: z.number().nullable(),
  bbU: z.string().nullable(),
  pbU: z.string().nullable(),
  bbPb: z.string().nullable(),
  growth: growthCodeSchema.nullable(),
});
export type ChildRow = z.infer<typeof childRow>;

// ---------------------------------------------------------------------------------------------
// Posyandu session (batch entry) and sasaran imunisasi

export const SESSION_BASES = ['posyandu', 'wilayah'] as const;
export const sessionBasis = z.enum(SESSION_BASES);

export const sessionRowInput = z.object({
  personId: recordId,
  kiaBook: z.boolean().default(false),
  weightKg: optionalNumber,
  lengthCm: optionalNumber,
  measured: positionSchema.nullish().transform((v) => v ?? null),
  muacCm: optionalNumber,
  oedema: z.boolean().default(false),
  /** The clerk checked the values WHO flags as implausible. */
  confirmImplausible: z.boolean().default(false),
  growthId: optionalId,
  growthVersion: version.nullish().transform((v) => v ?? null),
  vitaminA: z.boolean().default(false),
  vitaminAId: optionalId,
  vitaminAVersion: version.nullish().transform((v) => v ?? null),
  doses: z
    .array(
      z.object({
        code: doseCodeSchema,
        id: optionalId,
        version: version.nullish().transform((v) => v ?? null),
      }),
    )
    .max(12)
    .default([]),
});
export type SessionRowInput = z.input<typeof sessionRowInput>;

export const sessionChild = z.object({
  personId: z.string(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  motherName: z.string().nullable(),
  /** Why the child is on the list. */
  source: z.enum(['registered', 'wilayah', 'session']),
  kiaBook: z.boolean(),
  /** Weighings before the session date (for N/T while typing). */
  weighings: z.array(z.object({ date: z.string(), weightKg: z.number() })),
  /** Doses due or overdue on the session date, plus those given in this session. */
  doses: z.array(z.object({ code: doseCodeSchema, status: z.enum(['due', 'overdue', 'given']) })),
  vitaminA: z.object({
    capsule: capsuleSchema.nullable(),
    /** Already given in this round before/outside this session. */
    givenInRound: z.string().nullable(),
  }),
  entry: z
    .object({
      growthId: z.string().nullable(),
      growthVersion: z.number().nullable(),
      weightKg: z.number().nullable(),
      lengthCm: z.number().nullable(),
      measured: positionSchema.nullable(),
      muacCm: z.number().nullable(),
      oedema: z.boolean(),
      confirmImplausible: z.boolean(),
      vitaminAId: z.string().nullable(),
      vitaminAVersion: z.number().nullable(),
      doses: z.array(z.object({ code: doseCodeSchema, id: z.string(), version: z.number() })),
    })
    .nullable(),
});
export type SessionChild = z.infer<typeof sessionChild>;

export const skdnDto = z.object({
  S: z.number(),
  K: z.number(),
  D: z.number(),
  N: z.number(),
  T: z.number(),
  T2: z.number(),
  O: z.number(),
  B: z.number(),
});
export type SkdnDto = z.infer<typeof skdnDto>;

export const sessionView = z.object({
  posyandu: z.object({
    id: z.string(),
    name: z.string(),
    desaId: z.string(),
    desaName: z.string(),
    rw: z.string().nullable(),
  }),
  sessionDate: z.string(),
  basis: sessionBasis,
  session: z
    .object({
      id: z.string(),
      version: z.number(),
      performerId: z.string().nullable(),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    })
    .nullable(),
  /** The Vitamin A round the session date belongs to (null: no capsules at this session). */
  vitaminARound: z.string().nullable(),
  kbm: z.array(kbmRowSchema),
  rows: z.array(sessionChild),
  skdn: skdnDto,
});
export type SessionView = z.infer<typeof sessionView>;

const sessionKey = {
  posyanduId: recordId,
  sessionDate: isoDate,
  basis: sessionBasis.default('posyandu'),
};

export const sasaranRow = z.object({
  personId: z.string(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  motherName: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  doses: z.array(dueDoseDto),
});
export type SasaranRow = z.infer<typeof sasaranRow>;

export const sasaranView = z.object({
  posyandu: z.object({ id: z.string(), name: z.string(), desaName: z.string() }),
  sessionDate: z.string(),
  basis: sessionBasis,
  rows: z.array(sasaranRow),
  /** Doses to prepare: count per dose code. */
  totals: z.array(z.object({ code: doseCodeSchema, count: z.number() })),
});
export type SasaranView = z.infer<typeof sasaranView>;

export const vitaminARoundView = z.object({
  round: z.string(),
  /** The date whose age decides the target band (15th of the round month). */
  ageOn: z.string(),
  rows: z.array(
    z.object({
      posyanduId: z.string().nullable(),
      posyanduName: z.string().nullable(),
      desaName: z.string().nullable(),
      blueTarget: z.number(),
      blueGiven: z.number(),
      redTarget: z.number(),
      redGiven: z.number(),
    }),
  ),
  /** Targets not yet given a capsule for the round (for sweeping), up to 500. */
  missing: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      birthDate: z.string(),
      capsule: capsuleSchema,
      posyanduName: z.string().nullable(),
      rt: z.string().nullable(),
      rw: z.string().nullable(),
    }),
  ),
  missingTotal: z.number(),
});
export type VitaminARoundView = z.infer<typeof vitaminARoundView>;

const deleteInput = z.object({ id: recordId, version, reason: requiredText(300) }).strict();
const breakReason = optionalText(300);

export const childChannels = {
  'child.register': channel(
    z
      .object({
        q: z.string().max(100).default(''),
        posyanduId: recordId.optional(),
        desaId: recordId.optional(),
        ageBand: z.enum(CHILD_AGE_BANDS).optional(),
        flag: z.enum(CHILD_FLAGS).optional(),
        ...paging,
      })
      .strict(),
    z.object({ rows: z.array(childRow), total: z.number() }),
  ),
  'child.card': channel(z.object({ personId: recordId }).strict(), childCard),
  'child.profile.save': channel(childProfileInput.strict(), childProfile),
  'child.settings.get': channel(noInput, childSettings),
  'child.settings.set': channel(
    z
      .object({
        kbmRows: z.array(kbmRowSchema).max(60).nullable(),
        idlCodes: z.array(doseCodeSchema).min(1).max(27).nullable(),
        includeJe: z.boolean(),
      })
      .strict(),
    childSettings,
  ),

  'growth.create': channel(
    z.object({ measurement: growthInput, confirmImplausible: z.boolean().default(false) }).strict(),
    growthRow,
  ),
  'growth.update': channel(
    z
      .object({
        id: recordId,
        version,
        measurement: growthInput,
        confirmImplausible: z.boolean().default(false),
      })
      .strict(),
    growthRow,
  ),
  'growth.delete': channel(deleteInput, z.object({ id: z.string() })),

  'immunization.create': channel(
    z.object({ dose: doseInput, breakReason }).strict(),
    immunizationRow,
  ),
  'immunization.update': channel(
    z.object({ id: recordId, version, dose: doseInput, breakReason }).strict(),
    immunizationRow,
  ),
  'immunization.delete': channel(deleteInput, z.object({ id: z.string() })),
  'immunization.sasaran': channel(z.object(sessionKey).strict(), sasaranView),
  'immunization.sasaranXlsx': channel(z.object(sessionKey).strict(), fileDownload),

  'vitaminA.create': channel(
    z.object({ vitaminA: vitaminAInput, breakReason }).strict(),
    vitaminARow,
  ),
  'vitaminA.update': channel(
    z.object({ id: recordId, version, vitaminA: vitaminAInput, breakReason }).strict(),
    vitaminARow,
  ),
  'vitaminA.delete': channel(deleteInput, z.object({ id: z.string() })),
  'vitaminA.round': channel(
    z.object({ round: month, posyanduId: recordId.optional() }).strict(),
    vitaminARoundView,
  ),

  'neonatal.create': channel(z.object({ visit: neonatalInput }).strict(), neonatalRow),
  'neonatal.update': channel(
    z.object({ id: recordId, version, visit: neonatalInput }).strict(),
    neonatalRow,
  ),
  'neonatal.delete': channel(deleteInput, z.object({ id: z.string() })),

  'posyandu.session.open': channel(z.object(sessionKey).strict(), sessionView),
  'posyandu.session.save': channel(
    z
      .object({
        ...sessionKey,
        performerId: optionalId,
        sessionId: optionalId,
        sessionVersion: version.nullish().transform((v) => v ?? null),
        rows: z.array(sessionRowInput).max(400),
      })
      .strict(),
    sessionView,
  ),
  'posyandu.session.list': channel(
    z
      .object({
        posyanduId: recordId.optional(),
        limit: z.number().int().min(1).max(100).default(24),
      })
      .strict(),
    z.array(
      z.object({
        id: z.string(),
        posyanduId: z.string(),
        posyanduName: z.string(),
        sessionDate: z.string(),
        weighed: z.number(),
        updatedAt: z.string(),
      }),
    ),
  ),
};
