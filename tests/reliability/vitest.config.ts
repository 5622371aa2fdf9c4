import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { testFileWorkers } from '../support/workers';

const root = resolve(import.meta.dirname, '../..');

/**
 * `npm run test:reliability` (project `full`: ≥ 20 crash trials, every byte of a bundle,
 * ≥ 1,000 inputs per channel) and `npm run test:reliability:ci` (project `ci`: the same tests
 * with smaller counts, about a minute and a half on two cores). Counts: `scale.ts`.
 */
const shared = {
  include: ['tests/reliability/**/*.test.ts'],
  environment: 'node' as const,
  testTimeout: 900_000,
  hookTimeout: 300_000,
  // The counts are fixed, not timed: running files side by side only shortens the run.
  maxWorkers: testFileWorkers(),
};

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src-shared') } },
  test: {
    projects: [
      { extends: true, test: { ...shared, name: 'full', env: { RELIABILITY_SCALE: 'full' } } },
      { extends: true, test: { ...shared, name: 'ci', env: { RELIABILITY_SCALE: 'ci' } } },
    ],
  },
});
