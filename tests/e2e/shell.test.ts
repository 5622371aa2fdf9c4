import Database from 'better-sqlite3';
import path from 'node:path';
import { setupViaBridge } from './bridge';
import { expect, screenshot, test } from './fixtures';

test('navigation by ILP area and the language switch, backed by SQLite', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.getByTestId('schema-version')).toHaveText(/^\d+$/);
  await screenshot(page, 'shell-beranda-id');

  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  for (const [label, heading] of [
    ['Penduduk', 'Penduduk'],
    ['Klaster 1 Manajemen', 'Klaster 1 Manajemen'],
    ['Klaster 2 Ibu & Anak', 'Klaster 2 · Ibu'],
    ['Klaster 3 Dewasa & Lansia', 'Klaster 3 Dewasa & Lansia'],
    ['Laporan', 'Laporan'],
    ['Kirim ke Dinkes', 'Kirim ke Dinkes'],
    ['Pengaturan', 'Pengaturan'],
  ] as const) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  // Switch to English in the header: labels change and the choice is stored in the database.
  await page.getByRole('banner').getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const navEn = page.getByRole('navigation', { name: 'Main menu' });
  await expect(navEn.getByRole('link', { name: 'Residents' })).toBeVisible();
  await screenshot(page, 'shell-settings-en');

  const db = new Database(path.join(harness.dataDir, 'siklus.sqlite3'), { readonly: true });
  const stored = db.prepare("SELECT value FROM settings WHERE key = 'ui.locale'").get() as {
    value: string;
  };
  const audit = db
    .prepare("SELECT action, table_name FROM audit_log WHERE row_id = 'ui.locale'")
    .all();
  db.close();
  expect(JSON.parse(stored.value)).toBe('en');
  expect(audit).toEqual([{ action: 'set', table_name: 'settings' }]);

  // The language survives a reload (it comes from the database, not the page).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('keyboard alone: Alt+number jumps between areas and focus stays visible', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Penduduk' })).toBeFocused();
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeFocused();

  // Tab from the top reaches the skip link first, then the language switch and the menu.
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Lewati ke isi' })).toBeFocused();
  await screenshot(page, 'shell-skip-link-focus');
});

test('the bridge refuses requests without the per-run token or from another origin', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  const invoke = (headers: Record<string, string>) =>
    page.evaluate(
      async ({ headers }) => {
        const response = await fetch('/__siklus/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ channel: 'app.info', input: {} }),
        });
        return (await response.json()) as { ok: boolean; error?: { code: string } };
      },
      { headers },
    );
  expect(await invoke({ 'X-Siklus-Token': harness.token })).toMatchObject({ ok: true });
  expect(await invoke({ 'X-Siklus-Token': 'wrong' })).toMatchObject({
    ok: false,
    error: { code: 'BAD_SENDER' },
  });
  expect(await invoke({})).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });

  const fromElsewhere = await fetch(`${harness.origin}/__siklus/invoke`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Siklus-Token': harness.token,
      Origin: 'http://evil.example',
    },
    body: JSON.stringify({ channel: 'app.info', input: {} }),
  });
  expect(await fromElsewhere.json()).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
});
