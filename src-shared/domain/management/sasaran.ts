/**
 * Sasaran (annual targets) per desa and year: the denominators of every coverage report
 * (domain.md §4, §5.2–5.7). Reports read a target by (year, desa, group code); the codes below
 * are stable and never renamed.
 *
 * Three ways in, each recorded as the target's source: typed, imported from the template the
 * app exports (how Dinkes distributes targets), or estimated from the population with the
 * PWS-KIA formulas. The estimation constants are [GK/UNCONFIRMED] (domain.md §5.7, §9): they are
 * a `ReferenceSet` whose values a puskesmas may edit per year; every estimated target records the
 * constants (set, year, revision) and the population it came from.
 */
import type { ReferenceSet } from '../reference';
import { numberLabel, refusal, type Label, type Refusal } from '../refusal';

export const SASARAN_GROUPS = [
  'penduduk',
  'bumil',
  'bulin',
  'bufas',
  'bayi',
  'surviving_infant',
  'baduta',
  'balita',
  'prasekolah',
  'kelas1',
  'kelas7',
  'kelas10',
  'remaja',
  'wus',
  'pus',
  'produktif',
  'lansia',
  'ht',
  'dm',
  'odgj_berat',
  'terduga_tb',
  'risiko_hiv',
] as const;
export type SasaranGroup = (typeof SASARAN_GROUPS)[number];

/** How the groups are shown together (the table has one view per category). */
export const SASARAN_CATEGORIES = ['kia', 'usia', 'ptm'] as const;
export type SasaranCategory = (typeof SASARAN_CATEGORIES)[number];

export const SASARAN_CATEGORY_LABELS: Record<SasaranCategory, Label> = {
  kia: { id: 'Ibu, bayi dan balita', en: 'Mothers, infants and under-fives' },
  usia: { id: 'Usia sekolah sampai lansia', en: 'School age to elderly' },
  ptm: { id: 'Estimasi penderita/berisiko', en: 'Estimated patients and people at risk' },
};

export interface SasaranGroupInfo {
  readonly code: SasaranGroup;
  readonly category: SasaranCategory | 'dasar';
  /** Short label for table headers. */
  readonly short: Label;
  readonly label: Label;
  /** Who is counted (age, sex, definition) and, for estimates, the formula. */
  readonly definition: Label;
  /**
   * Age bounds in completed months (inclusive) when the group is an age band of the population,
   * so a report may compare with the registry. `max: null` = no upper bound.
   */
  readonly ageMonths?: { readonly min: number; readonly max: number | null };
  /** Women only. */
  readonly female?: true;
}

const year = (n: number) => n * 12;

