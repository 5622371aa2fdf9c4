import {
  BARTHEL_MODIFIED_20,
  ELIGIBILITY_KLASTER3,
  HT_CONTROL_LAST_VISIT,
  RESULT_LABELS,
  type ResultCode,
} from '../adult';
import type { Label } from '../refusal';
import {
  indicatorDefinition,
  type Denominator,
  type IndicatorCluster,
  type IndicatorDefinition,
  type IndicatorSpec,
} from './types';

/**
 * Klaster 3 indicators (dewasa dan lansia), domain.md §5.6 with §3, counted per §5.8: PTM
 * screening of the productive age, hypertension and DM found at screening, HT/DM patients served
 * (SPM 8/9), hypertension controlled, lansia screening (SKILAS) and lansia by Barthel ADL
 * category. Every age, cut-off and category comes from the adult domain module
 * (`ELIGIBILITY_KLASTER3`, `HT_CONTROL_LAST_VISIT`, `BARTHEL_MODIFIED_20`); the SQL sources in
 * `src-main/reports/sources/k3.ts` read the same constants.
 */

/** The event source ids of Klaster 3 (dotted; implemented in `src-main/reports/sources/k3.ts`). */
export const K3_SOURCE_IDS = {
  /** Persons of productive age, first PTM screening of the calendar year. */
  ptmSkrining: 'ptm.skrining',
  /** First screening of the year with a positive BP, not yet in the HT register (achievement). */
  htDitemukan: 'ptm.ht_ditemukan',
  /** Each screening with a BP, flagged when positive and not yet in the HT register (status). */
  htDitemukanDiskrining: 'ptm.ht_ditemukan_diskrining',
  dmDitemukan: 'ptm.dm_ditemukan',
  dmDitemukanDiskrining: 'ptm.dm_ditemukan_diskrining',
  /** HT patients, first kontrol of the year with BP measured. */
  htDilayani: 'ptm.ht_dilayani',
  /** DM patients, first kontrol of the year with a glucose test. */
  dmDilayani: 'ptm.dm_dilayani',
  /** HT patients' kontrol BP, flagged when below the controlled cut-off (status). */
  htTerkendali: 'ptm.ht_terkendali',
  /** Lansia, first SKILAS of the calendar year. */
  lansiaSkilas: 'lansia.skilas',
} as const;

/**
 * The Barthel categories reported (most independent first), each with its status source
 * `lansia.adl.<category>`, taken from the Barthel set's bands.
 */
export const ADL_CATEGORIES: readonly ResultCode[] = [...BARTHEL_MODIFIED_20.categories]
  .reverse()
  .map((band) => band.code);

/** `barthel.ringan` → `ringan`. */
export const adlCategoryKey = (code: ResultCode): string => code.replace(/^barthel\./, '');

export const adlSource = (code: ResultCode): string => `lansia.adl.${adlCategoryKey(code)}`;

/**
 * A Klaster 3 or SPM definition: cluster `k3` unless stated, in force since 2019, no goal unless
 * stated.
 */
export function defineIndicator(
  s: Omit<IndicatorSpec, 'cluster'> & { cluster?: IndicatorCluster },
): IndicatorDefinition {
  return indicatorDefinition(
    { ...s, cluster: s.cluster ?? 'k3' },
    { validFrom: '2019-01-01', goal: null },
  );
}

const E = ELIGIBILITY_KLASTER3;
const HT = HT_CONTROL_LAST_VISIT;
/** "15–59": the productive age, up to the year before lansia. */
export const PRODUCTIVE_AGES = `${E.ptm.minAge}–${E.skilas.minAge - 1}`;
const LANSIA_FROM = E.skilas.minAge;
const HT_CUT = `${HT.systolicBelow}/${HT.diastolicBelow}`;

const K3 = 'ILP Klaster 3; Permenkes 4/2019 SPM (domain.md §3, §5.5, §5.6) [GK]';
const K3_FOUND = 'Domain.md §5.6 "% HT found / DM found = positives ÷ screened" [GK]';

const ONCE_A_YEAR: Label = {
  id: 'sekali per orang per tahun, pada bulan pemeriksaan pertama tahun itu, di desa tempat tinggal saat itu',
  en: 'once per person per year, in the month of the first check that year, in the desa they lived in then',
};

