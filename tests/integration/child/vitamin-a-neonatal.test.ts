import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildCard, NeonatalRow, VitaminARoundView, VitaminARow } from '@shared/contract';
import { count, openChildWorld, type ChildWorld } from './helpers';

let w: ChildWorld;
beforeEach(async () => {
  w = await openChildWorld();
});
afterEach(() => w.t.close());

const capsule = (personId: string, givenDate: string, c: 'blue' | 'red') => ({
  personId,
  givenDate,
  capsule: c,
  place: 'posyandu',
  posyanduId: w.posyanduId,
});

describe('Vitamin A', () => {
  it('saves the capsule of the age in a round; a wrong colour or a second one needs a reason', async () => {
    const baby = await w.child('Hana', '2026-02-10'); // 6 months 10 days on 20 August
    const blue = await w.ok<VitaminARow>('vitaminA.create', {
      vitaminA: capsule(baby, '2026-08-20', 'blue'),
    });
    expect(blue).toMatchObject({ round: '2026-08', period: 'regular', ruleBreaks: [] });
    const again = await w.t.call('vitaminA.create', {
      vitaminA: capsule(baby, '2026-09-05', 'red'),
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        details: { needsReason: true, breaks: ['WRONG_CAPSULE', 'DUPLICATE_ROUND'] },
      },
    });
    const outside = await w.t.call('vitaminA.create', {
      vitaminA: capsule(baby, '2026-11-10', 'blue'),
    });
    expect(outside).toMatchObject({
      error: { details: { breaks: ['OUTSIDE_ROUND', 'BLUE_ALREADY_GIVEN'] } },
    });
    const sick = await w.ok<VitaminARow>('vitaminA.create', {
      vitaminA: capsule(baby, '2026-11-10', 'blue'),
      breakReason: 'Campak, dosis pengobatan',
    });
    expect(sick).toMatchObject({
      round: null,
      ruleBreaks: ['OUTSIDE_ROUND', 'BLUE_ALREADY_GIVEN'],
      breakReason: 'Campak, dosis pengobatan',
    });
    const card = await w.ok<ChildCard>('child.card', { personId: baby });
    expect(card.vitaminANow).toMatchObject({
      eligible: false,
      reason: 'outside-round',
      capsule: 'blue',
    });
  });

  it('counts a round by posyandu: targets by age on the 15th, capsules of the round', async () => {
    const a = await w.child('Bayi Biru', '2026-01-20'); // 6 m 26 d on 15 Aug: blue
    await w.child('Bayi Kecil', '2026-02-20'); // 5 m 26 d: not yet a target
    const c = await w.child('Balita Merah', '2024-08-15'); // 24 months: red
    await w.child('Tanpa Posyandu', '2024-08-15', { posyanduId: null });
    await w.ok('vitaminA.create', { vitaminA: capsule(a, '2026-08-11', 'blue') });
    await w.ok('vitaminA.create', { vitaminA: capsule(c, '2026-09-02', 'red') }); // sweeping
    const view = await w.ok<VitaminARoundView>('vitaminA.round', { round: '2026-08' });
    expect(view.ageOn).toBe('2026-08-15');
    expect(view.rows.find((r) => r.posyanduName === 'Posyandu Melati')).toMatchObject({
      blueTarget: 1,
      blueGiven: 1,
      redTarget: 1,
      redGiven: 1,
    });
    expect(view.rows.find((r) => r.posyanduId === null)).toMatchObject({
      redTarget: 1,
      redGiven: 0,
    });
    expect(view.missing.map((m) => m.name)).toEqual(['Tanpa Posyandu']);
    expect(await w.t.call('vitaminA.round', { round: '2026-09' })).toMatchObject({
      error: { message: 'Putaran: bukan bulan putaran vitamin A (Februari atau Agustus)' },
    });
  });
});

describe('neonatal visits (KN)', () => {
  const visit = (personId: string, visitDate: string, visitTime: string | null) => ({
    personId,
    visitDate,
    visitTime,
    place: 'rumah',
  });

  it('places visits in KN1–KN3 from the birth time and finds KN lengkap', async () => {
    const id = await w.child('By. Ny. Sari', '2026-11-10');
    await w.ok('child.profile.save', { personId: id, birthTime: '08:00', kiaBook: true });
    const early = await w.ok<NeonatalRow>('neonatal.create', {
      visit: visit(id, '2026-11-10', '13:59'),
    });
    expect(early).toMatchObject({ kn: null, classification: 'outside', outside: 'too-early' });
    const kn1 = await w.ok<NeonatalRow>('neonatal.create', {
      visit: visit(id, '2026-11-10', '14:00'),
    });
    expect(kn1.kn).toBe('KN1'); // exactly 6 hours
    expect(
      (await w.ok<NeonatalRow>('neonatal.create', { visit: visit(id, '2026-11-12', '08:01') })).kn,
    ).toBe('KN2'); // 48 h 1 min
    expect(
      (await w.ok<NeonatalRow>('neonatal.create', { visit: visit(id, '2026-11-20', '10:00') })).kn,
    ).toBe('KN3');
    const card = await w.ok<ChildCard>('child.card', { personId: id });
    expect(card.kn).toMatchObject({ complete: true, achievedOn: '2026-11-20' });
    expect(card.profile).toMatchObject({ birthTime: '08:00', kiaBook: true });
  });

  it('refuses a visit after day 28, and re-places visits when the birth time is entered', async () => {
    const old = await w.child('Sudah Sebulan', '2026-10-01');
    expect(
      await w.t.call('neonatal.create', { visit: visit(old, '2026-10-30', '09:00') }),
    ).toMatchObject({
      error: {
        message: 'Tanggal kunjungan: lebih dari 28 hari setelah lahir: bukan kunjungan neonatal',
      },
    });
    expect(count(w, 'neonatal_visit')).toBe(0);

    const id = await w.child('Tanpa Jam', '2026-11-10');
    const row = await w.ok<NeonatalRow>('neonatal.create', {
      visit: visit(id, '2026-11-12', '07:00'),
    });
    expect(row).toMatchObject({ kn: null, classification: 'uncertain', possible: ['KN1', 'KN2'] });
    expect(w.sqlite.prepare('SELECT kn FROM neonatal_visit WHERE id = ?').get(row.id)).toEqual({
      kn: null,
    });
    await w.ok('child.profile.save', { personId: id, birthTime: '08.00', kiaBook: false });
    expect(w.sqlite.prepare('SELECT kn FROM neonatal_visit WHERE id = ?').get(row.id)).toEqual({
      kn: 'KN1',
    });
    expect(
      await w.t.call('child.profile.save', { personId: id, birthTime: '25:00', kiaBook: false }),
    ).toMatchObject({ error: { message: 'Jam lahir: format jam tidak valid (JJ:MM)' } });
  });
});
