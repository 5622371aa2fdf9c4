import {
  Alert,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { deliveryInput, type DeliveryInput, type PregnancyCard } from '@shared/contract';
import {
  BABY_OUTCOMES,
  checkBirthWeight,
  checkDeliveryGestationalAge,
  checkExtraRange,
  DELIVERY_ATTENDANTS,
  DELIVERY_COMPLICATIONS,
  DELIVERY_METHODS,
  DELIVERY_PLACES,
  gestationalAgeAt,
  isBblr,
  isPersalinanFasyankes,
  localDateOf,
  isIsoDateTime,
  MATERNAL_OUTCOMES,
  maternalRules,
  TERM_LABELS,
  termCategory,
} from '@shared/domain/maternal';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { PerformerSelect } from '../../components/ServiceFields';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import {
  CheckCtl,
  codeOptions,
  DateTimeCtl,
  MultiCtl,
  NumField,
  SelectCtl,
  useFacilityClock,
  useLocale,
} from './ui';

/** Record (or edit) the delivery; live-born babies become persons linked to the mother. */
export function DeliveryFormPage({ pregnancyId }: { pregnancyId: string }) {
  const card = useQuery({
    queryKey: ['maternal.card', pregnancyId],
    queryFn: () => call('maternal.card', { id: pregnancyId }),
  });
  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  return <DeliveryForm key={card.data.delivery?.version ?? 'new'} card={card.data} />;
}

const emptyBaby = (): DeliveryInput['babies'][number] => ({
  outcome: 'LAHIR_HIDUP',
  sex: undefined as unknown as 'L',
  name: '',
  birthWeightG: null,
  lengthCm: null,
  headCircCm: null,
  imd: false,
  vitK1: false,
  salepMata: false,
  hb0: false,
});

function toForm(card: PregnancyCard): DeliveryInput {
  const d = card.delivery;
  if (!d) {
    return {
      deliveredAt: '',
      place: undefined as unknown as 'PUSKESMAS',
      placeName: '',
      attendant: undefined as unknown as 'BIDAN',
      method: 'SPONTAN',
      complications: [],
      maternalOutcome: 'HIDUP',
      performerId: null,
      notes: '',
      babies: [emptyBaby()],
    };
  }
  return {
    deliveredAt: d.deliveredAt,
    place: d.place,
    placeName: d.placeName ?? '',
    attendant: d.attendant,
    method: d.method,
    complications: d.complications,
    maternalOutcome: d.maternalOutcome,
    performerId: d.performerId,
    notes: d.notes ?? '',
    babies: d.babies.map((b) => ({
      outcome: b.outcome,
      sex: b.sex,
      name: b.personName ?? '',
      birthWeightG: b.birthWeightG,
      lengthCm: b.lengthCm,
      headCircCm: b.headCircCm,
      imd: b.imd,
      vitK1: b.vitK1,
      salepMata: b.salepMata,
      hb0: b.hb0,
    })),
  };
}

function DeliveryForm({ card }: { card: PregnancyCard }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { offset } = useFacilityClock();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = !!card.delivery;
  const form = useContractForm(deliveryInput, toForm(card));
  const { control, register } = form;
  const babies = useFieldArray({ control, name: 'babies' });
  const v = useWatch({ control });
  const rules = maternalRules(card.rules.choice);
  const firstName = card.mother.name.split(/\s+/)[0] ?? card.mother.name;

  const live: Record<string, string> = {};
  const derived: string[] = [];
  if (typeof v.deliveredAt === 'string' && isIsoDateTime(v.deliveredAt)) {
    const date = localDateOf(v.deliveredAt);
    if (date >= card.derived.start) {
      const ga = gestationalAgeAt(card.pregnancy.hpl, date);
      const ok = checkDeliveryGestationalAge(ga.totalDays, rules.plausibility);
      if (!ok.ok) live.deliveredAt = ok.refusals[0]!.message[locale];
      derived.push(
        t('delivery.derived.ga', {
          weeks: ga.weeks,
          days: ga.days,
          term: TERM_LABELS[termCategory(ga, rules.dating)][locale],
        }),
      );
    }
  }
  if (v.place && v.attendant) {
    derived.push(
      t('delivery.derived.pf', {
        answer: isPersalinanFasyankes(v.place, v.attendant, rules.delivery)
          ? t('common.yes')
          : t('common.no'),
      }),
    );
  }
  (v.babies ?? []).forEach((b, i) => {
    if (typeof b?.birthWeightG === 'number') {
      const w = checkBirthWeight(b.birthWeightG, rules.plausibility);
      if (!w.ok)
        live[`babies.${i}.birthWeightG`] = w.refusals[0]!.message[locale].replace(/^[^:]+: /, '');
    }
    for (const k of ['lengthCm', 'headCircCm'] as const) {
      const r = checkExtraRange(k, b?.[k] as number | null);
      if (r[0]) live[`babies.${i}.${k}`] = r[0].message[locale].replace(/^[^:]+: /, '');
    }
  });

  const submit = form.handleSubmit(async (values) => {
    if (Object.keys(live).length > 0) return;
    setSaving(true);
    setBanner(null);
    const result = await invoke('maternal.saveDelivery', {
      pregnancyId: card.pregnancy.id,
      ...(card.delivery ? { id: card.delivery.id, version: card.delivery.version } : {}),
      delivery: values,
    });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'delivery.'));
    for (const key of [
      'maternal.card',
      'maternal.kohort',
      'maternal.person',
      'maternal.workList',
      'persons.card',
      'persons.search',
    ]) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
    notifications.show({
      color: 'teal',
      message: editing
        ? t('delivery.savedEdit')
        : t('delivery.saved', { count: result.value.babyPersonIds.length }),
    });
    navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);
  });
  const cancel = () => navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);

  function setCount(n: number) {
    const current = babies.fields.length;
    if (n > current)
      for (let i = current; i < n; i++) babies.append(emptyBaby(), { shouldFocus: false });
    else for (let i = current - 1; i >= n; i--) babies.remove(i);
  }

  return (
    <Stack gap="xs">
      <PageHeader
        title={`${editing ? t('delivery.edit') : t('delivery.title')}: ${card.mother.name}`}
      />
      <Card withBorder py={6} mt={-8} bg="teal.0" data-testid="delivery-derived" aria-live="polite">
        <Text size="sm" fw={500}>
          {[...derived, t('delivery.registry')].join(' · ')}
        </Text>
      </Card>
      <DataForm
        aria-label={t('delivery.title')}
        onSubmit={() => void submit()}
        onCancel={cancel}
        saving={saving}
        error={banner}
      >
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Card withBorder p="sm" w={360} style={{ flexShrink: 0 }}>
            <Title order={2} size="h6" mb={4}>
              {t('delivery.section.event')}
            </Title>
            <Stack gap={6}>
              <DateTimeCtl
                control={control}
                name="deliveredAt"
                label={t('field.deliveredAt')}
                offset={offset}
                autoFocus
              />
              {live.deliveredAt && (
                <Text size="xs" c="red.8">
                  {live.deliveredAt}
                </Text>
              )}
              <SelectCtl
                control={control}
                name="place"
                label={t('delivery.place')}
                required
                data={codeOptions(DELIVERY_PLACES, locale)}
              />
              <TextInput label={t('field.placeName')} {...register('placeName')} />
              <SelectCtl
                control={control}
                name="attendant"
                label={t('field.attendant')}
                required
                data={codeOptions(DELIVERY_ATTENDANTS, locale)}
              />
              <Group grow gap="xs" align="flex-start">
                <SelectCtl
                  control={control}
                  name="method"
                  label={t('field.method')}
                  required
                  clearable={false}
                  data={codeOptions(DELIVERY_METHODS, locale)}
                />
                <SelectCtl
                  control={control}
                  name="maternalOutcome"
                  label={t('field.maternalOutcome')}
                  required
                  clearable={false}
                  data={codeOptions(MATERNAL_OUTCOMES, locale)}
                />
              </Group>
              <MultiCtl
                control={control}
                name="complications"
                label={t('field.complications')}
                data={codeOptions(DELIVERY_COMPLICATIONS, locale)}
              />
              <Controller
                control={control}
                name="performerId"
                render={({ field }) => (
                  <PerformerSelect
                    label={t('field.performerId')}
                    value={field.value ?? null}
                    onChange={(x) => field.onChange(x)}
                    comboboxProps={{ withinPortal: true }}
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
            </Stack>
          </Card>
          <Card withBorder p="sm" style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" mb={4}>
              <Title order={2} size="h6">
                {t('delivery.section.babies')}
              </Title>
              <Group gap="xs">
                <Text size="sm">{t('delivery.babyCount')}</Text>
                <SegmentedControl
                  aria-label={t('delivery.babyCount')}
                  size="xs"
                  disabled={editing}
                  value={String(babies.fields.length)}
                  onChange={(x) => setCount(Number(x))}
                  data={['1', '2', '3', '4']}
                />
              </Group>
            </Group>
            <Table verticalSpacing={4} withRowBorders={false}>
              <Table.Tbody>
                {babies.fields.map((f, i) => (
                  <Table.Tr
                    key={f.id}
                    style={{ borderTop: i ? '1px solid var(--mantine-color-gray-3)' : undefined }}
                  >
                    <Table.Td w={64} valign="top" pt={30}>
                      <Text fw={600} size="sm">
                        {t('card.baby', { order: i + 1 })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={6}>
                        <Group grow gap="xs" align="flex-start">
                          <SelectCtl
                            control={control}
                            name={`babies.${i}.outcome`}
                            label={t('field.outcome')}
                            required
                            clearable={false}
                            data={codeOptions(BABY_OUTCOMES, locale)}
                          />
                          <Controller
                            control={control}
                            name={`babies.${i}.sex`}
                            render={({ field, fieldState }) => (
                              <div>
                                <Text size="sm" fw={500}>
                                  {t('field.sex')}{' '}
                                  <Text span c="red">
                                    *
                                  </Text>
                                </Text>
                                <SegmentedControl
                                  aria-label={`${t('card.baby', { order: i + 1 })} ${t('field.sex')}`}
                                  fullWidth
                                  value={field.value ?? ''}
                                  onChange={field.onChange}
                                  data={[
                                    { value: 'L', label: t('sex.L') },
                                    { value: 'P', label: t('sex.P') },
                                  ]}
                                />
                                {fieldState.error && (
                                  <Text size="xs" c="red.8">
                                    {fieldState.error.message}
                                  </Text>
                                )}
                              </div>
                            )}
                          />
                          <TextInput
                            label={t('field.name')}
                            disabled={editing}
                            placeholder={`By. Ny. ${firstName}${babies.fields.length > 1 ? ` ${i + 1}` : ''}`}
                            {...register(`babies.${i}.name`)}
                          />
                        </Group>
                        <Group grow gap="xs" align="flex-start">
                          <NumField
                            control={control}
                            name={`babies.${i}.birthWeightG`}
                            label={t('field.birthWeightG')}
                            decimals={0}
                            live={live[`babies.${i}.birthWeightG`]}
                            description={
                              typeof v.babies?.[i]?.birthWeightG === 'number' &&
                              !live[`babies.${i}.birthWeightG`] &&
                              isBblr(v.babies[i].birthWeightG, rules.delivery)
                                ? `⚠ ${t('card.bblr')}`
                                : undefined
                            }
                          />
                          <NumField
                            control={control}
                            name={`babies.${i}.lengthCm`}
                            label={t('field.lengthCm')}
                            live={live[`babies.${i}.lengthCm`]}
                          />
                          <NumField
                            control={control}
                            name={`babies.${i}.headCircCm`}
                            label={t('field.headCircCm')}
                            live={live[`babies.${i}.headCircCm`]}
                          />
                        </Group>
                        <Group gap="md">
                          <CheckCtl
                            control={control}
                            name={`babies.${i}.imd`}
                            label={t('field.imd')}
                          />
                          <CheckCtl
                            control={control}
                            name={`babies.${i}.vitK1`}
                            label={t('field.vitK1')}
                          />
                          <CheckCtl
                            control={control}
                            name={`babies.${i}.salepMata`}
                            label={t('field.salepMata')}
                          />
                          <CheckCtl
                            control={control}
                            name={`babies.${i}.hb0`}
                            label={t('field.hb0')}
                          />
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Group>
      </DataForm>
    </Stack>
  );
}
