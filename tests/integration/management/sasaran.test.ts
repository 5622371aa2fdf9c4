import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDownload, SasaranTable } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility, signInAdmin, signInAs } from '../../support/setup';
import {
  cellsOf,
  columnWith,
  count,
  failure,
  loadWorkbook,
  rowWith,
  value,
  workbookBase64,
  type Desa,
} from './helpers';

let t: TestCore;
let desa: Desa[];

beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  desa = await value<Desa[]>(t, 'desa.list');
});
afterEach(() => t.close());

const table = (year = 2026) => value<SasaranTable>(t, 'sasaran.table', { year });
const cell = async (desaId: string, group: string, year = 2026) =>
  (await table(year)).rows.find((r) => r.desaId === desaId)!.cells[group as 'penduduk'];

async function save(desaId: string, values: Record<string, number | null>, year = 2026) {
  const current = (await table(year)).rows.find((r) => r.desaId === desaId)!;
  const versions = Object.fromEntries(
    Object.entries(current.cells).map(([g, c]) => [g, c.version]),
  );
  return t.call('sasaran.save', { year, desaId, values, versions });
}

describe('sasaran typed per desa', () => {
  it('saves targets with their source and audit rows, and totals them', async () => {
    expect(await save(desa[0]!.id, { penduduk: 5000, bumil: 91 })).toMatchObject({ ok: true });
    expect(await save(desa[1]!.id, { penduduk: 3000, bumil: 55 })).toMatchObject({ ok: true });
    const result = await table();
    expect(result.totals).toEqual({ penduduk: 8000, bumil: 146 });
    expect(result.rows.find((r) => r.desaId === desa[0]!.id)!.cells.bumil).toMatchObject({
      value: 91,
      source: 'ketik',
      version: 1,
    });
    expect(result.years).toEqual([2026]);
    const audit = t.core.database.sqlite
      .prepare(
        "SELECT a.action, u.username FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE a.table_name = 'sasaran'",
      )
      .all();
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => (a as { username: string }).username === 'admin')).toBe(true);

    // Change one, clear another: an update and a tombstone, each audited.
    expect(await save(desa[0]!.id, { bumil: 90, penduduk: null })).toMatchObject({ ok: true });
    expect(await cell(desa[0]!.id, 'bumil')).toMatchObject({ value: 90, version: 2 });
    expect(await cell(desa[0]!.id, 'penduduk')).toBeUndefined();
    expect(
      count(
        t,
        "SELECT count(*) AS n FROM audit_log WHERE table_name = 'sasaran' AND action = 'delete'",
      ),
    ).toBe(1);
  });

  it('refuses a negative number, a target above the population and a desa outside the wilayah, per field, saving nothing', async () => {
    expect(
      await failure(t, 'sasaran.save', { year: 2026, desaId: desa[0]!.id, values: { bumil: -1 } }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Ibu hamil: paling kecil 0',
      details: { issues: [{ path: 'values.bumil' }] },
    });
    expect(
      await failure(t, 'sasaran.save', { year: 2026, desaId: desa[0]!.id, values: { bumil: 2.5 } }),
    ).toMatchObject({ message: 'Ibu hamil: harus bilangan bulat' });

    const above = await save(desa[0]!.id, { penduduk: 100, bumil: 120, lansia: 101 });
    expect(above).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Ibu hamil: lebih besar dari jumlah penduduk desa (100) (+1)',
        details: {
          issues: [
            { path: 'values.bumil', field: 'Ibu hamil' },
            { path: 'values.lansia', field: 'Lansia ≥ 60 tahun' },
          ],
        },
      },
    });
    expect(count(t, 'SELECT count(*) AS n FROM sasaran')).toBe(0);

    // Lowering the population below a stored target names the population.
    expect(await save(desa[0]!.id, { penduduk: 1000, bumil: 20 })).toMatchObject({ ok: true });
    expect(await save(desa[0]!.id, { penduduk: 19 })).toMatchObject({
      ok: false,
      error: {
        message: 'Jumlah penduduk: lebih kecil dari sasaran Ibu hamil yang tersimpan (20)',
        details: { issues: [{ path: 'values.penduduk' }] },
      },
    });

    expect(
      await failure(t, 'sasaran.save', {
        year: 2026,
        desaId: '0190a0b0-0000-7000-8000-000000000000',
        values: { bumil: 1 },
      }),
    ).toMatchObject({ message: 'Desa/kelurahan: tidak termasuk wilayah kerja' });
  });

  it('refuses a change made on a stale version', async () => {
    await save(desa[0]!.id, { penduduk: 1000 });
    const stale = (await cell(desa[0]!.id, 'penduduk'))!.version;
    await save(desa[0]!.id, { penduduk: 1100 });
    expect(
      await failure(t, 'sasaran.save', {
        year: 2026,
        desaId: desa[0]!.id,
        values: { penduduk: 1200 },
        versions: { penduduk: stale },
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await cell(desa[0]!.id, 'penduduk'))!.value).toBe(1100);
  });
});

