/**
 * A puskesmas' own KBM table (domain reference §2.8 says to follow the KBM table of the current
 * Buku KIA, which the app cannot confirm): the rows an admin types, checked before they replace
 * the shipped table for N/T.
 */
import { fail, ok, refusal, type Checked, type Label, type Refusal } from '../refusal';
import type { KbmRow, KbmTable } from './kbm';

export const KBM_REFUSAL_CODES = ['EMPTY', 'NOT_FROM_1', 'GAP', 'OPEN_END', 'BAD_ROW'] as const;
export type KbmRefusalCode = (typeof KBM_REFUSAL_CODES)[number];

const FIELD: Label = { id: 'Tabel KBM', en: 'KBM table' };
/** Largest minimum gain accepted, grams per month. */
export const KBM_MAX_GAIN_G = 2000;
/** Oldest "from" month accepted (balita end at 59 months). */
export const KBM_MAX_MONTH = 59;

function row(i: number): Label {
  return { id: `baris ${i + 1}`, en: `row ${i + 1}` };
}

/**
 * Rows as a KBM table: they must start at 1 month, follow on without gap or overlap
 * (`fromMonth` = the previous `toMonth` + 1), end open (`toMonth` null) and give a whole number
 * of grams from 0 to {@link KBM_MAX_GAIN_G}.
 */
export function kbmTableFromRows(
  rows: readonly KbmRow[],
  validFrom: string,
  source = 'Pengaturan puskesmas (tabel KBM Buku KIA yang berlaku)',
): Checked<KbmTable, KbmRefusalCode> {
  const refusals: Refusal<KbmRefusalCode>[] = [];
  const add = (code: KbmRefusalCode, problem: Label) =>
    refusals.push(refusal(code, 'kbm', FIELD, problem));
  if (rows.length === 0) {
    add('EMPTY', { id: 'isi paling sedikit satu baris', en: 'enter at least one row' });
    return fail(refusals);
  }
  if (rows[0]!.fromMonth !== 1) {
    add('NOT_FROM_1', {
      id: 'baris pertama harus mulai umur 1 bulan',
      en: 'the first row must start at 1 month',
    });
  }
  rows.forEach((r, i) => {
    const okRow =
      Number.isInteger(r.fromMonth) &&
      r.fromMonth >= 1 &&
      r.fromMonth <= KBM_MAX_MONTH &&
      (r.toMonth === null ||
        (Number.isInteger(r.toMonth) && r.toMonth >= r.fromMonth && r.toMonth <= KBM_MAX_MONTH)) &&
      Number.isInteger(r.minGainG) &&
      r.minGainG >= 0 &&
      r.minGainG <= KBM_MAX_GAIN_G;
    if (!okRow) {
      const at = row(i);
      add('BAD_ROW', {
        id: `${at.id}: umur 1–${KBM_MAX_MONTH} bulan (sampai ≥ dari), kenaikan 0–${KBM_MAX_GAIN_G} gram bulat`,
        en: `${at.en}: ages 1–${KBM_MAX_MONTH} months (to ≥ from), gain 0–${KBM_MAX_GAIN_G} whole grams`,
      });
    }
    const next = rows[i + 1];
    if (next && (r.toMonth === null || next.fromMonth !== r.toMonth + 1)) {
      const at = row(i + 1);
      add('GAP', {
        id: `${at.id} harus mulai tepat sesudah baris sebelumnya (tanpa celah atau tumpang-tindih)`,
        en: `${at.en} must start right after the previous row (no gap or overlap)`,
      });
    }
  });
  if (rows.at(-1)!.toMonth !== null) {
    add('OPEN_END', {
      id: 'baris terakhir harus berlaku "dan seterusnya" (tanpa batas atas)',
      en: 'the last row must apply "and older" (no upper bound)',
    });
  }
  if (refusals.length > 0) return fail(refusals);
  return ok({
    id: 'kbm.pengaturan',
    title: 'Kenaikan berat badan minimal (KBM), tabel pengaturan puskesmas',
    validFrom,
    source,
    rows: rows.map((r) => ({ ...r })),
  });
}
