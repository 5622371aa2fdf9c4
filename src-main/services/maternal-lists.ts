import { sql, type Kysely } from 'kysely';
import type {
  ChannelOutput,
  FileDownload,
  KohortRow,
  ParsedInput,
  WorkRow,
} from '@shared/contract';
import { addDays, addMonths, ageOn, daysBetween } from '@shared/domain/dates';
import { normalizeName } from '@shared/domain/identity';
import {
  describeEpisode,
  flagLabel,
  KB_DEFAULT,
  KB_DUE_LABELS,
  KB_METHODS,
  kbDue,
  kfWindowOf,
  PREGNANCY_OUTCOMES,
  type EpisodeView,
  type KbMethod,
  type MaternalRules,
} from '@shared/domain/maternal';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import type { DB } from '../db/schema';
import type { ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { kbServiceOf, type MaternalService } from './maternal';
import { episodeInput, loadFacts, type EpisodeFacts, type PregnancyRow } from './maternal-data';
import { fileSlug, listToXlsx, type XlsxColumn } from './xlsx';

type KohortInput = ParsedInput<'maternal.kohort'>;
type KohortFilter = Omit<KohortInput, 'limit' | 'offset'>;
type WorkInput = ParsedInput<'maternal.workList'>;

const shortDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '';

interface Joined extends PregnancyRow {
  name: string;
  nik: string | null;
  birth_date: string;
  phone: string | null;
  rt: string | null;
  rw: string | null;
  desa_name: string | null;
  posyandu_name: string | null;
}

/** The kohort ibu register, the work lists and their XLSX files. */
export function createMaternalListsService(
  deps: ServiceDeps,
  maternal: MaternalService,
  facility: FacilityService,
) {
  const { db } = deps;

  function base(q: Kysely<DB>) {
    return q
      .selectFrom('pregnancy as g')
      .innerJoin('person as p', 'p.id', 'g.person_id')
      .where('g.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null);
  }

  function filtered(filter: KohortFilter, today: string) {
    let q = base(db);
    const digits = filter.q.replace(/\s+/g, '');
    if (/^\d{2,16}$/.test(digits)) {
      q = q.where('p.nik', '>=', digits).where('p.nik', '<', `${digits}\uffff`);
    } else {
      for (const term of normalizeName(filter.q).split(' ').filter(Boolean)) {
        q = q.where('p.name_search', 'like', `%${term}%`);
      }
    }
    if (filter.desaId === 'luar') q = q.where('g.residence_desa_id', 'is', null);
    else if (filter.desaId) q = q.where('g.residence_desa_id', '=', filter.desaId);
    if (filter.posyanduId) {
      q = q.where(sql<string>`coalesce(g.posyandu_id, p.posyandu_id)`, '=', filter.posyanduId);
    }
    const nifasFrom = addDays(today, -42);
    const inNifas = sql<boolean>`(g.outcome = 'PERSALINAN' AND g.ended_on >= ${nifasFrom})`;
    switch (filter.status) {
      case 'hamil':
        q = q.where('g.outcome', 'is', null);
        break;
      case 'nifas':
        q = q.where(inNifas);
        break;
      case 'aktif':
        q = q.where(sql<boolean>`(g.outcome IS NULL OR ${inNifas})`);
        break;
      case 'selesai':
        q = q.where('g.outcome', 'is not', null).where(sql<boolean>`NOT ${inNifas}`);
        break;
      case 'semua':
        break;
    }
    if (filter.month) {
      const first = `${filter.month}-01`;
      const last = addDays(addMonths(first, 1), -1);
      q = q
        .where(sql<boolean>`max(coalesce(g.hpht, ''), date(g.hpl, '-280 day')) <= ${last}`)
        .where(
          sql<boolean>`(g.outcome IS NULL
            OR (g.outcome = 'PERSALINAN' AND date(g.ended_on, '+42 day') >= ${first})
            OR (g.outcome <> 'PERSALINAN' AND g.ended_on >= ${first}))`,
        );
    }
    return q;
  }

  function joinedColumns<Q extends ReturnType<typeof base>>(q: Q) {
    return q
      .leftJoin('desa as d', 'd.id', 'g.residence_desa_id')
      .leftJoin('posyandu as y', (j) =>
        j.on(sql<boolean>`y.id = coalesce(g.posyandu_id, p.posyandu_id)`),
      )
      .selectAll('g')
      .select([
        'p.name',
        'p.nik',
        'p.birth_date',
        'p.phone',
        'p.rt',
        'p.rw',
        'd.name as desa_name',
        'y.name as posyandu_name',
      ]);
  }

  function describe(
    row: Joined,
    facts: EpisodeFacts,
    rules: MaternalRules,
    today: string,
  ): EpisodeView {
    return describeEpisode(episodeInput(row.birth_date, row, facts, []), rules, today);
  }

  function kohortRow(
    row: Joined,
    facts: EpisodeFacts,
    rules: MaternalRules,
    today: string,
  ): KohortRow {
    const view = describe(row, facts, rules, today);
    const slots = rules.split.perTrimester.reduce((a, b) => a + b, 0);
    const k = Array.from({ length: slots }, (_, i) => {
      const c = view.contacts.find((x) => x.label === `K${i + 1}`);
      return c ? { date: c.date, doctor: c.byDoctor } : null;
    });
    const kf = rules.nifas.windows.map((w) => {
      if (!facts.delivery) return null;
      const visit = facts.nifas.find(
        (n) => kfWindowOf(facts.delivery!.delivered_at, n.visited_at, rules.nifas).code === w.code,
      );
      return visit ? visit.visit_date : null;
    });
    return {
      pregnancyId: row.id,
      personId: row.person_id,
      name: row.name,
      nik: row.nik,
      ageYears: ageOn(row.birth_date, view.start).years,
      desaName: row.desa_name,
      posyanduName: row.posyandu_name,
      rt: row.rt,
      rw: row.rw,
      gravida: row.gravida,
      para: row.para,
      abortus: row.abortus,
      hpht: row.hpht,
      hpl: row.hpl,
      gaToday: view.gaToday,
      outcome: row.outcome,
      endedOn: row.ended_on,
      k1Murni: view.k1Murni,
      k,
      extraContacts: view.contacts.filter((c) => c.label === null).length,
      ancComplete: view.anc.complete,
      delivery: view.delivery
        ? { date: view.delivery.date, fasyankes: view.delivery.fasyankes }
        : null,
      kf,
      nifasComplete: view.nifas?.complete ?? false,
      flags: [...view.flags],
    };
  }

  async function kohortRows(filter: KohortFilter, limit: number, offset: number) {
    const { today } = await maternal.clock();
    const { rules } = await maternal.currentRules();
    const q = filtered(filter, today);
    const total = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const rows = (await joinedColumns(q)
      .orderBy('d.name')
      .orderBy('g.hpl')
      .orderBy('p.name_search')
      .orderBy('g.id')
      .limit(limit)
      .offset(offset)
      .execute()) as Joined[];
    const facts = await loadFacts(
      db,
      rows.map((r) => r.id),
    );
    return {
      rows: rows.map((r) => kohortRow(r, facts.get(r.id)!, rules, today)),
      total: Number(total.n),
      rules,
      today,
    };
  }

  async function heading(locale: Locale, title: string, filter: string): Promise<string[]> {
    const f = await facility.find();
    return [
      translate(locale, 'work.sheet.heading', { list: title, facility: f?.name ?? '' }),
      translate(locale, 'kohort.headingFilter', { filter }),
      translate(locale, 'kohort.headingMade', {
        at: deps.now().toISOString().slice(0, 16).replace('T', ' '),
      }),
    ];
  }

  async function filterText(
    locale: Locale,
    f: { desaId?: string; posyanduId?: string; month?: string; status?: string },
  ) {
    const parts: string[] = [];
    if (f.desaId === 'luar') parts.push(translate(locale, 'person.luar'));
    else if (f.desaId) {
      const d = await db
        .selectFrom('desa')
        .select('name')
        .where('id', '=', f.desaId)
        .executeTakeFirst();
      parts.push(d?.name ?? '');
    } else parts.push(translate(locale, 'kohort.filter.allDesa'));
    if (f.posyanduId) {
      const y = await db
        .selectFrom('posyandu')
        .select('name')
        .where('id', '=', f.posyanduId)
        .executeTakeFirst();
      parts.push(y?.name ?? '');
    }
    if (f.month) parts.push(f.month);
    if (f.status) parts.push(translate(locale, `kohort.status.${f.status}` as MessageKey));
    return parts.join(', ');
  }

  async function kohortExport(
    filter: ParsedInput<'maternal.kohortExport'>,
    locale: Locale,
  ): Promise<FileDownload> {
    const { rows, rules } = await kohortRows(filter, 1_000_000, 0);
    const t = (key: MessageKey) => translate(locale, key);
    const kSlots = rules.split.perTrimester.reduce((a, b) => a + b, 0);
    const columns: XlsxColumn<KohortRow & { no: number }>[] = [
      { header: 'No', width: 5, value: (r) => r.no },
      { header: t('kohort.col.name'), width: 28, value: (r) => r.name },
      { header: t('kohort.col.nik'), width: 19, value: (r) => r.nik },
      { header: t('kohort.col.age'), width: 6, value: (r) => r.ageYears },
      { header: t('kohort.col.desa'), width: 16, value: (r) => r.desaName },
      { header: t('kohort.col.posyandu'), width: 22, value: (r) => r.posyanduName },
      { header: 'RT/RW', width: 9, value: (r) => `${r.rt ?? '-'}/${r.rw ?? '-'}` },
      { header: 'G', width: 4, value: (r) => r.gravida },
      { header: 'P', width: 4, value: (r) => r.para },
      { header: 'A', width: 4, value: (r) => r.abortus },
      { header: t('kohort.col.hpht'), width: 11, value: (r) => shortDate(r.hpht) },
      { header: t('kohort.col.hpl'), width: 11, value: (r) => shortDate(r.hpl) },
      ...Array.from({ length: kSlots }, (_, i) => ({
        header: `K${i + 1}`,
        width: 11,
        value: (r: KohortRow) => shortDate(r.k[i]?.date),
      })),
      { header: 'K1 murni', width: 8, value: (r) => (r.k1Murni ? '✓' : '') },
      { header: t('kohort.col.k6'), width: 9, value: (r) => (r.ancComplete ? '✓' : '') },
      {
        header: t('kohort.col.persalinanFull'),
        width: 11,
        value: (r) => shortDate(r.delivery?.date),
      },
      {
        header: t('kohort.col.pf'),
        width: 10,
        value: (r) => (r.delivery ? (r.delivery.fasyankes ? '✓' : '—') : ''),
      },
      ...rules.nifas.windows.map((w, i) => ({
        header: w.code,
        width: 11,
        value: (r: KohortRow) => shortDate(r.kf[i]),
      })),
      { header: t('kohort.col.kfLengkap'), width: 9, value: (r) => (r.nifasComplete ? '✓' : '') },
      {
        header: t('kohort.col.risk'),
        width: 40,
        value: (r) => r.flags.map((f) => flagLabel(f)[locale]).join(', '),
      },
      {
        header: t('kohort.col.status'),
        width: 14,
        value: (r) => (r.outcome ? PREGNANCY_OUTCOMES[r.outcome][locale] : t('card.status.open')),
      },
    ];
    return listToXlsx(
      {
        name: t('kohort.sheet'),
        heading: await heading(locale, t('kohort.sheet'), await filterText(locale, filter)),
        columns,
        rows: rows.map((r, i) => ({ ...r, no: i + 1 })),
      },
      `kohort-ibu_${fileSlug(filter.month ?? 'semua')}.xlsx`,
    );
  }

  // ---------------------------------------------------------------- work lists

  async function workList(input: WorkInput, locale: Locale): Promise<WorkRow[]> {
    const { today } = await maternal.clock();
    const { rules } = await maternal.currentRules();
    if (input.list === 'kbJatuhTempo') return kbWorkList(input, locale, today);
    let q = base(db);
    if (input.desaId === 'luar') q = q.where('p.desa_id', 'is', null);
    else if (input.desaId) q = q.where('p.desa_id', '=', input.desaId);
    if (input.posyanduId) {
      q = q.where(sql<string>`coalesce(g.posyandu_id, p.posyandu_id)`, '=', input.posyanduId);
    }
    if (input.list === 'nifasBelumLengkap') {
      q = q.where('g.outcome', '=', 'PERSALINAN').where('g.ended_on', '>=', addDays(today, -42));
    } else {
      q = q.where('g.outcome', 'is', null);
    }
    const month = input.month ?? today.slice(0, 7);
    if (input.list === 'hplBulanIni') {
      q = q.where('g.hpl', '>=', `${month}-01`).where('g.hpl', '<=', `${month}-31`);
    }
    const rows = (await joinedColumns(q)
      .leftJoin('desa as pd', 'pd.id', 'p.desa_id')
      .select('pd.name as person_desa')
      .orderBy('g.hpl')
      .execute()) as (Joined & { person_desa: string | null })[];
    const facts = await loadFacts(
      db,
      rows.map((r) => r.id),
    );
    const out: WorkRow[] = [];
    const tr = (key: MessageKey, params?: Record<string, string | number>) =>
      translate(locale, key, params);
    for (const row of rows) {
      const f = facts.get(row.id)!;
      const view = describe(row, f, rules, today);
      const base = {
        personId: row.person_id,
        pregnancyId: row.id,
        name: row.name,
        nik: row.nik,
        ageYears: ageOn(row.birth_date, today).years,
        desaName: row.person_desa,
        posyanduName: row.posyandu_name,
        phone: row.phone,
        hpl: row.hpl,
        gaToday: view.gaToday,
        flags: [...view.flags],
      };
      const flagsText = view.flags.map((x) => flagLabel(x)[locale]).join(', ');
      switch (input.list) {
        case 'risti':
          if (view.flags.length > 0) {
            out.push({ ...base, date: row.hpl, daysLate: null, detail: flagsText });
          }
          break;
        case 'belumK1': {
          if (f.contacts.length > 0 || !view.gaToday) break;
          const left = rules.trimester.tm1LastDay - view.gaToday.totalDays;
          out.push({
            ...base,
            date: view.start,
            daysLate: null,
            detail:
              left >= 0
                ? tr('work.detail.tm1Left', { days: left + 1 })
                : tr('work.detail.pastTm1', { weeks: view.gaToday.weeks }),
          });
          break;
        }
        case 'kunjunganLewat': {
          const last = view.contacts.at(-1);
          if (!last || !view.nextVisit || view.nextVisit >= today) break;
          out.push({
            ...base,
            date: view.nextVisit,
            daysLate: daysBetween(view.nextVisit, today),
            detail: tr('work.detail.nextVisit', {
              last: shortDate(last.date),
              label: last.label ?? tr('card.contact.extra'),
              next: shortDate(view.nextVisit),
            }),
          });
          break;
        }
        case 'hplBulanIni':
          out.push({
            ...base,
            date: row.hpl,
            daysLate: null,
            detail: tr('work.detail.hpl', {
              weeks: view.gaToday?.weeks ?? 0,
              contacts: f.contacts.length,
              place: view.anc.complete
                ? tr('work.detail.k6Done')
                : tr('work.detail.k6Missing') + (flagsText ? `; ${flagsText}` : ''),
            }),
          });
          break;
        case 'nifasBelumLengkap': {
          if (!view.nifas || view.nifas.complete || !view.delivery) break;
          const none = tr('work.detail.nifasNone');
          out.push({
            ...base,
            date: view.delivery.date,
            daysLate: null,
            detail: tr('work.detail.nifas', {
              date: shortDate(view.delivery.date),
              covered: view.nifas.covered.join(', ') || none,
              missing: view.nifas.missing.join(', ') || none,
            }),
          });
          break;
        }
      }
    }
    if (input.list === 'kunjunganLewat') out.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
    if (input.list === 'belumK1') {
      out.sort((a, b) => (b.gaToday?.totalDays ?? 0) - (a.gaToday?.totalDays ?? 0));
    }
    return out;
  }

  async function kbWorkList(input: WorkInput, locale: Locale, today: string): Promise<WorkRow[]> {
    let q = db
      .selectFrom('kb_visit as k')
      .innerJoin('person as p', 'p.id', 'k.person_id')
      .leftJoin('desa as d', 'd.id', 'p.desa_id')
      .leftJoin('posyandu as y', 'y.id', 'p.posyandu_id')
      .where('k.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .where(
        sql<boolean>`k.visit_date = (SELECT max(k2.visit_date) FROM kb_visit k2
          WHERE k2.person_id = k.person_id AND k2.deleted_at IS NULL)`,
      )
      .where('k.status', '!=', 'DROP_OUT')
      .where('k.method', 'not in', ['KONDOM', 'MOW', 'MOP'])
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM pregnancy g WHERE g.person_id = k.person_id
          AND g.deleted_at IS NULL AND g.outcome IS NULL)`,
      );
    if (input.desaId === 'luar') q = q.where('p.desa_id', 'is', null);
    else if (input.desaId) q = q.where('p.desa_id', '=', input.desaId);
    if (input.posyanduId) q = q.where('p.posyandu_id', '=', input.posyanduId);
    const rows = await q
      .select([
        'k.visit_date',
        'k.method',
        'k.packs',
        'k.product',
        'k.person_id',
        'p.name',
        'p.nik',
        'p.birth_date',
        'p.phone',
        'd.name as desa_name',
        'y.name as posyandu_name',
      ])
      .execute();
    const soon = addDays(today, 7);
    const oldest = addDays(today, -365);
    const out: WorkRow[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.person_id)) continue;
      seen.add(r.person_id);
      const due = kbDue(kbServiceOf(r), today, KB_DEFAULT);
      if (!due.nextVisit || due.nextVisit > soon || due.nextVisit < oldest) continue;
      const method = KB_METHODS[r.method as KbMethod][locale];
      const dueText =
        due.status === 'BELUM_JATUH_TEMPO'
          ? translate(locale, 'work.due.soon')
          : KB_DUE_LABELS[due.status][locale];
      out.push({
        personId: r.person_id,
        pregnancyId: null,
        name: r.name,
        nik: r.nik,
        ageYears: ageOn(r.birth_date, today).years,
        desaName: r.desa_name,
        posyanduName: r.posyandu_name,
        phone: r.phone,
        hpl: null,
        gaToday: null,
        date: due.nextVisit,
        daysLate: daysBetween(due.nextVisit, today),
        flags: [due.status],
        detail: translate(locale, 'work.detail.kb', {
          method,
          last: shortDate(r.visit_date),
          due: dueText,
        }),
      });
    }
    return out.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
  }

  async function workListExport(input: WorkInput, locale: Locale): Promise<FileDownload> {
    const rows = await workList(input, locale);
    const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
    const title = t(`work.list.${input.list}` as MessageKey);
    const columns: XlsxColumn<WorkRow & { no: number }>[] = [
      { header: 'No', width: 5, value: (r) => r.no },
      { header: t('work.col.name'), width: 28, value: (r) => r.name },
      { header: t('kohort.col.nik'), width: 19, value: (r) => r.nik },
      { header: t('kohort.col.age'), width: 6, value: (r) => r.ageYears },
      { header: t('kohort.col.desa'), width: 16, value: (r) => r.desaName },
      { header: t('kohort.col.posyandu'), width: 22, value: (r) => r.posyanduName },
      { header: t('work.col.phone'), width: 15, value: (r) => r.phone },
      { header: t('kohort.col.hpl'), width: 11, value: (r) => shortDate(r.hpl) },
      {
        header: t('kohort.col.uk'),
        width: 8,
        value: (r) => (r.gaToday ? `${r.gaToday.weeks}+${r.gaToday.days}` : ''),
      },
      { header: t('work.col.date'), width: 11, value: (r) => shortDate(r.date) },
      {
        header: t('work.col.late'),
        width: 9,
        value: (r) => (r.daysLate !== null && r.daysLate > 0 ? r.daysLate : null),
      },
      { header: t('work.col.detail'), width: 60, value: (r) => r.detail },
    ];
    return listToXlsx(
      {
        name: title,
        heading: await heading(locale, title, await filterText(locale, input)),
        columns,
        rows: rows.map((r, i) => ({ ...r, no: i + 1 })),
      },
      `${fileSlug(title)}_${(await maternal.clock()).today}.xlsx`,
    );
  }

  return {
    async kohort(input: KohortInput): Promise<ChannelOutput<'maternal.kohort'>> {
      const { rows, total } = await kohortRows(input, input.limit, input.offset);
      return { rows, total };
    },
    kohortExport,
    async workList(input: WorkInput, locale: Locale) {
      const rows = await workList(input, locale);
      return { rows, total: rows.length };
    },
    workListExport,
  };
}

export type MaternalListsService = ReturnType<typeof createMaternalListsService>;
