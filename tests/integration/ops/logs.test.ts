import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonInput } from '@shared/contract';
import type { TestCore } from '../../support/core';
import { ADMIN, setupFacility } from '../../support/setup';
import { tempDir } from '../../support/temp';
import { expectOk, listFilesRecursive, openCoreAt } from './helpers';

let dir: string;
let cleanup: () => void;
let t: TestCore;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('siklus-logs-'));
  t = await openCoreAt(dir);
});
afterEach(async () => {
  await t.close();
  cleanup();
});

const siti: PersonInput = {
  nik: '3205024503900001',
  noKk: '3205021201100005',
  name: 'Siti Aminah Lestari',
  sex: 'P',
  birthDate: '1990-03-05',
  birthPlace: 'Garut',
  phone: '081234567890',
  rt: '002',
  rw: '005',
};

describe('log files never hold personal data', () => {
  it('after setup, registering, failing and searching persons, and a backup', async () => {
    await setupFacility(t);
    const desa = await expectOk<{ id: string }[]>(t.call('desa.list'));
    await expectOk(t.call('persons.create', { person: { ...siti, desaId: desa[0]!.id } }));
    // A duplicate NIK (its error message names the person) and a bad NIK.
    await t.call('persons.create', { person: { ...siti, desaId: desa[0]!.id } });
    await t.call('persons.create', { person: { ...siti, nik: '12345', desaId: desa[0]!.id } });
    await t.call('persons.search', { q: 'Siti Aminah' });
    await t.call('persons.checkNik', { nik: siti.nik });
    await t.call('auth.login', { username: ADMIN.username, password: 'salah-sekali' });
    await expectOk(t.call('backup.create'));
    await t.close();
    t = await openCoreAt(dir);

    const files = listFilesRecursive(path.join(dir, 'log'));
    expect(files.length).toBeGreaterThan(0);
    const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // The log did record the work: calls by channel, the backup, the reopen.
    expect(text).toMatch(/"msg":"call","channel":"persons.create","ok":true/);
    expect(text).toMatch(/"msg":"call","channel":"persons.create","ok":false,"code":"DUPLICATE"/);
    expect(text).toMatch(/"msg":"backup created"/);
    expect(text).toMatch(/"msg":"database opened"/);
    for (const line of text.trim().split('\n'))
      expect(() => JSON.parse(line) as unknown).not.toThrow();

    for (const secret of [
      siti.nik!,
      siti.noKk!,
      'Siti',
      'Aminah',
      'Lestari',
      '081234567890',
      'Garut',
      ADMIN.password,
      'salah-sekali',
      ADMIN.fullName,
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
