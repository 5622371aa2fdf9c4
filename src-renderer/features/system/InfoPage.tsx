import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { ageLabel } from '../backup/BackupPreview';
import { formatBytes } from '../backup/lastBackup';
import { copyText } from './clipboard';

/** Pengaturan › Info & log (any signed-in user): versions, folders, sizes, and a summary to copy. */
export function InfoPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const info = useQuery({
    queryKey: ['system.info'],
    queryFn: () => call('system.info'),
    staleTime: 0,
  });

  async function copy(text: string) {
    const ok = await copyText(text);
    notifications.show(
      ok
        ? { color: 'teal', message: t('system.copied') }
        : { color: 'orange', message: t('system.copyFailed') },
    );
  }

  const d = info.data;
  const rows: [string, string][] = d
    ? [
        [t('home.version'), d.appVersion],
        [t('home.schema'), String(d.schemaVersion)],
        [
          t('home.runtime'),
          d.runtime === 'electron' ? t('home.runtime.electron') : t('home.runtime.harness'),
        ],
        [t('home.dataDir'), d.dataDir],
        [t('home.dbFile'), d.dbFile],
        [t('system.dbSize'), formatBytes(d.databaseBytes, locale)],
        [t('system.logDir'), d.logDir],
        [
          t('system.lastBackup'),
          d.lastBackup
            ? `${shortDateTime(d.lastBackup.createdAt)} (${ageLabel(t, d.lastBackup.createdAt)}) · ${t(`backup.kind.${d.lastBackup.kind}`)}`
            : t('backup.last.none'),
        ],
      ]
    : [];

  return (
    <div>
      <PageHeader title={t('system.title')} />
      {info.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {info.isError && (
        <Alert color="red" title={t('error.title')}>
          {info.error.message}
        </Alert>
      )}
      {d && (
        <SimpleGrid cols={2} spacing="md">
          <Card withBorder>
            <Table variant="vertical" layout="fixed" withTableBorder data-testid="system-info">
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={190}>{label}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt="sm">
              {t('system.logs.help')}
            </Text>
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={2} size="h4">
                {t('system.diagnostics')}
              </Title>
              <Button
                variant="light"
                leftSection={<IconCopy size={16} />}
                onClick={() => void copy(d.diagnostics)}
              >
                {t('system.copy')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {t('system.diagnostics.help')}
            </Text>
            <Textarea
              aria-label={t('system.diagnostics')}
              readOnly
              value={d.diagnostics}
              autosize
              minRows={12}
              maxRows={18}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre' } }}
            />
          </Card>
        </SimpleGrid>
      )}
    </div>
  );
}
