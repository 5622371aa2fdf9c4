import { AppError, type ChildSettings, type ParsedInput } from '@shared/contract';
import { KBM_GK, kbmTableFromRows, type KbmTable } from '@shared/domain/growth';
import {
  COMPLETENESS_SETS,
  completenessSetFor,
  type CompletenessSet,
  type DoseCode,
} from '@shared/domain/immunization';
import { toFieldIssues } from '@shared/domain/refusal';
import { summariseIssues } from '@shared/contract';
import { writeAudit } from '../db/audit';
import { write, type Actor, type ServiceDeps } from './context';

const KEY = 'child.settings';

/** What an admin may set for the children's area (stored as one settings row). */
interface Stored {
  kbmRows: KbmTable['rows'] | null;
  idlCodes: DoseCode[] | null;
  includeJe: boolean;
}

const DEFAULTS: Stored = { kbmRows: null, idlCodes: null, includeJe: false };

/** The area's reference data as it applies now. */
export interface ChildConfig {
  kbm: KbmTable;
  kbmCustom: boolean;
  /** The IDL set for a date (the puskesmas' own codes when set, else the shipped set). */
  idlFor(date: string): CompletenessSet | undefined;
  idlCustom: boolean;
  idlCodes: DoseCode[];
  includeJe: boolean;
}

const shippedIdl = (date: string) => completenessSetFor(COMPLETENESS_SETS, 'IDL', date);

function parseStored(value: unknown): Stored {
  if (!value || typeof value !== 'object') return DEFAULTS;
  const v = value as Partial<Stored>;
  return {
    kbmRows: Array.isArray(v.kbmRows) ? v.kbmRows : null,
    idlCodes: Array.isArray(v.idlCodes) ? v.idlCodes : null,
    includeJe: v.includeJe === true,
  };
}

/** KBM table, IDL antigen set and the JE (regional) antigen: settings of Klaster 2 anak. */
export function createChildSettings(deps: ServiceDeps) {
  const { db } = deps;

  async function readStored(): Promise<Stored> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', KEY)
      .executeTakeFirst();
    return row ? parseStored(JSON.parse(row.value)) : DEFAULTS;
  }

  function resolve(stored: Stored): ChildConfig {
    const custom = stored.kbmRows ? kbmTableFromRows(stored.kbmRows, '2000-01-01') : null;
    const kbm = custom?.ok ? custom.value : KBM_GK;
    const idlCodes = stored.idlCodes;
    const idlFor = (date: string): CompletenessSet | undefined => {
      const shipped = shippedIdl(date);
      if (!idlCodes || !shipped) return shipped;
      return {
        ...shipped,
        id: 'idl.pengaturan',
        title: `Imunisasi Dasar Lengkap (pengaturan puskesmas: ${idlCodes.join(', ')})`,
        source: 'Pengaturan puskesmas',
        requirements: idlCodes.map((code) => ({ code, by: { before: { months: 12 } } })),
      };
    };
    const shippedCodes = (shippedIdl('2099-01-01')?.requirements ?? []).map((r) => r.code);
    return {
      kbm,
      kbmCustom: custom?.ok === true,
      idlFor,
      idlCustom: idlCodes !== null,
      idlCodes: idlCodes ?? shippedCodes,
      includeJe: stored.includeJe,
    };
  }

  function view(config: ChildConfig): ChildSettings {
    const shippedCodes = (shippedIdl('2099-01-01')?.requirements ?? []).map((r) => r.code);
    return {
      kbm: { custom: config.kbmCustom, rows: config.kbm.rows.map((r) => ({ ...r })) },
      idl: { custom: config.idlCustom, codes: config.idlCodes },
      includeJe: config.includeJe,
      defaults: { kbmRows: KBM_GK.rows.map((r) => ({ ...r })), idlCodes: shippedCodes },
    };
  }

  return {
    load: async (): Promise<ChildConfig> => resolve(await readStored()),

    get: async (): Promise<ChildSettings> => view(resolve(await readStored())),

    async set(actor: Actor, input: ParsedInput<'child.settings.set'>): Promise<ChildSettings> {
      if (input.kbmRows) {
        const checked = kbmTableFromRows(input.kbmRows, '2000-01-01');
        if (!checked.ok) {
          const issues = toFieldIssues(checked.refusals, actor.locale).map((i) => ({
            ...i,
            path: 'kbmRows',
          }));
          throw new AppError('INVALID_INPUT', summariseIssues(issues), { issues });
        }
      }
      const next: Stored = {
        kbmRows: input.kbmRows,
        idlCodes: input.idlCodes ? [...new Set(input.idlCodes)] : null,
        includeJe: input.includeJe,
      };
      const json = JSON.stringify(next);
      await write(deps, actor, async ({ trx, at }) => {
        const before = await trx
          .selectFrom('settings')
          .select('value')
          .where('key', '=', KEY)
          .executeTakeFirst();
        await trx
          .insertInto('settings')
          .values({ key: KEY, value: json, updated_at: at, updated_by: actor.userId })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: actor.userId }),
          )
          .execute();
        await writeAudit(trx, {
          id: deps.newId(),
          at,
          userId: actor.userId,
          action: 'set',
          table: 'settings',
          rowId: KEY,
          changes: { value: [before ? (JSON.parse(before.value) as unknown) : null, next] },
        });
      });
      return view(resolve(next));
    },
  };
}

export type ChildSettingsService = ReturnType<typeof createChildSettings>;
