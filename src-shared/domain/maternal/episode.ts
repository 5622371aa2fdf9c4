/**
 * One pregnancy episode seen whole: every value the kohort ibu row, the pregnancy card and the
 * forms show is derived here from the stored facts with the area's rules, under the rule sets
 * the puskesmas chose (`MaternalRuleChoice`). Pure: the service, the card and the forms call the
 * same function, so the screen, the register and the export never disagree.
 */
import { addDays, ageOn, isIsoDate } from '../dates';
import { byId, type ReferenceSet } from '../reference';
import {
  ANC_SPLIT_1_2_3,
  ANC_SPLIT_SETS,
  ancCompletion,
  labelAncContacts,
  type AncCompletion,
  type AncSplitSet,
} from './anc';
import {
  DATING_DEFAULT,
  gestationalAgeAt,
  imtSebelumHamil,
  NAEGELE_DAYS,
  targetKenaikanBb,
  termCategory,
  TRIMESTER_COMPLETED_WEEKS,
  TRIMESTER_SETS,
  trimesterOf,
  WEIGHT_GAIN_SATUSEHAT,
  type DatingSet,
  type GestationalAge,
  type TermCategory,
  type Trimester,
  type TrimesterSet,
  type WeightGainBand,
} from './dating';
import { localDateOf } from './datetime';
import {
  NIFAS_KF4_2020,
  NIFAS_SETS,
  nifasCompletion,
  VITAMIN_A_NIFAS,
  vitaminANifas,
  type NifasCompletion,
  type NifasSet,
  type VitaminANifas,
} from './nifas';
import { DELIVERY_DEFAULT, isBblr, isPersalinanFasyankes, type DeliverySet } from './persalinan';
import type { DeliveryAttendant, DeliveryPlace } from './persalinan';
import { PLAUSIBILITY_DEFAULT, type PlausibilitySet } from './plausibility';
import type { Label } from '../refusal';
import type { CodeLabels } from './codes';
import {
  ANC_COMPLICATIONS,
  PREGNANCY_RISK_FACTORS,
  type AncComplication,
  type LabResult,
  type PregnancyRiskFactor,
} from './records';
import {
  fourTerlalu,
  RISK_DEFAULT,
  RISK_FLAG_LABELS,
  riskFlags,
  type AncMeasurements,
  type FourTerlalu,
  type RiskFlagCode,
  type RiskSet,
} from './risk';
import { TD_KEMENKES, tdStatus, type TdDose, type TdSet, type TdStatus } from './td';

/** The choices a puskesmas (admin) makes among the [UNCONFIRMED] reference sets. */
export interface MaternalRuleChoice {
  readonly ancSplitId: string;
  readonly trimesterId: string;
  readonly nifasId: string;
}

export const MATERNAL_RULE_CHOICE_DEFAULT: MaternalRuleChoice = {
  ancSplitId: ANC_SPLIT_1_2_3.id,
  trimesterId: TRIMESTER_COMPLETED_WEEKS.id,
  nifasId: NIFAS_KF4_2020.id,
};

/** Every reference set the maternal rules take. */
export interface MaternalRules {
  readonly split: AncSplitSet;
  readonly trimester: TrimesterSet;
  readonly nifas: NifasSet;
  readonly dating: DatingSet;
  readonly risk: RiskSet;
  readonly plausibility: PlausibilitySet;
  readonly delivery: DeliverySet;
  readonly td: TdSet;
  readonly revisit: AncRevisitSet;
}

/** The sets for a choice (unknown ids fall back to the defaults: an old setting stays usable). */
export function maternalRules(choice: Partial<MaternalRuleChoice> = {}): MaternalRules {
  const pick = <T extends ReferenceSet>(sets: readonly T[], id: string | undefined, def: T) => {
    try {
      return id ? byId(sets, id) : def;
    } catch {
      return def;
    }
  };
  return {
    split: pick(ANC_SPLIT_SETS, choice.ancSplitId, ANC_SPLIT_1_2_3),
    trimester: pick(TRIMESTER_SETS, choice.trimesterId, TRIMESTER_COMPLETED_WEEKS),
    nifas: pick(NIFAS_SETS, choice.nifasId, NIFAS_KF4_2020),
    dating: DATING_DEFAULT,
    risk: RISK_DEFAULT,
    plausibility: PLAUSIBILITY_DEFAULT,
    delivery: DELIVERY_DEFAULT,
    td: TD_KEMENKES,
    revisit: ANC_REVISIT_DEFAULT,
  };
}

