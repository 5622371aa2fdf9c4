import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdultKontrolRow, AdultPatientRow, AdultPersonSummary } from '@shared/contract';
import type { TestCore } from '../../support/core';
import { signInAdmin } from '../../support/setup';
import { auditRows, count, openAdultCore, person, sheetRows, value, type Refused } from './helpers';

let t: TestCore;
let desaId: string;
let budi: string;

beforeEach(async () => {
  ({ t, desaId } = await openAdultCore());
  budi = await person(t, desaId, { name: 'Budi Santoso', sex: 'L', birthDate: '1961-03-10' });
});
afterEach(() => t.close());

const ht = { program: 'ht', icd10: 'I10', diagnosedOn: '2026-09-15', diagnosedPlace: 'puskesmas' };

function confirm(patient: Record<string, unknown> = {}, personId = budi) {
  return t.call('adult.patient.create', { personId, patient: { ...ht, ...patient } });
}

function kontrol(visit: Record<string, unknown>, personId = budi) {
  return t.call('adult.kontrol.create', {
    personId,
    kontrol: { place: 'puskesmas', ...visit },
  });
}

async function list(input: Record<string, unknown>) {
  return value<{
    rows: AdultPatientRow[];
    total: number;
    counts: Record<string, number>;
    asOf: string;
  }>(t.call('adult.patient.list', input));
}

