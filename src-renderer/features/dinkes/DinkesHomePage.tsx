import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconInbox, IconTable } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { useKeysStatus } from '../bundle/KeysPanel';
import { periodLabel, previousPeriod } from '../bundle/shared';

/** Dinkes home: how many puskesmas, last month's bundles, the key, and where to go next. */
export function DinkesHomePage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const period = previousPeriod();
  const registry = useQuery({
    queryKey: ['dinkes.puskesmas'],
    queryFn: () => call('dinkes.puskesmas'),
  });
  const year = Number(period.slice(0, 4));
  const matrix = useQuery({
    queryKey: ['dinkes.completeness', year],
    queryFn: () => call('dinkes.completeness', { year }),
  });
  const keys = useKeysStatus();
  const total = registry.data?.rows.length ?? 0;
  const received =
    matrix.data?.rows.filter((r) =>
      r.cells.some((c) => c.period === period && (c.status === 'received' || c.status === 'late')),
    ).length ?? 0;

  return (
    <Stack>
      <PageHeader title={t('home.title')} />
      <Card withBorder maw={980}>
        <Title order={2} size="h4">
          {t('home.welcome')}
        </Title>
        <Text mt="xs">{t('dinkes.home.intro')}</Text>
      </Card>
      <SimpleGrid cols={3} maw={980}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('dinkes.home.puskesmas')}
          </Text>
          <Text fz={32} fw={700} data-testid="home-puskesmas">
            {total}
          </Text>
          <Anchor component={Link} href="/puskesmas" size="sm">
            {t('nav.dinkes.puskesmas')} →
          </Anchor>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('dinkes.home.lastMonth', { period: periodLabel(period, locale) })}
          </Text>
          <Text fz={32} fw={700}>
            {received} / {total}
          </Text>
          <Anchor component={Link} href="/kelengkapan" size="sm">
            {t('nav.dinkes.completeness')} →
          </Anchor>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('dinkes.home.key')}
          </Text>
          {keys.data?.dinkes ? (
            <Text fw={600} mt={6}>
              {t('dinkes.home.keyReady', { fingerprint: keys.data.dinkes.fingerprint })}
            </Text>
          ) : (
            <Text c="orange.8" mt={6}>
              {t('keys.dinkes.missing')}
            </Text>
          )}
          <Anchor component={Link} href="/pengaturan" size="sm">
            {t('nav.settings')} →
          </Anchor>
        </Card>
      </SimpleGrid>
      <Card withBorder maw={980}>
        <Title order={2} size="h5" mb="sm">
          {t('dinkes.home.start')}
        </Title>
        <Group>
          <Button component={Link} href="/terima" leftSection={<IconInbox size={16} />}>
            {t('nav.dinkes.import')}
          </Button>
          <Button
            component={Link}
            href="/kelengkapan"
            variant="light"
            leftSection={<IconTable size={16} />}
          >
            {t('nav.dinkes.completeness')}
          </Button>
          <Button
            component={Link}
            href="/rekap"
            variant="light"
            leftSection={<IconChartBar size={16} />}
          >
            {t('nav.dinkes.recap')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
