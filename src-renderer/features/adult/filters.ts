import { create } from 'zustand';
import type { LansiaListName, ScreeningFilter, WorkListName } from '@shared/contract';

/** The Klaster 3 lists' filters, kept while the clerk opens a row and comes back. */
interface AdultFilters {
  screening: { q: string; desaId: string | null; year: string | null; hasil: ScreeningFilter };
  patient: { q: string; desaId: string | null; list: WorkListName; includeEnded: boolean };
  lansia: { q: string; desaId: string | null; list: LansiaListName };
  setScreening(patch: Partial<AdultFilters['screening']>): void;
  setPatient(patch: Partial<AdultFilters['patient']>): void;
  setLansia(patch: Partial<AdultFilters['lansia']>): void;
}

export const useAdultFilters = create<AdultFilters>((set) => ({
  screening: { q: '', desaId: null, year: String(new Date().getFullYear()), hasil: 'semua' },
  patient: { q: '', desaId: null, list: 'semua', includeEnded: false },
  lansia: { q: '', desaId: null, list: 'semua' },
  setScreening: (patch) => set((s) => ({ screening: { ...s.screening, ...patch } })),
  setPatient: (patch) => set((s) => ({ patient: { ...s.patient, ...patch } })),
  setLansia: (patch) => set((s) => ({ lansia: { ...s.lansia, ...patch } })),
}));
