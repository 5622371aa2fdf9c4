import { monthOf } from '../dates';
import type { ReferenceSet } from '../reference';
import { BP_PLAUSIBLE, checkBpReading } from './blood-pressure';
import { GLUCOSE_KEMENKES_PERKENI, GLUCOSE_TESTS, type GlucoseTest } from './glucose';
import { checkChoice, checkDate, checkNumber, fail, ok, refusal, type Label } from '../refusal';
import type { AdultChecked, AdultRefusal } from './codes';

/**
 * Hypertension and DM follow-up (SPM 8 and 9): "terkendali" status and the clerk's work lists.
 * All dates are ISO calendar dates; months are calendar months (`YYYY-MM`). Only visits on or
 * before the evaluation date (`asOf`) count.
 */

export type ControlStatus = 'terkendali' | 'tidak_terkendali' | 'data_kurang';

export const CONTROL_STATUS_LABELS: Record<ControlStatus, Label> = {
  terkendali: { id: 'Terkendali', en: 'Controlled' },
  tidak_terkendali: { id: 'Tidak terkendali', en: 'Not controlled' },
  data_kurang: { id: 'Data belum cukup', en: 'Not enough data' },
};

export interface HtControlReferenceSet extends ReferenceSet {
  /** Controlled when systolic < this and diastolic < that (mmHg). */
  readonly systolicBelow: number;
  readonly diastolicBelow: number;
  /**
   * Number of consecutive calendar months (each month's last reading) that must all be
   * controlled. 1 = "the last reading".
   */
  readonly consecutiveMonths: number;
}

/**
 * Default: controlled when the last BP (on or before `asOf`) is < 140/90 [GK; domain §5.6 — the
 * indicator definition is UNCONFIRMED].
 */
export const HT_CONTROL_LAST_VISIT: HtControlReferenceSet = {
  id: 'ht-control.last-bp',
  title: 'Hipertensi terkendali: TD terakhir < 140/90',
  validFrom: '2019-01-01',
  source: 'Domain §3.2/§5.6 [GK; definisi indikator UNCONFIRMED]',
  systolicBelow: 140,
  diastolicBelow: 90,
  consecutiveMonths: 1,
};

/**
 * Alternative: the three most recent calendar months with a BP reading must be consecutive
 * months and each month's last reading < 140/90 [UNCONFIRMED; offered because some programmes
 * count "3 kunjungan bulanan berturut-turut"].
 */
export const HT_CONTROL_3_MONTHS: HtControlReferenceSet = {
  id: 'ht-control.3-consecutive-months',
  title: 'Hipertensi terkendali: 3 bulan berturut-turut < 140/90',
  validFrom: '2019-01-01',
  source: 'Alternatif, domain §3.2 "3 consecutive monthly visits" [UNCONFIRMED]',
  systolicBelow: 140,
  diastolicBelow: 90,
  consecutiveMonths: 3,
};

export const HT_CONTROL_SETS: readonly HtControlReferenceSet[] = [
  HT_CONTROL_LAST_VISIT,
  HT_CONTROL_3_MONTHS,
];

export interface DmControlReferenceSet extends ReferenceSet {
  /** Results counted, with the value a controlled result is below. */
  readonly targets: Readonly<Partial<Record<GlucoseTest, number>>>;
  /** When several counted tests share the latest date, the first test in this list decides. */
  readonly precedence: readonly GlucoseTest[];
}

/**
 * Default: controlled when the latest counted result is GDP < 126 mg/dL or HbA1c < 7 % [GK].
 * "Latest" is the most recent date with a GDP or HbA1c (GDS and TTGO are not counted); on that
 * date HbA1c takes precedence over GDP (it reflects ~3 months) [decision].
 */
