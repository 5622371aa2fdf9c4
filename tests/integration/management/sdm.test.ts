import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDownload, LicenceAlert, NakesInput, NakesRow } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility, signInAs } from '../../support/setup';
import {
  cellsOf,
  columnWith,
  count,
  failure,
  loadWorkbook,
  rowWith,
  value,
  workbookBase64,
} from './helpers';

let t: TestCore;

// Today at the puskesmas (WIB) is 22 November 2026.
beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
});
afterEach(() => t.close());

const bidan: NakesInput = {
  name: 'Siti Rahmawati, A.Md.Keb',
  nik: '3205025204880001',
  nip: '198804122010012003',
  sex: 'P',
  birthDate: '1988-04-12',
  phone: '0812 2000 1000',
  profession: 'bidan',
  employmentStatus: 'pns',
  education: 'd3',
  strNumber: 'KEB 0012345',
  strExpiry: '2026-12-20',
  sipNumber: '503/SIPB/0012/2023',
  sipExpiry: '2028-01-01',
  klaster: 'k2',
  isPjKlaster: true,
};

const create = (nakes: NakesInput) => t.call('nakes.create', { nakes });

describe('tenaga kesehatan register', () => {
  it('registers a bidan with STR/SIP, lists her, and audits the write', async () => {
    const created = await value<NakesRow>(t, 'nakes.create', { nakes: bidan });
    expect(created).toMatchObject({
      name: 'Siti Rahmawati, A.Md.Keb',
      profession: 'bidan',
      strExpiry: '2026-12-20',
      isPjKlaster: true,
      active: true,
      version: 1,
    });
    expect(await value(t, 'nakes.list')).toHaveLength(1);
    expect(
      count(
        t,
        "SELECT count(*) AS n FROM audit_log WHERE table_name = 'nakes' AND row_id = ?",
        created.id,
      ),
    ).toBe(1);
    // The performer list of the service forms sees her.
    expect(await value(t, 'nakes.options')).toEqual([
      { id: created.id, name: bidan.name, profession: 'bidan', active: true },
    ]);
  });

  it('lists an STR expiring within 90 days (inclusive), an expired one, and not the rest', async () => {
    await create(bidan);
    await create({
      ...bidan,
      name: 'Dedi Kurniawan',
      nik: null,
      nip: null,
      sex: 'L',
      birthDate: null,
      profession: 'perawat',
      isPjKlaster: false,
      strExpiry: '2027-02-20', // today + 90
      sipExpiry: '2026-11-21', // yesterday
    });
    await create({
      ...bidan,
      name: 'Rina Anggraeni',
      nik: null,
      nip: null,
      birthDate: null,
      isPjKlaster: false,
      strExpiry: '2027-02-21', // today + 91
      sipNumber: null,
      sipExpiry: null,
    });
    await create({
      ...bidan,
      name: 'dr. Hendra',
      nik: null,
      nip: null,
      sex: 'L',
      birthDate: null,
      profession: 'dokter',
      isPjKlaster: false,
      strExpiry: null,
      strLifetime: true,
      sipNumber: null,
      sipExpiry: null,
    });
    const alerts = await value<LicenceAlert[]>(t, 'nakes.expiring');
    expect(alerts.map((a) => [a.name, a.document, a.daysLeft, a.state])).toEqual([
      ['Dedi Kurniawan', 'SIP', -1, 'expired'],
      ['Siti Rahmawati, A.Md.Keb', 'STR', 28, 'expiring'],
      ['Dedi Kurniawan', 'STR', 90, 'expiring'],
    ]);
  });

  it('refuses a NIP that contradicts the birth date, an impossible NIK, and an STR without expiry', async () => {
    expect(await create({ ...bidan, birthDate: '1988-04-13' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'NIP/NIPPPK: tanggal lahir dalam NIP (12-04-1988) tidak sama dengan tanggal lahir yang diisi',
        details: { issues: [{ path: 'nakes.nip' }] },
      },
    });
    expect(await create({ ...bidan, nip: '19880412201001' })).toMatchObject({
      error: { message: 'NIP/NIPPPK: harus 18 digit angka' },
    });
    expect(await create({ ...bidan, nik: '3205027204880001' })).toMatchObject({
      error: { message: expect.stringMatching(/^NIK: tanggal lahir 72 tidak valid/) },
    });
    expect(await create({ ...bidan, strExpiry: null })).toMatchObject({
      error: {
        message: 'STR berlaku s.d.: isi tanggal berlaku, atau centang "seumur hidup"',
        details: { issues: [{ path: 'nakes.strExpiry' }] },
      },
    });
    expect(await create({ ...bidan, isPjKlaster: true, klaster: null })).toMatchObject({
      error: { message: 'Klaster: pilih klaster yang dipimpin' },
    });
    expect(count(t, 'SELECT count(*) AS n FROM nakes')).toBe(0);
  });

  it('keeps one penanggung jawab per klaster and one person per NIK', async () => {
    await create(bidan);
    expect(
      await create({ ...bidan, name: 'Bd. Lain', nik: null, nip: null, birthDate: null }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: expect.stringContaining(
          'Klaster 2 Ibu dan Anak sudah mempunyai penanggung jawab: Siti Rahmawati',
        ),
      },
    });
    expect(await create({ ...bidan, name: 'Kembar', nip: null, isPjKlaster: false })).toMatchObject(
      {
        ok: false,
        error: { code: 'DUPLICATE', message: 'NIK: sudah dipakai oleh Siti Rahmawati, A.Md.Keb' },
      },
    );
  });

  it('deactivates: gone from the performer list and the expiry list, kept in the register', async () => {
    const created = await value<NakesRow>(t, 'nakes.create', { nakes: bidan });
    const updated = await value<NakesRow>(t, 'nakes.update', {
      id: created.id,
      version: created.version,
      nakes: { ...bidan, active: false },
    });
    expect(updated).toMatchObject({ active: false, version: 2 });
    expect(await value(t, 'nakes.options')).toEqual([]);
    expect(await value(t, 'nakes.expiring')).toEqual([]);
    expect(await value(t, 'nakes.list', { includeInactive: true })).toHaveLength(1);
    expect(
      await failure(t, 'nakes.update', { id: created.id, version: 1, nakes: bidan }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('is read-only for a pembaca', async () => {
    await signInAs(t, 'pembaca');
    expect(await failure(t, 'nakes.create', { nakes: bidan })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await value(t, 'nakes.list')).toEqual([]);
  });
});

describe('tenaga kesehatan spreadsheet', () => {
  it('round-trips: export, edit a row and add one, import', async () => {
    const created = await value<NakesRow>(t, 'nakes.create', { nakes: bidan });
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'nakes.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, bidan.name);
    expect(ws.getCell(row, col('NIP/NIPPPK')).value).toBe(bidan.nip);
    expect(ws.getCell(row, col('Profesi')).value).toBe('Bidan');
    expect(ws.getColumn(col('ID sistem (jangan diubah)')).hidden).toBe(true);
    ws.getCell(row, col('Telepon')).value = '0813 1111 2222';
    const added = row + 1;
    ws.getCell(added, col('Nama')).value = 'Asep Saepudin, S.Kep';
    ws.getCell(added, col('Jenis kelamin (L/P)')).value = 'L';
    ws.getCell(added, col('Profesi')).value = 'perawat';
    ws.getCell(added, col('Nomor STR')).value = 'NRS 998877';
    ws.getCell(added, col('STR seumur hidup')).value = 'Ya';
    ws.getCell(added, col('Status kepegawaian')).value = 'Kontrak/honorer';
    const result = await value(t, 'nakes.import', {
      fileName: 'sdm.xlsx',
      base64: await workbookBase64(workbook),
    });
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const list = await value<NakesRow[]>(t, 'nakes.list');
    expect(list.find((n) => n.id === created.id)).toMatchObject({
      phone: '0813 1111 2222',
      version: 2,
    });
    expect(list.find((n) => n.name === 'Asep Saepudin, S.Kep')).toMatchObject({
      profession: 'perawat',
      strLifetime: true,
      employmentStatus: 'kontrak',
    });
  });

  it('names each bad cell and imports nothing', async () => {
    await create(bidan);
    const workbook = await loadWorkbook(await value<FileDownload>(t, 'nakes.export'));
    const ws = workbook.worksheets[0]!;
    const header = rowWith(ws, 1, 'Nama');
    const col = (h: string) => columnWith(ws, header, h);
    const row = rowWith(ws, 1, bidan.name);
    ws.getCell(row, col('Telepon')).value = '0813 9999 9999'; // fine alone, must not be saved
    ws.getCell(row + 1, col('Nama')).value = 'Baris Salah';
    ws.getCell(row + 1, col('Jenis kelamin (L/P)')).value = 'X';
    ws.getCell(row + 1, col('Profesi')).value = 'Dukun';
    ws.getCell(row + 1, col('NIP/NIPPPK')).value = 198804122010012000;
    ws.getCell(row + 1, col('Tanggal lahir')).value = '31-02-1990';
    const error = await failure(t, 'nakes.import', {
      fileName: 'sdm.xlsx',
      base64: await workbookBase64(workbook),
    });
    const messages = cellsOf(error).map((c) => `${c.column}: ${c.message}`);
    expect(messages).toEqual([
      'NIP/NIPPPK: angka panjang dibulatkan Excel; format sel sebagai Teks lalu ketik ulang',
      'Jenis kelamin (L/P): pilihan harus salah satu dari: L, P',
      expect.stringMatching(/^Profesi: pilihan harus salah satu dari: Dokter, Dokter gigi, Bidan/),
      'Tanggal lahir: format tanggal tidak valid (TTTT-BB-HH)',
    ]);
    expect(cellsOf(error).every((c) => c.rowLabel === 'Baris Salah')).toBe(true);
    expect((await value<NakesRow[]>(t, 'nakes.list'))[0]!.phone).toBe('0812 2000 1000');
  });
});
