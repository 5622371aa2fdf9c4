import { z } from 'zod';
import {
  ADHERENCE,
  ADULT_SETTING_CHOICES,
  ALCOHOL_ANSWERS,
  BARTHEL_ITEMS,
  CARD_SECTIONS,
  COMPLICATIONS,
  DIAGNOSIS_PLACES,
  END_REASONS,
  FAMILY_HISTORY_ITEMS,
  FOLLOW_UPS,
  FOLLOW_UP_PROGRAMS,
  GLUCOSE_TESTS,
  IVA_RESULTS,
  KONTROL_GLUCOSE_TESTS,
  MEDICINES,
  RESULT_CODES,
  SADANIS_RESULTS,
  SKILAS_DOMAINS,
  SMOKING_STATUSES,
  WHISPER_RESULTS,
} from '../domain/adult';
import { SERVICE_PLACES } from '../domain/codes/service';
import { channel, noInput } from './channel';
import { fileDownload } from './files';
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

/**
 * Klaster 3 channels. Inputs carry types and shapes only: the health rules (plausible ranges,
 * eligibility, classes) run in the main process from `domain/adult`, and their refusals come
 * back as field issues with the same paths as these inputs.
 */

/** An optional value: null (a cleared field) reads as absent. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined);
}

const nullableId = recordId.nullish().transform((v) => v ?? null);

/** Where, by whom: the columns every service row carries. */
const serviceFields = {
  place: z.enum(SERVICE_PLACES),
  posyanduId: nullableId,
  performerId: nullableId,
  notes: optionalText(1000),
};

function posyanduWhenThere(
  v: { place?: unknown; posyanduId?: unknown },
  ctx: z.core.$RefinementCtx,
) {
  if (v.place === 'posyandu' && !v.posyanduId) {
    ctx.addIssue({ code: 'custom', path: ['posyanduId'], message: 'adult.validation.posyandu' });
  }
}

// ---------------------------------------------------------------- settings

const setIds = <K extends keyof typeof ADULT_SETTING_CHOICES>(key: K) =>
  z.enum(ADULT_SETTING_CHOICES[key].map((s) => s.id) as [string, ...string[]]);

export const adultSettings = z.object({
  bp: setIds('bp'),
  imt: setIds('imt'),
  htControl: setIds('htControl'),
  puma: setIds('puma'),
});
export type AdultSettingsDto = z.infer<typeof adultSettings>;

// ---------------------------------------------------------------- PTM screening

const yesNo = z.boolean();

export const bpReadingInput = z.object({ systolic: z.number(), diastolic: z.number() });

/** What the clerk types on the Skrining PTM form (the paths match the rules' refusal paths). */
export const adultScreeningInput = z
  .object({
    screenedOn: isoDate,
    ...serviceFields,
    tekananDarah: opt(z.object({ readings: z.array(bpReadingInput).min(1).max(2) })),
    gulaDarah: opt(
      z.object({ test: z.enum(GLUCOSE_TESTS), value: z.number(), symptoms: opt(yesNo) }),
    ),
    antropometri: opt(z.object({ beratKg: z.number(), tinggiCm: z.number() })),
    lingkarPerutCm: opt(z.number()),
    kolesterolTotal: opt(z.number()),
    merokok: opt(z.object({ status: z.enum(SMOKING_STATUSES), terpaparAsapRokok: opt(yesNo) })),
    aktivitasMenitPerMinggu: opt(z.number()),
    porsiSayurBuahPerHari: opt(z.number()),
    alkohol: opt(z.enum(ALCOHOL_ANSWERS)),
    riwayatKeluarga: opt(
      z.object(
        Object.fromEntries(FAMILY_HISTORY_ITEMS.map((k) => [k, yesNo])) as Record<
          (typeof FAMILY_HISTORY_ITEMS)[number],
          typeof yesNo
        >,
      ),
    ),
    iva: opt(z.enum(IVA_RESULTS)),
    sadanis: opt(z.enum(SADANIS_RESULTS)),
    puma: opt(
      z.object({
        packYears: opt(z.number()),
        sesakNapas: yesNo,
        dahak: yesNo,
        batuk: yesNo,
        pernahSpirometri: yesNo,
      }),
    ),
    srq20: opt(z.array(yesNo).length(20)),
  })
  .superRefine(posyanduWhenThere, ALWAYS);
export type AdultScreeningInput = z.input<typeof adultScreeningInput>;
export type AdultScreeningValues = z.output<typeof adultScreeningInput>;

const label = z.object({ id: z.string(), en: z.string() });

