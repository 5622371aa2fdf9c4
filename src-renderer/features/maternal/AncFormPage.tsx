import {
  Alert,
  Card,
  Group,
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
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { ancInput, type AncInput, type AncView, type PregnancyCard } from '@shared/contract';
import { SERVICE_PLACE_LABELS, SERVICE_PLACES } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
import {
  ANC_COMPLICATIONS,
  BLOOD_TYPE_CODES,
  checkAncMeasurements,
  checkExtraRange,
  checkVisitWindow,
  COUNSELING,
  gestationalAgeAt,
  LAB_RESULTS,
  labelAncContacts,
  maternalRules,
  MT_KINDS,
  PRESENTATIONS,
  PROTEIN_URINE,
  RHESUS,
  riskFlags,
  suggestAncNextVisit,
  trimesterOf,
  type AncMeasurements,
} from '@shared/domain/maternal';
import type { Refusal } from '@shared/domain/refusal';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { PerformerSelect } from '../../components/ServiceFields';
import { call, invoke } from '../../lib/api';
import { shortDate, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import {
  CheckCtl,
  codeOptions,
  DateCtl,
  FlagBadges,
  MultiCtl,
  NumField,
  SelectCtl,
  useLocale,
} from './ui';

/** Record or edit one ANC contact; UK, trimester, the K label and flags show while typing. */
export function AncFormPage({
  pregnancyId,
  contactId,
}: {
  pregnancyId: string;
  contactId?: string;
}) {
  const card = useQuery({
    queryKey: ['maternal.card', pregnancyId],
    queryFn: () => call('maternal.card', { id: pregnancyId }),
  });
  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  const contact = contactId ? card.data.contacts.find((c) => c.id === contactId) : undefined;
  return <AncForm key={contact?.version ?? 'new'} card={card.data} contact={contact} />;
}

function toForm(c: AncView | undefined, card: PregnancyCard): AncInput {
  const last = card.contacts.at(-1);
  return {
    visitDate: c?.visitDate ?? '',
    place: c?.place ?? last?.place ?? 'puskesmas',
    posyanduId: c?.posyanduId ?? last?.posyanduId ?? null,
    performerId: c?.performerId ?? last?.performerId ?? null,
    byDoctor: c?.byDoctor ?? false,
    usg: c?.usg ?? false,
    weightKg: c?.weightKg ?? null,
    lilaCm: c?.lilaCm ?? null,
    systolic: c?.systolic ?? null,
    diastolic: c?.diastolic ?? null,
    tfuCm: c?.tfuCm ?? null,
    djjPerMin: c?.djjPerMin ?? null,
    presentation: c?.presentation ?? null,
    hbGdl: c?.hbGdl ?? null,
    proteinUrine: c?.proteinUrine ?? null,
    bloodGlucoseMgdl: c?.bloodGlucoseMgdl ?? null,
    bloodType: c?.bloodType ?? null,
    rhesus: c?.rhesus ?? null,
    hiv: c?.hiv ?? null,
    syphilis: c?.syphilis ?? null,
    hbsag: c?.hbsag ?? null,
    tdGiven: c?.tdGiven ?? false,
    ttdTablets: c?.ttdTablets ?? null,
    mtKind: c?.mtKind ?? null,
    counseling: c?.counseling ?? [],
    complications: c?.complications ?? [],
    management: c?.management ?? '',
    referred: c?.referred ?? false,
    nextVisitDate: c?.nextVisitDate ?? null,
    notes: c?.notes ?? '',
  };
}

const MEASURES = [
  'weightKg',
  'lilaCm',
  'systolic',
  'diastolic',
  'tfuCm',
  'djjPerMin',
  'hbGdl',
] as const;

function AncForm({ card, contact }: { card: PregnancyCard; contact?: AncView }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const posyandu = usePosyanduList();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [today] = useState(todayLocal);
  const form = useContractForm(ancInput, toForm(contact, card));
  const { control, register } = form;
  const v = useWatch({ control });
  const rules = maternalRules(card.rules.choice);
  const start = card.derived.start;
  const hpl = card.pregnancy.hpl;

  // Rules while typing: the visit window, impossible values, flags, the K label.
  const measurements: AncMeasurements = Object.fromEntries(
    MEASURES.filter((k) => typeof v[k] === 'number').map((k) => [k, v[k] as number]),
  );
  const checked = checkAncMeasurements(measurements, rules.plausibility);
  const live: Record<string, string> = {};
  const note = (r: Refusal) => {
    const prefix = `${r.field[locale]}: `;
    live[r.path] ??= r.message[locale].startsWith(prefix)
      ? r.message[locale].slice(prefix.length)
      : r.message[locale];
  };
  if (!checked.ok) checked.refusals.forEach(note);
  checkExtraRange('bloodGlucoseMgdl', v.bloodGlucoseMgdl as number | null).forEach(note);
  let derivedLines: string[] = [];
  let flags: string[] = [];
  const dateOk = typeof v.visitDate === 'string' && isIsoDate(v.visitDate);
  if (dateOk) {
    const window = checkVisitWindow(v.visitDate!, { hpl, hpht: start }, rules.dating);
    if (!window.ok) window.refusals.forEach(note);
    else if (v.visitDate! > today) live.visitDate = t('maternal.error.future');
    else {
      const ga = gestationalAgeAt(hpl, v.visitDate!);
      const trimester = trimesterOf(ga, rules.trimester);
      const others = card.contacts
        .filter((c) => c.id !== contact?.id)
        .map((c) => ({
          date: c.visitDate,
          trimester: c.trimester as 1 | 2 | 3,
          byDoctor: c.byDoctor,
          self: false,
        }));
      const all = [
        ...others,
        { date: v.visitDate!, trimester, byDoctor: !!v.byDoctor, self: true },
      ].sort((a, b) => (a.date < b.date ? -1 : 1));
      const labelled = labelAncContacts(all, rules.split);
      derivedLines = [t('anc.derived.uk', { weeks: ga.weeks, days: ga.days, trimester })];
      if (labelled.ok) {
        const mine = labelled.value[all.findIndex((x) => x.self)]!;
        derivedLines.push(
          mine.label
            ? t('anc.derived.label', {
                label: `${mine.label}${mine.label === 'K1' ? ` (${mine.k1Murni ? t('card.contact.murni') : t('card.contact.akses')})` : ''}`,
              })
            : t('anc.derived.beyond'),
        );
      } else {
        labelled.refusals.forEach((r) => note({ ...r, path: 'visitDate' }));
      }
      const suggested = suggestAncNextVisit(v.visitDate!, ga, rules.revisit);
      if (suggested)
        derivedLines.push(t('anc.derived.nextSuggested', { date: shortDate(suggested) }));
    }
  }
  if (checked.ok) {
    const r = riskFlags(measurements, rules.risk, rules.plausibility);
    flags = r.ok ? [...r.value] : [];
  }
  if (v.hiv === 'REAKTIF') flags.push('HIV_REAKTIF');
  if (v.syphilis === 'REAKTIF') flags.push('SIFILIS_REAKTIF');
  if (v.hbsag === 'REAKTIF') flags.push('HBSAG_REAKTIF');
  flags.push(...((v.complications ?? []) as string[]));
  const blocked = Object.keys(live).length > 0;

  const submit = form.handleSubmit(async (values) => {
    if (blocked) return;
    setSaving(true);
    setBanner(null);
    const result = await invoke('maternal.saveAnc', {
      pregnancyId: card.pregnancy.id,
      ...(contact ? { id: contact.id, version: contact.version } : {}),
      contact: values,
    });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'contact.'));
    void queryClient.invalidateQueries({ queryKey: ['maternal.card', card.pregnancy.id] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.kohort'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.workList'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.person'] });
    notifications.show({ color: 'teal', message: t('anc.saved') });
    navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);
  });
  const cancel = () => navigate(`~/klaster-2/ibu/kehamilan/${card.pregnancy.id}`);
  const err = (k: string) => live[k] ?? null;
  const labOptions = codeOptions(LAB_RESULTS, locale);

  return (
    <Stack gap="xs">
      <PageHeader title={`${contact ? t('anc.edit') : t('anc.new')}: ${card.mother.name}`} />
      <Card
        withBorder
        py={6}
        mt={-8}
        bg={flags.length ? 'orange.0' : 'teal.0'}
        data-testid="anc-derived"
        aria-live="polite"
      >
        <Group gap="md" wrap="nowrap" justify="space-between">
          <Text size="sm" fw={500}>
            {dateOk && derivedLines.length ? derivedLines.join(' · ') : t('anc.derived.waiting')}
          </Text>
          {flags.length > 0 ? (
            <FlagBadges flags={flags} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('anc.derived.noFlags')}
            </Text>
          )}
        </Group>
      </Card>
      <DataForm
        aria-label={contact ? t('anc.edit') : t('anc.new')}
        onSubmit={() => void submit()}
        onCancel={cancel}
        saving={saving}
        error={banner}
      >
        <SimpleGrid cols={4} spacing="sm">
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.visit')}
            </Title>
            <Stack gap={6}>
              <Controller
                control={control}
                name="visitDate"
                render={({ field, fieldState }) => (
                  <DateFieldLive
                    label={t('field.visitDate')}
                    value={field.value}
                    onChange={field.onChange}
                    inputRef={field.ref}
                    error={fieldState.error?.message ?? err('visitDate')}
                  />
                )}
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
              <CheckCtl control={control} name="byDoctor" label={t('field.byDoctor')} />
              <CheckCtl control={control} name="usg" label={t('field.usg')} />
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.exam')}
            </Title>
            <Stack gap={6}>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="weightKg"
                  label={t('short.weightKg')}
                  live={err('weightKg')}
                />
                <NumField
                  control={control}
                  name="lilaCm"
                  label={t('field.lilaCm')}
                  live={err('lilaCm')}
                />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="systolic"
                  label={t('short.systolic')}
                  decimals={0}
                  live={err('systolic')}
                />
                <NumField
                  control={control}
                  name="diastolic"
                  label={t('short.diastolic')}
                  decimals={0}
                  live={err('diastolic')}
                />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="tfuCm"
                  label={t('field.tfuCm')}
                  live={err('tfuCm')}
                />
                <NumField
                  control={control}
                  name="djjPerMin"
                  label={t('short.djjPerMin')}
                  decimals={0}
                  live={err('djjPerMin')}
                />
              </Group>
              <SelectCtl
                control={control}
                name="presentation"
                label={t('field.presentation')}
                data={codeOptions(PRESENTATIONS, locale)}
              />
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.lab')}
            </Title>
            <Stack gap={6}>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="hbGdl"
                  label={t('field.hbGdl')}
                  live={err('hbGdl')}
                />
                <SelectCtl
                  control={control}
                  name="proteinUrine"
                  label={t('field.proteinUrine')}
                  data={codeOptions(PROTEIN_URINE, locale)}
                />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="bloodGlucoseMgdl"
                  label={t('short.bloodGlucoseMgdl')}
                  decimals={0}
                  live={err('bloodGlucoseMgdl')}
                />
                <SelectCtl
                  control={control}
                  name="bloodType"
                  label={t('short.bloodType')}
                  data={BLOOD_TYPE_CODES.map((b) => ({ value: b, label: b }))}
                />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <SelectCtl
                  control={control}
                  name="rhesus"
                  label={t('field.rhesus')}
                  data={codeOptions(RHESUS, locale)}
                />
                <SelectCtl control={control} name="hiv" label={t('field.hiv')} data={labOptions} />
              </Group>
              <Group grow gap="xs" align="flex-start">
                <SelectCtl
                  control={control}
                  name="syphilis"
                  label={t('field.syphilis')}
                  data={labOptions}
                />
                <SelectCtl
                  control={control}
                  name="hbsag"
                  label={t('field.hbsag')}
                  data={labOptions}
                />
              </Group>
            </Stack>
          </Card>
          <Card withBorder p="sm">
            <Title order={2} size="h6" mb={4}>
              {t('anc.section.care')}
            </Title>
            <Stack gap={6}>
              <CheckCtl control={control} name="tdGiven" label={t('field.tdGiven')} />
              <Group grow gap="xs" align="flex-start">
                <NumField
                  control={control}
                  name="ttdTablets"
                  label={t('short.ttdTablets')}
                  decimals={0}
                />
                <SelectCtl
                  control={control}
                  name="mtKind"
                  label={t('short.mtKind')}
                  data={codeOptions(MT_KINDS, locale)}
                />
              </Group>
              <MultiCtl
                control={control}
                name="counseling"
                label={t('field.counseling')}
                data={codeOptions(COUNSELING, locale)}
              />
              <MultiCtl
                control={control}
                name="complications"
                label={t('field.complications')}
                data={codeOptions(ANC_COMPLICATIONS, locale)}
              />
              <TextInput label={t('field.management')} {...register('management')} />
              <CheckCtl control={control} name="referred" label={t('field.referred')} />
              <DateCtl control={control} name="nextVisitDate" label={t('field.nextVisitDate')} />
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

function DateFieldLive({
  label,
  value,
  onChange,
  inputRef,
  error,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (v: string) => void;
  inputRef: React.Ref<HTMLInputElement>;
  error: string | null;
}) {
  return (
    <DateField
      label={label}
      withAsterisk
      autoFocus
      ref={inputRef}
      value={value ?? ''}
      onChange={onChange}
      error={error ?? undefined}
    />
  );
}
