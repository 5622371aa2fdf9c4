import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRowInput, SessionView } from '@shared/contract';
import { count, openChildWorld, type ChildWorld } from './helpers';

let w: ChildWorld;
beforeEach(async () => {
  w = await openChildWorld();
});
afterEach(() => w.t.close());

const DATE = '2026-11-10'; // Selasa minggu ke-2

async function children() {
  const ids = {
    baby: await w.child('Adi Bayi', '2026-03-01'), // 8 months: blue capsule age (not a round month)
    toddler: await w.child('Bunga Batita', '2024-10-01'),
    new: await w.child('Cici Baru', '2026-09-01'),
    big: await w.child('Dodi Besar', '2021-10-01'), // over five on the session date
    other: await w.child('Eko Lain', '2025-01-01', { posyanduId: null, rw: '007' }),
  };
  // October weighings for N/T.
  await w.ok('growth.create', {
    measurement: {
      personId: ids.baby,
      measureDate: '2026-10-13',
      place: 'posyandu',
      posyanduId: w.posyanduId,
      weightKg: 7.5,
    },
  });
  await w.ok('growth.create', {
    measurement: {
      personId: ids.toddler,
      measureDate: '2026-10-13',
      place: 'posyandu',
      posyanduId: w.posyanduId,
      weightKg: 11,
    },
  });
  return ids;
}

const open = (basis: 'posyandu' | 'wilayah' = 'posyandu') =>
  w.ok<SessionView>('posyandu.session.open', {
    posyanduId: w.posyanduId,
    sessionDate: DATE,
    basis,
  });

function rowFor(
  view: SessionView,
  personId: string,
  values: Partial<SessionRowInput>,
): SessionRowInput {
  const r = view.rows.find((x) => x.personId === personId)!;
  const e = r.entry;
  return {
    personId,
    kiaBook: r.kiaBook,
    weightKg: e?.weightKg ?? null,
    lengthCm: e?.lengthCm ?? null,
    measured: e?.measured ?? null,
    muacCm: e?.muacCm ?? null,
    growthId: e?.growthId ?? null,
    growthVersion: e?.growthVersion ?? null,
    vitaminA: e?.vitaminAId !== null && e?.vitaminAId !== undefined,
    vitaminAId: e?.vitaminAId ?? null,
    vitaminAVersion: e?.vitaminAVersion ?? null,
    doses: e?.doses.map((d) => ({ code: d.code, id: d.id, version: d.version })) ?? [],
    ...values,
  };
}

