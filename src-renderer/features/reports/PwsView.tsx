import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Locale } from '@shared/i18n';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { BarChart, LineChart, type Bar } from './charts';
import classes from './reports.module.css';
import { columnLabel } from './IndicatorTable';
import {
  baseOf,
  formatCount,
  formatPct,
  judge,
  monthShort,
  kindOf,
  pctOf,
  periodLabel,
  proRatedGoal,
  splitRows,
  type ComputableIndicator,
} from './model';

/**
 * PWS (pemantauan wilayah setempat) for one indicator: cumulative coverage per desa against
 * the target, and the puskesmas month by month; "Lihat data" shows the numbers behind both.
 */
export function PwsView({
  indicators,
  chosen,
  onChoose,
  period,
  locale,
}: {
  indicators: ComputableIndicator[];
  chosen: string | undefined;
  onChoose: (code: string) => void;
  period: string;
  locale: Locale;
}) {
  const t = useT();
  const [showData, setShowData] = useState(false);
  const charted = indicators.filter((i) => i.unit === 'percent');
  const indicator = charted.find((i) => i.code === chosen) ?? charted[0];
  const series = useQuery({
    queryKey: ['reports.series', period, indicator?.code],
    enabled: !!indicator,
    queryFn: () => call('reports.series', { period, code: indicator!.code }),
  });
  if (!indicator) return <Alert color="gray">{t('reports.pws.none')}</Alert>;

  const { desa, total } = splitRows(indicator.rows);
  const sasaran = kindOf(indicator) === 'sasaran';
  const bars: Bar[] = [...desa]
    .map((row) => ({
      key: row.key,
      label: row.desaName,
      value: pctOf(indicator, row),
      judgement: judge(indicator, row, period).judgement,
    }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  if (total)
    bars.push({
      key: 'total',
      label: t('reports.pws.totalBar'),
      value: pctOf(indicator, total),
      judgement: judge(indicator, total, period).judgement,
      emphasis: true,
    });
  const lines =
    indicator.goal === null
      ? []
      : sasaran
        ? [
            {
              value: proRatedGoal(indicator.goal, period),
              label: t('reports.pws.prorated', {
                pct: formatPct(proRatedGoal(indicator.goal, period), locale),
              }),
            },
            {
              value: indicator.goal,
              label: t('reports.pws.goal', { pct: formatPct(indicator.goal, locale) }),
              dashed: true,
            },
          ]
        : [
            {
              value: indicator.goal,
              label: t('reports.pws.goal', { pct: formatPct(indicator.goal, locale) }),
            },
          ];
  const points = (series.data?.points ?? []).map((p) => ({
    month: p.month,
    value: p.pctOfTarget ?? (sasaran ? null : p.ytd.value),
    target:
      indicator.goal === null
        ? null
        : sasaran
          ? proRatedGoal(indicator.goal, p.month)
          : indicator.goal,
  }));
  const barsTitle = t('reports.pws.bars', { month: periodLabel(period, locale) });
  const lineTitle = t('reports.pws.line', { year: period.slice(0, 4) });

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label={t('reports.pws.indicator')}
          w={460}
          searchable
          allowDeselect={false}
          value={indicator.code}
          onChange={(v) => v && onChoose(v)}
          data={charted.map((i) => ({ value: i.code, label: `${i.code} · ${i.name[locale]}` }))}
        />
        <Button
          variant="light"
          leftSection={<IconTable size={16} />}
          aria-expanded={showData}
          onClick={() => setShowData((v) => !v)}
        >
          {showData ? t('reports.pws.hideData') : t('reports.pws.showData')}
        </Button>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={7}>
          <Paper withBorder p="xs" h="100%">
            <Title order={3} size="sm" mb={4}>
              {barsTitle}
            </Title>
            {showData ? (
              <div className={classes.dataBox} data-testid="pws-data">
                <Table striped stickyHeader fz="sm" aria-label={barsTitle}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reports.col.desa')}</Table.Th>
                      <Table.Th ta="right">
                        {t(columnLabel(sasaran ? 'target' : 'base', kindOf(indicator))[0])}
                      </Table.Th>
                      <Table.Th ta="right">{t('reports.col.ytd')}</Table.Th>
                      <Table.Th ta="right">{t('reports.col.pct')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {bars.map((b) => {
                      const row = indicator.rows.find((r) => r.key === b.key)!;
                      return (
                        <Table.Tr key={b.key} fw={b.emphasis ? 700 : undefined}>
                          <Table.Td>
                            {b.key === 'total' ? t('reports.row.total') : b.label}
                          </Table.Td>
                          <Table.Td ta="right">
                            {formatCount(baseOf(indicator, row), locale)}
                          </Table.Td>
                          <Table.Td ta="right">{formatCount(row.ytd.numerator, locale)}</Table.Td>
                          <Table.Td ta="right">
                            {formatPct(b.value, locale)}
                            {b.judgement === 'met' ? ' ✓' : b.judgement === 'below' ? ' ↓' : ''}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </div>
            ) : bars.every((b) => b.value === null) ? (
              <Text size="sm" c="dimmed">
                {t('reports.pws.noBars')}
              </Text>
            ) : (
              <>
                <BarChart bars={bars} lines={lines} locale={locale} title={barsTitle} />
                <Text size="xs" c="dimmed">
                  {t('reports.pws.sorted')}
                </Text>
              </>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper withBorder p="xs" h="100%">
            <Title order={3} size="sm" mb={4}>
              {lineTitle}
            </Title>
            {series.error ? (
              <Alert color="red">{(series.error as Error).message}</Alert>
            ) : showData ? (
              <div className={classes.dataBox}>
                <Table striped stickyHeader fz="sm" aria-label={lineTitle}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reports.pws.col.month')}</Table.Th>
                      <Table.Th ta="right">{t('reports.pws.col.monthCount')}</Table.Th>
                      <Table.Th ta="right">{t('reports.pws.col.ytdCount')}</Table.Th>
                      <Table.Th ta="right">{t('reports.pws.col.pct')}</Table.Th>
                      <Table.Th ta="right">{t('reports.pws.col.prorated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(series.data?.points ?? []).map((p, i) => (
                      <Table.Tr key={p.month}>
                        <Table.Td>{monthShort(p.month, locale)}</Table.Td>
                        <Table.Td ta="right">{formatCount(p.value.numerator, locale)}</Table.Td>
                        <Table.Td ta="right">{formatCount(p.ytd.numerator, locale)}</Table.Td>
                        <Table.Td ta="right">
                          {formatPct(points[i]?.value ?? null, locale)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {formatPct(points[i]?.target ?? null, locale)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            ) : (
              <LineChart
                points={points}
                locale={locale}
                title={lineTitle}
                valueLabel={t('reports.pws.valueLine')}
                targetLabel={
                  sasaran || indicator.goal === null
                    ? t('reports.pws.targetLine')
                    : t('reports.pws.goal', { pct: formatPct(indicator.goal, locale) })
                }
              />
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
