import { addDays, addMonths, ageOn, daysBetween } from '@shared/domain/dates';
import {
  ANC_REVISIT_DEFAULT,
  gestationalAgeFromDays,
  hplFromHpht,
  KB_DEFAULT,
  kbNextVisit,
  suggestAncNextVisit,
  type KbMethod,
} from '@shared/domain/maternal';
import { HISTORY_MONTHS, type DemoPerson, type DemoStep } from './context';

const round1 = (n: number) => Math.round(n * 10) / 10;
const at = (date: string, hour: number, minute = 0) =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}+07:00`;

/**
 * Klaster 2 · Ibu demo data: for every baby born within the history a completed pregnancy of the
 * mother (ANC contacts, delivery linked to the baby, nifas visits, vitamin A, sometimes KB
 * pascasalin); about 1.3% of the population pregnant today with contacts so far (some late for
 * their next visit, some not yet seen); and KB participants with a visit history that follows
 * each method's schedule until the next pregnancy, some of them dropping out. Realistic shares: ~15% KEK, ~25% anaemia, ~6% hypertension,
 * ~8% low birth weight, ~10% home deliveries.
 */
export const maternalStep: DemoStep = {
  name: 'kohort ibu',
  run(ctx) {
    const { rng } = ctx;
    const children = new Map<string, DemoPerson[]>();
    for (const p of ctx.persons) {
      if (p.motherId) children.set(p.motherId, [...(children.get(p.motherId) ?? []), p]);
    }
    const byId = new Map(ctx.persons.map((p) => [p.id, p]));
    const place = (mother: DemoPerson) =>
      mother.posyanduId && rng.chance(0.35)
        ? { place: 'posyandu', posyandu_id: mother.posyanduId }
        : {
            place: rng.weighted([
              ['puskesmas', 6],
              ['pustu', 2],
              ['rumah', 1],
            ] as const),
            posyandu_id: null,
          };
    const pregnantOrRecent = new Set<string>();
    /** Each KB participant's last visit so far. */
    const lastKbVisit = new Map<string, string>();
    const historyStart = addMonths(ctx.today, -HISTORY_MONTHS);
    /** The birth dates of a woman's children, oldest first. */
    const birthsOf = (woman: DemoPerson) =>
      (children.get(woman.id) ?? []).map((c) => c.birthDate).sort();

    /** ANC contacts from `firstGa` days until `until` (exclusive), following the revisit rule. */
    function contacts(
      pregnancyId: string,
      mother: DemoPerson,
      hpht: string,
      until: string,
      risk: { kek: boolean; anemia: boolean; ht: boolean },
    ) {
      const hpl = hplFromHpht(hpht);
      let date = addDays(hpht, rng.chance(0.72) ? rng.int(42, 84) : rng.int(91, 190));
      let n = 0;
      let weight = round1(rng.normal(52, 7));
      let doctorTm3 = false;
      while (date < until && date <= ctx.today) {
        const ga = gestationalAgeFromDays(daysBetween(hpht, date));
        const tm3 = ga.totalDays > 24 * 7 + 6;
        const byDoctor = n === 0 ? rng.chance(0.85) : tm3 && !doctorTm3 && rng.chance(0.5);
        if (byDoctor && tm3) doctorTm3 = true;
        const ht = risk.ht && tm3;
        const id = ctx.insert(
          'anc_contact',
          {
            pregnancy_id: pregnancyId,
            person_id: mother.id,
            visit_date: date,
            ...place(mother),
            performer_id: null,
            residence_desa_id: mother.desaId,
            by_doctor: byDoctor ? 1 : 0,
            usg: byDoctor ? 1 : 0,
            weight_kg: Math.max(35, weight),
            lila_cm:
              n === 0 ? round1(risk.kek ? rng.int(200, 233) / 10 : rng.int(236, 310) / 10) : null,
            systolic: ht ? rng.int(140, 165) : rng.int(100, 132),
            diastolic: ht ? rng.int(90, 105) : rng.int(60, 84),
            tfu_cm: ga.weeks >= 20 ? ga.weeks - rng.int(0, 3) : null,
            djj_per_min: ga.weeks >= 16 ? rng.int(128, 156) : null,
            presentation: ga.weeks >= 32 ? (rng.chance(0.95) ? 'KEPALA' : 'BOKONG') : null,
            hb_gdl:
              n === 0 || (tm3 && rng.chance(0.3))
                ? round1(risk.anemia ? rng.int(85, 109) / 10 : rng.int(110, 135) / 10)
                : null,
            protein_urine: n === 0 || ht ? (ht && rng.chance(0.4) ? 'POS1' : 'NEG') : null,
            blood_glucose_mgdl: null,
            blood_type:
              n === 0
                ? rng.weighted([
                    ['O', 4],
                    ['A', 3],
                    ['B', 3],
                    ['AB', 1],
                  ] as const)
                : null,
            rhesus: n === 0 ? 'POS' : null,
            hiv: n === 0 ? 'NON_REAKTIF' : null,
            syphilis: n === 0 ? 'NON_REAKTIF' : null,
            hbsag: n === 0 ? (rng.chance(0.02) ? 'REAKTIF' : 'NON_REAKTIF') : null,
            ttd_tablets: rng.chance(0.8) ? 30 : null,
            mt_kind: risk.kek && n === 0 ? 'MT_LOKAL' : null,
            counseling: JSON.stringify(
              n === 0 ? ['TANDA_BAHAYA', 'PHBS'] : tm3 ? ['IMD_ASI', 'KB_PASCASALIN'] : [],
            ),
            complications: '[]',
            management: null,
            referred: ht ? 1 : 0,
            next_visit_date: null,
            notes: null,
            delete_reason: null,
          },
          `${date}T02:00:00.000Z`,
        );
        if (n < 2 && rng.chance(0.55)) {
          ctx.insert('td_dose', {
            person_id: mother.id,
            dose_date: date,
            kind: 'TD',
            anc_contact_id: id,
            given_here: 1,
            place: 'puskesmas',
            posyandu_id: null,
            performer_id: null,
            residence_desa_id: mother.desaId,
            notes: null,
            delete_reason: null,
          });
        }
        n += 1;
        weight = round1(weight + rng.normal(1.6, 0.6));
        const next = suggestAncNextVisit(date, ga, ANC_REVISIT_DEFAULT) ?? addDays(date, 7);
        // Not everyone comes back on time: a few days to a few weeks late.
        date = addDays(next, rng.chance(0.7) ? rng.int(0, 5) : rng.int(6, 30));
        if (date > hpl && rng.chance(0.5)) break;
      }
    }

    function pregnancy(
      mother: DemoPerson,
      hpht: string,
      outcome: string | null,
      endedOn: string | null,
    ) {
      const before = birthsOf(mother).filter((birth) => birth < hpht);
      const born = before.length;
      const abortus = rng.chance(0.1) ? 1 : 0;
      const previous = before.at(-1);
      const risk = { kek: rng.chance(0.15), anemia: rng.chance(0.25), ht: rng.chance(0.06) };
      const id = ctx.insert(
        'pregnancy',
        {
          person_id: mother.id,
          hpht,
          dating_method: 'HPHT',
          usg_date: null,
          usg_ga_days: null,
          hpl: hplFromHpht(hpht),
          gravida: born + abortus + 1,
          para: born,
          abortus,
          previous_delivery_date: previous ?? null,
          height_cm: round1(rng.normal(153, 5.5)),
          pre_weight_kg: round1(Math.max(38, rng.normal(51, 8))),
          risk_factors: JSON.stringify(rng.chance(0.05) ? ['RIWAYAT_SC'] : []),
          posyandu_id: null,
          residence_desa_id: mother.desaId,
          outcome,
          ended_on: endedOn,
          end_note: null,
          notes: null,
          delete_reason: null,
        },
        `${addDays(hpht, 60) < ctx.today ? addDays(hpht, 60) : ctx.today}T02:00:00.000Z`,
      );
      return { id, risk };
    }

    // Completed pregnancies: every baby born within the history (one per mother and birth day).
    const delivered = new Set<string>();
    for (const baby of ctx.persons) {
      if (!baby.motherId || baby.birthDate < historyStart || baby.birthDate > ctx.today) continue;
      const mother = byId.get(baby.motherId);
      if (!mother || delivered.has(`${mother.id}:${baby.birthDate}`)) continue;
      delivered.add(`${mother.id}:${baby.birthDate}`);
      if (daysBetween(baby.birthDate, ctx.today) <= 364) pregnantOrRecent.add(mother.id);
      const gaDays = rng.chance(0.08) ? rng.int(245, 258) : rng.int(259, 290);
      const hpht = addDays(baby.birthDate, -gaDays);
      const { id, risk } = pregnancy(mother, hpht, 'PERSALINAN', baby.birthDate);
      contacts(id, mother, hpht, baby.birthDate, risk);
      const placeCode = rng.weighted([
        ['PUSKESMAS', 45],
        ['RS', 20],
        ['PMB', 20],
        ['KLINIK', 5],
        ['RUMAH', 10],
      ] as const);
      const attendant =
        placeCode === 'RS'
          ? rng.pick(['DOKTER_SPOG', 'BIDAN'] as const)
          : placeCode === 'RUMAH' && rng.chance(0.4)
            ? 'DUKUN'
            : 'BIDAN';
      const hour = rng.int(0, 23);
      const deliveredAt = at(baby.birthDate, hour, rng.int(0, 59));
      const deliveryId = ctx.insert('delivery', {
        pregnancy_id: id,
        person_id: mother.id,
        delivered_at: deliveredAt,
        delivery_date: baby.birthDate,
        delivery_place: placeCode,
        place_name: placeCode === 'RS' ? 'RSUD dr. Slamet Garut' : null,
        attendant,
        method:
          placeCode === 'RS' && rng.chance(0.5) ? 'SC' : rng.chance(0.05) ? 'VAKUM' : 'SPONTAN',
        complications: JSON.stringify(rng.chance(0.05) ? ['PERDARAHAN'] : []),
        maternal_outcome: 'HIDUP',
        performer_id: null,
        residence_desa_id: mother.desaId,
        notes: null,
      });
      const bblr = rng.chance(0.08) || gaDays < 259;
      ctx.insert('delivery_baby', {
        delivery_id: deliveryId,
        birth_order: 1,
        person_id: baby.id,
        outcome: 'LAHIR_HIDUP',
        sex: baby.sex,
        birth_weight_g: bblr ? rng.int(1900, 2490) : rng.int(2500, 3900),
        length_cm: rng.int(45, 52),
        head_circ_cm: rng.int(31, 36),
        imd: rng.chance(0.7) ? 1 : 0,
        vit_k1: attendant === 'DUKUN' ? 0 : 1,
        salep_mata: attendant === 'DUKUN' ? 0 : 1,
        hb0: attendant === 'DUKUN' ? 0 : rng.chance(0.85) ? 1 : 0,
      });
      // Nifas visits in their windows (hours after delivery), as far as today allows.
      const windows: [number, number, number][] = [
        [6, 47, 0.9],
        [72, 191, 0.8],
        [192, 695, 0.7],
        [696, 1031, 0.55],
      ];
      const deliveredMs = Date.parse(deliveredAt);
      let kbDone = false;
      windows.forEach(([from, to, p], i) => {
        if (!rng.chance(p)) return;
        const ms = deliveredMs + rng.int(from, to) * 3_600_000;
        const local = new Date(ms + 7 * 3_600_000).toISOString();
        const date = local.slice(0, 10);
        if (date > ctx.today) return;
        const visitedAt = at(date, Number(local.slice(11, 13)), Number(local.slice(14, 16)));
        const visitPlace = i === 0 ? { place: 'puskesmas', posyandu_id: null } : place(mother);
        const visitId = ctx.insert('nifas_visit', {
          pregnancy_id: id,
          person_id: mother.id,
          visited_at: visitedAt,
          visit_date: date,
          ...visitPlace,
          performer_id: null,
          residence_desa_id: mother.desaId,
          systolic: rng.int(100, 135),
          diastolic: rng.int(60, 85),
          temperature_c: round1(rng.normal(36.7, 0.3)),
          bleeding: 'NORMAL',
          lochia: 'NORMAL',
          involution: 'NORMAL',
          breast: rng.chance(0.9) ? 'NORMAL' : 'TIDAK_NORMAL',
          ttd_tablets: rng.chance(0.5) ? 30 : null,
          mental_screened: rng.chance(0.4) ? 1 : 0,
          complications: '[]',
          referred: 0,
          notes: null,
          delete_reason: null,
        });
        if (i <= 1 && rng.chance(0.8)) {
          ctx.insert('vitamin_a_nifas', {
            pregnancy_id: id,
            person_id: mother.id,
            nifas_visit_id: visitId,
            given_at: visitedAt,
            given_date: date,
            ...visitPlace,
            performer_id: null,
            residence_desa_id: mother.desaId,
            delete_reason: null,
          });
        }
        if (i >= 2 && !kbDone && rng.chance(0.45)) {
          kbDone = true;
          const method = rng.weighted([
            ['SUNTIK_3_BULAN', 5],
            ['IMPLAN', 2],
            ['IUD', 2],
            ['PIL', 1],
          ] as const);
          kbHistory(mother, method, date, deliveryId, visitId);
        }
      });
    }

    /**
     * KB visits from `start` following the method's schedule until today or, when she has a baby
     * later, the months before that pregnancy; some stop coming.
     */
    function kbHistory(
      person: DemoPerson,
      method: KbMethod,
      start: string,
      deliveryId: string | null,
      nifasVisitId: string | null,
    ) {
      const nextBirth = birthsOf(person).find((birth) => birth > start);
      const until = nextBirth ? addDays(nextBirth, -300) : ctx.today;
      let date = start;
      let first = true;
      const dropOut = rng.chance(0.15);
      for (let guard = 0; guard < 80 && date <= until; guard++) {
        const packs = method === 'PIL' ? rng.int(1, 3) : null;
        ctx.insert('kb_visit', {
          person_id: person.id,
          visit_date: date,
          ...place(person),
          performer_id: null,
          residence_desa_id: person.desaId,
          method,
          status: first ? 'BARU' : 'LAMA',
          packs,
          product:
            method === 'IMPLAN'
              ? 'IMPLAN_1_BATANG_ETONOGESTREL'
              : method === 'IUD'
                ? 'IUD_CU_T380A'
                : null,
          delivery_id: first ? deliveryId : null,
          nifas_visit_id: first ? nifasVisitId : null,
          side_effects: JSON.stringify(rng.chance(0.1) ? ['GANGGUAN_HAID'] : []),
          side_effect_note: null,
          notes: null,
          delete_reason: null,
        });
        if (date > (lastKbVisit.get(person.id) ?? '')) lastKbVisit.set(person.id, date);
        first = false;
        const next = kbNextVisit({ date, method, ...(packs ? { packs } : {}) }, KB_DEFAULT).date;
        if (!next || (dropOut && rng.chance(0.3))) break;
        date = addDays(next, rng.chance(0.8) ? rng.int(-3, 4) : rng.int(5, 40));
      }
    }

    // Pregnant today.
    const women = ctx.persons.filter((p) => {
      const age = ageOn(p.birthDate, ctx.today).years;
      return (
        p.sex === 'P' && age >= 18 && age <= 42 && !pregnantOrRecent.has(p.id) && children.has(p.id)
      );
    });
    const wanted = Math.round(ctx.persons.length * 0.013);
    const share = women.length ? Math.min(1, wanted / women.length) : 0;
    for (const mother of women) {
      if (!rng.chance(share)) continue;
      const hpht = addDays(ctx.today, -rng.int(35, 285));
      // Not while she still comes for KB (pascasalin after an earlier baby).
      if ((lastKbVisit.get(mother.id) ?? '') >= hpht) continue;
      pregnantOrRecent.add(mother.id);
      const { id, risk } = pregnancy(mother, hpht, null, null);
      // One in ten is known from the kader but not yet seen: no contact.
      if (!rng.chance(0.1)) contacts(id, mother, hpht, addDays(ctx.today, 1), risk);
    }

    // KB participants among the other women of reproductive age with children.
    for (const woman of ctx.persons) {
      const age = ageOn(woman.birthDate, ctx.today).years;
      if (woman.sex !== 'P' || age < 20 || age > 49 || pregnantOrRecent.has(woman.id)) continue;
      if (lastKbVisit.has(woman.id) || !children.has(woman.id) || !rng.chance(0.55)) continue;
      const method = rng.weighted([
        ['SUNTIK_3_BULAN', 45],
        ['PIL', 15],
        ['IMPLAN', 12],
        ['IUD', 8],
        ['SUNTIK_1_BULAN', 6],
        ['KONDOM', 3],
        ['MOW', 4],
      ] as const);
      // Since some day of the history, after her youngest child's nifas.
      const since = addDays(ctx.today, -rng.int(20, daysBetween(historyStart, ctx.today)));
      const afterNifas = addDays(birthsOf(woman).at(-1)!, 42);
      const start = since > afterNifas ? since : afterNifas;
      if (start <= ctx.today) kbHistory(woman, method, start, null, null);
    }
  },
};
