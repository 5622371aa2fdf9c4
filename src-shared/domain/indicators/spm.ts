import type { Label } from '../refusal';
import { defineIndicator, dmServed, htServed, lansiaScreening, ptmScreening } from './k3';
import type { Denominator, IndicatorDefinition } from './types';

/**
 * SPM Bidang Kesehatan, the 12 basic services a kabupaten/kota reports (domain.md §5.5, Permenkes
 * 4/2019), each its own definition with goal 100 % of its sasaran. Services 1–3 reuse the Klaster
 * 2 sources by id (`anc.k6`, `delivery.pf`, `kn.lengkap`, `anc.hiv_tested`, built in
 * `src-main/reports/sources/k2-*.ts`), 6–9 the Klaster 3 ones. What Siklus does not record yet is
 * `notComputable`, with the reason shown in the report instead of a misleading zero.
 */

const SPM =
  'Permenkes 4/2019 Standar Teknis SPM Bidang Kesehatan (domain.md §5.5) [S]; isi layanan [GK]';

/** The Klaster 2 event sources the SPM reuses (reports-engine provides them with these ids). */
export const SPM_K2_SOURCE_IDS = {
  k6: 'anc.k6',
  persalinanFasyankes: 'delivery.pf',
  knLengkap: 'kn.lengkap',
  hivTested: 'anc.hiv_tested',
} as const;

/** Used as `numerator.source` by definitions that cannot be computed (no source is read). */
export const NO_SOURCE = 'tidak-dicatat';

const sasaran = (group: string): Denominator => ({ kind: 'sasaran', group });

interface SpmSpec {
  n: number;
  name: Label;
  source: string;
  denominator: Denominator;
  attribution: Label;
  notComputable?: Label;
}

function spm(s: SpmSpec): IndicatorDefinition {
  const def = defineIndicator({
    code: `SPM${s.n}`,
    cluster: 'spm',
    name: { id: `SPM ${s.n}: ${s.name.id}`, en: `SPM ${s.n}: ${s.name.en}` },
    source: s.source,
    denominator: s.denominator,
    goal: 100,
    attribution: s.attribution,
    regulation: SPM,
  });
  return s.notComputable ? { ...def, notComputable: s.notComputable } : def;
}

/** Re-label a Klaster 3 definition as an SPM service (same source, same counting). */
function asSpm(n: number, def: IndicatorDefinition, name: Label): IndicatorDefinition {
  return {
    ...def,
    name: { id: `SPM ${n}: ${name.id}`, en: `SPM ${n}: ${name.en}` },
    title: `SPM ${n}: ${name.id}`,
    source: SPM,
  };
}

const NOT_RECORDED: Label = { id: 'Tidak dihitung', en: 'Not computed' };

