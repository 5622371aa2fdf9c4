import type { Page } from '@playwright/test';
import { invoke, setupViaBridge, signIn } from './bridge';
import { expect, screenshot, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

/** A date `days` from today (WIB, as the harness's facility), as ISO and as typed (DDMMYYYY). */
function day(days: number): { iso: string; typed: string } {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  return { iso, typed: `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` };
}

async function addPerson(
  page: Page,
  person: { name: string; sex: 'L' | 'P'; birthDate: string },
): Promise<string> {
  const desa = await invoke<{ id: string }[]>(page, 'desa.list');
  const saved = await invoke<{ person: { id: string } }>(page, 'persons.create', {
    person: { ...person, desaId: desa[0]!.id },
    confirmNotDuplicate: true,
  });
  return saved.person.id;
}

test('screen an adult (150/95, GDS 230), confirm hypertension, two kontrol visits change terkendali', async ({
  page,
  harness,
}) => {
  test.slow(); // a long clerk's story: screening, diagnosis, two visits, register, card
  await setupViaBridge(page, harness.url);
  await addPerson(page, { name: 'Budi Santoso', sex: 'L', birthDate: '1981-03-10' });
  await nav(page).getByRole('link', { name: 'Klaster 3 Dewasa & Lansia' }).click();
  await expect(page.getByText(/Belum ada skrining PTM pada tahun \d{4}\./)).toBeVisible();
  await screenshot(page, 'adult-screening-empty');

  // Alt+N: pick the person by keyboard.
  await page.keyboard.press('Alt+N');
  await page.getByRole('textbox', { name: 'Pilih penduduk' }).fill('budi');
  await expect(page.getByRole('option', { name: /Budi Santoso/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Skrining PTM: Budi Santoso' })).toBeVisible();

  // The date has the focus; Enter walks the form. Type the values; classes appear as typed.
  await expect(page.getByRole('textbox', { name: 'Tanggal skrining' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Sistolik (mmHg)' }).fill('150');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Diastolik (mmHg)' })).toBeFocused();
  await page.keyboard.type('95');
  const card = page.getByTestId('result-card');
  await expect(card.getByTestId('card-line-tekananDarah')).toContainText('Hipertensi derajat 1');
  await expect(card.getByTestId('card-line-tekananDarah')).toContainText('Rujuk');
  await page.getByRole('textbox', { name: 'Berat badan (kg)' }).fill('72');
  await page.getByRole('textbox', { name: 'Tinggi badan (cm)' }).fill('165');
  await expect(page.getByTestId('imt-live')).toHaveText('IMT 26,4 — Obesitas I');
  // 45 years old: GDP is proposed (CKG); key 1 picks GDS.
  const glucose = page.getByRole('radiogroup', { name: 'Jenis gula darah' });
  await expect(glucose.getByRole('radio', { name: /GDP/ })).toHaveAttribute('aria-checked', 'true');
  await glucose.focus();
  await page.keyboard.press('1');
  await expect(page.getByRole('textbox', { name: 'Hasil (mg/dL)' })).toBeFocused();
  await page.keyboard.type('230');
  await expect(card.getByTestId('card-line-gulaDarah')).toContainText(
    'Curiga DM, rujuk/konfirmasi',
  );
  await page.getByRole('radiogroup', { name: 'Merokok' }).focus();
  await page.keyboard.press('3');
  await expect(card.getByTestId('card-line-merokok')).toContainText('Perokok aktif');
  await expect(card).toContainText('Tindak lanjut: Rujuk');
  await screenshot(page, 'adult-screening-form');

  await page.keyboard.press('Control+s');
  await expect(
    page.getByRole('heading', { name: 'Ubah skrining PTM: Budi Santoso' }),
  ).toBeVisible();
  await expect(card.getByTestId('card-line-tekananDarah')).toContainText('150/95 mmHg');
  await screenshot(page, 'adult-screening-saved');

  // Confirm hypertension, diagnosed two months ago.
  await card.getByRole('button', { name: 'Konfirmasi hipertensi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Tanggal diagnosis' }).fill(day(-60).typed);
  await expect(dialog.getByRole('combobox', { name: 'Kode ICD-10' })).toHaveValue(/I10/);
  await screenshot(page, 'adult-confirm-ht');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Kontrol PTM: Budi Santoso' })).toBeVisible();
  await expect(page.getByTestId('control-ht')).toHaveText('Data belum cukup');

  // First kontrol a month ago: 150/95 → not controlled.
  await page.keyboard.press('Alt+K');
  const kontrol = page.getByRole('dialog');
  await kontrol.getByRole('textbox', { name: 'Tanggal kontrol' }).fill(day(-30).typed);
  await kontrol.getByRole('textbox', { name: 'Sistolik (mmHg)' }).fill('150');
  await kontrol.getByRole('textbox', { name: 'Diastolik (mmHg)' }).fill('95');
  await expect(kontrol.getByTestId('kontrol-bp-class')).toHaveText('Hipertensi derajat 1');
  await expect(kontrol.getByTestId('kontrol-preview')).toContainText(
    'Setelah disimpan: Hipertensi tidak terkendali',
  );
  await kontrol.getByRole('combobox', { name: 'Obat yang diberikan' }).click();
  await page.getByRole('option', { name: 'Amlodipin' }).click();
  await kontrol.getByRole('radiogroup', { name: 'Kepatuhan minum obat' }).focus();
  await page.keyboard.press('2');
  await screenshot(page, 'adult-kontrol-form');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('control-ht')).toHaveText('Tidak terkendali');

  // Second kontrol today: 130/80 → controlled.
  await page.keyboard.press('Alt+K');
  await expect(kontrol.getByRole('textbox', { name: 'Tanggal kontrol' })).toBeFocused();
  await kontrol.getByRole('textbox', { name: 'Sistolik (mmHg)' }).fill('130');
  await kontrol.getByRole('textbox', { name: 'Diastolik (mmHg)' }).fill('80');
  await expect(kontrol.getByTestId('kontrol-preview')).toContainText('Hipertensi terkendali');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('control-ht')).toHaveText('Terkendali');
  await expect(page.getByTestId('kontrol-table').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('chart-bp').getByRole('img')).toHaveAttribute(
    'aria-label',
    /3 pengukuran/,
  );
  await screenshot(page, 'adult-patient-page');

  // The HT register and its work lists.
  await page.goto(`${harness.url}#/klaster-3/hipertensi`);
  await expect(page.getByRole('cell', { name: 'Budi Santoso' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Budi Santoso/ })).toContainText('Terkendali');
  await expect(page.getByText('Tidak terkendali (0)')).toBeVisible();
  await screenshot(page, 'adult-register-ht');

  // The person card's Klaster 3 tab.
  await page.getByRole('row', { name: /Budi Santoso/ }).click();
  await page.getByRole('link', { name: /Laki-laki · 45 th/ }).click();
  await page.getByRole('tab', { name: 'Klaster 3 · Dewasa & Lansia' }).click();
  await expect(page.getByTestId('k3-tab')).toContainText('Sudah skrining PTM tahun ini.');
  await expect(page.getByTestId('k3-tab')).toContainText('Hipertensi (I10)');
  await page.getByTestId('k3-tab').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await screenshot(page, 'adult-person-tab');
});

test('lansia: SKILAS with one positive domain and a Barthel of 15, from the lansia list', async ({
  page,
  harness,
}) => {
  test.slow();
  await setupViaBridge(page, harness.url);
  await addPerson(page, { name: 'Mbah Karsih', sex: 'P', birthDate: '1950-04-02' });
  await page.goto(`${harness.url}#/klaster-3/lansia`);
  await expect(page.getByRole('row', { name: /Mbah Karsih/ })).toContainText('Belum');
  await screenshot(page, 'adult-lansia-list');
  await page.getByTestId('virtual-table-body').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'SKILAS dan ADL: Mbah Karsih' })).toBeVisible();

  // SKILAS by keyboard: Y/T answers, the number of words, the chair-stand time, LiLA.
  await page.getByRole('radiogroup', { name: /Tanggal berapa sekarang/ }).focus();
  await page.keyboard.press('y'); // orientasi waktu benar
  await page.keyboard.press('y'); // orientasi tempat benar
  await page.keyboard.press('3'); // three words recalled
  await page.keyboard.press('t'); // able to do the chair stand
  await page.keyboard.type('15,2'); // > 14 s: positive
  await page.keyboard.press('Enter');
  await page.keyboard.press('t'); // no weight loss
  await page.keyboard.press('t'); // appetite fine
  await page.keyboard.type('23');
  await page.keyboard.press('Enter');
  await page.keyboard.press('t'); // no eye problems…
  await page.keyboard.press('y'); // …and counts fingers correctly
  await page.keyboard.press('1'); // hears the whisper
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await expect(page.getByTestId('domain-mobilisasi')).toHaveText('Positif');
  await expect(page.getByTestId('domain-kognitif')).toHaveText('Tidak ada temuan');

  // Barthel: the score keys, item by item (2+1+1+1+2+2+2+1+2+1 = 15).
  await page.getByRole('radiogroup', { name: /Mengendalikan rangsang BAB/ }).focus();
  for (const score of ['2', '1', '1', '1', '2', '2', '2', '1', '2', '1']) {
    await page.keyboard.press(score);
  }
  await expect(page.getByTestId('barthel-total')).toHaveText('Total 15/20');
  const card = page.getByTestId('result-card');
  await expect(card.getByTestId('card-line-skilas')).toContainText(
    'Rujuk ke Puskesmas: Keterbatasan mobilisasi (SPPB)',
  );
  await expect(card.getByTestId('card-line-barthel')).toContainText('Ketergantungan ringan');
  await expect(card.getByTestId('card-line-barthel')).toContainText('skor 15/20');
  await screenshot(page, 'adult-lansia-form');
  await page.keyboard.press('Control+s');
  await expect(
    page.getByRole('heading', { name: 'Ubah skrining lansia: Mbah Karsih' }),
  ).toBeVisible();

  await page.goto(`${harness.url}#/klaster-3/lansia`);
  const row = page.getByRole('row', { name: /Mbah Karsih/ });
  await expect(row).toContainText('Rujuk: Keterbatasan mobilisasi');
  await expect(row).toContainText('15/20 · Ringan');
  await expect(row).toContainText('Sudah');
  await screenshot(page, 'adult-lansia-list-done');
});

