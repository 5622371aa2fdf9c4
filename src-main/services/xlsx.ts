import type ExcelJS from 'exceljs';
import { XLSX_MIME, type FileDownload } from '@shared/contract';

let exceljs: Promise<typeof ExcelJS> | null = null;

/**
 * A new workbook. exceljs is loaded at the first one: it is the largest module of the main
 * process (about half a second and 27 MB to load on the bench VM), and most sessions of a clerk
 * never read or write a workbook. Every workbook of the app starts here.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  exceljs ??= import('exceljs').then((module) => module.default);
  const workbook = new (await exceljs).Workbook();
  workbook.creator = 'Siklus';
  return workbook;
}

export interface XlsxColumn<R> {
  header: string;
  /** Width in characters. */
  width: number;
  value: (row: R) => string | number | Date | null | undefined;
  /** Excel number format, e.g. `0.0` or `dd-mm-yyyy`. */
  numFmt?: string;
}

export interface XlsxSheet<R> {
  name: string;
  /** Lines above the table: facility, list name, filter, generation time. */
  heading: string[];
  columns: XlsxColumn<R>[];
  rows: readonly R[];
}

/** Add one list as a sheet: heading lines, a bold frozen header row, set widths. */
/**
 * A name Excel accepts for a sheet: at most 31 characters, none of `* ? : \ / [ ]`, no
 * apostrophe at either end (a list label such as "Belum K1 / K1 murni" becomes
 * "Belum K1 - K1 murni"; ExcelJS throws on the original).
 */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(/[*?:\\/[\]]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || 'Sheet1';
}

export function addListSheet<R>(
  workbook: ExcelJS.Workbook,
  sheet: XlsxSheet<R>,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName(sheet.name));
  sheet.heading.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 13 } : { size: 10 };
  });
  const headerRow = sheet.heading.length + 2;
  sheet.columns.forEach((column, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4F1' } };
    cell.border = { bottom: { style: 'thin' } };
    ws.getColumn(i + 1).width = column.width;
    if (column.numFmt) ws.getColumn(i + 1).numFmt = column.numFmt;
  });
  sheet.rows.forEach((row, r) => {
    sheet.columns.forEach((column, c) => {
      const value = column.value(row);
      ws.getCell(headerRow + 1 + r, c + 1).value = value ?? null;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: sheet.columns.length },
  };
  return ws;
}

/** A workbook as a download for the page. */
export async function workbookFile(
  workbook: ExcelJS.Workbook,
  fileName: string,
): Promise<FileDownload> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, mimeType: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}

/** One list as an XLSX file. */
export async function listToXlsx<R>(sheet: XlsxSheet<R>, fileName: string): Promise<FileDownload> {
  const workbook = await newWorkbook();
  addListSheet(workbook, sheet);
  return workbookFile(workbook, fileName);
}

/** A safe file name part: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
