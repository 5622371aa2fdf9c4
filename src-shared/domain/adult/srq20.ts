import type { ReferenceSet } from '../reference';
import type { AdultChecked, AdultRefusal, ResultCode } from './codes';
import { checkBoolean, fail, ok, refusal, type Label } from '../refusal';

/**
 * SRQ-20 (WHO Self-Reporting Questionnaire, 20 yes/no items, past 30 days).
 *
 * Indonesian texts: the wording used by Indonesian SRQ-20 forms (Riskesdas-style), as found in
 * several independent third-party implementations [S: third-party Indonesian forms; wording
 * UNCONFIRMED against a Kemenkes original]. English texts: WHO SRQ-20 [S: WHO/MNH/PSF/94.8].
 * Note the Indonesian order swaps WHO items 5 and 6 (WHO: 5 "hands shake", 6 "nervous, tense or
 * worried"); numbering here follows the Indonesian form. Every item is phrased so "ya" is the
 * symptom, and the score is the count of "ya".
 */
export const SRQ20_ITEMS: readonly Label[] = [
  { id: 'Apakah Anda sering merasa sakit kepala?', en: 'Do you often have headaches?' },
  { id: 'Apakah Anda kehilangan nafsu makan?', en: 'Is your appetite poor?' },
  { id: 'Apakah tidur Anda tidak nyenyak?', en: 'Do you sleep badly?' },
  { id: 'Apakah Anda mudah merasa takut?', en: 'Are you easily frightened?' },
  {
    id: 'Apakah Anda merasa cemas, tegang, atau khawatir?',
    en: 'Do you feel nervous, tense or worried?',
  },
  { id: 'Apakah tangan Anda gemetar?', en: 'Do your hands shake?' },
  { id: 'Apakah Anda mengalami gangguan pencernaan?', en: 'Is your digestion poor?' },
  {
    id: 'Apakah Anda merasa sulit berpikir jernih?',
    en: 'Do you have trouble thinking clearly?',
  },
  { id: 'Apakah Anda merasa tidak bahagia?', en: 'Do you feel unhappy?' },
  { id: 'Apakah Anda lebih sering menangis?', en: 'Do you cry more than usual?' },
  {
    id: 'Apakah Anda merasa sulit untuk menikmati aktivitas sehari-hari?',
    en: 'Do you find it difficult to enjoy your daily activities?',
  },
  {
    id: 'Apakah Anda mengalami kesulitan untuk mengambil keputusan?',
    en: 'Do you find it difficult to make decisions?',
  },
  {
    id: 'Apakah aktivitas/tugas sehari-hari Anda terbengkalai?',
    en: 'Is your daily work suffering?',
  },
  {
    id: 'Apakah Anda merasa tidak mampu berperan dalam kehidupan ini?',
    en: 'Are you unable to play a useful part in life?',
  },
  {
    id: 'Apakah Anda kehilangan minat terhadap banyak hal?',
    en: 'Have you lost interest in things?',
  },
  { id: 'Apakah Anda merasa tidak berharga?', en: 'Do you feel that you are a worthless person?' },
  {
    id: 'Apakah Anda mempunyai pikiran untuk mengakhiri hidup Anda?',
    en: 'Has the thought of ending your life been on your mind?',
  },
  { id: 'Apakah Anda merasa lelah sepanjang waktu?', en: 'Do you feel tired all the time?' },
  {
    id: 'Apakah Anda merasa tidak enak di perut?',
    en: 'Do you have uncomfortable feelings in your stomach?',
  },
  { id: 'Apakah Anda mudah lelah?', en: 'Are you easily tired?' },
];

export interface Srq20ReferenceSet extends ReferenceSet {
  /** Positive ("kemungkinan gangguan mental emosional") at ≥ this many "ya". */
  readonly positiveFrom: number;
  /** 1-based item whose "ya" is flagged on its own (thoughts of ending life), if any. */
  readonly flagItem?: number;
}

/**
 * Cut-off ≥ 6 "ya" = kemungkinan gangguan mental emosional, the Riskesdas 2007/2013 convention
 * [S: Idaiani et al., J Indon Med Assoc 64(4) 2014 (Riskesdas 2013: "minimal 6 pertanyaan ya")].
 * WHO itself recommends no universal cut-off [S: WHO/MNH/PSF/94.8]. Item 17 "ya" is flagged on
 * its own whatever the total [GK; safety rule, not part of the published scoring].
 */
export const SRQ20_RISKESDAS: Srq20ReferenceSet = {
  id: 'srq20.riskesdas-6',
  title: 'SRQ-20, titik potong ≥ 6 (Riskesdas)',
  validFrom: '2007-01-01',
  source:
    'Riskesdas 2013 ≥ 6 ya [S: Idaiani dkk., J Indon Med Assoc 2014;64(4)]; WHO: tidak ada titik potong universal [S: WHO/MNH/PSF/94.8]; tanda butir 17 [GK]',
  positiveFrom: 6,
  flagItem: 17,
};

export const SRQ20_SETS: readonly Srq20ReferenceSet[] = [SRQ20_RISKESDAS];

export interface Srq20Result {
  readonly referenceSetId: string;
  /** Number of "ya" answers, 0–20. */
  readonly score: number;
  readonly code: ResultCode;
  readonly positive: boolean;
  /** The flagged item (17) was answered "ya". */
  readonly suicidalThoughts: boolean;
  /** The answers as given, item 1 first (for storage). */
  readonly answers: readonly boolean[];
}

const SRQ20: Label = { id: 'SRQ-20', en: 'SRQ-20' };

/** Score SRQ-20: `answers[i]` is item i+1, true = "ya". Exactly 20 answers required. */
export function scoreSrq20(
  answers: readonly boolean[],
  set: Srq20ReferenceSet,
  path = 'srq20',
): AdultChecked<Srq20Result> {
  if (!Array.isArray(answers) || answers.length !== SRQ20_ITEMS.length) {
    return fail([
      refusal('SRQ20_ANSWER_COUNT', path, SRQ20, {
        id: `harus ${SRQ20_ITEMS.length} jawaban ya/tidak`,
        en: `must have ${SRQ20_ITEMS.length} yes/no answers`,
      }),
    ]);
  }
  const refusals: AdultRefusal[] = answers.flatMap((a, i) =>
    checkBoolean(a, `${path}.${i}`, { id: `SRQ-20 butir ${i + 1}`, en: `SRQ-20 item ${i + 1}` }),
  );
  if (refusals.length > 0) return fail(refusals);
  const score = answers.filter((a) => a).length;
  const positive = score >= set.positiveFrom;
  const suicidalThoughts = set.flagItem !== undefined && answers[set.flagItem - 1] === true;
  return ok({
    referenceSetId: set.id,
    score,
    code: positive ? 'srq20.positif' : 'srq20.negatif',
    positive,
    suicidalThoughts,
    answers: [...answers],
  });
}
