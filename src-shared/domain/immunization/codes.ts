/**
 * Stable codes for antigens (series) and doses, with Indonesian and English labels. Codes are
 * stored with each immunisation record and in exports: never rename one, only add.
 *
 * SATUSEHAT `vaccineCode` needs KFA codes; only `VG139` (Td) has been seen in an official
 * example [S: sid-indonesia Immunization-Create-VG139*.json]. The others must come from the KFA
 * API through a mapping table; none are invented here.
 */

import type { Label } from '../refusal';

/** Antigen series. Dose numbers count within a series (OPV1–OPV4, DPT-HB-Hib 1–4, ...). */
export const SERIES = [
  'HB0',
  'BCG',
  'OPV',
  'DPT_HB_HIB',
  'PCV',
  'RV',
  'IPV',
  'MR',
  'JE',
  'BIAS_DT',
  'BIAS_MR',
  'BIAS_TD',
  'HPV',
] as const;
export type Series = (typeof SERIES)[number];

/** Dose codes in schedule order. */
export const DOSE_CODES = [
  'HB0',
  'BCG',
  'OPV1',
  'OPV2',
  'OPV3',
  'OPV4',
  'DPT_HB_HIB1',
  'DPT_HB_HIB2',
  'DPT_HB_HIB3',
  'DPT_HB_HIB4',
  'PCV1',
  'PCV2',
  'PCV3',
  'RV1',
  'RV2',
  'RV3',
  'IPV1',
  'IPV2',
  'MR1',
  'MR2',
  'JE',
  'BIAS_DT',
  'BIAS_MR',
  'BIAS_TD_K2',
  'BIAS_TD_K5',
  'HPV1',
  'HPV2',
] as const;
export type DoseCode = (typeof DOSE_CODES)[number];

export type { Label } from '../refusal';

/** Labels per antigen series. */
export const SERIES_LABELS: Record<Series, Label> = {
  HB0: { id: 'Hepatitis B dosis lahir (HB0)', en: 'Hepatitis B birth dose (HB0)' },
  BCG: { id: 'BCG', en: 'BCG' },
  OPV: { id: 'Polio tetes (OPV)', en: 'Oral polio vaccine (OPV)' },
  DPT_HB_HIB: { id: 'DPT-HB-Hib (pentavalen)', en: 'DTP-HepB-Hib (pentavalent)' },
  PCV: { id: 'Pneumokokus konyugasi (PCV)', en: 'Pneumococcal conjugate (PCV)' },
  RV: { id: 'Rotavirus (RV)', en: 'Rotavirus (RV)' },
  IPV: { id: 'Polio suntik (IPV)', en: 'Inactivated polio vaccine (IPV)' },
  MR: { id: 'Campak-Rubela (MR)', en: 'Measles-rubella (MR)' },
  JE: { id: 'Japanese Encephalitis (JE)', en: 'Japanese encephalitis (JE)' },
  BIAS_DT: { id: 'DT (BIAS)', en: 'DT (school programme)' },
  BIAS_MR: { id: 'MR (BIAS)', en: 'MR (school programme)' },
  BIAS_TD: { id: 'Td (BIAS)', en: 'Td (school programme)' },
  HPV: { id: 'HPV (BIAS)', en: 'HPV (school programme)' },
};

