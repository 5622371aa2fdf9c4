/**
 * The Laporan screens' arithmetic, pure (no DOM) so it is tested at its edges in
 * tests/unit/reports/model.test.ts: which month a report opens on, how a cell is judged
 * against its goal (the PWS pro-rated target), and how numbers are written.
 */
import type { IndicatorResult, ReportRow } from '@shared/contract';
import { addPeriods, periodName } from '@shared/domain/bundle';
import { monthName, monthOf } from '@shared/domain/dates';
import {
  indicatorByCode,
  type Denominator,
  type IndicatorCluster,
} from '@shared/domain/indicators';
import type { Locale } from '@shared/i18n';

/** The groups in the order a clerk reads the report: Klaster 2 ibu, anak, gizi, imunisasi, then 3, SPM. */
export const REPORT_GROUPS: readonly IndicatorCluster[] = [
  'k2-ibu',
  'k2-anak',
  'k2-gizi',
  'k2-imunisasi',
  'k3',
  'spm',
];

export type ComputableIndicator = Extract<IndicatorResult, { computable: true }>;

function monthNumber(period: string): number {
  return Number(period.slice(5, 7));
}

/** The last month that has ended on `today` (`YYYY-MM-DD`): a report is made after the month. */
export function lastCompleteMonth(today: string): string {
  return addPeriods(monthOf(today), -1);
}

/** "Oktober 2026" */
export function periodLabel(period: string, locale: Locale): string {
  return periodName(period)[locale];
}

/** "Okt" — for chart axes. */
export function monthShort(period: string, locale: Locale): string {
  return monthName(monthNumber(period))[locale].slice(0, 3);
}

/**
 * The months a clerk can report on: the running month first (it is still open), then back to
 * January `yearsBack` years earlier.
 */
export function selectableMonths(today: string, yearsBack = 2): string[] {
  const current = monthOf(today);
  const first = `${Number(current.slice(0, 4)) - yearsBack}-01`;
  const months: string[] = [];
  for (let p = current; p >= first; p = addPeriods(p, -1)) months.push(p);
  return months;
}

/**
 * The cumulative target a month should have reached (PWS-KIA practice): the annual goal
 * spread evenly over the year, so October's cumulative coverage is judged against 10/12 of it.
 * Rounded to one decimal as the percentages are.
 */
export function proRatedGoal(goal: number, period: string): number {
  return Math.round(((goal * monthNumber(period)) / 12) * 10) / 10;
}

export type DenominatorKind = Denominator['kind'];

/**
 * What an indicator's percentage is taken of, from its definition (the report carries counts
 * only); for a code the registry does not know, read from the rows.
 */
export function kindOf(indicator: ComputableIndicator): DenominatorKind {
  const def = indicatorByCode(indicator.code);
  if (def) return def.denominator.kind;
  if (indicator.unit === 'count') return 'none';
  return indicator.rows.some((r) => r.pctOfTarget !== null) ? 'sasaran' : 'observed';
}

export type Judgement =
  /** At or above the goal (pro-rated for annual targets); at or below it for a drop-out. */
  | 'met'
  /** On the wrong side of it. */
  | 'below'
  /** Nothing to judge: no goal, no data, or a plain count. */
  | 'none';

/** Which numbers an indicator shows per desa (the column group under its name). */
export type ColumnKind = 'target' | 'base' | 'month' | 'ytd' | 'pctMonth' | 'pct';

/**
 * The columns of an indicator: counts show this month and the year to date; annual-target
 * coverage adds the target and the cumulative % of it (PWS); a percentage of a head count,
 * of those examined, or a drop-out adds its denominator and the % of the month and of the
 * year to date.
 */
export function columnsOf(indicator: ComputableIndicator): ColumnKind[] {
  const kind = kindOf(indicator);
  if (indicator.unit === 'count' || kind === 'none') return ['month', 'ytd'];
  if (kind === 'sasaran') return ['target', 'month', 'ytd', 'pct'];
  return ['base', 'month', 'ytd', 'pctMonth', 'pct'];
}

/** The denominator shown in the `base` column: the head count, or those counted in the year. */
export function baseOf(indicator: ComputableIndicator, row: ReportRow): number | null {
  if (row.ytd.numerator === null) return null;
  return kindOf(indicator) === 'population' ? row.target : row.ytd.denominator;
}

/** The percentage in a % column: of the annual target, or the value of the window. */
export function pctOf(
  indicator: ComputableIndicator,
  row: ReportRow,
  column: 'pct' | 'pctMonth' = 'pct',
): number | null {
  if (indicator.unit !== 'percent') return null;
  if (column === 'pctMonth') return row.month.value;
  return kindOf(indicator) === 'sasaran' ? row.pctOfTarget : row.ytd.value;
}

/**
 * How a % stands against the indicator's goal. Annual-target coverage (cumulative) is judged
 * against the goal pro-rated to the month; any other percentage against the goal itself; a
 * drop-out rate is good at or below it.
 */
export function judge(
  indicator: ComputableIndicator,
  row: ReportRow,
  period: string,
  column: 'pct' | 'pctMonth' = 'pct',
): { judgement: Judgement; threshold: number | null } {
  const value = pctOf(indicator, row, column);
  if (indicator.goal === null || value === null) return { judgement: 'none', threshold: null };
  const kind = kindOf(indicator);
  const threshold = kind === 'sasaran' ? proRatedGoal(indicator.goal, period) : indicator.goal;
  const met = kind === 'dropout' ? value <= threshold : value >= threshold;
  return { judgement: met ? 'met' : 'below', threshold };
}

/** A count in the clerk's locale (`1.234`), or `—` for no data. */
export function formatCount(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A percentage with one decimal (`83,3%`), or `—`. */
export function formatPct(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return `${value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })}%`;
}

/**
 * Split items into consecutive groups whose widths add up to at most `max` (print: indicators
 * per table so each table fits the width of the page); an item wider than `max` stands alone.
 */
export function chunkByColumns<T>(
  items: readonly T[],
  width: (item: T) => number,
  max: number,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = width(item);
    if (current.length > 0 && used + w > max) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The rows in display order: desa by name as the engine gave them, then total, then luar. */
export function splitRows(rows: readonly ReportRow[]): {
  desa: ReportRow[];
  total: ReportRow | undefined;
  luar: ReportRow | undefined;
} {
  return {
    desa: rows.filter((r) => r.key !== 'total' && r.key !== 'luar'),
    total: rows.find((r) => r.key === 'total'),
    luar: rows.find((r) => r.key === 'luar'),
  };
}

/** `part ÷ whole × 100` with one decimal (SKDN ratios), or null when the whole is 0. */
export function ratioPct(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
