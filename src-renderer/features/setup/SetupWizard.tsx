import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  PasswordInput,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useWatch, type FieldPath } from 'react-hook-form';
import { setupInput, TIMEZONES, type SetupInput, type Village } from '@shared/contract';
import { timezoneOfProvince } from '@shared/domain/identity';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from '../settings/LanguageSwitch';

type StepId = 'mode' | 'profile' | 'area' | 'admin' | 'summary';

const STEP_FIELDS: Record<StepId, FieldPath<SetupInput>[]> = {
  mode: ['facility.mode'],
  profile: [
    'facility.name',
    'facility.kodePuskesmas',
    'facility.kodeRegistrasi',
    'facility.kodePpkBpjs',
    'facility.satusehatOrgId',
    'facility.provinceCode',
    'facility.regencyCode',
    'facility.districtCode',
    'facility.timezone',
    'facility.address',
    'facility.phone',
    'facility.email',
  ],
  area: ['villageCodes'],
  admin: ['admin.username', 'admin.fullName', 'admin.password', 'admin.passwordConfirm'],
  summary: [],
};

const KIND_COLOR: Record<Village['kind'], string> = {
  desa: 'teal',
  kelurahan: 'indigo',
  desa_adat: 'grape',
};

function useAreas(
  channel: 'regions.regencies' | 'regions.districts',
  parent: string | null | undefined,
) {
  return useQuery({
    queryKey: [channel, parent],
    enabled: !!parent,
    queryFn: () =>
      channel === 'regions.regencies'
        ? call('regions.regencies', { provinceCode: parent! })
        : call('regions.districts', { regencyCode: parent! }),
  });
}

