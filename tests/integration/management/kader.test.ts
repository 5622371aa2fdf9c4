import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDownload, KaderInput, KaderRow, PosyanduRow } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';
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
let melati: PosyanduRow;
let mawar: PosyanduRow;

beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  desa = await value<Desa[]>(t, 'desa.list');
  melati = await value<PosyanduRow>(t, 'posyandu.create', {
    name: 'Posyandu Melati',
    desaId: desa[0]!.id,
  });
  mawar = await value<PosyanduRow>(t, 'posyandu.create', {
    name: 'Posyandu Mawar',
    desaId: desa[1]!.id,
  });
});
afterEach(() => t.close());

const ani = (): KaderInput => ({
  name: 'Ani Suryani',
  nik: '3205024507850002',
  sex: 'P',
  birthDate: '1985-07-05',
  phone: '0852 1111 0000',
  desaId: desa[0]!.id,
  posyanduId: melati.id,
  level: 'madya',
  skills: [
    { code: 'K07', date: '2025-03-10' },
    { code: 'K01', date: '2024-08-01' },
  ],
  trainings: [{ name: 'Pelatihan kader ILP', date: '2024-08-01', organizer: 'Dinkes Garut' }],
});

describe('kader posyandu', () => {
  it('registers a kader with skills and trainings, listed by posyandu', async () => {
    const created = await value<KaderRow>(t, 'kader.create', { kader: ani() });
    expect(created).toMatchObject({
      name: 'Ani Suryani',
      desaName: desa[0]!.name,
      posyanduName: 'Posyandu Melati',
      level: 'madya',
      // Stored in code order.
      skills: [
        { code: 'K01', date: '2024-08-01' },
        { code: 'K07', date: '2025-03-10' },
      ],
      trainings: [{ name: 'Pelatihan kader ILP', date: '2024-08-01', organizer: 'Dinkes Garut' }],
      active: true,
    });
    expect(await value(t, 'kader.list', { posyanduId: melati.id })).toHaveLength(1);
    expect(await value(t, 'kader.list', { posyanduId: mawar.id })).toHaveLength(0);
    expect(
      count(
        t,
        "SELECT count(*) AS n FROM audit_log WHERE table_name = 'kader' AND action = 'create'",
      ),
    ).toBe(1);
  });

  it('refuses a skill dated in the future, a posyandu of another desa, a skill twice, a NIK twice', async () => {
    expect(
      await t.call('kader.create', {
        kader: { ...ani(), skills: [{ code: 'K02', date: '2026-11-23' }] },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'Keterampilan K02: tidak boleh setelah hari ini',
        details: { issues: [{ path: 'kader.skills.0.date' }] },
      },
    });
    expect(
      await t.call('kader.create', { kader: { ...ani(), posyanduId: mawar.id } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Posyandu: posyandu ini berada di desa lain' },
    });
    expect(
      await t.call('kader.create', {
        kader: {
          ...ani(),
          skills: [
            { code: 'K02', date: '2025-01-01' },
            { code: 'K02', date: '2025-02-01' },
          ],
        },
      }),
    ).toMatchObject({ ok: false, error: { message: 'Baris 2, Kode: tercantum dua kali' } });
    expect(
      await t.call('kader.create', {
        kader: { ...ani(), skills: [{ code: 'K26', date: '2025-01-01' }] },
      }),
    ).toMatchObject({ ok: false, error: { message: 'Baris 1, Kode: pilihan tidak valid' } });
    await value(t, 'kader.create', { kader: ani() });
    expect(
      await failure(t, 'kader.create', { kader: { ...ani(), name: 'Ani Lain' } }),
    ).toMatchObject({
      code: 'DUPLICATE',
      message: 'NIK: sudah terdaftar sebagai kader atas nama Ani Suryani',
    });
    expect(count(t, 'SELECT count(*) AS n FROM kader')).toBe(1);
  });

  it('deactivates a kader (kept, hidden from the active list)', async () => {
    const created = await value<KaderRow>(t, 'kader.create', { kader: ani() });
    await value(t, 'kader.update', {
      id: created.id,
      version: 1,
      kader: { ...ani(), active: false },
    });
    expect(await value(t, 'kader.list')).toEqual([]);
    expect(await value(t, 'kader.list', { includeInactive: true })).toHaveLength(1);
  });
});

describe('kader spreadsheet', () => {
  it('round-trips skills (one date column each) and trainings; adds a kader by desa name', async () => {
    const created = await value<KaderRow>(t, 'kader.create', { kader: ani() });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'kader.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, 'Ani Suryani');
    expect(ws.getCell(row, col('K07')).value).toEqual(new Date('2025-03-10T00:00:00.000Z'));
    expect(ws.getCell(row, col('Pelatihan')).value).toBe(
      'Pelatihan kader ILP (01-08-2024, Dinkes Garut)',
    );
    expect(workbook.getWorksheet('Petunjuk')!.getCell('B2').value).toBe(
      'Menjelaskan paket layanan posyandu untuk seluruh siklus hidup',
    );
    ws.getCell(row, col('K04')).value = '15-01-2026';
    ws.getCell(row, col('Pelatihan')).value =
      'Pelatihan kader ILP (01-08-2024, Dinkes Garut); Refreshing kader (10-10-2026)';
    ws.getCell(row + 1, col('Nama')).value = 'Euis Komariah';
    ws.getCell(row + 1, col('Jenis kelamin (L/P)')).value = 'P';
    ws.getCell(row + 1, col('Desa/kelurahan')).value = desa[1]!.name.toUpperCase();
    ws.getCell(row + 1, col('Posyandu')).value = 'posyandu mawar';
    ws.getCell(row + 1, col('Tingkat kader')).value = 'Purwa';
    ws.getCell(row + 1, col('K21')).value = new Date('2026-02-02T00:00:00.000Z');
    expect(
      await value(t, 'kader.import', {
        fileName: 'kader.xlsx',
        base64: await workbookBase64(workbook),
      }),
    ).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const list = await value<KaderRow[]>(t, 'kader.list');
    expect(list.find((k) => k.id === created.id)).toMatchObject({
      skills: [
        { code: 'K01', date: '2024-08-01' },
        { code: 'K04', date: '2026-01-15' },
        { code: 'K07', date: '2025-03-10' },
      ],
      trainings: [
        { name: 'Pelatihan kader ILP', date: '2024-08-01', organizer: 'Dinkes Garut' },
        { name: 'Refreshing kader', date: '2026-10-10', organizer: null },
      ],
    });
    expect(list.find((k) => k.name === 'Euis Komariah')).toMatchObject({
      desaId: desa[1]!.id,
      posyanduId: mawar.id,
      level: 'purwa',
      skills: [{ code: 'K21', date: '2026-02-02' }],
    });
  });

  it('reports unknown posyandu, bad trainings and future skill dates per cell, importing nothing', async () => {
    await value(t, 'kader.create', { kader: ani() });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'kader.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, 'Ani Suryani');
    ws.getCell(row, col('K05')).value = '01-12-2026';
    ws.getCell(row + 1, col('Nama')).value = 'Baru Satu';
    ws.getCell(row + 1, col('Jenis kelamin (L/P)')).value = 'P';
    ws.getCell(row + 1, col('Kode desa (Kemendagri)')).value = desa[0]!.code;
    ws.getCell(row + 1, col('Posyandu')).value = 'Posyandu Mawar';
    ws.getCell(row + 2, col('Nama')).value = 'Baru Dua';
    ws.getCell(row + 2, col('Jenis kelamin (L/P)')).value = 'P';
    ws.getCell(row + 2, col('Kode desa (Kemendagri)')).value = desa[0]!.code;
    ws.getCell(row + 2, col('Pelatihan')).value = 'Pelatihan tanpa tanggal';
    const error = await failure(t, 'kader.import', {
      fileName: 'kader.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(cellsOf(error).map((c) => [c.column, c.rowLabel, c.message])).toEqual([
      ['Posyandu', 'Baru Satu', `posyandu "Posyandu Mawar" tidak ditemukan di ${desa[0]!.name}`],
      [
        'Pelatihan',
        'Baru Dua',
        'tulis "Nama pelatihan (HH-BB-TTTT, penyelenggara)", pisahkan dengan ;',
      ],
      ['K05', 'Ani Suryani', 'tidak boleh setelah hari ini'],
    ]);
    expect(count(t, 'SELECT count(*) AS n FROM kader')).toBe(1);
    expect((await value<KaderRow[]>(t, 'kader.list'))[0]!.version).toBe(1);
  });

  it('reports a desa code outside the wilayah kerja on its cell, and a row with no desa', async () => {
    await value(t, 'kader.create', { kader: ani() });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'kader.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, 'Ani Suryani');
    ws.getCell(row + 1, col('Nama')).value = 'Baru Satu';
    ws.getCell(row + 1, col('Jenis kelamin (L/P)')).value = 'P';
    ws.getCell(row + 1, col('Kode desa (Kemendagri)')).value = '99.99.99.9999';
    ws.getCell(row + 2, col('Nama')).value = 'Baru Dua';
    ws.getCell(row + 2, col('Jenis kelamin (L/P)')).value = 'P';
    const error = await failure(t, 'kader.import', {
      fileName: 'kader.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(cellsOf(error).map((c) => [c.column, c.rowLabel, c.message])).toEqual([
      [
        'Kode desa (Kemendagri)',
        'Baru Satu',
        'desa/kelurahan dengan kode "99.99.99.9999" tidak ada di wilayah kerja',
      ],
      ['Desa/kelurahan', 'Baru Dua', 'wajib diisi'],
    ]);
    expect(count(t, 'SELECT count(*) AS n FROM kader')).toBe(1);
  });
});
