/**
 * Tampering, generalised: a small real bundle changed at every byte position (a random
 * non-zero XOR at each, not only 0xFF), random single-bit flips, every truncation, random
 * junk appended and inserted, and — past the encryption — every byte of the inner zip changed
 * and encrypted again to the right Dinkes key, so the signature and manifest checks must catch
 * what age cannot. Every variant is refused with a stable bundle code, no row is written and
 * nothing crashes. A sample also goes through the bridge (base64, as the page sends it).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgeIdentity,
  decryptBundle,
  encryptBundle,
  keysDir,
  readZipStrict,
  unlockDinkesIdentity,
} from '../../src-main/bundle';
import type { ImportFile } from '../../src-main/services/bundle-import';
import { SYSTEM_ACTOR } from '../../src-main/services/context';
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
} from '../integration/bundle-flow/helpers';
import { Random } from '../../src-main/demo/random';
import { COUNTS, report } from './scale';

describe('tampering: every mutation of a bundle is refused', () => {
  let p: Puskesmas;
  let d: Dinkes;
  let bytes: Uint8Array;
  let zip: Uint8Array;
  let identity: ReturnType<typeof createAgeIdentity>;
  const rng = new Random(11);
  const tally = new Map<string, number>();
  let mutations = 0;

  beforeAll(async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient], villageCodes: ['32.05.02.2004'] });
    const desa = await p.call<{ id: string }[]>('desa.list');
    await p.call('persons.create', {
      person: { name: 'Siti Aminah', sex: 'P', birthDate: '1990-03-05', desaId: desa[0]!.id },
    });
    const made = await exportBundle(p, '2026-09');
    bytes = new Uint8Array(fs.readFileSync(made.path));
    const pending = await importFiles(d, [made.path]);
    await d.call('dinkes.confirmSigner', { pendingId: pending.pending[0]!.pendingId });
    await d.call('keys.lock');
    identity = createAgeIdentity(await unlockDinkesIdentity(keysDir(d.dir), DINKES_PASSPHRASE));
    zip = await decryptBundle(bytes, { identity });
  }, 180_000);
  afterAll(async () => {
    await p?.close();
    await d?.close();
    report('tamper', {
      bundleBytes: bytes?.length ?? 0,
      innerZipBytes: zip?.length ?? 0,
      mutations,
      refused: [...tally.values()].reduce((a, b) => a + b, 0),
      sameContentAnsweredAsResent: voidChanges,
      codes: [...tally.entries()].map(([c, n]) => `${c}:${n}`).join(','),
    });
  });

  /**
   * Inner-zip changes that leave every entry byte-for-byte the same (the unused padding bits
   * after a deflate stream's last code: inflating ignores them) carry no change at all; the
   * import may answer them as a re-sent bundle instead of refusing. Anything else must be
   * refused.
   */
  let voidChanges = 0;
  const sameEntries = (changed: Uint8Array) => {
    try {
      const a = readZipStrict(zip);
      const b = readZipStrict(changed);
      return (
        a.length === b.length &&
        a.every((e, i) => e.name === b[i]!.name && Buffer.compare(e.data, b[i]!.data) === 0)
      );
    } catch {
      return false;
    }
  };
  const innerOf = new Map<string, Uint8Array>();

  async function expectAllRefused(files: ImportFile[]) {
    const before = totalChanges(d.core);
    const rows = snapshot(d.core);
    for (let i = 0; i < files.length; i += 1000) {
      const summary = await d.core.services.bundle.importer.importFiles(
        SYSTEM_ACTOR,
        files.slice(i, i + 1000),
        { identity },
      );
      expect(summary.results).toHaveLength(Math.min(1000, files.length - i));
      for (const r of summary.results) {
        if (r.outcome !== 'refused' || !r.code || !REFUSALS.has(r.code)) {
          const inner = innerOf.get(r.fileName);
          if (inner && r.outcome !== 'applied' && sameEntries(inner)) {
            voidChanges += 1;
            continue;
          }
          throw new Error(`${r.fileName} was not refused: ${r.outcome} ${r.code} ${r.message}`);
        }
        expect(r.message.length).toBeGreaterThan(10);
        tally.set(r.code, (tally.get(r.code) ?? 0) + 1);
      }
      expect(summary.pending).toEqual([]);
    }
    mutations += files.length;
    expect(totalChanges(d.core)).toBe(before);
    expect(snapshot(d.core)).toEqual(rows);
  }

  it('refuses a random change at every byte position, and random single-bit flips', async () => {
    const files: ImportFile[] = [];
    for (let i = 0; i < bytes.length; i += COUNTS.flipStride) {
      const changed = Uint8Array.from(bytes);
      changed[i] = changed[i]! ^ (1 + Math.floor(rng.next() * 255));
      files.push({ name: `ubah-${i}.siklus`, bytes: changed });
    }
    for (let k = 0; k < COUNTS.junkAppends; k++) {
      const changed = Uint8Array.from(bytes);
      const bit = Math.floor(rng.next() * bytes.length * 8);
      changed[bit >> 3] = changed[bit >> 3]! ^ (1 << (bit & 7));
      files.push({ name: `bit-${bit}.siklus`, bytes: changed });
    }
    await expectAllRefused(files);
  }, 600_000);

  it('refuses every truncation, appended junk and inserted bytes', async () => {
    const files: ImportFile[] = [];
    for (let n = 0; n < bytes.length; n += COUNTS.flipStride) {
      files.push({ name: `potong-${n}.siklus`, bytes: bytes.subarray(0, n) });
    }
    for (let k = 0; k < COUNTS.junkAppends; k++) {
      const extra = 1 + Math.floor(rng.next() * (k % 10 === 0 ? 70_000 : 64));
      const junk = new Uint8Array(extra).map(() => Math.floor(rng.next() * 256));
      const longer = new Uint8Array(bytes.length + extra);
      longer.set(bytes);
      longer.set(junk, bytes.length);
      files.push({ name: `tambah-${k}.siklus`, bytes: longer });
      const at = Math.floor(rng.next() * bytes.length);
      const inserted = new Uint8Array(bytes.length + 1);
      inserted.set(bytes.subarray(0, at));
      inserted[at] = Math.floor(rng.next() * 256);
      inserted.set(bytes.subarray(at), at + 1);
      files.push({ name: `sisip-${k}.siklus`, bytes: inserted });
    }
    await expectAllRefused(files);
  }, 600_000);

  it('refuses every change of the inner zip even when encrypted again to the Dinkes key', async () => {
    const files: ImportFile[] = [];
    for (let i = 0; i < zip.length; i += COUNTS.flipStride) {
      const changed = Uint8Array.from(zip);
      changed[i] = changed[i]! ^ (1 + Math.floor(rng.next() * 255));
      innerOf.set(`zip-${i}.siklus`, changed);
      files.push({
        name: `zip-${i}.siklus`,
        bytes: await encryptBundle(changed, { recipients: [d.recipient] }),
      });
    }
    for (const n of [0, 1, 22, Math.floor(zip.length / 2), zip.length - 22, zip.length - 1]) {
      files.push({
        name: `zip-potong-${n}.siklus`,
        bytes: await encryptBundle(zip.subarray(0, n), { recipients: [d.recipient] }),
      });
    }
    await expectAllRefused(files);
  }, 900_000);

  it('refuses mutations sent through the bridge the same way (base64 from the page)', async () => {
    await d.call('keys.unlock', { keyPassphrase: DINKES_PASSPHRASE });
    const before = totalChanges(d.core);
    const rows = snapshot(d.core);
    const files = Array.from({ length: 25 }, (_, k) => {
      const changed = Uint8Array.from(bytes);
      const i = Math.floor(rng.next() * bytes.length);
      changed[i] = changed[i]! ^ 0x5a;
      return { name: `jembatan-${k}.siklus`, base64: Buffer.from(changed).toString('base64') };
    });
    const result = await d.raw('dinkes.import', { files });
    expect(result.ok).toBe(true);
    const summary = (result as { value: { results: { outcome: string; code: string }[] } }).value;
    expect(summary.results.every((r) => r.outcome === 'refused' && REFUSALS.has(r.code))).toBe(
      true,
    );
    for (const r of summary.results) tally.set(r.code, (tally.get(r.code) ?? 0) + 1);
    mutations += files.length;
    expect(totalChanges(d.core)).toBe(before);
    expect(snapshot(d.core)).toEqual(rows);
    await d.call('keys.lock');
  });
});
