import type { Kysely, Selectable } from 'kysely';
import {
  MATERNAL_RULE_CHOICE_DEFAULT,
  type EpisodeInput,
  type MaternalRuleChoice,
} from '@shared/domain/maternal';
import type {
  AncComplication,
  DeliveryAttendant,
  DeliveryPlace,
  LabResult,
  PregnancyRiskFactor,
} from '@shared/domain/maternal';
import type {
  AncContactTable,
  DeliveryBabyTable,
  DeliveryTable,
  KbVisitTable,
  NifasVisitTable,
  PregnancyTable,
  TdDoseTable,
  VitaminANifasTable,
} from '../db/maternal-tables';
import type { DB } from '../db/schema';

/** Loading the maternal records of one or many pregnancies, for the card and the registers. */

export type PregnancyRow = Selectable<PregnancyTable>;
export type AncRow = Selectable<AncContactTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
export type BabyRow = Selectable<DeliveryBabyTable>;
export type NifasRow = Selectable<NifasVisitTable>;
export type VitaminARow = Selectable<VitaminANifasTable>;
export type TdRow = Selectable<TdDoseTable>;
export type KbRow = Selectable<KbVisitTable>;

export const RULES_KEY = 'maternal.rules';

export async function readRuleChoice(q: Kysely<DB>): Promise<MaternalRuleChoice> {
  const row = await q
    .selectFrom('settings')
    .select('value')
    .where('key', '=', RULES_KEY)
    .executeTakeFirst();
  if (!row) return MATERNAL_RULE_CHOICE_DEFAULT;
  const stored = JSON.parse(row.value) as Partial<MaternalRuleChoice>;
  return { ...MATERNAL_RULE_CHOICE_DEFAULT, ...stored };
}

export interface MotherRow {
  id: string;
  name: string;
  nik: string | null;
  no_kk: string | null;
  sex: 'L' | 'P';
  birth_date: string;
  desa_id: string | null;
  desa_name: string | null;
  outside_address: string | null;
  posyandu_id: string | null;
  posyandu_name: string | null;
  phone: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  deleted_at: string | null;
}

