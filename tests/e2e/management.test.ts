import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { invoke, setupViaBridge } from './bridge';
import { expect, screenshot, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });

interface Desa {
  id: string;
  code: string;
  name: string;
}

/** Today at the puskesmas (WIB), plus `days`, as typed in a date field: DDMMYYYY. */
function wibDate(days: number): { typed: string; shown: string } {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, dd] = d.split('-');
  return { typed: `${dd}${m}${y}`, shown: `${dd}-${m}-${y}` };
}

async function openKlaster1(page: Page, tab: string) {
  await nav(page).getByRole('link', { name: 'Klaster 1 Manajemen' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('sasaran: two desa typed by keyboard, a third estimated from its population, totals', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  const desa = await invoke<Desa[]>(page, 'desa.list');
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  await openKlaster1(page, 'Sasaran');
  await expect(page.getByText(`Belum ada sasaran tahun ${year}.`)).toBeVisible();
  await expect(page.getByTestId('sasaran-count')).toHaveText('0 dari 4 desa berisi sasaran');
  await screenshot(page, 'k1-sasaran-empty');

  // First desa: focus its row, Enter opens the form, type, Enter moves on, Ctrl+S saves.
  const row = (name: string) => page.getByRole('row', { name, exact: true });
  await row(desa[0]!.name).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Jumlah penduduk' })).toBeFocused();
  await page.keyboard.type('5000');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Ibu hamil' })).toBeFocused();
  await page.keyboard.type('91');
  await page.keyboard.press('Enter');
  await page.keyboard.type('87'); // ibu bersalin
  await dialog.getByRole('textbox', { name: 'Balita' }).fill('400');
  await screenshot(page, 'k1-sasaran-form');
  await page.keyboard.press('Control+s');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`sasaran-${desa[0]!.code}-penduduk`)).toHaveText('5.000');
  await expect(page.getByTestId(`sasaran-${desa[0]!.code}-bumil`)).toHaveText('91');

  // A target above the population is refused beside its field, nothing saved.
  await row(desa[1]!.name).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Jumlah penduduk' })).toBeFocused();
  await page.keyboard.type('3200');
  await page.keyboard.press('Enter');
  await page.keyboard.type('3300');
  await page.keyboard.press('Control+s');
  await expect(
    dialog.getByText('lebih besar dari jumlah penduduk desa (3200)').first(),
  ).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Ibu hamil' }).fill('58');
  await page.keyboard.press('Control+s');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`sasaran-${desa[1]!.code}-bumil`)).toHaveText('58');

  // A third desa estimated from the population typed in the dialog.
  await page.getByRole('button', { name: 'Estimasi dari penduduk' }).click();
  const estimate = page.getByRole('dialog');
  await estimate.getByRole('checkbox', { name: desa[0]!.name }).uncheck();
  await estimate.getByRole('checkbox', { name: desa[1]!.name }).uncheck();
  await estimate.getByRole('textbox', { name: `Jumlah penduduk ${desa[2]!.name}` }).fill('10000');
  await expect(estimate.getByRole('checkbox', { name: desa[2]!.name })).toBeChecked();
  await expect(estimate.getByRole('row', { name: new RegExp(desa[2]!.name) })).toContainText('182');
  await screenshot(page, 'k1-sasaran-estimate');
  await estimate.getByRole('button', { name: /Estimasi 1 desa/ }).click();
  await expect(estimate).toHaveCount(0);
  await expect(page.getByTestId(`sasaran-${desa[2]!.code}-bumil`)).toHaveText('182');
  await expect(page.getByTestId(`sasaran-${desa[2]!.code}-bayi`)).toHaveText('165');
  await expect(page.getByTestId('sasaran-total-penduduk')).toHaveText('18.200');
  await expect(page.getByTestId('sasaran-total-bumil')).toHaveText('331');
  await expect(page.getByTestId('sasaran-count')).toHaveText('3 dari 4 desa berisi sasaran');
  await screenshot(page, 'k1-sasaran-table');
  await page.getByText('Estimasi penderita/berisiko', { exact: true }).click();
  await expect(page.getByTestId(`sasaran-${desa[2]!.code}-ht`)).toHaveText('2.325');
  await screenshot(page, 'k1-sasaran-table-ptm');

  // A puskesmas total split in proportion to the desa populations. While one desa has no
  // population the split by population has nothing to weigh it by.
  await page.getByRole('button', { name: 'Bagi total puskesmas' }).click();
  let split = page.getByRole('dialog');
  await split.getByRole('textbox', { name: 'Total puskesmas' }).fill('1000');
  await split.getByText('Sasaran penduduk desa', { exact: true }).click();
  let preview = split.getByRole('table', { name: 'Pratinjau pembagian' });
  await expect(preview.getByRole('row', { name: new RegExp(desa[3]!.name) })).toContainText(
    'belum diisi',
  );
  await page.keyboard.press('Control+s');
  await expect(split.getByText(new RegExp(`${desa[3]!.name}`)).last()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(split).toHaveCount(0);
  await row(desa[3]!.name).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Jumlah penduduk' })).toBeFocused();
  await page.keyboard.type('1800');
  await page.keyboard.press('Control+s');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Bagi total puskesmas' }).click();
  split = page.getByRole('dialog');
  await split.getByRole('combobox', { name: 'Kelompok sasaran' }).fill('Lansia');
  await page.getByRole('option', { name: 'Lansia ≥ 60 tahun' }).click();
  await split.getByRole('textbox', { name: 'Total puskesmas' }).fill('1000');
  preview = split.getByRole('table', { name: 'Pratinjau pembagian' });
  await expect(preview.getByRole('row', { name: new RegExp(desa[0]!.name) })).toContainText('250');
  await expect(preview.getByRole('row', { name: new RegExp(desa[3]!.name) })).toContainText('90');
  await page.waitForTimeout(300); // let the opening transition finish for the picture
  await screenshot(page, 'k1-sasaran-split');
  await page.keyboard.press('Control+s');
  await expect(split).toHaveCount(0);
  await page.getByText('Usia sekolah sampai lansia', { exact: true }).click();
  await expect(page.getByTestId(`sasaran-${desa[2]!.code}-lansia`)).toHaveText('500');
  await expect(page.getByTestId('sasaran-total-lansia')).toHaveText('1.000');

  // The constants behind the estimate are shown (the admin may edit them).
  await page.getByRole('button', { name: 'Konstanta estimasi' }).click();
  await expect(page.getByRole('textbox', { name: 'Angka kelahiran kasar (‰)' })).toHaveValue(
    '16,5',
  );
  await page.waitForTimeout(400); // let the dialog's opening transition finish for the picture
  await screenshot(page, 'k1-sasaran-constants');
  await page.keyboard.press('Escape');

  // Stored with their sources.
  const table = await invoke<{
    rows: { code: string; cells: Record<string, { source: string }> }[];
  }>(page, 'sasaran.table', { year });
  const third = table.rows.find((r) => r.code === desa[2]!.code)!;
  expect(third.cells.penduduk!.source).toBe('ketik');
  expect(third.cells.bumil!.source).toBe('estimasi');
  expect(table.rows.find((r) => r.code === desa[0]!.code)!.cells.bumil!.source).toBe('ketik');
  expect(third.cells.lansia!.source).toBe('bagi');
});

