import ExcelJS from 'exceljs';
import type { CellError, FileDownload } from '@shared/contract';
import type { TestCore } from '../../support/core';

export interface Desa {
  id: string;
  code: string;
  name: string;
}

/** Call a channel and return its value, failing the test with the message otherwise. */
export async function value<T>(t: TestCore, channel: string, input: unknown = {}): Promise<T> {
  const result = await t.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Call a channel expected to fail; returns the error. */
export async function failure(t: TestCore, channel: string, input: unknown = {}) {
  const result = await t.call(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

export async function loadWorkbook(file: FileDownload): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
  return workbook;
}

export async function workbookBase64(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The row (1-based) whose column `col` holds `text`. */
export function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (String(ws.getCell(r, col).value ?? '') === text) return r;
  }
  throw new Error(`no row with ${text}`);
}

/** The column (1-based) whose header row holds `header`. */
export function columnWith(ws: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) {
    if (String(ws.getCell(row, c).value ?? '') === header) return c;
  }
  throw new Error(`no column ${header}`);
}

export function cellsOf(error: { details?: Record<string, unknown> }): CellError[] {
  return (error.details?.cells ?? []) as CellError[];
}

export function count(t: TestCore, sql: string, ...params: unknown[]): number {
  return (t.core.database.sqlite.prepare(sql).get(...params) as { n: number }).n;
}
