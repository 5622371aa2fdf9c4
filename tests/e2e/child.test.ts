import type { Page } from '@playwright/test';
import { invoke, setupViaBridge } from './bridge';
import { expect, screenshot, test } from './fixtures';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A date `months` months and `days` days before today (this PC's calendar, as the app's). */
function before(months: number, days = 0): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - months);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(new Date().getDate(), last));
  d.setDate(d.getDate() - days);
  return iso(d);
}
const TODAY = iso(new Date());
const typed = (date: string) => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}`;

/** The ten children of the session, in the grid's (name) order, with what the clerk types. */
const CHILDREN = [
  { name: 'Ade Bayi', sex: 'L', born: before(2, 10), weight: '5,6', length: '58,5' },
  { name: 'Budi Tigabulan', sex: 'L', born: before(3, 5), weight: '5,9', last: 5.0 },
  { name: 'Citra Limabulan', sex: 'P', born: before(5, 5), weight: '6,9', last: 6.8 },
  { name: 'Dika Sembilan', sex: 'L', born: before(9, 3), weight: '25' },
  { name: 'Euis Empatbelas', sex: 'P', born: before(14, 2), weight: '8,1', length: '68' },
  { name: 'Fajar Duapuluh', sex: 'L', born: before(20, 9), weight: '10,5', length: '80,2' },
  { name: 'Gilang Duaenam', sex: 'L', born: before(26, 4), weight: '11,8', length: '86' },
  { name: 'Hana Tigalima', sex: 'P', born: before(35, 6), weight: '12,6', length: '92,4' },
  { name: 'Iwan Empatpuluh', sex: 'L', born: before(40, 1), weight: '14,2', length: '98,1' },
  { name: 'Jihan Limapuluh', sex: 'P', born: before(50, 7), weight: '15,4', length: '101,5' },
] as const;

/** The column of the focused grid input. */
const focusedCol = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.col ?? null);

/** Arrow left until the weight cell of the row has focus. */
async function leftToWeight(page: Page) {
  for (let i = 0; i < 12 && (await focusedCol(page)) !== 'weight'; i++) {
    await page.keyboard.press('ArrowLeft');
  }
  expect(await focusedCol(page)).toBe('weight');
}

test('posyandu session: ten children entered by keyboard, statuses while typing, one save, KMS point and next dose on the card', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  await setupViaBridge(page, harness.url);
  const desa = await invoke<{ id: string; name: string }[]>(page, 'desa.list');
  const posyandu = await invoke<{ id: string }>(page, 'posyandu.create', {
    name: 'Posyandu Melati',
    desaId: desa[1]!.id,
    rw: '003',
    scheduleWeek: 2,
    scheduleWeekday: 2,
  });
  const ids: string[] = [];
  for (const c of CHILDREN) {
    const saved = await invoke<{ person: { id: string } }>(page, 'persons.create', {
      person: {
        name: c.name,
        sex: c.sex,
        birthDate: c.born,
        desaId: desa[1]!.id,
        rt: '001',
        rw: '003',
        posyanduId: posyandu.id,
      },
      confirmNotDuplicate: true,
    });
    ids.push(saved.person.id);
    if ('last' in c) {
      await invoke(page, 'growth.create', {
        measurement: {
          personId: saved.person.id,
          measureDate: before(1),
          place: 'posyandu',
          posyanduId: posyandu.id,
          weightKg: c.last,
        },
      });
    }
  }

  // Open the session by keyboard: posyandu, date, list basis, then into the grid.
  await page.goto(`${harness.url}#/klaster-2/anak/sesi`);
  await expect(page.getByRole('heading', { level: 1, name: 'Klaster 2 · Anak' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Posyandu' })).toBeFocused();
  await screenshot(page, 'child-session-pick');
  await page.keyboard.type('Melati');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Tanggal sesi' })).toBeFocused();
  await page.keyboard.type(typed(TODAY));
  await expect(page.getByTestId('session-row')).toHaveCount(10);
  await page.keyboard.press('Enter'); // → list basis
  await page.keyboard.press('Enter'); // → first grid input (Buku KIA of row 1)
  await page.keyboard.press('Space'); // Ade has a Buku KIA
  await page.keyboard.press('Enter');
  expect(await focusedCol(page)).toBe('weight');

  for (const [i, c] of CHILDREN.entries()) {
    await page.keyboard.type(c.weight);
    await page.keyboard.press('Enter');
    expect(await focusedCol(page)).toBe('length');
    if ('length' in c) await page.keyboard.type(c.length);
    if (i === 0) {
      // Row 1: past the position and LiLA to the first dose due, ticked with Space.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect(await focusedCol(page)).toBe('dose0');
      await page.keyboard.press('Space');
    }
    if (i < CHILDREN.length - 1) {
      await page.keyboard.press('ArrowDown');
      await leftToWeight(page);
    }
  }

  const rows = page.getByTestId('session-row');
  // Statuses appeared while typing: N and T against last month, a stunted girl, an implausible weight.
  await expect(rows.nth(1).getByTestId('session-growth')).toHaveText('N');
  await expect(rows.nth(2).getByTestId('session-growth')).toHaveText('T');
  await expect(rows.nth(4).getByTestId('session-status')).toContainText('Sangat pendek');
  await expect(rows.nth(3).getByTestId('session-status')).toContainText('Nilai benar');
  await expect(page.getByTestId('skdn-D')).toHaveText('10');
  await expect(page.getByTestId('skdn-N')).toHaveText('1');
  await expect(page.getByTestId('skdn-T')).toHaveText('1');
  await expect(page.getByTestId('skdn-B')).toHaveText('8');
  await expect(page.getByTestId('skdn-K')).toHaveText('1');
  await screenshot(page, 'child-session-grid');

  // Saving with an unconfirmed implausible weight is refused, nothing is saved.
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/Ada nilai tidak wajar/)).toBeVisible();
  await screenshot(page, 'child-session-implausible');
  await rows
    .nth(3)
    .getByRole('checkbox', { name: /nilai ini benar/ })
    .focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Sesi disimpan: 10 anak ditimbang')).toBeVisible();
  await expect(page.getByText(/Tersimpan; terakhir diubah/)).toBeVisible();
  await expect(page.getByTestId('skdn-D')).toHaveText('10');
  await screenshot(page, 'child-session-saved');

  // The child card: the new point on the KMS chart, the dose given, the next dose due.
  await page.goto(`${harness.url}#/klaster-2/anak/${ids[0]}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ade Bayi' })).toBeVisible();
  await expect(
    page.getByTestId('kms-wfa').locator(`[data-testid="kms-point"][data-date="${TODAY}"]`),
  ).toBeVisible();
  await expect(page.getByTestId('next-doses')).toContainText('Polio tetes 1 (OPV1)');
  await expect(page.getByTestId('next-doses')).not.toContainText('BCG');
  await screenshot(page, 'child-card-after-session');
  await page.getByRole('tab', { name: 'Imunisasi' }).click();
  await expect(page.getByTestId('immunization-table')).toContainText('BCG');
  await expect(page.locator('[data-testid="due-dose"][data-code="OPV1"]')).toBeVisible();
  await screenshot(page, 'child-card-immunization-after-session');

  // A measurement on the card: typed, result shown while typing, saved, plotted.
  await page.getByRole('tab', { name: 'Pertumbuhan' }).click();
  await page.keyboard.press('Alt+U');
  await expect(page.getByRole('textbox', { name: 'Berat badan (kg)' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Tanggal ukur' }).fill(typed(before(0, 1)));
  await page.getByRole('textbox', { name: 'Berat badan (kg)' }).fill('5,5');
  await expect(page.getByText('Hasil (dihitung saat mengetik)')).toBeVisible();
  await expect(page.getByText(/Berat badan (normal|kurang|sangat kurang)/).first()).toBeVisible();
  await screenshot(page, 'child-card-growth-form');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Pengukuran disimpan')).toBeVisible();
  await expect(
    page.getByTestId('kms-wfa').locator(`[data-testid="kms-point"][data-date="${before(0, 1)}"]`),
  ).toBeVisible();

  // The person card has the same panel in its Klaster 2 · Anak tab.
  await page.goto(`${harness.url}#/penduduk/${ids[4]}`);
  await page.getByRole('tab', { name: 'Klaster 2 · Anak' }).click();
  await expect(page.getByText('Grafik pertumbuhan (KMS)')).toBeVisible();
  await page.getByRole('link', { name: 'Buka kartu anak' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await screenshot(page, 'person-card-k2-anak');

  // Sasaran imunisasi of the next session: printable list with what to prepare.
  await page.goto(`${harness.url}#/klaster-2/anak/sasaran`);
  await page.keyboard.type('Melati');
  // Enter picks the first option shown, once the posyandu list has come.
  await expect(page.getByRole('option', { name: /Melati/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sasaran-table')).toContainText('Ade Bayi');
  await expect(page.getByTestId('sasaran-prepare')).toContainText('Siapkan:');
  await screenshot(page, 'child-sasaran-list');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.classList.add('siklus-print'));
  await screenshot(page, 'child-sasaran-print');
  await page.evaluate(() => document.body.classList.remove('siklus-print'));
  await page.emulateMedia({ media: 'screen' });

  // The register shows the session's results.
  await page.goto(`${harness.url}#/klaster-2/anak`);
  await expect(page.getByTestId('child-count')).toHaveText('10 balita');
  await expect(page.getByRole('cell', { name: 'Sangat pendek' }).first()).toBeVisible();
  await screenshot(page, 'child-register-after-session');
});
