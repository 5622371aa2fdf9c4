import {
  Alert,
  Card,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { kbInput, type KbInput, type KbVisitView } from '@shared/contract';
import { SERVICE_PLACE_LABELS, SERVICE_PLACES } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
import {
  KB_DEFAULT,
  KB_METHODS,
  KB_SIDE_EFFECTS,
  KB_STATUSES,
  type KbMethod,
} from '@shared/domain/maternal';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { PerformerSelect } from '../../components/ServiceFields';
import { call, invoke } from '../../lib/api';
import { shortDate } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import { codeOptions, DateCtl, MultiCtl, NumField, SelectCtl, useLocale } from './ui';

/** A KB service for a person: status suggested from her history, next visit computed. */
export function KbFormPage({ personId, visitId }: { personId: string; visitId?: string }) {
  const person = useQuery({
    queryKey: ['maternal.person', personId],
    queryFn: () => call('maternal.person', { personId }),
  });
  if (person.isError) return <Alert color="red">{person.error.message}</Alert>;
  if (!person.data) return <Loader />;
  const visit = visitId ? person.data.kb.find((k) => k.id === visitId) : undefined;
  return (
    <KbForm
      key={visit?.version ?? 'new'}
      personId={personId}
      name={person.data.mother.name}
      visit={visit}
    />
  );
}

function toForm(k: KbVisitView | undefined): KbInput {
  return {
    visitDate: k?.visitDate ?? '',
    place: k?.place ?? 'puskesmas',
    posyanduId: k?.posyanduId ?? null,
    performerId: k?.performerId ?? null,
    method: k?.method ?? (undefined as unknown as KbMethod),
    status: k?.status ?? (undefined as unknown as 'BARU'),
    packs: k?.packs ?? null,
    product: k?.product ?? null,
    sideEffects: k?.sideEffects ?? [],
    sideEffectNote: k?.sideEffectNote ?? '',
    notes: k?.notes ?? '',
  };
}

function KbForm({
  personId,
  name,
  visit,
}: {
  personId: string;
  name: string;
  visit?: KbVisitView;
}) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const posyandu = usePosyanduList();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(kbInput, toForm(visit));
  const { control, register, setValue } = form;
  const v = useWatch({ control });
  const ready = typeof v.visitDate === 'string' && isIsoDate(v.visitDate) && !!v.method;
  const preview = useQuery({
    queryKey: ['kb.preview', personId, v.visitDate, v.method, v.packs, v.product, visit?.id],
    enabled: ready,
    queryFn: () =>
      call('kb.preview', {
        personId,
        visitDate: v.visitDate!,
        method: v.method as KbMethod,
        ...(typeof v.packs === 'number' ? { packs: v.packs } : {}),
        ...(v.product ? { product: v.product } : {}),
        ...(visit ? { excludeId: visit.id } : {}),
      }),
  });
  // Suggest the participant status until the clerk chooses one.
  const suggested = preview.data?.suggestedStatus;
  useEffect(() => {
    if (suggested && !visit && !form.formState.dirtyFields.status) {
      setValue('status', suggested);
    }
  }, [suggested, visit, setValue, form.formState.dirtyFields.status]);

  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setBanner(null);
    const result = await invoke('kb.save', {
      personId,
      ...(visit ? { id: visit.id, version: visit.version } : {}),
      visit: values,
    });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'visit.'));
    for (const key of ['maternal.person', 'maternal.card', 'maternal.workList']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
    notifications.show({ color: 'teal', message: t('kb.saved') });
    window.history.back();
  });
  const cancel = () => window.history.back();

  const p = preview.data;
  const lines: string[] = [];
  if (p) {
    lines.push(
      p.nextVisit ? t('kb.derived.next', { date: shortDate(p.nextVisit) }) : t('kb.derived.noNext'),
    );
    if (p.pascasalin) lines.push(t('kb.derived.pascasalin', { date: shortDate(p.deliveryDate) }));
    if (p.mkjp) lines.push(t('kb.derived.mkjp'));
    lines.push(t('kb.derived.suggested', { status: KB_STATUSES[p.suggestedStatus][locale] }));
    if (p.previous) {
      lines.push(
        t('kb.derived.previous', {
          method: KB_METHODS[p.previous.method][locale],
          date: shortDate(p.previous.date),
        }),
      );
    }
  }
  const products = KB_DEFAULT.products.filter((x) => x.method === v.method);

  return (
    <Stack gap="xs">
      <PageHeader title={`${visit ? t('kb.edit') : t('kb.new')}: ${name}`} />
      <Card withBorder py={6} mt={-8} bg="teal.0" data-testid="kb-derived" aria-live="polite">
        <Text size="sm" fw={500}>
          {lines.length ? lines.join(' · ') : t('anc.derived.waiting')}
        </Text>
      </Card>
      <DataForm
        aria-label={t('kb.new')}
        onSubmit={() => void submit()}
        onCancel={cancel}
        saving={saving}
        error={banner}
      >
        <SimpleGrid cols={2} spacing="sm" maw={900}>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.visit')}
            </Title>
            <Stack gap={6}>
              <DateCtl
                control={control}
                name="visitDate"
                label={t('field.visitDate')}
                required
                autoFocus
              />
              <SelectCtl
                control={control}
                name="method"
                label={t('field.method')}
                required
                data={codeOptions(KB_METHODS, locale)}
              />
              <SelectCtl
                control={control}
                name="status"
                label={t('field.status')}
                required
                clearable={false}
                data={codeOptions(KB_STATUSES, locale)}
              />
              {v.method === 'PIL' && (
                <NumField control={control} name="packs" label={t('field.packs')} decimals={0} />
              )}
              {products.length > 0 && (
                <SelectCtl
                  control={control}
                  name="product"
                  label={t('field.product')}
                  data={products.map((x) => ({ value: x.code, label: x.label[locale] }))}
                />
              )}
              <SelectCtl
                control={control}
                name="place"
                label={t('field.place')}
                required
                clearable={false}
                data={SERVICE_PLACES.map((x) => ({
                  value: x,
                  label: SERVICE_PLACE_LABELS[x][locale],
                }))}
              />
              {v.place === 'posyandu' && (
                <SelectCtl
                  control={control}
                  name="posyanduId"
                  label={t('field.posyanduId')}
                  required
                  searchable
                  data={(posyandu.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                />
              )}
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('nifas.section.care')}
            </Title>
            <Stack gap={6}>
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
              <MultiCtl
                control={control}
                name="sideEffects"
                label={t('field.sideEffects')}
                data={codeOptions(KB_SIDE_EFFECTS, locale)}
              />
              <TextInput label={t('field.sideEffectNote')} {...register('sideEffectNote')} />
              <Textarea
                label={t('field.notes')}
                autosize
                minRows={2}
                maxRows={4}
                {...register('notes')}
              />
            </Stack>
          </Card>
        </SimpleGrid>
      </DataForm>
    </Stack>
  );
}
