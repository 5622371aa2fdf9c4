import { Badge, Button, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { SCREENING_FILTERS, type AdultScreeningRow, type ScreeningFilter } from '@shared/contract';
import { GLUCOSE_TEST_SHORT } from '@shared/domain/adult';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { usePagedList } from '../../lib/paged';
import { useUiStore } from '../../stores/ui';
import { useAdultFilters } from './filters';
import {
  FOLLOW_UP_COLORS,
  dmy,
  num,
  num1,
  useCanWrite,
  useFollowUpLabel,
  useResultLabel,
} from './hooks';
import { ExportButton, ListToolbar, SectionActions } from './ListToolbar';
import { PersonPicker } from './PersonPicker';

/** The register of PTM screenings, newest first; Enter opens one, Alt+N starts a new one. */
export function ScreeningListPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const filter = useAdultFilters((s) => s.screening);
  const set = useAdultFilters((s) => s.setScreening);
  const canWrite = useCanWrite();
  const resultLabel = useResultLabel();
  const followUpLabel = useFollowUpLabel();
  const [picking, setPicking] = useState(false);
  const thisYear = new Date().getFullYear();

  const input = useMemo(
    () => ({
      q: filter.q,
      desaId: filter.desaId ?? undefined,
      hasil: filter.hasil,
      ...(filter.year ? { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` } : {}),
    }),
    [filter],
  );
  const list = usePagedList('adult.screening.list', input);
  const filtered = !!(filter.q || filter.desaId || filter.hasil !== 'semua');

  useHotkeys([['alt+n', () => canWrite && setPicking(true)]]);

  const columns: Column<AdultScreeningRow>[] = [
    { key: 'date', header: t('adult.col.date'), width: '108px', render: (r) => dmy(r.screenedOn) },
    {
      key: 'name',
      header: t('adult.col.name'),
      width: 'minmax(160px, 1.6fr)',
      render: (r) => (
        <Text size="sm" fw={500} truncate>
          {r.name}
        </Text>
      ),
    },
    {
      key: 'age',
      header: t('adult.col.age'),
      width: '64px',
      render: (r) => `${r.ageYears} ${r.sex}`,
    },
    {
      key: 'desa',
      header: t('adult.col.desa'),
      width: 'minmax(100px, 0.9fr)',
      render: (r) => r.desaName ?? t('adult.luar'),
    },
    {
      key: 'bp',
      header: t('adult.col.bp'),
      width: 'minmax(160px, 1.6fr)',
      render: (r) =>
        r.systolic !== null ? (
          <Text size="sm" truncate title={resultLabel(r.tdCode)}>
            {num(r.systolic)}/{num(r.diastolic)} · {resultLabel(r.tdCode)}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'gula',
      header: t('adult.col.glucose'),
      width: '112px',
      render: (r) =>
        r.gulaTest && r.gulaValue !== null ? (
          <Text
            size="sm"
            c={r.gulaCode === 'gula.dm' || r.gulaCode === 'gula.curiga_dm' ? 'red.8' : undefined}
            title={resultLabel(r.gulaCode)}
          >
            {GLUCOSE_TEST_SHORT[r.gulaTest][locale]} {num(r.gulaValue)}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'imt',
      header: t('adult.col.imt'),
      width: '60px',
      align: 'right',
      render: (r) => <span title={resultLabel(r.imtCode)}>{num1(r.imt)}</span>,
    },
    {
      key: 'fu',
      header: t('adult.col.followUp'),
      width: '128px',
      render: (r) =>
        r.followUp ? (
          <Badge
            tt="none"
            color={FOLLOW_UP_COLORS[r.followUp]}
            variant={r.followUp === 'edukasi' ? 'light' : 'filled'}
          >
            {followUpLabel(r.followUp)}
          </Badge>
        ) : null,
    },
  ];

  return (
    <Stack gap="sm">
      <ListToolbar
        q={filter.q}
        onQ={(q) => set({ q })}
        desaId={filter.desaId}
        onDesa={(desaId) => set({ desaId })}
        count={list.total}
        table={table}
      >
        <Select
          w={110}
          label={t('adult.screening.filter.year')}
          clearable
          placeholder={t('adult.all')}
          value={filter.year}
          onChange={(year) => set({ year })}
          data={[0, 1, 2].map((i) => String(thisYear - i))}
        />
        <Select
          w={190}
          label={t('adult.screening.filter.hasil')}
          value={filter.hasil}
          allowDeselect={false}
          onChange={(v) => set({ hasil: (v as ScreeningFilter) ?? 'semua' })}
          data={SCREENING_FILTERS.map((f) => ({
            value: f,
            label: t(`adult.screening.filter.${f}`),
          }))}
        />
      </ListToolbar>
      <SectionActions>
        <ExportButton exportFile={() => invoke('adult.screening.export', input)} />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPicking(true)}>
            {t('adult.screening.add')} (Alt+N)
          </Button>
        )}
      </SectionActions>
      <VirtualTable
        ref={table}
        aria-label={t('adult.screening.title')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/skrining/${r.id}`)}
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 300px)"
        empty={
          filtered
            ? t('adult.screening.empty')
            : filter.year
              ? t('adult.screening.empty.year', { year: filter.year })
              : t('adult.screening.empty.none')
        }
      />
      <PersonPicker
        opened={picking}
        onClose={() => setPicking(false)}
        minAge={15}
        title={t('adult.screening.new')}
        onPick={(p) => {
          setPicking(false);
          navigate(`/skrining/baru/${p.id}`);
        }}
      />
    </Stack>
  );
}
