// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, with and without the `node:` prefix. */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'bench/**',
      'resources/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-main/**', 'tests/**', '*.config.*', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Shared code runs on both sides: no Electron, no Node, no DOM.
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared must not depend on Electron.' },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'src-shared must not use Node APIs.',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src-shared must not use Node APIs.' },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'src-shared has no UI.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'src-shared must stay free of DOM and Node globals.' })),
      ],
    },
  },
  {
    // Services and the data layer run without Electron (CLI, harness, tests).
    files: [
      'src-main/services/**',
      'src-main/db/**',
      'src-main/bundle/**',
      'src-main/cli/**',
      'src-main/harness/**',
      'src-main/core.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src-main/app and src-main/preload may import Electron.',
            },
          ],
          patterns: [
            {
              group: ['electron/*'],
              message: 'Only src-main/app and src-main/preload may import Electron.',
            },
          ],
        },
      ],
    },
  },
);