describe('hypertension and DM registers', () => {
  it('a confirmed diagnosis makes a penderita, once per programme', async () => {
    const row = await value<AdultPatientRow>(confirm());
    expect(row).toMatchObject({
      name: 'Budi Santoso',
      program: 'ht',
      icd10: 'I10',
      control: 'data_kurang',
      lastVisitOn: null,
      kontrolBulanIni: false,
    });
    expect(auditRows(t, row.id)).toEqual([{ action: 'create', table_name: 'adult_patient' }]);
    expect(await confirm()).toMatchObject({
      ok: false,
      error: {
        code: 'DUPLICATE',
        message: 'Program: sudah terdaftar sebagai penderita hipertensi sejak 15-09-2026',
      },
    });
    // The same person may also be a DM patient.
    expect(await confirm({ program: 'dm', icd10: 'E11' })).toMatchObject({ ok: true });
  });

  it('refuses an ICD-10 code of the other register and a diagnosis after today', async () => {
    const wrong = (await confirm({ icd10: 'E11' })) as Refused;
    expect(wrong.error.details?.issues).toEqual([
      {
        path: 'patient.icd10',
        field: 'Kode ICD-10',
        message: 'E11 bukan kode hipertensi (I10, I11, I12, I13, I15)',
      },
    ]);
    expect(await confirm({ diagnosedOn: '2026-11-23' })).toMatchObject({
      error: { message: 'Tanggal diagnosis: tidak boleh setelah hari ini' },
    });
    expect(count(t, 'adult_patient')).toBe(0);
  });

  it('kontrol: refused before the register, and before the diagnosis date', async () => {
    expect(await kontrol({ visitOn: '2026-10-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Tanggal kontrol: orang ini belum terdaftar/) },
    });
    await value(confirm());
    expect(await kontrol({ visitOn: '2026-09-14' })).toMatchObject({
      error: {
        message: 'Tanggal kontrol: tidak boleh sebelum tanggal diagnosis (15-09-2026)',
        details: { issues: [{ path: 'kontrol.visitOn' }] },
      },
    });
    expect(await kontrol({ visitOn: '2026-10-01', systolic: 40, diastolic: 120 })).toMatchObject({
      error: { message: 'Tekanan darah sistolik: harus antara 60 dan 300 mmHg (+1)' },
    });
    expect(count(t, 'adult_kontrol')).toBe(0);
  });

  it('two kontrols change terkendali (last BP < 140/90), and work lists follow the month', async () => {
    const row = await value<AdultPatientRow>(confirm());
    const first = await value<AdultKontrolRow>(
      kontrol({
        visitOn: '2026-10-05',
        systolic: 150,
        diastolic: 95,
        obat: ['amlodipin'],
        kepatuhan: 'tidak_teratur',
      }),
    );
    expect(first).toMatchObject({ tdCode: 'bp.ht1', obat: ['amlodipin'] });
    let found = await list({ program: 'ht' });
    expect(found.rows[0]).toMatchObject({
      control: 'tidak_terkendali',
      lastSystolic: 150,
      kontrolBulanIni: false,
      mangkir: false,
    });
    expect(found.counts).toEqual({ semua: 1, belumKontrol: 1, tidakTerkendali: 1, mangkir: 0 });

    await value(
      kontrol({ visitOn: '2026-11-20', systolic: 139, diastolic: 89, obat: ['amlodipin'] }),
    );
    found = await list({ program: 'ht' });
    expect(found.rows[0]).toMatchObject({
      id: row.id,
      control: 'terkendali',
      controlBasedOn: ['2026-11-20'],
      kontrolBulanIni: true,
    });
    expect(found.counts).toEqual({ semua: 1, belumKontrol: 0, tidakTerkendali: 0, mangkir: 0 });

    // 1 February: December and January passed without a visit → mangkir.
    t.clock.set('2027-01-31T02:00:00.000Z');
    await signInAdmin(t);
    expect((await list({ program: 'ht', list: 'mangkir' })).total).toBe(0);
    t.clock.set('2027-02-01T02:00:00.000Z');
    await signInAdmin(t);
    const mangkir = await list({ program: 'ht', list: 'mangkir' });
    expect(mangkir.rows).toMatchObject([{ missedMonths: 2, mangkir: true, control: 'terkendali' }]);
  });

  it('the 3-month definition needs three consecutive controlled months', async () => {
    await value(confirm({ diagnosedOn: '2026-08-01' }));
    await value(kontrol({ visitOn: '2026-09-10', systolic: 130, diastolic: 80 }));
    await value(kontrol({ visitOn: '2026-11-10', systolic: 130, diastolic: 80 }));
    expect((await list({ program: 'ht' })).rows[0]?.control).toBe('terkendali');
    await value(t.call('adult.settings.set', { htControl: 'ht-control.3-consecutive-months' }));
    const rows = (await list({ program: 'ht' })).rows;
    expect(rows[0]).toMatchObject({
      control: 'data_kurang',
      controlSetId: 'ht-control.3-consecutive-months',
    });
    await value(kontrol({ visitOn: '2026-10-10', systolic: 128, diastolic: 78 }));
    expect((await list({ program: 'ht' })).rows[0]?.control).toBe('terkendali');
  });

  it('DM terkendali from GDP or HbA1c; GDS alone is not enough', async () => {
    await value(confirm({ program: 'dm', icd10: 'E11' }));
    await value(kontrol({ visitOn: '2026-10-01', gulaTest: 'gds', gulaValue: 180 }));
    expect((await list({ program: 'dm' })).rows[0]).toMatchObject({
      control: 'data_kurang',
      lastGlucose: { test: 'gds', value: 180, date: '2026-10-01' },
    });
    await value(kontrol({ visitOn: '2026-11-01', gulaTest: 'gdp', gulaValue: 126 }));
    expect((await list({ program: 'dm' })).rows[0]?.control).toBe('tidak_terkendali');
    await value(kontrol({ visitOn: '2026-11-15', gulaTest: 'gdp', gulaValue: 125, hba1c: 6.9 }));
    expect((await list({ program: 'dm' })).rows[0]?.control).toBe('terkendali');
    expect(await kontrol({ visitOn: '2026-11-16', gulaValue: 140 })).toMatchObject({
      error: { details: { issues: [{ path: 'kontrol.gulaTest' }] } },
    });
  });

  it('leaving the register takes a patient off the work lists', async () => {
    const row = await value<AdultPatientRow>(confirm());
    expect(
      await t.call('adult.patient.update', {
        id: row.id,
        version: row.version,
        patient: { ...ht, endedOn: '2026-11-01' },
      }),
    ).toMatchObject({
      error: { message: 'Alasan keluar: tanggal dan alasan keluar diisi bersama' },
    });
    const ended = await value<AdultPatientRow>(
      t.call('adult.patient.update', {
        id: row.id,
        version: row.version,
        patient: { ...ht, endedOn: '2026-11-01', endReason: 'pindah' },
      }),
    );
    expect(ended).toMatchObject({ endedOn: '2026-11-01', endReason: 'pindah', version: 2 });
    expect((await list({ program: 'ht' })).total).toBe(0);
    expect(await list({ program: 'ht', includeEnded: true })).toMatchObject({
      total: 1,
      counts: { semua: 1, belumKontrol: 0, mangkir: 0 },
    });
    // A new registration is possible once the old one has ended.
    expect(await confirm({ diagnosedOn: '2026-11-10' })).toMatchObject({ ok: true });
  });

  it('filters by name and exports the work list', async () => {
    await value(confirm());
    const ani = await person(t, desaId, { name: 'Ani Suryani', sex: 'P', birthDate: '1970-01-01' });
    await value(confirm({}, ani));
    await value(kontrol({ visitOn: '2026-11-02', systolic: 160, diastolic: 100 }, ani));
    expect((await list({ program: 'ht', q: 'suryani' })).rows.map((r) => r.name)).toEqual([
      'Ani Suryani',
    ]);
    const file = await value<{ fileName: string; base64: string; mimeType: string }>(
      t.call('adult.patient.export', { program: 'ht', list: 'tidakTerkendali' }),
    );
    expect(file.fileName).toBe('register-ht_puskesmas-karangpawitan.xlsx');
    const rows = await sheetRows(file);
    expect(rows[1]?.[0]).toBe('Register penderita Hipertensi');
    expect(rows[2]?.[0]).toBe('Saringan: Tidak terkendali');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toEqual(
      expect.arrayContaining(['Ani Suryani', 'I10', '160/100', 'Tidak terkendali', 'Ya', 'Tidak']),
    );
  });

  it('the person card summary holds registers, kontrol and the BP trend', async () => {
    await value(
      t.call('adult.screening.create', {
        personId: budi,
        screening: {
          screenedOn: '2026-09-10',
          place: 'posbindu',
          tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] },
          gulaDarah: { test: 'gds', value: 230 },
        },
      }),
    );
    await value(confirm());
    await value(kontrol({ visitOn: '2026-10-05', systolic: 145, diastolic: 92, hba1c: 7.5 }));
    const summary = await value<AdultPersonSummary>(
      t.call('adult.person.summary', { personId: budi }),
    );
    expect(summary).toMatchObject({
      asOf: '2026-11-22',
      ageYears: 65,
      ptmDue: false,
      skilasDue: true,
    });
    expect(summary.patients.map((p) => [p.program, p.control])).toEqual([
      ['ht', 'tidak_terkendali'],
    ]);
    expect(summary.trend).toEqual([
      {
        date: '2026-09-10',
        source: 'skrining',
        systolic: 150,
        diastolic: 95,
        glucose: [{ test: 'gds', value: 230 }],
      },
      {
        date: '2026-10-05',
        source: 'kontrol',
        systolic: 145,
        diastolic: 92,
        glucose: [{ test: 'hba1c', value: 7.5 }],
      },
    ]);
  });
});