export const DM_CONTROL_DEFAULT: DmControlReferenceSet = {
  id: 'dm-control.gdp126-hba1c7',
  title: 'DM terkendali: GDP < 126 atau HbA1c < 7 % (hasil terakhir)',
  validFrom: '2019-01-01',
  source: 'Brief/PERKENI target HbA1c < 7 % [GK]; prioritas HbA1c pada tanggal sama [keputusan]',
  targets: { gdp: 126, hba1c: 7 },
  precedence: ['hba1c', 'gdp'],
};

export const DM_CONTROL_SETS: readonly DmControlReferenceSet[] = [DM_CONTROL_DEFAULT];

export interface WorkListReferenceSet extends ReferenceSet {
  /** Mangkir when at least this many whole calendar months passed without a visit. */
  readonly mangkirMinMissedMonths: number;
}

/**
 * Mangkir ≥ 2 bulan: at least two whole calendar months lie strictly between the month of the
 * last visit (or of registration, if never seen) and the month of `asOf`. The current month is
 * not counted as missed — it is not over (that case is "belum kontrol bulan ini"). Last visit
 * in January: mangkir from 1 April, not on 31 March [decision, GK].
 */
export const WORK_LIST_DEFAULT: WorkListReferenceSet = {
  id: 'worklist.mangkir-2-months',
  title: 'Daftar kerja kontrol HT/DM (mangkir ≥ 2 bulan kalender)',
  validFrom: '2019-01-01',
  source: 'Definisi operasional Siklus [keputusan]',
  mangkirMinMissedMonths: 2,
};

/** A follow-up (kontrol) visit. Any visit counts as kontrol; measurements are optional. */
export interface FollowUpVisit {
  readonly date: string;
  /** mmHg, when BP was measured. */
  readonly systolic?: number;
  readonly diastolic?: number;
  /** Glucose results taken at this visit. */
  readonly glucose?: readonly { readonly test: GlucoseTest; readonly value: number }[];
}

export interface ControlResult {
  readonly referenceSetId: string;
  readonly status: ControlStatus;
  /** Dates of the readings that decided the status (most recent last). */
  readonly basedOn: readonly string[];
}

function monthIndex(date: string): number {
  const [y, m] = monthOf(date).split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** Whole calendar months strictly between the month of `last` and the month of `asOf`. */
export function missedWholeMonths(last: string, asOf: string): number {
  return Math.max(0, monthIndex(asOf) - monthIndex(last) - 1);
}

const VISIT: Label = { id: 'Tanggal kunjungan', en: 'Visit date' };
const AS_OF: Label = { id: 'Tanggal evaluasi', en: 'Evaluation date' };

function checkVisits(visits: readonly FollowUpVisit[], path: string): AdultRefusal[] {
  if (!Array.isArray(visits)) {
    return [
      refusal(
        'REQUIRED',
        path,
        { id: 'Kunjungan', en: 'Visits' },
        {
          id: 'wajib berupa daftar',
          en: 'must be a list',
        },
      ),
    ];
  }
  const out: AdultRefusal[] = [];
  visits.forEach((v, i) => {
    const p = `${path}.${i}`;
    out.push(...checkDate(v?.date, `${p}.date`, VISIT));
    if (v?.systolic !== undefined || v?.diastolic !== undefined) {
      out.push(...checkBpReading(v, BP_PLAUSIBLE, p));
    }
    const glucose: NonNullable<FollowUpVisit['glucose']> = v?.glucose ?? [];
    glucose.forEach((g, j) => {
      const gp = `${p}.glucose.${j}`;
      const testRefusals = checkChoice(g?.test, GLUCOSE_TESTS, `${gp}.test`, {
        id: 'Jenis pemeriksaan gula darah',
        en: 'Glucose test type',
      });
      out.push(...testRefusals);
      if (testRefusals.length === 0) {
        const plausible = GLUCOSE_KEMENKES_PERKENI.plausible;
        const [min, max] = g.test === 'hba1c' ? plausible.hba1cPercent : plausible.glucoseMgDl;
        out.push(
          ...checkNumber(
            g.value,
            { min, max, unit: g.test === 'hba1c' ? '%' : 'mg/dL' },
            `${gp}.value`,
            { id: 'Hasil gula darah', en: 'Glucose result' },
          ),
        );
      }
    });
  });
  return out;
}

/** Sort by date, keeping input order for the same date (the later entry counts as later). */
function chronological<T extends { readonly date: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.i - b.i))
    .map((x) => x.item);
}

