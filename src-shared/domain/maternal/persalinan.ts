/**
 * Persalinan (delivery): the register's code lists, "persalinan oleh nakes" (PN), "persalinan di
 * fasyankes oleh nakes" (PF, SPM 2), BBLR. domain.md §2.4, §5.2, §5.5. Codes are stable: store
 * them, never the labels.
 */
import type { ReferenceSet } from '../reference';
import { fail, ok } from '../refusal';
import type { CodeLabels, MaternalChecked } from './codes';
import { checkRange, type PlausibilitySet } from './plausibility';

export const DELIVERY_PLACE_CODES = [
  'RS',
  'PUSKESMAS',
  'KLINIK',
  'PMB',
  'POLINDES_POSKESDES',
  'RUMAH',
  'PERJALANAN',
  'LAINNYA',
] as const;
export type DeliveryPlace = (typeof DELIVERY_PLACE_CODES)[number];

export const DELIVERY_PLACES: CodeLabels<DeliveryPlace> = {
  RS: { id: 'Rumah sakit', en: 'Hospital' },
  PUSKESMAS: { id: 'Puskesmas (rawat inap/PONED)', en: 'Puskesmas (inpatient/BEmONC)' },
  KLINIK: { id: 'Klinik', en: 'Clinic' },
  PMB: { id: 'Praktik mandiri bidan (PMB)', en: 'Private midwife practice' },
  POLINDES_POSKESDES: { id: 'Polindes/Poskesdes', en: 'Village maternity/health post' },
  RUMAH: { id: 'Rumah', en: 'Home' },
  PERJALANAN: { id: 'Dalam perjalanan', en: 'On the way' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

/**
 * SATUSEHAT clinical-term location codes where one exists [S: MoHClinicalTerm.fsh, domain.md §2.4].
 * The other places have no confirmed code.
 */
export const DELIVERY_PLACE_SATUSEHAT: Readonly<Partial<Record<DeliveryPlace, string>>> = {
  PUSKESMAS: 'LO000001',
  RS: 'LO000002',
  KLINIK: 'LO000003',
  RUMAH: 'LO000004',
};

export const ATTENDANT_CODES = [
  'DOKTER_SPOG',
  'DOKTER_UMUM',
  'BIDAN',
  'PERAWAT',
  'DUKUN',
  'KELUARGA',
  'LAINNYA',
] as const;
export type DeliveryAttendant = (typeof ATTENDANT_CODES)[number];

export const DELIVERY_ATTENDANTS: CodeLabels<DeliveryAttendant> = {
  DOKTER_SPOG: { id: 'Dokter spesialis kandungan (SpOG)', en: 'Obstetrician' },
  DOKTER_UMUM: { id: 'Dokter umum', en: 'General practitioner' },
  BIDAN: { id: 'Bidan', en: 'Midwife' },
  PERAWAT: { id: 'Perawat', en: 'Nurse' },
  DUKUN: { id: 'Dukun/non-nakes', en: 'Traditional birth attendant / non-health worker' },
  KELUARGA: { id: 'Keluarga/sendiri', en: 'Family / self' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

export const DELIVERY_METHOD_CODES = ['SPONTAN', 'VAKUM', 'FORSEP', 'SC'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHOD_CODES)[number];

export const DELIVERY_METHODS: CodeLabels<DeliveryMethod> = {
  SPONTAN: { id: 'Spontan/normal', en: 'Spontaneous vaginal' },
  VAKUM: { id: 'Tindakan: vakum', en: 'Vacuum extraction' },
  FORSEP: { id: 'Tindakan: forsep', en: 'Forceps' },
  SC: { id: 'Seksio sesarea (SC)', en: 'Caesarean section' },
};

export const DELIVERY_COMPLICATION_CODES = [
  'PERDARAHAN',
  'PREEKLAMSIA_EKLAMSIA',
  'INFEKSI',
  'PARTUS_LAMA',
  'LAINNYA',
] as const;
export type DeliveryComplication = (typeof DELIVERY_COMPLICATION_CODES)[number];

export const DELIVERY_COMPLICATIONS: CodeLabels<DeliveryComplication> = {
  PERDARAHAN: { id: 'Perdarahan', en: 'Haemorrhage' },
  PREEKLAMSIA_EKLAMSIA: { id: 'Preeklamsia/eklamsia', en: 'Pre-eclampsia/eclampsia' },
  INFEKSI: { id: 'Infeksi', en: 'Infection' },
  PARTUS_LAMA: { id: 'Partus lama', en: 'Prolonged labour' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

export const MATERNAL_OUTCOME_CODES = ['HIDUP', 'MENINGGAL'] as const;
export type MaternalOutcome = (typeof MATERNAL_OUTCOME_CODES)[number];

/** A maternal death also opens the separate audit (MPDN), domain.md §2.4. */
export const MATERNAL_OUTCOMES: CodeLabels<MaternalOutcome> = {
  HIDUP: { id: 'Hidup', en: 'Alive' },
  MENINGGAL: { id: 'Meninggal', en: 'Died' },
};

export const BABY_OUTCOME_CODES = ['LAHIR_HIDUP', 'LAHIR_MATI'] as const;
export type BabyOutcome = (typeof BABY_OUTCOME_CODES)[number];

export const BABY_OUTCOMES: CodeLabels<BabyOutcome> = {
  LAHIR_HIDUP: { id: 'Lahir hidup', en: 'Live birth' },
  LAHIR_MATI: { id: 'Lahir mati', en: 'Stillbirth' },
};

export interface DeliverySet extends ReferenceSet {
  /** Places that count as fasyankes for PF. */
  readonly fasyankesPlaces: readonly DeliveryPlace[];
  /** Attendants that count as (competent) nakes for PN and PF. */
  readonly nakesAttendants: readonly DeliveryAttendant[];
  /** BBLR when birth weight < this (g). */
  readonly bblrBelowGrams: number;
}

/**
 * Default. Fasyankes = RS, Puskesmas, Klinik, PMB (domain.md §2.4 "place ∈ {RS, Puskesmas, Klinik,
 * PMB…}" [GK]). Polindes/Poskesdes are community posts (UKBM), not counted [UNCONFIRMED: some
 * Dinkes may count them]. Nakes = dokter SpOG, dokter umum, bidan: the PWS-KIA "nakes with
 * midwifery competence"; perawat is not counted by default [UNCONFIRMED]. BBLR < 2500 g.
 */
export const DELIVERY_DEFAULT: DeliverySet = {
  id: 'persalinan.pf.2019',
  title: 'Persalinan di fasyankes oleh nakes (SPM 2) dan BBLR',
  validFrom: '2019-01-01',
  source:
    'domain.md §2.4 and §5.5 (SPM 2, Permenkes 4/2019) [GK]; fasyankes/nakes membership [UNCONFIRMED]; BBLR < 2500 g (WHO)',
  fasyankesPlaces: ['RS', 'PUSKESMAS', 'KLINIK', 'PMB'],
  nakesAttendants: ['DOKTER_SPOG', 'DOKTER_UMUM', 'BIDAN'],
  bblrBelowGrams: 2500,
};

/** Persalinan oleh nakes (PN): the attendant is in the set's nakes list. */
export function isPersalinanNakes(attendant: DeliveryAttendant, set: DeliverySet): boolean {
  return set.nakesAttendants.includes(attendant);
}

/** Persalinan di fasyankes oleh nakes (PF, SPM 2): place is a fasyankes AND attendant is nakes. */
export function isPersalinanFasyankes(
  place: DeliveryPlace,
  attendant: DeliveryAttendant,
  set: DeliverySet,
): boolean {
  return set.fasyankesPlaces.includes(place) && isPersalinanNakes(attendant, set);
}

/** BBLR (berat bayi lahir rendah): birth weight < 2500 g (2499 → yes, 2500 → no). */
export function isBblr(birthWeightG: number, set: DeliverySet): boolean {
  return birthWeightG < set.bblrBelowGrams;
}

/** Refuses an impossible birth weight (default 300–7000 g), path `birthWeightG`. */
export function checkBirthWeight(
  birthWeightG: number,
  plausibility: PlausibilitySet,
): MaternalChecked<number> {
  const bad = checkRange('birthWeightG', birthWeightG, plausibility);
  return bad.length > 0 ? fail(bad) : ok(birthWeightG);
}

/**
 * Refuses a gestational age at delivery outside the plausible range (default 20w0d–45w0d; below
 * 20 weeks the pregnancy ended in abortus, not persalinan [GK]), path `deliveryGestationalAge`.
 */
export function checkDeliveryGestationalAge(
  gaDays: number,
  plausibility: PlausibilitySet,
): MaternalChecked<number> {
  const bad = checkRange('deliveryGaDays', gaDays, plausibility, 'deliveryGestationalAge');
  return bad.length > 0 ? fail(bad) : ok(gaDays);
}
