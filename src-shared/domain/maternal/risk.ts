/**
 * Risk rules of the ANC contact (domain.md §2.2, §5.2): KEK, anaemia, hypertension in pregnancy,
 * "4 Terlalu", short stature, abnormal DJJ, and the `riskFlags` aggregate. Every cut-off is a
 * `RiskSet` value; every measurement is first checked against the `PlausibilitySet` and an
 * impossible one is refused, never flagged.
 */
import { addDays, completedYears, isIsoDate } from '../dates';
import type { ReferenceSet } from '../reference';
import { checkDate, fail, ok, refusal, type Label } from '../refusal';
import type { CodeLabels, MaternalChecked, MaternalRefusal } from './codes';
import { jarakKehamilanBulan, NAEGELE_DAYS } from './dating';
import {
  checkCount,
  checkRange,
  RANGE_FIELD_LABELS,
  type PlausibilitySet,
  type RangeField,
} from './plausibility';

export interface RiskSet extends ReferenceSet {
  /** KEK when LILA < this (cm). domain.md §2.2: 23.5 [GK]. */
  readonly lilaKekBelowCm: number;
  /**
   * SATUSEHAT LILA interpretation: OI000018 "KEK" below this, OI000035 "Risiko KEK" from here up
   * to `lilaKekBelowCm` (third-party transcription of the SATUSEHAT ANC playbook: 23 cm).
   */
  readonly lilaSatusehatKekBelowCm: number;
  /** Anaemia when Hb < this (g/dL). domain.md §2.2: 11 [GK]. */
  readonly hbAnemiaBelowGdl: number;
  /** Hypertension when systolic ≥ this OR diastolic ≥ `diastolicFrom` (mmHg). 140/90 [GK]. */
  readonly systolicFrom: number;
  readonly diastolicFrom: number;
  /**
   * The date on which the mother's age is taken for "terlalu muda/tua": `HPHT` (default: one
   * value per pregnancy, known at K1), `HPL` (age at the expected delivery; SATUSEHAT's 4T item
   * says "usia melahirkan") or `VISIT` (age at each visit; the flag can then change mid-pregnancy).
   */
  readonly ageAt: 'HPHT' | 'HPL' | 'VISIT';
  /**
   * Terlalu muda when completed years < this. domain.md §2.2: < 20 [GK]. (The SATUSEHAT ANC 4T
   * questionnaire item reads "di bawah 21 tahun" in one table and "di bawah 20 tahun" in another.)
   */
  readonly tooYoungBelowYears: number;
  /** Terlalu tua when completed years > this (35 → 36 and older). domain.md §2.2: > 35 [GK]. */
  readonly tooOldAboveYears: number;
  /** Terlalu dekat when jarak kehamilan < this many completed months. domain.md: < 2 yr = 24. */
  readonly tooCloseBelowMonths: number;
  /** Terlalu banyak when para (previous births) ≥ this. domain.md "≥ 4 anak" [GK]. */
  readonly tooManyFromPara: number;
  /** Short stature (CPD risk) when height < this (cm). domain.md §2.2: 145 [GK]. */
  readonly shortBelowCm: number;
  /** Normal DJJ range, inclusive (/min). domain.md §2.2: 120–160 [GK]. */
  readonly djjNormal: { readonly min: number; readonly max: number };
}

export const RISK_DEFAULT: RiskSet = {
  id: 'anc.risk.2021',
  title: 'Faktor risiko ibu hamil (KEK, anemia, hipertensi, 4 Terlalu, TB, DJJ)',
  validFrom: '2020-01-01',
  source:
    'domain.md §2.2 per-contact table and "4 Terlalu" [GK]; LILA interpretation codes from a third-party transcription of the SATUSEHAT ANC playbook',
  lilaKekBelowCm: 23.5,
  lilaSatusehatKekBelowCm: 23,
  hbAnemiaBelowGdl: 11,
  systolicFrom: 140,
  diastolicFrom: 90,
  ageAt: 'HPHT',
  tooYoungBelowYears: 20,
  tooOldAboveYears: 35,
  tooCloseBelowMonths: 24,
  tooManyFromPara: 4,
  shortBelowCm: 145,
  djjNormal: { min: 120, max: 160 },
};

/** KEK (kurang energi kronis): LILA < 23.5 cm (23.4 → KEK, 23.5 → not). */
export function isKek(lilaCm: number, set: RiskSet): boolean {
  return lilaCm < set.lilaKekBelowCm;
}

export type LilaInterpretation = 'KEK' | 'RISIKO_KEK' | 'NORMAL';

