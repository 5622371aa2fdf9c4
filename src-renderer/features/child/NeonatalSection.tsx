import {
  ActionIcon,
  Badge,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  childProfileInput,
  neonatalInput,
  type ChildCard,
  type NeonatalInput,
  type NeonatalRow,
} from '@shared/contract';
import {
  classifyNeonatalVisit,
  neonatalRulesOn,
  type NeonatalClassification,
} from '@shared/domain/child-services';
import { SERVICE_PLACE_LABELS } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PerformerSelect, ServicePlaceSelect } from '../../components/ServiceFields';
import { invoke } from '../../lib/api';
import { shortDate } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { DeleteDialog } from './DeleteDialog';
import { useRefreshChild } from './queries';

function ClassText({ c }: { c: NeonatalClassification | null }) {
  const t = useT();
  if (!c) return null;
  if (c.kind === 'visit') return <Badge color="teal">{c.visit}</Badge>;
  if (c.kind === 'uncertain') {
    return (
      <Text size="sm" c="orange.8">
        {t('child.kn.uncertain', { list: c.possible.join('/') })}
      </Text>
    );
  }
  if (c.kind === 'outside') {
    const key = {
      'too-early': 'child.kn.tooEarly',
      'too-late': 'child.kn.tooLate',
      between: 'child.kn.between',
    } as const;
    return (
      <Text size="sm" c="orange.8">
        {t(key[c.when])}
      </Text>
    );
  }
  return (
    <Text size="sm" c="red.8">
      {t('child.error.knBeforeBirth')}
    </Text>
  );
}

/** Birth time, weight and length, and the Buku KIA mark. */
export function ProfileCard({ card, canWrite }: { card: ChildCard; canWrite: boolean }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const refresh = useRefreshChild();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const p = card.profile;
  const form = useContractForm(childProfileInput, {
    personId: card.person.id,
    version: p?.version ?? null,
    birthTime: p?.birthTime ?? '',
    birthWeightG: p?.birthWeightG ?? null,
    birthLengthCm: p?.birthLengthCm ?? null,
    kiaBook: p?.kiaBook ?? false,
  });
  const { control, register, formState } = form;
  const submit = form.handleSubmit(async (input) => {
    setSaving(true);
    setBanner(null);
    const result = await invoke('child.profile.save', input);
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error));
    notifications.show({ color: 'teal', message: t('child.profile.saved') });
    refresh(card.person.id);
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('child.section.profile')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('child.profile.help')}
      </Text>
      <fieldset
        disabled={!canWrite || card.person.deleted}
        style={{ border: 0, padding: 0, margin: 0 }}
      >
        <DataForm
          aria-label={t('child.section.profile')}
          onSubmit={() => void submit()}
          saving={saving}
          error={banner}
          actions={canWrite ? undefined : <></>}
        >
          <SimpleGrid cols={2} spacing="xs">
            <TextInput
              label={t('field.birthTime')}
              placeholder="JJ:MM"
              maxLength={5}
              error={formState.errors.birthTime?.message}
              {...register('birthTime')}
            />
            <Controller
              control={control}
              name="birthWeightG"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('field.birthWeightG')}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : v)}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="birthLengthCm"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('field.birthLengthCm')}
                  decimalSeparator={locale === 'id' ? ',' : '.'}
                  allowNegative={false}
                  hideControls
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : v)}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Checkbox mt={28} label={t('field.kiaBook')} {...register('kiaBook')} />
          </SimpleGrid>
        </DataForm>
      </fieldset>
    </Card>
  );
}

