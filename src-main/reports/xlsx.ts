import type { FileDownload, IndicatorResult, MonthlyReport, ReportRow } from '@shared/contract';
import {
  INDICATOR_CLUSTERS,
  indicatorByCode,
  type IndicatorDefinition,
} from '@shared/domain/indicators';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import { fileSlug, newWorkbook, workbookFile } from '../services/xlsx';

type Computable = Extract<IndicatorResult, { computable: true }>;
type Cell = number | null;

/** One column of an indicator's group: what it shows, and how the total row gets it. */
interface Column {
  header: MessageKey;
  width: number;
  /** A count (summed in the total row) or a percentage of two other columns. */
  kind: 'count' | 'percent';
  value: (row: ReportRow) => Cell;
  /** For percentages: the numerator and denominator column offsets within the group. */
  of?: [number, number];
}

const HEADING_ROWS = 5;
const NAME_ROW = HEADING_ROWS + 2;
const SUB_ROW = NAME_ROW + 1;
const FIRST_DATA_ROW = SUB_ROW + 1;
const FIXED_COLUMNS = 2;

function columnsOf(result: Computable, def: IndicatorDefinition | undefined): Column[] {
  const kind = def?.denominator.kind ?? (result.unit === 'count' ? 'none' : 'observed');
  if (result.unit === 'count' || kind === 'none') {
    return [
      { header: 'report.xlsx.month', width: 10, kind: 'count', value: (r) => r.month.numerator },
      { header: 'report.xlsx.ytd', width: 11, kind: 'count', value: (r) => r.ytd.numerator },
    ];
  }
  if (kind === 'sasaran') {
    return [
      { header: 'report.xlsx.target', width: 10, kind: 'count', value: (r) => r.target },
      { header: 'report.xlsx.month', width: 10, kind: 'count', value: (r) => r.month.numerator },
      { header: 'report.xlsx.ytd', width: 11, kind: 'count', value: (r) => r.ytd.numerator },
      {
        header: 'report.xlsx.pctTarget',
        width: 10,
        kind: 'percent',
        value: (r) => r.pctOfTarget,
        of: [2, 0],
      },
    ];
  }
  return [
    { header: 'report.xlsx.month', width: 10, kind: 'count', value: (r) => r.month.numerator },
    {
      header: 'report.xlsx.denominator',
      width: 11,
      kind: 'count',
      value: (r) => r.month.denominator,
    },
    {
      header: 'report.xlsx.pctMonth',
      width: 11,
      kind: 'percent',
      value: (r) => r.month.value,
      of: [0, 1],
    },
    { header: 'report.xlsx.ytd', width: 11, kind: 'count', value: (r) => r.ytd.numerator },
    {
      header: 'report.xlsx.denominator',
      width: 11,
      kind: 'count',
      value: (r) => r.ytd.denominator,
    },
    {
      header: 'report.xlsx.pctYtd',
      width: 11,
      kind: 'percent',
      value: (r) => r.ytd.value,
      of: [3, 4],
    },
  ];
}

const ref = (row: number, col: number) => `${columnLetter(col)}${row}`;

function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const THIN = { style: 'thin' as const, color: { argb: 'FFB8C4C2' } };

/**
 * The monthly report as a workbook: one sheet per cluster (rows: each desa of the wilayah kerja,
 * the total, luar wilayah; a column group per indicator), real formulas for the total row (SUM
 * over the desa) and every percentage (with the engine's number as the cached result), frozen
 * headers, and a notes sheet with how each indicator is attributed.
 */