describe('posyandu session', () => {
  it('lists the balita registered at the posyandu (or living in its desa/RW), under five only', async () => {
    const ids = await children();
    const view = await open();
    expect(view.rows.map((r) => r.name)).toEqual(['Adi Bayi', 'Bunga Batita', 'Cici Baru']);
    expect(view.session).toBeNull();
    expect(view.vitaminARound).toBeNull();
    expect(view.rows[0]!.weighings).toEqual([{ date: '2026-10-13', weightKg: 7.5 }]);
    // HB0 closed at 7 days: not on the list any more.
    const newDoses = view.rows.find((r) => r.personId === ids.new)!.doses.map((d) => d.code);
    expect(newDoses).toEqual(expect.arrayContaining(['BCG', 'OPV1']));
    expect(newDoses).not.toContain('HB0');
    expect(view.skdn).toMatchObject({ S: 3, D: 0 });
    const wilayah = await open('wilayah');
    // Eko lives in RW 007: not the posyandu's RW 003.
    expect(wilayah.rows.map((r) => r.name)).toEqual(['Adi Bayi', 'Bunga Batita', 'Cici Baru']);
    await w.t.call('posyandu.update', {
      id: w.posyanduId,
      version: 1,
      name: 'Posyandu Melati',
      desaId: w.desa[1]!.id,
      rw: null,
      active: true,
    });
    expect((await open('wilayah')).rows.map((r) => r.name)).toContain('Eko Lain');
    void ids;
  });

  it('saves the whole session in one transaction with audit rows, and gives SKDN', async () => {
    const ids = await children();
    const view = await open();
    const saved = await w
      .ok<SessionView>('posyandu.session.save', {
        posyanduId: w.posyanduId,
        sessionDate: DATE,
        basis: 'posyandu',
        performerId: null,
        rows: [
          rowFor(view, ids.baby, { weightKg: 8.0, lengthCm: 69.5, measured: 'L', kiaBook: true }), // +500 ≥ 300: N
          rowFor(view, ids.toddler, { weightKg: 11.1, lengthCm: 84, measured: 'H' }), // +100 < 200: T
          rowFor(view, ids.new, {
            weightKg: 4.6,
            kiaBook: true,
            doses: (['HB0', 'BCG', 'OPV1'] as const).map((code) => ({
              code,
              id: null,
              version: null,
            })),
          }), // B — HB0 after 7 days is no longer allowed, so it is not on the list but is a rule break
        ],
      })
      .catch((e: Error) => e);
    expect(saved).toBeInstanceOf(Error);
    expect(String(saved)).toMatch(
      /Baris 3 \(Cici Baru\) · Imunisasi: .*HB0.*Catat di kartu anak dengan alasan/,
    );
    expect(count(w, 'growth_measurement')).toBe(2); // only October's
    expect(count(w, 'posyandu_session')).toBe(0);

    w.t.clock.advance(60_000); // the session's audit rows carry their own time
    const ok = await w.ok<SessionView>('posyandu.session.save', {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
      basis: 'posyandu',
      performerId: null,
      rows: [
        rowFor(view, ids.baby, { weightKg: 8.0, lengthCm: 69.5, measured: 'L', kiaBook: true }),
        rowFor(view, ids.toddler, { weightKg: 11.1, lengthCm: 84, measured: 'H' }),
        rowFor(view, ids.new, {
          weightKg: 4.6,
          kiaBook: true,
          doses: ['BCG', 'OPV1'].map((code) => ({ code: code as 'BCG', id: null, version: null })),
        }),
      ],
    });
    expect(ok.session).toMatchObject({ version: 1 });
    expect(ok.skdn).toEqual({ S: 3, K: 2, D: 3, N: 1, T: 1, T2: 0, O: 0, B: 1 });
    const sessionId = ok.session!.id;
    expect(count(w, 'growth_measurement', `session_id = '${sessionId}'`)).toBe(3);
    expect(count(w, 'immunization', `session_id = '${sessionId}' AND place = 'posyandu'`)).toBe(2);
    expect(count(w, 'child_profile', 'kia_book = 1')).toBe(2);
    const audits = w.sqlite
      .prepare(
        "SELECT table_name, count(*) AS n FROM audit_log WHERE action = 'create' AND table_name IN ('posyandu_session','growth_measurement','immunization','child_profile') AND at = (SELECT max(at) FROM audit_log) GROUP BY table_name ORDER BY table_name",
      )
      .all();
    expect(audits).toEqual([
      { table_name: 'child_profile', n: 2 },
      { table_name: 'growth_measurement', n: 3 },
      { table_name: 'immunization', n: 2 },
      { table_name: 'posyandu_session', n: 1 },
    ]);
    // Reopened: the entries come back with their ids; the given doses are marked given.
    const again = await open();
    const cici = again.rows.find((r) => r.personId === ids.new)!;
    expect(cici.entry).toMatchObject({ weightKg: 4.6 });
    expect(cici.doses.filter((d) => d.status === 'given').map((d) => d.code)).toEqual([
      'BCG',
      'OPV1',
    ]);
    expect(again.session).toMatchObject({ id: sessionId });
  });

  it('refuses a whole session when one row is impossible, naming row and child; nothing saved', async () => {
    const ids = await children();
    const view = await open();
    const result = await w.t.call('posyandu.session.save', {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
      rows: [
        rowFor(view, ids.baby, { weightKg: 8.0 }),
        rowFor(view, ids.toddler, { weightKg: 111 }),
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Baris 2 (Bunga Batita) · Berat badan (kg): harus antara 0,4 dan 60 kg',
        details: { issues: [{ path: 'rows.1.weightKg' }] },
      },
    });
    expect(count(w, 'growth_measurement', `measure_date = '${DATE}'`)).toBe(0);
    expect(count(w, 'posyandu_session')).toBe(0);
    expect(
      (
        w.sqlite
          .prepare("SELECT count(*) AS n FROM audit_log WHERE table_name = 'posyandu_session'")
          .get() as { n: number }
      ).n,
    ).toBe(0);
  });

  it('needs the implausible rows confirmed; a child over five cannot be weighed', async () => {
    const ids = await children();
    const view = await open();
    const base = {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
    };
    expect(
      await w.t.call('posyandu.session.save', {
        ...base,
        rows: [rowFor(view, ids.baby, { weightKg: 19 })],
      }),
    ).toMatchObject({
      error: {
        code: 'RULE_VIOLATION',
        details: { needsConfirmation: true, issues: [{ path: 'rows.0.weightKg' }] },
      },
    });
    expect(
      await w.t.call('posyandu.session.save', {
        ...base,
        rows: [rowFor(view, ids.baby, { weightKg: 19, confirmImplausible: true })],
      }),
    ).toMatchObject({ ok: true });
    expect(
      await w.t.call('posyandu.session.save', {
        ...base,
        rows: [{ personId: ids.big, weightKg: 18 }],
      }),
    ).toMatchObject({
      error: {
        message: 'Baris 1 (Dodi Besar) · Anak: anak tidak berumur 0–59 bulan pada tanggal sesi',
      },
    });
  });

  it('edits a saved session: cleared values and unticked doses are soft-deleted; stale rows conflict', async () => {
    const ids = await children();
    const first = await w.ok<SessionView>('posyandu.session.save', {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
      rows: [
        rowFor(await open(), ids.baby, { weightKg: 8.0 }),
        rowFor(await open(), ids.new, {
          weightKg: 4.6,
          doses: [{ code: 'BCG', id: null, version: null }],
        }),
      ],
    });
    // Another clerk changes the baby's weight in between.
    const baby = first.rows.find((r) => r.personId === ids.baby)!.entry!;
    await w.ok('growth.update', {
      id: baby.growthId,
      version: baby.growthVersion,
      measurement: {
        personId: ids.baby,
        measureDate: DATE,
        place: 'posyandu',
        posyanduId: w.posyanduId,
        weightKg: 8.1,
      },
    });
    const stale = await w.t.call('posyandu.session.save', {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
      sessionId: first.session!.id,
      sessionVersion: first.session!.version,
      rows: [rowFor(first, ids.baby, { weightKg: 8.2 })],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const fresh = await open();
    const edited = await w.ok<SessionView>('posyandu.session.save', {
      posyanduId: w.posyanduId,
      sessionDate: DATE,
      sessionId: fresh.session!.id,
      sessionVersion: fresh.session!.version,
      rows: [rowFor(fresh, ids.baby, { weightKg: null }), rowFor(fresh, ids.new, { doses: [] })],
    });
    expect(edited.skdn.D).toBe(1);
    expect(
      count(w, 'growth_measurement', `person_id = '${ids.baby}' AND measure_date = '${DATE}'`),
    ).toBe(0);
    expect(count(w, 'immunization', `person_id = '${ids.new}'`)).toBe(0);
    expect(
      w.sqlite.prepare('SELECT delete_reason FROM immunization WHERE person_id = ?').get(ids.new),
    ).toEqual({ delete_reason: 'Dikosongkan pada sesi posyandu' });
    const list = await w.ok<{ sessionDate: string; weighed: number }[]>('posyandu.session.list', {
      posyanduId: w.posyanduId,
    });
    expect(list).toEqual([expect.objectContaining({ sessionDate: DATE, weighed: 1 })]);
  });
});