export async function findPerson(q: Kysely<DB>, id: string): Promise<MotherRow | undefined> {
  return q
    .selectFrom('person as p')
    .leftJoin('desa as d', 'd.id', 'p.desa_id')
    .leftJoin('posyandu as y', 'y.id', 'p.posyandu_id')
    .select([
      'p.id',
      'p.name',
      'p.nik',
      'p.no_kk',
      'p.sex',
      'p.birth_date',
      'p.desa_id',
      'd.name as desa_name',
      'p.outside_address',
      'p.posyandu_id',
      'y.name as posyandu_name',
      'p.phone',
      'p.address',
      'p.rt',
      'p.rw',
      'p.deleted_at',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export const list = <T>(json: string): T[] => JSON.parse(json) as T[];

export interface EpisodeFacts {
  contacts: AncRow[];
  delivery: DeliveryRow | null;
  babies: BabyRow[];
  nifas: NifasRow[];
  vitaminA: VitaminARow[];
}

function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Contacts, delivery (+ babies), nifas visits and vitamin A of each pregnancy, living rows only. */
export async function loadFacts(
  q: Kysely<DB>,
  pregnancyIds: readonly string[],
): Promise<Map<string, EpisodeFacts>> {
  const facts = new Map<string, EpisodeFacts>();
  for (const id of pregnancyIds) {
    facts.set(id, { contacts: [], delivery: null, babies: [], nifas: [], vitaminA: [] });
  }
  for (const ids of chunks([...facts.keys()])) {
    const [contacts, deliveries, nifas, vitaminA] = await Promise.all([
      q
        .selectFrom('anc_contact')
        .selectAll()
        .where('pregnancy_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .orderBy('visit_date')
        .execute(),
      q
        .selectFrom('delivery')
        .selectAll()
        .where('pregnancy_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute(),
      q
        .selectFrom('nifas_visit')
        .selectAll()
        .where('pregnancy_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .orderBy('visited_at')
        .execute(),
      q
        .selectFrom('vitamin_a_nifas')
        .selectAll()
        .where('pregnancy_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .orderBy('given_at')
        .execute(),
    ]);
    contacts.forEach((c) => facts.get(c.pregnancy_id)!.contacts.push(c));
    deliveries.forEach((d) => (facts.get(d.pregnancy_id)!.delivery = d));
    nifas.forEach((n) => facts.get(n.pregnancy_id)!.nifas.push(n));
    vitaminA.forEach((v) => facts.get(v.pregnancy_id)!.vitaminA.push(v));
    const deliveryIds = deliveries.map((d) => d.id);
    if (deliveryIds.length > 0) {
      const babies = await q
        .selectFrom('delivery_baby')
        .selectAll()
        .where('delivery_id', 'in', deliveryIds)
        .where('deleted_at', 'is', null)
        .orderBy('birth_order')
        .execute();
      const byDelivery = new Map(deliveries.map((d) => [d.id, d.pregnancy_id]));
      babies.forEach((b) => facts.get(byDelivery.get(b.delivery_id)!)!.babies.push(b));
    }
  }
  return facts;
}

/** Td doses of each person (living rows), in date order. */
export async function loadTdDoses(
  q: Kysely<DB>,
  personIds: readonly string[],
): Promise<Map<string, TdRow[]>> {
  const out = new Map<string, TdRow[]>(personIds.map((id) => [id, []]));
  for (const ids of chunks([...out.keys()])) {
    const rows = await q
      .selectFrom('td_dose')
      .selectAll()
      .where('person_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('dose_date')
      .execute();
    rows.forEach((r) => out.get(r.person_id)!.push(r));
  }
  return out;
}

/** The pure rule input of a pregnancy from its stored rows. */
export function episodeInput(
  motherBirthDate: string,
  p: PregnancyRow,
  facts: EpisodeFacts,
  td: readonly TdRow[],
): EpisodeInput {
  const num = (v: number | null) => (v === null ? undefined : v);
  return {
    motherBirthDate,
    hpht: p.hpht,
    hpl: p.hpl,
    gravida: p.gravida,
    para: p.para,
    abortus: p.abortus,
    previousDeliveryDate: p.previous_delivery_date,
    heightCm: p.height_cm,
    preWeightKg: p.pre_weight_kg,
    riskFactors: list<PregnancyRiskFactor>(p.risk_factors),
    outcome: p.outcome,
    endedOn: p.ended_on,
    contacts: facts.contacts.map((c) => ({
      id: c.id,
      date: c.visit_date,
      byDoctor: c.by_doctor === 1,
      weightKg: num(c.weight_kg),
      lilaCm: num(c.lila_cm),
      systolic: num(c.systolic),
      diastolic: num(c.diastolic),
      hbGdl: num(c.hb_gdl),
      djjPerMin: num(c.djj_per_min),
      tfuCm: num(c.tfu_cm),
      hiv: c.hiv as LabResult | null,
      syphilis: c.syphilis as LabResult | null,
      hbsag: c.hbsag as LabResult | null,
      complications: list<AncComplication>(c.complications),
      nextVisitDate: c.next_visit_date,
    })),
    delivery: facts.delivery
      ? {
          deliveredAt: facts.delivery.delivered_at,
          place: facts.delivery.delivery_place as DeliveryPlace,
          attendant: facts.delivery.attendant as DeliveryAttendant,
          babies: facts.babies.map((b) => ({ birthWeightG: b.birth_weight_g })),
        }
      : null,
    nifasVisits: facts.nifas.map((n) => ({ id: n.id, at: n.visited_at })),
    vitaminA: facts.vitaminA.map((v) => v.given_at),
    tdDoses: td.map((d) => ({ date: d.dose_date, kind: d.kind })),
  };
}
