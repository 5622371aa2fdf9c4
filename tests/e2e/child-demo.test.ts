import { signIn } from './bridge';
import { expect, screenshot, test } from './fixtures';

test('demo puskesmas: balita register, a stunted child with KMS charts, sasaran imunisasi, Vitamin A round', async ({
  page,
  demo,
}) => {
  test.setTimeout(120_000);
  await page.goto(demo.url);
  await signIn(page, 'admin', 'siklus-demo-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();

  await page.goto(`${demo.url}#/klaster-2/anak`);
  await expect(page.getByRole('heading', { level: 1, name: 'Klaster 2 · Anak' })).toBeVisible();
  await expect(page.getByTestId('child-count')).toHaveText(/^\d+ balita$/);
  await screenshot(page, 'child-register');

  // Stunted children: open the first with Enter.
  await page.getByRole('combobox', { name: 'Perlu perhatian' }).click();
  await page.getByRole('option', { name: /Stunting/ }).click();
  await expect(page.getByRole('cell', { name: /pendek/i }).first()).toBeVisible();
  await screenshot(page, 'child-register-stunting');
  await page.getByRole('textbox', { name: 'Cari' }).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Grafik pertumbuhan (KMS)')).toBeVisible();
  await expect(page.getByTestId('kms-wfa').getByTestId('kms-point').first()).toBeVisible();
  await screenshot(page, 'child-card-growth');
  await page.locator('label', { hasText: 'PB/U atau TB/U' }).click();
  await expect(page.getByTestId('kms-lhfa')).toBeVisible();
  await page.getByTestId('kms-lhfa').scrollIntoViewIfNeeded();
  await screenshot(page, 'child-card-kms-length');
  await page.getByRole('tab', { name: 'Imunisasi' }).click();
  await expect(page.getByText('Jadwal imunisasi')).toBeVisible();
  await screenshot(page, 'child-card-immunization');

  // Printing the KMS: only the charts go on paper.
  await page.getByRole('tab', { name: 'Pertumbuhan' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.classList.add('siklus-print'));
  await screenshot(page, 'child-kms-print');
  await page.evaluate(() => document.body.classList.remove('siklus-print'));
  await page.emulateMedia({ media: 'screen' });

  // Sasaran imunisasi of a posyandu: pick it by keyboard.
  await page.goto(`${demo.url}#/klaster-2/anak/sasaran`);
  await page.getByRole('combobox', { name: 'Posyandu' }).fill('Posyandu');
  await page.keyboard.press('Enter');
  await expect(
    page.getByTestId('sasaran-table').or(page.getByText('Tidak ada anak dengan dosis')),
  ).toBeVisible();
  await screenshot(page, 'child-sasaran');

  await page.goto(`${demo.url}#/klaster-2/anak/vitamin-a`);
  await expect(page.getByTestId('round-table')).toBeVisible();
  await screenshot(page, 'child-vitamin-a-round');

  await page.goto(`${demo.url}#/klaster-2/anak/pengaturan`);
  await expect(page.getByText('Tabel KBM (kenaikan berat badan minimal)')).toBeVisible();
  await screenshot(page, 'child-settings');
});