test('sasaran import: a template with bad cells lists each cell and imports nothing', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  const desa = await invoke<Desa[]>(page, 'desa.list');
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const file = await invoke<{ base64: string }>(page, 'sasaran.export', { year });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
  const ws = workbook.worksheets[0]!;
  const rowOf = (code: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
    throw new Error(code);
  };
  ws.getCell(rowOf(desa[0]!.code), 3).value = 4000; // penduduk
  ws.getCell(rowOf(desa[0]!.code), 4).value = 70; // bumil: fine alone
  ws.getCell(rowOf(desa[1]!.code), 3).value = 100;
  ws.getCell(rowOf(desa[1]!.code), 4).value = 250; // above the population
  ws.getCell(rowOf(desa[2]!.code), 5).value = -4;
  ws.getCell(rowOf(desa[3]!.code), 1).value = '32.05.02.9999';
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await openKlaster1(page, 'Sasaran');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: 'sasaran-dinkes.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const dialog = page.getByRole('dialog', { name: 'Berkas tidak diimpor' });
  await expect(dialog.getByText('3 sel bermasalah')).toBeVisible();
  await expect(
    dialog.getByRole('cell', { name: 'lebih besar dari jumlah penduduk desa (100)' }),
  ).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'paling kecil 0' })).toBeVisible();
  await expect(
    dialog.getByRole('cell', { name: /kode "32.05.02.9999" tidak ada di wilayah kerja/ }),
  ).toBeVisible();
  await screenshot(page, 'k1-sasaran-import-errors');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sasaran-count')).toHaveText('0 dari 4 desa berisi sasaran');

  // Fixed, the same file imports.
  ws.getCell(rowOf(desa[1]!.code), 4).value = 25;
  ws.getCell(rowOf(desa[2]!.code), 5).value = 4;
  ws.getCell(rowOf('32.05.02.9999'), 1).value = desa[3]!.code;
  const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await (
    await again
  ).setFiles({ name: 'sasaran-dinkes.xlsx', mimeType: 'application/octet-stream', buffer: fixed });
  await expect(page.getByText(/Sasaran diimpor: 4 desa/)).toBeVisible();
  await expect(page.getByTestId(`sasaran-${desa[0]!.code}-bumil`)).toHaveText('70');
});

