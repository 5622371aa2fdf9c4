import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  AppError,
  describeIssue,
  PARSE_OPTIONS,
  XLSX_MIME,
  type CellError,
  type FileDownload,
} from '@shared/contract';
import { isIsoDate } from '@shared/domain/dates';
import { parseCountText } from '@shared/domain/management';
import type { Label } from '@shared/domain/refusal';
import { translate, type Locale } from '@shared/i18n';
import { newWorkbook, workbookFile } from './xlsx';

/**
 * Lists as spreadsheets and back. Every exported list has a hidden row of column codes above its
 * header, so a file the app wrote is read back whatever its header language; a file typed by
 * hand is matched by its header labels. Import is strict: each cell is converted and checked
 * (the contract's zod schema, then the service's rules), every refused cell is reported with its
 * reference, and nothing is saved while any remains.
 */

export type CellValue = string | number | boolean | Date | null;

export interface Grid {
  format: 'xlsx' | 'csv';
  /** Row 1 of the sheet is `rows[0]`; column A is index 0. */
  rows: CellValue[][];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cellRef = (row: number, col: number) => `${columnLetter(col)}${row}`;

function normalizeCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (typeof value === 'object') {
    if ('result' in value) return normalizeCell(value.result as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value as unknown as string);
}

/** RFC 4180-style CSV with the delimiter Excel uses in the user's locale (`;` in Indonesia). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) n += 1;
    }
    return n;
  };
  const delimiter = [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ';');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One line of CSV (`;`-separated, quoted where needed). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((v) => {
      const s = v === null ? '' : String(v);
      return /[";\n\r,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(';');
}

export function csvFile(lines: string[], fileName: string): FileDownload {
  // A BOM so Excel opens the UTF-8 file with the right characters.
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return {
    fileName,
    mimeType: 'text/csv',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

/** Read the first sheet (or `sheetName`) of an XLSX file, or a CSV file, into a grid. */
export async function readGrid(
  fileName: string,
  base64: string,
  locale: Locale,
  sheetName?: string,
): Promise<Grid> {
  const bytes = Buffer.from(base64, 'base64');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    return {
      format: 'csv',
      rows: parseCsv(bytes.toString('utf8')).map((r) => r.map((c) => (c === '' ? null : c))),
    };
  }
  if (!lower.endsWith('.xlsx')) {
    throw AppError.field(locale, 'fileName', translate(locale, 'import.format'));
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw AppError.field(locale, 'fileName', translate(locale, 'import.unreadable'));
  }
  const sheet =
    (sheetName ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0];
  if (!sheet) throw AppError.field(locale, 'fileName', translate(locale, 'import.unreadable'));
  const rows: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c++) {
      values.push(normalizeCell(row.getCell(c).value));
    }
    rows.push(values);
  }
  return { format: 'xlsx', rows };
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const normalizeHeader = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/* -------------------------------------------------------------- converters */

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

export type FieldKind =
  | { type: 'text' }
  /** NIK, NIP: long digit strings that Excel rounds when typed as numbers. */
  | { type: 'digits' }
  | { type: 'date' }
  | { type: 'count' }
  | { type: 'decimal' }
  | { type: 'boolean' }
  | { type: 'choice'; choices: readonly string[]; labels?: Readonly<Record<string, Label>> };

function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `05-03-1990`, `5/3/1990`, `1990-03-05` → ISO; anything else unchanged. */
export function parseDateText(text: string): string {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return t;
}

const TRUE_WORDS = new Set(['ya', 'y', 'yes', 'true', '1', 'aktif', 'active', 'v', '✓', 'x']);
const FALSE_WORDS = new Set([
  'tidak',
  't',
  'no',
  'n',
  'false',
  '0',
  'tidak aktif',
  'inactive',
  '-',
]);