/** Neonatal visits: KN lengkap, the visit form with its window shown while typing, the history. */
export function NeonatalSection({ card, canWrite }: { card: ChildCard; canWrite: boolean }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [editing, setEditing] = useState<NeonatalRow | null>(null);
  const [deleting, setDeleting] = useState<NeonatalRow | null>(null);
  const refresh = useRefreshChild();
  const ageDays = (Date.parse(card.today) - Date.parse(card.person.birthDate)) / 86_400_000;
  const kn = card.kn;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('child.section.neonatal')}
          </Title>
          <Group gap="xs" mb={4}>
            {(['kn1', 'kn2', 'kn3'] as const).map((k) => (
              <Badge key={k} color={kn[k] ? 'teal' : 'gray'} variant={kn[k] ? 'filled' : 'light'}>
                {k.toUpperCase()} {kn[k] ? shortDate(kn[k]) : '—'}
              </Badge>
            ))}
          </Group>
          <Text size="sm" fw={500} c={kn.complete ? 'teal.8' : undefined}>
            {kn.complete
              ? t('child.kn.complete', { date: shortDate(kn.achievedOn) })
              : t('child.kn.incomplete')}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('child.kn.windows')}
          </Text>
          {!card.profile?.birthTime && (
            <Text size="xs" c="orange.8" mt={4}>
              {t('child.kn.noBirthTime')}
            </Text>
          )}
          {ageDays > 28 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('child.kn.notNeonate')}
            </Text>
          )}
        </Card>
        {canWrite && !card.person.deleted && (
          <NeonatalForm
            key={editing ? `${editing.id}:${editing.version}` : `new:${card.neonatal.length}`}
            card={card}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        )}
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('child.kn.table')}
        </Title>
        {card.neonatal.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('child.kn.empty')}
          </Text>
        ) : (
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('child.col.date')}</Table.Th>
                <Table.Th>{t('child.col.time')}</Table.Th>
                <Table.Th>{t('child.col.kn')}</Table.Th>
                <Table.Th>{t('child.col.place')}</Table.Th>
                <Table.Th>{t('child.col.findings')}</Table.Th>
                {canWrite && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.neonatal.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{shortDate(r.visitDate)}</Table.Td>
                  <Table.Td>{r.visitTime ?? '—'}</Table.Td>
                  <Table.Td>
                    <ClassText
                      c={
                        r.classification === 'visit'
                          ? { kind: 'visit', visit: r.kn! }
                          : r.classification === 'uncertain'
                            ? { kind: 'uncertain', possible: r.possible }
                            : { kind: 'outside', when: r.outside ?? 'between' }
                      }
                    />
                  </Table.Td>
                  <Table.Td>{SERVICE_PLACE_LABELS[r.place][locale]}</Table.Td>
                  <Table.Td>
                    {[
                      r.dangerSigns ? t('child.finding.danger') : null,
                      r.vitK1 ? t('child.finding.vitK1') : null,
                      r.shk ? t('child.finding.shk') : null,
                      r.notes,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
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
        title={t('child.kn.delete.title', { date: shortDate(deleting?.visitDate) })}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={async (reason) => {
          const result = await invoke('neonatal.delete', {
            id: deleting!.id,
            version: deleting!.version,
            reason,
          });
          if (!result.ok) return result.error.message;
          refresh(card.person.id);
          notifications.show({ color: 'teal', message: t('child.kn.deleted') });
          return null;
        }}
      />
    </Stack>
  );
}

function NeonatalForm({
  card,
  editing,
  onDone,
}: {
  card: ChildCard;
  editing: NeonatalRow | null;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const refresh = useRefreshChild();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(neonatalInput, {
    personId: card.person.id,
    visitDate: editing?.visitDate ?? card.today,
    visitTime: editing?.visitTime ?? '',
    place: editing?.place ?? 'rumah',
    performerId: editing?.performerId ?? null,
    weightKg: editing?.weightKg ?? null,
    dangerSigns: editing?.dangerSigns ?? null,
    vitK1: editing?.vitK1 ?? null,
    shk: editing?.shk ?? null,
    notes: editing?.notes ?? '',
  });
  const { control, register, formState } = form;
  const values = useWatch({ control }) as Partial<NeonatalInput>;
  const birth = card.profile?.birthTime
    ? `${card.person.birthDate}T${card.profile.birthTime}`
    : card.person.birthDate;
  const time =
    typeof values.visitTime === 'string' && /^\d\d[:.]\d\d$/.test(values.visitTime)
      ? values.visitTime.replace('.', ':')
      : null;
  const classification =
    values.visitDate && isIsoDate(values.visitDate)
      ? classifyNeonatalVisit(
          birth,
          time ? `${values.visitDate}T${time}` : values.visitDate,
          neonatalRulesOn(values.visitDate),
        )
      : null;

  const submit = form.handleSubmit(async (visit) => {
    setSaving(true);
    setBanner(null);
    const result = editing
      ? await invoke('neonatal.update', { id: editing.id, version: editing.version, visit })
      : await invoke('neonatal.create', { visit });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'visit.'));
    notifications.show({ color: 'teal', message: t('child.kn.saved') });
    refresh(card.person.id);
    onDone();
  });

  const yesNo = (name: 'dangerSigns' | 'vitK1' | 'shk') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          label={t(`field.${name}`)}
          checked={field.value === true}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
        />
      )}
    />
  );

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {editing ? t('child.kn.edit', { date: shortDate(editing.visitDate) }) : t('child.kn.new')}
      </Title>
      <DataForm
        aria-label={t('child.kn.new')}
        onSubmit={() => void submit()}
        onCancel={editing ? onDone : undefined}
        saving={saving}
        error={banner}
      >
        <Stack gap={6}>
          <SimpleGrid cols={3} spacing="xs">
            <Controller
              control={control}
              name="visitDate"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('field.visitDate')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <TextInput
              label={t('field.visitTime')}
              placeholder="JJ:MM"
              maxLength={5}
              error={formState.errors.visitTime?.message}
              {...register('visitTime')}
            />
            <Controller
              control={control}
              name="weightKg"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('field.weightKg')}
                  decimalSeparator={locale === 'id' ? ',' : '.'}
                  allowNegative={false}
                  hideControls
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : v)}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('child.col.kn')}:
            </Text>
            <ClassText c={classification} />
          </Group>
          <SimpleGrid cols={2} spacing="xs">
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
          <Group gap="lg">
            {yesNo('dangerSigns')}
            {yesNo('vitK1')}
            {yesNo('shk')}
          </Group>
          <TextInput label={t('field.notes')} {...register('notes')} />
        </Stack>
      </DataForm>
    </Card>
  );
}
