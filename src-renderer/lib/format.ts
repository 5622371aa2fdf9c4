import { ageOn } from '@shared/domain/dates';
import type { MessageKey, MessageParams } from '@shared/i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** `1990-03-05` → `05-03-1990`, the compact form used in tables. */
export function shortDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** `2026-11-22T02:15:00.000Z` → `22-11-2026 09.15` in the viewer's clock. */
export function shortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}

/**
 * A compact age for lists: years for adults, years and months for children, months and days
 * for babies.
 */
export function ageText(t: T, birthDate: string, today: string): string {
  const age = ageOn(birthDate, today);
  if (age.years >= 5) return t('age.years', { years: age.years });
  if (age.years >= 1)
    return `${t('age.years', { years: age.years })} ${t('age.months', { months: age.months })}`;
  return `${t('age.months', { months: age.months })} ${t('age.days', { days: age.days })}`;
}

/** The full age: "35 th 8 bl 17 hr". */
export function fullAgeText(t: T, birthDate: string, today: string): string {
  const age = ageOn(birthDate, today);
  return `${t('age.years', { years: age.years })} ${t('age.months', { months: age.months })} ${t('age.days', { days: age.days })}`;
}

/** Today's date on this computer (the puskesmas PC's clock and time zone). */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
