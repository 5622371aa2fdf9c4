/**
 * ANC contacts of one pregnancy: K1 akses / K1 murni, the K2…K6 slot labels under a configured
 * trimester split, and whether (and when) the K6 (or the old K4) indicator is reached.
 *
 * domain.md §2.2 and §5.2. The 6-contact split is [UNCONFIRMED]: Permenkes 21/2021 is quoted as
 * 1-2-3 (1× TM1, 2× TM2, 3× TM3), Buku KIA 2020 material as 2-1-3; both sets are provided and the
 * settings choose one by id. Doctor contacts: K1 (TM1) and K5 (TM3) [GK].
 */
import { isIsoDate, monthOf } from '../dates';
import type { ReferenceSet } from '../reference';
import { checkDate, fail, ok, refusal, type Label } from '../refusal';
import type { MaternalChecked, MaternalRefusal } from './codes';
import {
  gestationalAgeAt,
  trimesterOf,
  VISIT_DATE,
  type Trimester,
  type TrimesterSet,
} from './dating';

export interface AncContact {
  /** Visit date (`YYYY-MM-DD`). */
  readonly date: string;
  /** Trimester at the visit (see `trimesterOf`). */
  readonly trimester: Trimester;
  /** A doctor examined the mother at this contact (K1/K5 doctor visit). */
  readonly byDoctor?: boolean;
}

export interface AncSplitSet extends ReferenceSet {
  /** Indicator reached when the split is complete: `K6` (2020–) or `K4` (old, 1-1-2). */
  readonly indicator: 'K6' | 'K4';
  /**
   * Contacts required in TM1, TM2, TM3. The slots K1…Kn are laid out in this order
   * (e.g. 1-2-3 → K1 TM1; K2, K3 TM2; K4, K5, K6 TM3).
   */
  readonly perTrimester: readonly [number, number, number];
  /** Trimesters that need at least one contact with a doctor for the indicator. */
  readonly doctorTrimesters: readonly Trimester[];
  /** Slot numbers where the doctor visit is expected (display hint: K1 and K5). */
  readonly doctorSlots: readonly number[];
}

export const ANC_SPLIT_1_2_3: AncSplitSet = {
  id: 'anc.k6.split-1-2-3',
  title: 'K6: 1× TM1, 2× TM2, 3× TM3, dokter di TM1 dan TM3 (Permenkes 21/2021)',
  validFrom: '2020-01-01',
  source: 'Permenkes 21/2021 as usually quoted; domain.md §2.2, §5.2 [UNCONFIRMED which split]',
  indicator: 'K6',
  perTrimester: [1, 2, 3],
  doctorTrimesters: [1, 3],
  doctorSlots: [1, 5],
};

export const ANC_SPLIT_2_1_3: AncSplitSet = {
  id: 'anc.k6.split-2-1-3',
  title: 'K6: 2× TM1, 1× TM2, 3× TM3, dokter di TM1 dan TM3 (Buku KIA 2020)',
  validFrom: '2020-01-01',
  source: 'Buku KIA 2020 material; domain.md §2.2, §5.2 [UNCONFIRMED which split]',
  indicator: 'K6',
  perTrimester: [2, 1, 3],
  doctorTrimesters: [1, 3],
  doctorSlots: [1, 5],
};

export const ANC_K4_OLD_1_1_2: AncSplitSet = {
  id: 'anc.k4.split-1-1-2',
  title: 'K4 (lama): 1× TM1, 1× TM2, 2× TM3',
  validFrom: '2009-01-01',
  source: 'PWS-KIA 2009 "13 Indikator" [S: domain.md §5.2]',
  indicator: 'K4',
  perTrimester: [1, 1, 2],
  doctorTrimesters: [],
  doctorSlots: [],
};

export const ANC_SPLIT_SETS: readonly AncSplitSet[] = [
  ANC_SPLIT_1_2_3,
  ANC_SPLIT_2_1_3,
  ANC_K4_OLD_1_1_2,
];

export interface AncContactLabel {
  readonly date: string;
  readonly trimester: Trimester;
  readonly byDoctor: boolean;
  /** 1-based position among the pregnancy's contacts. */
  readonly ordinal: number;
  /** `K1`…`K6` (or `K1`…`K4` under the old split); null for a contact beyond the split. */
  readonly label: string | null;
  /** First contact at any gestational age (SATUSEHAT `K1A`). */
  readonly k1Akses: boolean;
  /** First contact and in TM1 (SATUSEHAT `K1M`). */
  readonly k1Murni: boolean;
  /** True when the contact's trimester is not the one its slot belongs to (only a late K1). */
  readonly slotTrimesterMismatch: boolean;
  /** The split expects a doctor at this slot (K1, K5). */
  readonly doctorExpected: boolean;
  /** The trimester's slots were already all taken: an extra contact, counted but unlabelled. */
  readonly beyondSplit: boolean;
}

