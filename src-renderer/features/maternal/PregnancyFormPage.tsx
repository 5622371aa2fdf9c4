import {
  Alert,
  Anchor,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { Link, useLocation, useSearch } from 'wouter';
import {
  pregnancyInput,
  type PersonRow,
  type PregnancyCard,
  type PregnancyInput,
} from '@shared/contract';
import { ageOn, daysBetween, isIsoDate } from '@shared/domain/dates';
import {
  DATING_METHODS,
  fourTerlalu,
  gestationalAgeAt,
  hplFromHpht,
  hplFromUsg,
  IMT_CLASS_LABELS,
  imtSebelumHamil,
  maternalRules,
  PREGNANCY_RISK_FACTORS,
  pregnancyStart,
  RISK_FLAG_LABELS,
  targetKenaikanBb,
  trimesterOf,
  WEIGHT_GAIN_SATUSEHAT,
  type DatingMethod,
} from '@shared/domain/maternal';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { ageText, shortDate, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import { DateCtl, MultiCtl, NumField, SelectCtl, codeOptions, useLocale } from './ui';

/** Register a pregnancy (pick the mother first) or edit one. */
export function PregnancyFormPage({ id }: { id?: string }) {
  const search = new URLSearchParams(useSearch());
  const motherFromUrl = search.get('ibu');
  const card = useQuery({
    queryKey: ['maternal.card', id],
    enabled: !!id,
    queryFn: () => call('maternal.card', { id: id! }),
  });
  const [motherId, setMotherId] = useState<string | null>(motherFromUrl);
  if (id && !card.data)
    return card.isError ? <Alert color="red">{card.error.message}</Alert> : <Loader />;
  if (!id && !motherId) return <MotherPicker onPick={setMotherId} />;
  return (
    <PregnancyForm
      key={card.data?.pregnancy.version ?? motherId}
      card={card.data}
      motherId={card.data?.mother.id ?? motherId!}
    />
  );
}

function MotherPicker({ onPick }: { onPick: (id: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [today] = useState(todayLocal);
  const [active, setActive] = useState(0);
  const found = useQuery({
    queryKey: ['persons.search', 'P', q],
    enabled: q.trim().length >= 2,
    queryFn: () => call('persons.search', { q, sex: 'P', limit: 12 }),
  });
  const rows: PersonRow[] = (found.data?.rows ?? []).filter(
    (p) => !p.deleted && ageOn(p.birthDate, today).years >= 10,
  );
  return (
    <Stack>
      <PageHeader title={t('preg.new')} />
      <Card withBorder maw={760}>
        <Title order={2} size="h5" mb="xs">
          {t('preg.pickMother')}
        </Title>
        <TextInput
          autoFocus
          leftSection={<IconSearch size={16} />}
          aria-label={t('preg.pickMother')}
          placeholder={t('kohort.search')}
          description={t('preg.pickMother.help')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, rows.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && rows[active]) onPick(rows[active].id);
            else return;
            e.preventDefault();
          }}
        />
        {q.trim().length >= 2 && found.data && rows.length === 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('preg.pickMother.none')}{' '}
            <Anchor component={Link} href="~/penduduk/baru">
              {t('preg.addPerson')}
            </Anchor>
          </Text>
        )}
        {rows.length > 0 && (
          <Table mt="sm" highlightOnHover>
            <Table.Tbody>
              {rows.map((p, i) => (
                <Table.Tr
                  key={p.id}
                  bg={i === active ? 'teal.0' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onPick(p.id)}
                  aria-selected={i === active}
                >
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td>{p.nik ?? '—'}</Table.Td>
                  <Table.Td>
                    {shortDate(p.birthDate)} ({ageText(t, p.birthDate, today)})
                  </Table.Td>
                  <Table.Td>{p.place ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function toForm(card: PregnancyCard | undefined, posyanduId: string | null): PregnancyInput {
  const p = card?.pregnancy;
  return {
    datingMethod: p?.datingMethod ?? 'HPHT',
    hpht: p?.hpht ?? null,
    usgDate: p?.usgDate ?? null,
    usgGaWeeks: p?.usgGaWeeks ?? null,
    usgGaDays: p?.usgGaDays ?? null,
    hpl: p?.datingMethod === 'MANUAL' ? p.hpl : null,
    gravida: p?.gravida ?? (null as unknown as number),
    para: p?.para ?? 0,
    abortus: p?.abortus ?? 0,
    previousDeliveryDate: p?.previousDeliveryDate ?? null,
    heightCm: p?.heightCm ?? null,
    preWeightKg: p?.preWeightKg ?? null,
    riskFactors: p?.riskFactors ?? [],
    posyanduId: p?.posyanduId ?? posyanduId,
    notes: p?.notes ?? '',
  };
}

function PregnancyForm({ card, motherId }: { card?: PregnancyCard; motherId: string }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const posyandu = usePosyanduList();
  const [today] = useState(todayLocal);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mother = useQuery({
    queryKey: ['persons.get', motherId],
    queryFn: () => call('persons.get', { id: motherId }),
  });
  const form = useContractForm(pregnancyInput, toForm(card, null));
  const { control, register, formState } = form;
  const v = useWatch({ control });
  const rules = maternalRules(card?.rules.choice);

  // Derived values while typing.
  let hpl: string | null = null;
  if (v.datingMethod === 'HPHT' && v.hpht && isIsoDate(v.hpht)) hpl = hplFromHpht(v.hpht);
  if (
    v.datingMethod === 'USG' &&
    v.usgDate &&
    isIsoDate(v.usgDate) &&
    typeof v.usgGaWeeks === 'number'
  ) {
    const r = hplFromUsg(
      v.usgDate,
      { weeks: v.usgGaWeeks, days: v.usgGaDays ?? 0 },
      rules.plausibility,
    );
    hpl = r.ok ? r.value : null;
  }
  if (v.datingMethod === 'MANUAL' && v.hpl && isIsoDate(v.hpl)) hpl = v.hpl;
  const start = hpl
    ? pregnancyStart({ hpht: v.hpht && isIsoDate(v.hpht) ? v.hpht : null, hpl })
    : null;
  const derived: string[] = [];
  const flags: string[] = [];
  if (hpl && start) {
    derived.push(t('preg.derived.hpl', { date: shortDate(hpl) }));
    if (start <= today && daysBetween(today, hpl) >= -42) {
      const ga = gestationalAgeAt(hpl, today);
      derived.push(
        t('preg.derived.uk', {
          weeks: ga.weeks,
          days: ga.days,
          trimester: trimesterOf(ga, rules.trimester),
        }),
      );
    }
    if (mother.data) {
      const terlalu = fourTerlalu(
        {
          birthDate: mother.data.birthDate,
          hpht: start,
          hpl,
          ...(typeof v.gravida === 'number' ? { gravida: v.gravida } : {}),
          ...(typeof v.para === 'number' ? { para: v.para } : {}),
          ...(typeof v.abortus === 'number' ? { abortus: v.abortus } : {}),
          ...(v.previousDeliveryDate &&
          isIsoDate(v.previousDeliveryDate) &&
          v.previousDeliveryDate < start
            ? { previousDeliveryDate: v.previousDeliveryDate }
            : {}),
        },
        rules.risk,
        rules.plausibility,
      );
      if (terlalu.ok) {
        const r = terlalu.value;
        if (r.ageYears !== null) derived.push(t('preg.derived.age', { years: r.ageYears }));
        if (r.jarakBulan !== null) derived.push(t('preg.derived.jarak', { months: r.jarakBulan }));
        if (r.terlaluMuda) flags.push(RISK_FLAG_LABELS.TERLALU_MUDA[locale]);
        if (r.terlaluTua) flags.push(RISK_FLAG_LABELS.TERLALU_TUA[locale]);
        if (r.terlaluDekat) flags.push(RISK_FLAG_LABELS.TERLALU_DEKAT[locale]);
        if (r.terlaluBanyak) flags.push(RISK_FLAG_LABELS.TERLALU_BANYAK[locale]);
      }
    }
  }
  if (typeof v.heightCm === 'number' && v.heightCm < rules.risk.shortBelowCm && v.heightCm >= 100) {
    flags.push(RISK_FLAG_LABELS.TINGGI_BADAN_RENDAH[locale]);
  }
  if (typeof v.heightCm === 'number' && typeof v.preWeightKg === 'number') {
    const imt = imtSebelumHamil(v.preWeightKg, v.heightCm, rules.plausibility);
    if (imt.ok) {
      const band = targetKenaikanBb(imt.value, WEIGHT_GAIN_SATUSEHAT);
      derived.push(
        t('preg.derived.imt', {
          imt: String(imt.value).replace('.', ','),
          klass: IMT_CLASS_LABELS[band.imtClass][locale],
          min: String(band.minGainKg).replace('.', ','),
          max: String(band.maxGainKg).replace('.', ','),
        }),
      );
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setBanner(null);
    const result = card
      ? await invoke('maternal.updatePregnancy', {
          id: card.pregnancy.id,
          version: card.pregnancy.version,
          pregnancy: values,
        })
      : await invoke('maternal.createPregnancy', { motherId, pregnancy: values });
    setSaving(false);
    if (!result.ok) return setBanner(applyServerError(form, result.error, 'pregnancy.'));
    void queryClient.invalidateQueries({ queryKey: ['maternal.kohort'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.card'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.person'] });
    notifications.show({ color: 'teal', message: t('preg.saved') });
    navigate(`~/klaster-2/ibu/kehamilan/${result.value.id}`);
  });
  const cancel = () =>
    navigate(card ? `~/klaster-2/ibu/kehamilan/${card.pregnancy.id}` : '~/klaster-2/ibu');

  const method = (v.datingMethod ?? 'HPHT') as DatingMethod;
  const errors = formState.errors;
  const name = mother.data?.name ?? card?.mother.name ?? '';
  return (
    <Stack gap="xs">
      <PageHeader title={`${card ? t('preg.edit') : t('preg.new')}: ${name}`} />
      {mother.data && (
        <Text size="sm" c="dimmed" mt={-12}>
          {mother.data.nik ?? t('persons.noNik')} · {shortDate(mother.data.birthDate)} (
          {ageText(t, mother.data.birthDate, today)}) ·{' '}
          {mother.data.desaName ?? mother.data.outsideAddress}
        </Text>
      )}
      <DataForm
        aria-label={card ? t('preg.edit') : t('preg.new')}
        onSubmit={() => void submit()}
        onCancel={cancel}
        saving={saving}
        error={banner ?? (errors.root?.message as string | undefined) ?? null}
      >
        <SimpleGrid cols={3} spacing="sm">
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              {t('preg.section.dating')}
            </Title>
            <Stack gap="xs">
              <Controller
                control={control}
                name="datingMethod"
                render={({ field }) => (
                  <div>
                    <Text size="sm" fw={500}>
                      {t('field.datingMethod')}
                    </Text>
                    <SegmentedControl
                      aria-label={t('field.datingMethod')}
                      size="xs"
                      fullWidth
                      value={field.value ?? 'HPHT'}
                      onChange={field.onChange}
                      data={(['HPHT', 'USG', 'MANUAL'] as const).map((m) => ({
                        value: m,
                        label: DATING_METHODS[m][locale].replace(/ \(.*\)$/, ''),
                      }))}
                    />
                  </div>
                )}
              />
              <DateCtl
                control={control}
                name="hpht"
                label={t('field.hpht')}
                required={method === 'HPHT'}
                autoFocus
              />
              {method === 'USG' && (
                <>
                  <DateCtl control={control} name="usgDate" label={t('field.usgDate')} required />
                  <Group grow>
                    <NumField
                      control={control}
                      name="usgGaWeeks"
                      label={t('field.usgGaWeeks')}
                      decimals={0}
                      withAsterisk
                    />
                    <NumField
                      control={control}
                      name="usgGaDays"
                      label={t('field.usgGaDays')}
                      decimals={0}
                      max={6}
                    />
                  </Group>
                </>
              )}
              {method === 'MANUAL' && (
                <DateCtl control={control} name="hpl" label={t('field.hpl')} required />
              )}
              <Stack gap={2} aria-live="polite" data-testid="pregnancy-derived">
                {derived.map((d) => (
                  <Text key={d} size="sm" c="teal.9">
                    {d}
                  </Text>
                ))}
              </Stack>
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              {t('preg.section.history')}
            </Title>
            <Stack gap="xs">
              <Group grow align="flex-start">
                {(['gravida', 'para', 'abortus'] as const).map((k) => (
                  <Controller
                    key={k}
                    control={control}
                    name={k}
                    render={({ field, fieldState }) => (
                      <NumberInput
                        label={t(`field.${k}`)}
                        withAsterisk={k === 'gravida'}
                        hideControls
                        allowDecimal={false}
                        allowNegative={false}
                        ref={field.ref}
                        value={field.value ?? ''}
                        onChange={(x) => field.onChange(x === '' ? null : Number(x))}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                ))}
              </Group>
              <DateCtl
                control={control}
                name="previousDeliveryDate"
                label={t('field.previousDeliveryDate')}
              />
              <SelectCtl
                control={control}
                name="posyanduId"
                label={t('field.posyanduId')}
                searchable
                data={(posyandu.data ?? [])
                  .filter((p) => !mother.data?.desaId || p.desaId === mother.data.desaId)
                  .map((p) => ({ value: p.id, label: p.name }))}
              />
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              {t('preg.section.body')}
            </Title>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <NumField control={control} name="heightCm" label={t('field.heightCm')} />
                <NumField control={control} name="preWeightKg" label={t('field.preWeightKg')} />
              </Group>
              <MultiCtl
                control={control}
                name="riskFactors"
                label={t('field.riskFactors')}
                data={codeOptions(PREGNANCY_RISK_FACTORS, locale)}
              />
              {flags.length > 0 && (
                <Text size="sm" c="red.8" fw={500} data-testid="pregnancy-flags">
                  ⚠ {flags.join(', ')}
                </Text>
              )}
              <Textarea label={t('field.notes')} autosize minRows={1} {...register('notes')} />
            </Stack>
          </Card>
        </SimpleGrid>
      </DataForm>
    </Stack>
  );
}