export function convertCell(value: CellValue, kind: FieldKind, locale: Locale): Converted {
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: true, value: null };
  }
  if (typeof value === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(value.trim())) {
    return { ok: false, message: translate(locale, 'import.cell.formulaError', { value }) };
  }
  switch (kind.type) {
    case 'text':
      return { ok: true, value: value instanceof Date ? isoFromDate(value) : String(value).trim() };
    case 'digits':
      if (typeof value === 'number') {
        if (value >= 1e15 || !Number.isInteger(value)) {
          return { ok: false, message: translate(locale, 'import.cell.longNumber') };
        }
        return { ok: true, value: String(value) };
      }
      return { ok: true, value: String(value).trim() };
    case 'date':
      if (value instanceof Date) return { ok: true, value: isoFromDate(value) };
      if (typeof value === 'number' && value > 20000 && value < 80000 && Number.isInteger(value)) {
        // An Excel serial date in a cell not formatted as a date.
        return {
          ok: true,
          value: isoFromDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000)),
        };
      }
      return { ok: true, value: parseDateText(String(value)) };
    case 'count':
      if (typeof value === 'number') return { ok: true, value };
      if (typeof value === 'string') {
        const parsed = parseCountText(value);
        return typeof parsed === 'string'
          ? { ok: false, message: translate(locale, 'validation.type.number') }
          : { ok: true, value: parsed };
      }
      return { ok: false, message: translate(locale, 'validation.type.number') };
    case 'decimal': {
      if (typeof value === 'number') return { ok: true, value };
      const n = Number(String(value).trim().replace(',', '.'));
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: translate(locale, 'validation.type.number') };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const word = normalizeHeader(String(value));
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: translate(locale, 'import.cell.boolean') };
    }
    case 'choice': {
      const text = normalizeHeader(cellText(value));
      const found = kind.choices.find(
        (c) =>
          c.toLowerCase() === text ||
          (kind.labels &&
            (normalizeHeader(kind.labels[c]!.id) === text ||
              normalizeHeader(kind.labels[c]!.en) === text)),
      );
      if (found) return { ok: true, value: found };
      const names = kind.choices.map((c) => kind.labels?.[c]?.[locale] ?? c).join(', ');
      return { ok: false, message: translate(locale, 'import.cell.choice', { choices: names }) };
    }
  }
}

/* ------------------------------------------------------------------ tables */

export interface IoField {
  code: string;
  /** Header in each language: a hand-made file may use either. */
  header: Label;
  kind: FieldKind;
  /** The column must be present in an imported file. */
  required?: boolean;
}

export interface LocatedTable {
  /** Index into `grid.rows` of the first data row. */
  dataStart: number;
  columns: Map<string, number>;
}

/**
 * Find the header of a table: the row (among the first 40) naming the most known columns by
 * code or label; the data starts after it (and after the header when a code row precedes it).
 */
export function locateTable(grid: Grid, fields: readonly IoField[], locale: Locale): LocatedTable {
  const names = new Map<string, string>();
  for (const f of fields) {
    names.set(f.code.toLowerCase(), f.code);
    names.set(normalizeHeader(f.header.id), f.code);
    names.set(normalizeHeader(f.header.en), f.code);
  }
  const matchRow = (r: number) => {
    const found = new Map<string, number>();
    (grid.rows[r] ?? []).forEach((v, c) => {
      const code = names.get(normalizeHeader(cellText(v)));
      if (code && !found.has(code)) found.set(code, c);
    });
    return found;
  };
  let best = -1;
  let bestColumns = new Map<string, number>();
  for (let r = 0; r < Math.min(grid.rows.length, 40); r++) {
    const found = matchRow(r);
    if (found.size > bestColumns.size) {
      best = r;
      bestColumns = found;
    }
  }
  const missing = fields.filter((f) => f.required && !bestColumns.has(f.code));
  if (best < 0 || missing.length > 0) {
    const list = (missing.length > 0 ? missing : fields.filter((f) => f.required))
      .map((f) => f.header[locale])
      .join(', ');
    throw new AppError('INVALID_INPUT', translate(locale, 'import.columns', { columns: list }), {
      cells: [],
      issues: [
        {
          path: 'fileName',
          field: translate(locale, 'field.fileName'),
          message: translate(locale, 'import.columns', { columns: list }),
        },
      ],
    });
  }
  let dataStart = best + 1;
  while (dataStart < grid.rows.length && matchRow(dataStart).size >= bestColumns.size) {
    dataStart += 1;
  }
  return { dataStart, columns: bestColumns };
}