const TRIMESTERS: readonly Trimester[] = [1, 2, 3];
const TRIMESTER: Label = { id: 'Trimester', en: 'Trimester' };

/** Refusals for contact lists that cannot be one pregnancy's history. */
function checkContacts(contacts: readonly AncContact[]): MaternalRefusal[] {
  const issues: MaternalRefusal[] = [];
  contacts.forEach((c, i) => {
    const path = `contacts.${i}`;
    const invalid = checkDate(c.date, `${path}.date`, VISIT_DATE);
    if (invalid.length > 0) {
      issues.push(...invalid);
      return;
    }
    if (!TRIMESTERS.includes(c.trimester)) {
      issues.push(
        refusal('ANC_TRIMESTER_INVALID', `${path}.trimester`, TRIMESTER, {
          id: 'harus 1, 2 atau 3.',
          en: 'must be 1, 2 or 3.',
        }),
      );
      return;
    }
    const prev = i > 0 ? contacts[i - 1] : undefined;
    if (!prev || !isIsoDate(prev.date)) return;
    if (c.date === prev.date) {
      issues.push(
        refusal('ANC_DUPLICATE_DATE', `${path}.date`, VISIT_DATE, {
          id: 'sudah ada kontak ANC pada tanggal ini; gabungkan menjadi satu kontak (tandai jika diperiksa dokter).',
          en: 'there is already an ANC contact on this date; merge them into one contact (mark it if a doctor examined her).',
        }),
      );
    } else if (c.date < prev.date) {
      issues.push(
        refusal('ANC_NOT_IN_DATE_ORDER', `${path}.date`, VISIT_DATE, {
          id: 'kontak ANC harus urut dari tanggal paling awal.',
          en: 'ANC contacts must be in date order, earliest first.',
        }),
      );
    } else if (c.trimester < prev.trimester) {
      issues.push(
        refusal('ANC_TRIMESTER_DECREASING', `${path}.trimester`, TRIMESTER, {
          id: 'tidak boleh lebih kecil dari trimester kontak sebelumnya.',
          en: "must not be lower than the previous contact's trimester.",
        }),
      );
    }
  });
  return issues;
}

/** The slots K1…Kn of a split with their trimester. */
function slotsOf(split: AncSplitSet): { slot: number; trimester: Trimester }[] {
  const slots: { slot: number; trimester: Trimester }[] = [];
  TRIMESTERS.forEach((t) => {
    for (let k = 0; k < split.perTrimester[t - 1]!; k++) {
      slots.push({ slot: slots.length + 1, trimester: t });
    }
  });
  return slots;
}

/**
 * Label each contact (given in date order) under `split`.
 *
 * - The first contact is always K1: K1 akses at any gestational age, and K1 murni when in TM1.
 * - Every later contact takes the lowest free slot of its own trimester (1-2-3: a TM2 contact takes
 *   K2 then K3; 2-1-3: a second TM1 contact takes K2). A slot skipped because the mother came
 *   late stays empty (first contact in TM3 under 1-2-3 → K1, then K4, K5, K6).
 * - A contact whose trimester has no free slot (e.g. a 2nd TM1 contact under 1-2-3, a 7th contact)
 *   gets `label: null, beyondSplit: true`: it is a real ANC contact (LB4 counts it) but not a
 *   K-slot. Which K-code SATUSEHAT expects for such an encounter is [UNCONFIRMED].
 *
 * Refuses unordered dates, two contacts on one date, or a trimester that goes backwards.
 */
