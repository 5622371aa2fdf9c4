import { z } from 'zod';

/**
 * The monthly indicator report as data: what the Laporan screen shows, what goes into the
 * bundle (`report/indicators.json`) and what Dinkes recaps. Counts, not percentages, travel:
 * a percentage is always recomputed from its numerator and denominator (never summed).
 */

const label = z.object({ id: z.string(), en: z.string() });

/** One cell: null numerator = no data recorded (not zero). */
export const indicatorValue = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** numerator / denominator × 100 for percentages, the count for counts; null when unknown. */
  value: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const reportRow = z.object({
  /** A desa of the wilayah kerja, `luar` (services to non-residents) or `total`. */
  key: z.string(),
  desaCode: z.string().nullable(),
  desaName: z.string(),
  /** The annual target (sasaran) behind the denominator, when there is one. */
  target: z.number().nullable(),
  month: indicatorValue,
  ytd: indicatorValue,
  /** Cumulative numerator as % of the annual target. */
  pctOfTarget: z.number().nullable(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const REPORT_UNITS = ['count', 'percent'] as const;

export const indicatorResult = z.discriminatedUnion('computable', [
  z.object({
    computable: z.literal(true),
    code: z.string(),
    name: label,
    cluster: z.string(),
    unit: z.enum(REPORT_UNITS),
    /** The target in % for colouring (e.g. 100 for SPM, 80 for D/S), when the definition has one. */
    goal: z.number().nullable(),
    rows: z.array(reportRow),
  }),
  z.object({
    computable: z.literal(false),
    code: z.string(),
    name: label,
    cluster: z.string(),
    /** Why it cannot be computed from the recorded data yet. */
    reason: label,
  }),
]);
export type IndicatorResult = z.infer<typeof indicatorResult>;

export const monthlyReport = z.object({
  formatVersion: z.literal(1),
  facility: z.object({ kode: z.string(), name: z.string() }),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  generatedAt: z.string(),
  /** Version id of the indicator definitions used. */
  definitions: z.string(),
  indicators: z.array(indicatorResult),
});
export type MonthlyReport = z.infer<typeof monthlyReport>;
