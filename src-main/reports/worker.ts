import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { openReadOnly } from '../db/read-only';
import type { DB } from '../db/schema';
import { windowsOf } from './count';
import type { CountJob, CountReply, CountWorkerData } from './pool';
import { countUnit } from './sources';

/**
 * A report worker thread (see `pool.ts`): counts one job at a time (a source, or a family of
 * sources) on its own read-only connection to the data folder's database, so the sources of a
 * report run side by side and the main process stays free to answer the window.
 */

const { file, busyTimeoutMs } = workerData as CountWorkerData;
let db: Kysely<DB> | null = null;

/** The connection, opened at the first job (so a file that cannot be read fails that job). */
function connection(): Kysely<DB> {
  if (db) return db;
  db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: openReadOnly(file, busyTimeoutMs) }),
  });
  return db;
}

async function count(job: CountJob): Promise<CountReply> {
  try {
    const windows = windowsOf({ month: job.period });
    return { id: job.id, counts: await countUnit(connection(), job.unit, windows, job.rules) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('reports/worker.ts runs as a worker thread');
port.on('message', (job: CountJob) => {
  void count(job).then((reply) => port.postMessage(reply));
});
