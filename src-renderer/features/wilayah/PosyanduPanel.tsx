import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { posyanduInput, WEEKDAYS, type PosyanduRow } from '@shared/contract';
import { POSYANDU_STRATA, POSYANDU_STRATUM_LABELS } from '@shared/domain/management';
import type { MessageKey } from '@shared/i18n';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useDesaList, usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { CodeSelect } from '../management/fields';
import { EmptyRow, ListActions, useCanWrite } from '../management/list';

export function scheduleText(
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  p: Pick<PosyanduRow, 'scheduleWeek' | 'scheduleWeekday'>,
) {
  if (!p.scheduleWeekday) return t('posyandu.noSchedule');
  const day = t(`weekday.${p.scheduleWeekday}` as MessageKey);
  return p.scheduleWeek
    ? t('posyandu.schedule', { day, week: p.scheduleWeek })
    : t('posyandu.scheduleWeekly', { day });
}

function PosyanduForm({
  posyandu,
  onClose,
}: {
  posyandu: PosyanduRow | null;
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const desa = useDesaList();
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(posyandu?.active ?? true);
  const form = useContractForm(posyanduInput, {
    name: posyandu?.name ?? '',
    desaId: posyandu?.desaId ?? '',
    rw: posyandu?.rw ?? '',
    dusun: posyandu?.dusun ?? '',
    scheduleWeek: posyandu?.scheduleWeek ?? null,
    scheduleWeekday: posyandu?.scheduleWeekday ?? null,
    kode: posyandu?.kode ?? '',
    stratum: posyandu?.stratum ?? null,
    ilp: posyandu?.ilp ?? false,
    pustuId: posyandu?.pustuId ?? null,
  });
  const pustu = useQuery({
    queryKey: ['pustu.list', false],
    queryFn: () => call('pustu.list', { includeInactive: false }),
    staleTime: 60_000,
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const result = posyandu
      ? await invoke('posyandu.update', {
          ...values,
          id: posyandu.id,
          version: posyandu.version,
          active,
        })
      : await invoke('posyandu.create', values);
    if (!result.ok) return setError(applyServerError(form, result.error));
    void queryClient.invalidateQueries({ queryKey: ['posyandu.list'] });
    notifications.show({ color: 'teal', message: t('posyandu.saved') });
    onClose();
  });
  return (
    <DataForm onSubmit={() => void submit()} onCancel={onClose} error={error}>
      <Stack gap="xs">
        <TextInput
          label={t('field.name')}
          withAsterisk
          data-autofocus
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Controller
          control={form.control}
          name="desaId"
          render={({ field, fieldState }) => (
            <Select
              label={t('field.desaId')}
              withAsterisk
              searchable
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={fieldState.error?.message}
              data={(desa.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('field.rw')} error={errors.rw?.message} {...form.register('rw')} />
          <TextInput
            label={t('field.dusun')}
            error={errors.dusun?.message}
            {...form.register('dusun')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="scheduleWeekday"
            render={({ field }) => (
              <Select
                label={t('field.scheduleWeekday')}
                clearable
                value={field.value ? String(field.value) : null}
                onChange={(v) => field.onChange(v ? Number(v) : null)}
                data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))}
              />
            )}
          />
          <Controller
            control={form.control}
            name="scheduleWeek"
            render={({ field }) => (
              <Select
                label={t('field.scheduleWeek')}
                value={field.value ? String(field.value) : '0'}
                onChange={(v) => field.onChange(v && v !== '0' ? Number(v) : null)}
                data={[
                  { value: '0', label: t('week.every') },
                  ...[1, 2, 3, 4, 5].map((w) => ({ value: String(w), label: String(w) })),
                ]}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('field.kode')}
            error={errors.kode?.message}
            {...form.register('kode')}
          />
          <Controller
            control={form.control}
            name="stratum"
            render={({ field }) => (
              <CodeSelect
                label={t('field.stratum')}
                clearable
                codes={POSYANDU_STRATA}
                labels={POSYANDU_STRATUM_LABELS}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="pustuId"
          render={({ field, fieldState }) => (
            <Select
              label={t('posyandu.pustu')}
              clearable
              searchable
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? null)}
              error={fieldState.error?.message}
              data={[
                ...(pustu.data ?? []).map((p) => ({ value: p.id, label: p.name })),
                ...(posyandu?.pustuId && !(pustu.data ?? []).some((p) => p.id === posyandu.pustuId)
                  ? [{ value: posyandu.pustuId, label: posyandu.pustuName ?? '—' }]
                  : []),
              ]}
            />
          )}
        />
        <Controller
          control={form.control}
          name="ilp"
          render={({ field }) => (
            <Checkbox
              label={t('posyandu.ilp')}
              description={t('posyandu.ilpHelp')}
              checked={!!field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        {posyandu && (
          <Checkbox
            label={t('field.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
      </Stack>
    </DataForm>
  );
}

/** Posyandu of the wilayah kerja: name, desa, RW/dusun and schedule. */
export function PosyanduPanel() {
  const t = useT();
  const [showInactive, setShowInactive] = useState(false);
  const list = usePosyanduList(showInactive);
  const [editing, setEditing] = useState<PosyanduRow | 'new' | null>(null);
  const canWrite = useCanWrite();
  const rows = list.data ?? [];
  const locale = useUiStore((s) => s.locale);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Checkbox
          label={t('posyandu.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
        <ListActions
          exportRun={() => invoke('posyandu.export')}
          importRun={(file) => invoke('posyandu.import', file)}
          refresh={['posyandu.list', 'pustu.list']}
        >
          <Button onClick={() => setEditing('new')}>{t('posyandu.add')}</Button>
        </ListActions>
      </Group>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('posyandu.col.name')}</Table.Th>
            <Table.Th>{t('posyandu.col.desa')}</Table.Th>
            <Table.Th>{t('posyandu.col.place')}</Table.Th>
            <Table.Th>{t('posyandu.col.schedule')}</Table.Th>
            <Table.Th>{t('field.kode')}</Table.Th>
            <Table.Th>{t('field.stratum')}</Table.Th>
            <Table.Th>{t('field.pustuId')}</Table.Th>
            <Table.Th>{t('posyandu.col.active')}</Table.Th>
            {canWrite && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow colSpan={9}>{t('posyandu.empty')}</EmptyRow>}
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td fw={500}>{p.name}</Table.Td>
              <Table.Td>{p.desaName}</Table.Td>
              <Table.Td>
                {[p.rw && `RW ${p.rw}`, p.dusun].filter(Boolean).join(' · ') || '—'}
              </Table.Td>
              <Table.Td>{scheduleText(t, p)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.kode ?? '—'}</Table.Td>
              <Table.Td>{p.stratum ? POSYANDU_STRATUM_LABELS[p.stratum][locale] : '—'}</Table.Td>
              <Table.Td>{p.pustuName ?? '—'}</Table.Td>
              <Table.Td miw={140}>
                <Group gap={4} wrap="nowrap">
                  <Badge
                    size="sm"
                    variant="light"
                    color={p.active ? 'teal' : 'gray'}
                    style={{ flexShrink: 0 }}
                  >
                    {p.active ? t('posyandu.active') : t('posyandu.inactive')}
                  </Badge>
                  {p.ilp && (
                    <Badge size="sm" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                      ILP
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(p)}>
                    {t('person.action.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('posyandu.add') : t('posyandu.edit')}
      >
        {editing !== null && (
          <PosyanduForm
            posyandu={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
