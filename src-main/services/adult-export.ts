import type {
  AdultPatientRow,
  AdultScreeningRow,
  FileDownload,
  LansiaListRow,
  ParsedInput,
} from '@shared/contract';
import {
  CONTROL_STATUS_LABELS,
  FOLLOW_UP_LABELS,
  GLUCOSE_TEST_SHORT,
  PROGRAM_LABELS,
  RESULT_LABELS,
  SKILAS_DOMAIN_LABELS,
  type ResultCode,
} from '@shared/domain/adult';
import { SERVICE_PLACE_LABELS } from '@shared/domain/codes/service';
import { completedYears } from '@shared/domain/dates';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import { fileSlug, listToXlsx, type XlsxColumn } from './xlsx';

interface ExportContext {
  locale: Locale;
  facility: string;
  at: Date;
}

/** An ISO date as an Excel date cell (shown dd-mm-yyyy). */
function day(date: string | null | undefined): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}

function stamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getDate())}-${pad(at.getMonth() + 1)}-${at.getFullYear()} ${pad(at.getHours())}.${pad(at.getMinutes())}`;
}

function heading(ctx: ExportContext, title: string, filter: string[]): string[] {
  const t = (key: MessageKey, params?: Record<string, string>) =>
    translate(ctx.locale, key, params);
  return [
    ctx.facility,
    title,
    filter.length > 0 ? `${t('adult.export.filter')}: ${filter.join('; ')}` : t('adult.export.all'),
    t('adult.export.generated', { at: stamp(ctx.at) }),
  ];
}

function label(code: ResultCode | null, locale: Locale): string {
  return code ? RESULT_LABELS[code][locale] : '';
}

const DATE_FMT = 'dd-mm-yyyy';

function personColumns<
  R extends {
    name: string;
    nik: string | null;
    sex: 'L' | 'P';
    birthDate: string;
    desaName: string | null;
  },
>(locale: Locale): XlsxColumn<R>[] {
  const t = (key: MessageKey) => translate(locale, key);
  return [
    { header: t('adult.col.name'), width: 28, value: (r) => r.name },
    { header: t('adult.col.nik'), width: 19, value: (r) => r.nik },
    { header: t('adult.col.sex'), width: 5, value: (r) => r.sex },
    {
      header: t('adult.col.birthDate'),
      width: 12,
      value: (r) => day(r.birthDate),
      numFmt: DATE_FMT,
    },
    { header: t('adult.col.desa'), width: 18, value: (r) => r.desaName ?? t('adult.luar') },
  ];
}

function describeFilter(
  locale: Locale,
  input: { q?: string; desaId?: string | undefined },
  extra: string[],
): string[] {
  const out = [...extra];
  if (input.q?.trim()) out.push(`${translate(locale, 'adult.export.search')} "${input.q.trim()}"`);
  if (input.desaId)
    out.push(
      input.desaId === 'luar'
        ? translate(locale, 'adult.luar')
        : translate(locale, 'adult.export.oneDesa'),
    );
  return out;
}

export function exportScreenings(
  rows: readonly AdultScreeningRow[],
  input: Omit<ParsedInput<'adult.screening.list'>, 'limit' | 'offset'>,
  ctx: ExportContext,
): Promise<FileDownload> {
  const { locale } = ctx;
  const t = (key: MessageKey) => translate(locale, key);
  const extra: string[] = [];
  if (input.hasil !== 'semua') extra.push(t(`adult.screening.filter.${input.hasil}`));
  if (input.from || input.to) extra.push(`${input.from ?? '…'} – ${input.to ?? '…'}`);
  const title = t('adult.screening.title');
  return listToXlsx(
    {
      name: title,
      heading: heading(ctx, title, describeFilter(locale, input, extra)),
      columns: [
        {
          header: t('adult.col.date'),
          width: 12,
          value: (r) => day(r.screenedOn),
          numFmt: DATE_FMT,
        },
        ...personColumns<AdultScreeningRow>(locale),
        { header: t('adult.col.age'), width: 7, value: (r) => r.ageYears },
        {
          header: t('adult.col.place'),
          width: 14,
          value: (r) => SERVICE_PLACE_LABELS[r.place][locale],
        },
        {
          header: t('adult.col.bp'),
          width: 10,
          value: (r) => (r.systolic !== null ? `${r.systolic}/${r.diastolic}` : null),
        },
        { header: t('adult.col.bpClass'), width: 26, value: (r) => label(r.tdCode, locale) },
        {
          header: t('adult.col.glucose'),
          width: 14,
          value: (r) =>
            r.gulaTest && r.gulaValue !== null
              ? `${GLUCOSE_TEST_SHORT[r.gulaTest][locale]} ${r.gulaValue}`
              : null,
        },
        { header: t('adult.col.glucoseClass'), width: 30, value: (r) => label(r.gulaCode, locale) },
        { header: t('adult.col.imt'), width: 7, value: (r) => r.imt, numFmt: '0.0' },
        { header: t('adult.col.imtClass'), width: 24, value: (r) => label(r.imtCode, locale) },
        {
          header: t('adult.col.waist'),
          width: 20,
          value: (r) => label(r.lingkarPerutCode, locale),
        },
        {
          header: t('adult.col.followUp'),
          width: 14,
          value: (r) => (r.followUp ? FOLLOW_UP_LABELS[r.followUp][locale] : null),
        },
      ],
      rows,
    },
    `skrining-ptm_${fileSlug(ctx.facility)}.xlsx`,
  );
}

export function exportPatients(
  rows: readonly AdultPatientRow[],
  input: Omit<ParsedInput<'adult.patient.list'>, 'limit' | 'offset'>,
  ctx: ExportContext & { asOf: string },
): Promise<FileDownload> {
  const { locale } = ctx;
  const t = (key: MessageKey) => translate(locale, key);
  const yes = t('common.yes');
  const no = t('common.no');
  const title = `${t('adult.patient.registerOf')} ${PROGRAM_LABELS[input.program][locale]}`;
  const extra = input.list === 'semua' ? [] : [t(`adult.worklist.${input.list}`)];
  if (input.includeEnded) extra.push(t('adult.patient.includeEnded'));
  return listToXlsx(
    {
      name: title,
      heading: heading(ctx, title, describeFilter(locale, input, extra)),
      columns: [
        ...personColumns<AdultPatientRow>(locale),
        {
          header: t('adult.col.age'),
          width: 7,
          value: (r) => completedYears(r.birthDate, ctx.asOf),
        },
        { header: t('adult.col.icd10'), width: 8, value: (r) => r.icd10 },
        {
          header: t('adult.col.diagnosedOn'),
          width: 12,
          value: (r) => day(r.diagnosedOn),
          numFmt: DATE_FMT,
        },
        {
          header: t('adult.col.lastVisit'),
          width: 14,
          value: (r) => day(r.lastVisitOn),
          numFmt: DATE_FMT,
        },
        {
          header: t('adult.col.lastBp'),
          width: 12,
          value: (r) => (r.lastSystolic !== null ? `${r.lastSystolic}/${r.lastDiastolic}` : null),
        },
        {
          header: t('adult.col.lastGlucose'),
          width: 16,
          value: (r) =>
            r.lastGlucose
              ? `${GLUCOSE_TEST_SHORT[r.lastGlucose.test][locale]} ${r.lastGlucose.value}`
              : null,
        },
        {
          header: t('adult.col.control'),
          width: 18,
          value: (r) => CONTROL_STATUS_LABELS[r.control][locale],
        },
        {
          header: t('adult.col.thisMonth'),
          width: 12,
          value: (r) => (r.kontrolBulanIni ? yes : no),
        },
        { header: t('adult.col.missedMonths'), width: 10, value: (r) => r.missedMonths },
        { header: t('adult.col.mangkir'), width: 10, value: (r) => (r.mangkir ? yes : no) },
        { header: t('adult.col.ended'), width: 12, value: (r) => day(r.endedOn), numFmt: DATE_FMT },
      ],
      rows,
    },
    `register-${input.program}_${fileSlug(ctx.facility)}.xlsx`,
  );
}

export function exportLansia(
  rows: readonly LansiaListRow[],
  input: Omit<ParsedInput<'adult.lansia.list'>, 'limit' | 'offset'>,
  ctx: ExportContext & { year: string },
): Promise<FileDownload> {
  const { locale } = ctx;
  const t = (key: MessageKey) => translate(locale, key);
  const yes = t('common.yes');
  const no = t('common.no');
  const title = t('adult.lansia.title');
  const extra = input.list === 'semua' ? [] : [t(`adult.lansia.list.${input.list}`)];
  return listToXlsx(
    {
      name: title,
      heading: heading(ctx, title, describeFilter(locale, input, extra)),
      columns: [
        ...personColumns<LansiaListRow>(locale),
        { header: t('adult.col.age'), width: 7, value: (r) => r.ageYears },
        {
          header: t('adult.col.lastSkilas'),
          width: 14,
          value: (r) => day(r.lastSkilasOn),
          numFmt: DATE_FMT,
        },
        {
          header: t('adult.col.skilasResult'),
          width: 40,
          value: (r) =>
            r.skilasRujuk === null
              ? null
              : r.skilasRujuk
                ? `${t('adult.rujuk')}: ${(r.skilasPositive ?? []).map((d) => SKILAS_DOMAIN_LABELS[d][locale]).join(', ')}`
                : RESULT_LABELS['skilas.normal'][locale],
        },
        {
          header: t('adult.col.lastBarthel'),
          width: 14,
          value: (r) => day(r.lastBarthelOn),
          numFmt: DATE_FMT,
        },
        { header: t('adult.col.barthel'), width: 8, value: (r) => r.barthelTotal },
        { header: t('adult.col.adl'), width: 24, value: (r) => label(r.barthelCode, locale) },
        {
          header: translate(locale, 'adult.col.dueYear', { year: ctx.year }),
          width: 16,
          value: (r) => (r.dueThisYear ? yes : no),
        },
      ],
      rows,
    },
    `lansia_${fileSlug(ctx.facility)}.xlsx`,
  );
}
