import type { EventSource, PopulationSource } from '../count';
import { K2_ANAK_SOURCES, K2_POPULATIONS } from './k2-anak';
import { K2_IBU_SOURCES } from './k2-ibu';
import { K2_IMUNISASI_SOURCES } from './k2-imunisasi';
import { K3_SOURCES } from './k3';

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

/** Registry head counts for `population` denominators. */
export const POPULATIONS: Record<string, PopulationSource> = byId([...K2_POPULATIONS]);
