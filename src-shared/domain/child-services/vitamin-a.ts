/**
 * Vitamin A capsule rounds for bayi and balita (domain §2.10).
 *
 * - Rounds: February and August [S: pkk.jakarta.go.id; Kemenkes Ayo Sehat text, Permenkes 21/2015].
 * - Sweeping may extend a round into the following month (March, September) [S: gncialisrx.com
 *   copy of the Kemenkes text]: a ReferenceSet option (`sweepingMonths`).
 * - 2023: the second round was allowed in October [S: same]: data (`extensions`).
 * - Blue 100,000 IU for 6–11 months, red 200,000 IU for 12–59 months [S: same].
 *
 * Age bands use calendar months reached on the day given: a child is "6 months" from the day
 * `addMonths(birth, 6)` and "12 months" from `addMonths(birth, 12)`, so 5 months 29 days is not
 * yet eligible, 11 months 29 days (or 30) is still blue, 59 months anything is red and
 * 60 months is no longer a target.
 */
import { inForce, type ReferenceSet } from '../reference';
import { addMonths, isIsoDate, monthOf } from '../dates';
import { issue, type Issue, type Label } from '../refusal';

export type Capsule = 'blue' | 'red';

export interface VitaminABand {
  readonly capsule: Capsule;
  /** International units per capsule. */
  readonly iu: number;
  /** From this many completed calendar months of age (inclusive). */
  readonly fromMonths: number;
  /** Up to the day before this many months of age. */
  readonly beforeMonths: number;
}

/** Extra months of one round, e.g. 2023's August round also given in October. */
export interface VitaminAExtension {
  /** The round, `YYYY-MM` of its regular month. */
  readonly round: string;
  /** Extra months, `YYYY-MM`. */
  readonly months: readonly string[];
  readonly source: string;
}

export interface VitaminARules extends ReferenceSet {
  /** Regular round months, 1–12 (February = 2, August = 8). */
  readonly roundMonths: readonly number[];
  /** Months after each round month that still count for it as sweeping (0 = none, 1 = Mar/Sep). */
  readonly sweepingMonths: number;
  readonly extensions: readonly VitaminAExtension[];
  readonly bands: readonly VitaminABand[];
}

export const VITAMIN_A_RULES: readonly VitaminARules[] = [
  {
    id: 'vita.permenkes21-2015',
    title: 'Kapsul vitamin A bayi dan balita: Februari dan Agustus, sweeping sebulan',
    validFrom: '2015-01-01',
    source:
      'Permenkes 21/2015 via Kemenkes Ayo Sehat text [S: gncialisrx.com copy; pkk.jakarta.go.id] (date of effect taken as 1 Jan 2015 [GK])',
    roundMonths: [2, 8],
    sweepingMonths: 1,
    extensions: [
      {
        round: '2023-08',
        months: ['2023-10'],
        source: '2023 second round allowed in October [S: gncialisrx.com]',
      },
    ],
    bands: [
      { capsule: 'blue', iu: 100_000, fromMonths: 6, beforeMonths: 12 },
      { capsule: 'red', iu: 200_000, fromMonths: 12, beforeMonths: 60 },
    ],
  },
];

/** The Vitamin A rules in force on `date`, else the first shipped ones (back-entered history). */
export function vitaminARulesOn(date: string): VitaminARules {
  return inForce(VITAMIN_A_RULES, date) ?? VITAMIN_A_RULES[0]!;
}

export interface VitaminARound {
  /** `YYYY-MM` of the round's regular month, e.g. `2024-08`. */
  readonly round: string;
  readonly period: 'regular' | 'sweeping' | 'extension';
}