test('SDM and kader: a bidan whose STR ends next month is listed; a kader with skills', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  const desa = await invoke<Desa[]>(page, 'desa.list');
  await openKlaster1(page, 'Tenaga kesehatan');
  await expect(page.getByText('Belum ada tenaga kesehatan.', { exact: false })).toBeVisible();
  await expect(page.getByText('Tidak ada STR/SIP yang berakhir dalam 90 hari.')).toBeVisible();

  await page.keyboard.press('Alt+N');
  const form = page.getByRole('dialog', { name: 'Tambah tenaga kesehatan' });
  await expect(form.getByRole('textbox', { name: 'Nama' })).toBeFocused();
  await page.keyboard.type('Siti Rahmawati, A.Md.Keb');
  await form.getByRole('textbox', { name: 'NIP/NIPPPK' }).fill('198804122010012003');
  await expect(form.getByText('Lahir 12-04-1988, TMT 01-2010, Perempuan')).toBeVisible();
  await form.getByText('Perempuan', { exact: true }).click();
  await form.getByRole('textbox', { name: 'Tanggal lahir' }).fill('12041988');
  await form.getByRole('combobox', { name: 'Profesi' }).click();
  await page.getByRole('option', { name: 'Bidan', exact: true }).click();
  await form.getByRole('combobox', { name: 'Status kepegawaian' }).click();
  await page.getByRole('option', { name: 'PNS' }).click();
  await form.getByRole('textbox', { name: 'Nomor STR' }).fill('KEB 0012345');
  const expiry = wibDate(30);
  await form.getByRole('textbox', { name: 'STR berlaku s.d.' }).fill(expiry.typed);
  await expect(form.getByText(`${expiry.shown} · 30 hr lagi`)).toBeVisible();
  await form.getByRole('textbox', { name: 'Nomor SIP' }).fill('503/SIPB/0012/2024');
  await form.getByRole('textbox', { name: 'SIP berlaku s.d.' }).fill(wibDate(900).typed);
  await screenshot(page, 'k1-nakes-form');
  await page.keyboard.press('Control+s');
  await expect(form).toHaveCount(0);
  const alert = page.getByTestId('nakes-expiring');
  await expect(alert).toContainText('Siti Rahmawati, A.Md.Keb');
  await expect(alert).toContainText(`STR KEB 0012345: berakhir ${expiry.shown} (30 hari lagi)`);
  await expect(page.getByText('STR/SIP berakhir dalam 90 hari: 1')).toBeVisible();
  // A second one, by the bridge, to see the list with more than one row.
  await invoke(page, 'nakes.create', {
    nakes: {
      name: 'dr. Hendra Gunawan',
      sex: 'L',
      profession: 'dokter',
      strNumber: 'DR 445566',
      strLifetime: true,
      sipNumber: '503/SIPD/0101/2025',
      sipExpiry: '2029-03-01',
      klaster: 'k3',
      isPjKlaster: true,
    },
  });
  await page.reload();
  await expect(page.getByRole('cell', { name: /dr. Hendra Gunawan/ })).toBeVisible();
  await screenshot(page, 'k1-nakes-list');

  // A kader with two of the 25 skills.
  await page.getByRole('tab', { name: 'Kader' }).click();
  await expect(page.getByText('Belum ada kader.', { exact: false })).toBeVisible();
  await page.keyboard.press('Alt+N');
  const kader = page.getByRole('dialog', { name: 'Tambah kader' });
  await expect(kader.getByRole('textbox', { name: 'Nama' })).toBeFocused();
  await page.keyboard.type('Ani Suryani');
  await kader.getByRole('combobox', { name: 'Desa/kelurahan' }).click();
  await page.getByRole('option', { name: desa[1]!.name }).click();
  await kader.getByRole('combobox', { name: 'Tingkat kader' }).click();
  await page.getByRole('option', { name: 'Madya' }).click();
  await kader.getByRole('checkbox', { name: /K01 Menjelaskan paket layanan posyandu/ }).check();
  await kader.getByRole('checkbox', { name: /K07 Menimbang berat badan/ }).check();
  await kader.getByRole('textbox', { name: 'Tanggal keterampilan K07' }).fill('10032025');
  await expect(kader.getByTestId('kader-skill-count')).toHaveText('2/25 dikuasai');
  await screenshot(page, 'k1-kader-form');
  await page.keyboard.press('Control+s');
  await expect(kader).toHaveCount(0);
  const kaderRow = page.getByRole('row', { name: /Ani Suryani/ });
  await expect(kaderRow).toContainText(desa[1]!.name);
  await expect(kaderRow).toContainText('Madya');
  await expect(kaderRow).toContainText('2/25');
  await screenshot(page, 'k1-kader-list');
});