const sasaran = (group: string): Denominator => ({ kind: 'sasaran', group });

function found(program: 'ht' | 'dm'): IndicatorDefinition[] {
  const ht = program === 'ht';
  const what: Label = ht
    ? { id: 'Hipertensi', en: 'Hypertension' }
    : { id: 'Diabetes melitus', en: 'Diabetes mellitus' };
  const positive: Label = ht
    ? { id: 'tekanan darah skrining positif', en: 'a positive screening blood pressure' }
    : {
        id: 'gula darah skrining DM atau curiga DM',
        en: 'a screening glucose classed DM or suspected DM',
      };
  const notYet: Label = {
    id: `belum terdaftar di register ${what.id.toLowerCase()} pada tanggal skrining`,
    en: `not yet in the ${what.en.toLowerCase()} register on the screening date`,
  };
  const code = ht ? 'HT_DITEMUKAN' : 'DM_DITEMUKAN';
  return [
    defineIndicator({
      code,
      name: {
        id: `${what.id} baru ditemukan saat skrining PTM`,
        en: `${what.en}: new cases found at NCD screening`,
      },
      unit: 'count',
      source: ht ? K3_SOURCE_IDS.htDitemukan : K3_SOURCE_IDS.dmDitemukan,
      denominator: { kind: 'none' },
      attribution: {
        id: `Orang dengan ${positive.id}, ${notYet.id}; sekali per orang per tahun, pada bulan skrining positif pertama`,
        en: `Persons with ${positive.en}, ${notYet.en}; once per person per year, in the month of the first positive screening`,
      },
      regulation: K3_FOUND,
    }),
    defineIndicator({
      code: `${code}_PERSEN`,
      name: {
        id: `${what.id} baru ditemukan per orang yang diskrining (%)`,
        en: `${what.en}: new cases per person screened (%)`,
      },
      source: ht ? K3_SOURCE_IDS.htDitemukanDiskrining : K3_SOURCE_IDS.dmDitemukanDiskrining,
      mode: 'status',
      denominator: { kind: 'observed' },
      attribution: {
        id: `Di antara orang yang diskrining ${ht ? 'tekanan darahnya' : 'gula darahnya'} pada periode itu, skrining terakhirnya menunjukkan ${positive.id} dan ${notYet.id}`,
        en: `Among persons whose ${ht ? 'blood pressure' : 'glucose'} was screened in the period, the latest screening shows ${positive.en}, ${notYet.en}`,
      },
      regulation: K3_FOUND,
    }),
  ];
}

function served(program: 'ht' | 'dm', code: string, cluster: IndicatorCluster) {
  const ht = program === 'ht';
  return defineIndicator({
    code,
    cluster,
    name: ht
      ? {
          id: 'Penderita hipertensi mendapat pelayanan sesuai standar',
          en: 'Hypertension patients served to standard',
        }
      : {
          id: 'Penderita diabetes melitus mendapat pelayanan sesuai standar',
          en: 'Diabetes patients served to standard',
        },
    source: ht ? K3_SOURCE_IDS.htDilayani : K3_SOURCE_IDS.dmDilayani,
    denominator: sasaran(program),
    goal: 100,
    attribution: ht
      ? {
          id: `Penderita di register hipertensi (usia ≥ ${E.ptm.minAge} tahun) yang kontrol dengan tekanan darah diukur; ${ONCE_A_YEAR.id}`,
          en: `Patients in the hypertension register (aged ${E.ptm.minAge}+) with a kontrol where blood pressure was measured; ${ONCE_A_YEAR.en}`,
        }
      : {
          id: `Penderita di register DM (usia ≥ ${E.ptm.minAge} tahun) yang kontrol dengan pemeriksaan gula darah atau HbA1c; ${ONCE_A_YEAR.id}`,
          en: `Patients in the DM register (aged ${E.ptm.minAge}+) with a kontrol where glucose or HbA1c was tested; ${ONCE_A_YEAR.en}`,
        },
    regulation: K3,
  });
}

