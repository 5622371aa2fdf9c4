import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../src-shared/contract/report-format';
import { INDICATOR_CLUSTERS } from '../../../src-shared/domain/indicators/types';
import {
  REPORT_GROUPS,
  baseOf,
  chunkByColumns,
  columnsOf,
  formatCount,
  formatPct,
  judge,
  kindOf,
  lastCompleteMonth,
  monthShort,
  periodLabel,
  proRatedGoal,
  ratioPct,
  selectableMonths,
  splitRows,
  type ComputableIndicator,
} from '../../../src-renderer/features/reports/model';

const value = (numerator: number | null, denominator: number | null, v: number | null) => ({
  numerator,
  denominator,
  value: v,
});

function row(patch: Partial<ReportRow> = {}): ReportRow {
  return {
    key: 'd1',
    desaCode: '32.05.02.2001',
    desaName: 'Situgede',
    target: 120,
    month: value(10, 120, 8.3),
    ytd: value(100, 120, 83.3),
    pctOfTarget: 83.3,
    ...patch,
  };
}

function indicator(patch: Partial<ComputableIndicator> = {}): ComputableIndicator {
  return {
    computable: true,
    code: 'K6',
    name: { id: 'K6', en: 'K6' },
    cluster: 'k2-ibu',
    unit: 'percent',
    goal: 100,
    rows: [row()],
    ...patch,
  };
}

describe('report groups', () => {
  it('shows every indicator cluster once, Klaster 2 in the order ibu, anak, gizi, imunisasi', () => {
    expect([...REPORT_GROUPS].sort()).toEqual([...INDICATOR_CLUSTERS].sort());
    expect(REPORT_GROUPS.slice(0, 4)).toEqual(['k2-ibu', 'k2-anak', 'k2-gizi', 'k2-imunisasi']);
  });
});

describe('report months', () => {
  it('opens on the last complete month, across the new year', () => {
    expect(lastCompleteMonth('2026-11-22')).toBe('2026-10');
    expect(lastCompleteMonth('2026-11-01')).toBe('2026-10');
    expect(lastCompleteMonth('2027-01-01')).toBe('2026-12');
    expect(lastCompleteMonth('2026-12-31')).toBe('2026-11');
  });

  it('offers the running month first, back to January two years before', () => {
    const months = selectableMonths('2026-11-22');
    expect(months[0]).toBe('2026-11');
    expect(months.at(-1)).toBe('2024-01');
    expect(months).toHaveLength(35);
  });

  it('names months in both languages', () => {
    expect(periodLabel('2026-10', 'id')).toBe('Oktober 2026');
    expect(periodLabel('2026-10', 'en')).toBe('October 2026');
    expect(monthShort('2026-08', 'id')).toBe('Agu');
    expect(monthShort('2026-09', 'en')).toBe('Sep');
  });
});

describe('judging a row against the goal', () => {
  it('pro-rates an annual goal to the month (PWS): 10/12 of 100% in October', () => {
    expect(proRatedGoal(100, '2026-10')).toBe(83.3);
    expect(proRatedGoal(100, '2026-01')).toBe(8.3);
    expect(proRatedGoal(100, '2026-12')).toBe(100);
    expect(proRatedGoal(80, '2026-06')).toBe(40);
  });

  it('meets the target exactly at the pro-rated goal, and not 0.1 below it', () => {
    expect(judge(indicator(), row({ pctOfTarget: 83.3 }), '2026-10')).toEqual({
      judgement: 'met',
      threshold: 83.3,
    });
    expect(judge(indicator(), row({ pctOfTarget: 83.2 }), '2026-10').judgement).toBe('below');
    expect(judge(indicator(), row({ pctOfTarget: 100 }), '2026-12').judgement).toBe('met');
    expect(judge(indicator(), row({ pctOfTarget: 99.9 }), '2026-12').judgement).toBe('below');
  });

  it('judges an observed percentage against the goal itself (not pro-rated)', () => {
    const ds = indicator({ code: 'DS', cluster: 'k2-gizi', goal: 80 });
    const observed = row({ target: null, pctOfTarget: null, ytd: value(80, 100, 80) });
    expect(judge(ds, observed, '2026-02')).toEqual({ judgement: 'met', threshold: 80 });
    const under = row({ target: null, pctOfTarget: null, ytd: value(79, 100, 79.9) });
    expect(judge(ds, under, '2026-02').judgement).toBe('below');
  });

  it('turns the scale for a drop-out rate: at or below the goal is good', () => {
    const dropOut = indicator({ code: 'DO_DPT1_DPT3', cluster: 'k2-imunisasi', goal: 5 });
    const r = (v: number) => row({ target: null, pctOfTarget: null, ytd: value(1, 20, v) });
    expect(judge(dropOut, r(5), '2026-10').judgement).toBe('met');
    expect(judge(dropOut, r(5.1), '2026-10').judgement).toBe('below');
  });

  it('judges the month column by the month value', () => {
    const ds = indicator({ code: 'DS', cluster: 'k2-gizi', goal: 80 });
    const r = row({
      target: 50,
      pctOfTarget: null,
      month: value(39, 50, 78),
      ytd: value(45, 50, 90),
    });
    expect(judge(ds, r, '2026-10', 'pctMonth').judgement).toBe('below');
    expect(judge(ds, r, '2026-10', 'pct').judgement).toBe('met');
  });

  it('judges nothing without a goal, without data, or for counts', () => {
    expect(judge(indicator({ goal: null }), row(), '2026-10').judgement).toBe('none');
    const empty = row({ ytd: value(null, null, null), pctOfTarget: null, target: null });
    expect(judge(indicator(), empty, '2026-10').judgement).toBe('none');
    expect(judge(indicator({ unit: 'count' }), row(), '2026-10').judgement).toBe('none');
  });
});