test('impossible input is named and nothing is saved: BP 40/120, waist 400 cm, SKILAS at 30', async ({
  page,
  harness,
}) => {
  test.slow();
  await setupViaBridge(page, harness.url);
  const ani = await addPerson(page, { name: 'Ani Lestari', sex: 'P', birthDate: '1996-05-05' });

  await page.goto(`${harness.url}#/klaster-3/skrining/baru/${ani}`);
  await page.getByRole('textbox', { name: 'Sistolik (mmHg)' }).fill('40');
  await page.getByRole('textbox', { name: 'Diastolik (mmHg)' }).fill('120');
  await page.getByRole('textbox', { name: 'Lingkar perut (cm)' }).fill('400');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('harus antara 60 dan 300 mmHg')).toBeVisible();
  await expect(page.getByText('harus lebih rendah dari sistolik (40 mmHg)')).toBeVisible();
  await expect(page.getByText('harus antara 40 dan 250 cm')).toBeVisible();
  await screenshot(page, 'adult-screening-refused');
  expect((await invoke<{ total: number }>(page, 'adult.screening.list', {})).total).toBe(0);

  // SKILAS for a 30-year-old: the form starts without it; switched on, it is refused by age.
  await page.goto(`${harness.url}#/klaster-3/lansia/baru/${ani}`);
  await page.getByRole('switch', { name: 'Isi SKILAS' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('radiogroup', { name: /Tanggal berapa sekarang/ }).focus();
  for (const key of ['y', 'y', '3', 't']) await page.keyboard.press(key);
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  for (const key of ['t', 'y', '1', 't', 't']) await page.keyboard.press(key);
  await expect(page.getByTestId('result-card')).toContainText(
    'Usia: SKILAS hanya untuk usia ≥ 60 tahun (usia 30 tahun)',
  );
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('alert')).toHaveText(
    'Usia: SKILAS hanya untuk usia ≥ 60 tahun (usia 30 tahun)',
  );
  await screenshot(page, 'adult-lansia-refused');
  const summary = await invoke<{ lansia: unknown[] }>(page, 'adult.person.summary', {
    personId: ani,
  });
  expect(summary.lansia).toHaveLength(0);
});

