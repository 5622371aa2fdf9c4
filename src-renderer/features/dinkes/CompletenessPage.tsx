import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CompletenessCellDto } from '@shared/contract';
import { submissionDeadline } from '@shared/domain/bundle';
import type { MessageKey } from '@shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { shortDate, shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { monthShort, periodLabel, previousPeriod } from '../bundle/shared';

const LOOK: Record<
  CompletenessCellDto['status'],
  { color: string; variant: 'filled' | 'light' | 'outline' | 'transparent'; mark: string }
> = {
  received: { color: 'teal', variant: 'filled', mark: '✓' },
  late: { color: 'orange', variant: 'filled', mark: '!' },
  missing: { color: 'red', variant: 'light', mark: '✗' },
  notDue: { color: 'yellow', variant: 'light', mark: '…' },
  open: { color: 'gray', variant: 'outline', mark: '·' },
  before: { color: 'gray', variant: 'transparent', mark: '—' },
};

const LEGEND: { status: CompletenessCellDto['status']; label: MessageKey }[] = [
  { status: 'received', label: 'completeness.legend.received' },
  { status: 'late', label: 'completeness.legend.late' },
  { status: 'missing', label: 'completeness.legend.missing' },
  { status: 'notDue', label: 'completeness.legend.notDue' },
  { status: 'open', label: 'completeness.legend.open' },
  { status: 'before', label: 'completeness.legend.before' },
];

function Cell({ cell, lateDay }: { cell: CompletenessCellDto; lateDay: number }) {
  const t = useT();
  const look = LOOK[cell.status];
  const deadline = shortDate(submissionDeadline(cell.period, lateDay));
  const parts: string[] = [];
  if (cell.firstReceivedAt)
    parts.push(t('completeness.cell.received', { date: shortDateTime(cell.firstReceivedAt) }));
  if (cell.revised && cell.lastReceivedAt) {
    parts.push(
      t('completeness.cell.revised', {
        revision: cell.revision ?? 2,
        date: shortDateTime(cell.lastReceivedAt),
      }),
    );
  }
  if (cell.status === 'missing') parts.push(t('completeness.cell.missing', { date: deadline }));
  if (cell.status === 'notDue') parts.push(t('completeness.cell.notDue', { date: deadline }));
  if (cell.status === 'open') parts.push(t('completeness.cell.open'));
  if (cell.status === 'before') parts.push(t('completeness.cell.before'));
  const label = `${t(LEGEND.find((l) => l.status === cell.status)!.label)}. ${parts.join('; ')}`;
  return (
    <Tooltip label={parts.join(' · ')} withArrow multiline w={240}>
      <Badge
        color={look.color}
        variant={look.variant}
        size="lg"
        radius="sm"
        w={50}
        aria-label={label}
        data-status={cell.status}
        data-period={cell.period}
        tt="none"
        styles={{ label: { overflow: 'visible' } }}
      >
        {look.mark}
        {cell.revised ? ` r${cell.revision}` : ''}
      </Badge>
    </Tooltip>
  );
}

/** Which puskesmas sent which month: received on time, late, revised, missing. */
export function CompletenessPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(Number(previousPeriod().slice(0, 4)));
  const matrix = useQuery({
    queryKey: ['dinkes.completeness', year],
    queryFn: () => call('dinkes.completeness', { year }),
  });
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const m = matrix.data;
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('completeness.title')}
        actions={
          <Select
            aria-label={t('field.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <Group gap="md">
        {LEGEND.map((l) => (
          <Group key={l.status} gap={6}>
            <Badge
              color={LOOK[l.status].color}
              variant={LOOK[l.status].variant}
              radius="sm"
              size="md"
            >
              {LOOK[l.status].mark}
            </Badge>
            <Text size="sm">{t(l.label)}</Text>
          </Group>
        ))}
        <Group gap={6}>
          <Badge color="teal" variant="filled" radius="sm" size="md" tt="none">
            ✓ r2
          </Badge>
          <Text size="sm">{t('completeness.legend.revised')}</Text>
        </Group>
      </Group>
      {m && (
        <Text size="sm" c="dimmed">
          {t('completeness.deadline', { day: m.lateDay })}
        </Text>
      )}
      {matrix.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {matrix.isError && <Alert color="red">{matrix.error.message}</Alert>}
      {m && (
        <Card withBorder p={0}>
          {m.rows.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              {t('completeness.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table
                verticalSpacing={4}
                horizontalSpacing={6}
                aria-label={t('completeness.title')}
                data-testid="completeness"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.col.name')}</Table.Th>
                    {m.periods.map((p) => (
                      <Table.Th key={p} ta="center" title={periodLabel(p, locale)}>
                        {monthShort(p, locale)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.rows.map((row) => (
                    <Table.Tr key={row.puskesmasId}>
                      <Table.Td maw={280}>
                        <Text size="sm" fw={500} truncate>
                          {row.name}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {row.kode}
                        </Text>
                      </Table.Td>
                      {row.cells.map((c) => (
                        <Table.Td key={c.period} ta="center">
                          <Cell cell={c} lateDay={m.lateDay} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t('completeness.total')}
                      </Text>
                    </Table.Td>
                    {m.periods.map((p, i) => {
                      const got = m.rows.filter((r) =>
                        ['received', 'late'].includes(r.cells[i]!.status),
                      ).length;
                      return (
                        <Table.Td key={p} ta="center">
                          <Text size="sm" fw={600}>
                            {got}/{m.rows.length}
                          </Text>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
