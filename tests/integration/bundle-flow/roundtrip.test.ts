import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/bundle/encoding';
import {
  exportBundle,
  importFiles,
  openDinkes,
  openPuskesmas,
  receivedLines,
  type Dinkes,
  type Puskesmas,
} from './helpers';

describe('puskesmas → bundle → Dinkes', () => {
  let p: Puskesmas;
  let d: Dinkes;
  afterEach(async () => {
    await p?.close();
    await d?.close();
  });

  it('round trip: the key waits for confirmation, then every record and the report arrive', async () => {
    d = await openDinkes();
    p = await openPuskesmas({ recipients: [d.recipient] });
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
    expect(made.export.fileName).toBe('P3205020101_2026-09_r1.siklus');
    expect(fs.existsSync(made.path)).toBe(true);

    const first = await importFiles(d, [made.path]);
    expect(first.results[0]).toMatchObject({ outcome: 'unknownSigner', kode: 'P3205020101' });
    expect(first.pending).toHaveLength(1);
    const confirmed = await d.call<{ results: { outcome: string; records: number }[] }>(
      'dinkes.confirmSigner',
      { pendingId: first.pending[0]!.pendingId },
    );
    expect(confirmed.results[0]).toMatchObject({
      outcome: 'applied',
      records: made.export.records,
    });
    const persons = await receivedLines(d, 'person');
    expect(persons.map((line) => (JSON.parse(line) as { name: string }).name)).toEqual([
      'Siti Aminah',
    ]);
    // stored as sent: the canonical line of the puskesmas' row, byte for byte
    const sent = p.core.database.sqlite.prepare('SELECT * FROM person').get() as object;
    expect(persons[0]).toBe(canonicalJson(sent));
    const again = await importFiles(d, [made.path]);
    expect(again.results[0]!.outcome).toBe('duplicate');
    expect(path.basename(made.path)).toBe(made.export.fileName);
  });
});
