import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { shortDate, todayLocal } from '../../lib/format';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { posyanduOptions, usePosyanduList } from '../../lib/lookups';
import { ChildSectionHeader } from './ChildSectionTabs';
import { PrintArea, printNow } from '../../components/PrintArea';
import './child.css';

/** February and August rounds from the current one back two years. */
function recentRounds(today: string): string[] {
  const rounds: string[] = [];
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 2; y--) {
    for (const m of ['08', '02']) {
      const round = `${y}-${m}`;
      if (`${round}-01` <= today) rounds.push(round);
    }
  }
  return rounds;
}

const pct = (given: number, target: number) =>
  target === 0 ? '—' : `${Math.round((given / target) * 100)}%`;

/** Vitamin A rounds: targets and capsules given per posyandu, and who still needs one. */
export function VitaminARoundPage() {
  const t = useT();
  const [today] = useState(todayLocal);
  const rounds = recentRounds(today);
  const [round, setRound] = useState(rounds[0]!);
  const [posyanduId, setPosyanduId] = useState<string | null>(null);
  const posyandu = usePosyanduList();
  const view = useQuery({
    queryKey: ['vitaminA.round', round, posyanduId],
    queryFn: () => call('vitaminA.round', { round, posyanduId: posyanduId ?? undefined }),
  });
  const data = view.data;
  const total = (data?.rows ?? []).reduce(
    (s, r) => ({
      blueTarget: s.blueTarget + r.blueTarget,
      blueGiven: s.blueGiven + r.blueGiven,
      redTarget: s.redTarget + r.redTarget,
      redGiven: s.redGiven + r.redGiven,
    }),
    { blueTarget: 0, blueGiven: 0, redTarget: 0, redGiven: 0 },
  );
  const cells = (r: typeof total) => (
    <>
      <Table.Td ta="right">
        {t('child.round.targetGiven', { given: r.blueGiven, target: r.blueTarget })}
      </Table.Td>
      <Table.Td ta="right">{pct(r.blueGiven, r.blueTarget)}</Table.Td>
      <Table.Td ta="right">
        {t('child.round.targetGiven', { given: r.redGiven, target: r.redTarget })}
      </Table.Td>
      <Table.Td ta="right">{pct(r.redGiven, r.redTarget)}</Table.Td>
    </>
  );
  const table = data && (
    <Table striped withTableBorder fz="sm" data-testid="round-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('child.round.col.posyandu')}</Table.Th>
          <Table.Th ta="right">{t('child.round.col.blue')}</Table.Th>
          <Table.Th ta="right">{t('child.round.coverage')}</Table.Th>
          <Table.Th ta="right">{t('child.round.col.red')}</Table.Th>
          <Table.Th ta="right">{t('child.round.coverage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((r) => (
          <Table.Tr key={r.posyanduId ?? 'none'}>
            <Table.Td>
              {r.posyanduName
                ? `${r.posyanduName} — ${r.desaName ?? ''}`
                : t('child.round.noPosyandu')}
            </Table.Td>
            {cells(r)}
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>{t('child.round.total')}</Table.Td>
          {cells(total)}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack gap="xs">
      <ChildSectionHeader
        actions={
          <Button
            variant="light"
            leftSection={<IconPrinter size={16} />}
            disabled={!data}
            onClick={() => printNow()}
          >
            {t('child.sasaran.print')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('child.round.pick')}
          w={160}
          value={round}
          allowDeselect={false}
          onChange={(v) => v && setRound(v)}
          data={rounds}
        />
        <Select
          label={t('child.filter.posyandu')}
          w={280}
          clearable
          searchable
          placeholder={t('child.filter.allPosyandu')}
          value={posyanduId}
          onChange={setPosyanduId}
          data={posyanduOptions(posyandu.data)}
        />
      </Group>
      {view.isError ? (
        <Alert color="red">{view.error.message}</Alert>
      ) : !data ? (
        <Loader />
      ) : data.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('child.round.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('child.round.ageOn', { date: shortDate(data.ageOn) })}
          </Text>
          {table}
          <Title order={3} size="h5" mt="xs">
            {t('child.round.missing', { count: data.missingTotal })}
          </Title>
          {data.missing.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('child.round.missingEmpty')}
            </Text>
          ) : (
            <Table fz="sm" striped withTableBorder data-testid="round-missing">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('child.col.name')}</Table.Th>
                  <Table.Th w={110}>{t('child.col.birthDate')}</Table.Th>
                  <Table.Th w={90}>{t('child.col.capsule')}</Table.Th>
                  <Table.Th>{t('child.col.posyandu')}</Table.Th>
                  <Table.Th w={90}>{t('child.col.rtrw')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.missing.map((m) => (
                  <Table.Tr key={m.personId}>
                    <Table.Td>
                      <Anchor component={Link} href={`/${m.personId}`} size="sm">
                        {m.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{shortDate(m.birthDate)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <span
                          style={{
                            display: 'inline-block',
                            width: 10,
                            height: 10,
                            borderRadius: 5,
                            background: m.capsule === 'blue' ? '#1971c2' : '#e03131',
                          }}
                        />
                        {t(`child.capsule.short.${m.capsule}`)}
                      </Group>
                    </Table.Td>
                    <Table.Td>{m.posyanduName ?? t('child.round.noPosyandu')}</Table.Td>
                    <Table.Td>{m.rt || m.rw ? `${m.rt ?? '-'}/${m.rw ?? '-'}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.missingTotal > data.missing.length && (
            <Text size="xs" c="dimmed">
              {t('child.round.missingMore', { count: data.missingTotal })}
            </Text>
          )}
        </Stack>
      )}
      {data && (
        <PrintArea>
          <h1>
            {t('child.round.title')} {data.round}
          </h1>
          <p>{t('child.round.ageOn', { date: shortDate(data.ageOn) })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('child.round.col.posyandu')}</th>
                <th>{t('child.round.col.blue')}</th>
                <th>{t('child.round.coverage')}</th>
                <th>{t('child.round.col.red')}</th>
                <th>{t('child.round.coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...data.rows,
                {
                  ...total,
                  posyanduId: 'total',
                  posyanduName: t('child.round.total'),
                  desaName: null,
                },
              ].map((r) => (
                <tr key={r.posyanduId ?? 'none'}>
                  <td>{r.posyanduName ?? t('child.round.noPosyandu')}</td>
                  <td>{`${r.blueGiven} / ${r.blueTarget}`}</td>
                  <td>{pct(r.blueGiven, r.blueTarget)}</td>
                  <td>{`${r.redGiven} / ${r.redTarget}`}</td>
                  <td>{pct(r.redGiven, r.redTarget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </PrintArea>
      )}
    </Stack>
  );
}
