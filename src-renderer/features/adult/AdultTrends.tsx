import { Card, SimpleGrid, Text } from '@mantine/core';
import type { TrendPoint } from '@shared/contract';
import { GLUCOSE_TEST_SHORT, type GlucoseTest } from '@shared/domain/adult';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { dmy, num } from './hooks';
import { TrendChart, type ChartSeries } from './TrendChart';

const GLUCOSE_COLORS: Record<Exclude<GlucoseTest, 'hba1c'>, string> = {
  gds: '#e8590c',
  gdp: '#1971c2',
  ttgo2j: '#7048e8',
};

/** Blood pressure and blood glucose over time, from screenings and kontrol visits. */
export function AdultTrends({ trend }: { trend: TrendPoint[] }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const bp = trend.filter((p) => p.systolic !== null && p.diastolic !== null);
  const bpSeries: ChartSeries[] = [
    {
      name: t('adult.chart.systolic'),
      color: '#c92a2a',
      points: bp.map((p) => ({ date: p.date, value: p.systolic!, source: p.source })),
    },
    {
      name: t('adult.chart.diastolic'),
      color: '#1864ab',
      points: bp.map((p) => ({ date: p.date, value: p.diastolic!, source: p.source })),
    },
  ];
  const glucoseSeries: ChartSeries[] = (['gds', 'gdp', 'ttgo2j'] as const)
    .map((test) => ({
      name: GLUCOSE_TEST_SHORT[test][locale],
      color: GLUCOSE_COLORS[test],
      points: trend.flatMap((p) =>
        p.glucose
          .filter((g) => g.test === test)
          .map((g) => ({ date: p.date, value: g.value, source: p.source })),
      ),
    }))
    .filter((s) => s.points.length > 0);
  const hba1c = trend.flatMap((p) =>
    p.glucose.filter((g) => g.test === 'hba1c').map((g) => ({ date: p.date, value: g.value })),
  );
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Card withBorder padding="sm" data-testid="chart-bp">
        <TrendChart
          title={t('adult.chart.bp')}
          unit="mmHg"
          series={bp.length > 0 ? bpSeries : []}
          lines={[
            { value: 140, label: '140', color: '#c92a2a' },
            { value: 90, label: '90', color: '#1864ab' },
          ]}
        />
      </Card>
      <Card withBorder padding="sm" data-testid="chart-glucose">
        <TrendChart
          title={`${t('adult.chart.glucose')} (mg/dL)`}
          unit="mg/dL"
          series={glucoseSeries}
          lines={[
            ...(glucoseSeries.some((s) => s.name === GLUCOSE_TEST_SHORT.gdp[locale])
              ? [{ value: 126, label: 'GDP 126', color: GLUCOSE_COLORS.gdp }]
              : []),
            ...(glucoseSeries.some((s) => s.name !== GLUCOSE_TEST_SHORT.gdp[locale])
              ? [{ value: 200, label: '200', color: GLUCOSE_COLORS.gds }]
              : []),
          ]}
        />
        {hba1c.length > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            HbA1c: {hba1c.map((h) => `${dmy(h.date)} ${num(h.value)} %`).join(' · ')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
