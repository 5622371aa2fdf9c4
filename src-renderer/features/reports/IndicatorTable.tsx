import { Group, Text } from '@mantine/core';
import { IconArrowDownRight, IconCheck } from '@tabler/icons-react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { ReportRow, ReportWindow } from '@shared/contract';
import type { Locale, MessageKey } from '@shared/i18n';
import { useT } from '../../lib/i18n';
import {
  baseOf,
  columnsOf,
  kindOf,
  formatCount,
  formatPct,
  judge,
  pctOf,
  periodLabel,
  proRatedGoal,
  splitRows,
  type ColumnKind,
  type ComputableIndicator,
  type DenominatorKind,
} from './model';
import classes from './reports.module.css';

/** One number the clerk asked about: which persons are behind it. */
export interface DrillTarget {
  code: string;
  indicatorName: string;
  key: string;
  desaName: string;
  window: ReportWindow;
}

/** The header of a column (short) and its explanation (title), by denominator kind for `base`. */
export function columnLabel(
  kind: ColumnKind,
  denominator: DenominatorKind,
): readonly [MessageKey, MessageKey] {
  if (kind === 'base') {
    if (denominator === 'population')
      return ['reports.col.base.population', 'reports.col.base.population.title'];
    if (denominator === 'dropout')
      return ['reports.col.base.dropout', 'reports.col.base.dropout.title'];
    return ['reports.col.base.observed', 'reports.col.base.observed.title'];
  }
  return COLUMN_LABEL[kind];
}

const COLUMN_LABEL = {
  target: ['reports.col.target', 'reports.col.target.title'],
  month: ['reports.col.month', 'reports.col.month.title'],
  ytd: ['reports.col.ytd', 'reports.col.ytd.title'],
  pctMonth: ['reports.col.pctMonth', 'reports.col.pctMonth.title'],
  pct: ['reports.col.pct', 'reports.col.pct.title'],
} as const;