export const cardLine = z.object({
  section: z.enum(CARD_SECTIONS),
  code: z.enum(RESULT_CODES),
  followUp: z.enum(FOLLOW_UPS),
  risk: z.boolean().optional(),
  detail: label.optional(),
  referenceSetId: z.string(),
});
export type CardLineDto = z.infer<typeof cardLine>;

const serviceOut = {
  place: z.enum(SERVICE_PLACES),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  notes: z.string().nullable(),
};

const personOut = {
  personId: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  sex: sexSchema,
  birthDate: z.string(),
  desaName: z.string().nullable(),
};

export const adultScreeningRow = z.object({
  id: z.string(),
  ...personOut,
  screenedOn: z.string(),
  ageYears: z.number(),
  place: z.enum(SERVICE_PLACES),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  tdCode: z.enum(RESULT_CODES).nullable(),
  gulaTest: z.enum(GLUCOSE_TESTS).nullable(),
  gulaValue: z.number().nullable(),
  gulaCode: z.enum(RESULT_CODES).nullable(),
  imt: z.number().nullable(),
  imtCode: z.enum(RESULT_CODES).nullable(),
  lingkarPerutCode: z.enum(RESULT_CODES).nullable(),
  followUp: z.enum(FOLLOW_UPS).nullable(),
});
export type AdultScreeningRow = z.infer<typeof adultScreeningRow>;

