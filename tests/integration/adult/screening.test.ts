import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdultScreeningDetail, AdultScreeningInput } from '@shared/contract';
import type { TestCore } from '../../support/core';
import { signInAdmin, signInAs } from '../../support/setup';
import { auditRows, count, openAdultCore, person, sheetRows, value, type Refused } from './helpers';

let t: TestCore;
let desaId: string;
let budi: string;

beforeEach(async () => {
  ({ t, desaId } = await openAdultCore());
  budi = await person(t, desaId, { name: 'Budi Santoso', sex: 'L', birthDate: '1981-03-10' });
});
afterEach(() => t.close());

const base: AdultScreeningInput = {
  screenedOn: '2026-11-20',
  place: 'posbindu',
};

function create(screening: Partial<AdultScreeningInput>, personId = budi) {
  return t.call('adult.screening.create', { personId, screening: { ...base, ...screening } });
}

describe('Skrining PTM', () => {
  it('classifies BP 150/95 and GDS 230, stores the card and its audit row', async () => {
    const saved = await value<AdultScreeningDetail>(
      create({
        tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] },
        gulaDarah: { test: 'gds', value: 230 },
        antropometri: { beratKg: 72, tinggiCm: 165 },
        lingkarPerutCm: 91,
        merokok: { status: 'aktif' },
      }),
    );
    expect(saved.lines.map((l) => [l.section, l.code, l.followUp])).toEqual([
      ['tekananDarah', 'bp.ht1', 'rujuk'],
      ['gulaDarah', 'gula.curiga_dm', 'rujuk'],
      ['imt', 'imt.ap.obesitas1', 'kontrol'],
      ['lingkarPerut', 'lingkar_perut.obesitas_sentral', 'kontrol'],
      ['merokok', 'rokok.aktif', 'edukasi'],
    ]);
    expect(saved).toMatchObject({
      ageYears: 45,
      followUp: 'rujuk',
      systolic: 150,
      tdCode: 'bp.ht1',
      imt: 26.4,
      referenceSetIds: expect.arrayContaining(['bp.perhi-esh-2023', 'imt.asia-pacific']),
      input: { tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] } },
    });
    const row = t.core.database.sqlite
      .prepare('SELECT td_positif, residence_desa_id, age_years FROM adult_screening')
      .get();
    expect(row).toEqual({ td_positif: 1, residence_desa_id: desaId, age_years: 45 });
    expect(auditRows(t, saved.id)).toEqual([{ action: 'create', table_name: 'adult_screening' }]);
  });

  it('waist 90 cm is not central obesity for a man, 91 is (stored class)', async () => {
    const at90 = await value<AdultScreeningDetail>(create({ lingkarPerutCm: 90 }));
    const at91 = await value<AdultScreeningDetail>(create({ lingkarPerutCm: 91 }));
    expect(at90.lingkarPerutCode).toBe('lingkar_perut.normal');
    expect(at91.lingkarPerutCode).toBe('lingkar_perut.obesitas_sentral');
  });

  it('refuses BP 40/120 and waist 400 cm with the fields named; nothing is saved', async () => {
    const r = (await create({
      tekananDarah: { readings: [{ systolic: 40, diastolic: 120 }] },
      lingkarPerutCm: 400,
    })) as Refused;
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toBe('Tekanan darah sistolik: harus antara 60 dan 300 mmHg (+2)');
    expect(r.error.details?.issues).toEqual([
      {
        path: 'screening.tekananDarah.readings.0.systolic',
        field: 'Tekanan darah sistolik',
        message: 'harus antara 60 dan 300 mmHg',
      },
      {
        path: 'screening.tekananDarah.readings.0.diastolic',
        field: 'Tekanan darah diastolik',
        message: 'harus lebih rendah dari sistolik (40 mmHg)',
      },
      {
        path: 'screening.lingkarPerutCm',
        field: 'Lingkar perut',
        message: 'harus antara 40 dan 250 cm',
      },
    ]);
    expect(count(t, 'adult_screening')).toBe(0);
    expect(
      t.core.database.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE table_name = 'adult_screening'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('refuses a screening with nothing measured, one in the future, and one for a child', async () => {
    expect(await create({})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Skrining: isi paling sedikit satu pemeriksaan/) },
    });
    expect(
      await create({
        screenedOn: '2026-11-23',
        tekananDarah: { readings: [{ systolic: 120, diastolic: 80 }] },
      }),
    ).toMatchObject({
      error: {
        message: 'Tanggal skrining: tidak boleh setelah hari ini',
        details: { issues: [{ path: 'screening.screenedOn' }] },
      },
    });
    const child = await person(t, desaId, { name: 'Adi', sex: 'L', birthDate: '2014-01-01' });
    expect(
      await create({ tekananDarah: { readings: [{ systolic: 110, diastolic: 70 }] } }, child),
    ).toMatchObject({
      error: {
        message: 'Usia: Skrining PTM hanya untuk usia ≥ 15 tahun (usia 12 tahun)',
        details: { issues: [{ path: 'person.birthDate' }] },
      },
    });
    expect(count(t, 'adult_screening')).toBe(0);
  });

  it('asks for the posyandu when the place is a posyandu', async () => {
    expect(
      await create({
        place: 'posyandu',
        tekananDarah: { readings: [{ systolic: 120, diastolic: 80 }] },
      }),
    ).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        details: {
          issues: [
            { path: 'screening.posyanduId', message: 'wajib diisi bila tempat layanan Posyandu' },
          ],
        },
      },
    });
  });

  it('two readings use their mean; 139/89 is not screening-positive, 140/90 is', async () => {
    const below = await value<AdultScreeningDetail>(
      create({
        tekananDarah: {
          readings: [
            { systolic: 141, diastolic: 90 },
            { systolic: 137, diastolic: 88 },
          ],
        },
      }),
    );
    expect(below).toMatchObject({ systolic: 139, diastolic: 89, tdCode: 'bp.normal_tinggi' });
    const at = await value<AdultScreeningDetail>(
      create({ tekananDarah: { readings: [{ systolic: 140, diastolic: 90 }] } }),
    );
    expect(at.tdCode).toBe('bp.ht1');
    const positive = await value<{ total: number }>(
      t.call('adult.screening.list', { hasil: 'hipertensi' }),
    );
    expect(positive.total).toBe(1);
  });

  it('uses the BP table the admin chose, keeps older classes, and audits the choice', async () => {
    const before = await value<AdultScreeningDetail>(
      create({ tekananDarah: { readings: [{ systolic: 125, diastolic: 82 }] } }),
    );
    expect(before.tdCode).toBe('bp.normal');
    expect(await value(t.call('adult.settings.set', { bp: 'bp.jnc7' }))).toMatchObject({
      bp: 'bp.jnc7',
      imt: 'imt.asia-pacific',
    });
    const after = await value<AdultScreeningDetail>(
      create({ tekananDarah: { readings: [{ systolic: 125, diastolic: 82 }] } }),
    );
    expect(after.tdCode).toBe('bp.pre_hipertensi');
    expect(after.referenceSetIds).toContain('bp.jnc7');
    expect(
      (await value<AdultScreeningDetail>(t.call('adult.screening.get', { id: before.id }))).tdCode,
    ).toBe('bp.normal');
    expect(auditRows(t, 'adult.sets.bp')).toEqual([{ action: 'set', table_name: 'settings' }]);
    expect(await t.call('adult.settings.set', { bp: 'bp.unknown' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await signInAs(t, 'petugas');
    expect(await t.call('adult.settings.set', { bp: 'bp.perhi-esh-2023' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await value(t.call('adult.settings.get'))).toMatchObject({ bp: 'bp.jnc7' });
  });

  it('edits with the version read, refuses a stale one, and soft-deletes with a reason', async () => {
    const saved = await value<AdultScreeningDetail>(
      create({ tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] } }),
    );
    const edited = await value<AdultScreeningDetail>(
      t.call('adult.screening.update', {
        id: saved.id,
        version: saved.version,
        screening: {
          ...saved.input,
          tekananDarah: { readings: [{ systolic: 130, diastolic: 80 }] },
        },
      }),
    );
    expect(edited).toMatchObject({ version: 2, tdCode: 'bp.normal_tinggi', followUp: 'kontrol' });
    expect(
      await t.call('adult.screening.update', { id: saved.id, version: 1, screening: saved.input }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await value(
      t.call('adult.screening.delete', { id: saved.id, version: 2, reason: 'Salah orang' }),
    );
    expect((await value<{ total: number }>(t.call('adult.screening.list', {}))).total).toBe(0);
    expect(auditRows(t, saved.id).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('a pembaca reads but cannot save', async () => {
    await signInAs(t, 'pembaca');
    expect(
      await create({ tekananDarah: { readings: [{ systolic: 120, diastolic: 80 }] } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('adult.screening.list', {})).toMatchObject({ ok: true });
    await signInAdmin(t);
  });

  it('lists with filters and exports the list to XLSX', async () => {
    const siti = await person(t, desaId, {
      name: 'Siti Rahayu',
      sex: 'P',
      birthDate: '1985-06-01',
    });
    await value(create({ tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] } }));
    await value(
      create(
        {
          screenedOn: '2026-10-01',
          gulaDarah: { test: 'gdp', value: 126 },
          iva: 'negatif',
          sadanis: 'normal',
          riwayatKeluarga: { ht: true, dm: false, jantung: false, stroke: false },
        },
        siti,
      ),
    );
    const all = await value<{ rows: { name: string }[]; total: number }>(
      t.call('adult.screening.list', {}),
    );
    expect(all.rows.map((r) => r.name)).toEqual(['Budi Santoso', 'Siti Rahayu']);
    const gula = await value<{ rows: { name: string; gulaCode: string }[] }>(
      t.call('adult.screening.list', { hasil: 'gula' }),
    );
    expect(gula.rows).toMatchObject([{ name: 'Siti Rahayu', gulaCode: 'gula.dm' }]);
    expect(
      (await value<{ total: number }>(t.call('adult.screening.list', { q: 'rahayu siti' }))).total,
    ).toBe(1);
    // A NIK prefix (spaces ignored) finds only the person whose NIK starts so.
    t.core.database.sqlite
      .prepare('UPDATE person SET nik = ? WHERE id = ?')
      .run('3205014106850001', siti);
    expect(
      (await value<{ rows: { name: string }[] }>(t.call('adult.screening.list', { q: '3205 01' })))
        .rows,
    ).toMatchObject([{ name: 'Siti Rahayu' }]);
    expect(
      (await value<{ total: number }>(t.call('adult.screening.list', { q: '32 01' }))).total,
    ).toBe(0);
    expect(
      (await value<{ total: number }>(t.call('adult.screening.list', { from: '2026-11-01' })))
        .total,
    ).toBe(1);
    const file = await value<{ fileName: string; base64: string; mimeType: string }>(
      t.call('adult.screening.export', { hasil: 'semua' }),
    );
    expect(file.fileName).toBe('skrining-ptm_puskesmas-karangpawitan.xlsx');
    const rows = await sheetRows(file);
    expect(rows[0]?.[0]).toBe('Puskesmas Karangpawitan');
    expect(rows[1]?.[0]).toBe('Skrining PTM');
    expect(rows[5]?.slice(0, 3)).toEqual(['Tanggal', 'Nama', 'NIK']);
    expect(rows[6]).toEqual(
      expect.arrayContaining([
        '2026-11-20',
        'Budi Santoso',
        '150/95',
        'Hipertensi derajat 1',
        'Rujuk',
      ]),
    );
    expect(rows[7]).toEqual(
      expect.arrayContaining(['Siti Rahayu', 'GDP 126', 'Memenuhi kriteria diabetes melitus']),
    );
  });
});
