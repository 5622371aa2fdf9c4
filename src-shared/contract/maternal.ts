import { z } from 'zod';
import { SERVICE_PLACES } from '../domain/codes/service';
import { isIsoDateTime } from '../domain/maternal/datetime';
import {
  ATTENDANT_CODES,
  BABY_OUTCOME_CODES,
  DELIVERY_COMPLICATION_CODES,
  DELIVERY_METHOD_CODES,
  DELIVERY_PLACE_CODES,
  MATERNAL_OUTCOME_CODES,
} from '../domain/maternal/persalinan';
import { KB_METHOD_CODES, KB_STATUS_CODES, KB_DUE_CODES } from '../domain/maternal/kb';
import {
  ANC_COMPLICATION_CODES,
  BLOOD_TYPE_CODES,
  COUNSELING_CODES,
  DATING_METHOD_CODES,
  KB_SIDE_EFFECT_CODES,
  LAB_RESULT_CODES,
  MT_KIND_CODES,
  NIFAS_COMPLICATION_CODES,
  NIFAS_FINDING_CODES,
  PREGNANCY_OUTCOME_CODES,
  PREGNANCY_RISK_FACTOR_CODES,
  PRESENTATION_CODES,
  PROTEIN_URINE_CODES,
  RHESUS_CODES,
} from '../domain/maternal/records';
import { TD_STATUS_CODES } from '../domain/maternal/td';
import { channel, noInput } from './channel';
import { fileDownload } from './files';
import { ALWAYS, isoDate, optionalText, paging, recordId, requiredText, version } from './fields';

/** A measured value: a number, or null when not measured (a blank field). */
const measure = z
  .number({ error: 'validation.type.number' })
  .nullish()
  .transform((v) => v ?? null);
const count = z
  .number()
  .int()
  .min(0)
  .max(1000)
  .nullish()
  .transform((v) => v ?? null);
const optionalDate = isoDate.nullish().transform((v) => v ?? null);
const optionalId = recordId.nullish().transform((v) => v ?? null);
const optionalCode = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .enum(codes)
    .nullish()
    .transform((v) => v ?? null);
const codeList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.array(z.enum(codes)).max(codes.length).default([]);

/** An ISO date-time with the puskesmas offset, e.g. `2026-11-20T08:30+07:00`. */
export const isoDateTime = z
  .string()
  .refine(isIsoDateTime, { error: 'maternal.validation.dateTime' });

