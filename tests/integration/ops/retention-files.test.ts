import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupCreated, BackupList } from '@shared/contract';
import type { TestCore } from '../../support/core';
import { setupFacility, signInAdmin } from '../../support/setup';
import { fixedClock, tempDir } from '../../support/temp';
import { expectOk, openCoreAt } from './helpers';

let dir: string;
let cleanup: () => void;
let t: TestCore;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir('siklus-retention-'));
  t = await openCoreAt(dir, fixedClock('2026-09-30T16:00:00.000Z'));
  await setupFacility(t);
});
afterEach(async () => {
  await t.close();
  cleanup();
});

describe('retention on disk', () => {
  it('removes what the rule does not keep, at the day and month edges (WIB)', async () => {
    await expectOk(
      t.call('backup.setSettings', {
        keepDaily: 2,
        keepMonthly: 2,
        secondDir: null,
        encrypt: false,
      }),
    );
    const ids: string[] = [];
    // 23:00 WIB on 30 Sep, then 10:00 WIB on 1, 2 and 3 Oct.
    for (const at of [
      '2026-09-30T16:00:00.000Z',
      '2026-10-01T03:00:00.000Z',
      '2026-10-02T03:00:00.000Z',
      '2026-10-03T03:00:00.000Z',
    ]) {
      t.clock.set(at);
      await signInAdmin(t); // the idle lock closed the session as the clock jumped
      ids.push((await expectOk<BackupCreated>(t.call('backup.create'))).backup.id);
    }
    const list = await expectOk<BackupList>(t.call('backup.list'));
    // Kept: 3 Oct and 2 Oct (daily), October (3 Oct) and September (30 Sep) monthly.
    expect(list.backups.map((b) => b.id)).toEqual([ids[3], ids[2], ids[0]]);
    const files = fs.readdirSync(path.join(dir, 'backup')).sort();
    expect(files).toHaveLength(6);
    expect(files.some((f) => f.startsWith(ids[1]!))).toBe(false);
  });
});
