import { parentPort } from 'node:worker_threads';
import type { BundleError } from './errors';
import { verifyBundleZipKeys } from './open';
import type { VerifyJob, VerifyReply } from './opener';

/**
 * The verification of decrypted bundles on a worker thread (see `opener.ts`): strict unzip,
 * signature, hashes and every row parsed. Replies with the rows' keys, and hands the zip (which
 * the record files point into) back without a copy.
 */
parentPort!.on('message', (job: VerifyJob) => {
  void verifyBundleZipKeys(job.zip, {
    trustedSigners: new Map(job.trusted),
    limits: job.limits,
  }).then(
    (opened) => {
      const reply: VerifyReply = { id: job.id, opened };
      parentPort!.postMessage(reply, [job.zip.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const e = error as BundleError; // verifyBundleZipKeys rejects with BundleError only
      const reply: VerifyReply = {
        id: job.id,
        error: { code: e.code, message: e.message, details: e.details },
      };
      parentPort!.postMessage(reply);
    },
  );
});
