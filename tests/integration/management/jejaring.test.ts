import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  FileDownload,
  FktpRow,
  NakesInput,
  NakesRow,
  PosyanduRow,
  PustuRow,
} from '@shared/contract';
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

beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  desa = await value<Desa[]>(t, 'desa.list');
});
afterEach(() => t.close());

const nakes = (name: string, profession: NakesInput['profession']) =>
  value<NakesRow>(t, 'nakes.create', { nakes: { name, profession, sex: 'P' } });

describe('Pustu', () => {
  it('assigns staff and says which ILP professions are missing', async () => {
    const bidan = await nakes('Bd. Yuyun', 'bidan');
    const perawat = await nakes('Ns. Iis', 'perawat');
    const pustu = await value<PustuRow>(t, 'pustu.create', {
      pustu: { name: 'Pustu Situgede', desaId: desa[1]!.id, staffIds: [bidan.id] },
    });
    expect(pustu).toMatchObject({
      desaName: desa[1]!.name,
      staff: [{ name: 'Bd. Yuyun', profession: 'bidan' }],
      staffGaps: ['perawat'],
    });
    const updated = await value<PustuRow>(t, 'pustu.update', {
      id: pustu.id,
      version: pustu.version,
      pustu: { name: 'Pustu Situgede', desaId: desa[1]!.id, staffIds: [bidan.id, perawat.id] },
    });
    expect(updated.staffGaps).toEqual([]);
    expect(
      (await value<NakesRow[]>(t, 'nakes.list')).map((n) => [n.name, n.pustuName]).sort(),
    ).toEqual([
      ['Bd. Yuyun', 'Pustu Situgede'],
      ['Ns. Iis', 'Pustu Situgede'],
    ]);
    // Moving the bidan to a second Pustu takes her off the first (each change audited).
    await value(t, 'pustu.create', {
      pustu: { name: 'Pustu Lain', desaId: desa[2]!.id, staffIds: [bidan.id] },
    });
    const first = (await value<PustuRow[]>(t, 'pustu.list')).find((p) => p.id === pustu.id)!;
    expect(first.staff.map((n) => n.name)).toEqual(['Ns. Iis']);
    expect(
      count(
        t,
        "SELECT count(*) AS n FROM audit_log WHERE table_name = 'nakes' AND row_id = ?",
        bidan.id,
      ),
    ).toBe(3);
    expect(
      await failure(t, 'pustu.create', {
        pustu: {
          name: 'X',
          desaId: desa[0]!.id,
          staffIds: ['0190a0b0-0000-7000-8000-000000000000'],
        },
      }),
    ).toMatchObject({ message: 'Tenaga kesehatan: ada tenaga kesehatan yang tidak dikenal' });
  });
});

