import { Badge, Button, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLock, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import type { BackupEntry } from '@shared/contract';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { ageLabel, recordsLine } from './BackupPreview';
import { formatBytes } from './lastBackup';

export const entryKey = (b: BackupEntry) => `${b.location}:${b.id}`;

const STATUS_COLOR = { ok: 'teal', hilang: 'red', rusak: 'red' } as const;

/**
 * The backups with what each holds, newest first. Verify and restore per row (the actions are
 * left out where they cannot work: a missing file, a schema this version does not know).
 */
export function BackupTable({
  backups,
  busyKey,
  onVerify,
  onRestore,
  compact = false,
}: {
  backups: BackupEntry[];
  busyKey?: string | null;
  onVerify?: (entry: BackupEntry) => void;
  onRestore: (entry: BackupEntry) => void;
  /** The recovery screen's narrower list: no size and schema columns. */
  compact?: boolean;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const sorted = [...backups].sort(
    // Newest first; the data folder's copy before the second folder's.
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.location.localeCompare(a.location),
  );
  return (
    <Table striped withTableBorder layout="fixed" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t('backup.col.createdAt')}</Table.Th>
          <Table.Th w={compact ? 130 : 150}>{t('backup.col.kind')}</Table.Th>
          <Table.Th>{t('backup.col.content')}</Table.Th>
          {!compact && <Table.Th w={70}>{t('backup.col.schema')}</Table.Th>}
          {!compact && <Table.Th w={90}>{t('backup.col.size')}</Table.Th>}
          <Table.Th w={140}>{t('backup.col.status')}</Table.Th>
          <Table.Th w={onVerify ? 230 : 130}>
            <VisuallyHidden>{t('backup.col.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((b) => {
          const key = entryKey(b);
          const label = shortDateTime(b.createdAt);
          return (
            <Table.Tr key={key} data-testid="backup-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {label}
                </Text>
                <Text size="xs" c="dimmed">
                  {ageLabel(t, b.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`backup.kind.${b.kind}`)}</Text>
                {b.encrypted && (
                  <Badge
                    size="xs"
                    variant="light"
                    color="grape"
                    leftSection={<IconLock size={10} />}
                  >
                    {t('backup.encrypted')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end" title={b.facility?.name}>
                  {b.facility?.name ?? t('backup.noFacility')}
                </Text>
                <Text size="xs" c="dimmed">
                  {recordsLine(t, b)}
                </Text>
              </Table.Td>
              {!compact && <Table.Td>{b.schemaVersion}</Table.Td>}
              {!compact && <Table.Td>{formatBytes(b.size, locale)}</Table.Td>}
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="xs">{t(`backup.location.${b.location}`)}</Text>
                  {b.status === 'ok' && !b.restorable ? (
                    <Tooltip label={t('backup.notRestorable', { schema: b.schemaVersion })}>
                      <Badge size="sm" variant="light" color="orange">
                        {t('backup.col.schema')} {b.schemaVersion}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge size="sm" variant="light" color={STATUS_COLOR[b.status]}>
                      {t(`backup.status.${b.status}`)}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {onVerify && b.status !== 'hilang' && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconShieldCheck size={14} />}
                      loading={busyKey === key}
                      onClick={() => onVerify(b)}
                      aria-label={`${t('backup.verify')} ${label}`}
                    >
                      {t('backup.verify')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="orange"
                    leftSection={<IconRestore size={14} />}
                    disabled={!b.restorable}
                    onClick={() => onRestore(b)}
                    aria-label={`${t('backup.restore')} ${label}`}
                  >
                    {t('backup.restore')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
