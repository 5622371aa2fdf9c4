import { parentPort, workerData } from 'node:worker_threads';
import { examineCopy } from './inspect';

/** A backup's check on a worker thread (see `create.ts`): examine the copy, post the facts. */
parentPort!.postMessage(examineCopy(workerData as string));
