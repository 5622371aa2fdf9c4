import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import {
  personInput,
  type PersonDetail,
  type PersonInput,
  type PersonSaveResult,
} from '@shared/contract';
import { isIsoDate } from '@shared/domain/dates';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { fullAgeText, shortDate, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { posyanduOptions, useDesaList, usePosyanduList } from '../../lib/lookups';

type Similar = Extract<PersonSaveResult, { saved: false }>['similar'];

function toForm(p: PersonDetail | undefined): PersonInput {
  return {
    nik: p?.nik ?? '',
    nikIbu: p?.nikIbu ?? '',
    noKk: p?.noKk ?? '',
    name: p?.name ?? '',
    sex: p?.sex ?? ('' as 'L'),
    birthDate: p?.birthDate ?? '',
    birthDateEstimated: p?.birthDateEstimated ?? false,
    birthPlace: p?.birthPlace ?? '',
    desaId: p?.desaId ?? null,
    outsideAddress: p?.outsideAddress ?? '',
    rt: p?.rt ?? '',
    rw: p?.rw ?? '',
    address: p?.address ?? '',
    phone: p?.phone ?? '',
    bpjsNo: p?.bpjsNo ?? '',
    posyanduId: p?.posyanduId ?? '',
    notes: p?.notes ?? '',
  };
}

/** Create (no id) or edit a person. */
export function PersonFormPage({ id }: { id?: string }) {
  const existing = useQuery({
    queryKey: ['persons.get', id],
    enabled: !!id,
    queryFn: () => call('persons.get', { id: id! }),
  });
  if (id && !existing.data) return <Loader />;
  return <PersonForm key={existing.data?.version ?? 'new'} person={existing.data} />;
}

function NikHint({
  nik,
  sex,
  birthDate,
  excludeId,
  hideErrors,
}: {
  nik: string;
  sex?: string;
  birthDate?: string;
  excludeId?: string;
  /** The field already shows an error (after a save attempt): do not say it twice. */
  hideErrors: boolean;
}) {
  const t = useT();
  const digits = (nik ?? '').replace(/\s+/g, '');
  const check = useQuery({
    queryKey: ['persons.checkNik', digits, sex, birthDate, excludeId],
    enabled: /^\d{16}$/.test(digits),
    queryFn: () =>
      call('persons.checkNik', {
        nik: digits,
        sex: sex === 'L' || sex === 'P' ? sex : undefined,
        birthDate: birthDate && isIsoDate(birthDate) ? birthDate : undefined,
        excludeId,
      }),
  });
  if (!check.data) return null;
  const { description, errors, warnings, existing } = check.data;
  return (
    <Stack gap={2} mt={4} aria-live="polite">
      {description && (
        <Text size="xs" c="teal.8">
          {description}
        </Text>
      )}
      {!hideErrors &&
        errors.map((e) => (
          <Text key={e.code} size="xs" c="red.8">
            {e.message}
          </Text>
        ))}
      {warnings.map((w) => (
        <Text key={w.code} size="xs" c="orange.8">
          ⚠ {w.message}
        </Text>
      ))}
      {existing && (
        <Text size="xs" c="red.8">
          {t('person.nik.exists', { name: existing.name })}{' '}
          <Anchor component={Link} href={`/penduduk/${existing.id}`} size="xs">
            {t('person.nik.open')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function PersonForm({ person }: { person?: PersonDetail }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const desa = useDesaList();
  const posyandu = usePosyanduList();
  const [noNik, setNoNik] = useState(!!person && !person.nik);
  const [banner, setBanner] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [similar, setSimilar] = useState<Similar | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [today] = useState(todayLocal);

  const form = useContractForm(personInput, toForm(person));
  const { control, register, formState, setValue } = form;
  const errors = formState.errors;
  const [nik, sex, birthDate, desaId] = useWatch({
    control,
    name: ['nik', 'sex', 'birthDate', 'desaId'],
  });
  const [outside, setOutside] = useState(!!person && !person.desaId);

  useEffect(() => {
    if (noNik) setValue('nik', '');
    else setValue('nikIbu', '');
  }, [noNik, setValue]);

  const save = (confirmNotDuplicate: boolean) =>
    form.handleSubmit(async (values) => {
      setSaving(true);
      setBanner(null);
      setDuplicateOf(null);
      const payload = {
        ...values,
        desaId: outside ? null : values.desaId,
        outsideAddress: outside ? values.outsideAddress : null,
      };
      const result = person
        ? await invoke('persons.update', {
            id: person.id,
            version: person.version,
            person: payload,
            confirmNotDuplicate,
          })
        : await invoke('persons.create', { person: payload, confirmNotDuplicate });
      setSaving(false);
      if (!result.ok) {
        if (result.error.code === 'CONFLICT') setConflict(true);
        if (result.error.code === 'DUPLICATE')
          setDuplicateOf(String(result.error.details?.personId ?? ''));
        setBanner(applyServerError(form, result.error, 'person.'));
        return;
      }
      if (!result.value.saved) {
        setSimilar(result.value.similar);
        return;
      }
      setSimilar(null);
      const saved = result.value.person;
      void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
      queryClient.setQueryData(['persons.get', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['persons.card'] });
      notifications.show({
        color: 'teal',
        message: [t('person.saved'), ...result.value.warnings.map((w) => `⚠ ${w.message}`)].join(
          ' — ',
        ),
      });
      navigate(`/penduduk/${saved.id}`);
    })();

  const cancel = () => navigate(person ? `/penduduk/${person.id}` : '/penduduk');
  const desaPosyandu = (posyandu.data ?? []).filter((p) => !desaId || p.desaId === desaId);

  return (
    <Stack>
      <PageHeader title={person ? `${t('person.edit')}: ${person.name}` : t('person.new')} />
      <DataForm
        aria-label={person ? t('person.edit') : t('person.new')}
        onSubmit={() => void save(false)}
        onCancel={cancel}
        saving={saving}
        error={banner}
        extraActions={
          conflict && person ? (
            <Button
              variant="light"
              color="orange"
              onClick={() =>
                void queryClient.invalidateQueries({ queryKey: ['persons.get', person.id] })
              }
            >
              {t('person.conflict.reload')}
            </Button>
          ) : undefined
        }
      >
        <SimpleGrid cols={2} spacing="md">
          <Card withBorder>
            <Title order={2} size="h5" mb="sm">
              {t('person.section.identity')}
            </Title>
            <Stack gap="xs">
              {!noNik && (
                <div>
                  <TextInput
                    label={t('field.nik')}
                    autoFocus
                    inputMode="numeric"
                    maxLength={19}
                    error={errors.nik?.message}
                    {...register('nik')}
                  />
                  <NikHint
                    nik={nik ?? ''}
                    sex={sex}
                    birthDate={birthDate}
                    excludeId={person?.id}
                    hideErrors={!!errors.nik}
                  />
                  {duplicateOf && (
                    <Anchor component={Link} href={`/penduduk/${duplicateOf}`} size="sm">
                      {t('person.nik.open')}
                    </Anchor>
                  )}
                </div>
              )}
              <Checkbox
                label={t('person.noNik')}
                checked={noNik}
                onChange={(e) => setNoNik(e.currentTarget.checked)}
              />
              {noNik && (
                <TextInput
                  label={t('field.nikIbu')}
                  inputMode="numeric"
                  maxLength={19}
                  error={errors.nikIbu?.message}
                  {...register('nikIbu')}
                />
              )}
              <TextInput
                label={t('field.noKk')}
                inputMode="numeric"
                maxLength={19}
                error={errors.noKk?.message}
                {...register('noKk')}
              />
              <TextInput
                label={t('field.name')}
                withAsterisk
                error={errors.name?.message}
                {...register('name')}
              />
              <Controller
                control={control}
                name="sex"
                render={({ field, fieldState }) => (
                  <div>
                    <Text size="sm" fw={500}>
                      {t('field.sex')}{' '}
                      <Text span c="red">
                        *
                      </Text>
                    </Text>
                    <SegmentedControl
                      aria-label={t('field.sex')}
                      value={field.value ?? ''}
                      onChange={field.onChange}
                      data={[
                        { value: 'L', label: t('sex.L') },
                        { value: 'P', label: t('sex.P') },
                      ]}
                    />
                    {fieldState.error && (
                      <Text size="xs" c="red.8" mt={2}>
                        {fieldState.error.message}
                      </Text>
                    )}
                  </div>
                )}
              />
              <Group grow align="flex-start">
                <Controller
                  control={control}
                  name="birthDate"
                  render={({ field, fieldState }) => (
                    <DateField
                      label={t('field.birthDate')}
                      withAsterisk
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={fieldState.error?.message}
                      description={
                        birthDate && isIsoDate(birthDate) && birthDate <= today
                          ? t('person.age', { age: fullAgeText(t, birthDate, today) })
                          : undefined
                      }
                    />
                  )}
                />
                <TextInput
                  label={t('field.birthPlace')}
                  error={errors.birthPlace?.message}
                  {...register('birthPlace')}
                />
              </Group>
              <Checkbox label={t('field.birthDateEstimated')} {...register('birthDateEstimated')} />
            </Stack>
          </Card>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h5" mb="sm">
                {t('person.section.address')}
              </Title>
              <Stack gap="xs">
                <Controller
                  control={control}
                  name="desaId"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('field.desaId')}
                      withAsterisk
                      searchable
                      value={outside ? 'luar' : field.value || null}
                      onChange={(v) => {
                        setOutside(v === 'luar');
                        field.onChange(v && v !== 'luar' ? v : null);
                      }}
                      onBlur={field.onBlur}
                      error={outside ? undefined : fieldState.error?.message}
                      data={[
                        ...(desa.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                        { value: 'luar', label: t('person.luar') },
                      ]}
                    />
                  )}
                />
                {outside && (
                  <TextInput
                    label={t('field.outsideAddress')}
                    withAsterisk
                    error={errors.outsideAddress?.message}
                    {...register('outsideAddress')}
                  />
                )}
                <Group grow>
                  <TextInput
                    label={t('field.rt')}
                    maxLength={5}
                    error={errors.rt?.message}
                    {...register('rt')}
                  />
                  <TextInput
                    label={t('field.rw')}
                    maxLength={5}
                    error={errors.rw?.message}
                    {...register('rw')}
                  />
                </Group>
                <TextInput
                  label={t('field.address')}
                  error={errors.address?.message}
                  {...register('address')}
                />
                <Controller
                  control={control}
                  name="posyanduId"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('field.posyanduId')}
                      clearable
                      searchable
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      error={fieldState.error?.message}
                      data={posyanduOptions(desaPosyandu)}
                    />
                  )}
                />
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h5" mb="sm">
                {t('person.section.other')}
              </Title>
              <Stack gap="xs">
                <Group grow>
                  <TextInput
                    label={t('field.phone')}
                    inputMode="tel"
                    error={errors.phone?.message}
                    {...register('phone')}
                  />
                  <TextInput
                    label={t('field.bpjsNo')}
                    inputMode="numeric"
                    error={errors.bpjsNo?.message}
                    {...register('bpjsNo')}
                  />
                </Group>
                <Textarea
                  label={t('field.notes')}
                  autosize
                  minRows={2}
                  error={errors.notes?.message}
                  {...register('notes')}
                />
              </Stack>
            </Card>
          </Stack>
        </SimpleGrid>
      </DataForm>

      <Modal
        opened={similar !== null}
        onClose={() => setSimilar(null)}
        title={t('person.similar.title')}
        size="lg"
      >
        <Text size="sm" mb="sm">
          {t('person.similar.body')}
        </Text>
        <List spacing={4} mb="md">
          {(similar ?? []).map((s) => (
            <List.Item key={s.id}>
              <Anchor component={Link} href={`/penduduk/${s.id}`}>
                {s.name}
              </Anchor>{' '}
              — {shortDate(s.birthDate)}, {s.place ?? '—'} {s.nik ? `(NIK ${s.nik})` : ''}{' '}
              {s.reason === 'nameBirthDateDesa' && (
                <Text span size="xs" c="orange.8">
                  {t('person.similar.sameDesa')}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setSimilar(null)}>
            {t('common.back')}
          </Button>
          <Button color="orange" onClick={() => void save(true)} loading={saving}>
            {t('person.similar.save')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
