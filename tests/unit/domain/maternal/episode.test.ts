import { describe, expect, it } from 'vitest';
import {
  ANC_REVISIT_DEFAULT,
  checkExtraRange,
  describeEpisode,
  flagLabel,
  gestationalAgeFromDays,
  maternalRules,
  pregnancyStart,
  suggestAncNextVisit,
  type EpisodeInput,
} from '../../../../src-shared/domain/maternal';

const ga = (weeks: number, days: number) => gestationalAgeFromDays(weeks * 7 + days);

describe('suggested next ANC visit (4 / 2 / 1 weeks)', () => {
  it('switches interval exactly at 28w0d, 36w0d and stops at 42w0d', () => {
    const next = (w: number, d: number) =>
      suggestAncNextVisit('2026-05-01', ga(w, d), ANC_REVISIT_DEFAULT);
    expect(next(27, 6)).toBe('2026-05-29');
    expect(next(28, 0)).toBe('2026-05-15');
    expect(next(35, 6)).toBe('2026-05-15');
    expect(next(36, 0)).toBe('2026-05-08');
    expect(next(41, 6)).toBe('2026-05-08');
    expect(next(42, 0)).toBeNull();
  });
});

describe('pregnancy start (earliest ANC date)', () => {
  it('is HPHT, but never before HPL − 280 when the HPL came from USG', () => {
    expect(pregnancyStart({ hpht: '2026-02-01', hpl: '2026-11-08' })).toBe('2026-02-01');
    expect(pregnancyStart({ hpht: '2026-02-01', hpl: '2026-11-15' })).toBe('2026-02-08');
    expect(pregnancyStart({ hpht: '2026-02-10', hpl: '2026-11-08' })).toBe('2026-02-10');
    expect(pregnancyStart({ hpht: null, hpl: '2026-11-08' })).toBe('2026-02-01');
  });
});

describe('extra plausibility ranges', () => {
  it('accept the bounds, refuse just outside, ignore a blank', () => {
    expect(checkExtraRange('temperatureC', 34)).toEqual([]);
    expect(checkExtraRange('temperatureC', 43)).toEqual([]);
    expect(checkExtraRange('temperatureC', 43.1)[0]?.message.id).toBe(
      'Suhu: harus antara 34 dan 43 °C',
    );
    expect(checkExtraRange('bloodGlucoseMgdl', 19)[0]?.code).toBe('OUT_OF_RANGE');
    expect(checkExtraRange('lengthCm', null)).toEqual([]);
  });
});

const base: EpisodeInput = {
  motherBirthDate: '1990-03-05',
  hpht: '2026-02-01',
  hpl: '2026-11-08',
  gravida: 5,
  para: 4,
  abortus: 0,
  previousDeliveryDate: '2025-01-10',
  heightCm: 144.9,
  preWeightKg: 40,
  riskFactors: ['RIWAYAT_SC'],
  outcome: null,
  endedOn: null,
  contacts: [],
  nifasVisits: [],
  vitaminA: [],
  tdDoses: [],
};

describe('describeEpisode', () => {
  const rules = maternalRules();

  it('raises pregnancy-level flags: terlalu dekat, terlalu banyak, TB < 145, riwayat', () => {
    const view = describeEpisode(base, rules, '2026-04-01');
    expect(view.flags).toEqual([
      'TERLALU_DEKAT',
      'TERLALU_BANYAK',
      'TINGGI_BADAN_RENDAH',
      'RIWAYAT_SC',
    ]);
    expect(view.gaToday).toEqual(ga(8, 3));
    expect(view.trimesterToday).toBe(1);
    expect(view.imt).toBe(19.1);
    expect(view.weightGain?.imtClass).toBe('NORMAL');
    expect(view.ageAtHpht).toBe(35);
  });

  it('labels contacts, flags each one, and uses the written next visit over the suggestion', () => {
    const view = describeEpisode(
      {
        ...base,
        heightCm: 150,
        riskFactors: [],
        para: 1,
        previousDeliveryDate: null,
        contacts: [
          { id: 'b', date: '2026-05-15', byDoctor: false, hbGdl: 10.9, hiv: 'REAKTIF' },
          {
            id: 'a',
            date: '2026-03-20',
            byDoctor: true,
            lilaCm: 23.4,
            complications: ['PERDARAHAN'],
          },
          { id: 'c', date: '2026-05-20', byDoctor: false, hbGdl: 11, nextVisitDate: '2026-06-30' },
        ],
      },
      rules,
      '2026-06-01',
    );
    expect(view.contacts.map((c) => [c.id, c.label, c.flags])).toEqual([
      ['a', 'K1', ['KEK', 'PERDARAHAN']],
      ['b', 'K2', ['ANEMIA', 'HIV_REAKTIF']],
      ['c', 'K3', []],
    ]);
    expect(view.flags).toEqual(['KEK', 'PERDARAHAN', 'ANEMIA', 'HIV_REAKTIF']);
    expect(view.k1Murni).toBe(true);
    expect(view.nextVisit).toBe('2026-06-30');
    expect(flagLabel('HIV_REAKTIF').id).toBe('HIV reaktif');
    expect(flagLabel('UNKNOWN').id).toBe('UNKNOWN');
  });

  it('derives delivery term, PF, BBLR, nifas and vitamin A after the delivery', () => {
    const view = describeEpisode(
      {
        ...base,
        outcome: 'PERSALINAN',
        endedOn: '2026-09-30',
        delivery: {
          deliveredAt: '2026-09-30T23:00+07:00',
          place: 'RUMAH',
          attendant: 'BIDAN',
          babies: [{ birthWeightG: 2499 }],
        },
        nifasVisits: [{ id: 'n1', at: '2026-10-01T05:00+07:00' }],
        vitaminA: ['2026-10-01T05:00+07:00', '2026-10-02T04:59+07:00'],
      },
      rules,
      '2026-10-05',
    );
    expect(view.gaToday).toBeNull();
    expect(view.delivery).toMatchObject({
      date: '2026-09-30',
      term: 'PRETERM',
      fasyankes: false,
      bblr: true,
    });
    expect(view.delivery?.ga).toEqual(ga(34, 3));
    expect(view.nifas).toMatchObject({
      complete: false,
      covered: ['KF1'],
      missing: ['KF2', 'KF3', 'KF4'],
    });
    expect(view.vitaminA).toMatchObject({ complete: false, countedCount: 1 });
    expect(view.vitaminA?.capsules[1]?.reason).toBe('TOO_EARLY');
  });

  it('uses the legacy 3-visit nifas rule when chosen', () => {
    const legacy = maternalRules({ nifasId: 'nifas.kf3.pws-kia-2009' });
    expect(legacy.nifas.windows.map((w) => w.code)).toEqual(['KF1', 'KF2', 'KF3']);
    expect(maternalRules({ nifasId: 'unknown' }).nifas.id).toBe('nifas.kf4.buku-kia-2020');
  });
});
