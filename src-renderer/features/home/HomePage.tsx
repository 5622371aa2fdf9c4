import { Alert, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { LastBackupCard } from '../backup/LastBackupCard';

export function HomePage() {
  const t = useT();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';

  return (
    <Stack>
      <PageHeader title={t('home.title')} />
      <Card withBorder maw={820}>
        <Title order={2} size="h4">
          {t('home.welcome')}
        </Title>
        <Text mt="xs">{t('home.intro')}</Text>
      </Card>
      {isAdmin && <LastBackupCard />}
      <Card withBorder maw={820}>
        <Title order={2} size="h4" mb="sm">
          {t('home.system')}
        </Title>
        {info.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {info.isError && (
          <Alert color="red" title={t('error.title')}>
            {info.error.message}
          </Alert>
        )}
        {info.data && (
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={220}>{t('home.version')}</Table.Th>
                <Table.Td>{info.data.appVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.schema')}</Table.Th>
                <Table.Td data-testid="schema-version">{info.data.schemaVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.runtime')}</Table.Th>
                <Table.Td>
                  {info.data.runtime === 'electron'
                    ? t('home.runtime.electron')
                    : t('home.runtime.harness')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.dbFile')}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{info.data.dbFile}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