export const SASARAN_GROUP_INFO: Record<SasaranGroup, SasaranGroupInfo> = {
  penduduk: {
    code: 'penduduk',
    category: 'dasar',
    short: { id: 'Penduduk', en: 'Population' },
    label: { id: 'Jumlah penduduk', en: 'Population' },
    definition: {
      id: 'Seluruh penduduk desa/kelurahan (jiwa); dasar semua estimasi',
      en: 'All residents of the village (persons); the base of every estimate',
    },
  },
  bumil: {
    code: 'bumil',
    category: 'kia',
    short: { id: 'Bumil', en: 'Pregnant' },
    label: { id: 'Ibu hamil', en: 'Pregnant women' },
    definition: {
      id: 'Perkiraan ibu hamil dalam setahun: 1,10 × angka kelahiran kasar × penduduk',
      en: 'Expected pregnant women in a year: 1.10 × crude birth rate × population',
    },
    female: true,
  },
  bulin: {
    code: 'bulin',
    category: 'kia',
    short: { id: 'Bulin', en: 'Deliveries' },
    label: { id: 'Ibu bersalin', en: 'Women giving birth' },
    definition: {
      id: 'Perkiraan ibu bersalin dalam setahun: 1,05 × angka kelahiran kasar × penduduk',
      en: 'Expected deliveries in a year: 1.05 × crude birth rate × population',
    },
    female: true,
  },
  bufas: {
    code: 'bufas',
    category: 'kia',
    short: { id: 'Bufas', en: 'Postpartum' },
    label: { id: 'Ibu nifas', en: 'Postpartum women' },
    definition: {
      id: 'Ibu nifas (6 jam–42 hari setelah bersalin); sama dengan ibu bersalin',
      en: 'Postpartum women (6 hours–42 days after delivery); equal to deliveries',
    },
    female: true,
  },
  bayi: {
    code: 'bayi',
    category: 'kia',
    short: { id: 'Bayi', en: 'Live births' },
    label: { id: 'Bayi (lahir hidup)', en: 'Infants (live births)' },
    definition: {
      id: 'Bayi lahir hidup dalam setahun (0–11 bulan): angka kelahiran kasar × penduduk',
      en: 'Live births in a year (0–11 months): crude birth rate × population',
    },
    ageMonths: { min: 0, max: 11 },
  },
  surviving_infant: {
    code: 'surviving_infant',
    category: 'kia',
    short: { id: 'Surv. inf.', en: 'Surv. inf.' },
    label: { id: 'Surviving infant', en: 'Surviving infants' },
    definition: {
      id: 'Bayi yang bertahan hidup sampai usia 1 tahun: bayi − (AKB × bayi); sasaran imunisasi',
      en: 'Infants surviving to age 1: live births − (IMR × live births); immunisation target',
    },
    ageMonths: { min: 0, max: 11 },
  },
  baduta: {
    code: 'baduta',
    category: 'kia',
    short: { id: 'Baduta', en: 'Under-2' },
    label: { id: 'Baduta', en: 'Children under two' },
    definition: { id: 'Anak usia 0–23 bulan', en: 'Children aged 0–23 months' },
    ageMonths: { min: 0, max: 23 },
  },
  balita: {
    code: 'balita',
    category: 'kia',
    short: { id: 'Balita', en: 'Under-5' },
    label: { id: 'Balita', en: 'Children under five' },
    definition: { id: 'Anak usia 0–59 bulan', en: 'Children aged 0–59 months' },
    ageMonths: { min: 0, max: 59 },
  },
  prasekolah: {
    code: 'prasekolah',
    category: 'kia',
    short: { id: 'Prasekolah', en: 'Preschool' },
    label: { id: 'Anak prasekolah', en: 'Preschool children' },
    definition: { id: 'Anak usia 60–72 bulan', en: 'Children aged 60–72 months' },
    ageMonths: { min: 60, max: 72 },
  },
  kelas1: {
    code: 'kelas1',
    category: 'usia',
    short: { id: 'Kelas 1', en: 'Grade 1' },
    label: { id: 'Anak kelas 1 SD/MI', en: 'Grade 1 pupils (primary)' },
    definition: {
      id: 'Murid kelas 1 SD/MI/sederajat (sasaran BIAS dan skrining sekolah)',
      en: 'Grade 1 pupils (school immunisation and screening target)',
    },
  },
  kelas7: {
    code: 'kelas7',
    category: 'usia',
    short: { id: 'Kelas 7', en: 'Grade 7' },
    label: { id: 'Anak kelas 7 SMP/MTs', en: 'Grade 7 pupils (junior secondary)' },
    definition: {
      id: 'Murid kelas 7 SMP/MTs/sederajat (skrining sekolah)',
      en: 'Grade 7 pupils (school screening target)',
    },
  },
  kelas10: {
    code: 'kelas10',
    category: 'usia',
    short: { id: 'Kelas 10', en: 'Grade 10' },
    label: { id: 'Anak kelas 10 SMA/MA/SMK', en: 'Grade 10 pupils (senior secondary)' },
    definition: {
      id: 'Murid kelas 10 SMA/MA/SMK/sederajat (skrining sekolah)',
      en: 'Grade 10 pupils (school screening target)',
    },
  },
  remaja: {
    code: 'remaja',
    category: 'usia',
    short: { id: 'Remaja', en: 'Adolescents' },
    label: { id: 'Remaja', en: 'Adolescents' },
    definition: { id: 'Penduduk usia 10–18 tahun', en: 'Residents aged 10–18 years' },
    ageMonths: { min: year(10), max: year(18) + 11 },
  },
  wus: {
    code: 'wus',
    category: 'usia',
    short: { id: 'WUS', en: 'WRA' },
    label: { id: 'Wanita usia subur (WUS)', en: 'Women of reproductive age' },
    definition: { id: 'Perempuan usia 15–49 tahun', en: 'Women aged 15–49 years' },
    ageMonths: { min: year(15), max: year(49) + 11 },
    female: true,
  },
  pus: {
    code: 'pus',
    category: 'usia',
    short: { id: 'PUS', en: 'Couples' },
    label: { id: 'Pasangan usia subur (PUS)', en: 'Couples of reproductive age' },
    definition: {
      id: 'Pasangan suami-istri dengan istri berusia 15–49 tahun (sasaran KB)',
      en: 'Married couples with the wife aged 15–49 (family planning target)',
    },
  },
  produktif: {
    code: 'produktif',
    category: 'usia',
    short: { id: '15–59 th', en: '15–59 y' },
    label: { id: 'Usia produktif 15–59 tahun', en: 'Productive age 15–59 years' },
    definition: {
      id: 'Penduduk usia 15–59 tahun (SPM usia produktif)',
      en: 'Residents aged 15–59 (SPM productive age)',
    },
    ageMonths: { min: year(15), max: year(59) + 11 },
  },
  lansia: {
    code: 'lansia',
    category: 'usia',
    short: { id: 'Lansia', en: 'Elderly' },
    label: { id: 'Lansia ≥ 60 tahun', en: 'Elderly ≥ 60 years' },
    definition: { id: 'Penduduk usia 60 tahun ke atas', en: 'Residents aged 60 and over' },
    ageMonths: { min: year(60), max: null },
  },
  ht: {
    code: 'ht',
    category: 'ptm',
    short: { id: 'Hipertensi', en: 'Hypertension' },
    label: { id: 'Estimasi penderita hipertensi', en: 'Estimated hypertension patients' },
    definition: {
      id: 'Usia ≥ 15 tahun: prevalensi hipertensi × penduduk ≥ 15 tahun (SPM 8)',
      en: 'Aged ≥ 15: hypertension prevalence × population ≥ 15 (SPM 8)',
    },
  },
  dm: {
    code: 'dm',
    category: 'ptm',
    short: { id: 'DM', en: 'Diabetes' },
    label: { id: 'Estimasi penderita diabetes melitus', en: 'Estimated diabetes patients' },
    definition: {
      id: 'Usia ≥ 15 tahun: prevalensi DM × penduduk ≥ 15 tahun (SPM 9)',
      en: 'Aged ≥ 15: diabetes prevalence × population ≥ 15 (SPM 9)',
    },
  },
  odgj_berat: {
    code: 'odgj_berat',
    category: 'ptm',
    short: { id: 'ODGJ berat', en: 'Severe mental' },
    label: { id: 'Estimasi ODGJ berat', en: 'Estimated severe mental illness' },
    definition: {
      id: 'Orang dengan gangguan jiwa berat: prevalensi per mil × penduduk (SPM 10)',
      en: 'People with severe mental illness: prevalence per mille × population (SPM 10)',
    },
  },
  terduga_tb: {
    code: 'terduga_tb',
    category: 'ptm',
    short: { id: 'Terduga TB', en: 'Presumptive TB' },
    label: { id: 'Estimasi orang terduga TB', en: 'Estimated presumptive TB' },
    definition: {
      id: 'Insidensi TB × penduduk × pengali terduga (SPM 11)',
      en: 'TB incidence × population × presumptive multiplier (SPM 11)',
    },
  },
  risiko_hiv: {
    code: 'risiko_hiv',
    category: 'ptm',
    short: { id: 'Risiko HIV', en: 'HIV risk' },
    label: {
      id: 'Estimasi orang berisiko terinfeksi HIV',
      en: 'Estimated people at risk of HIV',
    },
    definition: {
      id: 'Ibu hamil + pasien TB + populasi kunci (SPM 12)',
      en: 'Pregnant women + TB patients + key populations (SPM 12)',
    },
  },
};

