import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import {
  AppError,
  summariseIssues,
  type FieldIssue,
  type ParsedInput,
  type SessionChild,
  type SessionView,
} from '@shared/contract';
import { monthOf } from '@shared/domain/dates';
import {
  validateVitaminA,
  vitaminABand,
  vitaminARoundOf,
  vitaminARulesOn,
} from '@shared/domain/child-services';
import {
  assessMeasurement,
  checkMeasurement,
  implausibleMessages,
  skdn,
  statusStandardOn,
  underFiveAge,
} from '@shared/domain/growth';
import {
  DOSE_CODES,
  dueList,
  dueRulesOn,
  scheduleOn,
  validateDose,
  type DoseCode,
} from '@shared/domain/immunization';
import { fieldLabel, translate, type Locale } from '@shared/i18n';
import { insertRecord, softDelete, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import {
  doseRecords,
  expectedChildren,
  fieldError,
  growthColumns,
  posyanduFacts,
  setKiaBook,
  type PosyanduFacts,
} from './child-common';
import type { ChildConfig, ChildSettingsService } from './child-settings';
import { write, type Actor, type ServiceDeps } from './context';

type SaveInput = ParsedInput<'posyandu.session.save'>;

const ORDER = new Map<DoseCode, number>(DOSE_CODES.map((c, i) => [c, i]));
const CLEARED_REASON = 'Dikosongkan pada sesi posyandu';

interface SessionRecord {
  id: string;
  version: number;
  performerId: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * The posyandu session grid: the balita expected at a posyandu on a day with what is already
 * recorded for them, and one save that writes the whole session (measurements, Vitamin A,
 * doses, Buku KIA marks) in one transaction. SKDN of the session month comes back with it.
 */
export function createChildSession(
  deps: ServiceDeps,
  ctx: { today: () => Promise<string>; settings: ChildSettingsService },
) {
  const { db } = deps;

  async function sessionOf(
    q: Kysely<DB>,
    posyanduId: string,
    date: string,
  ): Promise<SessionRecord | null> {
    const s = await q
      .selectFrom('posyandu_session as s')
      .leftJoin('app_user as u', 'u.id', 's.updated_by')
      .select(['s.id', 's.version', 's.performer_id', 's.updated_at', 'u.full_name'])
      .where('s.posyandu_id', '=', posyanduId)
      .where('s.session_date', '=', date)
      .where('s.deleted_at', 'is', null)
      .executeTakeFirst();
    return s
      ? {
          id: s.id,
          version: s.version,
          performerId: s.performer_id,
          updatedAt: s.updated_at,
          updatedBy: s.full_name,
        }
      : null;
  }

  /** Whether a record of the day belongs to this session (or this posyandu that day). */
  const ofSession = (
    r: { session_id: string | null; posyandu_id: string | null },
    posyanduId: string,
    session: SessionRecord | null,
  ) => (session !== null && r.session_id === session.id) || r.posyandu_id === posyanduId;

  async function view(
    q: Kysely<DB>,
    posyandu: PosyanduFacts,
    date: string,
    basis: 'posyandu' | 'wilayah',
    config: ChildConfig,
  ): Promise<SessionView> {
    const session = await sessionOf(q, posyandu.id, date);
    // Children with something recorded that day at this posyandu stay on the list.
    const extra = await sql<{ person_id: string }>`
      SELECT person_id FROM growth_measurement
       WHERE measure_date = ${date} AND deleted_at IS NULL
         AND (posyandu_id = ${posyandu.id} OR session_id = ${session?.id ?? ''})
      UNION SELECT person_id FROM immunization
       WHERE given_date = ${date} AND deleted_at IS NULL
         AND (posyandu_id = ${posyandu.id} OR session_id = ${session?.id ?? ''})
      UNION SELECT person_id FROM vitamin_a
       WHERE given_date = ${date} AND deleted_at IS NULL
         AND (posyandu_id = ${posyandu.id} OR session_id = ${session?.id ?? ''})`.execute(q);
    const children = await expectedChildren(
      q,
      posyandu,
      date,
      basis,
      extra.rows.map((r) => r.person_id),
    );
    const ids = children.map((c) => c.id);
    const { growth, doses, vitA } = await sessionHistories(q, ids);
    const profiles = ids.length
      ? await q
          .selectFrom('child_profile')
          .select(['person_id', 'kia_book'])
          .where('person_id', 'in', ids)
          .execute()
      : [];
    const kia = new Set(profiles.filter((p) => p.kia_book === 1).map((p) => p.person_id));
    const schedule = scheduleOn(date);
    const dueRules = dueRulesOn(date);
    const vRules = vitaminARulesOn(date);
    const round = vitaminARoundOf(date, vRules);

    const rows: SessionChild[] = children.map((c) => {
      const g = growth.get(c.id) ?? [];
      const d = doses.get(c.id) ?? [];
      const v = vitA.get(c.id) ?? [];
      const entryGrowth = g.find((r) => r.measure_date === date);
      const entryDoses = d.filter(
        (r) => r.given_date === date && ofSession(r, posyandu.id, session),
      );
      const entryVitA = v.find((r) => r.given_date === date && ofSession(r, posyandu.id, session));
      const history = doseRecords(
        d.filter((r) => r.given_date < date || (r.given_date === date && !entryDoses.includes(r))),
      );
      const due = dueList(c.birthDate, history, date, schedule, dueRules, {
        includeRegional: config.includeJe,
      });
      const listed: SessionChild['doses'] = [...due.overdue, ...due.due].map((x) => ({
        code: x.code,
        status: x.status === 'overdue' ? 'overdue' : 'due',
      }));
      for (const e of entryDoses) {
        const code = e.dose_code as DoseCode;
        const at = listed.findIndex((x) => x.code === code);
        if (at >= 0) listed[at] = { code, status: 'given' };
        else listed.push({ code, status: 'given' });
      }
      listed.sort((a, b) => (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
      const band = round ? vitaminABand(c.birthDate, date, vRules) : undefined;
      const otherInRound = round
        ? v.find((r) => r !== entryVitA && r.round === round.round)
        : undefined;
      const hasEntry = entryGrowth || entryDoses.length > 0 || entryVitA;
      return {
        personId: c.id,
        name: c.name,
        sex: c.sex,
        birthDate: c.birthDate,
        rt: c.rt,
        rw: c.rw,
        motherName: c.motherName,
        source: c.source,
        kiaBook: kia.has(c.id),
        weighings: g
          .filter((r) => r.weight_kg !== null && r.measure_date < date)
          .map((r) => ({ date: r.measure_date, weightKg: r.weight_kg! })),
        doses: listed,
        vitaminA: {
          capsule: band?.capsule ?? entryVitA?.capsule ?? null,
          givenInRound: otherInRound?.given_date ?? null,
        },
        entry: hasEntry
          ? {
              growthId: entryGrowth?.id ?? null,
              growthVersion: entryGrowth?.version ?? null,
              weightKg: entryGrowth?.weight_kg ?? null,
              lengthCm: entryGrowth?.length_cm ?? null,
              measured: entryGrowth?.measured ?? null,
              muacCm: entryGrowth?.muac_cm ?? null,
              oedema: entryGrowth?.oedema === 1,
              confirmImplausible: entryGrowth?.implausible_confirmed === 1,
              vitaminAId: entryVitA?.id ?? null,
              vitaminAVersion: entryVitA?.version ?? null,
              doses: entryDoses.map((e) => ({
                code: e.dose_code as DoseCode,
                id: e.id,
                version: e.version,
              })),
            }
          : null,
      };
    });

    const counts = skdn(
      rows.map((r) => ({
        id: r.personId,
        birthDate: r.birthDate,
        kiaBook: r.kiaBook,
        weighings:
          r.entry?.weightKg !== null && r.entry?.weightKg !== undefined
            ? [...r.weighings, { date, weightKg: r.entry.weightKg }]
            : r.weighings,
      })),
      monthOf(date),
      config.kbm,
    );
    return {
      posyandu: {
        id: posyandu.id,
        name: posyandu.name,
        desaId: posyandu.desaId,
        desaName: posyandu.desaName,
        rw: posyandu.rw,
      },
      sessionDate: date,
      basis,
      session,
      vitaminARound: round?.round ?? null,
      kbm: config.kbm.rows.map((r) => ({ ...r })),
      rows,
      skdn: {
        S: counts.S,
        K: counts.K,
        D: counts.D,
        N: counts.N,
        T: counts.T,
        T2: counts.T2,
        O: counts.O,
        B: counts.B,
      },
    };
  }

  async function open(
    input: ParsedInput<'posyandu.session.open'>,
    locale: Locale,
  ): Promise<SessionView> {
    const config = await ctx.settings.load();
    const posyandu = await posyanduFacts(db, input.posyanduId, locale);
    return view(db, posyandu, input.sessionDate, input.basis, config);
  }

  async function save(actor: Actor, input: SaveInput): Promise<SessionView> {
    const { locale } = actor;
    const todayDate = await ctx.today();
    const config = await ctx.settings.load();
    if (input.sessionDate > todayDate) {
      throw fieldError(locale, 'sessionDate', 'child.error.future');
    }
    const ids = input.rows.map((r) => r.personId);
    if (new Set(ids).size !== ids.length) {
      throw fieldError(locale, 'rows', 'child.error.rowTwice');
    }
    let posyandu: PosyanduFacts | null = null;
    await write(deps, actor, async (w) => {
      posyandu = await posyanduFacts(w.trx, input.posyanduId, locale);
      if (input.performerId) {
        const n = await w.trx
          .selectFrom('nakes')
          .select('id')
          .where('id', '=', input.performerId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!n) throw fieldError(locale, 'performerId', 'child.error.performer');
      }
      const current = await sessionOf(w.trx, input.posyanduId, input.sessionDate);
      const plan = await planRows(w, input, locale, current);
      const sessionId = await upsertSession(w, input);
      for (const step of plan) await step(sessionId, posyandu);
    });
    return view(db, posyandu!, input.sessionDate, input.basis, config);
  }

  async function upsertSession(w: WriteContext, input: SaveInput): Promise<string> {
    const existing = await sessionOf(w.trx, input.posyanduId, input.sessionDate);
    if (!existing) {
      return insertRecord(w, 'posyandu_session', {
        posyandu_id: input.posyanduId,
        session_date: input.sessionDate,
        basis: input.basis,
        performer_id: input.performerId,
        notes: null,
        delete_reason: null,
      });
    }
    await updateRecord(
      w,
      'posyandu_session',
      existing.id,
      input.sessionId === existing.id && input.sessionVersion !== null
        ? input.sessionVersion
        : existing.version,
      { basis: input.basis, performer_id: input.performerId },
    );
    return existing.id;
  }

  /**
   * Check every row before anything is written (all problems are reported at once, each named by
   * row and child), and return the writes to run.
   */
  async function planRows(
    w: WriteContext,
    input: SaveInput,
    locale: Locale,
    current: SessionRecord | null,
  ): Promise<((sessionId: string, posyandu: PosyanduFacts | null) => Promise<void>)[]> {
    const date = input.sessionDate;
    const ids = input.rows.map((r) => r.personId);
    const people = ids.length
      ? await w.trx
          .selectFrom('person')
          .select(['id', 'name', 'sex', 'birth_date', 'desa_id', 'deleted_at'])
          .where('id', 'in', ids)
          .execute()
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const { growth, doses, vitA } = await sessionHistories(w.trx, ids);
    const invalid: FieldIssue[] = [];
    const implausible: FieldIssue[] = [];
    const steps: ((sessionId: string, posyandu: PosyanduFacts | null) => Promise<void>)[] = [];
    const schedule = scheduleOn(date);
    const vRules = vitaminARulesOn(date);

    input.rows.forEach((row, i) => {
      const person = byId.get(row.personId);
      const rowLabel = (name: string) =>
        translate(locale, 'child.session.rowLabel', { row: i + 1, name });
      const add = (list: FieldIssue[], field: string, message: string) =>
        list.push({
          path: `rows.${i}.${field}`,
          field: `${rowLabel(person?.name ?? '?')} · ${fieldLabel(locale, field)}`,
          message,
        });
      if (!person || person.deleted_at !== null) {
        add(invalid, 'personId', translate(locale, 'child.error.personGone'));
        return;
      }
      const facts = { id: person.id, desaId: person.desa_id };
      const age = underFiveAge(person.birth_date, date);
      const g = growth.get(person.id) ?? [];
      const existingGrowth = row.growthId ? g.find((r) => r.id === row.growthId) : undefined;
      const sameDay = g.find((r) => r.measure_date === date);
      const hasValues = row.weightKg !== null || row.lengthCm !== null || row.muacCm !== null;
      const wantsAnything = hasValues || row.vitaminA || row.doses.some((d) => !d.id);
      if (!age.ok && wantsAnything) {
        add(invalid, 'personId', translate(locale, 'child.error.notBalita'));
        return;
      }
      if (row.growthId && !existingGrowth) {
        add(invalid, 'weightKg', translate(locale, 'child.error.rowChanged'));
        return;
      }
      if (!row.growthId && sameDay && hasValues) {
        add(invalid, 'weightKg', translate(locale, 'child.error.rowChanged'));
        return;
      }

      // Growth measurement.
      if (hasValues) {
        const m = {
          measureDate: date,
          weightKg: row.weightKg,
          lengthCm: row.lengthCm,
          measured: row.measured,
          headCm: existingGrowth?.head_cm ?? null,
          muacCm: row.muacCm,
          oedema: row.oedema,
        };
        const refusals = checkMeasurement(person.birth_date, date, m);
        for (const r of refusals) {
          add(invalid, r.path === 'measureDate' ? 'personId' : r.path, stripField(r, locale));
        }
        if (refusals.length === 0) {
          const a = assessMeasurement(
            person.sex,
            person.birth_date,
            date,
            m,
            statusStandardOn(date),
          );
          if (a.implausible.length > 0 && !row.confirmImplausible) {
            const messages = implausibleMessages(a);
            a.implausible.forEach((f, k) =>
              add(implausible, f === 'position' ? 'measured' : 'weightKg', messages[k]![locale]),
            );
          }
          const values = growthColumns(m, a, facts);
          steps.push(async (sessionId, posyandu) => {
            const place = {
              place: 'posyandu',
              posyandu_id: posyandu!.id,
              performer_id: input.performerId,
              session_id: sessionId,
            };
            if (existingGrowth) {
              await updateRecord(
                w,
                'growth_measurement',
                existingGrowth.id,
                row.growthVersion ?? 0,
                {
                  ...values,
                  ...place,
                },
              );
            } else {
              await insertRecord(w, 'growth_measurement', {
                ...values,
                ...place,
                asi_eksklusif: null,
                notes: null,
                delete_reason: null,
              });
            }
          });
        }
      } else if (existingGrowth) {
        steps.push(() =>
          softDelete(w, 'growth_measurement', existingGrowth.id, row.growthVersion ?? 0, {
            delete_reason: CLEARED_REASON,
          }),
        );
      }

      // Vitamin A.
      const v = vitA.get(person.id) ?? [];
      if (row.vitaminA && !row.vitaminAId) {
        const band = vitaminABand(person.birth_date, date, vRules);
        const capsule = band?.capsule ?? 'red';
        const issues = validateVitaminA(
          person.birth_date,
          { date, capsule },
          v.map((x) => ({ date: x.given_date, capsule: x.capsule })),
          vRules,
        );
        if (issues.length > 0) {
          add(
            invalid,
            'vitaminA',
            `${issues.map((x) => stripField(x, locale)).join(' ')} ${translate(locale, 'child.error.useCard')}`,
          );
        } else {
          steps.push(async (sessionId, posyandu) => {
            await insertRecord(w, 'vitamin_a', {
              person_id: person.id,
              given_date: date,
              capsule,
              round: vitaminARoundOf(date, vRules)?.round ?? null,
              place: 'posyandu',
              posyandu_id: posyandu!.id,
              performer_id: input.performerId,
              residence_desa_id: person.desa_id,
              session_id: sessionId,
              rules_id: vRules.id,
              rule_breaks: '[]',
              break_reason: null,
              notes: null,
              delete_reason: null,
            });
          });
        }
      } else if (!row.vitaminA && row.vitaminAId) {
        const id = row.vitaminAId;
        if (!v.some((x) => x.id === id)) {
          add(invalid, 'vitaminA', translate(locale, 'child.error.rowChanged'));
        } else {
          steps.push(() =>
            softDelete(w, 'vitamin_a', id, row.vitaminAVersion ?? 0, {
              delete_reason: CLEARED_REASON,
            }),
          );
        }
      }

      // Immunisation doses.
      const d = doses.get(person.id) ?? [];
      const kept = new Set(row.doses.filter((x) => x.id).map((x) => x.id!));
      const removed = d.filter(
        (r) => r.given_date === date && ofSession(r, input.posyanduId, current) && !kept.has(r.id),
      );
      const added = row.doses
        .filter((x) => !x.id)
        .sort((a, b) => (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
      let history = doseRecords(d.filter((r) => !removed.includes(r)));
      for (const dose of added) {
        if (
          d.some((r) => r.dose_code === dose.code && r.given_date === date && !removed.includes(r))
        ) {
          add(invalid, 'doses', translate(locale, 'child.error.rowChanged'));
          continue;
        }
        const issues = validateDose(
          person.birth_date,
          history,
          { code: dose.code, date },
          schedule,
        );
        const breaks = issues.filter((x) => x.severity === 'break');
        if (breaks.length > 0) {
          add(
            invalid,
            'doses',
            `${breaks.map((x) => stripField(x, locale)).join(' ')} ${translate(locale, 'child.error.useCard')}`,
          );
          continue;
        }
        history = [...history, { code: dose.code, date }];
        steps.push(async (sessionId, posyandu) => {
          await insertRecord(w, 'immunization', {
            person_id: person.id,
            dose_code: dose.code,
            given_date: date,
            given_here: 1,
            place: 'posyandu',
            posyandu_id: posyandu!.id,
            performer_id: input.performerId,
            residence_desa_id: person.desa_id,
            session_id: sessionId,
            batch: null,
            kipi: 0,
            kipi_notes: null,
            schedule_id: schedule.id,
            rule_breaks: '[]',
            break_reason: null,
            notes: null,
            delete_reason: null,
          });
        });
      }
      for (const r of removed) {
        const sent = row.doses.find((x) => x.code === r.dose_code && x.id === r.id);
        steps.push(() =>
          softDelete(w, 'immunization', r.id, sent?.version ?? r.version, {
            delete_reason: CLEARED_REASON,
          }),
        );
      }

      steps.push(() => setKiaBook(w, person.id, row.kiaBook));
    });

    if (invalid.length > 0) {
      const issues = [...invalid, ...implausible];
      throw new AppError('INVALID_INPUT', summariseIssues(issues), { issues });
    }
    if (implausible.length > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        `${translate(locale, 'child.error.implausible')} ${summariseIssues(implausible)}`,
        { issues: implausible, needsConfirmation: true },
      );
    }
    return steps;
  }

  async function list(input: ParsedInput<'posyandu.session.list'>) {
    const rows = await sql<{
      id: string;
      posyandu_id: string;
      posyandu_name: string;
      session_date: string;
      updated_at: string;
      weighed: number;
    }>`
      SELECT s.id, s.posyandu_id, y.name AS posyandu_name, s.session_date, s.updated_at,
             (SELECT count(*) FROM growth_measurement g
               WHERE g.session_id = s.id AND g.deleted_at IS NULL AND g.weight_kg IS NOT NULL)
               AS weighed
        FROM posyandu_session s
        JOIN posyandu y ON y.id = s.posyandu_id
       WHERE s.deleted_at IS NULL
         ${input.posyanduId ? sql`AND s.posyandu_id = ${input.posyanduId}` : sql``}
       ORDER BY s.session_date DESC, y.name
       LIMIT ${input.limit}`.execute(db);
    return rows.rows.map((r) => ({
      id: r.id,
      posyanduId: r.posyandu_id,
      posyanduName: r.posyandu_name,
      sessionDate: r.session_date,
      weighed: r.weighed,
      updatedAt: r.updated_at,
    }));
  }

  return { open, save, list };
}

/** The problem alone (the row label already names the field). */
function stripField(
  problem: { field: { id: string; en: string }; message: { id: string; en: string } },
  locale: Locale,
): string {
  const prefix = `${problem.field[locale]}: `;
  const message = problem.message[locale];
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * The columns a session reads of each child's measurements, doses and capsules: a
 * posyandu's children carry five years of rows, and the card's full rows with posyandu and nakes
 * names (`growthDbRows` and its kin) cost the view twice as much.
 */
const SESSION_GROWTH = [
  'id',
  'version',
  'person_id',
  'measure_date',
  'weight_kg',
  'length_cm',
  'measured',
  'head_cm',
  'muac_cm',
  'oedema',
  'implausible_confirmed',
] as const;
const SESSION_DOSE = [
  'id',
  'version',
  'person_id',
  'dose_code',
  'given_date',
  'session_id',
  'posyandu_id',
] as const;
const SESSION_VITAMIN_A = [
  'id',
  'version',
  'person_id',
  'capsule',
  'round',
  'given_date',
  'session_id',
  'posyandu_id',
] as const;

/** Live rows of `table` for the children `ids`, by child and date, only `columns`. */
async function sessionRows<
  T extends 'growth_measurement' | 'immunization' | 'vitamin_a',
  C extends keyof DB[T] & string,
>(q: Kysely<DB>, table: T, ids: readonly string[], columns: readonly C[], dateColumn: C) {
  if (ids.length === 0) return [];
  const from = q.selectFrom(table as 'growth_measurement') as unknown as SelectQueryBuilder<
    DB,
    T,
    object
  >;
  return (await from
    .select(columns as never)
    .where(sql.ref('person_id'), 'in', ids)
    .where(sql.ref('deleted_at'), 'is', null)
    .orderBy(sql.ref('person_id'))
    .orderBy(sql.ref(dateColumn))
    .execute()) as unknown as Pick<Selectable<DB[T]>, C & keyof Selectable<DB[T]>>[];
}

/** The children's measurements, doses and capsules (the session's columns), by child. */
async function sessionHistories(q: Kysely<DB>, ids: readonly string[]) {
  return {
    growth: group(await sessionRows(q, 'growth_measurement', ids, SESSION_GROWTH, 'measure_date')),
    doses: group(await sessionRows(q, 'immunization', ids, SESSION_DOSE, 'given_date')),
    vitA: group(await sessionRows(q, 'vitamin_a', ids, SESSION_VITAMIN_A, 'given_date')),
  };
}

function group<R extends { person_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const r of rows) {
    const list = map.get(r.person_id);
    if (list) list.push(r);
    else map.set(r.person_id, [r]);
  }
  return map;
}
