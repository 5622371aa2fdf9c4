import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The main process's worker threads, by the entry name they are bundled under, and their sources
 * relative to this file (electron.vite.config.ts and the bench's bundle build both read it).
 */
export const WORKER_SOURCES = {
  'report-worker': './reports/worker.ts',
  'backup-worker': './backup/check-worker.ts',
  'bundle-verify-worker': './bundle/verify-worker.ts',
  'scrypt-worker': './bundle/scrypt-worker.ts',
} as const;

export type WorkerEntry = keyof typeof WORKER_SOURCES;

/**
 * Start a worker thread: in the packaged app the bundled `<entry>.js` next to the app's entries;
 * from the sources (tests, the bench, `tsx`) its `.ts` through tsx (`worker-dev.mjs`).
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL(WORKER_SOURCES[entry], here).href;
    return new Worker(new URL('./worker-dev.mjs', here), { ...options, argv: [source] });
  }
  for (const candidate of [`./${entry}.js`, `../${entry}.js`]) {
    const url = new URL(candidate, here);
    if (fs.existsSync(fileURLToPath(url))) return new Worker(url, options);
  }
  throw new Error(`${entry}.js not found next to ${here}`);
}

/**
 * A worker that does one job with `workerData` and posts its result: that result, or the
 * worker's error, or `<what> stopped (exit N)` when it ends without posting.
 */
export function workerResult<T>(entry: WorkerEntry, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit ${code})`)));
  });
}