/** First-run setup: mode, facility profile, wilayah kerja, first administrator. */
export function SetupWizard() {
  const t = useT();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [extraDistricts, setExtraDistricts] = useState<string[]>([]);

  const form = useContractForm(setupInput, {
    facility: { mode: 'puskesmas', name: '', timezone: 'WIB', provinceCode: '', regencyCode: '' },
    villageCodes: [],
    admin: { username: 'admin', fullName: '', password: '', passwordConfirm: '' },
  });
  const { control, register, formState, setValue, getValues } = form;
  const errors = formState.errors;
  const [mode, provinceCode, regencyCode, districtCode, villageCodes] = useWatch({
    control,
    name: [
      'facility.mode',
      'facility.provinceCode',
      'facility.regencyCode',
      'facility.districtCode',
      'villageCodes',
    ],
  });
  const isPuskesmas = mode === 'puskesmas';
  const steps: StepId[] = isPuskesmas
    ? ['mode', 'profile', 'area', 'admin', 'summary']
    : ['mode', 'profile', 'admin', 'summary'];
  const step = steps[active] ?? 'mode';

  const provinces = useQuery({
    queryKey: ['regions.provinces'],
    queryFn: () => call('regions.provinces'),
  });
  const regencies = useAreas('regions.regencies', provinceCode);
  const districts = useAreas('regions.districts', regencyCode);
  const shownDistricts = useMemo(
    () => [districtCode, ...extraDistricts].filter((d): d is string => !!d),
    [districtCode, extraDistricts],
  );
  const villages = useQuery({
    queryKey: ['regions.villages', shownDistricts],
    enabled: isPuskesmas && shownDistricts.length > 0,
    queryFn: async () =>
      await Promise.all(
        shownDistricts.map(async (code) => ({
          code,
          villages: await call('regions.villages', { districtCode: code }),
        })),
      ),
  });

  const districtName = (code: string) => districts.data?.find((d) => d.code === code)?.name ?? code;
  const selected = new Set(villageCodes ?? []);

  function toggleVillage(code: string, on: boolean) {
    const next = new Set(getValues('villageCodes'));
    if (on) next.add(code);
    else next.delete(code);
    setValue('villageCodes', [...next], { shouldValidate: formState.isSubmitted });
  }

  // After a refused "Lanjut", the step's messages follow what the clerk types.
  const [attempted, setAttempted] = useState<StepId | null>(null);
  useEffect(() => {
    if (attempted !== step) return;
    const subscription = form.watch(() => void form.trigger(STEP_FIELDS[step]));
    return () => subscription.unsubscribe();
  }, [attempted, step, form]);

  async function next() {
    setBanner(null);
    if (!(await form.trigger(STEP_FIELDS[step], { shouldFocus: true }))) {
      setAttempted(step);
      return;
    }
    setActive((a) => Math.min(a + 1, steps.length - 1));
  }

  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setBanner(null);
    const result = await invoke('setup.complete', {
      ...values,
      villageCodes: isPuskesmas ? values.villageCodes : [],
      facility: {
        ...values.facility,
        districtCode: isPuskesmas ? values.facility.districtCode : null,
      },
    });
    setSaving(false);
    if (result.ok) {
      queryClient.setQueryData(['auth.status'], result.value);
      return;
    }
    setBanner(applyServerError(form, result.error) ?? result.error.message);
  });

  const areaOptions = (list: { code: string; name: string }[] | undefined) =>
    (list ?? []).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));

  return (
    <Container size="md" py="lg">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('setup.intro')}
          </Text>
        </div>
        <LanguageSwitch compact />
      </Group>
      <Stepper
        active={active}
        size="sm"
        mb="lg"
        allowNextStepsSelect={false}
        onStepClick={setActive}
      >
        {steps.map((s) => (
          <Stepper.Step key={s} label={t(`setup.step.${s}`)} />
        ))}
      </Stepper>

      <DataForm
        aria-label={t('setup.title')}
        onSubmit={() => (step === 'summary' ? void submit() : void next())}
        error={banner}
        actions={
          <Group justify="space-between" mt="lg">
            <Button
              variant="default"
              disabled={active === 0}
              onClick={() => setActive((a) => a - 1)}
              data-skip-enter
            >
              {t('common.back')}
            </Button>
            {step === 'summary' ? (
              <Button type="submit" loading={saving} data-skip-enter>
                {t('setup.finish')}
              </Button>
            ) : (
              <Button type="submit" data-skip-enter>
                {t('common.next')}
              </Button>
            )}
          </Group>
        }
      >
        {step === 'mode' && (
          <Controller
            control={control}
            name="facility.mode"
            render={({ field }) => (
              <Radio.Group {...field} label={t('field.mode')}>
                <SimpleGrid cols={2} mt="xs">
                  {(['puskesmas', 'dinkes'] as const).map((m) => (
                    <Card key={m} withBorder padding="md">
                      <Radio
                        value={m}
                        label={t(`setup.mode.${m}`)}
                        data-autofocus={m === 'puskesmas' || undefined}
                      />
                      <Text size="sm" c="dimmed" mt={6} ml={30}>
                        {t(`setup.mode.${m}.help`)}
                      </Text>
                    </Card>
                  ))}
                </SimpleGrid>
              </Radio.Group>
            )}
          />
        )}

        {step === 'profile' && (
          <Stack gap="sm">
            <TextInput
              label={t('field.name')}
              placeholder={
                isPuskesmas ? 'Puskesmas Karangpawitan' : 'Dinas Kesehatan Kabupaten Garut'
              }
              withAsterisk
              autoFocus
              error={errors.facility?.name?.message}
              {...register('facility.name')}
            />
            {isPuskesmas && (
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('field.kodePuskesmas')}
                  error={errors.facility?.kodePuskesmas?.message}
                  {...register('facility.kodePuskesmas')}
                />
                <TextInput
                  label={t('field.kodeRegistrasi')}
                  error={errors.facility?.kodeRegistrasi?.message}
                  {...register('facility.kodeRegistrasi')}
                />
                <TextInput
                  label={t('field.kodePpkBpjs')}
                  error={errors.facility?.kodePpkBpjs?.message}
                  {...register('facility.kodePpkBpjs')}
                />
                <TextInput
                  label={t('field.satusehatOrgId')}
                  error={errors.facility?.satusehatOrgId?.message}
                  {...register('facility.satusehatOrgId')}
                />
              </SimpleGrid>
            )}
            <SimpleGrid cols={isPuskesmas ? 3 : 2}>
              <Controller
                control={control}
                name="facility.provinceCode"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('field.provinceCode')}
                    withAsterisk
                    searchable
                    data={areaOptions(provinces.data)}
                    value={field.value || null}
                    onChange={(v) => {
                      field.onChange(v ?? '');
                      setValue('facility.regencyCode', '');
                      setValue('facility.districtCode', null);
                      setValue('villageCodes', []);
                      setExtraDistricts([]);
                      if (v) setValue('facility.timezone', timezoneOfProvince(v));
                    }}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                    nothingFoundMessage={t('common.none')}
                  />
                )}
              />
              <Controller
                control={control}
                name="facility.regencyCode"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('field.regencyCode')}
                    withAsterisk
                    searchable
                    disabled={!provinceCode}
                    data={areaOptions(regencies.data)}
                    value={field.value || null}
                    onChange={(v) => {
                      field.onChange(v ?? '');
                      setValue('facility.districtCode', null);
                      setValue('villageCodes', []);
                      setExtraDistricts([]);
                    }}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                    nothingFoundMessage={t('common.none')}
                  />
                )}
              />
              {isPuskesmas && (
                <Controller
                  control={control}
                  name="facility.districtCode"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('field.districtCode')}
                      withAsterisk
                      searchable
                      disabled={!regencyCode}
                      data={areaOptions(districts.data)}
                      value={field.value ?? null}
                      onChange={(v) => {
                        field.onChange(v);
                        setValue('villageCodes', []);
                        setExtraDistricts([]);
                      }}
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                      nothingFoundMessage={t('common.none')}
                    />
                  )}
                />
              )}
            </SimpleGrid>
            <Controller
              control={control}
              name="facility.timezone"
              render={({ field }) => (
                <Radio.Group {...field} label={t('field.timezone')}>
                  <Group mt={4}>
                    {TIMEZONES.map((tz) => (
                      <Radio key={tz} value={tz} label={t(`setup.tz.${tz}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <Textarea
              label={t('field.address')}
              autosize
              minRows={2}
              error={errors.facility?.address?.message}
              {...register('facility.address')}
            />
            <SimpleGrid cols={2}>
              <TextInput
                label={t('field.phone')}
                error={errors.facility?.phone?.message}
                {...register('facility.phone')}
              />
              <TextInput
                label={t('field.email')}
                type="email"
                error={errors.facility?.email?.message}
                {...register('facility.email')}
              />
            </SimpleGrid>
          </Stack>
        )}

        {step === 'area' && (
          <Stack gap="sm">
            <Text size="sm">{t('setup.area.help')}</Text>
            {errors.villageCodes?.message && (
              <Alert color="red" role="alert">
                {t('field.villageCodes')}: {errors.villageCodes.message}
              </Alert>
            )}
            <ScrollArea.Autosize mah={330} type="auto">
              {(villages.data ?? []).map((group) => (
                <Card key={group.code} withBorder mb="sm" padding="sm">
                  <Group justify="space-between" mb={6}>
                    <Text fw={600}>
                      {t('field.districtCode')} {districtName(group.code)}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => group.villages.forEach((v) => toggleVillage(v.code, true))}
                    >
                      {t('setup.area.all')}
                    </Button>
                  </Group>
                  <SimpleGrid cols={3} spacing={6}>
                    {group.villages.map((v) => (
                      <Checkbox
                        key={v.code}
                        checked={selected.has(v.code)}
                        onChange={(e) => toggleVillage(v.code, e.currentTarget.checked)}
                        label={
                          <Group gap={6} wrap="nowrap">
                            <span>{v.name}</span>
                            <Badge size="xs" variant="light" color={KIND_COLOR[v.kind]}>
                              {t(`village.kind.${v.kind}`)}
                            </Badge>
                          </Group>
                        }
                      />
                    ))}
                  </SimpleGrid>
                </Card>
              ))}
            </ScrollArea.Autosize>
            <Select
              label={t('setup.area.more')}
              placeholder={t('setup.area.morePlaceholder')}
              searchable
              clearable
              value={null}
              data={areaOptions(
                (districts.data ?? []).filter((d) => !shownDistricts.includes(d.code)),
              )}
              onChange={(v) => v && setExtraDistricts((list) => [...list, v])}
            />
            <Text size="sm" c="dimmed">
              {t('setup.area.count', { count: selected.size })}
            </Text>
          </Stack>
        )}

        {step === 'admin' && (
          <Stack gap="sm" maw={480}>
            <Text size="sm">{t('setup.admin.help')}</Text>
            <TextInput
              label={t('field.fullName')}
              withAsterisk
              autoFocus
              error={errors.admin?.fullName?.message}
              {...register('admin.fullName')}
            />
            <TextInput
              label={t('field.username')}
              withAsterisk
              error={errors.admin?.username?.message}
              {...register('admin.username')}
            />
            <PasswordInput
              label={t('field.password')}
              withAsterisk
              error={errors.admin?.password?.message}
              {...register('admin.password')}
            />
            <PasswordInput
              label={t('field.passwordConfirm')}
              withAsterisk
              error={errors.admin?.passwordConfirm?.message}
              {...register('admin.passwordConfirm')}
            />
          </Stack>
        )}

        {step === 'summary' && <Summary values={getValues()} districtName={districtName} />}
      </DataForm>
    </Container>
  );
}

function Summary({
  values,
  districtName,
}: {
  values: SetupInput;
  districtName: (code: string) => string;
}) {
  const t = useT();
  const f = values.facility;
  const rows: [string, string][] = [
    [t('field.mode'), t(`setup.mode.${f.mode}`)],
    [t('field.name'), f.name],
    [t('field.kodePuskesmas'), f.kodePuskesmas || '—'],
    [t('field.regencyCode'), f.regencyCode],
    ...(f.districtCode
      ? ([[t('field.districtCode'), districtName(f.districtCode)]] as [string, string][])
      : []),
    [t('field.timezone'), f.timezone],
    [
      t('field.villageCodes'),
      f.mode === 'puskesmas' ? t('setup.area.count', { count: values.villageCodes.length }) : '—',
    ],
    [t('field.username'), values.admin.username],
  ];
  return (
    <Stack>
      <Text size="sm">{t('setup.summary.help')}</Text>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={220}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