export async function reportWorkbook(report: MonthlyReport, locale: Locale): Promise<FileDownload> {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const workbook = await newWorkbook();
  workbook.created = new Date(report.generatedAt);

  for (const cluster of INDICATOR_CLUSTERS) {
    const results = report.indicators.filter((i) => i.cluster === cluster);
    if (results.length === 0) continue;
    const clusterName = t(`report.cluster.${cluster}` as MessageKey);
    const ws = workbook.addWorksheet(clusterName.slice(0, 31));
    const heading = [
      t('report.xlsx.title', { cluster: clusterName }),
      t('report.xlsx.facility', { name: report.facility.name, kode: report.facility.kode || '–' }),
      t('report.xlsx.period', { period: report.period }),
      t('report.xlsx.generated', {
        at: report.generatedAt.replace('T', ' ').slice(0, 16),
        version: report.definitions,
      }),
      t('report.xlsx.noData'),
    ];
    heading.forEach((line, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = line;
      cell.font = i === 0 ? { bold: true, size: 13 } : { size: 10, italic: i === 4 };
    });

    const computable = results.filter((r): r is Computable => r.computable);
    const rows = computable[0]?.rows ?? [];
    const desaRows = rows.filter((r) => r.key !== 'total' && r.key !== 'luar');
    const rowIndex = new Map<string, number>();
    desaRows.forEach((r, i) => rowIndex.set(r.key, FIRST_DATA_ROW + i));
    const totalRow = FIRST_DATA_ROW + desaRows.length;
    const luarRow = totalRow + 1;
    rowIndex.set('total', totalRow);
    rowIndex.set('luar', luarRow);

    // Fixed columns: desa code and name.
    ws.getColumn(1).width = 15;
    ws.getColumn(2).width = 26;
    for (const [col, key] of [
      [1, 'report.xlsx.desaCode'],
      [2, 'report.xlsx.desa'],
    ] as const) {
      ws.mergeCells(NAME_ROW, col, SUB_ROW, col);
      const c = ws.getCell(NAME_ROW, col);
      c.value = t(key);
      c.font = { bold: true };
      c.alignment = { vertical: 'middle', wrapText: true };
    }
    for (const r of desaRows) {
      const i = rowIndex.get(r.key)!;
      ws.getCell(i, 1).value = r.desaCode;
      ws.getCell(i, 2).value = r.desaName;
    }
    ws.getCell(totalRow, 2).value = t('report.xlsx.total');
    ws.getCell(luarRow, 2).value = t('report.xlsx.luar');
    for (const i of [totalRow, luarRow]) {
      ws.getRow(i).font = { bold: i === totalRow, italic: i === luarRow };
    }

    let col = FIXED_COLUMNS + 1;
    for (const result of results) {
      if (!result.computable) {
        ws.mergeCells(NAME_ROW, col, SUB_ROW, col);
        const c = ws.getCell(NAME_ROW, col);
        c.value = `${result.name[locale]} — ${t('report.xlsx.notComputable', {
          reason: result.reason[locale],
        })}`;
        c.alignment = { wrapText: true, vertical: 'top' };
        c.font = { italic: true, color: { argb: 'FF6B6B6B' } };
        ws.getColumn(col).width = 24;
        col += 1;
        continue;
      }
      const columns = columnsOf(result, indicatorByCode(result.code));
      const first = col;
      ws.mergeCells(NAME_ROW, first, NAME_ROW, first + columns.length - 1);
      const title = ws.getCell(NAME_ROW, first);
      title.value = `${result.code} · ${result.name[locale]}`;
      title.font = { bold: true };
      title.alignment = { wrapText: true, vertical: 'top', horizontal: 'center' };
      title.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4F1' } };
      columns.forEach((column, k) => {
        const c = first + k;
        ws.getColumn(c).width = column.width;
        const sub = ws.getCell(SUB_ROW, c);
        sub.value = t(column.header);
        sub.font = { bold: true, size: 9 };
        sub.alignment = { wrapText: true, horizontal: 'center' };
        sub.border = { bottom: THIN, left: k === 0 ? THIN : undefined };
        if (column.kind === 'percent') ws.getColumn(c).numFmt = '0.0';
      });
      for (const row of result.rows) {
        const r = rowIndex.get(row.key);
        if (r === undefined) continue;
        columns.forEach((column, k) => {
          const c = first + k;
          const value = column.value(row);
          const cell = ws.getCell(r, c);
          if (column.kind === 'percent') {
            const [num, den] = column.of!;
            const n = ref(r, first + num);
            const d = ref(r, first + den);
            cell.value =
              value === null
                ? null
                : {
                    formula: `IF(OR(${d}="",${d}=0),"",ROUND(${n}/${d}*100,1))`,
                    result: value,
                  };
          } else if (row.key === 'total' && value !== null && desaRows.length > 0) {
            cell.value = {
              formula: `SUM(${ref(FIRST_DATA_ROW, c)}:${ref(totalRow - 1, c)})`,
              result: value,
            };
          } else {
            cell.value = value;
          }
          if (k === 0) cell.border = { left: THIN };
        });
      }
      col += columns.length;
    }
    ws.getRow(NAME_ROW).height = 42;
    ws.getRow(SUB_ROW).height = 26;
    ws.views = [{ state: 'frozen', xSplit: FIXED_COLUMNS, ySplit: SUB_ROW }];
  }

  // Notes: what counts and when, per indicator.
  const notes = workbook.addWorksheet(t('report.xlsx.notes').slice(0, 31));
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 44;
  notes.getColumn(3).width = 90;
  notes.getCell(1, 1).value = t('report.xlsx.notes');
  notes.getCell(1, 1).font = { bold: true, size: 13 };
  report.indicators.forEach((result, i) => {
    const def = indicatorByCode(result.code);
    notes.getCell(i + 3, 1).value = result.code;
    notes.getCell(i + 3, 2).value = result.name[locale];
    notes.getCell(i + 3, 3).value = result.computable
      ? (def?.attribution[locale] ?? '')
      : t('report.xlsx.notComputable', { reason: result.reason[locale] });
    notes.getCell(i + 3, 3).alignment = { wrapText: true };
  });

  return workbookFile(
    workbook,
    `laporan-${fileSlug(report.facility.name) || 'puskesmas'}_${report.period}.xlsx`,
  );
}
