import {
  Alert,
  Box,
  Button,
  Group,
  Menu,
  Modal,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalculator,
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconSettings,
  IconArrowsSplit,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import type { SasaranDesaRow, SasaranTable } from '@shared/contract';
import {
  groupsOf,
  SASARAN_CATEGORIES,
  SASARAN_CATEGORY_LABELS,
  SASARAN_GROUP_INFO,
  SASARAN_SOURCE_LABELS,
  SASARAN_SOURCES,
  type SasaranCategory,
  type SasaranGroup,
} from '@shared/domain/management';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { ImportButton } from './files';
import { count, describeSource, SOURCE_MARK } from './format';
import {
  ConstantsDialog,
  CopyYearDialog,
  EstimateDialog,
  SasaranForm,
  SplitDialog,
} from './SasaranDialogs';
import classes from './management.module.css';

type Dialog = 'estimate' | 'split' | 'copy' | 'constants' | null;

export function useSasaranTable(year: number) {
  return useQuery({
    queryKey: ['sasaran.table', year],
    queryFn: () => call('sasaran.table', { year }),
  });
}

function ValueCell({ row, group }: { row: SasaranDesaRow; group: SasaranGroup }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const cell = row.cells[group];
  if (!cell) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  const mark = SOURCE_MARK[cell.source];
  return (
    <Tooltip label={describeSource(cell, locale, t)} openDelay={300} multiline maw={360}>
      <Group gap={5} justify="flex-end" wrap="nowrap">
        <Text span size="xs" fw={700} c={mark.color} aria-hidden>
          {mark.letter}
        </Text>
        <Text span size="sm" data-testid={`sasaran-${row.code}-${group}`}>
          {count(cell.value, locale)}
        </Text>
      </Group>
    </Tooltip>
  );
}

/**
 * Sasaran per desa × target group for a year, with totals: typed per desa (Enter on a row),
 * imported from the template, estimated from the population, split from a puskesmas total, or
 * copied from another year. Each value shows where it came from.
 */
export function SasaranPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const queryClient = useQueryClient();
  const role = useAuthStatus().data?.user?.role;
  const canWrite = role === 'admin' || role === 'petugas';
  const thisYear = Number(todayLocal().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [category, setCategory] = useState<SasaranCategory>('kia');
  const [editing, setEditing] = useState<SasaranDesaRow | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const table = useSasaranTable(year);
  const data: SasaranTable | undefined = table.data;
  const groups: SasaranGroup[] = ['penduduk', ...groupsOf(category)];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sasaran.table'] });
  const years = [
    ...new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, ...(data?.years ?? [])]),
  ].sort((a, b) => b - a);
  const filled = (data?.rows ?? []).filter((r) => Object.keys(r.cells).length > 0).length;
  const empty = data !== undefined && filled === 0;

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, row: SasaranDesaRow) {
    const target = event.currentTarget;
    if (event.key === 'Enter' && canWrite) {
      event.preventDefault();
      setEditing(row);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      (target.nextElementSibling as HTMLElement | null)?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (target.previousElementSibling as HTMLElement | null)?.focus();
    }
  }

  async function exportFile(format: 'xlsx' | 'csv') {
    const result = await invoke('sasaran.export', { year, format });
    if (result.ok) downloadFile(result.value);
    else notifications.show({ color: 'red', message: result.error.message });
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Select
            aria-label={t('field.year')}
            w={96}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            data={years.map((y) => String(y))}
            allowDeselect={false}
          />
          <SegmentedControl
            aria-label={t('sasaran.category')}
            value={category}
            onChange={(v) => setCategory(v as SasaranCategory)}
            data={SASARAN_CATEGORIES.map((c) => ({
              value: c,
              label: SASARAN_CATEGORY_LABELS[c][locale],
            }))}
          />
        </Group>
        <Text size="sm" c="dimmed" data-testid="sasaran-count">
          {t('sasaran.filled', { filled, total: data?.rows.length ?? 0 })}
        </Text>
      </Group>
      {canWrite && (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="sm"
            leftSection={<IconCalculator size={16} />}
            onClick={() => setDialog('estimate')}
            disabled={!data || data.rows.length === 0}
          >
            {t('sasaran.action.estimate')}
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconArrowsSplit size={16} />}
            onClick={() => setDialog('split')}
            disabled={!data || data.rows.length === 0}
          >
            {t('sasaran.action.split')}
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconCopy size={16} />}
            onClick={() => setDialog('copy')}
          >
            {t('sasaran.action.copy')}
          </Button>
          <Button
            size="sm"
            variant="subtle"
            leftSection={<IconSettings size={16} />}
            onClick={() => setDialog('constants')}
          >
            {t('sasaran.action.constants')}
          </Button>
          <Box ml="auto" />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                size="sm"
                title={t('sasaran.action.templateTitle')}
                variant="default"
                leftSection={<IconDownload size={16} />}
                rightSection={<IconChevronDown size={14} />}
              >
                {t('sasaran.action.template')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportFile('xlsx')}>
                {t('sasaran.action.xlsx')}
              </Menu.Item>
              <Menu.Item onClick={() => void exportFile('csv')}>
                {t('sasaran.action.csv')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <ImportButton
            label={t('sasaran.action.import')}
            title={t('sasaran.action.importTitle')}
            accept=".xlsx,.csv"
            run={(file) => invoke('sasaran.import', { year, ...file })}
            onDone={(r) => {
              void refresh();
              notifications.show({
                color: 'teal',
                message: t('sasaran.imported', {
                  desa: r.desa,
                  cells: r.cells,
                  changed: r.changed,
                }),
              });
            }}
          />
        </Group>
      )}
      {empty && (
        <Alert color="blue" variant="light">
          {t(canWrite ? 'sasaran.empty' : 'sasaran.empty.reader', { year })}
        </Alert>
      )}
      {data && data.rows.length === 0 ? (
        <Text c="dimmed">{t('sasaran.noDesa')}</Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 372px)" type="auto" className={classes.tableWrap}>
          <Table
            stickyHeader
            withColumnBorders
            highlightOnHover
            className={classes.sasaranTable}
            aria-label={t('sasaran.tableLabel', { year })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th className={classes.stickyCol}>{t('sasaran.col.desa')}</Table.Th>
                {groups.map((g) => (
                  <Table.Th key={g} ta="right">
                    <Tooltip
                      label={`${SASARAN_GROUP_INFO[g].label[locale]}: ${SASARAN_GROUP_INFO[g].definition[locale]}`}
                      multiline
                      maw={320}
                      openDelay={300}
                    >
                      <span>{SASARAN_GROUP_INFO[g].short[locale]}</span>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.rows ?? []).map((row) => (
                <Table.Tr
                  key={row.desaId}
                  tabIndex={0}
                  className={classes.row}
                  onClick={() => canWrite && setEditing(row)}
                  onKeyDown={(e) => onRowKey(e, row)}
                  aria-label={row.name}
                >
                  <Table.Td className={classes.stickyCol}>
                    <Text size="sm" fw={500} truncate maw={170}>
                      {row.name}
                    </Text>
                  </Table.Td>
                  {groups.map((g) => (
                    <Table.Td key={g} ta="right">
                      <ValueCell row={row} group={g} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot className={classes.totals}>
              <Table.Tr>
                <Table.Th className={classes.stickyCol}>{t('sasaran.total')}</Table.Th>
                {groups.map((g) => (
                  <Table.Th key={g} ta="right" data-testid={`sasaran-total-${g}`}>
                    {data?.totals[g] !== undefined ? count(data.totals[g], locale) : '—'}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea.Autosize>
      )}
      <Group gap="md">
        {SASARAN_SOURCES.map((s) => (
          <Text key={s} size="xs" c="dimmed">
            <Text span fw={700} c={SOURCE_MARK[s].color}>
              {SOURCE_MARK[s].letter}
            </Text>{' '}
            {SASARAN_SOURCE_LABELS[s][locale]}
          </Text>
        ))}
        {canWrite && (
          <Text size="xs" c="dimmed" ml="auto">
            {t('sasaran.hint')}
          </Text>
        )}
      </Group>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('sasaran.edit.title', { desa: editing.name, year }) : ''}
        size={1020}
        yOffset={12}
      >
        {editing && (
          <SasaranForm
            year={year}
            row={editing}
            onClose={() => setEditing(null)}
            onSaved={(next) => {
              queryClient.setQueryData(['sasaran.table', year], next);
              setEditing(null);
              notifications.show({
                color: 'teal',
                message: t('sasaran.saved', { desa: editing.name }),
              });
            }}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'estimate'}
        onClose={() => setDialog(null)}
        title={t('sasaran.estimate.title', { year })}
        size={900}
      >
        {dialog === 'estimate' && data && (
          <EstimateDialog
            table={data}
            onClose={() => setDialog(null)}
            onDone={() => void refresh()}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'split'}
        onClose={() => setDialog(null)}
        title={t('sasaran.split.title', { year })}
        size={720}
      >
        {dialog === 'split' && data && (
          <SplitDialog table={data} onClose={() => setDialog(null)} onDone={() => void refresh()} />
        )}
      </Modal>
      <Modal
        opened={dialog === 'copy'}
        onClose={() => setDialog(null)}
        title={t('sasaran.copy.title', { year })}
      >
        {dialog === 'copy' && (
          <CopyYearDialog
            toYear={year}
            years={(data?.years ?? []).filter((y) => y !== year)}
            onClose={() => setDialog(null)}
            onDone={() => void refresh()}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'constants'}
        onClose={() => setDialog(null)}
        title={t('sasaran.constants.title', { year })}
        size={960}
        yOffset={12}
      >
        {dialog === 'constants' && (
          <ConstantsDialog year={year} canEdit={role === 'admin'} onClose={() => setDialog(null)} />
        )}
      </Modal>
    </Stack>
  );
}
