import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-main/bundle/encoding';
import type { Database } from '../../../src-main/db/connection';
import {
  receivedRecordLine,
  storeReceivedRecords,
} from '../../../src-main/services/received-records';
import { tempDatabase } from '../../support/database';

const AT = '2026-10-01T00:00:00.000Z';

describe('the copy Dinkes keeps of a record: the higher version, then the later change', () => {
  let opened: Database;
  let dispose: () => Promise<void>;
  let bundles = 0;
  beforeEach(async () => {
    bundles = 0;
    ({ opened, dispose } = await tempDatabase());
    opened.sqlite
      .prepare(
        `INSERT INTO dinkes_puskesmas (id, kode, name, signer_key_id, public_key, fingerprint, confirmed_at, created_at, updated_at)
         VALUES ('p1', 'P1', 'Puskesmas', 'K1', 'RW…', 'F', ?, ?, ?)`,
      )
      .run(AT, AT, AT);
  });
  afterEach(() => dispose());

  /** Store one bundle holding person r1 at `version`, changed at `updatedAt`. */
  async function send(version: number, updatedAt: string) {
    const importId = `i${++bundles}`;
    opened.sqlite
      .prepare(
        `INSERT INTO bundle_import (id, puskesmas_id, period, revision, sha256, file_name, received_at, status, counts, records, changed, bundle_created, app_version, schema_version, created_at, updated_at)
         VALUES (?, 'p1', ?, 1, ?, 'f', ?, 'applied', '{}', 1, 0, ?, '0', 14, ?, ?)`,
      )
      .run(
        importId,
        `2026-${String(bundles).padStart(2, '0')}`,
        importId.repeat(8),
        AT,
        AT,
        AT,
        AT,
      );
    const line = `{"id":"r1","updated_at":"${updatedAt}","version":${version}}`;
    const text = Buffer.from(`${line}\n`);
    const keys = { id: ['r1'], version: [version], updated_at: [updatedAt], deleted_at: [null] };
    return storeReceivedRecords(opened.db, 'p1', importId, {
      tables: { person: keys },
      recordFiles: {
        person: { deflated: deflateRawSync(text), size: text.length, sha256: sha256Hex(text) },
      },
    });
  }
  const held = async () => JSON.parse((await receivedRecordLine(opened.db, 'p1', 'person', 'r1'))!);

  it('replaces a copy only by a higher version, or the same version changed later', async () => {
    expect(await send(2, '2026-10-01T10:00:00.000Z')).toBe(1);
    expect(await send(2, '2026-10-01T09:59:59.999Z')).toBe(0); // same version, earlier
    expect(await send(2, '2026-10-01T10:00:00.000Z')).toBe(0); // same version, same moment
    expect(await held()).toEqual({ id: 'r1', updated_at: '2026-10-01T10:00:00.000Z', version: 2 });
    expect(await send(2, '2026-10-01T10:00:00.001Z')).toBe(1); // same version, a moment later
    expect(await send(1, '2026-12-01T00:00:00.000Z')).toBe(0); // lower version, however late
    expect(await held()).toEqual({ id: 'r1', updated_at: '2026-10-01T10:00:00.001Z', version: 2 });
    expect(await send(3, '2026-09-01T00:00:00.000Z')).toBe(1); // higher version, however early
    expect(await held()).toEqual({ id: 'r1', updated_at: '2026-09-01T00:00:00.000Z', version: 3 });
  });
});
