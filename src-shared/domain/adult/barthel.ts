import type { ReferenceSet } from '../reference';
import { bandFor, type Band } from './bands';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkNumber, fail, ok, refusal, type Label } from '../refusal';

/**
 * Indeks Barthel, modified 10-item version scored 0–20, as domain.md §3.4 [S: id.scribd.com/
 * document/369038253 (Kuesioner Indeks ADL Barthel); pdfcoffee.com instrumen-index-barthel].
 * Not the 100-point Barthel nor the 130-point "Barthel modifikasi".
 */
export const BARTHEL_ITEMS = [
  'bab',
  'bak',
  'membersihkanDiri',
  'penggunaanJamban',
  'makan',
  'berubahSikap',
  'berpindah',
  'memakaiBaju',
  'naikTurunTangga',
  'mandi',
] as const;
export type BarthelItem = (typeof BARTHEL_ITEMS)[number];

export const BARTHEL_ITEM_LABELS: Record<BarthelItem, Label> = {
  bab: { id: 'Mengendalikan rangsang BAB', en: 'Bowel control' },
  bak: { id: 'Mengendalikan rangsang BAK', en: 'Bladder control' },
  membersihkanDiri: { id: 'Membersihkan diri', en: 'Grooming' },
  penggunaanJamban: { id: 'Penggunaan jamban', en: 'Toilet use' },
  makan: { id: 'Makan', en: 'Feeding' },
  berubahSikap: { id: 'Berubah sikap dari berbaring ke duduk', en: 'Transfer (bed to chair)' },
  berpindah: { id: 'Berpindah/berjalan', en: 'Mobility (walking)' },
  memakaiBaju: { id: 'Memakai baju', en: 'Dressing' },
  naikTurunTangga: { id: 'Naik turun tangga', en: 'Stairs' },
  mandi: { id: 'Mandi', en: 'Bathing' },
};

/**
 * What each score means, per item, as printed on the Indonesian form [S: id.scribd.com/document/
 * 369038253; wording GK]. Index = score.
 */
