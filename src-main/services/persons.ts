import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import {
  AppError,
  TIMEZONE_OFFSETS,
  type ParsedInput,
  type PersonDetail,
  type PersonRow,
  type PersonSaveResult,
} from '@shared/contract';
import { localDate } from '@shared/domain/dates';
import { birthDateRange, checkNik, describeNik, searchTerms } from '@shared/domain/identity';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, restoreRecord, softDelete, updateRecord } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { checkPersonReferences, personColumns, personNikFindings } from './person-write';
import type { RegionsService } from './regions';

type PersonInput = ParsedInput<'persons.create'>['person'];
type SearchInput = ParsedInput<'persons.search'>;

const ROW_COLUMNS = [
  'p.id',
  'p.name',
  'p.nik',
  'p.no_kk',
  'p.sex',
  'p.birth_date',
  'p.rt',
  'p.rw',
  'p.deleted_at',
  'd.name as desa_name',
  'p.outside_address',
] as const;

type RowQuery = SelectQueryBuilder<DB & { p: DB['person']; d: DB['desa'] }, 'p' | 'd', object>;

function toRow(r: {
  id: string;
  name: string;
  nik: string | null;
  no_kk: string | null;
  sex: 'L' | 'P';
  birth_date: string;
  rt: string | null;
  rw: string | null;
  deleted_at: string | null;
  desa_name: string | null;
  outside_address: string | null;
}): PersonRow {
  return {
    id: r.id,
    name: r.name,
    nik: r.nik,
    noKk: r.no_kk,
    sex: r.sex,
    birthDate: r.birth_date,
    place: r.desa_name ?? r.outside_address,
    rt: r.rt,
    rw: r.rw,
    deleted: r.deleted_at !== null,
  };
}

