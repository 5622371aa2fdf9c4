import type { MonthlyReport, SkdnRow } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { columnLabel } from './IndicatorTable';
import {
  REPORT_GROUPS,
  baseOf,
  chunkByColumns,
  columnsOf,
  formatCount,
  formatPct,
  judge,
  kindOf,
  pctOf,
  periodLabel,
  proRatedGoal,
  ratioPct,
  splitRows,
  type ColumnKind,
  type ComputableIndicator,
} from './model';
import './print.css';
import { PrintArea, printNow } from '../../components/PrintArea';

/** The print area's name: `print.css` styles `body.siklus-report-print` and its root. */
const REPORT_PRINT = 'siklus-report-print';

/** Numeric columns per printed table so it fits the width of A4 landscape at 8pt. */
const COLUMNS_PER_PAGE = 16;

/**
 * The report on paper (Cetak / PDF): A4 landscape, each group on its own page, its indicators
 * split into tables that fit the width, header rows repeated on every page.
 */
export function ReportPrint({
  report,
  skdn,
  locale,
}: {
  report: MonthlyReport;
  skdn: SkdnRow[] | undefined;
  locale: Locale;
}) {
  const t = useT();
  const period = report.period;
  const rowName = (key: string, desaName: string) =>
    key === 'total' ? t('reports.row.total') : key === 'luar' ? t('reports.row.luar') : desaName;

  const value = (indicator: ComputableIndicator, key: string, kind: ColumnKind) => {
    const row = indicator.rows.find((r) => r.key === key);
    if (!row) return { text: '', mark: '' };
    switch (kind) {
      case 'target':
        return { text: formatCount(row.target, locale), mark: '' };
      case 'base':
        return { text: formatCount(baseOf(indicator, row), locale), mark: '' };
      case 'month':
        return { text: formatCount(row.month.numerator, locale), mark: '' };
      case 'ytd':
        return { text: formatCount(row.ytd.numerator, locale), mark: '' };
      case 'pct':
      case 'pctMonth': {
        const { judgement } = judge(indicator, row, period, kind);
        return {
          text: formatPct(pctOf(indicator, row, kind), locale),
          mark: judgement === 'met' ? '✓' : judgement === 'below' ? '↓' : '',
        };
      }
    }
  };

  const clusters = REPORT_GROUPS.map((cluster) => ({
    cluster,
    computable: report.indicators.filter(
      (i): i is ComputableIndicator => i.cluster === cluster && i.computable,
    ),
    pending: report.indicators.filter((i) => i.cluster === cluster && !i.computable),
  })).filter((c) => c.computable.length + c.pending.length > 0);

  return (
    <PrintArea name={REPORT_PRINT} testId="report-print">
      {clusters.map(({ cluster, computable, pending }, ci) => {
        const tables = chunkByColumns(computable, (i) => columnsOf(i).length, COLUMNS_PER_PAGE);
        return (
          <section key={cluster} className={ci > 0 ? 'rp-cluster rp-break' : 'rp-cluster'}>
            <header className="rp-head">
              <h1>{t('reports.print.heading', { facility: report.facility.name })}</h1>
              <p>
                {t(`reports.clusterTitle.${cluster}`)} ·{' '}
                {t('reports.print.period', {
                  month: periodLabel(period, locale),
                  at: shortDateTime(report.generatedAt),
                })}
              </p>
            </header>
            {tables.map((group, gi) => {
              const { desa, total, luar } = splitRows(group[0]!.rows);
              const order = [...desa, ...(total ? [total] : []), ...(luar ? [luar] : [])];
              return (
                <table key={gi} className="rp-table">
                  {tables.length > 1 && (
                    <caption className="rp-part">
                      {t(`reports.clusterTitle.${cluster}`)} —{' '}
                      {t('reports.print.part', { part: gi + 1, parts: tables.length })}
                    </caption>
                  )}
                  <colgroup>
                    <col className="rp-desa-col" />
                    {group.flatMap((indicator) =>
                      columnsOf(indicator).map((kind) => <col key={`${indicator.code}-${kind}`} />),
                    )}
                  </colgroup>
                  <thead>
                    <tr>
                      <th rowSpan={2} className="rp-desa">
                        {t('reports.col.desa')}
                      </th>
                      {group.map((indicator) => (
                        <th
                          key={indicator.code}
                          colSpan={columnsOf(indicator).length}
                          className="rp-ind"
                        >
                          <b>{indicator.code}</b> {indicator.name[locale]}
                        </th>
                      ))}
                    </tr>
                    <tr>
                      {group.flatMap((indicator) =>
                        columnsOf(indicator).map((kind, k) => (
                          <th
                            key={`${indicator.code}-${kind}`}
                            className={k === 0 ? 'rp-sub rp-start' : 'rp-sub'}
                          >
                            {t(columnLabel(kind, kindOf(indicator))[0])}
                          </th>
                        )),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {order.map((row) => (
                      <tr
                        key={row.key}
                        className={`rp-row-${row.key === 'total' || row.key === 'luar' ? row.key : 'desa'}`}
                      >
                        <th className="rp-desa">{rowName(row.key, row.desaName)}</th>
                        {group.flatMap((indicator) =>
                          columnsOf(indicator).map((kind, k) => {
                            const v = value(indicator, row.key, kind);
                            return (
                              <td
                                key={`${indicator.code}-${kind}`}
                                className={`${k === 0 ? 'rp-start' : ''} ${v.mark === '✓' ? 'rp-met' : v.mark === '↓' ? 'rp-below' : ''}`}
                              >
                                {v.text}
                                {v.mark && <span className="rp-mark"> {v.mark}</span>}
                              </td>
                            );
                          }),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
            })}
            {pending.length > 0 && (
              <div className="rp-notes">
                <b>{t('reports.notComputable')}:</b>
                <ul>
                  {pending.map((i) =>
                    i.computable ? null : (
                      <li key={i.code}>
                        <b>{i.code}</b> {i.name[locale]}: {i.reason[locale]}
                      </li>
                    ),
                  )}
                </ul>
              </div>
            )}
            <p className="rp-legend">
              ✓ {t('reports.legend.met')} · ↓ {t('reports.legend.below')} ·{' '}
              {t('reports.legend.prorated', {
                month: periodLabel(period, locale),
                fraction: `${Number(period.slice(5))}/12`,
                pct: formatPct(proRatedGoal(100, period), locale),
              })}{' '}
              {t('reports.noData')}
            </p>
          </section>
        );
      })}
      {skdn && skdn.length > 0 && (
        <section className="rp-cluster rp-break">
          <header className="rp-head">
            <h1>{t('reports.skdn.title', { month: periodLabel(period, locale) })}</h1>
            <p>{report.facility.name}</p>
          </header>
          <table className="rp-table rp-long">
            <colgroup>
              <col style={{ width: '62mm' }} />
              <col style={{ width: '36mm' }} />
            </colgroup>
            <thead>
              <tr>
                <th className="rp-desa">{t('reports.skdn.col.posyandu')}</th>
                <th className="rp-desa">{t('reports.skdn.col.desa')}</th>
                {(['S', 'K', 'D', 'N', 'O', 'T2', 'BGM', 'KS', 'DS', 'ND'] as const).map((k) => (
                  <th key={k} className="rp-sub">
                    {t(`reports.skdn.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...skdn, skdnTotal(skdn, t('reports.skdn.total'))].map((r) => (
                <tr
                  key={r.posyanduId}
                  className={r.posyanduId === 'total' ? 'rp-row-total' : undefined}
                >
                  <th className="rp-desa">{r.posyanduName}</th>
                  <th className="rp-desa">{r.desaName}</th>
                  {(['S', 'K', 'D', 'N', 'O', 'T2', 'BGM'] as const).map((k) => (
                    <td key={k}>{formatCount(r[k], locale)}</td>
                  ))}
                  <td>{formatPct(ratioPct(r.K, r.S), locale)}</td>
                  <td>{formatPct(ratioPct(r.D, r.S), locale)}</td>
                  <td>{formatPct(ratioPct(r.N, r.D), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </PrintArea>
  );
}

/** The SKDN sums over every posyandu (the total row). */
export function skdnTotal(rows: readonly SkdnRow[], name: string): SkdnRow {
  const total: SkdnRow = {
    posyanduId: 'total',
    posyanduName: name,
    desaName: '',
    S: 0,
    K: 0,
    D: 0,
    N: 0,
    O: 0,
    T2: 0,
    BGM: 0,
  };
  for (const r of rows) for (const k of SKDN_COUNTS) total[k] += r[k];
  return total;
}

const SKDN_COUNTS = ['S', 'K', 'D', 'N', 'O', 'T2', 'BGM'] as const;

/** Print the report now (the same as Ctrl+P on the Laporan screen). */
export const printReport = () => printNow(REPORT_PRINT);
