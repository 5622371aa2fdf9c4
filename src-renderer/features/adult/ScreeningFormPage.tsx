import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import {
  adultScreeningInput,
  type AdultScreeningDetail,
  type CardLineDto,
  type PersonDetail,
} from '@shared/contract';
import {
  FAMILY_HISTORY_ITEMS,
  FAMILY_HISTORY_LABELS,
  GLUCOSE_TESTS,
  GLUCOSE_TEST_SHORT,
  IVA_RESULTS,
  PUMA_ITEMS,
  SADANIS_RESULTS,
  SMOKING_STATUSES,
  SRQ20_ITEMS,
  BP_SETS,
} from '@shared/domain/adult';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { fullAgeText, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import {
  ChoiceField,
  LiveIssues,
  NumField,
  SwitchField,
  placeServerError,
  useYesNo,
} from './fields';
import {
  num,
  num1,
  useAdultForm,
  useAdultSets,
  useCanWrite,
  useInvalidateAdult,
  useResultLabel,
} from './hooks';
import { PatientFormModal } from './PatientFormModal';
import { ResultCardView } from './ResultCardView';
import {
  liveScreeningCard,
  normalizeScreening,
  screeningDefaults,
  screeningFormOf,
  screeningVisibility,
  type ScreeningFormValues,
} from './screening-model';
import { RecordFormPage } from './RecordFormPage';
import { ServiceHead } from './ServiceFields';
import { DeleteRecordModal } from './DeleteRecordModal';

/** New screening for a person (`personId`) or an existing one (`id`). */
export function ScreeningFormPage({ personId, id }: { personId?: string; id?: string }) {
  return (
    <RecordFormPage
      channel="adult.screening.get"
      load={(recordId) => call('adult.screening.get', { id: recordId })}
      personId={personId}
      id={id}
      render={(person, existing) => <ScreeningForm person={person} existing={existing} />}
    />
  );
}

function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h5">
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Card>
  );
}

