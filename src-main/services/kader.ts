import type { Kysely } from 'kysely';
import {
  kaderInput,
  type CellError,
  type FileDownload,
  type ImportResult,
  type KaderRow,
  type ParsedInput,
} from '@shared/contract';
import {
  KADER_LEVEL_LABELS,
  KADER_LEVELS,
  KADER_SKILLS_2023,
  type KaderLevel,
} from '@shared/domain/management';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, updateRecord } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import {
  addExportSheet,
  addNotesSheet,
  cellProblem,
  DATE_FORMAT,
  dateCell,
  exportWorkbook,
  importRefused,
  locateTable,
  parseDateText,
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
  listDesaRefs,
  parseJson,
  desaOf,
  desaProblem,
  upsert,
  type RuleIssue,
} from './management-common';
import type { RegionsService } from './regions';
import { fileSlug } from './xlsx';

type KaderValues = ParsedInput<'kader.create'>['kader'];

const F = {
  name: {
    code: 'name',
    header: { id: 'Nama', en: 'Name' },
    kind: { type: 'text' },
    required: true,
  },
  nik: { code: 'nik', header: { id: 'NIK', en: 'NIK' }, kind: { type: 'digits' } },
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
  kodeDesa: {
    code: 'kode_desa',
    header: { id: 'Kode desa (Kemendagri)', en: 'Village code (Kemendagri)' },
    kind: { type: 'text' },
  },
  desa: { code: 'desa', header: { id: 'Desa/kelurahan', en: 'Village' }, kind: { type: 'text' } },
  posyandu: {
    code: 'posyandu',
    header: { id: 'Posyandu', en: 'Posyandu' },
    kind: { type: 'text' },
  },
  level: {
    code: 'level',
    header: { id: 'Tingkat kader', en: 'Kader level' },
    kind: { type: 'choice', choices: KADER_LEVELS, labels: KADER_LEVEL_LABELS },
  },
  trainings: {
    code: 'trainings',
    header: { id: 'Pelatihan', en: 'Trainings' },
    kind: { type: 'text' },
  },
  active: { code: 'active', header: { id: 'Aktif', en: 'Active' }, kind: { type: 'boolean' } },
  notes: { code: 'notes', header: { id: 'Catatan', en: 'Notes' }, kind: { type: 'text' } },
  id: {
    code: 'id',
    header: { id: 'ID sistem (jangan diubah)', en: 'System id (do not edit)' },
    kind: { type: 'text' },
  },
} satisfies Record<string, IoField>;

/** One column per basic skill: the date it was certified, empty when not yet. */
const SKILL_FIELDS: IoField[] = KADER_SKILLS_2023.skills.map((s) => ({
  code: s.code,
  header: { id: s.code, en: s.code },
  kind: { type: 'date' },
}));
const FIELDS: IoField[] = [...Object.values(F), ...SKILL_FIELDS];

/** `Pelatihan kader ILP (05-03-2024, Dinkes Garut); …` */
export function formatTrainings(list: KaderRow['trainings']): string {
  return list
    .map((t) => {
      const [y, m, d] = t.date.split('-');
      return `${t.name} (${d}-${m}-${y}${t.organizer ? `, ${t.organizer}` : ''})`;
    })
    .join('; ');
}

export function parseTrainings(
  text: string,
): { ok: true; value: { name: string; date: string; organizer: string | null }[] } | { ok: false } {
  const entries = text
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean);
  const value: { name: string; date: string; organizer: string | null }[] = [];
  for (const entry of entries) {
    const m = /^(.+?)\s*\(\s*([0-9./-]+)\s*(?:,\s*([^)]*))?\)$/.exec(entry);
    if (!m) return { ok: false };
    value.push({ name: m[1]!.trim(), date: parseDateText(m[2]!), organizer: m[3]?.trim() || null });
  }
  return { ok: true, value };
}

type KaderDbRow = {
  id: string;
  version: number;
  name: string;
  nik: string | null;
  sex: 'L' | 'P';
  birth_date: string | null;
  phone: string | null;
  desa_id: string;
  desa_name: string;
  desa_code: string;
  posyandu_id: string | null;
  posyandu_name: string | null;
  level: KaderLevel | null;
  skills: string;
  trainings: string;
  active: number;
  notes: string | null;
};

