import { describe, expect, it } from 'vitest';
import {
  ANC_K4_OLD_1_1_2,
  ANC_SPLIT_1_2_3,
  ANC_SPLIT_2_1_3,
  ancCompletion,
  ancContactsFromVisits,
  labelAncContacts,
  TRIMESTER_COMPLETED_WEEKS,
  type AncContact,
  type AncSplitSet,
} from '../../../../src-shared/domain/maternal';

const c = (date: string, trimester: 1 | 2 | 3, byDoctor = false): AncContact => ({
  date,
  trimester,
  byDoctor,
});

function labels(contacts: AncContact[], split: AncSplitSet): (string | null)[] {
  const r = labelAncContacts(contacts, split);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value.map((l) => l.label);
}

function completion(contacts: AncContact[], split: AncSplitSet) {
  const r = ancCompletion(contacts, split);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value;
}

/** 1× TM1 (doctor), 2× TM2, 3× TM3 (doctor at the 2nd TM3 contact). */
const history123 = [
  c('2026-02-10', 1, true),
  c('2026-04-20', 2),
  c('2026-05-25', 2),
  c('2026-07-15', 3),
  c('2026-08-20', 3, true),
  c('2026-09-15', 3),
];

/** 2× TM1 (doctor at the first), 1× TM2, 3× TM3 (doctor at the 2nd TM3 contact). */
const history213 = [
  c('2026-02-10', 1, true),
  c('2026-03-20', 1),
  c('2026-05-25', 2),
  c('2026-07-15', 3),
  c('2026-08-20', 3, true),
  c('2026-09-15', 3),
];

describe('K1 akses / K1 murni', () => {
  it('the first contact is K1A, and K1M only in TM1', () => {
    const tm1 = labelAncContacts([c('2026-02-10', 1)], ANC_SPLIT_1_2_3);
    expect(tm1.ok && tm1.value[0]).toMatchObject({ label: 'K1', k1Akses: true, k1Murni: true });
    const tm2 = labelAncContacts([c('2026-04-20', 2), c('2026-05-25', 2)], ANC_SPLIT_1_2_3);
    expect(tm2.ok && tm2.value[0]).toMatchObject({
      label: 'K1',
      k1Akses: true,
      k1Murni: false,
      slotTrimesterMismatch: true,
    });
    expect(tm2.ok && tm2.value[1]).toMatchObject({ label: 'K2', k1Akses: false, k1Murni: false });
  });
});

