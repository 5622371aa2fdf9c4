import type { Kysely } from 'kysely';
import {
  nakesInput,
  type CellError,
  type FileDownload,
  type ImportResult,
  type LicenceAlert,
  type NakesRow,
  type ParsedInput,
} from '@shared/contract';
import {
  KLASTER_LABELS,
  KLASTERS,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Klaster,
  type Profession,
} from '@shared/domain/codes/service';
import {
  checkNip,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  licenceState,
  type EducationLevel,
  type EmploymentStatus,
} from '@shared/domain/management';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import {
  addExportSheet,
  cellProblem,
  DATE_FORMAT,
  dateCell,
  exportWorkbook,
  importRefused,
  locateTable,
  parseRow,
  readGrid,
  readRows,
  type IoField,
} from './list-io';
import {
  facilityClock,
  generatedLine,
  identityIssues,
  importedId,
  issuesError,
  upsert,
  type RuleIssue,
} from './management-common';
import type { RegionsService } from './regions';
import { fileSlug } from './xlsx';

type NakesValues = ParsedInput<'nakes.create'>['nakes'];

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

const YES_NO = ['Ya', 'Tidak'];

const F = {
  name: {
    code: 'name',
    header: { id: 'Nama', en: 'Name' },
    kind: { type: 'text' },
    required: true,
  },
  nik: { code: 'nik', header: { id: 'NIK', en: 'NIK' }, kind: { type: 'digits' } },
  nip: { code: 'nip', header: { id: 'NIP/NIPPPK', en: 'NIP/NIPPPK' }, kind: { type: 'digits' } },
  sex: {
    code: 'sex',
    header: { id: 'Jenis kelamin (L/P)', en: 'Sex (L/P)' },
    kind: { type: 'choice', choices: ['L', 'P'] },
  },
  birthDate: {
    code: 'birthDate',
    header: { id: 'Tanggal lahir', en: 'Birth date' },
    kind: { type: 'date' },
  },
  phone: { code: 'phone', header: { id: 'Telepon', en: 'Phone' }, kind: { type: 'digits' } },
  profession: {
    code: 'profession',
    header: { id: 'Profesi', en: 'Profession' },
    kind: { type: 'choice', choices: PROFESSIONS, labels: PROFESSION_LABELS },
    required: true,
  },
  employmentStatus: {
    code: 'employmentStatus',
    header: { id: 'Status kepegawaian', en: 'Employment status' },
    kind: { type: 'choice', choices: EMPLOYMENT_STATUSES, labels: EMPLOYMENT_STATUS_LABELS },
  },
  education: {
    code: 'education',
    header: { id: 'Pendidikan', en: 'Education' },
    kind: { type: 'choice', choices: EDUCATION_LEVELS, labels: EDUCATION_LABELS },
  },
  strNumber: {
    code: 'strNumber',
    header: { id: 'Nomor STR', en: 'STR number' },
    kind: { type: 'text' },
  },
  strExpiry: {
    code: 'strExpiry',
    header: { id: 'STR berlaku s.d.', en: 'STR valid until' },
    kind: { type: 'date' },
  },
  strLifetime: {
    code: 'strLifetime',
    header: { id: 'STR seumur hidup', en: 'STR for life' },
    kind: { type: 'boolean' },
  },
  sipNumber: {
    code: 'sipNumber',
    header: { id: 'Nomor SIP', en: 'SIP number' },
    kind: { type: 'text' },
  },
  sipExpiry: {
    code: 'sipExpiry',
    header: { id: 'SIP berlaku s.d.', en: 'SIP valid until' },
    kind: { type: 'date' },
  },
  klaster: {
    code: 'klaster',
    header: { id: 'Klaster', en: 'Cluster' },
    kind: { type: 'choice', choices: KLASTERS, labels: KLASTER_LABELS },
  },
  isPjKlaster: {
    code: 'isPjKlaster',
    header: { id: 'Penanggung jawab klaster', en: 'Cluster lead' },
    kind: { type: 'boolean' },
  },
  satusehatId: {
    code: 'satusehatId',
    header: { id: 'ID SATUSEHAT (Practitioner)', en: 'SATUSEHAT practitioner id' },
    kind: { type: 'text' },
  },
  pustu: { code: 'pustu', header: { id: 'Pustu', en: 'Pustu' }, kind: { type: 'text' } },
  active: { code: 'active', header: { id: 'Aktif', en: 'Active' }, kind: { type: 'boolean' } },
  notes: { code: 'notes', header: { id: 'Catatan', en: 'Notes' }, kind: { type: 'text' } },
  id: {
    code: 'id',
    header: { id: 'ID sistem (jangan diubah)', en: 'System id (do not edit)' },
    kind: { type: 'text' },
  },
} satisfies Record<string, IoField>;
const FIELDS: IoField[] = Object.values(F);

