import { sql, type Kysely } from 'kysely';
import {
  AppError,
  summariseIssues,
  TIMEZONE_OFFSETS,
  type CellError,
  type ErrorCode,
  type FieldIssue,
  type ImportResult,
} from '@shared/contract';
import { addMonths, localDate, localTime } from '@shared/domain/dates';
import { checkNik } from '@shared/domain/identity';
import { toFieldIssues, type FieldProblem } from '@shared/domain/refusal';
import { fieldLabel, translate, type Locale, type MessageKey } from '@shared/i18n';
import {
  insertRecord,
  updateRecord,
  type NewRecord,
  type RecordPatch,
  type WriteContext,
} from '../db/records';
import type { DB } from '../db/schema';
import type { ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { cellProblem, type ImportRow, type IoField } from './list-io';
import type { RegionsService } from './regions';

/** Shared helpers of the Klaster 1 services (sasaran, SDM, kader, jejaring). */

export interface DesaRef {
  id: string;
  code: string;
  name: string;
}

/** The wilayah kerja's living desa, by name. */
export async function listDesaRefs(q: Kysely<DB>): Promise<DesaRef[]> {
  return q
    .selectFrom('desa')
    .select(['id', 'code', 'name'])
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Living persons per desa in the registry. */
export async function registeredByDesa(q: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('person')
    .select(['desa_id', sql<number>`count(*)`.as('n')])
    .where('deleted_at', 'is', null)
    .where('desa_id', 'is not', null)
    .groupBy('desa_id')
    .execute();
  return new Map(rows.map((r) => [r.desa_id!, Number(r.n)]));
}

/** Kemendagri desa codes are matched with or without dots (`32.05.02.2004` = `3205022004`). */
export const undotted = (code: string) => code.replace(/[.\s]/g, '');

/**
 * The desa of an imported row by its Kemendagri code (`kode_desa`), or else by its name (`desa`);
 * `'missing'` when the row gives neither, null when it names no desa of the wilayah kerja.
 */
export function desaOf(row: ImportRow, desa: readonly DesaRef[]): DesaRef | null | 'missing' {
  const code = typeof row.values.kode_desa === 'string' ? undotted(row.values.kode_desa) : '';
  const name = typeof row.values.desa === 'string' ? row.values.desa.toLowerCase() : '';
  if (!code && !name) return 'missing';
  return (
    (code
      ? desa.find((d) => undotted(d.code) === code)
      : desa.find((d) => d.name.toLowerCase() === name)) ?? null
  );
}

/** "Desa … not in the wilayah kerja", on the code cell when the row gave a code, else the name. */
export function desaProblem(
  row: ImportRow,
  fields: { kodeDesa: IoField; desa: IoField },
  locale: Locale,
  label: string | null,
): CellError {
  const code = row.values.kode_desa ?? row.values.desa;
  return cellProblem(
    row,
    row.values.kode_desa ? fields.kodeDesa : fields.desa,
    locale,
    translate(locale, 'error.sasaran.import.desa', { code: String(code) }),
    label,
  );
}

/** Today and the time at the puskesmas (its time zone), for expiry lists and file headings. */
export async function facilityClock(deps: ServiceDeps, facility: FacilityService) {
  const f = await facility.find();
  const offset = TIMEZONE_OFFSETS[f?.timezone ?? 'WIB'];
  const now = deps.now();
  return {
    facilityName: f?.name ?? 'Siklus',
    today: localDate(now, offset),
    time: localTime(now, offset),
    timezone: f?.timezone ?? 'WIB',
  };
}

/** `Dibuat 22-11-2026 09.15 WIB` for the heading of an exported file. */
export function generatedLine(
  locale: Locale,
  clock: { today: string; time: string; timezone: string },
): string {
  const [y, m, d] = clock.today.split('-');
  return translate(locale, 'export.generated', {
    at: `${d}-${m}-${y} ${clock.time} ${clock.timezone}`,
  });
}

/** A rule's refusals as the bridge's INVALID_INPUT, fields named, nothing saved. */
export function refused(locale: Locale, problems: readonly FieldProblem[]): AppError {
  const issues: FieldIssue[] = toFieldIssues(problems, locale);
  return new AppError('INVALID_INPUT', summariseIssues(issues), { issues });
}

/** A field problem with a dictionary message. */
export function fieldError(
  locale: Locale,
  path: string,
  key: MessageKey,
  params?: Record<string, string | number>,
  code: 'INVALID_INPUT' | 'DUPLICATE' | 'RULE_VIOLATION' = 'INVALID_INPUT',
): AppError {
  return AppError.field(locale, path, translate(locale, key, params), { code });
}

/** JSON stored in a TEXT column, or the fallback when it cannot be read. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A problem found by a service rule, on one field of the form (or one cell of a file). */
export interface RuleIssue {
  /** Dotted path under the form (`nik`, `skills.2.date`). */
  field: string;
  message: string;
  code?: ErrorCode;
  /** The field's name when its label alone would not find it (`Keterampilan K07`). */
  label?: string;
}

/** Rule issues as one refusal of a form whose fields sit under `prefix` (e.g. `nakes.`). */
export function issuesError(locale: Locale, issues: readonly RuleIssue[], prefix = ''): AppError {
  const list: FieldIssue[] = issues.map((i) => ({
    path: `${prefix}${i.field}`,
    field: i.label ?? fieldLabel(locale, i.field.split('.').at(-1) ?? i.field),
    message: i.message,
  }));
  return new AppError(issues[0]?.code ?? 'INVALID_INPUT', summariseIssues(list), { issues: list });
}

/**
 * The identity of a staff member or kader: a NIK that cannot exist is refused (its sentences
 * start with "NIK"; the field label says it already); a birth date must give an age of 15–100.
 */
export async function identityIssues(
  regions: RegionsService,
  v: { nik: string | null; sex: 'L' | 'P' | null; birthDate: string | null },
  today: string,
  locale: Locale,
): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  if (v.nik) {
    const check = checkNik(v.nik, await regions.lookup(), { sex: v.sex, birthDate: v.birthDate });
    const error = check.errors[0];
    if (error) issues.push({ field: 'nik', message: error.message.replace(/^NIK:? /, '') });
  }
  if (
    v.birthDate &&
    (v.birthDate > addMonths(today, -15 * 12) || v.birthDate < addMonths(today, -100 * 12))
  ) {
    issues.push({ field: 'birthDate', message: translate(locale, 'error.identity.age') });
  }
  return issues;
}

/**
 * The system id of an imported row (its hidden `id` column): null for a new row, refused when it
 * names no living record of the list or a record an earlier row already named.
 */
export function importedId(
  row: ImportRow,
  field: IoField,
  known: ReadonlySet<string>,
  seen: Set<string>,
  locale: Locale,
  label: string | null,
): { id: string | null; error: CellError | null } {
  const id = typeof row.values.id === 'string' && row.values.id ? row.values.id : null;
  if (!id) return { id: null, error: null };
  if (!known.has(id) || seen.has(id)) {
    return {
      id,
      error: cellProblem(
        row,
        field,
        locale,
        translate(locale, seen.has(id) ? 'import.idTwice' : 'import.idUnknown'),
        label,
      ),
    };
  }
  seen.add(id);
  return { id, error: null };
}

/** Insert an imported row, or update it to the stored version; counts what happened. */
export async function upsert<T extends 'pustu' | 'fktp' | 'posyandu' | 'kader' | 'nakes'>(
  ctx: WriteContext,
  table: T,
  id: string | null,
  values: NewRecord<T>,
  result: ImportResult,
): Promise<string> {
  if (!id) {
    result.created += 1;
    return insertRecord(ctx, table, values);
  }
  // One cast: Kysely cannot type a select over a union of table names.
  const versions = ctx.trx as unknown as Kysely<Record<string, { id: string; version: number }>>;
  const current = await versions
    .selectFrom(table as string)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const next = (await updateRecord(ctx, table, id, current.version, values as RecordPatch<T>)) as {
    version: number;
  };
  if (next.version === current.version) result.unchanged += 1;
  else result.updated += 1;
  return id;
}
