import type { MantineColor } from '@mantine/core';
import { STATUS_GIZI_LABELS, type StatusGiziCode } from '@shared/domain/growth';
import { DOSE_LABELS, type DoseCode } from '@shared/domain/immunization';
import type { Locale, MessageKey } from '@shared/i18n';

/** Colour of a status gizi category: red severe, orange moderate, teal normal, grape above. */
const COLORS: Record<string, MantineColor> = {
  bbu_sangat_kurang: 'red',
  bbu_kurang: 'orange',
  bbu_normal: 'teal',
  bbu_risiko_lebih: 'grape',
  pbu_sangat_pendek: 'red',
  pbu_pendek: 'orange',
  pbu_normal: 'teal',
  pbu_tinggi: 'blue',
  bbpb_gizi_buruk: 'red',
  bbpb_gizi_kurang: 'orange',
  bbpb_gizi_baik: 'teal',
  bbpb_berisiko_gizi_lebih: 'yellow',
  bbpb_gizi_lebih: 'grape',
  bbpb_obesitas: 'grape',
  imtu_gizi_buruk: 'red',
  imtu_gizi_kurang: 'orange',
  imtu_gizi_baik: 'teal',
  imtu_berisiko_gizi_lebih: 'yellow',
  imtu_gizi_lebih: 'grape',
  imtu_obesitas: 'grape',
  lila_gizi_buruk: 'red',
  lila_gizi_kurang: 'orange',
  lila_normal: 'teal',
  lk_mikrosefali: 'orange',
  lk_normal: 'teal',
  lk_makrosefali: 'orange',
};

export function statusColor(code: string | null | undefined): MantineColor {
  return (code && COLORS[code]) || 'gray';
}

const SHORT = new Set([
  'bbu_sangat_kurang',
  'bbu_kurang',
  'bbu_normal',
  'bbu_risiko_lebih',
  'pbu_sangat_pendek',
  'pbu_pendek',
  'pbu_normal',
  'pbu_tinggi',
  'bbpb_gizi_buruk',
  'bbpb_gizi_kurang',
  'bbpb_gizi_baik',
  'bbpb_berisiko_gizi_lebih',
  'bbpb_gizi_lebih',
  'bbpb_obesitas',
]);

/** A compact label for tables (BB/U, PB/U, BB/PB); the full PMK label otherwise. */
export function statusLabel(
  t: (k: MessageKey) => string,
  locale: Locale,
  code: string | null | undefined,
  short = true,
): string {
  if (!code) return '—';
  if (short && SHORT.has(code)) return t(`child.short.${code}` as MessageKey);
  return STATUS_GIZI_LABELS[code as StatusGiziCode]?.[locale] ?? code;
}

export const GROWTH_COLORS: Record<string, MantineColor> = {
  N: 'teal',
  T: 'orange',
  '2T': 'red',
  O: 'gray',
  B: 'blue',
};

export function doseLabel(code: DoseCode, locale: Locale): string {
  return DOSE_LABELS[code][locale];
}

/** DPT-HB-Hib 2 → "DPT2" for the grid's narrow column. */
export function doseShort(code: DoseCode): string {
  return code.replace('DPT_HB_HIB', 'DPT').replace('BIAS_', '').replace('_K', ' k');
}

/** A z-score as a clerk reads it: "−2,15" (Indonesian) / "−2.15". */
export function zText(z: number | null | undefined, locale: Locale): string {
  if (z === null || z === undefined) return '—';
  const text = z.toFixed(2).replace('-', '−');
  return locale === 'id' ? text.replace('.', ',') : text;
}

/** A measured value: "8,2" / "8.2". */
export function numText(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined) return '—';
  const text = String(n);
  return locale === 'id' ? text.replace('.', ',') : text;
}

/**
 * A decimal as typed: "7,5" or "7.5" → 7.5; blank → null; anything else → NaN (the form says
 * "harus berupa angka").
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d*)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}
