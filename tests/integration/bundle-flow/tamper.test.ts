/**
 * Every single-byte change of a real bundle (and many truncations) is refused by the Dinkes
 * import service with a stable code, without a crash and without writing a single row. The
 * crypto core's own tamper tests cover the parsing; this covers "nothing is written".
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgeIdentity, keysDir, unlockDinkesIdentity } from '../../../src-main/bundle';
import type { ImportFile } from '../../../src-main/services/bundle-import';
import { SYSTEM_ACTOR } from '../../../src-main/services/context';
import {
  DINKES_PASSPHRASE,
  exportBundle,
  importFiles,
  openDinkes,
  openPuskesmas,
  snapshot,
  totalChanges,
  type Dinkes,
  type Puskesmas,
  REFUSAL_CODES as REFUSALS,
} from './helpers';

describe('tampered bundles at the import service', () => {
  let p: Puskesmas;
  let d: Dinkes;
  let bytes: Uint8Array;
  let identity: ReturnType<typeof createAgeIdentity>;

  beforeAll(async () => {
    d = await openDinkes();
    // One desa keeps the sample small: every byte of it is tried.
    p = await openPuskesmas({ recipients: [d.recipient], villageCodes: ['32.05.02.2004'] });
    const desa = await p.call<{ id: string }[]>('desa.list');
    await p.call('persons.create', {
      person: {
        name: 'Siti Aminah',
        sex: 'P',
        birthDate: '1990-03-05',
        nik: '3205024503900001',
        desaId: desa[0]!.id,
      },
    });
    const made = await exportBundle(p, '2026-09');
    bytes = new Uint8Array(fs.readFileSync(made.path));
    // The signer is already registered: a change must be caught by the checks, not by the wait.
    const pending = await importFiles(d, [made.path]);
    await d.call('dinkes.confirmSigner', { pendingId: pending.pending[0]!.pendingId });
    await d.call('keys.lock');
    identity = createAgeIdentity(await unlockDinkesIdentity(keysDir(d.dir), DINKES_PASSPHRASE));
  }, 120_000);
  afterAll(async () => {
    await p?.close();
    await d?.close();
  });

  async function expectAllRefused(files: ImportFile[]) {
    const before = totalChanges(d.core);
    const rows = snapshot(d.core);
    const tally = new Map<string, number>();
    for (let i = 0; i < files.length; i += 2000) {
      const summary = await d.core.services.bundle.importer.importFiles(
        SYSTEM_ACTOR,
        files.slice(i, i + 2000),
        { identity },
      );
      for (const r of summary.results) {
        if (r.outcome !== 'refused' || !r.code || !REFUSALS.has(r.code)) {
          throw new Error(`${r.fileName}: ${r.outcome} ${r.code} ${r.message}`);
        }
        expect(r.message.length).toBeGreaterThan(10);
        tally.set(r.code, (tally.get(r.code) ?? 0) + 1);
      }
      expect(summary.pending).toEqual([]);
    }
    expect(totalChanges(d.core)).toBe(before);
    expect(snapshot(d.core)).toEqual(rows);
    return tally;
  }

  it('refuses every single-byte change and writes nothing', async () => {
    const files: ImportFile[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const changed = Uint8Array.from(bytes);
      changed[i] = changed[i]! ^ 0xff;
      files.push({ name: `ubah-${String(i).padStart(6, '0')}.siklus`, bytes: changed });
    }
    const tally = await expectAllRefused(files);
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(bytes.length);
    // Mostly the age layer (header MAC, payload authentication); the header's own checks too.
    expect(tally.get('BUNDLE_CORRUPT')).toBeGreaterThan(bytes.length * 0.9);
  }, 300_000);

  it('refuses truncations and appended bytes, and writes nothing', async () => {
    const lengths = new Set<number>();
    for (let n = 0; n < Math.min(600, bytes.length); n++) lengths.add(n);
    for (let n = 600; n < bytes.length; n += 7) lengths.add(n);
    for (let n = Math.max(0, bytes.length - 80); n < bytes.length; n++) lengths.add(n);
    const files: ImportFile[] = [...lengths].map((n) => ({
      name: `potong-${String(n).padStart(6, '0')}.siklus`,
      bytes: bytes.subarray(0, n),
    }));
    for (const extra of [1, 16, 4096]) {
      const longer = new Uint8Array(bytes.length + extra);
      longer.set(bytes);
      files.push({ name: `tambah-${extra}.siklus`, bytes: longer });
    }
    const tally = await expectAllRefused(files);
    expect(tally.get('BUNDLE_TRUNCATED') ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('the untouched file still opens (as the same bundle again: no change)', async () => {
    const summary = await d.core.services.bundle.importer.importFiles(
      SYSTEM_ACTOR,
      [{ name: 'asli.siklus', bytes }],
      { identity },
    );
    expect(summary.results[0]!.outcome).toBe('duplicate');
  });
});