/** Hypertension control status on `asOf` under `set`. */
export function htControlStatus(
  visits: readonly FollowUpVisit[],
  asOf: string,
  set: HtControlReferenceSet,
  path = 'visits',
): AdultChecked<ControlResult> {
  const refusals = [...checkDate(asOf, 'asOf', AS_OF), ...checkVisits(visits, path)];
  if (refusals.length > 0) return fail(refusals);
  const readings = chronological(
    visits.filter((v) => v.date <= asOf && v.systolic !== undefined && v.diastolic !== undefined),
  );
  // The last reading of each calendar month, most recent month last.
  const byMonth = new Map<string, FollowUpVisit>();
  for (const r of readings) byMonth.set(monthOf(r.date), r);
  const months = [...byMonth.values()].slice(-set.consecutiveMonths);
  const controlled = (v: FollowUpVisit) =>
    (v.systolic as number) < set.systolicBelow && (v.diastolic as number) < set.diastolicBelow;
  const basedOn = months.map((v) => v.date);
  const last = months[months.length - 1];
  const result = (status: ControlStatus) => ok({ referenceSetId: set.id, status, basedOn });
  if (!last) return result('data_kurang');
  if (!controlled(last)) return result('tidak_terkendali');
  const consecutive = months.every(
    (v, i) =>
      i === 0 || monthIndex(v.date) === monthIndex((months[i - 1] as FollowUpVisit).date) + 1,
  );
  if (months.length < set.consecutiveMonths || !consecutive) return result('data_kurang');
  return result(months.every(controlled) ? 'terkendali' : 'tidak_terkendali');
}

/** DM control status on `asOf` under `set`. */
export function dmControlStatus(
  visits: readonly FollowUpVisit[],
  asOf: string,
  set: DmControlReferenceSet,
  path = 'visits',
): AdultChecked<ControlResult> {
  const refusals = [...checkDate(asOf, 'asOf', AS_OF), ...checkVisits(visits, path)];
  if (refusals.length > 0) return fail(refusals);
  const results = chronological(
    visits
      .filter((v) => v.date <= asOf)
      .flatMap((v) => (v.glucose ?? []).map((g) => ({ date: v.date, ...g })))
      .filter((g) => set.targets[g.test] !== undefined),
  );
  const latest = results[results.length - 1];
  if (!latest) return ok({ referenceSetId: set.id, status: 'data_kurang', basedOn: [] });
  const sameDay = results.filter((r) => r.date === latest.date);
  const rank = (t: GlucoseTest) => {
    const i = set.precedence.indexOf(t);
    return i < 0 ? set.precedence.length : i;
  };
  // Among the latest day's results: best-ranked test, and the later entry of that test.
  const decisive = sameDay.reduce((best, r) => (rank(r.test) <= rank(best.test) ? r : best));
  const target = set.targets[decisive.test] as number;
  return ok({
    referenceSetId: set.id,
    status: decisive.value < target ? 'terkendali' : 'tidak_terkendali',
    basedOn: [decisive.date],
  });
}

export const FOLLOW_UP_PROGRAMS = ['ht', 'dm'] as const;
export type FollowUpProgram = (typeof FOLLOW_UP_PROGRAMS)[number];

export interface FollowUpPatient {
  readonly id: string;
  readonly program: FollowUpProgram;
  /** Date the patient entered the HT/DM register (anchor for mangkir before any visit). */
  readonly registeredOn: string;
  readonly visits: readonly FollowUpVisit[];
}