/** Labels per dose, as written on the Buku KIA page and the kohort bayi. */
export const DOSE_LABELS: Record<DoseCode, Label> = {
  HB0: { id: 'Hepatitis B (HB0)', en: 'Hepatitis B birth dose (HB0)' },
  BCG: { id: 'BCG', en: 'BCG' },
  OPV1: { id: 'Polio tetes 1 (OPV1)', en: 'Oral polio 1 (OPV1)' },
  OPV2: { id: 'Polio tetes 2 (OPV2)', en: 'Oral polio 2 (OPV2)' },
  OPV3: { id: 'Polio tetes 3 (OPV3)', en: 'Oral polio 3 (OPV3)' },
  OPV4: { id: 'Polio tetes 4 (OPV4)', en: 'Oral polio 4 (OPV4)' },
  DPT_HB_HIB1: { id: 'DPT-HB-Hib 1', en: 'DTP-HepB-Hib 1' },
  DPT_HB_HIB2: { id: 'DPT-HB-Hib 2', en: 'DTP-HepB-Hib 2' },
  DPT_HB_HIB3: { id: 'DPT-HB-Hib 3', en: 'DTP-HepB-Hib 3' },
  DPT_HB_HIB4: { id: 'DPT-HB-Hib 4 (lanjutan baduta)', en: 'DTP-HepB-Hib 4 (toddler booster)' },
  PCV1: { id: 'PCV 1', en: 'PCV 1' },
  PCV2: { id: 'PCV 2', en: 'PCV 2' },
  PCV3: { id: 'PCV 3 (lanjutan)', en: 'PCV 3 (booster)' },
  RV1: { id: 'Rotavirus 1 (RV1)', en: 'Rotavirus 1 (RV1)' },
  RV2: { id: 'Rotavirus 2 (RV2)', en: 'Rotavirus 2 (RV2)' },
  RV3: { id: 'Rotavirus 3 (RV3)', en: 'Rotavirus 3 (RV3)' },
  IPV1: { id: 'Polio suntik 1 (IPV1)', en: 'Inactivated polio 1 (IPV1)' },
  IPV2: { id: 'Polio suntik 2 (IPV2)', en: 'Inactivated polio 2 (IPV2)' },
  MR1: { id: 'Campak-Rubela 1 (MR1)', en: 'Measles-rubella 1 (MR1)' },
  MR2: { id: 'Campak-Rubela 2 (MR2, lanjutan baduta)', en: 'Measles-rubella 2 (MR2, booster)' },
  JE: { id: 'Japanese Encephalitis (JE)', en: 'Japanese encephalitis (JE)' },
  BIAS_DT: { id: 'DT (BIAS kelas 1)', en: 'DT (school grade 1)' },
  BIAS_MR: { id: 'MR (BIAS kelas 1)', en: 'MR (school grade 1)' },
  BIAS_TD_K2: { id: 'Td (BIAS kelas 2)', en: 'Td (school grade 2)' },
  BIAS_TD_K5: { id: 'Td (BIAS kelas 5)', en: 'Td (school grade 5)' },
  HPV1: { id: 'HPV 1 (BIAS kelas 5)', en: 'HPV 1 (school grade 5)' },
  HPV2: { id: 'HPV 2 (BIAS kelas 6)', en: 'HPV 2 (school grade 6)' },
};

/**
 * Programme a dose belongs to, which also picks the SATUSEHAT `reasonCode`
 * (system `http://terminology.kemkes.go.id/CodeSystem/immunization-reason`).
 */
export type Programme = 'dasar' | 'baduta' | 'bias';

export const SATUSEHAT_IMMUNIZATION_REASON_SYSTEM =
  'http://terminology.kemkes.go.id/CodeSystem/immunization-reason';

/**
 * reasonCode per programme. `IM-Dasar` "Imunisasi Program Rutin Dasar" [S: two 3rd-party repos];
 * `IM-Baduta` and `IM-SD` were only seen in 3rd-party code [UNCONFIRMED displays]: check them
 * against SATUSEHAT staging before use (validator rule 10105 checks this terminology).
 */
export const SATUSEHAT_REASON: Record<Programme, { code: string; certainty: string }> = {
  dasar: { code: 'IM-Dasar', certainty: '[S: 3rd-party repos]' },
  baduta: { code: 'IM-Baduta', certainty: '[UNCONFIRMED]' },
  bias: { code: 'IM-SD', certainty: '[UNCONFIRMED]' },
};

/**
 * SATUSEHAT records who the dose came from: `primarySource: true` with performer function
 * `AP` (administering provider) when given here; `false` with `EP` (entering provider) when
 * copied from the Buku KIA or another facility [S: sid-indonesia example; 3rd-party mapper].
 */
export function satusehatSource(givenHere: boolean): {
  primarySource: boolean;
  performerFunction: 'AP' | 'EP';
} {
  return givenHere
    ? { primarySource: true, performerFunction: 'AP' }
    : { primarySource: false, performerFunction: 'EP' };
}
