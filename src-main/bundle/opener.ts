import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers';
import { BundleError, type BundleErrorCode, type BundleErrorDetails } from './errors';
import {
  openBundleWith,
  verifyBundleZipKeys,
  type BundleLimits,
  type KeyedBundle,
  type OpenOptions,
} from './open';

/** A decrypted bundle to verify on the worker, with the keys the signer must be among. */
export interface VerifyJob {
  id: number;
  zip: Uint8Array;
  trusted: [keyId: string, publicKey: string][];
  limits: Partial<BundleLimits> | undefined;
}

export type VerifyReply =
  | { id: number; opened: KeyedBundle }
  | { id: number; error: { code: BundleErrorCode; message: string; details: BundleErrorDetails } };

export interface BundleOpener {
  /** How many files it verifies at once: an import begins that many ahead of the one it writes. */
  readonly parallel: number;
  /**
   * `openBundle` for an import: resolves with the bundle and its rows' keys, or rejects with
   * exactly one `BundleError`.
   */
  open(
    bytes: Uint8Array,
    options: OpenOptions & { trustedSigners: ReadonlyMap<string, string> },
  ): Promise<KeyedBundle>;
  /** Stop the workers (pending opens are refused). */
  close(): Promise<void>;
}

/**
 * The opener of a single file: verified right here (a worker would only add its start-up, as
 * nothing else could be verified meanwhile).
 */
export const inlineOpener: BundleOpener = {
  parallel: 1,
  open: (bytes, options) =>
    openBundleWith(bytes, options, (zip) => verifyBundleZipKeys(zip, options)),
  close: async () => undefined,
};

/**
 * Verify workers for an import of several files. The verification (inflate, UTF-8, SHA-256, a
 * JSON parse of every row) takes a bundle longer than writing it does, so with one worker the
 * import waited for it; two, each a file ahead, kept the main thread writing. On the 40 bench
 * bundles (2 vCPUs), alternating: 17.9-20.3 s with one, 15.3-17.6 s with two.
 */
const VERIFY_WORKERS = 2;

/** The opener of several files: verified on worker threads, files in turn, while one is written. */
export function createBundleOpener(): BundleOpener {
  const each = Array.from({ length: VERIFY_WORKERS }, workerOpener);
  let turn = 0;
  return {
    parallel: VERIFY_WORKERS,
    open: (bytes, options) => each[turn++ % VERIFY_WORKERS]!.open(bytes, options),
    async close() {
      await Promise.all(each.map((o) => o.close()));
    },
  };
}

/** Verification on a worker thread of its own, started with the first file. */
function workerOpener(): Omit<BundleOpener, 'parallel'> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(b: KeyedBundle): void; reject(e: Error): void }>();

  function failAll(error: BundleError) {
    worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = startWorker('bundle-verify-worker');
    w.on('message', (reply: VerifyReply) => {
      const p = pending.get(reply.id);
      if (!p) return; // cancelled meanwhile
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ('opened' in reply) {
        p.resolve(reply.opened);
        return;
      }
      const error = new BundleError(reply.error.code, undefined, reply.error.details);
      error.message = reply.error.message;
      p.reject(error);
    });
    const stopped = (cause: string) => {
      if (worker === w) failAll(new BundleError('BUNDLE_INTERNAL', undefined, { cause }));
    };
    w.on('error', (error) => stopped(String(error)));
    w.on('exit', (code) => stopped(`verify worker stopped (exit ${code})`));
    worker = w;
    return w;
  }

  return {
    open: (bytes, options) =>
      openBundleWith(bytes, options, (zip) => {
        const whole = zip.byteOffset === 0 && zip.byteLength === zip.buffer.byteLength;
        const job: VerifyJob = {
          id: nextId++,
          zip: whole ? zip : zip.slice(),
          trusted: [...options.trustedSigners],
          limits: options.limits,
        };
        const w = started();
        return new Promise<KeyedBundle>((resolve, reject) => {
          const onAbort = () => {
            pending.delete(job.id);
            reject(new BundleError('BUNDLE_CANCELLED'));
          };
          options.signal?.addEventListener('abort', onAbort, { once: true });
          const settled = () => options.signal?.removeEventListener('abort', onAbort);
          pending.set(job.id, {
            resolve: (b) => (settled(), resolve(b)),
            reject: (e) => (settled(), reject(e)),
          });
          w.ref();
          w.postMessage(job, [job.zip.buffer as ArrayBuffer]);
        });
      }),
    async close() {
      const w = worker;
      worker = null;
      failAll(new BundleError('BUNDLE_CANCELLED'));
      await w?.terminate();
    },
  };
}
