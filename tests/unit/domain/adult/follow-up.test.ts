import { describe, expect, it } from 'vitest';
import {
  DM_CONTROL_DEFAULT as DM,
  HT_CONTROL_3_MONTHS as HT3,
  HT_CONTROL_LAST_VISIT as HT1,
  WORK_LIST_DEFAULT as WL,
  buildWorkLists,
  dmControlStatus,
  htControlStatus,
  missedWholeMonths,
  type ControlStatus,
  type FollowUpPatient,
  type FollowUpVisit,
  type HtControlReferenceSet,
} from '../../../../src-shared/domain/adult';

function bp(date: string, systolic: number, diastolic: number): FollowUpVisit {
  return { date, systolic, diastolic };
}

function ht(visits: FollowUpVisit[], asOf: string, set: HtControlReferenceSet): ControlStatus {
  const r = htControlStatus(visits, asOf, set);
  if (!r.ok) throw new Error(r.refusals[0]?.message.id);
  return r.value.status;
}

function dm(visits: FollowUpVisit[], asOf: string): ControlStatus {
  const r = dmControlStatus(visits, asOf, DM);
  if (!r.ok) throw new Error(r.refusals[0]?.message.id);
  return r.value.status;
}

describe('hipertensi terkendali, default: last BP < 140/90', () => {
  it('139/89 yes; 140/89 and 139/90 no', () => {
    expect(ht([bp('2026-03-01', 139, 89)], '2026-03-31', HT1)).toBe('terkendali');
    expect(ht([bp('2026-03-01', 140, 89)], '2026-03-31', HT1)).toBe('tidak_terkendali');
    expect(ht([bp('2026-03-01', 139, 90)], '2026-03-31', HT1)).toBe('tidak_terkendali');
  });

  it('uses the last reading on or before asOf; visits without BP do not count', () => {
    const visits = [
      bp('2026-01-10', 120, 80),
      bp('2026-02-10', 150, 95),
      { date: '2026-03-05' },
      bp('2026-04-02', 120, 80),
    ];
    const r = htControlStatus(visits, '2026-03-31', HT1);
    expect(r.ok && r.value).toEqual({
      referenceSetId: 'ht-control.last-bp',
      status: 'tidak_terkendali',
      basedOn: ['2026-02-10'],
    });
    expect(ht(visits, '2026-04-02', HT1)).toBe('terkendali');
  });

  it('same date: the later entry wins; unsorted input is fine', () => {
    const visits = [
      bp('2026-03-10', 120, 80),
      bp('2026-03-01', 160, 100),
      bp('2026-03-10', 145, 85),
    ];
    expect(ht(visits, '2026-03-31', HT1)).toBe('tidak_terkendali');
  });

  it('no reading at all is "data kurang"', () => {
    expect(ht([], '2026-03-31', HT1)).toBe('data_kurang');
    expect(ht([{ date: '2026-03-01' }], '2026-03-31', HT1)).toBe('data_kurang');
  });
});

describe('hipertensi terkendali, alternative: 3 consecutive calendar months < 140/90', () => {
  it('three consecutive months all controlled → terkendali, across a year end', () => {
    const visits = [
      bp('2025-11-20', 130, 80),
      bp('2025-12-05', 135, 85),
      bp('2026-01-31', 128, 82),
    ];
    const r = htControlStatus(visits, '2026-01-31', HT3);
    expect(r.ok && r.value).toEqual({
      referenceSetId: 'ht-control.3-consecutive-months',
      status: 'terkendali',
      basedOn: ['2025-11-20', '2025-12-05', '2026-01-31'],
    });
  });

  it('each month counts by its last reading', () => {
    const visits = [
      bp('2026-01-15', 130, 80),
      bp('2026-02-02', 160, 95),
      bp('2026-02-27', 132, 84),
      bp('2026-03-10', 125, 80),
    ];
    expect(ht(visits, '2026-03-31', HT3)).toBe('terkendali');
  });

  it('a month in between uncontrolled → tidak terkendali', () => {
    const visits = [
      bp('2026-01-15', 130, 80),
      bp('2026-02-15', 140, 85),
      bp('2026-03-15', 125, 80),
    ];
    expect(ht(visits, '2026-03-31', HT3)).toBe('tidak_terkendali');
  });

  it('fewer than three months, or a gap → data kurang; last reading high → tidak terkendali', () => {
    expect(ht([bp('2026-02-15', 130, 80), bp('2026-03-15', 125, 80)], '2026-03-31', HT3)).toBe(
      'data_kurang',
    );
    const gap = [bp('2026-01-15', 130, 80), bp('2026-03-15', 130, 80), bp('2026-04-15', 125, 80)];
    expect(ht(gap, '2026-04-30', HT3)).toBe('data_kurang');
    expect(ht([bp('2026-03-15', 150, 80)], '2026-03-31', HT3)).toBe('tidak_terkendali');
  });
});

describe('DM terkendali, default: latest GDP < 126 or HbA1c < 7 %', () => {
  const g = (date: string, test: 'gdp' | 'hba1c' | 'gds', value: number): FollowUpVisit => ({
    date,
    glucose: [{ test, value }],
  });

  it('GDP 125 yes, 126 no; HbA1c 6.9 yes, 7.0 no', () => {
    expect(dm([g('2026-03-01', 'gdp', 125)], '2026-03-31')).toBe('terkendali');
    expect(dm([g('2026-03-01', 'gdp', 126)], '2026-03-31')).toBe('tidak_terkendali');
    expect(dm([g('2026-03-01', 'hba1c', 6.9)], '2026-03-31')).toBe('terkendali');
    expect(dm([g('2026-03-01', 'hba1c', 7.0)], '2026-03-31')).toBe('tidak_terkendali');
  });

  it('the most recent counted result decides; GDS is not counted', () => {
    const visits = [
      g('2026-01-05', 'hba1c', 8.2),
      g('2026-03-02', 'gdp', 110),
      g('2026-03-20', 'gds', 250),
    ];
    expect(dm(visits, '2026-03-31')).toBe('terkendali');
    expect(dm(visits, '2026-02-28')).toBe('tidak_terkendali');
    expect(dm([g('2026-03-20', 'gds', 120)], '2026-03-31')).toBe('data_kurang');
  });

  it('HbA1c takes precedence over GDP on the same date', () => {
    const sameDay: FollowUpVisit = {
      date: '2026-03-02',
      glucose: [
        { test: 'gdp', value: 100 },
        { test: 'hba1c', value: 7.5 },
      ],
    };
    expect(dm([sameDay], '2026-03-31')).toBe('tidak_terkendali');
  });
});

