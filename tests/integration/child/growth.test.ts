import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildCard, ChildRow, GrowthRow } from '@shared/contract';
import { valueAtZ, who2006ZScores } from '@shared/domain/growth';
import { signInAs } from '../../support/setup';
import { count, openChildWorld, type ChildWorld } from './helpers';

let w: ChildWorld;
beforeEach(async () => {
  w = await openChildWorld();
});
afterEach(() => w.t.close());

const BIRTH = '2025-11-10'; // 12 months and 12 days on 2026-11-22

function measurement(personId: string, extra: Record<string, unknown> = {}) {
  return {
    personId,
    measureDate: '2026-11-20',
    place: 'posyandu',
    posyanduId: w.posyanduId,
    weightKg: 9.2,
    lengthCm: 74.5,
    measured: 'L',
    ...extra,
  };
}

describe('growth measurements', () => {
  it('saves with WHO z-scores, status gizi, the desa snapshot and an audit row', async () => {
    const id = await w.child('Raka Pratama', BIRTH);
    const row = await w.ok<GrowthRow>('growth.create', { measurement: measurement(id) });
    const who = who2006ZScores({
      sex: 1,
      ageDays: 375,
      weightKg: 9.2,
      lengthCm: 74.5,
      measured: 'L',
    });
    expect(row).toMatchObject({
      ageDays: 375,
      zwei: who.zwei,
      zlen: who.zlen,
      zwfl: who.zwfl,
      growth: 'B',
      implausible: [],
      posyanduName: 'Posyandu Melati',
    });
    expect(row.bbU).toBe('bbu_normal');
    const stored = w.sqlite
      .prepare('SELECT residence_desa_id, status_standard FROM growth_measurement WHERE id = ?')
      .get(row.id);
    expect(stored).toEqual({
      residence_desa_id: w.desa[1]!.id,
      status_standard: 'status-gizi.pmk-2-2020',
    });
    const audit = w.sqlite
      .prepare(
        'SELECT a.action, u.username FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE a.row_id = ?',
      )
      .all(row.id);
    expect(audit).toEqual([{ action: 'create', username: 'admin' }]);
  });

  it('puts a child exactly on the median at z = 0 (same tables as the charts)', async () => {
    const id = await w.child('Median', BIRTH);
    const weight = Math.round(valueAtZ('wfa', 1, 375, 0)! * 100) / 100;
    const row = await w.ok<GrowthRow>('growth.create', {
      measurement: measurement(id, { weightKg: weight, lengthCm: null, measured: null }),
    });
    expect(Math.abs(row.zwei!)).toBeLessThanOrEqual(0.01);
  });

  it('refuses impossible values naming the field, and saves nothing', async () => {
    const id = await w.child('Salah Ketik', BIRTH);
    expect(
      await w.t.call('growth.create', { measurement: measurement(id, { weightKg: 92 }) }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Berat badan: harus antara 0,4 dan 60 kg',
        details: { issues: [{ path: 'measurement.weightKg' }] },
      },
    });
    expect(
      await w.t.call('growth.create', { measurement: measurement(id, { measured: null }) }),
    ).toMatchObject({ error: { message: 'Cara ukur: pilih telentang (PB) atau berdiri (TB)' } });
    expect(
      await w.t.call('growth.create', {
        measurement: measurement(id, { measureDate: '2026-11-23' }),
      }),
    ).toMatchObject({ error: { message: 'Tanggal ukur: tidak boleh setelah hari ini' } });
    expect(
      await w.t.call('growth.create', {
        measurement: measurement(id, { place: 'posyandu', posyanduId: null }),
      }),
    ).toMatchObject({ error: { message: 'Posyandu: pilih posyandu tempat layanan' } });
    expect(count(w, 'growth_measurement')).toBe(0);
  });

  it('refuses a child of 60 months or more (WHO 2006 ends at 59 months)', async () => {
    // 2021-11-18 → 2026-11-20 is 1828 days = 60.06 months (days / 30.4375).
    const id = await w.child('Sudah Besar', '2021-11-18');
    expect(await w.t.call('growth.create', { measurement: measurement(id) })).toMatchObject({
      error: { message: expect.stringMatching(/^Tanggal ukur: anak sudah berumur 60 bulan/) },
    });
  });

  it('asks for confirmation of implausible values, never saving them silently', async () => {
    const id = await w.child('Berat Aneh', BIRTH);
    const input = { measurement: measurement(id, { weightKg: 25 }) };
    const refused = await w.t.call('growth.create', input);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        details: { needsConfirmation: true, implausible: expect.arrayContaining(['bbU']) },
      },
    });
    expect(count(w, 'growth_measurement')).toBe(0);
    const saved = await w.ok<GrowthRow>('growth.create', { ...input, confirmImplausible: true });
    expect(saved).toMatchObject({
      implausibleConfirmed: true,
      implausible: expect.arrayContaining(['bbU']),
    });
  });

  it('keeps one measurement per child and day', async () => {
    const id = await w.child('Dua Kali', BIRTH);
    await w.ok('growth.create', { measurement: measurement(id) });
    expect(await w.t.call('growth.create', { measurement: measurement(id) })).toMatchObject({
      error: { code: 'DUPLICATE', details: { issues: [{ path: 'measurement.measureDate' }] } },
    });
  });

  it('gives N/T/2T/O/B against the KBM table, and a puskesmas KBM table changes it', async () => {
    const id = await w.child('Bulanan', '2026-03-01');
    const weigh = (measureDate: string, weightKg: number) =>
      w.ok('growth.create', {
        measurement: { personId: id, measureDate, place: 'puskesmas', weightKg },
      });
    await weigh('2026-06-05', 6.5); // B
    await weigh('2026-07-05', 7.0); // 4 mo: KBM 600 → T
    await weigh('2026-08-05', 7.2); // 5 mo: KBM 500 → 2T
    await weigh('2026-09-05', 7.7); // 6 mo: KBM 400 → N
    await weigh('2026-11-05', 8.3); // October missing → O
    const card = await w.ok<ChildCard>('child.card', { personId: id });
    expect(card.measurements.map((m) => [m.measureDate, m.growth, m.gainG])).toEqual([
      ['2026-06-05', 'B', null],
      ['2026-07-05', 'T', 500],
      ['2026-08-05', '2T', 200],
      ['2026-09-05', 'N', 500],
      ['2026-11-05', 'O', null],
    ]);
    await w.ok('child.settings.set', {
      kbmRows: [{ fromMonth: 1, toMonth: null, minGainG: 600 }],
      idlCodes: null,
      includeJe: false,
    });
    const strict = await w.ok<ChildCard>('child.card', { personId: id });
    expect(strict.measurements[3]!.growth).toBe('2T'); // 500 g < 600 g after a 2T month
    expect(strict.settings.kbm).toEqual([{ fromMonth: 1, toMonth: null, minGainG: 600 }]);
    expect(
      await w.t.call('child.settings.set', {
        kbmRows: [{ fromMonth: 2, toMonth: null, minGainG: 600 }],
        idlCodes: null,
        includeJe: false,
      }),
    ).toMatchObject({ error: { message: 'Tabel KBM: baris pertama harus mulai umur 1 bulan' } });
  });

  it('edits with the version read, deletes with a reason, and keeps the pembaca out', async () => {
    const id = await w.child('Edit Saya', BIRTH);
    const row = await w.ok<GrowthRow>('growth.create', { measurement: measurement(id) });
    const updated = await w.ok<GrowthRow>('growth.update', {
      id: row.id,
      version: 1,
      measurement: measurement(id, { weightKg: 9.4 }),
    });
    expect(updated).toMatchObject({ version: 2, weightKg: 9.4 });
    expect(
      await w.t.call('growth.update', {
        id: row.id,
        version: 1,
        measurement: measurement(id, { weightKg: 9.5 }),
      }),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    await w.ok('growth.delete', { id: row.id, version: 2, reason: 'Salah anak' });
    expect(count(w, 'growth_measurement')).toBe(0);
    expect(
      w.sqlite.prepare('SELECT delete_reason FROM growth_measurement WHERE id = ?').get(row.id),
    ).toEqual({ delete_reason: 'Salah anak' });

    await signInAs(w.t, 'pembaca');
    expect(await w.t.call('growth.create', { measurement: measurement(id) })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await w.t.call('child.card', { personId: id })).toMatchObject({ ok: true });
  });
});

