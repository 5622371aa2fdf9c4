import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  contract,
  sasaranSaveInput,
  type AppErrorShape,
  type SasaranDesaRow,
  type SasaranTable,
} from '@shared/contract';
import {
  checkAgainstPopulation,
  estimateSasaran,
  groupsOf,
  SASARAN_CATEGORIES,
  SASARAN_CATEGORY_LABELS,
  SASARAN_CONSTANTS_DEFAULT,
  SASARAN_GROUP_INFO,
  SASARAN_GROUPS,
  SASARAN_SOURCE_LABELS,
  SHARE_GROUPS,
  splitProportional,
  type SasaranGroup,
} from '@shared/domain/management';
import type { MessageKey } from '@shared/i18n';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { count, decimal, SOURCE_MARK } from './format';
import classes from './management.module.css';

const fieldKey = (g: string) => `field.${g}` as MessageKey;

/** Thousands with dots in Indonesian, commas in English. */
function useNumberFormat() {
  const locale = useUiStore((s) => s.locale);
  return locale === 'id'
    ? { thousandSeparator: '.', decimalSeparator: ',' }
    : { thousandSeparator: ',', decimalSeparator: '.' };
}

function useConstants(year: number) {
  return useQuery({
    queryKey: ['sasaran.constants', year],
    queryFn: () => call('sasaran.constants', { year }),
  });
}

/** Problems the main process found, by input path (for inputs outside react-hook-form). */
function issuesByPath(error: AppErrorShape): Map<string, string> {
  return new Map((error.details?.issues ?? []).map((i) => [i.path, i.message]));
}

/* ------------------------------------------------------------- typed form */

