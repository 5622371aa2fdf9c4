import {
  Alert,
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { PersonDetail } from '@shared/contract';
import { GLUCOSE_TEST_SHORT, PROGRAM_LABELS, SKILAS_DOMAIN_LABELS } from '@shared/domain/adult';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { AdultTrends } from './AdultTrends';
import {
  CONTROL_COLORS,
  FOLLOW_UP_COLORS,
  dmy,
  num,
  num1,
  useCanWrite,
  useControlLabel,
  useFollowUpLabel,
  useResultLabel,
} from './hooks';
import { PatientFormModal } from './PatientFormModal';
import { ResultCardView } from './ResultCardView';

/** The person card's Klaster 3 tab: last screening, registers, lansia, trends, history. */
export function AdultPersonTab({ person }: { person: PersonDetail }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const canWrite = useCanWrite() && !person.deletedAt;
  const resultLabel = useResultLabel();
  const followUpLabel = useFollowUpLabel();
  const controlLabel = useControlLabel();
  const [confirm, setConfirm] = useState<'ht' | 'dm' | null>(null);
  const summary = useQuery({
    queryKey: ['adult.person.summary', person.id],
    queryFn: () => call('adult.person.summary', { personId: person.id }),
  });
  const lastId = summary.data?.screenings[0]?.id;
  const last = useQuery({
    queryKey: ['adult.screening.get', lastId],
    enabled: !!lastId,
    queryFn: () => call('adult.screening.get', { id: lastId! }),
  });
  if (summary.isError) return <Alert color="red">{summary.error.message}</Alert>;
  if (!summary.data) return <Loader size="sm" />;
  const s = summary.data;
  const year = s.asOf.slice(0, 4);
  const registered = new Set(s.patients.filter((p) => !p.endedOn).map((p) => p.program));
  const lastLansia = s.lansia[0];
  const lastSkilas = s.lansia.find((l) => l.skilasVersion);
  const lastBarthel = s.lansia.find((l) => l.barthelVersion);

  return (
    <Stack gap="sm" data-testid="k3-tab">
      <Group justify="space-between">
        <Group gap="xs">
          <Badge color={s.ptmDue ? 'orange' : 'teal'} variant="light" size="lg" tt="none">
            {s.ptmDue ? t('adult.card.ptmDue') : t('adult.card.ptmDone')}
          </Badge>
          {s.skilasDue !== null && (
            <Badge color={s.skilasDue ? 'orange' : 'teal'} variant="light" size="lg" tt="none">
              {s.skilasDue ? t('adult.lansia.due', { year }) : t('adult.lansia.done', { year })}
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Group gap="xs">
            <Button size="sm" onClick={() => navigate(`/klaster-3/skrining/baru/${person.id}`)}>
              {t('adult.screening.new')}
            </Button>
            {s.ageYears >= 60 && (
              <Button
                size="sm"
                variant="light"
                onClick={() => navigate(`/klaster-3/lansia/baru/${person.id}`)}
              >
                {t('adult.lansia.add')}
              </Button>
            )}
            {registered.size > 0 && (
              <Button
                size="sm"
                variant="light"
                onClick={() => navigate(`/klaster-3/penderita/${person.id}`)}
              >
                {t('adult.card.openKontrol')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        {last.data ? (
          <ResultCardView
            title={`${t('adult.card.lastScreening')} — ${dmy(last.data.screenedOn)}`}
            lines={last.data.lines}
            overall={last.data.followUp}
          >
            <Anchor component={Link} href={`/klaster-3/skrining/${last.data.id}`} size="sm" mt="xs">
              {t('adult.open')}
            </Anchor>
          </ResultCardView>
        ) : (
          <Card withBorder padding="sm">
            <Title order={2} size="h5" mb={4}>
              {t('adult.card.lastScreening')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('adult.card.noScreening')}
            </Text>
          </Card>
        )}
        <Stack gap="sm">
          <Card withBorder padding="sm">
            <Title order={2} size="h5" mb={4}>
              {t('adult.card.registers')}
            </Title>
            {s.patients.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('adult.card.noRegisters')}
              </Text>
            )}
            {s.patients.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap" py={2}>
                <Anchor component={Link} href={`/klaster-3/penderita/${person.id}`} size="sm">
                  {PROGRAM_LABELS[p.program][locale]} ({p.icd10}) ·{' '}
                  {t('adult.patient.since', { date: dmy(p.diagnosedOn) })}
                </Anchor>
                {p.endedOn ? (
                  <Badge color="gray" variant="outline">
                    {t('adult.col.ended')} {dmy(p.endedOn)}
                  </Badge>
                ) : (
                  <Badge color={CONTROL_COLORS[p.control]}>{controlLabel(p.control)}</Badge>
                )}
              </Group>
            ))}
            {canWrite && (
              <Group gap="xs" mt="xs">
                {(['ht', 'dm'] as const)
                  .filter((p) => !registered.has(p))
                  .map((p) => (
                    <Button
                      key={p}
                      size="compact-sm"
                      variant="default"
                      onClick={() => setConfirm(p)}
                    >
                      {t('adult.patient.confirm', {
                        program: PROGRAM_LABELS[p][locale].toLowerCase(),
                      })}
                    </Button>
                  ))}
              </Group>
            )}
          </Card>
          {s.ageYears >= 60 && (
            <Card withBorder padding="sm">
              <Title order={2} size="h5" mb={4}>
                {t('adult.card.lansia')}
              </Title>
              {!lastLansia ? (
                <Text size="sm" c="dimmed">
                  {t('adult.card.noLansia')}
                </Text>
              ) : (
                <Stack gap={2}>
                  {lastSkilas && (
                    <Text size="sm">
                      SKILAS {dmy(lastSkilas.screenedOn)}:{' '}
                      {lastSkilas.skilasRujuk ? (
                        <Text span c="red.8" fw={600}>
                          {t('adult.rujuk')} —{' '}
                          {(lastSkilas.skilasPositive ?? [])
                            .map((d) => SKILAS_DOMAIN_LABELS[d][locale])
                            .join(', ')}
                        </Text>
                      ) : (
                        t('adult.lansia.negative')
                      )}
                    </Text>
                  )}
                  {lastBarthel && (
                    <Text size="sm">
                      ADL {dmy(lastBarthel.screenedOn)}: {lastBarthel.barthelTotal}/20 ·{' '}
                      {resultLabel(lastBarthel.barthelCode)}
                    </Text>
                  )}
                  <Anchor
                    component={Link}
                    href={`/klaster-3/lansia/catatan/${lastLansia.id}`}
                    size="sm"
                  >
                    {t('adult.open')}
                  </Anchor>
                </Stack>
              )}
            </Card>
          )}
        </Stack>
      </SimpleGrid>
      <AdultTrends trend={s.trend} />
      {s.screenings.length > 0 && (
        <Card withBorder padding="sm">
          <Title order={2} size="h5" mb={4}>
            {t('adult.card.history')}
          </Title>
          <Table verticalSpacing={3} fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adult.col.date')}</Table.Th>
                <Table.Th>{t('adult.col.bp')}</Table.Th>
                <Table.Th>{t('adult.col.glucose')}</Table.Th>
                <Table.Th>{t('adult.col.imt')}</Table.Th>
                <Table.Th>{t('adult.col.followUp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.screenings.map((r) => (
                <Table.Tr
                  key={r.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`/klaster-3/skrining/${r.id}`)}
                >
                  <Table.Td>
                    <Anchor component={Link} href={`/klaster-3/skrining/${r.id}`} size="sm">
                      {dmy(r.screenedOn)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {r.systolic !== null
                      ? `${num(r.systolic)}/${num(r.diastolic)} · ${resultLabel(r.tdCode)}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {r.gulaTest && r.gulaValue !== null
                      ? `${GLUCOSE_TEST_SHORT[r.gulaTest][locale]} ${num(r.gulaValue)} · ${resultLabel(r.gulaCode)}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {r.imt !== null ? `${num1(r.imt)} · ${resultLabel(r.imtCode)}` : '—'}
                  </Table.Td>
                  <Table.Td>
                    {r.followUp && (
                      <Badge
                        tt="none"
                        color={FOLLOW_UP_COLORS[r.followUp]}
                        variant={r.followUp === 'edukasi' ? 'light' : 'filled'}
                      >
                        {followUpLabel(r.followUp)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {confirm && (
        <PatientFormModal
          opened
          onClose={() => setConfirm(null)}
          personId={person.id}
          program={confirm}
          mode="create"
          screeningId={null}
          onSaved={() => navigate(`/klaster-3/penderita/${person.id}`)}
        />
      )}
    </Stack>
  );
}
