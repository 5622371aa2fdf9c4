import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { LANSIA_LISTS, type LansiaListName, type LansiaListRow } from '@shared/contract';
import { SKILAS_DOMAIN_LABELS } from '@shared/domain/adult';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { usePagedList } from '../../lib/paged';
import { useUiStore } from '../../stores/ui';
import { useAdultFilters } from './filters';
import { dmy, useCanWrite, useResultLabel } from './hooks';
import { ExportButton, ListToolbar, SectionActions } from './ListToolbar';
import { PersonPicker } from './PersonPicker';

/**
 * Every resident aged 60 and over with the last SKILAS and ADL, and who still needs a SKILAS
 * this year. Enter starts a new SKILAS/ADL for the person.
 */
export function LansiaPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const filter = useAdultFilters((s) => s.lansia);
  const set = useAdultFilters((s) => s.setLansia);
  const canWrite = useCanWrite();
  const resultLabel = useResultLabel();
  const [picking, setPicking] = useState(false);

  const base = useMemo(
    () => ({ q: filter.q, desaId: filter.desaId ?? undefined }),
    [filter.q, filter.desaId],
  );
  const input = useMemo(() => ({ ...base, list: filter.list }), [base, filter.list]);
  const list = usePagedList('adult.lansia.list', input);
  const counts = useQuery({
    queryKey: ['adult.lansia.list', 'counts', base],
    queryFn: () => call('adult.lansia.list', { ...base, limit: 1 }),
  });
  const year = counts.data?.year ?? String(new Date().getFullYear());
  const filtered = !!(filter.q || filter.desaId || filter.list !== 'semua');

  useHotkeys([['alt+n', () => canWrite && setPicking(true)]]);

  const columns: Column<LansiaListRow>[] = [
    {
      key: 'name',
      header: t('adult.col.name'),
      width: 'minmax(160px, 1.5fr)',
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
      width: 'minmax(110px, 0.9fr)',
      render: (r) => r.desaName ?? t('adult.luar'),
    },
    {
      key: 'skilas',
      header: t('adult.col.lastSkilas'),
      width: 'minmax(220px, 2.6fr)',
      render: (r) =>
        r.lastSkilasOn ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{dmy(r.lastSkilasOn)}</Text>
            {r.skilasRujuk ? (
              <Text
                size="sm"
                c="red.8"
                truncate
                title={(r.skilasPositive ?? [])
                  .map((d) => SKILAS_DOMAIN_LABELS[d][locale])
                  .join(', ')}
              >
                {t('adult.rujuk')}:{' '}
                {(r.skilasPositive ?? []).map((d) => SKILAS_DOMAIN_LABELS[d][locale]).join(', ')}
              </Text>
            ) : (
              <Text size="sm" c="teal.8">
                {t('adult.lansia.negative')}
              </Text>
            )}
          </Group>
        ) : (
          '—'
        ),
    },
    {
      key: 'adl',
      header: t('adult.col.lastAdl'),
      width: 'minmax(170px, 1.3fr)',
      render: (r) =>
        r.lastBarthelOn ? (
          <Text
            size="sm"
            truncate
            title={`${dmy(r.lastBarthelOn)} · ${resultLabel(r.barthelCode)}`}
            c={r.barthelCode && r.barthelCode !== 'barthel.mandiri' ? 'orange.9' : undefined}
          >
            {r.barthelTotal}/20 ·{' '}
            {r.barthelCode
              ? t(`adult.adl.${r.barthelCode.slice('barthel.'.length) as 'mandiri'}`)
              : '—'}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'due',
      header: t('adult.col.thisYear', { year }),
      width: '132px',
      render: (r) =>
        r.dueThisYear ? (
          <Text size="sm" fw={600} c="orange.8">
            {t('adult.lansia.dueShort')}
          </Text>
        ) : (
          <Text size="sm" c="teal.8">
            {t('adult.lansia.doneShort')}
          </Text>
        ),
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
      />
      <SegmentedControl
        aria-label={t('adult.lansia.title')}
        value={filter.list}
        onChange={(v) => set({ list: v as LansiaListName })}
        data={LANSIA_LISTS.map((l) => ({
          value: l,
          label: `${t(`adult.lansia.list.${l}`)} (${counts.data?.counts[l] ?? '…'})`,
        }))}
        fullWidth
      />
      <SectionActions>
        <ExportButton exportFile={() => invoke('adult.lansia.export', input)} />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPicking(true)}>
            {t('adult.lansia.add')} (Alt+N)
          </Button>
        )}
      </SectionActions>
      <VirtualTable
        ref={table}
        aria-label={t('adult.lansia.title')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.personId}
        onOpen={(r) =>
          navigate(canWrite ? `/lansia/baru/${r.personId}` : `~/penduduk/${r.personId}`)
        }
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 350px)"
        empty={filtered ? t('adult.lansia.empty') : t('adult.lansia.empty.none')}
      />
      <PersonPicker
        opened={picking}
        onClose={() => setPicking(false)}
        minAge={60}
        title={t('adult.lansia.new')}
        onPick={(p) => {
          setPicking(false);
          navigate(`/lansia/baru/${p.id}`);
        }}
      />
    </Stack>
  );
}
