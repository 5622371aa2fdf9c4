import {
  BARTHEL_ITEMS,
  BARTHEL_MODIFIED_20,
  DEFAULT_ADULT_SETS,
  buildResultCard,
  classifyBloodPressure,
  packYears,
  type BarthelScores,
  type FollowUpProgram,
  type Medicine,
  type SkilasAnswers,
} from '@shared/domain/adult';
import type { ServicePlace } from '@shared/domain/codes/service';
import { addDays, addMonths, ageOn, daysBetween } from '@shared/domain/dates';
import { screeningColumns } from '../services/adult-rows';
import { HISTORY_MONTHS, type DemoContext, type DemoPerson, type DemoStep } from './context';

/** A day between `from` and `to` (inclusive). */
function dayBetween(ctx: DemoContext, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, ctx.rng.int(0, span));
}

const years = (p: DemoPerson, on: string) => ageOn(p.birthDate, on).years;
const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function place(
  ctx: DemoContext,
  p: DemoPerson,
): { place: ServicePlace; posyanduId: string | null } {
  const where = ctx.rng.weighted<ServicePlace>([
    ['posbindu', 4],
    ['posyandu', p.posyanduId ? 3 : 0],
    ['puskesmas', 3],
    ['pustu', 1],
    ['ukk', 0.5],
  ]);
  return { place: where, posyanduId: where === 'posyandu' ? p.posyanduId : null };
}

/** Blood pressure rising with age, a tail of untreated hypertension. */
function bloodPressure(ctx: DemoContext, age: number, raised: number) {
  const systolic = Math.round(clamp(ctx.rng.normal(104 + 0.45 * age + raised, 11), 90, 230));
  const diastolic = Math.round(
    clamp(ctx.rng.normal(systolic * 0.6 + 4 + raised * 0.2, 6), 55, systolic - 25),
  );
  return { systolic, diastolic };
}

/**
 * Klaster 3 services over the history's years, from the population: PTM screenings for about
 * half of the residents aged 15 and over each year; hypertension and DM patients (found at a
 * screening or diagnosed earlier) with monthly kontrol visits: most come and are controlled, some
 * come and are not, some stopped coming (mangkir); SKILAS and Barthel for about half of the
 * elderly each year. Every class is computed by the same rules the app uses.
 */
