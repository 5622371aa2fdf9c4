import type { Page } from '@playwright/test';
import { invoke, setupViaBridge } from './bridge';
import { expect, screenshot, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

/** ISO date `days` from today (the harness runs on the real clock). */
function isoDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** What a clerk types into a date field: `DDMMYYYY`. */
const typed = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('kohort ibu: register a pregnancy, contacts raise KEK and hypertension, twins become persons, the kohort row fills', async ({
  page,
  harness,
}) => {
  test.setTimeout(150_000);
  await setupViaBridge(page, harness.url);
  const desa = await invoke<{ id: string }[]>(page, 'desa.list');
  await invoke(page, 'persons.create', {
    person: {
      nik: '3205024503900001',
      noKk: '3205021201100005',
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
      desaId: desa[1]!.id,
      rt: '002',
      rw: '005',
      phone: '0812 1111 2222',
    },
  });
  const hpht = isoDays(-310);

  await nav(page).getByRole('link', { name: 'Klaster 2 Ibu & Anak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klaster 2 · Ibu' })).toBeVisible();
  await expect(page.getByText('Belum ada kehamilan tercatat')).toBeVisible();
  await screenshot(page, 'k2-kohort-empty');

  // Register the pregnancy: pick the mother by keyboard, type the dates.
  await page.keyboard.press('Alt+N');
  await page.getByRole('textbox', { name: 'Pilih ibu' }).fill('siti');
  await expect(page.getByRole('cell', { name: 'Siti Aminah' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'Daftarkan kehamilan: Siti Aminah' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'HPHT' }).fill(typed(hpht));
  await page.getByLabel('Gravida').fill('2');
  await page.getByLabel('Paritas').fill('1');
  await page.getByLabel('Tinggi badan (cm)').fill('150');
  await page.getByLabel('BB sebelum hamil (kg)').fill('48');
  await expect(page.getByTestId('pregnancy-derived')).toContainText('HPL:');
  await expect(page.getByTestId('pregnancy-derived')).toContainText(
    'IMT sebelum hamil: 21,3 (Normal)',
  );
  await screenshot(page, 'k2-pregnancy-form');
  await page.keyboard.press('Control+s');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kehamilan Siti Aminah' }),
  ).toBeVisible();
  await expect(page.getByText('Belum ada kontak ANC')).toBeVisible();

  // K1 with a LILA of 22 cm: KEK shows while typing and on the card.
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('heading', { name: /Kontak ANC baru/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tanggal kunjungan' }).fill(typed(isoDays(-250)));
  await page.getByLabel('LILA (cm)').fill('22');
  await page.getByLabel('TD sistolik').fill('110');
  await page.getByLabel('TD diastolik').fill('70');
  await page.getByLabel('Diperiksa dokter').check();
  await expect(page.getByTestId('anc-derived')).toContainText('Kontak ini: K1 (K1 murni)');
  await expect(page.getByTestId('anc-derived').getByText('KEK')).toBeVisible();
  await screenshot(page, 'k2-anc-form-kek');
  await page.keyboard.press('Control+s');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kehamilan Siti Aminah' }),
  ).toBeVisible();
  await expect(page.getByTestId('pregnancy-flags').getByText('KEK')).toBeVisible();

  // K2 with a high blood pressure.
  await page.keyboard.press('Alt+A');
  await page.getByRole('textbox', { name: 'Tanggal kunjungan' }).fill(typed(isoDays(-200)));
  await page.getByLabel('TD sistolik').fill('150');
  await page.getByLabel('TD diastolik').fill('95');
  await expect(page.getByTestId('anc-derived').getByText('Hipertensi')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('pregnancy-flags').getByText('Hipertensi')).toBeVisible();

  // Impossible input: named next to its field, and nothing is saved.
  await page.keyboard.press('Alt+A');
  await page.getByRole('textbox', { name: 'Tanggal kunjungan' }).fill(typed(isoDays(-320)));
  await page.getByLabel('LILA (cm)').fill('3');
  await page.getByLabel('TD sistolik').fill('300');
  await page.getByLabel('TD diastolik').fill('20');
  await expect(page.getByText(/tidak boleh sebelum HPHT/)).toBeVisible();
  await expect(page.getByText('harus antara 10 dan 60 cm')).toBeVisible();
  await expect(page.getByText('harus antara 60 dan 260 mmHg')).toBeVisible();
  await screenshot(page, 'k2-anc-form-invalid');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: /Kontak ANC baru/ })).toBeVisible();
  await page.getByLabel('LILA (cm)').press('Escape');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kehamilan Siti Aminah' }),
  ).toBeVisible();
  await expect(page.getByTestId('anc-table').getByRole('row')).toHaveCount(3);

  // The rest of the contacts, through the bridge.
  const pregnancyId = page.url().split('/kehamilan/')[1]!;
  for (const [days, byDoctor] of [
    [-160, false],
    [-120, false],
    [-80, true],
    [-55, false],
  ] as const) {
    await invoke(page, 'maternal.saveAnc', {
      pregnancyId,
      contact: { visitDate: isoDays(days), place: 'puskesmas', byDoctor },
    });
  }
  await page.reload();
  await expect(page.getByTestId('k6-status')).toContainText('Lengkap');

  // The delivery: twins, typed by keyboard.
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('heading', { name: 'Persalinan: Siti Aminah' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Tanggal & jam persalinan', exact: true })
    .fill(typed(isoDays(-35)));
  await page.getByRole('textbox', { name: 'Tanggal & jam persalinan — Jam' }).fill('0830');
  await pick(page, 'Tempat persalinan', 'Puskesmas (rawat inap/PONED)');
  await pick(page, 'Penolong', 'Bidan');
  await page
    .getByRole('radiogroup', { name: 'Jumlah bayi' })
    .getByText('2', { exact: true })
    .click();
  await page
    .getByRole('radiogroup', { name: 'Bayi 1 Jenis kelamin' })
    .getByText('Laki-laki')
    .click();
  await page
    .getByRole('radiogroup', { name: 'Bayi 2 Jenis kelamin' })
    .getByText('Perempuan')
    .click();
  await page.getByLabel('Berat lahir (gram)').first().fill('2400');
  await page.getByLabel('Berat lahir (gram)').nth(1).fill('2600');
  await expect(page.getByTestId('delivery-derived')).toContainText(
    'Persalinan di fasyankes oleh nakes: Ya',
  );
  await expect(page.getByText('⚠ BBLR')).toBeVisible();
  await screenshot(page, 'k2-delivery-form');
  await page.keyboard.press('Control+s');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kehamilan Siti Aminah' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'By. Ny. Siti 1' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'By. Ny. Siti 2' })).toBeVisible();
  await expect(page.getByTestId('pregnancy-status')).toContainText('Bersalin');

  // KF1 by keyboard, the other visits through the bridge.
  await page.keyboard.press('Alt+F');
  await page
    .getByRole('textbox', { name: 'Tanggal & jam kunjungan', exact: true })
    .fill(typed(isoDays(-35)));
  await page.getByRole('textbox', { name: 'Tanggal & jam kunjungan — Jam' }).fill('2000');
  await expect(page.getByTestId('nifas-derived')).toContainText('KF1 · 12 jam');
  await page.getByLabel('Kapsul vitamin A diberikan').check();
  await screenshot(page, 'k2-nifas-form');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('nifas-table')).toContainText('KF1');
  for (const days of [-31, -25, -5]) {
    await invoke(page, 'maternal.saveNifas', {
      pregnancyId,
      visit: {
        visitedAt: `${isoDays(days)}T09:00+07:00`,
        place: 'rumah',
        kbMethod: days === -25 ? 'SUNTIK_3_BULAN' : null,
      },
    });
  }
  await page.reload();
  await expect(page.getByTestId('nifas-status')).toContainText('Lengkap');
  await screenshot(page, 'k2-pregnancy-card');

  // The mother's babies are in the registry, linked to her.
  await page.getByRole('link', { name: 'By. Ny. Siti 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'By. Ny. Siti 1' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Siti Aminah' }).first()).toBeVisible();

  // The kohort row is complete: K1…K6, the delivery, KF1…KF4 and the flags.
  await nav(page).getByRole('link', { name: 'Klaster 2 Ibu & Anak' }).click();
  await expect(page.getByTestId('kohort-count')).toHaveText('1 kehamilan');
  const row = page.getByRole('row').filter({ hasText: 'Siti Aminah' });
  await expect(row.getByRole('cell')).toHaveCount(4 + 6 + 1 + 4 + 1);
  // Every K, the delivery and every KF cell holds a date (dd/mm), none is empty.
  await expect(row.getByRole('cell').filter({ hasText: /^\d{2}\/\d{2}$/ })).toHaveCount(6 + 1 + 4);
  await expect(row).toContainText('KEK');
  await screenshot(page, 'k2-kohort');

  await page.getByRole('tab', { name: 'Daftar kerja' }).click();
  await expect(page.getByText('Ibu hamil dengan satu atau lebih faktor risiko')).toBeVisible();
  await page.getByText('Nifas belum lengkap', { exact: true }).click();
  await screenshot(page, 'k2-worklists');
  await page.getByRole('tab', { name: 'Kohort ibu' }).click();
  await expect(page.getByRole('tab', { name: 'Kohort ibu' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(row).toContainText('KEK');

  // The person card's Klaster 2 · Ibu tab.
  await page.goto(`${harness.url}#/penduduk`);
  await page.getByRole('textbox', { name: 'Cari' }).fill('siti aminah');
  await page.getByRole('cell', { name: 'Siti Aminah' }).click();
  await page.getByRole('tab', { name: 'Klaster 2 · Ibu' }).click();
  await expect(page.getByText('Suntik 3 bulan')).toBeVisible();
  await screenshot(page, 'k2-person-tab');
});
