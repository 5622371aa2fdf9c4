import type { Kysely } from 'kysely';
import {
  AppError,
  describeIssue,
  PARSE_OPTIONS,
  sasaranConstantsValues,
  sasaranCount,
  type CellError,
  type FileDownload,
  type ParsedInput,
  type SasaranCell,
  type SasaranConstantsInfo,
  type SasaranTable,
} from '@shared/contract';
import {
  checkAgainstPopulation,
  estimateSasaran,
  SASARAN_CONSTANTS_DEFAULT,
  SASARAN_GROUP_INFO,
  SASARAN_GROUPS,
  splitProportional,
  type SasaranConstants,
  type SasaranGroup,
  type SasaranSource,
} from '@shared/domain/management';
import { numberLabel } from '@shared/domain/refusal';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, softDelete, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import {
  addExportSheet,
  addNotesSheet,
  cellProblem,
  cellText,
  csvFile,
  csvLine,
  exportWorkbook,
  importRefused,
  locateTable,
  readGrid,
  readRows,
  type IoField,
} from './list-io';
import {
  facilityClock,
  fieldError,
  generatedLine,
  listDesaRefs,
  parseJson,
  refused,
  registeredByDesa,
  undotted,
  type DesaRef,
} from './management-common';
import { fileSlug } from './xlsx';

type Basis = Record<string, string | number | null>;

interface StoredCell {
  id: string;
  value: number;
  source: SasaranSource;
  version: number;
}

interface ConstantsInForce {
  revision: number;
  baseSetId: string;
  values: SasaranConstants;
}

const isGroup = (code: string): code is SasaranGroup =>
  (SASARAN_GROUPS as readonly string[]).includes(code);

const KODE_DESA: IoField = {
  code: 'kode_desa',
  header: { id: 'Kode desa (Kemendagri)', en: 'Village code (Kemendagri)' },
  kind: { type: 'text' },
  required: true,
};
const NAMA_DESA: IoField = {
  code: 'nama_desa',
  header: { id: 'Nama desa/kelurahan', en: 'Village name' },
  kind: { type: 'text' },
};
const GROUP_FIELDS: IoField[] = SASARAN_GROUPS.map((g) => ({
  code: g,
  header: SASARAN_GROUP_INFO[g].label,
  kind: { type: 'count' },
}));

/**
 * Annual targets per desa: typed, imported from the app's own template (XLSX or CSV), estimated
 * with the PWS-KIA formulas from editable constants, split from a puskesmas total, or copied from
 * another year. Each target records its source and how it was obtained.
 */
