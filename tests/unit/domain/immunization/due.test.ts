import { describe, expect, it } from 'vitest';
import type { DoseRecord, DueList } from '../../../../src-shared/domain/immunization';
import {
  DUE_LIST_RULES,
  NATIONAL_SCHEDULE,
  dueList,
  sessionTargets,
} from '../../../../src-shared/domain/immunization';

const RULES = DUE_LIST_RULES[0]!;
const BIRTH = '2024-01-15';

function list(history: DoseRecord[], on: string, birth = BIRTH, options = {}): DueList {
  return dueList(birth, history, on, NATIONAL_SCHEDULE, RULES, options);
}
const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

describe('due list', () => {
  it('lists HB0 as due on the birth day, open for 7 days', () => {
    const l = list([], BIRTH);
    expect(l.due).toEqual([
      {
        code: 'HB0',
        status: 'due',
        dueDate: '2024-01-15',
        earliestDate: '2024-01-15',
        latestDate: '2024-01-22',
        overdueAfter: '2024-02-15',
      },
    ]);
    expect(l.overdue).toEqual([]);
  });

  it('drops HB0 once its 7 days have passed', () => {
    expect(codes(list([], '2024-01-22').due)).toEqual(['HB0']);
    const l = list([], '2024-01-23');
    expect(codes(l.due)).toEqual([]);
    expect(l.noLongerAllowed).toEqual([{ code: 'HB0', latestDate: '2024-01-22' }]);
  });

  it('shows doses due within the next 30 days as upcoming', () => {
    const history: DoseRecord[] = [{ code: 'HB0', date: '2024-01-15' }];
    // BCG and OPV1 are due at 1 month (2024-02-15): 30 days ahead from 2024-01-16.
    expect(codes(list(history, '2024-01-15').upcoming)).toEqual([]);
    expect(codes(list(history, '2024-01-16').upcoming)).toEqual(['BCG', 'OPV1']);
  });

  it('turns a dose overdue the day after due date + 1 month', () => {
    const history: DoseRecord[] = [{ code: 'HB0', date: '2024-01-15' }];
    expect(codes(list(history, '2024-02-15').due)).toEqual(['BCG', 'OPV1']);
    // Due 2024-02-15 + 1 month = 2024-03-15: still due that day.
    const last = list(history, '2024-03-15');
    expect(codes(last.due)).toEqual(['BCG', 'OPV1', 'DPT_HB_HIB1', 'PCV1', 'RV1']);
    expect(last.due[0]?.overdueAfter).toBe('2024-03-15');
    expect(codes(last.overdue)).toEqual([]);
    const l = list(history, '2024-03-16');
    expect(codes(l.overdue)).toEqual(['BCG', 'OPV1']);
    expect(l.overdue.every((d) => d.status === 'overdue')).toBe(true);
    expect(codes(l.due)).toEqual(['DPT_HB_HIB1', 'PCV1', 'RV1']);
  });

  it('moves the next dose by the minimum interval from the dose actually given', () => {
    const history: DoseRecord[] = [
      { code: 'HB0', date: '2024-01-15' },
      { code: 'OPV1', date: '2024-03-01' },
    ];
    const opv2 = list(history, '2024-03-20').upcoming.find((d) => d.code === 'OPV2');
    // Recommended 2 months = 2024-03-15, but OPV1 + 28 days = 2024-03-29.
    expect(opv2).toMatchObject({ dueDate: '2024-03-29', earliestDate: '2024-03-29' });
    expect(list(history, '2024-03-29').due.map((d) => d.code)).toContain('OPV2');
  });

  it('uses the next session date as the look-ahead when given', () => {
    const history: DoseRecord[] = [
      { code: 'HB0', date: '2024-01-15' },
      { code: 'BCG', date: '2024-02-15' },
      { code: 'OPV1', date: '2024-02-15' },
    ];
    const at = (next?: string) =>
      codes(list(history, '2024-02-20', BIRTH, next ? { nextSessionDate: next } : {}).upcoming);
    expect(at()).toEqual(['OPV2', 'DPT_HB_HIB1', 'PCV1', 'RV1']);
    expect(at('2024-03-14')).toEqual([]);
    expect(at('2024-03-15')).toEqual(['OPV2', 'DPT_HB_HIB1', 'PCV1', 'RV1']);
  });

  it('drops rotavirus after 6 months 29 days', () => {
    const rv1 = list([], '2024-08-13').overdue.find((d) => d.code === 'RV1');
    expect(rv1?.latestDate).toBe('2024-08-13');
    const after = list([], '2024-08-14');
    expect(codes(after.overdue)).not.toContain('RV1');
    expect(after.noLongerAllowed).toContainEqual({ code: 'RV1', latestDate: '2024-08-13' });
  });

  it('drops RV3 when the 4-week interval cannot end by 6 months 29 days', () => {
    const history: DoseRecord[] = [
      { code: 'RV1', date: '2024-05-01' },
      { code: 'RV2', date: '2024-07-20' },
    ];
    // RV2 + 28 days = 2024-08-17 > 2024-08-13.
    const l = list(history, '2024-07-25');
    expect([...codes(l.due), ...codes(l.overdue), ...codes(l.upcoming)]).not.toContain('RV3');
    expect(l.noLongerAllowed).toContainEqual({ code: 'RV3', latestDate: '2024-08-13' });
  });

  it('targets rotavirus only to infants born from 16 May 2023', () => {
    const all = (l: DueList) => [...l.due, ...l.overdue, ...l.upcoming, ...l.noLongerAllowed];
    expect(codes(all(list([], '2023-08-15', '2023-05-15')))).not.toContain('RV1');
    const born16 = list([], '2023-08-15', '2023-05-16');
    expect(born16.due.find((d) => d.code === 'RV1')).toMatchObject({
      dueDate: '2023-08-15',
      earliestDate: '2023-08-15',
      latestDate: '2023-12-15',
    });
  });

  it('offers IPV2 catch-up from 2024 to children outside the 2023 cohort', () => {
    const history: DoseRecord[] = [{ code: 'IPV1', date: '2022-05-01' }];
    // Born before 13 Jun 2022: outside the 2023 introduction cohort; the 2024 rule opens 1 Jan 2024.
    const before = list(history, '2023-11-30', '2022-01-01');
    expect(codes([...before.due, ...before.overdue, ...before.upcoming])).not.toContain('IPV2');
    const from2024 = list(history, '2024-01-01', '2022-01-01');
    expect(from2024.due.find((d) => d.code === 'IPV2')).toMatchObject({
      dueDate: '2024-01-01',
      latestDate: '2026-12-31',
    });
  });

  it('lists JE only where the regional antigen is enabled', () => {
    const on = '2024-11-15';
    expect(codes(list([], on).due)).not.toContain('JE');
    expect(codes(list([], on, BIRTH, { includeRegional: true }).due)).toContain('JE');
  });

  it('skips PCV3 when PCV was started at 12 months or later', () => {
    const history: DoseRecord[] = [{ code: 'PCV1', date: '2025-01-15' }];
    const l = list(history, '2025-03-12');
    expect(l.due.find((d) => d.code === 'PCV2')).toMatchObject({ dueDate: '2025-03-12' });
    const done = list([...history, { code: 'PCV2', date: '2025-03-12' }], '2025-04-01');
    const all = [...done.due, ...done.overdue, ...done.upcoming, ...done.noLongerAllowed];
    expect(codes(all)).not.toContain('PCV3');
  });

  it('stops at 60 months', () => {
    const born = '2019-01-15';
    expect(list([], '2024-01-14', born).overdue.length).toBeGreaterThan(0);
    const l = list([], '2024-01-15', born);
    expect([l.due, l.overdue, l.upcoming, l.noLongerAllowed].every((x) => x.length === 0)).toBe(
      true,
    );
  });
});

describe('sasaran imunisasi for a session', () => {
  it('returns the children with a dose due or overdue on the session date', () => {
    const targets = sessionTargets(
      [
        { id: 'a', birthDate: '2024-01-15', history: [{ code: 'HB0', date: '2024-01-15' }] },
        {
          id: 'b',
          birthDate: '2024-01-20',
          history: [
            { code: 'HB0', date: '2024-01-20' },
            { code: 'BCG', date: '2024-02-20' },
            { code: 'OPV1', date: '2024-02-20' },
          ],
        },
        { id: 'c', birthDate: '2024-02-01', history: [{ code: 'HB0', date: '2024-02-01' }] },
      ],
      '2024-03-16',
      NATIONAL_SCHEDULE,
      RULES,
    );
    expect(targets.map((t) => [t.childId, codes(t.doses)])).toEqual([
      ['a', ['BCG', 'OPV1', 'DPT_HB_HIB1', 'PCV1', 'RV1']],
      ['c', ['BCG', 'OPV1']],
    ]);
    expect(targets[0]?.doses[0]?.status).toBe('overdue');
    expect(targets[0]?.doses[2]?.status).toBe('due');
  });
});