export const adultScreeningDetail = adultScreeningRow.extend({
  version: z.number(),
  ...serviceOut,
  /** The values as saved, to reopen the form. */
  input: adultScreeningInput,
  lines: z.array(cardLine),
  referenceSetIds: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type AdultScreeningDetail = z.infer<typeof adultScreeningDetail>;

export const SCREENING_FILTERS = ['semua', 'hipertensi', 'gula', 'obesitas', 'rujuk'] as const;
export type ScreeningFilter = (typeof SCREENING_FILTERS)[number];

const desaFilter = z.union([recordId, z.literal('luar')]).optional();

const screeningListInput = {
  q: z.string().max(100).default(''),
  desaId: desaFilter,
  /** Screening dates from/to (inclusive). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  hasil: z.enum(SCREENING_FILTERS).default('semua'),
};

// ---------------------------------------------------------------- HT/DM registers

export const adultPatientInput = z.object({
  program: z.enum(FOLLOW_UP_PROGRAMS),
  icd10: z.string().trim().toUpperCase().min(1).max(8),
  diagnosedOn: isoDate,
  diagnosedPlace: z.enum(DIAGNOSIS_PLACES),
  screeningId: nullableId,
  performerId: nullableId,
  notes: optionalText(1000),
  /** Left the register (the row stays): both or neither. */
  endedOn: isoDate.nullish().transform((v) => v ?? null),
  endReason: z
    .enum(END_REASONS)
    .nullish()
    .transform((v) => v ?? null),
});
export type AdultPatientInput = z.input<typeof adultPatientInput>;

export const CONTROL_STATUSES = ['terkendali', 'tidak_terkendali', 'data_kurang'] as const;

export const adultPatientRow = z.object({
  id: z.string(),
  version: z.number(),
  ...personOut,
  program: z.enum(FOLLOW_UP_PROGRAMS),
  icd10: z.string(),
  diagnosedOn: z.string(),
  diagnosedPlace: z.enum(DIAGNOSIS_PLACES),
  screeningId: z.string().nullable(),
  performerId: z.string().nullable(),
  notes: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  lastVisitOn: z.string().nullable(),
  lastSystolic: z.number().nullable(),
  lastDiastolic: z.number().nullable(),
  lastGlucose: z
    .object({ test: z.enum(GLUCOSE_TESTS), value: z.number(), date: z.string() })
    .nullable(),
  control: z.enum(CONTROL_STATUSES),
  controlBasedOn: z.array(z.string()),
  controlSetId: z.string(),
  kontrolBulanIni: z.boolean(),
  missedMonths: z.number(),
  mangkir: z.boolean(),
});
export type AdultPatientRow = z.infer<typeof adultPatientRow>;

export const ADULT_WORK_LISTS = ['semua', 'belumKontrol', 'tidakTerkendali', 'mangkir'] as const;
export type WorkListName = (typeof ADULT_WORK_LISTS)[number];

const patientListInput = {
  program: z.enum(FOLLOW_UP_PROGRAMS),
  list: z.enum(ADULT_WORK_LISTS).default('semua'),
  q: z.string().max(100).default(''),
  desaId: desaFilter,
  /** Also show patients who left the register. */
  includeEnded: z.boolean().default(false),
};

// ---------------------------------------------------------------- kontrol

export const adultKontrolInput = z
  .object({
    visitOn: isoDate,
    ...serviceFields,
    systolic: opt(z.number()),
    diastolic: opt(z.number()),
    gulaTest: opt(z.enum(KONTROL_GLUCOSE_TESTS)),
    gulaValue: opt(z.number()),
    hba1c: opt(z.number()),
    obat: z.array(z.enum(MEDICINES)).max(MEDICINES.length).default([]),
    obatLain: optionalText(200),
    kepatuhan: z
      .enum(ADHERENCE)
      .nullish()
      .transform((v) => v ?? null),
    komplikasi: z.array(z.enum(COMPLICATIONS)).max(COMPLICATIONS.length).default([]),
  })
  .superRefine(posyanduWhenThere, ALWAYS);
export type AdultKontrolInput = z.input<typeof adultKontrolInput>;

export const adultKontrolRow = z.object({
  id: z.string(),
  version: z.number(),
  personId: z.string(),
  visitOn: z.string(),
  ...serviceOut,
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  tdCode: z.enum(RESULT_CODES).nullable(),
  gulaTest: z.enum(KONTROL_GLUCOSE_TESTS).nullable(),
  gulaValue: z.number().nullable(),
  hba1c: z.number().nullable(),
  obat: z.array(z.enum(MEDICINES)),
  obatLain: z.string().nullable(),
  kepatuhan: z.enum(ADHERENCE).nullable(),
  komplikasi: z.array(z.enum(COMPLICATIONS)),
});
export type AdultKontrolRow = z.infer<typeof adultKontrolRow>;

// ---------------------------------------------------------------- lansia

export const skilasInput = z.object({
  kognitif: z.object({
    orientasiWaktuBenar: yesNo,
    orientasiTempatBenar: yesNo,
    kataDiingat: z.number(),
  }),
  mobilisasi: z.object({ tidakMampu: yesNo, waktuDetik: opt(z.number()) }),
  malnutrisi: z.object({ beratTurun: yesNo, nafsuMakanHilang: yesNo, lilaCm: z.number() }),
  penglihatan: z.object({ masalahMata: yesNo, hitungJariBenar: opt(yesNo) }),
  pendengaran: z.object({ tesBisik: z.enum(WHISPER_RESULTS) }),
  depresi: z.object({ sedihTertekan: yesNo, kurangMinat: yesNo }),
});

export const barthelInput = z.object(
  Object.fromEntries(BARTHEL_ITEMS.map((k) => [k, z.number()])) as Record<
    (typeof BARTHEL_ITEMS)[number],
    z.ZodNumber
  >,
);

export const adultLansiaInput = z
  .object({
    screenedOn: isoDate,
    ...serviceFields,
    skilas: opt(skilasInput),
    barthel: opt(barthelInput),
  })
  .superRefine(posyanduWhenThere, ALWAYS)
  .superRefine((v, ctx) => {
    if (!v.skilas && !v.barthel) {
      ctx.addIssue({ code: 'custom', path: ['skilas'], message: 'adult.validation.lansiaEmpty' });
    }
  }, ALWAYS);
export type AdultLansiaInput = z.input<typeof adultLansiaInput>;

export const adultLansiaRow = z.object({
  id: z.string(),
  version: z.number(),
  personId: z.string(),
  screenedOn: z.string(),
  ageYears: z.number(),
  ...serviceOut,
  skilasVersion: z.string().nullable(),
  skilasPositive: z.array(z.enum(SKILAS_DOMAINS)).nullable(),
  skilasRujuk: z.boolean().nullable(),
  barthelVersion: z.string().nullable(),
  barthelTotal: z.number().nullable(),
  barthelCode: z.enum(RESULT_CODES).nullable(),
});
export type AdultLansiaRow = z.infer<typeof adultLansiaRow>;

export const adultLansiaDetail = adultLansiaRow.extend({
  ...personOut,
  input: adultLansiaInput,
  lines: z.array(cardLine),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type AdultLansiaDetail = z.infer<typeof adultLansiaDetail>;

/** The lansia list: every person ≥ 60 with the last SKILAS and the last Barthel. */
export const lansiaListRow = z.object({
  ...personOut,
  ageYears: z.number(),
  lastSkilasOn: z.string().nullable(),
  skilasRujuk: z.boolean().nullable(),
  skilasPositive: z.array(z.enum(SKILAS_DOMAINS)).nullable(),
  lastBarthelOn: z.string().nullable(),
  barthelTotal: z.number().nullable(),
  barthelCode: z.enum(RESULT_CODES).nullable(),
  dueThisYear: z.boolean(),
});
export type LansiaListRow = z.infer<typeof lansiaListRow>;

export const LANSIA_LISTS = ['semua', 'belumSkrining', 'rujuk', 'ketergantungan'] as const;
export type LansiaListName = (typeof LANSIA_LISTS)[number];

const lansiaListInput = {
  list: z.enum(LANSIA_LISTS).default('semua'),
  q: z.string().max(100).default(''),
  desaId: desaFilter,
};

// ---------------------------------------------------------------- person card

export const trendPoint = z.object({
  date: z.string(),
  source: z.enum(['skrining', 'kontrol']),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  glucose: z.array(z.object({ test: z.enum(GLUCOSE_TESTS), value: z.number() })),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const adultPersonSummary = z.object({
  asOf: z.string(),
  ageYears: z.number(),
  screenings: z.array(adultScreeningRow),
  patients: z.array(adultPatientRow),
  kontrol: z.array(adultKontrolRow),
  lansia: z.array(adultLansiaRow),
  trend: z.array(trendPoint),
  /** No PTM screening yet this calendar year (SPM 6/7 count once a year). */
  ptmDue: z.boolean(),
  /** ≥ 60 without a SKILAS this year; null under 60. */
  skilasDue: z.boolean().nullable(),
});
export type AdultPersonSummary = z.infer<typeof adultPersonSummary>;

const deleteInput = z.object({ id: recordId, version, reason: requiredText(300) }).strict();
const done = z.object({ id: z.string() });

export const adultChannels = {
  'adult.settings.get': channel(noInput, adultSettings),
  'adult.settings.set': channel(adultSettings.partial().strict(), adultSettings),

  'adult.screening.list': channel(
    z.object({ ...screeningListInput, ...paging }).strict(),
    z.object({ rows: z.array(adultScreeningRow), total: z.number() }),
  ),
  'adult.screening.export': channel(z.object(screeningListInput).strict(), fileDownload),
  'adult.screening.get': channel(z.object({ id: recordId }).strict(), adultScreeningDetail),
  'adult.screening.create': channel(
    z.object({ personId: recordId, screening: adultScreeningInput }).strict(),
    adultScreeningDetail,
  ),
  'adult.screening.update': channel(
    z.object({ id: recordId, version, screening: adultScreeningInput }).strict(),
    adultScreeningDetail,
  ),
  'adult.screening.delete': channel(deleteInput, done),

  'adult.patient.list': channel(
    z.object({ ...patientListInput, ...paging }).strict(),
    z.object({
      rows: z.array(adultPatientRow),
      total: z.number(),
      asOf: z.string(),
      counts: z.object(
        Object.fromEntries(ADULT_WORK_LISTS.map((k) => [k, z.number()])) as Record<
          WorkListName,
          z.ZodNumber
        >,
      ),
    }),
  ),
  'adult.patient.export': channel(z.object(patientListInput).strict(), fileDownload),
  'adult.patient.create': channel(
    z.object({ personId: recordId, patient: adultPatientInput }).strict(),
    adultPatientRow,
  ),
  'adult.patient.update': channel(
    z.object({ id: recordId, version, patient: adultPatientInput }).strict(),
    adultPatientRow,
  ),
  'adult.patient.delete': channel(deleteInput, done),

  'adult.kontrol.create': channel(
    z.object({ personId: recordId, kontrol: adultKontrolInput }).strict(),
    adultKontrolRow,
  ),
  'adult.kontrol.update': channel(
    z.object({ id: recordId, version, kontrol: adultKontrolInput }).strict(),
    adultKontrolRow,
  ),
  'adult.kontrol.delete': channel(deleteInput, done),

  'adult.lansia.list': channel(
    z.object({ ...lansiaListInput, ...paging }).strict(),
    z.object({
      rows: z.array(lansiaListRow),
      total: z.number(),
      year: z.string(),
      counts: z.object(
        Object.fromEntries(LANSIA_LISTS.map((k) => [k, z.number()])) as Record<
          LansiaListName,
          z.ZodNumber
        >,
      ),
    }),
  ),
  'adult.lansia.export': channel(z.object(lansiaListInput).strict(), fileDownload),
  'adult.lansia.get': channel(z.object({ id: recordId }).strict(), adultLansiaDetail),
  'adult.lansia.create': channel(
    z.object({ personId: recordId, lansia: adultLansiaInput }).strict(),
    adultLansiaDetail,
  ),
  'adult.lansia.update': channel(
    z.object({ id: recordId, version, lansia: adultLansiaInput }).strict(),
    adultLansiaDetail,
  ),
  'adult.lansia.delete': channel(deleteInput, done),

  'adult.person.summary': channel(z.object({ personId: recordId }).strict(), adultPersonSummary),
};
