import type { Label } from '../refusal';

/**
 * Where a service was given (domain.md §1.4): every service row records it, next to the
 * person's desa of residence at that time (reports count residents by desa, whoever served).
 */
export const SERVICE_PLACES = [
  'puskesmas',
  'pustu',
  'posyandu',
  'posbindu',
  'rumah',
  'sekolah',
  'ukk',
  'fktp_lain',
] as const;
export type ServicePlace = (typeof SERVICE_PLACES)[number];

export const SERVICE_PLACE_LABELS: Record<ServicePlace, Label> = {
  puskesmas: { id: 'Puskesmas', en: 'Puskesmas' },
  pustu: { id: 'Pustu', en: 'Auxiliary health post (Pustu)' },
  posyandu: { id: 'Posyandu', en: 'Posyandu' },
  posbindu: { id: 'Posbindu', en: 'Posbindu (NCD post)' },
  rumah: { id: 'Kunjungan rumah', en: 'Home visit' },
  sekolah: { id: 'Sekolah', en: 'School' },
  ukk: { id: 'Pos UKK (tempat kerja)', en: 'Workplace health post (UKK)' },
  fktp_lain: {
    id: 'FKTP lain (klinik, PMB, DPM)',
    en: 'Other primary facility (clinic, midwife, GP)',
  },
};

/** Professions of tenaga kesehatan (domain.md §4, SDM). */
export const PROFESSIONS = [
  'dokter',
  'dokter_gigi',
  'bidan',
  'perawat',
  'tenaga_gizi',
  'sanitarian',
  'promkes',
  'apoteker',
  'tenaga_farmasi',
  'atlm',
  'epidemiolog',
  'perekam_medis',
  'psikolog_klinis',
  'fisioterapis',
  'terapis_gigi',
  'administrasi',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const PROFESSION_LABELS: Record<Profession, Label> = {
  dokter: { id: 'Dokter', en: 'Doctor' },
  dokter_gigi: { id: 'Dokter gigi', en: 'Dentist' },
  bidan: { id: 'Bidan', en: 'Midwife' },
  perawat: { id: 'Perawat', en: 'Nurse' },
  tenaga_gizi: { id: 'Tenaga gizi', en: 'Nutritionist' },
  sanitarian: { id: 'Sanitarian (kesling)', en: 'Sanitarian' },
  promkes: { id: 'Promosi kesehatan', en: 'Health promotion' },
  apoteker: { id: 'Apoteker', en: 'Pharmacist' },
  tenaga_farmasi: { id: 'Tenaga teknis kefarmasian', en: 'Pharmacy technician' },
  atlm: { id: 'Ahli teknologi laboratorium medik', en: 'Medical lab technologist' },
  epidemiolog: { id: 'Epidemiolog', en: 'Epidemiologist' },
  perekam_medis: { id: 'Perekam medis', en: 'Medical records officer' },
  psikolog_klinis: { id: 'Psikolog klinis', en: 'Clinical psychologist' },
  fisioterapis: { id: 'Fisioterapis', en: 'Physiotherapist' },
  terapis_gigi: { id: 'Terapis gigi dan mulut', en: 'Dental therapist' },
  administrasi: { id: 'Tenaga administrasi', en: 'Administrative staff' },
};

/** ILP clusters a person can be assigned to. */
export const KLASTERS = ['k1', 'k2', 'k3', 'k4', 'lintas'] as const;
export type Klaster = (typeof KLASTERS)[number];
export const KLASTER_LABELS: Record<Klaster, Label> = {
  k1: { id: 'Klaster 1 Manajemen', en: 'Cluster 1 Management' },
  k2: { id: 'Klaster 2 Ibu dan Anak', en: 'Cluster 2 Mother and Child' },
  k3: { id: 'Klaster 3 Dewasa dan Lansia', en: 'Cluster 3 Adults and Elderly' },
  k4: { id: 'Klaster 4 Penanggulangan Penyakit', en: 'Cluster 4 Disease Control' },
  lintas: { id: 'Lintas klaster', en: 'Cross-cluster' },
};
