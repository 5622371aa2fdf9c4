import ExcelJS from 'exceljs';
import type { FileDownload } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';

export type Ok<T> = { ok: true; value: T };
export type Refused = {
  ok: false;
  error: {
    code: string;
    message: string;
    details?: { issues?: { path: string; message: string }[] };
  };
};

/** A puskesmas on 22 November 2026 (09.00 WIB), signed in as the admin. */
export async function openAdultCore(): Promise<{ t: TestCore; desaId: string }> {
  const t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  const desa = (await t.call('desa.list')) as Ok<{ id: string }[]>;
  return { t, desaId: desa.value[0]!.id };
}

export async function value<T>(result: Promise<unknown>): Promise<T> {
  const r = (await result) as Ok<T> | Refused;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Register a resident; NIK-less (the NIK rules are the registry's concern). */
export async function person(
  t: TestCore,
  desaId: string,
  p: { name: string; sex: 'L' | 'P'; birthDate: string },
): Promise<string> {
  const saved = await value<{ saved: true; person: { id: string } }>(
    t.call('persons.create', {
      person: { ...p, desaId, nik: null, noKk: null },
      confirmNotDuplicate: true,
    }),
  );
  return saved.person.id;
}

export function count(t: TestCore, table: string): number {
  return (
    t.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
  ).n;
}

export function auditRows(t: TestCore, rowId: string): { action: string; table_name: string }[] {
  return t.core.database.sqlite
    .prepare('SELECT action, table_name FROM audit_log WHERE row_id = ? ORDER BY at, id')
    .all(rowId) as { action: string; table_name: string }[];
}

/** The first sheet of an exported workbook as rows of cell texts. */
export async function sheetRows(file: FileDownload): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Uint8Array.from(Buffer.from(file.base64, 'base64'));
  await workbook.xlsx.load(bytes.buffer);
  const ws = workbook.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v));
    });
    out.push(cells);
  });
  return out;
}
