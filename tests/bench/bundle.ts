/**
 * `npm run bench`, step one: bundle the benchmark with the main-process sources and their worker
 * threads into `bench/.cache/build/`, the way the app ships them (electron-vite bundles the main
 * process; esbuild does the same job here), so that step two runs it in plain Node. Run from the
 * sources through tsx instead, every measured process and worker thread would also carry tsx's
 * compiler (some 60 MB each, and the time to compile), which the app never has.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { WORKER_SOURCES } from '../../src-main/workers';
import { BUILD_DIR, ROOT } from './dataset';

const workers = Object.fromEntries(
  Object.entries(WORKER_SOURCES).map(([entry, source]) => [
    entry,
    path.join(ROOT, 'src-main', source),
  ]),
);

await build({
  entryPoints: {
    run: path.join(ROOT, 'tests/bench/run.ts'),
    start: path.join(ROOT, 'tests/bench/start.ts'),
    memory: path.join(ROOT, 'tests/bench/memory.ts'),
    ...workers,
  },
  outdir: BUILD_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages load from node_modules as in the app (better-sqlite3 is native).
  packages: 'external',
  tsconfig: path.join(ROOT, 'tsconfig.node.json'),
  logLevel: 'warning',
});