describe('K-slot labels under the 1-2-3 split', () => {
  it('labels a textbook history K1…K6, doctor expected at K1 and K5', () => {
    expect(labels(history123, ANC_SPLIT_1_2_3)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
    const r = labelAncContacts(history123, ANC_SPLIT_1_2_3);
    expect(r.ok && r.value.filter((l) => l.doctorExpected).map((l) => l.label)).toEqual([
      'K1',
      'K5',
    ]);
  });

  it('leaves a 2nd TM1 contact unlabelled (beyond the split) and keeps counting', () => {
    const r = labelAncContacts(history213, ANC_SPLIT_1_2_3);
    expect(r.ok && r.value.map((l) => l.label)).toEqual(['K1', null, 'K2', 'K4', 'K5', 'K6']);
    expect(r.ok && r.value[1]).toMatchObject({ ordinal: 2, beyondSplit: true });
  });

  it('skips the slots of a trimester the mother missed', () => {
    // First contact in TM3: K1 (akses), then the TM3 slots K4, K5, K6, then an extra.
    const late = [
      c('2026-07-01', 3),
      c('2026-07-20', 3),
      c('2026-08-10', 3),
      c('2026-09-01', 3),
      c('2026-09-20', 3),
    ];
    expect(labels(late, ANC_SPLIT_1_2_3)).toEqual(['K1', 'K4', 'K5', 'K6', null]);
  });
});

describe('K-slot labels under the 2-1-3 split', () => {
  it('labels a textbook history K1…K6', () => {
    expect(labels(history213, ANC_SPLIT_2_1_3)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
  });

  it('leaves a 2nd TM2 contact unlabelled', () => {
    expect(labels(history123, ANC_SPLIT_2_1_3)).toEqual(['K1', 'K3', null, 'K4', 'K5', 'K6']);
  });
});

describe('K6 complete', () => {
  it('1-2-3: complete on the 6th contact, attributed to its month', () => {
    expect(completion(history123, ANC_SPLIT_1_2_3)).toEqual({
      indicator: 'K6',
      complete: true,
      achievedOn: '2026-09-15',
      attributionMonth: '2026-09',
      contactsPerTrimester: [1, 2, 3],
      doctorTrimesters: [1, 3],
      missingPerTrimester: [0, 0, 0],
      missingDoctorTrimesters: [],
    });
  });

  it('2-1-3: the same 1-2-3 history lacks a TM1 contact', () => {
    expect(completion(history123, ANC_SPLIT_2_1_3)).toMatchObject({
      complete: false,
      achievedOn: null,
      attributionMonth: null,
      missingPerTrimester: [1, 0, 0],
    });
  });

  it('2-1-3: complete on the 6th contact; under 1-2-3 the same history lacks a TM2 contact', () => {
    expect(completion(history213, ANC_SPLIT_2_1_3)).toMatchObject({
      complete: true,
      achievedOn: '2026-09-15',
    });
    expect(completion(history213, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: false,
      missingPerTrimester: [0, 1, 0],
    });
  });

  it('needs a doctor contact in TM1 and in TM3', () => {
    const noDoctorTm3 = history123.map((x) => (x.trimester === 3 ? { ...x, byDoctor: false } : x));
    expect(completion(noDoctorTm3, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: false,
      missingDoctorTrimesters: [3],
    });
    // A 7th contact, with the doctor, completes it: attribution moves to that contact.
    const withDoctor = [...noDoctorTm3, c('2026-10-01', 3, true)];
    expect(completion(withDoctor, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: true,
      achievedOn: '2026-10-01',
      attributionMonth: '2026-10',
    });
    // A doctor in TM2 does not count for TM1.
    const doctorTm2 = history123.map((x, i) => ({ ...x, byDoctor: i === 1 || i === 4 }));
    expect(completion(doctorTm2, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: false,
      missingDoctorTrimesters: [1],
    });
  });

  it('an over-complete history is attributed to the contact that completed it', () => {
    const eight = [
      c('2026-02-10', 1, true),
      c('2026-03-15', 1),
      c('2026-04-20', 2),
      c('2026-05-25', 2),
      c('2026-07-15', 3, true),
      c('2026-08-20', 3),
      c('2026-09-01', 3),
      c('2026-09-20', 3),
    ];
    // The 3rd TM3 contact (1 Sep, the 7th contact) completes both splits; 20 Sep is extra.
    expect(completion(eight, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: true,
      achievedOn: '2026-09-01',
      contactsPerTrimester: [2, 2, 4],
    });
    expect(completion(eight, ANC_SPLIT_2_1_3)).toMatchObject({
      complete: true,
      achievedOn: '2026-09-01',
    });
    expect(labels(eight, ANC_SPLIT_1_2_3)).toEqual([
      'K1',
      null,
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
      null,
    ]);
  });

  it('six contacts in one trimester are not K6', () => {
    const allTm3 = Array.from({ length: 6 }, (_, i) => c(`2026-08-0${i + 1}`, 3, true));
    expect(completion(allTm3, ANC_SPLIT_1_2_3)).toMatchObject({
      complete: false,
      missingPerTrimester: [1, 2, 0],
      missingDoctorTrimesters: [1],
    });
  });

  it('an empty history is incomplete', () => {
    expect(completion([], ANC_SPLIT_1_2_3)).toMatchObject({
      complete: false,
      missingPerTrimester: [1, 2, 3],
      missingDoctorTrimesters: [1, 3],
    });
  });
});

describe('K4 (old, 1-1-2)', () => {
  it('is complete at the 4th contact, without a doctor requirement', () => {
    const four = [c('2026-02-10', 1), c('2026-04-20', 2), c('2026-07-15', 3), c('2026-08-20', 3)];
    expect(completion(four, ANC_K4_OLD_1_1_2)).toMatchObject({
      indicator: 'K4',
      complete: true,
      achievedOn: '2026-08-20',
    });
    expect(labels(four, ANC_K4_OLD_1_1_2)).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(completion(four.slice(0, 3), ANC_K4_OLD_1_1_2).complete).toBe(false);
  });
});

describe('contact list refusals', () => {
  it('refuses two contacts on one date, dates out of order and a trimester going back', () => {
    const dup = labelAncContacts([c('2026-02-10', 1), c('2026-02-10', 1)], ANC_SPLIT_1_2_3);
    expect(dup.ok ? null : dup.refusals[0]).toMatchObject({
      code: 'ANC_DUPLICATE_DATE',
      path: 'contacts.1.date',
      field: { id: 'Tanggal kunjungan', en: 'Visit date' },
    });
    expect(dup.ok ? null : dup.refusals[0]?.message.en).toBe(
      'Visit date: there is already an ANC contact on this date; merge them into one contact (mark it if a doctor examined her).',
    );
    const order = ancCompletion([c('2026-04-20', 2), c('2026-02-10', 1)], ANC_SPLIT_1_2_3);
    expect(order.ok ? null : order.refusals[0]?.code).toBe('ANC_NOT_IN_DATE_ORDER');
    const back = ancCompletion([c('2026-04-20', 2), c('2026-04-27', 1)], ANC_SPLIT_1_2_3);
    expect(back.ok ? null : back.refusals[0]?.code).toBe('ANC_TRIMESTER_DECREASING');
    const bad = ancCompletion([c('2026-02-30', 1)], ANC_SPLIT_1_2_3);
    expect(bad.ok ? null : bad.refusals[0]?.code).toBe('INVALID_DATE');
  });
});

describe('contacts from visit dates', () => {
  it('computes each trimester from the HPL', () => {
    // HPHT 2026-01-01, HPL 2026-10-08: 12w6d on 1 Apr, 13w0d on 2 Apr, 25w0d on 25 Jun.
    const contacts = ancContactsFromVisits(
      '2026-10-08',
      [{ date: '2026-04-01', byDoctor: true }, { date: '2026-04-02' }, { date: '2026-06-25' }],
      TRIMESTER_COMPLETED_WEEKS,
    );
    expect(contacts).toEqual([
      { date: '2026-04-01', trimester: 1, byDoctor: true },
      { date: '2026-04-02', trimester: 2, byDoctor: false },
      { date: '2026-06-25', trimester: 3, byDoctor: false },
    ]);
  });
});
