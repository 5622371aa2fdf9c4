/**
 * The service network of the puskesmas (domain.md §1.4, §4 Jejaring): posyandu strata and the
 * other primary-care facilities of the area whose services for residents are entered as
 * "dilayani di FKTP lain" (domain.md §5.8 rule 2).
 */
import type { Label } from '../refusal';

/** Posyandu development stratum [GK]. */
export const POSYANDU_STRATA = ['pratama', 'madya', 'purnama', 'mandiri'] as const;
export type PosyanduStratum = (typeof POSYANDU_STRATA)[number];
export const POSYANDU_STRATUM_LABELS: Record<PosyanduStratum, Label> = {
  pratama: { id: 'Pratama', en: 'Pratama (starting)' },
  madya: { id: 'Madya', en: 'Madya (developing)' },
  purnama: { id: 'Purnama', en: 'Purnama (established)' },
  mandiri: { id: 'Mandiri', en: 'Mandiri (self-reliant)' },
};

/** Other FKTP in the area (domain.md §4): clinics, independent midwives, doctors, dentists. */
export const FKTP_KINDS = ['klinik', 'pmb', 'dpm', 'dpmg'] as const;
export type FktpKind = (typeof FKTP_KINDS)[number];
export const FKTP_KIND_LABELS: Record<FktpKind, Label> = {
  klinik: { id: 'Klinik pratama', en: 'Primary clinic' },
  pmb: { id: 'Praktik mandiri bidan (PMB)', en: 'Independent midwife practice' },
  dpm: { id: 'Dokter praktik mandiri (DPM)', en: 'Independent doctor practice' },
  dpmg: { id: 'Dokter gigi praktik mandiri', en: 'Independent dentist practice' },
};
export const FKTP_KIND_SHORT: Record<FktpKind, Label> = {
  klinik: { id: 'Klinik', en: 'Clinic' },
  pmb: { id: 'PMB', en: 'Midwife' },
  dpm: { id: 'DPM', en: 'Doctor' },
  dpmg: { id: 'DPM gigi', en: 'Dentist' },
};
