import { scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core';
import { ADMIN, setupFacility, setupInput, signInAdmin, signInAs } from '../../support/setup';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore('2026-11-22T02:00:00.000Z');
});
afterEach(() => t.close());

const count = (table: string) =>
  (t.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('first-run setup', () => {
  it('writes facility, wilayah kerja and the first admin in one transaction, and signs in', async () => {
    expect(await t.call('auth.status')).toMatchObject({
      ok: true,
      value: { facility: null, user: null },
    });
    const result = await t.call('setup.complete', setupInput());
    expect(result).toMatchObject({
      ok: true,
      value: {
        facility: {
          name: 'Puskesmas Karangpawitan',
          provinceName: 'Jawa Barat',
          regencyName: 'Kabupaten Garut',
          districtName: 'Karangpawitan',
          timezone: 'WIB',
        },
        user: { username: 'admin', role: 'admin', mustChangePassword: false },
      },
    });
    expect(count('facility')).toBe(1);
    expect(count('app_user')).toBe(1);
    const desa = t.core.database.sqlite.prepare('SELECT code, kind FROM desa ORDER BY code').all();
    expect(desa).toEqual([
      { code: '32.05.02.1001', kind: 'kelurahan' },
      { code: '32.05.02.2004', kind: 'desa' },
      { code: '32.05.02.2005', kind: 'desa' },
      { code: '32.05.02.2006', kind: 'desa' },
    ]);
    const adminId = (result as { value: { user: { userId: string } } }).value.user.userId;
    const audit = t.core.database.sqlite
      .prepare('SELECT table_name, user_id FROM audit_log ORDER BY table_name')
      .all() as { table_name: string; user_id: string }[];
    expect(audit.map((a) => a.table_name)).toEqual([
      'app_user',
      'desa',
      'desa',
      'desa',
      'desa',
      'facility',
    ]);
    expect(new Set(audit.map((a) => a.user_id))).toEqual(new Set([adminId]));
    // The password hash is never in the audit log.
    expect(
      JSON.stringify(t.core.database.sqlite.prepare('SELECT changes FROM audit_log').all()),
    ).not.toMatch(/scrypt\$/);
  });

  it('validates the steps with field-named messages and writes nothing', async () => {
    const noVillages = { ...setupInput(), villageCodes: [] };
    expect(await t.call('setup.complete', noVillages)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Wilayah kerja: pilih paling sedikit satu desa/kelurahan',
      },
    });
    const badCode = setupInput({ kodePuskesmas: 'P 32' });
    expect(await t.call('setup.complete', badCode)).toMatchObject({
      error: { message: 'Kode puskesmas: tidak boleh berisi spasi' },
    });
    const mismatch = { ...setupInput(), admin: { ...setupInput().admin, passwordConfirm: 'lain' } };
    expect(await t.call('setup.complete', mismatch)).toMatchObject({
      error: { message: 'Ulangi kata sandi: tidak sama dengan kata sandi' },
    });
    const unknownVillage = { ...setupInput(), villageCodes: ['32.05.02.2004', '32.05.02.2999'] };
    expect(await t.call('setup.complete', unknownVillage)).toMatchObject({
      ok: false,
      error: { message: 'Kode wilayah 32.05.02.2999 tidak ada dalam daftar Kemendagri.' },
    });
    expect([count('facility'), count('desa'), count('app_user'), count('audit_log')]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('is refused once a facility exists', async () => {
    await setupFacility(t);
    expect(await t.call('setup.complete', setupInput())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(count('facility')).toBe(1);
  });

  it('sets up a Dinkes with a kab/kota and no wilayah kerja', async () => {
    const input = {
      ...setupInput({
        mode: 'dinkes',
        name: 'Dinas Kesehatan Kabupaten Garut',
        districtCode: null,
      }),
      villageCodes: [],
    };
    expect(await t.call('setup.complete', input)).toMatchObject({
      ok: true,
      value: { facility: { mode: 'dinkes', districtCode: null, regencyName: 'Kabupaten Garut' } },
    });
    expect(count('desa')).toBe(0);
  });
});

describe('accounts and roles', () => {
  beforeEach(() => setupFacility(t));

  it('locks an account for 15 minutes after five wrong passwords', async () => {
    await t.call('auth.logout');
    for (let i = 1; i <= 4; i++) {
      expect(await t.call('auth.login', { username: 'admin', password: 'salah' })).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' },
      });
    }
    const fifth = await t.call('auth.login', { username: 'admin', password: 'salah' });
    expect(fifth).toMatchObject({
      error: { message: expect.stringMatching(/^Akun dikunci sampai 09\.15/) },
    });
    // Even the right password is refused while locked.
    t.clock.advance(14 * 60_000);
    expect(
      await t.call('auth.login', { username: 'admin', password: ADMIN.password }),
    ).toMatchObject({
      error: { message: expect.stringMatching(/^Akun dikunci/) },
    });
    t.clock.advance(60_001);
    expect(
      await t.call('auth.login', { username: 'admin', password: ADMIN.password }),
    ).toMatchObject({ ok: true });
    const actions = t.core.database.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'login%' ORDER BY at, id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual([
      'login.failed',
      'login.failed',
      'login.failed',
      'login.failed',
      'login.locked',
      'login',
    ]);
  });

  it('makes a hash of an older cost again at the next sign-in, and only then', async () => {
    // The cost before 2026-11-24 (N = 2^14, p = 1), made here with node:crypto itself.
    const salt = Buffer.from('garam-lama-16byt');
    const key = scryptSync(ADMIN.password, salt, 32, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    const stored = () =>
      t.core.database.sqlite
        .prepare("SELECT password_hash AS h, version FROM app_user WHERE username = 'admin'")
        .get() as { h: string; version: number };
    t.core.database.sqlite
      .prepare("UPDATE app_user SET password_hash = ? WHERE username = 'admin'")
      .run(old);
    const version = stored().version;
    await t.call('auth.logout');

    expect(await t.call('auth.login', { username: 'admin', password: 'salah' })).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(stored().h).toBe(old);

    expect(
      await t.call('auth.login', { username: 'admin', password: ADMIN.password }),
    ).toMatchObject({ ok: true });
    const rehashed = stored().h;
    expect(rehashed).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored().version).toBe(version);
    const audit = t.core.database.sqlite
      .prepare("SELECT changes FROM audit_log WHERE action = 'login' ORDER BY at DESC, id DESC")
      .all() as { changes: string | null }[];
    expect(audit[0]!.changes).toBe('{"passwordRehashed":true}');

    await t.call('auth.logout');
    expect(
      await t.call('auth.login', { username: 'admin', password: ADMIN.password }),
    ).toMatchObject({ ok: true });
    expect(stored().h).toBe(rehashed);
  });

  it('does not reveal whether a user name exists', async () => {
    await t.call('auth.logout');
    expect(
      await t.call('auth.login', { username: 'tidakada', password: 'apa-saja-1' }),
    ).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' },
    });
  });

  it('enforces roles in the main process: a pembaca reads but cannot write', async () => {
    await signInAs(t, 'pembaca');
    expect(await t.call('persons.search', { q: '' })).toMatchObject({ ok: true });
    const desa = (await t.call('desa.list')) as { ok: true; value: { id: string }[] };
    const create = await t.call('persons.create', {
      person: { name: 'Siti', sex: 'P', birthDate: '1990-01-01', desaId: desa.value[0]!.id },
    });
    expect(create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('users.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('audit.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('needs a signed-in session for everything but the public channels', async () => {
    await t.call('auth.logout');
    expect(await t.call('persons.search', { q: '' })).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await t.call('regions.provinces')).toMatchObject({ ok: true });
  });

  it('locks the session after the idle minutes, in the main process, until the password is given', async () => {
    expect(await t.call('settings.setIdleLock', { idleLockMinutes: 10 })).toMatchObject({
      ok: true,
    });
    t.clock.advance(9 * 60_000);
    expect(await t.call('persons.search', { q: '' })).toMatchObject({ ok: true });
    t.clock.advance(10 * 60_000 + 1);
    expect(await t.call('persons.search', { q: '' })).toMatchObject({
      error: { code: 'UNAUTHENTICATED', details: { locked: true } },
    });
    expect(await t.call('auth.status')).toMatchObject({
      value: { locked: true, user: { username: 'admin' } },
    });
    expect(await t.call('auth.unlock', { password: 'salah' })).toMatchObject({ ok: false });
    expect(await t.call('auth.unlock', { password: ADMIN.password })).toMatchObject({
      value: { locked: false },
    });
    expect(await t.call('persons.search', { q: '' })).toMatchObject({ ok: true });
  });

  it('makes a user with a reset password change it before anything else', async () => {
    const id = await signInAs(t, 'petugas');
    await signInAdmin(t);
    const list = (await t.call('users.list')) as {
      ok: true;
      value: { id: string; version: number }[];
    };
    const user = list.value.find((u) => u.id === id)!;
    expect(
      await t.call('users.resetPassword', { id, version: user.version, password: 'sementara-1' }),
    ).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    await t.call('auth.logout');
    await t.call('auth.login', { username: 'petugas1', password: 'sementara-1' });
    expect(await t.call('persons.search', { q: '' })).toMatchObject({
      error: { code: 'FORBIDDEN', details: { mustChangePassword: true } },
    });
    expect(
      await t.call('auth.changePassword', {
        currentPassword: 'sementara-1',
        newPassword: 'baru-sekali-1',
        passwordConfirm: 'baru-sekali-1',
      }),
    ).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
    expect(await t.call('persons.search', { q: '' })).toMatchObject({ ok: true });
  });

  it('keeps at least one active admin and lets admins disable others', async () => {
    const list = (await t.call('users.list')) as {
      ok: true;
      value: { id: string; version: number }[];
    };
    const admin = list.value[0]!;
    expect(
      await t.call('users.update', {
        id: admin.id,
        version: admin.version,
        fullName: 'A',
        role: 'petugas',
        disabled: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const created = (await t.call('users.create', {
      username: 'bidan.ani',
      fullName: 'Bidan Ani',
      role: 'petugas',
      password: 'sandi-awal-1',
    })) as { ok: true; value: { id: string; version: number } };
    expect(
      await t.call('users.update', {
        id: created.value.id,
        version: created.value.version,
        fullName: 'Bidan Ani',
        role: 'petugas',
        disabled: true,
      }),
    ).toMatchObject({ ok: true, value: { disabled: true } });
    await t.call('auth.logout');
    expect(
      await t.call('auth.login', { username: 'bidan.ani', password: 'sandi-awal-1' }),
    ).toMatchObject({
      error: { message: 'Akun ini dinonaktifkan. Hubungi admin.' },
    });
    expect(
      await t.call('users.create', {
        username: 'bidan.ani',
        fullName: 'X',
        role: 'petugas',
        password: 'sandi-awal-1',
      }),
    ).toMatchObject({ ok: false });
  });

  it('lists the audit log with filters (user, table, date)', async () => {
    const all = (await t.call('audit.list', {})) as {
      ok: true;
      value: { total: number; rows: { table: string; username: string | null }[] };
    };
    expect(all.value.total).toBeGreaterThan(0);
    const users = (await t.call('audit.list', { table: 'app_user' })) as typeof all;
    expect(users.value.rows.every((r) => r.table === 'app_user')).toBe(true);
    expect(users.value.rows[0]?.username).toBe('admin');
    const none = (await t.call('audit.list', { from: '2027-01-01' })) as typeof all;
    expect(none.value.total).toBe(0);
    const today = (await t.call('audit.list', {
      from: '2026-11-22',
      to: '2026-11-22',
    })) as typeof all;
    expect(today.value.total).toBe(all.value.total);
  });
});
