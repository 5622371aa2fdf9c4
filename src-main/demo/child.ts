import {
  NEONATAL_VISIT_RULES,
  VITAMIN_A_RULES,
  classifyNeonatalVisit,
  sessionDaysInMonth,
  vitaminABand,
  vitaminARoundOf,
} from '@shared/domain/child-services';
import { addDays, addMonths } from '@shared/domain/dates';
import {
  assessMeasurement,
  expectedPosition,
  underFiveAge,
  valueAtZ,
  whoSex,
  type GrowthIndicator,
} from '@shared/domain/growth';
import {
  DUE_LIST_RULES,
  NATIONAL_SCHEDULE,
  dueList,
  validateDose,
  type DoseRecord,
} from '@shared/domain/immunization';
import { growthColumns } from '../services/child-common';
import { HISTORY_MONTHS, type DemoContext, type DemoPerson, type DemoStep } from './context';

const atWib = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A child's own growth course: where it sits on the WHO curves, and how it moves. */
interface Course {
  haz: number;
  whz: number;
  homeWhz: number;
  /** Chance of coming to a session. */
  attends: number;
  /** Chance of the doses due being given when present. */
  immunises: number;
  /** Stops being immunised after this age in months (drop-out), or never. */
  dropsOutAt: number | null;
}

function course(ctx: DemoContext): Course {
  const { rng } = ctx;
  // Around a fifth stunted and a few wasted, as in Riskesdas/SSGI for rural West Java.
  const haz = clamp(rng.normal(-1.05, 1.1), -4.2, 2.8);
  const homeWhz = clamp(rng.normal(-0.25, 0.95), -3.8, 3.2);
  return {
    haz,
    whz: homeWhz,
    homeWhz,
    attends: rng.weighted([
      [0.95, 5],
      [0.82, 3],
      [0.6, 2],
    ] as const),
    immunises: rng.weighted([
      [0.97, 8],
      [0.75, 2],
    ] as const),
    dropsOutAt: rng.chance(0.07) ? rng.int(3, 14) : null,
  };
}

/** The value at z on an indicator's curve, or null outside its table. */
const at = (indicator: GrowthIndicator, sex: 1 | 2, x: number, z: number) =>
  valueAtZ(indicator, sex, x, z);

/**
 * Klaster 2 children: every balita gets a birth profile and a Buku KIA mark; posyandu hold a
 * session each month on their schedule day; children come (some always, some often, some
 * rarely), are weighed along their own course on the WHO curves (a fifth stunted, a few wasted,
 * some falling ill and losing weight), measured for length in February and August, given the
 * doses due (mostly on time; late after missed sessions; a few drop out), Vitamin A in February
 * and August; babies born within the history get KN1–KN3 (most in their windows). Children who
 * have turned five since the history began keep the register of their balita years.
 */
