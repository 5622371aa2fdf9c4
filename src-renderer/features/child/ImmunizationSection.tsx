import {
  ActionIcon,
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  doseInput,
  type ChildCard,
  type DoseInput,
  type DueDoseDto,
  type ImmunizationRow,
} from '@shared/contract';
import { SERVICE_PLACE_LABELS } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
import {
  NATIONAL_SCHEDULE,
  scheduleOn,
  validateDose,
  type DoseCode,
} from '@shared/domain/immunization';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PerformerSelect, ServicePlaceSelect } from '../../components/ServiceFields';
import { invoke } from '../../lib/api';
import { fullAgeText, shortDate } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { DeleteDialog } from './DeleteDialog';
import { doseLabel } from './labels';
import { useRefreshChild } from './queries';

const DUE_COLOR = { overdue: 'red', due: 'orange', upcoming: 'blue' } as const;

/** The doses a child should get now and soon, and IDL/IRL. */
export function DueList({ card }: { card: ChildCard }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const { due } = card;
  const line = (d: DueDoseDto) => (
    <Group key={d.code} gap={6} wrap="nowrap" data-testid="due-dose" data-code={d.code}>
      <Badge
        color={DUE_COLOR[d.status]}
        variant={d.status === 'upcoming' ? 'light' : 'filled'}
        w={96}
      >
        {t(`child.due.${d.status}`)}
      </Badge>
      <Text size="sm" fw={500}>
        {doseLabel(d.code, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('child.due.dueOn', { date: shortDate(d.dueDate) })}
        {d.latestDate ? ` · ${t('child.due.latest', { date: shortDate(d.latestDate) })}` : ''}
      </Text>
    </Group>
  );
  const list = [...due.overdue, ...due.due, ...due.upcoming];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('child.due.title')}
      </Title>
      <Stack gap={4}>
        {due.overdue.length + due.due.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('child.due.none')}
          </Text>
        )}
        {list.map(line)}
        {due.noLongerAllowed.map((d) => (
          <Group key={d.code} gap={6} wrap="nowrap">
            <Badge color="gray" variant="light" w={96}>
              {t('child.due.closed')}
            </Badge>
            <Text size="sm" c="dimmed">
              {doseLabel(d.code, locale)} ·{' '}
              {t('child.due.closedOn', { date: shortDate(d.latestDate) })}
            </Text>
          </Group>
        ))}
        {card.completeness.map((c) => (
          <Text size="sm" key={c.kind} mt={4}>
            <Text span fw={600}>
              {c.kind}:{' '}
            </Text>
            {c.complete
              ? t('child.idl.complete', { date: shortDate(c.achievedOn) })
              : [
                  c.missing.length
                    ? t('child.idl.missing', {
                        list: c.missing.map((code) => doseLabel(code, locale)).join(', '),
                      })
                    : null,
                  c.late.length
                    ? t('child.idl.late', {
                        list: c.late.map((code) => doseLabel(code, locale)).join(', '),
                      })
                    : null,
                  c.canStillComplete ? null : t('child.idl.cannot'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/** Immunisation: the due list, the dose form with rule checks while typing, the history. */
export function ImmunizationSection({ card, canWrite }: { card: ChildCard; canWrite: boolean }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [editing, setEditing] = useState<ImmunizationRow | null>(null);
  const [deleting, setDeleting] = useState<ImmunizationRow | null>(null);
  const refresh = useRefreshChild();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={canWrite && !card.person.deleted ? 2 : 1} spacing="sm">
        <DueList card={card} />
        {canWrite && !card.person.deleted && (
          <DoseForm
            key={editing ? `${editing.id}:${editing.version}` : `new:${card.immunizations.length}`}
            card={card}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        )}
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('child.imm.table')}
        </Title>
        {card.immunizations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('child.imm.empty')}
          </Text>
        ) : (
          <Table striped fz="sm" data-testid="immunization-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('child.col.dose')}</Table.Th>
                <Table.Th>{t('child.col.date')}</Table.Th>
                <Table.Th>{t('child.col.age')}</Table.Th>
                <Table.Th>{t('child.col.source')}</Table.Th>
                <Table.Th>{t('child.col.place')}</Table.Th>
                <Table.Th>{t('child.col.batch')}</Table.Th>
                <Table.Th>{t('child.col.notes')}</Table.Th>
                {canWrite && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.immunizations.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td fw={500}>{doseLabel(r.doseCode, locale)}</Table.Td>
                  <Table.Td>{shortDate(r.givenDate)}</Table.Td>
                  <Table.Td>{fullAgeText(t, card.person.birthDate, r.givenDate)}</Table.Td>
                  <Table.Td>
                    {r.givenHere ? t('child.source.here') : t('child.source.kia')}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={160}>
                      {r.posyanduName ??
                        (r.place ? SERVICE_PLACE_LABELS[r.place][locale] : t('child.placeUnknown'))}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.batch ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.kipi && (
                        <Tooltip label={r.kipiNotes ?? t('field.kipi')}>
                          <Badge color="red" size="sm">
                            {t('child.kipi')}
                          </Badge>
                        </Tooltip>
                      )}
                      {r.issues
                        .filter((i) => i.severity === 'break')
                        .map((i) => (
                          <Tooltip
                            key={i.code}
                            multiline
                            w={320}
                            label={`${i.message}${r.breakReason ? ` — ${t('child.imm.reason', { reason: r.breakReason })}` : ''}`}
                          >
                            <Badge color="orange" variant="light" size="sm">
                              {i.code}
                            </Badge>
                          </Tooltip>
                        ))}
                      {r.breakReason && (
                        <Text size="xs" c="dimmed" truncate maw={180}>
                          {r.breakReason}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`${t('child.action.edit')} ${doseLabel(r.doseCode, locale)}`}
                          onClick={() => setEditing(r)}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('child.action.delete')} ${doseLabel(r.doseCode, locale)}`}
                          onClick={() => setDeleting(r)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <DeleteDialog
        title={t('child.imm.delete.title', {
          dose: deleting ? doseLabel(deleting.doseCode, locale) : '',
        })}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={async (reason) => {
          const result = await invoke('immunization.delete', {
            id: deleting!.id,
            version: deleting!.version,
            reason,
          });
          if (!result.ok) return result.error.message;
          refresh(card.person.id);
          notifications.show({ color: 'teal', message: t('child.imm.deleted') });
          return null;
        }}
      />
    </Stack>
  );
}

function DoseForm({
  card,
  editing,
  onDone,
}: {
  card: ChildCard;
  editing: ImmunizationRow | null;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const refresh = useRefreshChild();
  const posyandu = usePosyanduList();
  const [banner, setBanner] = useState<string | null>(null);
  const [reason, setReason] = useState(editing?.breakReason ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = [...card.due.overdue, ...card.due.due][0]?.code;
  const defaults: DoseInput = editing
    ? {
        personId: card.person.id,
        doseCode: editing.doseCode,
        givenDate: editing.givenDate,
        givenHere: editing.givenHere,
        place: editing.place,
        posyanduId: editing.posyanduId,
        performerId: editing.performerId,
        batch: editing.batch ?? '',
        kipi: editing.kipi,
        kipiNotes: editing.kipiNotes ?? '',
        notes: editing.notes ?? '',
      }
    : {
        personId: card.person.id,
        doseCode: (first ?? '') as DoseCode,
        givenDate: card.today,
        givenHere: true,
        place: card.person.posyanduId ? 'posyandu' : 'puskesmas',
        posyanduId: card.person.posyanduId,
        performerId: null,
        batch: '',
        kipi: false,
        kipiNotes: '',
        notes: '',
      };
  const form = useContractForm(doseInput, defaults);
  const { control, register, formState } = form;
  const errors = formState.errors;
  const values = useWatch({ control }) as Partial<DoseInput>;
  const date = values.givenDate && isIsoDate(values.givenDate) ? values.givenDate : null;
  const code = values.doseCode || null;
  const schedule = date ? scheduleOn(date) : null;
  const issues =
    date && code && schedule
      ? validateDose(
          card.person.birthDate,
          card.immunizations
            .filter((r) => r.id !== editing?.id)
            .map((r) => ({ code: r.doseCode, date: r.givenDate })),
          { code: code as DoseCode, date },
          schedule,
        )
      : [];
  const breaks = issues.filter((i) => i.severity === 'break');
  const notices = issues.filter((i) => i.severity === 'notice');
  const routine = NATIONAL_SCHEDULE.doses.filter(
    (d, i, all) => all.findIndex((x) => x.code === d.code) === i,
  );

  const submit = form.handleSubmit(async (input) => {
    setBanner(null);
    setReasonError(null);
    if (breaks.length > 0 && !reason.trim()) {
      setReasonError(t('validation.required'));
      return;
    }
    setSaving(true);
    const payload = { dose: input, breakReason: breaks.length > 0 ? reason : null };
    const result = editing
      ? await invoke('immunization.update', {
          id: editing.id,
          version: editing.version,
          ...payload,
        })
      : await invoke('immunization.create', payload);
    setSaving(false);
    if (!result.ok) {
      if (result.error.details?.needsReason) {
        setReasonError(t('validation.required'));
        setBanner(result.error.message);
      } else setBanner(applyServerError(form, result.error, 'dose.'));
      return;
    }
    notifications.show({ color: 'teal', message: t('child.imm.saved') });
    refresh(card.person.id);
    onDone();
  });

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {editing
          ? t('child.imm.edit', { dose: doseLabel(editing.doseCode, locale) })
          : t('child.imm.new')}
      </Title>
      <DataForm
        aria-label={t('child.imm.new')}
        onSubmit={() => void submit()}
        onCancel={editing ? onDone : undefined}
        saving={saving}
        error={banner}
      >
        <Stack gap={6}>
          <SimpleGrid cols={2} spacing="xs">
            <Controller
              control={control}
              name="doseCode"
              render={({ field, fieldState }) => (
                <Select
                  label={t('field.doseCode')}
                  withAsterisk
                  searchable
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={fieldState.error?.message}
                  data={routine.map((d) => ({ value: d.code, label: doseLabel(d.code, locale) }))}
                />
              )}
            />
            <Controller
              control={control}
              name="givenDate"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('field.givenDate')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  description={date ? fullAgeText(t, card.person.birthDate, date) : undefined}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="givenHere"
            render={({ field }) => (
              <SegmentedControl
                aria-label={t('child.col.source')}
                value={field.value === false ? 'kia' : 'here'}
                onChange={(v) => field.onChange(v === 'here')}
                data={[
                  { value: 'here', label: t('child.imm.givenHere') },
                  { value: 'kia', label: t('child.imm.fromKia') },
                ]}
              />
            )}
          />
          <SimpleGrid cols={2} spacing="xs">
            <Controller
              control={control}
              name="place"
              render={({ field, fieldState }) => (
                <ServicePlaceSelect
                  label={t('field.place')}
                  withAsterisk={values.givenHere !== false}
                  clearable={values.givenHere === false}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                  error={fieldState.error?.message}
                />
              )}
            />
            {values.place === 'posyandu' ? (
              <Controller
                control={control}
                name="posyanduId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('field.posyanduId')}
                    searchable
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    error={fieldState.error?.message}
                    data={(posyandu.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  />
                )}
              />
            ) : (
              <TextInput
                label={t('field.batch')}
                error={errors.batch?.message}
                {...register('batch')}
              />
            )}
            {values.place === 'posyandu' && (
              <TextInput
                label={t('field.batch')}
                error={errors.batch?.message}
                {...register('batch')}
              />
            )}
            <Controller
              control={control}
              name="performerId"
              render={({ field }) => (
                <PerformerSelect
                  label={t('field.performerId')}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                />
              )}
            />
          </SimpleGrid>
          <Group gap="md" align="flex-start">
            <Checkbox mt={8} label={t('field.kipi')} {...register('kipi')} />
            {values.kipi && (
              <TextInput
                style={{ flex: 1 }}
                placeholder={t('field.kipiNotes')}
                aria-label={t('field.kipiNotes')}
                {...register('kipiNotes')}
              />
            )}
          </Group>
          {notices.map((n) => (
            <Text key={n.code} size="xs" c="blue.8">
              {n.message[locale]}
            </Text>
          ))}
          {breaks.length > 0 && (
            <Alert color="orange" variant="light" p="xs" title={t('child.imm.breaks')}>
              <Stack gap={4}>
                {breaks.map((b) => (
                  <Text key={`${b.code}${b.message.id}`} size="xs">
                    {b.message[locale]}
                  </Text>
                ))}
                <Textarea
                  label={t('field.breakReason')}
                  withAsterisk
                  autosize
                  minRows={1}
                  description={t('child.imm.reasonHelp')}
                  value={reason}
                  error={reasonError}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
              </Stack>
            </Alert>
          )}
        </Stack>
      </DataForm>
    </Card>
  );
}