export interface ImportRow {
  /** 1-based sheet row. */
  row: number;
  values: Record<string, unknown>;
  refs: Record<string, string>;
  /** Columns whose cell was refused already (their schema issues are not repeated). */
  failed: Set<string>;
}

/** Converted rows (empty rows skipped); cell conversion problems go to `errors`. */
export function readRows(
  grid: Grid,
  table: LocatedTable,
  fields: readonly IoField[],
  locale: Locale,
  errors: CellError[],
  rowLabel: (values: Record<string, unknown>) => string | null,
  skip?: (cells: CellValue[]) => boolean,
): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let r = table.dataStart; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every((v) => cellText(v) === '')) continue;
    if (skip?.(cells)) continue;
    const row: ImportRow = { row: r + 1, values: {}, refs: {}, failed: new Set() };
    const pending: { field: IoField; message: string }[] = [];
    for (const field of fields) {
      const col = table.columns.get(field.code);
      if (col === undefined) continue;
      row.refs[field.code] = cellRef(r + 1, col);
      const converted = convertCell(cells[col] ?? null, field.kind, locale);
      if (converted.ok) row.values[field.code] = converted.value;
      else {
        row.failed.add(field.code);
        pending.push({ field, message: converted.message });
      }
    }
    const label = rowLabel(row.values);
    for (const p of pending) {
      errors.push({
        cell: row.refs[p.field.code]!,
        row: row.row,
        column: p.field.header[locale],
        rowLabel: label,
        message: p.message,
      });
    }
    rows.push(row);
  }
  return rows;
}

/** A cell problem found by a rule (not by conversion). */
export function cellProblem(
  row: ImportRow,
  field: IoField | undefined,
  locale: Locale,
  message: string,
  label: string | null,
  fallbackRef?: string,
): CellError {
  const ref = (field && row.refs[field.code]) ?? fallbackRef ?? `A${row.row}`;
  return {
    cell: ref,
    row: row.row,
    column: field ? field.header[locale] : '—',
    rowLabel: label,
    message,
  };
}

/**
 * Parse one row's values with the contract schema. Issues are reported on the cell of their
 * top-level field (`pathField` may map nested paths, e.g. `skills.3.date` → the skill column).
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  row: ImportRow,
  fields: readonly IoField[],
  locale: Locale,
  errors: CellError[],
  label: string | null,
  pathField: (path: readonly PropertyKey[]) => string = (p) => String(p[0] ?? ''),
): z.output<S> | null {
  const parsed = schema.safeParse(input, PARSE_OPTIONS);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const code = pathField(issue.path);
    if (row.failed.has(code)) continue;
    const field = fields.find((f) => f.code === code);
    const problem = cellProblem(row, field, locale, describeIssue(issue, locale), label);
    const key = `${problem.cell}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(problem);
  }
  return null;
}

/** Refuse a whole import: the first problems in the message, all of them in `details.cells`. */
export function importRefused(locale: Locale, errors: CellError[]): AppError {
  const first = errors[0]!;
  const message = translate(locale, 'import.refused', {
    count: errors.length,
    first: `${first.cell} (${first.column}${first.rowLabel ? `, ${first.rowLabel}` : ''}): ${first.message}`,
  });
  return new AppError('INVALID_INPUT', message, {
    cells: errors.slice(0, 1000),
    issues: [{ path: 'fileName', field: translate(locale, 'field.fileName'), message }],
  });
}

