import type { Kysely } from 'kysely';
import {
  fktpInput,
  posyanduInput,
  pustuInput,
  type CellError,
  type FileDownload,
  type FktpOption,
  type FktpRow,
  type ImportResult,
  type ParsedInput,
  type PustuRow,
} from '@shared/contract';
import { PROFESSIONS, type Profession } from '@shared/domain/codes/service';
import {
  FKTP_KIND_LABELS,
  FKTP_KINDS,
  POSYANDU_STRATA,
  POSYANDU_STRATUM_LABELS,
  pustuStaffGaps,
} from '@shared/domain/management';
import { translate, type Locale } from '@shared/i18n';
import { insertRecord, updateRecord, type WriteContext } from '../db/records';
import type { DB } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import {
  addExportSheet,
  cellProblem,
  exportWorkbook,
  importRefused,
  locateTable,
  parseRow,
  readGrid,
  readRows,
  type ExportColumn,
  type IoField,
} from './list-io';
import {
  facilityClock,
  generatedLine,
  importedId,
  issuesError,
  listDesaRefs,
  desaOf,
  desaProblem,
  upsert,
  type RuleIssue,
} from './management-common';
import type { WilayahService } from './wilayah';
import { fileSlug } from './xlsx';

type PustuValues = ParsedInput<'pustu.create'>['pustu'];
type FktpValues = ParsedInput<'fktp.create'>['fktp'];

const text = { type: 'text' } as const;
const yesNo = (b: boolean) => (b ? 'Ya' : 'Tidak');
const YES_NO = ['Ya', 'Tidak'];

const common = {
  kodeDesa: {
    code: 'kode_desa',
    header: { id: 'Kode desa (Kemendagri)', en: 'Village code (Kemendagri)' },
    kind: text,
  },
  desa: { code: 'desa', header: { id: 'Desa/kelurahan', en: 'Village' }, kind: text },
  active: { code: 'active', header: { id: 'Aktif', en: 'Active' }, kind: { type: 'boolean' } },
  notes: { code: 'notes', header: { id: 'Catatan', en: 'Notes' }, kind: text },
  id: {
    code: 'id',
    header: { id: 'ID sistem (jangan diubah)', en: 'System id (do not edit)' },
    kind: text,
  },
} satisfies Record<string, IoField>;

const PUSTU = {
  name: {
    code: 'name',
    header: { id: 'Nama Pustu', en: 'Pustu name' },
    kind: text,
    required: true,
  },
  ...common,
  kode: { code: 'kode', header: { id: 'Kode', en: 'Code' }, kind: text },
  address: { code: 'address', header: { id: 'Alamat', en: 'Address' }, kind: text },
  phone: { code: 'phone', header: { id: 'Telepon', en: 'Phone' }, kind: { type: 'digits' } },
  latitude: {
    code: 'latitude',
    header: { id: 'Lintang', en: 'Latitude' },
    kind: { type: 'decimal' },
  },
  longitude: {
    code: 'longitude',
    header: { id: 'Bujur', en: 'Longitude' },
    kind: { type: 'decimal' },
  },
  staff: {
    code: 'staff',
    header: { id: 'Tenaga kesehatan (pisahkan dengan ;)', en: 'Health workers (separate with ;)' },
    kind: text,
  },
} satisfies Record<string, IoField>;

const FKTP = {
  kind: {
    code: 'kind',
    header: { id: 'Jenis', en: 'Kind' },
    kind: { type: 'choice', choices: FKTP_KINDS, labels: FKTP_KIND_LABELS },
    required: true,
  },
  name: { code: 'name', header: { id: 'Nama', en: 'Name' }, kind: text, required: true },
  ...common,
  address: { code: 'address', header: { id: 'Alamat', en: 'Address' }, kind: text },
  kode: { code: 'kode', header: { id: 'Kode faskes', en: 'Facility code' }, kind: text },
  ownerName: {
    code: 'ownerName',
    header: { id: 'Penanggung jawab', en: 'Person in charge' },
    kind: text,
  },
  phone: { code: 'phone', header: { id: 'Telepon', en: 'Phone' }, kind: { type: 'digits' } },
  bpjs: {
    code: 'bpjs',
    header: { id: 'Kerja sama BPJS', en: 'BPJS partner' },
    kind: { type: 'boolean' },
  },
  sharesData: {
    code: 'sharesData',
    header: { id: 'Melaporkan data', en: 'Reports data' },
    kind: { type: 'boolean' },
  },
} satisfies Record<string, IoField>;