/** Suggested interval to the next ANC contact, by gestational age at the contact. */
export interface AncRevisitSet extends ReferenceSet {
  /** Ordered by `beforeDays`; the first band whose `beforeDays` is above the GA applies. */
  readonly bands: readonly { readonly beforeDays: number; readonly intervalDays: number }[];
  /** No suggestion from this GA on (the pregnancy should have ended). */
  readonly noneFromDays: number;
}

/**
 * Default [GK]: the classic Buku KIA / WHO schedule: every 4 weeks until 28w0d, every 2 weeks from
 * 28w0d to 35w6d, every week from 36w0d, none from 42w0d (postterm: refer).
 */
export const ANC_REVISIT_DEFAULT: AncRevisitSet = {
  id: 'anc.revisit.buku-kia',
  title: 'Saran jadwal kunjungan ANC berikutnya (4 minggu / 2 minggu / 1 minggu)',
  validFrom: '2000-01-01',
  source: 'Buku KIA / WHO classic ANC schedule [GK]; the clerk may write another date',
  bands: [
    { beforeDays: 28 * 7, intervalDays: 28 },
    { beforeDays: 36 * 7, intervalDays: 14 },
    { beforeDays: 42 * 7, intervalDays: 7 },
  ],
  noneFromDays: 42 * 7,
};

/**
 * The suggested next ANC visit after a contact at gestational age `ga` on `visitDate`:
 * 27w6d → +28 days, 28w0d → +14, 35w6d → +14, 36w0d → +7, 42w0d → none.
 */
export function suggestAncNextVisit(
  visitDate: string,
  ga: GestationalAge,
  set: AncRevisitSet,
): string | null {
  if (!isIsoDate(visitDate)) throw new RangeError(`Not an ISO date: ${visitDate}`);
  if (ga.totalDays >= set.noneFromDays) return null;
  const band = set.bands.find((b) => ga.totalDays < b.beforeDays);
  return band ? addDays(visitDate, band.intervalDays) : null;
}

/** Flags beyond `RISK_FLAG_CODES`: reactive triple-eliminasi tests. */
export const LAB_FLAG_CODES = ['HIV_REAKTIF', 'SIFILIS_REAKTIF', 'HBSAG_REAKTIF'] as const;
export type LabFlagCode = (typeof LAB_FLAG_CODES)[number];

export const LAB_FLAG_LABELS: CodeLabels<LabFlagCode> = {
  HIV_REAKTIF: { id: 'HIV reaktif', en: 'HIV reactive' },
  SIFILIS_REAKTIF: { id: 'Sifilis reaktif', en: 'Syphilis reactive' },
  HBSAG_REAKTIF: { id: 'HBsAg reaktif', en: 'HBsAg reactive' },
};

/** Every flag a pregnancy can carry, as stable codes. */
export type PregnancyFlag = RiskFlagCode | LabFlagCode | PregnancyRiskFactor | AncComplication;

/** Short labels of every flag (register cells, badges, exports). */
export const PREGNANCY_FLAG_LABELS: CodeLabels<PregnancyFlag> = {
  ...RISK_FLAG_LABELS,
  KEK: { id: 'KEK', en: 'Low MUAC (CED)' },
  HIPERTENSI_KEHAMILAN: { id: 'Hipertensi', en: 'Hypertension' },
  TINGGI_BADAN_RENDAH: { id: 'TB < 145 cm', en: 'Height < 145 cm' },
  ...LAB_FLAG_LABELS,
  ...PREGNANCY_RISK_FACTORS,
  ...ANC_COMPLICATIONS,
};

/** The label of a stored flag code (an unknown code is shown as itself). */
export function flagLabel(code: string): Label {
  return (PREGNANCY_FLAG_LABELS as Record<string, Label>)[code] ?? { id: code, en: code };
}

/** The earliest date an ANC visit may have: HPHT, but never before HPL − 280 (USG dating). */
export function pregnancyStart(p: { readonly hpht: string | null; readonly hpl: string }): string {
  const implied = addDays(p.hpl, -NAEGELE_DAYS);
  return p.hpht && p.hpht > implied ? p.hpht : implied;
}

export interface EpisodeContact extends AncMeasurements {
  readonly id: string;
  readonly date: string;
  readonly byDoctor: boolean;
  readonly hiv?: LabResult | null;
  readonly syphilis?: LabResult | null;
  readonly hbsag?: LabResult | null;
  readonly complications?: readonly AncComplication[];
  readonly nextVisitDate?: string | null;
}

