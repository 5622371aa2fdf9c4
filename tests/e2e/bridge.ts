import type { Page } from '@playwright/test';
import { setupInput, ADMIN } from '../support/setup';

/** Call a channel through the page's own bridge (as the app would). */
export async function invoke<T = unknown>(
  page: Page,
  channel: string,
  input: unknown = {},
): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, input }) => window.siklus!.invoke(channel, input),
    { channel, input },
  );
  const r = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

/** Complete the first-run setup through the bridge and reload signed in as the admin. */
export async function setupViaBridge(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Penyiapan awal Siklus' }).waitFor();
  await invoke(page, 'setup.complete', setupInput());
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

export { ADMIN };
