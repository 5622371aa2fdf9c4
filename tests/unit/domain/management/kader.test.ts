import { describe, expect, it } from 'vitest';
import {
  KADER_SKILL_CODES,
  KADER_SKILL_GROUPS,
  KADER_SKILLS_2023,
  skillProgress,
} from '@shared/domain/management';

describe('kader basic skills', () => {
  it('are 25, coded K01–K25, in five life-stage groups', () => {
    expect(KADER_SKILL_CODES).toEqual(
      Array.from({ length: 25 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`),
    );
    const perGroup = KADER_SKILL_GROUPS.map(
      (g) => KADER_SKILLS_2023.skills.filter((s) => s.group === g).length,
    );
    expect(perGroup).toEqual([4, 7, 5, 4, 5]);
    expect(new Set(KADER_SKILLS_2023.skills.map((s) => s.label.id)).size).toBe(25);
  });

  it('count progress per group', () => {
    expect(skillProgress(['K01', 'K02', 'K07', 'K25', 'K99'])).toEqual([
      { group: 'posyandu', done: 2, total: 4 },
      { group: 'balita', done: 1, total: 7 },
      { group: 'bumil', done: 0, total: 5 },
      { group: 'remaja', done: 0, total: 4 },
      { group: 'dewasa', done: 1, total: 5 },
    ]);
  });
});
