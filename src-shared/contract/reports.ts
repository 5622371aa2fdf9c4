import { z } from 'zod';
import { INDICATOR_CLUSTERS } from '../domain/indicators/types';
import { channel } from './channel';
import { fileDownload } from './files';
import { indicatorValue, monthlyReport } from './report-format';

/** `YYYY-MM` */
export const reportPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'format bulan YYYY-MM');

/** Which window a number was counted in: the month itself, or January to the month's end. */
export const REPORT_WINDOWS = ['month', 'ytd'] as const;
export type ReportWindow = (typeof REPORT_WINDOWS)[number];

export const drillRow = z.object({
  personId: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  /** Desa of residence at the counted date; null = luar wilayah. */
  desaName: z.string().nullable(),
  /** The date that counted (the achievement, or the latest observation in the window). */
  onDate: z.string(),
  /** In the numerator (false: observed but not counted, e.g. a child measured and not stunted). */
  counted: z.boolean(),
});
export type DrillRow = z.infer<typeof drillRow>;

export const seriesPoint = z.object({
  /** `YYYY-MM` */
  month: z.string(),
  /** The puskesmas total (residents): the month alone (`value`) and January to that month (`ytd`). */
  value: indicatorValue,
  ytd: indicatorValue,
  pctOfTarget: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const skdnRow = z.object({
  posyanduId: z.string(),
  posyanduName: z.string(),
  desaName: z.string(),
  /** S registered balita, K with KIA book, D weighed, N gained weight (against last month). */
  S: z.number(),
  K: z.number(),
  D: z.number(),
  N: z.number(),
  /** Weighed without a previous weighing to compare (O), and 2T, BGM among D. */
  O: z.number(),
  T2: z.number(),
  BGM: z.number(),
});
export type SkdnRow = z.infer<typeof skdnRow>;

/**
 * Laporan (issue #8). The report is computed in SQL by the indicator engine
 * (`src-main/reports/`); every number can be opened to the persons behind it.
 */
export const reportsChannels = {
  /** The monthly report of every indicator (or one cluster's), all desa, month and year to date. */
  'reports.monthly': channel(
    z.object({ period: reportPeriod, cluster: z.enum(INDICATOR_CLUSTERS).optional() }).strict(),
    monthlyReport,
  ),
  /** The persons behind one number: indicator × row (desa id, `luar`, `total`) × window. */
  'reports.drill': channel(
    z
      .object({
        period: reportPeriod,
        code: z.string().min(1),
        key: z.string().min(1),
        window: z.enum(REPORT_WINDOWS),
      })
      .strict(),
    z.object({ rows: z.array(drillRow) }),
  ),
  /** PWS month-by-month line of one indicator for the puskesmas, January to the period. */
  'reports.series': channel(
    z.object({ period: reportPeriod, code: z.string().min(1) }).strict(),
    z.object({ points: z.array(seriesPoint) }),
  ),
  /** SKDN of the month per posyandu (D/S, N/D as on the posyandu's register). */
  'reports.skdn': channel(
    z.object({ period: reportPeriod }).strict(),
    z.object({ rows: z.array(skdnRow) }),
  ),
  /** The report as a workbook: one sheet per cluster, formulas for totals and percentages. */
  'reports.xlsx': channel(z.object({ period: reportPeriod }).strict(), fileDownload),
};
