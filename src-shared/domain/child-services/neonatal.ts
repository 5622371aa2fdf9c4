/**
 * Neonatal visits KN1–KN3 and "KN lengkap" (domain §2.6).
 *
 * Windows [S: id.scribd.com/document/438237352 (SOP KN1); Riskesdas 2010 text]: KN1 6–48 hours,
 * KN2 day 3–7, KN3 day 8–28 after birth. KN lengkap = KN1, KN2 and KN3 each in its window
 * [S: id.scribd.com/document/585183964]; attributed to the month of KN3 (domain §5.8).
 *
 * Time is measured as elapsed time from the moment of birth, not by calendar days, so midnight
 * and time zones cannot move a visit between windows:
 * - day n of life is the n-th 24 hours: (24·(n−1) h, 24·n h]; the moment of birth is in day 1.
 *   Day 1 is therefore NOT the calendar birth day. This is the only counting under which KN1
 *   ("up to 48 hours") ends exactly where KN2 ("from day 3") begins, so the windows meet
 *   without gap or overlap;
 * - KN1: 6 h ≤ t ≤ 48 h (5 h 59 min is too early; 48 h 0 min is still KN1);
 * - KN2: 48 h < t ≤ 168 h (day 3 to the end of day 7; 48 h 1 min is KN2);
 * - KN3: 168 h < t ≤ 672 h (day 8 to the end of day 28; 672 h 1 min, day 29, is outside).
 *
 * Inputs are ISO date-times `YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM]`. Without an offset, both values
 * are taken in the same time zone (the puskesmas zone). A date without a time is accepted as
 * "some time that day": the visit is then classified only when every possible time falls in
 * the same window, otherwise it is `uncertain` and does not count toward KN lengkap.
 */
import { inForce, type ReferenceSet } from '../reference';

export type NeonatalVisit = 'KN1' | 'KN2' | 'KN3';

export interface NeonatalWindow {
  readonly visit: NeonatalVisit;
  /** Start, in hours after birth. */
  readonly fromHours: number;
  readonly fromInclusive: boolean;
  /** End, in hours after birth. */
  readonly toHours: number;
  readonly toInclusive: boolean;
}

export interface NeonatalVisitRules extends ReferenceSet {
  /** Windows in chronological order. */
  readonly windows: readonly NeonatalWindow[];
}

export const NEONATAL_VISIT_RULES: readonly NeonatalVisitRules[] = [
  {
    id: 'kn.3-kunjungan',
    title: 'Kunjungan neonatal: KN1 6–48 jam, KN2 hari 3–7, KN3 hari 8–28',
    validFrom: '2010-01-01',
    source:
      'SOP KN1 (id.scribd.com/document/438237352); Riskesdas 2010 [S]; KN lengkap id.scribd.com/document/585183964 [S]; date of effect approximate [GK]; day n = (24(n−1), 24n] hours: app definition',
    windows: [
      { visit: 'KN1', fromHours: 6, fromInclusive: true, toHours: 48, toInclusive: true },
      { visit: 'KN2', fromHours: 48, fromInclusive: false, toHours: 168, toInclusive: true },
      { visit: 'KN3', fromHours: 168, fromInclusive: false, toHours: 672, toInclusive: true },
    ],
  },
];

/** The KN rules in force on `date`, else the first shipped ones (back-entered history). */
export function neonatalRulesOn(date: string): NeonatalVisitRules {
  return inForce(NEONATAL_VISIT_RULES, date) ?? NEONATAL_VISIT_RULES[0]!;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

interface Parsed {
  /** The wall-clock time read as if it were UTC, in ms. */
  readonly wallMs: number;
  /** Offset from UTC in minutes, when written. */
  readonly offsetMinutes?: number;
  readonly dateOnly: boolean;
}

function parse(value: string): Parsed | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wallMs);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return undefined;
  }
  const zone = m[7];
  let offsetMinutes: number | undefined;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    offsetMinutes = sign * (oh * 60 + om);
  }
  return { wallMs, offsetMinutes, dateOnly: m[4] === undefined };
}

/**
 * Elapsed time from `from` to `to` in minutes, as a range: exact (min = max) when both carry a
 * time, wider when either is a bare date. Undefined when either value is not a valid date(-time).
 */
export function elapsedMinutes(
  from: string,
  to: string,
): { readonly min: number; readonly max: number } | undefined {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b) return undefined;
  const offA = a.offsetMinutes ?? b.offsetMinutes ?? 0;
  const offB = b.offsetMinutes ?? a.offsetMinutes ?? 0;
  const aStart = a.wallMs - offA * MINUTE_MS;
  const bStart = b.wallMs - offB * MINUTE_MS;
  const aEnd = a.dateOnly ? aStart + DAY_MS - MINUTE_MS : aStart;
  const bEnd = b.dateOnly ? bStart + DAY_MS - MINUTE_MS : bStart;
  return { min: (bStart - aEnd) / MINUTE_MS, max: (bEnd - aStart) / MINUTE_MS };
}

