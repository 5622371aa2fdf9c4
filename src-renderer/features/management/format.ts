import type { SasaranCell } from '@shared/contract';
import {
  SASARAN_GROUP_INFO,
  SASARAN_SOURCE_LABELS,
  type SasaranGroup,
  type SasaranSource,
} from '@shared/domain/management';
import type { Locale, MessageKey, MessageParams } from '@shared/i18n';
import { shortDate } from '../../lib/format';

type T = (key: MessageKey, params?: MessageParams) => string;

/** Whole numbers the way the clerk reads them (`12.345` in Indonesian). */
export function count(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US');
}

/** A decimal constant as typed in guides (`16,5`). */
export function decimal(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 4 });
}

/** The one-letter mark of a target's source in the table. */
export const SOURCE_MARK: Record<SasaranSource, { letter: string; color: string }> = {
  ketik: { letter: 'K', color: 'gray.7' },
  impor: { letter: 'I', color: 'blue.7' },
  estimasi: { letter: 'E', color: 'violet.7' },
  bagi: { letter: 'B', color: 'orange.8' },
  salin: { letter: 'S', color: 'teal.8' },
  registri: { letter: 'R', color: 'cyan.8' },
};

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** How a target was obtained, in a sentence (the tooltip of its cell). */
export function describeSource(cell: SasaranCell, locale: Locale, t: T): string {
  const b = cell.basis ?? {};
  const label = SASARAN_SOURCE_LABELS[cell.source][locale];
  let detail = '';
  switch (cell.source) {
    case 'estimasi':
      detail = t('sasaran.basis.estimasi', {
        penduduk: count(num(b.penduduk), locale),
        constants:
          num(b.constantsRevision) > 0
            ? t('sasaran.basis.revision', {
                year: String(b.constantsYear),
                revision: num(b.constantsRevision),
              })
            : t('sasaran.basis.defaults'),
      });
      break;
    case 'impor':
      detail = t('sasaran.basis.impor', { file: String(b.fileName ?? '—') });
      break;
    case 'bagi':
      detail = t('sasaran.basis.bagi', {
        total: count(num(b.total), locale),
        weight: count(num(b.weight), locale),
        weightTotal: count(num(b.weightTotal), locale),
        basis: t(
          b.weightBasis === 'registri' ? 'sasaran.split.registri' : 'sasaran.split.penduduk',
        ),
      });
      break;
    case 'salin':
      detail = t('sasaran.basis.salin', {
        year: String(b.fromYear),
        source:
          typeof b.fromSource === 'string' && b.fromSource in SASARAN_SOURCE_LABELS
            ? SASARAN_SOURCE_LABELS[b.fromSource as SasaranSource][locale]
            : '—',
      });
      break;
    case 'registri':
      detail = t('sasaran.basis.registri');
      break;
    case 'ketik':
      break;
  }
  const when = t('sasaran.basis.updated', { date: shortDate(cell.updatedAt) });
  return [label, detail, when].filter(Boolean).join(' · ');
}

export function groupShort(group: SasaranGroup, locale: Locale): string {
  return SASARAN_GROUP_INFO[group].short[locale];
}
