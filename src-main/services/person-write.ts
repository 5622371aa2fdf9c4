import { AppError, type ParsedInput } from '@shared/contract';
import { addDays } from '@shared/domain/dates';
import { checkNik, normalizeName, type NikFinding } from '@shared/domain/identity';
import { translate, type Locale, type MessageKey } from '@shared/i18n';
import { insertRecord, type WriteContext } from '../db/records';
import type { RegionsService } from './regions';

/**
 * The person registry's write rules, shared by every use case that creates a person: the
 * registry form (`persons.ts`) and the babies of a delivery (`maternal.ts`). One place decides
 * what a valid person row is.
 */
export type PersonWriteInput = ParsedInput<'persons.create'>['person'];

/** Structural NIK problems refuse the save; disagreements with the form are warnings. */
export async function personNikFindings(
  input: PersonWriteInput,
  regions: RegionsService,
  locale: Locale,
): Promise<NikFinding<string>[]> {
  const lookup = await regions.lookup();
  // The rule's sentences start with "NIK" / "NIK:"; the field label says it already.
  const invalid = (field: 'nik' | 'nikIbu', message: string) =>
    AppError.field(locale, field, message.replace(/^NIK:? /, ''));
  let warnings: NikFinding<string>[] = [];
  if (input.nik) {
    const check = checkNik(input.nik, lookup, { sex: input.sex, birthDate: input.birthDate });
    if (check.errors[0]) throw invalid('nik', check.errors[0].message);
    warnings = check.warnings;
  }
  if (input.nikIbu) {
    const check = checkNik(input.nikIbu, lookup, { sex: 'P' });
    if (check.errors[0]) throw invalid('nikIbu', check.errors[0].message);
  }
  return warnings;
}

/** The desa and posyandu exist, and the birth date is not in the future or > 120 years ago. */
export async function checkPersonReferences(
  ctx: WriteContext,
  input: PersonWriteInput,
  todayDate: string,
): Promise<void> {
  const field = (path: string, key: MessageKey) =>
    AppError.field(ctx.locale, path, translate(ctx.locale, key));
  if (input.desaId) {
    const desa = await ctx.trx
      .selectFrom('desa')
      .select('id')
      .where('id', '=', input.desaId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!desa) throw field('desaId', 'error.person.desa');
  }
  if (input.posyanduId) {
    const posyandu = await ctx.trx
      .selectFrom('posyandu')
      .select('id')
      .where('id', '=', input.posyanduId)
      .where('active', '=', 1)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!posyandu) throw field('posyanduId', 'error.person.posyandu');
  }
  if (input.birthDate > todayDate) {
    throw field('birthDate', 'error.person.birthFuture');
  }
  if (input.birthDate < addDays(todayDate, -120 * 366)) {
    throw field('birthDate', 'error.person.birthTooOld');
  }
}

/** The person columns of a valid input (the normalised name, no NIK-ibu when there is a NIK). */
export function personColumns(input: PersonWriteInput) {
  return {
    nik: input.nik,
    nik_ibu: input.nik ? null : input.nikIbu,
    no_kk: input.noKk,
    name: input.name,
    name_search: normalizeName(input.name),
    sex: input.sex,
    birth_date: input.birthDate,
    birth_date_estimated: input.birthDateEstimated ? 1 : 0,
    birth_place: input.birthPlace,
    desa_id: input.desaId,
    outside_address: input.desaId ? null : input.outsideAddress,
    rt: input.rt,
    rw: input.rw,
    address: input.address,
    phone: input.phone,
    bpjs_no: input.bpjsNo,
    posyandu_id: input.posyanduId,
    notes: input.notes,
  };
}

/**
 * Insert a new person inside the caller's transaction, with the registry's checks (NIK, desa,
 * posyandu, birth date) and its audit row; `motherId` links a baby to its mother.
 */
export async function insertPerson(
  ctx: WriteContext,
  input: PersonWriteInput,
  options: { regions: RegionsService; today: string; motherId?: string | null },
): Promise<string> {
  await personNikFindings(input, options.regions, ctx.locale);
  await checkPersonReferences(ctx, input, options.today);
  return insertRecord(ctx, 'person', {
    ...personColumns(input),
    mother_id: options.motherId ?? null,
    delete_reason: null,
  });
}
