import { describe, expect, it } from 'vitest';
import {
  BARTHEL_ITEMS,
  BARTHEL_LEVEL_LABELS,
  BARTHEL_MODIFIED_20 as SET,
  scoreBarthel,
  type BarthelScores,
} from '../../../../src-shared/domain/adult';

/** Every item at its maximum from domain §3.4 (sums to 20). */
const full: BarthelScores = {
  bab: 2,
  bak: 2,
  membersihkanDiri: 1,
  penggunaanJamban: 2,
  makan: 2,
  berubahSikap: 3,
  berpindah: 3,
  memakaiBaju: 2,
  naikTurunTangga: 2,
  mandi: 1,
};

/** Item scores summing to `total`, taking points off items in a fixed order. */
function withTotal(total: number): BarthelScores {
  const scores: Record<string, number> = { ...full };
  let remove = 20 - total;
  for (const item of BARTHEL_ITEMS) {
    const take = Math.min(remove, scores[item] as number);
    scores[item] = (scores[item] as number) - take;
    remove -= take;
  }
  return scores as BarthelScores;
}

describe('Barthel index, modified 0–20 (domain §3.4)', () => {
  it('has ten items whose maxima add up to 20', () => {
    expect(BARTHEL_ITEMS).toHaveLength(10);
    expect(Object.values(SET.allowed).reduce((s, a) => s + Math.max(...a), 0)).toBe(20);
    expect(SET.allowed).toMatchObject({
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
    });
  });

  it.each([
    [20, 'barthel.mandiri'],
    [19, 'barthel.ringan'],
    [12, 'barthel.ringan'],
    [11, 'barthel.sedang'],
    [9, 'barthel.sedang'],
    [8, 'barthel.berat'],
    [5, 'barthel.berat'],
    [4, 'barthel.total'],
    [0, 'barthel.total'],
  ])('total %i → %s', (total, code) => {
    const r = scoreBarthel(withTotal(total), SET);
    expect(r.ok && r.value).toMatchObject({
      total,
      code,
      instrumentVersion: 'barthel.modified-20',
    });
  });

  it('stores the item scores', () => {
    const r = scoreBarthel(withTotal(12), SET);
    expect(r.ok && r.value.scores).toEqual(withTotal(12));
  });

  it("refuses any value outside the item's allowed set, naming the item", () => {
    const r = scoreBarthel({ ...full, mandi: 2, berubahSikap: 1.5, bab: -1 }, SET);
    expect(!r.ok && r.refusals.map((x) => [x.path, x.code])).toEqual([
      ['barthel.bab', 'INVALID_CHOICE'],
      ['barthel.berubahSikap', 'INVALID_CHOICE'],
      ['barthel.mandi', 'INVALID_CHOICE'],
    ]);
    expect(!r.ok && r.refusals[2]?.message.id).toBe('Indeks Barthel – Mandi: nilai harus 0/1');
    const missing = scoreBarthel({ ...full, makan: undefined as unknown as number }, SET);
    expect(!missing.ok && missing.refusals[0]).toMatchObject({
      code: 'REQUIRED',
      path: 'barthel.makan',
    });
  });

  it('refuses a value inside the range but not in a non-contiguous allowed set', () => {
    const gappy = { ...SET, allowed: { ...SET.allowed, berpindah: [0, 2, 3] } };
    const r = scoreBarthel({ ...full, berpindah: 1 }, gappy);
    expect(!r.ok && r.refusals[0]?.message.id).toBe(
      'Indeks Barthel – Berpindah/berjalan: nilai harus 0/2/3',
    );
  });
});

describe('Barthel level wording', () => {
  it('has one label per allowed score of every item, in score order', () => {
    for (const item of BARTHEL_ITEMS) {
      expect(BARTHEL_LEVEL_LABELS[item].length, item).toBe(SET.allowed[item].length);
      expect(SET.allowed[item], item).toEqual(BARTHEL_LEVEL_LABELS[item].map((_, i) => i));
    }
    expect(BARTHEL_LEVEL_LABELS.berpindah[1]?.id).toBe('Bisa berpindah dengan kursi roda');
  });
});
