import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const SCREENS_DIR = path.join(ROOT, 'test-results/screens');

export interface HarnessProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Stop the harness (the data folder stays until the test ends). */
  stop(): Promise<void>;
}

/**
 * Start `npm run preview:web`'s server (without rebuilding) on a random port over `dataDir`:
 * the same entry a person runs, in a child process, printing its URL. `entry` (relative to the
 * repository) replaces that entry with a test variant taking the same arguments.
 */
export async function startHarness(
  dataDir: string,
  entry = 'src-main/harness/main.ts',
): Promise<HarnessProcess> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, entry),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--renderer',
      RENDERER_DIR,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /siap: (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited (${code}):\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ harness: HarnessProcess; dataDir: string }>({
  // One fresh data folder per test.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness(dataDir);
    await use(harness);
    await harness.stop();
  },
});

/** Save a full-page screenshot under test-results/screens for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: false });
}

export { expect };
