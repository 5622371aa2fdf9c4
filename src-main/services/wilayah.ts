import { sql } from 'kysely';
import { AppError, type DesaRow, type ParsedInput, type PosyanduRow } from '@shared/contract';
import { translate } from '@shared/i18n';
import { insertRecord, updateRecord } from '../db/records';
import { write, type Actor, type ServiceDeps } from './context';
import type { RegionsService } from './regions';

/** Wilayah kerja (desa/kelurahan with RT, RW, dusun) and posyandu: Klaster 1 basics. */
export function createWilayahService(deps: ServiceDeps, regions: RegionsService) {
  const { db } = deps;

  async function listDesa(): Promise<DesaRow[]> {
    const rows = await db
      .selectFrom('desa as d')
      .selectAll('d')
      .select((eb) =>
        eb
          .selectFrom('person as p')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('p.desa_id', '=', 'd.id')
          .where('p.deleted_at', 'is', null)
          .as('person_count'),
      )
      .where('d.deleted_at', 'is', null)
      .orderBy('d.name')
      .execute();
    return rows.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      districtCode: d.district_code,
      districtName: d.district_name,
      rtCount: d.rt_count,
      rwCount: d.rw_count,
      dusun: JSON.parse(d.dusun) as string[],
      version: d.version,
      personCount: Number(d.person_count ?? 0),
    }));
  }

  async function listPosyandu(includeInactive: boolean): Promise<PosyanduRow[]> {
    let query = db
      .selectFrom('posyandu as p')
      .innerJoin('desa as d', 'd.id', 'p.desa_id')
      .leftJoin('pustu as u', 'u.id', 'p.pustu_id')
      .select([
        'p.id',
        'p.name',
        'p.desa_id',
        'd.name as desa_name',
        'p.rw',
        'p.dusun',
        'p.schedule_week',
        'p.schedule_weekday',
        'p.kode',
        'p.stratum',
        'p.ilp',
        'p.pustu_id',
        'u.name as pustu_name',
        'p.version',
        'p.active',
      ])
      .where('p.deleted_at', 'is', null);
    if (!includeInactive) query = query.where('p.active', '=', 1);
    const rows = await query.orderBy('d.name').orderBy('p.name').execute();
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      desaId: p.desa_id,
      desaName: p.desa_name,
      rw: p.rw,
      dusun: p.dusun,
      scheduleWeek: p.schedule_week,
      scheduleWeekday: p.schedule_weekday,
      kode: p.kode,
      stratum: p.stratum,
      ilp: p.ilp === 1,
      pustuId: p.pustu_id,
      pustuName: p.pustu_name,
      version: p.version,
      active: p.active === 1,
    }));
  }

  async function requireDesa(desaId: string, actor: Actor) {
    const desa = await db
      .selectFrom('desa')
      .select('id')
      .where('id', '=', desaId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!desa) throw AppError.of('INVALID_INPUT', actor.locale, 'error.person.desa');
  }

  /** The Pustu a posyandu reports to must exist (a closed one may stay on its posyandu). */
  async function requirePustu(pustuId: string | null, actor: Actor, keep?: string) {
    if (!pustuId || pustuId === keep) return;
    const pustu = await db
      .selectFrom('pustu')
      .select('id')
      .where('id', '=', pustuId)
      .where('deleted_at', 'is', null)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!pustu) {
      throw AppError.field(actor.locale, 'pustuId', translate(actor.locale, 'error.nakes.pustu'));
    }
  }

  const extended = (input: ParsedInput<'posyandu.create'>) => ({
    kode: input.kode,
    stratum: input.stratum,
    ilp: input.ilp ? 1 : 0,
    pustu_id: input.pustuId,
  });

  return {
    listDesa,
    listPosyandu,

    async updateDesa(actor: Actor, input: ParsedInput<'desa.update'>): Promise<DesaRow> {
      await write(deps, actor, (ctx) =>
        updateRecord(ctx, 'desa', input.id, input.version, {
          rt_count: input.rtCount,
          rw_count: input.rwCount,
          dusun: JSON.stringify(input.dusun),
        }),
      );
      return (await listDesa()).find((d) => d.id === input.id)!;
    },

    /** Add desa/kelurahan (e.g. from a neighbouring kecamatan) to the wilayah kerja. */
    async addDesa(actor: Actor, codes: string[]): Promise<DesaRow[]> {
      const { found, unknown } = await regions.resolveVillages(codes);
      if (unknown[0])
        throw AppError.of('INVALID_INPUT', actor.locale, 'error.region.unknown', {
          code: unknown[0],
        });
      await write(deps, actor, async (ctx) => {
        for (const v of found) {
          const exists = await ctx.trx
            .selectFrom('desa')
            .select('id')
            .where('code', '=', v.code)
            .executeTakeFirst();
          if (exists)
            throw AppError.of('DUPLICATE', actor.locale, 'error.desa.exists', { name: v.name });
          await insertRecord(ctx, 'desa', {
            code: v.code,
            name: v.name,
            kind: v.kind,
            district_code: v.districtCode,
            district_name: v.districtName,
            rt_count: null,
            rw_count: null,
          });
        }
      });
      return listDesa();
    },

    async createPosyandu(
      actor: Actor,
      input: ParsedInput<'posyandu.create'>,
    ): Promise<PosyanduRow> {
      await requireDesa(input.desaId, actor);
      await requirePustu(input.pustuId, actor);
      const id = await write(deps, actor, (ctx) =>
        insertRecord(ctx, 'posyandu', {
          name: input.name,
          desa_id: input.desaId,
          rw: input.rw,
          dusun: input.dusun,
          schedule_week: input.scheduleWeek,
          schedule_weekday: input.scheduleWeekday,
          ...extended(input),
        }),
      );
      return (await listPosyandu(true)).find((p) => p.id === id)!;
    },

    async updatePosyandu(
      actor: Actor,
      input: ParsedInput<'posyandu.update'>,
    ): Promise<PosyanduRow> {
      await requireDesa(input.desaId, actor);
      const current = await db
        .selectFrom('posyandu')
        .select('pustu_id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      await requirePustu(input.pustuId, actor, current?.pustu_id ?? undefined);
      await write(deps, actor, (ctx) =>
        updateRecord(ctx, 'posyandu', input.id, input.version, {
          name: input.name,
          desa_id: input.desaId,
          rw: input.rw,
          dusun: input.dusun,
          schedule_week: input.scheduleWeek,
          schedule_weekday: input.scheduleWeekday,
          active: input.active ? 1 : 0,
          ...extended(input),
        }),
      );
      return (await listPosyandu(true)).find((p) => p.id === input.id)!;
    },
  };
}

export type WilayahService = ReturnType<typeof createWilayahService>;