/**
 * Day of life (1-based) of a moment after birth: day n is (24(n−1), 24n] hours, the moment of
 * birth is day 1. Undefined when invalid, before birth, or not exact (a bare date).
 */
export function dayOfLife(birth: string, at: string): number | undefined {
  const range = elapsedMinutes(birth, at);
  if (!range || range.min !== range.max || range.min < 0) return undefined;
  return Math.max(1, Math.ceil(range.min / (24 * 60)));
}

type Point = NeonatalVisit | 'too-early' | 'too-late' | 'between';

function inWindow(minutes: number, w: NeonatalWindow): boolean {
  const from = w.fromHours * 60;
  const to = w.toHours * 60;
  const afterStart = w.fromInclusive ? minutes >= from : minutes > from;
  const beforeEnd = w.toInclusive ? minutes <= to : minutes < to;
  return afterStart && beforeEnd;
}

function classifyPoint(minutes: number, rules: NeonatalVisitRules): Point {
  const hit = rules.windows.find((w) => inWindow(minutes, w));
  if (hit) return hit.visit;
  const first = rules.windows[0];
  const last = rules.windows[rules.windows.length - 1];
  if (first && minutes <= first.fromHours * 60) return 'too-early';
  if (last && minutes >= last.toHours * 60) return 'too-late';
  return 'between';
}

export type NeonatalClassification =
  | { readonly kind: 'visit'; readonly visit: NeonatalVisit }
  | { readonly kind: 'outside'; readonly when: 'too-early' | 'too-late' | 'between' }
  | { readonly kind: 'uncertain'; readonly possible: readonly NeonatalVisit[] }
  | { readonly kind: 'invalid'; readonly reason: 'bad-date' | 'before-birth' };

/** Classify a visit at `visit` for a baby born at `birth` (see the module comment for units). */
export function classifyNeonatalVisit(
  birth: string,
  visit: string,
  rules: NeonatalVisitRules,
): NeonatalClassification {
  const range = elapsedMinutes(birth, visit);
  if (!range) return { kind: 'invalid', reason: 'bad-date' };
  if (range.max < 0) return { kind: 'invalid', reason: 'before-birth' };
  const a = classifyPoint(Math.max(0, range.min), rules);
  const b = classifyPoint(range.max, rules);
  if (a === b) {
    return a === 'KN1' || a === 'KN2' || a === 'KN3'
      ? { kind: 'visit', visit: a }
      : { kind: 'outside', when: a };
  }
  const possible = rules.windows
    .filter((w) => {
      const from = w.fromHours * 60;
      const to = w.toHours * 60;
      const reachesStart = w.fromInclusive ? range.max >= from : range.max > from;
      const startsBeforeEnd = w.toInclusive ? range.min <= to : range.min < to;
      return reachesStart && startsBeforeEnd;
    })
    .map((w) => w.visit);
  return { kind: 'uncertain', possible };
}

export interface KnLengkapResult {
  readonly complete: boolean;
  /** Date (as written, `YYYY-MM-DD`) of the first KN3 visit, when complete: the attribution date. */
  readonly achievedOn?: string;
  /** `YYYY-MM` of `achievedOn`: the report month. */
  readonly achievedMonth?: string;
  /** The first visit found in each window. */
  readonly kn1?: string;
  readonly kn2?: string;
  readonly kn3?: string;
  /** Visits that could not be placed in one window (bare dates); they do not count. */
  readonly uncertain: readonly string[];
  /** Visits outside every window (or invalid). */
  readonly outside: readonly string[];
}

/** KN lengkap: one visit in each of KN1, KN2 and KN3, for a baby born at `birth`. */
export function knLengkap(
  birth: string,
  visits: readonly string[],
  rules: NeonatalVisitRules,
): KnLengkapResult {
  const first: Partial<Record<NeonatalVisit, { at: string; minutes: number }>> = {};
  const uncertain: string[] = [];
  const outside: string[] = [];
  for (const at of visits) {
    const c = classifyNeonatalVisit(birth, at, rules);
    if (c.kind === 'visit') {
      const minutes = elapsedMinutes(birth, at)?.min ?? 0;
      const seen = first[c.visit];
      if (!seen || minutes < seen.minutes) first[c.visit] = { at, minutes };
    } else if (c.kind === 'uncertain') uncertain.push(at);
    else outside.push(at);
  }
  const kn1 = first.KN1?.at;
  const kn2 = first.KN2?.at;
  const kn3 = first.KN3?.at;
  const complete = kn1 !== undefined && kn2 !== undefined && kn3 !== undefined;
  const achievedOn = complete ? kn3.slice(0, 10) : undefined;
  return {
    complete,
    ...(achievedOn ? { achievedOn, achievedMonth: achievedOn.slice(0, 7) } : {}),
    ...(kn1 ? { kn1 } : {}),
    ...(kn2 ? { kn2 } : {}),
    ...(kn3 ? { kn3 } : {}),
    uncertain,
    outside,
  };
}
