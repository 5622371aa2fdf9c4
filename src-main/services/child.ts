import { sql, type Kysely } from 'kysely';
import {
  AppError,
  TIMEZONE_OFFSETS,
  type ChildCard,
  type ChildProfile,
  type ChildRow,
  type DueDoseDto,
  type FileDownload,
  type GrowthRow,
  type ImmunizationRow,
  type NeonatalRow,
  type ParsedInput,
  type SasaranView,
  type VitaminARoundView,
  type VitaminARow,
} from '@shared/contract';
import {
  addDays,
  addMonths,
  daysBetween,
  formatTanggal,
  localDate,
  monthOf,
} from '@shared/domain/dates';
import {
  classifyNeonatalVisit,
  knLengkap,
  vitaminABand,
  vitaminAFor,
  neonatalRulesOn,
  vitaminARoundOf,
  vitaminARulesOn,
  validateVitaminA,
} from '@shared/domain/child-services';
import {
  assessMeasurement,
  checkMeasurement,
  growthStatusByDate,
  statusStandardOn,
} from '@shared/domain/growth';
import { normalizeName } from '@shared/domain/identity';
import {
  COMPLETENESS_SETS,
  DOSE_CODES,
  DOSE_LABELS,
  completenessSetFor,
  dueList,
  dueRulesOn,
  evaluateCompleteness,
  scheduleOn,
  sessionTargets,
  validateDose,
  type DoseCode,
  type DueDose,
} from '@shared/domain/immunization';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, softDelete, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import {
  birthMoment,
  checkServiceRefs,
  childFacts,
  DOSE_PATHS,
  VITAMIN_A_PATHS,
  doseDbRows,
  doseDtos,
  doseRecords,
  expectedChildren,
  fieldError,
  flag,
  growthColumns,
  implausibleError,
  growthDbRows,
  weighingsByPerson,
  growthDtos,
  neonatalDto,
  posyanduFacts,
  problemsError,
  refuseDeleted,
  visitMoment,
  vitaminADbRows,
  vitaminADto,
  type ChildFacts,
  type NeonatalDbRow,
} from './child-common';
import { createChildSession } from './child-session';
import { createChildSettings, type ChildConfig } from './child-settings';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { fileSlug, listToXlsx } from './xlsx';

/** Issue codes of a rule that mean "impossible", never saved with a reason. */
const HARD_DOSE_ISSUES = new Set(['INVALID_DATE', 'BEFORE_BIRTH', 'UNKNOWN_DOSE']);
const HARD_VITA_ISSUES = new Set(['INVALID_DATE', 'BEFORE_BIRTH']);

function dueDto(d: DueDose): DueDoseDto {
  return {
    code: d.code,
    status: d.status,
    dueDate: d.dueDate,
    earliestDate: d.earliestDate,
    latestDate: d.latestDate ?? null,
  };
}

/**
 * Klaster 2, children: the child card (growth with N/T and status gizi, immunisation with the
 * due list, Vitamin A, KN), every write with its rule checks, the register of balita, the
 * sasaran imunisasi per posyandu, Vitamin A rounds, and the posyandu session grid.
 */
