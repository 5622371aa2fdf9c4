import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from '../db/connection';
import { startWorker } from '../workers';
import { countsKey, itemKey, type CountItem, type WindowCounts } from './count';
import type { ReportRules } from './rules';
import { countUnits, type CountUnit } from './sources';

/** One source, or one family of sources, to count for a period, as sent to a report worker. */
export interface CountJob {
  id: number;
  period: string;
  rules: ReportRules;
  unit: CountUnit;
}

/**
 * What a report worker is started with: the database file it opens read-only, and the app's
 * busy timeout (passed, so that the worker need not load the connection module and all it
 * imports).
 */
export interface CountWorkerData {
  file: string;
  busyTimeoutMs: number;
}

/** The counts of a job's sources, by `itemKey`. */
export type CountReply =
  { id: number; counts: Map<string, WindowCounts> } | { id: number; error: string };

/**
 * Report worker threads: the sources of a monthly report counted side by side, each worker on
 * its own read-only connection (WAL lets them read while the app writes). SQLite runs one
 * statement at a time per connection, and a report is some sixty sources of a year's rows, so
 * on a two-core clinic PC this halves the wait, and the main process, which answers the window,
 * is never blocked by it. Each counts exactly what `countByDesa` counts on the main connection;
 * the sources of a family (`SourceFamily`) in one job.
 */
export interface CountPool {
  /**
   * The counts of every item, keyed by `countsKey`, each settling as soon as its worker is done
   * (the longest first). If a worker fails, the items not yet counted reject.
   */
  count(
    period: string,
    rules: ReportRules,
    items: readonly CountItem[],
  ): Map<string, Promise<WindowCounts>>;
  /** How many worker threads are running now (they end when idle, see `IDLE_MS`). */
  running(): number;
  close(): Promise<void>;
}

/**
 * Workers end this long after their last job: at once, giving their memory (some 35 MB each)
 * back to the clinic PC before whatever comes next (the export's key derivation after a
 * report, issue #11's 300 MB). The next report starts them again; on the 100k demo a report
 * took as long either way (June 640–690 ms, December 870–920 ms), as starting two workers
 * overlaps the report's own work on the main thread.
 */
export const IDLE_MS = 0;

/**
 * A worker's young generation: 4 MB, not Node's default of 48. A count job's objects live no
 * longer than a row, yet with the default each worker's new space grew to 16 MB in a report.
 * On the 100k demo the reports took as long (issue #11, docs/measurements.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 } as const;

/** Two workers: what a modest clinic PC has cores for; each costs memory for its cache. */
export const defaultReportWorkers = (): number => Math.min(2, os.availableParallelism());

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A promise with its settling functions (`Promise.withResolvers`, which Node 20 lacks). */
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Slot {
  worker: Worker;
  pending: Map<
    number,
    { resolve(counts: Map<string, WindowCounts>): void; reject(error: Error): void }
  >;
}

export function createCountPool(file: string, size: number, idleMs = IDLE_MS): CountPool {
  let slots: Slot[] = [];
  let nextId = 1;
  let idle: NodeJS.Timeout | null = null;
  /** How long each job took last time: the longest go first, so the workers end together. */
  const lastMs = new Map<string, number>();

  function spawn(): Slot {
    const workerData: CountWorkerData = { file, busyTimeoutMs: BUSY_TIMEOUT_MS };
    const worker = startWorker('report-worker', { workerData, resourceLimits: WORKER_LIMITS });
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    const fail = (error: Error) => {
      slots = slots.filter((s) => s !== slot);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    worker.on('message', (reply: CountReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if (slots.every((s) => s.pending.size === 0)) endWhenIdle();
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.counts);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`report worker stopped (exit ${code})`)));
    return slot;
  }

  function stopIdleTimer() {
    if (idle) clearTimeout(idle);
    idle = null;
  }

  function endWhenIdle() {
    stopIdleTimer();
    idle = setTimeout(() => void terminate(), idleMs);
    idle.unref();
  }

  async function terminate() {
    stopIdleTimer();
    const closing = slots;
    slots = [];
    await Promise.all(closing.map((s) => s.worker.terminate()));
  }

  function send(slot: Slot, job: Omit<CountJob, 'id'>): Promise<Map<string, WindowCounts>> {
    // A worker that stopped under a report running alongside takes no more jobs.
    if (!slots.includes(slot)) return Promise.reject(new Error('report worker stopped'));
    stopIdleTimer(); // a job, even between two of a report's, means the workers are not idle
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref(); // a CLI awaiting the report must not exit under it
      slot.worker.postMessage({ ...job, id } satisfies CountJob);
    });
  }

  return {
    count(period, rules, items) {
      while (slots.length < size) slots.push(spawn());
      const keyOf = (item: CountItem) => countsKey(item.source, item.mode, { month: period });
      const settle = new Map(items.map((i) => [keyOf(i), deferred<WindowCounts>()]));
      const cost = (u: { key: string }) => lastMs.get(u.key) ?? 0;
      const queue = countUnits(items).sort((a, b) => cost(b) - cost(a));
      const drain = async (slot: Slot) => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const started = performance.now();
          const counted = await send(slot, { period, rules, unit: next.unit });
          lastMs.set(next.key, performance.now() - started);
          for (const item of next.items) {
            const counts = counted.get(itemKey(item));
            if (!counts) throw new Error(`report worker: no counts of ${itemKey(item)}`);
            settle.get(keyOf(item))?.resolve(counts);
          }
        }
      };
      for (const slot of slots) {
        drain(slot).catch((error: unknown) => {
          // What is still queued will not be counted here: every item not yet settled fails.
          queue.length = 0;
          for (const s of settle.values()) s.reject(error);
        });
      }
      if (settle.size === 0) endWhenIdle();
      return new Map([...settle].map(([key, s]) => [key, s.promise]));
    },
    running: () => slots.length,
    close: terminate,
  };
}