/** PTM screening of the productive age (SPM 6 counts the same source). */
export function ptmScreening(code: string, cluster: IndicatorCluster): IndicatorDefinition {
  return defineIndicator({
    code,
    cluster,
    name: {
      id: `Penduduk usia ${PRODUCTIVE_AGES} tahun mendapat skrining PTM`,
      en: `Residents aged ${PRODUCTIVE_AGES} screened for NCDs`,
    },
    source: K3_SOURCE_IDS.ptmSkrining,
    denominator: sasaran('produktif'),
    goal: 100,
    attribution: {
      id: `Skrining PTM pada usia ${PRODUCTIVE_AGES} tahun (usia saat skrining); ${ONCE_A_YEAR.id}`,
      en: `NCD screening at age ${PRODUCTIVE_AGES} (age on the screening date); ${ONCE_A_YEAR.en}`,
    },
    regulation: K3,
  });
}

/** SKILAS of the elderly (SPM 7 counts the same source). */
export function lansiaScreening(code: string, cluster: IndicatorCluster): IndicatorDefinition {
  return defineIndicator({
    code,
    cluster,
    name: {
      id: `Lansia ≥ ${LANSIA_FROM} tahun mendapat skrining (SKILAS)`,
      en: `Elderly aged ${LANSIA_FROM}+ screened (SKILAS)`,
    },
    source: K3_SOURCE_IDS.lansiaSkilas,
    denominator: sasaran('lansia'),
    goal: 100,
    attribution: {
      id: `SKILAS pada usia ≥ ${LANSIA_FROM} tahun (usia saat skrining); ${ONCE_A_YEAR.id}`,
      en: `SKILAS at age ${LANSIA_FROM}+ (age on the screening date); ${ONCE_A_YEAR.en}`,
    },
    regulation: K3,
  });
}

export const htServed = (code: string, cluster: IndicatorCluster) => served('ht', code, cluster);
export const dmServed = (code: string, cluster: IndicatorCluster) => served('dm', code, cluster);

const ADL: IndicatorDefinition[] = ADL_CATEGORIES.map((category) =>
  defineIndicator({
    code: `LANSIA_ADL_${adlCategoryKey(category).toUpperCase()}`,
    name: {
      id: `Lansia dengan ADL (Barthel): ${RESULT_LABELS[category].id.toLowerCase()}`,
      en: `Elderly by ADL (Barthel): ${RESULT_LABELS[category].en.toLowerCase()}`,
    },
    unit: 'count',
    source: adlSource(category),
    mode: 'status',
    denominator: { kind: 'none' },
    attribution: {
      id: `Lansia ≥ ${LANSIA_FROM} tahun menurut kategori penilaian Barthel terakhirnya dalam periode (${BARTHEL_MODIFIED_20.title}), di desa tempat tinggal saat itu`,
      en: `Elderly aged ${LANSIA_FROM}+ by the category of their latest Barthel assessment in the period (${BARTHEL_MODIFIED_20.title}), in the desa they lived in then`,
    },
    regulation: `${BARTHEL_MODIFIED_20.source}; domain.md §3.4, §5.6`,
  }),
);

/** Every Klaster 3 indicator, in report order. */
export const K3_INDICATORS: readonly IndicatorDefinition[] = [
  ptmScreening('PTM_SKRINING', 'k3'),
  ...found('ht'),
  ...found('dm'),
  htServed('SPM8_HT', 'k3'),
  dmServed('SPM9_DM', 'k3'),
  defineIndicator({
    code: 'HT_TERKENDALI',
    name: {
      id: `Penderita hipertensi terkendali (TD terakhir < ${HT_CUT})`,
      en: `Hypertension patients controlled (last BP < ${HT_CUT})`,
    },
    source: K3_SOURCE_IDS.htTerkendali,
    mode: 'status',
    denominator: { kind: 'observed' },
    attribution: {
      id: `Di antara penderita di register hipertensi yang kontrol dengan tekanan darah diukur pada periode itu: tekanan darah kontrol terakhirnya < ${HT_CUT} mmHg (${HT.title})`,
      en: `Among hypertension-register patients with a kontrol BP in the period: their latest kontrol BP is < ${HT_CUT} mmHg (${HT.title})`,
    },
    regulation: HT.source,
  }),
  lansiaScreening('LANSIA_SKRINING', 'k3'),
  ...ADL,
];