/**
 * The SATUSEHAT interpretation of LILA: `KEK` (OI000018, < 23), `RISIKO_KEK` (OI000035,
 * 23–< 23.5), `NORMAL` (v3 `N`, ≥ 23.5). Both KEK and RISIKO_KEK satisfy `isKek`.
 */
export function lilaInterpretation(
  lilaCm: number,
  set: RiskSet,
): { readonly code: LilaInterpretation; readonly satusehatCode: string } {
  if (lilaCm < set.lilaSatusehatKekBelowCm) return { code: 'KEK', satusehatCode: 'OI000018' };
  if (lilaCm < set.lilaKekBelowCm) return { code: 'RISIKO_KEK', satusehatCode: 'OI000035' };
  return { code: 'NORMAL', satusehatCode: 'N' };
}

/** Anaemia in pregnancy: Hb < 11.0 g/dL (10.9 → anaemia, 11.0 → not). */
export function isAnemia(hbGdl: number, set: RiskSet): boolean {
  return hbGdl < set.hbAnemiaBelowGdl;
}

/** Hipertensi dalam kehamilan: systolic ≥ 140 OR diastolic ≥ 90 mmHg (139/89 → no). */
export function isHipertensiKehamilan(systolic: number, diastolic: number, set: RiskSet): boolean {
  return systolic >= set.systolicFrom || diastolic >= set.diastolicFrom;
}

/** Height < 145 cm (144.9 → yes, 145 → no): risk of cephalopelvic disproportion. */
export function isTinggiBadanRendah(heightCm: number, set: RiskSet): boolean {
  return heightCm < set.shortBelowCm;
}

/** DJJ outside 120–160 /min (119 and 161 abnormal; 120 and 160 normal). */
export function isDjjTidakNormal(djjPerMin: number, set: RiskSet): boolean {
  return djjPerMin < set.djjNormal.min || djjPerMin > set.djjNormal.max;
}

/** One ANC contact's measurements; every field optional. */
export interface AncMeasurements {
  readonly weightKg?: number;
  readonly heightCm?: number;
  readonly lilaCm?: number;
  readonly systolic?: number;
  readonly diastolic?: number;
  readonly hbGdl?: number;
  readonly djjPerMin?: number;
  readonly tfuCm?: number;
}

const MEASUREMENT_FIELDS: readonly (keyof AncMeasurements & RangeField)[] = [
  'weightKg',
  'heightCm',
  'lilaCm',
  'systolic',
  'diastolic',
  'hbGdl',
  'djjPerMin',
  'tfuCm',
];

/**
 * Refuse impossible measurements: each value outside its plausibility range (`OUT_OF_RANGE`,
 * `NOT_A_NUMBER`), blood pressure with only one side (`BP_INCOMPLETE`), diastolic not below
 * systolic (`BP_DIASTOLIC_NOT_BELOW_SYSTOLIC`). All problems are returned at once.
 */
export function checkAncMeasurements(
  m: AncMeasurements,
  plausibility: PlausibilitySet,
): MaternalChecked<AncMeasurements> {
  const issues: MaternalRefusal[] = [];
  for (const field of MEASUREMENT_FIELDS) {
    const value = m[field];
    if (value === undefined) continue;
    issues.push(...checkRange(field, value, plausibility));
  }
  const hasSys = m.systolic !== undefined;
  const hasDia = m.diastolic !== undefined;
  if (hasSys !== hasDia) {
    const missing = hasSys ? 'diastolic' : 'systolic';
    issues.push(
      refusal('BP_INCOMPLETE', missing, RANGE_FIELD_LABELS[missing].label, {
        id: 'isi sistolik dan diastolik bersama-sama.',
        en: 'enter systolic and diastolic together.',
      }),
    );
  } else if (
    hasSys &&
    issues.every((r) => r.path !== 'systolic' && r.path !== 'diastolic') &&
    m.diastolic! >= m.systolic!
  ) {
    issues.push(
      refusal('BP_DIASTOLIC_NOT_BELOW_SYSTOLIC', 'diastolic', RANGE_FIELD_LABELS.diastolic.label, {
        id: 'harus lebih rendah dari sistolik.',
        en: 'must be lower than systolic.',
      }),
    );
  }
  return issues.length > 0 ? fail(issues) : ok(m);
}

/** Gravida / para / abortus as written in the kohort (G includes the current pregnancy). */
export interface ObstetricHistory {
  readonly gravida?: number;
  readonly para?: number;
  readonly abortus?: number;
}

const PARITY: Label = { id: 'Paritas', en: 'Parity' };
const ABORTUS: Label = { id: 'Abortus', en: 'Abortions' };

