import type { ReferenceSet } from '../reference';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkBoolean, checkChoice, checkNumber, fail, ok, refusal, type Label } from '../refusal';

/**
 * SKILAS (Skrining Lansia Sederhana), six domains, exactly as domain.md §3.3
 * [S: scribd.com/document/681680640/Instrumen-Skilas-Dan-Adl; kumparan.com "Mengenal SKILAS"].
 * Target ≥ 60 years, at first contact, with ADL. Any positive domain → rujuk to the Puskesmas for
 * further assessment [S: puskesmaspasirputihkotim.com/klaster-3/lansia/skrining-geriatri].
 */
export const SKILAS_DOMAINS = [
  'kognitif',
  'mobilisasi',
  'malnutrisi',
  'penglihatan',
  'pendengaran',
  'depresi',
] as const;
export type SkilasDomain = (typeof SKILAS_DOMAINS)[number];

export const SKILAS_DOMAIN_LABELS: Record<SkilasDomain, Label> = {
  kognitif: { id: 'Penurunan kognitif', en: 'Cognitive decline' },
  mobilisasi: { id: 'Keterbatasan mobilisasi', en: 'Limited mobility' },
  malnutrisi: { id: 'Malnutrisi', en: 'Malnutrition' },
  penglihatan: { id: 'Gangguan penglihatan', en: 'Vision impairment' },
  pendengaran: { id: 'Gangguan pendengaran', en: 'Hearing impairment' },
  depresi: { id: 'Gejala depresi', en: 'Depressive symptoms' },
};

export const WHISPER_RESULTS = ['dengar', 'tidak_dengar', 'tidak_dapat_dilakukan'] as const;
/** Tes bisik: heard / not heard / the test could not be done (→ rujuk as well). */
export type WhisperResult = (typeof WHISPER_RESULTS)[number];

/** Item answers, as entered. Stored with the result together with the instrument version. */
export interface SkilasAnswers {
  readonly kognitif: {
    /** "Tanggal berapa sekarang?" answered correctly. */
    readonly orientasiWaktuBenar: boolean;
    /** "Di mana Anda sekarang?" answered correctly. */
    readonly orientasiTempatBenar: boolean;
    /** How many of the three words were recalled at the end, 0–3. */
    readonly kataDiingat: number;
  };
  readonly mobilisasi: {
    /** Could not do the chair-stand test (stand up 5× without using the arms). */
    readonly tidakMampu: boolean;
    /** Seconds for 5 stands; required unless `tidakMampu`. */
    readonly waktuDetik?: number;
  };
  readonly malnutrisi: {
    /** Weight loss > 3 kg in 3 months, or clothes looser. */
    readonly beratTurun: boolean;
    /** Loss of appetite / difficulty eating (cough or choke, tube feeding). */
    readonly nafsuMakanHilang: boolean;
    /** LiLA (mid-upper-arm circumference), cm. */
    readonly lilaCm: number;
  };
  readonly penglihatan: {
    /** Step 1: difficulty seeing far or reading, eye disease, or treatment (DM, HT). */
    readonly masalahMata: boolean;
    /** Step 2, only when step 1 is "tidak": counted fingers correctly 3 times in a row. */
    readonly hitungJariBenar?: boolean;
  };
  readonly pendengaran: { readonly tesBisik: WhisperResult };
  readonly depresi: {
    /** Past 2 weeks: sad, depressed or hopeless. */
    readonly sedihTertekan: boolean;
    /** Past 2 weeks: little interest or pleasure in doing things. */
    readonly kurangMinat: boolean;
  };
}

export interface SkilasReferenceSet extends ReferenceSet {
  /** Three words to remember (example words from the instrument). */
  readonly recallWords: readonly string[];
  /** Chair-stand passes when 5 stands take ≤ this many seconds. */
  readonly chairStandMaxSeconds: number;
  /** Malnutrition item 3 is "ya" when LiLA is below this (cm). */
  readonly lilaBelowCm: number;
  /** Further assessment suggested per positive domain. */
  readonly followOn: Readonly<Record<SkilasDomain, Label>>;
  readonly plausible: {
    readonly chairStandSeconds: readonly [number, number];
    readonly lilaCm: readonly [number, number];
  };
}

/**
 * SKILAS as in domain §3.3: kognitif positive when any orientation answer is wrong or not all 3
 * words are recalled; mobilisasi positive when 5 chair stands take > 14 s (14.0 passes, 14.1
 * fails) or cannot be done; malnutrisi positive on any "ya" incl. LiLA < 21 cm (21.0 is not);
 * penglihatan positive on step 1 "ya", or step 2 failed; pendengaran positive when the whisper
 * is not heard or the test cannot be done; depresi positive on any "ya". Follow-on instruments
 * [S: puskesmaspasirputihkotim.com]; those for vision and hearing [GK]. Plausible chair-stand
 * 1–300 s, LiLA 10–60 cm [GK].
 */
