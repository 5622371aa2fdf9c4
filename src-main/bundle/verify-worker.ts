import { parentPort } from 'node:worker_threads';
import type { BundleError } from './errors';
import { verifyBundleZip, type KeyedBundle } from './open';
import type { VerifyJob, VerifyReply } from './opener';

/**
 * The verification of decrypted bundles on a worker thread (see `opener.ts`): strict unzip,
 * signature, hashes and every row parsed. Replies with the rows' keys only, and hands the zip
 * (which the record files point into) back without a copy.
 */
parentPort!.on('message', (job: VerifyJob) => {
  void verifyBundleZip(job.zip, { trustedSigners: new Map(job.trusted), limits: job.limits }).then(
    (opened) => {
      const tables: KeyedBundle['tables'] = {};
      for (const [table, rows] of Object.entries(opened.tables)) {
        tables[table] = rows.map((r) => ({
          id: r.id,
          version: r.version,
          updated_at: r.updated_at,
          deleted_at: r.deleted_at,
        }));
      }
      const reply: VerifyReply = { id: job.id, opened: { ...opened, tables } };
      parentPort!.postMessage(reply, [job.zip.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const e = error as BundleError; // verifyBundleZip rejects with BundleError only
      const reply: VerifyReply = {
        id: job.id,
        error: { code: e.code, message: e.message, details: e.details },
      };
      parentPort!.postMessage(reply);
    },
  );
});
