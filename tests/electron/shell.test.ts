import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { installedElectron, SKIP_REASON } from './electron-binary';

const executable = installedElectron();
const root = path.resolve(import.meta.dirname, '../..');

if (executable === null) console.log(`[electron] skipped: ${SKIP_REASON}`);
test.skip(executable === null, SKIP_REASON);

test('the packaged shell opens one sandboxed, locked-down window', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-electron-'));
  const app = await electron.launch({
    executablePath: executable!,
    args: [path.join(root, 'out/main/index.js')],
    env: { ...process.env, SIKLUS_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    expect(page.url()).toBe('app://siklus/index.html');

    // No Node in the page; only the two bridge functions.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => Object.keys(window.siklus ?? {}).sort())).toEqual([
      'invoke',
      'on',
    ]);

    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );

    // Navigation away and new windows are refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe('app://siklus/index.html');
    await page.evaluate(() => window.open('https://example.com/'));
    await page.waitForTimeout(300);
    expect(app.windows()).toHaveLength(1);

    // The bridge works end to end and refuses unknown channels.
    expect(await page.evaluate(() => window.siklus!.invoke('app.info', {}))).toMatchObject({
      ok: true,
      value: { runtime: 'electron' },
    });
    expect(await page.evaluate(() => window.siklus!.invoke('nope', {}))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
