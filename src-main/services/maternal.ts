import type { Kysely } from 'kysely';
import {
  AppError,
  personInput,
  summariseIssues,
  TIMEZONE_OFFSETS,
  type ChannelOutput,
  type MaternalRulesView,
  type ParsedInput,
  type PersonMaternal,
  type PregnancyCard,
  type TdView,
} from '@shared/contract';
import { addDays, daysBetween, localDate } from '@shared/domain/dates';
import {
  ANC_SPLIT_SETS,
  checkAncMeasurements,
  checkBirthWeight,
  checkDeliveryGestationalAge,
  checkExtraRange,
  checkObstetricHistory,
  checkRange,
  checkVisitWindow,
  describeEpisode,
  gestationalAgeAt,
  hplFromHpht,
  hplFromUsg,
  isBblr,
  isKbPascasalin,
  isMkjp,
  isPersalinanNakes,
  jarakKehamilanBulan,
  KB_DEFAULT,
  kbDue,
  kbNextVisit,
  kbParticipantStatus,
  kfWindowOf,
  labelAncContacts,
  localDateOf,
  maternalRules,
  NIFAS_SETS,
  pregnancyStart,
  TRIMESTER_SETS,
  tdStatus,
  type AncComplication,
  type Counseling,
  type DeliveryAttendant,
  type DeliveryComplication,
  type DeliveryMethod,
  type DeliveryPlace,
  type EpisodeView,
  type KbMethod,
  type KbService,
  type KbSideEffect,
  type MaternalRuleChoice,
  type MaternalRules,
  type NifasComplication,
  type PregnancyRiskFactor,
  type TdStatus,
} from '@shared/domain/maternal';
import { toFieldIssues, type Refusal } from '@shared/domain/refusal';
import { translate, type Locale, type MessageKey, type MessageParams } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import { insertRecord, softDelete, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import {
  episodeInput,
  findPerson,
  list,
  loadFacts,
  loadTdDoses,
  readRuleChoice,
  RULES_KEY,
  type AncRow,
  type EpisodeFacts,
  type KbRow,
  type MotherRow,
  type PregnancyRow,
  type TdRow,
} from './maternal-data';
import { insertPerson } from './person-write';
import type { RegionsService } from './regions';

type PregnancyInput = ParsedInput<'maternal.createPregnancy'>['pregnancy'];
type AncInput = ParsedInput<'maternal.saveAnc'>['contact'];
type DeliveryInput = ParsedInput<'maternal.saveDelivery'>['delivery'];
type NifasInput = ParsedInput<'maternal.saveNifas'>['visit'];
type KbInput = ParsedInput<'kb.save'>['visit'];
type Saved = { id: string; pregnancyId: string | null };

/** Refuse with the rule's field-named messages, paths under `prefix` (e.g. `contact.`). */
export function refuse(
  locale: Locale,
  refusals: readonly Refusal[],
  prefix = '',
  rename: Record<string, string> = {},
): never {
  const issues = toFieldIssues(
    refusals.map((r) => ({ ...r, path: `${prefix}${rename[r.path] ?? r.path}` })),
    locale,
  );
  throw new AppError('INVALID_INPUT', summariseIssues(issues), { issues });
}

/** A service-side problem with one field, in the clerk's language. */
function fieldError(
  locale: Locale,
  path: string,
  key: MessageKey,
  params?: MessageParams,
  code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT',
): AppError {
  return AppError.field(locale, path, translate(locale, key, params), { code });
}

const shortDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const json = (values: readonly string[]) => JSON.stringify(values);
const flag = (b: boolean) => (b ? 1 : 0);

/**
 * Klaster 2 maternal: pregnancy episodes, ANC contacts, delivery (babies become persons), nifas,
 * the mother's vitamin A, Td doses and KB. Every write is one transaction with its audit rows;
 * every rule comes from `@shared/domain/maternal`.
 */
export function createMaternalService(
  deps: ServiceDeps,
  regions: RegionsService,
  facility: FacilityService,
) {
  const { db, now } = deps;

  async function clock(): Promise<{ today: string; offset: string }> {
    const f = await facility.find();
    const offset = TIMEZONE_OFFSETS[f?.timezone ?? 'WIB'];
    return { today: localDate(now(), offset), offset };
  }

  async function currentRules(): Promise<{ choice: MaternalRuleChoice; rules: MaternalRules }> {
    const choice = await readRuleChoice(db);
    return { choice, rules: maternalRules(choice) };
  }

  function rulesView(rules: MaternalRules): MaternalRulesView {
    const slots: string[] = [];
    const total = rules.split.perTrimester.reduce((a, b) => a + b, 0);
    for (let i = 1; i <= total; i++) slots.push(`K${i}`);
    return {
      choice: {
        ancSplitId: rules.split.id,
        trimesterId: rules.trimester.id,
        nifasId: rules.nifas.id,
      },
      options: {
        ancSplit: ANC_SPLIT_SETS.map((s) => ({ id: s.id, title: s.title })),
        trimester: TRIMESTER_SETS.map((s) => ({ id: s.id, title: s.title })),
        nifas: NIFAS_SETS.map((s) => ({ id: s.id, title: s.title })),
      },
      kSlots: slots,
      kfSlots: rules.nifas.windows.map((w) => w.code),
    };
  }

  async function mother(q: Kysely<DB>, id: string, locale: Locale, path = 'motherId') {
    const m = await findPerson(q, id);
    if (!m || m.deleted_at) throw fieldError(locale, path, 'maternal.error.motherUnknown');
    if (m.sex !== 'P') throw fieldError(locale, path, 'maternal.error.motherNotFemale');
    return m;
  }

  async function pregnancy(q: Kysely<DB>, id: string, locale: Locale): Promise<PregnancyRow> {
    const p = await q
      .selectFrom('pregnancy')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!p) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    return p;
  }

  async function checkPlace(
    ctx: WriteContext,
    v: { posyanduId: string | null; performerId: string | null; place: string },
    prefix: string,
  ): Promise<void> {
    if (v.posyanduId) {
      const y = await ctx.trx
        .selectFrom('posyandu')
        .select('id')
        .where('id', '=', v.posyanduId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!y) throw fieldError(ctx.locale, `${prefix}posyanduId`, 'error.person.posyandu');
    }
    if (v.performerId) {
      const n = await ctx.trx
        .selectFrom('nakes')
        .select('id')
        .where('id', '=', v.performerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!n) throw fieldError(ctx.locale, `${prefix}performerId`, 'maternal.error.performer');
    }
  }

  // ---------------------------------------------------------------- pregnancy episode

  /** Dating and history checks: returns the stored dating columns. */
  function datePregnancy(
    input: PregnancyInput,
    m: MotherRow,
    rules: MaternalRules,
    today: string,
    locale: Locale,
  ) {
    const prefix = 'pregnancy.';
    let hpl: string;
    let usgGaDays: number | null = null;
    if (input.hpht && input.hpht > today)
      throw fieldError(locale, `${prefix}hpht`, 'maternal.error.future');
    if (input.usgDate && input.usgDate > today)
      throw fieldError(locale, `${prefix}usgDate`, 'maternal.error.future');
    if (input.datingMethod === 'HPHT') {
      hpl = hplFromHpht(input.hpht!);
    } else if (input.datingMethod === 'USG') {
      const ga = { weeks: input.usgGaWeeks ?? -1, days: input.usgGaDays ?? 0 };
      const r = hplFromUsg(input.usgDate!, ga, rules.plausibility);
      if (!r.ok) refuse(locale, r.refusals, prefix, { usgGestationalAge: 'usgGaWeeks' });
      hpl = r.value;
      usgGaDays = ga.weeks * 7 + ga.days;
    } else {
      hpl = input.hpl!;
    }
    const start = pregnancyStart({ hpht: input.hpht, hpl });
    if (start > today) throw fieldError(locale, `${prefix}hpl`, 'maternal.error.hplTooLate');
    if (input.hpht && input.hpht < addDays(hpl, -320)) {
      throw fieldError(locale, `${prefix}hpl`, 'maternal.error.hplFarFromHpht');
    }
    const problems: Refusal[] = [];
    const gpa = checkObstetricHistory(input, rules.plausibility);
    if (!gpa.ok) problems.push(...gpa.refusals);
    if (input.previousDeliveryDate) {
      const jarak = jarakKehamilanBulan(input.previousDeliveryDate, start);
      if (!jarak.ok) problems.push(...jarak.refusals);
    }
    if (input.heightCm !== null)
      problems.push(...checkRange('heightCm', input.heightCm, rules.plausibility));
    if (input.preWeightKg !== null) {
      problems.push(
        ...checkRange('weightKg', input.preWeightKg, rules.plausibility, 'preWeightKg'),
      );
    }
    const age = daysBetween(m.birth_date, start) / 365.25;
    if (age < rules.plausibility.ranges.maternalAgeYears.min) {
      throw fieldError(locale, `${prefix}hpht`, 'maternal.error.motherTooYoung', {
        birth: shortDate(m.birth_date),
      });
    }
    if (problems.length > 0) refuse(locale, problems, prefix);
    return {
      dating_method: input.datingMethod,
      hpht: input.hpht,
      usg_date: input.datingMethod === 'USG' ? input.usgDate : null,
      usg_ga_days: usgGaDays,
      hpl,
      start,
    };
  }

  async function savePregnancy(
    actor: Actor,
    motherId: string,
    input: PregnancyInput,
    existing: { id: string; version: number } | null,
  ): Promise<Saved> {
    const { today } = await clock();
    const { rules } = await currentRules();
    return write(deps, actor, async (ctx) => {
      const m = await mother(ctx.trx, motherId, ctx.locale);
      const dated = datePregnancy(input, m, rules, today, ctx.locale);
      const others = await ctx.trx
        .selectFrom('pregnancy')
        .select(['id', 'outcome', 'ended_on', 'hpl'])
        .where('person_id', '=', motherId)
        .where('deleted_at', 'is', null)
        .where('id', '!=', existing?.id ?? '')
        .execute();
      if (!existing) {
        const open = others.find((o) => o.outcome === null);
        if (open) {
          throw fieldError(ctx.locale, 'motherId', 'maternal.error.openPregnancy', {
            hpl: shortDate(open.hpl),
          });
        }
      }
      const overlapping = others.find((o) => o.ended_on !== null && o.ended_on >= dated.start);
      if (overlapping) {
        throw fieldError(ctx.locale, 'pregnancy.hpht', 'maternal.error.overlap', {
          end: shortDate(overlapping.ended_on!),
        });
      }
      if (input.posyanduId) {
        await checkPlace(ctx, { ...input, performerId: null, place: 'posyandu' }, 'pregnancy.');
      }
      const values = {
        dating_method: dated.dating_method,
        hpht: dated.hpht,
        usg_date: dated.usg_date,
        usg_ga_days: dated.usg_ga_days,
        hpl: dated.hpl,
        gravida: input.gravida,
        para: input.para,
        abortus: input.abortus,
        previous_delivery_date: input.previousDeliveryDate,
        height_cm: input.heightCm,
        pre_weight_kg: input.preWeightKg,
        risk_factors: json(input.riskFactors),
        posyandu_id: input.posyanduId,
        notes: input.notes,
      };
      if (!existing) {
        const id = await insertRecord(ctx, 'pregnancy', {
          ...values,
          person_id: motherId,
          residence_desa_id: m.desa_id,
          outcome: null,
          ended_on: null,
          end_note: null,
          delete_reason: null,
        });
        return { id, pregnancyId: id };
      }
      // Still there inside the transaction (NOT_FOUND otherwise).
      await pregnancy(ctx.trx, existing.id, ctx.locale);
      // The recorded visits and the delivery must stay inside the new dating.
      const facts = (await loadFacts(ctx.trx, [existing.id])).get(existing.id)!;
      for (const c of facts.contacts) {
        const w = checkVisitWindow(
          c.visit_date,
          { hpl: dated.hpl, hpht: dated.start },
          rules.dating,
        );
        if (!w.ok) {
          throw fieldError(ctx.locale, 'pregnancy.hpht', 'maternal.error.contactOutside', {
            date: shortDate(c.visit_date),
          });
        }
      }
      if (facts.delivery && facts.delivery.delivery_date < dated.start) {
        throw fieldError(ctx.locale, 'pregnancy.hpht', 'maternal.error.deliveryOutside');
      }
      await updateRecord(ctx, 'pregnancy', existing.id, existing.version, values);
      return { id: existing.id, pregnancyId: existing.id };
    });
  }

  /**
   * The day a pregnancy ends (closed, or delivered): not in the future, not before she was
   * pregnant, not before her last ANC contact.
   */
  async function checkPregnancyEnd(
    ctx: WriteContext,
    p: PregnancyRow,
    date: string,
    path: string,
    today: string,
  ): Promise<void> {
    const start = pregnancyStart(p);
    if (date > today) throw fieldError(ctx.locale, path, 'maternal.error.future');
    if (date < start) {
      throw fieldError(ctx.locale, path, 'maternal.error.beforeStart', { start: shortDate(start) });
    }
    const last = await ctx.trx
      .selectFrom('anc_contact')
      .select('visit_date')
      .where('pregnancy_id', '=', p.id)
      .where('deleted_at', 'is', null)
      .orderBy('visit_date', 'desc')
      .executeTakeFirst();
    if (last && date < last.visit_date) {
      throw fieldError(ctx.locale, path, 'maternal.error.beforeContact', {
        date: shortDate(last.visit_date),
      });
    }
  }

  async function closePregnancy(
    actor: Actor,
    input: ParsedInput<'maternal.closePregnancy'>,
  ): Promise<Saved> {
    const { today } = await clock();
    const { rules } = await currentRules();
    return write(deps, actor, async (ctx) => {
      const p = await pregnancy(ctx.trx, input.id, ctx.locale);
      if (p.outcome !== null) throw AppError.of('CONFLICT', ctx.locale, 'maternal.error.closed');
      await checkPregnancyEnd(ctx, p, input.endedOn, 'endedOn', today);
      if (input.outcome === 'ABORTUS') {
        const ga = gestationalAgeAt(p.hpl, input.endedOn);
        const limit = rules.plausibility.ranges.deliveryGaDays.min;
        if (ga.totalDays >= limit) {
          throw fieldError(ctx.locale, 'outcome', 'maternal.error.abortusTooLate', {
            weeks: Math.floor(limit / 7),
            ga: `${ga.weeks} mgg ${ga.days} hr`,
          });
        }
      }
      await updateRecord(ctx, 'pregnancy', p.id, input.version, {
        outcome: input.outcome,
        ended_on: input.endedOn,
        end_note: input.note,
      });
      return { id: p.id, pregnancyId: p.id };
    });
  }

  // ---------------------------------------------------------------- ANC contact

  async function saveAnc(actor: Actor, input: ParsedInput<'maternal.saveAnc'>): Promise<Saved> {
    const { today } = await clock();
    const { rules } = await currentRules();
    const c: AncInput = input.contact;
    const prefix = 'contact.';
    return write(deps, actor, async (ctx) => {
      const p = await pregnancy(ctx.trx, input.pregnancyId, ctx.locale);
      const start = pregnancyStart(p);
      if (c.visitDate > today)
        throw fieldError(ctx.locale, `${prefix}visitDate`, 'maternal.error.future');
      const window = checkVisitWindow(c.visitDate, { hpl: p.hpl, hpht: start }, rules.dating);
      if (!window.ok) refuse(ctx.locale, window.refusals, prefix);
      if (p.ended_on && c.visitDate > p.ended_on) {
        throw fieldError(ctx.locale, `${prefix}visitDate`, 'maternal.error.afterEnd', {
          end: shortDate(p.ended_on),
        });
      }
      const measured = checkAncMeasurements(
        Object.fromEntries(
          (['weightKg', 'lilaCm', 'systolic', 'diastolic', 'tfuCm', 'djjPerMin', 'hbGdl'] as const)
            .filter((k) => c[k] !== null)
            .map((k) => [k, c[k]]),
        ),
        rules.plausibility,
      );
      const extra = checkExtraRange('bloodGlucoseMgdl', c.bloodGlucoseMgdl);
      if (!measured.ok || extra.length > 0) {
        refuse(ctx.locale, [...(measured.ok ? [] : measured.refusals), ...extra], prefix);
      }
      // One contact per date, in order: the label rule refuses a second contact on a date.
      const others = await ctx.trx
        .selectFrom('anc_contact')
        .select(['id', 'visit_date', 'by_doctor'])
        .where('pregnancy_id', '=', p.id)
        .where('deleted_at', 'is', null)
        .where('id', '!=', input.id ?? '')
        .execute();
      if (others.some((o) => o.visit_date === c.visitDate)) {
        const dated = [...others.map((o) => o.visit_date), c.visitDate].sort();
        const labelled = labelAncContacts(
          dated.map((date) => ({ date, trimester: 1 })),
          rules.split,
        );
        if (!labelled.ok) {
          refuse(
            ctx.locale,
            labelled.refusals.map((r) => ({ ...r, path: 'visitDate' })),
            prefix,
          );
        }
      }
      await checkPlace(ctx, c, prefix);
      const m = await mother(ctx.trx, p.person_id, ctx.locale);
      const values = {
        visit_date: c.visitDate,
        place: c.place,
        posyandu_id: c.place === 'posyandu' ? c.posyanduId : null,
        performer_id: c.performerId,
        by_doctor: flag(c.byDoctor),
        usg: flag(c.usg),
        weight_kg: c.weightKg,
        lila_cm: c.lilaCm,
        systolic: c.systolic,
        diastolic: c.diastolic,
        tfu_cm: c.tfuCm,
        djj_per_min: c.djjPerMin,
        presentation: c.presentation,
        hb_gdl: c.hbGdl,
        protein_urine: c.proteinUrine,
        blood_glucose_mgdl: c.bloodGlucoseMgdl,
        blood_type: c.bloodType,
        rhesus: c.rhesus,
        hiv: c.hiv,
        syphilis: c.syphilis,
        hbsag: c.hbsag,
        ttd_tablets: c.ttdTablets,
        mt_kind: c.mtKind,
        counseling: json(c.counseling),
        complications: json(c.complications),
        management: c.management,
        referred: flag(c.referred),
        next_visit_date: c.nextVisitDate,
        notes: c.notes,
      };
      if (c.nextVisitDate && c.nextVisitDate <= c.visitDate) {
        throw fieldError(ctx.locale, `${prefix}nextVisitDate`, 'maternal.error.nextVisitBefore');
      }
      let id: string;
      if (input.id) {
        if (input.version === undefined)
          throw AppError.of('CONFLICT', ctx.locale, 'error.CONFLICT', { version: '?', at: '' });
        const row = await ctx.trx
          .selectFrom('anc_contact')
          .select(['id', 'pregnancy_id'])
          .where('id', '=', input.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!row || row.pregnancy_id !== p.id)
          throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
        await updateRecord(ctx, 'anc_contact', input.id, input.version, values);
        id = input.id;
      } else {
        id = await insertRecord(ctx, 'anc_contact', {
          ...values,
          pregnancy_id: p.id,
          person_id: p.person_id,
          residence_desa_id: m.desa_id,
          delete_reason: null,
        });
      }
      // The Td dose given at this contact is a dose of the woman's Td history.
      const dose = await ctx.trx
        .selectFrom('td_dose')
        .select(['id', 'version', 'dose_date'])
        .where('anc_contact_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (c.tdGiven && !dose) {
        await insertRecord(ctx, 'td_dose', {
          person_id: p.person_id,
          dose_date: c.visitDate,
          kind: 'TD',
          anc_contact_id: id,
          given_here: 1,
          place: c.place,
          posyandu_id: values.posyandu_id,
          performer_id: c.performerId,
          residence_desa_id: m.desa_id,
          notes: null,
          delete_reason: null,
        });
      } else if (c.tdGiven && dose && dose.dose_date !== c.visitDate) {
        await updateRecord(ctx, 'td_dose', dose.id, dose.version, { dose_date: c.visitDate });
      } else if (!c.tdGiven && dose) {
        await softDelete(ctx, 'td_dose', dose.id, dose.version, {
          delete_reason: translate(ctx.locale, 'maternal.td.removedFromContact'),
        });
      }
      return { id, pregnancyId: p.id };
    });
  }

  // ---------------------------------------------------------------- delivery

  function babyName(m: MotherRow, order: number, count: number): string {
    const first = m.name.replace(/^(ny\.?|nyonya|hj\.?)\s+/i, '').split(/\s+/)[0] ?? m.name;
    return count > 1 ? `By. Ny. ${first} ${order}` : `By. Ny. ${first}`;
  }

  async function saveDelivery(
    actor: Actor,
    input: ParsedInput<'maternal.saveDelivery'>,
  ): Promise<Saved & { babyPersonIds: string[] }> {
    const { today } = await clock();
    const { rules } = await currentRules();
    const d: DeliveryInput = input.delivery;
    const prefix = 'delivery.';
    return write(deps, actor, async (ctx) => {
      const p = await pregnancy(ctx.trx, input.pregnancyId, ctx.locale);
      const existing = await ctx.trx
        .selectFrom('delivery')
        .selectAll()
        .where('pregnancy_id', '=', p.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!input.id && existing)
        throw AppError.of('CONFLICT', ctx.locale, 'maternal.error.deliveryExists');
      if (!input.id && p.outcome !== null)
        throw AppError.of('CONFLICT', ctx.locale, 'maternal.error.closed');
      if (input.id && (!existing || existing.id !== input.id)) {
        throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
      }
      const date = localDateOf(d.deliveredAt);
      await checkPregnancyEnd(ctx, p, date, `${prefix}deliveredAt`, today);
      const problems: Refusal[] = [];
      const ga = gestationalAgeAt(p.hpl, date);
      const gaCheck = checkDeliveryGestationalAge(ga.totalDays, rules.plausibility);
      if (!gaCheck.ok)
        problems.push(...gaCheck.refusals.map((r) => ({ ...r, path: 'deliveredAt' })));
      d.babies.forEach((b, i) => {
        if (b.birthWeightG !== null) {
          const w = checkBirthWeight(b.birthWeightG, rules.plausibility);
          if (!w.ok)
            problems.push(...w.refusals.map((r) => ({ ...r, path: `babies.${i}.birthWeightG` })));
        }
        problems.push(...checkExtraRange('lengthCm', b.lengthCm, `babies.${i}.lengthCm`));
        problems.push(...checkExtraRange('headCircCm', b.headCircCm, `babies.${i}.headCircCm`));
      });
      if (problems.length > 0) refuse(ctx.locale, problems, prefix);
      if (d.performerId)
        await checkPlace(ctx, { posyanduId: null, performerId: d.performerId, place: '' }, prefix);
      const m = await mother(ctx.trx, p.person_id, ctx.locale);
      const values = {
        delivered_at: d.deliveredAt,
        delivery_date: date,
        delivery_place: d.place,
        place_name: d.placeName,
        attendant: d.attendant,
        method: d.method,
        complications: json(d.complications),
        maternal_outcome: d.maternalOutcome,
        performer_id: d.performerId,
        notes: d.notes,
      };
      const babyValues = (b: DeliveryInput['babies'][number]) => ({
        birth_weight_g: b.birthWeightG,
        length_cm: b.lengthCm,
        head_circ_cm: b.headCircCm,
        imd: flag(b.imd),
        vit_k1: flag(b.vitK1),
        salep_mata: flag(b.salepMata),
        hb0: flag(b.hb0),
      });

      if (input.id && existing) {
        if (input.version === undefined)
          throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
        const babies = await ctx.trx
          .selectFrom('delivery_baby')
          .selectAll()
          .where('delivery_id', '=', existing.id)
          .where('deleted_at', 'is', null)
          .orderBy('birth_order')
          .execute();
        if (babies.length !== d.babies.length) {
          throw fieldError(ctx.locale, `${prefix}babies`, 'maternal.error.babyCountFixed');
        }
        await updateRecord(ctx, 'delivery', existing.id, input.version, values);
        for (const [i, b] of babies.entries()) {
          await updateRecord(ctx, 'delivery_baby', b.id, b.version, babyValues(d.babies[i]!));
        }
        if (p.ended_on !== date) {
          await updateRecord(ctx, 'pregnancy', p.id, p.version, { ended_on: date });
        }
        return {
          id: existing.id,
          pregnancyId: p.id,
          babyPersonIds: babies.map((b) => b.person_id).filter((x): x is string => !!x),
        };
      }

      const deliveryId = await insertRecord(ctx, 'delivery', {
        ...values,
        pregnancy_id: p.id,
        person_id: p.person_id,
        residence_desa_id: m.desa_id,
      });
      const babyPersonIds: string[] = [];
      for (const [i, b] of d.babies.entries()) {
        let personId: string | null = null;
        if (b.outcome === 'LAHIR_HIDUP') {
          // The registry's "belum punya NIK" path: the mother's NIK, her KK and address.
          const person = personInput.parse({
            nik: null,
            nikIbu: m.nik,
            noKk: m.no_kk,
            name: b.name ?? babyName(m, i + 1, d.babies.length),
            sex: b.sex,
            birthDate: date,
            birthPlace: d.placeName,
            desaId: m.desa_id,
            outsideAddress: m.desa_id ? null : m.outside_address,
            rt: m.rt,
            rw: m.rw,
            address: m.address,
            posyanduId: m.posyandu_id,
          });
          personId = await insertPerson(ctx, person, { regions, today, motherId: m.id });
          babyPersonIds.push(personId);
        }
        await insertRecord(ctx, 'delivery_baby', {
          ...babyValues(b),
          delivery_id: deliveryId,
          birth_order: i + 1,
          person_id: personId,
          outcome: b.outcome,
          sex: b.sex,
        });
      }
      await updateRecord(ctx, 'pregnancy', p.id, p.version, {
        outcome: 'PERSALINAN',
        ended_on: date,
      });
      return { id: deliveryId, pregnancyId: p.id, babyPersonIds };
    });
  }

  // ---------------------------------------------------------------- nifas, vitamin A

  async function deliveryOf(ctx: WriteContext, pregnancyId: string, path: string) {
    const d = await ctx.trx
      .selectFrom('delivery')
      .selectAll()
      .where('pregnancy_id', '=', pregnancyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!d) throw fieldError(ctx.locale, path, 'maternal.error.noDelivery');
    return d;
  }

  function checkNifasTime(
    ctx: WriteContext,
    deliveredAt: string,
    at: string,
    path: string,
    rules: MaternalRules,
    today: string,
  ) {
    if (localDateOf(at) > today) throw fieldError(ctx.locale, path, 'maternal.error.future');
    const w = kfWindowOf(deliveredAt, at, rules.nifas);
    if (w.outside === 'BEFORE_DELIVERY')
      throw fieldError(ctx.locale, path, 'maternal.error.beforeDelivery');
    if (w.outside === 'TOO_EARLY') {
      throw fieldError(ctx.locale, path, 'maternal.error.nifasTooEarly', {
        hours: rules.nifas.windows[0]?.fromHours ?? 6,
      });
    }
    if (w.outside === 'AFTER_NIFAS')
      throw fieldError(ctx.locale, path, 'maternal.error.afterNifas');
    return w;
  }

  /** Her last delivery on or before `date` (KB after it may be pascasalin). */
  function lastDelivery(q: Kysely<DB>, personId: string, date: string) {
    return q
      .selectFrom('delivery')
      .select(['id', 'delivered_at', 'delivery_date'])
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .where('delivery_date', '<=', date)
      .orderBy('delivery_date', 'desc')
      .executeTakeFirst();
  }

  /** The participant status of a KB service, with the visit before it that decided it. */
  async function kbStatusFor(
    q: Kysely<DB>,
    personId: string,
    service: KbService,
    excludeId: string | null,
  ) {
    const previous = await q
      .selectFrom('kb_visit')
      .selectAll()
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .where('visit_date', '<', service.date)
      .where('id', '!=', excludeId ?? '')
      .orderBy('visit_date', 'desc')
      .executeTakeFirst();
    const ended = await q
      .selectFrom('pregnancy')
      .select('ended_on')
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .where('ended_on', 'is not', null)
      .where('ended_on', '<=', service.date)
      .orderBy('ended_on', 'desc')
      .executeTakeFirst();
    const status = kbParticipantStatus(
      service,
      previous ? kbServiceOf(previous) : undefined,
      KB_DEFAULT,
      ended?.ended_on ?? undefined,
    );
    return { status, previous };
  }

  async function saveNifas(actor: Actor, input: ParsedInput<'maternal.saveNifas'>): Promise<Saved> {
    const { today } = await clock();
    const { rules } = await currentRules();
    const v: NifasInput = input.visit;
    const prefix = 'visit.';
    return write(deps, actor, async (ctx) => {
      const p = await pregnancy(ctx.trx, input.pregnancyId, ctx.locale);
      const d = await deliveryOf(ctx, p.id, `${prefix}visitedAt`);
      checkNifasTime(ctx, d.delivered_at, v.visitedAt, `${prefix}visitedAt`, rules, today);
      const problems: Refusal[] = [];
      const bp = checkAncMeasurements(
        v.systolic === null && v.diastolic === null
          ? {}
          : {
              ...(v.systolic !== null ? { systolic: v.systolic } : {}),
              ...(v.diastolic !== null ? { diastolic: v.diastolic } : {}),
            },
        rules.plausibility,
      );
      if (!bp.ok) problems.push(...bp.refusals);
      problems.push(...checkExtraRange('temperatureC', v.temperatureC));
      if (problems.length > 0) refuse(ctx.locale, problems, prefix);
      await checkPlace(ctx, v, prefix);
      const m = await mother(ctx.trx, p.person_id, ctx.locale);
      const date = localDateOf(v.visitedAt);
      const posyanduId = v.place === 'posyandu' ? v.posyanduId : null;
      const values = {
        visited_at: v.visitedAt,
        visit_date: date,
        place: v.place,
        posyandu_id: posyanduId,
        performer_id: v.performerId,
        systolic: v.systolic,
        diastolic: v.diastolic,
        temperature_c: v.temperatureC,
        bleeding: v.bleeding,
        lochia: v.lochia,
        involution: v.involution,
        breast: v.breast,
        ttd_tablets: v.ttdTablets,
        mental_screened: flag(v.mentalScreened),
        complications: json(v.complications),
        referred: flag(v.referred),
        notes: v.notes,
      };
      let id: string;
      if (input.id) {
        const row = await ctx.trx
          .selectFrom('nifas_visit')
          .select(['id', 'pregnancy_id'])
          .where('id', '=', input.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!row || row.pregnancy_id !== p.id || input.version === undefined) {
          throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
        }
        await updateRecord(ctx, 'nifas_visit', input.id, input.version, values);
        id = input.id;
      } else {
        id = await insertRecord(ctx, 'nifas_visit', {
          ...values,
          pregnancy_id: p.id,
          person_id: p.person_id,
          residence_desa_id: m.desa_id,
          delete_reason: null,
        });
      }
      const serviceColumns = {
        place: v.place,
        posyandu_id: posyanduId,
        performer_id: v.performerId,
        residence_desa_id: m.desa_id,
      };
      // Vitamin A given at this visit.
      const capsule = await ctx.trx
        .selectFrom('vitamin_a_nifas')
        .select(['id', 'version', 'given_at'])
        .where('nifas_visit_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (v.vitaminA && !capsule) {
        await insertRecord(ctx, 'vitamin_a_nifas', {
          ...serviceColumns,
          pregnancy_id: p.id,
          person_id: p.person_id,
          nifas_visit_id: id,
          given_at: v.visitedAt,
          given_date: date,
          delete_reason: null,
        });
      } else if (v.vitaminA && capsule && capsule.given_at !== v.visitedAt) {
        await updateRecord(ctx, 'vitamin_a_nifas', capsule.id, capsule.version, {
          given_at: v.visitedAt,
          given_date: date,
        });
      } else if (!v.vitaminA && capsule) {
        await softDelete(ctx, 'vitamin_a_nifas', capsule.id, capsule.version, {
          delete_reason: translate(ctx.locale, 'maternal.nifas.removedFromVisit'),
        });
      }
      // KB pascasalin given at this visit.
      const kb = await ctx.trx
        .selectFrom('kb_visit')
        .select(['id', 'version', 'method'])
        .where('nifas_visit_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (v.kbMethod) {
        const method: KbMethod = v.kbMethod;
        checkKbMethodForSex('P', method, ctx.locale, `${prefix}kbMethod`);
        const service = { date, method };
        const { status } = await kbStatusFor(ctx.trx, p.person_id, service, kb?.id ?? null);
        const kbValues = {
          ...serviceColumns,
          visit_date: date,
          method,
          status,
          packs: method === 'PIL' ? 1 : null,
          product: null,
          delivery_id: isKbPascasalin(d.delivered_at, date, KB_DEFAULT) ? d.id : null,
        };
        if (kb) await updateRecord(ctx, 'kb_visit', kb.id, kb.version, kbValues);
        else {
          await insertRecord(ctx, 'kb_visit', {
            ...kbValues,
            person_id: p.person_id,
            nifas_visit_id: id,
            side_effects: '[]',
            side_effect_note: null,
            notes: null,
            delete_reason: null,
          });
        }
      } else if (kb) {
        await softDelete(ctx, 'kb_visit', kb.id, kb.version, {
          delete_reason: translate(ctx.locale, 'maternal.nifas.removedFromVisit'),
        });
      }
      return { id, pregnancyId: p.id };
    });
  }

  async function addVitaminA(
    actor: Actor,
    input: ParsedInput<'maternal.addVitaminA'>,
  ): Promise<Saved> {
    const { today } = await clock();
    const { rules } = await currentRules();
    return write(deps, actor, async (ctx) => {
      const p = await pregnancy(ctx.trx, input.pregnancyId, ctx.locale);
      const d = await deliveryOf(ctx, p.id, 'givenAt');
      if (localDateOf(input.givenAt) > today)
        throw fieldError(ctx.locale, 'givenAt', 'maternal.error.future');
      const w = kfWindowOf(d.delivered_at, input.givenAt, rules.nifas);
      if (w.outside === 'BEFORE_DELIVERY')
        throw fieldError(ctx.locale, 'givenAt', 'maternal.error.beforeDelivery');
      if (w.outside === 'AFTER_NIFAS')
        throw fieldError(ctx.locale, 'givenAt', 'maternal.error.afterNifas');
      await checkPlace(ctx, input, '');
      const m = await mother(ctx.trx, p.person_id, ctx.locale);
      const id = await insertRecord(ctx, 'vitamin_a_nifas', {
        pregnancy_id: p.id,
        person_id: p.person_id,
        nifas_visit_id: null,
        given_at: input.givenAt,
        given_date: localDateOf(input.givenAt),
        place: input.place,
        posyandu_id: input.place === 'posyandu' ? input.posyanduId : null,
        performer_id: input.performerId,
        residence_desa_id: m.desa_id,
        delete_reason: null,
      });
      return { id, pregnancyId: p.id };
    });
  }

  async function addTdDose(actor: Actor, input: ParsedInput<'maternal.addTdDose'>): Promise<Saved> {
    const { today } = await clock();
    return write(deps, actor, async (ctx) => {
      const m = await mother(ctx.trx, input.motherId, ctx.locale);
      if (input.doseDate > today) throw fieldError(ctx.locale, 'doseDate', 'maternal.error.future');
      if (input.doseDate < m.birth_date)
        throw fieldError(ctx.locale, 'doseDate', 'maternal.error.beforeBirth');
      const id = await insertRecord(ctx, 'td_dose', {
        person_id: m.id,
        dose_date: input.doseDate,
        kind: input.kind,
        anc_contact_id: null,
        given_here: 0,
        place: null,
        posyandu_id: null,
        performer_id: null,
        residence_desa_id: m.desa_id,
        notes: input.notes,
        delete_reason: null,
      });
      return { id, pregnancyId: null };
    });
  }

  // ---------------------------------------------------------------- KB

  function checkKbMethodForSex(sex: 'L' | 'P', method: KbMethod, locale: Locale, path: string) {
    const menOnly: KbMethod[] = ['MOP'];
    const either: KbMethod[] = ['KONDOM'];
    const ok =
      either.includes(method) ||
      (sex === 'L' ? menOnly.includes(method) : !menOnly.includes(method));
    if (!ok)
      throw fieldError(
        locale,
        path,
        sex === 'L' ? 'maternal.error.kbWomen' : 'maternal.error.kbMen',
      );
  }

  async function saveKb(actor: Actor, input: ParsedInput<'kb.save'>): Promise<Saved> {
    const { today } = await clock();
    const v: KbInput = input.visit;
    const prefix = 'visit.';
    return write(deps, actor, async (ctx) => {
      const person = await findPerson(ctx.trx, input.personId);
      if (!person || person.deleted_at)
        throw fieldError(ctx.locale, 'personId', 'maternal.error.motherUnknown');
      if (v.visitDate > today)
        throw fieldError(ctx.locale, `${prefix}visitDate`, 'maternal.error.future');
      if (daysBetween(person.birth_date, v.visitDate) < 10 * 365) {
        throw fieldError(ctx.locale, `${prefix}visitDate`, 'maternal.error.kbTooYoung');
      }
      checkKbMethodForSex(person.sex, v.method, ctx.locale, `${prefix}method`);
      if (v.product) {
        const product = KB_DEFAULT.products.find((x) => x.code === v.product);
        if (!product || product.method !== v.method) {
          throw fieldError(ctx.locale, `${prefix}product`, 'validation.choice');
        }
      }
      await checkPlace(ctx, v, prefix);
      const delivery = await lastDelivery(ctx.trx, person.id, v.visitDate);
      const values = {
        visit_date: v.visitDate,
        place: v.place,
        posyandu_id: v.place === 'posyandu' ? v.posyanduId : null,
        performer_id: v.performerId,
        method: v.method,
        status: v.status,
        packs: v.method === 'PIL' ? (v.packs ?? 1) : null,
        product: v.method === 'IMPLAN' || v.method === 'IUD' ? v.product : null,
        delivery_id:
          delivery && isKbPascasalin(delivery.delivered_at, v.visitDate, KB_DEFAULT)
            ? delivery.id
            : null,
        side_effects: json(v.sideEffects),
        side_effect_note: v.sideEffectNote,
        notes: v.notes,
      };
      if (input.id) {
        const row = await ctx.trx
          .selectFrom('kb_visit')
          .select(['person_id'])
          .where('id', '=', input.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!row || row.person_id !== person.id || input.version === undefined) {
          throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
        }
        await updateRecord(ctx, 'kb_visit', input.id, input.version, values);
        return { id: input.id, pregnancyId: null };
      }
      const id = await insertRecord(ctx, 'kb_visit', {
        ...values,
        person_id: person.id,
        residence_desa_id: person.desa_id,
        nifas_visit_id: null,
        delete_reason: null,
      });
      return { id, pregnancyId: null };
    });
  }

  async function kbPreview(input: ParsedInput<'kb.preview'>): Promise<ChannelOutput<'kb.preview'>> {
    const service = kbServiceOf({
      visit_date: input.visitDate,
      method: input.method,
      packs: input.packs ?? null,
      product: input.product ?? null,
    });
    const { status, previous } = await kbStatusFor(
      db,
      input.personId,
      service,
      input.excludeId ?? null,
    );
    const delivery = await lastDelivery(db, input.personId, input.visitDate);
    const pascasalin =
      !!delivery && isKbPascasalin(delivery.delivered_at, input.visitDate, KB_DEFAULT);
    return {
      suggestedStatus: status,
      pascasalin,
      deliveryDate: delivery?.delivery_date ?? null,
      nextVisit: kbNextVisit(
        { ...service, ...(delivery ? { deliveryDate: delivery.delivered_at } : {}) },
        KB_DEFAULT,
      ).date,
      mkjp: isMkjp(input.method, KB_DEFAULT),
      previous: previous
        ? { date: previous.visit_date, method: previous.method as KbMethod }
        : null,
    };
  }

  // ---------------------------------------------------------------- delete

  async function deleteRecord(
    actor: Actor,
    input: ParsedInput<'maternal.deleteRecord'>,
  ): Promise<Saved> {
    return write(deps, actor, async (ctx) => {
      const reason = { delete_reason: input.reason };
      const cascade = async (
        table: 'td_dose' | 'vitamin_a_nifas' | 'kb_visit',
        column: 'anc_contact_id' | 'nifas_visit_id',
      ) => {
        const rows = await ctx.trx
          .selectFrom(table)
          .select(['id', 'version'])
          .where(column as never, '=', input.id as never)
          .where('deleted_at', 'is', null)
          .execute();
        for (const r of rows) await softDelete(ctx, table, r.id, r.version, reason);
      };
      switch (input.kind) {
        case 'pregnancy': {
          const p = await pregnancy(ctx.trx, input.id, ctx.locale);
          const d = await ctx.trx
            .selectFrom('delivery')
            .select('id')
            .where('pregnancy_id', '=', p.id)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          if (d) throw AppError.of('CONFLICT', ctx.locale, 'maternal.error.deleteDelivered');
          await softDelete(ctx, 'pregnancy', p.id, input.version, reason);
          return { id: p.id, pregnancyId: p.id };
        }
        case 'anc': {
          const row = await rowOf(ctx, 'anc_contact', input.id);
          await cascade('td_dose', 'anc_contact_id');
          await softDelete(ctx, 'anc_contact', input.id, input.version, reason);
          return { id: input.id, pregnancyId: row.pregnancy_id };
        }
        case 'nifas': {
          const row = await rowOf(ctx, 'nifas_visit', input.id);
          await cascade('vitamin_a_nifas', 'nifas_visit_id');
          await cascade('kb_visit', 'nifas_visit_id');
          await softDelete(ctx, 'nifas_visit', input.id, input.version, reason);
          return { id: input.id, pregnancyId: row.pregnancy_id };
        }
        case 'vitaminA': {
          const row = await rowOf(ctx, 'vitamin_a_nifas', input.id);
          await softDelete(ctx, 'vitamin_a_nifas', input.id, input.version, reason);
          return { id: input.id, pregnancyId: row.pregnancy_id };
        }
        case 'td':
          await rowOf(ctx, 'td_dose', input.id);
          await softDelete(ctx, 'td_dose', input.id, input.version, reason);
          return { id: input.id, pregnancyId: null };
        case 'kb':
          await rowOf(ctx, 'kb_visit', input.id);
          await softDelete(ctx, 'kb_visit', input.id, input.version, reason);
          return { id: input.id, pregnancyId: null };
      }
    });
  }

  async function rowOf<
    T extends 'anc_contact' | 'nifas_visit' | 'vitamin_a_nifas' | 'td_dose' | 'kb_visit',
  >(ctx: WriteContext, table: T, id: string) {
    const row = (await ctx.trx
      .selectFrom(table as 'anc_contact')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) as { pregnancy_id: string } | undefined;
    if (!row) throw AppError.of('NOT_FOUND', ctx.locale, 'error.NOT_FOUND');
    return row;
  }

  // ---------------------------------------------------------------- rules (settings)

  async function setRules(actor: Actor, input: MaternalRuleChoice): Promise<MaternalRulesView> {
    const check = (path: keyof MaternalRuleChoice, ids: string[]) => {
      if (!ids.includes(input[path])) throw fieldError(actor.locale, path, 'validation.choice');
    };
    check(
      'ancSplitId',
      ANC_SPLIT_SETS.map((s) => s.id),
    );
    check(
      'trimesterId',
      TRIMESTER_SETS.map((s) => s.id),
    );
    check(
      'nifasId',
      NIFAS_SETS.map((s) => s.id),
    );
    const before = await readRuleChoice(db);
    const value = JSON.stringify(input);
    await write(deps, actor, async ({ trx, at }) => {
      await trx
        .insertInto('settings')
        .values({ key: RULES_KEY, value, updated_at: at, updated_by: actor.userId })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: actor.userId }),
        )
        .execute();
      await writeAudit(trx, {
        at,
        userId: actor.userId,
        action: 'set',
        table: 'settings',
        rowId: RULES_KEY,
        changes: { value: [before, input] },
      });
    });
    return rulesView(maternalRules(input));
  }

  // ---------------------------------------------------------------- reads

  function tdView(status: TdStatus, rows: readonly TdRow[], locale: Locale): TdView {
    const used = new Set<string>();
    return {
      status: status.status,
      achievedOn: status.achievedOn,
      protectedUntil: status.protectedUntil,
      protectedOnAsOf: status.protectedOnAsOf,
      nextStatus: status.nextStatus,
      nextDoseEarliest: status.nextDoseEarliest,
      doses: status.doses.map((d) => {
        const row = rows.find(
          (r) => r.dose_date === d.date && r.kind === d.kind && !used.has(r.id),
        );
        if (row) used.add(row.id);
        return {
          id: row?.id ?? null,
          version: row?.version ?? null,
          date: d.date,
          kind: d.kind,
          counted: d.counted,
          reached: d.reached,
          message: d.message[locale],
          givenHere: row ? row.given_here === 1 : false,
        };
      }),
    };
  }

  async function names(q: Kysely<DB>, table: 'posyandu' | 'nakes', ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (wanted.length === 0) return new Map<string, string>();
    const rows = await q
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  function motherView(m: MotherRow) {
    return {
      id: m.id,
      name: m.name,
      nik: m.nik,
      noKk: m.no_kk,
      birthDate: m.birth_date,
      desaId: m.desa_id,
      desaName: m.desa_name,
      posyanduId: m.posyandu_id,
      phone: m.phone,
      address: m.address,
    };
  }

  function kbViews(
    rows: readonly KbRow[],
    posyandu: Map<string, string>,
    nakes: Map<string, string>,
  ) {
    return rows.map((k) => {
      const service = kbServiceOf(k);
      return {
        id: k.id,
        version: k.version,
        personId: k.person_id,
        visitDate: k.visit_date,
        place: k.place as 'puskesmas',
        posyanduId: k.posyandu_id,
        posyanduName: k.posyandu_id ? (posyandu.get(k.posyandu_id) ?? null) : null,
        performerId: k.performer_id,
        performerName: k.performer_id ? (nakes.get(k.performer_id) ?? null) : null,
        method: k.method as KbMethod,
        status: k.status,
        packs: k.packs,
        product: k.product,
        sideEffects: list<KbSideEffect>(k.side_effects),
        sideEffectNote: k.side_effect_note,
        notes: k.notes,
        pascasalin: k.delivery_id !== null,
        nextVisit: k.status === 'DROP_OUT' ? null : kbNextVisit(service, KB_DEFAULT).date,
        mkjp: isMkjp(k.method as KbMethod, KB_DEFAULT),
      };
    });
  }

  async function card(id: string, locale: Locale): Promise<PregnancyCard> {
    const { today, offset } = await clock();
    const { rules } = await currentRules();
    const p = await pregnancy(db, id, locale);
    const m = (await findPerson(db, p.person_id))!;
    const facts = (await loadFacts(db, [p.id])).get(p.id)!;
    const td = (await loadTdDoses(db, [m.id])).get(m.id)!;
    const view = describeEpisode(episodeInput(m.birth_date, p, facts, td), rules, today);
    const kbRows = await db
      .selectFrom('kb_visit')
      .selectAll()
      .where('person_id', '=', m.id)
      .where('deleted_at', 'is', null)
      .where('visit_date', '>=', facts.delivery?.delivery_date ?? p.ended_on ?? today)
      .orderBy('visit_date')
      .execute();
    const placeIds = [
      p.posyandu_id,
      ...facts.contacts.map((c) => c.posyandu_id),
      ...facts.nifas.map((n) => n.posyandu_id),
      ...kbRows.map((k) => k.posyandu_id),
    ];
    const nakesIds = [
      ...facts.contacts.map((c) => c.performer_id),
      ...facts.nifas.map((n) => n.performer_id),
      facts.delivery?.performer_id ?? null,
      ...kbRows.map((k) => k.performer_id),
    ];
    const [posyandu, nakes] = await Promise.all([
      names(db, 'posyandu', placeIds),
      names(db, 'nakes', nakesIds),
    ]);
    const babyIds = facts.babies.map((b) => b.person_id).filter((x): x is string => !!x);
    const babyNames = new Map(
      babyIds.length === 0
        ? []
        : (
            await db
              .selectFrom('person')
              .select(['id', 'name'])
              .where('id', 'in', babyIds)
              .execute()
          ).map((r) => [r.id, r.name] as const),
    );
    return {
      mother: motherView(m),
      pregnancy: pregnancyDetail(p, posyandu, m),
      today,
      timezoneOffset: offset,
      rules: rulesView(rules),
      derived: derivedOf(view, p, rules, facts, locale),
      contacts: contactViews(facts.contacts, view, td, posyandu, nakes),
      delivery: deliveryView(facts, view, rules, nakes, babyNames),
      nifas: nifasViews(facts, rules, posyandu, nakes, kbRows),
      kb: kbViews(kbRows, posyandu, nakes),
      td: tdView(view.td, td, locale),
    };
  }

  function pregnancyDetail(p: PregnancyRow, posyandu: Map<string, string>, m: MotherRow) {
    return {
      id: p.id,
      version: p.version,
      personId: p.person_id,
      datingMethod: p.dating_method,
      hpht: p.hpht,
      usgDate: p.usg_date,
      usgGaWeeks: p.usg_ga_days === null ? null : Math.floor(p.usg_ga_days / 7),
      usgGaDays: p.usg_ga_days === null ? null : p.usg_ga_days % 7,
      hpl: p.hpl,
      gravida: p.gravida,
      para: p.para,
      abortus: p.abortus,
      previousDeliveryDate: p.previous_delivery_date,
      heightCm: p.height_cm,
      preWeightKg: p.pre_weight_kg,
      riskFactors: list<PregnancyRiskFactor>(p.risk_factors),
      posyanduId: p.posyandu_id,
      posyanduName: p.posyandu_id ? (posyandu.get(p.posyandu_id) ?? null) : null,
      desaName: m.desa_name,
      outcome: p.outcome,
      endedOn: p.ended_on,
      endNote: p.end_note,
      notes: p.notes,
      deletedAt: p.deleted_at,
    };
  }

  function derivedOf(
    view: EpisodeView,
    p: PregnancyRow,
    rules: MaternalRules,
    facts: EpisodeFacts,
    locale: Locale,
  ): PregnancyCard['derived'] {
    const vit = view.vitaminA;
    const used = new Set<string>();
    const capsules = (vit?.capsules ?? []).map((c) => {
      const row = facts.vitaminA.find((v) => v.given_at === c.at && !used.has(v.id))!;
      used.add(row.id);
      return {
        id: row.id,
        version: row.version,
        at: c.at,
        counted: c.counted,
        message: c.message[locale],
      };
    });
    const delivered = view.delivery && view.nifas;
    return {
      start: view.start,
      gaToday: view.gaToday,
      trimesterToday: view.trimesterToday,
      ageAtHpht: view.ageAtHpht,
      jarakBulan: view.fourTerlalu?.jarakBulan ?? null,
      imt: view.imt,
      imtClass: view.weightGain?.imtClass ?? null,
      weightGain: view.weightGain
        ? { min: view.weightGain.minGainKg, max: view.weightGain.maxGainKg }
        : null,
      flags: [...view.flags],
      k1Murni: view.k1Murni,
      anc: {
        complete: view.anc.complete,
        achievedOn: view.anc.achievedOn,
        contactsPerTrimester: [...view.anc.contactsPerTrimester],
        missingPerTrimester: [...view.anc.missingPerTrimester],
        missingDoctorTrimesters: [...view.anc.missingDoctorTrimesters],
      },
      nextVisit: view.nextVisit,
      nifas:
        delivered && view.nifas
          ? {
              complete: view.nifas.complete,
              covered: [...view.nifas.covered],
              missing: [...view.nifas.missing],
              windows: nifasWindows(p, view, rules),
            }
          : null,
      vitaminA: vit ? { complete: vit.complete, capsules } : null,
    };
  }

  function nifasWindows(p: PregnancyRow, view: EpisodeView, rules: MaternalRules) {
    void p;
    if (!view.delivery) return [];
    const start = view.delivery.date;
    return rules.nifas.windows.map((w) => ({
      code: w.code,
      from: addDays(start, Math.floor(w.fromHours / 24)),
      to: addDays(start, Math.ceil(w.toHoursExclusive / 24) - 1),
    }));
  }

  function contactViews(
    rows: readonly AncRow[],
    view: EpisodeView,
    td: readonly TdRow[],
    posyandu: Map<string, string>,
    nakes: Map<string, string>,
  ) {
    return rows.map((c) => {
      const v = view.contacts.find((x) => x.id === c.id)!;
      return {
        id: c.id,
        version: c.version,
        place: c.place as 'puskesmas',
        posyanduId: c.posyandu_id,
        posyanduName: c.posyandu_id ? (posyandu.get(c.posyandu_id) ?? null) : null,
        performerId: c.performer_id,
        performerName: c.performer_id ? (nakes.get(c.performer_id) ?? null) : null,
        visitDate: c.visit_date,
        byDoctor: c.by_doctor === 1,
        usg: c.usg === 1,
        weightKg: c.weight_kg,
        lilaCm: c.lila_cm,
        systolic: c.systolic,
        diastolic: c.diastolic,
        tfuCm: c.tfu_cm,
        djjPerMin: c.djj_per_min,
        presentation: c.presentation as 'KEPALA' | null,
        hbGdl: c.hb_gdl,
        proteinUrine: c.protein_urine as 'NEG' | null,
        bloodGlucoseMgdl: c.blood_glucose_mgdl,
        bloodType: c.blood_type as 'A' | null,
        rhesus: c.rhesus as 'POS' | null,
        hiv: c.hiv as 'REAKTIF' | null,
        syphilis: c.syphilis as 'REAKTIF' | null,
        hbsag: c.hbsag as 'REAKTIF' | null,
        tdGiven: td.some((d) => d.anc_contact_id === c.id),
        ttdTablets: c.ttd_tablets,
        mtKind: c.mt_kind as 'MT_LOKAL' | null,
        counseling: list<Counseling>(c.counseling),
        complications: list<AncComplication>(c.complications),
        management: c.management,
        referred: c.referred === 1,
        nextVisitDate: c.next_visit_date,
        notes: c.notes,
        ga: v.ga,
        trimester: v.trimester,
        label: v.label,
        k1Murni: v.k1Murni,
        beyondSplit: v.beyondSplit,
        flags: [...v.flags],
      };
    });
  }

  function deliveryView(
    facts: EpisodeFacts,
    view: EpisodeView,
    rules: MaternalRules,
    nakes: Map<string, string>,
    babyNames: Map<string, string>,
  ): PregnancyCard['delivery'] {
    const d = facts.delivery;
    if (!d || !view.delivery) return null;
    return {
      id: d.id,
      version: d.version,
      deliveredAt: d.delivered_at,
      place: d.delivery_place as DeliveryPlace,
      placeName: d.place_name,
      attendant: d.attendant as DeliveryAttendant,
      method: d.method as DeliveryMethod,
      complications: list<DeliveryComplication>(d.complications),
      maternalOutcome: d.maternal_outcome as 'HIDUP',
      performerId: d.performer_id,
      performerName: d.performer_id ? (nakes.get(d.performer_id) ?? null) : null,
      notes: d.notes,
      babies: facts.babies.map((b) => ({
        id: b.id,
        version: b.version,
        birthOrder: b.birth_order,
        personId: b.person_id,
        personName: b.person_id ? (babyNames.get(b.person_id) ?? null) : null,
        outcome: b.outcome,
        sex: b.sex,
        birthWeightG: b.birth_weight_g,
        lengthCm: b.length_cm,
        headCircCm: b.head_circ_cm,
        imd: b.imd === 1,
        vitK1: b.vit_k1 === 1,
        salepMata: b.salep_mata === 1,
        hb0: b.hb0 === 1,
        bblr: b.birth_weight_g !== null && isBblr(b.birth_weight_g, rules.delivery),
      })),
      ga: view.delivery.ga,
      term: view.delivery.term,
      fasyankes: view.delivery.fasyankes,
      nakes: isPersalinanNakes(d.attendant as DeliveryAttendant, rules.delivery),
    };
  }

  function nifasViews(
    facts: EpisodeFacts,
    rules: MaternalRules,
    posyandu: Map<string, string>,
    nakes: Map<string, string>,
    kbRows: readonly KbRow[],
  ) {
    const d = facts.delivery;
    if (!d) return [];
    return facts.nifas.map((n) => {
      const w = kfWindowOf(d.delivered_at, n.visited_at, rules.nifas);
      const kb = kbRows.find((k) => k.nifas_visit_id === n.id);
      return {
        id: n.id,
        version: n.version,
        place: n.place as 'puskesmas',
        posyanduId: n.posyandu_id,
        posyanduName: n.posyandu_id ? (posyandu.get(n.posyandu_id) ?? null) : null,
        performerId: n.performer_id,
        performerName: n.performer_id ? (nakes.get(n.performer_id) ?? null) : null,
        visitedAt: n.visited_at,
        systolic: n.systolic,
        diastolic: n.diastolic,
        temperatureC: n.temperature_c,
        bleeding: n.bleeding as 'NORMAL' | null,
        lochia: n.lochia as 'NORMAL' | null,
        involution: n.involution as 'NORMAL' | null,
        breast: n.breast as 'NORMAL' | null,
        ttdTablets: n.ttd_tablets,
        mentalScreened: n.mental_screened === 1,
        complications: list<NifasComplication>(n.complications),
        referred: n.referred === 1,
        vitaminA: facts.vitaminA.some((v) => v.nifas_visit_id === n.id),
        kbMethod: (kb?.method as KbMethod | undefined) ?? null,
        notes: n.notes,
        kf: w.code,
        outside: w.outside,
        dayAfter: w.dayAfter,
        hoursAfter: Math.round(w.hoursAfter * 10) / 10,
      };
    });
  }

  async function personMaternal(personId: string, locale: Locale): Promise<PersonMaternal> {
    const { today } = await clock();
    const { rules } = await currentRules();
    const m = await findPerson(db, personId);
    if (!m) throw AppError.of('NOT_FOUND', locale, 'error.NOT_FOUND');
    const rows = await db
      .selectFrom('pregnancy')
      .selectAll()
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .orderBy('hpl', 'desc')
      .execute();
    const facts = await loadFacts(
      db,
      rows.map((r) => r.id),
    );
    const td = (await loadTdDoses(db, [personId])).get(personId)!;
    const pregnancies = rows.map((p) => {
      const f = facts.get(p.id)!;
      const view = describeEpisode(episodeInput(m.birth_date, p, f, td), rules, today);
      return {
        id: p.id,
        hpht: p.hpht,
        hpl: p.hpl,
        gravida: p.gravida,
        para: p.para,
        abortus: p.abortus,
        outcome: p.outcome,
        endedOn: p.ended_on,
        gaToday: view.gaToday,
        ancCount: f.contacts.length,
        ancComplete: view.anc.complete,
        flags: [...view.flags],
        nextVisit: view.nextVisit,
        deliveryDate: view.delivery?.date ?? null,
        nifasComplete: view.nifas ? view.nifas.complete : null,
      };
    });
    const kbRows = await db
      .selectFrom('kb_visit')
      .selectAll()
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .orderBy('visit_date', 'desc')
      .execute();
    const [posyandu, nakes] = await Promise.all([
      names(
        db,
        'posyandu',
        kbRows.map((k) => k.posyandu_id),
      ),
      names(
        db,
        'nakes',
        kbRows.map((k) => k.performer_id),
      ),
    ]);
    const last = kbRows[0];
    const due =
      last && last.status !== 'DROP_OUT' ? kbDue(kbServiceOf(last), today, KB_DEFAULT) : null;
    const status = tdStatus(
      td.map((d) => ({ date: d.dose_date, kind: d.kind })),
      today,
      rules.td,
    );
    return {
      mother: motherView(m),
      pregnancies,
      openPregnancyId: rows.find((r) => r.outcome === null)?.id ?? null,
      kb: kbViews(kbRows, posyandu, nakes),
      kbDue: due
        ? { status: due.status, nextVisit: due.nextVisit, latestOnTime: due.latestOnTime }
        : null,
      td: tdView(status, td, locale),
    };
  }

  return {
    rules: async () => {
      const { rules } = await currentRules();
      return rulesView(rules);
    },
    setRules,
    card,
    person: personMaternal,
    createPregnancy: (actor: Actor, input: ParsedInput<'maternal.createPregnancy'>) =>
      savePregnancy(actor, input.motherId, input.pregnancy, null),
    async updatePregnancy(actor: Actor, input: ParsedInput<'maternal.updatePregnancy'>) {
      const p = await pregnancy(db, input.id, actor.locale);
      return savePregnancy(actor, p.person_id, input.pregnancy, {
        id: input.id,
        version: input.version,
      });
    },
    closePregnancy,
    saveAnc,
    saveDelivery,
    saveNifas,
    addVitaminA,
    addTdDose,
    deleteRecord,
    saveKb,
    kbPreview,
    clock,
    currentRules,
  };
}

/** A stored KB visit as the rule's `KbService`. */
export function kbServiceOf(k: {
  visit_date: string;
  method: string;
  packs: number | null;
  product: string | null;
}): KbService {
  return {
    date: k.visit_date,
    method: k.method as KbMethod,
    ...(k.packs ? { packs: k.packs } : {}),
    ...(k.product && KB_DEFAULT.products.some((p) => p.code === k.product && p.method === k.method)
      ? { product: k.product }
      : {}),
  };
}

export type MaternalService = ReturnType<typeof createMaternalService>;
