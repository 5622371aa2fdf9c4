import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { DEMO_ADMIN, generateDemo } from '../../../src-main/demo';
import { silentLogger } from '../../../src-main/log';
import { tempDir } from '../../support/temp';

const dirs: (() => void)[] = [];
afterAll(() => dirs.forEach((cleanup) => cleanup()));

describe('siklus demo: kohort ibu', () => {
  it('creates pregnancies, contacts, deliveries, nifas and KB that the screens read without error', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const summary = await generateDemo({
      dataDir: dir,
      persons: 3000,
      seed: 'ibu',
      today: '2026-11-22',
    });
    expect(summary.counts.pregnancy).toBeGreaterThan(30);
    expect(summary.counts.anc_contact).toBeGreaterThan(summary.counts.pregnancy!);
    expect(summary.counts.delivery).toBeGreaterThan(10);
    expect(summary.counts.delivery_baby).toBe(summary.counts.delivery);
    expect(summary.counts.nifas_visit).toBeGreaterThan(10);
    expect(summary.counts.kb_visit).toBeGreaterThan(100);

    const core = await createCore({
      dataDir: dir,
      runtime: 'harness',
      appVersion: '0.0.0-test',
      now: () => new Date('2026-11-22T03:00:00.000Z'),
      log: silentLogger,
      dailyBackup: 'off',
    });
    try {
      const call = (channel: string, input: unknown = {}) =>
        core.dispatch(channel, input, { trusted: true });
      expect(
        await call('auth.login', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password }),
      ).toMatchObject({ ok: true });
      const kohort = (await call('maternal.kohort', { status: 'semua', limit: 500 })) as {
        ok: true;
        value: {
          total: number;
          rows: { pregnancyId: string; outcome: string | null; flags: string[]; k: unknown[] }[];
        };
      };
      expect(kohort.ok).toBe(true);
      expect(kohort.value.total).toBe(summary.counts.pregnancy);
      const open = kohort.value.rows.filter((r) => r.outcome === null).length;
      expect(open).toBeGreaterThan(10);
      expect(kohort.value.rows.some((r) => r.flags.includes('KEK'))).toBe(true);
      for (const row of kohort.value.rows) {
        const card = await call('maternal.card', { id: row.pregnancyId });
        expect(card.ok, row.pregnancyId).toBe(true);
      }
      for (const list of [
        'risti',
        'belumK1',
        'kunjunganLewat',
        'hplBulanIni',
        'nifasBelumLengkap',
        'kbJatuhTempo',
      ]) {
        const r = (await call('maternal.workList', { list })) as {
          ok: boolean;
          value: { total: number };
        };
        expect(r.ok, list).toBe(true);
      }
      const kbDue = (await call('maternal.workList', { list: 'kbJatuhTempo' })) as {
        value: { total: number };
      };
      expect(kbDue.value.total).toBeGreaterThan(0);
    } finally {
      await core.close();
    }
  });
});
