import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  AppError,
  TIMEZONE_OFFSETS,
  summariseIssues,
  type AdultKontrolRow,
  type AdultLansiaDetail,
  type AdultLansiaRow,
  type AdultPatientRow,
  type AdultPersonSummary,
  type AdultScreeningDetail,
  type AdultScreeningRow,
  type AdultSettingsDto,
  type CardLineDto,
  type FileDownload,
  type LansiaListName,
  type LansiaListRow,
  type ParsedInput,
  type TrendPoint,
  type WorkListName,
} from '@shared/contract';
import {
  ADULT_SETTING_CHOICES,
  ADULT_SETTING_KEYS,
  DEFAULT_ADULT_SETTINGS,
  PROGRAM_LABELS,
  buildResultCard,
  buildWorkLists,
  checkKontrol,
  checkRegistration,
  classifyBloodPressure,
  dueThisYear,
  eligibleForPtmScreening,
  resolveAdultSets,
  type AdultSettingKey,
  type AdultSettings,
  type FollowUpPatient,
  type FollowUpProgram,
  type FollowUpVisit,
  type GlucoseTest,
  type ResultCode,
  type ScreeningInput,
  type SkilasDomain,
} from '@shared/domain/adult';
import { addMonths, completedYears, localDate } from '@shared/domain/dates';
import { searchTerms } from '@shared/domain/identity';
import { toFieldIssues as refusalIssues, type FieldProblem } from '@shared/domain/refusal';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import { insertRecord, softDelete, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import {
  kontrolRow,
  lansiaAnswers,
  lansiaRow,
  lineDto,
  parseJson,
  personPart,
  screeningColumns,
  screeningInputOf,
  screeningRow,
} from './adult-rows';
import { exportLansia, exportPatients, exportScreenings } from './adult-export';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';

type ScreeningValues = ParsedInput<'adult.screening.create'>['screening'];
type PatientValues = ParsedInput<'adult.patient.create'>['patient'];
type KontrolValues = ParsedInput<'adult.kontrol.create'>['kontrol'];
type LansiaValues = ParsedInput<'adult.lansia.create'>['lansia'];
type ScreeningListInput = Omit<ParsedInput<'adult.screening.list'>, 'limit' | 'offset'>;
type PatientListInput = Omit<ParsedInput<'adult.patient.list'>, 'limit' | 'offset'>;
type LansiaListInput = Omit<ParsedInput<'adult.lansia.list'>, 'limit' | 'offset'>;

const SETTING_PREFIX = 'adult.sets.';
const LANSIA_MIN_AGE = 60;
const GULA_ABNORMAL: ResultCode[] = [
  'gula.dm',
  'gula.curiga_dm',
  'gula.gdpt',
  'gula.tgt',
  'gula.prediabetes_hba1c',
];
const OBESE: ResultCode[] = ['imt.ap.obesitas1', 'imt.ap.obesitas2', 'imt.pgs.gemuk_berat'];

interface PersonFacts {
  id: string;
  name: string;
  sex: 'L' | 'P';
  birth_date: string;
  desa_id: string | null;
}

/** Rule refusals as a bridge error; `person.*` paths stay unprefixed (no form field has them). */
function refused(problems: readonly FieldProblem[], locale: Locale, prefix: string): AppError {
  const issues = refusalIssues(problems, locale).map((i) => ({
    ...i,
    // The form has one glucose test (the rule takes a list).
    path: i.path.startsWith('person.')
      ? i.path
      : `${prefix}${i.path.replace(/^gulaDarah\.0\./, 'gulaDarah.')}`,
  }));
  return new AppError('INVALID_INPUT', summariseIssues(issues), { issues });
}

/** The NIK prefix a search means (2–16 digits, spaces ignored), or null: it is name words. */
function nikPrefix(q: string): string | null {
  const digits = q.replace(/\s+/g, '');
  return /^\d{2,16}$/.test(digits) ? digits : null;
}

/** A person's name filter: NIK digits (prefix) or name words in any order. */
function matchesQuery(q: string, row: { nik: string | null; nameSearch: string }): boolean {
  const digits = nikPrefix(q);
  if (digits !== null) return (row.nik ?? '').startsWith(digits);
  return searchTerms(q).every((term) => row.nameSearch.includes(term));
}

/** `matchesQuery` as SQL on the person aliased `p` (a NIK prefix walks the NIK index). */
function personMatchesSql(q: string): RawBuilder<SqlBool> {
  const digits = nikPrefix(q);
  if (digits !== null) return sql<SqlBool>`(p.nik >= ${digits} AND p.nik < ${`${digits}\uffff`})`;
  const terms = searchTerms(q).map((term) => sql<SqlBool>`p.name_search LIKE ${`%${term}%`}`);
  return terms.length > 0 ? sql<SqlBool>`(${sql.join(terms, sql` AND `)})` : sql<SqlBool>`1`;
}

/** Klaster 3: PTM screening, HT/DM registers and kontrol, lansia SKILAS and Barthel. */
export function createAdultService(deps: ServiceDeps, facility: FacilityService) {
  const { db, now } = deps;

  /** Today in the puskesmas time zone (read before `write`, as every other fact a save needs). */
  async function today(): Promise<string> {
    const f = await db
      .selectFrom('facility')
      .select('timezone')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return localDate(now(), TIMEZONE_OFFSETS[f?.timezone ?? 'WIB']);
  }

  async function readSettings(): Promise<AdultSettings> {
    const rows = await db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'like', `${SETTING_PREFIX}%`)
      .execute();
    const out: Record<AdultSettingKey, string> = { ...DEFAULT_ADULT_SETTINGS };
    for (const row of rows) {
      const key = row.key.slice(SETTING_PREFIX.length) as AdultSettingKey;
      const value = JSON.parse(row.value) as unknown;
      if (
        ADULT_SETTING_KEYS.includes(key) &&
        ADULT_SETTING_CHOICES[key].some((s) => s.id === value)
      ) {
        out[key] = value as string;
      }
    }
    return out;
  }

  type AdultSets = ReturnType<typeof resolveAdultSets>;

  async function sets(): Promise<AdultSets> {
    return resolveAdultSets(await readSettings());
  }

  async function findPerson(q: Kysely<DB>, id: string, locale: Locale): Promise<PersonFacts> {
    const p = await q
      .selectFrom('person')
      .select(['id', 'name', 'sex', 'birth_date', 'desa_id', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!p) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    if (p.deleted_at) throw AppError.of('RULE_VIOLATION', locale, 'adult.error.personDeleted');
    return p;
  }

  /** A service date: a real day between the birth date and today. */
  function checkServiceDate(
    locale: Locale,
    path: string,
    date: string,
    p: PersonFacts,
    on: string,
  ) {
    if (date > on) {
      throw AppError.field(locale, path, translate(locale, 'adult.error.dateFuture'));
    }
    if (date < p.birth_date) {
      throw AppError.field(locale, path, translate(locale, 'adult.error.dateBeforeBirth'));
    }
  }

  /** The posyandu (when at a posyandu) and the performer must exist. */
  async function checkServiceRefs(
    ctx: WriteContext,
    prefix: string,
    values: { place: string; posyanduId: string | null; performerId: string | null },
  ): Promise<void> {
    if (values.place === 'posyandu' && values.posyanduId) {
      const found = await ctx.trx
        .selectFrom('posyandu')
        .select('id')
        .where('id', '=', values.posyanduId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) {
        throw AppError.field(
          ctx.locale,
          `${prefix}posyanduId`,
          translate(ctx.locale, 'error.person.posyandu'),
        );
      }
    }
    if (values.performerId) {
      const found = await ctx.trx
        .selectFrom('nakes')
        .select('id')
        .where('id', '=', values.performerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) {
        throw AppError.field(
          ctx.locale,
          `${prefix}performerId`,
          translate(ctx.locale, 'adult.error.performer'),
        );
      }
    }
  }

  /** The person of a row about to change; a deleted row cannot be edited. */
  async function liveRow(
    ctx: WriteContext,
    table: 'adult_screening' | 'adult_kontrol' | 'adult_lansia' | 'adult_patient',
    id: string,
  ): Promise<{ person_id: string }> {
    // Every one of these tables has `person_id` and `deleted_at`; one typed query serves all.
    const row = await ctx.trx
      .selectFrom(table as 'adult_kontrol')
      .select(['person_id', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
    if (row.deleted_at) throw AppError.of('CONFLICT', ctx.locale, 'error.ALREADY_DELETED');
    return row;
  }

  const kontrolJoins = (q: Kysely<DB>) =>
    q
      .selectFrom('adult_kontrol as r')
      .leftJoin('posyandu as y', 'y.id', 'r.posyandu_id')
      .leftJoin('nakes as n', 'n.id', 'r.performer_id');

  const lansiaJoins = (q: Kysely<DB>) =>
    q
      .selectFrom('adult_lansia as r')
      .leftJoin('posyandu as y', 'y.id', 'r.posyandu_id')
      .leftJoin('nakes as n', 'n.id', 'r.performer_id');

  // ------------------------------------------------------------------ screening

  function screeningQuery(q: Kysely<DB>) {
    return q
      .selectFrom('adult_screening as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .leftJoin('desa as d', 'd.id', 's.residence_desa_id');
  }

  async function screeningDetail(
    q: Kysely<DB>,
    id: string,
    locale: Locale,
  ): Promise<AdultScreeningDetail> {
    const s = await screeningQuery(q)
      .leftJoin('posyandu as y', 'y.id', 's.posyandu_id')
      .leftJoin('nakes as n', 'n.id', 's.performer_id')
      .leftJoin('app_user as u', 'u.id', 's.updated_by')
      .selectAll('s')
      .select([
        'p.name',
        'p.nik',
        'p.sex',
        'p.birth_date',
        'd.name as desa_name',
        'y.name as posyandu_name',
        'n.name as performer_name',
        'u.username as updated_by_name',
      ])
      .where('s.id', '=', id)
      .where('s.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!s) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return {
      ...screeningRow(s),
      version: s.version,
      place: s.place as AdultScreeningDetail['place'],
      posyanduId: s.posyandu_id,
      posyanduName: s.posyandu_name,
      performerId: s.performer_id,
      performerName: s.performer_name,
      notes: s.notes,
      input: screeningInputOf(s) as AdultScreeningDetail['input'],
      lines: parseJson<CardLineDto[]>(s.result_lines) ?? [],
      referenceSetIds: parseJson<string[]>(s.reference_sets) ?? [],
      updatedAt: s.updated_at,
      updatedBy: s.updated_by_name,
    };
  }

  function toDomainScreening(values: ScreeningValues, p: PersonFacts): ScreeningInput {
    return {
      person: { sex: p.sex, birthDate: p.birth_date, on: values.screenedOn },
      ...(values.tekananDarah ? { tekananDarah: values.tekananDarah } : {}),
      ...(values.gulaDarah ? { gulaDarah: [values.gulaDarah] } : {}),
      ...(values.antropometri ? { antropometri: values.antropometri } : {}),
      ...(values.lingkarPerutCm !== undefined ? { lingkarPerutCm: values.lingkarPerutCm } : {}),
      ...(values.kolesterolTotal !== undefined ? { kolesterolTotal: values.kolesterolTotal } : {}),
      ...(values.merokok ? { merokok: values.merokok } : {}),
      ...(values.aktivitasMenitPerMinggu !== undefined
        ? { aktivitasMenitPerMinggu: values.aktivitasMenitPerMinggu }
        : {}),
      ...(values.porsiSayurBuahPerHari !== undefined
        ? { porsiSayurBuahPerHari: values.porsiSayurBuahPerHari }
        : {}),
      ...(values.alkohol ? { alkohol: values.alkohol } : {}),
      ...(values.riwayatKeluarga ? { riwayatKeluarga: values.riwayatKeluarga } : {}),
      ...(values.iva ? { iva: values.iva } : {}),
      ...(values.sadanis ? { sadanis: values.sadanis } : {}),
      ...(values.puma ? { puma: values.puma } : {}),
      ...(values.srq20 ? { srq20: values.srq20 } : {}),
    };
  }

  async function saveScreening(
    actor: Actor,
    values: ScreeningValues,
    target: { personId: string } | { id: string; version: number },
  ): Promise<AdultScreeningDetail> {
    const [todayDate, chosen] = [await today(), await sets()];
    return write(deps, actor, async (ctx) => {
      const personId =
        'personId' in target
          ? target.personId
          : (await liveRow(ctx, 'adult_screening', target.id)).person_id;
      const p = await findPerson(ctx.trx, personId, ctx.locale);
      checkServiceDate(ctx.locale, 'screening.screenedOn', values.screenedOn, p, todayDate);
      const eligible = eligibleForPtmScreening(
        { birthDate: p.birth_date, on: values.screenedOn },
        chosen.card.eligibility,
      );
      if (!eligible.ok) throw refused(eligible.refusals, ctx.locale, 'screening.');
      await checkServiceRefs(ctx, 'screening.', values);
      const card = buildResultCard(toDomainScreening(values, p), chosen.card);
      if (!card.ok) throw refused(card.refusals, ctx.locale, 'screening.');
      if (card.value.lines.length === 0) {
        throw AppError.of('INVALID_INPUT', ctx.locale, 'adult.error.screeningEmpty');
      }
      const columns = screeningColumns(values, card.value);
      const id =
        'personId' in target
          ? await insertRecord(ctx, 'adult_screening', {
              ...columns,
              person_id: p.id,
              residence_desa_id: p.desa_id,
              delete_reason: null,
            })
          : (await updateRecord(ctx, 'adult_screening', target.id, target.version, columns)).id;
      return screeningDetail(ctx.trx, id, ctx.locale);
    });
  }

  function screeningFiltered(q: Kysely<DB>, input: ScreeningListInput) {
    let query = screeningQuery(q).where('s.deleted_at', 'is', null);
    if (input.desaId === 'luar') query = query.where('s.residence_desa_id', 'is', null);
    else if (input.desaId) query = query.where('s.residence_desa_id', '=', input.desaId);
    if (input.from) query = query.where('s.screened_on', '>=', input.from);
    if (input.to) query = query.where('s.screened_on', '<=', input.to);
    query = query.where(personMatchesSql(input.q));
    if (input.hasil === 'hipertensi') query = query.where('s.td_positif', '=', 1);
    if (input.hasil === 'gula') query = query.where('s.gula_code', 'in', GULA_ABNORMAL);
    if (input.hasil === 'obesitas') {
      query = query.where((eb) =>
        eb.or([
          eb('s.imt_code', 'in', OBESE),
          eb('s.lingkar_perut_code', '=', 'lingkar_perut.obesitas_sentral'),
        ]),
      );
    }
    if (input.hasil === 'rujuk') query = query.where('s.follow_up', '=', 'rujuk');
    return query;
  }

  async function screeningList(input: ScreeningListInput, limit?: number, offset = 0) {
    const base = screeningFiltered(db, input);
    const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    let page = base
      .selectAll('s')
      .select(['p.name', 'p.nik', 'p.sex', 'p.birth_date', 'd.name as desa_name'])
      .orderBy('s.screened_on', 'desc')
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id');
    if (limit !== undefined) page = page.limit(limit).offset(offset);
    const rows = (await page.execute()).map(screeningRow);
    return { rows, total: total.n };
  }

  // ------------------------------------------------------------------ HT/DM registers

  interface PatientEntry {
    row: AdultPatientRow;
    nameSearch: string;
    desaId: string | null;
  }

  async function patientEntries(
    q: Kysely<DB>,
    filter: { program?: FollowUpProgram; personId?: string; includeEnded: boolean },
    asOf: string,
    followUpSets: AdultSets['followUp'],
  ): Promise<PatientEntry[]> {
    let pq = q
      .selectFrom('adult_patient as a')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .leftJoin('desa as d', 'd.id', 'a.residence_desa_id')
      .selectAll('a')
      .select(['p.name', 'p.nik', 'p.sex', 'p.birth_date', 'p.name_search', 'd.name as desa_name'])
      .where('a.deleted_at', 'is', null);
    if (filter.program) pq = pq.where('a.program', '=', filter.program);
    if (filter.personId) pq = pq.where('a.person_id', '=', filter.personId);
    if (!filter.includeEnded) pq = pq.where('a.ended_on', 'is', null);
    const patients = await pq.orderBy('p.name_search').orderBy('a.id').execute();
    if (patients.length === 0) return [];

    let vq = q
      .selectFrom('adult_kontrol as k')
      .select([
        'k.person_id',
        'k.visit_on',
        'k.sistolik',
        'k.diastolik',
        'k.gula_test',
        'k.gula_value',
        'k.hba1c',
      ])
      .where('k.deleted_at', 'is', null);
    if (filter.personId) vq = vq.where('k.person_id', '=', filter.personId);
    else {
      let sub = q.selectFrom('adult_patient').select('person_id').where('deleted_at', 'is', null);
      if (filter.program) sub = sub.where('program', '=', filter.program);
      vq = vq.where('k.person_id', 'in', sub);
    }
    const visitRows = await vq.orderBy('k.visit_on').orderBy('k.created_at').execute();
    const visits = new Map<string, FollowUpVisit[]>();
    for (const v of visitRows) {
      const glucose: { test: GlucoseTest; value: number }[] = [];
      if (v.gula_test && v.gula_value !== null)
        glucose.push({ test: v.gula_test, value: v.gula_value });
      if (v.hba1c !== null) glucose.push({ test: 'hba1c', value: v.hba1c });
      const list = visits.get(v.person_id) ?? [];
      list.push({
        date: v.visit_on,
        ...(v.sistolik !== null && v.diastolik !== null
          ? { systolic: v.sistolik, diastolic: v.diastolik }
          : {}),
        ...(glucose.length > 0 ? { glucose } : {}),
      });
      visits.set(v.person_id, list);
    }
    const domainPatients: FollowUpPatient[] = patients.map((a) => ({
      id: a.id,
      program: a.program,
      registeredOn: a.diagnosed_on,
      visits: visits.get(a.person_id) ?? [],
    }));
    const lists = buildWorkLists(domainPatients, asOf, followUpSets);
    if (!lists.ok)
      throw new Error(`Work lists refused stored data: ${lists.refusals[0]?.message.en}`);
    const byId = new Map(lists.value.rows.map((r) => [r.id, r]));
    return patients.flatMap((a) => {
      const work = byId.get(a.id);
      if (!work) return [];
      const seen = (visits.get(a.person_id) ?? []).filter((v) => v.date <= asOf);
      const lastBp = [...seen].reverse().find((v) => v.systolic !== undefined);
      let lastGlucose: AdultPatientRow['lastGlucose'] = null;
      for (const v of seen) {
        for (const g of v.glucose ?? []) lastGlucose = { ...g, date: v.date };
      }
      const ended = a.ended_on !== null;
      const row: AdultPatientRow = {
        id: a.id,
        version: a.version,
        ...personPart({ ...a, desa_name: a.desa_name }),
        program: a.program,
        icd10: a.icd10,
        diagnosedOn: a.diagnosed_on,
        diagnosedPlace: a.diagnosed_place as AdultPatientRow['diagnosedPlace'],
        screeningId: a.screening_id,
        performerId: a.performer_id,
        notes: a.notes,
        endedOn: a.ended_on,
        endReason: a.end_reason as AdultPatientRow['endReason'],
        lastVisitOn: work.lastVisit ?? null,
        lastSystolic: lastBp?.systolic ?? null,
        lastDiastolic: lastBp?.diastolic ?? null,
        lastGlucose,
        control: work.control.status,
        controlBasedOn: [...work.control.basedOn],
        controlSetId: work.control.referenceSetId,
        kontrolBulanIni: work.kontrolBulanIni,
        missedMonths: ended ? 0 : work.missedMonths,
        mangkir: !ended && work.mangkir,
      };
      return [{ row, nameSearch: a.name_search, desaId: a.residence_desa_id }];
    });
  }

  function inWorkList(row: AdultPatientRow, list: WorkListName): boolean {
    if (list === 'semua') return true;
    if (row.endedOn) return false;
    if (list === 'belumKontrol') return !row.kontrolBulanIni;
    if (list === 'tidakTerkendali') return row.control === 'tidak_terkendali';
    return row.mangkir;
  }

  async function patientList(input: PatientListInput) {
    const asOf = await today();
    const entries = await patientEntries(
      db,
      { program: input.program, includeEnded: input.includeEnded },
      asOf,
      (await sets()).followUp,
    );
    const matching = entries.filter(
      (e) =>
        (input.desaId === undefined ||
          (input.desaId === 'luar' ? e.desaId === null : e.desaId === input.desaId)) &&
        (!input.q.trim() || matchesQuery(input.q, { nik: e.row.nik, nameSearch: e.nameSearch })),
    );
    const counts = {
      semua: matching.length,
      belumKontrol: matching.filter((e) => inWorkList(e.row, 'belumKontrol')).length,
      tidakTerkendali: matching.filter((e) => inWorkList(e.row, 'tidakTerkendali')).length,
      mangkir: matching.filter((e) => inWorkList(e.row, 'mangkir')).length,
    };
    const rows = matching.filter((e) => inWorkList(e.row, input.list)).map((e) => e.row);
    if (input.list === 'mangkir') rows.sort((a, b) => b.missedMonths - a.missedMonths);
    return { rows, counts, asOf };
  }

  /** One register row, with the day and sets the save was checked against (no second read). */
  async function patientRowById(
    q: Kysely<DB>,
    personId: string,
    id: string,
    locale: Locale,
    asOf: string,
    followUpSets: AdultSets['followUp'],
  ) {
    const entries = await patientEntries(q, { personId, includeEnded: true }, asOf, followUpSets);
    const found = entries.find((e) => e.row.id === id);
    if (!found) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return found.row;
  }

  async function savePatient(
    actor: Actor,
    values: PatientValues,
    target: { personId: string } | { id: string; version: number },
  ): Promise<AdultPatientRow> {
    const [todayDate, chosen] = [await today(), await sets()];
    return write(deps, actor, async (ctx) => {
      const personId =
        'personId' in target
          ? target.personId
          : (await liveRow(ctx, 'adult_patient', target.id)).person_id;
      const p = await findPerson(ctx.trx, personId, ctx.locale);
      const checked = checkRegistration(
        values,
        { birthDate: p.birth_date },
        todayDate,
        chosen.card.eligibility,
      );
      if (!checked.ok) throw refused(checked.refusals, ctx.locale, 'patient.');
      const field = (path: string, key: MessageKey, params?: Record<string, string>) =>
        AppError.field(ctx.locale, `patient.${path}`, translate(ctx.locale, key, params));
      if ((values.endedOn === null) !== (values.endReason === null)) {
        throw field(values.endedOn === null ? 'endedOn' : 'endReason', 'adult.error.endPair');
      }
      if (values.endedOn !== null) {
        if (values.endedOn > todayDate) throw field('endedOn', 'adult.error.dateFuture');
        if (values.endedOn < values.diagnosedOn)
          throw field('endedOn', 'adult.error.endBeforeDiagnosis');
      }
      if (values.endedOn === null) {
        let other = ctx.trx
          .selectFrom('adult_patient')
          .select(['id', 'diagnosed_on'])
          .where('person_id', '=', p.id)
          .where('program', '=', values.program)
          .where('deleted_at', 'is', null)
          .where('ended_on', 'is', null);
        if ('id' in target) other = other.where('id', '!=', target.id);
        const existing = await other.executeTakeFirst();
        if (existing) {
          const [y, m, d] = existing.diagnosed_on.split('-');
          throw AppError.field(
            ctx.locale,
            'patient.program',
            translate(ctx.locale, 'adult.error.alreadyRegistered', {
              program: PROGRAM_LABELS[values.program][ctx.locale].toLowerCase(),
              since: `${d}-${m}-${y}`,
            }),
            { code: 'DUPLICATE', extra: { patientId: existing.id } },
          );
        }
      }
      if (values.screeningId) {
        const s = await ctx.trx
          .selectFrom('adult_screening')
          .select('person_id')
          .where('id', '=', values.screeningId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!s || s.person_id !== p.id) throw field('screeningId', 'adult.error.screeningOther');
      }
      if (values.performerId) {
        await checkServiceRefs(ctx, 'patient.', {
          place: '',
          posyanduId: null,
          performerId: values.performerId,
        });
      }
      const columns = {
        program: values.program,
        icd10: values.icd10,
        diagnosed_on: values.diagnosedOn,
        diagnosed_place: values.diagnosedPlace,
        screening_id: values.screeningId,
        performer_id: values.performerId,
        notes: values.notes,
        ended_on: values.endedOn,
        end_reason: values.endReason,
      };
      const id =
        'personId' in target
          ? await insertRecord(ctx, 'adult_patient', {
              ...columns,
              person_id: p.id,
              residence_desa_id: p.desa_id,
              delete_reason: null,
            })
          : (await updateRecord(ctx, 'adult_patient', target.id, target.version, columns)).id;
      return patientRowById(ctx.trx, p.id, id, ctx.locale, todayDate, chosen.followUp);
    });
  }

  // ------------------------------------------------------------------ kontrol

  async function kontrolById(q: Kysely<DB>, id: string, locale: Locale): Promise<AdultKontrolRow> {
    const k = await kontrolJoins(q)
      .selectAll('r')
      .select(['y.name as posyandu_name', 'n.name as performer_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!k) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return kontrolRow(k);
  }

  async function saveKontrol(
    actor: Actor,
    values: KontrolValues,
    target: { personId: string } | { id: string; version: number },
  ): Promise<AdultKontrolRow> {
    const [todayDate, chosen] = [await today(), await sets()];
    return write(deps, actor, async (ctx) => {
      const personId =
        'personId' in target
          ? target.personId
          : (await liveRow(ctx, 'adult_kontrol', target.id)).person_id;
      const p = await findPerson(ctx.trx, personId, ctx.locale);
      const earliest = await ctx.trx
        .selectFrom('adult_patient')
        .select(sql<string | null>`min(diagnosed_on)`.as('first'))
        .where('person_id', '=', p.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      const checked = checkKontrol(
        {
          visitOn: values.visitOn,
          ...(values.systolic !== undefined ? { systolic: values.systolic } : {}),
          ...(values.diastolic !== undefined ? { diastolic: values.diastolic } : {}),
          ...(values.gulaTest !== undefined ? { gulaTest: values.gulaTest } : {}),
          ...(values.gulaValue !== undefined ? { gulaValue: values.gulaValue } : {}),
          ...(values.hba1c !== undefined ? { hba1c: values.hba1c } : {}),
        },
        earliest?.first ?? null,
        todayDate,
      );
      if (!checked.ok) throw refused(checked.refusals, ctx.locale, 'kontrol.');
      await checkServiceRefs(ctx, 'kontrol.', values);
      const visit = checked.value;
      const bp =
        visit.systolic !== undefined && visit.diastolic !== undefined
          ? classifyBloodPressure(
              { readings: [{ systolic: visit.systolic, diastolic: visit.diastolic }] },
              chosen.card.bp,
            )
          : null;
      const columns = {
        visit_on: values.visitOn,
        place: values.place,
        posyandu_id: values.place === 'posyandu' ? values.posyanduId : null,
        performer_id: values.performerId,
        notes: values.notes,
        sistolik: visit.systolic ?? null,
        diastolik: visit.diastolic ?? null,
        td_code: bp?.ok ? bp.value.code : null,
        gula_test: values.gulaTest ?? null,
        gula_value: values.gulaValue ?? null,
        hba1c: values.hba1c ?? null,
        obat: JSON.stringify(values.obat),
        obat_lain: values.obatLain,
        kepatuhan: values.kepatuhan,
        komplikasi: JSON.stringify(values.komplikasi),
      };
      const id =
        'personId' in target
          ? await insertRecord(ctx, 'adult_kontrol', {
              ...columns,
              person_id: p.id,
              residence_desa_id: p.desa_id,
              delete_reason: null,
            })
          : (await updateRecord(ctx, 'adult_kontrol', target.id, target.version, columns)).id;
      return kontrolById(ctx.trx, id, ctx.locale);
    });
  }

  // ------------------------------------------------------------------ lansia

  async function lansiaDetail(
    q: Kysely<DB>,
    id: string,
    locale: Locale,
    cardSets: AdultSets['card'],
  ): Promise<AdultLansiaDetail> {
    const l = await lansiaJoins(q)
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .leftJoin('desa as d', 'd.id', 'r.residence_desa_id')
      .leftJoin('app_user as u', 'u.id', 'r.updated_by')
      .selectAll('r')
      .select([
        'y.name as posyandu_name',
        'n.name as performer_name',
        'p.name',
        'p.nik',
        'p.sex',
        'p.birth_date',
        'd.name as desa_name',
        'u.username as updated_by_name',
      ])
      .where('r.id', '=', id)
      .where('r.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!l) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    const answers = lansiaAnswers(l);
    const p = { sex: l.sex, birthDate: l.birth_date, on: l.screened_on };
    const card = buildResultCard({ person: p, ...answers }, cardSets);
    return {
      ...lansiaRow(l),
      ...personPart(l),
      input: {
        screenedOn: l.screened_on,
        place: l.place as AdultLansiaDetail['place'],
        posyanduId: l.posyandu_id,
        performerId: l.performer_id,
        notes: l.notes,
        ...answers,
      } as AdultLansiaDetail['input'],
      lines: card.ok ? card.value.lines.map(lineDto) : [],
      updatedAt: l.updated_at,
      updatedBy: l.updated_by_name,
    };
  }

  async function saveLansia(
    actor: Actor,
    values: LansiaValues,
    target: { personId: string } | { id: string; version: number },
  ): Promise<AdultLansiaDetail> {
    const [todayDate, chosen] = [await today(), await sets()];
    return write(deps, actor, async (ctx) => {
      const personId =
        'personId' in target
          ? target.personId
          : (await liveRow(ctx, 'adult_lansia', target.id)).person_id;
      const p = await findPerson(ctx.trx, personId, ctx.locale);
      checkServiceDate(ctx.locale, 'lansia.screenedOn', values.screenedOn, p, todayDate);
      await checkServiceRefs(ctx, 'lansia.', values);
      const card = buildResultCard(
        {
          person: { sex: p.sex, birthDate: p.birth_date, on: values.screenedOn },
          ...(values.skilas ? { skilas: values.skilas } : {}),
          ...(values.barthel ? { barthel: values.barthel } : {}),
        },
        chosen.card,
      );
      if (!card.ok) throw refused(card.refusals, ctx.locale, 'lansia.');
      const { skilas, barthel } = card.value.results;
      const columns = {
        screened_on: values.screenedOn,
        place: values.place,
        posyandu_id: values.place === 'posyandu' ? values.posyanduId : null,
        performer_id: values.performerId,
        notes: values.notes,
        age_years: card.value.ageYears,
        skilas_version: skilas?.instrumentVersion ?? null,
        skilas_answers: skilas ? JSON.stringify(skilas.answers) : null,
        skilas_positive: skilas ? JSON.stringify(skilas.positiveDomains) : null,
        skilas_rujuk: skilas ? (skilas.rujuk ? 1 : 0) : null,
        barthel_version: barthel?.instrumentVersion ?? null,
        barthel_scores: barthel ? JSON.stringify(barthel.scores) : null,
        barthel_total: barthel?.total ?? null,
        barthel_code: barthel?.code ?? null,
      };
      const id =
        'personId' in target
          ? await insertRecord(ctx, 'adult_lansia', {
              ...columns,
              person_id: p.id,
              residence_desa_id: p.desa_id,
              delete_reason: null,
            })
          : (await updateRecord(ctx, 'adult_lansia', target.id, target.version, columns)).id;
      return lansiaDetail(ctx.trx, id, ctx.locale, chosen.card);
    });
  }

  async function lansiaList(input: LansiaListInput, limit?: number, offset = 0) {
    const asOf = await today();
    const year = asOf.slice(0, 4);
    const yearStart = `${year}-01-01`;
    const cutoff = addMonths(asOf, -12 * LANSIA_MIN_AGE);
    const latest = (kind: 'skilas_version' | 'barthel_version') =>
      sql<string>`(SELECT x.id FROM adult_lansia x WHERE x.person_id = p.id AND x.deleted_at IS NULL
        AND x.${sql.ref(kind)} IS NOT NULL AND x.screened_on <= ${asOf}
        ORDER BY x.screened_on DESC, x.created_at DESC LIMIT 1)`;
    let base = db
      .selectFrom('person as p')
      .leftJoin('desa as d', 'd.id', 'p.desa_id')
      .leftJoin('adult_lansia as ls', (join) => join.on('ls.id', '=', latest('skilas_version')))
      .leftJoin('adult_lansia as lb', (join) => join.on('lb.id', '=', latest('barthel_version')))
      .where('p.deleted_at', 'is', null)
      .where('p.birth_date', '<=', cutoff);
    if (input.desaId === 'luar') base = base.where('p.desa_id', 'is', null);
    else if (input.desaId) base = base.where('p.desa_id', '=', input.desaId);
    base = base.where(personMatchesSql(input.q));
    const due = sql<boolean>`(ls.screened_on IS NULL OR ls.screened_on < ${yearStart})`;
    const counted = await base
      .select([
        sql<number>`count(*)`.as('semua'),
        sql<number>`coalesce(sum(CASE WHEN ${due} THEN 1 ELSE 0 END), 0)`.as('belumSkrining'),
        sql<number>`coalesce(sum(CASE WHEN ls.skilas_rujuk = 1 THEN 1 ELSE 0 END), 0)`.as('rujuk'),
        sql<number>`coalesce(sum(CASE WHEN lb.barthel_total < 20 THEN 1 ELSE 0 END), 0)`.as(
          'ketergantungan',
        ),
      ])
      .executeTakeFirstOrThrow();
    const listFilter: Record<LansiaListName, typeof base> = {
      semua: base,
      belumSkrining: base.where(due),
      rujuk: base.where('ls.skilas_rujuk', '=', 1),
      ketergantungan: base.where('lb.barthel_total', '<', 20),
    };
    let page = listFilter[input.list]
      .select([
        'p.id as person_id',
        'p.name',
        'p.nik',
        'p.sex',
        'p.birth_date',
        'd.name as desa_name',
        'ls.screened_on as skilas_on',
        'ls.skilas_rujuk',
        'ls.skilas_positive',
        'lb.screened_on as barthel_on',
        'lb.barthel_total',
        'lb.barthel_code',
      ])
      .orderBy('p.name_search')
      .orderBy('p.birth_date')
      .orderBy('p.id');
    if (limit !== undefined) page = page.limit(limit).offset(offset);
    const rows: LansiaListRow[] = (await page.execute()).map((r) => ({
      ...personPart(r),
      ageYears: completedYears(r.birth_date, asOf),
      lastSkilasOn: r.skilas_on,
      skilasRujuk: r.skilas_rujuk === null ? null : r.skilas_rujuk === 1,
      skilasPositive: parseJson<SkilasDomain[]>(r.skilas_positive),
      lastBarthelOn: r.barthel_on,
      barthelTotal: r.barthel_total,
      barthelCode: r.barthel_code as ResultCode | null,
      dueThisYear: dueThisYear(r.skilas_on ? [r.skilas_on] : [], asOf),
    }));
    const total = counted[input.list];
    return { rows, total, year, counts: counted };
  }

  // ------------------------------------------------------------------ deletes

  async function remove(
    actor: Actor,
    table: 'adult_screening' | 'adult_patient' | 'adult_kontrol' | 'adult_lansia',
    input: { id: string; version: number; reason: string },
  ): Promise<{ id: string }> {
    return write(deps, actor, async (ctx) => {
      await softDelete(ctx, table, input.id, input.version, { delete_reason: input.reason });
      return { id: input.id };
    });
  }

  async function facilityName(): Promise<string> {
    return (await facility.find())?.name ?? 'Siklus';
  }

  return {
    settings: () => readSettings(),

    async setSettings(actor: Actor, input: Partial<AdultSettingsDto>): Promise<AdultSettingsDto> {
      const before = await readSettings();
      await write(deps, actor, async ({ trx, at }) => {
        for (const key of ADULT_SETTING_KEYS) {
          const value = input[key];
          if (value === undefined || value === before[key]) continue;
          const json = JSON.stringify(value);
          await trx
            .insertInto('settings')
            .values({
              key: `${SETTING_PREFIX}${key}`,
              value: json,
              updated_at: at,
              updated_by: actor.userId,
            })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({ value: json, updated_at: at, updated_by: actor.userId }),
            )
            .execute();
          await writeAudit(trx, {
            at,
            userId: actor.userId,
            action: 'set',
            table: 'settings',
            rowId: `${SETTING_PREFIX}${key}`,
            changes: { value: [before[key], value] },
          });
        }
      });
      return readSettings();
    },

    screeningList: (input: ParsedInput<'adult.screening.list'>) =>
      screeningList(input, input.limit, input.offset),
    async screeningExport(input: ScreeningListInput, locale: Locale): Promise<FileDownload> {
      const { rows } = await screeningList(input);
      return exportScreenings(rows, input, { locale, facility: await facilityName(), at: now() });
    },
    screeningGet: (id: string, locale: Locale) => screeningDetail(db, id, locale),
    screeningCreate: (actor: Actor, input: ParsedInput<'adult.screening.create'>) =>
      saveScreening(actor, input.screening, { personId: input.personId }),
    screeningUpdate: (actor: Actor, input: ParsedInput<'adult.screening.update'>) =>
      saveScreening(actor, input.screening, { id: input.id, version: input.version }),
    screeningDelete: (actor: Actor, input: ParsedInput<'adult.screening.delete'>) =>
      remove(actor, 'adult_screening', input),

    async patientList(input: ParsedInput<'adult.patient.list'>) {
      const { rows, counts, asOf } = await patientList(input);
      return {
        rows: rows.slice(input.offset, input.offset + input.limit),
        total: rows.length,
        counts,
        asOf,
      };
    },
    async patientExport(input: PatientListInput, locale: Locale): Promise<FileDownload> {
      const { rows, asOf } = await patientList(input);
      return exportPatients(rows, input, {
        locale,
        facility: await facilityName(),
        at: now(),
        asOf,
      });
    },
    patientCreate: (actor: Actor, input: ParsedInput<'adult.patient.create'>) =>
      savePatient(actor, input.patient, { personId: input.personId }),
    patientUpdate: (actor: Actor, input: ParsedInput<'adult.patient.update'>) =>
      savePatient(actor, input.patient, { id: input.id, version: input.version }),
    patientDelete: (actor: Actor, input: ParsedInput<'adult.patient.delete'>) =>
      remove(actor, 'adult_patient', input),

    kontrolCreate: (actor: Actor, input: ParsedInput<'adult.kontrol.create'>) =>
      saveKontrol(actor, input.kontrol, { personId: input.personId }),
    kontrolUpdate: (actor: Actor, input: ParsedInput<'adult.kontrol.update'>) =>
      saveKontrol(actor, input.kontrol, { id: input.id, version: input.version }),
    kontrolDelete: (actor: Actor, input: ParsedInput<'adult.kontrol.delete'>) =>
      remove(actor, 'adult_kontrol', input),

    lansiaList: (input: ParsedInput<'adult.lansia.list'>) =>
      lansiaList(input, input.limit, input.offset),
    async lansiaExport(input: LansiaListInput, locale: Locale): Promise<FileDownload> {
      const { rows, year } = await lansiaList(input);
      return exportLansia(rows, input, { locale, facility: await facilityName(), at: now(), year });
    },
    lansiaGet: async (id: string, locale: Locale) =>
      lansiaDetail(db, id, locale, (await sets()).card),
    lansiaCreate: (actor: Actor, input: ParsedInput<'adult.lansia.create'>) =>
      saveLansia(actor, input.lansia, { personId: input.personId }),
    lansiaUpdate: (actor: Actor, input: ParsedInput<'adult.lansia.update'>) =>
      saveLansia(actor, input.lansia, { id: input.id, version: input.version }),
    lansiaDelete: (actor: Actor, input: ParsedInput<'adult.lansia.delete'>) =>
      remove(actor, 'adult_lansia', input),

    async personSummary(personId: string, locale: Locale): Promise<AdultPersonSummary> {
      const asOf = await today();
      const p = await db
        .selectFrom('person as p')
        .leftJoin('desa as d', 'd.id', 'p.desa_id')
        .select(['p.id', 'p.birth_date'])
        .where('p.id', '=', personId)
        .executeTakeFirst();
      if (!p) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
      const screenings: AdultScreeningRow[] = (
        await screeningQuery(db)
          .selectAll('s')
          .select(['p.name', 'p.nik', 'p.sex', 'p.birth_date', 'd.name as desa_name'])
          .where('s.person_id', '=', personId)
          .where('s.deleted_at', 'is', null)
          .orderBy('s.screened_on', 'desc')
          .orderBy('s.created_at', 'desc')
          .execute()
      ).map(screeningRow);
      const patients = (
        await patientEntries(db, { personId, includeEnded: true }, asOf, (await sets()).followUp)
      ).map((e) => e.row);
      const kontrol = (
        await kontrolJoins(db)
          .selectAll('r')
          .select(['y.name as posyandu_name', 'n.name as performer_name'])
          .where('r.person_id', '=', personId)
          .where('r.deleted_at', 'is', null)
          .orderBy('r.visit_on', 'desc')
          .orderBy('r.created_at', 'desc')
          .execute()
      ).map(kontrolRow);
      const lansia: AdultLansiaRow[] = (
        await lansiaJoins(db)
          .selectAll('r')
          .select(['y.name as posyandu_name', 'n.name as performer_name'])
          .where('r.person_id', '=', personId)
          .where('r.deleted_at', 'is', null)
          .orderBy('r.screened_on', 'desc')
          .orderBy('r.created_at', 'desc')
          .execute()
      ).map(lansiaRow);
      const trend: TrendPoint[] = [
        ...screenings.map((s) => ({
          date: s.screenedOn,
          source: 'skrining' as const,
          systolic: s.systolic,
          diastolic: s.diastolic,
          glucose:
            s.gulaTest && s.gulaValue !== null ? [{ test: s.gulaTest, value: s.gulaValue }] : [],
        })),
        ...kontrol.map((k) => ({
          date: k.visitOn,
          source: 'kontrol' as const,
          systolic: k.systolic,
          diastolic: k.diastolic,
          glucose: [
            ...(k.gulaTest && k.gulaValue !== null
              ? [{ test: k.gulaTest, value: k.gulaValue }]
              : []),
            ...(k.hba1c !== null ? [{ test: 'hba1c' as const, value: k.hba1c }] : []),
          ],
        })),
      ]
        .filter((t) => t.systolic !== null || t.glucose.length > 0)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const ageYears = completedYears(p.birth_date, asOf);
      return {
        asOf,
        ageYears,
        screenings,
        patients,
        kontrol,
        lansia,
        trend,
        ptmDue: dueThisYear(
          screenings.map((s) => s.screenedOn),
          asOf,
        ),
        skilasDue:
          ageYears >= LANSIA_MIN_AGE
            ? dueThisYear(
                lansia.filter((l) => l.skilasVersion).map((l) => l.screenedOn),
                asOf,
              )
            : null,
      };
    },
  };
}

export type AdultService = ReturnType<typeof createAdultService>;
