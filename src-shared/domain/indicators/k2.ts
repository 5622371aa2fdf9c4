import { DOSE_LABELS, type DoseCode } from '../immunization/codes';
import type { Label } from '../refusal';
import {
  indicatorDefinition,
  type Denominator,
  type IndicatorDefinition,
  type IndicatorSpec,
} from './types';

/**
 * Klaster 2 indicators (ibu, anak, gizi, imunisasi): PWS-KIA, gizi and imunisasi, domain.md
 * §5.2–§5.4, counted per §5.8. Each names its SQL source (`src-main/reports/sources/`), which
 * takes its cut-offs from the same domain rules the forms use.
 */

/** Klaster 2 indicators: in force since 2020, goal 100 % unless stated. */
const define = (s: IndicatorSpec): IndicatorDefinition =>
  indicatorDefinition(s, { validFrom: '2020-01-01', goal: 100 });

const PWS_KIA = 'PWS-KIA 2009 "13 Indikator" and Permenkes 21/2021 (domain.md §5.2) [GK]';
const GIZI = 'Permenkes 2/2020 status gizi; SKDN (domain.md §2.8, §5.3) [GK]';
const IMUN = 'Permenkes 12/2017 and later KMK/SE (domain.md §2.9, §5.4) [GK]';

const sasaran = (group: string): Denominator => ({ kind: 'sasaran', group });

/** The antigens reported one by one (per-antigen coverage), in schedule order. */
export const COVERAGE_DOSES: readonly DoseCode[] = [
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
];

/** The event source id of the first dose of an antigen. */
export const doseSource = (code: DoseCode) => `imun.${code.toLowerCase()}`;

/** The sasaran a dose is measured against: HB0 live births, boosters baduta, else surviving infants. */
function doseTarget(code: DoseCode): string {
  if (code === 'HB0') return 'bayi';
  if (code === 'DPT_HB_HIB4' || code === 'MR2') return 'baduta';
  return 'surviving_infant';
}