describe('sasaran estimated from population (PWS-KIA)', () => {
  it('fills empty groups from the population with the defaults and records the basis', async () => {
    await save(desa[2]!.id, { bumil: 150 });
    const result = await value<{ written: number; kept: number }>(t, 'sasaran.estimate', {
      year: 2026,
      items: [{ desaId: desa[2]!.id, penduduk: 10000, pendudukSource: 'ketik' }],
    });
    // The typed bumil is kept; the 20 other groups and the population are written.
    expect(result).toEqual({ written: 21, kept: 1 });
    const row = (await table()).rows.find((r) => r.desaId === desa[2]!.id)!;
    expect(row.cells.penduduk).toMatchObject({ value: 10000, source: 'ketik' });
    expect(row.cells.bumil).toMatchObject({ value: 150, source: 'ketik' });
    // 1,05 × 16,5‰ × 10.000 = 173,25; CBR × P = 165; 165 × (1 − 16,85‰) = 162,2.
    expect(row.cells.bulin).toMatchObject({ value: 173, source: 'estimasi' });
    expect(row.cells.bayi?.value).toBe(165);
    expect(row.cells.surviving_infant?.value).toBe(162);
    expect(row.cells.balita?.value).toBe(810);
    // HT: 30,8% × (64,5% + 11%) × 10.000 = 2.325,4.
    expect(row.cells.ht?.value).toBe(2325);
    expect(row.cells.bayi?.basis).toEqual({
      penduduk: 10000,
      constantsYear: 2026,
      constantsRevision: 0,
      constantsSet: 'sasaran.pws-kia-2009',
    });

    // With "overwrite", the typed value is replaced by the estimate.
    await value(t, 'sasaran.estimate', {
      year: 2026,
      items: [{ desaId: desa[2]!.id, penduduk: 10000, pendudukSource: 'sasaran' }],
      overwrite: true,
    });
    expect(await cell(desa[2]!.id, 'bumil')).toMatchObject({ value: 182, source: 'estimasi' });
  });

  it('uses the year’s edited constants as a new revision (admin only) and records which', async () => {
    const defaults = await value<{ revision: number; values: { cbrPerMille: number } }>(
      t,
      'sasaran.constants',
      { year: 2026 },
    );
    expect(defaults).toMatchObject({ revision: 0, values: { cbrPerMille: 16.5 }, history: [] });
    const edited = { ...defaults.values, cbrPerMille: 20 };
    expect(
      await value(t, 'sasaran.setConstants', { year: 2026, values: edited, note: 'Dinkes 2026' }),
    ).toMatchObject({ revision: 1, note: 'Dinkes 2026', savedBy: 'Admin Puskesmas' });
    expect(
      await failure(t, 'sasaran.setConstants', {
        year: 2026,
        values: {
          ...edited,
          percent: { ...(edited as unknown as { percent: object }).percent, baduta: 9, balita: 8 },
        },
      }),
    ).toMatchObject({ message: 'Baduta: baduta tidak boleh lebih dari balita' });

    await value(t, 'sasaran.estimate', {
      year: 2026,
      items: [{ desaId: desa[0]!.id, penduduk: 1000, pendudukSource: 'ketik' }],
    });
    expect(await cell(desa[0]!.id, 'bayi')).toMatchObject({
      value: 20,
      basis: { constantsRevision: 1, penduduk: 1000 },
    });
    // Another year still uses the shipped defaults.
    expect(await value(t, 'sasaran.constants', { year: 2027 })).toMatchObject({ revision: 0 });

    await signInAs(t, 'petugas');
    expect(await failure(t, 'sasaran.setConstants', { year: 2026, values: edited })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await signInAdmin(t);
  });
});

describe('sasaran split and copied forward', () => {
  it('splits a puskesmas total across desa by population, whole numbers adding up', async () => {
    const penduduk = [5000, 3000, 1500, 500];
    for (const [i, d] of desa.entries()) await save(d.id, { penduduk: penduduk[i]! });
    const { parts } = await value<{ parts: { desaId: string; value: number }[] }>(
      t,
      'sasaran.split',
      { year: 2026, group: 'bumil', total: 301, weightBasis: 'penduduk' },
    );
    // 301 × 5/10 = 150,5 · × 3/10 = 90,3 · × 1,5/10 = 45,15 · × 0,5/10 = 15,05.
    expect(parts.map((p) => p.value)).toEqual([151, 90, 45, 15]);
    expect(await cell(desa[0]!.id, 'bumil')).toMatchObject({
      value: 151,
      source: 'bagi',
      basis: { total: 301, weightBasis: 'penduduk', weight: 5000, weightTotal: 10000 },
    });
    // Registry counts: nobody registered yet.
    expect(
      await failure(t, 'sasaran.split', {
        year: 2026,
        group: 'bumil',
        total: 10,
        weightBasis: 'registri',
      }),
    ).toMatchObject({
      message: expect.stringMatching(/^Dasar pembagian: semua desa berpenduduk 0/),
    });
    expect(
      await failure(t, 'sasaran.split', {
        year: 2026,
        group: 'bumil',
        total: 20000,
        weightBasis: 'penduduk',
      }),
    ).toMatchObject({ message: expect.stringMatching(/^Total puskesmas: bagian .* lebih besar/) });
  });

  it('needs every desa’s population to split by it', async () => {
    await save(desa[0]!.id, { penduduk: 5000 });
    const error = await failure(t, 'sasaran.split', {
      year: 2026,
      group: 'bumil',
      total: 100,
      weightBasis: 'penduduk',
    });
    expect(error.message).toContain(desa[1]!.name);
  });

  it('copies a year forward, keeping what the new year already has', async () => {
    await save(desa[0]!.id, { penduduk: 5000, bumil: 91 });
    await save(desa[1]!.id, { penduduk: 3000 });
    await save(desa[0]!.id, { penduduk: 5100 }, 2027);
    expect(await value(t, 'sasaran.copyYear', { fromYear: 2026, toYear: 2027 })).toEqual({
      copied: 2,
      kept: 1,
    });
    expect(await cell(desa[0]!.id, 'penduduk', 2027)).toMatchObject({
      value: 5100,
      source: 'ketik',
    });
    expect(await cell(desa[0]!.id, 'bumil', 2027)).toMatchObject({
      value: 91,
      source: 'salin',
      basis: { fromYear: 2026, fromSource: 'ketik' },
    });
    expect(await failure(t, 'sasaran.copyYear', { fromYear: 2020, toYear: 2027 })).toMatchObject({
      message: 'Salin dari tahun: tahun 2020 belum mempunyai sasaran',
    });
    expect(await failure(t, 'sasaran.copyYear', { fromYear: 2027, toYear: 2027 })).toMatchObject({
      message: 'Ke tahun: harus berbeda dari tahun asal',
    });
  });
});

describe('sasaran template round trip', () => {
  async function template(year = 2026): Promise<FileDownload> {
    return value<FileDownload>(t, 'sasaran.export', { year });
  }

  it('exports the template, imports the edited file, and keeps unchanged cells as they were', async () => {
    await save(desa[0]!.id, { penduduk: 5000, bumil: 91 });
    const file = await template();
    expect(file.fileName).toBe('sasaran-2026_puskesmas-karangpawitan.xlsx');
    const workbook = await loadWorkbook(file);
    const ws = workbook.getWorksheet('Sasaran 2026')!;
    expect(ws.getCell('A2').value).toBe('Sasaran program kesehatan per desa/kelurahan, tahun 2026');
    const header = rowWith(ws, 1, 'Kode desa (Kemendagri)');
    expect(ws.getRow(header - 1).hidden).toBe(true); // the code row
    const bumil = columnWith(ws, header, 'Ibu hamil');
    const penduduk = columnWith(ws, header, 'Jumlah penduduk');
    const rowA = rowWith(ws, 1, desa[0]!.code);
    const rowB = rowWith(ws, 1, desa[1]!.code);
    expect(ws.getCell(rowA, bumil).value).toBe(91);
    const totals = rowWith(ws, 1, 'Jumlah');
    expect(ws.getCell(totals, bumil).value).toBe(91);

    ws.getCell(rowA, bumil).value = 95;
    ws.getCell(rowB, penduduk).value = 3200;
    ws.getCell(rowB, bumil).value = '58';
    const imported = await value(t, 'sasaran.import', {
      year: 2026,
      fileName: 'sasaran-dinkes.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(imported).toEqual({ desa: 4, cells: 4, changed: 3 });
    expect(await cell(desa[0]!.id, 'bumil')).toMatchObject({
      value: 95,
      source: 'impor',
      basis: { fileName: 'sasaran-dinkes.xlsx' },
    });
    expect(await cell(desa[0]!.id, 'penduduk')).toMatchObject({ value: 5000, source: 'ketik' });
    expect(await cell(desa[1]!.id, 'bumil')).toMatchObject({ value: 58, source: 'impor' });

    // Importing the same file again changes nothing.
    const again = await template();
    expect(
      await value(t, 'sasaran.import', { year: 2026, fileName: 'lagi.xlsx', base64: again.base64 }),
    ).toMatchObject({ changed: 0 });
  });

  it('reports every bad cell by reference and imports nothing while any remains', async () => {
    await save(desa[0]!.id, { penduduk: 5000, bumil: 91 });
    const before = t.core.database.sqlite.prepare('SELECT * FROM sasaran ORDER BY id').all();
    const workbook = await loadWorkbook(await template());
    const ws = workbook.getWorksheet('Sasaran 2026')!;
    const header = rowWith(ws, 1, 'Kode desa (Kemendagri)');
    const col = (name: string) => columnWith(ws, header, name);
    const rowA = rowWith(ws, 1, desa[0]!.code);
    const rowB = rowWith(ws, 1, desa[1]!.code);
    const rowC = rowWith(ws, 1, desa[2]!.code);
    const rowD = rowWith(ws, 1, desa[3]!.code);
    ws.getCell(rowA, col('Ibu hamil')).value = 92; // valid on its own: must not be saved either
    ws.getCell(rowA, col('Bayi (lahir hidup)')).value = -3;
    ws.getCell(rowB, col('Balita')).value = 'dua';
    ws.getCell(rowB, col('Lansia ≥ 60 tahun')).value = 12.5;
    ws.getCell(rowC, col('Jumlah penduduk')).value = 100;
    ws.getCell(rowC, col('Wanita usia subur (WUS)')).value = 250;
    ws.getCell(rowD, 1).value = '32.05.02.9999';
    ws.getCell('B5').value = 2025; // the year line
    const error = await failure(t, 'sasaran.import', {
      year: 2026,
      fileName: 'salah.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Tidak ada yang diimpor: 6 sel bermasalah\. Pertama: B5/);
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(cellsOf(error).map((c) => [c.cell, c.rowLabel, c.message])).toEqual([
      ['B5', null, 'tahun di berkas (2025) tidak sama dengan tahun yang dipilih (2026)'],
      [`${letter(col('Balita'))}${rowB}`, desa[1]!.name, 'harus berupa angka'],
      [`${letter(col('Bayi (lahir hidup)'))}${rowA}`, desa[0]!.name, 'paling kecil 0'],
      [`${letter(col('Lansia ≥ 60 tahun'))}${rowB}`, desa[1]!.name, 'harus bilangan bulat'],
      [
        `${letter(col('Wanita usia subur (WUS)'))}${rowC}`,
        desa[2]!.name,
        'lebih besar dari jumlah penduduk desa (100)',
      ],
      [
        `A${rowD}`,
        desa[3]!.name,
        'desa/kelurahan dengan kode "32.05.02.9999" tidak ada di wilayah kerja',
      ],
    ]);
    expect(t.core.database.sqlite.prepare('SELECT * FROM sasaran ORDER BY id').all()).toEqual(
      before,
    );
  });

  it('imports the CSV template too (semicolons, Indonesian thousands)', async () => {
    const csv = await value<FileDownload>(t, 'sasaran.export', { year: 2026, format: 'csv' });
    expect(csv.fileName).toBe('sasaran-2026_puskesmas-karangpawitan.csv');
    const lines = Buffer.from(csv.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Tahun;2026');
    expect(
      lines[1]!.startsWith('Kode desa (Kemendagri);Nama desa/kelurahan;Jumlah penduduk;Ibu hamil'),
    ).toBe(true);
    const edited = lines.map((line) =>
      line.startsWith(desa[0]!.code) ? line.replace(/^([^;]*;[^;]*;);;/, '$1"12.500";230;') : line,
    );
    const result = await value(t, 'sasaran.import', {
      year: 2026,
      fileName: 'sasaran.csv',
      base64: Buffer.from(edited.join('\r\n'), 'utf8').toString('base64'),
    });
    expect(result).toMatchObject({ changed: 2 });
    expect(await cell(desa[0]!.id, 'penduduk')).toMatchObject({ value: 12500, source: 'impor' });
    expect(await cell(desa[0]!.id, 'bumil')).toMatchObject({ value: 230 });
  });

  it('refuses a file that is not a spreadsheet, naming the file', async () => {
    expect(
      await failure(t, 'sasaran.import', {
        year: 2026,
        fileName: 'sasaran.xlsx',
        base64: Buffer.from('bukan zip').toString('base64'),
      }),
    ).toMatchObject({ message: 'Berkas: berkas tidak dapat dibaca sebagai XLSX' });
    expect(
      await failure(t, 'sasaran.import', {
        year: 2026,
        fileName: 'sasaran.pdf',
        base64: Buffer.from('x').toString('base64'),
      }),
    ).toMatchObject({ message: 'Berkas: berkas harus XLSX (atau CSV untuk sasaran)' });
  });
});