type NakesDbRow = {
  id: string;
  version: number;
  name: string;
  nik: string | null;
  nip: string | null;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  phone: string | null;
  profession: string;
  employment_status: string | null;
  education: string | null;
  str_number: string | null;
  str_expiry: string | null;
  str_lifetime: number;
  sip_number: string | null;
  sip_expiry: string | null;
  klaster: string | null;
  is_pj_klaster: number;
  satusehat_practitioner_id: string | null;
  pustu_id: string | null;
  pustu_name: string | null;
  active: number;
  notes: string | null;
};

function toRow(r: NakesDbRow): NakesRow {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    nik: r.nik,
    nip: r.nip,
    sex: r.sex,
    birthDate: r.birth_date,
    phone: r.phone,
    profession: oneOf<Profession>(PROFESSIONS, r.profession) ?? 'administrasi',
    employmentStatus: oneOf<EmploymentStatus>(EMPLOYMENT_STATUSES, r.employment_status),
    education: oneOf<EducationLevel>(EDUCATION_LEVELS, r.education),
    strNumber: r.str_number,
    strExpiry: r.str_expiry,
    strLifetime: r.str_lifetime === 1,
    sipNumber: r.sip_number,
    sipExpiry: r.sip_expiry,
    klaster: oneOf<Klaster>(KLASTERS, r.klaster),
    isPjKlaster: r.is_pj_klaster === 1,
    satusehatId: r.satusehat_practitioner_id,
    pustuId: r.pustu_id,
    pustuName: r.pustu_name,
    active: r.active === 1,
    notes: r.notes,
  };
}

function columns(v: NakesValues) {
  return {
    name: v.name,
    nik: v.nik,
    nip: v.nip,
    sex: v.sex,
    birth_date: v.birthDate,
    phone: v.phone,
    profession: v.profession,
    employment_status: v.employmentStatus,
    education: v.education,
    str_number: v.strNumber,
    str_expiry: v.strLifetime ? null : v.strExpiry,
    str_lifetime: v.strLifetime ? 1 : 0,
    sip_number: v.sipNumber,
    sip_expiry: v.sipExpiry,
    klaster: v.klaster,
    is_pj_klaster: v.isPjKlaster ? 1 : 0,
    satusehat_practitioner_id: v.satusehatId,
    pustu_id: v.pustuId,
    active: v.active ? 1 : 0,
    notes: v.notes,
  };
}