const IBU: IndicatorDefinition[] = [
  define({
    code: 'K1',
    name: { id: 'K1 akses (kontak ANC pertama)', en: 'K1 access (first ANC contact)' },
    cluster: 'k2-ibu',
    source: 'anc.k1',
    denominator: sasaran('bumil'),
    attribution: {
      id: 'Sekali per kehamilan, pada bulan kontak ANC pertama, di desa tempat tinggal saat itu',
      en: 'Once per pregnancy, in the month of the first ANC contact, in the desa she lived in then',
    },
    regulation: PWS_KIA,
  }),
  define({
    code: 'K1M',
    name: { id: 'K1 murni (kontak pertama di trimester 1)', en: 'K1 pure (first contact in TM1)' },
    cluster: 'k2-ibu',
    source: 'anc.k1_murni',
    denominator: sasaran('bumil'),
    attribution: {
      id: 'Kontak ANC pertama bila jatuh di trimester 1 (menurut pengaturan trimester)',
      en: 'The first ANC contact when it falls in trimester 1 (per the trimester setting)',
    },
    regulation: `${PWS_KIA}; SATUSEHAT K1M`,
  }),
  define({
    code: 'K4',
    name: { id: 'K4 (lama, 1-1-2)', en: 'K4 (old, 1-1-2)' },
    cluster: 'k2-ibu',
    source: 'anc.k4',
    denominator: sasaran('bumil'),
    attribution: {
      id: 'Bulan kontak yang melengkapi 1× TM1, 1× TM2, 2× TM3',
      en: 'Month of the contact completing 1× TM1, 1× TM2, 2× TM3',
    },
    regulation: PWS_KIA,
  }),
  define({
    code: 'K6',
    name: { id: 'K6 (ANC lengkap, 2× dokter)', en: 'K6 (complete ANC, 2 doctor visits)' },
    cluster: 'k2-ibu',
    source: 'anc.k6',
    denominator: sasaran('bumil'),
    attribution: {
      id: 'Bulan kontak yang melengkapi pembagian trimester dan kunjungan dokter TM1 dan TM3',
      en: 'Month of the contact completing the trimester split and the TM1 and TM3 doctor visits',
    },
    regulation: 'Permenkes 21/2021 (domain.md §2.2, §5.2) [GK]; split per setting',
  }),
  define({
    code: 'PF',
    name: {
      id: 'Persalinan di fasyankes oleh nakes',
      en: 'Deliveries at a health facility by a health worker',
    },
    cluster: 'k2-ibu',
    source: 'delivery.pf',
    denominator: sasaran('bulin'),
    attribution: { id: 'Bulan persalinan', en: 'Month of the delivery' },
    regulation: 'SPM 2, Permenkes 4/2019 (domain.md §2.4, §5.2) [GK]',
  }),
  define({
    code: 'KF_LENGKAP',
    name: { id: 'KF lengkap (kunjungan nifas)', en: 'Complete postnatal care (KF)' },
    cluster: 'k2-ibu',
    source: 'kf.lengkap',
    denominator: sasaran('bufas'),
    attribution: {
      id: 'Bulan kunjungan yang melengkapi semua jendela KF (KF1–KF4, atau KF1–KF3 aturan lama)',
      en: 'Month of the visit completing every KF window (KF1–KF4, or KF1–KF3 under the old rule)',
    },
    regulation: 'Buku KIA 2020 (domain.md §2.5, §5.2) [S]',
  }),
  define({
    code: 'BUMIL_KEK',
    name: { id: 'Bumil KEK (LiLA < 23,5 cm)', en: 'Pregnant women with CED (MUAC < 23.5 cm)' },
    cluster: 'k2-ibu',
    source: 'anc.kek',
    mode: 'status',
    denominator: { kind: 'observed' },
    goal: null,
    attribution: {
      id: 'Di antara bumil yang diukur LiLA; pengukuran terakhir dalam periode menentukan',
      en: 'Among pregnant women with a MUAC; the latest measurement in the period decides',
    },
    regulation: 'domain.md §2.2, §5.2 [GK]',
  }),
  define({
    code: 'BUMIL_ANEMIA',
    name: { id: 'Bumil anemia (Hb < 11 g/dL)', en: 'Anaemic pregnant women (Hb < 11 g/dL)' },
    cluster: 'k2-ibu',
    source: 'anc.anemia',
    mode: 'status',
    denominator: { kind: 'observed' },
    goal: null,
    attribution: {
      id: 'Di antara bumil yang diperiksa Hb; pemeriksaan terakhir dalam periode menentukan',
      en: 'Among pregnant women with an Hb test; the latest test in the period decides',
    },
    regulation: 'domain.md §2.2, §5.2 [GK]',
  }),
  define({
    code: 'KB_AKTIF',
    name: { id: 'Peserta KB aktif', en: 'Active family planning users' },
    cluster: 'k2-ibu',
    source: 'kb.aktif',
    denominator: sasaran('pus'),
    goal: null,
    attribution: {
      id: 'Keadaan pada hari terakhir bulan: layanan KB terakhir belum terlambat (bulan ini dan kumulatif sama)',
      en: 'State on the last day of the month: the latest KB service is not overdue (month and year to date are the same)',
    },
    regulation: 'PWS-KB; BKKBN definitions (domain.md §2.7, §5.2) [GK]',
  }),
  define({
    code: 'KB_PASCASALIN',
    name: { id: 'KB pascasalin (≤ 42 hari)', en: 'Postpartum family planning (≤ 42 days)' },
    cluster: 'k2-ibu',
    source: 'kb.pascasalin',
    denominator: sasaran('bulin'),
    goal: null,
    attribution: {
      id: 'Sekali per persalinan, pada bulan layanan KB pertama 0–42 hari setelah bersalin',
      en: 'Once per delivery, in the month of the first KB service 0–42 days after it',
    },
    regulation: 'domain.md §2.7, §5.2 [GK]',
  }),
];

