import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import {
  countByDesa,
  itemKey,
  type CountItem,
  type DateWindow,
  type EventSource,
  type PopulationSource,
  type SourceFamily,
  type WindowCounts,
} from '../count';
import type { ReportRules } from '../rules';
import { K2_ANAK_FAMILIES, K2_ANAK_SOURCES, K2_POPULATIONS } from './k2-anak';
import { K2_IBU_SOURCES } from './k2-ibu';
import { K2_IMUNISASI_SOURCES } from './k2-imunisasi';
import { K3_FAMILIES, K3_SOURCES } from './k3';

const byId = <T extends { id: string }>(list: readonly T[]): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const item of list) {
    if (out[item.id]) throw new Error(`Duplicate report source id: ${item.id}`);
    out[item.id] = item;
  }
  return out;
};

/** Every event source by its dotted id. Areas append their list here. */
export const SOURCES: Record<string, EventSource> = byId([
  ...K2_IBU_SOURCES,
  ...K2_ANAK_SOURCES,
  ...K2_IMUNISASI_SOURCES,
  ...Object.values(K3_SOURCES),
]);

/** Sources counted together in one read (see `SourceFamily`), by id; a source in one at most. */
export const FAMILIES: Record<string, SourceFamily> = byId([...K2_ANAK_FAMILIES, ...K3_FAMILIES]);

const familyOf = new Map<string, SourceFamily>();
for (const family of Object.values(FAMILIES)) {
  for (const member of family.members) {
    if (!SOURCES[member.source]) throw new Error(`${family.id}: no source ${member.source}`);
    if (familyOf.has(itemKey(member))) throw new Error(`${itemKey(member)} in two families`);
    familyOf.set(itemKey(member), family);
  }
}

/** What one count job reads: a family of sources, or one source in a mode. */
export type CountUnit = { family: string } | CountItem;

/**
 * The jobs that count `items`: each family with a member among them once (its other members
 * cost nothing more), every other item alone. `key` names the job, `items` are the ones asked.
 */
export function countUnits(
  items: readonly CountItem[],
): { key: string; unit: CountUnit; items: CountItem[] }[] {
  const units = new Map<string, { key: string; unit: CountUnit; items: CountItem[] }>();
  const unique = new Map(items.map((i) => [itemKey(i), i]));
  for (const [key, item] of unique) {
    const family = familyOf.get(key);
    const unitKey = family ? `family:${family.id}` : key;
    const unit = units.get(unitKey) ?? {
      key: unitKey,
      unit: family ? { family: family.id } : item,
      items: [],
    };
    unit.items.push(item);
    units.set(unitKey, unit);
  }
  return [...units.values()];
}

/** The counts of one job, by `itemKey`. */
export async function countUnit(
  db: Kysely<DB>,
  unit: CountUnit,
  windows: { month: DateWindow; ytd: DateWindow },
  rules: ReportRules,
): Promise<Map<string, WindowCounts>> {
  if ('family' in unit) {
    const family = FAMILIES[unit.family];
    if (!family) throw new Error(`no report source family ${unit.family}`);
    return family.count(db, windows, rules);
  }
  const source = SOURCES[unit.source];
  if (!source) throw new Error(`no report source ${unit.source}`);
  return new Map([[itemKey(unit), await countByDesa(db, source, unit.mode, windows, rules)]]);
}

/** Registry head counts for `population` denominators. */
export const POPULATIONS: Record<string, PopulationSource> = byId([...K2_POPULATIONS]);
