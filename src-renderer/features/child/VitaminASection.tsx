import {
  ActionIcon,
  Alert,
  Badge,
  Card,
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
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  vitaminAInput,
  type ChildCard,
  type VitaminAInput,
  type VitaminARow,
} from '@shared/contract';
import { validateVitaminA, vitaminABand, vitaminARulesOn } from '@shared/domain/child-services';
import { SERVICE_PLACE_LABELS } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
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
import { useRefreshChild } from './queries';

const CAPSULE_COLOR = { blue: 'blue', red: 'red' } as const;

/** Where the child stands today for Vitamin A. */
export function VitaminANow({ card }: { card: ChildCard }) {
  const t = useT();
  const now = card.vitaminANow;
  const capsule = now.capsule ? t(`child.capsule.${now.capsule}`) : '';
  if (now.eligible && now.givenThisRound) {
    return (
      <Text size="sm">
        {t('child.vita.now.given', { round: now.round!, date: shortDate(now.givenThisRound) })}
      </Text>
    );
  }
  if (now.eligible)
    return <Text size="sm">{t('child.vita.now.eligible', { round: now.round!, capsule })}</Text>;
  const key = {
    'before-birth': 'child.vita.now.beforeBirth',
    'too-young': 'child.vita.now.tooYoung',
    'too-old': 'child.vita.now.tooOld',
    'outside-round': 'child.vita.now.outside',
  } as const;
  return <Text size="sm">{t(key[now.reason ?? 'before-birth'], { capsule })}</Text>;
}

