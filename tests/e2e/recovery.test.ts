import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { invoke, setupViaBridge, signIn, ADMIN } from './bridge';
import { damageMiddle } from '../support/damage';
import { expect, screenshot, startHarness, test, type HarnessProcess } from './fixtures';

async function addResidents(page: Page, count: number, from = 1): Promise<void> {
  await page.evaluate(
    async ({ count, from }) => {
      const desa = (await window.siklus!.invoke('desa.list', {})) as {
        ok: true;
        value: { id: string }[];
      };
      for (let n = from; n < from + count; n++) {
        const result = (await window.siklus!.invoke('persons.create', {
          person: {
            name: `Warga Uji ${String(n).padStart(3, '0')}`,
            sex: 'P',
            birthDate: '1990-03-05',
            nik: `3205024503900${String(n).padStart(3, '0')}`,
            desaId: desa.value[0]!.id,
            rt: '001',
            rw: '002',
          },
          confirmNotDuplicate: true,
        })) as { ok: boolean; error?: { message: string } };
        if (!result.ok) throw new Error(result.error?.message);
      }
    },
    { count, from },
  );
}

test('a damaged database opens the recovery screen; restoring the newest good backup brings the data back', async ({
  page,
  context,
  dataDir,
}) => {
  // Many steps (two harness starts, a backup, a restore) on a shared machine.
  test.setTimeout(180_000);
  let harness: HarnessProcess = await startHarness(dataDir);
  try {
    await setupViaBridge(page, harness.url);
    // Enough rows that the middle of the file holds residents, not the table list.
    await addResidents(page, 200);
    await invoke(page, 'backup.create', {});
    // Work after the backup: lost by the restore, but still in the damaged file for IT staff.
    await addResidents(page, 1, 500);
    await harness.stop();

    const file = path.join(dataDir, 'siklus.sqlite3');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    damageMiddle(file);
    harness = await startHarness(dataDir);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: harness.origin,
    });
    await page.goto(harness.url);

    // A calm screen instead of a broken shell: what happened and what to do.
    await expect(page.getByRole('heading', { level: 1, name: 'Mode pemulihan' })).toBeVisible();
    await expect(page.getByText('Berkas basis data rusak.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0);
    await expect(page.getByTestId('recovery-error')).not.toHaveText('—');
    const preview = page.getByTestId('backup-preview');
    await expect(preview).toContainText('Puskesmas Karangpawitan');
    await expect(preview.getByRole('row', { name: /Jumlah data/ })).toContainText('Penduduk200');
    await expect(page.getByRole('button', { name: 'Pulihkan cadangan ini' })).toBeFocused();
    await screenshot(page, 'recovery-screen');

    // The error details for IT staff go to the clipboard.
    await page.getByRole('button', { name: 'Salin keterangan galat' }).click();
    await expect(page.getByText('Disalin ke papan klip.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/mode\s+recovery/);
    expect(copied).toMatch(/reason\s+corrupt/);
    expect(copied).toContain(dataDir);

    // Inspect read-only, then salvage what is readable into backup/disisihkan.
    await page.getByRole('button', { name: 'Periksa berkas rusak' }).click();
    // The header is intact (only the middle was overwritten): it opens read-only.
    await expect(page.getByText(/^Berkas dapat dibuka hanya-baca \(skema \d+\)\.$/)).toBeVisible();
    await page.getByRole('button', { name: 'Selamatkan data yang terbaca' }).click();
    const salvage = page.getByTestId('recovery-salvage');
    await expect(salvage).toContainText(
      /Data yang terbaca disalin ke backup[/\\]disisihkan[/\\].*_salvage\.sqlite3/,
    );
    // Residents on the overwritten pages are lost; the rest (and the one added after the
    // backup) are in the salvage file.
    await expect(salvage.getByRole('row', { name: /^Penduduk \d+/ })).toBeVisible();
    await screenshot(page, 'recovery-screen-tools');
    const aside = path.join(dataDir, 'backup', 'disisihkan');
    expect(fs.readdirSync(aside).some((f) => f.endsWith('_salvage.sqlite3'))).toBe(true);

    // Restore the newest good backup: the confirmation says the damaged file is kept aside.
    await page.getByRole('button', { name: 'Pulihkan cadangan ini' }).click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByText(/dipindahkan ke folder backup\/disisihkan \(tidak dihapus\)/),
    ).toBeVisible();
    await screenshot(page, 'recovery-restore-dialog');
    await dialog.getByRole('button', { name: 'Ya, pulihkan cadangan ini' }).click();

    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    const { total } = await invoke<{ total: number }>(page, 'persons.search', {});
    expect(total).toBe(200);
    expect(fs.readdirSync(aside).some((f) => f.endsWith('_rusak'))).toBe(true);
    await expect(page.getByTestId('last-backup')).toContainText('Cadangan terakhir:');
  } finally {
    await harness.stop();
  }
});

test('a database from a newer Siklus, without backups: the reason and advice, no restore offered', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  let harness: HarnessProcess = await startHarness(dataDir);
  try {
    await setupViaBridge(page, harness.url);
    await harness.stop();
    const db = new Database(path.join(dataDir, 'siklus.sqlite3'));
    db.pragma('user_version = 999');
    db.close();

    harness = await startHarness(dataDir);
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Mode pemulihan' })).toBeVisible();
    await expect(
      page.getByText('Basis data dibuat oleh Siklus versi yang lebih baru.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByText(/pasang kembali versi itu: data tetap utuh/)).toBeVisible();
    await expect(page.getByText(/Tidak ada cadangan yang dapat dipulihkan/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pulihkan cadangan ini' })).toHaveCount(0);
    await expect(page.getByText('Skema berkas 999, aplikasi ini', { exact: false })).toBeVisible();
    // English works here too, without the database.
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Recovery mode' })).toBeVisible();
    await screenshot(page, 'recovery-too-new-en');
  } finally {
    await harness.stop();
  }
});
