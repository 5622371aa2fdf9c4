import type { AdultScreeningInput } from '@shared/contract';
import {
  CARD_SECTIONS,
  FAMILY_HISTORY_ITEMS,
  buildResultCard,
  moreUrgent,
  type AdultReferenceSets,
  type CardLine,
  type FollowUp,
  type ResultCard,
  type ScreeningInput,
} from '@shared/domain/adult';
import { completedYears, isIsoDate } from '@shared/domain/dates';
import { toFieldIssues } from '@shared/domain/refusal';
import type { Locale } from '@shared/i18n';
import { isBlank } from './hooks';

export interface ScreeningPerson {
  sex: 'L' | 'P';
  birthDate: string;
}

/** The form's own shape: every section present, blanks allowed while typing. */
export type ScreeningFormValues = AdultScreeningInput & {
  /** Whether the SRQ-20 section is open (not sent). */
  withSrq?: boolean;
};

/** Which parts of the form apply to this person on the screening date. */
export function screeningVisibility(person: ScreeningPerson, values: Partial<ScreeningFormValues>) {
  const on = values.screenedOn && isIsoDate(values.screenedOn) ? values.screenedOn : null;
  const age = on && on >= person.birthDate ? completedYears(person.birthDate, on) : null;
  const smoker = values.merokok?.status === 'aktif' || values.merokok?.status === 'mantan';
  return {
    age,
    imt: age === null || age >= 18,
    symptoms: values.gulaDarah?.test === 'gds',
    women: person.sex === 'P' && age !== null && age >= 30 && age <= 50,
    puma: age !== null && age >= 40 && smoker,
    srq: values.withSrq === true,
  };
}

export function screeningDefaults(
  person: ScreeningPerson,
  today: string,
  posyanduId: string | null,
): ScreeningFormValues {
  const age = completedYears(person.birthDate, today);
  return {
    screenedOn: today,
    place: posyanduId ? 'posyandu' : 'posbindu',
    posyanduId,
    performerId: null,
    notes: '',
    tekananDarah: {
      readings: [
        { systolic: undefined as unknown as number, diastolic: undefined as unknown as number },
        { systolic: undefined as unknown as number, diastolic: undefined as unknown as number },
      ],
    },
    // CKG: GDS below 40, GDP from 40 (domain §3.2); the clerk may change it.
    gulaDarah: { test: age >= 40 ? 'gdp' : 'gds', value: undefined as unknown as number },
    withSrq: false,
  };
}

/** Saved values → form values (two BP rows always present). */
export function screeningFormOf(input: AdultScreeningInput): ScreeningFormValues {
  const readings = [...(input.tekananDarah?.readings ?? [])];
  while (readings.length < 2) {
    readings.push({
      systolic: undefined as unknown as number,
      diastolic: undefined as unknown as number,
    });
  }
  return {
    ...input,
    notes: input.notes ?? '',
    tekananDarah: { readings },
    gulaDarah: input.gulaDarah ?? { test: 'gds', value: undefined as unknown as number },
    withSrq: input.srq20 !== undefined && input.srq20 !== null,
  };
}

/**
 * Form values → the channel's input: blank sections and readings dropped, sections that do not
 * apply to the person (PUMA for a non-smoker, IVA for a man) left out.
 */
export function normalizeScreening(person: ScreeningPerson) {
  return (raw: unknown): unknown => {
    if (!raw || typeof raw !== 'object') return raw;
    const values = raw as Partial<ScreeningFormValues>;
    const show = screeningVisibility(person, values);
    // Trailing blank readings are "not taken"; a blank first reading before a second is an error.
    const readings = [...(values.tekananDarah?.readings ?? [])];
    while (readings.length > 0 && isBlank(readings.at(-1))) readings.pop();
    const gula = values.gulaDarah;
    const merokok = values.merokok;
    const section = <T>(v: T | undefined | null, visible = true): T | undefined =>
      visible && !isBlank(v) ? (v as T) : undefined;
    return {
      screenedOn: values.screenedOn,
      place: values.place,
      posyanduId: values.place === 'posyandu' ? values.posyanduId : null,
      performerId: values.performerId,
      notes: values.notes,
      tekananDarah: readings.length > 0 ? { readings } : undefined,
      gulaDarah:
        gula && !isBlank(gula.value)
          ? {
              test: gula.test,
              value: gula.value,
              symptoms: show.symptoms ? gula.symptoms : undefined,
            }
          : undefined,
      antropometri: section(values.antropometri, show.imt),
      lingkarPerutCm: section(values.lingkarPerutCm),
      kolesterolTotal: section(values.kolesterolTotal),
      merokok: merokok && !isBlank(merokok) ? merokok : undefined,
      aktivitasMenitPerMinggu: section(values.aktivitasMenitPerMinggu),
      porsiSayurBuahPerHari: section(values.porsiSayurBuahPerHari),
      alkohol: section(values.alkohol),
      riwayatKeluarga: section(values.riwayatKeluarga),
      iva: section(values.iva, show.women),
      sadanis: section(values.sadanis, show.women),
      puma: section(values.puma, show.puma),
      srq20: show.srq && !isBlank(values.srq20) ? values.srq20 : undefined,
    };
  };
}

