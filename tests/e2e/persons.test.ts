import type { Page } from '@playwright/test';
import { invoke, setupViaBridge, signIn, ADMIN } from './bridge';
import { expect, screenshot, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

test('register persons: invalid NIK named, duplicate refused with a link, search as you type, edit, delete, restore', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  await nav(page).getByRole('link', { name: 'Penduduk' }).click();
  await expect(page.getByText('Belum ada penduduk')).toBeVisible();
  await screenshot(page, 'persons-empty');

  // A new person, typed with the keyboard.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Penduduk baru' })).toBeVisible();
  await page.getByLabel('NIK', { exact: true }).fill('3205024503900001');
  await expect(page.getByText('Perempuan, lahir 05-03-..90')).toBeVisible();
  await page.getByLabel('Nomor KK').fill('3205021201100005');
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Siti Aminah');
  await page.getByText('Perempuan', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Tanggal lahir', exact: true }).fill('05031990');
  await expect(page.getByText(/Umur: 36 th 8 bl/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Desa/kelurahan' }).click();
  await page.getByRole('option', { name: 'Situgede' }).click();
  await page.getByLabel('RT').fill('002');
  await page.getByLabel('RW').fill('005');
  await screenshot(page, 'person-form');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 1, name: 'Siti Aminah' })).toBeVisible();
  await screenshot(page, 'person-card');

  // An invalid NIK: refused, the message names the field; nothing saved.
  await page.goto(`${harness.url}#/penduduk/baru`);
  await page.getByLabel('NIK', { exact: true }).fill('3205027503900001');
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Salah NIK');
  await page.getByText('Laki-laki', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Tanggal lahir', exact: true }).fill('05031990');
  await page.getByRole('combobox', { name: 'Desa/kelurahan' }).click();
  await page.getByRole('option', { name: 'Situgede' }).click();
  await page.getByRole('button', { name: /Simpan/ }).click();
  await expect(
    page.getByText('tanggal lahir 75 tidak valid (laki-laki 01–31, perempuan 41–71)').first(),
  ).toBeVisible();
  await screenshot(page, 'person-form-invalid-nik');

  // The same NIK again: refused, with a link to the person who has it.
  await page.getByLabel('NIK', { exact: true }).fill('3205024503900001');
  await expect(page.getByText('NIK ini sudah terdaftar atas nama Siti Aminah.')).toBeVisible();
  await page.getByRole('button', { name: /Simpan/ }).click();
  await expect(
    page.getByText('sudah terdaftar atas nama Siti Aminah', { exact: false }).first(),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Buka data itu' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siti Aminah' })).toBeVisible();

  // A second person in the same household, then search as you type.
  await invoke(page, 'persons.create', {
    person: {
      name: 'Ahmad Soetjipto',
      sex: 'L',
      birthDate: '1958-07-01',
      nik: '3205020107580003',
      noKk: '3205021201100005',
      desaId: (await invoke<{ id: string }[]>(page, 'desa.list'))[0]!.id,
    },
  });
  await nav(page).getByRole('link', { name: 'Penduduk' }).click();
  const search = page.getByRole('textbox', { name: 'Cari' });
  await search.fill('sucip');
  await expect(page.getByTestId('persons-count')).toHaveText('1 penduduk');
  await expect(page.getByRole('cell', { name: 'Ahmad Soetjipto' })).toBeVisible();
  await search.fill('aminah siti');
  await expect(page.getByRole('cell', { name: 'Siti Aminah' })).toBeVisible();
  await search.fill('320502');
  await expect(page.getByTestId('persons-count')).toHaveText('2 penduduk');
  await screenshot(page, 'persons-search');
  // A fast clerk: ↓ and Enter before the rows for "siti" have come (held back here) open the
  // first row of the new search, not Ahmad, the first row still shown from the last one.
  await page.route('**/__siklus/invoke', async (route) => {
    const call = route.request().postDataJSON() as { channel: string; input: { q?: string } };
    if (call.channel === 'persons.search' && call.input.q === 'siti') {
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    await route.continue();
  });
  await search.fill('siti');
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Siti Aminah' })).toBeVisible();
  await page.unroute('**/__siklus/invoke');
  await expect(page.getByRole('link', { name: 'Ahmad Soetjipto' })).toBeVisible(); // household

  // Edit.
  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('heading', { name: /Ubah data penduduk/ })).toBeVisible();
  await page.getByLabel('Telepon').fill('0812 3456 7890');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('cell', { name: '0812 3456 7890' })).toBeVisible();

  // Soft delete with a reason, then restore (admin).
  await page.getByRole('button', { name: 'Hapus' }).click();
  await page.getByLabel('Alasan').fill('Data ganda');
  await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByText(/Data ini dihapus pada .* Alasan: Data ganda/)).toBeVisible();
  await page.getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByText(/Data ini dihapus/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hapus' })).toBeVisible();
});

test('a pembaca is refused by the main process, not only by a hidden button', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  await invoke(page, 'users.create', {
    username: 'pembaca1',
    fullName: 'Pak Pembaca',
    role: 'pembaca',
    password: 'baca-saja-1',
  });
  await page.getByRole('button', { name: /Dewi|Admin Puskesmas/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await signIn(page, 'pembaca1', 'baca-saja-1');
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
  await page.getByLabel('Kata sandi saat ini').fill('baca-saja-1');
  await page.getByLabel('Kata sandi baru').fill('baca-saja-2');
  await page.getByLabel('Ulangi kata sandi').fill('baca-saja-2');
  await page.getByRole('button', { name: /Simpan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();

  // The UI shows no write buttons; the form route still exists. Saving is refused by main.
  await page.goto(`${harness.url}#/penduduk/baru`);
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Coba Simpan');
  await page.getByText('Laki-laki', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Tanggal lahir', exact: true }).fill('05031990');
  await page.getByRole('combobox', { name: 'Desa/kelurahan' }).click();
  await page.getByRole('option', { name: 'Situgede' }).click();
  await page.getByRole('button', { name: /Simpan/ }).click();
  await expect(page.getByText('Peran Anda tidak diizinkan melakukan ini.')).toBeVisible();
  const direct = await page.evaluate(() =>
    window.siklus!.invoke('persons.create', {
      person: { name: 'X', sex: 'L', birthDate: '1990-01-01', desaId: null, outsideAddress: 'x' },
    }),
  );
  expect(direct).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const { total } = await invoke<{ total: number }>(page, 'persons.search', {});
  expect(total).toBe(0);
  void ADMIN;
});
