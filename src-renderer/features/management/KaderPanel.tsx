import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { kaderInput, type KaderInput, type KaderRow } from '@shared/contract';
import {
  KADER_LEVEL_LABELS,
  KADER_LEVELS,
  KADER_SKILL_GROUP_LABELS,
  KADER_SKILL_GROUPS,
  KADER_SKILLS_2023,
  skillProgress,
} from '@shared/domain/management';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { call, invoke } from '../../lib/api';
import { shortDate, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useDesaList, usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { CodeSelect, SexInput, useLastOpened } from './fields';
import { AddButton, EmptyRow, InactiveBadge, ListActions, OpenableRow, useCanWrite } from './list';
import classes from './management.module.css';

type SkillValue = { code: string; date: string };

function toForm(
  k: KaderRow | null,
  defaults: { desaId?: string; posyanduId?: string },
): KaderInput {
  return {
    name: k?.name ?? '',
    nik: k?.nik ?? '',
    sex: k?.sex ?? 'P',
    birthDate: k?.birthDate ?? '',
    phone: k?.phone ?? '',
    desaId: k?.desaId ?? defaults.desaId ?? '',
    posyanduId: k?.posyanduId ?? defaults.posyanduId ?? null,
    level: k?.level ?? null,
    skills: k?.skills ?? [],
    trainings: (k?.trainings ?? []).map((tr) => ({ ...tr, organizer: tr.organizer ?? '' })),
    active: k?.active ?? true,
    notes: k?.notes ?? '',
  };
}

/** The 25 basic skills by group: tick a skill, then its date (today by default). */
function SkillsInput({
  value,
  onChange,
  errors,
  today,
}: {
  value: SkillValue[];
  onChange: (v: SkillValue[]) => void;
  errors: ({ date?: { message?: string }; code?: { message?: string } } | undefined)[] | undefined;
  today: string;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const sorted = [...value].sort((a, b) => a.code.localeCompare(b.code));
  const indexOf = (code: string) => sorted.findIndex((s) => s.code === code);
  const set = (next: SkillValue[]) => onChange(next.sort((a, b) => a.code.localeCompare(b.code)));
  const progress = skillProgress(sorted.map((s) => s.code));
  return (
    <Stack gap={6}>
      {KADER_SKILL_GROUPS.map((group, gi) => (
        <div key={group}>
          <Group justify="space-between" className={classes.groupTitle} mb={2}>
            <Title order={4} size="sm">
              {KADER_SKILL_GROUP_LABELS[group][locale]}
            </Title>
            <Text size="xs" c="dimmed">
              {progress[gi]!.done}/{progress[gi]!.total}
            </Text>
          </Group>
          {KADER_SKILLS_2023.skills
            .filter((s) => s.group === group)
            .map((s) => {
              const i = indexOf(s.code);
              const entry = i >= 0 ? sorted[i] : undefined;
              const error =
                i >= 0 ? (errors?.[i]?.date?.message ?? errors?.[i]?.code?.message) : undefined;
              return (
                <Group key={s.code} gap="xs" wrap="nowrap" align="flex-start" py={1}>
                  <Checkbox
                    size="sm"
                    mt={5}
                    style={{ flex: 1 }}
                    label={
                      <Text size="sm">
                        <Text span c="dimmed" size="xs" fw={600}>
                          {s.code}
                        </Text>{' '}
                        {s.label[locale]}
                      </Text>
                    }
                    checked={!!entry}
                    onChange={(e) =>
                      e.currentTarget.checked
                        ? set([...sorted, { code: s.code, date: today }])
                        : set(sorted.filter((x) => x.code !== s.code))
                    }
                  />
                  <DateField
                    size="xs"
                    w={118}
                    aria-label={t('kader.skillDate', { code: s.code })}
                    disabled={!entry}
                    value={entry?.date ?? ''}
                    onChange={(d) =>
                      set(sorted.map((x) => (x.code === s.code ? { ...x, date: d } : x)))
                    }
                    error={error}
                  />
                </Group>
              );
            })}
        </div>
      ))}
    </Stack>
  );
}

function KaderForm({
  kader,
  defaults,
  onClose,
}: {
  kader: KaderRow | null;
  defaults: { desaId?: string; posyanduId?: string };
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const desa = useDesaList();
  const posyandu = usePosyanduList();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [today] = useState(todayLocal);
  const form = useContractForm(kaderInput, toForm(kader, defaults));
  const { control, register } = form;
  const errors = form.formState.errors;
  const trainings = useFieldArray({ control, name: 'trainings' });
  const desaId = useWatch({ control, name: 'desaId' });
  const skills = (useWatch({ control, name: 'skills' }) ?? []) as SkillValue[];

  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    const result = kader
      ? await invoke('kader.update', { id: kader.id, version: kader.version, kader: values })
      : await invoke('kader.create', { kader: values });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'kader.'));
    void queryClient.invalidateQueries({ queryKey: ['kader.list'] });
    notifications.show({ color: 'teal', message: t('kader.saved', { name: result.value.name }) });
    onClose();
  });

  return (
    <DataForm
      aria-label={kader ? t('kader.edit') : t('kader.add')}
      onSubmit={() => void submit()}
      onCancel={onClose}
      saving={saving}
      error={banner}
    >
      <SimpleGrid cols={2} spacing="lg" style={{ gridTemplateColumns: '340px 1fr' }}>
        <Stack gap="xs">
          <TextInput
            label={t('field.name')}
            withAsterisk
            data-autofocus
            error={errors.name?.message}
            {...register('name')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('field.nik')}
              inputMode="numeric"
              maxLength={19}
              error={errors.nik?.message}
              {...register('nik')}
            />
            <TextInput
              label={t('field.phone')}
              error={errors.phone?.message}
              {...register('phone')}
            />
          </SimpleGrid>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <Controller
              control={control}
              name="sex"
              render={({ field, fieldState }) => (
                <SexInput
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="birthDate"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('field.birthDate')}
                  value={field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  style={{ flex: 1 }}
                />
              )}
            />
          </Group>
          <Controller
            control={control}
            name="desaId"
            render={({ field, fieldState }) => (
              <Select
                label={t('field.desaId')}
                withAsterisk
                searchable
                value={field.value || null}
                onChange={(v) => {
                  field.onChange(v ?? '');
                  form.setValue('posyanduId', null);
                }}
                error={fieldState.error?.message}
                data={(desa.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            )}
          />
          <Controller
            control={control}
            name="posyanduId"
            render={({ field, fieldState }) => (
              <Select
                label={t('field.posyanduId')}
                clearable
                searchable
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                error={fieldState.error?.message}
                data={(posyandu.data ?? [])
                  .filter((p) => !desaId || p.desaId === desaId)
                  .map((p) => ({ value: p.id, label: p.name }))}
              />
            )}
          />
          <Controller
            control={control}
            name="level"
            render={({ field }) => (
              <CodeSelect
                label={t('field.level')}
                clearable
                placeholder={t('kader.level.none')}
                codes={KADER_LEVELS}
                labels={KADER_LEVEL_LABELS}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                {t('field.trainings')}
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} />}
                onClick={() => trainings.append({ name: '', date: today, organizer: '' })}
              >
                {t('kader.training.add')}
              </Button>
            </Group>
            {trainings.fields.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('kader.training.none')}
              </Text>
            )}
            {trainings.fields.map((f, i) => (
              <Group key={f.id} gap={4} wrap="nowrap" align="flex-start" mb={4}>
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  aria-label={t('kader.training.name')}
                  placeholder={t('kader.training.name')}
                  error={errors.trainings?.[i]?.name?.message}
                  {...register(`trainings.${i}.name`)}
                />
                <Controller
                  control={control}
                  name={`trainings.${i}.date`}
                  render={({ field, fieldState }) => (
                    <DateField
                      size="xs"
                      w={112}
                      aria-label={t('field.date')}
                      value={field.value}
                      onChange={field.onChange}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={2}
                  aria-label={t('kader.training.remove')}
                  onClick={() => trainings.remove(i)}
                  data-skip-enter
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
          </div>
          <Textarea
            label={t('field.notes')}
            autosize
            minRows={1}
            maxRows={2}
            {...register('notes')}
          />
          {kader && (
            <Controller
              control={control}
              name="active"
              render={({ field }) => (
                <Checkbox
                  label={t('field.active')}
                  checked={!!field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          )}
        </Stack>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('kader.skills.title')}
            </Text>
            <Badge variant="light" data-testid="kader-skill-count">
              {t('kader.skills.count', { count: skills.length })}
            </Badge>
          </Group>
          <ScrollArea h="min(58vh, 520px)" type="auto" offsetScrollbars>
            <Controller
              control={control}
              name="skills"
              render={({ field }) => (
                <SkillsInput
                  value={(field.value ?? []) as SkillValue[]}
                  onChange={field.onChange}
                  errors={errors.skills as never}
                  today={today}
                />
              )}
            />
          </ScrollArea>
        </div>
      </SimpleGrid>
    </DataForm>
  );
}

/** Kader posyandu by desa and posyandu, with level, skills and trainings. */
export function KaderPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const desa = useDesaList();
  const posyandu = usePosyanduList();
  const [desaId, setDesaId] = useState<string | null>(null);
  const [posyanduId, setPosyanduId] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<KaderRow | 'new' | null>(null);
  const shown = useLastOpened(editing);
  const list = useQuery({
    queryKey: ['kader.list', desaId, posyanduId, showInactive],
    queryFn: () =>
      call('kader.list', {
        desaId: desaId ?? undefined,
        posyanduId: posyanduId ?? undefined,
        includeInactive: showInactive,
      }),
  });
  const rows = list.data ?? [];
  const filtered = !!(desaId || posyanduId);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Select
            aria-label={t('field.desaId')}
            placeholder={t('persons.filter.allDesa')}
            w={150}
            clearable
            searchable
            value={desaId}
            onChange={(v) => {
              setDesaId(v);
              setPosyanduId(null);
            }}
            data={(desa.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select
            aria-label={t('field.posyanduId')}
            placeholder={t('kader.filter.allPosyandu')}
            w={170}
            clearable
            searchable
            value={posyanduId}
            onChange={setPosyanduId}
            data={(posyandu.data ?? [])
              .filter((p) => !desaId || p.desaId === desaId)
              .map((p) => ({ value: p.id, label: p.name }))}
          />
          <Checkbox
            label={t('kader.showInactive')}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
        </Group>
        <ListActions
          nowrap
          exportRun={() => invoke('kader.export')}
          importRun={(file) => invoke('kader.import', file)}
          refresh={['kader.list']}
        >
          <AddButton label={t('kader.add')} onClick={() => setEditing('new')} />
        </ListActions>
      </Group>
      <Text size="sm" c="dimmed" data-testid="kader-count">
        {t('kader.count', { count: rows.length })}
      </Text>
      <ScrollArea h="calc(100vh - 330px)" type="auto">
        <Table striped highlightOnHover withTableBorder stickyHeader aria-label={t('k1.tab.kader')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kader.col.name')}</Table.Th>
              <Table.Th>{t('field.desaId')}</Table.Th>
              <Table.Th>{t('field.posyanduId')}</Table.Th>
              <Table.Th>{t('field.level')}</Table.Th>
              <Table.Th w={170}>{t('kader.col.skills')}</Table.Th>
              <Table.Th>{t('kader.col.training')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <EmptyRow colSpan={6}>
                {list.isPending ? '…' : t(filtered ? 'kader.empty.filtered' : 'kader.empty')}
              </EmptyRow>
            )}
            {rows.map((k) => {
              const last = k.trainings.at(-1);
              return (
                <OpenableRow key={k.id} canWrite={canWrite} onOpen={() => setEditing(k)}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {k.name}
                      <InactiveBadge active={k.active} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      NIK {k.nik ?? t('persons.noNik')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{k.desaName}</Table.Td>
                  <Table.Td>{k.posyanduName ?? '—'}</Table.Td>
                  <Table.Td>{k.level ? KADER_LEVEL_LABELS[k.level][locale] : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Progress value={(k.skills.length / 25) * 100} w={80} size="sm" aria-hidden />
                      <Text size="sm">{k.skills.length}/25</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {last ? (
                      <Text size="sm" truncate maw={220}>
                        {last.name}{' '}
                        <Text span size="xs" c="dimmed">
                          {shortDate(last.date)}
                          {k.trainings.length > 1 ? ` (+${k.trainings.length - 1})` : ''}
                        </Text>
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </OpenableRow>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={shown === 'new' ? t('kader.add') : t('kader.edit')}
        size={1080}
        yOffset={12}
      >
        {editing !== null && (
          <KaderForm
            kader={editing === 'new' ? null : editing}
            defaults={{ desaId: desaId ?? undefined, posyanduId: posyanduId ?? undefined }}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
