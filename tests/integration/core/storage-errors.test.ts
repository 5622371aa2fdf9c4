/**
 * A write the disk refuses (found by the reliability suite's full-disk trial): SQLite rolls the
 * transaction back by itself on SQLITE_FULL; the dialect must not roll back again (that error
 * hid the real one), and the clerk reads that the disk is full, with nothing half-saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageProblem } from '../../../src-main/ipc/guard';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';

describe('storage errors at the bridge', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
    await setupFacility(t);
  });
  afterEach(() => t.close());

  it('says the disk is full, saves nothing of the refused write, and writes again after', async () => {
    const desa = (await t.call('desa.list')) as { ok: true; value: { id: string }[] };
    const sqlite = t.core.database.sqlite;
    const persons = () =>
      (sqlite.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;
    const audits = () =>
      (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    // Write until the (now tiny) database is full: free pages may take a few rows first.
    let before = { persons: persons(), audits: audits() };
    let result;
    for (let n = 0; n < 500; n++) {
      before = { persons: persons(), audits: audits() };
      result = await t.call('persons.create', {
        person: {
          name: `Siti Penuh ${'abcdefghij'[n % 10]}${'abcdefghij'[Math.floor(n / 10) % 10]}`,
          sex: 'P',
          birthDate: '1990-01-01',
          desaId: desa.value[0]!.id,
          notes: 'x'.repeat(1000),
        },
      });
      if (!result.ok) break;
    }
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Penyimpanan komputer penuh: data ini belum tersimpan. Kosongkan ruang disk, lalu simpan lagi. Data yang sudah tersimpan aman.',
        details: { storage: 'full' },
      },
    });
    expect({ persons: persons(), audits: audits() }).toEqual(before);
    expect(sqlite.inTransaction).toBe(false);
    sqlite.pragma(`max_page_count = ${pages + 1000}`);
    const again = await t.call('persons.create', {
      person: { name: 'Siti Lega', sex: 'P', birthDate: '1990-01-01', desaId: desa.value[0]!.id },
    });
    expect(again.ok).toBe(true);
    expect(persons()).toBe(before.persons + 1);
  });

  it('recognises full and read-only storage by SQLite and system codes, nothing else', () => {
    const err = (code: string, extra: object = {}) =>
      Object.assign(new Error(code), { code, ...extra });
    expect(storageProblem(err('SQLITE_FULL'))).toBe('full');
    expect(storageProblem(err('ENOSPC'))).toBe('full');
    expect(storageProblem(err('EDQUOT'))).toBe('full');
    expect(storageProblem(err('SQLITE_READONLY'))).toBe('readonly');
    expect(storageProblem(err('SQLITE_READONLY_DBMOVED'))).toBe('readonly');
    expect(storageProblem(err('EROFS'))).toBe('readonly');
    expect(storageProblem(err('EACCES', { path: '/data/x' }))).toBe('readonly');
    expect(storageProblem(new Error('wrapped', { cause: err('SQLITE_FULL') }))).toBe('full');
    expect(storageProblem(err('EACCES'))).toBeNull();
    expect(storageProblem(err('SQLITE_CONSTRAINT'))).toBeNull();
    expect(storageProblem(new Error('plain'))).toBeNull();
    expect(storageProblem('SQLITE_FULL')).toBeNull();
  });
});