describe('balita register', () => {
  it('pages under-fives by name, each with its latest measurement and growth status', async () => {
    const names = ['Dina', 'Ayu', 'Cahya', 'Bima', 'Eka'];
    const ids = new Map<string, string>();
    for (const name of names) ids.set(name, await w.child(name, BIRTH));
    await w.child('Fajar Lima Tahun', '2021-11-21'); // 1,827 days old: not under five
    // Bima: weighed in two consecutive months, the second time gaining nothing (T).
    const bima = ids.get('Bima')!;
    await w.ok('growth.create', {
      measurement: measurement(bima, { measureDate: '2026-10-20', weightKg: 9.0, lengthCm: 73 }),
    });
    await w.ok('growth.create', {
      measurement: measurement(bima, { measureDate: '2026-11-20', weightKg: 9.0, lengthCm: 74 }),
    });
    type Page = { total: number; rows: ChildRow[] };
    const page = (offset: number) => w.ok<Page>('child.register', { limit: 2, offset });
    const pages = await Promise.all([0, 2, 4].map(page));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.rows.map((r) => r.name))).toEqual([
      ['Ayu', 'Bima'],
      ['Cahya', 'Dina'],
      ['Eka'],
    ]);
    const row = pages[0]!.rows[1]!;
    expect(row).toMatchObject({
      id: bima,
      lastDate: '2026-11-20',
      weightKg: 9.0,
      lengthCm: 74,
      growth: 'T',
    });
    expect(row.bbU).toMatch(/^bbu_/);
    expect(pages[0]!.rows[0]).toMatchObject({ lastDate: null, weightKg: null, growth: null });
    const filtered = await w.ok<Page>('child.register', { q: 'bim', limit: 2, offset: 0 });
    expect(filtered).toMatchObject({ total: 1, rows: [{ id: bima, growth: 'T' }] });
  });
});
