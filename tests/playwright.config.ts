import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PUSKESMAS_PC } from './support/chromium';

// The tests' own dates (Node, the harness) in the puskesmas's zone too, as the page's (PUSKESMAS_PC).
process.env.TZ = PUSKESMAS_PC.timezoneId;

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/playwright',
  fullyParallel: true,
  workers: 2,
  // One retry on CI only: a shared 2-core runner can starve a browser; a retried test is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'e2e',
      testDir: './e2e',
      testMatch: /.*\.test\.ts$/,
      use: {
        browserName: 'chromium',
        ...PUSKESMAS_PC,
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: './electron',
      testMatch: /.*\.test\.ts$/,
    },
  ],
});
