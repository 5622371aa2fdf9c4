import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { invoke, setupViaBridge, signIn, ADMIN } from './bridge';
import { expect, screenshot, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

interface Saved {
  saved: true;
  person: { id: string; version: number };
}

/** A resident with a telephone number, made through the bridge as the form would. */
async function addResident(page: Page, name: string, nik: string, phone: string) {
  const desa = await invoke<{ id: string }[]>(page, 'desa.list');
  const saved = await invoke<Saved>(page, 'persons.create', {
    person: { name, sex: 'P', birthDate: '1990-03-05', nik, desaId: desa[0]!.id, phone },
    confirmNotDuplicate: true,
  });
  return saved.person;
}

async function openBackupPage(page: Page) {
  await nav(page).getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByRole('link', { name: 'Cadangan data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cadangan data' })).toBeVisible();
}

test('backup now with progress, the preview in the list, verify, and a restore that brings the old value back', async ({
  page,
  harness,
}) => {
  // Many steps (two harness starts, a backup, a restore) on a shared machine.
  test.setTimeout(180_000);
  const second = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-usb-'));
  try {
    await setupViaBridge(page, harness.url);
    // Beranda tells the admin there is no backup yet.
    await expect(page.getByTestId('last-backup')).toHaveText('Belum ada cadangan data.');
    await expect(page.getByTestId('last-backup')).toHaveAttribute('data-stale', 'true');
    const person = await addResident(page, 'Siti Aminah', '3205024503900001', '0811 1111 1111');

    await openBackupPage(page);
    await expect(page.getByText(/Belum ada cadangan\. Tekan "Backup sekarang"/)).toBeVisible();

    // Settings: a relative folder is refused next to the field, nothing is stored.
    await page.getByRole('tab', { name: 'Pengaturan cadangan' }).click();
    const folder = page.getByRole('textbox', { name: 'Folder kedua' });
    await folder.fill('cadangan');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('harus alamat folder lengkap (mis. E:\\Cadangan)')).toBeVisible();
    expect((await invoke<{ secondDir: string | null }>(page, 'backup.settings')).secondDir).toBe(
      null,
    );
    // A full path to a "USB drive" folder, retention typed by keyboard, saved with Ctrl+S.
    await folder.fill(second);
    const daily = page.getByRole('textbox', { name: 'Simpan cadangan harian (hari)' });
    await daily.fill('10');
    await expect(page.getByText(/untuk 10 hari terakhir/)).toBeVisible();
    await page.keyboard.press('Control+s');
    await expect(page.getByText('Pengaturan cadangan disimpan.')).toBeVisible();
    await expect(page.getByText('Folder ini dapat dipakai sekarang.')).toBeVisible();
    await screenshot(page, 'backup-settings');
    expect(await invoke(page, 'backup.settings')).toMatchObject({
      keepDaily: 10,
      secondDir: second,
      encrypt: false,
    });

    // Backup now: the bar is fed by task.progress events and ends at 100 %.
    await page.getByRole('tab', { name: /Daftar cadangan/ }).click();
    await page.getByRole('button', { name: /Backup sekarang/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Kemajuan pencadangan' });
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByTestId('backup-progress-label')).toHaveText('Cadangan selesai');
    await expect(page.getByText(/^Cadangan dibuat: /)).toBeVisible();
    await expect(
      page.getByText(`Salinan juga disimpan di folder kedua (${second}).`),
    ).toBeVisible();
    await expect(page.getByTestId('last-backup')).toHaveText(/Cadangan terakhir: .* \(hari ini\)/);

    // Listed twice (data folder and the second folder), each with its preview.
    const rows = page.getByTestId('backup-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Manual');
    await expect(rows.first()).toContainText('Puskesmas Karangpawitan');
    await expect(rows.first()).toContainText('1 penduduk');
    await expect(rows.filter({ hasText: 'Folder data' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Folder kedua' })).toHaveCount(1);
    expect(fs.readdirSync(second).some((f) => f.endsWith('.manifest.json'))).toBe(true);
    await screenshot(page, 'backup-list');

    // Verify opens the copy and checks it.
    const mine = rows.filter({ hasText: 'Folder data' });
    await mine.getByRole('button', { name: /Periksa/ }).click();
    await expect(
      page.getByText(/Cadangan .* baik: isinya dibuka dan diperiksa utuh\./),
    ).toBeVisible();

    // The clerk changes the telephone number after the backup.
    await page.goto(`${harness.url}#/penduduk/${person.id}/ubah`);
    await page.getByLabel('Telepon').fill('0822 2222 2222');
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('cell', { name: '0822 2222 2222' })).toBeVisible();

    // Restore: the dialog shows the preview and what happens to the current data.
    await openBackupPage(page);
    await rows
      .filter({ hasText: 'Folder data' })
      .getByRole('button', { name: /Pulihkan/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('Pulihkan data dari cadangan ini?')).toBeVisible();
    const preview = dialog.getByTestId('backup-preview');
    await expect(preview).toContainText('Puskesmas Karangpawitan (P3205020101)');
    await expect(preview).toContainText('Penduduk');
    await expect(preview.getByRole('row', { name: /Jumlah data/ })).toContainText('Penduduk1');
    await expect(preview).toContainText(/Versi skema\s*\d+ \(dibuat Siklus /);
    await expect(
      dialog.getByText(/tidak dihapus: disisihkan ke folder backup\/disisihkan/),
    ).toBeVisible();
    await screenshot(page, 'backup-restore-preview');
    // Esc leaves everything as it was.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await rows
      .filter({ hasText: 'Folder data' })
      .getByRole('button', { name: /Pulihkan/ })
      .click();
    await page.getByRole('button', { name: 'Ya, pulihkan cadangan ini' }).click();

    // The session is reset: sign in again, and the old number is back.
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await expect(
      page.getByText(/Data dipulihkan dari cadangan .* disisihkan di backup/),
    ).toBeVisible();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    // Beranda now shows the backup (restored data knows its own backups: they are files).
    await expect(page.getByTestId('last-backup')).toHaveText(/Cadangan terakhir: .* \(hari ini\)/);
    await expect(page.getByTestId('last-backup')).toHaveAttribute('data-stale', 'false');
    await screenshot(page, 'home-last-backup');
    await page.goto(`${harness.url}#/penduduk/${person.id}`);
    await expect(page.getByRole('cell', { name: '0811 1111 1111' })).toBeVisible();
    await expect(page.getByText('0822 2222 2222')).toHaveCount(0);
    const aside = fs.readdirSync(path.join(harness.dataDir, 'backup', 'disisihkan'));
    expect(aside.some((name) => name.endsWith('_sebelum-pemulihan'))).toBe(true);
  } finally {
    fs.rmSync(second, { recursive: true, force: true });
  }
});

test('encryption: the passphrase must be confirmed, backups are encrypted and still verify', async ({
  page,
  harness,
}) => {
  test.setTimeout(240_000);
  await setupViaBridge(page, harness.url);
  await openBackupPage(page);
  await page.getByRole('tab', { name: 'Pengaturan cadangan' }).click();
  await page.getByRole('switch', { name: 'Enkripsi cadangan dengan frasa sandi' }).check();
  await expect(page.getByText(/tanpa frasa sandi, cadangan TIDAK dapat dipulihkan/)).toBeVisible();
  // No passphrase: refused by the main process, next to the field.
  await page.keyboard.press('Control+s');
  await expect(page.getByText('isi frasa sandi untuk menyalakan enkripsi')).toBeVisible();
  // Too short, then not repeated the same.
  await page.getByLabel('Frasa sandi cadangan').fill('pendek');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('paling sedikit 10 karakter', { exact: true })).toBeVisible();
  await page.getByLabel('Frasa sandi cadangan').fill('kunci cadangan puskesmas');
  await page.getByLabel('Ulangi frasa sandi').fill('kunci cadangan puskesma');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/tidak sama/)).toBeVisible();
  expect((await invoke<{ encrypt: boolean }>(page, 'backup.settings')).encrypt).toBe(false);
  await page.getByLabel('Ulangi frasa sandi').fill('kunci cadangan puskesmas');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Pengaturan cadangan disimpan.')).toBeVisible();
  await expect(
    page.getByText('Frasa sandi sudah tersimpan. Isi hanya bila ingin menggantinya.'),
  ).toBeVisible();
  await screenshot(page, 'backup-settings-encrypted');

  // Alt+B works from inside a field. The passphrase's key derivation (scrypt) takes seconds.
  await page.keyboard.press('Alt+b');
  await expect(page.getByTestId('backup-progress-label')).toHaveText('Cadangan selesai', {
    timeout: 90_000,
  });
  await page.getByRole('tab', { name: /Daftar cadangan/ }).click();
  const row = page.getByTestId('backup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Terenkripsi');
  expect(
    fs.readdirSync(path.join(harness.dataDir, 'backup')).some((f) => f.endsWith('.sqlite3.age')),
  ).toBe(true);
  await row.getByRole('button', { name: /Periksa/ }).click();
  await expect(page.getByText(/baik: isinya dibuka dan diperiksa utuh/)).toBeVisible({
    timeout: 90_000,
  });

  // The restore dialog asks for the passphrase only as an option (one is stored).
  await row.getByRole('button', { name: /Pulihkan/ }).click();
  await expect(page.getByRole('dialog').getByLabel('Frasa sandi cadangan')).toBeVisible();
  await expect(page.getByText('Kosongkan untuk memakai frasa sandi yang tersimpan.')).toBeVisible();
  // A wrong one is refused next to the field and nothing changes.
  await page.getByRole('dialog').getByLabel('Frasa sandi cadangan').fill('salah sekali ya');
  await page.getByRole('button', { name: 'Ya, pulihkan cadangan ini' }).click();
  await expect(page.getByText('Frasa sandi salah: cadangan tidak dapat dibuka.')).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Cadangan data' })).toBeVisible();
});

test('Info & log for a petugas: versions and folders, the diagnostic summary copied; no backup menu', async ({
  page,
  harness,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await setupViaBridge(page, harness.url);
  await invoke(page, 'users.create', {
    username: 'petugas1',
    fullName: 'Bu Petugas',
    role: 'petugas',
    password: 'petugas-sandi-1',
  });
  await page.getByRole('button', { name: /Admin Puskesmas/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await signIn(page, 'petugas1', 'petugas-sandi-1');
  await page.getByLabel('Kata sandi saat ini').fill('petugas-sandi-1');
  await page.getByLabel('Kata sandi baru').fill('petugas-sandi-2');
  await page.getByLabel('Ulangi kata sandi').fill('petugas-sandi-2');
  await page.getByRole('button', { name: /Simpan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  // The last-backup card is for admins only.
  await expect(page.getByTestId('last-backup')).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByRole('link', { name: 'Cadangan data' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Info & log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Info & log' })).toBeVisible();
  const facts = page.getByTestId('system-info');
  await expect(facts.getByRole('row', { name: /Folder data/ })).toContainText(harness.dataDir);
  await expect(facts.getByRole('row', { name: /Folder log/ })).toContainText(
    path.join(harness.dataDir, 'log'),
  );
  await expect(facts.getByRole('row', { name: /Ukuran basis data/ })).toContainText(
    /\d+(,\d)? (KB|MB)/,
  );
  await expect(facts.getByRole('row', { name: /Cadangan terakhir/ })).toContainText(
    'Belum ada cadangan data.',
  );
  await screenshot(page, 'system-info');
  await page.getByRole('button', { name: 'Salin ringkasan diagnostik' }).click();
  await expect(page.getByText('Disalin ke papan klip.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`dataDir`);
  expect(copied).toContain(harness.dataDir);
  expect(copied).toMatch(/person: 0/);
  // A petugas is refused the backup channels by the main process.
  const direct = await page.evaluate(() => window.siklus!.invoke('backup.list', {}));
  expect(direct).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
