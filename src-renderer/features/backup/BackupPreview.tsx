import { Badge, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { BackupEntry } from '@shared/contract';
import { isMessageKey, type MessageKey, type MessageParams } from '@shared/i18n';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { backupAge, formatBytes, INTERNAL_TABLES } from './lastBackup';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The clinic's tables first, in a fixed order; any other table after them by name. */
const ORDER = ['person', 'desa', 'posyandu', 'nakes', 'app_user', 'facility', 'audit_log'];

export function tableLabel(t: T, table: string): string {
  const key = `backup.table.${table}`;
  return isMessageKey(key) ? t(key) : table;
}

/** "hari ini", "kemarin", "3 hari lalu". */
export function ageLabel(t: T, createdAt: string, now = new Date()): string {
  const age = backupAge(createdAt, now);
  if (!age || age.days === 0) return t('backup.age.today');
  if (age.days === 1) return t('backup.age.yesterday');
  return t('backup.age.days', { days: age.days });
}

export function recordsLine(t: T, entry: BackupEntry): string {
  return t('backup.records', {
    persons: entry.counts.person ?? 0,
    total: entry.totalRecords,
  });
}

/** Rows per table as "Penduduk 1.204", the clinic's tables first. */
function CountsGrid({ counts }: { counts: Record<string, number> }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const number = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB');
  const names = Object.keys(counts)
    .filter((n) => !INTERNAL_TABLES.has(n))
    .sort((a, b) => {
      const ia = ORDER.indexOf(a);
      const ib = ORDER.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      return a.localeCompare(b);
    });
  return (
    <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
      {names.map((name) => (
        <Group key={name} gap={6} wrap="nowrap" justify="space-between" pr="md">
          <Text size="sm">{tableLabel(t, name)}</Text>
          <Text size="sm" fw={600} ff="monospace">
            {number.format(counts[name] ?? 0)}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}

/**
 * What a backup holds, before anything is restored: date, kind, facility, schema, record counts
 * per table, size and where it lies.
 */
export function BackupPreview({ entry }: { entry: BackupEntry }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const facility = entry.facility
    ? `${entry.facility.name}${entry.facility.kodePuskesmas ? ` (${entry.facility.kodePuskesmas})` : ''}`
    : t('backup.noFacility');
  const rows: [string, React.ReactNode][] = [
    [
      t('backup.preview.createdAt'),
      <Text key="at" size="sm" fw={600}>
        {shortDateTime(entry.createdAt)} ({ageLabel(t, entry.createdAt)})
      </Text>,
    ],
    [
      t('backup.preview.kind'),
      <Group key="kind" gap="xs">
        <Text size="sm">{t(`backup.kind.${entry.kind}`)}</Text>
        {entry.encrypted && (
          <Badge size="sm" variant="light" color="grape" leftSection={<IconLock size={12} />}>
            {t('backup.encrypted')}
          </Badge>
        )}
      </Group>,
    ],
    [t('backup.preview.facility'), facility],
    [
      t('backup.preview.schema'),
      t('backup.preview.schemaValue', { schema: entry.schemaVersion, app: entry.appVersion }),
    ],
    [
      t('backup.preview.records'),
      <div key="counts">
        <CountsGrid counts={entry.counts} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('backup.preview.total')}: {entry.totalRecords}
        </Text>
      </div>,
    ],
    [
      t('backup.preview.size'),
      `${formatBytes(entry.size, locale)} · ${t(`backup.location.${entry.location}`)}`,
    ],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder data-testid="backup-preview">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170}>{label}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
