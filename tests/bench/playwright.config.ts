import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PUSKESMAS_PC } from '../support/chromium';

/**
 * The UI benchmark (`npm run bench` starts it): `tests/e2e/*.bench.ts` through the browser
 * harness over the cached 100,000-person demo. Not part of the e2e project (`*.test.ts`).
 */
export default defineConfig({
  testDir: '../e2e',
  testMatch: /.*\.bench\.ts$/,
  outputDir: '../../test-results/bench',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 600_000,
  expect: { timeout: 60_000 },
  use: {
    browserName: 'chromium',
    ...PUSKESMAS_PC,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
