import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { installedElectron, SKIP_REASON } from './electron-binary';

const executable = installedElectron();
const root = path.resolve(import.meta.dirname, '../..');

if (executable === null) console.log(`[electron] skipped: ${SKIP_REASON}`);
test.skip(executable === null, SKIP_REASON);

test('a damaged database opens the app in recovery mode instead of crashing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-electron-recovery-'));
  fs.writeFileSync(path.join(dataDir, 'siklus.sqlite3'), 'bukan basis data '.repeat(1000));
  const app = await electron.launch({
    executablePath: executable!,
    args: [path.join(root, 'out/main/index.js')],
    env: { ...process.env, SIKLUS_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.siklus!.invoke('recovery.status', {}))).toMatchObject({
      ok: true,
      value: { mode: 'recovery', canRestore: false },
    });
    expect(await page.evaluate(() => window.siklus!.invoke('auth.status', {}))).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_MODE' },
    });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
