import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { MATERNAL_WORK_LISTS, type WorkRow } from '@shared/contract';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useDesaList, usePosyanduList } from '../../lib/lookups';
import { useKohortFilter } from './filter';
import { FlagBadges, gaShort } from './ui';

/** The midwife's work lists: who to visit, call or refer, each exportable to Excel. */
export function WorkListsPanel() {
  const t = useT();
  const [, navigate] = useLocation();
  const filter = useKohortFilter();
  const desa = useDesaList();
  const posyandu = usePosyanduList();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const input = {
    list: filter.list,
    desaId: filter.desaId ?? undefined,
    posyanduId: filter.posyanduId ?? undefined,
    month: filter.list === 'hplBulanIni' ? (filter.month ?? undefined) : undefined,
  };
  const rows = useQuery({
    queryKey: ['maternal.workList', input],
    queryFn: () => call('maternal.workList', input),
  });
  const data = rows.data?.rows ?? [];

  async function exportXlsx() {
    setExporting(true);
    const result = await invoke('maternal.workListExport', input);
    setExporting(false);
    if (!result.ok) return setError(result.error.message);
    downloadFile(result.value);
    notifications.show({
      color: 'teal',
      message: t('kohort.exported', { file: result.value.fileName }),
    });
  }

  const kb = filter.list === 'kbJatuhTempo';
  const columns: Column<WorkRow>[] = [
    {
      key: 'name',
      header: t('work.col.name'),
      width: 'minmax(160px, 1.4fr)',
      render: (r) => (
        <Text size="sm" fw={500} truncate title={r.nik ?? ''}>
          {r.name}
          {r.ageYears !== null && (
            <Text span size="xs" c="dimmed">
              {' '}
              {r.ageYears} th
            </Text>
          )}
        </Text>
      ),
    },
    {
      key: 'desa',
      header: t('work.col.desa'),
      width: 'minmax(120px, 1fr)',
      render: (r) => [r.desaName ?? t('person.luar'), r.posyanduName].filter(Boolean).join(' · '),
    },
    { key: 'phone', header: t('work.col.phone'), width: '118px', render: (r) => r.phone ?? '—' },
    ...(kb
      ? []
      : [
          {
            key: 'hpl',
            header: t('kohort.col.hpl'),
            width: '88px',
            render: (r: WorkRow) => shortDate(r.hpl),
          },
          {
            key: 'uk',
            header: t('kohort.col.uk'),
            width: '50px',
            render: (r: WorkRow) => gaShort(r.gaToday),
          },
        ]),
    { key: 'date', header: t('work.col.date'), width: '88px', render: (r) => shortDate(r.date) },
    {
      key: 'late',
      header: t('work.col.late'),
      width: '74px',
      align: 'right',
      render: (r) =>
        r.daysLate !== null && r.daysLate > 0 ? (
          <Text span size="sm" c="red.8" fw={500}>
            {t('work.late', { days: r.daysLate })}
          </Text>
        ) : (
          ''
        ),
    },
    {
      key: 'detail',
      header: t('work.col.detail'),
      width: 'minmax(200px, 2.4fr)',
      render: (r) =>
        filter.list === 'risti' ? (
          <FlagBadges flags={r.flags} size="xs" />
        ) : (
          <span title={r.detail}>{r.detail}</span>
        ),
    },
  ];

  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('field.list')}
        value={filter.list}
        onChange={(v) => filter.set({ list: v as typeof filter.list })}
        data={MATERNAL_WORK_LISTS.map((l) => ({ value: l, label: t(`work.list.${l}`) }))}
        fullWidth
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label={t('kohort.filter.desa')}
          w={170}
          clearable
          searchable
          placeholder={t('kohort.filter.allDesa')}
          value={filter.desaId}
          onChange={(v) => filter.set({ desaId: v, posyanduId: null })}
          data={[
            ...(desa.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            { value: 'luar', label: t('person.luar') },
          ]}
        />
        <Select
          label={t('kohort.filter.posyandu')}
          w={190}
          clearable
          searchable
          placeholder={t('kohort.filter.allPosyandu')}
          value={filter.posyanduId}
          onChange={(v) => filter.set({ posyanduId: v })}
          data={(posyandu.data ?? [])
            .filter((p) => !filter.desaId || p.desaId === filter.desaId)
            .map((p) => ({ value: p.id, label: p.name }))}
        />
        <Text size="sm" c="dimmed" style={{ flex: 1 }} mb={6}>
          {t(`work.help.${filter.list}`)}
        </Text>
        <Text size="sm" fw={500} mb={6} data-testid="worklist-count">
          {t('work.count', { count: data.length })}
        </Text>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          onClick={() => void exportXlsx()}
        >
          {t('kohort.export')}
        </Button>
      </Group>
      {(error || rows.error) && <Alert color="red">{error ?? rows.error?.message}</Alert>}
      <VirtualTable
        aria-label={t(`work.list.${filter.list}`)}
        columns={columns}
        rowCount={data.length}
        getRow={(i) => data[i]}
        rowKey={(r) => `${r.personId}-${r.pregnancyId ?? ''}`}
        onOpen={(r) =>
          navigate(
            r.pregnancyId
              ? `~/klaster-2/ibu/kehamilan/${r.pregnancyId}`
              : `~/penduduk/${r.personId}`,
          )
        }
        loading={rows.isPending}
        height="calc(100vh - 330px)"
        empty={t('work.empty')}
      />
    </Stack>
  );
}