describe('Posyandu extended for the jejaring', () => {
  it('keeps kode, stratum, ILP status and its Pustu', async () => {
    const pustu = await value<PustuRow>(t, 'pustu.create', {
      pustu: { name: 'Pustu Situgede', desaId: desa[1]!.id },
    });
    const posyandu = await value<PosyanduRow>(t, 'posyandu.create', {
      name: 'Posyandu Anggrek',
      desaId: desa[1]!.id,
      kode: 'P3205022004-01',
      stratum: 'purnama',
      ilp: true,
      pustuId: pustu.id,
      scheduleWeek: 2,
      scheduleWeekday: 3,
    });
    expect(posyandu).toMatchObject({
      kode: 'P3205022004-01',
      stratum: 'purnama',
      ilp: true,
      pustuName: 'Pustu Situgede',
    });
    expect((await value<PustuRow[]>(t, 'pustu.list'))[0]!.posyanduCount).toBe(1);
    expect(
      await failure(t, 'posyandu.create', {
        name: 'X',
        desaId: desa[1]!.id,
        kode: 'ada spasi',
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await failure(t, 'posyandu.create', {
        name: 'X',
        desaId: desa[1]!.id,
        pustuId: '0190a0b0-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ message: 'Pustu: Pustu tidak dikenal atau tidak aktif' });
  });

  it('round-trips the posyandu list through a spreadsheet', async () => {
    const created = await value<PosyanduRow>(t, 'posyandu.create', {
      name: 'Posyandu Anggrek',
      desaId: desa[1]!.id,
    });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'posyandu.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama posyandu');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, 'Posyandu Anggrek');
    ws.getCell(row, col('Strata')).value = 'Madya';
    ws.getCell(row, col('Posyandu ILP')).value = 'Ya';
    ws.getCell(row, col('Hari')).value = 'Kamis';
    ws.getCell(row, col('Minggu ke- (kosong = setiap minggu)')).value = 3;
    ws.getCell(row + 1, col('Nama posyandu')).value = 'Posyandu Baru';
    ws.getCell(row + 1, col('Kode desa (Kemendagri)')).value = desa[2]!.code.replace(/\./g, '');
    expect(
      await value(t, 'posyandu.import', {
        fileName: 'posyandu.xlsx',
        base64: await workbookBase64(workbook),
      }),
    ).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const list = await value<PosyanduRow[]>(t, 'posyandu.list');
    expect(list.find((p) => p.id === created.id)).toMatchObject({
      stratum: 'madya',
      ilp: true,
      scheduleWeekday: 4,
      scheduleWeek: 3,
    });
    expect(list.find((p) => p.name === 'Posyandu Baru')).toMatchObject({ desaId: desa[2]!.id });

    ws.getCell(row, col('Minggu ke- (kosong = setiap minggu)')).value = 6;
    const error = await failure(t, 'posyandu.import', {
      fileName: 'posyandu.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(cellsOf(error)).toMatchObject([
      { column: 'Minggu ke- (kosong = setiap minggu)', message: 'paling besar 5' },
    ]);
  });
});

describe('FKTP lain', () => {
  it('records klinik, PMB and DPM of the area for "dilayani di FKTP lain"', async () => {
    const pmb = await value<FktpRow>(t, 'fktp.create', {
      fktp: {
        kind: 'pmb',
        name: 'PMB Bd. Nenden',
        desaId: desa[0]!.id,
        ownerName: 'Nenden Sumarni',
        bpjs: true,
        sharesData: true,
      },
    });
    expect(pmb).toMatchObject({ kind: 'pmb', desaName: desa[0]!.name, bpjs: true });
    await value(t, 'fktp.create', {
      fktp: { kind: 'klinik', name: 'Klinik Pratama Medika', address: 'Jl. Raya Garut 12' },
    });
    expect(
      await failure(t, 'fktp.create', { fktp: { kind: 'dpm', name: 'dr. Tanpa Alamat' } }),
    ).toMatchObject({ message: 'Alamat: isi desa di wilayah kerja atau alamatnya' });
    expect((await value<{ name: string }[]>(t, 'fktp.options')).map((o) => o.name)).toEqual([
      'Klinik Pratama Medika',
      'PMB Bd. Nenden',
    ]);
  });

  it('round-trips the FKTP list, refusing an unknown kind per cell', async () => {
    await value(t, 'fktp.create', {
      fktp: { kind: 'klinik', name: 'Klinik Pratama Medika', address: 'Jl. Raya Garut 12' },
    });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'fktp.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Jenis');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, col('Nama'), 'Klinik Pratama Medika');
    ws.getCell(row + 1, col('Jenis')).value = 'dpm';
    ws.getCell(row + 1, col('Nama')).value = 'dr. Asep';
    ws.getCell(row + 1, col('Desa/kelurahan')).value = desa[3]!.name;
    ws.getCell(row + 2, col('Jenis')).value = 'Puskesmas';
    ws.getCell(row + 2, col('Nama')).value = 'Salah jenis';
    ws.getCell(row + 2, col('Alamat')).value = 'Garut';
    const error = await failure(t, 'fktp.import', {
      fileName: 'fktp.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(cellsOf(error)).toMatchObject([
      {
        column: 'Jenis',
        rowLabel: 'Salah jenis',
        message: expect.stringMatching(/^pilihan harus/),
      },
    ]);
    expect(count(t, 'SELECT count(*) AS n FROM fktp')).toBe(1);
    ws.spliceRows(row + 2, 1);
    expect(
      await value(t, 'fktp.import', {
        fileName: 'fktp.xlsx',
        base64: await workbookBase64(workbook),
      }),
    ).toEqual({ created: 1, updated: 0, unchanged: 1 });
  });

  it('round-trips the Pustu list with staff named in one cell', async () => {
    const bidan = await nakes('Bd. Yuyun', 'bidan');
    await nakes('Ns. Iis', 'perawat');
    await value(t, 'pustu.create', {
      pustu: { name: 'Pustu Situgede', desaId: desa[1]!.id, staffIds: [bidan.id] },
    });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'pustu.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama Pustu');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, 'Pustu Situgede');
    const staff = col('Tenaga kesehatan (pisahkan dengan ;)');
    expect(ws.getCell(row, staff).value).toBe('Bd. Yuyun');
    ws.getCell(row, staff).value = 'Bd. Yuyun; ns. iis';
    expect(
      await value(t, 'pustu.import', {
        fileName: 'pustu.xlsx',
        base64: await workbookBase64(workbook),
      }),
    ).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await value<PustuRow[]>(t, 'pustu.list'))[0]!.staffGaps).toEqual([]);
    ws.getCell(row, staff).value = 'Bd. Yuyun; Orang Asing';
    const error = await failure(t, 'pustu.import', {
      fileName: 'pustu.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(cellsOf(error)[0]!.message).toBe(
      'tenaga kesehatan "Orang Asing" tidak ditemukan (atau namanya kembar)',
    );
  });
});
