import { parentPort, workerData } from 'node:worker_threads';
import { scryptLowMemory, type LowMemoryScryptParams } from './scrypt-low-memory';

/** What `scrypt.ts` starts a scrypt worker with: one derivation, then the worker ends. */
export interface ScryptJob extends LowMemoryScryptParams {
  password: string;
  salt: Uint8Array;
}

/**
 * One low-memory scrypt derivation on a worker thread (see `scrypt.ts`): under a second of
 * JavaScript for a key file, about two for a passphrase bundle, that must not hold up the main
 * process, which answers the window meanwhile.
 */
const { password, salt, ...params } = workerData as ScryptJob;
parentPort!.postMessage(new Uint8Array(scryptLowMemory(password, salt, params)));