export interface EpisodeInput {
  readonly motherBirthDate: string;
  readonly hpht: string | null;
  readonly hpl: string;
  readonly gravida: number;
  readonly para: number;
  readonly abortus: number;
  readonly previousDeliveryDate: string | null;
  readonly heightCm: number | null;
  readonly preWeightKg: number | null;
  readonly riskFactors: readonly PregnancyRiskFactor[];
  /** Ended (delivered, abortus…) or open. */
  readonly outcome: string | null;
  readonly endedOn: string | null;
  readonly contacts: readonly EpisodeContact[];
  readonly delivery?: {
    readonly deliveredAt: string;
    readonly place: DeliveryPlace;
    readonly attendant: DeliveryAttendant;
    readonly babies: readonly { readonly birthWeightG: number | null }[];
  } | null;
  readonly nifasVisits: readonly { readonly id: string; readonly at: string }[];
  readonly vitaminA: readonly string[];
  readonly tdDoses: readonly TdDose[];
}

export interface EpisodeContactView {
  readonly id: string;
  readonly date: string;
  readonly ga: GestationalAge;
  readonly trimester: Trimester;
  readonly label: string | null;
  readonly k1Akses: boolean;
  readonly k1Murni: boolean;
  readonly beyondSplit: boolean;
  readonly byDoctor: boolean;
  readonly doctorExpected: boolean;
  readonly flags: readonly PregnancyFlag[];
}

export interface EpisodeView {
  /** Usia kehamilan on `asOf` (null when ended or `asOf` is before the start). */
  readonly gaToday: GestationalAge | null;
  readonly trimesterToday: Trimester | null;
  readonly start: string;
  readonly ageAtHpht: number | null;
  readonly fourTerlalu: FourTerlalu | null;
  readonly imt: number | null;
  readonly weightGain: WeightGainBand | null;
  readonly contacts: readonly EpisodeContactView[];
  readonly anc: AncCompletion;
  readonly k1Murni: boolean;
  /** Every flag of the pregnancy, stable order, no repeats. */
  readonly flags: readonly PregnancyFlag[];
  /** The next ANC visit written at the last contact (or suggested), when still open. */
  readonly nextVisit: string | null;
  readonly delivery: {
    readonly date: string;
    readonly ga: GestationalAge | null;
    readonly term: TermCategory | null;
    readonly fasyankes: boolean;
    readonly bblr: boolean;
  } | null;
  readonly nifas: NifasCompletion | null;
  readonly vitaminA: VitaminANifas | null;
  readonly td: TdStatus;
}

const labFlags = (c: EpisodeContact): LabFlagCode[] => [
  ...(c.hiv === 'REAKTIF' ? (['HIV_REAKTIF'] as const) : []),
  ...(c.syphilis === 'REAKTIF' ? (['SIFILIS_REAKTIF'] as const) : []),
  ...(c.hbsag === 'REAKTIF' ? (['HBSAG_REAKTIF'] as const) : []),
];

function measurementsOf(c: EpisodeContact): AncMeasurements {
  const m: Record<string, number> = {};
  for (const key of [
    'weightKg',
    'lilaCm',
    'systolic',
    'diastolic',
    'hbGdl',
    'djjPerMin',
    'tfuCm',
  ] as const) {
    const v = c[key];
    if (typeof v === 'number') m[key] = v;
  }
  return m;
}

/**
 * Everything derived for one pregnancy on `asOf`. Contacts must already be valid (inside the
 * visit window, one per date, plausible values): the service refuses anything else before it is
 * stored, so here a refusal is a programming error and throws.
 */
