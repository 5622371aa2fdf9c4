import { Alert, Badge, Card, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PuskesmasRow } from '@shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { Fingerprint, KeyText, periodLabel } from '../bundle/shared';

function Detail({ row }: { row: PuskesmasRow }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const imports = useQuery({
    queryKey: ['dinkes.imports', row.id],
    queryFn: () => call('dinkes.imports', { puskesmasId: row.id, limit: 100, offset: 0 }),
  });
  return (
    <Stack gap="xs">
      <Fingerprint value={row.fingerprint} label={t('keys.fingerprint')} />
      <Text size="sm">
        {t('keys.keyId')}:{' '}
        <Text span ff="monospace">
          {row.keyId}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {t('keys.publicKey')}
      </Text>
      <KeyText value={row.publicKey} />
      <Text size="sm">
        {t('registry.col.confirmed')}: {shortDateTime(row.confirmedAt)}
        {row.confirmedBy ? ` (${row.confirmedBy})` : ''}
      </Text>
      {Object.keys(row.codes).length > 0 && (
        <Text size="sm">
          {t('registry.detail.codes')}:{' '}
          {Object.entries(row.codes)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
        </Text>
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('registry.detail.imports')}
      </Text>
      <Table verticalSpacing={4} striped>
        <Table.Tbody>
          {(imports.data?.rows ?? []).map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{periodLabel(i.period, locale)}</Table.Td>
              <Table.Td>r{i.revision}</Table.Td>
              <Table.Td>{shortDateTime(i.receivedAt)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={i.status === 'applied' ? 'teal' : 'gray'}>
                  {t(`import.status.${i.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The puskesmas Dinkes knows, with the signing key confirmed for each. */
export function PuskesmasPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const registry = useQuery({
    queryKey: ['dinkes.puskesmas'],
    queryFn: () => call('dinkes.puskesmas'),
  });
  const [open, setOpen] = useState<PuskesmasRow | null>(null);
  return (
    <Stack gap="sm">
      <PageHeader title={t('registry.title')} />
      {registry.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {registry.isError && <Alert color="red">{registry.error.message}</Alert>}
      {registry.data && (
        <Card withBorder p={0}>
          {registry.data.rows.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              {t('registry.empty')}
            </Text>
          ) : (
            <Table striped highlightOnHover verticalSpacing={6} aria-label={t('registry.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.col.kode')}</Table.Th>
                  <Table.Th>{t('registry.col.name')}</Table.Th>
                  <Table.Th>{t('registry.col.fingerprint')}</Table.Th>
                  <Table.Th>{t('registry.col.confirmed')}</Table.Th>
                  <Table.Th ta="right">{t('registry.col.bundles')}</Table.Th>
                  <Table.Th ta="right">{t('registry.col.records')}</Table.Th>
                  <Table.Th>{t('registry.col.last')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {registry.data.rows.map((r) => (
                  <Table.Tr
                    key={r.id}
                    onClick={() => setOpen(r)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') setOpen(r);
                    }}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td ff="monospace">{r.kode}</Table.Td>
                    <Table.Td fw={500}>{r.name}</Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {r.fingerprint}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {shortDateTime(r.confirmedAt)}
                    </Table.Td>
                    <Table.Td ta="right">{r.bundles}</Table.Td>
                    <Table.Td ta="right">{r.records.toLocaleString('id-ID')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {r.lastPeriod ? (
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm">{periodLabel(r.lastPeriod, locale)}</Text>
                          <Text size="xs" c="dimmed">
                            r{r.lastRevision}
                          </Text>
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? `${open.name} (${open.kode})` : ''}
        size="lg"
      >
        {open && <Detail row={open} />}
      </Modal>
    </Stack>
  );
}