export function createSasaranService(deps: ServiceDeps, facility: FacilityService) {
  const { db } = deps;

  async function storedFor(
    q: Kysely<DB>,
    year: number,
    desaId?: string,
  ): Promise<Map<string, Map<SasaranGroup, StoredCell>>> {
    let query = q
      .selectFrom('sasaran')
      .select(['id', 'desa_id', 'group_code', 'value', 'source', 'version'])
      .where('year', '=', year)
      .where('deleted_at', 'is', null);
    if (desaId) query = query.where('desa_id', '=', desaId);
    const rows = await query.execute();
    const byDesa = new Map<string, Map<SasaranGroup, StoredCell>>();
    for (const r of rows) {
      if (!isGroup(r.group_code)) continue;
      const cells = byDesa.get(r.desa_id) ?? new Map<SasaranGroup, StoredCell>();
      cells.set(r.group_code, { id: r.id, value: r.value, source: r.source, version: r.version });
      byDesa.set(r.desa_id, cells);
    }
    return byDesa;
  }

  async function constantsFor(q: Kysely<DB>, year: number): Promise<ConstantsInForce> {
    const row = await q
      .selectFrom('sasaran_constants')
      .select(['revision', 'base_set', 'constants'])
      .where('year', '=', year)
      .where('deleted_at', 'is', null)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    if (!row) {
      return {
        revision: 0,
        baseSetId: SASARAN_CONSTANTS_DEFAULT.id,
        values: SASARAN_CONSTANTS_DEFAULT.values,
      };
    }
    const parsed = sasaranConstantsValues.safeParse(parseJson(row.constants, null));
    return {
      revision: row.revision,
      baseSetId: row.base_set,
      values: parsed.success ? parsed.data : SASARAN_CONSTANTS_DEFAULT.values,
    };
  }

  async function table(year: number): Promise<SasaranTable> {
    const desa = await listDesaRefs(db);
    const registered = await registeredByDesa(db);
    const rows = await db
      .selectFrom('sasaran')
      .select(['desa_id', 'group_code', 'value', 'source', 'version', 'basis', 'updated_at'])
      .where('year', '=', year)
      .where('deleted_at', 'is', null)
      .execute();
    const cells = new Map<string, Partial<Record<SasaranGroup, SasaranCell>>>();
    const totals: Partial<Record<SasaranGroup, number>> = {};
    for (const r of rows) {
      if (!isGroup(r.group_code)) continue;
      const forDesa = cells.get(r.desa_id) ?? {};
      forDesa[r.group_code] = {
        value: r.value,
        source: r.source,
        version: r.version,
        basis: parseJson<Basis | null>(r.basis, null),
        updatedAt: r.updated_at,
      };
      cells.set(r.desa_id, forDesa);
      totals[r.group_code] = (totals[r.group_code] ?? 0) + r.value;
    }
    const years = await db
      .selectFrom('sasaran')
      .select('year')
      .distinct()
      .where('deleted_at', 'is', null)
      .orderBy('year', 'desc')
      .execute();
    return {
      year,
      rows: desa.map((d) => ({
        desaId: d.id,
        code: d.code,
        name: d.name,
        registered: registered.get(d.id) ?? 0,
        cells: cells.get(d.id) ?? {},
      })),
      totals,
      constantsRevision: (await constantsFor(db, year)).revision,
      years: years.map((y) => y.year),
    };
  }

  async function requireDesa(q: Kysely<DB>, desaId: string, locale: Locale, path: string) {
    const found = await q
      .selectFrom('desa')
      .select(['id', 'name'])
      .where('id', '=', desaId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw fieldError(locale, path, 'error.sasaran.desa');
    return found;
  }

  /** Set one target (insert, update or clear), keeping its audit; `version` as the clerk saw it. */
  async function put(
    ctx: WriteContext,
    year: number,
    desaId: string,
    group: SasaranGroup,
    stored: StoredCell | undefined,
    next: { value: number | null; source: SasaranSource; basis: Basis | null },
    expectedVersion?: number,
  ): Promise<boolean> {
    const basis = next.basis ? JSON.stringify(next.basis) : null;
    if (next.value === null) {
      if (!stored) return false;
      await softDelete(ctx, 'sasaran', stored.id, expectedVersion ?? stored.version);
      return true;
    }
    if (stored) {
      if (stored.value === next.value && stored.source === next.source && next.source !== 'bagi')
        return false;
      await updateRecord(ctx, 'sasaran', stored.id, expectedVersion ?? stored.version, {
        value: next.value,
        source: next.source,
        basis,
      });
      return true;
    }
    await insertRecord(ctx, 'sasaran', {
      year,
      desa_id: desaId,
      group_code: group,
      value: next.value,
      source: next.source,
      basis,
    });
    return true;
  }

  const valuesOf = (cells: Map<SasaranGroup, StoredCell> | undefined) => {
    const values: Partial<Record<SasaranGroup, number | null>> = {};
    for (const [g, c] of cells ?? []) values[g] = c.value;
    return values;
  };

  async function constantsInfo(year: number): Promise<SasaranConstantsInfo> {
    const inForce = await constantsFor(db, year);
    const history = await db
      .selectFrom('sasaran_constants as c')
      .leftJoin('app_user as u', 'u.id', 'c.created_by')
      .select(['c.revision', 'c.created_at', 'c.note', 'u.full_name'])
      .where('c.year', '=', year)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.revision', 'desc')
      .execute();
    const latest = history[0];
    return {
      year,
      revision: inForce.revision,
      baseSetId: inForce.baseSetId,
      values: inForce.values as SasaranConstantsInfo['values'],
      note: latest?.note ?? null,
      savedAt: latest?.created_at ?? null,
      savedBy: latest?.full_name ?? null,
      defaults: SASARAN_CONSTANTS_DEFAULT.values as SasaranConstantsInfo['defaults'],
      defaultsSource: SASARAN_CONSTANTS_DEFAULT.source,
      history: history.map((h) => ({
        revision: h.revision,
        savedAt: h.created_at,
        savedBy: h.full_name,
        note: h.note,
      })),
    };
  }

  return {
    table,
    constants: constantsInfo,

    async save(actor: Actor, input: ParsedInput<'sasaran.save'>): Promise<SasaranTable> {
      await write(deps, actor, async (ctx) => {
        await requireDesa(ctx.trx, input.desaId, actor.locale, 'desaId');
        const stored = (await storedFor(ctx.trx, input.year, input.desaId)).get(input.desaId);
        const merged = valuesOf(stored);
        const changed: SasaranGroup[] = [];
        for (const g of SASARAN_GROUPS) {
          const v = input.values[g];
          if (v === undefined) continue;
          const before = stored?.get(g)?.value ?? null;
          if (v !== before) changed.push(g);
          merged[g] = v;
        }
        const problems = checkAgainstPopulation(merged, changed, (g) => `values.${g}`);
        if (problems.length > 0) throw refused(actor.locale, problems);
        for (const g of changed) {
          const cell = stored?.get(g);
          if (cell && input.versions[g] === undefined) {
            throw AppError.of('CONFLICT', actor.locale, 'error.CONFLICT', {
              version: cell.version,
              at: '',
            });
          }
          await put(
            ctx,
            input.year,
            input.desaId,
            g,
            cell,
            { value: input.values[g] ?? null, source: 'ketik', basis: null },
            input.versions[g],
          );
        }
      });
      return table(input.year);
    },

    async estimate(actor: Actor, input: ParsedInput<'sasaran.estimate'>) {
      const constants = await constantsFor(db, input.year);
      let written = 0;
      let kept = 0;
      await write(deps, actor, async (ctx) => {
        const all = await storedFor(ctx.trx, input.year);
        const seen = new Set<string>();
        for (const [i, item] of input.items.entries()) {
          await requireDesa(ctx.trx, item.desaId, actor.locale, `items.${i}.desaId`);
          if (seen.has(item.desaId)) {
            throw fieldError(actor.locale, `items.${i}.desaId`, 'error.sasaran.desaTwice');
          }
          seen.add(item.desaId);
          const stored = all.get(item.desaId);
          const estimate = estimateSasaran(item.penduduk, constants.values);
          const merged = valuesOf(stored);
          const plan: {
            group: SasaranGroup;
            value: number;
            source: SasaranSource;
            basis: Basis;
          }[] = [];
          const storedPenduduk = stored?.get('penduduk')?.value ?? null;
          if (storedPenduduk !== item.penduduk) {
            plan.push({
              group: 'penduduk',
              value: item.penduduk,
              source: item.pendudukSource === 'registri' ? 'registri' : 'ketik',
              basis: item.pendudukSource === 'registri' ? { counted: item.penduduk } : {},
            });
          }
          for (const g of SASARAN_GROUPS) {
            if (g === 'penduduk') continue;
            if (stored?.has(g) && !input.overwrite) {
              kept += 1;
              continue;
            }
            plan.push({
              group: g,
              value: estimate[g],
              source: 'estimasi',
              basis: {
                penduduk: item.penduduk,
                constantsYear: input.year,
                constantsRevision: constants.revision,
                constantsSet: constants.baseSetId,
              },
            });
          }
          for (const p of plan) merged[p.group] = p.value;
          const problems = checkAgainstPopulation(
            merged,
            plan.map((p) => p.group),
            (g) => `items.${i}.${g === 'penduduk' ? 'penduduk' : g}`,
          );
          if (problems.length > 0) throw refused(actor.locale, problems);
          for (const p of plan) {
            const cell = stored?.get(p.group);
            if (
              await put(ctx, input.year, item.desaId, p.group, cell, {
                value: p.value,
                source: p.source,
                basis: p.source === 'ketik' ? null : p.basis,
              })
            ) {
              written += 1;
            }
          }
        }
      });
      return { written, kept };
    },

    async split(actor: Actor, input: ParsedInput<'sasaran.split'>) {
      const desa = await listDesaRefs(db);
      const all = await storedFor(db, input.year);
      const registered = await registeredByDesa(db);
      const { locale } = actor;
      if (input.group === 'penduduk' && input.weightBasis === 'penduduk') {
        throw fieldError(locale, 'weightBasis', 'error.sasaran.split.self');
      }
      let weights: number[];
      if (input.weightBasis === 'penduduk') {
        const missing = desa.filter((d) => all.get(d.id)?.get('penduduk') === undefined);
        if (missing.length > 0) {
          throw fieldError(locale, 'weightBasis', 'error.sasaran.split.noPenduduk', {
            names: missing.map((d) => d.name).join(', '),
          });
        }
        weights = desa.map((d) => all.get(d.id)!.get('penduduk')!.value);
      } else {
        weights = desa.map((d) => registered.get(d.id) ?? 0);
      }
      const weightTotal = weights.reduce((a, b) => a + b, 0);
      if (weightTotal === 0 && input.total > 0) {
        throw fieldError(locale, 'weightBasis', 'error.sasaran.split.noWeights');
      }
      const parts = splitProportional(input.total, weights);
      // Each desa's share must fit its population (and a split population its stored targets).
      desa.forEach((d, i) => {
        const values = valuesOf(all.get(d.id));
        values[input.group] = parts[i]!;
        const problems = checkAgainstPopulation(values, [input.group], () => 'total');
        if (problems[0]) {
          throw fieldError(locale, 'total', 'error.sasaran.split.tooLarge', {
            desa: d.name,
            value: numberLabel(parts[i]!)[locale],
          });
        }
      });
      await write(deps, actor, async (ctx) => {
        const fresh = await storedFor(ctx.trx, input.year);
        for (const [i, d] of desa.entries()) {
          await put(ctx, input.year, d.id, input.group, fresh.get(d.id)?.get(input.group), {
            value: parts[i]!,
            source: 'bagi',
            basis: {
              total: input.total,
              weightBasis: input.weightBasis,
              weight: weights[i]!,
              weightTotal,
            },
          });
        }
      });
      return { parts: desa.map((d, i) => ({ desaId: d.id, value: parts[i]! })) };
    },

    async copyYear(actor: Actor, input: ParsedInput<'sasaran.copyYear'>) {
      const source = await storedFor(db, input.fromYear);
      if (source.size === 0) {
        throw fieldError(actor.locale, 'fromYear', 'error.sasaran.copy.empty', {
          year: input.fromYear,
        });
      }
      const desa = new Map((await listDesaRefs(db)).map((d) => [d.id, d]));
      const fromConstants = await constantsFor(db, input.fromYear);
      const toConstants = await constantsFor(db, input.toYear);
      let copied = 0;
      let kept = 0;
      await write(deps, actor, async (ctx) => {
        const target = await storedFor(ctx.trx, input.toYear);
        for (const [desaId, cells] of source) {
          if (!desa.has(desaId)) continue;
          const existing = target.get(desaId);
          const merged = valuesOf(existing);
          const plan: [SasaranGroup, StoredCell][] = [];
          for (const [g, cell] of cells) {
            if (existing?.has(g) && !input.overwrite) {
              kept += 1;
              continue;
            }
            plan.push([g, cell]);
            merged[g] = cell.value;
          }
          const problems = checkAgainstPopulation(
            merged,
            plan.map(([g]) => g),
            () => 'toYear',
          );
          if (problems.length > 0) {
            throw fieldError(actor.locale, 'toYear', 'error.sasaran.copy.inconsistent', {
              desa: desa.get(desaId)!.name,
            });
          }
          for (const [g, cell] of plan) {
            await put(ctx, input.toYear, desaId, g, existing?.get(g), {
              value: cell.value,
              source: 'salin',
              basis: { fromYear: input.fromYear, fromSource: cell.source },
            });
            copied += 1;
          }
        }
        // The year's estimate constants follow when the target year has none of its own.
        if (fromConstants.revision > 0 && toConstants.revision === 0) {
          await insertRecord(ctx, 'sasaran_constants', {
            year: input.toYear,
            revision: 1,
            base_set: fromConstants.baseSetId,
            constants: JSON.stringify(fromConstants.values),
            note: translate(actor.locale, 'sasaran.constants.copied', { year: input.fromYear }),
          });
        }
      });
      return { copied, kept };
    },

    async setConstants(
      actor: Actor,
      input: ParsedInput<'sasaran.setConstants'>,
    ): Promise<SasaranConstantsInfo> {
      const current = await constantsFor(db, input.year);
      await write(deps, actor, async (ctx) => {
        const last = await ctx.trx
          .selectFrom('sasaran_constants')
          .select('revision')
          .where('year', '=', input.year)
          .orderBy('revision', 'desc')
          .executeTakeFirst();
        await insertRecord(ctx, 'sasaran_constants', {
          year: input.year,
          revision: (last?.revision ?? 0) + 1,
          base_set: current.baseSetId,
          constants: JSON.stringify(input.values),
          note: input.note,
        });
      });
      return constantsInfo(input.year);
    },

    async exportFile(input: ParsedInput<'sasaran.export'>, locale: Locale): Promise<FileDownload> {
      const data = await table(input.year);
      const clock = await facilityClock(deps, facility);
      const fileName = `sasaran-${input.year}_${fileSlug(clock.facilityName)}`;
      const labelOf = (g: SasaranGroup) => SASARAN_GROUP_INFO[g].label[locale];
      if (input.format === 'csv') {
        const lines = [
          csvLine([translate(locale, 'sasaran.file.year'), input.year]),
          csvLine([
            KODE_DESA.header[locale],
            NAMA_DESA.header[locale],
            ...SASARAN_GROUPS.map(labelOf),
          ]),
          ...data.rows.map((r) =>
            csvLine([r.code, r.name, ...SASARAN_GROUPS.map((g) => r.cells[g]?.value ?? null)]),
          ),
        ];
        return csvFile(lines, `${fileName}.csv`);
      }
      return exportWorkbook((workbook) => {
        addExportSheet(
          workbook,
          {
            name: translate(locale, 'sasaran.file.sheet', { year: input.year }),
            heading: [
              clock.facilityName,
              translate(locale, 'sasaran.file.title', { year: input.year }),
              translate(locale, 'sasaran.file.help'),
              generatedLine(locale, clock),
            ],
            meta: [[translate(locale, 'sasaran.file.year'), input.year]],
            columns: [
              { field: KODE_DESA, width: 16, value: (r) => r.code },
              { field: NAMA_DESA, width: 24, value: (r) => r.name },
              ...GROUP_FIELDS.map((field) => ({
                field,
                width: 12,
                numFmt: '#,##0',
                value: (r: (typeof data.rows)[number]) =>
                  r.cells[field.code as SasaranGroup]?.value ?? null,
              })),
            ],
            rows: data.rows,
            footer: [
              [
                translate(locale, 'sasaran.file.total'),
                null,
                ...SASARAN_GROUPS.map((g) => data.totals[g] ?? null),
              ],
            ],
          },
          locale,
        );
        addNotesSheet(workbook, translate(locale, 'sasaran.file.notes'), [
          [translate(locale, 'sasaran.file.howTitle'), translate(locale, 'sasaran.file.how')],
          ...SASARAN_GROUPS.map((g): [string, string] => [
            labelOf(g),
            SASARAN_GROUP_INFO[g].definition[locale],
          ]),
        ]);
      }, `${fileName}.xlsx`);
    },

    async importFile(actor: Actor, input: ParsedInput<'sasaran.import'>) {
      const { locale } = actor;
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];

      // The year written in the file must be the year being imported.
      const yearWords = new Set(['tahun', 'year']);
      for (let r = 0; r < Math.min(grid.rows.length, 40); r++) {
        const cells = grid.rows[r] ?? [];
        if (!yearWords.has(cellText(cells[0] ?? null).toLowerCase())) continue;
        const fileYear = Number(cellText(cells[1] ?? null));
        if (fileYear !== input.year) {
          errors.push({
            cell: `B${r + 1}`,
            row: r + 1,
            column: translate(locale, 'sasaran.file.year'),
            rowLabel: null,
            message: translate(locale, 'error.sasaran.import.year', {
              file: cellText(cells[1] ?? null) || '—',
              year: input.year,
            }),
          });
        }
        break;
      }

      const fields = [KODE_DESA, NAMA_DESA, ...GROUP_FIELDS];
      const located = locateTable(grid, fields, locale);
      if (!GROUP_FIELDS.some((f) => located.columns.has(f.code))) {
        throw importRefused(locale, [
          {
            cell: `A${located.dataStart}`,
            row: located.dataStart,
            column: '—',
            rowLabel: null,
            message: translate(locale, 'error.sasaran.import.noGroups'),
          },
        ]);
      }
      const totalWords = /^(jumlah|total)\b/i;
      const rows = readRows(
        grid,
        located,
        fields,
        locale,
        errors,
        (v) => (typeof v.nama_desa === 'string' ? v.nama_desa : null),
        (cells) => cells.some((c) => totalWords.test(cellText(c))),
      );

      const desa = await listDesaRefs(db);
      const byCode = new Map<string, DesaRef>(desa.map((d) => [undotted(d.code), d]));
      const all = await storedFor(db, input.year);
      const plan: { desaId: string; group: SasaranGroup; value: number }[] = [];
      const seen = new Map<string, number>();
      let cellCount = 0;
      for (const row of rows) {
        const code = typeof row.values.kode_desa === 'string' ? row.values.kode_desa : '';
        const found = byCode.get(undotted(code));
        const label =
          found?.name ?? (typeof row.values.nama_desa === 'string' ? row.values.nama_desa : null);
        if (!found) {
          errors.push(
            cellProblem(
              row,
              KODE_DESA,
              locale,
              code
                ? translate(locale, 'error.sasaran.import.desa', { code })
                : translate(locale, 'validation.required'),
              label,
            ),
          );
          continue;
        }
        if (seen.has(found.id)) {
          errors.push(
            cellProblem(
              row,
              KODE_DESA,
              locale,
              translate(locale, 'error.sasaran.import.twice', { row: seen.get(found.id)! }),
              label,
            ),
          );
          continue;
        }
        seen.set(found.id, row.row);
        const stored = all.get(found.id);
        const merged = valuesOf(stored);
        const changed: SasaranGroup[] = [];
        let valid = true;
        for (const field of GROUP_FIELDS) {
          const g = field.code as SasaranGroup;
          if (row.failed.has(g)) {
            valid = false;
            continue;
          }
          const raw = row.values[g];
          if (raw === null || raw === undefined) continue;
          const parsed = sasaranCount.safeParse(raw, PARSE_OPTIONS);
          if (!parsed.success) {
            valid = false;
            errors.push(
              cellProblem(
                row,
                field,
                locale,
                describeIssue(parsed.error.issues[0]!, locale),
                label,
              ),
            );
            continue;
          }
          cellCount += 1;
          merged[g] = parsed.data;
          // An unchanged value keeps its source (a re-imported export changes nothing).
          if (stored?.get(g)?.value !== parsed.data) changed.push(g);
        }
        if (!valid) continue;
        for (const problem of checkAgainstPopulation(merged, changed, (g) => g)) {
          const field = GROUP_FIELDS.find((f) => f.code === problem.path);
          errors.push(
            cellProblem(row, field, locale, problem.message[locale].replace(/^[^:]+: /, ''), label),
          );
        }
        for (const g of changed) plan.push({ desaId: found.id, group: g, value: merged[g]! });
      }
      if (errors.length > 0) throw importRefused(locale, errors);

      let changedCount = 0;
      await write(deps, actor, async (ctx) => {
        const fresh = await storedFor(ctx.trx, input.year);
        for (const p of plan) {
          if (
            await put(ctx, input.year, p.desaId, p.group, fresh.get(p.desaId)?.get(p.group), {
              value: p.value,
              source: 'impor',
              basis: { fileName: input.fileName },
            })
          ) {
            changedCount += 1;
          }
        }
      });
      return { desa: seen.size, cells: cellCount, changed: changedCount };
    },
  };
}

export type SasaranService = ReturnType<typeof createSasaranService>;
