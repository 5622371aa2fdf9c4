import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupCreated, RecoveryInspection, SystemInfo } from '@shared/contract';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/db/migrations';
import type { TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';
import { laterWrite } from '../../support/damage';
import { tempDir } from '../../support/temp';
import { addPersons, expectOk, openCoreAt } from './helpers';

let dir: string;
let cleanup: () => void;
let t: TestCore | undefined;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('siklus-inspect-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  cleanup();
});

/** Overwrite page 1 after its 100-byte header: the file opens, its table list does not. */
function damageSchemaPage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(4096 - 100, 0xa5), 0, undefined, 100);
  } finally {
    fs.closeSync(fd);
  }
  laterWrite(file);
}

describe('recovery: inspecting a file whose table list is damaged', () => {
  it('says the file opened (with its schema version) and why nothing could be counted', async () => {
    t = await openCoreAt(dir);
    await setupFacility(t);
    await addPersons(t, 5);
    await expectOk<BackupCreated>(t.call('backup.create'));
    await t.close();
    damageSchemaPage(path.join(dir, 'siklus.sqlite3'));

    t = await openCoreAt(dir);
    expect(t.core.mode).toBe('recovery');
    const inspection = await expectOk<RecoveryInspection>(t.call('recovery.inspect'));
    expect(inspection.opened).toBe(true);
    expect(inspection.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(inspection.counts).toEqual({});
    expect(inspection.message).toMatch(/malformed|not a database|corrupt/i);
    expect(inspection.check.length).toBeGreaterThan(0);
    expect(inspection.check).not.toEqual(['ok']);
  });
});

describe('diagnostics', () => {
  it('name the SQLite library the app really uses', async () => {
    t = await openCoreAt(dir);
    await setupFacility(t);
    const info = await expectOk<SystemInfo>(t.call('system.info'));
    expect(info.diagnostics).toMatch(/^sqlite\s+3\.\d+\.\d+$/m);
  });
});