/** A domain refusal path → the form's path (one glucose test on the form). */
export function formPath(path: string): string {
  return path.replace(/^gulaDarah\.0\./, 'gulaDarah.');
}

export interface LiveCard {
  lines: CardLine[];
  overall?: FollowUp;
  results: ResultCard['results'];
  ageYears: number | null;
  /** Form path → problem, from the rules. */
  issues: Record<string, string>;
}

type Sections = Omit<ScreeningInput, 'person'>;

/**
 * The result card while typing: each section classified on its own, so one impossible value
 * does not hide the classes of the others. Refusals are returned by form path.
 */
export function liveScreeningCard(
  person: ScreeningPerson,
  values: Partial<ScreeningFormValues>,
  sets: AdultReferenceSets,
  locale: Locale,
): LiveCard {
  const normalized = normalizeScreening(person)(values) as Record<string, unknown>;
  const on = typeof values.screenedOn === 'string' ? values.screenedOn : '';
  const empty: LiveCard = { lines: [], results: {}, ageYears: null, issues: {} };
  if (!isIsoDate(on) || on < person.birthDate) return empty;
  const base = { sex: person.sex, birthDate: person.birthDate, on };
  const parts: Partial<Record<string, Sections>> = {
    tekananDarah: { tekananDarah: normalized.tekananDarah as Sections['tekananDarah'] },
    gulaDarah: normalized.gulaDarah
      ? { gulaDarah: [normalized.gulaDarah as NonNullable<Sections['gulaDarah']>[number]] }
      : undefined,
    antropometri: { antropometri: normalized.antropometri as Sections['antropometri'] },
    lingkarPerutCm: { lingkarPerutCm: normalized.lingkarPerutCm as number },
    kolesterolTotal: { kolesterolTotal: normalized.kolesterolTotal as number },
    merokok: { merokok: normalized.merokok as Sections['merokok'] },
    aktivitasMenitPerMinggu: {
      aktivitasMenitPerMinggu: normalized.aktivitasMenitPerMinggu as number,
    },
    porsiSayurBuahPerHari: { porsiSayurBuahPerHari: normalized.porsiSayurBuahPerHari as number },
    alkohol: { alkohol: normalized.alkohol as Sections['alkohol'] },
    riwayatKeluarga: {
      riwayatKeluarga: normalized.riwayatKeluarga as Sections['riwayatKeluarga'],
    },
    srq20: { srq20: normalized.srq20 as boolean[] },
    puma: {
      puma: normalized.puma as Sections['puma'],
      merokok: normalized.merokok as Sections['merokok'],
    },
    iva: { iva: normalized.iva as Sections['iva'] },
    sadanis: { sadanis: normalized.sadanis as Sections['sadanis'] },
  };
  const lines: CardLine[] = [];
  const results: Record<string, unknown> = {};
  const issues: Record<string, string> = {};
  let ageYears: number | null = null;
  for (const [key, part] of Object.entries(parts)) {
    const present = part && Object.entries(part).some(([k, v]) => k === key && v !== undefined);
    if (!part || !present) continue;
    const card = buildResultCard({ person: base, ...part }, sets);
    if (card.ok) {
      ageYears = card.value.ageYears;
      // PUMA's part repeats the smoking line; keep only its own.
      lines.push(...card.value.lines.filter((l) => key !== 'puma' || l.section === 'puma'));
      Object.assign(
        results,
        key === 'puma' ? { puma: card.value.results.puma } : card.value.results,
      );
    } else {
      for (const issue of toFieldIssues(card.refusals, locale)) {
        const path = formPath(issue.path);
        issues[path] ??= path.startsWith('person.')
          ? `${issue.field}: ${issue.message}`
          : issue.message;
      }
    }
  }
  lines.sort((a, b) => CARD_SECTIONS.indexOf(a.section) - CARD_SECTIONS.indexOf(b.section));
  const overall = lines.reduce<FollowUp | undefined>(
    (acc, l) => (acc ? moreUrgent(acc, l.followUp) : l.followUp),
    undefined,
  );
  return {
    lines,
    ...(overall ? { overall } : {}),
    results: results as ResultCard['results'],
    ageYears,
    issues,
  };
}

export const FAMILY_ITEMS = FAMILY_HISTORY_ITEMS;
