import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPill, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import type { PersonDetail } from '@shared/contract';
import {
  KB_DUE_LABELS,
  KB_METHODS,
  KB_STATUSES,
  PREGNANCY_OUTCOMES,
} from '@shared/domain/maternal';
import { call } from '../../lib/api';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { FlagBadges, gaShort, useLocale } from './ui';

/** The person card's Klaster 2 · Ibu tab: pregnancies, the current episode, KB and Td. */
export function MotherTab({ person }: { person: PersonDetail }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const role = useAuthStatus().data?.user?.role;
  const canWrite = (role === 'admin' || role === 'petugas') && !person.deletedAt;
  const data = useQuery({
    queryKey: ['maternal.person', person.id],
    queryFn: () => call('maternal.person', { personId: person.id }),
    staleTime: 0,
  });
  if (!data.data) return <Loader size="sm" />;
  const { pregnancies, openPregnancyId, kb, kbDue, td } = data.data;
  const current = pregnancies.find((p) => p.id === openPregnancyId);
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {t('tab.ibu.pregnancies')}
          </Title>
          {canWrite && !openPregnancyId && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => navigate(`/klaster-2/ibu/kehamilan/baru?ibu=${person.id}`)}
            >
              {t('kohort.register')}
            </Button>
          )}
        </Group>
        {current && (
          <Card withBorder bg="teal.0" mb="xs" p="xs">
            <Text size="sm" fw={600}>
              {t('tab.ibu.current')}: UK {gaShort(current.gaToday)} · HPL {shortDate(current.hpl)} ·{' '}
              {t('tab.ibu.contacts', { count: current.ancCount })}
            </Text>
            {current.nextVisit && (
              <Text size="sm">
                {t('card.nextVisit')}: {shortDate(current.nextVisit)}
              </Text>
            )}
            {current.flags.length > 0 && <FlagBadges flags={current.flags} size="xs" />}
            <Anchor component={Link} href={`/klaster-2/ibu/kehamilan/${current.id}`} size="sm">
              {t('tab.ibu.open')}
            </Anchor>
          </Card>
        )}
        {pregnancies.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tab.ibu.none')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {pregnancies.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/klaster-2/ibu/kehamilan/${p.id}`}>
                      HPL {shortDate(p.hpl)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    G{p.gravida}P{p.para}A{p.abortus}
                  </Table.Td>
                  <Table.Td>
                    {p.outcome ? (
                      `${PREGNANCY_OUTCOMES[p.outcome][locale]} · ${t('tab.ibu.ended', { date: shortDate(p.endedOn) })}`
                    ) : (
                      <Badge variant="light">{t('card.status.open')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t('tab.ibu.contacts', { count: p.ancCount })}
                    {p.ancComplete && ' · K6 ✓'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Stack gap="sm">
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              {t('tab.ibu.kb')}
            </Title>
            {canWrite && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPill size={14} />}
                onClick={() => navigate(`/klaster-2/ibu/kb/${person.id}/baru`)}
              >
                {t('kb.new')}
              </Button>
            )}
          </Group>
          {kbDue?.nextVisit && (
            <Text size="sm" c={kbDue.status === 'TERLAMBAT' ? 'red.8' : undefined} mb={4}>
              {t('tab.ibu.kbDue', {
                date: shortDate(kbDue.nextVisit),
                status: KB_DUE_LABELS[kbDue.status][locale],
              })}
            </Text>
          )}
          {kb.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tab.ibu.kbNone')}
            </Text>
          ) : (
            kb.slice(0, 6).map((k) => (
              <Text key={k.id} size="sm">
                <Anchor component={Link} href={`/klaster-2/ibu/kb/${person.id}/${k.id}`} size="sm">
                  {shortDate(k.visitDate)}
                </Anchor>{' '}
                · {KB_METHODS[k.method][locale]} · {KB_STATUSES[k.status][locale]}
                {k.pascasalin && ' · pascasalin'}
              </Text>
            ))
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('card.td')}: {td.status}
          </Title>
          {td.doses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('card.tdHistory.none')}
            </Text>
          ) : (
            td.doses.map((d, i) => (
              <Text key={`${d.date}-${i}`} size="sm" c={d.counted ? undefined : 'orange.8'}>
                {shortDate(d.date)} · {d.reached ?? '—'}
                {!d.counted && ` — ${d.message}`}
              </Text>
            ))
          )}
        </Card>
      </Stack>
    </SimpleGrid>
  );
}