/**
 * Refuse impossible G-P-A: gravida 1–20, para and abortus whole numbers ≥ 0, and P + A ≤ G − 1
 * (the current pregnancy is one of G and has not ended yet) → `GPA_INCONSISTENT` on `para`.
 */
export function checkObstetricHistory(
  h: ObstetricHistory,
  plausibility: PlausibilitySet,
): MaternalChecked<ObstetricHistory> {
  const issues: MaternalRefusal[] = [];
  if (h.gravida !== undefined) {
    const notCount = checkCount(h.gravida, 'gravida', RANGE_FIELD_LABELS.gravida.label);
    issues.push(
      ...(notCount.length > 0 ? notCount : checkRange('gravida', h.gravida, plausibility)),
    );
  }
  if (h.para !== undefined) issues.push(...checkCount(h.para, 'para', PARITY));
  if (h.abortus !== undefined) issues.push(...checkCount(h.abortus, 'abortus', ABORTUS));
  if (issues.length === 0 && h.gravida !== undefined) {
    const ended = (h.para ?? 0) + (h.abortus ?? 0);
    if (ended > h.gravida - 1) {
      const most = h.gravida - 1;
      issues.push(
        refusal('GPA_INCONSISTENT', 'para', PARITY, {
          id: `P + A (${ended}) tidak boleh lebih dari G − 1 (${most}); G sudah termasuk kehamilan ini.`,
          en: `P + A (${ended}) must not be more than G − 1 (${most}); G includes this pregnancy.`,
        }),
      );
    }
  }
  return issues.length > 0 ? fail(issues) : ok(h);
}

export interface FourTerlaluInput extends ObstetricHistory {
  /** Mother's date of birth. */
  readonly birthDate?: string;
  readonly hpht?: string;
  /** HPL in force; defaults to HPHT + 280. */
  readonly hpl?: string;
  readonly visitDate?: string;
  /** Previous delivery (or end of the previous pregnancy), for jarak kehamilan. */
  readonly previousDeliveryDate?: string;
}

/** Each item is `null` when the data it needs is missing. */
export interface FourTerlalu {
  /** Completed years on the `ageAt` date. */
  readonly ageYears: number | null;
  readonly terlaluMuda: boolean | null;
  readonly terlaluTua: boolean | null;
  /** Completed months from the previous delivery to HPHT. */
  readonly jarakBulan: number | null;
  readonly terlaluDekat: boolean | null;
  readonly terlaluBanyak: boolean | null;
}

function ageAnchor(input: FourTerlaluInput, set: RiskSet): string | undefined {
  if (set.ageAt === 'VISIT') return input.visitDate;
  if (set.ageAt === 'HPL') {
    return input.hpl ?? (input.hpht ? addDays(input.hpht, NAEGELE_DAYS) : undefined);
  }
  return input.hpht;
}

/**
 * "4 Terlalu" (domain.md §2.2 [GK]): terlalu muda (< 20 y), terlalu tua (> 35 y: 35 years 11 months
 * is not, 36 is), terlalu dekat (jarak kehamilan < 24 completed months: 23 → yes, 24 → no),
 * terlalu banyak (para ≥ 4: the mother has already given birth 4 or more times; para counts births,
 * not living children). Age is taken on the date chosen by `set.ageAt` (default HPHT).
 * Refuses an invalid birth date, an age outside the plausibility range, a previous delivery not
 * before HPHT, and impossible G-P-A.
 */
export function fourTerlalu(
  input: FourTerlaluInput,
  set: RiskSet,
  plausibility: PlausibilitySet,
): MaternalChecked<FourTerlalu> {
  const issues: MaternalRefusal[] = [];
  let ageYears: number | null = null;
  const anchor = ageAnchor(input, set);
  if (input.birthDate !== undefined) {
    const invalid = checkDate(input.birthDate, 'birthDate', {
      id: 'Tanggal lahir ibu',
      en: "Mother's date of birth",
    });
    if (invalid.length > 0) {
      issues.push(...invalid);
    } else if (anchor !== undefined) {
      if (!isIsoDate(anchor)) throw new RangeError(`Not an ISO date: ${anchor}`);
      ageYears = completedYears(input.birthDate, anchor);
      const bad = checkRange('maternalAgeYears', ageYears, plausibility, 'birthDate');
      if (bad.length > 0) {
        issues.push(...bad);
        ageYears = null;
      }
    }
  }
  let jarakBulan: number | null = null;
  if (input.previousDeliveryDate !== undefined && input.hpht !== undefined) {
    const jarak = jarakKehamilanBulan(input.previousDeliveryDate, input.hpht);
    if (jarak.ok) jarakBulan = jarak.value;
    else issues.push(...jarak.refusals);
  }
  const gpa = checkObstetricHistory(input, plausibility);
  if (!gpa.ok) issues.push(...gpa.refusals);
  if (issues.length > 0) return fail(issues);
  return ok({
    ageYears,
    terlaluMuda: ageYears === null ? null : ageYears < set.tooYoungBelowYears,
    terlaluTua: ageYears === null ? null : ageYears > set.tooOldAboveYears,
    jarakBulan,
    terlaluDekat: jarakBulan === null ? null : jarakBulan < set.tooCloseBelowMonths,
    terlaluBanyak: input.para === undefined ? null : input.para >= set.tooManyFromPara,
  });
}