const ANAK: IndicatorDefinition[] = [
  define({
    code: 'KN1',
    name: { id: 'KN1 (6–48 jam)', en: 'KN1 (6–48 hours)' },
    cluster: 'k2-anak',
    source: 'kn.kn1',
    denominator: sasaran('bayi'),
    attribution: { id: 'Bulan kunjungan KN1 pertama', en: 'Month of the first KN1 visit' },
    regulation: PWS_KIA,
  }),
  define({
    code: 'KN_LENGKAP',
    name: { id: 'KN lengkap (KN1–KN3)', en: 'Complete neonatal visits (KN1–KN3)' },
    cluster: 'k2-anak',
    source: 'kn.lengkap',
    denominator: sasaran('bayi'),
    attribution: {
      id: 'Bulan KN3 pertama, bila KN1 dan KN2 juga tercatat',
      en: 'Month of the first KN3, when KN1 and KN2 are also recorded',
    },
    regulation: PWS_KIA,
  }),
];

const prevalence = (code: string, name: Label, source: string, among: Label): IndicatorDefinition =>
  define({
    code,
    name,
    cluster: 'k2-gizi',
    source,
    mode: 'status',
    denominator: { kind: 'observed' },
    goal: null,
    attribution: {
      id: `Di antara balita ${among.id}; pengukuran terakhir tiap anak dalam periode menentukan`,
      en: `Among under-fives ${among.en}; each child's latest measurement in the period decides`,
    },
    regulation: GIZI,
  });

const WEIGHED: Label = { id: 'yang ditimbang', en: 'weighed' };
const MEASURED: Label = { id: 'yang diukur panjang/tinggi', en: 'measured for length/height' };

const GIZI_LIST: IndicatorDefinition[] = [
  define({
    code: 'DS',
    name: { id: 'D/S (partisipasi penimbangan)', en: 'D/S (weighing participation)' },
    cluster: 'k2-gizi',
    source: 'gizi.ditimbang',
    denominator: { kind: 'population', population: 'balita_0_59' },
    goal: 80,
    attribution: {
      id: 'Balita ditimbang dalam periode (sekali per anak) dibagi balita terdaftar 0–59 bulan pada akhir bulan',
      en: 'Under-fives weighed in the period (once each) over registered children 0–59 months at month end',
    },
    regulation: GIZI,
  }),
  define({
    code: 'ND',
    name: { id: 'N/D (naik berat badan)', en: 'N/D (weight gained)' },
    cluster: 'k2-gizi',
    source: 'gizi.naik',
    mode: 'status',
    denominator: { kind: 'observed' },
    goal: null,
    attribution: {
      id: 'Penimbangan terakhir tiap bulan dibanding bulan lalu dengan tabel KBM; O dan B bukan N',
      en: "Each month's latest weighing against last month's with the KBM table; O and B are not N",
    },
    regulation: GIZI,
  }),
  prevalence(
    'BGM',
    { id: 'BGM (BB/U < −3 SD, lama)', en: 'BGM (weight-for-age < −3 SD, legacy)' },
    'gizi.bgm',
    WEIGHED,
  ),
  prevalence(
    'STUNTING',
    { id: 'Stunting (PB/U atau TB/U < −2 SD)', en: 'Stunting (length/height-for-age < −2 SD)' },
    'gizi.stunting',
    MEASURED,
  ),
  prevalence(
    'WASTING',
    { id: 'Wasting (BB/PB atau BB/TB < −2 SD)', en: 'Wasting (weight-for-length/height < −2 SD)' },
    'gizi.wasting',
    MEASURED,
  ),
  prevalence(
    'UNDERWEIGHT',
    { id: 'Underweight (BB/U < −2 SD)', en: 'Underweight (weight-for-age < −2 SD)' },
    'gizi.underweight',
    WEIGHED,
  ),
  prevalence(
    'OVERWEIGHT',
    { id: 'Gizi lebih (BB/PB > +2 SD)', en: 'Overweight (weight-for-length > +2 SD)' },
    'gizi.overweight',
    MEASURED,
  ),
  define({
    code: 'VITA_BIRU',
    name: { id: 'Vitamin A biru (6–11 bulan)', en: 'Vitamin A blue (6–11 months)' },
    cluster: 'k2-gizi',
    source: 'vita.biru',
    denominator: { kind: 'population', population: 'vita_biru' },
    attribution: {
      id: 'Bayi yang mendapat kapsul biru dalam periode (Februari/Agustus), dibagi bayi 6–11 bulan terdaftar pada akhir bulan',
      en: 'Infants given a blue capsule in the period (February/August) over registered infants 6–11 months at month end',
    },
    regulation: 'Permenkes 21/2015 (domain.md §2.10, §5.3) [S]',
  }),
  define({
    code: 'VITA_MERAH',
    name: { id: 'Vitamin A merah (12–59 bulan)', en: 'Vitamin A red (12–59 months)' },
    cluster: 'k2-gizi',
    source: 'vita.merah',
    denominator: { kind: 'population', population: 'vita_merah' },
    attribution: {
      id: 'Balita yang mendapat kapsul merah dalam periode, dibagi balita 12–59 bulan terdaftar pada akhir bulan',
      en: 'Children given a red capsule in the period over registered children 12–59 months at month end',
    },
    regulation: 'Permenkes 21/2015 (domain.md §2.10, §5.3) [S]',
  }),
];