/** All targets of one desa for the year, typed; estimates shown beside each field. */
export function SasaranForm({
  year,
  row,
  onClose,
  onSaved,
}: {
  year: number;
  row: SasaranDesaRow;
  onClose: () => void;
  onSaved: (table: SasaranTable) => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const numbers = useNumberFormat();
  const constants = useConstants(year);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stored = (g: SasaranGroup) => row.cells[g]?.value ?? null;
  const versions = Object.fromEntries(
    SASARAN_GROUPS.filter((g) => row.cells[g]).map((g) => [g, row.cells[g]!.version]),
  );
  const form = useContractForm(sasaranSaveInput, {
    year,
    desaId: row.desaId,
    values: Object.fromEntries(SASARAN_GROUPS.map((g) => [g, stored(g)])),
    versions,
  });
  const values = (useWatch({ control: form.control, name: 'values' }) ?? {}) as Partial<
    Record<SasaranGroup, number | null>
  >;
  const changed = SASARAN_GROUPS.filter((g) => (values[g] ?? null) !== stored(g));
  const live = new Map(
    checkAgainstPopulation(values, changed, (g) => g).map((r) => [
      r.path,
      r.message[locale].replace(/^[^:]+: /, ''),
    ]),
  );
  const penduduk = values.penduduk ?? null;
  const estimate =
    penduduk && constants.data ? estimateSasaran(penduduk, constants.data.values) : null;
  const errors = form.formState.errors.values as
    Partial<Record<SasaranGroup, { message?: string }>> | undefined;

  const submit = form.handleSubmit(async (v) => {
    if (changed.length === 0) return onClose();
    if (live.size > 0) return;
    setSaving(true);
    const result = await invoke('sasaran.save', {
      year,
      desaId: row.desaId,
      values: Object.fromEntries(changed.map((g) => [g, v.values[g] ?? null])),
      versions,
    });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error));
    onSaved(result.value);
  });

  const input = (g: SasaranGroup, autoFocus = false) => {
    const cell = row.cells[g];
    const hint =
      g === 'penduduk'
        ? t('sasaran.form.registered', { count: count(row.registered, locale) })
        : estimate
          ? t('sasaran.form.estimate', { value: count(estimate[g], locale) })
          : undefined;
    return (
      <Controller
        key={g}
        control={form.control}
        name={`values.${g}`}
        render={({ field }) => (
          <NumberInput
            size="xs"
            label={t(fieldKey(g))}
            description={hint ?? '\u00a0'}
            labelProps={{ style: { whiteSpace: 'nowrap' } }}
            aria-label={SASARAN_GROUP_INFO[g].label[locale]}
            title={SASARAN_GROUP_INFO[g].definition[locale]}
            data-autofocus={autoFocus || undefined}
            allowNegative={false}
            allowDecimal={false}
            hideControls
            {...numbers}
            value={field.value ?? ''}
            onChange={(n) => field.onChange(n === '' ? null : Number(n))}
            onBlur={field.onBlur}
            ref={field.ref}
            error={errors?.[g]?.message ?? live.get(g)}
            rightSectionWidth={28}
            rightSection={
              cell && (values[g] ?? null) === cell.value ? (
                <Tooltip label={SASARAN_SOURCE_LABELS[cell.source][locale]}>
                  <Text size="xs" fw={700} c={SOURCE_MARK[cell.source].color}>
                    {SOURCE_MARK[cell.source].letter}
                  </Text>
                </Tooltip>
              ) : null
            }
          />
        )}
      />
    );
  };

  return (
    <DataForm
      aria-label={t('sasaran.edit.title', { desa: row.name, year })}
      onSubmit={() => void submit()}
      onCancel={onClose}
      saving={saving}
      error={banner}
    >
      <Stack gap="xs">
        <SimpleGrid cols={5} spacing="sm" verticalSpacing={6}>
          {input('penduduk', true)}
          <Text size="xs" c="dimmed" style={{ gridColumn: 'span 4', alignSelf: 'end' }} pb={6}>
            {t('sasaran.form.help')}
          </Text>
        </SimpleGrid>
        {SASARAN_CATEGORIES.map((c) => (
          <Stack key={c} gap={4}>
            <Title order={3} size="sm" className={classes.groupTitle}>
              {SASARAN_CATEGORY_LABELS[c][locale]}
            </Title>
            <SimpleGrid cols={5} spacing="sm" verticalSpacing={6}>
              {groupsOf(c).map((g) => input(g))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </DataForm>
  );
}

/* --------------------------------------------------------------- estimate */

type Basis = 'sasaran' | 'registri' | 'ketik';

/** Estimate desa targets from their population with the year's PWS-KIA constants. */
export function EstimateDialog({
  table,
  onClose,
  onDone,
}: {
  table: SasaranTable;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const numbers = useNumberFormat();
  const constants = useConstants(table.year);
  const initial = useMemo(
    () =>
      Object.fromEntries(
        table.rows.map((r) => {
          const stored = r.cells.penduduk?.value ?? null;
          const missing = SASARAN_GROUPS.some((g) => g !== 'penduduk' && !r.cells[g]);
          const penduduk = stored ?? (r.registered > 0 ? r.registered : null);
          const basis: Basis =
            stored !== null ? 'sasaran' : r.registered > 0 ? 'registri' : 'ketik';
          return [r.desaId, { checked: missing && penduduk !== null, penduduk, basis }];
        }),
      ),
    [table],
  );
  const [items, setItems] = useState(initial);
  const [overwrite, setOverwrite] = useState(false);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [problems, setProblems] = useState(new Map<string, string>());
  const chosen = table.rows.filter((r) => items[r.desaId]?.checked);

  function setPenduduk(row: SasaranDesaRow, value: number | null) {
    const stored = row.cells.penduduk?.value ?? null;
    const basis: Basis =
      value !== null && value === stored
        ? 'sasaran'
        : value !== null && value === row.registered && stored === null
          ? 'registri'
          : 'ketik';
    setItems((s) => ({
      ...s,
      [row.desaId]: { ...s[row.desaId]!, penduduk: value, basis, checked: true },
    }));
  }

  async function submit() {
    const list = chosen.map((r) => ({ row: r, item: items[r.desaId]! }));
    const missing = list.find((l) => !l.item.penduduk);
    if (missing) {
      setProblems(new Map([[missing.row.desaId, t('validation.required')]]));
      return;
    }
    setSaving(true);
    const result = await invoke('sasaran.estimate', {
      year: table.year,
      items: list.map((l) => ({
        desaId: l.row.desaId,
        penduduk: l.item.penduduk!,
        pendudukSource: l.item.basis,
      })),
      overwrite,
    });
    setSaving(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.error);
      setProblems(
        new Map(
          list.flatMap((l, i) =>
            [...byPath]
              .filter(([p]) => p.startsWith(`items.${i}.`))
              .map(([, m]) => [l.row.desaId, m]),
          ),
        ),
      );
      setBanner(result.error.message);
      return;
    }
    notifications.show({
      color: 'teal',
      message: t('sasaran.estimate.done', {
        written: result.value.written,
        kept: result.value.kept,
      }),
    });
    onDone();
    onClose();
  }

  const preview: SasaranGroup[] = ['bumil', 'bayi', 'balita', 'lansia'];
  return (
    <DataForm
      onSubmit={() => void submit()}
      onCancel={onClose}
      saving={saving}
      error={banner}
      submitLabel={t('sasaran.estimate.submit', { count: chosen.length })}
      aria-label={t('sasaran.estimate.title', { year: table.year })}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('sasaran.estimate.help', {
            constants:
              table.constantsRevision > 0
                ? t('sasaran.basis.revision', {
                    year: String(table.year),
                    revision: table.constantsRevision,
                  })
                : t('sasaran.basis.defaults'),
          })}
        </Text>
        <ScrollArea.Autosize mah="52vh">
          <Table
            withTableBorder
            striped
            verticalSpacing={4}
            aria-label={t('sasaran.estimate.title', { year: table.year })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('sasaran.col.desa')}</Table.Th>
                <Table.Th w={170}>{t('field.penduduk')}</Table.Th>
                <Table.Th w={150}>{t('sasaran.estimate.basis')}</Table.Th>
                {preview.map((g) => (
                  <Table.Th key={g} ta="right" w={80}>
                    {SASARAN_GROUP_INFO[g].short[locale]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r) => {
                const item = items[r.desaId]!;
                const est =
                  item.penduduk && constants.data
                    ? estimateSasaran(item.penduduk, constants.data.values)
                    : null;
                return (
                  <Table.Tr key={r.desaId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={r.name}
                        checked={item.checked}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setItems((s) => ({ ...s, [r.desaId]: { ...s[r.desaId]!, checked } }));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label={t('sasaran.estimate.pendudukOf', { desa: r.name })}
                        allowNegative={false}
                        allowDecimal={false}
                        hideControls
                        {...numbers}
                        value={item.penduduk ?? ''}
                        onChange={(n) => setPenduduk(r, n === '' ? null : Number(n))}
                        error={problems.get(r.desaId)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {item.penduduk !== null && (
                        <Badge
                          size="sm"
                          variant="light"
                          tt="none"
                          color={item.basis === 'ketik' ? 'gray' : 'teal'}
                        >
                          {t(`sasaran.estimate.basis.${item.basis}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    {preview.map((g) => (
                      <Table.Td key={g} ta="right" c={item.checked ? undefined : 'dimmed'}>
                        {est ? count(est[g], locale) : '—'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Checkbox
          label={t('field.overwrite')}
          description={t('sasaran.estimate.overwriteHelp')}
          checked={overwrite}
          onChange={(e) => setOverwrite(e.currentTarget.checked)}
        />
      </Stack>
    </DataForm>
  );
}

/* ------------------------------------------------------------------ split */

/** Split a puskesmas total (from Dinkes) across desa in proportion to their population. */
export function SplitDialog({
  table,
  onClose,
  onDone,
}: {
  table: SasaranTable;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const numbers = useNumberFormat();
  const [group, setGroup] = useState<SasaranGroup>('bumil');
  const [total, setTotal] = useState<number | null>(null);
  const hasPenduduk = table.rows.every((r) => r.cells.penduduk);
  const [basis, setBasis] = useState<'penduduk' | 'registri'>(
    hasPenduduk ? 'penduduk' : 'registri',
  );
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState(new Map<string, string>());
  const [banner, setBanner] = useState<string | null>(null);
  const weights = table.rows.map((r) =>
    basis === 'penduduk' ? (r.cells.penduduk?.value ?? 0) : r.registered,
  );
  let parts: number[] | null = null;
  try {
    // No preview while a desa has no population to weigh it by (saving would be refused).
    const incomplete = basis === 'penduduk' && !hasPenduduk;
    parts = total !== null && !incomplete ? splitProportional(total, weights) : null;
  } catch {
    parts = null;
  }

  async function submit() {
    if (total === null) {
      setProblems(new Map([['total', t('validation.required')]]));
      return;
    }
    setSaving(true);
    const result = await invoke('sasaran.split', {
      year: table.year,
      group,
      total,
      weightBasis: basis,
    });
    setSaving(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.error);
      setProblems(byPath);
      setBanner(byPath.size > 0 ? null : result.error.message);
      return;
    }
    notifications.show({
      color: 'teal',
      message: t('sasaran.split.done', { group: SASARAN_GROUP_INFO[group].label[locale] }),
    });
    onDone();
    onClose();
  }

  return (
    <DataForm
      onSubmit={() => void submit()}
      onCancel={onClose}
      saving={saving}
      error={banner}
      aria-label={t('sasaran.split.title', { year: table.year })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('sasaran.split.help')}</Text>
        <Group grow align="flex-start">
          <Select
            label={t('field.group')}
            data-autofocus
            searchable
            allowDeselect={false}
            value={group}
            onChange={(v) => v && setGroup(v as SasaranGroup)}
            data={SASARAN_GROUPS.map((g) => ({
              value: g,
              label: SASARAN_GROUP_INFO[g].label[locale],
            }))}
          />
          <NumberInput
            label={t('field.total')}
            allowNegative={false}
            allowDecimal={false}
            hideControls
            {...numbers}
            value={total ?? ''}
            onChange={(n) => setTotal(n === '' ? null : Number(n))}
            error={problems.get('total')}
          />
        </Group>
        <div>
          <Text size="sm" fw={700} mb={4}>
            {t('field.weightBasis')}
          </Text>
          <SegmentedControl
            aria-label={t('field.weightBasis')}
            value={basis}
            onChange={(v) => setBasis(v as 'penduduk' | 'registri')}
            data={[
              { value: 'penduduk', label: t('sasaran.split.penduduk') },
              { value: 'registri', label: t('sasaran.split.registri') },
            ]}
          />
          {problems.get('weightBasis') && (
            <Text size="xs" c="red.8" mt={4}>
              {problems.get('weightBasis')}
            </Text>
          )}
        </div>
        <ScrollArea.Autosize mah="40vh">
          <Table
            withTableBorder
            striped
            verticalSpacing={3}
            aria-label={t('sasaran.split.preview')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sasaran.col.desa')}</Table.Th>
                <Table.Th ta="right">
                  {t(basis === 'penduduk' ? 'field.penduduk' : 'sasaran.split.registri')}
                </Table.Th>
                <Table.Th ta="right">{t('sasaran.split.part')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r, i) => (
                <Table.Tr key={r.desaId}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">
                    {basis === 'penduduk' && !r.cells.penduduk ? (
                      <Text span size="sm" c="orange.8">
                        {t('sasaran.split.noPenduduk')}
                      </Text>
                    ) : (
                      count(weights[i]!, locale)
                    )}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {parts ? count(parts[i]!, locale) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </DataForm>
  );
}

/* ------------------------------------------------------------------- copy */

export function CopyYearDialog({
  toYear,
  years,
  onClose,
  onDone,
}: {
  toYear: number;
  years: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [fromYear, setFromYear] = useState<string | null>(
    years.includes(toYear - 1) ? String(toYear - 1) : years[0] ? String(years[0]) : null,
  );
  const [overwrite, setOverwrite] = useState(false);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  async function submit() {
    if (!fromYear) return setBanner(`${t('field.fromYear')}: ${t('validation.required')}`);
    setSaving(true);
    const result = await invoke('sasaran.copyYear', {
      fromYear: Number(fromYear),
      toYear,
      overwrite,
    });
    setSaving(false);
    if (!result.ok) return setBanner(result.error.message);
    notifications.show({
      color: 'teal',
      message: t('sasaran.copy.done', { copied: result.value.copied, kept: result.value.kept }),
    });
    onDone();
    onClose();
  }
  return (
    <DataForm onSubmit={() => void submit()} onCancel={onClose} saving={saving} error={banner}>
      <Stack gap="sm">
        {years.length === 0 ? (
          <Alert color="blue">{t('sasaran.copy.none')}</Alert>
        ) : (
          <Select
            label={t('field.fromYear')}
            data-autofocus
            value={fromYear}
            onChange={setFromYear}
            data={years.map(String)}
            allowDeselect={false}
          />
        )}
        <Text size="sm">{t('sasaran.copy.help', { year: toYear })}</Text>
        <Checkbox
          label={t('field.overwrite')}
          checked={overwrite}
          onChange={(e) => setOverwrite(e.currentTarget.checked)}
        />
      </Stack>
    </DataForm>
  );
}

/* -------------------------------------------------------------- constants */

const setConstants = contract['sasaran.setConstants'].input;

/** The estimate constants of the year: shown to all, edited by the admin as a new revision. */
export function ConstantsDialog({
  year,
  canEdit,
  onClose,
}: {
  year: number;
  canEdit: boolean;
  onClose: () => void;
}) {
  const info = useConstants(year);
  if (!info.data) return <Text c="dimmed">{'…'}</Text>;
  return (
    <ConstantsForm key={info.data.revision} info={info.data} canEdit={canEdit} onClose={onClose} />
  );
}

function ConstantsForm({
  info,
  canEdit,
  onClose,
}: {
  info: NonNullable<ReturnType<typeof useConstants>['data']>;
  canEdit: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const numbers = useNumberFormat();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useContractForm(setConstants, { year: info.year, values: info.values, note: '' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const result = await invoke('sasaran.setConstants', v);
    if (!result.ok) return setBanner(applyServerError(form, result.error));
    queryClient.setQueryData(['sasaran.constants', info.year], result.value);
    void queryClient.invalidateQueries({ queryKey: ['sasaran.table'] });
    notifications.show({
      color: 'teal',
      message: t('sasaran.constants.saved', { revision: result.value.revision }),
    });
    onClose();
  });

  type Path =
    | `values.${Exclude<keyof typeof info.values, 'percent'>}`
    | `values.percent.${(typeof SHARE_GROUPS)[number]}`;
  const fieldError = (path: Path): string | undefined => {
    const parts = path.split('.');
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  const defaultOf = (path: Path): number => {
    const [, a, b] = path.split('.');
    const d = SASARAN_CONSTANTS_DEFAULT.values as unknown as Record<string, unknown>;
    return (b ? (d[a!] as Record<string, number>)[b] : d[a!]) as number;
  };
  const field = (path: Path, label: string, autoFocus = false) => (
    <Controller
      key={path}
      control={form.control}
      name={path}
      render={({ field: f }) => (
        <NumberInput
          size="xs"
          label={label}
          labelProps={{ style: { whiteSpace: 'nowrap' } }}
          rightSectionWidth={112}
          rightSectionPointerEvents="none"
          rightSection={
            <Text size="xs" c="dimmed" ta="right" w="100%" pr={8}>
              {t('sasaran.constants.default', { value: decimal(defaultOf(path), locale) })}
            </Text>
          }
          data-autofocus={autoFocus || undefined}
          disabled={!canEdit}
          decimalScale={3}
          allowNegative={false}
          hideControls
          {...numbers}
          value={typeof f.value === 'number' ? f.value : ''}
          onChange={(n) => f.onChange(n === '' ? undefined : Number(n))}
          ref={f.ref}
          error={fieldError(path)}
        />
      )}
    />
  );

  return (
    <DataForm
      onSubmit={() => canEdit && void submit()}
      onCancel={onClose}
      error={banner}
      actions={
        canEdit ? undefined : (
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t('common.back')} (Esc)
            </Button>
          </Group>
        )
      }
      submitLabel={t('sasaran.constants.submit')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {info.revision > 0
            ? t('sasaran.constants.revision', {
                revision: info.revision,
                by: info.savedBy ?? '—',
                at: shortDateTime(info.savedAt),
              })
            : t('sasaran.constants.defaults')}
          {info.note ? ` — ${info.note}` : ''}
        </Text>
        <Title order={3} size="sm" className={classes.groupTitle}>
          {t('sasaran.constants.kia')}
        </Title>
        <SimpleGrid cols={4} spacing="sm" verticalSpacing={6}>
          {field('values.cbrPerMille', t('field.cbrPerMille'), true)}
          {field('values.bumilFactor', t('field.bumilFactor'))}
          {field('values.bulinFactor', t('field.bulinFactor'))}
          {field('values.imrPerMille', t('field.imrPerMille'))}
        </SimpleGrid>
        <Title order={3} size="sm" className={classes.groupTitle}>
          {t('sasaran.constants.shares')}
        </Title>
        <SimpleGrid cols={4} spacing="sm" verticalSpacing={6}>
          {SHARE_GROUPS.map((g) => field(`values.percent.${g}`, `${t(fieldKey(g))} (%)`))}
        </SimpleGrid>
        <Title order={3} size="sm" className={classes.groupTitle}>
          {t('sasaran.constants.ptm')}
        </Title>
        <SimpleGrid cols={4} spacing="sm" verticalSpacing={6}>
          {field('values.htPrevalencePercent', t('field.htPrevalencePercent'))}
          {field('values.dmPrevalencePercent', t('field.dmPrevalencePercent'))}
          {field('values.odgjBeratPerMille', t('field.odgjBeratPerMille'))}
          {field('values.tbIncidencePer100k', t('field.tbIncidencePer100k'))}
          {field('values.tbPresumptiveMultiplier', t('field.tbPresumptiveMultiplier'))}
          {field('values.hivKeyPopulationPerMille', t('field.hivKeyPopulationPerMille'))}
        </SimpleGrid>
        {canEdit && (
          <Group align="flex-end">
            <TextInput
              size="xs"
              label={t('sasaran.constants.note')}
              placeholder={t('sasaran.constants.notePlaceholder')}
              style={{ flex: 1 }}
              {...form.register('note')}
            />
            <Button
              size="xs"
              variant="subtle"
              onClick={() => form.setValue('values', SASARAN_CONSTANTS_DEFAULT.values as never)}
            >
              {t('sasaran.constants.reset')}
            </Button>
          </Group>
        )}
        <Spoiler
          maxHeight={18}
          showLabel={t('sasaran.constants.sourceMore')}
          hideLabel={t('sasaran.constants.sourceLess')}
          styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}
        >
          <Text size="xs" c="dimmed">
            {t('sasaran.constants.source')}: {info.defaultsSource}
          </Text>
        </Spoiler>
      </Stack>
    </DataForm>
  );
}
