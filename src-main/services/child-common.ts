import type { Kysely } from 'kysely';
import {
  AppError,
  summariseIssues,
  type FieldIssue,
  type GrowthRow,
  type ImmunizationRow,
  type IssueDto,
  type NeonatalRow,
  type VitaminARow,
} from '@shared/contract';
import { addMonths } from '@shared/domain/dates';
import {
  assessMeasurement,
  growthStatusByDate,
  implausibleMessages,
  underFiveAge,
  type ImplausibleFlag,
  type MeasurementAssessment,
  type KbmTable,
  type Weighing,
} from '@shared/domain/growth';
import {
  scheduleOn,
  validateHistory,
  type DoseCode,
  type DoseRecord,
  type ImmunizationSchedule,
} from '@shared/domain/immunization';
import {
  classifyNeonatalVisit,
  neonatalRulesOn,
  vitaminARoundOf,
  vitaminARulesOn,
} from '@shared/domain/child-services';
import type { FieldProblem } from '@shared/domain/refusal';
import { toFieldIssues } from '@shared/domain/refusal';
import {
  fieldLabel,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '@shared/i18n';
import { insertRecord, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import type {
  GrowthMeasurementTable,
  ImmunizationTable,
  NeonatalVisitTable,
  VitaminATable,
} from '../db/schema-child';
import type { Selectable } from 'kysely';

/** The person facts every child service needs. */
export interface ChildFacts {
  id: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  nik: string | null;
  nikIbu: string | null;
  motherName: string | null;
  desaId: string | null;
  desaName: string | null;
  rt: string | null;
  rw: string | null;
  posyanduId: string | null;
  posyanduName: string | null;
  deleted: boolean;
}

export async function childFacts(
  q: Kysely<DB>,
  personId: string,
  locale: Locale,
): Promise<ChildFacts> {
  const p = await q
    .selectFrom('person as p')
    .leftJoin('person as m', 'm.id', 'p.mother_id')
    .leftJoin('desa as d', 'd.id', 'p.desa_id')
    .leftJoin('posyandu as y', 'y.id', 'p.posyandu_id')
    .select([
      'p.id',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.nik',
      'p.nik_ibu',
      'p.desa_id',
      'p.rt',
      'p.rw',
      'p.posyandu_id',
      'p.deleted_at',
      'm.name as mother_name',
      'd.name as desa_name',
      'y.name as posyandu_name',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
  return {
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    nik: p.nik,
    nikIbu: p.nik_ibu,
    motherName: p.mother_name,
    desaId: p.desa_id,
    desaName: p.desa_name,
    rt: p.rt,
    rw: p.rw,
    posyanduId: p.posyandu_id,
    posyanduName: p.posyandu_name,
    deleted: p.deleted_at !== null,
  };
}

/** A field problem with the input path and the dictionary message. */
export function fieldError(
  locale: Locale,
  path: string,
  key: MessageKey,
  params?: MessageParams,
  options: { code?: 'INVALID_INPUT' | 'DUPLICATE' | 'RULE_VIOLATION' | 'CONFLICT' } = {},
): AppError {
  const message = translate(locale, key, params);
  const field = fieldLabel(locale, path.split('.').at(-1) ?? path);
  return new AppError(options.code ?? 'INVALID_INPUT', `${field}: ${message}`, {
    issues: [{ path, field, message }],
  });
}

/** Refusals or issues of a domain rule as one error, paths under `prefix`. */
export function problemsError(
  problems: readonly FieldProblem[],
  locale: Locale,
  prefix: string,
  code: 'INVALID_INPUT' | 'RULE_VIOLATION' = 'INVALID_INPUT',
  extra: Record<string, unknown> = {},
  paths: Readonly<Record<string, string>> = {},
): AppError {
  const issues: FieldIssue[] = toFieldIssues(problems, locale).map((i) => ({
    ...i,
    path: `${prefix}${paths[i.path] ?? i.path}`,
  }));
  return new AppError(code, summariseIssues(issues), { ...extra, issues });
}

/** Input fields of the paths the immunisation and Vitamin A rules name. */
export const DOSE_PATHS = { date: 'givenDate', code: 'doseCode', birthDate: 'personId' } as const;
export const VITAMIN_A_PATHS = { date: 'givenDate', capsule: 'capsule' } as const;

/** Posyandu and performer given with a service exist (and the posyandu is active). */
export async function checkServiceRefs(
  trx: Kysely<DB>,
  locale: Locale,
  prefix: string,
  refs: { posyanduId?: string | null; performerId?: string | null },
): Promise<void> {
  if (refs.posyanduId) {
    const y = await trx
      .selectFrom('posyandu')
      .select('id')
      .where('id', '=', refs.posyanduId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!y) throw fieldError(locale, `${prefix}posyanduId`, 'child.error.posyandu');
  }
  if (refs.performerId) {
    const n = await trx
      .selectFrom('nakes')
      .select('id')
      .where('id', '=', refs.performerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!n) throw fieldError(locale, `${prefix}performerId`, 'child.error.performer');
  }
}

export function refuseDeleted(facts: ChildFacts, locale: Locale): void {
  if (facts.deleted) throw AppError.of('RULE_VIOLATION', locale, 'child.error.personDeleted');
}

export const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
export const flag = (v: boolean | null | undefined): number | null =>
  v === null || v === undefined ? null : v ? 1 : 0;
export const parseList = (json: string): string[] => {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.map(String) : [];
};

type Named = { posyandu_name: string | null; performer_name: string | null };

// ---------------------------------------------------------------------------------------------
// Growth

export type GrowthDbRow = Selectable<GrowthMeasurementTable> & Named;

/** A child's living measurements, oldest first, with posyandu and performer names. */
export async function growthDbRows(q: Kysely<DB>, personIds: string[]): Promise<GrowthDbRow[]> {
  if (personIds.length === 0) return [];
  return (await q
    .selectFrom('growth_measurement as g')
    .leftJoin('posyandu as y', 'y.id', 'g.posyandu_id')
    .leftJoin('nakes as n', 'n.id', 'g.performer_id')
    .selectAll('g')
    .select(['y.name as posyandu_name', 'n.name as performer_name'])
    .where('g.person_id', 'in', personIds)
    .where('g.deleted_at', 'is', null)
    .orderBy('g.person_id')
    .orderBy('g.measure_date')
    .execute()) as GrowthDbRow[];
}

/**
 * Each child's weighings (live rows with a weight), for N/T/2T/O/B and SKDN: only the date and
 * the weight, not the whole measurement rows. `upTo` leaves out later weighings.
 */
export async function weighingsByPerson(
  q: Kysely<DB>,
  personIds: readonly string[],
  upTo?: string,
): Promise<Map<string, Weighing[]>> {
  const byPerson = new Map<string, Weighing[]>();
  if (personIds.length === 0) return byPerson;
  let query = q
    .selectFrom('growth_measurement')
    .select(['person_id', 'measure_date', 'weight_kg'])
    .where('person_id', 'in', [...personIds])
    .where('deleted_at', 'is', null)
    .where('weight_kg', 'is not', null);
  if (upTo) query = query.where('measure_date', '<=', upTo);
  for (const w of await query.execute()) {
    const list = byPerson.get(w.person_id) ?? [];
    list.push({ date: w.measure_date, weightKg: w.weight_kg! });
    byPerson.set(w.person_id, list);
  }
  return byPerson;
}

/** Measurements as DTOs with N/T/2T/O/B (one child's rows, oldest first). */
export function growthDtos(
  rows: readonly GrowthDbRow[],
  child: { sex: 'L' | 'P'; birthDate: string },
  kbm: KbmTable,
): GrowthRow[] {
  const weighings = rows
    .filter((r) => r.weight_kg !== null)
    .map((r) => ({ date: r.measure_date, weightKg: r.weight_kg! }));
  const monthly = growthStatusByDate(child.birthDate, weighings, kbm);
  return rows.map((r) => {
    // The 0.7 cm conversion WHO applied (for plotting weight-for-length on the same axis).
    const a = assessMeasurement(child.sex, child.birthDate, r.measure_date, {
      lengthCm: r.length_cm,
      measured: r.measured,
    });
    const g = r.weight_kg !== null ? monthly.get(r.measure_date) : undefined;
    return {
      id: r.id,
      version: r.version,
      measureDate: r.measure_date,
      place: r.place as GrowthRow['place'],
      posyanduId: r.posyandu_id,
      posyanduName: r.posyandu_name,
      performerId: r.performer_id,
      performerName: r.performer_name,
      sessionId: r.session_id,
      weightKg: r.weight_kg,
      lengthCm: r.length_cm,
      measured: r.measured,
      headCm: r.head_cm,
      muacCm: r.muac_cm,
      oedema: r.oedema === 1,
      asiEksklusif: bool(r.asi_eksklusif),
      notes: r.notes,
      ageDays: r.age_days,
      lengthAdjCm: a.who.lengthCm,
      weightFor: r.length_cm === null ? null : a.who.weightFor,
      zwei: r.zwei,
      zlen: r.zlen,
      zwfl: r.zwfl,
      zbmi: r.zbmi,
      zhc: r.zhc,
      zac: r.zac,
      bbU: r.status_bbu,
      pbU: r.status_pbu,
      bbPb: r.status_bbpb,
      imtU: r.status_imtu,
      lila: r.status_lila,
      lk: r.status_lk,
      implausible: parseList(r.implausible),
      implausibleConfirmed: r.implausible_confirmed === 1,
      growth: g?.status ?? null,
      gainG: g?.gainG ?? null,
      kbmG: g?.kbmG ?? null,
      updatedAt: r.updated_at,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Immunisation

export type DoseDbRow = Selectable<ImmunizationTable> & Named;

export async function doseDbRows(q: Kysely<DB>, personIds: string[]): Promise<DoseDbRow[]> {
  if (personIds.length === 0) return [];
  return (await q
    .selectFrom('immunization as i')
    .leftJoin('posyandu as y', 'y.id', 'i.posyandu_id')
    .leftJoin('nakes as n', 'n.id', 'i.performer_id')
    .selectAll('i')
    .select(['y.name as posyandu_name', 'n.name as performer_name'])
    .where('i.person_id', 'in', personIds)
    .where('i.deleted_at', 'is', null)
    .orderBy('i.person_id')
    .orderBy('i.given_date')
    .orderBy('i.dose_code')
    .execute()) as DoseDbRow[];
}

export const doseRecords = (rows: readonly { dose_code: string; given_date: string }[]) =>
  rows.map((r): DoseRecord => ({ code: r.dose_code as DoseCode, date: r.given_date }));

/** Doses as DTOs, each checked against the child's other doses. */
export function doseDtos(
  rows: readonly DoseDbRow[],
  birthDate: string,
  locale: Locale,
): ImmunizationRow[] {
  const records = doseRecords(rows);
  // The whole history is checked once per schedule in force, not once per dose.
  const bySchedule = new Map<ImmunizationSchedule, ReturnType<typeof validateHistory>>();
  return rows.map((r, i) => {
    const schedule = scheduleOn(r.given_date);
    let history = bySchedule.get(schedule);
    if (!history) {
      history = validateHistory(birthDate, records, schedule);
      bySchedule.set(schedule, history);
    }
    const checked = history[i]!;
    const issues: IssueDto[] = checked.issues.map((x) => ({
      code: x.code,
      severity: x.severity,
      path: x.path,
      message: x.message[locale],
    }));
    return {
      id: r.id,
      version: r.version,
      doseCode: r.dose_code as DoseCode,
      givenDate: r.given_date,
      givenHere: r.given_here === 1,
      place: r.place as ImmunizationRow['place'],
      posyanduId: r.posyandu_id,
      posyanduName: r.posyandu_name,
      performerId: r.performer_id,
      performerName: r.performer_name,
      sessionId: r.session_id,
      batch: r.batch,
      kipi: r.kipi === 1,
      kipiNotes: r.kipi_notes,
      notes: r.notes,
      ruleBreaks: parseList(r.rule_breaks),
      breakReason: r.break_reason,
      issues,
      updatedAt: r.updated_at,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Vitamin A and KN

export type VitaminADbRow = Selectable<VitaminATable> & Named;

export async function vitaminADbRows(q: Kysely<DB>, personIds: string[]): Promise<VitaminADbRow[]> {
  if (personIds.length === 0) return [];
  return (await q
    .selectFrom('vitamin_a as v')
    .leftJoin('posyandu as y', 'y.id', 'v.posyandu_id')
    .leftJoin('nakes as n', 'n.id', 'v.performer_id')
    .selectAll('v')
    .select(['y.name as posyandu_name', 'n.name as performer_name'])
    .where('v.person_id', 'in', personIds)
    .where('v.deleted_at', 'is', null)
    .orderBy('v.person_id')
    .orderBy('v.given_date')
    .execute()) as VitaminADbRow[];
}

export function vitaminADto(r: VitaminADbRow): VitaminARow {
  const round = vitaminARoundOf(r.given_date, vitaminARulesOn(r.given_date));
  return {
    id: r.id,
    version: r.version,
    givenDate: r.given_date,
    capsule: r.capsule,
    round: r.round,
    period: round?.period ?? null,
    place: r.place as VitaminARow['place'],
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    performerId: r.performer_id,
    performerName: r.performer_name,
    sessionId: r.session_id,
    ruleBreaks: parseList(r.rule_breaks),
    breakReason: r.break_reason,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

export type NeonatalDbRow = Selectable<NeonatalVisitTable> & { performer_name: string | null };

/** Birth moment for KN windows: date and time when the time is known, else the date. */
export function birthMoment(birthDate: string, birthTime: string | null): string {
  return birthTime ? `${birthDate}T${birthTime}` : birthDate;
}

export function visitMoment(date: string, time: string | null): string {
  return time ? `${date}T${time}` : date;
}

export function neonatalDto(r: NeonatalDbRow, birth: string): NeonatalRow {
  const c = classifyNeonatalVisit(
    birth,
    visitMoment(r.visit_date, r.visit_time),
    neonatalRulesOn(r.visit_date),
  );
  return {
    id: r.id,
    version: r.version,
    visitDate: r.visit_date,
    visitTime: r.visit_time,
    kn: c.kind === 'visit' ? c.visit : null,
    classification: c.kind === 'invalid' ? 'outside' : c.kind,
    outside: c.kind === 'outside' ? c.when : null,
    possible: c.kind === 'uncertain' ? [...c.possible] : [],
    place: r.place as NeonatalRow['place'],
    performerId: r.performer_id,
    performerName: r.performer_name,
    weightKg: r.weight_kg,
    dangerSigns: bool(r.danger_signs),
    vitK1: bool(r.vit_k1),
    shk: bool(r.shk),
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Posyandu and the children expected at a session

export interface PosyanduFacts {
  id: string;
  name: string;
  desaId: string;
  desaName: string;
  rw: string | null;
  active: boolean;
}

export async function posyanduFacts(
  q: Kysely<DB>,
  id: string,
  locale: Locale,
  path = 'posyanduId',
): Promise<PosyanduFacts> {
  const y = await q
    .selectFrom('posyandu as y')
    .innerJoin('desa as d', 'd.id', 'y.desa_id')
    .select(['y.id', 'y.name', 'y.desa_id', 'd.name as desa_name', 'y.rw', 'y.active'])
    .where('y.id', '=', id)
    .where('y.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!y) throw fieldError(locale, path, 'child.error.posyandu');
  return {
    id: y.id,
    name: y.name,
    desaId: y.desa_id,
    desaName: y.desa_name,
    rw: y.rw,
    active: y.active === 1,
  };
}

export interface ExpectedChild {
  id: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  rt: string | null;
  rw: string | null;
  motherName: string | null;
  source: 'registered' | 'wilayah' | 'session';
}

/** RW written "3", "03" or "003" is the same RW. */
const rwNumber = (rw: string | null) => (rw && /^\d+$/.test(rw.trim()) ? Number(rw) : rw);

/**
 * The balita (0–59 months on `date`) expected at a posyandu: registered there, or living in its
 * desa (and RW, when the posyandu has one) for `basis = 'wilayah'`; plus `extraIds` (children
 * with entries on that day). Living persons only; in name order.
 */
export async function expectedChildren(
  q: Kysely<DB>,
  posyandu: PosyanduFacts,
  date: string,
  basis: 'posyandu' | 'wilayah',
  extraIds: readonly string[] = [],
): Promise<ExpectedChild[]> {
  const bornAfter = addMonths(date, -61);
  let query = q
    .selectFrom('person as p')
    .leftJoin('person as m', 'm.id', 'p.mother_id')
    .select([
      'p.id',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.rt',
      'p.rw',
      'p.posyandu_id',
      'p.desa_id',
      'm.name as mother_name',
    ])
    .where('p.deleted_at', 'is', null)
    .where('p.birth_date', '>', bornAfter)
    .where('p.birth_date', '<=', date);
  query =
    basis === 'posyandu'
      ? query.where('p.posyandu_id', '=', posyandu.id)
      : query.where('p.desa_id', '=', posyandu.desaId);
  const found = await query.orderBy('p.name_search').orderBy('p.birth_date').execute();
  const extra =
    extraIds.length > 0
      ? await q
          .selectFrom('person as p')
          .leftJoin('person as m', 'm.id', 'p.mother_id')
          .select([
            'p.id',
            'p.name',
            'p.sex',
            'p.birth_date',
            'p.rt',
            'p.rw',
            'p.posyandu_id',
            'p.desa_id',
            'm.name as mother_name',
          ])
          .where('p.id', 'in', [...extraIds])
          .where('p.deleted_at', 'is', null)
          .orderBy('p.name_search')
          .execute()
      : [];
  const wantRw = rwNumber(posyandu.rw);
  const result: ExpectedChild[] = [];
  const seen = new Set<string>();
  const under5 = (birth: string) => underFiveAge(birth, date).ok;
  for (const p of found) {
    if (!under5(p.birth_date)) continue;
    if (basis === 'wilayah' && wantRw !== null && rwNumber(p.rw) !== wantRw) continue;
    seen.add(p.id);
    result.push(toExpected(p, basis === 'posyandu' ? 'registered' : 'wilayah'));
  }
  for (const p of extra) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    result.push(toExpected(p, 'session'));
  }
  return result;
}

function toExpected(
  p: {
    id: string;
    name: string;
    sex: 'L' | 'P';
    birth_date: string;
    rt: string | null;
    rw: string | null;
    mother_name: string | null;
  },
  source: ExpectedChild['source'],
): ExpectedChild {
  return {
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    rt: p.rt,
    rw: p.rw,
    motherName: p.mother_name,
    source,
  };
}

/** Set the Buku KIA mark of a child (creating the profile when there is none). */
export async function setKiaBook(
  ctx: WriteContext,
  personId: string,
  kiaBook: boolean,
): Promise<void> {
  const profile = await ctx.trx
    .selectFrom('child_profile')
    .select(['id', 'version', 'kia_book'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!profile) {
    if (!kiaBook) return;
    await insertRecord(ctx, 'child_profile', {
      person_id: personId,
      birth_time: null,
      birth_weight_g: null,
      birth_length_cm: null,
      kia_book: 1,
    });
    return;
  }
  if ((profile.kia_book === 1) !== kiaBook) {
    await updateRecord(ctx, 'child_profile', profile.id, profile.version, {
      kia_book: kiaBook ? 1 : 0,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Growth columns and the implausible-value confirmation

/** Input field each implausible flag points at. */
const FLAG_PATH: Record<ImplausibleFlag, string> = {
  bbU: 'weightKg',
  pbU: 'lengthCm',
  bbPb: 'weightKg',
  imtU: 'weightKg',
  lk: 'headCm',
  lila: 'muacCm',
  position: 'measured',
};

/** Values WHO flags: RULE_VIOLATION naming each, until the clerk confirms them. */
export function implausibleError(
  locale: Locale,
  a: MeasurementAssessment,
  prefix: string,
  fieldPrefix = '',
): AppError {
  const messages = implausibleMessages(a);
  const issues: FieldIssue[] = a.implausible.map((f, i) => ({
    path: `${prefix}${FLAG_PATH[f]}`,
    field: `${fieldPrefix}${fieldLabel(locale, FLAG_PATH[f])}`,
    message: messages[i]![locale],
  }));
  return new AppError(
    'RULE_VIOLATION',
    `${translate(locale, 'child.error.implausible')} ${summariseIssues(issues)}`,
    { issues, implausible: [...a.implausible], needsConfirmation: true },
  );
}

/** The stored columns of a measurement and its assessment. */
export function growthColumns(
  m: {
    measureDate: string;
    weightKg: number | null;
    lengthCm: number | null;
    measured: 'L' | 'H' | null;
    headCm?: number | null;
    muacCm: number | null;
    oedema: boolean;
  },
  a: MeasurementAssessment,
  facts: { id: string; desaId: string | null },
) {
  return {
    person_id: facts.id,
    measure_date: m.measureDate,
    residence_desa_id: facts.desaId,
    weight_kg: m.weightKg,
    length_cm: m.lengthCm,
    measured: m.lengthCm === null ? null : m.measured,
    head_cm: m.headCm ?? null,
    muac_cm: m.muacCm,
    oedema: m.oedema ? 1 : 0,
    age_days: a.ageDays,
    zwei: a.who.zwei,
    zlen: a.who.zlen,
    zwfl: a.who.zwfl,
    zbmi: a.who.zbmi,
    zhc: a.who.zhc,
    zac: a.who.zac,
    status_bbu: a.status.bbU,
    status_pbu: a.status.pbU,
    status_bbpb: a.status.bbPb,
    status_imtu: a.status.imtU,
    status_lila: a.status.lila,
    status_lk: a.status.lk,
    status_standard: a.standardId,
    implausible: JSON.stringify(a.implausible),
    implausible_confirmed: a.implausible.length > 0 ? 1 : 0,
  };
}