/** Move focus between the number buttons with the arrow keys (row, column). */
function onArrow(event: KeyboardEvent<HTMLTableElement>) {
  const target = event.target as HTMLElement;
  const r = Number(target.dataset.r);
  const c = Number(target.dataset.c);
  if (Number.isNaN(r) || Number.isNaN(c)) return;
  const step: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = step[event.key];
  if (!move) return;
  event.preventDefault();
  const table = event.currentTarget;
  // Skip cells without a button (no data, targets) in the direction of travel.
  for (let i = 1; i < 200; i++) {
    const next = table.querySelector<HTMLElement>(
      `[data-r="${r + move[0] * i}"][data-c="${c + move[1] * i}"]`,
    );
    if (next) {
      next.focus();
      next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    const rowExists = table.querySelector(`[data-row="${r + move[0] * i}"]`);
    if (move[0] !== 0 && !rowExists) return;
    if (move[1] !== 0 && c + move[1] * i < 0) return;
  }
}

/**
 * Desa × indicator for one group: per indicator its target (or those examined), this month,
 * the year to date and the cumulative %, coloured against the goal with a text/icon cue.
 * Total and luar wilayah rows close the table.
 */
export function IndicatorTable({
  indicators,
  period,
  locale,
  maxHeight,
  onDrill,
}: {
  indicators: ComputableIndicator[];
  period: string;
  locale: Locale;
  maxHeight: string;
  onDrill: (target: DrillTarget) => void;
}) {
  const t = useT();
  const first = indicators[0];
  if (!first) return null;
  const { desa, total, luar } = splitRows(first.rows);
  const order = [...desa, ...(total ? [total] : []), ...(luar ? [luar] : [])];
  const name = (row: ReportRow) =>
    row.key === 'total'
      ? t('reports.row.total')
      : row.key === 'luar'
        ? t('reports.row.luar')
        : row.desaName;
  const groups = indicators.map((indicator) => ({
    indicator,
    columns: columnsOf(indicator),
    byKey: new Map(indicator.rows.map((r) => [r.key, r])),
  }));

  function cell(
    indicator: ComputableIndicator,
    row: ReportRow | undefined,
    kind: ColumnKind,
    r: number,
    c: number,
    groupStart: boolean,
  ) {
    const className = `${classes.num} ${groupStart ? classes.groupStart : ''}`;
    if (!row)
      return <td key={c} className={className} data-code={indicator.code} data-kind={kind} />;
    const label = indicator.name[locale];
    const desaName = name(row);
    const open = (window: ReportWindow) =>
      onDrill({ code: indicator.code, indicatorName: label, key: row.key, desaName, window });
    const button = (text: string, window: ReportWindow, detail: string, extra?: ReactElement) => (
      <button
        type="button"
        className={classes.cellButton}
        data-r={r}
        data-c={c}
        title={detail}
        aria-label={t('reports.cell.open', {
          indicator: label,
          desa: desaName,
          window: t(`reports.window.${window}`),
          value: detail,
        })}
        onClick={() => open(window)}
      >
        {extra}
        {text}
      </button>
    );
    const plain = (text: string, title?: string) => (
      <span className={classes.plain} title={title}>
        {text}
      </span>
    );
    const td = (content: ReactElement, extraClass = '', judgement?: string) => (
      <td
        key={c}
        className={`${className} ${extraClass}`}
        data-code={indicator.code}
        data-kind={kind}
        data-judgement={judgement}
      >
        {content}
      </td>
    );
    const noData = () => td(plain('—', t('reports.cell.noData')));
    switch (kind) {
      case 'target':
        return td(plain(formatCount(row.target, locale)));
      case 'base': {
        const base = baseOf(indicator, row);
        if (base === null) return noData();
        const text = formatCount(base, locale);
        // A head count from the registry has no list behind it; those examined do.
        return kindOf(indicator) === 'population'
          ? td(plain(text, t(columnLabel('base', 'population')[1])))
          : td(button(text, 'ytd', t('reports.cell.count', { count: text })));
      }
      case 'month':
      case 'ytd': {
        const value = kind === 'month' ? row.month : row.ytd;
        if (value.numerator === null) return noData();
        const count = formatCount(value.numerator, locale);
        const detail =
          value.value === null || value.denominator === null
            ? t('reports.cell.count', { count })
            : t(kindOf(indicator) === 'sasaran' ? 'reports.cell.ofTarget' : 'reports.cell.ofBase', {
                count,
                base: formatCount(value.denominator, locale),
                pct: formatPct(value.value, locale),
              });
        return td(button(count, kind, detail));
      }
      case 'pct':
      case 'pctMonth': {
        const pct = pctOf(indicator, row, kind);
        const window: ReportWindow = kind === 'pctMonth' ? 'month' : 'ytd';
        if (pct === null)
          return td(
            plain(
              '—',
              (kind === 'pctMonth' ? row.month : row.ytd).numerator === null
                ? t('reports.cell.noData')
                : undefined,
            ),
          );
        const { judgement, threshold } = judge(indicator, row, period, kind);
        const text = formatPct(pct, locale);
        const thresholdText = threshold === null ? '' : formatPct(threshold, locale);
        const verdict =
          judgement === 'met'
            ? t('reports.cell.met', { threshold: thresholdText })
            : judgement === 'below'
              ? t('reports.cell.below', { threshold: thresholdText })
              : '';
        const icon =
          judgement === 'met' ? (
            <IconCheck size={12} stroke={3} aria-hidden />
          ) : judgement === 'below' ? (
            <IconArrowDownRight size={12} stroke={3} aria-hidden />
          ) : undefined;
        return td(
          button(text, window, verdict ? `${text}, ${verdict}` : text, icon),
          judgement === 'met' ? classes.met : judgement === 'below' ? classes.below : '',
          judgement,
        );
      }
    }
  }

  const goals = indicators.some((i) => i.goal !== null);
  const sasaranGoal = indicators.some((i) => i.goal !== null && kindOf(i) === 'sasaran');

  return (
    <div>
      <div className={classes.scroll} style={{ maxHeight }}>
        <table className={classes.table} onKeyDown={onArrow} data-testid="report-table">
          <thead>
            <tr className={classes.head1}>
              <th rowSpan={2} className={classes.desaCol} scope="col">
                {t('reports.col.desa')}
              </th>
              {groups.map(({ indicator, columns }) => (
                <th
                  key={indicator.code}
                  colSpan={columns.length}
                  className={classes.groupStart}
                  title={`${indicator.code} · ${indicator.name[locale]}`}
                  scope="colgroup"
                  style={{ maxWidth: columns.length * 64 }}
                >
                  <span className={classes.indName}>
                    <span className={classes.indCode}>{indicator.code}</span>{' '}
                    {indicator.name[locale]}
                  </span>
                </th>
              ))}
            </tr>
            <tr className={classes.head2}>
              {groups.flatMap(({ indicator, columns }) =>
                columns.map((kind, i) => (
                  <th
                    key={`${indicator.code}-${kind}`}
                    className={i === 0 ? classes.groupStart : undefined}
                    title={t(columnLabel(kind, kindOf(indicator))[1])}
                    scope="col"
                  >
                    {t(columnLabel(kind, kindOf(indicator))[0])}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {order.map((row, r) => (
              <tr
                key={row.key}
                data-row={r}
                data-key={row.key}
                className={
                  row.key === 'total'
                    ? classes.totalRow
                    : row.key === 'luar'
                      ? classes.luarRow
                      : undefined
                }
              >
                <th scope="row" className={classes.desaCol} title={name(row)}>
                  {name(row)}
                </th>
                {(() => {
                  let c = 0;
                  return groups.flatMap(({ indicator, columns, byKey }) =>
                    columns.map((kind, i) =>
                      cell(indicator, byKey.get(row.key), kind, r, c++, i === 0),
                    ),
                  );
                })()}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Group gap="md" mt={6} wrap="wrap">
        {goals && (
          <>
            <span className={`${classes.legendSwatch} ${classes.met}`}>
              <IconCheck size={12} stroke={3} aria-hidden /> {t('reports.legend.met')}
            </span>
            <span className={`${classes.legendSwatch} ${classes.below}`}>
              <IconArrowDownRight size={12} stroke={3} aria-hidden /> {t('reports.legend.below')}
            </span>
          </>
        )}
        {sasaranGoal && (
          <Text size="xs" c="dimmed">
            {t('reports.legend.prorated', {
              month: periodLabel(period, locale),
              fraction: `${Number(period.slice(5))}/12`,
              pct: formatPct(proRatedGoal(100, period), locale),
            })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('reports.noData')}
        </Text>
      </Group>
    </div>
  );
}