export function describeEpisode(
  input: EpisodeInput,
  rules: MaternalRules,
  asOf: string,
): EpisodeView {
  const start = pregnancyStart(input);
  const contacts = [...input.contacts].sort((a, b) => (a.date < b.date ? -1 : 1));
  const withTrimester = contacts.map((c) => ({
    c,
    ga: gestationalAgeAt(input.hpl, c.date),
  }));
  const ancContacts = withTrimester.map(({ c, ga }) => ({
    date: c.date,
    trimester: trimesterOf(ga, rules.trimester),
    byDoctor: c.byDoctor,
  }));
  const labelled = labelAncContacts(ancContacts, rules.split);
  const completed = ancCompletion(ancContacts, rules.split);
  if (!labelled.ok || !completed.ok) {
    const problems = labelled.ok ? [] : labelled.refusals;
    throw new RangeError(`Invalid ANC history: ${problems.map((p) => p.code).join(', ')}`);
  }

  const history = {
    birthDate: input.motherBirthDate,
    hpht: start,
    hpl: input.hpl,
    gravida: input.gravida,
    para: input.para,
    abortus: input.abortus,
    ...(input.previousDeliveryDate && input.previousDeliveryDate < start
      ? { previousDeliveryDate: input.previousDeliveryDate }
      : {}),
  };
  const base = riskFlags(
    { ...history, ...(input.heightCm !== null ? { heightCm: input.heightCm } : {}) },
    rules.risk,
    rules.plausibility,
  );
  const terlalu = fourTerlalu(history, rules.risk, rules.plausibility);
  const baseFlags: PregnancyFlag[] = base.ok ? base.value : [];

  const contactViews: EpisodeContactView[] = withTrimester.map(({ c, ga }, i) => {
    const l = labelled.value[i]!;
    const measured = riskFlags(measurementsOf(c), rules.risk, rules.plausibility);
    return {
      id: c.id,
      date: c.date,
      ga,
      trimester: l.trimester,
      label: l.label,
      k1Akses: l.k1Akses,
      k1Murni: l.k1Murni,
      beyondSplit: l.beyondSplit,
      byDoctor: l.byDoctor,
      doctorExpected: l.doctorExpected,
      flags: [...(measured.ok ? measured.value : []), ...labFlags(c), ...(c.complications ?? [])],
    };
  });

  const order: PregnancyFlag[] = [];
  const add = (f: PregnancyFlag) => {
    if (!order.includes(f)) order.push(f);
  };
  baseFlags.forEach(add);
  contactViews.forEach((c) => c.flags.forEach(add));
  input.riskFactors.forEach(add);

  const open = input.outcome === null;
  const gaToday = open && asOf >= start ? gestationalAgeAt(input.hpl, asOf) : null;
  const last = contacts.at(-1);
  const lastView = contactViews.at(-1);
  const nextVisit =
    !open || !last || !lastView
      ? null
      : (last.nextVisitDate ?? suggestAncNextVisit(last.date, lastView.ga, rules.revisit));

  let imt: number | null = null;
  let weightGain: WeightGainBand | null = null;
  if (input.heightCm !== null && input.preWeightKg !== null) {
    const r = imtSebelumHamil(input.preWeightKg, input.heightCm, rules.plausibility);
    if (r.ok) {
      imt = r.value;
      weightGain = targetKenaikanBb(r.value, WEIGHT_GAIN_SATUSEHAT);
    }
  }

  let delivery: EpisodeView['delivery'] = null;
  let nifas: NifasCompletion | null = null;
  let vitA: VitaminANifas | null = null;
  if (input.delivery) {
    const date = localDateOf(input.delivery.deliveredAt);
    const ga = date >= start ? gestationalAgeAt(input.hpl, date) : null;
    delivery = {
      date,
      ga,
      term: ga ? termCategory(ga, rules.dating) : null,
      fasyankes: isPersalinanFasyankes(
        input.delivery.place,
        input.delivery.attendant,
        rules.delivery,
      ),
      bblr: input.delivery.babies.some(
        (b) => b.birthWeightG !== null && isBblr(b.birthWeightG, rules.delivery),
      ),
    };
    nifas = nifasCompletion(
      input.delivery.deliveredAt,
      input.nifasVisits.map((v) => v.at),
      rules.nifas,
    );
    vitA = vitaminANifas(input.vitaminA, VITAMIN_A_NIFAS, input.delivery.deliveredAt);
  }

  return {
    gaToday,
    trimesterToday: gaToday ? trimesterOf(gaToday, rules.trimester) : null,
    start,
    ageAtHpht: isIsoDate(input.motherBirthDate) ? ageOn(input.motherBirthDate, start).years : null,
    fourTerlalu: terlalu.ok ? terlalu.value : null,
    imt,
    weightGain,
    contacts: contactViews,
    anc: completed.value,
    k1Murni: contactViews[0]?.k1Murni ?? false,
    flags: order,
    nextVisit,
    delivery,
    nifas,
    vitaminA: vitA,
    td: tdStatus(input.tdDoses, asOf, rules.td),
  };
}
