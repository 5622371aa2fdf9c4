import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  convertCell,
  csvLine,
  locateTable,
  parseCsv,
  parseDateText,
  type IoField,
} from '../../../src-main/services/list-io';

describe('CSV', () => {
  it('reads semicolon or comma files with quotes, BOM and CRLF', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n1;"x;y";"he said ""hi"""\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', 'he said "hi"'],
    ]);
    expect(parseCsv('a,b\n"1,5",2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('"multi\nline";x')).toEqual([['multi\nline', 'x']]);
  });

  it('writes lines that read back', () => {
    const line = csvLine(['a;b', 'say "x"', 12, null]);
    expect(line).toBe('"a;b";"say ""x""";12;');
    expect(parseCsv(line)).toEqual([['a;b', 'say "x"', '12', '']]);
  });
});

describe('cells', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('reads dates written the Indonesian way, the ISO way, or as Excel dates', () => {
    expect(parseDateText('05-03-1990')).toBe('1990-03-05');
    expect(parseDateText('5/3/1990')).toBe('1990-03-05');
    expect(parseDateText('1990-03-05')).toBe('1990-03-05');
    expect(parseDateText('31-02-1990')).toBe('31-02-1990');
    expect(convertCell(new Date('1990-03-05T00:00:00Z'), { type: 'date' }, 'id')).toEqual({
      ok: true,
      value: '1990-03-05',
    });
    expect(convertCell(32937, { type: 'date' }, 'id')).toEqual({ ok: true, value: '1990-03-05' });
  });

  it('refuses long numbers Excel has rounded, formula errors, unknown choices', () => {
    expect(convertCell(3205024503900001, { type: 'digits' }, 'id')).toMatchObject({ ok: false });
    expect(convertCell(812345678, { type: 'digits' }, 'id')).toEqual({
      ok: true,
      value: '812345678',
    });
    expect(convertCell('#DIV/0!', { type: 'count' }, 'id')).toEqual({
      ok: false,
      message: 'sel berisi galat rumus (#DIV/0!)',
    });
    expect(
      convertCell(
        'Bidan',
        { type: 'choice', choices: ['bidan'], labels: { bidan: { id: 'Bidan', en: 'Midwife' } } },
        'id',
      ),
    ).toEqual({ ok: true, value: 'bidan' });
    expect(
      convertCell(
        'midwife',
        { type: 'choice', choices: ['bidan'], labels: { bidan: { id: 'Bidan', en: 'Midwife' } } },
        'en',
      ),
    ).toEqual({
      ok: true,
      value: 'bidan',
    });
    expect(convertCell('ya', { type: 'boolean' }, 'id')).toEqual({ ok: true, value: true });
    expect(convertCell('mungkin', { type: 'boolean' }, 'id')).toMatchObject({ ok: false });
    expect(convertCell('', { type: 'count' }, 'id')).toEqual({ ok: true, value: null });
  });
});

describe('locateTable', () => {
  const fields: IoField[] = [
    { code: 'name', header: { id: 'Nama', en: 'Name' }, kind: { type: 'text' }, required: true },
    { code: 'nik', header: { id: 'NIK', en: 'NIK' }, kind: { type: 'digits' } },
  ];

  it('finds the header by code row or by label in either language, data after it', () => {
    const exported = {
      format: 'xlsx' as const,
      rows: [['Judul'], [null], ['name', 'nik'], ['Nama', 'NIK'], ['Ani', '1']],
    };
    expect(locateTable(exported, fields, 'id')).toMatchObject({ dataStart: 4 });
    const typed = {
      format: 'csv' as const,
      rows: [
        ['NIK', 'Name'],
        ['1', 'Ani'],
      ],
    };
    const found = locateTable(typed, fields, 'id');
    expect(found.dataStart).toBe(1);
    expect([...found.columns]).toEqual([
      ['nik', 0],
      ['name', 1],
    ]);
  });

  it('refuses a file without the required columns, naming them', () => {
    expect(() => locateTable({ format: 'csv', rows: [['NIK'], ['1']] }, fields, 'id')).toThrow(
      'kolom wajib tidak ditemukan: Nama',
    );
  });
});
