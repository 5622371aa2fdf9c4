import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconDownload,
  IconInfoCircle,
  IconPrinter,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { addPeriods } from '@shared/domain/bundle';
import type { IndicatorCluster } from '@shared/domain/indicators/types';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { shortDateTime, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { DrillModal } from './DrillModal';
import { IndicatorTable, type DrillTarget } from './IndicatorTable';
import { periodLabel, REPORT_GROUPS, selectableMonths, type ComputableIndicator } from './model';
import { PwsView } from './PwsView';
import { printReport, ReportPrint } from './ReportPrint';
import { SkdnView } from './SkdnView';
import { useReportsState } from './state';

const VIEWS = [
  { path: '/', label: 'reports.view.table' },
  { path: '/pws', label: 'reports.view.pws' },
  { path: '/skdn', label: 'reports.view.skdn' },
] as const;

/**
 * Laporan bulanan: the month's indicators per desa (every number opens the persons behind
 * it), PWS charts, SKDN per posyandu, Excel and print. Mounted at `/laporan`.
 */
export function ReportsPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [location, navigate] = useLocation();
  const state = useReportsState();
  const { period, cluster } = state;
  const [today] = useState(todayLocal);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const months = selectableMonths(today);
  const view = VIEWS.find((v) => v.path === location) ?? VIEWS[0];

  const report = useQuery({
    queryKey: ['reports.monthly', period],
    queryFn: () => call('reports.monthly', { period }),
  });
  const skdn = useQuery({
    queryKey: ['reports.skdn', period],
    queryFn: () => call('reports.skdn', { period }),
  });

  const setPeriod = (p: string) => {
    if (months.includes(p)) state.set({ period: p });
  };

  async function xlsx() {
    setBusy(true);
    const result = await invoke('reports.xlsx', { period });
    setBusy(false);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    downloadFile(result.value);
    notifications.show({ message: t('reports.xlsx.done', { file: result.value.fileName }) });
  }

  useHotkeys([['ctrl+p', () => report.data && printReport()]]);

  const inCluster = (report.data?.indicators ?? []).filter((i) => i.cluster === cluster);
  const computable = inCluster.filter((i): i is ComputableIndicator => i.computable);
  const pending = inCluster.filter((i) => !i.computable);
  const noDesa =
    computable[0] !== undefined &&
    computable[0].rows.every((r) => r.key === 'total' || r.key === 'luar');
  const dsGoal =
    (report.data?.indicators ?? []).find(
      (i): i is ComputableIndicator => i.code === 'DS' && i.computable,
    )?.goal ?? null;

  const clusterTabs = (
    <Tabs
      value={cluster}
      onChange={(v) => v && state.set({ cluster: v as IndicatorCluster })}
      keepMounted={false}
    >
      <Tabs.List>
        {REPORT_GROUPS.map((c) => (
          <Tabs.Tab key={c} value={c}>
            {t(`reports.cluster.${c}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );

  const body = () => {
    if (report.isLoading)
      return (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('reports.loading')}</Text>
        </Group>
      );
    if (report.error)
      return (
        <Alert color="red" title={t('reports.error', { message: (report.error as Error).message })}>
          <Button size="xs" variant="light" onClick={() => void report.refetch()}>
            {t('reports.retry')}
          </Button>
        </Alert>
      );
    return null;
  };

  return (
    <Stack gap={8}>
      <PageHeader
        title={t('reports.title')}
        actions={
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              loading={busy}
              disabled={!report.data}
              onClick={() => void xlsx()}
            >
              {t('reports.xlsx')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconPrinter size={16} />}
              disabled={!report.data}
              onClick={printReport}
            >
              {t('reports.print')} (Ctrl+P)
            </Button>
          </Group>
        }
      />
      <Group gap="md" align="flex-end" wrap="nowrap" mt={-12}>
        <Group gap={4} align="flex-end" wrap="nowrap">
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t('reports.month.prev')}
            title={t('reports.month.prev')}
            disabled={period <= months.at(-1)!}
            onClick={() => setPeriod(addPeriods(period, -1))}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Select
            label={t('reports.month')}
            w={210}
            searchable
            allowDeselect={false}
            value={period}
            onChange={(v) => v && setPeriod(v)}
            data={months.map((m) => ({
              value: m,
              label:
                m === today.slice(0, 7)
                  ? t('reports.month.running', { month: periodLabel(m, locale) })
                  : periodLabel(m, locale),
            }))}
          />
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t('reports.month.next')}
            title={t('reports.month.next')}
            disabled={period >= months[0]!}
            onClick={() => setPeriod(addPeriods(period, 1))}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
        </Group>
        <div>
          <Text size="sm" fw={500} mb={2}>
            {t('reports.view')}
          </Text>
          <SegmentedControl
            aria-label={t('reports.view')}
            value={view.path}
            onChange={(v) => navigate(v)}
            data={VIEWS.map((v) => ({ value: v.path, label: t(v.label) }))}
          />
        </div>
        {report.data && (
          <Text size="xs" c="dimmed" ml="auto" mb={6} ta="right" maw={260}>
            {t('reports.generated', {
              at: shortDateTime(report.data.generatedAt),
              version: report.data.definitions,
            })}
          </Text>
        )}
      </Group>
      <Switch>
        <Route path="/skdn">
          <SkdnView period={period} locale={locale} dsGoal={dsGoal} />
        </Route>
        <Route path="/pws">
          {clusterTabs}
          {body() ?? (
            <PwsView
              indicators={computable}
              chosen={state.charted[cluster]}
              onChoose={(code) => state.chart(cluster, code)}
              period={period}
              locale={locale}
            />
          )}
        </Route>
        <Route>
          {clusterTabs}
          {body() ??
            (noDesa ? (
              <Alert color="gray">{t('reports.noDesa')}</Alert>
            ) : computable.length === 0 && pending.length === 0 ? (
              <Alert color="gray">{t('reports.empty.cluster')}</Alert>
            ) : (
              <>
                {computable.length > 0 && (
                  <>
                    <Text size="xs" c="dimmed">
                      {t('reports.keys')}
                    </Text>
                    <IndicatorTable
                      indicators={computable}
                      period={period}
                      locale={locale}
                      maxHeight={pending.length > 0 ? 'calc(100vh - 390px)' : 'calc(100vh - 330px)'}
                      onDrill={setDrill}
                    />
                  </>
                )}
                {pending.length > 0 && (
                  <Alert
                    color="gray"
                    variant="light"
                    icon={<IconInfoCircle size={18} />}
                    title={t('reports.notComputable')}
                    p="xs"
                    data-testid="not-computable"
                  >
                    <Stack gap={2}>
                      {pending.map((i) =>
                        i.computable ? null : (
                          <Text key={i.code} size="xs">
                            <b>{i.code}</b> {i.name[locale]}: {i.reason[locale]}
                          </Text>
                        ),
                      )}
                    </Stack>
                  </Alert>
                )}
              </>
            ))}
        </Route>
      </Switch>
      <DrillModal target={drill} period={period} locale={locale} onClose={() => setDrill(null)} />
      {report.data && <ReportPrint report={report.data} skdn={skdn.data?.rows} locale={locale} />}
    </Stack>
  );
}
