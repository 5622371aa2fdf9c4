import { create } from 'zustand';
import type { AgeGroup } from '@shared/contract';

/** The registry's search and filters, kept while the clerk opens a card and comes back. */
interface PersonsFilter {
  q: string;
  desaId: string | null;
  sex: 'L' | 'P' | null;
  ageGroup: AgeGroup | null;
  deleted: boolean;
  set(patch: Partial<Omit<PersonsFilter, 'set'>>): void;
}

export const usePersonsFilter = create<PersonsFilter>((set) => ({
  q: '',
  desaId: null,
  sex: null,
  ageGroup: null,
  deleted: false,
  set: (patch) => set(patch),
}));
