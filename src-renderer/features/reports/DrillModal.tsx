import { Alert, Anchor, Badge, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { DrillRow } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { call } from '../../lib/api';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import type { DrillTarget } from './IndicatorTable';
import { periodLabel } from './model';

type Filter = 'all' | 'counted' | 'notCounted';

/** The persons behind one number, each a link to the person card. */
export function DrillModal({
  target,
  period,
  locale,
  onClose,
}: {
  target: DrillTarget | null;
  period: string;
  locale: Locale;
  onClose: () => void;
}) {
  const t = useT();
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const query = useQuery({
    queryKey: ['reports.drill', period, target?.code, target?.key, target?.window],
    enabled: !!target,
    queryFn: () =>
      call('reports.drill', {
        period,
        code: target!.code,
        key: target!.key,
        window: target!.window,
      }),
  });
  const rows = query.data?.rows ?? [];
  const mixed = rows.some((r) => !r.counted) && rows.some((r) => r.counted);
  const shown =
    filter === 'all' || !mixed
      ? rows
      : rows.filter((r) => (filter === 'counted' ? r.counted : !r.counted));
  const counted = rows.filter((r) => r.counted).length;

  useEffect(() => {
    if (query.data) table.current?.focus();
  }, [query.data]);

  const columns: Column<DrillRow>[] = [
    {
      key: 'name',
      header: t('reports.drill.col.name'),
      width: 'minmax(180px, 2fr)',
      render: (r) => (
        <Anchor
          href={`#/penduduk/${r.personId}`}
          size="sm"
          fw={500}
          tabIndex={-1}
          title={r.name}
          onClick={(e) => e.stopPropagation()}
        >
          {r.name}
        </Anchor>
      ),
    },
    {
      key: 'nik',
      header: t('reports.drill.col.nik'),
      width: '178px',
      render: (r) =>
        r.nik ? (
          <Text span size="sm" ff="monospace">
            {r.nik}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('reports.drill.noNik')}
          </Text>
        ),
    },
    {
      key: 'sex',
      header: 'L/P',
      width: '56px',
      align: 'center',
      render: (r) => r.sex,
    },
    {
      key: 'desa',
      header: t('reports.drill.col.desa'),
      width: 'minmax(120px, 1fr)',
      render: (r) => r.desaName ?? t('reports.drill.luar'),
    },
    {
      key: 'date',
      header: t('reports.drill.col.date'),
      width: '112px',
      render: (r) => shortDate(r.onDate),
    },
    {
      key: 'counted',
      header: t('reports.drill.col.counted'),
      width: '140px',
      render: (r) =>
        r.counted ? (
          <Badge size="md" variant="light" color="teal" tt="none">
            ✓ {t('reports.drill.counted')}
          </Badge>
        ) : (
          <Badge size="md" variant="light" color="gray" tt="none">
            {t('reports.drill.notCounted')}
          </Badge>
        ),
    },
  ];

  return (
    <Modal
      opened={!!target}
      onClose={() => {
        setFilter('all');
        onClose();
      }}
      size={900}
      title={
        target ? (
          <Text fw={700} size="lg" component="span">
            {t('reports.drill.title', { indicator: target.indicatorName, desa: target.desaName })}
          </Text>
        ) : null
      }
    >
      {target && (
        <Stack gap="xs" data-testid="drill">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t(mixed ? 'reports.drill.subtitleMixed' : 'reports.drill.subtitle', {
                window: t(`reports.window.${target.window}`),
                period: periodLabel(period, locale),
                count: rows.length,
                counted,
              })}
            </Text>
            {mixed && (
              <SegmentedControl
                size="xs"
                value={filter}
                onChange={(v) => setFilter(v as Filter)}
                data={[
                  { value: 'all', label: t('reports.drill.filter.all') },
                  { value: 'counted', label: t('reports.drill.filter.counted') },
                  { value: 'notCounted', label: t('reports.drill.filter.notCounted') },
                ]}
              />
            )}
          </Group>
          {query.error ? (
            <Alert color="red">{(query.error as Error).message}</Alert>
          ) : (
            <VirtualTable
              ref={table}
              aria-label={t('reports.drill.title', {
                indicator: target.indicatorName,
                desa: target.desaName,
              })}
              columns={columns}
              rowCount={shown.length}
              getRow={(i) => shown[i]}
              rowKey={(r, i) => `${r.personId}-${i}`}
              onOpen={(r) => navigate(`~/penduduk/${r.personId}`)}
              loading={query.isLoading}
              height={Math.min(420, Math.max(120, shown.length * 38 + 4))}
              empty={t('reports.drill.empty')}
            />
          )}
          <Text size="xs" c="dimmed">
            {t('reports.drill.help')}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
