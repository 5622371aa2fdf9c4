import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonInput } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { queryPlan } from '../../support/plan';
import { setupFacility, signInAdmin, signInAs } from '../../support/setup';

let t: TestCore;
let desa: { id: string; name: string }[];

beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
  await setupFacility(t);
  desa = ((await t.call('desa.list')) as { value: { id: string; name: string }[] }).value;
});
afterEach(() => t.close());

// Kecamatan Karangpawitan is 32.05.02: NIK = 320502 DD MM YY serial (women DD + 40).
const siti: PersonInput = {
  nik: '3205024503900001',
  noKk: '3205021201100005',
  name: 'Siti Aminah',
  sex: 'P',
  birthDate: '1990-03-05',
  birthPlace: 'Garut',
  rt: '002',
  rw: '005',
};

async function create(person: PersonInput, confirmNotDuplicate = false) {
  return t.call('persons.create', {
    person: { desaId: desa[1]!.id, ...person },
    confirmNotDuplicate,
  });
}

type Saved = { ok: true; value: { saved: true; person: { id: string; version: number } } };

describe('person registry', () => {
  it('saves a person with the audit row of the signed-in user', async () => {
    const result = await create(siti);
    expect(result).toMatchObject({
      ok: true,
      value: {
        saved: true,
        warnings: [],
        person: { name: 'Siti Aminah', desaName: desa[1]!.name, version: 1 },
      },
    });
    const id = (result as Saved).value.person.id;
    const audit = t.core.database.sqlite
      .prepare(
        'SELECT a.action, u.username FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE row_id = ?',
      )
      .all(id);
    expect(audit).toEqual([{ action: 'create', username: 'admin' }]);
  });

  it('refuses an invalid NIK with the field named, and saves nothing', async () => {
    expect(await create({ ...siti, nik: '320502450390' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'NIK: harus 16 digit angka' },
    });
    expect(await create({ ...siti, nik: '3205027503900001' })).toMatchObject({
      error: { message: 'NIK: tanggal lahir 75 tidak valid (laki-laki 01–31, perempuan 41–71)' },
    });
    expect(await create({ ...siti, nik: '3299024503900001' })).toMatchObject({
      error: { message: 'NIK: kode kabupaten/kota 32.99 tidak ada dalam daftar Kemendagri' },
    });
    expect(await create({ ...siti, nik: '3205024503900000' })).toMatchObject({
      error: { message: 'NIK: nomor urut 0000 tidak valid' },
    });
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({
      n: 0,
    });
  });

  it('warns but saves when the NIK disagrees with the birth date or sex', async () => {
    const result = await create({ ...siti, birthDate: '1990-03-06' });
    expect(result).toMatchObject({
      ok: true,
      value: { saved: true, warnings: [{ code: 'NIK_BIRTHDATE_MISMATCH' }] },
    });
  });

  it('refuses the same NIK twice, pointing at the existing person', async () => {
    const first = (await create(siti)) as Saved;
    const again = await create({ ...siti, name: 'Siti A.' });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'DUPLICATE',
        message: 'NIK: sudah terdaftar atas nama Siti Aminah',
        details: { personId: first.value.person.id },
      },
    });
  });

  it('warns about the same name and birth date, and saves once the clerk confirms', async () => {
    await create({ ...siti, nik: null });
    const similar = await create({ ...siti, nik: null, name: 'NY. SITI  AMINAH', rt: '009' });
    expect(similar).toMatchObject({
      ok: true,
      value: { saved: false, similar: [{ name: 'Siti Aminah', reason: 'nameBirthDateDesa' }] },
    });
    expect(await create({ ...siti, nik: null, name: 'NY. SITI  AMINAH' }, true)).toMatchObject({
      value: { saved: true },
    });
  });

  it('keeps a newborn without NIK with the mother’s NIK, and checks it', async () => {
    expect(
      await create({
        name: 'By. Ny. Siti',
        sex: 'L',
        birthDate: '2026-11-20',
        nik: null,
        nikIbu: siti.nik,
      }),
    ).toMatchObject({ value: { saved: true, person: { nik: null, nikIbu: siti.nik } } });
    expect(
      await create({ name: 'By. Ny. Ani', sex: 'L', birthDate: '2026-11-20', nikIbu: '1234' }),
    ).toMatchObject({ error: { message: 'NIK ibu: harus 16 digit angka' } });
  });

  it('refuses a birth date in the future and a desa outside the wilayah', async () => {
    expect(await create({ ...siti, nik: null, birthDate: '2026-11-23' })).toMatchObject({
      error: { message: 'Tanggal lahir: tidak boleh setelah hari ini' },
    });
    expect(
      await create({ ...siti, nik: null, desaId: '01900000-0000-7000-8000-000000000000' }),
    ).toMatchObject({ error: { message: 'Desa/kelurahan: tidak termasuk wilayah kerja' } });
    expect(await create({ ...siti, nik: null, desaId: null })).toMatchObject({
      error: {
        message:
          'Desa/kelurahan: pilih desa/kelurahan, atau Luar wilayah kerja dengan alamatnya (+1)',
      },
    });
    expect(
      await create({ ...siti, nik: null, desaId: null, outsideAddress: 'Kec. Tarogong, Garut' }),
    ).toMatchObject({
      value: { saved: true, person: { desaId: null, outsideAddress: 'Kec. Tarogong, Garut' } },
    });
  });

  it('edits with optimistic concurrency: a stale edit is refused and nothing is overwritten', async () => {
    const saved = (await create(siti)) as Saved;
    const { id } = saved.value.person;
    const first = await t.call('persons.update', {
      id,
      version: 1,
      person: { ...siti, desaId: desa[1]!.id, phone: '0812 3456 7890' },
    });
    expect(first).toMatchObject({
      value: { saved: true, person: { version: 2, phone: '0812 3456 7890' } },
    });
    const stale = await t.call('persons.update', {
      id,
      version: 1,
      person: { ...siti, desaId: desa[1]!.id, phone: '0800000000' },
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { currentVersion: 2 } },
    });
    expect(await t.call('persons.get', { id })).toMatchObject({
      value: { phone: '0812 3456 7890', version: 2 },
    });
    const audit = t.core.database.sqlite
      .prepare("SELECT changes FROM audit_log WHERE row_id = ? AND action = 'update'")
      .get(id) as { changes: string };
    expect(JSON.parse(audit.changes)).toEqual({ phone: [null, '0812 3456 7890'] });
  });

  it('soft-deletes with a reason; only an admin restores', async () => {
    const { id } = ((await create(siti)) as Saved).value.person;
    expect(await t.call('persons.delete', { id, version: 1, reason: '' })).toMatchObject({
      error: { message: 'Alasan: wajib diisi' },
    });
    expect(await t.call('persons.delete', { id, version: 1, reason: 'Data ganda' })).toMatchObject({
      value: { deleteReason: 'Data ganda', version: 2 },
    });
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({
      n: 1,
    });
    expect(
      (await t.call('persons.search', { q: 'siti' })) as { value: { total: number } },
    ).toMatchObject({
      value: { total: 0 },
    });
    expect(await t.call('persons.search', { q: 'siti', deleted: true })).toMatchObject({
      value: { total: 1, rows: [{ deleted: true }] },
    });
    await signInAs(t, 'petugas');
    expect(await t.call('persons.restore', { id, version: 2 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    await signInAdmin(t);
    expect(await t.call('persons.restore', { id, version: 2 })).toMatchObject({
      value: { deletedAt: null, deleteReason: null, version: 3 },
    });
  });

  it('will not restore a person whose NIK has been registered again meanwhile', async () => {
    const { id } = ((await create(siti)) as Saved).value.person;
    await t.call('persons.delete', { id, version: 1, reason: 'salah input' });
    await create({ ...siti, name: 'Siti Aminah binti Ahmad' });
    expect(await t.call('persons.restore', { id, version: 2 })).toMatchObject({
      error: {
        code: 'DUPLICATE',
        message: expect.stringMatching(/sekarang dipakai oleh Siti Aminah binti Ahmad/),
      },
    });
  });
});

describe('search', () => {
  beforeEach(async () => {
    await create(siti);
    await create({
      name: 'Ahmad Soetjipto',
      sex: 'L',
      birthDate: '1958-07-01',
      nik: '3205020107580003',
      noKk: siti.noKk,
    });
    await create({ name: 'Dewi Lestari', sex: 'P', birthDate: '2026-05-10', desaId: desa[2]!.id });
    await create({
      name: 'Rina Amelia',
      sex: 'P',
      birthDate: '2012-01-15',
      nik: null,
      desaId: null,
      outsideAddress: 'Bandung',
    });
  });

  const names = async (input: Record<string, unknown>) =>
    (
      (await t.call('persons.search', input)) as { value: { rows: { name: string }[] } }
    ).value.rows.map((r) => r.name);

  it('finds by name fragment, case- and accent-insensitive, word order free', async () => {
    expect(await names({ q: 'amin' })).toEqual(['Siti Aminah']);
    expect(await names({ q: 'AMINAH siti' })).toEqual(['Siti Aminah']);
    expect(await names({ q: 'sucipto' })).toEqual(['Ahmad Soetjipto']);
    expect(await names({ q: 'Soetjipto' })).toEqual(['Ahmad Soetjipto']);
    expect(await names({ q: 'amé' })).toEqual(['Rina Amelia']);
    // One or two letters match the start of a word (trigrams need three).
    expect(await names({ q: 'ri am' })).toEqual(['Rina Amelia']);
    expect(await names({ q: 'a' })).toEqual(['Ahmad Soetjipto', 'Rina Amelia', 'Siti Aminah']);
    expect(await names({ q: 'xyz' })).toEqual([]);
  });

  it('finds by NIK prefix and by KK', async () => {
    expect(await names({ q: '32050245' })).toEqual(['Siti Aminah']);
    expect(await names({ q: '3205 02' })).toEqual(['Ahmad Soetjipto', 'Siti Aminah']);
    expect(await names({ q: siti.noKk! })).toEqual(['Ahmad Soetjipto', 'Siti Aminah']);
  });

  it('filters by desa, luar wilayah, sex and age group', async () => {
    expect(await names({ desaId: desa[2]!.id })).toEqual(['Dewi Lestari']);
    expect(await names({ desaId: 'luar' })).toEqual(['Rina Amelia']);
    expect(await names({ sex: 'L' })).toEqual(['Ahmad Soetjipto']);
    expect(await names({ ageGroup: 'bayi' })).toEqual(['Dewi Lestari']);
    expect(await names({ ageGroup: 'lansia' })).toEqual(['Ahmad Soetjipto']);
    expect(await names({ ageGroup: 'remaja' })).toEqual(['Rina Amelia']);
    expect(await names({ ageGroup: 'produktif' })).toEqual(['Siti Aminah']);
  });

  it('pages through results with a total', async () => {
    const page = (await t.call('persons.search', { limit: 2, offset: 1 })) as {
      value: { rows: { name: string }[]; total: number };
    };
    expect(page.value.total).toBe(4);
    expect(page.value.rows.map((r) => r.name)).toEqual(['Dewi Lestari', 'Rina Amelia']);
  });

  it('pages a name search with many matches in name order, whichever way it is read', async () => {
    // 40 "Ani …" besides the three names with a word in a-: one deleted. Pages of one in the
    // first twentieth of the matches walk the name index, later ones sort the matches.
    for (let i = 0; i < 40; i++) {
      const suffix = String.fromCharCode(90 - Math.floor(i / 8), 122 - (i % 8));
      await create({ name: `Ani ${suffix}`, sex: 'P', birthDate: '2000-01-15', nik: null });
    }
    const [deleted] = (
      (await t.call('persons.search', { q: 'ani zz' })) as { value: { rows: { id: string }[] } }
    ).value.rows;
    await t.call('persons.delete', { id: deleted!.id, version: 1, reason: 'Data ganda' });
    const all = await names({ q: 'a' });
    expect(all).toHaveLength(42);
    expect(all.slice(0, 3)).toEqual(['Ahmad Soetjipto', 'Ani Vs', 'Ani Vt']);
    expect(all).not.toContain('Ani Zz');
    const onePerPage: string[] = [];
    for (let offset = 0; offset < all.length; offset++) {
      onePerPage.push(...(await names({ q: 'a', limit: 1, offset })));
    }
    expect(onePerPage).toEqual(all);
  });

  it('shows the household (same KK) on the person card', async () => {
    const sitiId = (
      (await t.call('persons.search', { q: 'siti' })) as { value: { rows: { id: string }[] } }
    ).value.rows[0]!.id;
    expect(await t.call('persons.card', { id: sitiId })).toMatchObject({
      value: {
        person: { name: 'Siti Aminah' },
        household: [{ name: 'Ahmad Soetjipto' }],
        mother: null,
        children: [],
      },
    });
  });

  it('uses indexes for NIK prefix and FTS for names', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      queryPlan(t.core.database.sqlite, sql, ...args);
    expect(
      plan(
        'SELECT id FROM person WHERE nik >= ? AND nik < ? AND deleted_at IS NULL',
        '3205',
        '3205\uffff',
      ),
    ).toMatch(/USING INDEX person_nik/);
    expect(plan('SELECT rowid FROM person_fts WHERE person_fts MATCH ?', '"ami"')).toMatch(
      /VIRTUAL TABLE INDEX/,
    );
  });
});