export const SKILAS_KEMENKES: SkilasReferenceSet = {
  id: 'skilas.kemenkes-2023',
  title: 'Skrining Lansia Sederhana (SKILAS)',
  validFrom: '2023-01-01',
  source:
    'Instrumen SKILAS dan ADL [S: scribd.com/document/681680640]; asesmen lanjutan [S: puskesmaspasirputihkotim.com/klaster-3/lansia/skrining-geriatri]',
  recallWords: ['bunga', 'pintu', 'nasi'],
  chairStandMaxSeconds: 14,
  lilaBelowCm: 21,
  followOn: {
    kognitif: { id: 'Mini-Cog / AMT', en: 'Mini-Cog / AMT' },
    mobilisasi: { id: 'SPPB', en: 'SPPB' },
    malnutrisi: { id: 'MNA-SF', en: 'MNA-SF' },
    penglihatan: { id: 'pemeriksaan mata', en: 'eye examination' },
    pendengaran: { id: 'pemeriksaan telinga', en: 'ear examination' },
    depresi: { id: 'GDS-4', en: 'GDS-4' },
  },
  plausible: { chairStandSeconds: [1, 300], lilaCm: [10, 60] },
};

export const SKILAS_SETS: readonly SkilasReferenceSet[] = [SKILAS_KEMENKES];

export interface SkilasResult {
  /** The instrument version: the id of the SKILAS set the answers were taken with. */
  readonly instrumentVersion: string;
  readonly answers: SkilasAnswers;
  readonly domains: Readonly<Record<SkilasDomain, boolean>>;
  readonly positiveDomains: readonly SkilasDomain[];
  readonly code: ResultCode;
  /** Any positive domain → rujuk (to the Puskesmas for further assessment). */
  readonly rujuk: boolean;
  /** "Rujuk: <domain> (<follow-on>), …", or empty labels when nothing is positive. */
  readonly rujukText: Label;
}

function field(domain: SkilasDomain, item: Label): Label {
  const d = SKILAS_DOMAIN_LABELS[domain];
  return { id: `SKILAS ${d.id} – ${item.id}`, en: `SKILAS ${d.en} – ${item.en}` };
}