/** Where a service was given; a posyandu when at a posyandu. */
const servicePlace = {
  place: z.enum(SERVICE_PLACES),
  posyanduId: optionalId,
  performerId: optionalId,
};
function posyanduWhenThere(
  v: { place?: string; posyanduId?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (v.place === 'posyandu' && !v.posyanduId) {
    ctx.addIssue({ code: 'custom', path: ['posyanduId'], message: 'validation.required' });
  }
}

export const pregnancyInput = z
  .object({
    datingMethod: z.enum(DATING_METHOD_CODES).default('HPHT'),
    hpht: optionalDate,
    usgDate: optionalDate,
    usgGaWeeks: z
      .number()
      .int()
      .nullish()
      .transform((v) => v ?? null),
    usgGaDays: z
      .number()
      .int()
      .min(0)
      .max(6)
      .nullish()
      .transform((v) => v ?? null),
    /** Only for `MANUAL`: the corrected HPL. Otherwise computed. */
    hpl: optionalDate,
    gravida: z.number().int().min(1).max(20),
    para: z.number().int().min(0).max(20).default(0),
    abortus: z.number().int().min(0).max(20).default(0),
    previousDeliveryDate: optionalDate,
    heightCm: measure,
    preWeightKg: measure,
    riskFactors: codeList(PREGNANCY_RISK_FACTOR_CODES),
    posyanduId: optionalId,
    notes: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    const need = (path: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
    if (v.datingMethod === 'HPHT' && !v.hpht) need('hpht');
    if (v.datingMethod === 'USG') {
      if (!v.usgDate) need('usgDate');
      if (v.usgGaWeeks === null || v.usgGaWeeks === undefined) need('usgGaWeeks');
    }
    if (v.datingMethod === 'MANUAL' && !v.hpl) need('hpl');
  }, ALWAYS);
export type PregnancyInput = z.input<typeof pregnancyInput>;

export const ancInput = z
  .object({
    visitDate: isoDate,
    ...servicePlace,
    byDoctor: z.boolean().default(false),
    usg: z.boolean().default(false),
    weightKg: measure,
    lilaCm: measure,
    systolic: measure,
    diastolic: measure,
    tfuCm: measure,
    djjPerMin: measure,
    presentation: optionalCode(PRESENTATION_CODES),
    hbGdl: measure,
    proteinUrine: optionalCode(PROTEIN_URINE_CODES),
    bloodGlucoseMgdl: measure,
    bloodType: optionalCode(BLOOD_TYPE_CODES),
    rhesus: optionalCode(RHESUS_CODES),
    hiv: optionalCode(LAB_RESULT_CODES),
    syphilis: optionalCode(LAB_RESULT_CODES),
    hbsag: optionalCode(LAB_RESULT_CODES),
    tdGiven: z.boolean().default(false),
    ttdTablets: count,
    mtKind: optionalCode(MT_KIND_CODES),
    counseling: codeList(COUNSELING_CODES),
    complications: codeList(ANC_COMPLICATION_CODES),
    management: optionalText(500),
    referred: z.boolean().default(false),
    nextVisitDate: optionalDate,
    notes: optionalText(1000),
  })
  .superRefine(posyanduWhenThere, ALWAYS);
export type AncInput = z.input<typeof ancInput>;

export const babyInput = z.object({
  outcome: z.enum(BABY_OUTCOME_CODES).default('LAHIR_HIDUP'),
  sex: z.enum(['L', 'P']),
  /** The baby's name in the registry; "By. Ny. <mother>" when left empty. */
  name: optionalText(120),
  birthWeightG: measure,
  lengthCm: measure,
  headCircCm: measure,
  imd: z.boolean().default(false),
  vitK1: z.boolean().default(false),
  salepMata: z.boolean().default(false),
  hb0: z.boolean().default(false),
});
export type BabyInput = z.input<typeof babyInput>;

export const deliveryInput = z.object({
  deliveredAt: isoDateTime,
  place: z.enum(DELIVERY_PLACE_CODES),
  placeName: optionalText(120),
  attendant: z.enum(ATTENDANT_CODES),
  method: z.enum(DELIVERY_METHOD_CODES),
  complications: codeList(DELIVERY_COMPLICATION_CODES),
  maternalOutcome: z.enum(MATERNAL_OUTCOME_CODES).default('HIDUP'),
  performerId: optionalId,
  notes: optionalText(1000),
  babies: z.array(babyInput).min(1).max(5),
});
export type DeliveryInput = z.input<typeof deliveryInput>;

export const nifasInput = z
  .object({
    visitedAt: isoDateTime,
    ...servicePlace,
    systolic: measure,
    diastolic: measure,
    temperatureC: measure,
    bleeding: optionalCode(NIFAS_FINDING_CODES),
    lochia: optionalCode(NIFAS_FINDING_CODES),
    involution: optionalCode(NIFAS_FINDING_CODES),
    breast: optionalCode(NIFAS_FINDING_CODES),
    ttdTablets: count,
    mentalScreened: z.boolean().default(false),
    complications: codeList(NIFAS_COMPLICATION_CODES),
    referred: z.boolean().default(false),
    /** One vitamin A capsule given at this visit. */
    vitaminA: z.boolean().default(false),
    /** KB pascasalin started or given at this visit. */
    kbMethod: optionalCode(KB_METHOD_CODES),
    notes: optionalText(1000),
  })
  .superRefine(posyanduWhenThere, ALWAYS);
export type NifasInput = z.input<typeof nifasInput>;

export const kbInput = z
  .object({
    visitDate: isoDate,
    ...servicePlace,
    method: z.enum(KB_METHOD_CODES),
    status: z.enum(KB_STATUS_CODES),
    packs: z
      .number()
      .int()
      .min(1)
      .max(13)
      .nullish()
      .transform((v) => v ?? null),
    product: z
      .string()
      .max(60)
      .nullish()
      .transform((v) => v || null),
    sideEffects: codeList(KB_SIDE_EFFECT_CODES),
    sideEffectNote: optionalText(300),
    notes: optionalText(1000),
  })
  .superRefine(posyanduWhenThere, ALWAYS);
export type KbInput = z.input<typeof kbInput>;

const ruleOption = z.object({ id: z.string(), title: z.string() });
export const maternalRuleChoice = z.object({
  ancSplitId: z.string().max(60),
  trimesterId: z.string().max(60),
  nifasId: z.string().max(60),
});
export const maternalRulesView = z.object({
  choice: maternalRuleChoice,
  options: z.object({
    ancSplit: z.array(ruleOption),
    trimester: z.array(ruleOption),
    nifas: z.array(ruleOption),
  }),
  /** Column names of the kohort (K1…Kn, KF1…KFn) under the chosen sets. */
  kSlots: z.array(z.string()),
  kfSlots: z.array(z.string()),
});
export type MaternalRulesView = z.infer<typeof maternalRulesView>;

const ga = z.object({ totalDays: z.number(), weeks: z.number(), days: z.number() });

export const KOHORT_STATUSES = ['aktif', 'hamil', 'nifas', 'selesai', 'semua'] as const;
export type KohortStatus = (typeof KOHORT_STATUSES)[number];

export const kohortFilter = {
  q: z.string().max(100).default(''),
  desaId: z.union([recordId, z.literal('luar')]).optional(),
  posyanduId: recordId.optional(),
  /** `YYYY-MM`: pregnancies in the kohort during that month (pregnant or in nifas). */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.format' })
    .optional(),
  status: z.enum(KOHORT_STATUSES).default('aktif'),
};

const slotCell = z.object({ date: z.string(), doctor: z.boolean() }).nullable();

export const kohortRow = z.object({
  pregnancyId: z.string(),
  personId: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  ageYears: z.number().nullable(),
  desaName: z.string().nullable(),
  posyanduName: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  gravida: z.number(),
  para: z.number(),
  abortus: z.number(),
  hpht: z.string().nullable(),
  hpl: z.string(),
  gaToday: ga.nullable(),
  outcome: z.enum(PREGNANCY_OUTCOME_CODES).nullable(),
  endedOn: z.string().nullable(),
  k1Murni: z.boolean(),
  k: z.array(slotCell),
  extraContacts: z.number(),
  ancComplete: z.boolean(),
  delivery: z.object({ date: z.string(), fasyankes: z.boolean() }).nullable(),
  kf: z.array(z.string().nullable()),
  nifasComplete: z.boolean(),
  flags: z.array(z.string()),
});
export type KohortRow = z.infer<typeof kohortRow>;

export const MATERNAL_WORK_LISTS = [
  'risti',
  'belumK1',
  'kunjunganLewat',
  'hplBulanIni',
  'nifasBelumLengkap',
  'kbJatuhTempo',
] as const;
export type WorkList = (typeof MATERNAL_WORK_LISTS)[number];

export const workListInput = z
  .object({
    list: z.enum(MATERNAL_WORK_LISTS),
    desaId: z.union([recordId, z.literal('luar')]).optional(),
    posyanduId: recordId.optional(),
    /** For `hplBulanIni`: the month (default the current one). */
    month: kohortFilter.month,
  })
  .strict();

export const workRow = z.object({
  personId: z.string(),
  pregnancyId: z.string().nullable(),
  name: z.string(),
  nik: z.string().nullable(),
  ageYears: z.number().nullable(),
  desaName: z.string().nullable(),
  posyanduName: z.string().nullable(),
  phone: z.string().nullable(),
  hpl: z.string().nullable(),
  gaToday: ga.nullable(),
  /** The date the list is about: next visit due, HPL, delivery, next KB visit. */
  date: z.string().nullable(),
  /** Days past `date` (positive = late). */
  daysLate: z.number().nullable(),
  flags: z.array(z.string()),
  /** What to do or why, in the clerk's language. */
  detail: z.string(),
});
export type WorkRow = z.infer<typeof workRow>;

const tdDoseView = z.object({
  id: z.string().nullable(),
  version: z.number().nullable(),
  date: z.string(),
  kind: z.enum(['TD', 'CHILDHOOD']),
  counted: z.boolean(),
  reached: z.enum(TD_STATUS_CODES).nullable(),
  message: z.string(),
  givenHere: z.boolean(),
});
export const tdView = z.object({
  status: z.enum(TD_STATUS_CODES),
  achievedOn: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  protectedOnAsOf: z.boolean(),
  nextStatus: z.enum(TD_STATUS_CODES).nullable(),
  nextDoseEarliest: z.string().nullable(),
  doses: z.array(tdDoseView),
});
export type TdView = z.infer<typeof tdView>;

const recordMeta = { id: z.string(), version: z.number() };
const placeView = {
  place: z.enum(SERVICE_PLACES),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
};

export const pregnancyDetail = z.object({
  ...recordMeta,
  personId: z.string(),
  datingMethod: z.enum(DATING_METHOD_CODES),
  hpht: z.string().nullable(),
  usgDate: z.string().nullable(),
  usgGaWeeks: z.number().nullable(),
  usgGaDays: z.number().nullable(),
  hpl: z.string(),
  gravida: z.number(),
  para: z.number(),
  abortus: z.number(),
  previousDeliveryDate: z.string().nullable(),
  heightCm: z.number().nullable(),
  preWeightKg: z.number().nullable(),
  riskFactors: z.array(z.enum(PREGNANCY_RISK_FACTOR_CODES)),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  desaName: z.string().nullable(),
  outcome: z.enum(PREGNANCY_OUTCOME_CODES).nullable(),
  endedOn: z.string().nullable(),
  endNote: z.string().nullable(),
  notes: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type PregnancyDetail = z.infer<typeof pregnancyDetail>;

export const ancView = z.object({
  ...recordMeta,
  ...placeView,
  visitDate: z.string(),
  byDoctor: z.boolean(),
  usg: z.boolean(),
  weightKg: z.number().nullable(),
  lilaCm: z.number().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  tfuCm: z.number().nullable(),
  djjPerMin: z.number().nullable(),
  presentation: z.enum(PRESENTATION_CODES).nullable(),
  hbGdl: z.number().nullable(),
  proteinUrine: z.enum(PROTEIN_URINE_CODES).nullable(),
  bloodGlucoseMgdl: z.number().nullable(),
  bloodType: z.enum(BLOOD_TYPE_CODES).nullable(),
  rhesus: z.enum(RHESUS_CODES).nullable(),
  hiv: z.enum(LAB_RESULT_CODES).nullable(),
  syphilis: z.enum(LAB_RESULT_CODES).nullable(),
  hbsag: z.enum(LAB_RESULT_CODES).nullable(),
  tdGiven: z.boolean(),
  ttdTablets: z.number().nullable(),
  mtKind: z.enum(MT_KIND_CODES).nullable(),
  counseling: z.array(z.enum(COUNSELING_CODES)),
  complications: z.array(z.enum(ANC_COMPLICATION_CODES)),
  management: z.string().nullable(),
  referred: z.boolean(),
  nextVisitDate: z.string().nullable(),
  notes: z.string().nullable(),
  /** Derived. */
  ga: ga,
  trimester: z.number(),
  label: z.string().nullable(),
  k1Murni: z.boolean(),
  beyondSplit: z.boolean(),
  flags: z.array(z.string()),
});
export type AncView = z.infer<typeof ancView>;

export const babyView = z.object({
  ...recordMeta,
  birthOrder: z.number(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  outcome: z.enum(BABY_OUTCOME_CODES),
  sex: z.enum(['L', 'P']),
  birthWeightG: z.number().nullable(),
  lengthCm: z.number().nullable(),
  headCircCm: z.number().nullable(),
  imd: z.boolean(),
  vitK1: z.boolean(),
  salepMata: z.boolean(),
  hb0: z.boolean(),
  bblr: z.boolean(),
});
export type BabyView = z.infer<typeof babyView>;

export const deliveryView = z.object({
  ...recordMeta,
  deliveredAt: z.string(),
  place: z.enum(DELIVERY_PLACE_CODES),
  placeName: z.string().nullable(),
  attendant: z.enum(ATTENDANT_CODES),
  method: z.enum(DELIVERY_METHOD_CODES),
  complications: z.array(z.enum(DELIVERY_COMPLICATION_CODES)),
  maternalOutcome: z.enum(MATERNAL_OUTCOME_CODES),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  notes: z.string().nullable(),
  babies: z.array(babyView),
  /** Derived. */
  ga: ga.nullable(),
  term: z.enum(['PRETERM', 'ATERM', 'POSTTERM']).nullable(),
  fasyankes: z.boolean(),
  nakes: z.boolean(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const nifasView = z.object({
  ...recordMeta,
  ...placeView,
  visitedAt: z.string(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  temperatureC: z.number().nullable(),
  bleeding: z.enum(NIFAS_FINDING_CODES).nullable(),
  lochia: z.enum(NIFAS_FINDING_CODES).nullable(),
  involution: z.enum(NIFAS_FINDING_CODES).nullable(),
  breast: z.enum(NIFAS_FINDING_CODES).nullable(),
  ttdTablets: z.number().nullable(),
  mentalScreened: z.boolean(),
  complications: z.array(z.enum(NIFAS_COMPLICATION_CODES)),
  referred: z.boolean(),
  vitaminA: z.boolean(),
  kbMethod: z.enum(KB_METHOD_CODES).nullable(),
  notes: z.string().nullable(),
  /** Derived: the KF window (null outside every window) and the reason. */
  kf: z.string().nullable(),
  outside: z.enum(['BEFORE_DELIVERY', 'TOO_EARLY', 'AFTER_NIFAS']).nullable(),
  dayAfter: z.number(),
  hoursAfter: z.number(),
});
export type NifasView = z.infer<typeof nifasView>;

export const kbVisitView = z.object({
  ...recordMeta,
  ...placeView,
  personId: z.string(),
  visitDate: z.string(),
  method: z.enum(KB_METHOD_CODES),
  status: z.enum(KB_STATUS_CODES),
  packs: z.number().nullable(),
  product: z.string().nullable(),
  sideEffects: z.array(z.enum(KB_SIDE_EFFECT_CODES)),
  sideEffectNote: z.string().nullable(),
  notes: z.string().nullable(),
  pascasalin: z.boolean(),
  /** Derived. */
  nextVisit: z.string().nullable(),
  mkjp: z.boolean(),
});
export type KbVisitView = z.infer<typeof kbVisitView>;

export const motherSummary = z.object({
  id: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  noKk: z.string().nullable(),
  birthDate: z.string(),
  desaId: z.string().nullable(),
  desaName: z.string().nullable(),
  posyanduId: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type MotherSummary = z.infer<typeof motherSummary>;

export const pregnancyCard = z.object({
  mother: motherSummary,
  pregnancy: pregnancyDetail,
  today: z.string(),
  timezoneOffset: z.string(),
  rules: maternalRulesView,
  derived: z.object({
    start: z.string(),
    gaToday: ga.nullable(),
    trimesterToday: z.number().nullable(),
    ageAtHpht: z.number().nullable(),
    jarakBulan: z.number().nullable(),
    imt: z.number().nullable(),
    imtClass: z.string().nullable(),
    weightGain: z.object({ min: z.number(), max: z.number() }).nullable(),
    flags: z.array(z.string()),
    k1Murni: z.boolean(),
    anc: z.object({
      complete: z.boolean(),
      achievedOn: z.string().nullable(),
      contactsPerTrimester: z.array(z.number()),
      missingPerTrimester: z.array(z.number()),
      missingDoctorTrimesters: z.array(z.number()),
    }),
    nextVisit: z.string().nullable(),
    nifas: z
      .object({
        complete: z.boolean(),
        covered: z.array(z.string()),
        missing: z.array(z.string()),
        windows: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
      })
      .nullable(),
    vitaminA: z
      .object({
        complete: z.boolean(),
        capsules: z.array(
          z.object({
            id: z.string(),
            version: z.number(),
            at: z.string(),
            counted: z.boolean(),
            message: z.string(),
          }),
        ),
      })
      .nullable(),
  }),
  contacts: z.array(ancView),
  delivery: deliveryView.nullable(),
  nifas: z.array(nifasView),
  kb: z.array(kbVisitView),
  td: tdView,
});
export type PregnancyCard = z.infer<typeof pregnancyCard>;

export const pregnancySummary = z.object({
  id: z.string(),
  hpht: z.string().nullable(),
  hpl: z.string(),
  gravida: z.number(),
  para: z.number(),
  abortus: z.number(),
  outcome: z.enum(PREGNANCY_OUTCOME_CODES).nullable(),
  endedOn: z.string().nullable(),
  gaToday: ga.nullable(),
  ancCount: z.number(),
  ancComplete: z.boolean(),
  flags: z.array(z.string()),
  nextVisit: z.string().nullable(),
  deliveryDate: z.string().nullable(),
  nifasComplete: z.boolean().nullable(),
});
export type PregnancySummary = z.infer<typeof pregnancySummary>;

export const kbDueView = z.object({
  status: z.enum(KB_DUE_CODES),
  nextVisit: z.string().nullable(),
  latestOnTime: z.string().nullable(),
});

export const personMaternal = z.object({
  mother: motherSummary,
  pregnancies: z.array(pregnancySummary),
  openPregnancyId: z.string().nullable(),
  kb: z.array(kbVisitView),
  kbDue: kbDueView.nullable(),
  td: tdView,
});
export type PersonMaternal = z.infer<typeof personMaternal>;

export const kbPreview = z.object({
  suggestedStatus: z.enum(KB_STATUS_CODES),
  pascasalin: z.boolean(),
  deliveryDate: z.string().nullable(),
  nextVisit: z.string().nullable(),
  mkjp: z.boolean(),
  previous: z.object({ date: z.string(), method: z.enum(KB_METHOD_CODES) }).nullable(),
});

export const MATERNAL_RECORD_KINDS = ['pregnancy', 'anc', 'nifas', 'vitaminA', 'td', 'kb'] as const;

const saved = z.object({ id: z.string(), pregnancyId: z.string().nullable() });

export const maternalChannels = {
  'maternal.rules': channel(noInput, maternalRulesView),
  'maternal.setRules': channel(maternalRuleChoice.strict(), maternalRulesView),
  'maternal.kohort': channel(
    z.object({ ...kohortFilter, ...paging }).strict(),
    z.object({ rows: z.array(kohortRow), total: z.number() }),
  ),
  'maternal.kohortExport': channel(z.object(kohortFilter).strict(), fileDownload),
  'maternal.workList': channel(
    workListInput,
    z.object({ rows: z.array(workRow), total: z.number() }),
  ),
  'maternal.workListExport': channel(workListInput, fileDownload),
  'maternal.card': channel(z.object({ id: recordId }).strict(), pregnancyCard),
  'maternal.person': channel(z.object({ personId: recordId }).strict(), personMaternal),
  'maternal.createPregnancy': channel(
    z.object({ motherId: recordId, pregnancy: pregnancyInput }).strict(),
    saved,
  ),
  'maternal.updatePregnancy': channel(
    z.object({ id: recordId, version, pregnancy: pregnancyInput }).strict(),
    saved,
  ),
  'maternal.closePregnancy': channel(
    z
      .object({
        id: recordId,
        version,
        outcome: z.enum(['ABORTUS', 'IBU_MENINGGAL', 'PINDAH']),
        endedOn: isoDate,
        note: optionalText(500),
      })
      .strict(),
    saved,
  ),
  'maternal.saveAnc': channel(
    z
      .object({
        pregnancyId: recordId,
        id: recordId.optional(),
        version: version.optional(),
        contact: ancInput,
      })
      .strict(),
    saved,
  ),
  'maternal.saveDelivery': channel(
    z
      .object({
        pregnancyId: recordId,
        id: recordId.optional(),
        version: version.optional(),
        delivery: deliveryInput,
      })
      .strict(),
    saved.extend({ babyPersonIds: z.array(z.string()) }),
  ),
  'maternal.saveNifas': channel(
    z
      .object({
        pregnancyId: recordId,
        id: recordId.optional(),
        version: version.optional(),
        visit: nifasInput,
      })
      .strict(),
    saved,
  ),
  'maternal.addVitaminA': channel(
    z
      .object({
        pregnancyId: recordId,
        givenAt: isoDateTime,
        ...servicePlace,
      })
      .strict()
      .superRefine(posyanduWhenThere, ALWAYS),
    saved,
  ),
  'maternal.addTdDose': channel(
    z
      .object({
        motherId: recordId,
        doseDate: isoDate,
        kind: z.enum(['TD', 'CHILDHOOD']).default('TD'),
        notes: optionalText(300),
      })
      .strict(),
    saved,
  ),
  'maternal.deleteRecord': channel(
    z
      .object({
        kind: z.enum(MATERNAL_RECORD_KINDS),
        id: recordId,
        version,
        reason: requiredText(300),
      })
      .strict(),
    saved,
  ),
  'kb.save': channel(
    z
      .object({
        personId: recordId,
        id: recordId.optional(),
        version: version.optional(),
        visit: kbInput,
      })
      .strict(),
    saved,
  ),
  'kb.preview': channel(
    z
      .object({
        personId: recordId,
        visitDate: isoDate,
        method: z.enum(KB_METHOD_CODES),
        packs: z.number().int().min(1).max(13).optional(),
        product: z.string().max(60).optional(),
        excludeId: recordId.optional(),
      })
      .strict(),
    kbPreview,
  ),
};