export function groupsOf(category: SasaranCategory): SasaranGroup[] {
  return SASARAN_GROUPS.filter((g) => SASARAN_GROUP_INFO[g].category === category);
}

/** How a target came in. Stored with each target; append only. */
export const SASARAN_SOURCES = ['ketik', 'impor', 'estimasi', 'bagi', 'salin', 'registri'] as const;
export type SasaranSource = (typeof SASARAN_SOURCES)[number];

export const SASARAN_SOURCE_LABELS: Record<SasaranSource, Label> = {
  ketik: { id: 'Diketik', en: 'Typed' },
  impor: { id: 'Impor templat', en: 'Imported template' },
  estimasi: { id: 'Estimasi PWS-KIA', en: 'PWS-KIA estimate' },
  bagi: { id: 'Bagian total puskesmas', en: 'Share of puskesmas total' },
  salin: { id: 'Disalin dari tahun lain', en: 'Copied from another year' },
  registri: { id: 'Dihitung dari registri', en: 'Counted from the registry' },
};

/** Groups given as a percentage of the population by the Pusdatin proportion table. */
export const SHARE_GROUPS = [
  'baduta',
  'balita',
  'prasekolah',
  'kelas1',
  'kelas7',
  'kelas10',
  'remaja',
  'wus',
  'pus',
  'produktif',
  'lansia',
] as const satisfies readonly SasaranGroup[];
export type ShareGroup = (typeof SHARE_GROUPS)[number];

