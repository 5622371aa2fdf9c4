import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { testFileWorkers } from './support/workers';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src-shared') } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Pure rules without shared state: one module graph for all files is much faster.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          maxWorkers: testFileWorkers(),
        },
      },
    ],
  },
});
