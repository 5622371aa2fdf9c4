import { Button, Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChildPerson, GrowthRow } from '@shared/contract';
import { DAYS_PER_MONTH } from '@shared/domain/growth';
import { fullAgeText, shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { KmsChart, type KmsIndicator, type KmsPoint } from './KmsChart';
import { PrintArea, printNow } from '../../components/PrintArea';
import './child.css';

type ChartKey = 'wfa' | 'lhfa' | 'wfx';

interface ChartSpec {
  indicator: KmsIndicator;
  points: KmsPoint[];
  xFrom: number;
  xTo: number;
  title: string;
  xLabel: string;
  yLabel: string;
  yUnit: string;
}

/** The three KMS charts of a child (weight, length/height, weight-for-length/height). */
export function KmsCharts({
  person,
  measurements,
  today,
}: {
  person: ChildPerson;
  measurements: readonly GrowthRow[];
  today: string;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [shown, setShown] = useState<ChartKey>('wfa');

  const latestAge = Math.max(
    (Date.parse(today) - Date.parse(person.birthDate)) / 86_400_000,
    ...measurements.map((m) => m.ageDays),
  );
  const months = latestAge < 24 * DAYS_PER_MONTH - 14 ? 24 : 60;
  const weightFor: 'wfl' | 'wfh' = latestAge < 731 ? 'wfl' : 'wfh';
  const charts: Record<ChartKey, ChartSpec> = {
    wfa: {
      indicator: 'wfa',
      points: measurements
        .filter((m) => m.weightKg !== null)
        .map((m) => ({ x: m.ageDays, y: m.weightKg!, date: m.measureDate })),
      xFrom: 0,
      xTo: months,
      title: t('child.kms.wfa'),
      xLabel: t('child.kms.xAge'),
      yLabel: t('child.kms.yWeight'),
      yUnit: 'kg',
    },
    lhfa: {
      indicator: 'lhfa',
      points: measurements
        .filter((m) => m.lengthAdjCm !== null)
        .map((m) => ({ x: m.ageDays, y: m.lengthAdjCm!, date: m.measureDate })),
      xFrom: 0,
      xTo: months,
      title: t('child.kms.lhfa'),
      xLabel: t('child.kms.xAge'),
      yLabel: t('child.kms.yLength'),
      yUnit: 'cm',
    },
    wfx: {
      indicator: weightFor,
      points: measurements
        .filter(
          (m) =>
            m.weightKg !== null &&
            m.lengthAdjCm !== null &&
            m.weightFor === (weightFor === 'wfl' ? 'length' : 'height'),
        )
        .map((m) => ({ x: m.lengthAdjCm!, y: m.weightKg!, date: m.measureDate })),
      xFrom: weightFor === 'wfl' ? 45 : 65,
      xTo: weightFor === 'wfl' ? 110 : 120,
      title: t(weightFor === 'wfl' ? 'child.kms.wfl' : 'child.kms.wfh'),
      xLabel: t(weightFor === 'wfl' ? 'child.kms.xLength' : 'child.kms.xHeight'),
      yLabel: t('child.kms.yWeight'),
      yUnit: 'kg',
    },
  };
  const spec = charts[shown];
  const sexText = t(`sex.${person.sex}`).toLowerCase();

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {t('child.kms.title')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={t('child.kms.title')}
            value={shown}
            onChange={(v) => setShown(v as ChartKey)}
            data={[
              { value: 'wfa', label: t('child.result.bbu') },
              { value: 'lhfa', label: t('child.result.pbu') },
              { value: 'wfx', label: t('child.result.bbpb') },
            ]}
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPrinter size={14} />}
            onClick={() => printNow()}
          >
            {t('child.kms.print')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" fw={500} mb={4} c={person.sex === 'L' ? 'blue.8' : 'pink.8'}>
        {spec.title}
      </Text>
      <KmsChart {...spec} sex={person.sex} locale={locale} />
      <Text size="xs" c="dimmed" mt={4}>
        {spec.points.length === 0 ? `${t('child.kms.empty')} ` : ''}
        {t('child.kms.legend', { sex: sexText })}
      </Text>
      <PrintArea>
        <h1>
          {t('child.kms.printedFor', { name: person.name, date: shortDate(person.birthDate) })}
        </h1>
        <p>
          {t(`sex.${person.sex}`)} · {fullAgeText(t, person.birthDate, today)}
          {person.motherName ? ` · ${t('child.card.mother', { name: person.motherName })}` : ''}
          {person.posyanduName
            ? ` · ${t('child.card.posyandu', { name: person.posyanduName })}`
            : ''}
        </p>
        {(['wfa', 'lhfa', 'wfx'] as const).map((key) => (
          <div className="print-chart" key={key}>
            <h2>{charts[key].title}</h2>
            <KmsChart
              {...charts[key]}
              sex={person.sex}
              locale={locale}
              height={300}
              testId={`kms-print-${key}`}
            />
          </div>
        ))}
        <p>{t('child.kms.legend', { sex: sexText })}</p>
      </PrintArea>
    </Card>
  );
}
