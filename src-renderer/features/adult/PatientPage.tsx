import {
  ActionIcon,
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
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type {
  AdultKontrolRow,
  AdultPatientRow,
  AdultPersonSummary,
  PersonDetail,
} from '@shared/contract';
import {
  ADHERENCE_LABELS,
  COMPLICATION_LABELS,
  DIAGNOSIS_PLACE_LABELS,
  END_REASON_LABELS,
  GLUCOSE_TEST_SHORT,
  HT_CONTROL_SETS,
  ICD10_LABELS,
  MEDICINE_LABELS,
  PROGRAM_LABELS,
  type FollowUpProgram,
} from '@shared/domain/adult';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { fullAgeText } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { DeleteRecordModal } from './DeleteRecordModal';
import {
  CONTROL_COLORS,
  dmy,
  num,
  useCanWrite,
  useControlLabel,
  useInvalidateAdult,
  useResultLabel,
} from './hooks';
import { KontrolFormModal } from './KontrolFormModal';
import { PatientFormModal, type PatientFormMode } from './PatientFormModal';
import { AdultTrends } from './AdultTrends';

/** A penderita's page: the registers they are in, the kontrol visits, and the trend. */
export function PatientPage({ personId }: { personId: string }) {
  const person = useQuery({
    queryKey: ['persons.get', personId],
    queryFn: () => call('persons.get', { id: personId }),
  });
  const summary = useQuery({
    queryKey: ['adult.person.summary', personId],
    queryFn: () => call('adult.person.summary', { personId }),
  });
  if (person.isError) return <Alert color="red">{person.error.message}</Alert>;
  if (summary.isError) return <Alert color="red">{summary.error.message}</Alert>;
  if (!person.data || !summary.data) return <Loader />;
  return <Patient person={person.data} summary={summary.data} />;
}

function RegisterCard({
  row,
  onEdit,
  canWrite,
}: {
  row: AdultPatientRow;
  onEdit: (mode: PatientFormMode | 'reopen' | 'delete') => void;
  canWrite: boolean;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const controlLabel = useControlLabel();
  const setTitle =
    row.program === 'ht'
      ? (HT_CONTROL_SETS.find((s) => s.id === row.controlSetId)?.title ?? row.controlSetId)
      : row.controlSetId;
  return (
    <Card withBorder padding="sm" data-testid={`register-${row.program}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={2} size="h5">
            {PROGRAM_LABELS[row.program][locale]}{' '}
            <Text span size="sm" c="dimmed">
              {row.icd10} · {ICD10_LABELS[row.icd10]?.[locale]}
            </Text>
          </Title>
          <Text size="sm">
            {t('adult.patient.since', { date: dmy(row.diagnosedOn) })} ·{' '}
            {DIAGNOSIS_PLACE_LABELS[row.diagnosedPlace][locale]}
          </Text>
        </div>
        {row.endedOn ? (
          <Badge color="gray" variant="outline" size="lg" tt="none">
            {t('adult.patient.ended', {
              date: dmy(row.endedOn),
              reason: row.endReason ? END_REASON_LABELS[row.endReason][locale] : '',
            })}
          </Badge>
        ) : (
          <Badge
            color={CONTROL_COLORS[row.control]}
            size="lg"
            data-testid={`control-${row.program}`}
          >
            {controlLabel(row.control)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('adult.patient.controlSet', { set: setTitle })}
        {row.controlBasedOn.length > 0 &&
          ` — ${t('adult.patient.controlBasis', { dates: row.controlBasedOn.map(dmy).join(', ') })}`}
      </Text>
      <Group gap="xs" mt={6}>
        <Text size="sm">
          {t('adult.patient.lastVisit')}:{' '}
          {row.lastVisitOn ? dmy(row.lastVisitOn) : t('adult.patient.never')}
        </Text>
        {!row.endedOn && !row.kontrolBulanIni && (
          <Badge color="orange" variant="light" tt="none">
            {t('adult.worklist.belumKontrol')}
          </Badge>
        )}
        {row.mangkir && (
          <Badge color="red" variant="filled" tt="none">
            {t('adult.patient.missed', { months: row.missedMonths })}
          </Badge>
        )}
      </Group>
      {canWrite && (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" variant="default" onClick={() => onEdit('edit')}>
            {t('adult.edit')}
          </Button>
          {row.endedOn ? (
            <Button size="compact-sm" variant="default" onClick={() => onEdit('reopen')}>
              {t('adult.patient.reopen')}
            </Button>
          ) : (
            <Button size="compact-sm" variant="default" onClick={() => onEdit('end')}>
              {t('adult.patient.end')}
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onEdit('delete')}>
            {t('adult.delete')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Patient({ person, summary }: { person: PersonDetail; summary: AdultPersonSummary }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const invalidate = useInvalidateAdult();
  const resultLabel = useResultLabel();
  const [kontrol, setKontrol] = useState<{ existing?: AdultKontrolRow } | null>(null);
  const [patientForm, setPatientForm] = useState<{
    program: FollowUpProgram;
    mode: PatientFormMode;
    existing?: AdultPatientRow;
  } | null>(null);
  const [deleting, setDeleting] = useState<{
    channel: 'adult.kontrol.delete' | 'adult.patient.delete';
    record: { id: string; version: number };
  } | null>(null);
  const active = summary.patients.filter((p) => !p.endedOn);
  const registeredPrograms = new Set(active.map((p) => p.program));

  useHotkeys([['alt+k', () => canWrite && active.length > 0 && setKontrol({})]]);

  async function reopen(row: AdultPatientRow) {
    const result = await invoke('adult.patient.update', {
      id: row.id,
      version: row.version,
      patient: {
        program: row.program,
        icd10: row.icd10,
        diagnosedOn: row.diagnosedOn,
        diagnosedPlace: row.diagnosedPlace,
        screeningId: row.screeningId,
        performerId: row.performerId,
        notes: row.notes,
        endedOn: null,
        endReason: null,
      },
    });
    if (!result.ok) notifications.show({ color: 'red', message: result.error.message });
    else invalidate();
  }

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('adult.kontrol.for', { name: person.name })}
        actions={
          <Group gap="xs">
            <Anchor component={Link} href={`~/penduduk/${person.id}`} size="sm">
              {t(`sex.${person.sex}`)} · {fullAgeText(t, person.birthDate, summary.asOf)} ·{' '}
              {person.desaName ?? t('adult.luar')}
            </Anchor>
            {canWrite && active.length > 0 && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setKontrol({})}>
                {t('adult.kontrol.add')} (Alt+K)
              </Button>
            )}
          </Group>
        }
      />
      {summary.patients.length === 0 && (
        <Alert color="gray" variant="light">
          {t('adult.kontrol.notRegistered')}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="sm">
        {summary.patients.map((row) => (
          <RegisterCard
            key={row.id}
            row={row}
            canWrite={canWrite}
            onEdit={(mode) => {
              if (mode === 'reopen') void reopen(row);
              else if (mode === 'delete')
                setDeleting({ channel: 'adult.patient.delete', record: row });
              else setPatientForm({ program: row.program, mode, existing: row });
            }}
          />
        ))}
        {canWrite &&
          (['ht', 'dm'] as const)
            .filter((p) => !registeredPrograms.has(p))
            .map((p) => (
              <Card withBorder padding="sm" key={p} style={{ borderStyle: 'dashed' }}>
                <Text size="sm" c="dimmed" mb="xs">
                  {PROGRAM_LABELS[p][locale]}
                </Text>
                <Button
                  variant="light"
                  onClick={() => setPatientForm({ program: p, mode: 'create' })}
                >
                  {t('adult.patient.confirm', { program: PROGRAM_LABELS[p][locale].toLowerCase() })}
                </Button>
              </Card>
            ))}
      </SimpleGrid>
      <AdultTrends trend={summary.trend} />
      <Card withBorder padding="sm">
        <Title order={2} size="h5" mb="xs">
          {t('adult.kontrol.title')}
        </Title>
        {summary.kontrol.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('adult.kontrol.empty')}
          </Text>
        ) : (
          <Table striped verticalSpacing={4} fz="sm" data-testid="kontrol-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adult.col.date')}</Table.Th>
                <Table.Th>{t('adult.col.bp')}</Table.Th>
                <Table.Th>{t('adult.col.glucose')}</Table.Th>
                <Table.Th>{t('adult.col.medicine')}</Table.Th>
                <Table.Th>{t('adult.col.adherence')}</Table.Th>
                <Table.Th>{t('adult.f.komplikasi')}</Table.Th>
                <Table.Th w={70} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.kontrol.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dmy(k.visitOn)}</Table.Td>
                  <Table.Td>
                    {k.systolic !== null ? (
                      <>
                        {k.systolic}/{k.diastolic}{' '}
                        <Text span size="xs" c="dimmed">
                          {resultLabel(k.tdCode)}
                        </Text>
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {[
                      k.gulaTest && k.gulaValue !== null
                        ? `${GLUCOSE_TEST_SHORT[k.gulaTest][locale]} ${num(k.gulaValue)}`
                        : null,
                      k.hba1c !== null ? `HbA1c ${num(k.hba1c)} %` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    {[...k.obat.map((m) => MEDICINE_LABELS[m][locale]), k.obatLain]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>{k.kepatuhan ? ADHERENCE_LABELS[k.kepatuhan][locale] : '—'}</Table.Td>
                  <Table.Td>
                    {k.komplikasi.map((c) => COMPLICATION_LABELS[c][locale]).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('adult.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('adult.edit')} ${dmy(k.visitOn)}`}
                            onClick={() => setKontrol({ existing: k })}
                          >
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('adult.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('adult.delete')} ${dmy(k.visitOn)}`}
                            onClick={() =>
                              setDeleting({ channel: 'adult.kontrol.delete', record: k })
                            }
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {kontrol && (
        <KontrolFormModal
          opened
          onClose={() => setKontrol(null)}
          personId={person.id}
          personName={person.name}
          patients={summary.patients}
          visits={summary.kontrol}
          existing={kontrol.existing}
          asOf={summary.asOf}
        />
      )}
      {patientForm && (
        <PatientFormModal
          opened
          onClose={() => setPatientForm(null)}
          personId={person.id}
          program={patientForm.program}
          mode={patientForm.mode}
          existing={patientForm.existing}
        />
      )}
      {deleting && (
        <DeleteRecordModal
          opened
          onClose={() => setDeleting(null)}
          channel={deleting.channel}
          record={deleting.record}
        />
      )}
    </Stack>
  );
}
