import {
  Alert,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { nifasInput, type NifasInput, type NifasView, type PregnancyCard } from '@shared/contract';
import { SERVICE_PLACE_LABELS, SERVICE_PLACES } from '@shared/domain/codes/service';
import {
  checkAncMeasurements,
  checkExtraRange,
  isIsoDateTime,
  KB_METHODS,
  kfWindowOf,
  maternalRules,
  NIFAS_COMPLICATIONS,
  NIFAS_FINDINGS,
} from '@shared/domain/maternal';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { PerformerSelect } from '../../components/ServiceFields';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
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

/** Record or edit a nifas visit; the KF window shows while typing. */
export function NifasFormPage({ pregnancyId, visitId }: { pregnancyId: string; visitId?: string }) {
  const card = useQuery({
    queryKey: ['maternal.card', pregnancyId],
    queryFn: () => call('maternal.card', { id: pregnancyId }),
  });
  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  const visit = visitId ? card.data.nifas.find((n) => n.id === visitId) : undefined;
  return <NifasForm key={visit?.version ?? 'new'} card={card.data} visit={visit} />;
}

function toForm(n: NifasView | undefined): NifasInput {
  return {
    visitedAt: n?.visitedAt ?? '',
    place: n?.place ?? 'rumah',
    posyanduId: n?.posyanduId ?? null,
    performerId: n?.performerId ?? null,
    systolic: n?.systolic ?? null,
    diastolic: n?.diastolic ?? null,
    temperatureC: n?.temperatureC ?? null,
    bleeding: n?.bleeding ?? null,
    lochia: n?.lochia ?? null,
    involution: n?.involution ?? null,
    breast: n?.breast ?? null,
    ttdTablets: n?.ttdTablets ?? null,
    mentalScreened: n?.mentalScreened ?? false,
    complications: n?.complications ?? [],
    referred: n?.referred ?? false,
    vitaminA: n?.vitaminA ?? false,
    kbMethod: n?.kbMethod ?? null,
    notes: n?.notes ?? '',
  };
}

function NifasForm({ card, visit }: { card: PregnancyCard; visit?: NifasView }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const posyandu = usePosyanduList();
  const { offset } = useFacilityClock();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(nifasInput, toForm(visit));
  const { control, register } = form;
  const v = useWatch({ control });
  const rules = maternalRules(card.rules.choice);
  const delivery = card.delivery!;

  let derived = '';
  let outside = false;
  if (typeof v.visitedAt === 'string' && isIsoDateTime(v.visitedAt)) {
    const w = kfWindowOf(delivery.deliveredAt, v.visitedAt, rules.nifas);
    const hours = Math.round(w.hoursAfter);
    outside = w.code === null;
    derived = w.code
      ? t('nifas.derived.kf', { kf: w.code, hours, days: w.dayAfter })
      : t('nifas.derived.outside', { hours });
  }
  const live: Record<string, string> = {};
  const bp = checkAncMeasurements(
    {
      ...(typeof v.systolic === 'number' ? { systolic: v.systolic } : {}),
      ...(typeof v.diastolic === 'number' ? { diastolic: v.diastolic } : {}),
    },
    rules.plausibility,
  );
  if (!bp.ok)
    bp.refusals.forEach((r) => (live[r.path] ??= r.message[locale].replace(/^[^:]+: /, '')));
  const temp = checkExtraRange('temperatureC', v.temperatureC as number | null);
  if (temp[0]) live.temperatureC = temp[0].message[locale].replace(/^[^:]+: /, '');

  const submit = form.handleSubmit(async (values) => {
    if (Object.keys(live).length > 0) return;
    setSaving(true);
    setBanner(null);
    const result = await invoke('maternal.saveNifas', {
      pregnancyId: card.pregnancy.id,
      ...(visit ? { id: visit.id, version: visit.version } : {}),
      visit: values,
    });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'visit.'));
    for (const key of [
      'maternal.card',
      'maternal.kohort',
      'maternal.person',
      'maternal.workList',
    ]) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
    notifications.show({ color: 'teal', message: t('nifas.saved') });
    navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);
  });
  const cancel = () => navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);
  const findings = codeOptions(NIFAS_FINDINGS, locale);

  return (
    <Stack gap="xs">
      <PageHeader title={`${visit ? t('nifas.edit') : t('nifas.new')}: ${card.mother.name}`} />
      <Card
        withBorder
        py={6}
        mt={-8}
        bg={outside ? 'orange.0' : 'teal.0'}
        data-testid="nifas-derived"
        aria-live="polite"
      >
        <Text size="sm" fw={500}>
          {derived || t('anc.derived.waiting')}
        </Text>
      </Card>
      <DataForm
        aria-label={t('nifas.new')}
        onSubmit={() => void submit()}
        onCancel={cancel}
        saving={saving}
        error={banner}
      >
        <SimpleGrid cols={3} spacing="sm">
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.visit')}
            </Title>
            <Stack gap={6}>
              <DateTimeCtl
                control={control}
                name="visitedAt"
                label={t('field.visitedAt')}
                offset={offset}
                autoFocus
              />
              <SelectCtl
                control={control}
                name="place"
                label={t('field.place')}
                required
                clearable={false}
                data={SERVICE_PLACES.map((p) => ({
                  value: p,
                  label: SERVICE_PLACE_LABELS[p][locale],
                }))}
              />
              {v.place === 'posyandu' && (
                <SelectCtl
                  control={control}
                  name="posyanduId"
                  label={t('field.posyanduId')}
                  required
                  searchable
                  data={(posyandu.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              )}
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
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('nifas.section.exam')}
            </Title>
            <Stack gap={6}>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="systolic"
                  label={t('short.systolic')}
                  decimals={0}
                  live={live.systolic}
                />
                <NumField
                  control={control}
                  name="diastolic"
                  label={t('short.diastolic')}
                  decimals={0}
                  live={live.diastolic}
                />
              </Group>
              <NumField
                control={control}
                name="temperatureC"
                label={t('field.temperatureC')}
                live={live.temperatureC}
              />
              <Group grow gap="xs" align="flex-start">
                <SelectCtl
                  control={control}
                  name="bleeding"
                  label={t('field.bleeding')}
                  data={findings}
                />
                <SelectCtl
                  control={control}
                  name="lochia"
                  label={t('field.lochia')}
                  data={findings}
                />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <SelectCtl
                  control={control}
                  name="involution"
                  label={t('field.involution')}
                  data={findings}
                />
                <SelectCtl
                  control={control}
                  name="breast"
                  label={t('field.breast')}
                  data={findings}
                />
              </Group>
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('nifas.section.care')}
            </Title>
            <Stack gap={6}>
              <CheckCtl control={control} name="vitaminA" label={t('nifas.vitaminA')} />
              <SelectCtl
                control={control}
                name="kbMethod"
                label={t('field.kbMethod')}
                data={codeOptions(KB_METHODS, locale).filter((o) => o.value !== 'MOP')}
              />
              <NumField
                control={control}
                name="ttdTablets"
                label={t('short.ttdTablets')}
                decimals={0}
              />
              <CheckCtl control={control} name="mentalScreened" label={t('field.mentalScreened')} />
              <MultiCtl
                control={control}
                name="complications"
                label={t('field.complications')}
                data={codeOptions(NIFAS_COMPLICATIONS, locale)}
              />
              <CheckCtl control={control} name="referred" label={t('field.referred')} />
              <Textarea
                label={t('field.notes')}
                autosize
                minRows={1}
                maxRows={3}
                {...register('notes')}
              />
            </Stack>
          </Card>
        </SimpleGrid>
      </DataForm>
    </Stack>
  );
}