/** The editable constants of the estimate. Rates are per mille / percent as written in guides. */
export interface SasaranConstants {
  /** Angka kelahiran kasar (crude birth rate), per 1,000 population. */
  readonly cbrPerMille: number;
  /** Ibu hamil = this × CBR × population (PWS-KIA 2009: 1.10). */
  readonly bumilFactor: number;
  /** Ibu bersalin (= ibu nifas) = this × CBR × population (PWS-KIA 2009: 1.05). */
  readonly bulinFactor: number;
  /** Angka kematian bayi, per 1,000 live births: surviving infants = bayi × (1 − AKB/1000). */
  readonly imrPerMille: number;
  /** Each age group as a percentage of the population (Pusdatin proportions). */
  readonly percent: Readonly<Record<ShareGroup, number>>;
  /** Hypertension prevalence among residents ≥ 15, percent. */
  readonly htPrevalencePercent: number;
  /** Diabetes prevalence among residents ≥ 15, percent. */
  readonly dmPrevalencePercent: number;
  /** Severe mental illness, per 1,000 population. */
  readonly odgjBeratPerMille: number;
  /** TB incidence per 100,000 population per year. */
  readonly tbIncidencePer100k: number;
  /** Presumptive TB to examine per expected TB case (SPM technical guide: 10). */
  readonly tbPresumptiveMultiplier: number;
  /** Key populations at risk of HIV (sex workers, MSM, PWID, prisoners…), per 1,000 population. */
  readonly hivKeyPopulationPerMille: number;
}

export interface SasaranConstantSet extends ReferenceSet {
  readonly values: SasaranConstants;
}

/**
 * The shipped defaults. Every number is [GK/UNCONFIRMED] (domain.md §5.7, §9): Dinkes usually
 * issues its own; a puskesmas edits them per year and the edits are kept as revisions.
 */