const WEEKDAY_NAMES: Record<Locale, string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const POSYANDU = {
  name: {
    code: 'name',
    header: { id: 'Nama posyandu', en: 'Posyandu name' },
    kind: text,
    required: true,
  },
  ...common,
  rw: { code: 'rw', header: { id: 'RW', en: 'RW' }, kind: text },
  dusun: { code: 'dusun', header: { id: 'Dusun', en: 'Hamlet' }, kind: text },
  scheduleWeekday: {
    code: 'scheduleWeekday',
    header: { id: 'Hari', en: 'Day' },
    kind: {
      type: 'choice',
      choices: ['1', '2', '3', '4', '5', '6', '7'],
      labels: Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].map((d) => [
          String(d),
          { id: WEEKDAY_NAMES.id[d - 1]!, en: WEEKDAY_NAMES.en[d - 1]! },
        ]),
      ),
    },
  },
  scheduleWeek: {
    code: 'scheduleWeek',
    header: { id: 'Minggu ke- (kosong = setiap minggu)', en: 'Week of month (empty = weekly)' },
    kind: { type: 'count' },
  },
  kode: { code: 'kode', header: { id: 'Kode posyandu', en: 'Posyandu code' }, kind: text },
  stratum: {
    code: 'stratum',
    header: { id: 'Strata', en: 'Stratum' },
    kind: { type: 'choice', choices: POSYANDU_STRATA, labels: POSYANDU_STRATUM_LABELS },
  },
  ilp: {
    code: 'ilp',
    header: { id: 'Posyandu ILP', en: 'ILP posyandu' },
    kind: { type: 'boolean' },
  },
  pustu: { code: 'pustu', header: { id: 'Pustu pembina', en: 'Supervising Pustu' }, kind: text },
} satisfies Record<string, IoField>;

const list = (o: Record<string, IoField>) => Object.values(o);

/**
 * The puskesmas network: Pustu (desa, assigned nakes), posyandu (extended: kode, stratum, ILP,
 * Pustu) and the other FKTP of the area (klinik, PMB, DPM), each importable and exportable.
 */