/** An FTS5 string literal: the term in double quotes, quotes doubled. */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The registry of persons: search, card, create/edit with duplicate checks, delete/restore. */
export function createPersonsService(
  deps: ServiceDeps,
  regions: RegionsService,
  facility: FacilityService,
) {
  const { db, now } = deps;

  const rows = (q: Kysely<DB>) =>
    q.selectFrom('person as p').leftJoin('desa as d', 'd.id', 'p.desa_id') as unknown as RowQuery;

  async function today(): Promise<string> {
    const f = await facility.find();
    return localDate(now(), TIMEZONE_OFFSETS[f?.timezone ?? 'WIB']);
  }

  async function detail(q: Kysely<DB>, id: string, locale: Locale): Promise<PersonDetail> {
    const p = await q
      .selectFrom('person as p')
      .leftJoin('desa as d', 'd.id', 'p.desa_id')
      .leftJoin('posyandu as y', 'y.id', 'p.posyandu_id')
      .leftJoin('app_user as u', 'u.id', 'p.updated_by')
      .selectAll('p')
      .select(['d.name as desa_name', 'y.name as posyandu_name', 'u.username as updated_by_name'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!p) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return {
      id: p.id,
      version: p.version,
      nik: p.nik,
      nikIbu: p.nik_ibu,
      motherId: p.mother_id,
      noKk: p.no_kk,
      name: p.name,
      sex: p.sex,
      birthDate: p.birth_date,
      birthDateEstimated: p.birth_date_estimated === 1,
      birthPlace: p.birth_place,
      desaId: p.desa_id,
      desaName: p.desa_name,
      outsideAddress: p.outside_address,
      rt: p.rt,
      rw: p.rw,
      address: p.address,
      phone: p.phone,
      bpjsNo: p.bpjs_no,
      posyanduId: p.posyandu_id,
      posyanduName: p.posyandu_name,
      notes: p.notes,
      deletedAt: p.deleted_at,
      deleteReason: p.delete_reason,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      updatedBy: p.updated_by_name,
    };
  }

  async function nikOwner(
    q: Kysely<DB>,
    nik: string,
    excludeId?: string,
  ): Promise<PersonRow | null> {
    let query = rows(q)
      .select(ROW_COLUMNS)
      .where('p.nik', '=', nik)
      .where('p.deleted_at', 'is', null);
    if (excludeId) query = query.where('p.id', '!=', excludeId);
    const found = await query.executeTakeFirst();
    return found ? toRow(found) : null;
  }

  async function similar(
    q: Kysely<DB>,
    input: PersonInput,
    nameSearch: string,
    excludeId?: string,
  ) {
    let query = rows(q)
      .select(ROW_COLUMNS)
      .select('p.desa_id')
      .where('p.name_search', '=', nameSearch)
      .where('p.birth_date', '=', input.birthDate)
      .where('p.deleted_at', 'is', null);
    if (excludeId) query = query.where('p.id', '!=', excludeId);
    const found = await query.limit(20).execute();
    return found.map((r) => ({
      ...toRow(r),
      reason: (input.desaId && r.desa_id === input.desaId
        ? 'nameBirthDateDesa'
        : 'nameBirthDate') as 'nameBirthDateDesa' | 'nameBirthDate',
    }));
  }

  async function save(
    actor: Actor,
    input: PersonInput,
    confirmNotDuplicate: boolean,
    existing: { id: string; version: number } | null,
  ): Promise<PersonSaveResult> {
    const warnings = await personNikFindings(input, regions, actor.locale);
    // Read outside the transaction: inside it only `ctx.trx` may be used (one connection).
    const todayDate = await today();
    return write(deps, actor, async (ctx) => {
      await checkPersonReferences(ctx, input, todayDate);
      if (input.nik) {
        const owner = await nikOwner(ctx.trx, input.nik, existing?.id);
        if (owner) {
          throw AppError.field(
            actor.locale,
            'nik',
            translate(actor.locale, 'error.person.nikTaken', { nik: input.nik, name: owner.name }),
            { code: 'DUPLICATE', extra: { personId: owner.id } },
          );
        }
      }
      const values = personColumns(input);
      if (!confirmNotDuplicate) {
        const found = await similar(ctx.trx, input, values.name_search, existing?.id);
        if (found.length > 0) return { saved: false as const, similar: found };
      }
      const id = existing
        ? (await updateRecord(ctx, 'person', existing.id, existing.version, values)).id
        : await insertRecord(ctx, 'person', { ...values, mother_id: null, delete_reason: null });
      return { saved: true as const, person: await detail(ctx.trx, id, actor.locale), warnings };
    });
  }

  return {
    async search(input: SearchInput): Promise<{ rows: PersonRow[]; total: number }> {
      const terms = searchTerms(input.q);
      const digits = input.q.replace(/\s+/g, '');
      const byNik = /^\d{2,16}$/.test(digits);
      const ageRange = input.ageGroup ? birthDateRange(input.ageGroup, await today()) : null;
      /**
       * Filters on person alone (the count needs no join); the page joins the desa name.
       * `rowid` is how the name terms meet the person: `p.rowid` lets SQLite start from the
       * name indexes, `+p.rowid` (no index) makes it walk the name order instead.
       */
      const filtered = (rowid: RawBuilder<number>) => {
        let query = db.selectFrom('person as p');
        if (byNik) {
          // A NIK prefix walks the NIK index in order; a complete 16-digit number may also be a KK.
          query =
            digits.length === 16
              ? query.where((eb) => eb.or([eb('p.nik', '=', digits), eb('p.no_kk', '=', digits)]))
              : query.where('p.nik', '>=', digits).where('p.nik', '<', `${digits}\uffff`);
        } else if (terms.length > 0) {
          // Fragments of three letters or more: trigram index; shorter ones: word prefixes.
          const fragments = terms.filter((t) => t.length >= 3).map(ftsPhrase);
          const prefixes = terms.filter((t) => t.length < 3).map((t) => `${ftsPhrase(t)}*`);
          if (fragments.length > 0) {
            query = query.where(
              sql<boolean>`${rowid} IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ${fragments.join(' AND ')})`,
            );
          }
          if (prefixes.length > 0) {
            query = query.where(
              sql<boolean>`${rowid} IN (SELECT rowid FROM person_words WHERE person_words MATCH ${prefixes.join(' AND ')})`,
            );
          }
        }
        query = query.where('p.deleted_at', input.deleted ? 'is not' : 'is', null);
        if (input.desaId === 'luar') query = query.where('p.desa_id', 'is', null);
        else if (input.desaId) query = query.where('p.desa_id', '=', input.desaId);
        if (input.sex) query = query.where('p.sex', '=', input.sex);
        if (ageRange) {
          query = query.where('p.birth_date', '<=', ageRange.to);
          if (ageRange.from) query = query.where('p.birth_date', '>=', ageRange.from);
        }
        return query;
      };
      const total = await filtered(sql`p.rowid`)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      // Many matches ("s" matches a fifth of the register): when the page lies in the first
      // twentieth of them, walking the living-names index in order reads at most a twentieth
      // of it, instead of fetching and sorting every match.
      const walkNames =
        !byNik &&
        terms.length > 0 &&
        !input.deleted &&
        (input.offset + input.limit) * 20 <= total.n;
      const page = filtered(walkNames ? sql`+p.rowid` : sql`p.rowid`)
        .leftJoin('desa as d', 'd.id', 'p.desa_id')
        .select(ROW_COLUMNS);
      const ordered = byNik
        ? page.orderBy('p.nik').orderBy('p.id')
        : page.orderBy('p.name_search').orderBy('p.birth_date').orderBy('p.id');
      const found = await ordered.limit(input.limit).offset(input.offset).execute();
      return { rows: found.map(toRow), total: total.n };
    },

    get: (id: string, locale: Locale) => detail(db, id, locale),

    async card(id: string, locale: Locale) {
      const person = await detail(db, id, locale);
      const household = person.noKk
        ? (
            await rows(db)
              .select(ROW_COLUMNS)
              .where('p.no_kk', '=', person.noKk)
              .where('p.id', '!=', id)
              .where('p.deleted_at', 'is', null)
              .orderBy('p.birth_date')
              .execute()
          ).map(toRow)
        : [];
      const mother = person.motherId
        ? ((await rows(db)
            .select(ROW_COLUMNS)
            .where('p.id', '=', person.motherId)
            .executeTakeFirst()) ?? null)
        : null;
      const children = (
        await rows(db)
          .select(ROW_COLUMNS)
          .where('p.mother_id', '=', id)
          .where('p.deleted_at', 'is', null)
          .orderBy('p.birth_date')
          .execute()
      ).map(toRow);
      return { person, household, mother: mother ? toRow(mother) : null, children };
    },

    async checkNik(input: ParsedInput<'persons.checkNik'>) {
      const nik = input.nik.replace(/\s+/g, '');
      const check = checkNik(nik, await regions.lookup(), {
        sex: input.sex ?? null,
        birthDate: input.birthDate ?? null,
      });
      return {
        description: check.parts && check.errors.length === 0 ? describeNik(check.parts) : null,
        errors: check.errors,
        warnings: check.warnings,
        existing: check.parts ? await nikOwner(db, nik, input.excludeId) : null,
      };
    },

    create: (actor: Actor, input: ParsedInput<'persons.create'>) =>
      save(actor, input.person, input.confirmNotDuplicate, null),

    update: (actor: Actor, input: ParsedInput<'persons.update'>) =>
      save(actor, input.person, input.confirmNotDuplicate, {
        id: input.id,
        version: input.version,
      }),

    async remove(actor: Actor, input: ParsedInput<'persons.delete'>): Promise<PersonDetail> {
      return write(deps, actor, async (ctx) => {
        await softDelete(ctx, 'person', input.id, input.version, { delete_reason: input.reason });
        return detail(ctx.trx, input.id, actor.locale);
      });
    },

    async restore(actor: Actor, input: ParsedInput<'persons.restore'>): Promise<PersonDetail> {
      return write(deps, actor, async (ctx) => {
        const current = await detail(ctx.trx, input.id, actor.locale);
        if (current.nik) {
          const owner = await nikOwner(ctx.trx, current.nik, input.id);
          if (owner) {
            throw AppError.of(
              'DUPLICATE',
              actor.locale,
              'error.person.restoreNik',
              { nik: current.nik, name: owner.name },
              { personId: owner.id },
            );
          }
        }
        await restoreRecord(ctx, 'person', input.id, input.version, { delete_reason: null });
        return detail(ctx.trx, input.id, actor.locale);
      });
    },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