describe('whole calendar months missed', () => {
  it.each([
    ['2026-03-01', '2026-03-31', 0],
    ['2026-02-28', '2026-03-01', 0],
    ['2026-01-31', '2026-03-31', 1],
    ['2026-01-01', '2026-04-01', 2],
    ['2026-01-31', '2026-04-01', 2],
    ['2025-12-01', '2026-02-28', 1],
    ['2025-11-30', '2026-02-01', 2],
    ['2026-03-20', '2026-03-01', 0],
  ])('%s → %s: %i', (last, asOf, n) => {
    expect(missedWholeMonths(last, asOf)).toBe(n);
  });
});

describe('work lists', () => {
  const patients: FollowUpPatient[] = [
    // A: seen this month, BP high.
    { id: 'A', program: 'ht', registeredOn: '2025-06-01', visits: [bp('2026-03-05', 150, 95)] },
    // B: seen last month, controlled.
    { id: 'B', program: 'ht', registeredOn: '2025-06-01', visits: [bp('2026-02-10', 130, 80)] },
    // C: last seen in December (January and February missed).
    {
      id: 'C',
      program: 'dm',
      registeredOn: '2025-01-01',
      visits: [{ date: '2025-12-20', glucose: [{ test: 'gdp', value: 140 }] }],
    },
    // D: registered in January, never seen (February missed).
    { id: 'D', program: 'dm', registeredOn: '2026-01-10', visits: [] },
    // E: registered after the evaluation date.
    { id: 'E', program: 'ht', registeredOn: '2026-04-01', visits: [] },
    // F: a visit after asOf does not count; last counted visit is in January.
    {
      id: 'F',
      program: 'ht',
      registeredOn: '2025-06-01',
      visits: [bp('2026-03-25', 120, 80), bp('2026-01-15', 120, 80)],
    },
  ];
  const sets = { ht: HT1, dm: DM, workList: WL };

  it('on 20 March 2026', () => {
    const r = buildWorkLists(patients, '2026-03-20', sets);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.belumKontrolBulanIni).toEqual(['B', 'C', 'D', 'F']);
    expect(r.value.tidakTerkendali).toEqual(['A', 'C']);
    expect(r.value.mangkir).toEqual(['C']);
    expect(r.value.rows.map((row) => row.id)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(r.value.rows.find((row) => row.id === 'F')).toMatchObject({
      lastVisit: '2026-01-15',
      missedMonths: 1,
      mangkir: false,
    });
    expect(r.value.rows.find((row) => row.id === 'D')).toMatchObject({
      missedMonths: 1,
      control: { status: 'data_kurang' },
    });
  });

  it('D becomes mangkir on 1 April, not on 31 March; F is seen again on 25 March', () => {
    const end = buildWorkLists(patients, '2026-03-31', sets);
    expect(end.ok && end.value.mangkir).toEqual(['C']);
    const next = buildWorkLists(patients, '2026-04-01', sets);
    expect(next.ok && next.value.mangkir).toEqual(['C', 'D']);
    expect(next.ok && next.value.rows.find((row) => row.id === 'F')).toMatchObject({
      lastVisit: '2026-03-25',
      missedMonths: 0,
    });
    // E is registered on 1 April: on the register, never seen, nothing missed yet.
    expect(next.ok && next.value.belumKontrolBulanIni).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(next.ok && next.value.mangkir).not.toContain('E');
  });

  it('refuses invalid dates and implausible readings, with the path', () => {
    const r = buildWorkLists(
      [
        {
          id: 'X',
          program: 'ht',
          registeredOn: '2026-02-30',
          visits: [bp('2026-03-01', 80, 90)],
        },
      ],
      '2026-03-31',
      sets,
    );
    expect(!r.ok && r.refusals.map((x) => [x.path, x.code])).toEqual([
      ['patients.0.registeredOn', 'INVALID_DATE'],
      ['patients.0.visits.0.diastolic', 'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC'],
    ]);
    const lowSys = htControlStatus([bp('2026-03-01', 50, 90)], '2026-03-31', HT1);
    expect(!lowSys.ok && lowSys.refusals.map((x) => [x.path, x.code])).toEqual([
      ['visits.0.systolic', 'OUT_OF_RANGE'],
      ['visits.0.diastolic', 'BP_DIASTOLIC_NOT_BELOW_SYSTOLIC'],
    ]);
    expect(!lowSys.ok && lowSys.refusals[1]?.message).toEqual({
      id: 'Tekanan darah diastolik: harus lebih rendah dari sistolik (50 mmHg)',
      en: 'Diastolic blood pressure: must be lower than systolic (50 mmHg)',
    });
    const badAsOf = buildWorkLists([], '31-03-2026', sets);
    expect(!badAsOf.ok && badAsOf.refusals[0]?.message.id).toBe(
      'Tanggal evaluasi: bukan tanggal yang valid (YYYY-MM-DD)',
    );
  });
});