export const SPM_INDICATORS: readonly IndicatorDefinition[] = [
  spm({
    n: 1,
    name: { id: 'Pelayanan kesehatan ibu hamil', en: 'Antenatal care' },
    source: SPM_K2_SOURCE_IDS.k6,
    denominator: sasaran('bumil'),
    attribution: {
      id: 'Ibu hamil dengan ANC lengkap (K6 termasuk 2 kontak dokter), sekali per kehamilan, pada bulan kontak yang melengkapinya',
      en: 'Pregnant women with complete ANC (K6 incl. 2 doctor contacts), once per pregnancy, in the month of the completing contact',
    },
  }),
  spm({
    n: 2,
    name: { id: 'Pelayanan kesehatan ibu bersalin', en: 'Delivery care' },
    source: SPM_K2_SOURCE_IDS.persalinanFasyankes,
    denominator: sasaran('bulin'),
    attribution: {
      id: 'Persalinan di fasyankes oleh tenaga kesehatan, pada bulan persalinan',
      en: 'Deliveries at a health facility by a health worker, in the month of delivery',
    },
  }),
  spm({
    n: 3,
    name: { id: 'Pelayanan kesehatan bayi baru lahir', en: 'Newborn care' },
    source: SPM_K2_SOURCE_IDS.knLengkap,
    denominator: sasaran('bayi'),
    attribution: {
      id: 'Neonatus dengan KN lengkap (KN1–KN3), pada bulan KN3',
      en: 'Neonates with complete neonatal visits (KN1–KN3), in the month of KN3',
    },
  }),
  spm({
    n: 4,
    name: { id: 'Pelayanan kesehatan balita', en: 'Under-five care' },
    source: NO_SOURCE,
    denominator: sasaran('balita'),
    attribution: NOT_RECORDED,
    notComputable: {
      id: 'SDIDTK (stimulasi, deteksi dan intervensi dini tumbuh kembang) belum dicatat di Siklus, padahal termasuk standar pelayanan balita; penimbangan, vitamin A dan imunisasi ada di laporan Klaster 2.',
      en: 'SDIDTK (child development screening) is not recorded in Siklus yet, and it is part of the under-five standard; weighing, vitamin A and immunisation are in the Klaster 2 report.',
    },
  }),
  spm({
    n: 5,
    name: {
      id: 'Pelayanan kesehatan pada usia pendidikan dasar',
      en: 'Care for children of basic-education age',
    },
    source: NO_SOURCE,
    denominator: { kind: 'none' },
    attribution: NOT_RECORDED,
    notComputable: {
      id: 'Siklus belum punya modul penjaringan kesehatan anak sekolah (kelas 1–9) dan tidak ada sasaran kelas 1–9.',
      en: 'Siklus has no school health screening module (grades 1–9) yet, and no grade 1–9 target.',
    },
  }),
  asSpm(6, ptmScreening('SPM6', 'spm'), {
    id: 'Pelayanan kesehatan pada usia produktif',
    en: 'Care for the productive age',
  }),
  asSpm(7, lansiaScreening('SPM7', 'spm'), {
    id: 'Pelayanan kesehatan pada usia lanjut',
    en: 'Care for the elderly',
  }),
  asSpm(8, htServed('SPM8', 'spm'), {
    id: 'Pelayanan kesehatan penderita hipertensi',
    en: 'Care for people with hypertension',
  }),
  asSpm(9, dmServed('SPM9', 'spm'), {
    id: 'Pelayanan kesehatan penderita diabetes melitus',
    en: 'Care for people with diabetes',
  }),
  spm({
    n: 10,
    name: {
      id: 'Pelayanan kesehatan orang dengan gangguan jiwa berat',
      en: 'Care for people with severe mental illness',
    },
    source: NO_SOURCE,
    denominator: sasaran('odgj_berat'),
    attribution: NOT_RECORDED,
    notComputable: {
      id: 'Siklus belum punya register ODGJ berat; skrining SRQ-20 bukan diagnosis dan tidak dihitung sebagai pelayanan ODGJ.',
      en: 'Siklus has no register of people with severe mental illness yet; SRQ-20 screening is not a diagnosis and does not count as their care.',
    },
  }),
  spm({
    n: 11,
    name: {
      id: 'Pelayanan kesehatan orang terduga tuberkulosis',
      en: 'Care for people with presumptive tuberculosis',
    },
    source: NO_SOURCE,
    denominator: sasaran('terduga_tb'),
    attribution: NOT_RECORDED,
    notComputable: {
      id: 'Klaster 4 (penanggulangan penyakit menular, termasuk pemeriksaan terduga TB) belum ada di Siklus.',
      en: 'Klaster 4 (communicable disease control, including presumptive TB examination) is not in Siklus yet.',
    },
  }),
  spm({
    n: 12,
    name: {
      id: 'Pelayanan kesehatan orang dengan risiko terinfeksi HIV (baru ibu hamil)',
      en: 'Care for people at risk of HIV (pregnant women only)',
    },
    source: SPM_K2_SOURCE_IDS.hivTested,
    denominator: sasaran('risiko_hiv'),
    attribution: {
      id: 'Hanya ibu hamil yang dites HIV saat ANC (sekali per kehamilan, pada bulan tes pertama). Pasien TB, IMS, populasi kunci dan WBP belum dicatat di Siklus, jadi capaian ini lebih rendah dari yang sebenarnya.',
      en: 'Only pregnant women tested for HIV at ANC (once per pregnancy, in the month of the first test). TB patients, STI patients, key populations and prisoners are not recorded in Siklus yet, so this understates the service.',
    },
  }),
];
