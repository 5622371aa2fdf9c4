import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { daysBetween, isIsoDate } from '../../../src-shared/domain/dates';
import {
  DAYS_PER_MONTH,
  statusGizi,
  statusGizi518,
  who2006ZScores,
  who2007ZScores,
  type MeasurePosition,
  type Sex,
} from '../../../src-shared/domain/growth';
import { CliError, type CliCommand } from '../io';

/**
 * `siklus growth zscores IN.csv OUT.csv [--reference who2006|who2007]`
 *
 * Reads a CSV (comma- or semicolon-separated, chosen from the header line; RFC 4180 quoting,
 * also quoted fields across lines), computes the WHO z-scores, flags and status gizi of every
 * row, and writes all input columns back with the result columns (a result column already in
 * the input is replaced in place). A row that cannot be read is reported on stderr by its line
 * number, naming the column, and left out; the others are still written. Exit 0 when every row
 * was written, 1 when some were skipped, 2 for a usage or header error.
 *
 * who2006 (default, 0–60 months) columns: id, sex, age_days OR birth_date + measure_date,
 * weight_kg, length_cm, measured (L lying / H standing), head_cm, muac_cm, oedema (y/n).
 * who2007 (5–19 years): id, sex, age_months OR birth_date + measure_date, weight_kg, height_cm,
 * oedema. sex: 1 or L (laki-laki), 2 or P (perempuan). Decimal comma is accepted ("12,5").
 */

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRecord {
  /** Line (1-based) on which the record starts. */
  line: number;
  fields: string[];
  /** Set when the record ends inside an open quote. */
  unterminated?: boolean;
}