export function createJejaringService(
  deps: ServiceDeps,
  facility: FacilityService,
  wilayah: WilayahService,
) {
  const { db } = deps;

  async function pustuList(q: Kysely<DB>, includeInactive: boolean): Promise<PustuRow[]> {
    let query = q
      .selectFrom('pustu as p')
      .innerJoin('desa as d', 'd.id', 'p.desa_id')
      .selectAll('p')
      .select('d.name as desa_name')
      .where('p.deleted_at', 'is', null);
    if (!includeInactive) query = query.where('p.active', '=', 1);
    const rows = await query.orderBy('d.name').orderBy('p.name').execute();
    const staff = await q
      .selectFrom('nakes')
      .select(['id', 'name', 'profession', 'pustu_id'])
      .where('deleted_at', 'is', null)
      .where('active', '=', 1)
      .where('pustu_id', 'is not', null)
      .orderBy('name')
      .execute();
    const posyandu = await q
      .selectFrom('posyandu')
      .select(['pustu_id'])
      .where('deleted_at', 'is', null)
      .where('active', '=', 1)
      .where('pustu_id', 'is not', null)
      .execute();
    return rows.map((p) => {
      const mine = staff
        .filter((n) => n.pustu_id === p.id)
        .map((n) => ({
          id: n.id,
          name: n.name,
          profession: ((PROFESSIONS as readonly string[]).includes(n.profession)
            ? n.profession
            : 'administrasi') as Profession,
        }));
      return {
        id: p.id,
        version: p.version,
        name: p.name,
        desaId: p.desa_id,
        desaName: p.desa_name,
        kode: p.kode,
        address: p.address,
        phone: p.phone,
        latitude: p.latitude,
        longitude: p.longitude,
        active: p.active === 1,
        notes: p.notes,
        staff: mine,
        staffGaps: pustuStaffGaps(mine.map((n) => n.profession)),
        posyanduCount: posyandu.filter((y) => y.pustu_id === p.id).length,
      };
    });
  }

  const pustuColumns = (v: PustuValues) => ({
    name: v.name,
    desa_id: v.desaId,
    kode: v.kode,
    address: v.address,
    phone: v.phone,
    latitude: v.latitude,
    longitude: v.longitude,
    active: v.active ? 1 : 0,
    notes: v.notes,
  });

  /** Give the Pustu exactly `staffIds` (moving them from another Pustu), each change audited. */
  async function assignStaff(
    ctx: WriteContext,
    pustuId: string,
    staffIds: readonly string[],
  ): Promise<number> {
    const wanted = new Set(staffIds);
    const rows = await ctx.trx
      .selectFrom('nakes')
      .select(['id', 'version', 'pustu_id'])
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('pustu_id', '=', pustuId), eb('id', 'in', [...wanted, ''])]))
      .execute();
    let changed = 0;
    for (const n of rows) {
      const next = wanted.has(n.id) ? pustuId : null;
      if (n.pustu_id === next) continue;
      await updateRecord(ctx, 'nakes', n.id, n.version, { pustu_id: next });
      changed += 1;
    }
    return changed;
  }

  async function pustuIssues(q: Kysely<DB>, v: PustuValues, locale: Locale): Promise<RuleIssue[]> {
    const issues: RuleIssue[] = [];
    const desa = await listDesaRefs(q);
    if (!desa.some((d) => d.id === v.desaId)) {
      issues.push({ field: 'desaId', message: translate(locale, 'error.person.desa') });
    }
    if (v.staffIds.length > 0) {
      const found = await q
        .selectFrom('nakes')
        .select('id')
        .where('deleted_at', 'is', null)
        .where('id', 'in', v.staffIds)
        .execute();
      if (found.length !== new Set(v.staffIds).size) {
        issues.push({ field: 'staffIds', message: translate(locale, 'error.pustu.staff') });
      }
    }
    return issues;
  }

  async function savePustu(
    actor: Actor,
    values: PustuValues,
    existing: { id: string; version: number } | null,
  ): Promise<PustuRow> {
    const id = await write(deps, actor, async (ctx) => {
      const issues = await pustuIssues(ctx.trx, values, actor.locale);
      if (issues.length > 0) throw issuesError(actor.locale, issues, 'pustu.');
      const pustuId = existing
        ? (await updateRecord(ctx, 'pustu', existing.id, existing.version, pustuColumns(values))).id
        : await insertRecord(ctx, 'pustu', pustuColumns(values));
      await assignStaff(ctx, pustuId, values.staffIds);
      return pustuId;
    });
    return (await pustuList(db, true)).find((p) => p.id === id)!;
  }

  async function fktpList(includeInactive: boolean): Promise<FktpRow[]> {
    let query = db
      .selectFrom('fktp as f')
      .leftJoin('desa as d', 'd.id', 'f.desa_id')
      .selectAll('f')
      .select('d.name as desa_name')
      .where('f.deleted_at', 'is', null);
    if (!includeInactive) query = query.where('f.active', '=', 1);
    const rows = await query.orderBy('f.kind').orderBy('f.name').execute();
    return rows.map((f) => ({
      id: f.id,
      version: f.version,
      kind: f.kind,
      name: f.name,
      desaId: f.desa_id,
      desaName: f.desa_name,
      address: f.address,
      kode: f.kode,
      ownerName: f.owner_name,
      phone: f.phone,
      bpjs: f.bpjs === 1,
      sharesData: f.shares_data === 1,
      active: f.active === 1,
      notes: f.notes,
    }));
  }

  const fktpColumns = (v: FktpValues) => ({
    kind: v.kind,
    name: v.name,
    desa_id: v.desaId,
    address: v.address,
    kode: v.kode,
    owner_name: v.ownerName,
    phone: v.phone,
    bpjs: v.bpjs ? 1 : 0,
    shares_data: v.sharesData ? 1 : 0,
    active: v.active ? 1 : 0,
    notes: v.notes,
  });

  async function saveFktp(
    actor: Actor,
    values: FktpValues,
    existing: { id: string; version: number } | null,
  ): Promise<FktpRow> {
    const id = await write(deps, actor, async (ctx) => {
      if (values.desaId && !(await listDesaRefs(ctx.trx)).some((d) => d.id === values.desaId)) {
        throw issuesError(
          actor.locale,
          [{ field: 'desaId', message: translate(actor.locale, 'error.person.desa') }],
          'fktp.',
        );
      }
      return existing
        ? (await updateRecord(ctx, 'fktp', existing.id, existing.version, fktpColumns(values))).id
        : insertRecord(ctx, 'fktp', fktpColumns(values));
    });
    return (await fktpList(true)).find((f) => f.id === id)!;
  }

  async function heading(locale: Locale, title: string) {
    const clock = await facilityClock(deps, facility);
    return {
      facilityName: clock.facilityName,
      lines: [
        clock.facilityName,
        title,
        translate(locale, 'export.listHelp'),
        generatedLine(locale, clock),
      ],
    };
  }

  return {
    pustuList: (includeInactive: boolean) => pustuList(db, includeInactive),
    createPustu: (actor: Actor, input: ParsedInput<'pustu.create'>) =>
      savePustu(actor, input.pustu, null),
    updatePustu: (actor: Actor, input: ParsedInput<'pustu.update'>) =>
      savePustu(actor, input.pustu, { id: input.id, version: input.version }),

    fktpList,
    async fktpOptions(includeInactive: boolean): Promise<FktpOption[]> {
      return (await fktpList(includeInactive)).map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
        active: f.active,
      }));
    },
    createFktp: (actor: Actor, input: ParsedInput<'fktp.create'>) =>
      saveFktp(actor, input.fktp, null),
    updateFktp: (actor: Actor, input: ParsedInput<'fktp.update'>) =>
      saveFktp(actor, input.fktp, { id: input.id, version: input.version }),

    async exportPustu(locale: Locale): Promise<FileDownload> {
      const rows = await pustuList(db, true);
      const desa = new Map((await listDesaRefs(db)).map((d) => [d.id, d]));
      const h = await heading(locale, translate(locale, 'pustu.file.title'));
      const columns: ExportColumn<PustuRow>[] = [
        { field: PUSTU.name, width: 26, value: (r) => r.name },
        { field: PUSTU.kodeDesa, width: 15, value: (r) => desa.get(r.desaId)?.code ?? null },
        { field: PUSTU.desa, width: 18, value: (r) => r.desaName },
        { field: PUSTU.kode, width: 12, value: (r) => r.kode },
        { field: PUSTU.address, width: 30, value: (r) => r.address },
        { field: PUSTU.phone, width: 15, value: (r) => r.phone },
        { field: PUSTU.latitude, width: 11, value: (r) => r.latitude },
        { field: PUSTU.longitude, width: 11, value: (r) => r.longitude },
        { field: PUSTU.staff, width: 40, value: (r) => r.staff.map((n) => n.name).join('; ') },
        { field: PUSTU.active, width: 8, value: (r) => yesNo(r.active), dropdown: YES_NO },
        { field: PUSTU.notes, width: 30, value: (r) => r.notes },
        { field: PUSTU.id, width: 38, value: (r) => r.id, hidden: true },
      ];
      return exportWorkbook(
        (wb) => {
          addExportSheet(wb, { name: 'Pustu', heading: h.lines, columns, rows }, locale);
        },
        `pustu_${fileSlug(h.facilityName)}.xlsx`,
      );
    },

    async importPustu(actor: Actor, input: ParsedInput<'pustu.import'>): Promise<ImportResult> {
      const { locale } = actor;
      const fields = list(PUSTU);
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];
      const rows = readRows(grid, locateTable(grid, fields, locale), fields, locale, errors, (v) =>
        typeof v.name === 'string' ? v.name : null,
      );
      const desa = await listDesaRefs(db);
      const known = new Set((await pustuList(db, true)).map((p) => p.id));
      const nakes = await db
        .selectFrom('nakes')
        .select(['id', 'name'])
        .where('deleted_at', 'is', null)
        .execute();
      const plan: { id: string | null; values: PustuValues }[] = [];
      const seen = new Set<string>();
      const staffSeen = new Map<string, number>();
      for (const row of rows) {
        const label = typeof row.values.name === 'string' ? row.values.name : null;
        const { id, error } = importedId(row, common.id, known, seen, locale, label);
        if (error) {
          errors.push(error);
          continue;
        }
        const d = desaOf(row, desa);
        if (d === 'missing' || d === null) {
          errors.push(
            d === 'missing'
              ? cellProblem(
                  row,
                  PUSTU.kodeDesa,
                  locale,
                  translate(locale, 'validation.required'),
                  label,
                )
              : desaProblem(row, common, locale, label),
          );
          continue;
        }
        const names =
          typeof row.values.staff === 'string'
            ? row.values.staff
                .split(';')
                .map((n) => n.trim())
                .filter(Boolean)
            : [];
        const staffIds: string[] = [];
        for (const name of names) {
          const found = nakes.filter((n) => n.name.toLowerCase() === name.toLowerCase());
          if (found.length !== 1) {
            errors.push(
              cellProblem(
                row,
                PUSTU.staff,
                locale,
                translate(locale, 'import.nakesUnknown', { name }),
                label,
              ),
            );
            continue;
          }
          const other = staffSeen.get(found[0]!.id);
          if (other !== undefined) {
            errors.push(
              cellProblem(
                row,
                PUSTU.staff,
                locale,
                translate(locale, 'import.staffTwice', { name, row: other }),
                label,
              ),
            );
            continue;
          }
          staffSeen.set(found[0]!.id, row.row);
          staffIds.push(found[0]!.id);
        }
        const v = row.values;
        const parsed = parseRow(
          pustuInput,
          {
            name: v.name,
            desaId: d.id,
            kode: v.kode,
            address: v.address,
            phone: v.phone,
            latitude: v.latitude,
            longitude: v.longitude,
            active: v.active ?? true,
            notes: v.notes,
            staffIds,
          },
          row,
          fields,
          locale,
          errors,
          label,
          (p) => (p[0] === 'staffIds' ? 'staff' : String(p[0] ?? '')),
        );
        if (parsed) plan.push({ id, values: parsed });
      }
      if (errors.length > 0) throw importRefused(locale, errors);
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      await write(deps, actor, async (ctx) => {
        for (const p of plan) {
          const before = result.unchanged;
          const id = await upsert(ctx, 'pustu', p.id, pustuColumns(p.values), result);
          const moved = await assignStaff(ctx, id, p.values.staffIds);
          // A Pustu whose staff changed was updated, even with its own fields as they were.
          if (moved > 0 && result.unchanged > before) {
            result.unchanged -= 1;
            result.updated += 1;
          }
        }
      });
      return result;
    },

    async exportFktp(locale: Locale): Promise<FileDownload> {
      const rows = await fktpList(true);
      const desa = new Map((await listDesaRefs(db)).map((d) => [d.id, d]));
      const h = await heading(locale, translate(locale, 'fktp.file.title'));
      const columns: ExportColumn<FktpRow>[] = [
        {
          field: FKTP.kind,
          width: 26,
          value: (r) => FKTP_KIND_LABELS[r.kind][locale],
          dropdown: FKTP_KINDS,
        },
        { field: FKTP.name, width: 28, value: (r) => r.name },
        {
          field: FKTP.kodeDesa,
          width: 15,
          value: (r) => (r.desaId ? (desa.get(r.desaId)?.code ?? null) : null),
        },
        { field: FKTP.desa, width: 18, value: (r) => r.desaName },
        { field: FKTP.address, width: 30, value: (r) => r.address },
        { field: FKTP.kode, width: 12, value: (r) => r.kode },
        { field: FKTP.ownerName, width: 24, value: (r) => r.ownerName },
        { field: FKTP.phone, width: 15, value: (r) => r.phone },
        { field: FKTP.bpjs, width: 10, value: (r) => yesNo(r.bpjs), dropdown: YES_NO },
        { field: FKTP.sharesData, width: 10, value: (r) => yesNo(r.sharesData), dropdown: YES_NO },
        { field: FKTP.active, width: 8, value: (r) => yesNo(r.active), dropdown: YES_NO },
        { field: FKTP.notes, width: 30, value: (r) => r.notes },
        { field: FKTP.id, width: 38, value: (r) => r.id, hidden: true },
      ];
      return exportWorkbook(
        (wb) => {
          addExportSheet(wb, { name: 'FKTP lain', heading: h.lines, columns, rows }, locale);
        },
        `fktp-lain_${fileSlug(h.facilityName)}.xlsx`,
      );
    },

    async importFktp(actor: Actor, input: ParsedInput<'fktp.import'>): Promise<ImportResult> {
      const { locale } = actor;
      const fields = list(FKTP);
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];
      const rows = readRows(grid, locateTable(grid, fields, locale), fields, locale, errors, (v) =>
        typeof v.name === 'string' ? v.name : null,
      );
      const desa = await listDesaRefs(db);
      const known = new Set((await fktpList(true)).map((f) => f.id));
      const plan: { id: string | null; values: FktpValues }[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const label = typeof row.values.name === 'string' ? row.values.name : null;
        const { id, error } = importedId(row, common.id, known, seen, locale, label);
        if (error) {
          errors.push(error);
          continue;
        }
        const d = desaOf(row, desa);
        if (d === null) {
          errors.push(desaProblem(row, common, locale, label));
          continue;
        }
        const v = row.values;
        const parsed = parseRow(
          fktpInput,
          {
            kind: v.kind,
            name: v.name,
            desaId: d === 'missing' ? null : d.id,
            address: v.address,
            kode: v.kode,
            ownerName: v.ownerName,
            phone: v.phone,
            bpjs: v.bpjs ?? false,
            sharesData: v.sharesData ?? false,
            active: v.active ?? true,
            notes: v.notes,
          },
          row,
          fields,
          locale,
          errors,
          label,
        );
        if (parsed) plan.push({ id, values: parsed });
      }
      if (errors.length > 0) throw importRefused(locale, errors);
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      await write(deps, actor, async (ctx) => {
        for (const p of plan) await upsert(ctx, 'fktp', p.id, fktpColumns(p.values), result);
      });
      return result;
    },

    async exportPosyandu(locale: Locale): Promise<FileDownload> {
      const rows = await wilayah.listPosyandu(true);
      const desa = new Map((await listDesaRefs(db)).map((d) => [d.id, d]));
      const h = await heading(locale, translate(locale, 'posyandu.file.title'));
      type Row = (typeof rows)[number];
      const columns: ExportColumn<Row>[] = [
        { field: POSYANDU.name, width: 28, value: (r) => r.name },
        { field: POSYANDU.kodeDesa, width: 15, value: (r) => desa.get(r.desaId)?.code ?? null },
        { field: POSYANDU.desa, width: 18, value: (r) => r.desaName },
        { field: POSYANDU.rw, width: 6, value: (r) => r.rw },
        { field: POSYANDU.dusun, width: 14, value: (r) => r.dusun },
        {
          field: POSYANDU.scheduleWeekday,
          width: 10,
          value: (r) => (r.scheduleWeekday ? WEEKDAY_NAMES[locale][r.scheduleWeekday - 1]! : null),
          dropdown: WEEKDAY_NAMES.id,
        },
        { field: POSYANDU.scheduleWeek, width: 12, value: (r) => r.scheduleWeek },
        { field: POSYANDU.kode, width: 14, value: (r) => r.kode },
        {
          field: POSYANDU.stratum,
          width: 10,
          value: (r) => (r.stratum ? POSYANDU_STRATUM_LABELS[r.stratum][locale] : null),
          dropdown: POSYANDU_STRATA.map((s) => POSYANDU_STRATUM_LABELS[s].id),
        },
        { field: POSYANDU.ilp, width: 8, value: (r) => yesNo(r.ilp), dropdown: YES_NO },
        { field: POSYANDU.pustu, width: 22, value: (r) => r.pustuName },
        { field: POSYANDU.active, width: 8, value: (r) => yesNo(r.active), dropdown: YES_NO },
        { field: POSYANDU.id, width: 38, value: (r) => r.id, hidden: true },
      ];
      return exportWorkbook(
        (wb) => {
          addExportSheet(wb, { name: 'Posyandu', heading: h.lines, columns, rows }, locale);
        },
        `posyandu_${fileSlug(h.facilityName)}.xlsx`,
      );
    },

    async importPosyandu(
      actor: Actor,
      input: ParsedInput<'posyandu.import'>,
    ): Promise<ImportResult> {
      const { locale } = actor;
      const fields = list(POSYANDU).filter((f) => f.code !== 'notes');
      const grid = await readGrid(input.fileName, input.base64, locale);
      const errors: CellError[] = [];
      const rows = readRows(grid, locateTable(grid, fields, locale), fields, locale, errors, (v) =>
        typeof v.name === 'string' ? v.name : null,
      );
      const desa = await listDesaRefs(db);
      const known = new Set((await wilayah.listPosyandu(true)).map((p) => p.id));
      const pustu = await pustuList(db, true);
      type Values = ParsedInput<'posyandu.create'>;
      const plan: { id: string | null; values: Values; active: boolean }[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const label = typeof row.values.name === 'string' ? row.values.name : null;
        const { id, error } = importedId(row, common.id, known, seen, locale, label);
        if (error) {
          errors.push(error);
          continue;
        }
        const d = desaOf(row, desa);
        if (d === 'missing' || d === null) {
          errors.push(
            d === 'missing'
              ? cellProblem(
                  row,
                  POSYANDU.kodeDesa,
                  locale,
                  translate(locale, 'validation.required'),
                  label,
                )
              : desaProblem(row, common, locale, label),
          );
          continue;
        }
        const v = row.values;
        let pustuId: string | null = null;
        if (typeof v.pustu === 'string' && v.pustu) {
          const found = pustu.filter((p) => p.name.toLowerCase() === String(v.pustu).toLowerCase());
          if (found.length !== 1) {
            errors.push(
              cellProblem(
                row,
                POSYANDU.pustu,
                locale,
                translate(locale, 'import.pustuUnknown', { name: v.pustu }),
                label,
              ),
            );
            continue;
          }
          pustuId = found[0]!.id;
        }
        const parsed = parseRow(
          posyanduInput.strict(),
          {
            name: v.name,
            desaId: d.id,
            rw: v.rw,
            dusun: v.dusun,
            scheduleWeek: v.scheduleWeek,
            scheduleWeekday: v.scheduleWeekday ? Number(v.scheduleWeekday) : null,
            kode: v.kode,
            stratum: v.stratum,
            ilp: v.ilp ?? false,
            pustuId,
          },
          row,
          fields,
          locale,
          errors,
          label,
          (p) => (p[0] === 'pustuId' ? 'pustu' : String(p[0] ?? '')),
        );
        if (parsed) plan.push({ id, values: parsed, active: v.active !== false });
      }
      if (errors.length > 0) throw importRefused(locale, errors);
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      await write(deps, actor, async (ctx) => {
        for (const p of plan) {
          const v = p.values;
          await upsert(
            ctx,
            'posyandu',
            p.id,
            {
              name: v.name,
              desa_id: v.desaId,
              rw: v.rw,
              dusun: v.dusun,
              schedule_week: v.scheduleWeek,
              schedule_weekday: v.scheduleWeekday,
              kode: v.kode,
              stratum: v.stratum,
              ilp: v.ilp ? 1 : 0,
              pustu_id: v.pustuId,
              active: p.active ? 1 : 0,
            },
            result,
          );
        }
      });
      return result;
    },
  };
}

export type JejaringService = ReturnType<typeof createJejaringService>;
