import {
  Alert,
  Anchor,
  Badge,
  Box,
  Checkbox,
  Group,
  List,
  Modal,
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
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { nakesInput, type NakesInput, type NakesRow } from '@shared/contract';
import {
  KLASTER_LABELS,
  KLASTERS,
  PROFESSION_LABELS,
  PROFESSIONS,
} from '@shared/domain/codes/service';
import {
  checkNip,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
} from '@shared/domain/management';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { call, invoke } from '../../lib/api';
import { shortDate, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { CodeSelect, LicenceBadge, SexInput, useLastOpened } from './fields';
import { AddButton, EmptyRow, InactiveBadge, ListActions, OpenableRow, useCanWrite } from './list';

function toForm(n: NakesRow | null): NakesInput {
  return {
    name: n?.name ?? '',
    nik: n?.nik ?? '',
    nip: n?.nip ?? '',
    sex: n?.sex ?? ('' as 'L'),
    birthDate: n?.birthDate ?? '',
    phone: n?.phone ?? '',
    profession: n?.profession ?? ('' as 'bidan'),
    employmentStatus: n?.employmentStatus ?? null,
    education: n?.education ?? null,
    strNumber: n?.strNumber ?? '',
    strExpiry: n?.strExpiry ?? '',
    strLifetime: n?.strLifetime ?? false,
    sipNumber: n?.sipNumber ?? '',
    sipExpiry: n?.sipExpiry ?? '',
    klaster: n?.klaster ?? null,
    isPjKlaster: n?.isPjKlaster ?? false,
    satusehatId: n?.satusehatId ?? '',
    pustuId: n?.pustuId ?? null,
    active: n?.active ?? true,
    notes: n?.notes ?? '',
  };
}

function usePustuOptions() {
  return useQuery({
    queryKey: ['pustu.list', false],
    queryFn: () => call('pustu.list', { includeInactive: false }),
    staleTime: 60_000,
  });
}

/** What a typed NIP says: birth date, TMT, sex (or nothing while it is incomplete). */
function NipHint({ nip }: { nip: string | null | undefined }) {
  const t = useT();
  const digits = (nip ?? '').replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return null;
  const { parts } = checkNip(digits);
  if (!parts) return null;
  return (
    <Text size="xs" c="teal.8" mt={2}>
      {t('nakes.nipHint', {
        birth: shortDate(parts.birthDate),
        tmt: `${parts.tmt.slice(5, 7)}-${parts.tmt.slice(0, 4)}`,
        sex: t(`sex.${parts.sex}`),
      })}
    </Text>
  );
}

function NakesForm({ nakes, onClose }: { nakes: NakesRow | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const pustu = usePustuOptions();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [today] = useState(todayLocal);
  const form = useContractForm(nakesInput, toForm(nakes));
  const { control, register } = form;
  const errors = form.formState.errors;
  const [nip, strNumber, strExpiry, strLifetime, sipNumber, sipExpiry] = useWatch({
    control,
    name: ['nip', 'strNumber', 'strExpiry', 'strLifetime', 'sipNumber', 'sipExpiry'],
  });

  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    const result = nakes
      ? await invoke('nakes.update', { id: nakes.id, version: nakes.version, nakes: values })
      : await invoke('nakes.create', { nakes: values });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'nakes.'));
    void queryClient.invalidateQueries({ queryKey: ['nakes.list'] });
    void queryClient.invalidateQueries({ queryKey: ['nakes.expiring'] });
    void queryClient.invalidateQueries({ queryKey: ['nakes.options'] });
    void queryClient.invalidateQueries({ queryKey: ['pustu.list'] });
    notifications.show({ color: 'teal', message: t('nakes.saved', { name: result.value.name }) });
    onClose();
  });

  return (
    <DataForm
      aria-label={nakes ? t('nakes.edit') : t('nakes.add')}
      onSubmit={() => void submit()}
      onCancel={onClose}
      saving={saving}
      error={banner}
    >
      <SimpleGrid cols={3} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('nakes.section.identity')}
          </Title>
          <TextInput
            label={t('field.name')}
            withAsterisk
            data-autofocus
            error={errors.name?.message}
            {...register('name')}
          />
          <TextInput
            label={t('field.nik')}
            inputMode="numeric"
            maxLength={19}
            error={errors.nik?.message}
            {...register('nik')}
          />
          <div>
            <TextInput
              label={t('field.nip')}
              inputMode="numeric"
              maxLength={22}
              error={errors.nip?.message}
              {...register('nip')}
            />
            <NipHint nip={nip} />
          </div>
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
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput
            label={t('field.phone')}
            error={errors.phone?.message}
            {...register('phone')}
          />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('nakes.section.work')}
          </Title>
          <Controller
            control={control}
            name="profession"
            render={({ field, fieldState }) => (
              <CodeSelect
                label={t('field.profession')}
                withAsterisk
                searchable
                codes={PROFESSIONS}
                labels={PROFESSION_LABELS}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="employmentStatus"
            render={({ field, fieldState }) => (
              <CodeSelect
                label={t('field.employmentStatus')}
                clearable
                codes={EMPLOYMENT_STATUSES}
                labels={EMPLOYMENT_STATUS_LABELS}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="education"
            render={({ field }) => (
              <CodeSelect
                label={t('field.education')}
                clearable
                codes={EDUCATION_LEVELS}
                labels={EDUCATION_LABELS}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={control}
            name="klaster"
            render={({ field, fieldState }) => (
              <CodeSelect
                label={t('field.klaster')}
                clearable
                codes={KLASTERS}
                labels={KLASTER_LABELS}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="isPjKlaster"
            render={({ field, fieldState }) => (
              <Checkbox
                label={t('field.isPjKlaster')}
                checked={!!field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="pustuId"
            render={({ field, fieldState }) => (
              <Select
                label={t('field.pustuId')}
                clearable
                searchable
                placeholder={t('nakes.pustu.none')}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                error={fieldState.error?.message}
                data={[
                  ...(pustu.data ?? []).map((p) => ({ value: p.id, label: p.name })),
                  ...(nakes?.pustuId && !(pustu.data ?? []).some((p) => p.id === nakes.pustuId)
                    ? [{ value: nakes.pustuId, label: nakes.pustuName ?? '—' }]
                    : []),
                ]}
              />
            )}
          />
          <TextInput
            label={t('field.satusehatId')}
            placeholder="N10000001"
            error={errors.satusehatId?.message}
            {...register('satusehatId')}
          />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('nakes.section.licence')}
          </Title>
          <TextInput
            label={t('field.strNumber')}
            error={errors.strNumber?.message}
            {...register('strNumber')}
          />
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Controller
              control={control}
              name="strExpiry"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('field.strExpiry')}
                  disabled={!!strLifetime}
                  value={strLifetime ? '' : field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  style={{ flex: 1 }}
                />
              )}
            />
            <Controller
              control={control}
              name="strLifetime"
              render={({ field }) => (
                <Checkbox
                  mt={30}
                  label={t('nakes.lifetime')}
                  checked={!!field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          </Group>
          <Box>
            <LicenceBadge
              number={strNumber || null}
              expiry={strExpiry || null}
              lifetime={!!strLifetime}
              today={today}
              hideNone
            />
          </Box>
          <TextInput
            label={t('field.sipNumber')}
            error={errors.sipNumber?.message}
            {...register('sipNumber')}
          />
          <Controller
            control={control}
            name="sipExpiry"
            render={({ field, fieldState }) => (
              <DateField
                label={t('field.sipExpiry')}
                value={field.value}
                onChange={field.onChange}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
          <Box>
            <LicenceBadge
              number={sipNumber || null}
              expiry={sipExpiry || null}
              today={today}
              hideNone
            />
          </Box>
          <Textarea
            label={t('field.notes')}
            autosize
            minRows={1}
            maxRows={3}
            {...register('notes')}
          />
          {nakes && (
            <Controller
              control={control}
              name="active"
              render={({ field }) => (
                <Checkbox
                  label={t('field.active')}
                  description={t('nakes.activeHelp')}
                  checked={!!field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          )}
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('nakes.formHelp')}
      </Text>
    </DataForm>
  );
}

/** STR/SIP that end within 90 days (or have ended): who, which, when. */
function ExpiringList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const alerts = useQuery({
    queryKey: ['nakes.expiring'],
    queryFn: () => call('nakes.expiring', { days: 90 }),
  });
  const rows = alerts.data ?? [];
  if (alerts.isPending) return null;
  if (rows.length === 0) {
    return (
      <Text size="sm" c="teal.8">
        {t('nakes.expiring.none')}
      </Text>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('nakes.expiring.title', { count: rows.length })}
      aria-label={t('nakes.expiring.label')}
    >
      <ScrollArea.Autosize mah={96} type="auto">
        <List size="sm" spacing={2} data-testid="nakes-expiring">
          {rows.map((a) => (
            <List.Item key={`${a.nakesId}-${a.document}`}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={600}
                c="inherit"
                onClick={() => onOpen(a.nakesId)}
              >
                {a.name}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                ({PROFESSION_LABELS[a.profession][locale]})
              </Text>{' '}
              — {a.document} {a.number}:{' '}
              <Text span size="sm" fw={600} c={a.state === 'expired' ? 'red.8' : 'orange.9'}>
                {a.state === 'expired'
                  ? t('nakes.expiring.expired', { date: shortDate(a.expiry), days: -a.daysLeft })
                  : t('nakes.expiring.left', { date: shortDate(a.expiry), days: a.daysLeft })}
              </Text>
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}

/** The SDM register: tenaga kesehatan with STR/SIP expiry, klaster and Pustu. */
export function NakesPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const [showInactive, setShowInactive] = useState(false);
  const [profession, setProfession] = useState<string | null>(null);
  const [editing, setEditing] = useState<NakesRow | 'new' | null>(null);
  const shown = useLastOpened(editing);
  const [today] = useState(todayLocal);
  const list = useQuery({
    queryKey: ['nakes.list', showInactive],
    queryFn: () => call('nakes.list', { includeInactive: showInactive }),
  });
  const rows = (list.data ?? []).filter((n) => !profession || n.profession === profession);
  const open = (id: string) => {
    const found = (list.data ?? []).find((n) => n.id === id);
    if (found && canWrite) setEditing(found);
  };

  return (
    <Stack gap="sm">
      <ExpiringList onOpen={open} />
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <CodeSelect
            aria-label={t('field.profession')}
            placeholder={t('nakes.filter.allProfessions')}
            clearable
            w={180}
            codes={PROFESSIONS}
            labels={PROFESSION_LABELS}
            value={profession as (typeof PROFESSIONS)[number] | null}
            onChange={setProfession}
          />
          <Checkbox
            label={t('nakes.showInactive')}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
        </Group>
        <ListActions
          nowrap
          exportRun={() => invoke('nakes.export')}
          importRun={(file) => invoke('nakes.import', file)}
          refresh={['nakes.list', 'nakes.expiring']}
        >
          <AddButton label={t('nakes.add')} onClick={() => setEditing('new')} />
        </ListActions>
      </Group>
      <ScrollArea h="calc(100vh - 400px)" type="auto">
        <Table striped highlightOnHover withTableBorder stickyHeader aria-label={t('k1.tab.sdm')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('nakes.col.name')}</Table.Th>
              <Table.Th>{t('field.profession')}</Table.Th>
              <Table.Th>{t('field.employmentStatus')}</Table.Th>
              <Table.Th>{t('nakes.col.str')}</Table.Th>
              <Table.Th>{t('nakes.col.sip')}</Table.Th>
              <Table.Th>{t('field.klaster')}</Table.Th>
              <Table.Th>{t('field.pustuId')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <EmptyRow colSpan={7}>
                {list.isPending ? '…' : t(canWrite ? 'nakes.empty' : 'nakes.empty.reader')}
              </EmptyRow>
            )}
            {rows.map((n) => (
              <OpenableRow key={n.id} canWrite={canWrite} onOpen={() => setEditing(n)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {n.name}
                    <InactiveBadge active={n.active} />
                  </Text>
                  {n.nip && (
                    <Text size="xs" c="dimmed">
                      NIP {n.nip}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{PROFESSION_LABELS[n.profession][locale]}</Table.Td>
                <Table.Td>
                  {n.employmentStatus ? EMPLOYMENT_STATUS_LABELS[n.employmentStatus][locale] : '—'}
                </Table.Td>
                <Table.Td>
                  <LicenceBadge
                    number={n.strNumber}
                    expiry={n.strExpiry}
                    lifetime={n.strLifetime}
                    today={today}
                  />
                </Table.Td>
                <Table.Td>
                  <LicenceBadge number={n.sipNumber} expiry={n.sipExpiry} today={today} />
                </Table.Td>
                <Table.Td>
                  {n.klaster ? t(`nakes.klaster.${n.klaster}`) : '—'}
                  {n.isPjKlaster && (
                    <Badge ml={6} size="xs" color="indigo">
                      {t('nakes.pj')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{n.pustuName ?? '—'}</Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={shown === 'new' ? t('nakes.add') : t('nakes.edit')}
        size={1040}
      >
        {editing !== null && (
          <NakesForm nakes={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