/** The SDM register on the `nakes` table: identity, NIP, STR/SIP with expiry, klaster, Pustu. */
export function createSdmService(
  deps: ServiceDeps,
  facility: FacilityService,
  regions: RegionsService,
) {
  const { db } = deps;

  const query = (q: Kysely<DB>) =>
    q
      .selectFrom('nakes as n')
      .leftJoin('pustu as p', 'p.id', 'n.pustu_id')
      .select([
        'n.id',
        'n.version',
        'n.name',
        'n.nik',
        'n.nip',
        'n.sex',
        'n.birth_date',
        'n.phone',
        'n.profession',
        'n.employment_status',
        'n.education',
        'n.str_number',
        'n.str_expiry',
        'n.str_lifetime',
        'n.sip_number',
        'n.sip_expiry',
        'n.klaster',
        'n.is_pj_klaster',
        'n.satusehat_practitioner_id',
        'n.pustu_id',
        'p.name as pustu_name',
        'n.active',
        'n.notes',
      ])
      .where('n.deleted_at', 'is', null);

  async function list(includeInactive: boolean): Promise<NakesRow[]> {
    let q = query(db);
    if (!includeInactive) q = q.where('n.active', '=', 1);
    return (await q.orderBy('n.name').execute()).map(toRow);
  }

  async function one(q: Kysely<DB>, id: string): Promise<NakesRow> {
    return toRow(await query(q).where('n.id', '=', id).executeTakeFirstOrThrow());
  }

  /**
   * The rules a form and an imported row share. `others` are the living staff apart from this
   * one (rows of the same file included), to find a NIK/NIP twice or a second PJ of a klaster.
   */
  async function ruleIssues(
    v: NakesValues,
    others: readonly Pick<
      NakesRow,
      'name' | 'nik' | 'nip' | 'klaster' | 'isPjKlaster' | 'active'
    >[],
    pustuIds: ReadonlySet<string>,
    today: string,
    locale: Locale,
  ): Promise<RuleIssue[]> {
    const issues = await identityIssues(regions, v, today, locale);
    if (v.nik) {
      const twin = others.find((o) => o.nik === v.nik);
      if (twin)
        issues.push({
          field: 'nik',
          code: 'DUPLICATE',
          message: translate(locale, 'error.nakes.nikTaken', { name: twin.name }),
        });
    }
    if (v.nip) {
      const nip = checkNip(v.nip, { birthDate: v.birthDate, sex: v.sex });
      const first = nip.refusals[0];
      if (first) {
        issues.push({ field: 'nip', message: first.message[locale].replace(/^[^:]+: /, '') });
      } else {
        const twin = others.find((o) => o.nip === v.nip);
        if (twin)
          issues.push({
            field: 'nip',
            code: 'DUPLICATE',
            message: translate(locale, 'error.nakes.nipTaken', { name: twin.name }),
          });
      }
    }
    if (v.pustuId && !pustuIds.has(v.pustuId)) {
      issues.push({ field: 'pustuId', message: translate(locale, 'error.nakes.pustu') });
    }
    if (v.isPjKlaster && v.klaster && v.active) {
      const pj = others.find((o) => o.isPjKlaster && o.active && o.klaster === v.klaster);
      if (pj) {
        issues.push({
          field: 'isPjKlaster',
          code: 'RULE_VIOLATION',
          message: translate(locale, 'error.nakes.pjTaken', {
            klaster: KLASTER_LABELS[v.klaster][locale],
            name: pj.name,
          }),
        });
      }
    }
    return issues;
  }

  async function activePustuIds(q: Kysely<DB>): Promise<Set<string>> {
    const rows = await q
      .selectFrom('pustu')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('active', '=', 1)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async function save(
    actor: Actor,
    values: NakesValues,
    existing: { id: string; version: number } | null,
  ): Promise<NakesRow> {
    const { today } = await facilityClock(deps, facility);
    return write(deps, actor, async (ctx: WriteContext) => {
      const others = (await query(ctx.trx).execute())
        .map(toRow)
        .filter((o) => o.id !== existing?.id);
      const pustu = await activePustuIds(ctx.trx);
      if (existing && values.pustuId) {
        // A Pustu closed since keeps the staff it had until they are moved.
        const mine = await ctx.trx
          .selectFrom('nakes')
          .select('pustu_id')
          .where('id', '=', existing.id)
          .executeTakeFirst();
        if (mine?.pustu_id) pustu.add(mine.pustu_id);
      }
      const issues = await ruleIssues(values, others, pustu, today, actor.locale);
      if (issues.length > 0) throw issuesError(actor.locale, issues, 'nakes.');
      const id = existing
        ? (await updateRecord(ctx, 'nakes', existing.id, existing.version, columns(values))).id
        : await insertRecord(ctx, 'nakes', columns(values));
      return one(ctx.trx, id);
    });
  }

  return {
    list,
    create: (actor: Actor, input: ParsedInput<'nakes.create'>) => save(actor, input.nakes, null),
    update: (actor: Actor, input: ParsedInput<'nakes.update'>) =>
      save(actor, input.nakes, { id: input.id, version: input.version }),

    /** STR/SIP expired or ending within `days` (inclusive), soonest first, active staff only. */
    async expiring(days: number): Promise<LicenceAlert[]> {
      const { today } = await facilityClock(deps, facility);
      const alerts: LicenceAlert[] = [];
      for (const n of await list(false)) {
        const docs = [
          {
            document: 'STR' as const,
            number: n.strNumber,
            expiry: n.strExpiry,
            lifetime: n.strLifetime,
          },
          { document: 'SIP' as const, number: n.sipNumber, expiry: n.sipExpiry, lifetime: false },
        ];
        for (const doc of docs) {
          const { state, daysLeft } = licenceState(doc, today, days);
          if ((state === 'expiring' || state === 'expired') && daysLeft !== null) {
            alerts.push({
              nakesId: n.id,
              name: n.name,
              profession: n.profession,
              document: doc.document,
              number: doc.number!,
              expiry: doc.expiry!,
              daysLeft,
              state,
            });
          }
        }
      }
      return alerts.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name));
    },

    async exportFile(locale: Locale): Promise<FileDownload> {
      const rows = await list(true);
      const clock = await facilityClock(deps, facility);
      const yesNo = (b: boolean) => (b ? 'Ya' : 'Tidak');
      return exportWorkbook(
        (workbook) => {
          addExportSheet(
            workbook,
            {
              name: translate(locale, 'nakes.file.sheet'),
              heading: [
                clock.facilityName,
                translate(locale, 'nakes.file.title'),
                translate(locale, 'export.listHelp'),
                generatedLine(locale, clock),
              ],
              columns: [
                { field: F.name, width: 28, value: (r) => r.name },
                { field: F.nik, width: 19, value: (r) => r.nik },
                { field: F.nip, width: 21, value: (r) => r.nip },
                { field: F.sex, width: 9, value: (r) => r.sex, dropdown: ['L', 'P'] },
                {
                  field: F.birthDate,
                  width: 12,
                  value: (r) => dateCell(r.birthDate),
                  numFmt: DATE_FORMAT,
                },
                { field: F.phone, width: 15, value: (r) => r.phone },
                {
                  field: F.profession,
                  width: 22,
                  value: (r) => PROFESSION_LABELS[r.profession][locale],
                },
                {
                  field: F.employmentStatus,
                  width: 16,
                  value: (r) =>
                    r.employmentStatus
                      ? EMPLOYMENT_STATUS_LABELS[r.employmentStatus][locale]
                      : null,
                },
                {
                  field: F.education,
                  width: 12,
                  value: (r) => (r.education ? EDUCATION_LABELS[r.education][locale] : null),
                },
                { field: F.strNumber, width: 22, value: (r) => r.strNumber },
                {
                  field: F.strExpiry,
                  width: 12,
                  value: (r) => dateCell(r.strExpiry),
                  numFmt: DATE_FORMAT,
                },
                {
                  field: F.strLifetime,
                  width: 10,
                  value: (r) => yesNo(r.strLifetime),
                  dropdown: YES_NO,
                },
                { field: F.sipNumber, width: 22, value: (r) => r.sipNumber },
                {
                  field: F.sipExpiry,
                  width: 12,
                  value: (r) => dateCell(r.sipExpiry),
                  numFmt: DATE_FORMAT,
                },
                {
                  field: F.klaster,
                  width: 22,
                  value: (r) => (r.klaster ? KLASTER_LABELS[r.klaster][locale] : null),
                },
                {
                  field: F.isPjKlaster,
                  width: 10,
                  value: (r) => yesNo(r.isPjKlaster),
                  dropdown: YES_NO,
                },
                { field: F.satusehatId, width: 14, value: (r) => r.satusehatId },
                { field: F.pustu, width: 20, value: (r) => r.pustuName },
                { field: F.active, width: 8, value: (r) => yesNo(r.active), dropdown: YES_NO },
                { field: F.notes, width: 30, value: (r) => r.notes },
                { field: F.id, width: 38, value: (r) => r.id, hidden: true },
              ],
              rows,
            },
            locale,
          );
        },
        `tenaga-kesehatan_${fileSlug(clock.facilityName)}.xlsx`,
      );
    },

    async importFile(actor: Actor, input: ParsedInput<'nakes.import'>): Promise<ImportResult> {
      const { locale } = actor;
      const { today } = await facilityClock(deps, facility);
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];
      const located = locateTable(grid, FIELDS, locale);
      const rows = readRows(grid, located, FIELDS, locale, errors, (v) =>
        typeof v.name === 'string' ? v.name : null,
      );
      const existing = (await query(db).execute()).map(toRow);
      const known = new Set(existing.map((n) => n.id));
      const pustuRows = await db
        .selectFrom('pustu')
        .select(['id', 'name'])
        .where('deleted_at', 'is', null)
        .execute();
      const pustuIds = new Set(pustuRows.map((p) => p.id));
      const plan: { id: string | null; values: NakesValues; row: (typeof rows)[number] }[] = [];
      const seenIds = new Set<string>();
      for (const row of rows) {
        const label = typeof row.values.name === 'string' ? row.values.name : null;
        const v = row.values;
        const { id, error } = importedId(row, F.id, known, seenIds, locale, label);
        if (error) {
          errors.push(error);
          continue;
        }
        let pustuId: string | null = null;
        if (typeof v.pustu === 'string' && v.pustu) {
          const matches = pustuRows.filter(
            (p) => p.name.toLowerCase() === String(v.pustu).toLowerCase(),
          );
          if (matches.length !== 1) {
            errors.push(
              cellProblem(
                row,
                F.pustu,
                locale,
                translate(locale, 'import.pustuUnknown', { name: v.pustu }),
                label,
              ),
            );
            continue;
          }
          pustuId = matches[0]!.id;
        }
        const parsed = parseRow(
          nakesInput,
          {
            name: v.name,
            nik: v.nik,
            nip: v.nip,
            sex: v.sex,
            birthDate: v.birthDate,
            phone: v.phone,
            profession: v.profession,
            employmentStatus: v.employmentStatus,
            education: v.education,
            strNumber: v.strNumber,
            strExpiry: v.strExpiry,
            strLifetime: v.strLifetime ?? false,
            sipNumber: v.sipNumber,
            sipExpiry: v.sipExpiry,
            klaster: v.klaster,
            isPjKlaster: v.isPjKlaster ?? false,
            satusehatId: v.satusehatId,
            pustuId,
            active: v.active ?? true,
            notes: v.notes,
          },
          row,
          FIELDS,
          locale,
          errors,
          label,
          (p) => (p[0] === 'pustuId' ? 'pustu' : String(p[0] ?? '')),
        );
        if (parsed) plan.push({ id, values: parsed, row });
      }
      // Rules against the staff as they will be after the import (file rows included).
      const kept = existing.filter((n) => !plan.some((p) => p.id === n.id));
      for (const [i, p] of plan.entries()) {
        const others = [...kept, ...plan.filter((_, j) => j !== i).map((o) => o.values)];
        const issues = await ruleIssues(p.values, others, pustuIds, today, locale);
        const label = p.values.name;
        for (const issue of issues) {
          const field =
            issue.field === 'pustuId' ? F.pustu : FIELDS.find((f) => f.code === issue.field);
          errors.push(cellProblem(p.row, field, locale, issue.message, label));
        }
      }
      if (errors.length > 0) throw importRefused(locale, errors);
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      await write(deps, actor, async (ctx) => {
        for (const p of plan) await upsert(ctx, 'nakes', p.id, columns(p.values), result);
      });
      return result;
    },
  };
}

export type SdmService = ReturnType<typeof createSdmService>;
