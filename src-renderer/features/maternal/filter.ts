import { create } from 'zustand';
import type { KohortStatus, WorkList } from '@shared/contract';

/** The kohort's and work lists' filters, kept while the clerk opens a card and comes back. */
interface KohortFilter {
  q: string;
  desaId: string | null;
  posyanduId: string | null;
  month: string | null;
  status: KohortStatus;
  list: WorkList;
  set(patch: Partial<Omit<KohortFilter, 'set'>>): void;
}

export const useKohortFilter = create<KohortFilter>((set) => ({
  q: '',
  desaId: null,
  posyanduId: null,
  month: null,
  status: 'aktif',
  list: 'risti',
  set: (patch) => set(patch),
}));