export function createChildService(deps: ServiceDeps, facility: FacilityService) {
  const { db, now } = deps;
  const settings = createChildSettings(deps);

  async function today(): Promise<string> {
    const f = await facility.find();
    return localDate(now(), TIMEZONE_OFFSETS[f?.timezone ?? 'WIB']);
  }

  function notFuture(locale: Locale, path: string, date: string, todayDate: string): void {
    if (date > todayDate) throw fieldError(locale, path, 'child.error.future');
  }

  const session = createChildSession(deps, { today, settings });

  // -------------------------------------------------------------------------------------------
  // Reading

  async function profileOf(q: Kysely<DB>, personId: string): Promise<ChildProfile | null> {
    const p = await q
      .selectFrom('child_profile')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return p
      ? {
          version: p.version,
          birthTime: p.birth_time,
          birthWeightG: p.birth_weight_g,
          birthLengthCm: p.birth_length_cm,
          kiaBook: p.kia_book === 1,
        }
      : null;
  }

  async function neonatalRows(q: Kysely<DB>, personId: string): Promise<NeonatalDbRow[]> {
    return (await q
      .selectFrom('neonatal_visit as k')
      .leftJoin('nakes as n', 'n.id', 'k.performer_id')
      .selectAll('k')
      .select('n.name as performer_name')
      .where('k.person_id', '=', personId)
      .where('k.deleted_at', 'is', null)
      .orderBy('k.visit_date')
      .orderBy('k.visit_time')
      .execute()) as NeonatalDbRow[];
  }

  async function growthRowOf(
    q: Kysely<DB>,
    facts: ChildFacts,
    id: string,
    config: ChildConfig,
  ): Promise<GrowthRow> {
    const rows = growthDtos(await growthDbRows(q, [facts.id]), facts, config.kbm);
    return rows.find((r) => r.id === id)!;
  }

  async function card(personId: string, locale: Locale): Promise<ChildCard> {
    const todayDate = await today();
    const config = await settings.load();
    const facts = await childFacts(db, personId, locale);
    const birth = facts.birthDate;
    const profile = await profileOf(db, personId);
    const growth = growthDtos(await growthDbRows(db, [personId]), facts, config.kbm);
    const doseRows = await doseDbRows(db, [personId]);
    const history = doseRecords(doseRows);
    const due = dueList(birth, history, todayDate, scheduleOn(todayDate), dueRulesOn(todayDate), {
      includeRegional: config.includeJe,
    });
    const idl = config.idlFor(todayDate);
    const irl = completenessSetFor(COMPLETENESS_SETS, 'IRL', todayDate);
    const completeness = [idl, irl]
      .filter((s) => s !== undefined)
      .map((set) => {
        const r = evaluateCompleteness(birth, history, set, todayDate);
        return {
          kind: set.kind,
          setId: set.id,
          title: set.title,
          complete: r.complete,
          achievedOn: r.achievedOn ?? null,
          missing: r.missing,
          late: r.late,
          canStillComplete: r.canStillComplete,
        };
      });
    const vitA = (await vitaminADbRows(db, [personId])).map(vitaminADto);
    const vRules = vitaminARulesOn(todayDate);
    const vNow = vitaminAFor(birth, todayDate, vRules);
    const visits = await neonatalRows(db, personId);
    const bornAt = birthMoment(birth, profile?.birthTime ?? null);
    const kn = knLengkap(
      bornAt,
      visits.map((v) => visitMoment(v.visit_date, v.visit_time)),
      neonatalRulesOn(birth),
    );
    return {
      today: todayDate,
      person: {
        id: facts.id,
        name: facts.name,
        sex: facts.sex,
        birthDate: birth,
        nik: facts.nik,
        nikIbu: facts.nikIbu,
        motherName: facts.motherName,
        desaName: facts.desaName,
        rt: facts.rt,
        rw: facts.rw,
        posyanduId: facts.posyanduId,
        posyanduName: facts.posyanduName,
        deleted: facts.deleted,
      },
      profile,
      measurements: growth,
      immunizations: doseDtos(doseRows, birth, locale),
      due: {
        on: due.on,
        due: due.due.map(dueDto),
        overdue: due.overdue.map(dueDto),
        upcoming: due.upcoming.map(dueDto),
        noLongerAllowed: due.noLongerAllowed.map((d) => ({ ...d })),
      },
      completeness,
      vitaminA: vitA,
      vitaminANow: vNow.eligible
        ? {
            eligible: true,
            round: vNow.round,
            capsule: vNow.capsule,
            reason: null,
            givenThisRound: vitA.find((v) => v.round === vNow.round)?.givenDate ?? null,
          }
        : {
            eligible: false,
            round: null,
            capsule: vNow.capsule ?? null,
            reason: vNow.reason,
            givenThisRound: null,
          },
      neonatal: visits.map((v) => neonatalDto(v, bornAt)),
      kn: {
        complete: kn.complete,
        achievedOn: kn.achievedOn ?? null,
        kn1: kn.kn1 ?? null,
        kn2: kn.kn2 ?? null,
        kn3: kn.kn3 ?? null,
      },
      settings: { kbm: config.kbm.rows.map((r) => ({ ...r })), includeJe: config.includeJe },
    };
  }

  async function register(
    input: ParsedInput<'child.register'>,
  ): Promise<{ rows: ChildRow[]; total: number }> {
    const todayDate = await today();
    const config = await settings.load();
    const conditions = [
      sql`p.deleted_at IS NULL`,
      // Under five as WHO counts it: days / 30.4375 < 60, i.e. at most 1826 days old.
      sql`p.birth_date >= ${addDays(todayDate, -1826)}`,
      sql`p.birth_date <= ${todayDate}`,
    ];
    const digits = input.q.replace(/\s+/g, '');
    if (/^\d{2,16}$/.test(digits)) {
      conditions.push(sql`(p.nik LIKE ${`${digits}%`} OR p.nik_ibu LIKE ${`${digits}%`})`);
    } else {
      for (const term of normalizeName(input.q).split(' ').filter(Boolean)) {
        conditions.push(sql`p.name_search LIKE ${`%${term}%`}`);
      }
    }
    if (input.posyanduId) conditions.push(sql`p.posyandu_id = ${input.posyanduId}`);
    if (input.desaId) conditions.push(sql`p.desa_id = ${input.desaId}`);
    if (input.ageBand === 'bayi') conditions.push(sql`p.birth_date > ${addMonths(todayDate, -12)}`);
    if (input.ageBand === 'baduta') {
      conditions.push(sql`p.birth_date > ${addMonths(todayDate, -24)}`);
      conditions.push(sql`p.birth_date <= ${addMonths(todayDate, -12)}`);
    }
    if (input.ageBand === 'balita24')
      conditions.push(sql`p.birth_date <= ${addMonths(todayDate, -24)}`);
    const monthStart = `${monthOf(todayDate)}-01`;
    const latestWith = (column: string) =>
      sql`(SELECT ${sql.ref(column)} FROM growth_measurement x WHERE x.person_id = p.id AND x.deleted_at IS NULL AND ${sql.ref(column)} IS NOT NULL ORDER BY x.measure_date DESC LIMIT 1)`;
    const flags: Record<string, ReturnType<typeof sql>> = {
      stunting: sql`${latestWith('x.status_pbu')} IN ('pbu_sangat_pendek', 'pbu_pendek')`,
      wasting: sql`${latestWith('x.status_bbpb')} IN ('bbpb_gizi_buruk', 'bbpb_gizi_kurang')`,
      underweight: sql`${latestWith('x.status_bbu')} IN ('bbu_sangat_kurang', 'bbu_kurang')`,
      overweight: sql`${latestWith('x.status_bbpb')} IN ('bbpb_gizi_lebih', 'bbpb_obesitas')`,
      notWeighed: sql`NOT EXISTS (SELECT 1 FROM growth_measurement x WHERE x.person_id = p.id AND x.deleted_at IS NULL AND x.weight_kg IS NOT NULL AND x.measure_date >= ${monthStart})`,
      implausible: sql`EXISTS (SELECT 1 FROM growth_measurement x WHERE x.person_id = p.id AND x.deleted_at IS NULL AND x.implausible <> '[]')`,
    };
    if (input.flag) conditions.push(flags[input.flag]!);
    const where = sql.join(conditions, sql` AND `);
    const total = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM person p WHERE ${where}`.execute(db);
    // The page's children picked first, then their latest measurements looked up: with the
    // lookups beside the ORDER BY, SQLite ran them for every child before sorting (4,161 on
    // the 100k demo, 140-175 ms a page, which the register's scrolling waited on).
    const page = await sql<{
      id: string;
      name: string;
      sex: 'L' | 'P';
      birth_date: string;
      nik: string | null;
      rt: string | null;
      rw: string | null;
      posyandu_name: string | null;
      desa_name: string | null;
      last_date: string | null;
      weight_kg: number | null;
      length_cm: number | null;
      bbu: string | null;
      pbu: string | null;
      bbpb: string | null;
    }>`
      WITH page AS MATERIALIZED (
        SELECT p.id FROM person p WHERE ${where}
         ORDER BY p.name_search, p.birth_date, p.id
         LIMIT ${input.limit} OFFSET ${input.offset}
      )
      SELECT p.id, p.name, p.sex, p.birth_date, p.nik, p.rt, p.rw,
             y.name AS posyandu_name, d.name AS desa_name,
             (SELECT max(x.measure_date) FROM growth_measurement x
               WHERE x.person_id = p.id AND x.deleted_at IS NULL) AS last_date,
             ${latestWith('x.weight_kg')} AS weight_kg,
             ${latestWith('x.length_cm')} AS length_cm,
             ${latestWith('x.status_bbu')} AS bbu,
             ${latestWith('x.status_pbu')} AS pbu,
             ${latestWith('x.status_bbpb')} AS bbpb
        FROM page
        JOIN person p ON p.id = page.id
        LEFT JOIN posyandu y ON y.id = p.posyandu_id
        LEFT JOIN desa d ON d.id = p.desa_id
       ORDER BY p.name_search, p.birth_date, p.id`.execute(db);
    const ids = page.rows.map((r) => r.id);
    const byPerson = await weighingsByPerson(db, ids);
    return {
      total: total.rows[0]?.n ?? 0,
      rows: page.rows.map((r) => {
        const monthly = [
          ...growthStatusByDate(r.birth_date, byPerson.get(r.id) ?? [], config.kbm).values(),
        ];
        return {
          id: r.id,
          name: r.name,
          sex: r.sex,
          birthDate: r.birth_date,
          nik: r.nik,
          posyanduName: r.posyandu_name,
          place: r.desa_name,
          rt: r.rt,
          rw: r.rw,
          lastDate: r.last_date,
          weightKg: r.weight_kg,
          lengthCm: r.length_cm,
          bbU: r.bbu,
          pbU: r.pbu,
          bbPb: r.bbpb,
          growth: monthly.at(-1)?.status ?? null,
        };
      }),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Growth

  type GrowthInput = ParsedInput<'growth.create'>['measurement'];

  async function saveGrowth(
    actor: Actor,
    input: GrowthInput,
    confirmImplausible: boolean,
    existing: { id: string; version: number } | null,
  ): Promise<GrowthRow> {
    const { locale } = actor;
    const todayDate = await today();
    const config = await settings.load();
    return write(deps, actor, async (ctx) => {
      const facts = await childFacts(ctx.trx, input.personId, locale);
      refuseDeleted(facts, locale);
      if (existing) await sameChild(ctx, 'growth_measurement', existing.id, facts.id);
      notFuture(locale, 'measurement.measureDate', input.measureDate, todayDate);
      const refusals = checkMeasurement(facts.birthDate, input.measureDate, input);
      if (refusals.length > 0) throw problemsError(refusals, locale, 'measurement.');
      await checkServiceRefs(ctx.trx, locale, 'measurement.', input);
      const a = assessMeasurement(
        facts.sex,
        facts.birthDate,
        input.measureDate,
        input,
        statusStandardOn(input.measureDate),
      );
      if (a.implausible.length > 0 && !confirmImplausible) {
        throw implausibleError(locale, a, 'measurement.');
      }
      const clash = await ctx.trx
        .selectFrom('growth_measurement')
        .select('id')
        .where('person_id', '=', facts.id)
        .where('measure_date', '=', input.measureDate)
        .where('deleted_at', 'is', null)
        .where('id', '!=', existing?.id ?? '')
        .executeTakeFirst();
      if (clash) {
        throw fieldError(locale, 'measurement.measureDate', 'child.error.measureDay', undefined, {
          code: 'DUPLICATE',
        });
      }
      const values = {
        ...growthColumns(input, a, facts),
        place: input.place,
        posyandu_id: input.place === 'posyandu' ? input.posyanduId : null,
        performer_id: input.performerId,
        asi_eksklusif: flag(input.asiEksklusif),
        notes: input.notes,
      };
      const id = existing
        ? (await updateRecord(ctx, 'growth_measurement', existing.id, existing.version, values)).id
        : await insertRecord(ctx, 'growth_measurement', {
            ...values,
            session_id: null,
            delete_reason: null,
          });
      return growthRowOf(ctx.trx, facts, id, config);
    });
  }

  /** An update must stay with the child it belongs to. */
  async function sameChild(
    ctx: WriteContext,
    table: 'growth_measurement' | 'immunization' | 'vitamin_a' | 'neonatal_visit',
    id: string,
    personId: string,
  ): Promise<void> {
    const row = await ctx.trx
      .selectFrom(table)
      .select('person_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
    if (row.person_id !== personId) {
      throw fieldError(ctx.locale, 'personId', 'child.error.otherChild');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Immunisation

  type DoseInput = ParsedInput<'immunization.create'>['dose'];

  async function saveDose(
    actor: Actor,
    input: DoseInput,
    breakReason: string | null,
    existing: { id: string; version: number } | null,
  ): Promise<ImmunizationRow> {
    const { locale } = actor;
    const todayDate = await today();
    return write(deps, actor, async (ctx) => {
      const facts = await childFacts(ctx.trx, input.personId, locale);
      refuseDeleted(facts, locale);
      if (existing) await sameChild(ctx, 'immunization', existing.id, facts.id);
      notFuture(locale, 'dose.givenDate', input.givenDate, todayDate);
      await checkServiceRefs(ctx.trx, locale, 'dose.', input);
      const others = (await doseDbRows(ctx.trx, [facts.id])).filter((r) => r.id !== existing?.id);
      const schedule = scheduleOn(input.givenDate);
      const issues = validateDose(
        facts.birthDate,
        doseRecords(others),
        { code: input.doseCode, date: input.givenDate },
        schedule,
      );
      const hard = issues.filter((i) => HARD_DOSE_ISSUES.has(i.code));
      if (hard.length > 0) {
        throw problemsError(hard, locale, 'dose.', 'INVALID_INPUT', {}, DOSE_PATHS);
      }
      const breaks = issues.filter((i) => i.severity === 'break');
      if (breaks.length > 0 && !breakReason) {
        throw problemsError(
          breaks,
          locale,
          'dose.',
          'RULE_VIOLATION',
          { needsReason: true, breaks: breaks.map((b) => b.code) },
          DOSE_PATHS,
        );
      }
      const values = {
        dose_code: input.doseCode,
        given_date: input.givenDate,
        given_here: input.givenHere ? 1 : 0,
        place: input.place,
        posyandu_id: input.place === 'posyandu' ? input.posyanduId : null,
        performer_id: input.performerId,
        residence_desa_id: facts.desaId,
        batch: input.batch,
        kipi: input.kipi ? 1 : 0,
        kipi_notes: input.kipi ? input.kipiNotes : null,
        schedule_id: schedule.id,
        rule_breaks: JSON.stringify(breaks.map((b) => b.code)),
        break_reason: breaks.length > 0 ? breakReason : null,
        notes: input.notes,
      };
      const id = existing
        ? (await updateRecord(ctx, 'immunization', existing.id, existing.version, values)).id
        : await insertRecord(ctx, 'immunization', {
            ...values,
            person_id: facts.id,
            session_id: null,
            delete_reason: null,
          });
      const rows = doseDtos(await doseDbRows(ctx.trx, [facts.id]), facts.birthDate, locale);
      return rows.find((r) => r.id === id)!;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Vitamin A

  type VitaminAInput = ParsedInput<'vitaminA.create'>['vitaminA'];

  async function saveVitaminA(
    actor: Actor,
    input: VitaminAInput,
    breakReason: string | null,
    existing: { id: string; version: number } | null,
  ): Promise<VitaminARow> {
    const { locale } = actor;
    const todayDate = await today();
    return write(deps, actor, async (ctx) => {
      const facts = await childFacts(ctx.trx, input.personId, locale);
      refuseDeleted(facts, locale);
      if (existing) await sameChild(ctx, 'vitamin_a', existing.id, facts.id);
      notFuture(locale, 'vitaminA.givenDate', input.givenDate, todayDate);
      await checkServiceRefs(ctx.trx, locale, 'vitaminA.', input);
      const rules = vitaminARulesOn(input.givenDate);
      const others = (await vitaminADbRows(ctx.trx, [facts.id])).filter(
        (r) => r.id !== existing?.id,
      );
      const issues = validateVitaminA(
        facts.birthDate,
        { date: input.givenDate, capsule: input.capsule },
        others.map((o) => ({ date: o.given_date, capsule: o.capsule })),
        rules,
      );
      const hard = issues.filter((i) => HARD_VITA_ISSUES.has(i.code));
      if (hard.length > 0) {
        throw problemsError(hard, locale, 'vitaminA.', 'INVALID_INPUT', {}, VITAMIN_A_PATHS);
      }
      if (issues.length > 0 && !breakReason) {
        throw problemsError(
          issues,
          locale,
          'vitaminA.',
          'RULE_VIOLATION',
          { needsReason: true, breaks: issues.map((b) => b.code) },
          VITAMIN_A_PATHS,
        );
      }
      const values = {
        given_date: input.givenDate,
        capsule: input.capsule,
        round: vitaminARoundOf(input.givenDate, rules)?.round ?? null,
        place: input.place,
        posyandu_id: input.place === 'posyandu' ? input.posyanduId : null,
        performer_id: input.performerId,
        residence_desa_id: facts.desaId,
        rules_id: rules.id,
        rule_breaks: JSON.stringify(issues.map((b) => b.code)),
        break_reason: issues.length > 0 ? breakReason : null,
        notes: input.notes,
      };
      const id = existing
        ? (await updateRecord(ctx, 'vitamin_a', existing.id, existing.version, values)).id
        : await insertRecord(ctx, 'vitamin_a', {
            ...values,
            person_id: facts.id,
            session_id: null,
            delete_reason: null,
          });
      const rows = await vitaminADbRows(ctx.trx, [facts.id]);
      return vitaminADto(rows.find((r) => r.id === id)!);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Neonatal visits

  type NeonatalInput = ParsedInput<'neonatal.create'>['visit'];

  async function saveNeonatal(
    actor: Actor,
    input: NeonatalInput,
    existing: { id: string; version: number } | null,
  ): Promise<NeonatalRow> {
    const { locale } = actor;
    const todayDate = await today();
    return write(deps, actor, async (ctx) => {
      const facts = await childFacts(ctx.trx, input.personId, locale);
      refuseDeleted(facts, locale);
      if (existing) await sameChild(ctx, 'neonatal_visit', existing.id, facts.id);
      notFuture(locale, 'visit.visitDate', input.visitDate, todayDate);
      await checkServiceRefs(ctx.trx, locale, 'visit.', input);
      if (input.weightKg !== null && (input.weightKg < 0.4 || input.weightKg > 8)) {
        throw fieldError(locale, 'visit.weightKg', 'child.error.neonatalWeight');
      }
      const profile = await profileOf(ctx.trx, facts.id);
      const bornAt = birthMoment(facts.birthDate, profile?.birthTime ?? null);
      const kn = classifyKn(locale, bornAt, input.visitDate, input.visitTime);
      const values = {
        visit_date: input.visitDate,
        visit_time: input.visitTime,
        kn,
        place: input.place,
        performer_id: input.performerId,
        residence_desa_id: facts.desaId,
        weight_kg: input.weightKg,
        danger_signs: flag(input.dangerSigns),
        vit_k1: flag(input.vitK1),
        shk: flag(input.shk),
        rules_id: neonatalRulesOn(facts.birthDate).id,
        notes: input.notes,
      };
      const id = existing
        ? (await updateRecord(ctx, 'neonatal_visit', existing.id, existing.version, values)).id
        : await insertRecord(ctx, 'neonatal_visit', {
            ...values,
            person_id: facts.id,
            delete_reason: null,
          });
      const rows = await neonatalRows(ctx.trx, facts.id);
      return neonatalDto(
        rows.find((r) => r.id === id)!,
        bornAt,
      );
    });
  }

  /** KN window of a visit; refuses a visit before birth or after day 28. */
  function classifyKn(
    locale: Locale,
    bornAt: string,
    visitDate: string,
    visitTime: string | null,
  ): 'KN1' | 'KN2' | 'KN3' | null {
    const rules = neonatalRulesOn(visitDate);
    const at = visitMoment(visitDate, visitTime);
    const c = classifyNeonatalVisit(bornAt, at, rules);
    if (c.kind === 'invalid')
      throw fieldError(locale, 'visit.visitDate', 'child.error.knBeforeBirth');
    if (c.kind === 'outside' && c.when === 'too-late') {
      throw fieldError(locale, 'visit.visitDate', 'child.error.knTooLate');
    }
    return c.kind === 'visit' ? c.visit : null;
  }

  // -------------------------------------------------------------------------------------------
  // Profile

  async function saveProfile(
    actor: Actor,
    input: ParsedInput<'child.profile.save'>,
  ): Promise<ChildProfile> {
    const { locale } = actor;
    return write(deps, actor, async (ctx) => {
      const facts = await childFacts(ctx.trx, input.personId, locale);
      refuseDeleted(facts, locale);
      const current = await ctx.trx
        .selectFrom('child_profile')
        .selectAll()
        .where('person_id', '=', facts.id)
        .executeTakeFirst();
      const values = {
        birth_time: input.birthTime,
        birth_weight_g: input.birthWeightG,
        birth_length_cm: input.birthLengthCm,
        kia_book: input.kiaBook ? 1 : 0,
      };
      if (current) {
        if (input.version === null)
          throw AppError.of('CONFLICT', locale, 'child.error.profileExists');
        await updateRecord(ctx, 'child_profile', current.id, input.version, values);
      } else {
        await insertRecord(ctx, 'child_profile', { ...values, person_id: facts.id });
      }
      // The birth time decides the KN windows: keep the stored KN of each visit in step.
      if ((current?.birth_time ?? null) !== input.birthTime) {
        const bornAt = birthMoment(facts.birthDate, input.birthTime);
        for (const v of await neonatalRows(ctx.trx, facts.id)) {
          const c = classifyNeonatalVisit(
            bornAt,
            visitMoment(v.visit_date, v.visit_time),
            neonatalRulesOn(v.visit_date),
          );
          const kn = c.kind === 'visit' ? c.visit : null;
          if (kn !== v.kn) await updateRecord(ctx, 'neonatal_visit', v.id, v.version, { kn });
        }
      }
      return (await profileOf(ctx.trx, facts.id))!;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Sasaran imunisasi and Vitamin A rounds

  async function sasaran(
    input: ParsedInput<'immunization.sasaran'>,
    locale: Locale,
  ): Promise<SasaranView> {
    const config = await settings.load();
    const posyandu = await posyanduFacts(db, input.posyanduId, locale);
    const children = await expectedChildren(db, posyandu, input.sessionDate, input.basis);
    const doses = await doseDbRows(
      db,
      children.map((c) => c.id),
    );
    const byPerson = new Map<string, typeof doses>();
    for (const d of doses) byPerson.set(d.person_id, [...(byPerson.get(d.person_id) ?? []), d]);
    // Doses given on the session day itself are not due any more; count what was due that morning.
    const targets = sessionTargets(
      children.map((c) => ({
        id: c.id,
        birthDate: c.birthDate,
        history: doseRecords(
          (byPerson.get(c.id) ?? []).filter((d) => d.given_date < input.sessionDate),
        ),
      })),
      input.sessionDate,
      scheduleOn(input.sessionDate),
      dueRulesOn(input.sessionDate),
      { includeRegional: config.includeJe },
    );
    const byId = new Map(children.map((c) => [c.id, c]));
    const rows = targets.map((t) => {
      const c = byId.get(t.childId)!;
      return {
        personId: c.id,
        name: c.name,
        sex: c.sex,
        birthDate: c.birthDate,
        motherName: c.motherName,
        rt: c.rt,
        rw: c.rw,
        doses: t.doses.map(dueDto),
      };
    });
    const counts = new Map<DoseCode, number>();
    for (const r of rows)
      for (const d of r.doses) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    return {
      posyandu: { id: posyandu.id, name: posyandu.name, desaName: posyandu.desaName },
      sessionDate: input.sessionDate,
      basis: input.basis,
      rows,
      totals: DOSE_CODES.filter((c) => counts.has(c)).map((code) => ({
        code,
        count: counts.get(code)!,
      })),
    };
  }

  async function sasaranXlsx(
    input: ParsedInput<'immunization.sasaran'>,
    locale: Locale,
  ): Promise<FileDownload> {
    const view = await sasaran(input, locale);
    const f = await facility.find();
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(locale, key, params);
    return listToXlsx(
      {
        name: t('child.sasaran.sheet'),
        heading: [
          f?.name ?? 'Siklus',
          t('child.sasaran.heading', {
            posyandu: `${view.posyandu.name} (${view.posyandu.desaName})`,
            date: formatTanggal(view.sessionDate),
          }),
          t('child.sasaran.totals', {
            list:
              view.totals.map((x) => `${DOSE_LABELS[x.code][locale]} ${x.count}`).join(', ') || '—',
          }),
        ],
        columns: [
          { header: t('child.col.no'), width: 5, value: (r) => view.rows.indexOf(r) + 1 },
          { header: t('child.col.name'), width: 28, value: (r) => r.name },
          { header: t('child.col.sex'), width: 5, value: (r) => r.sex },
          { header: t('child.col.birthDate'), width: 12, value: (r) => r.birthDate },
          {
            header: t('child.col.ageMonths'),
            width: 10,
            value: (r) => Math.floor(daysBetween(r.birthDate, view.sessionDate) / 30.4375),
          },
          { header: t('child.col.mother'), width: 24, value: (r) => r.motherName ?? '' },
          {
            header: t('child.col.rtrw'),
            width: 10,
            value: (r) => (r.rt || r.rw ? `${r.rt ?? '-'}/${r.rw ?? '-'}` : ''),
          },
          {
            header: t('child.col.doses'),
            width: 60,
            value: (r) =>
              r.doses
                .map(
                  (d) =>
                    `${DOSE_LABELS[d.code][locale]}${d.status === 'overdue' ? ` (${t('child.due.overdue')})` : ''}`,
                )
                .join('; '),
          },
          { header: t('child.col.given'), width: 12, value: () => '' },
        ],
        rows: view.rows,
      },
      `sasaran-imunisasi_${fileSlug(view.posyandu.name)}_${view.sessionDate}.xlsx`,
    );
  }

  async function vitaminARound(
    input: ParsedInput<'vitaminA.round'>,
    locale: Locale,
  ): Promise<VitaminARoundView> {
    const ageOnDate = `${input.round}-15`;
    const rules = vitaminARulesOn(ageOnDate);
    const monthNo = Number(input.round.slice(5, 7));
    if (!rules.roundMonths.includes(monthNo)) {
      throw fieldError(locale, 'round', 'child.error.notARound');
    }
    let query = db
      .selectFrom('person as p')
      .leftJoin('posyandu as y', 'y.id', 'p.posyandu_id')
      .leftJoin('desa as d', 'd.id', 'y.desa_id')
      .select([
        'p.id',
        'p.name',
        'p.birth_date',
        'p.posyandu_id',
        'p.rt',
        'p.rw',
        'y.name as posyandu_name',
        'd.name as desa_name',
      ])
      .where('p.deleted_at', 'is', null)
      .where('p.desa_id', 'is not', null)
      .where('p.birth_date', '>', addMonths(ageOnDate, -60))
      .where('p.birth_date', '<=', addMonths(ageOnDate, -6));
    if (input.posyanduId) query = query.where('p.posyandu_id', '=', input.posyanduId);
    const people = await query.orderBy('y.name').orderBy('p.name_search').execute();
    const given = new Set(
      (
        await db
          .selectFrom('vitamin_a')
          .select('person_id')
          .where('round', '=', input.round)
          .where('deleted_at', 'is', null)
          .execute()
      ).map((r) => r.person_id),
    );
    const groups = new Map<string, VitaminARoundView['rows'][number]>();
    const missing: VitaminARoundView['missing'] = [];
    let missingTotal = 0;
    for (const p of people) {
      const band = vitaminABand(p.birth_date, ageOnDate, rules);
      if (!band) continue;
      const key = p.posyandu_id ?? '';
      const row = groups.get(key) ?? {
        posyanduId: p.posyandu_id,
        posyanduName: p.posyandu_name,
        desaName: p.desa_name,
        blueTarget: 0,
        blueGiven: 0,
        redTarget: 0,
        redGiven: 0,
      };
      const got = given.has(p.id);
      if (band.capsule === 'blue') {
        row.blueTarget += 1;
        if (got) row.blueGiven += 1;
      } else {
        row.redTarget += 1;
        if (got) row.redGiven += 1;
      }
      groups.set(key, row);
      if (!got) {
        missingTotal += 1;
        if (missing.length < 500) {
          missing.push({
            personId: p.id,
            name: p.name,
            birthDate: p.birth_date,
            capsule: band.capsule,
            posyanduName: p.posyandu_name,
            rt: p.rt,
            rw: p.rw,
          });
        }
      }
    }
    return {
      round: input.round,
      ageOn: ageOnDate,
      rows: [...groups.values()],
      missing,
      missingTotal,
    };
  }

  // -------------------------------------------------------------------------------------------

  async function remove(
    actor: Actor,
    table: 'growth_measurement' | 'immunization' | 'vitamin_a' | 'neonatal_visit',
    input: { id: string; version: number; reason: string },
  ): Promise<{ id: string }> {
    return write(deps, actor, async (ctx) => {
      await softDelete(ctx, table, input.id, input.version, { delete_reason: input.reason });
      return { id: input.id };
    });
  }

  return {
    today,
    settings,
    card,
    register,
    saveProfile,
    createGrowth: (actor: Actor, input: ParsedInput<'growth.create'>) =>
      saveGrowth(actor, input.measurement, input.confirmImplausible, null),
    updateGrowth: (actor: Actor, input: ParsedInput<'growth.update'>) =>
      saveGrowth(actor, input.measurement, input.confirmImplausible, {
        id: input.id,
        version: input.version,
      }),
    deleteGrowth: (actor: Actor, input: ParsedInput<'growth.delete'>) =>
      remove(actor, 'growth_measurement', input),
    createDose: (actor: Actor, input: ParsedInput<'immunization.create'>) =>
      saveDose(actor, input.dose, input.breakReason, null),
    updateDose: (actor: Actor, input: ParsedInput<'immunization.update'>) =>
      saveDose(actor, input.dose, input.breakReason, { id: input.id, version: input.version }),
    deleteDose: (actor: Actor, input: ParsedInput<'immunization.delete'>) =>
      remove(actor, 'immunization', input),
    createVitaminA: (actor: Actor, input: ParsedInput<'vitaminA.create'>) =>
      saveVitaminA(actor, input.vitaminA, input.breakReason, null),
    updateVitaminA: (actor: Actor, input: ParsedInput<'vitaminA.update'>) =>
      saveVitaminA(actor, input.vitaminA, input.breakReason, {
        id: input.id,
        version: input.version,
      }),
    deleteVitaminA: (actor: Actor, input: ParsedInput<'vitaminA.delete'>) =>
      remove(actor, 'vitamin_a', input),
    createNeonatal: (actor: Actor, input: ParsedInput<'neonatal.create'>) =>
      saveNeonatal(actor, input.visit, null),
    updateNeonatal: (actor: Actor, input: ParsedInput<'neonatal.update'>) =>
      saveNeonatal(actor, input.visit, { id: input.id, version: input.version }),
    deleteNeonatal: (actor: Actor, input: ParsedInput<'neonatal.delete'>) =>
      remove(actor, 'neonatal_visit', input),
    sasaran,
    sasaranXlsx,
    vitaminARound,
    session,
  };
}

export type ChildService = ReturnType<typeof createChildService>;
