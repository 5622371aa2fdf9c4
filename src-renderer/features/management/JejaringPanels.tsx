import {
  Badge,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import {
  fktpInput,
  pustuInput,
  type FktpInput,
  type FktpRow,
  type PustuInput,
  type PustuRow,
} from '@shared/contract';
import { PROFESSION_LABELS } from '@shared/domain/codes/service';
import { FKTP_KIND_LABELS, FKTP_KIND_SHORT, FKTP_KINDS } from '@shared/domain/management';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useDesaList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { CodeSelect, useLastOpened } from './fields';
import { AddButton, EmptyRow, InactiveBadge, ListActions, OpenableRow, useCanWrite } from './list';

/* ------------------------------------------------------------------ Pustu */

function PustuForm({ pustu, onClose }: { pustu: PustuRow | null; onClose: () => void }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const queryClient = useQueryClient();
  const desa = useDesaList();
  const nakes = useQuery({
    queryKey: ['nakes.list', false],
    queryFn: () => call('nakes.list', { includeInactive: false }),
  });
  const [banner, setBanner] = useState<string | null>(null);
  const defaults: PustuInput = {
    name: pustu?.name ?? '',
    desaId: pustu?.desaId ?? '',
    kode: pustu?.kode ?? '',
    address: pustu?.address ?? '',
    phone: pustu?.phone ?? '',
    latitude: pustu?.latitude ?? null,
    longitude: pustu?.longitude ?? null,
    active: pustu?.active ?? true,
    notes: pustu?.notes ?? '',
    staffIds: pustu?.staff.map((s) => s.id) ?? [],
  };
  const form = useContractForm(pustuInput, defaults);
  const { control, register } = form;
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const result = pustu
      ? await invoke('pustu.update', { id: pustu.id, version: pustu.version, pustu: values })
      : await invoke('pustu.create', { pustu: values });
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'pustu.'));
    void queryClient.invalidateQueries({ queryKey: ['pustu.list'] });
    void queryClient.invalidateQueries({ queryKey: ['nakes.list'] });
    notifications.show({ color: 'teal', message: t('pustu.saved', { name: result.value.name }) });
    onClose();
  });
  const coordinate = (name: 'latitude' | 'longitude') => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={t(`field.${name}`)}
          decimalScale={6}
          hideControls
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v === '' ? null : Number(v))}
          error={fieldState.error?.message}
        />
      )}
    />
  );
  return (
    <DataForm
      aria-label={pustu ? t('pustu.edit') : t('pustu.add')}
      onSubmit={() => void submit()}
      onCancel={onClose}
      error={banner}
    >
      <Stack gap="xs">
        <TextInput
          label={t('field.name')}
          withAsterisk
          data-autofocus
          placeholder={t('pustu.namePlaceholder')}
          error={errors.name?.message}
          {...register('name')}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={control}
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
          <TextInput label={t('field.kode')} error={errors.kode?.message} {...register('kode')} />
        </SimpleGrid>
        <TextInput label={t('field.address')} {...register('address')} />
        <SimpleGrid cols={3}>
          <TextInput
            label={t('field.phone')}
            error={errors.phone?.message}
            {...register('phone')}
          />
          {coordinate('latitude')}
          {coordinate('longitude')}
        </SimpleGrid>
        <Controller
          control={control}
          name="staffIds"
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('field.staffIds')}
              description={t('pustu.staffHelp')}
              searchable
              value={field.value ?? []}
              onChange={field.onChange}
              error={fieldState.error?.message}
              data={(nakes.data ?? []).map((n) => ({
                value: n.id,
                label: `${n.name} — ${PROFESSION_LABELS[n.profession][locale]}${
                  n.pustuId && n.pustuId !== pustu?.id ? ` (${n.pustuName})` : ''
                }`,
              }))}
            />
          )}
        />
        <Textarea
          label={t('field.notes')}
          autosize
          minRows={1}
          maxRows={3}
          {...register('notes')}
        />
        {pustu && (
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
    </DataForm>
  );
}