/* ------------------------------------------------------------------ export */

export interface ExportColumn<R> {
  field: IoField;
  width: number;
  value: (row: R) => CellValue | undefined;
  numFmt?: string;
  /** Offer these values as a drop-down in the data rows. */
  dropdown?: readonly string[];
  hidden?: boolean;
}

export interface ExportSheet<R> {
  name: string;
  heading: string[];
  /** `label: value` lines under the heading (e.g. the year of the targets). */
  meta?: [string, string | number][];
  columns: ExportColumn<R>[];
  rows: readonly R[];
  /** Rows added after the data (totals), written bold and skipped on import. */
  footer?: CellValue[][];
}

/** Add a list to a workbook: heading, a hidden code row, the bold frozen header, the rows. */
export function addExportSheet<R>(
  workbook: ExcelJS.Workbook,
  sheet: ExportSheet<R>,
  locale: Locale,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
  let r = 1;
  sheet.heading.forEach((line, i) => {
    const cell = ws.getCell(r, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 13 } : { size: 10 };
    r += 1;
  });
  for (const [label, value] of sheet.meta ?? []) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).value = value;
    r += 1;
  }
  r += 1;
  const codeRow = r;
  const headerRow = r + 1;
  sheet.columns.forEach((column, i) => {
    const code = ws.getCell(codeRow, i + 1);
    code.value = column.field.code;
    code.font = { size: 8, color: { argb: 'FF888888' } };
    const header = ws.getCell(headerRow, i + 1);
    header.value = column.field.header[locale];
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4F1' } };
    header.border = { bottom: { style: 'thin' } };
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    if (column.hidden) col.hidden = true;
  });
  ws.getRow(codeRow).hidden = true;
  ws.getRow(headerRow).height = 32;
  const first = headerRow + 1;
  sheet.rows.forEach((row, i) => {
    sheet.columns.forEach((column, c) => {
      const cell = ws.getCell(first + i, c + 1);
      const value = column.value(row);
      cell.value = value ?? null;
      if (column.numFmt) cell.numFmt = column.numFmt;
      else if (column.field.kind.type === 'digits' || column.field.kind.type === 'text') {
        cell.numFmt = '@';
      }
    });
  });
  // Drop-downs and formats for the rows a clerk may add below, too.
  const last = first + sheet.rows.length + 300;
  sheet.columns.forEach((column, c) => {
    if (!column.dropdown && column.field.kind.type !== 'digits') return;
    for (let rr = first; rr <= last; rr++) {
      const cell = ws.getCell(rr, c + 1);
      if (column.field.kind.type === 'digits') cell.numFmt = '@';
      if (column.dropdown) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${column.dropdown.join(',')}"`],
        };
      }
    }
  });
  (sheet.footer ?? []).forEach((values, i) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(first + sheet.rows.length + i, c + 1);
      cell.value = v;
      cell.font = { bold: true };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  return ws;
}

/** A sheet of notes (accepted values, definitions) added after the list. */
export function addNotesSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  lines: [string, string][],
): void {
  const ws = workbook.addWorksheet(name.slice(0, 31));
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 100;
  lines.forEach(([a, b], i) => {
    ws.getCell(i + 1, 1).value = a;
    ws.getCell(i + 1, 1).font = { bold: true };
    ws.getCell(i + 1, 2).value = b;
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function exportWorkbook(
  build: (workbook: ExcelJS.Workbook) => void,
  fileName: string,
): Promise<FileDownload> {
  const workbook = await newWorkbook();
  build(workbook);
  const file = await workbookFile(workbook, fileName);
  return { ...file, mimeType: XLSX_MIME };
}

/** An ISO date as an Excel date cell (UTC midnight, shown with `dd-mm-yyyy`). */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : null;
}

export const DATE_FORMAT = 'dd-mm-yyyy';