function checkAnswers(a: SkilasAnswers, set: SkilasReferenceSet, path: string): AdultRefusal[] {
  const out: AdultRefusal[] = [];
  const k = a?.kognitif;
  out.push(
    ...checkBoolean(
      k?.orientasiWaktuBenar,
      `${path}.kognitif.orientasiWaktuBenar`,
      field('kognitif', { id: 'orientasi waktu', en: 'orientation to time' }),
    ),
    ...checkBoolean(
      k?.orientasiTempatBenar,
      `${path}.kognitif.orientasiTempatBenar`,
      field('kognitif', { id: 'orientasi tempat', en: 'orientation to place' }),
    ),
    ...checkNumber(
      k?.kataDiingat,
      { min: 0, max: set.recallWords.length, integer: true, unit: { id: 'kata', en: 'words' } },
      `${path}.kognitif.kataDiingat`,
      field('kognitif', { id: 'jumlah kata diingat', en: 'words recalled' }),
    ),
  );
  const m = a?.mobilisasi;
  const mTime = field('mobilisasi', { id: 'waktu 5 kali berdiri', en: 'time for 5 stands' });
  out.push(
    ...checkBoolean(
      m?.tidakMampu,
      `${path}.mobilisasi.tidakMampu`,
      field('mobilisasi', { id: 'tidak mampu melakukan tes', en: 'unable to do the test' }),
    ),
  );
  if (m?.tidakMampu === false) {
    const [min, max] = set.plausible.chairStandSeconds;
    out.push(
      ...checkNumber(
        m.waktuDetik,
        { min, max, unit: { id: 'detik', en: 'seconds' } },
        `${path}.mobilisasi.waktuDetik`,
        mTime,
      ),
    );
  } else if (m?.tidakMampu === true && m.waktuDetik !== undefined) {
    out.push(
      refusal('CONTRADICTORY_ANSWERS', `${path}.mobilisasi.waktuDetik`, mTime, {
        id: 'harus kosong bila tidak mampu melakukan tes',
        en: 'must be empty when the test could not be done',
      }),
    );
  }
  const n = a?.malnutrisi;
  const [lMin, lMax] = set.plausible.lilaCm;
  out.push(
    ...checkBoolean(
      n?.beratTurun,
      `${path}.malnutrisi.beratTurun`,
      field('malnutrisi', { id: 'berat badan turun', en: 'weight loss' }),
    ),
    ...checkBoolean(
      n?.nafsuMakanHilang,
      `${path}.malnutrisi.nafsuMakanHilang`,
      field('malnutrisi', { id: 'nafsu makan hilang', en: 'loss of appetite' }),
    ),
    ...checkNumber(
      n?.lilaCm,
      { min: lMin, max: lMax, unit: 'cm' },
      `${path}.malnutrisi.lilaCm`,
      field('malnutrisi', { id: 'LiLA', en: 'MUAC' }),
    ),
  );
  const v = a?.penglihatan;
  out.push(
    ...checkBoolean(
      v?.masalahMata,
      `${path}.penglihatan.masalahMata`,
      field('penglihatan', { id: 'masalah mata', en: 'eye problems' }),
    ),
  );
  const fingers = field('penglihatan', { id: 'tes hitung jari', en: 'finger-counting test' });
  if (v?.masalahMata === false) {
    if (v.hitungJariBenar === undefined || v.hitungJariBenar === null) {
      out.push(
        refusal('SKILAS_VISION_TEST_REQUIRED', `${path}.penglihatan.hitungJariBenar`, fingers, {
          id: 'wajib diisi bila tidak ada masalah mata',
          en: 'is required when there are no eye problems',
        }),
      );
    } else {
      out.push(...checkBoolean(v.hitungJariBenar, `${path}.penglihatan.hitungJariBenar`, fingers));
    }
  }
  out.push(
    ...checkChoice(
      a?.pendengaran?.tesBisik,
      WHISPER_RESULTS,
      `${path}.pendengaran.tesBisik`,
      field('pendengaran', { id: 'tes bisik', en: 'whisper test' }),
    ),
  );
  const d = a?.depresi;
  out.push(
    ...checkBoolean(
      d?.sedihTertekan,
      `${path}.depresi.sedihTertekan`,
      field('depresi', { id: 'sedih/tertekan/putus asa', en: 'sad/depressed/hopeless' }),
    ),
    ...checkBoolean(
      d?.kurangMinat,
      `${path}.depresi.kurangMinat`,
      field('depresi', { id: 'kurang minat', en: 'little interest' }),
    ),
  );
  return out;
}

/** Evaluate SKILAS answers. Age eligibility (≥ 60) is checked by `eligibleForSkilas`. */
export function evaluateSkilas(
  answers: SkilasAnswers,
  set: SkilasReferenceSet,
  path = 'skilas',
): AdultChecked<SkilasResult> {
  const refusals = checkAnswers(answers, set, path);
  if (refusals.length > 0) return fail(refusals);
  const { kognitif, mobilisasi, malnutrisi, penglihatan, pendengaran, depresi } = answers;
  const domains: Record<SkilasDomain, boolean> = {
    kognitif:
      !kognitif.orientasiWaktuBenar ||
      !kognitif.orientasiTempatBenar ||
      kognitif.kataDiingat < set.recallWords.length,
    mobilisasi: mobilisasi.tidakMampu || (mobilisasi.waktuDetik ?? 0) > set.chairStandMaxSeconds,
    malnutrisi:
      malnutrisi.beratTurun || malnutrisi.nafsuMakanHilang || malnutrisi.lilaCm < set.lilaBelowCm,
    penglihatan: penglihatan.masalahMata || penglihatan.hitungJariBenar === false,
    pendengaran: pendengaran.tesBisik !== 'dengar',
    depresi: depresi.sedihTertekan || depresi.kurangMinat,
  };
  const positiveDomains = SKILAS_DOMAINS.filter((d) => domains[d]);
  const parts = positiveDomains.map((d) => ({
    id: `${SKILAS_DOMAIN_LABELS[d].id} (${set.followOn[d].id})`,
    en: `${SKILAS_DOMAIN_LABELS[d].en} (${set.followOn[d].en})`,
  }));
  const rujuk = positiveDomains.length > 0;
  return ok({
    instrumentVersion: set.id,
    answers,
    domains,
    positiveDomains,
    code: rujuk ? 'skilas.positif' : 'skilas.normal',
    rujuk,
    rujukText: rujuk
      ? {
          id: `Rujuk ke Puskesmas: ${parts.map((p) => p.id).join(', ')}`,
          en: `Refer to the Puskesmas: ${parts.map((p) => p.en).join(', ')}`,
        }
      : { id: '', en: '' },
  });
}