/** Vitamin A: today's round and capsule, the capsule form with rule checks, the history. */
export function VitaminASection({ card, canWrite }: { card: ChildCard; canWrite: boolean }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [editing, setEditing] = useState<VitaminARow | null>(null);
  const [deleting, setDeleting] = useState<VitaminARow | null>(null);
  const refresh = useRefreshChild();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={canWrite && !card.person.deleted ? 2 : 1} spacing="sm">
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('child.section.vitaminA')}
          </Title>
          <VitaminANow card={card} />
          <Text size="xs" c="dimmed" mt="xs">
            {t('child.capsule.blue')} · 6–11 bl · {t('child.capsule.red')} · 12–59 bl
          </Text>
        </Card>
        {canWrite && !card.person.deleted && (
          <VitaminAForm
            key={editing ? `${editing.id}:${editing.version}` : `new:${card.vitaminA.length}`}
            card={card}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        )}
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('child.vita.table')}
        </Title>
        {card.vitaminA.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('child.vita.empty')}
          </Text>
        ) : (
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('child.col.date')}</Table.Th>
                <Table.Th>{t('child.col.age')}</Table.Th>
                <Table.Th>{t('child.col.capsule')}</Table.Th>
                <Table.Th>{t('child.col.round')}</Table.Th>
                <Table.Th>{t('child.col.place')}</Table.Th>
                <Table.Th>{t('child.col.notes')}</Table.Th>
                {canWrite && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...card.vitaminA].reverse().map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{shortDate(r.givenDate)}</Table.Td>
                  <Table.Td>{fullAgeText(t, card.person.birthDate, r.givenDate)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={CAPSULE_COLOR[r.capsule]}
                      variant="light"
                      styles={{ label: { textTransform: 'none' } }}
                    >
                      {t(`child.capsule.${r.capsule}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.round
                      ? `${r.round} (${t(`child.period.${r.period ?? 'regular'}`)})`
                      : t('child.period.none')}
                  </Table.Td>
                  <Table.Td>{r.posyanduName ?? SERVICE_PLACE_LABELS[r.place][locale]}</Table.Td>
                  <Table.Td>
                    {r.breakReason
                      ? t('child.imm.reason', { reason: r.breakReason })
                      : (r.notes ?? '')}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('child.action.edit')}
                          onClick={() => setEditing(r)}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('child.action.delete')}
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
        title={t('child.vita.delete.title', { date: shortDate(deleting?.givenDate) })}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={async (reason) => {
          const result = await invoke('vitaminA.delete', {
            id: deleting!.id,
            version: deleting!.version,
            reason,
          });
          if (!result.ok) return result.error.message;
          refresh(card.person.id);
          notifications.show({ color: 'teal', message: t('child.vita.deleted') });
          return null;
        }}
      />
    </Stack>
  );
}

function VitaminAForm({
  card,
  editing,
  onDone,
}: {
  card: ChildCard;
  editing: VitaminARow | null;
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
  const birth = card.person.birthDate;
  const form = useContractForm(
    vitaminAInput,
    editing
      ? {
          personId: card.person.id,
          givenDate: editing.givenDate,
          capsule: editing.capsule,
          place: editing.place,
          posyanduId: editing.posyanduId,
          performerId: editing.performerId,
          notes: editing.notes ?? '',
        }
      : {
          personId: card.person.id,
          givenDate: card.today,
          capsule: vitaminABand(birth, card.today, vitaminARulesOn(card.today))?.capsule ?? 'red',
          place: card.person.posyanduId ? 'posyandu' : 'puskesmas',
          posyanduId: card.person.posyanduId,
          performerId: null,
          notes: '',
        },
  );
  const { control, register } = form;
  const values = useWatch({ control }) as Partial<VitaminAInput>;
  const date = values.givenDate && isIsoDate(values.givenDate) ? values.givenDate : null;
  const issues =
    date && values.capsule
      ? validateVitaminA(
          birth,
          { date, capsule: values.capsule },
          card.vitaminA
            .filter((r) => r.id !== editing?.id)
            .map((r) => ({ date: r.givenDate, capsule: r.capsule })),
          vitaminARulesOn(date),
        )
      : [];

  const submit = form.handleSubmit(async (input) => {
    setBanner(null);
    setReasonError(null);
    if (issues.length > 0 && !reason.trim()) {
      setReasonError(t('validation.required'));
      return;
    }
    setSaving(true);
    const payload = { vitaminA: input, breakReason: issues.length > 0 ? reason : null };
    const result = editing
      ? await invoke('vitaminA.update', { id: editing.id, version: editing.version, ...payload })
      : await invoke('vitaminA.create', payload);
    setSaving(false);
    if (!result.ok) {
      if (result.error.details?.needsReason) setReasonError(t('validation.required'));
      setBanner(applyServerError(form, result.error, 'vitaminA.') ?? result.error.message);
      return;
    }
    notifications.show({ color: 'teal', message: t('child.vita.saved') });
    refresh(card.person.id);
    onDone();
  });

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {editing
          ? t('child.vita.edit', { date: shortDate(editing.givenDate) })
          : t('child.vita.new')}
      </Title>
      <DataForm
        aria-label={t('child.vita.new')}
        onSubmit={() => void submit()}
        onCancel={editing ? onDone : undefined}
        saving={saving}
        error={banner}
      >
        <Stack gap={6}>
          <SimpleGrid cols={2} spacing="xs">
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
                  description={date ? fullAgeText(t, birth, date) : undefined}
                />
              )}
            />
            <Controller
              control={control}
              name="capsule"
              render={({ field }) => (
                <div>
                  <Text size="sm" fw={500}>
                    {t('field.capsule')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-label={t('field.capsule')}
                    value={field.value}
                    onChange={field.onChange}
                    data={[
                      { value: 'blue', label: t('child.capsule.blue') },
                      { value: 'red', label: t('child.capsule.red') },
                    ]}
                  />
                </div>
              )}
            />
            <Controller
              control={control}
              name="place"
              render={({ field, fieldState }) => (
                <ServicePlaceSelect
                  label={t('field.place')}
                  withAsterisk
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
              <div />
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
            <TextInput label={t('field.notes')} {...register('notes')} />
          </SimpleGrid>
          {issues.length > 0 && (
            <Alert color="orange" variant="light" p="xs" title={t('child.vita.breaks')}>
              <Stack gap={4}>
                {issues.map((b) => (
                  <Text key={b.code} size="xs">
                    {b.message[locale]}
                  </Text>
                ))}
                <Textarea
                  label={t('field.breakReason')}
                  withAsterisk
                  autosize
                  minRows={1}
                  description={t('child.vita.reasonHelp')}
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
