import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PUSKESMAS_PC } from '../support/chromium';
import { setupInput } from '../support/setup';
import { invoke, setupViaBridge } from './bridge';
import { expect, screenshot, startHarness, test } from './fixtures';

/**
 * The browser harness with the fixture report source injected (tests only), so both
 * installations' reports have known numbers.
 */
const startReportHarness = (dataDir: string) =>
  startHarness(dataDir, 'tests/fixtures/bundle/report-harness.ts');

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

function previousPeriod(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const SLOW = { timeout: 60_000 };

test('a puskesmas sends its month, Dinkes receives it and sees completeness and the recap', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-e2e-paket-'));
  const pkmDir = path.join(root, 'puskesmas');
  const dinkesDir = path.join(root, 'dinkes');
  const flashdisk = path.join(root, 'flashdisk');
  fs.mkdirSync(flashdisk);
  const pkm = await startReportHarness(pkmDir);
  const dinkes = await startReportHarness(dinkesDir);
  const pkmPage = await browser.newPage(PUSKESMAS_PC);
  const dinkesPage = await browser.newPage({ ...PUSKESMAS_PC, acceptDownloads: true });
  const pageErrors: string[] = [];
  try {
    // Any error thrown in a page fails the test (a blank screen is a failure, not a pass).
    for (const pg of [pkmPage, dinkesPage]) pg.on('pageerror', (e) => pageErrors.push(e.message));
    // ---- Dinkes: set up in Dinkes mode, create the key to hand out.
    const d = dinkesPage;
    await d.goto(dinkes.url);
    await d.getByRole('heading', { name: 'Penyiapan awal Siklus' }).waitFor();
    await invoke(
      d,
      'setup.complete',
      setupInput({ mode: 'dinkes', name: 'Dinkes Kabupaten Garut', districtCode: null }),
    );
    await d.reload();
    await expect(d.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    for (const item of [
      'Terima paket',
      'Puskesmas',
      'Kelengkapan',
      'Rekap kabupaten',
      'Pengaturan',
    ]) {
      await expect(nav(d).getByRole('link', { name: item })).toBeVisible();
    }
    await expect(nav(d).getByRole('link', { name: 'Penduduk' })).toHaveCount(0);
    await screenshot(d, 'dinkes-home');

    await d.keyboard.press('Alt+6');
    await expect(d.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
    await d.getByLabel(/^Kata sandi kunci/).fill('kunci-dinkes-garut');
    await d.getByLabel('Ulangi kata sandi kunci').fill('kunci-dinkes-garut');
    await d.getByRole('button', { name: /Buat kunci Dinkes/ }).click();
    const recipientBox = d.getByTestId('dinkes-recipient');
    await expect(recipientBox).toBeVisible(SLOW);
    const recipient = (await recipientBox.textContent())!.trim();
    expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
    const dinkesFingerprint = (await d
      .getByTestId('dinkes-key')
      .getByTestId('fingerprint')
      .textContent())!;
    await d.getByTestId('dinkes-key').scrollIntoViewIfNeeded();
    await screenshot(d, 'dinkes-key');

    // ---- Puskesmas: set up, a few residents, keys, then the export.
    const p = pkmPage;
    await setupViaBridge(p, pkm.url);
    const desa = await invoke<{ id: string }[]>(p, 'desa.list');
    await invoke(p, 'persons.create', {
      person: {
        name: 'Siti Aminah',
        sex: 'P',
        birthDate: '1990-03-05',
        nik: '3205024503900001',
        desaId: desa[0]!.id,
      },
    });
    await invoke(p, 'persons.create', {
      person: {
        name: 'Euis Komalasari',
        sex: 'P',
        birthDate: '1990-03-05',
        nik: '3205020503900002',
        desaId: desa[1]!.id,
      },
    });
    await nav(p).getByRole('link', { name: 'Kirim ke Dinkes' }).click();
    await expect(p.getByRole('heading', { level: 1, name: 'Kirim ke Dinkes' })).toBeVisible();
    // Without keys the check says what is missing, in red, with a link.
    await expect(p.locator('[data-check="signingKey"][data-severity="blocker"]')).toBeVisible();
    await expect(p.getByRole('button', { name: /Buat paket/ })).toBeDisabled();
    await screenshot(p, 'bundle-preflight-blocked');

    await p.getByRole('tab', { name: 'Kunci' }).click();
    await p.getByLabel(/^Kata sandi kunci/).fill('kunci-puskesmas-1');
    await p.getByLabel('Ulangi kata sandi kunci').fill('kunci-puskesmas-1');
    await p.keyboard.press('Control+s');
    const signing = p.getByTestId('signing-key');
    await expect(signing).toBeVisible(SLOW);
    const signingFingerprint = (await signing.getByTestId('fingerprint').textContent())!;
    await p.getByLabel('Kunci publik Dinkes').fill(recipient);
    await p.getByRole('button', { name: /Tambahkan kunci Dinkes/ }).click();
    await expect(p.getByTestId('recipients').getByTestId('fingerprint')).toHaveText(
      dinkesFingerprint,
    );
    await screenshot(p, 'bundle-keys');

    await p.getByRole('tab', { name: 'Kirim paket' }).click();
    await expect(p.locator('[data-check="signingKey"][data-severity="ok"]')).toBeVisible();
    await expect(p.locator('[data-check="nik"][data-severity="warning"]')).toBeVisible();
    await expect(p.getByRole('link', { name: /Euis Komalasari/ })).toBeVisible();
    await expect(p.getByTestId('preflight-summary')).toContainText('Revisi ke-1');
    await screenshot(p, 'bundle-preflight');
    await p.getByLabel(/^Kata sandi kunci/).fill('kunci-puskesmas-1');
    await p.getByLabel('Folder tujuan').fill(flashdisk);
    await p.keyboard.press('Control+s');
    await expect(p.getByTestId('task-progress')).toBeVisible();
    const done = p.getByTestId('export-done');
    await expect(done).toBeVisible(SLOW);
    const fileName = `P3205020101_${previousPeriod()}_r1.siklus`;
    await expect(done).toContainText(fileName);
    expect(fs.readdirSync(flashdisk)).toEqual([fileName]);
    await screenshot(p, 'bundle-export');
    await p.getByRole('tab', { name: 'Riwayat' }).click();
    await expect(p.getByRole('cell', { name: fileName })).toBeVisible();
    await screenshot(p, 'bundle-history');

    // ---- Dinkes: unlock, import the folder, confirm the fingerprint.
    await nav(d).getByRole('link', { name: 'Terima paket' }).click();
    await d.getByLabel(/^Kata sandi kunci/).fill('kunci-dinkes-garut');
    await d.keyboard.press('Control+s');
    await expect(d.getByText('Kunci Dinkes terbuka untuk sesi ini')).toBeVisible(SLOW);
    await d.getByRole('textbox', { name: 'Folder tujuan' }).fill(flashdisk);
    await d.getByRole('button', { name: 'Impor folder' }).click();
    const pending = d.getByTestId('pending-signer');
    await expect(pending).toBeVisible(SLOW);
    await expect(pending.getByTestId('fingerprint')).toHaveText(signingFingerprint);
    await expect(d.getByTestId('import-results')).toContainText('Menunggu konfirmasi');
    await screenshot(d, 'dinkes-import-pending');
    await pending.getByRole('button', { name: /Sidik jari cocok/ }).click();
    await expect(d.getByTestId('import-results')).toContainText('Diterima', SLOW);
    await expect(pending).toHaveCount(0);
    await screenshot(d, 'dinkes-import');

    // The same file again through the file button: nothing changes, and it says so.
    await d.getByLabel('Pilih berkas…').setInputFiles(path.join(flashdisk, fileName));
    await expect(d.getByTestId('import-results')).toContainText('Sudah ada', SLOW);
    await expect(d.getByTestId('import-results')).toContainText('Tidak ada perubahan');

    // ---- Completeness and recap.
    await nav(d).getByRole('link', { name: 'Kelengkapan' }).click();
    const cell = d.locator(`[data-period="${previousPeriod()}"]`);
    await expect(cell).toHaveAttribute('data-status', /received|late/);
    await expect(d.getByRole('cell', { name: /Puskesmas Karangpawitan/ })).toBeVisible();
    await screenshot(d, 'dinkes-completeness');

    await nav(d).getByRole('link', { name: 'Rekap kabupaten' }).click();
    await expect(d.getByTestId('recap-reporting')).toContainText(
      'Laporan masuk: 1 dari 1 puskesmas',
    );
    await expect(d.getByTestId('recap-table')).toContainText('Cakupan K1 ibu hamil');
    await expect(d.getByTestId('recap-table')).toContainText('Total kabupaten');
    await screenshot(d, 'dinkes-recap');
    await d.getByText('Per desa', { exact: true }).click();
    await expect(d.getByTestId('recap-table')).toContainText('Luar wilayah (semua puskesmas)');
    await screenshot(d, 'dinkes-recap-desa');
    const download = d.waitForEvent('download');
    await d.getByRole('button', { name: 'Unduh Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^rekap-desa_\d{4}-\d{2}_dinkes-kabupaten-garut\.xlsx$/,
    );

    await nav(d).getByRole('link', { name: 'Puskesmas' }).click();
    await expect(d.getByRole('cell', { name: signingFingerprint })).toBeVisible();
    await screenshot(d, 'dinkes-registry');

    // ---- Back at the puskesmas: Dinkes confirmed by phone, the admin marks it received.
    await p.getByRole('button', { name: 'Dinkes sudah menerima' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Dinkes sudah menerima' }).click();
    await expect(p.getByText(/Diterima Dinkes/)).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    await pkmPage.close();
    await dinkesPage.close();
    await pkm.stop();
    await dinkes.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
