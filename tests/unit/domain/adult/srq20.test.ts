import { describe, expect, it } from 'vitest';
import {
  SRQ20_ITEMS,
  SRQ20_RISKESDAS as SET,
  scoreSrq20,
  type Srq20ReferenceSet,
} from '../../../../src-shared/domain/adult';

/** Twenty answers with "ya" on the given 1-based items. */
function answers(...yes: number[]): boolean[] {
  return Array.from({ length: 20 }, (_, i) => yes.includes(i + 1));
}

describe('SRQ-20', () => {
  it('has 20 items with Indonesian and English text, "ya" = symptom', () => {
    expect(SRQ20_ITEMS).toHaveLength(20);
    expect(SRQ20_ITEMS[0]?.id).toBe('Apakah Anda sering merasa sakit kepala?');
    expect(SRQ20_ITEMS[16]?.id).toBe('Apakah Anda mempunyai pikiran untuk mengakhiri hidup Anda?');
    expect(SRQ20_ITEMS[19]?.en).toBe('Are you easily tired?');
  });

  it('is positive at ≥ 6 "ya" (Riskesdas cut-off): 5 no, 6 yes', () => {
    const five = scoreSrq20(answers(1, 2, 3, 4, 5), SET);
    expect(five.ok && five.value).toMatchObject({
      score: 5,
      positive: false,
      code: 'srq20.negatif',
    });
    const six = scoreSrq20(answers(1, 2, 3, 4, 5, 6), SET);
    expect(six.ok && six.value).toMatchObject({ score: 6, positive: true, code: 'srq20.positif' });
    const none = scoreSrq20(answers(), SET);
    expect(none.ok && none.value.score).toBe(0);
    const all = scoreSrq20(answers(...Array.from({ length: 20 }, (_, i) => i + 1)), SET);
    expect(all.ok && all.value.score).toBe(20);
  });

  it('takes its cut-off from the reference set', () => {
    const eight: Srq20ReferenceSet = { ...SET, id: 'srq20.test-8', positiveFrom: 8 };
    const r = scoreSrq20(answers(1, 2, 3, 4, 5, 6, 7), eight);
    expect(r.ok && r.value).toMatchObject({ positive: false, referenceSetId: 'srq20.test-8' });
  });

  it('flags item 17 (thoughts of ending life) whatever the total', () => {
    const r = scoreSrq20(answers(17), SET);
    expect(r.ok && r.value).toMatchObject({ score: 1, positive: false, suicidalThoughts: true });
    const n = scoreSrq20(answers(16, 18), SET);
    expect(n.ok && n.value.suicidalThoughts).toBe(false);
  });

  it('keeps the answers for storage and refuses incomplete or non-boolean answers', () => {
    const input = answers(2, 4);
    const r = scoreSrq20(input, SET);
    expect(r.ok && r.value.answers).toEqual(input);
    const short = scoreSrq20(answers().slice(0, 19), SET);
    expect(!short.ok && short.refusals[0]).toMatchObject({
      code: 'SRQ20_ANSWER_COUNT',
      message: { id: 'SRQ-20: harus 20 jawaban ya/tidak' },
    });
    const odd = answers();
    (odd as unknown[])[3] = 'ya';
    const bad = scoreSrq20(odd, SET);
    expect(!bad.ok && bad.refusals[0]).toMatchObject({ code: 'INVALID_CHOICE', path: 'srq20.3' });
    expect(!bad.ok && bad.refusals[0]?.message.id).toBe(
      'SRQ-20 butir 4: harus dijawab ya atau tidak',
    );
  });
});