test('jejaring lists: Pustu with its staff gaps, FKTP lain, posyandu with strata', async ({
  page,
  harness,
}) => {
  await setupViaBridge(page, harness.url);
  const desa = await invoke<Desa[]>(page, 'desa.list');
  const bidan = await invoke<{ id: string }>(page, 'nakes.create', {
    nakes: { name: 'Yuyun Yuningsih, A.Md.Keb', sex: 'P', profession: 'bidan' },
  });
  const pustu = await invoke<{ id: string }>(page, 'pustu.create', {
    pustu: { name: `Pustu ${desa[1]!.name}`, desaId: desa[1]!.id, staffIds: [bidan.id] },
  });
  await invoke(page, 'posyandu.create', {
    name: 'Posyandu Melati',
    desaId: desa[1]!.id,
    kode: 'P320502200401',
    stratum: 'purnama',
    ilp: true,
    pustuId: pustu.id,
    scheduleWeek: 2,
    scheduleWeekday: 3,
  });
  await invoke(page, 'fktp.create', {
    fktp: {
      kind: 'pmb',
      name: 'PMB Bd. Nenden Sumarni',
      desaId: desa[0]!.id,
      ownerName: 'Nenden Sumarni, A.Md.Keb',
      bpjs: true,
      sharesData: true,
    },
  });
  await openKlaster1(page, 'Pustu');
  await expect(page.getByText('belum ada perawat')).toBeVisible();
  await expect(page.getByText(/Yuyun Yuningsih, A.Md.Keb · Bidan/)).toBeVisible();
  await screenshot(page, 'k1-pustu');
  await page.getByRole('tab', { name: 'FKTP lain' }).click();
  await expect(page.getByRole('cell', { name: 'PMB Bd. Nenden Sumarni' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('dialog', { name: 'Tambah FKTP' });
  await form.getByRole('textbox', { name: 'Nama' }).fill('Klinik Pratama Medika');
  await page.keyboard.press('Control+s');
  await expect(form.getByText('wajib diisi').first()).toBeVisible();
  await expect(form.getByText('isi desa di wilayah kerja atau alamatnya')).toBeVisible();
  await screenshot(page, 'k1-fktp-form-errors');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await screenshot(page, 'k1-fktp');
  await page.getByRole('tab', { name: 'Posyandu' }).click();
  await expect(page.getByRole('cell', { name: 'P320502200401' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Purnama' })).toBeVisible();
  await screenshot(page, 'k1-posyandu');
});
