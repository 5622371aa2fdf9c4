import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { RecapIndicator, RecapRow, RecapView } from '@shared/contract';
import { clusterLabel } from '@shared/domain/bundle';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { periodLabel, previousPeriod, usePeriodOptions } from '../bundle/shared';

const number = new Intl.NumberFormat('id-ID');
const decimal = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function fmt(value: number | null, percent: boolean): string {
  if (value === null) return '—';
  return percent ? `${decimal.format(value)}%` : number.format(value);
}

function Values({ v, percent }: { v: RecapRow['month']; percent: boolean }) {
  const t = useT();
  return (
    <>
      <Table.Td ta="right" ff="monospace" c="dimmed">
        {percent
          ? `${v.numerator === null ? '—' : number.format(v.numerator)} / ${v.denominator === null ? '—' : number.format(v.denominator)}`
          : ''}
      </Table.Td>
      <Table.Td ta="right" fw={600} title={v.excluded > 0 ? t('recap.partial') : undefined}>
        {fmt(v.value, percent)}
        {v.excluded > 0 && v.included > 0 ? '*' : ''}
      </Table.Td>
    </>
  );
}

function Line({
  row,
  indicator,
  total,
}: {
  row: RecapRow;
  indicator: RecapIndicator;
  total?: boolean;
}) {
  const percent = indicator.unit === 'percent';
  return (
    <Table.Tr style={total ? { background: 'var(--mantine-color-gray-0)' } : undefined}>
      <Table.Td pl={total ? undefined : 'lg'}>
        <Text size="sm" fw={total ? 700 : 400}>
          {row.label}
        </Text>
        {row.sublabel && (
          <Text size="xs" c="dimmed">
            {row.sublabel}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{row.target === null ? '—' : number.format(row.target)}</Table.Td>
      <Values v={row.month} percent={percent} />
      <Values v={row.ytd} percent={percent} />
      <Table.Td ta="right">{fmt(row.pctOfTarget, true)}</Table.Td>
    </Table.Tr>
  );
}

/** The district recap: each indicator by puskesmas or desa, with the district total. */
export function RecapPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const options = usePeriodOptions(24);
  const [period, setPeriod] = useState(previousPeriod());
  const [view, setView] = useState<RecapView>('puskesmas');
  const [cluster, setCluster] = useState('');
  const recap = useQuery({
    queryKey: ['dinkes.recap', period, view],
    queryFn: () => call('dinkes.recap', { period, view }),
    placeholderData: keepPreviousData,
  });
  const data = recap.data;
  const shown = (data?.indicators ?? []).filter((i) => !cluster || i.cluster === cluster);

  async function excel() {
    const r = await invoke('dinkes.recapXlsx', { period, view });
    if (r.ok) downloadFile(r.value);
    else notifications.show({ color: 'red', message: r.error.message });
  }

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('recap.title')}
        actions={
          <Button
            leftSection={<IconFileSpreadsheet size={16} />}
            variant="light"
            onClick={() => void excel()}
            disabled={!data || data.indicators.length === 0}
          >
            {t('recap.xlsx')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('field.period')}
          data={options}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          w={200}
        />
        <SegmentedControl
          aria-label={t('field.view')}
          value={view}
          onChange={(v) => setView(v as RecapView)}
          data={[
            { value: 'puskesmas', label: t('recap.view.puskesmas') },
            { value: 'desa', label: t('recap.view.desa') },
          ]}
        />
        {data && data.clusters.length > 1 && (
          <SegmentedControl
            aria-label={t('recap.col.cluster')}
            value={cluster}
            onChange={setCluster}
            data={[
              { value: '', label: t('recap.allClusters') },
              ...data.clusters.map((c) => ({ value: c, label: clusterLabel(c)[locale] })),
            ]}
          />
        )}
      </Group>
      {recap.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {recap.isError && <Alert color="red">{recap.error.message}</Alert>}
      {data && (
        <Text size="sm" data-testid="recap-reporting">
          <Text span fw={600}>
            {periodLabel(data.period, locale)}:{' '}
          </Text>
          {t('recap.reporting', {
            count: data.reporting.length,
            total: data.reporting.length + data.missing.length,
          })}
          {data.missing.length > 0 && (
            <Text span c="orange.9">
              {' · '}
              {t('recap.missingList', { names: data.missing.map((m) => m.name).join(', ') })}
            </Text>
          )}
        </Text>
      )}
      {data && data.definitions.length > 1 && (
        <Alert color="orange" variant="light">
          {t('recap.definitions', { versions: data.definitions.join(', ') })}
        </Alert>
      )}
      {data && data.indicators.length === 0 && (
        <Card withBorder>
          <Text c="dimmed" ta="center">
            {t('recap.empty')}
          </Text>
        </Card>
      )}
      {shown.length > 0 && (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} aria-label={t('recap.title')} data-testid="recap-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>
                    {view === 'puskesmas' ? t('recap.col.puskesmas') : t('recap.col.desa')}
                  </Table.Th>
                  <Table.Th rowSpan={2} ta="right">
                    {t('recap.col.target')}
                  </Table.Th>
                  <Table.Th colSpan={2} ta="center">
                    {t('recap.col.month')}
                  </Table.Th>
                  <Table.Th colSpan={2} ta="center">
                    {t('recap.col.ytd')}
                  </Table.Th>
                  <Table.Th rowSpan={2} ta="right">
                    {t('recap.col.pctTarget')}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th ta="right">{t('recap.col.numDen')}</Table.Th>
                  <Table.Th ta="right">{t('recap.col.value')}</Table.Th>
                  <Table.Th ta="right">{t('recap.col.numDen')}</Table.Th>
                  <Table.Th ta="right">{t('recap.col.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((indicator) => (
                  <Fragment key={indicator.code}>
                    <Table.Tr style={{ background: 'var(--mantine-color-teal-0)' }}>
                      <Table.Td colSpan={7}>
                        <Group gap="xs" justify="space-between">
                          <Text size="sm" fw={700}>
                            {indicator.name[locale]}{' '}
                            <Text span size="xs" c="dimmed" ff="monospace">
                              {indicator.code} · {clusterLabel(indicator.cluster)[locale]}
                              {indicator.unit === 'percent' ? ' · %' : ''}
                              {indicator.goal !== null ? ` · target ${indicator.goal}%` : ''}
                            </Text>
                          </Text>
                          {indicator.notComputable.length > 0 && (
                            <Text size="xs" c="orange.9">
                              {t('recap.notComputable', {
                                names: indicator.notComputable.join(', '),
                              })}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {indicator.rows.map((row) => (
                      <Line key={row.key} row={row} indicator={indicator} />
                    ))}
                    <Line row={indicator.total} indicator={indicator} total />
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