function ScreeningForm({
  person,
  existing,
}: {
  person: PersonDetail;
  existing?: AdultScreeningDetail;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const sets = useAdultSets();
  const canWrite = useCanWrite();
  const invalidate = useInvalidateAdult();
  const resultLabel = useResultLabel();
  const yesNo = useYesNo();
  const [today] = useState(todayLocal);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<'ht' | 'dm' | null>(null);
  const [deleting, setDeleting] = useState(false);
  const who = { sex: person.sex, birthDate: person.birthDate };
  const normalize = useMemo(() => normalizeScreening(who), [person.sex, person.birthDate]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useAdultForm(
    adultScreeningInput,
    normalize,
    existing
      ? screeningFormOf(existing.input)
      : screeningDefaults(who, today, person.posyanduId ?? null),
  );
  const { control, register, formState } = form;
  const values = useWatch({ control }) as Partial<ScreeningFormValues>;
  const show = screeningVisibility(who, values);
  const live = useMemo(
    () => liveScreeningCard(who, values, sets.card, locale),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [values, sets.card, locale, person.sex, person.birthDate],
  );
  const patients = useQuery({
    queryKey: ['adult.person.summary', person.id],
    queryFn: () => call('adult.person.summary', { personId: person.id }),
  });
  const registered = new Set(
    (patients.data?.patients ?? []).filter((p) => !p.endedOn).map((p) => p.program),
  );

  // A saved, unchanged screening shows its stored classes; while editing, the live ones.
  const showSaved = existing && !formState.isDirty;
  const lines: CardLineDto[] = showSaved ? existing.lines : live.lines;
  const overall = showSaved ? existing.followUp : live.overall;
  const personProblem = Object.entries(live.issues)
    .filter(([path]) => path.startsWith('person.'))
    .map(([, message]) => message)[0];
  const bpPositive = (existing ? existing.lines : live.lines).some((l) =>
    ['bp.ht1', 'bp.ht2', 'bp.ht3', 'bp.hst'].includes(l.code),
  );
  const dmPositive = (existing ? existing.lines : live.lines).some(
    (l) => l.code === 'gula.dm' || l.code === 'gula.curiga_dm',
  );

  const save = form.handleSubmit(async (data) => {
    if (!canWrite) return setBanner(t('adult.notAllowed'));
    setSaving(true);
    setBanner(null);
    const result = existing
      ? await invoke('adult.screening.update', {
          id: existing.id,
          version: existing.version,
          screening: data,
        })
      : await invoke('adult.screening.create', { personId: person.id, screening: data });
    setSaving(false);
    if (!result.ok) {
      setBanner(placeServerError(form, result.error, 'screening.'));
      return;
    }
    invalidate();
    notifications.show({ color: 'teal', message: t('adult.saved') });
    navigate(`~/klaster-3/skrining/${result.value.id}`, { replace: !existing });
  });

  const bpSet = BP_SETS.find((b) => b.id === sets.settings.bp) ?? sets.card.bp;
  const imt = live.results.imt;
  const bpResult = live.results.tekananDarah;
  const srqScore = live.results.srq20?.score;
  const pumaScore = live.results.puma?.score;
  const glucoseTest = values.gulaDarah?.test ?? 'gds';
  const age = show.age;

  return (
    <Stack gap="sm">
      <PageHeader
        title={
          existing
            ? `${t('adult.screening.edit')}: ${person.name}`
            : t('adult.screening.for', { name: person.name })
        }
        actions={
          <Group gap="xs">
            <Anchor component={Link} href={`~/penduduk/${person.id}`} size="sm">
              {person.name} · {t(`sex.${person.sex}`)} ·{' '}
              {age !== null ? fullAgeText(t, person.birthDate, values.screenedOn ?? today) : '—'}
            </Anchor>
          </Group>
        }
      />
      <LiveIssues.Provider value={live.issues}>
        <DataForm
          aria-label={t('adult.screening.new')}
          onSubmit={() => void save()}
          onCancel={() => navigate(existing ? `~/penduduk/${person.id}` : '~/klaster-3')}
          saving={saving}
          error={banner}
          extraActions={
            existing && canWrite ? (
              <Button variant="light" color="red" onClick={() => setDeleting(true)} data-skip-enter>
                {t('adult.delete')}
              </Button>
            ) : undefined
          }
        >
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={8}>
              <Stack gap="sm">
                <Section title={t('adult.section.service')}>
                  <ServiceHead
                    control={control}
                    dateName="screenedOn"
                    dateLabel={t('adult.f.screenedOn')}
                    autoFocus={!existing}
                  />
                </Section>
                <Section title={t('adult.section.measure')}>
                  <Stack gap="xs">
                    <div>
                      <SimpleGrid cols={4} spacing="sm">
                        <NumField
                          control={control}
                          name="tekananDarah.readings.0.systolic"
                          label={t('adult.f.sys')}
                        />
                        <NumField
                          control={control}
                          name="tekananDarah.readings.0.diastolic"
                          label={t('adult.f.dia')}
                        />
                        <NumField
                          control={control}
                          name="tekananDarah.readings.1.systolic"
                          label={t('adult.f.sys2')}
                        />
                        <NumField
                          control={control}
                          name="tekananDarah.readings.1.diastolic"
                          label={t('adult.f.dia2')}
                        />
                      </SimpleGrid>
                      <Text size="xs" c="dimmed" mt={2}>
                        {bpResult ? (
                          <Text span size="sm" fw={600} c="dark">
                            {num(bpResult.systolic)}/{num(bpResult.diastolic)} mmHg —{' '}
                            {resultLabel(bpResult.code)}
                            {'  '}
                          </Text>
                        ) : null}
                        {t('adult.screening.readingHelp', { set: bpSet.title })}
                      </Text>
                    </div>
                    <SimpleGrid cols={4} spacing="sm">
                      {show.imt ? (
                        <>
                          <NumField
                            control={control}
                            name="antropometri.beratKg"
                            label={t('adult.f.bb')}
                          />
                          <NumField
                            control={control}
                            name="antropometri.tinggiCm"
                            label={t('adult.f.tb')}
                          />
                        </>
                      ) : (
                        <Text size="xs" c="dimmed" style={{ gridColumn: 'span 2' }}>
                          {t('adult.screening.under18')}
                        </Text>
                      )}
                      <NumField
                        control={control}
                        name="lingkarPerutCm"
                        label={t('adult.f.waist')}
                        description={
                          live.results.lingkarPerut
                            ? resultLabel(live.results.lingkarPerut.code)
                            : undefined
                        }
                      />
                      <NumField
                        control={control}
                        name="kolesterolTotal"
                        label={t('adult.f.cholesterol')}
                        description={
                          live.results.kolesterol
                            ? resultLabel(live.results.kolesterol.code)
                            : undefined
                        }
                      />
                    </SimpleGrid>
                    {imt && (
                      <Text size="sm" data-testid="imt-live">
                        IMT {num1(imt.imt)} — {resultLabel(imt.code)}
                      </Text>
                    )}
                    <Group align="flex-end" gap="sm" wrap="nowrap">
                      <Box style={{ flex: 'none' }}>
                        <ChoiceField
                          control={control}
                          name="gulaDarah.test"
                          label={t('adult.f.glucoseTest')}
                          options={GLUCOSE_TESTS.map((g) => ({
                            value: g,
                            label: GLUCOSE_TEST_SHORT[g][locale],
                          }))}
                        />
                      </Box>
                      <Box w={150}>
                        <NumField
                          control={control}
                          name="gulaDarah.value"
                          label={t('adult.f.glucoseValue', {
                            unit: glucoseTest === 'hba1c' ? '%' : 'mg/dL',
                          })}
                        />
                      </Box>
                      {live.results.gulaDarah?.[0] && (
                        <Text size="sm" fw={600} pb={8}>
                          {resultLabel(live.results.gulaDarah[0].code)}
                        </Text>
                      )}
                    </Group>
                    {show.symptoms && (
                      <ChoiceField
                        control={control}
                        name="gulaDarah.symptoms"
                        label={t('adult.f.symptoms')}
                        options={yesNo}
                        inline
                      />
                    )}
                    {age !== null && age < 40 && (
                      <Text size="xs" c="dimmed">
                        {t('adult.screening.dmTarget')}
                      </Text>
                    )}
                  </Stack>
                </Section>
                <Section title={t('adult.section.behaviour')}>
                  <Stack gap="xs">
                    <Group align="flex-start" gap="lg">
                      <ChoiceField
                        control={control}
                        name="merokok.status"
                        label={t('adult.f.smoking')}
                        options={SMOKING_STATUSES.map((s) => ({
                          value: s,
                          label: t(`adult.f.smoking.${s}`),
                        }))}
                      />
                      <ChoiceField
                        control={control}
                        name="merokok.terpaparAsapRokok"
                        label={t('adult.f.passive')}
                        options={yesNo}
                      />
                      <ChoiceField
                        control={control}
                        name="alkohol"
                        label={t('adult.f.alcohol')}
                        options={[
                          { value: 'ya', label: t('adult.yes'), keys: ['y'] },
                          { value: 'tidak', label: t('adult.no'), keys: ['t', 'n'] },
                        ]}
                      />
                    </Group>
                    <SimpleGrid cols={2} spacing="sm">
                      <NumField
                        control={control}
                        name="aktivitasMenitPerMinggu"
                        label={t('adult.f.activity')}
                        description={
                          live.results.aktivitas
                            ? resultLabel(live.results.aktivitas.code)
                            : undefined
                        }
                      />
                      <NumField
                        control={control}
                        name="porsiSayurBuahPerHari"
                        label={t('adult.f.fruitVeg')}
                        description={
                          live.results.sayurBuah
                            ? resultLabel(live.results.sayurBuah.code)
                            : undefined
                        }
                      />
                    </SimpleGrid>
                    <Text size="sm" fw={500}>
                      {t('adult.f.family')}
                    </Text>
                    <SimpleGrid cols={2} spacing={0}>
                      {FAMILY_HISTORY_ITEMS.map((item) => (
                        <ChoiceField
                          key={item}
                          control={control}
                          name={`riwayatKeluarga.${item}`}
                          label={FAMILY_HISTORY_LABELS[item][locale]}
                          options={yesNo}
                          inline
                        />
                      ))}
                    </SimpleGrid>
                  </Stack>
                </Section>
                {show.women && (
                  <Section title={t('adult.section.women')}>
                    <Group gap="lg">
                      <ChoiceField
                        control={control}
                        name="iva"
                        label={t('adult.f.iva')}
                        options={IVA_RESULTS.map((r) => ({
                          value: r,
                          label: t(`adult.f.iva.${r}`),
                        }))}
                      />
                      <ChoiceField
                        control={control}
                        name="sadanis"
                        label={t('adult.f.sadanis')}
                        options={SADANIS_RESULTS.map((r) => ({
                          value: r,
                          label: t(`adult.f.sadanis.${r}`),
                        }))}
                      />
                    </Group>
                  </Section>
                )}
                <Section title={t('adult.section.questionnaire')}>
                  <Stack gap="sm">
                    {show.puma ? (
                      <div>
                        <Group justify="space-between">
                          <Text size="sm" fw={600}>
                            PUMA
                          </Text>
                          {pumaScore !== undefined && (
                            <Badge variant="light">
                              {t('adult.screening.srqScore', { score: pumaScore })}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" mb={4}>
                          {t('adult.screening.pumaHelp')}
                        </Text>
                        <Box maw={320}>
                          <NumField
                            control={control}
                            name="puma.packYears"
                            label={t('adult.f.packYears')}
                          />
                        </Box>
                        {(['sesakNapas', 'dahak', 'batuk', 'pernahSpirometri'] as const).map(
                          (k, i) => (
                            <ChoiceField
                              key={k}
                              control={control}
                              name={`puma.${k}`}
                              label={PUMA_ITEMS[k][locale]}
                              options={yesNo}
                              inline
                              number={i + 1}
                            />
                          ),
                        )}
                      </div>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('adult.screening.pumaHidden')}
                      </Text>
                    )}
                    <div>
                      <Group justify="space-between">
                        <SwitchField
                          control={control}
                          name="withSrq"
                          label={`SRQ-20 — ${t('adult.screening.srqHelp')}`}
                        />
                        {show.srq && srqScore !== undefined && (
                          <Badge variant="light">
                            {t('adult.screening.srqScore', { score: srqScore })}
                          </Badge>
                        )}
                      </Group>
                      {show.srq &&
                        SRQ20_ITEMS.map((item, i) => (
                          <ChoiceField
                            key={i}
                            control={control}
                            name={`srq20.${i}`}
                            label={item[locale]}
                            options={yesNo}
                            inline
                            number={i + 1}
                          />
                        ))}
                    </div>
                  </Stack>
                </Section>
                <Textarea
                  label={t('adult.f.notes')}
                  autosize
                  minRows={1}
                  error={formState.errors.notes?.message}
                  {...register('notes')}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={4} style={{ position: 'sticky', top: 60 }}>
              <ResultCardView
                lines={lines}
                overall={overall}
                problem={
                  personProblem ??
                  (Object.keys(live.issues).length > 0
                    ? t('adult.screening.cardProblem')
                    : undefined)
                }
              >
                <Stack gap={6} mt="sm">
                  {canWrite && (
                    <Button onClick={() => void save()} loading={saving} data-skip-enter>
                      {t('common.save')} (Ctrl+S)
                    </Button>
                  )}
                  {existing && canWrite && bpPositive && !registered.has('ht') && (
                    <Button
                      variant="light"
                      color="red"
                      onClick={() => setConfirm('ht')}
                      data-skip-enter
                    >
                      {t('adult.screening.confirmHt')}
                    </Button>
                  )}
                  {existing && canWrite && dmPositive && !registered.has('dm') && (
                    <Button
                      variant="light"
                      color="red"
                      onClick={() => setConfirm('dm')}
                      data-skip-enter
                    >
                      {t('adult.screening.confirmDm')}
                    </Button>
                  )}
                  {existing && registered.size > 0 && (
                    <Button
                      variant="subtle"
                      component={Link}
                      href={`~/klaster-3/penderita/${person.id}`}
                      data-skip-enter
                    >
                      {t('adult.card.openKontrol')}
                    </Button>
                  )}
                </Stack>
              </ResultCardView>
            </Grid.Col>
          </Grid>
        </DataForm>
      </LiveIssues.Provider>
      {confirm && (
        <PatientFormModal
          opened
          onClose={() => setConfirm(null)}
          personId={person.id}
          program={confirm}
          mode="create"
          screeningId={existing?.id ?? null}
          onSaved={() => navigate(`~/klaster-3/penderita/${person.id}`)}
        />
      )}
      {existing && (
        <DeleteRecordModal
          opened={deleting}
          onClose={() => setDeleting(false)}
          channel="adult.screening.delete"
          record={existing}
          onDeleted={() => navigate(`~/penduduk/${person.id}`)}
        />
      )}
    </Stack>
  );
}