export const SASARAN_CONSTANTS_DEFAULT: SasaranConstantSet = {
  id: 'sasaran.pws-kia-2009',
  title: 'Estimasi sasaran PWS-KIA 2009 dengan proporsi penduduk nasional',
  validFrom: '2009-01-01',
  source:
    'domain.md §5.7: PWS-KIA 2009 formulas (1,10 / 1,05 × CBR) [GK/UNCONFIRMED constants]; ' +
    'CBR ≈ 16,5‰ and AKB 16,85‰ (BPS, Long Form SP2020) [GK]; age proportions approximated from ' +
    'the national population pyramid [GK]; HT 30,8% (SKI 2023, ≥ 18 tahun, pengukuran) and DM 2,0% ' +
    '(Riskesdas 2018, diagnosis dokter, ≥ 15 tahun) [GK]; ODGJ berat 7‰ rumah tangga (Riskesdas ' +
    '2018) ≈ 1,8‰ penduduk [GK]; TB insidensi 387/100.000 (WHO Global TB Report 2024) × 10 terduga ' +
    '[GK]; populasi kunci HIV 2‰ [UNCONFIRMED]',
  values: {
    cbrPerMille: 16.5,
    bumilFactor: 1.1,
    bulinFactor: 1.05,
    imrPerMille: 16.85,
    percent: {
      baduta: 3.3,
      balita: 8.1,
      prasekolah: 1.7,
      kelas1: 1.8,
      kelas7: 1.7,
      kelas10: 1.5,
      remaja: 15,
      wus: 26.5,
      pus: 17,
      produktif: 64.5,
      lansia: 11,
    },
    htPrevalencePercent: 30.8,
    dmPrevalencePercent: 2,
    odgjBeratPerMille: 1.8,
    tbIncidencePer100k: 387,
    tbPresumptiveMultiplier: 10,
    hivKeyPopulationPerMille: 2,
  },
};

/**
 * A count of persons from an estimate: nearest whole person, halves up. The estimate is first
 * rounded to 9 decimals so binary fractions (16.499999999…) do not decide the person.
 */
export function roundTarget(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  const cleaned = Math.round(x * 1e9) / 1e9;
  return Math.floor(cleaned + 0.5);
}

/** The unrounded estimate of every group from a population (domain.md §5.7). */
export function estimateExact(penduduk: number, c: SasaranConstants): Record<SasaranGroup, number> {
  const p = Math.max(0, penduduk);
  const bayi = (c.cbrPerMille / 1000) * p;
  const bumil = c.bumilFactor * bayi;
  const bulin = c.bulinFactor * bayi;
  const share = (g: ShareGroup) => (c.percent[g] / 100) * p;
  // Residents ≥ 15 = 15–59 + ≥ 60.
  const adults = share('produktif') + share('lansia');
  const tbCases = (c.tbIncidencePer100k / 100_000) * p;
  return {
    penduduk: p,
    bumil,
    bulin,
    bufas: bulin,
    bayi,
    surviving_infant: bayi * (1 - c.imrPerMille / 1000),
    baduta: share('baduta'),
    balita: share('balita'),
    prasekolah: share('prasekolah'),
    kelas1: share('kelas1'),
    kelas7: share('kelas7'),
    kelas10: share('kelas10'),
    remaja: share('remaja'),
    wus: share('wus'),
    pus: share('pus'),
    produktif: share('produktif'),
    lansia: share('lansia'),
    ht: (c.htPrevalencePercent / 100) * adults,
    dm: (c.dmPrevalencePercent / 100) * adults,
    odgj_berat: (c.odgjBeratPerMille / 1000) * p,
    terduga_tb: tbCases * c.tbPresumptiveMultiplier,
    risiko_hiv: bumil + tbCases + (c.hivKeyPopulationPerMille / 1000) * p,
  };
}