function monthIndex(ym: string): number {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function ymOf(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The round a date belongs to (regular month, sweeping month or extension), if any. */
export function vitaminARoundOf(date: string, rules: VitaminARules): VitaminARound | undefined {
  const index = monthIndex(monthOf(date));
  const year = Math.floor(index / 12);
  for (const period of ['regular', 'sweeping'] as const) {
    for (const y of [year, year - 1]) {
      for (const m of rules.roundMonths) {
        const roundIndex = y * 12 + (m - 1);
        const lag = index - roundIndex;
        const hit = period === 'regular' ? lag === 0 : lag >= 1 && lag <= rules.sweepingMonths;
        if (hit) return { round: ymOf(roundIndex), period };
      }
    }
  }
  const ext = rules.extensions.find((e) => e.months.includes(monthOf(date)));
  return ext ? { round: ext.round, period: 'extension' } : undefined;
}

/** The capsule band for a child born on `birthDate` on `date`, if the age is in one. */
export function vitaminABand(
  birthDate: string,
  date: string,
  rules: VitaminARules,
): VitaminABand | undefined {
  return rules.bands.find(
    (b) =>
      date >= addMonths(birthDate, b.fromMonths) && date < addMonths(birthDate, b.beforeMonths),
  );
}

export type VitaminAResult =
  | {
      readonly eligible: true;
      readonly round: string;
      readonly period: VitaminARound['period'];
      readonly capsule: Capsule;
      readonly iu: number;
    }
  | {
      readonly eligible: false;
      readonly reason: 'before-birth' | 'too-young' | 'too-old' | 'outside-round';
      /** The capsule the age would call for (only for `outside-round`). */
      readonly capsule?: Capsule;
    };

/** Which round and capsule apply to a child born on `birthDate` on `date` (or why none). */
export function vitaminAFor(birthDate: string, date: string, rules: VitaminARules): VitaminAResult {
  if (date < birthDate) return { eligible: false, reason: 'before-birth' };
  const band = vitaminABand(birthDate, date, rules);
  if (!band) {
    const youngest = Math.min(...rules.bands.map((b) => b.fromMonths));
    return {
      eligible: false,
      reason: date < addMonths(birthDate, youngest) ? 'too-young' : 'too-old',
    };
  }
  const round = vitaminARoundOf(date, rules);
  if (!round) return { eligible: false, reason: 'outside-round', capsule: band.capsule };
  return { eligible: true, ...round, capsule: band.capsule, iu: band.iu };
}

export interface VitaminARecord {
  /** ISO date given. */
  readonly date: string;
  readonly capsule: Capsule;
}

export const VITAMIN_A_ISSUE_CODES = [
  'INVALID_DATE',
  'BEFORE_BIRTH',
  'TOO_YOUNG',
  'TOO_OLD',
  'WRONG_CAPSULE',
  'OUTSIDE_ROUND',
  'DUPLICATE_ROUND',
  'BLUE_ALREADY_GIVEN',
] as const;
export type VitaminAIssueCode = (typeof VITAMIN_A_ISSUE_CODES)[number];

/** A problem with a recorded capsule; every one is a rule break that needs a reason to save. */
export interface VitaminAIssue extends Issue<VitaminAIssueCode, 'break'> {
  readonly path: 'date' | 'capsule';
}

const FIELD: Readonly<Record<VitaminAIssue['path'], Label>> = {
  date: { id: 'Tanggal pemberian vitamin A', en: 'Vitamin A date' },
  capsule: { id: 'Warna kapsul', en: 'Capsule colour' },
};
const CAPSULE_TEXT: Record<Capsule, Label> = {
  blue: { id: 'biru', en: 'blue' },
  red: { id: 'merah', en: 'red' },
};

function vIssue(
  code: VitaminAIssueCode,
  path: VitaminAIssue['path'],
  problem: Label,
): VitaminAIssue {
  return issue(code, 'break', path, FIELD[path], problem);
}

/**
 * 100000 → "100.000" / "100,000" (digit grouping of each language, independent of the runtime's
 * ICU data).
 */
function thousands(n: number): Label {
  const group = (separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return { id: group('.'), en: group(',') };
}

function bandText(b: VitaminABand): Label {
  const [colour, iu, to] = [CAPSULE_TEXT[b.capsule], thousands(b.iu), b.beforeMonths - 1];
  return {
    id: `${colour.id} (${iu.id} IU) untuk umur ${b.fromMonths}–${to} bulan`,
    en: `${colour.en} (${iu.en} IU) for ages ${b.fromMonths}–${to} months`,
  };
}

/**
 * Rule breaks of a recorded capsule: age outside 6–59 months, wrong colour for the age, a date
 * outside the rounds (a sick-child dose belongs to its own record), a second capsule in the same
 * round, or a second blue capsule (blue is given once). `history` excludes the record itself.
 */
export function validateVitaminA(
  birthDate: string,
  record: VitaminARecord,
  history: readonly VitaminARecord[],
  rules: VitaminARules,
): VitaminAIssue[] {
  if (!isIsoDate(record.date) || !isIsoDate(birthDate)) {
    return [
      vIssue('INVALID_DATE', 'date', {
        id: `tanggal tidak valid (${record.date}).`,
        en: `not a valid date (${record.date}).`,
      }),
    ];
  }
  if (record.date < birthDate) {
    return [
      vIssue('BEFORE_BIRTH', 'date', {
        id: 'sebelum tanggal lahir anak.',
        en: "before the child's date of birth.",
      }),
    ];
  }
  const issues: VitaminAIssue[] = [];
  const result = vitaminAFor(birthDate, record.date, rules);
  const band = vitaminABand(birthDate, record.date, rules);
  if (!result.eligible && result.reason === 'too-young') {
    issues.push(
      vIssue('TOO_YOUNG', 'date', {
        id: 'anak belum berumur 6 bulan; belum sasaran kapsul vitamin A.',
        en: 'the child is not yet 6 months old; not yet a target for vitamin A capsules.',
      }),
    );
  } else if (!result.eligible && result.reason === 'too-old') {
    issues.push(
      vIssue('TOO_OLD', 'date', {
        id: 'anak sudah berumur 60 bulan atau lebih; bukan sasaran kapsul vitamin A balita.',
        en: 'the child is 60 months or older; not a target for under-five vitamin A capsules.',
      }),
    );
  }
  if (band && band.capsule !== record.capsule) {
    issues.push(
      vIssue('WRONG_CAPSULE', 'capsule', {
        id: `kapsul ${CAPSULE_TEXT[record.capsule].id} tidak sesuai umur; seharusnya ${bandText(band).id}.`,
        en: `a ${CAPSULE_TEXT[record.capsule].en} capsule does not match the age; it should be ${bandText(band).en}.`,
      }),
    );
  }
  const round = vitaminARoundOf(record.date, rules);
  if (!round) {
    issues.push(
      vIssue('OUTSIDE_ROUND', 'date', {
        id: 'di luar bulan pemberian (Februari/Agustus atau sweeping).',
        en: 'outside the distribution months (February/August, or sweeping).',
      }),
    );
  } else {
    const same = history.find((h) => vitaminARoundOf(h.date, rules)?.round === round.round);
    if (same) {
      issues.push(
        vIssue('DUPLICATE_ROUND', 'date', {
          id: `kapsul untuk putaran ${round.round} sudah tercatat (${same.date}).`,
          en: `a capsule for the ${round.round} round is already recorded (${same.date}).`,
        }),
      );
    }
  }
  if (record.capsule === 'blue') {
    const blue = history.find((h) => h.capsule === 'blue');
    if (blue) {
      issues.push(
        vIssue('BLUE_ALREADY_GIVEN', 'capsule', {
          id: `kapsul biru hanya sekali; sudah diberikan ${blue.date}.`,
          en: `the blue capsule is given only once; it was given on ${blue.date}.`,
        }),
      );
    }
  }
  return issues;
}
