import { expect, screenshot, test } from './fixtures';

test('first run: the wizard validates each step, can go back, and signs the admin in', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Siklus' })).toBeVisible();
  await screenshot(page, 'setup-1-mode');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Profile: nothing filled → the required fields are named.
  await expect(page.getByLabel('Nama')).toBeFocused();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('wajib diisi').first()).toBeVisible();
  await page.getByLabel('Nama').fill('Puskesmas Karangpawitan');
  await page.getByLabel('Kode puskesmas').fill('P 3205');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('tidak boleh berisi spasi')).toBeVisible();
  await page.getByLabel('Kode puskesmas').fill('P3205020101');

  await page.getByRole('combobox', { name: 'Provinsi' }).fill('jawa bar');
  await page.getByRole('option', { name: /Jawa Barat/ }).click();
  await page.getByRole('combobox', { name: 'Kabupaten/kota' }).fill('garut');
  await page.getByRole('option', { name: /Kabupaten Garut/ }).click();
  await page.getByRole('combobox', { name: 'Kecamatan' }).fill('karangpaw');
  await page.getByRole('option', { name: /Karangpawitan/ }).click();
  await expect(page.getByRole('radio', { name: 'WIB (UTC+7)' })).toBeChecked();
  await page.getByLabel('Telepon').fill('0262 123456');
  await screenshot(page, 'setup-2-profile');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Wilayah kerja: at least one desa.
  await expect(page.getByText('Karangpawitan', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('pilih paling sedikit satu desa/kelurahan')).toBeVisible();
  await page.getByRole('checkbox', { name: /Suci Kaler/ }).check();
  await page.getByRole('checkbox', { name: /^Situgede/ }).check();
  await expect(page.getByText('2 desa/kelurahan dipilih')).toBeVisible();
  await screenshot(page, 'setup-3-area');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Back to the previous step keeps what was chosen.
  await page.getByRole('button', { name: 'Kembali' }).click();
  await expect(page.getByText('2 desa/kelurahan dipilih')).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Admin account, typed with Enter moving to the next field.
  await page.getByLabel('Nama lengkap').fill('Dewi Admin');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('rahasia-admin-1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('rahasia-lain');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('tidak sama dengan kata sandi')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi').fill('rahasia-admin-1');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByText('Periksa sekali lagi')).toBeVisible();
  await screenshot(page, 'setup-5-summary');
  await page.getByRole('button', { name: 'Selesai dan simpan' }).click();

  // Signed in as the new admin, in the app.
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Puskesmas Karangpawitan');
  await expect(page.getByRole('banner')).toContainText('Dewi Admin');
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: 'Klaster 1 Manajemen' })
    .click();
  await expect(page.getByRole('cell', { name: 'Suci Kaler' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'kelurahan' }).first()).toBeVisible();
  await screenshot(page, 'k1-wilayah');
});
