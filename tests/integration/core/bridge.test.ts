import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core';

describe('the guarded bridge over a real database', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(() => t.close());

  it('answers app.info with the schema version and data folder', async () => {
    const result = await t.call('app.info');
    expect(result).toMatchObject({
      ok: true,
      value: { appVersion: '0.0.0-test', runtime: 'harness', locale: 'id', dataDir: t.dir },
    });
  });

  it('refuses an unknown channel', async () => {
    expect(await t.call('persons.dropAll', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Permintaan tidak dikenal.' },
    });
    expect(await t.call('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('refuses a caller the transport does not vouch for, before anything runs', async () => {
    const result = await t.core.dispatch(
      'settings.setLocale',
      { locale: 'en' },
      { trusted: false },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
    expect(t.core.services.settings.locale()).toBe('id');
  });

  it('refuses invalid input with INVALID_INPUT naming the field in Indonesian', async () => {
    const result = await t.call('settings.setLocale', { locale: 'fr' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Bahasa: pilihan tidak valid',
        details: { issues: [{ path: 'locale', field: 'Bahasa', message: 'pilihan tidak valid' }] },
      },
    });
    expect(await t.call('settings.setLocale', {})).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'Bahasa: wajib diisi' },
    });
    expect(await t.call('settings.setLocale', { locale: 'en', extra: 1 })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'extra: isian tidak dikenal: extra' },
    });
  });

  it('writes a change and its audit row in one transaction, and answers in the new language', async () => {
    t.clock.set('2026-11-02T03:04:05.000Z');
    expect(await t.call('settings.setLocale', { locale: 'en' })).toEqual({
      ok: true,
      value: { locale: 'en' },
    });
    const audit = t.core.database.sqlite
      .prepare('SELECT at, user_id, action, table_name, row_id, changes FROM audit_log')
      .all();
    expect(audit).toEqual([
      {
        at: '2026-11-02T03:04:05.000Z',
        user_id: null,
        action: 'set',
        table_name: 'settings',
        row_id: 'ui.locale',
        changes: JSON.stringify({ value: [null, 'en'] }),
      },
    ]);
    expect(await t.call('settings.setLocale', { locale: 'de' })).toMatchObject({
      error: { message: 'Language: is not a valid choice' },
    });
  });

  it('rolls back the change when the audit row cannot be written', async () => {
    // Make the audit insert fail inside the transaction: nothing may be half-written.
    t.core.database.sqlite.exec(`
      CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit refused'); END;`);
    const result = await t.call('settings.setLocale', { locale: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(
      t.core.database.sqlite
        .prepare("SELECT count(*) AS n FROM settings WHERE key = 'ui.locale'")
        .get(),
    ).toEqual({ n: 0 });
    expect(t.core.services.settings.locale()).toBe('id');
  });
});