/** Split CSV text into records (RFC 4180: "" inside quotes is a quote; CRLF or LF). */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it (or only separators, as spreadsheets export) is not a record.
    if (fields.some((f) => f !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    } else if (ch === '\n') {
      endRecord();
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (inQuotes) {
    fields.push(field);
    records.push({ line: start, fields, unterminated: true });
  } else if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** `;` when the header line has more semicolons than commas (Excel in Indonesian), else `,`. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A row could not be read; the message is Indonesian and names the column. */
class RowError extends Error {}

type Row = (name: string) => string;

function rowReader(header: string[], fields: string[]): Row {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  return (name) => {
    const i = index.get(name);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
}

function positive(row: Row, column: string): number | null {
  const raw = row(column);
  if (raw === '') return null;
  const text = /^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
  const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw new RowError(`kolom ${column} bukan angka ("${raw}")`);
  if (value <= 0) throw new RowError(`kolom ${column} harus lebih dari 0 ("${raw}")`);
  return value;
}

function sexOf(row: Row): Sex {
  const raw = row('sex');
  const v = raw.toUpperCase();
  if (v === '1' || v === 'L' || v === 'M') return 1;
  if (v === '2' || v === 'P' || v === 'F') return 2;
  throw new RowError(
    `kolom sex tidak sah ("${raw}"); isi 1 atau L (laki-laki), 2 atau P (perempuan)`,
  );
}

function oedemaOf(row: Row): boolean {
  const raw = row('oedema');
  const v = raw.toLowerCase();
  if (v === '' || v === 'n' || v === '2' || v === 'tidak') return false;
  if (v === 'y' || v === '1' || v === 'ya') return true;
  throw new RowError(`kolom oedema tidak sah ("${raw}"); isi y (ya) atau n (tidak)`);
}

function measuredOf(row: Row): MeasurePosition | null {
  const raw = row('measured');
  const v = raw.toUpperCase();
  if (v === '') return null;
  if (v === 'L' || v === 'H') return v;
  throw new RowError(
    `kolom measured tidak sah ("${raw}"); isi L (telentang) atau H (berdiri), atau kosongkan`,
  );
}

/** Age in days from birth_date and measure_date. */
function daysFromDates(row: Row, ageColumn: string): number {
  const birth = row('birth_date');
  const measure = row('measure_date');
  if (birth === '' && measure === '') {
    throw new RowError(`kolom ${ageColumn} kosong (atau isi birth_date dan measure_date)`);
  }
  if (!isIsoDate(birth))
    throw new RowError(`kolom birth_date bukan tanggal YYYY-MM-DD ("${birth}")`);
  if (!isIsoDate(measure)) {
    throw new RowError(`kolom measure_date bukan tanggal YYYY-MM-DD ("${measure}")`);
  }
  const days = daysBetween(birth, measure);
  if (days < 0) throw new RowError(`kolom measure_date sebelum birth_date ("${measure}")`);
  return days;
}

function ageOf(row: Row, column: 'age_days' | 'age_months'): number {
  const raw = row(column);
  if (raw === '') {
    const days = daysFromDates(row, column);
    return column === 'age_days' ? days : days / DAYS_PER_MONTH;
  }
  const text = /^\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
  const value = /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw new RowError(`kolom ${column} bukan angka ≥ 0 ("${raw}")`);
  return value;
}

const z = (value: number | null) => (value === null ? '' : String(value));
const flag = (value: boolean | null) => (value === null ? '' : value ? '1' : '0');

// ---------------------------------------------------------------------------------------------
// References

interface Reference {
  /** Header columns that must be there (one of each group). */
  required: string[][];
  outputs: string[];
  compute(row: Row): string[];
}

const WHO2006: Reference = {
  required: [['sex'], ['age_days', 'birth_date']],
  outputs: [
    'zwei',
    'zlen',
    'zwfl',
    'zbmi',
    'zhc',
    'zac',
    'fwei',
    'flen',
    'fwfl',
    'fbmi',
    'fhc',
    'fac',
    'c9mo_flag',
    'status_bbu',
    'status_pbu',
    'status_bbpb',
    'status_imtu',
    'status_lila',
    'status_lk',
    'stunting',
    'wasting',
    'underweight',
    'overweight',
    'bgm_legacy',
  ],
  compute(row) {
    const sex = sexOf(row);
    const ageDays = ageOf(row, 'age_days');
    const weightKg = positive(row, 'weight_kg');
    const lengthCm = positive(row, 'length_cm');
    const measured = measuredOf(row);
    const headCm = positive(row, 'head_cm');
    const muacCm = positive(row, 'muac_cm');
    const oedema = oedemaOf(row);
    const r = who2006ZScores({
      sex,
      ageDays,
      weightKg,
      lengthCm,
      measured,
      headCm,
      muacCm,
      oedema,
    });
    const s = statusGizi(r, muacCm);
    return [
      z(r.zwei),
      z(r.zlen),
      z(r.zwfl),
      z(r.zbmi),
      z(r.zhc),
      z(r.zac),
      flag(r.fwei),
      flag(r.flen),
      flag(r.fwfl),
      flag(r.fbmi),
      flag(r.fhc),
      flag(r.fac),
      flag(r.positionImplausible),
      s.bbU ?? '',
      s.pbU ?? '',
      s.bbPb ?? '',
      s.imtU ?? '',
      s.lila ?? '',
      s.lk ?? '',
      flag(s.stunting),
      flag(s.wasting),
      flag(s.underweight),
      flag(s.overweight),
      flag(s.bgmLegacy),
    ];
  },
};

const WHO2007: Reference = {
  required: [['sex'], ['age_months', 'birth_date']],
  outputs: ['zhfa', 'zwfa', 'zbfa', 'fhfa', 'fwfa', 'fbfa', 'status_imtu'],
  compute(row) {
    const sex = sexOf(row);
    const ageMonths = ageOf(row, 'age_months');
    const weightKg = positive(row, 'weight_kg');
    const heightCm = positive(row, 'height_cm');
    const oedema = oedemaOf(row);
    const r = who2007ZScores({ sex, ageMonths, weightKg, heightCm, oedema });
    const s = statusGizi518(r);
    return [
      z(r.zhfa),
      z(r.zwfa),
      z(r.zbfa),
      flag(r.fhfa),
      flag(r.fwfa),
      flag(r.fbfa),
      s.imtU ?? '',
    ];
  },
};

const REFERENCES: Record<string, Reference> = { who2006: WHO2006, who2007: WHO2007 };

// ---------------------------------------------------------------------------------------------
// Command

export const growthZscores: CliCommand = {
  name: 'growth zscores',
  usage: 'siklus growth zscores IN.csv OUT.csv [--reference who2006|who2007]',
  summary:
    'Hitung z-score WHO, flag dan status gizi tiap baris CSV (baris salah dilaporkan dan dilewati).',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { reference: { type: 'string', default: 'who2006' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new CliError(`Argumen tidak dikenal: ${(error as Error).message}`, 2);
    }
    const { values, positionals } = parsed;
    const reference = REFERENCES[values.reference];
    if (!reference) {
      throw new CliError(`--reference harus who2006 atau who2007 ("${values.reference}")`, 2);
    }
    if (positionals.length !== 2) {
      throw new CliError('Pakai: siklus growth zscores IN.csv OUT.csv [--reference who2007]', 2);
    }
    const [input, output] = positionals as [string, string];
    let text: string;
    try {
      text = fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      throw new CliError(`Berkas tidak dapat dibaca: ${input}`, 1);
    }
    const delimiter = detectDelimiter(text);
    const [headerRecord, ...records] = parseCsv(text, delimiter);
    if (!headerRecord) throw new CliError(`Berkas kosong: ${input}`, 2);
    const header = headerRecord.fields.map((h) => h.trim());
    const lower = header.map((h) => h.toLowerCase());
    for (const group of reference.required) {
      if (!group.some((c) => lower.includes(c))) {
        throw new CliError(`Kolom wajib tidak ada di baris judul: ${group.join(' atau ')}`, 2);
      }
    }

    // Result columns replace same-named input columns; the others are appended.
    const outHeader = [...header];
    const target = reference.outputs.map((name) => {
      const at = lower.indexOf(name);
      if (at >= 0) return at;
      outHeader.push(name);
      return outHeader.length - 1;
    });

    const lines = [outHeader.map((h) => csvField(h, delimiter)).join(delimiter)];
    let skipped = 0;
    for (const record of records) {
      try {
        if (record.unterminated) throw new RowError('tanda kutip (") tidak ditutup');
        if (record.fields.length !== header.length) {
          throw new RowError(
            `ada ${record.fields.length} kolom, seharusnya ${header.length} seperti baris judul`,
          );
        }
        const results = reference.compute(rowReader(header, record.fields));
        const out = [...record.fields];
        target.forEach((at, i) => (out[at] = results[i]!));
        lines.push(out.map((v) => csvField(v, delimiter)).join(delimiter));
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        skipped++;
        io.err(`Baris ${record.line}: ${error.message} — baris dilewati.`);
      }
    }
    fs.writeFileSync(output, `${lines.join('\n')}\n`);
    const written = lines.length - 1;
    io.out(
      `Ditulis ${written} baris ke ${output}` +
        (skipped ? `; ${skipped} baris dilewati (lihat pesan di atas).` : '.'),
    );
    return skipped ? 1 : 0;
  },
};
