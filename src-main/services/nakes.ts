import type { NakesOption } from '@shared/contract';
import { PROFESSIONS, type Profession } from '@shared/domain/codes/service';
import type { ServiceDeps } from './context';

/** The tenaga kesehatan list services choose a performer from. */
export function createNakesService({ db }: ServiceDeps) {
  return {
    async options(includeInactive: boolean): Promise<NakesOption[]> {
      let query = db
        .selectFrom('nakes')
        .select(['id', 'name', 'profession', 'active'])
        .where('deleted_at', 'is', null);
      if (!includeInactive) query = query.where('active', '=', 1);
      const rows = await query.orderBy('name').execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        profession: (PROFESSIONS as readonly string[]).includes(r.profession)
          ? (r.profession as Profession)
          : 'administrasi',
        active: r.active === 1,
      }));
    },
  };
}

export type NakesService = ReturnType<typeof createNakesService>;