const IMUNISASI: IndicatorDefinition[] = [
  ...COVERAGE_DOSES.map((dose) =>
    define({
      code: `IMUN_${dose}`,
      name: DOSE_LABELS[dose],
      cluster: 'k2-imunisasi',
      source: doseSource(dose),
      denominator: sasaran(doseTarget(dose)),
      attribution: {
        id: 'Dosis pertama antigen ini per anak, pada bulan pemberian (termasuk dari buku KIA)',
        en: 'Each child’s first dose of the antigen, in the month given (Buku KIA records included)',
      },
      regulation: IMUN,
    }),
  ),
  define({
    code: 'IDL',
    name: { id: 'Imunisasi Dasar Lengkap (IDL)', en: 'Complete basic immunisation (IDL)' },
    cluster: 'k2-imunisasi',
    source: 'imun.idl',
    denominator: sasaran('surviving_infant'),
    attribution: {
      id: 'Bulan dosis wajib terakhir, bila semua dosis diberikan sebelum umur 12 bulan',
      en: 'Month of the last required dose, when every dose was given before 12 months',
    },
    regulation: IMUN,
  }),
  define({
    code: 'DO_DPT1_DPT3',
    name: { id: 'Drop-out DPT-HB-Hib 1 → 3', en: 'Drop-out DTP-HepB-Hib 1 → 3' },
    cluster: 'k2-imunisasi',
    source: doseSource('DPT_HB_HIB1'),
    denominator: { kind: 'dropout', later: doseSource('DPT_HB_HIB3') },
    goal: null,
    attribution: {
      id: '(DPT1 − DPT3) ÷ DPT1 × 100 dari dosis dalam periode; target < 5%',
      en: '(DTP1 − DTP3) ÷ DTP1 × 100 from doses in the period; target < 5%',
    },
    regulation: IMUN,
  }),
  define({
    code: 'DO_DPT1_MR',
    name: { id: 'Drop-out DPT-HB-Hib 1 → MR', en: 'Drop-out DTP-HepB-Hib 1 → MR' },
    cluster: 'k2-imunisasi',
    source: doseSource('DPT_HB_HIB1'),
    denominator: { kind: 'dropout', later: doseSource('MR1') },
    goal: null,
    attribution: {
      id: '(DPT1 − MR1) ÷ DPT1 × 100 dari dosis dalam periode; target < 5%',
      en: '(DTP1 − MR1) ÷ DTP1 × 100 from doses in the period; target < 5%',
    },
    regulation: IMUN,
  }),
];

/** Klaster 2 indicators in report order. */
export const K2_INDICATORS: readonly IndicatorDefinition[] = [
  ...IBU,
  ...ANAK,
  ...GIZI_LIST,
  ...IMUNISASI,
];