/** Stable risk-flag codes, in the order `riskFlags` returns them. */
export const RISK_FLAG_CODES = [
  'KEK',
  'ANEMIA',
  'HIPERTENSI_KEHAMILAN',
  'TERLALU_MUDA',
  'TERLALU_TUA',
  'TERLALU_DEKAT',
  'TERLALU_BANYAK',
  'TINGGI_BADAN_RENDAH',
  'DJJ_TIDAK_NORMAL',
] as const;
export type RiskFlagCode = (typeof RISK_FLAG_CODES)[number];

/** Labels without numbers (the cut-offs live in the `RiskSet`). */
export const RISK_FLAG_LABELS: CodeLabels<RiskFlagCode> = {
  KEK: { id: 'Kurang energi kronis (KEK)', en: 'Chronic energy deficiency (low MUAC)' },
  ANEMIA: { id: 'Anemia', en: 'Anaemia' },
  HIPERTENSI_KEHAMILAN: { id: 'Hipertensi dalam kehamilan', en: 'Hypertension in pregnancy' },
  TERLALU_MUDA: { id: 'Terlalu muda', en: 'Too young' },
  TERLALU_TUA: { id: 'Terlalu tua', en: 'Too old' },
  TERLALU_DEKAT: { id: 'Jarak kehamilan terlalu dekat', en: 'Pregnancy interval too short' },
  TERLALU_BANYAK: { id: 'Terlalu banyak anak', en: 'High parity' },
  TINGGI_BADAN_RENDAH: {
    id: 'Tinggi badan rendah (risiko panggul sempit)',
    en: 'Short stature (risk of cephalopelvic disproportion)',
  },
  DJJ_TIDAK_NORMAL: { id: 'DJJ tidak normal', en: 'Abnormal fetal heart rate' },
};

/** Everything `riskFlags` can look at; each part is optional. */
export interface RiskInput extends AncMeasurements, FourTerlaluInput {}

/**
 * All risk flags for one contact, as stable codes in `RISK_FLAG_CODES` order. Refuses (with every
 * problem at once) when any measurement, date or G-P-A is impossible; a flag whose data is missing
 * is simply not raised.
 */
export function riskFlags(
  input: RiskInput,
  set: RiskSet,
  plausibility: PlausibilitySet,
): MaternalChecked<RiskFlagCode[]> {
  const measured = checkAncMeasurements(input, plausibility);
  const terlalu = fourTerlalu(input, set, plausibility);
  const issues = [
    ...(measured.ok ? [] : measured.refusals),
    ...(terlalu.ok ? [] : terlalu.refusals),
  ];
  if (!terlalu.ok || issues.length > 0) return fail(issues);
  const t = terlalu.value;
  const raised: Record<RiskFlagCode, boolean> = {
    KEK: input.lilaCm !== undefined && isKek(input.lilaCm, set),
    ANEMIA: input.hbGdl !== undefined && isAnemia(input.hbGdl, set),
    HIPERTENSI_KEHAMILAN:
      input.systolic !== undefined &&
      input.diastolic !== undefined &&
      isHipertensiKehamilan(input.systolic, input.diastolic, set),
    TERLALU_MUDA: t.terlaluMuda === true,
    TERLALU_TUA: t.terlaluTua === true,
    TERLALU_DEKAT: t.terlaluDekat === true,
    TERLALU_BANYAK: t.terlaluBanyak === true,
    TINGGI_BADAN_RENDAH: input.heightCm !== undefined && isTinggiBadanRendah(input.heightCm, set),
    DJJ_TIDAK_NORMAL: input.djjPerMin !== undefined && isDjjTidakNormal(input.djjPerMin, set),
  };
  return ok(RISK_FLAG_CODES.filter((code) => raised[code]));
}