test('settings: an admin chooses the BP table and the terkendali definition', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  await page.goto(`${harness.url}#/klaster-3/pengaturan`);
  await expect(page.getByRole('radio', { name: /PERHI\/ESH 2023/ })).toBeChecked();
  await page.getByRole('radio', { name: /JNC 7/ }).click();
  await expect(page.getByText('Pengaturan disimpan')).toBeVisible();
  await page.getByRole('radio', { name: /3 bulan berturut-turut/ }).click();
  await screenshot(page, 'adult-settings');
  expect(await invoke(page, 'adult.settings.get')).toMatchObject({
    bp: 'bp.jnc7',
    htControl: 'ht-control.3-consecutive-months',
  });
});

test('with demo data: registers, work lists, lansia and a patient with a year of visits', async ({
  page,
  demo: harness,
}) => {
  test.slow();
  await page.goto(harness.url);
  await signIn(page, 'admin', 'siklus-demo-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();

  await page.goto(`${harness.url}#/klaster-3`);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'adult-demo-screening-list');

  await page.goto(`${harness.url}#/klaster-3/hipertensi`);
  await page.getByText(/^Mangkir ≥ 2 bulan \(\d+\)$/).click();
  await expect(page.getByRole('row').nth(1)).toContainText(/\d/);
  await screenshot(page, 'adult-demo-ht-mangkir');
  await page.getByText(/^Semua \(\d+\)$/).click();
  await page.getByTestId('virtual-table-body').focus();
  await page.keyboard.press('End');
  await expect(page.locator('[role=row][aria-selected=true]')).toContainText(/\p{L}/u);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Kontrol PTM: / })).toBeVisible();
  await expect(page.getByTestId('register-ht')).toBeVisible();
  await screenshot(page, 'adult-demo-patient');

  await page.goto(`${harness.url}#/klaster-3/diabetes`);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'adult-demo-dm');

  await page.goto(`${harness.url}#/klaster-3/lansia`);
  await page.getByText(/^SKILAS terakhir: rujuk \(\d+\)$/).click();
  await expect(page.getByRole('row').nth(1)).toContainText('Rujuk');
  await screenshot(page, 'adult-demo-lansia');
});