describe('numbers on screen', () => {
  it('writes no data as — and zero as 0', () => {
    expect(formatCount(null, 'id')).toBe('—');
    expect(formatCount(0, 'id')).toBe('0');
    expect(formatCount(1234, 'id')).toBe('1.234');
    expect(formatPct(null, 'id')).toBe('—');
    expect(formatPct(0, 'id')).toBe('0,0%');
    expect(formatPct(83.3, 'id')).toBe('83,3%');
    expect(formatPct(83.3, 'en')).toBe('83.3%');
  });

  it('computes SKDN ratios with one decimal, none over an empty whole', () => {
    expect(ratioPct(2, 3)).toBe(66.7);
    expect(ratioPct(0, 5)).toBe(0);
    expect(ratioPct(3, 0)).toBeNull();
  });

  it('shows target columns for annual targets, the denominator and two % otherwise, two for counts', () => {
    expect(kindOf(indicator())).toBe('sasaran');
    expect(columnsOf(indicator())).toEqual(['target', 'month', 'ytd', 'pct']);
    const ds = indicator({ code: 'DS', cluster: 'k2-gizi' });
    expect(kindOf(ds)).toBe('population');
    expect(columnsOf(ds)).toEqual(['base', 'month', 'ytd', 'pctMonth', 'pct']);
    // A code the registry does not know: read from its rows.
    const unknown = indicator({ code: 'X', rows: [row({ target: null, pctOfTarget: null })] });
    expect(kindOf(unknown)).toBe('observed');
    expect(columnsOf(indicator({ code: 'X', unit: 'count' }))).toEqual(['month', 'ytd']);
  });

  it('takes the population from the head count, others from the year-to-date denominator', () => {
    const ds = indicator({ code: 'DS', cluster: 'k2-gizi' });
    expect(baseOf(ds, row({ target: 50, ytd: value(45, 50, 90) }))).toBe(50);
    const unknown = indicator({ code: 'X' });
    expect(baseOf(unknown, row({ target: null, ytd: value(3, 40, 7.5) }))).toBe(40);
    expect(baseOf(ds, row({ ytd: value(null, null, null) }))).toBeNull();
  });

  it('orders desa, then total, then luar', () => {
    const rows = [
      row({ key: 'luar' }),
      row({ key: 'total' }),
      row({ key: 'a' }),
      row({ key: 'b' }),
    ];
    const split = splitRows(rows);
    expect(split.desa.map((r) => r.key)).toEqual(['a', 'b']);
    expect(split.total?.key).toBe('total');
    expect(split.luar?.key).toBe('luar');
  });

  it('splits indicators into printed tables that fit the width', () => {
    const widths = [4, 4, 4, 4, 4, 2, 2, 20, 4];
    const groups = chunkByColumns(widths, (w) => w, 18);
    expect(groups).toEqual([[4, 4, 4, 4], [4, 2, 2], [20], [4]]);
    expect(chunkByColumns([], (w: number) => w, 18)).toEqual([]);
  });
});
