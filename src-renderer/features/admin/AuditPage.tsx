import { Code, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';

const PAGE = 50;
const TABLES = ['person', 'desa', 'posyandu', 'app_user', 'facility', 'settings'];

/** Admin: who changed what, filtered by user, table and date. */
export function AuditPage() {
  const t = useT();
  const [userId, setUserId] = useState<string | null>(null);
  const [table, setTable] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => call('users.list') });
  const filter = {
    userId: userId ?? undefined,
    table: table ?? undefined,
    from: from || undefined,
    to: to || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const log = useQuery({
    queryKey: ['audit.list', filter],
    queryFn: () => call('audit.list', filter),
    placeholderData: keepPreviousData,
  });
  const total = log.data?.total ?? 0;
  return (
    <Stack gap="sm">
      <PageHeader title={t('audit.title')} />
      <Group align="flex-end">
        <Select
          label={t('field.userId')}
          clearable
          w={200}
          value={userId}
          onChange={(v) => {
            setUserId(v);
            setPage(1);
          }}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.username }))}
        />
        <Select
          label={t('field.table')}
          clearable
          w={170}
          value={table}
          onChange={(v) => {
            setTable(v);
            setPage(1);
          }}
          data={TABLES}
        />
        <TextInput
          type="date"
          label={t('field.from')}
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          type="date"
          label={t('field.to')}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Text size="sm" c="dimmed" ml="auto">
          {t('audit.count', { count: total })}
        </Text>
      </Group>
      <Table striped withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>{t('audit.at')}</Table.Th>
            <Table.Th w={110}>{t('audit.user')}</Table.Th>
            <Table.Th w={110}>{t('audit.action')}</Table.Th>
            <Table.Th w={100}>{t('audit.table')}</Table.Th>
            <Table.Th>{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {total === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" size="sm">
                  {t('audit.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {(log.data?.rows ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{shortDateTime(r.at)}</Table.Td>
              <Table.Td>{r.username ?? t('audit.system')}</Table.Td>
              <Table.Td>{r.action}</Table.Td>
              <Table.Td>{r.table}</Table.Td>
              <Table.Td>
                <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 90, overflow: 'auto' }}>
                  {r.changes ?? '—'}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > PAGE && (
        <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