export interface FollowUpRow {
  readonly id: string;
  readonly program: FollowUpProgram;
  /** Last visit on or before `asOf`, if any. */
  readonly lastVisit?: string;
  readonly kontrolBulanIni: boolean;
  readonly missedMonths: number;
  readonly mangkir: boolean;
  readonly control: ControlResult;
}

export interface WorkLists {
  readonly asOf: string;
  readonly rows: readonly FollowUpRow[];
  /** No visit in the calendar month of `asOf` (1st of the month up to `asOf`). */
  readonly belumKontrolBulanIni: readonly string[];
  /** Status `tidak_terkendali` (patients with too little data are not listed here). */
  readonly tidakTerkendali: readonly string[];
  /** Mangkir ≥ N whole calendar months (see `WORK_LIST_DEFAULT`). */
  readonly mangkir: readonly string[];
}

export interface FollowUpSets {
  readonly ht: HtControlReferenceSet;
  readonly dm: DmControlReferenceSet;
  readonly workList: WorkListReferenceSet;
}

/**
 * The three work lists on `asOf`. Patients registered after `asOf` are left out. Every id
 * appears at most once per list, in input order.
 */
export function buildWorkLists(
  patients: readonly FollowUpPatient[],
  asOf: string,
  sets: FollowUpSets,
): AdultChecked<WorkLists> {
  const refusals: AdultRefusal[] = [...checkDate(asOf, 'asOf', AS_OF)];
  // `as unknown`: Array.isArray would otherwise narrow the readonly list to any[].
  if (!Array.isArray(patients as unknown)) {
    refusals.push(
      refusal(
        'REQUIRED',
        'patients',
        { id: 'Daftar pasien', en: 'Patient list' },
        { id: 'wajib berupa daftar', en: 'must be a list' },
      ),
    );
    return fail(refusals);
  }
  patients.forEach((p, i) => {
    refusals.push(
      ...checkChoice(p?.program, FOLLOW_UP_PROGRAMS, `patients.${i}.program`, {
        id: 'Program',
        en: 'Programme',
      }),
      ...checkDate(p?.registeredOn, `patients.${i}.registeredOn`, {
        id: 'Tanggal terdaftar',
        en: 'Registration date',
      }),
      ...checkVisits(p?.visits, `patients.${i}.visits`),
    );
  });
  if (refusals.length > 0) return fail(refusals);

  const rows: FollowUpRow[] = [];
  for (const p of patients) {
    if (p.registeredOn > asOf) continue;
    const seen = p.visits.filter((v) => v.date <= asOf).map((v) => v.date);
    const lastVisit = seen.length > 0 ? seen.reduce((a, b) => (a > b ? a : b)) : undefined;
    const anchor = lastVisit ?? p.registeredOn;
    const missedMonths = missedWholeMonths(anchor, asOf);
    const control =
      p.program === 'ht'
        ? htControlStatus(p.visits, asOf, sets.ht)
        : dmControlStatus(p.visits, asOf, sets.dm);
    if (!control.ok) return control;
    rows.push({
      id: p.id,
      program: p.program,
      ...(lastVisit ? { lastVisit } : {}),
      kontrolBulanIni: lastVisit !== undefined && monthOf(lastVisit) === monthOf(asOf),
      missedMonths,
      mangkir: missedMonths >= sets.workList.mangkirMinMissedMonths,
      control: control.value,
    });
  }
  const unique = (ids: string[]) => [...new Set(ids)];
  return ok({
    asOf,
    rows,
    belumKontrolBulanIni: unique(rows.filter((r) => !r.kontrolBulanIni).map((r) => r.id)),
    tidakTerkendali: unique(
      rows.filter((r) => r.control.status === 'tidak_terkendali').map((r) => r.id),
    ),
    mangkir: unique(rows.filter((r) => r.mangkir).map((r) => r.id)),
  });
}
