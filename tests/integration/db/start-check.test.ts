import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseCorruptError, openDatabase } from '../../../src-main/db/connection';
import { QUICK_CHECK_EVERY_DAYS } from '../../../src-main/db/start-check';
import { damageMiddle, laterWrite } from '../../support/damage';
import { fixedClock, tempDir } from '../../support/temp';

/**
 * The start's quick_check runs when there is a reason to doubt the file (src-main/db/
 * start-check.ts), not at every start: the 100,000-person demo takes about 3 s to check.
 */
describe('the quick_check at start', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  const clock = fixedClock('2026-10-15T02:00:00.000Z');
  const open = () =>
    openDatabase({ file, backupDir: path.join(dir, 'backup'), appVersion: 't', now: clock.now });

  /** A database with persons in it, closed cleanly. */
  async function closedWithRows(): Promise<void> {
    const db = await open();
    db.sqlite.exec(`CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`);
    const insert = db.sqlite.prepare('INSERT INTO filler (text) VALUES (?)');
    db.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`baris ${i} `.repeat(20));
    })();
    await db.close();
  }

  beforeEach(() => {
    ({ dir, cleanup } = tempDir('siklus-start-check-'));
    file = path.join(dir, 'siklus.sqlite3');
    clock.set('2026-10-15T02:00:00.000Z');
  });
  afterEach(() => cleanup());

  it('skips it after a clean close of an unchanged file, and leaves the marker again', async () => {
    await closedWithRows();
    expect(fs.existsSync(`${file}.closed`)).toBe(true);
    const db = await open();
    expect(db.startCheck).toBeNull();
    // Open for writing: only a clean close vouches for the file again.
    expect(fs.existsSync(`${file}.closed`)).toBe(false);
    await db.close();
    expect(fs.existsSync(`${file}.closed`)).toBe(true);
  });

  it('runs it after a session that did not close (a crash, a power cut)', async () => {
    await closedWithRows();
    const crashed = await open();
    crashed.sqlite.prepare("INSERT INTO filler (text) VALUES ('sesudah')").run();
    crashed.sqlite.close(); // the connection ends without Siklus's close
    const db = await open();
    expect(db.startCheck).toMatchObject({ reason: 'unclean' });
    await db.close();
    // Checked and closed cleanly: the next start skips it.
    const next = await open();
    expect(next.startCheck).toBeNull();
    await next.close();
  });

  it('runs it, and refuses the file, when it was damaged while the app was closed', async () => {
    await closedWithRows();
    damageMiddle(file, 4096, 'filler');
    await expect(open()).rejects.toBeInstanceOf(DatabaseCorruptError);
    // Still refused at the next start: the open removed the marker before checking.
    await expect(open()).rejects.toBeInstanceOf(DatabaseCorruptError);
  });

  it('runs it when the file was changed outside Siklus, even to the same size', async () => {
    await closedWithRows();
    laterWrite(file);
    const db = await open();
    expect(db.startCheck).toMatchObject({ reason: 'changed' });
    await db.close();
  });

  it(`runs it when the last check is more than ${QUICK_CHECK_EVERY_DAYS} days old`, async () => {
    await closedWithRows(); // a new file counts as checked when it was created
    clock.set('2026-10-22T02:00:00.000Z'); // exactly 7 days: not yet
    let db = await open();
    expect(db.startCheck).toBeNull();
    await db.close();
    clock.set('2026-10-22T02:00:01.000Z');
    db = await open();
    expect(db.startCheck).toMatchObject({ reason: 'due' });
    await db.close();
    clock.set('2026-10-29T02:00:01.000Z'); // seven days after that check
    db = await open();
    expect(db.startCheck).toBeNull();
    await db.close();
  });

  it("runs it when the PC's clock went back past the last check", async () => {
    await closedWithRows();
    clock.set('2026-10-15T01:59:59.000Z');
    const db = await open();
    expect(db.startCheck).toMatchObject({ reason: 'due' });
    await db.close();
  });

  it('runs it when the marker is unreadable', async () => {
    await closedWithRows();
    fs.writeFileSync(`${file}.closed`, '{"size": "banyak"}');
    const db = await open();
    expect(db.startCheck).toMatchObject({ reason: 'unclean' });
    await db.close();
  });
});
