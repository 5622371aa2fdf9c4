import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility, signInAs } from '../../support/setup';

let t: TestCore;
let desaId: string;
let motherId: string;

const SITI_NIK = '3205024503900001';

async function ok<T = { id: string; pregnancyId: string | null }>(
  channel: string,
  input: unknown,
): Promise<T> {
  const r = await t.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const count = (table: string, where = '1 = 1') =>
  (
    t.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as {
      n: number;
    }
  ).n;

beforeEach(async () => {
  // Today is 20 December 2026 in WIB.
  t = await openTestCore('2026-12-20T02:00:00.000Z');
  await setupFacility(t);
  desaId = ((await t.call('desa.list')) as { value: { id: string }[] }).value[1]!.id;
  const saved = await ok<{ person: { id: string } }>('persons.create', {
    person: {
      nik: SITI_NIK,
      noKk: '3205021201100005',
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
      desaId,
      rt: '002',
      rw: '005',
    },
  });
  motherId = saved.person.id;
});
afterEach(() => t.close());

const pregnancy = {
  datingMethod: 'HPHT',
  hpht: '2026-02-01',
  gravida: 2,
  para: 1,
  abortus: 0,
  previousDeliveryDate: '2024-01-10',
  heightCm: 150,
  preWeightKg: 48,
};

const contact = (visitDate: string, extra: Record<string, unknown> = {}) => ({
  visitDate,
  place: 'puskesmas',
  ...extra,
});

describe('a full pregnancy episode', () => {
  it('K1…K6 → twins → babies in the registry → KF1…KF4 → KB pascasalin, each with audit rows', async () => {
    const { id } = await ok('maternal.createPregnancy', { motherId, pregnancy });
    const contacts = [
      contact('2026-03-20', {
        byDoctor: true,
        usg: true,
        lilaCm: 22.0,
        systolic: 110,
        diastolic: 70,
        tdGiven: true,
      }),
      contact('2026-05-15', { hbGdl: 10.4 }),
      contact('2026-07-01', { tdGiven: true }),
      contact('2026-08-20', { weightKg: 58 }),
      contact('2026-09-20', { byDoctor: true, systolic: 145, diastolic: 95 }),
      contact('2026-10-15'),
    ];
    for (const c of contacts) await ok('maternal.saveAnc', { pregnancyId: id, contact: c });

    const saved = await ok<{ id: string; babyPersonIds: string[] }>('maternal.saveDelivery', {
      pregnancyId: id,
      delivery: {
        deliveredAt: '2026-11-01T08:30+07:00',
        place: 'PUSKESMAS',
        attendant: 'BIDAN',
        method: 'SPONTAN',
        babies: [
          { sex: 'L', birthWeightG: 2400, lengthCm: 46, imd: true, vitK1: true, hb0: true },
          { sex: 'P', birthWeightG: 2600, lengthCm: 47, imd: true, vitK1: true, hb0: true },
        ],
      },
    });
    expect(saved.babyPersonIds).toHaveLength(2);

    const visits = [
      '2026-11-01T20:00+07:00',
      '2026-11-05T09:00+07:00',
      '2026-11-12T10:00+07:00',
      '2026-12-05T10:00+07:00',
    ];
    for (const [i, visitedAt] of visits.entries()) {
      await ok('maternal.saveNifas', {
        pregnancyId: id,
        visit: {
          visitedAt,
          place: i === 0 ? 'puskesmas' : 'rumah',
          systolic: 120,
          diastolic: 80,
          vitaminA: i < 2,
          ...(i === 2 ? { kbMethod: 'SUNTIK_3_BULAN' } : {}),
        },
      });
    }

    // The babies are persons of the registry, linked to the mother, without NIK but with hers.
    const babies = t.core.database.sqlite
      .prepare(
        'SELECT name, sex, nik, nik_ibu, no_kk, mother_id, desa_id, birth_date FROM person WHERE mother_id = ? ORDER BY name',
      )
      .all(motherId);
    expect(babies).toEqual([
      {
        name: 'By. Ny. Siti 1',
        sex: 'L',
        nik: null,
        nik_ibu: SITI_NIK,
        no_kk: '3205021201100005',
        mother_id: motherId,
        desa_id: desaId,
        birth_date: '2026-11-01',
      },
      {
        name: 'By. Ny. Siti 2',
        sex: 'P',
        nik: null,
        nik_ibu: SITI_NIK,
        no_kk: '3205021201100005',
        mother_id: motherId,
        desa_id: desaId,
        birth_date: '2026-11-01',
      },
    ]);
    const card = (await t.call('persons.card', { id: motherId })) as {
      value: { children: { name: string }[] };
    };
    expect(card.value.children.map((c) => c.name)).toEqual(['By. Ny. Siti 1', 'By. Ny. Siti 2']);

    // The pregnancy card derives everything from the stored facts.
    const view = await ok<{
      pregnancy: { outcome: string; endedOn: string };
      contacts: { label: string; flags: string[]; trimester: number }[];
      derived: {
        anc: { complete: boolean; achievedOn: string };
        k1Murni: boolean;
        flags: string[];
        nifas: { complete: boolean; covered: string[] };
        vitaminA: { complete: boolean };
      };
      delivery: {
        fasyankes: boolean;
        term: string;
        babies: { bblr: boolean; personName: string }[];
      };
      nifas: { kf: string }[];
      kb: { pascasalin: boolean; nextVisit: string; status: string }[];
      td: { status: string };
    }>('maternal.card', { id });
    expect(view.pregnancy).toMatchObject({ outcome: 'PERSALINAN', endedOn: '2026-11-01' });
    expect(view.contacts.map((c) => c.label)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
    expect(view.contacts.map((c) => c.trimester)).toEqual([1, 2, 2, 3, 3, 3]);
    expect(view.contacts[0]!.flags).toEqual(['KEK']);
    expect(view.contacts[1]!.flags).toEqual(['ANEMIA']);
    expect(view.contacts[4]!.flags).toEqual(['HIPERTENSI_KEHAMILAN']);
    expect(view.derived).toMatchObject({
      anc: { complete: true, achievedOn: '2026-10-15' },
      k1Murni: true,
      nifas: { complete: true, covered: ['KF1', 'KF2', 'KF3', 'KF4'] },
      vitaminA: { complete: true },
    });
    expect(view.derived.flags).toEqual(['KEK', 'ANEMIA', 'HIPERTENSI_KEHAMILAN']);
    expect(view.delivery).toMatchObject({ fasyankes: true, term: 'ATERM' });
    expect(view.delivery.babies.map((b) => [b.personName, b.bblr])).toEqual([
      ['By. Ny. Siti 1', true],
      ['By. Ny. Siti 2', false],
    ]);
    expect(view.nifas.map((n) => n.kf)).toEqual(['KF1', 'KF2', 'KF3', 'KF4']);
    expect(view.kb).toMatchObject([{ pascasalin: true, status: 'BARU', nextVisit: '2027-02-04' }]);
    expect(view.td.status).toBe('T2');

    // The kohort row is complete, like the paper book.
    const kohort = await ok<{ rows: Record<string, unknown>[]; total: number }>('maternal.kohort', {
      status: 'semua',
    });
    expect(kohort.total).toBe(1);
    expect(kohort.rows[0]).toMatchObject({
      name: 'Siti Aminah',
      gravida: 2,
      k1Murni: true,
      ancComplete: true,
      delivery: { date: '2026-11-01', fasyankes: true },
      kf: ['2026-11-01', '2026-11-05', '2026-11-12', '2026-12-05'],
      nifasComplete: true,
      flags: ['KEK', 'ANEMIA', 'HIPERTENSI_KEHAMILAN'],
    });
    expect((kohort.rows[0]!.k as { date: string }[]).map((k) => k.date)).toEqual([
      '2026-03-20',
      '2026-05-15',
      '2026-07-01',
      '2026-08-20',
      '2026-09-20',
      '2026-10-15',
    ]);

    // Every row was written with its audit row by the signed-in admin.
    const audited = (table: string) =>
      (
        t.core.database.sqlite
          .prepare(
            `SELECT count(*) AS n FROM audit_log a JOIN ${table} r ON r.id = a.row_id WHERE a.action = 'create' AND a.user_id IS NOT NULL`,
          )
          .get() as { n: number }
      ).n;
    expect(audited('pregnancy')).toBe(1);
    expect(audited('anc_contact')).toBe(6);
    expect(audited('td_dose')).toBe(2);
    expect(audited('delivery')).toBe(1);
    expect(audited('delivery_baby')).toBe(2);
    expect(count('audit_log', "table_name = 'person' AND action = 'create'")).toBe(3);
    expect(audited('nifas_visit')).toBe(4);
    expect(audited('vitamin_a_nifas')).toBe(2);
    expect(audited('kb_visit')).toBe(1);
    expect(count('audit_log', "table_name = 'pregnancy' AND action = 'update'")).toBe(1);

    // The XLSX export holds the same row.
    const file = await ok<{ base64: string }>('maternal.kohortExport', { status: 'semua' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(5).values as unknown[];
    const row = ws.getRow(6).values as unknown[];
    expect(row[header.indexOf('Nama ibu')]).toBe('Siti Aminah');
    expect(row[header.indexOf('K6')]).toBe('15-10-2026');
    expect(row[header.indexOf('KF4')]).toBe('05-12-2026');
  });
});

describe('impossible input is refused with the field named, and nothing is saved', () => {
  it('visit before HPHT, BP 300/20, LILA 3, a second open pregnancy', async () => {
    const { id } = await ok('maternal.createPregnancy', { motherId, pregnancy });
    expect(
      await t.call('maternal.saveAnc', { pregnancyId: id, contact: contact('2026-01-20') }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Tanggal kunjungan: tidak boleh sebelum HPHT (1 Februari 2026).',
        details: { issues: [{ path: 'contact.visitDate' }] },
      },
    });
    expect(
      await t.call('maternal.saveAnc', {
        pregnancyId: id,
        contact: contact('2026-03-20', { systolic: 300, diastolic: 20 }),
      }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'Tekanan darah sistolik: harus antara 60 dan 260 mmHg (+1)',
        details: {
          issues: [
            { path: 'contact.systolic', field: 'Tekanan darah sistolik' },
            { path: 'contact.diastolic', message: 'harus antara 30 dan 160 mmHg' },
          ],
        },
      },
    });
    expect(
      await t.call('maternal.saveAnc', {
        pregnancyId: id,
        contact: contact('2026-03-20', { lilaCm: 3 }),
      }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'LILA: harus antara 10 dan 60 cm',
        details: { issues: [{ path: 'contact.lilaCm' }] },
      },
    });
    expect(count('anc_contact')).toBe(0);

    expect(
      await t.call('maternal.createPregnancy', {
        motherId,
        pregnancy: { ...pregnancy, hpht: '2026-04-01' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Ibu: masih ada kehamilan yang belum ditutup (HPL 08-11-2026). Catat persalinannya atau tutup kehamilan itu dahulu.',
      },
    });
    expect(count('pregnancy')).toBe(1);
  });

  it('refuses G-P-A that cannot be, a visit after HPL + 42, a baby heavier than possible', async () => {
    expect(
      await t.call('maternal.createPregnancy', {
        motherId,
        pregnancy: { ...pregnancy, gravida: 2, para: 2 },
      }),
    ).toMatchObject({ error: { details: { issues: [{ path: 'pregnancy.para' }] } } });
    const { id } = await ok('maternal.createPregnancy', { motherId, pregnancy });
    expect(
      await t.call('maternal.saveAnc', { pregnancyId: id, contact: contact('2026-12-21') }),
    ).toMatchObject({ error: { message: 'Tanggal kunjungan: tidak boleh setelah hari ini' } });
    expect(
      await t.call('maternal.saveDelivery', {
        pregnancyId: id,
        delivery: {
          deliveredAt: '2026-11-01T08:30+07:00',
          place: 'RUMAH',
          attendant: 'DUKUN',
          method: 'SPONTAN',
          babies: [{ sex: 'L', birthWeightG: 9000 }],
        },
      }),
    ).toMatchObject({
      error: {
        message: 'Berat lahir: harus antara 300 dan 7000 gram',
        details: { issues: [{ path: 'delivery.babies.0.birthWeightG' }] },
      },
    });
    expect(count('delivery')).toBe(0);
    expect(count('person')).toBe(1);
  });

  it('an abortion after 20 weeks is refused (record a stillbirth instead)', async () => {
    const { id } = await ok('maternal.createPregnancy', { motherId, pregnancy });
    expect(
      await t.call('maternal.closePregnancy', {
        id,
        version: 1,
        outcome: 'ABORTUS',
        endedOn: '2026-07-01',
      }),
    ).toMatchObject({ error: { details: { issues: [{ path: 'outcome' }] } } });
    expect(
      await ok('maternal.closePregnancy', {
        id,
        version: 1,
        outcome: 'ABORTUS',
        endedOn: '2026-04-01',
      }),
    ).toMatchObject({ id });
    // Now a new pregnancy may start after the abortion, not before it.
    expect(
      await t.call('maternal.createPregnancy', {
        motherId,
        pregnancy: { ...pregnancy, hpht: '2026-03-15' },
      }),
    ).toMatchObject({ error: { details: { issues: [{ path: 'pregnancy.hpht' }] } } });
    expect(
      await ok('maternal.createPregnancy', {
        motherId,
        pregnancy: { ...pregnancy, hpht: '2026-06-01' },
      }),
    ).toHaveProperty('id');
  });

  it('a pregnancy ends (closed or delivered) neither after today, before it began, nor before its last contact', async () => {
    const { id } = await ok('maternal.createPregnancy', { motherId, pregnancy });
    await ok('maternal.saveAnc', { pregnancyId: id, contact: contact('2026-03-20') });
    const close = (endedOn: string) =>
      t.call('maternal.closePregnancy', { id, version: 1, outcome: 'ABORTUS', endedOn });
    expect(await close('2026-12-21')).toMatchObject({
      error: {
        details: { issues: [{ path: 'endedOn', message: 'tidak boleh setelah hari ini' }] },
      },
    });
    expect(await close('2026-01-31')).toMatchObject({
      error: {
        details: {
          issues: [{ path: 'endedOn', message: 'tidak boleh sebelum awal kehamilan (01-02-2026)' }],
        },
      },
    });
    expect(await close('2026-03-19')).toMatchObject({
      error: {
        details: {
          issues: [
            { path: 'endedOn', message: 'tidak boleh sebelum kontak ANC terakhir (20-03-2026)' },
          ],
        },
      },
    });
    const deliver = (deliveredAt: string) =>
      t.call('maternal.saveDelivery', {
        pregnancyId: id,
        delivery: {
          deliveredAt,
          place: 'RUMAH',
          attendant: 'BIDAN',
          method: 'SPONTAN',
          babies: [{ sex: 'L', birthWeightG: 3000 }],
        },
      });
    expect(await deliver('2026-12-21T08:30+07:00')).toMatchObject({
      error: {
        details: {
          issues: [{ path: 'delivery.deliveredAt', message: 'tidak boleh setelah hari ini' }],
        },
      },
    });
    expect(await deliver('2026-01-31T08:30+07:00')).toMatchObject({
      error: {
        details: {
          issues: [
            {
              path: 'delivery.deliveredAt',
              message: 'tidak boleh sebelum awal kehamilan (01-02-2026)',
            },
          ],
        },
      },
    });
    expect(await deliver('2026-03-19T08:30+07:00')).toMatchObject({
      error: {
        details: {
          issues: [
            {
              path: 'delivery.deliveredAt',
              message: 'tidak boleh sebelum kontak ANC terakhir (20-03-2026)',
            },
          ],
        },
      },
    });
    expect(count('delivery')).toBe(0);
    expect(count('pregnancy', 'outcome IS NULL')).toBe(1);
  });

  it('a pembaca cannot write', async () => {
    await signInAs(t, 'pembaca');
    expect(await t.call('maternal.createPregnancy', { motherId, pregnancy })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(count('pregnancy')).toBe(0);
  });
});

describe('rules and work lists', () => {
  it('the 2-1-3 split relabels a second TM1 contact as K2', async () => {
    const { id } = await ok('maternal.createPregnancy', {
      motherId,
      pregnancy: { ...pregnancy, hpht: '2026-09-01' },
    });
    await ok('maternal.saveAnc', {
      pregnancyId: id,
      contact: contact('2026-10-01', { byDoctor: true }),
    });
    await ok('maternal.saveAnc', { pregnancyId: id, contact: contact('2026-11-01') });
    const labels = async () =>
      (await ok<{ contacts: { label: string | null }[] }>('maternal.card', { id })).contacts.map(
        (c) => c.label,
      );
    expect(await labels()).toEqual(['K1', null]);
    await ok('maternal.setRules', {
      ancSplitId: 'anc.k6.split-2-1-3',
      trimesterId: 'trimester.completed-weeks',
      nifasId: 'nifas.kf4.buku-kia-2020',
    });
    expect(await labels()).toEqual(['K1', 'K2']);
    expect(count('audit_log', "row_id = 'maternal.rules'")).toBe(1);
  });

  it('lists risti, belum K1, missed visits, HPL this month, nifas incomplete and KB due', async () => {
    // Open pregnancy with a KEK contact whose next visit has passed.
    const a = await ok('maternal.createPregnancy', {
      motherId,
      pregnancy: { ...pregnancy, hpht: '2026-06-01' },
    });
    await ok('maternal.saveAnc', {
      pregnancyId: a.id,
      contact: contact('2026-08-01', { lilaCm: 22, nextVisitDate: '2026-09-01' }),
    });
    const other = await ok<{ person: { id: string } }>('persons.create', {
      person: {
        nik: '3205025506950002',
        name: 'Euis Kurniasih',
        sex: 'P',
        birthDate: '1995-06-15',
        desaId,
      },
    });
    await ok('maternal.createPregnancy', {
      motherId: other.person.id,
      pregnancy: { datingMethod: 'HPHT', hpht: '2026-11-01', gravida: 1 },
    });
    const list = async (name: string) =>
      (
        await ok<{ rows: { name: string; detail: string; daysLate: number | null }[] }>(
          'maternal.workList',
          { list: name },
        )
      ).rows;
    expect((await list('risti')).map((r) => r.name)).toEqual(['Siti Aminah']);
    expect(await list('belumK1')).toMatchObject([
      { name: 'Euis Kurniasih', detail: 'Masih trimester 1: sisa 42 hari untuk K1 murni' },
    ]);
    expect(await list('kunjunganLewat')).toMatchObject([{ name: 'Siti Aminah', daysLate: 110 }]);
    expect(await list('hplBulanIni')).toEqual([]);
    expect(
      (
        await ok<{ rows: { name: string }[] }>('maternal.workList', {
          list: 'hplBulanIni',
          month: '2027-03',
        })
      ).rows.map((r) => r.name),
    ).toEqual(['Siti Aminah']);
    await ok('kb.save', {
      personId: other.person.id,
      visit: {
        visitDate: '2026-09-01',
        place: 'puskesmas',
        method: 'SUNTIK_3_BULAN',
        status: 'BARU',
      },
    });
    // Euis is pregnant now: not a KB drop-out to chase.
    expect(await list('kbJatuhTempo')).toEqual([]);
    const file = await ok<{ fileName: string }>('maternal.workListExport', { list: 'risti' });
    expect(file.fileName).toBe('bumil-risiko-tinggi_2026-12-20.xlsx');
  });
});
