import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BundleExportRow } from '@shared/contract';
import { call, invoke } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { CopyText, periodLabel } from './shared';

/** The bundles made, newest first, with their hashes; an admin marks them received by Dinkes. */
export function HistoryPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const queryClient = useQueryClient();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const history = useQuery({ queryKey: ['bundle.history'], queryFn: () => call('bundle.history') });
  const [confirming, setConfirming] = useState<BundleExportRow | null>(null);
  const [busy, setBusy] = useState(false);

  async function acknowledge(row: BundleExportRow) {
    setBusy(true);
    const r = await invoke('bundle.acknowledge', { id: row.id, version: row.version });
    setBusy(false);
    setConfirming(null);
    if (!r.ok) {
      notifications.show({ color: 'red', message: r.error.message });
      return;
    }
    notifications.show({ color: 'teal', message: t('bundle.ack.done') });
    void queryClient.invalidateQueries({ queryKey: ['bundle.history'] });
    void queryClient.invalidateQueries({ queryKey: ['bundle.preflight'] });
  }

  if (history.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  const rows = history.data.rows;

  return (
    <Card withBorder p={0}>
      {rows.length === 0 ? (
        <Text c="dimmed" p="lg" ta="center">
          {t('bundle.history.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover verticalSpacing={6} aria-label={t('bundle.tab.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bundle.history.col.period')}</Table.Th>
                <Table.Th ta="center">{t('bundle.history.col.revision')}</Table.Th>
                <Table.Th>{t('bundle.history.col.file')}</Table.Th>
                <Table.Th>{t('bundle.history.col.created')}</Table.Th>
                <Table.Th ta="right">{t('bundle.history.col.records')}</Table.Th>
                <Table.Th>{t('bundle.history.col.sha')}</Table.Th>
                <Table.Th>{t('bundle.history.col.saved')}</Table.Th>
                <Table.Th>{t('bundle.history.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {periodLabel(r.period, locale)}
                  </Table.Td>
                  <Table.Td ta="center">r{r.revision}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {r.fileName}
                    </Text>
                    {r.lock === 'passphrase' && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('bundle.history.passphraseLock')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{shortDateTime(r.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {r.createdBy ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{r.records.toLocaleString('id-ID')}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={r.sha256} multiline w={300} withArrow>
                        <Text size="sm" ff="monospace">
                          {r.sha256.slice(0, 12)}…
                        </Text>
                      </Tooltip>
                      <CopyText value={r.sha256} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      style={{ wordBreak: 'break-all' }}
                      c={r.savedTo ? undefined : 'dimmed'}
                    >
                      {r.savedTo ?? t('bundle.history.downloaded')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.acknowledgedAt ? (
                      <Badge
                        color="teal"
                        variant="light"
                        leftSection={<IconCircleCheck size={12} />}
                      >
                        {t('bundle.history.received', {
                          date: shortDateTime(r.acknowledgedAt).slice(0, 10),
                        })}
                      </Badge>
                    ) : isAdmin ? (
                      <Button size="xs" variant="light" onClick={() => setConfirming(r)}>
                        {t('bundle.ack')}
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('bundle.history.waiting')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('bundle.ack.title')}
      >
        {confirming && (
          <Stack>
            <Text size="sm">{t('bundle.ack.body', { file: confirming.fileName })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('common.cancel')} (Esc)
              </Button>
              <Button data-autofocus loading={busy} onClick={() => void acknowledge(confirming)}>
                {t('bundle.ack')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