export const childStep: DemoStep = {
  name: 'anak',
  run(ctx) {
    const { rng, sqlite, today } = ctx;
    const vRules = VITAMIN_A_RULES[0]!;
    const knRules = NEONATAL_VISIT_RULES[0]!;
    const dueRules = DUE_LIST_RULES[0]!;
    const schedule = NATIONAL_SCHEDULE;
    const posyandu = sqlite
      .prepare('SELECT id, schedule_week, schedule_weekday FROM posyandu ORDER BY name')
      .all() as { id: string; schedule_week: number | null; schedule_weekday: number | null }[];

    // Each posyandu's session day of a month (from its schedule).
    const scheduleOf = new Map(posyandu.map((y) => [y.id, y]));
    const sessionDayOf = (posyanduId: string, month: string): string | undefined => {
      const y = scheduleOf.get(posyanduId);
      return sessionDaysInMonth(month, y?.schedule_week ?? 2, y?.schedule_weekday ?? 2)[0];
    };
    const sessionIds = new Map<string, string>();
    const sessionId = (posyanduId: string, date: string) => {
      const key = `${posyanduId}:${date}`;
      let id = sessionIds.get(key);
      if (!id) {
        id = ctx.insert(
          'posyandu_session',
          {
            posyandu_id: posyanduId,
            session_date: date,
            basis: 'posyandu',
            performer_id: null,
            notes: null,
            delete_reason: null,
          },
          atWib(date, 6),
        );
        sessionIds.set(key, id);
      }
      return id;
    };

    const historyStart = addMonths(today, -HISTORY_MONTHS);
    const children = ctx.persons.filter((p) =>
      p.birthDate >= historyStart
        ? p.birthDate <= today
        : underFiveAge(p.birthDate, historyStart).ok,
    );
    for (const child of children) generateChild(child);

    function generateChild(child: DemoPerson) {
      const sex = whoSex(child.sex);
      const c = course(ctx);
      const bornInWindow = child.birthDate >= historyStart;
      const birthTime = `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      ctx.insert(
        'child_profile',
        {
          person_id: child.id,
          birth_time: bornInWindow ? birthTime : null,
          birth_weight_g: Math.round(clamp(rng.normal(3050 + c.haz * 120, 380), 1500, 4600)),
          birth_length_cm: round1(clamp(rng.normal(48.5 + c.haz * 0.8, 1.6), 42, 55)),
          kia_book: rng.chance(0.9) ? 1 : 0,
        },
        atWib(child.birthDate > historyStart ? child.birthDate : historyStart),
      );

      // Neonatal visits.
      if (bornInWindow) {
        const birth = `${child.birthDate}T${birthTime}`;
        const visits: [number, number, number][] = [
          [0.93, 6, 44],
          [0.87, 50, 160],
          [0.78, 172, 640],
        ];
        for (const [p, fromH, toH] of visits) {
          if (!rng.chance(p)) continue;
          const when = new Date(
            Date.parse(`${birth}:00Z`) + rng.int(fromH * 60, toH * 60) * 60_000,
          );
          const date = when.toISOString().slice(0, 10);
          if (date > today) continue;
          const time = when.toISOString().slice(11, 16);
          const kn = classifyNeonatalVisit(birth, `${date}T${time}`, knRules);
          ctx.insert(
            'neonatal_visit',
            {
              person_id: child.id,
              visit_date: date,
              visit_time: time,
              kn: kn.kind === 'visit' ? kn.visit : null,
              place: rng.chance(0.6) ? 'rumah' : 'puskesmas',
              performer_id: null,
              residence_desa_id: child.desaId,
              weight_kg: null,
              danger_signs: rng.chance(0.04) ? 1 : 0,
              vit_k1: fromH < 48 ? 1 : null,
              shk: fromH >= 48 && fromH < 170 ? (rng.chance(0.7) ? 1 : 0) : null,
              rules_id: knRules.id,
              notes: null,
              delete_reason: null,
            },
            atWib(date),
          );
        }
      }

      // Immunisation history: HB0 at birth (facility or home), then doses at the sessions.
      const history: DoseRecord[] = [];
      const give = (code: DoseRecord['code'], date: string, extra: Record<string, unknown>) => {
        if (
          validateDose(child.birthDate, history, { code, date }, schedule).some(
            (i) => i.severity === 'break',
          )
        ) {
          return;
        }
        history.push({ code, date });
        ctx.insert(
          'immunization',
          {
            person_id: child.id,
            dose_code: code,
            given_date: date,
            given_here: 1,
            place: 'posyandu',
            posyandu_id: null,
            performer_id: null,
            residence_desa_id: child.desaId,
            session_id: null,
            batch: `${code.slice(0, 3)}${date.slice(2, 4)}${rng.int(100, 999)}`,
            kipi: rng.chance(0.01) ? 1 : 0,
            kipi_notes: null,
            schedule_id: schedule.id,
            rule_breaks: '[]',
            break_reason: null,
            notes: null,
            delete_reason: null,
            ...extra,
          },
          atWib(date),
        );
      };
      if (rng.chance(0.86)) {
        const date = addDays(child.birthDate, rng.chance(0.8) ? 0 : 1);
        if (date <= today) {
          const here = child.birthDate >= historyStart && rng.chance(0.5);
          give('HB0', date, {
            given_here: here ? 1 : 0,
            place: here ? 'puskesmas' : rng.pick(['fktp_lain', 'rumah']),
          });
        }
      }

      // Posyandu days from birth: before the history window only the doses (copied from the
      // Buku KIA), within it the whole session, at the posyandu of the child's area.
      const posyanduId = child.areaPosyanduId;
      if (!posyanduId) return;
      const days: string[] = [];
      for (let month = child.birthDate.slice(0, 7); month <= today.slice(0, 7);) {
        const day = sessionDayOf(posyanduId, month);
        if (day && day <= today) days.push(day);
        month = addMonths(`${month}-01`, 1).slice(0, 7);
      }
      let illUntil = '';
      const capsuleRounds = new Set<string>();
      for (const day of days) {
        if (day < addDays(child.birthDate, 14)) continue;
        const age = underFiveAge(child.birthDate, day);
        if (!age.ok) continue;
        // The course drifts slowly; now and then an illness costs weight for a month or two.
        c.haz = clamp(c.haz + rng.normal(-0.01, 0.06), -4.5, 3);
        if (day > illUntil && rng.chance(0.04)) illUntil = addMonths(day, rng.int(1, 2));
        const target = day <= illUntil ? c.homeWhz - 1.1 : c.homeWhz;
        c.whz = clamp(c.whz + 0.45 * (target - c.whz) + rng.normal(0, 0.2), -4.5, 3.8);
        if (!rng.chance(c.attends)) continue;
        if (day < historyStart) {
          if (c.dropsOutAt !== null && age.days / 30.4375 >= c.dropsOutAt) continue;
          const due = dueList(child.birthDate, history, day, schedule, dueRules);
          for (const d of [...due.overdue, ...due.due]) {
            if (rng.chance(c.immunises)) {
              give(d.code, day, { given_here: 0, posyandu_id: posyanduId });
            }
          }
          continue;
        }

        const session = sessionId(posyanduId, day);
        const month = Number(day.slice(5, 7));
        const bulanTimbang = month === 2 || month === 8;
        const ageDays = age.days;
        const lengthTrue = at('lhfa', sex, ageDays, c.haz);
        if (lengthTrue === null) continue;
        const weighFor: GrowthIndicator = ageDays < 731 ? 'wfl' : 'wfh';
        const weightTrue =
          at(weighFor, sex, lengthTrue, c.whz) ?? at('wfa', sex, ageDays, (c.haz + c.whz) / 2);
        if (weightTrue === null) continue;
        const weightKg = round1(weightTrue + rng.normal(0, 0.05));
        const withLength = bulanTimbang || rng.chance(0.2);
        const position = expectedPosition(child.birthDate, day);
        const measured =
          ageDays >= 300 && rng.chance(0.03) ? (position === 'L' ? 'H' : 'L') : position;
        // What the clerk writes: lying is 0.7 cm longer than standing.
        const shown =
          measured === position ? lengthTrue : lengthTrue + (measured === 'L' ? 0.7 : -0.7);
        const lengthCm = withLength ? round1(shown + rng.normal(0, 0.3)) : null;
        const muacTrue =
          ageDays >= 183 && bulanTimbang ? at('acfa', sex, ageDays, c.whz * 0.8) : null;
        const m = {
          measureDate: day,
          weightKg,
          lengthCm,
          measured: lengthCm === null ? null : measured,
          muacCm: muacTrue === null ? null : round1(muacTrue),
          oedema: false,
        };
        const a = assessMeasurement(child.sex, child.birthDate, day, m);
        ctx.insert(
          'growth_measurement',
          {
            ...growthColumns(m, a, { id: child.id, desaId: child.desaId }),
            place: 'posyandu',
            posyandu_id: posyanduId,
            performer_id: null,
            session_id: session,
            asi_eksklusif: ageDays < 183 ? (rng.chance(0.7) ? 1 : 0) : null,
            notes: null,
            delete_reason: null,
          },
          atWib(day),
        );

        // Vitamin A in the round months; sweeping the month after for those who missed it.
        const round = vitaminARoundOf(day, vRules);
        const sweeping = round?.period === 'sweeping' && !capsuleRounds.has(round.round);
        if (round && (bulanTimbang || sweeping)) {
          const band = vitaminABand(child.birthDate, day, vRules);
          if (band && rng.chance(bulanTimbang ? 0.9 : 0.7)) {
            capsuleRounds.add(round.round);
            ctx.insert(
              'vitamin_a',
              {
                person_id: child.id,
                given_date: day,
                capsule: band.capsule,
                round: round.round,
                place: 'posyandu',
                posyandu_id: posyanduId,
                performer_id: null,
                residence_desa_id: child.desaId,
                session_id: session,
                rules_id: vRules.id,
                rule_breaks: '[]',
                break_reason: null,
                notes: null,
                delete_reason: null,
              },
              atWib(day),
            );
          }
        }

        // The doses due that day.
        if (c.dropsOutAt !== null && ageDays / 30.4375 >= c.dropsOutAt) continue;
        const due = dueList(child.birthDate, history, day, schedule, dueRules);
        for (const d of [...due.overdue, ...due.due]) {
          if (!rng.chance(c.immunises)) continue;
          give(d.code, day, {
            place: 'posyandu',
            posyandu_id: posyanduId,
            session_id: session,
          });
        }
      }
    }
    ctx.counts.anak = children.length;
  },
};
