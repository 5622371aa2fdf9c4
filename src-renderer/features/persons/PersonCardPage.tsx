import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { PersonDetail, PersonRow } from '@shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { ageText, fullAgeText, shortDate, shortDateTime, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { PERSON_TABS } from './tabs';

function PersonLinks({ people, today }: { people: PersonRow[]; today: string }) {
  const t = useT();
  return (
    <Table>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor component={Link} href={`/penduduk/${p.id}`}>
                {p.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`sex.${p.sex}`)}</Table.Td>
            <Table.Td>
              {shortDate(p.birthDate)} ({ageText(t, p.birthDate, today)})
            </Table.Td>
            <Table.Td>{p.nik ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The person card: identity, household, and one tab per cluster. */
export function PersonCardPage({ id }: { id: string }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const role = useAuthStatus().data?.user?.role;
  const card = useQuery({
    queryKey: ['persons.card', id],
    queryFn: () => call('persons.card', { id }),
    // Always fresh when opened: another screen or an import may have changed the household.
    staleTime: 0,
  });
  const [deleting, setDeleting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [today] = useState(todayLocal);
  const canWrite = role === 'admin' || role === 'petugas';

  useHotkeys([['alt+e', () => canWrite && navigate(`/penduduk/${id}/ubah`)]]);

  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  const { person, household, mother, children } = card.data;

  function refresh(updated: PersonDetail) {
    queryClient.setQueryData(['persons.get', id], updated);
    void queryClient.invalidateQueries({ queryKey: ['persons.card', id] });
    void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
  }

  async function remove() {
    const result = await invoke('persons.delete', { id, version: person.version, reason });
    if (!result.ok) return setError(result.error.message);
    setDeleting(false);
    setReason('');
    refresh(result.value);
    notifications.show({ color: 'teal', message: t('person.deleted') });
  }

  async function restore() {
    const result = await invoke('persons.restore', { id, version: person.version });
    if (!result.ok) return setError(result.error.message);
    refresh(result.value);
    notifications.show({ color: 'teal', message: t('person.restored') });
  }

  const identity: [string, string][] = [
    [
      t('field.nik'),
      person.nik ??
        (person.nikIbu
          ? `${t('persons.noNik')} (${t('field.nikIbu')} ${person.nikIbu})`
          : t('persons.noNik')),
    ],
    [t('field.noKk'), person.noKk ?? '—'],
    [t('field.sex'), t(`sex.${person.sex}`)],
    [
      t('field.birthDate'),
      `${shortDate(person.birthDate)}${person.birthDateEstimated ? ' (perkiraan)' : ''} — ${fullAgeText(t, person.birthDate, today)}`,
    ],
    [t('field.birthPlace'), person.birthPlace ?? '—'],
    [t('field.desaId'), person.desaName ?? `${t('person.luar')}: ${person.outsideAddress ?? ''}`],
    [
      `${t('field.rt')}/${t('field.rw')}`,
      person.rt || person.rw ? `${person.rt ?? '-'}/${person.rw ?? '-'}` : '—',
    ],
    [t('field.address'), person.address ?? '—'],
    [t('field.posyanduId'), person.posyanduName ?? '—'],
    [t('field.phone'), person.phone ?? '—'],
    [t('field.bpjsNo'), person.bpjsNo ?? '—'],
    [t('field.notes'), person.notes ?? '—'],
  ];
  const tabs = PERSON_TABS.filter((tab) => tab.appliesTo(person, today));

  return (
    <Stack gap="sm">
      <PageHeader
        title={person.name}
        actions={
          <Group gap="xs">
            {canWrite && !person.deletedAt && (
              <Button
                leftSection={<IconEdit size={16} />}
                onClick={() => navigate(`/penduduk/${id}/ubah`)}
              >
                {t('person.action.edit')} (Alt+E)
              </Button>
            )}
            {canWrite && !person.deletedAt && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDeleting(true)}
              >
                {t('person.action.delete')}
              </Button>
            )}
            {role === 'admin' && person.deletedAt && (
              <Button
                variant="light"
                leftSection={<IconRestore size={16} />}
                onClick={() => void restore()}
              >
                {t('person.action.restore')}
              </Button>
            )}
          </Group>
        }
      />
      {person.deletedAt && (
        <Alert color="red" variant="light">
          {t('person.card.deleted', {
            at: shortDateTime(person.deletedAt),
            reason: person.deleteReason ?? '—',
          })}
        </Alert>
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="md">
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('person.card.identity')}
          </Title>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {identity.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={150}>{label}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {t('person.card.updated', {
              at: shortDateTime(person.updatedAt),
              user: person.updatedBy ?? t('audit.system'),
            })}
          </Text>
        </Card>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              {t('person.card.household')}
            </Title>
            {!person.noKk ? (
              <Text size="sm" c="dimmed">
                {t('person.card.noKk')}
              </Text>
            ) : household.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('person.card.householdNone')}
              </Text>
            ) : (
              <PersonLinks people={household} today={today} />
            )}
          </Card>
          {(mother || children.length > 0) && (
            <Card withBorder>
              {mother && (
                <>
                  <Title order={2} size="h5" mb="xs">
                    {t('person.card.mother')}
                  </Title>
                  <PersonLinks people={[mother]} today={today} />
                </>
              )}
              {children.length > 0 && (
                <>
                  <Title order={2} size="h5" my="xs">
                    {t('person.card.children')}
                  </Title>
                  <PersonLinks people={children} today={today} />
                </>
              )}
            </Card>
          )}
        </Stack>
      </SimpleGrid>
      {tabs.length > 0 && (
        <Tabs defaultValue={tabs[0]!.id} keepMounted={false}>
          <Tabs.List>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id}>
                {t(tab.label)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.id} value={tab.id} pt="sm">
              {tab.Panel ? (
                <tab.Panel person={person} />
              ) : (
                <Card withBorder>
                  <Text size="sm">{t('person.tab.empty', { cluster: t(tab.label) })}</Text>
                  <Badge mt="xs" variant="light" color="gray">
                    {t('person.tab.pending')}
                  </Badge>
                </Card>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}

      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('person.delete.title')}>
        <Text size="sm" mb="sm">
          {t('person.delete.body')}
        </Text>
        <Textarea
          label={t('field.reason')}
          autoFocus
          withAsterisk
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!reason.trim()} onClick={() => void remove()}>
            {t('person.action.delete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