/** Pustu of the wilayah kerja with their staff; an ILP Pustu needs a bidan and a perawat. */
export function PustuPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<PustuRow | 'new' | null>(null);
  const shown = useLastOpened(editing);
  const list = useQuery({
    queryKey: ['pustu.list', showInactive],
    queryFn: () => call('pustu.list', { includeInactive: showInactive }),
  });
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Checkbox
          label={t('pustu.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
        <ListActions
          exportRun={() => invoke('pustu.export')}
          importRun={(file) => invoke('pustu.import', file)}
          refresh={['pustu.list', 'nakes.list']}
        >
          <AddButton label={t('pustu.add')} onClick={() => setEditing('new')} />
        </ListActions>
      </Group>
      <Table striped highlightOnHover withTableBorder aria-label={t('k1.tab.pustu')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pustu.col.name')}</Table.Th>
            <Table.Th>{t('field.desaId')}</Table.Th>
            <Table.Th>{t('pustu.col.staff')}</Table.Th>
            <Table.Th ta="right">{t('pustu.col.posyandu')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <EmptyRow colSpan={4}>{list.isPending ? '…' : t('pustu.empty')}</EmptyRow>
          )}
          {rows.map((p) => (
            <OpenableRow key={p.id} canWrite={canWrite} onOpen={() => setEditing(p)}>
              <Table.Td fw={500}>
                {p.name}
                <InactiveBadge active={p.active} />
              </Table.Td>
              <Table.Td>{p.desaName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.staff.map((n) => (
                    <Badge key={n.id} size="sm" variant="light" color="teal" tt="none">
                      {n.name} · {PROFESSION_LABELS[n.profession][locale]}
                    </Badge>
                  ))}
                  {p.staffGaps.map((g) => (
                    <Badge key={g} size="sm" variant="outline" color="orange" tt="none">
                      {t('pustu.gap', { profession: PROFESSION_LABELS[g][locale].toLowerCase() })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{p.posyanduCount}</Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={shown === 'new' ? t('pustu.add') : t('pustu.edit')}
        size="lg"
      >
        {editing !== null && (
          <PustuForm pustu={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

/* -------------------------------------------------------------- FKTP lain */

function FktpForm({ fktp, onClose }: { fktp: FktpRow | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const desa = useDesaList();
  const [banner, setBanner] = useState<string | null>(null);
  const defaults: FktpInput = {
    kind: fktp?.kind ?? ('' as 'pmb'),
    name: fktp?.name ?? '',
    desaId: fktp?.desaId ?? null,
    address: fktp?.address ?? '',
    kode: fktp?.kode ?? '',
    ownerName: fktp?.ownerName ?? '',
    phone: fktp?.phone ?? '',
    bpjs: fktp?.bpjs ?? false,
    sharesData: fktp?.sharesData ?? false,
    active: fktp?.active ?? true,
    notes: fktp?.notes ?? '',
  };
  const form = useContractForm(fktpInput, defaults);
  const { control, register } = form;
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const result = fktp
      ? await invoke('fktp.update', { id: fktp.id, version: fktp.version, fktp: values })
      : await invoke('fktp.create', { fktp: values });
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'fktp.'));
    void queryClient.invalidateQueries({ queryKey: ['fktp.list'] });
    void queryClient.invalidateQueries({ queryKey: ['fktp.options'] });
    notifications.show({ color: 'teal', message: t('fktp.saved', { name: result.value.name }) });
    onClose();
  });
  const check = (name: 'bpjs' | 'sharesData' | 'active') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          label={t(`field.${name}`)}
          checked={!!field.value}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
        />
      )}
    />
  );
  return (
    <DataForm
      aria-label={fktp ? t('fktp.edit') : t('fktp.add')}
      onSubmit={() => void submit()}
      onCancel={onClose}
      error={banner}
    >
      <Stack gap="xs">
        <Controller
          control={control}
          name="kind"
          render={({ field, fieldState }) => (
            <CodeSelect
              label={t('field.kind')}
              withAsterisk
              data-autofocus
              codes={FKTP_KINDS}
              labels={FKTP_KIND_LABELS}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label={t('field.name')}
          withAsterisk
          error={errors.name?.message}
          {...register('name')}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={control}
            name="desaId"
            render={({ field, fieldState }) => (
              <Select
                label={t('field.desaId')}
                clearable
                searchable
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                error={fieldState.error?.message}
                data={(desa.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            )}
          />
          <TextInput label={t('fktp.kode')} error={errors.kode?.message} {...register('kode')} />
        </SimpleGrid>
        <TextInput
          label={t('field.address')}
          error={errors.address?.message}
          {...register('address')}
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('field.ownerName')} {...register('ownerName')} />
          <TextInput
            label={t('field.phone')}
            error={errors.phone?.message}
            {...register('phone')}
          />
        </SimpleGrid>
        <Group>
          {check('bpjs')}
          {check('sharesData')}
          {fktp && check('active')}
        </Group>
        <Textarea
          label={t('field.notes')}
          autosize
          minRows={1}
          maxRows={3}
          {...register('notes')}
        />
      </Stack>
    </DataForm>
  );
}

/** Klinik, PMB and DPM of the area, whose services for residents are entered as FKTP lain. */
export function FktpPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<FktpRow | 'new' | null>(null);
  const shown = useLastOpened(editing);
  const list = useQuery({
    queryKey: ['fktp.list', showInactive],
    queryFn: () => call('fktp.list', { includeInactive: showInactive }),
  });
  const rows = list.data ?? [];
  const yes = (b: boolean) =>
    b ? (
      <Badge size="sm" variant="light" color="teal" tt="none">
        {t('common.yes')}
      </Badge>
    ) : (
      <Text span size="sm" c="dimmed">
        {t('common.no')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Checkbox
          label={t('fktp.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
        <ListActions
          exportRun={() => invoke('fktp.export')}
          importRun={(file) => invoke('fktp.import', file)}
          refresh={['fktp.list']}
        >
          <AddButton label={t('fktp.add')} onClick={() => setEditing('new')} />
        </ListActions>
      </Group>
      <Text size="sm" c="dimmed">
        {t('fktp.help')}
      </Text>
      <Table striped highlightOnHover withTableBorder aria-label={t('k1.tab.fktp')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.kind')}</Table.Th>
            <Table.Th>{t('field.name')}</Table.Th>
            <Table.Th>{t('fktp.col.place')}</Table.Th>
            <Table.Th>{t('field.ownerName')}</Table.Th>
            <Table.Th>{t('field.phone')}</Table.Th>
            <Table.Th>{t('fktp.col.bpjs')}</Table.Th>
            <Table.Th>{t('fktp.col.reports')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <EmptyRow colSpan={7}>{list.isPending ? '…' : t('fktp.empty')}</EmptyRow>
          )}
          {rows.map((f) => (
            <OpenableRow key={f.id} canWrite={canWrite} onOpen={() => setEditing(f)}>
              <Table.Td>
                <Badge size="sm" variant="light" tt="none">
                  {FKTP_KIND_SHORT[f.kind][locale]}
                </Badge>
              </Table.Td>
              <Table.Td fw={500}>
                {f.name}
                <InactiveBadge active={f.active} />
              </Table.Td>
              <Table.Td>{[f.desaName, f.address].filter(Boolean).join(' · ') || '—'}</Table.Td>
              <Table.Td>{f.ownerName ?? '—'}</Table.Td>
              <Table.Td>{f.phone ?? '—'}</Table.Td>
              <Table.Td>{yes(f.bpjs)}</Table.Td>
              <Table.Td>{yes(f.sharesData)}</Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={shown === 'new' ? t('fktp.add') : t('fktp.edit')}
        size="lg"
      >
        {editing !== null && (
          <FktpForm fktp={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

/** The other FKTP a service form can name for "dilayani di FKTP lain". */
export function FktpSelect(props: Omit<Parameters<typeof Select>[0], 'data'>) {
  const locale = useUiStore((s) => s.locale);
  const options = useQuery({
    queryKey: ['fktp.options'],
    queryFn: () => call('fktp.options', {}),
    staleTime: 60_000,
  });
  return (
    <Select
      searchable
      clearable
      {...props}
      data={(options.data ?? []).map((o) => ({
        value: o.id,
        label: `${o.name} — ${FKTP_KIND_SHORT[o.kind][locale]}`,
      }))}
    />
  );
}