export const BARTHEL_LEVEL_LABELS: Record<BarthelItem, readonly Label[]> = {
  bab: [
    { id: 'Tak terkendali/tak teratur (perlu pencahar)', en: 'Incontinent (needs enemas)' },
    { id: 'Kadang-kadang tak terkendali (1×/minggu)', en: 'Occasional accident (once a week)' },
    { id: 'Terkendali teratur', en: 'Continent' },
  ],
  bak: [
    { id: 'Tak terkendali atau pakai kateter', en: 'Incontinent or catheterised' },
    { id: 'Kadang-kadang tak terkendali (≤ 1×/24 jam)', en: 'Occasional accident (≤ 1 per 24 h)' },
    { id: 'Mandiri', en: 'Continent' },
  ],
  membersihkanDiri: [
    { id: 'Butuh pertolongan orang lain', en: 'Needs help' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  penggunaanJamban: [
    { id: 'Tergantung pertolongan orang lain', en: 'Dependent' },
    { id: 'Perlu pertolongan pada beberapa kegiatan', en: 'Needs some help' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  makan: [
    { id: 'Tidak mampu', en: 'Unable' },
    { id: 'Perlu ditolong memotong makanan', en: 'Needs help cutting food' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  berubahSikap: [
    { id: 'Tidak mampu', en: 'Unable' },
    { id: 'Perlu banyak bantuan (2 orang)', en: 'Major help (two people)' },
    { id: 'Bantuan minimal (1 orang)', en: 'Minor help (one person)' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  berpindah: [
    { id: 'Tidak mampu', en: 'Immobile' },
    { id: 'Bisa berpindah dengan kursi roda', en: 'Wheelchair independent' },
    { id: 'Berjalan dengan bantuan 1 orang', en: 'Walks with help of one person' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  memakaiBaju: [
    { id: 'Tergantung orang lain', en: 'Dependent' },
    { id: 'Sebagian dibantu', en: 'Needs some help' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  naikTurunTangga: [
    { id: 'Tidak mampu', en: 'Unable' },
    { id: 'Butuh pertolongan', en: 'Needs help' },
    { id: 'Mandiri', en: 'Independent' },
  ],
  mandi: [
    { id: 'Tergantung orang lain', en: 'Dependent' },
    { id: 'Mandiri', en: 'Independent' },
  ],
};

/** Item scores, one per item. */
export type BarthelScores = Readonly<Record<BarthelItem, number>>;

export interface BarthelReferenceSet extends ReferenceSet {
  /** Allowed scores per item; any other value is refused. */
  readonly allowed: Readonly<Record<BarthelItem, readonly number[]>>;
  /** Categories by total, ascending. */
  readonly categories: readonly Band<ResultCode>[];
}

/**
 * Items and allowed scores: BAB 0/1/2; BAK 0/1/2; membersihkan diri 0/1; jamban 0/1/2; makan
 * 0/1/2; berubah sikap 0/1/2/3; berpindah 0/1/2/3; memakai baju 0/1/2; tangga 0/1/2; mandi 0/1
 * (maximum 20). Categories: 20 mandiri; 12–19 ketergantungan ringan; 9–11 sedang; 5–8 berat;
 * 0–4 total [S: id.scribd.com/document/369038253; pdfcoffee.com instrumen-index-barthel].
 */
export const BARTHEL_MODIFIED_20: BarthelReferenceSet = {
  id: 'barthel.modified-20',
  title: 'Indeks Barthel modifikasi (10 butir, 0–20)',
  validFrom: '2010-01-01',
  source:
    'Kuesioner Indeks ADL Barthel [S: id.scribd.com/document/369038253]; interpretasi [S: pdfcoffee.com/download/instrumen-index-barthel-pdf-free.html]',
  allowed: {
    bab: [0, 1, 2],
    bak: [0, 1, 2],
    membersihkanDiri: [0, 1],
    penggunaanJamban: [0, 1, 2],
    makan: [0, 1, 2],
    berubahSikap: [0, 1, 2, 3],
    berpindah: [0, 1, 2, 3],
    memakaiBaju: [0, 1, 2],
    naikTurunTangga: [0, 1, 2],
    mandi: [0, 1],
  },
  categories: [
    { code: 'barthel.total' },
    { code: 'barthel.berat', from: 5 },
    { code: 'barthel.sedang', from: 9 },
    { code: 'barthel.ringan', from: 12 },
    { code: 'barthel.mandiri', from: 20 },
  ],
};

export const BARTHEL_SETS: readonly BarthelReferenceSet[] = [BARTHEL_MODIFIED_20];

export interface BarthelResult {
  /** The instrument version: the id of the Barthel set. */
  readonly instrumentVersion: string;
  readonly scores: BarthelScores;
  /** 0–20. */
  readonly total: number;
  readonly code: ResultCode;
}

/** Score the Barthel index, refusing any item score outside its allowed set. */
export function scoreBarthel(
  scores: BarthelScores,
  set: BarthelReferenceSet,
  path = 'barthel',
): AdultChecked<BarthelResult> {
  const refusals: AdultRefusal[] = [];
  for (const item of BARTHEL_ITEMS) {
    const allowed = set.allowed[item];
    const label: Label = {
      id: `Indeks Barthel – ${BARTHEL_ITEM_LABELS[item].id}`,
      en: `Barthel index – ${BARTHEL_ITEM_LABELS[item].en}`,
    };
    const value: unknown = scores?.[item];
    const basic = checkNumber(
      value,
      { min: Math.min(...allowed), max: Math.max(...allowed), integer: true },
      `${path}.${item}`,
      label,
    );
    if (basic.length > 0) {
      refusals.push(
        ...basic.map((r) =>
          r.code === 'OUT_OF_RANGE' || r.code === 'NOT_AN_INTEGER'
            ? refusal('INVALID_CHOICE', r.path, label, {
                id: `nilai harus ${allowed.join('/')}`,
                en: `score must be ${allowed.join('/')}`,
              })
            : r,
        ),
      );
    } else if (!allowed.includes(value as number)) {
      refusals.push(
        refusal('INVALID_CHOICE', `${path}.${item}`, label, {
          id: `nilai harus ${allowed.join('/')}`,
          en: `score must be ${allowed.join('/')}`,
        }),
      );
    }
  }
  if (refusals.length > 0) return fail(refusals);
  const total = BARTHEL_ITEMS.reduce((sum, item) => sum + scores[item], 0);
  const copy = Object.fromEntries(BARTHEL_ITEMS.map((i) => [i, scores[i]])) as Record<
    BarthelItem,
    number
  >;
  return ok({
    instrumentVersion: set.id,
    scores: copy,
    total,
    code: bandFor(total, set.categories),
  });
}