function toRow(r: KaderDbRow): KaderRow {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    nik: r.nik,
    sex: r.sex,
    birthDate: r.birth_date,
    phone: r.phone,
    desaId: r.desa_id,
    desaName: r.desa_name,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    level: r.level,
    skills: parseJson<KaderRow['skills']>(r.skills, []),
    trainings: parseJson<KaderRow['trainings']>(r.trainings, []),
    active: r.active === 1,
    notes: r.notes,
  };
}

function columns(v: KaderValues) {
  return {
    name: v.name,
    nik: v.nik,
    sex: v.sex,
    birth_date: v.birthDate,
    phone: v.phone,
    desa_id: v.desaId,
    posyandu_id: v.posyanduId,
    level: v.level,
    skills: JSON.stringify([...v.skills].sort((a, b) => a.code.localeCompare(b.code))),
    trainings: JSON.stringify([...v.trainings].sort((a, b) => a.date.localeCompare(b.date))),
    active: v.active ? 1 : 0,
    notes: v.notes,
  };
}

interface PosyanduRef {
  id: string;
  name: string;
  desa_id: string;
}

/** Kader posyandu: identity, posyandu and desa, level, the 25 basic skills with dates, trainings. */
export function createKaderService(
  deps: ServiceDeps,
  facility: FacilityService,
  regions: RegionsService,
) {
  const { db } = deps;

  const query = (q: Kysely<DB>) =>
    q
      .selectFrom('kader as k')
      .innerJoin('desa as d', 'd.id', 'k.desa_id')
      .leftJoin('posyandu as y', 'y.id', 'k.posyandu_id')
      .select([
        'k.id',
        'k.version',
        'k.name',
        'k.nik',
        'k.sex',
        'k.birth_date',
        'k.phone',
        'k.desa_id',
        'd.name as desa_name',
        'd.code as desa_code',
        'k.posyandu_id',
        'y.name as posyandu_name',
        'k.level',
        'k.skills',
        'k.trainings',
        'k.active',
        'k.notes',
      ])
      .where('k.deleted_at', 'is', null);

  async function posyanduRefs(q: Kysely<DB>): Promise<PosyanduRef[]> {
    return q
      .selectFrom('posyandu')
      .select(['id', 'name', 'desa_id'])
      .where('deleted_at', 'is', null)
      .execute();
  }

  async function ruleIssues(
    v: KaderValues,
    others: readonly { name: string; nik: string | null }[],
    desaIds: ReadonlySet<string>,
    posyandu: readonly PosyanduRef[],
    today: string,
    locale: Locale,
  ): Promise<RuleIssue[]> {
    const issues = await identityIssues(regions, v, today, locale);
    if (v.nik) {
      const twin = others.find((o) => o.nik === v.nik);
      if (twin) {
        issues.push({
          field: 'nik',
          code: 'DUPLICATE',
          message: translate(locale, 'error.kader.nikTaken', { name: twin.name }),
        });
      }
    }
    if (!desaIds.has(v.desaId)) {
      issues.push({ field: 'desaId', message: translate(locale, 'error.person.desa') });
    }
    if (v.posyanduId) {
      const p = posyandu.find((y) => y.id === v.posyanduId);
      if (!p)
        issues.push({ field: 'posyanduId', message: translate(locale, 'error.person.posyandu') });
      else if (p.desa_id !== v.desaId) {
        issues.push({
          field: 'posyanduId',
          message: translate(locale, 'error.kader.posyanduDesa'),
        });
      }
    }
    v.skills.forEach((s, i) => {
      if (s.date > today) {
        issues.push({
          field: `skills.${i}.date`,
          label: translate(locale, 'kader.skillLabel', { code: s.code }),
          message: translate(locale, 'error.date.future'),
        });
      }
    });
    v.trainings.forEach((t, i) => {
      if (t.date > today) {
        issues.push({
          field: `trainings.${i}.date`,
          label: translate(locale, 'kader.trainingLabel', { name: t.name }),
          message: translate(locale, 'error.date.future'),
        });
      }
    });
    return issues;
  }

  async function save(
    actor: Actor,
    values: KaderValues,
    existing: { id: string; version: number } | null,
  ): Promise<KaderRow> {
    const { today } = await facilityClock(deps, facility);
    return write(deps, actor, async (ctx) => {
      const others = (await query(ctx.trx).execute()).filter((k) => k.id !== existing?.id);
      const desa = new Set((await listDesaRefs(ctx.trx)).map((d) => d.id));
      const issues = await ruleIssues(
        values,
        others,
        desa,
        await posyanduRefs(ctx.trx),
        today,
        actor.locale,
      );
      if (issues.length > 0) throw issuesError(actor.locale, issues, 'kader.');
      const id = existing
        ? (await updateRecord(ctx, 'kader', existing.id, existing.version, columns(values))).id
        : await insertRecord(ctx, 'kader', columns(values));
      return toRow(await query(ctx.trx).where('k.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  async function list(input: ParsedInput<'kader.list'>): Promise<KaderRow[]> {
    let q = query(db);
    if (!input.includeInactive) q = q.where('k.active', '=', 1);
    if (input.desaId) q = q.where('k.desa_id', '=', input.desaId);
    if (input.posyanduId) q = q.where('k.posyandu_id', '=', input.posyanduId);
    return (await q.orderBy('d.name').orderBy('k.name').execute()).map(toRow);
  }

  return {
    list,
    create: (actor: Actor, input: ParsedInput<'kader.create'>) => save(actor, input.kader, null),
    update: (actor: Actor, input: ParsedInput<'kader.update'>) =>
      save(actor, input.kader, { id: input.id, version: input.version }),

    async exportFile(locale: Locale): Promise<FileDownload> {
      const rows = (await query(db).orderBy('d.name').orderBy('k.name').execute()).map((r) => ({
        ...toRow(r),
        desaCode: r.desa_code,
      }));
      const clock = await facilityClock(deps, facility);
      const yesNo = (b: boolean) => (b ? 'Ya' : 'Tidak');
      return exportWorkbook(
        (workbook) => {
          addExportSheet(
            workbook,
            {
              name: translate(locale, 'kader.file.sheet'),
              heading: [
                clock.facilityName,
                translate(locale, 'kader.file.title'),
                translate(locale, 'kader.file.help'),
                generatedLine(locale, clock),
              ],
              columns: [
                { field: F.name, width: 26, value: (r) => r.name },
                { field: F.nik, width: 19, value: (r) => r.nik },
                { field: F.sex, width: 9, value: (r) => r.sex, dropdown: ['L', 'P'] },
                {
                  field: F.birthDate,
                  width: 12,
                  value: (r) => dateCell(r.birthDate),
                  numFmt: DATE_FORMAT,
                },
                { field: F.phone, width: 15, value: (r) => r.phone },
                { field: F.kodeDesa, width: 15, value: (r) => r.desaCode },
                { field: F.desa, width: 18, value: (r) => r.desaName },
                { field: F.posyandu, width: 26, value: (r) => r.posyanduName },
                {
                  field: F.level,
                  width: 10,
                  value: (r) => (r.level ? KADER_LEVEL_LABELS[r.level][locale] : null),
                  dropdown: KADER_LEVELS.map((l) => KADER_LEVEL_LABELS[l].id),
                },
                ...SKILL_FIELDS.map((field) => ({
                  field,
                  width: 11,
                  numFmt: DATE_FORMAT,
                  value: (r: (typeof rows)[number]) =>
                    dateCell(r.skills.find((s) => s.code === field.code)?.date ?? null),
                })),
                { field: F.trainings, width: 40, value: (r) => formatTrainings(r.trainings) },
                {
                  field: F.active,
                  width: 8,
                  value: (r) => yesNo(r.active),
                  dropdown: ['Ya', 'Tidak'],
                },
                { field: F.notes, width: 30, value: (r) => r.notes },
                { field: F.id, width: 38, value: (r) => r.id, hidden: true },
              ],
              rows,
            },
            locale,
          );
          addNotesSheet(workbook, translate(locale, 'kader.file.notes'), [
            [
              translate(locale, 'kader.file.trainingsTitle'),
              translate(locale, 'kader.file.trainings'),
            ],
            ...KADER_SKILLS_2023.skills.map((s): [string, string] => [s.code, s.label[locale]]),
          ]);
        },
        `kader_${fileSlug(clock.facilityName)}.xlsx`,
      );
    },

    async importFile(actor: Actor, input: ParsedInput<'kader.import'>): Promise<ImportResult> {
      const { locale } = actor;
      const { today } = await facilityClock(deps, facility);
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];
      const located = locateTable(grid, FIELDS, locale);
      const rows = readRows(grid, located, FIELDS, locale, errors, (v) =>
        typeof v.name === 'string' ? v.name : null,
      );
      const desa = await listDesaRefs(db);
      const posyandu = await posyanduRefs(db);
      const existing = await query(db).execute();
      const known = new Set(existing.map((k) => k.id));
      const plan: { id: string | null; values: KaderValues; row: (typeof rows)[number] }[] = [];
      const seenIds = new Set<string>();
      for (const row of rows) {
        const v = row.values;
        const label = typeof v.name === 'string' ? v.name : null;
        const { id, error } = importedId(row, F.id, known, seenIds, locale, label);
        if (error) {
          errors.push(error);
          continue;
        }
        const d = desaOf(row, desa);
        if (d === 'missing' || d === null) {
          errors.push(
            d === 'missing'
              ? cellProblem(row, F.desa, locale, translate(locale, 'validation.required'), label)
              : desaProblem(row, F, locale, label),
          );
          continue;
        }
        let posyanduId: string | null = null;
        if (typeof v.posyandu === 'string' && v.posyandu) {
          const found = posyandu.filter(
            (p) => p.desa_id === d.id && p.name.toLowerCase() === String(v.posyandu).toLowerCase(),
          );
          if (found.length !== 1) {
            errors.push(
              cellProblem(
                row,
                F.posyandu,
                locale,
                translate(locale, 'import.posyanduUnknown', { name: v.posyandu, desa: d.name }),
                label,
              ),
            );
            continue;
          }
          posyanduId = found[0]!.id;
        }
        let trainings: unknown = [];
        if (typeof v.trainings === 'string' && v.trainings) {
          const parsed = parseTrainings(v.trainings);
          if (!parsed.ok) {
            errors.push(
              cellProblem(row, F.trainings, locale, translate(locale, 'import.trainings'), label),
            );
            continue;
          }
          trainings = parsed.value;
        }
        const skills = SKILL_FIELDS.filter(
          (f) => v[f.code] !== null && v[f.code] !== undefined,
        ).map((f) => ({ code: f.code, date: v[f.code] }));
        const parsed = parseRow(
          kaderInput,
          {
            name: v.name,
            nik: v.nik,
            sex: v.sex,
            birthDate: v.birthDate,
            phone: v.phone,
            desaId: d.id,
            posyanduId,
            level: v.level,
            skills,
            trainings,
            active: v.active ?? true,
            notes: v.notes,
          },
          row,
          FIELDS,
          locale,
          errors,
          label,
          (p) =>
            p[0] === 'skills' && typeof p[1] === 'number'
              ? (skills[p[1]]?.code ?? 'name')
              : String(p[0] ?? ''),
        );
        if (parsed) plan.push({ id, values: parsed, row });
      }
      const kept = existing.filter((k) => !plan.some((p) => p.id === k.id));
      const desaIds = new Set(desa.map((d) => d.id));
      for (const [i, p] of plan.entries()) {
        const others = [...kept, ...plan.filter((_, j) => j !== i).map((o) => o.values)];
        const issues = await ruleIssues(p.values, others, desaIds, posyandu, today, locale);
        for (const issue of issues) {
          const top = issue.field.split('.')[0]!;
          const field =
            top === 'skills'
              ? SKILL_FIELDS.find(
                  (f) => f.code === p.values.skills[Number(issue.field.split('.')[1])]?.code,
                )
              : top === 'posyanduId'
                ? F.posyandu
                : top === 'desaId'
                  ? F.kodeDesa
                  : FIELDS.find((f) => f.code === top);
          errors.push(cellProblem(p.row, field, locale, issue.message, p.values.name));
        }
      }
      if (errors.length > 0) throw importRefused(locale, errors);
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      await write(deps, actor, async (ctx) => {
        for (const p of plan) await upsert(ctx, 'kader', p.id, columns(p.values), result);
      });
      return result;
    },
  };
}

export type KaderService = ReturnType<typeof createKaderService>;