/** Every group's target (whole persons) estimated from a desa's population. */
export function estimateSasaran(
  penduduk: number,
  c: SasaranConstants,
): Record<SasaranGroup, number> {
  const exact = estimateExact(penduduk, c);
  return Object.fromEntries(SASARAN_GROUPS.map((g) => [g, roundTarget(exact[g])])) as Record<
    SasaranGroup,
    number
  >;
}

/**
 * Split a whole-number total across parts in proportion to their weights, so the parts are whole
 * numbers that add up to the total exactly (largest remainder; ties go to the larger weight, then
 * to the earlier part). A part with weight 0 gets 0. Throws when every weight is 0 and the total
 * is not (nothing to split by) or a weight is negative.
 */
export function splitProportional(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`Total must be ≥ 0: ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0))
    throw new RangeError('Weights must be ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('All weights are 0');
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(Math.round(x * 1e9) / 1e9));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - parts[i]!, w: weights[i]! }))
    .filter((o) => o.w > 0)
    .sort((a, b) => b.rest - a.rest || b.w - a.w || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    parts[o.i]! += 1;
    left -= 1;
  }
  return parts;
}

export type SasaranRefusalCode = 'ABOVE_POPULATION' | 'BELOW_TARGETS';

/** The largest number of persons a target may have (a kabupaten is far below this). */
export const SASARAN_MAX = 10_000_000;

/**
 * A desa's targets must not exceed its population: every group counts residents (or events
 * among them). `values` holds the targets after the change (typed, imported or kept);
 * refusals point at `pathOf(group)`. When the population itself is what changed (`changed`
 * holds only `penduduk`), the refusal names the population and the largest target above it.
 */
export function checkAgainstPopulation(
  values: Partial<Record<SasaranGroup, number | null>>,
  changed: readonly SasaranGroup[],
  pathOf: (group: SasaranGroup) => string,
): Refusal<SasaranRefusalCode>[] {
  const penduduk = values.penduduk;
  if (penduduk === null || penduduk === undefined) return [];
  const refusals: Refusal<SasaranRefusalCode>[] = [];
  const above = SASARAN_GROUPS.filter(
    (g) => g !== 'penduduk' && (values[g] ?? null) !== null && values[g]! > penduduk,
  );
  for (const g of above) {
    if (changed.includes(g)) {
      refusals.push(
        refusal('ABOVE_POPULATION', pathOf(g), SASARAN_GROUP_INFO[g].label, {
          id: `lebih besar dari jumlah penduduk desa (${numberLabel(penduduk).id})`,
          en: `is larger than the village population (${numberLabel(penduduk).en})`,
        }),
      );
    }
  }
  const keptAbove = above.filter((g) => !changed.includes(g));
  if (changed.includes('penduduk') && keptAbove.length > 0) {
    const g = keptAbove.reduce((a, b) => (values[b]! > values[a]! ? b : a));
    const info = SASARAN_GROUP_INFO[g];
    refusals.push(
      refusal('BELOW_TARGETS', pathOf('penduduk'), SASARAN_GROUP_INFO.penduduk.label, {
        id: `lebih kecil dari sasaran ${info.label.id} yang tersimpan (${numberLabel(values[g]!).id})`,
        en: `is smaller than the stored ${info.label.en} target (${numberLabel(values[g]!).en})`,
      }),
    );
  }
  return refusals;
}

/**
 * A count typed in a spreadsheet cell or CSV: digits, optionally grouped by dots
 * (`12.345`, Indonesian) or spaces. Anything else (decimals, letters) is returned unchanged for
 * the schema to refuse with a message; an empty cell is `null`.
 */
export function parseCountText(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d{1,3}([. ]\d{3})+$/.test(t)) return Number(t.replace(/[. ]/g, ''));
  // "12,0" and "12.0" are whole numbers written with a decimal part of zero.
  if (/^-?\d+[.,]0+$/.test(t)) return Number(t.replace(/[.,]0+$/, ''));
  if (/^-?\d+[.,]\d+$/.test(t)) return Number(t.replace(',', '.'));
  return t;
}