export function labelAncContacts(
  contacts: readonly AncContact[],
  split: AncSplitSet,
): MaternalChecked<AncContactLabel[]> {
  const issues = checkContacts(contacts);
  if (issues.length > 0) return fail(issues);
  const slots = slotsOf(split);
  const taken = new Set<number>();
  const labels = contacts.map((c, i): AncContactLabel => {
    const base = { date: c.date, trimester: c.trimester, byDoctor: c.byDoctor === true };
    if (i === 0) {
      taken.add(1);
      return {
        ...base,
        ordinal: 1,
        label: 'K1',
        k1Akses: true,
        k1Murni: c.trimester === 1,
        slotTrimesterMismatch: slots[0]?.trimester !== c.trimester,
        doctorExpected: split.doctorSlots.includes(1),
        beyondSplit: false,
      };
    }
    const free = slots.find((s) => s.trimester === c.trimester && !taken.has(s.slot));
    if (free) taken.add(free.slot);
    return {
      ...base,
      ordinal: i + 1,
      label: free ? `K${free.slot}` : null,
      k1Akses: false,
      k1Murni: false,
      slotTrimesterMismatch: false,
      doctorExpected: free ? split.doctorSlots.includes(free.slot) : false,
      beyondSplit: !free,
    };
  });
  return ok(labels);
}

export interface AncCompletion {
  /** Indicator of the split (`K6` or `K4`). */
  readonly indicator: 'K6' | 'K4';
  /** All per-trimester minimums and doctor contacts are met. */
  readonly complete: boolean;
  /** Date of the contact that completed the indicator (the attribution date), else null. */
  readonly achievedOn: string | null;
  /** `YYYY-MM` of `achievedOn` (domain.md §5.8 item 4: K6 = month of the qualifying contact). */
  readonly attributionMonth: string | null;
  /** Contacts in TM1, TM2, TM3 (all of them, extras included). */
  readonly contactsPerTrimester: readonly [number, number, number];
  /** Trimesters with at least one doctor contact. */
  readonly doctorTrimesters: readonly Trimester[];
  /** Contacts still missing per trimester (0 when met). */
  readonly missingPerTrimester: readonly [number, number, number];
  /** Required doctor trimesters without a doctor contact yet. */
  readonly missingDoctorTrimesters: readonly Trimester[];
}

/**
 * Whether the contacts reach the split's indicator: K6 = at least `perTrimester` contacts in each
 * trimester (hence ≥ 6) with at least one doctor contact in TM1 and one in TM3 (domain.md §5.2
 * "≥ 6 ANC … incl. ≥ 2 doctor visits (TM1 & TM3)"); K4 (old) = 1-1-2, no doctor requirement.
 * Extra contacts in a trimester count toward it (a 2nd TM1 contact does not hurt), but a surplus in
 * one trimester never makes up for a shortfall in another. The doctor contacts may be any contact
 * of the trimester (the domain names K1 and K5 as the usual ones).
 * `achievedOn` is the date of the first contact after which everything is met.
 */
export function ancCompletion(
  contacts: readonly AncContact[],
  split: AncSplitSet,
): MaternalChecked<AncCompletion> {
  const issues = checkContacts(contacts);
  if (issues.length > 0) return fail(issues);
  const counts: [number, number, number] = [0, 0, 0];
  const doctor = new Set<Trimester>();
  let achievedOn: string | null = null;
  const met = (): boolean =>
    TRIMESTERS.every((t) => counts[t - 1]! >= split.perTrimester[t - 1]!) &&
    split.doctorTrimesters.every((t) => doctor.has(t));
  for (const c of contacts) {
    counts[c.trimester - 1]! += 1;
    if (c.byDoctor) doctor.add(c.trimester);
    if (achievedOn === null && met()) achievedOn = c.date;
  }
  const short = (t: Trimester): number => Math.max(0, split.perTrimester[t - 1]! - counts[t - 1]!);
  return ok({
    indicator: split.indicator,
    complete: achievedOn !== null,
    achievedOn,
    attributionMonth: achievedOn === null ? null : monthOf(achievedOn),
    contactsPerTrimester: counts,
    doctorTrimesters: TRIMESTERS.filter((t) => doctor.has(t)),
    missingPerTrimester: [short(1), short(2), short(3)],
    missingDoctorTrimesters: split.doctorTrimesters.filter((t) => !doctor.has(t)),
  });
}

/**
 * Build `AncContact`s from visit dates and the pregnancy's HPL, computing each trimester with
 * `trimesterSet`. Visits must already have passed `checkVisitWindow` (a visit before the implied
 * HPHT throws a `RangeError`).
 */
export function ancContactsFromVisits(
  hpl: string,
  visits: readonly { readonly date: string; readonly byDoctor?: boolean }[],
  trimesterSet: TrimesterSet,
): AncContact[] {
  return visits.map((v) => ({
    date: v.date,
    trimester: trimesterOf(gestationalAgeAt(hpl, v.date), trimesterSet),
    byDoctor: v.byDoctor === true,
  }));
}
