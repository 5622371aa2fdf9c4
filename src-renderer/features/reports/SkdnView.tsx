import { Alert, Loader, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SkdnRow } from '@shared/contract';
import type { Locale } from '@shared/i18n';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { formatCount, formatPct, periodLabel, ratioPct } from './model';
import classes from './reports.module.css';
import { skdnTotal } from './ReportPrint';

const COUNTS = ['S', 'K', 'D', 'N', 'O', 'T2', 'BGM'] as const;

/** SKDN of the month per posyandu, with K/S, D/S (partisipasi) and N/D (keberhasilan). */
export function SkdnView({
  period,
  locale,
  dsGoal,
}: {
  period: string;
  locale: Locale;
  /** The D/S goal from the gizi indicator definition, to mark posyandu below it. */
  dsGoal: number | null;
}) {
  const t = useT();
  const query = useQuery({
    queryKey: ['reports.skdn', period],
    queryFn: () => call('reports.skdn', { period }),
  });
  if (query.isLoading) return <Loader size="sm" />;
  if (query.error) return <Alert color="red">{(query.error as Error).message}</Alert>;
  const rows = query.data?.rows ?? [];
  if (rows.length === 0) return <Alert color="gray">{t('reports.skdn.empty')}</Alert>;
  const total = skdnTotal(rows, t('reports.skdn.total'));

  const line = (r: SkdnRow, isTotal: boolean) => {
    const ds = ratioPct(r.D, r.S);
    const below = dsGoal !== null && ds !== null && ds < dsGoal;
    const met = dsGoal !== null && ds !== null && ds >= dsGoal;
    return (
      <Table.Tr key={r.posyanduId} className={isTotal ? classes.skdnTotal : undefined}>
        <Table.Td>{r.posyanduName}</Table.Td>
        <Table.Td>{r.desaName}</Table.Td>
        {COUNTS.map((k) => (
          <Table.Td key={k} ta="right">
            {formatCount(r[k], locale)}
          </Table.Td>
        ))}
        <Table.Td ta="right">{formatPct(ratioPct(r.K, r.S), locale)}</Table.Td>
        <Table.Td
          ta="right"
          className={met ? classes.met : below ? classes.below : undefined}
          data-judgement={met ? 'met' : below ? 'below' : 'none'}
        >
          {formatPct(ds, locale)}
          {met ? ' ✓' : below ? ' ↓' : ''}
        </Table.Td>
        <Table.Td ta="right">{formatPct(ratioPct(r.N, r.D), locale)}</Table.Td>
      </Table.Tr>
    );
  };

  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {t('reports.skdn.title', { month: periodLabel(period, locale) })}
      </Text>
      {total.D === 0 && (
        <Alert color="gray" mb="xs">
          {t('reports.skdn.noWeighing')}
        </Alert>
      )}
      <div className={classes.scroll} style={{ maxHeight: 'calc(100vh - 300px)' }}>
        <Table
          stickyHeader
          striped
          verticalSpacing={6}
          fz="sm"
          className={classes.skdn}
          data-testid="skdn-table"
          aria-label={t('reports.skdn.title', { month: periodLabel(period, locale) })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.skdn.col.posyandu')}</Table.Th>
              <Table.Th>{t('reports.skdn.col.desa')}</Table.Th>
              {COUNTS.map((k) => (
                <Table.Th key={k} ta="right">
                  <Tooltip label={t(`reports.skdn.${k}`)} withArrow>
                    <abbr title={t(`reports.skdn.${k}`)} style={{ textDecoration: 'none' }}>
                      {t(`reports.skdn.col.${k}`)}
                    </abbr>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('reports.skdn.col.KS')}</Table.Th>
              <Table.Th ta="right">{t('reports.skdn.col.DS')}</Table.Th>
              <Table.Th ta="right">{t('reports.skdn.col.ND')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows.map((r) => line(r, false))}</Table.Tbody>
          <Table.Tfoot>{line(total, true)}</Table.Tfoot>
        </Table>
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {COUNTS.map((k) => `${t(`reports.skdn.col.${k}`)} = ${t(`reports.skdn.${k}`)}`).join(' · ')}
      </Text>
    </div>
  );
}