export const adultStep: DemoStep = {
  name: 'klaster-3',
  run(ctx) {
    const { rng, today, sqlite } = ctx;
    const nakes = (
      sqlite
        .prepare(
          "SELECT id FROM nakes WHERE deleted_at IS NULL AND active = 1 AND (klaster = 'k3' OR klaster IS NULL) ORDER BY id",
        )
        .all() as { id: string }[]
    ).map((n) => n.id);
    const performer = () => (nakes.length > 0 && rng.chance(0.85) ? rng.pick(nakes) : null);
    const yearStart = `${today.slice(0, 4)}-01-01`;
    /** A day of the calendar year `back` years before this one (0: this year, up to today). */
    const dayInYear = (back: number) =>
      back === 0
        ? dayBetween(ctx, yearStart, today)
        : dayBetween(
            ctx,
            addMonths(yearStart, -12 * back),
            addDays(addMonths(yearStart, 12 - 12 * back), -1),
          );
    /** The history's calendar years, as years back from this one. */
    const historyYears = Array.from({ length: HISTORY_MONTHS / 12 }, (_, back) => back);
    const candidates: { person: DemoPerson; program: FollowUpProgram; since: string }[] = [];

    // ------------------------------------------------------------ PTM screenings
    for (const p of ctx.persons) {
      const ageNow = years(p, today);
      if (ageNow < 15) continue;
      const dates: string[] = [];
      const coverage = ageNow >= 40 ? 0.55 : 0.4;
      for (const back of historyYears) if (rng.chance(coverage)) dates.push(dayInYear(back));
      // A hypertensive tendency per person, so repeated screenings agree.
      const raised = rng.chance(ageNow >= 45 ? 0.22 : 0.06) ? rng.int(12, 35) : 0;
      const diabetic = rng.chance(ageNow >= 40 ? 0.09 : 0.02);
      const man = p.sex === 'L';
      const heightCm = round1(clamp(rng.normal(man ? 163 : 152, 6), 135, 190));
      const imt = clamp(rng.normal(man ? 23 : 24.5, 4), 15, 42);
      const smoking = man
        ? rng.weighted([
            ['aktif', 58],
            ['mantan', 10],
            ['tidak', 32],
          ] as const)
        : rng.weighted([
            ['aktif', 2],
            ['mantan', 1],
            ['tidak', 97],
          ] as const);
      const family = {
        ht: rng.chance(0.25),
        dm: rng.chance(0.12),
        jantung: rng.chance(0.06),
        stroke: rng.chance(0.05),
      };
      // Patients diagnosed before the history (at the puskesmas or a hospital): their register
      // starts then, whatever later screenings find (the first candidate of a program is kept).
      const knownBefore: [FollowUpProgram, boolean][] = [
        ['ht', raised > 0],
        ['dm', diabetic],
      ];
      for (const [program, has] of knownBefore) {
        if (ageNow < 40 || !has || !rng.chance(0.35)) continue;
        const since = dayBetween(
          ctx,
          addMonths(today, -HISTORY_MONTHS - 24),
          addMonths(today, -HISTORY_MONTHS),
        );
        candidates.push({ person: p, program, since });
      }
      for (const on of dates) {
        const age = years(p, on);
        if (age < 15 || on < p.birthDate) continue;
        const glucoseTest: 'gds' | 'gdp' = age >= 40 ? 'gdp' : 'gds';
        const glucose =
          glucoseTest === 'gdp'
            ? Math.round(diabetic ? rng.normal(165, 35) : clamp(rng.normal(92, 9), 65, 140))
            : Math.round(diabetic ? rng.normal(245, 45) : clamp(rng.normal(108, 18), 65, 199));
        const weightKg = round1(imt * (heightCm / 100) ** 2 + rng.normal(0, 1));
        const readings = [bloodPressure(ctx, age, raised)];
        if (rng.chance(0.35)) readings.push(bloodPressure(ctx, age, raised));
        const adultImt = age >= 18;
        const values = {
          screenedOn: on,
          ...place(ctx, p),
          performerId: performer(),
          notes: null,
          tekananDarah: { readings },
          gulaDarah: rng.chance(0.8) ? { test: glucoseTest, value: glucose } : undefined,
          antropometri: adultImt ? { beratKg: weightKg, tinggiCm: heightCm } : undefined,
          lingkarPerutCm: Math.round(
            clamp(rng.normal(man ? 70 : 66, 6) + (imt - 20) * 2.4, 55, 140),
          ),
          kolesterolTotal:
            age >= 40 && rng.chance(0.3) ? Math.round(rng.normal(195, 35)) : undefined,
          merokok: { status: smoking, terpaparAsapRokok: smoking !== 'aktif' && rng.chance(0.45) },
          aktivitasMenitPerMinggu: rng.weighted([
            [0, 2],
            [60, 3],
            [90, 2],
            [150, 3],
            [300, 2],
          ] as const),
          porsiSayurBuahPerHari: rng.weighted([
            [1, 3],
            [2, 4],
            [3, 3],
            [5, 1],
          ] as const),
          alkohol: rng.chance(man ? 0.04 : 0.005) ? ('ya' as const) : ('tidak' as const),
          riwayatKeluarga: family,
          ...(p.sex === 'P' && age >= 30 && age <= 50 && rng.chance(0.25)
            ? {
                iva: rng.weighted([
                  ['negatif', 95],
                  ['positif', 4],
                  ['curiga_kanker', 1],
                ] as const),
                sadanis: rng.chance(0.97) ? ('normal' as const) : ('kelainan' as const),
              }
            : {}),
          ...(age >= 40 && smoking !== 'tidak' && rng.chance(0.6)
            ? {
                puma: {
                  packYears: round1(packYears(rng.int(4, 24), rng.int(5, Math.max(5, age - 15)))),
                  sesakNapas: rng.chance(0.25),
                  dahak: rng.chance(0.2),
                  batuk: rng.chance(0.25),
                  pernahSpirometri: rng.chance(0.05),
                },
              }
            : {}),
          ...(age >= 19 && age <= 59 && rng.chance(0.35)
            ? {
                srq20: Array.from({ length: 20 }, (_, i) =>
                  rng.chance(i === 16 ? 0.01 : rng.chance(0.12) ? 0.45 : 0.08),
                ),
              }
            : {}),
        };
        const card = buildResultCard(
          {
            person: { sex: p.sex, birthDate: p.birthDate, on },
            tekananDarah: values.tekananDarah,
            ...(values.gulaDarah ? { gulaDarah: [values.gulaDarah] } : {}),
            ...(values.antropometri ? { antropometri: values.antropometri } : {}),
            lingkarPerutCm: values.lingkarPerutCm,
            ...(values.kolesterolTotal !== undefined
              ? { kolesterolTotal: values.kolesterolTotal }
              : {}),
            merokok: values.merokok,
            aktivitasMenitPerMinggu: values.aktivitasMenitPerMinggu,
            porsiSayurBuahPerHari: values.porsiSayurBuahPerHari,
            alkohol: values.alkohol,
            riwayatKeluarga: values.riwayatKeluarga,
            ...(values.iva ? { iva: values.iva, sadanis: values.sadanis } : {}),
            ...(values.puma ? { puma: values.puma } : {}),
            ...(values.srq20 ? { srq20: values.srq20 } : {}),
          },
          DEFAULT_ADULT_SETS,
        );
        if (!card.ok) continue;
        ctx.insert(
          'adult_screening',
          {
            ...screeningColumns(values, card.value),
            person_id: p.id,
            residence_desa_id: p.desaId,
            delete_reason: null,
          },
          `${on}T03:00:00.000Z`,
        );
        const bp = card.value.results.tekananDarah;
        if (bp?.screeningPositive && rng.chance(0.6)) {
          candidates.push({
            person: p,
            program: 'ht',
            since: dayBetween(ctx, on, addDays(on, 21)),
          });
        }
        const g = card.value.results.gulaDarah?.[0];
        if ((g?.code === 'gula.dm' || g?.code === 'gula.curiga_dm') && rng.chance(0.7)) {
          candidates.push({
            person: p,
            program: 'dm',
            since: dayBetween(ctx, on, addDays(on, 28)),
          });
        }
      }
    }

    // ------------------------------------------------------------ HT/DM registers and kontrol
    type Kind = 'terkendali' | 'tidak' | 'mangkir';
    interface Schedule {
      person: DemoPerson;
      kind: Kind;
      /** Last day a mangkir patient came. */
      until: string;
      /** Month (YYYY-MM) → the visit day and the registers it serves. */
      visits: Map<string, { day: string; programs: Set<FollowUpProgram> }>;
    }
    const schedules = new Map<string, Schedule>();
    const registered = new Set<string>();
    const firstMonth = `${addMonths(today, 1 - HISTORY_MONTHS).slice(0, 7)}-01`;
    for (const c of candidates) {
      const key = `${c.person.id}:${c.program}`;
      if (registered.has(key) || c.since > today || years(c.person, c.since) < 15) continue;
      registered.add(key);
      ctx.insert(
        'adult_patient',
        {
          person_id: c.person.id,
          program: c.program,
          icd10: c.program === 'ht' ? (rng.chance(0.95) ? 'I10' : 'I11') : 'E11',
          diagnosed_on: c.since,
          diagnosed_place: rng.weighted([
            ['puskesmas', 7],
            ['rumah_sakit', 2],
            ['fktp_lain', 1],
          ] as const),
          screening_id: null,
          performer_id: performer(),
          residence_desa_id: c.person.desaId,
          ended_on: null,
          end_reason: null,
          notes: null,
          delete_reason: null,
        },
        `${c.since}T03:00:00.000Z`,
      );
      let schedule = schedules.get(c.person.id);
      if (!schedule) {
        const kind = rng.weighted<Kind>([
          ['terkendali', 5],
          ['tidak', 3],
          ['mangkir', 2],
        ]);
        schedule = {
          person: c.person,
          kind,
          until: kind === 'mangkir' ? addMonths(today, -rng.int(2, 6)) : today,
          visits: new Map(),
        };
        schedules.set(c.person.id, schedule);
      }
      // One visit a month from the month after the diagnosis (within the history).
      let monthStart = `${addMonths(c.since, 1).slice(0, 7)}-01`;
      if (monthStart < firstMonth) monthStart = firstMonth;
      while (monthStart <= today) {
        const month = monthStart.slice(0, 7);
        const existing = schedule.visits.get(month);
        if (existing) existing.programs.add(c.program);
        else if (rng.chance(schedule.kind === 'tidak' ? 0.75 : 0.9)) {
          const last = addDays(addMonths(monthStart, 1), -1);
          const day = dayBetween(ctx, monthStart, last < today ? last : today);
          if (day <= schedule.until && day > c.since) {
            schedule.visits.set(month, { day, programs: new Set([c.program]) });
          }
        }
        monthStart = addMonths(monthStart, 1);
      }
    }
    for (const schedule of schedules.values()) {
      const p = schedule.person;
      const visits = [...schedule.visits.values()].sort((x, y) => (x.day < y.day ? -1 : 1));
      for (const { day, programs } of visits) {
        const controlled = schedule.kind !== 'tidak' && rng.chance(0.85);
        const ht = programs.has('ht');
        const dm = programs.has('dm');
        const withBp = ht || rng.chance(0.6);
        const systolic = Math.round(
          controlled ? clamp(rng.normal(128, 7), 105, 139) : clamp(rng.normal(152, 10), 140, 200),
        );
        const diastolic = Math.round(
          controlled ? clamp(rng.normal(80, 5), 65, 89) : clamp(rng.normal(94, 6), 80, 120),
        );
        const bp = classifyBloodPressure(
          { readings: [{ systolic, diastolic }] },
          DEFAULT_ADULT_SETS.bp,
        );
        const medicines: Medicine[] = [
          ...(ht
            ? [
                rng.weighted<Medicine>([
                  ['amlodipin', 6],
                  ['kaptopril', 3],
                  ['hidroklorotiazid', 1],
                ]),
              ]
            : []),
          ...(dm
            ? [
                rng.weighted<Medicine>([
                  ['metformin', 7],
                  ['glibenklamid', 2],
                  ['glimepirid', 1],
                ]),
              ]
            : []),
        ];
        const at = place(ctx, p);
        ctx.insert(
          'adult_kontrol',
          {
            person_id: p.id,
            visit_on: day,
            place: at.place === 'ukk' || at.place === 'posbindu' ? 'puskesmas' : at.place,
            posyandu_id: at.posyanduId,
            performer_id: performer(),
            residence_desa_id: p.desaId,
            sistolik: withBp ? systolic : null,
            diastolik: withBp ? diastolic : null,
            td_code: withBp && bp.ok ? bp.value.code : null,
            gula_test: dm ? 'gdp' : null,
            gula_value: dm
              ? Math.round(controlled ? clamp(rng.normal(112, 9), 80, 125) : rng.normal(168, 25))
              : null,
            hba1c:
              dm && rng.chance(0.1)
                ? round1(controlled ? rng.normal(6.6, 0.3) : rng.normal(8.4, 0.8))
                : null,
            obat: JSON.stringify(medicines),
            obat_lain: null,
            kepatuhan: controlled
              ? 'teratur'
              : rng.weighted([
                  ['tidak_teratur', 3],
                  ['teratur', 1],
                  ['tidak_minum', 1],
                ] as const),
            komplikasi: JSON.stringify(
              rng.chance(0.03) ? [rng.pick(['stroke', 'jantung', 'ginjal'] as const)] : [],
            ),
            notes: null,
            delete_reason: null,
          },
          `${day}T03:00:00.000Z`,
        );
      }
    }

    // ------------------------------------------------------------ lansia
    for (const p of ctx.persons) {
      const ageNow = years(p, today);
      if (ageNow < 60) continue;
      const dates: string[] = [];
      for (const back of historyYears) if (rng.chance(0.55)) dates.push(dayInYear(back));
      const frail = clamp((ageNow - 60) / 30, 0, 1);
      for (const on of dates) {
        if (years(p, on) < 60) continue;
        const unable = rng.chance(0.03 + frail * 0.2);
        const skilas: SkilasAnswers = {
          kognitif: {
            orientasiWaktuBenar: rng.chance(0.97 - frail * 0.2),
            orientasiTempatBenar: rng.chance(0.99 - frail * 0.1),
            kataDiingat: rng.weighted([
              [3, 12 - frail * 6],
              [2, 1.5],
              [1, 0.5],
            ] as const),
          },
          mobilisasi: unable
            ? { tidakMampu: true }
            : {
                tidakMampu: false,
                waktuDetik: round1(clamp(rng.normal(10.5 + frail * 4, 2), 6, 40)),
              },
          malnutrisi: {
            beratTurun: rng.chance(0.05),
            nafsuMakanHilang: rng.chance(0.05 + frail * 0.08),
            lilaCm: round1(clamp(rng.normal(26 - frail * 3, 2.5), 15, 35)),
          },
          penglihatan: rng.chance(0.15 + frail * 0.15)
            ? { masalahMata: true }
            : { masalahMata: false, hitungJariBenar: rng.chance(0.97) },
          pendengaran: {
            tesBisik: rng.weighted([
              ['dengar', 9 - frail * 4],
              ['tidak_dengar', 1 + frail * 3],
              ['tidak_dapat_dilakukan', 0.2],
            ] as const),
          },
          depresi: { sedihTertekan: rng.chance(0.06), kurangMinat: rng.chance(0.06) },
        };
        // Barthel: most are independent; the oldest lose points item by item.
        const scores: Record<string, number> = {};
        const loss = rng.chance(0.15 + frail * 0.4) ? rng.int(1, Math.round(4 + frail * 12)) : 0;
        let left = loss;
        for (const item of BARTHEL_ITEMS)
          scores[item] = Math.max(...BARTHEL_MODIFIED_20.allowed[item]);
        while (left > 0) {
          const item = rng.pick(BARTHEL_ITEMS);
          if ((scores[item] as number) > 0) {
            scores[item] = (scores[item] as number) - 1;
            left -= 1;
          }
          if (Object.values(scores).every((v) => v === 0)) break;
        }
        const card = buildResultCard(
          {
            person: { sex: p.sex, birthDate: p.birthDate, on },
            skilas,
            barthel: scores as BarthelScores,
          },
          DEFAULT_ADULT_SETS,
        );
        if (!card.ok) continue;
        const s = card.value.results.skilas!;
        const b = card.value.results.barthel!;
        const at = place(ctx, p);
        ctx.insert(
          'adult_lansia',
          {
            person_id: p.id,
            screened_on: on,
            place: at.place === 'ukk' ? 'puskesmas' : at.place,
            posyandu_id: at.posyanduId,
            performer_id: performer(),
            residence_desa_id: p.desaId,
            age_years: card.value.ageYears,
            skilas_version: s.instrumentVersion,
            skilas_answers: JSON.stringify(s.answers),
            skilas_positive: JSON.stringify(s.positiveDomains),
            skilas_rujuk: s.rujuk ? 1 : 0,
            barthel_version: b.instrumentVersion,
            barthel_scores: JSON.stringify(b.scores),
            barthel_total: b.total,
            barthel_code: b.code,
            notes: null,
            delete_reason: null,
          },
          `${on}T03:00:00.000Z`,
        );
      }
    }
  },
};
