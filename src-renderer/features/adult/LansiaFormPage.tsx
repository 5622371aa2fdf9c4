import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import {
  adultLansiaInput,
  type AdultLansiaDetail,
  type AdultLansiaInput,
  type PersonDetail,
} from '@shared/contract';
import {
  BARTHEL_ITEMS,
  BARTHEL_ITEM_LABELS,
  BARTHEL_LEVEL_LABELS,
  SKILAS_DOMAIN_LABELS,
  SKILAS_KEMENKES,
  WHISPER_RESULTS,
  buildResultCard,
  moreUrgent,
  type CardLine,
  type FollowUp,
  type ResultCard,
  type SkilasDomain,
} from '@shared/domain/adult';
import { completedYears, isIsoDate } from '@shared/domain/dates';
import { toFieldIssues } from '@shared/domain/refusal';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { fullAgeText, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { DeleteRecordModal } from './DeleteRecordModal';
import {
  ChoiceField,
  LiveIssues,
  NumField,
  SwitchField,
  placeServerError,
  useYesNo,
} from './fields';
import { isBlank, useAdultForm, useAdultSets, useCanWrite, useInvalidateAdult } from './hooks';
import { RecordFormPage } from './RecordFormPage';
import { ResultCardView } from './ResultCardView';
import { ServiceHead } from './ServiceFields';

type LansiaForm = AdultLansiaInput & { withSkilas?: boolean; withBarthel?: boolean };

function normalizeLansia(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const v = raw as LansiaForm;
  let skilas = v.withSkilas && !isBlank(v.skilas) ? v.skilas : undefined;
  if (skilas) {
    skilas = {
      ...skilas,
      mobilisasi: {
        ...skilas.mobilisasi,
        waktuDetik:
          skilas.mobilisasi?.tidakMampu === true ? undefined : skilas.mobilisasi?.waktuDetik,
      },
      penglihatan: {
        ...skilas.penglihatan,
        hitungJariBenar:
          skilas.penglihatan?.masalahMata === true
            ? undefined
            : skilas.penglihatan?.hitungJariBenar,
      },
    };
  }
  return {
    screenedOn: v.screenedOn,
    place: v.place,
    posyanduId: v.place === 'posyandu' ? v.posyanduId : null,
    performerId: v.performerId,
    notes: v.notes,
    skilas,
    barthel: v.withBarthel && !isBlank(v.barthel) ? v.barthel : undefined,
  };
}

/** New SKILAS/ADL for a person (`personId`) or a saved one (`id`). */
export function LansiaFormPage({ personId, id }: { personId?: string; id?: string }) {
  return (
    <RecordFormPage
      channel="adult.lansia.get"
      load={(recordId) => call('adult.lansia.get', { id: recordId })}
      personId={personId}
      id={id}
      render={(person, existing) => <LansiaFormView person={person} existing={existing} />}
    />
  );
}

function Domain({
  domain,
  positive,
  children,
}: {
  domain: SkilasDomain;
  positive: boolean | undefined;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  return (
    <Box mb={6}>
      <Group justify="space-between" px={6} py={2} bg="gray.0">
        <Text size="sm" fw={600}>
          {SKILAS_DOMAIN_LABELS[domain][locale]}
        </Text>
        {positive !== undefined && (
          <Badge
            color={positive ? 'red' : 'teal'}
            variant={positive ? 'filled' : 'light'}
            data-testid={`domain-${domain}`}
          >
            {positive ? t('adult.lansia.positive') : t('adult.lansia.negative')}
          </Badge>
        )}
      </Group>
      {children}
    </Box>
  );
}

function LansiaFormView({
  person,
  existing,
}: {
  person: PersonDetail;
  existing?: AdultLansiaDetail;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const sets = useAdultSets();
  const canWrite = useCanWrite();
  const invalidate = useInvalidateAdult();
  const yesNo = useYesNo();
  const [today] = useState(todayLocal);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const elderly = completedYears(person.birthDate, today) >= 60;
  const defaults: LansiaForm = existing
    ? {
        ...existing.input,
        notes: existing.input.notes ?? '',
        withSkilas: !!existing.input.skilas,
        withBarthel: !!existing.input.barthel,
      }
    : {
        screenedOn: today,
        place: person.posyanduId ? 'posyandu' : 'puskesmas',
        posyanduId: person.posyanduId,
        performerId: null,
        notes: '',
        withSkilas: elderly,
        withBarthel: true,
      };
  const form = useAdultForm(adultLansiaInput, normalizeLansia, defaults);
  const { control, register, formState } = form;
  const values = useWatch({ control }) as Partial<LansiaForm>;

  const live = useMemo(() => {
    const input = normalizeLansia(values) as Partial<AdultLansiaInput>;
    const on = values.screenedOn ?? '';
    const out: {
      lines: CardLine[];
      overall?: FollowUp;
      results: ResultCard['results'];
      issues: Record<string, string>;
    } = {
      lines: [],
      results: {},
      issues: {},
    };
    if (!isIsoDate(on) || on < person.birthDate) return out;
    const personOn = { sex: person.sex, birthDate: person.birthDate, on };
    for (const part of [
      input.skilas ? { skilas: input.skilas } : null,
      input.barthel ? { barthel: input.barthel } : null,
    ]) {
      if (!part) continue;
      const card = buildResultCard(
        { person: personOn, ...part } as Parameters<typeof buildResultCard>[0],
        sets.card,
      );
      if (card.ok) {
        out.lines.push(...card.value.lines);
        Object.assign(out.results, card.value.results);
      } else {
        for (const i of toFieldIssues(card.refusals, locale)) {
          out.issues[i.path] ??= i.path.startsWith('person.')
            ? `${i.field}: ${i.message}`
            : i.message;
        }
      }
    }
    out.overall = out.lines.reduce<FollowUp | undefined>(
      (acc, l) => (acc ? moreUrgent(acc, l.followUp) : l.followUp),
      undefined,
    );
    return out;
  }, [values, person, sets.card, locale]);

  const skilas = live.results.skilas;
  const barthel = live.results.barthel;
  const personProblem = Object.entries(live.issues).find(([p]) => p.startsWith('person.'))?.[1];
  const showSaved = existing && !formState.isDirty;

  const save = form.handleSubmit(async (data) => {
    if (!canWrite) return setBanner(t('adult.notAllowed'));
    setSaving(true);
    setBanner(null);
    const result = existing
      ? await invoke('adult.lansia.update', {
          id: existing.id,
          version: existing.version,
          lansia: data,
        })
      : await invoke('adult.lansia.create', { personId: person.id, lansia: data });
    setSaving(false);
    if (!result.ok) {
      setBanner(placeServerError(form, result.error, 'lansia.'));
      return;
    }
    invalidate();
    notifications.show({ color: 'teal', message: t('adult.saved') });
    navigate(`~/klaster-3/lansia/catatan/${result.value.id}`, { replace: !existing });
  });

  const s = 'skilas';
  const tidakMampu = values.skilas?.mobilisasi?.tidakMampu === true;
  const masalahMata = values.skilas?.penglihatan?.masalahMata === true;

  return (
    <Stack gap="sm">
      <PageHeader
        title={
          existing
            ? `${t('adult.lansia.edit')}: ${person.name}`
            : t('adult.lansia.for', { name: person.name })
        }
        actions={
          <Anchor component={Link} href={`~/penduduk/${person.id}`} size="sm">
            {t(`sex.${person.sex}`)} ·{' '}
            {fullAgeText(
              t,
              person.birthDate,
              values.screenedOn && isIsoDate(values.screenedOn) ? values.screenedOn : today,
            )}{' '}
            · {person.desaName ?? t('adult.luar')}
          </Anchor>
        }
      />
      <LiveIssues.Provider value={live.issues}>
        <DataForm
          aria-label={t('adult.lansia.new')}
          onSubmit={() => void save()}
          onCancel={() => navigate(existing ? `~/penduduk/${person.id}` : '~/klaster-3/lansia')}
          saving={saving}
          error={banner ?? (formState.errors.skilas?.message as string | undefined) ?? null}
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
                <Card withBorder padding="sm">
                  <Title order={2} size="h5" mb={6}>
                    {t('adult.section.service')}
                  </Title>
                  <ServiceHead
                    control={control}
                    dateName="screenedOn"
                    dateLabel={t('adult.f.screenedOn')}
                    autoFocus={!existing}
                  />
                </Card>
                <Card withBorder padding="sm">
                  <Group justify="space-between" mb={6}>
                    <Title order={2} size="h5">
                      {t('adult.lansia.skilas')}
                    </Title>
                    <SwitchField
                      control={control}
                      name="withSkilas"
                      label={t('adult.lansia.withSkilas')}
                    />
                  </Group>
                  {values.withSkilas && (
                    <>
                      <Domain domain="kognitif" positive={skilas?.domains.kognitif}>
                        <Text size="xs" c="dimmed" px={6}>
                          {t('adult.lansia.words', {
                            words: SKILAS_KEMENKES.recallWords.join(', '),
                          })}
                        </Text>
                        <ChoiceField
                          control={control}
                          name={`${s}.kognitif.orientasiWaktuBenar`}
                          label={t('adult.f.k.waktu')}
                          options={yesNo}
                          inline
                        />
                        <ChoiceField
                          control={control}
                          name={`${s}.kognitif.orientasiTempatBenar`}
                          label={t('adult.f.k.tempat')}
                          options={yesNo}
                          inline
                        />
                        <ChoiceField
                          control={control}
                          name={`${s}.kognitif.kataDiingat`}
                          label={t('adult.f.k.kata')}
                          options={[0, 1, 2, 3].map((n) => ({
                            value: n,
                            label: String(n),
                            keys: [String(n)],
                          }))}
                          inline
                        />
                      </Domain>
                      <Domain domain="mobilisasi" positive={skilas?.domains.mobilisasi}>
                        <ChoiceField
                          control={control}
                          name={`${s}.mobilisasi.tidakMampu`}
                          label={t('adult.f.m.tidakMampu')}
                          options={yesNo}
                          inline
                        />
                        {!tidakMampu && (
                          <Group justify="space-between" px={6} py={4} wrap="nowrap">
                            <Text size="sm">{t('adult.f.m.waktu')}</Text>
                            <Box w={140}>
                              <NumField
                                control={control}
                                name={`${s}.mobilisasi.waktuDetik`}
                                label={null}
                                ariaLabel={t('adult.f.m.waktu')}
                                unit="detik"
                              />
                            </Box>
                          </Group>
                        )}
                      </Domain>
                      <Domain domain="malnutrisi" positive={skilas?.domains.malnutrisi}>
                        <ChoiceField
                          control={control}
                          name={`${s}.malnutrisi.beratTurun`}
                          label={t('adult.f.n.berat')}
                          options={yesNo}
                          inline
                        />
                        <ChoiceField
                          control={control}
                          name={`${s}.malnutrisi.nafsuMakanHilang`}
                          label={t('adult.f.n.nafsu')}
                          options={yesNo}
                          inline
                        />
                        <Group justify="space-between" px={6} py={4} wrap="nowrap">
                          <Text size="sm">{t('adult.f.n.lila')}</Text>
                          <Box w={140}>
                            <NumField
                              control={control}
                              name={`${s}.malnutrisi.lilaCm`}
                              label={null}
                              ariaLabel={t('adult.f.n.lila')}
                              unit="cm"
                            />
                          </Box>
                        </Group>
                      </Domain>
                      <Domain domain="penglihatan" positive={skilas?.domains.penglihatan}>
                        <ChoiceField
                          control={control}
                          name={`${s}.penglihatan.masalahMata`}
                          label={t('adult.f.v.mata')}
                          options={yesNo}
                          inline
                        />
                        {!masalahMata && (
                          <ChoiceField
                            control={control}
                            name={`${s}.penglihatan.hitungJariBenar`}
                            label={t('adult.f.v.jari')}
                            options={yesNo}
                            inline
                          />
                        )}
                      </Domain>
                      <Domain domain="pendengaran" positive={skilas?.domains.pendengaran}>
                        <ChoiceField
                          control={control}
                          name={`${s}.pendengaran.tesBisik`}
                          label={t('adult.f.h.bisik')}
                          options={WHISPER_RESULTS.map((w) => ({
                            value: w,
                            label: t(`adult.f.whisper.${w}`),
                          }))}
                          inline
                        />
                      </Domain>
                      <Domain domain="depresi" positive={skilas?.domains.depresi}>
                        <ChoiceField
                          control={control}
                          name={`${s}.depresi.sedihTertekan`}
                          label={t('adult.f.d.sedih')}
                          options={yesNo}
                          inline
                        />
                        <ChoiceField
                          control={control}
                          name={`${s}.depresi.kurangMinat`}
                          label={t('adult.f.d.minat')}
                          options={yesNo}
                          inline
                        />
                      </Domain>
                    </>
                  )}
                </Card>
                <Card withBorder padding="sm">
                  <Group justify="space-between" mb={6}>
                    <Title order={2} size="h5">
                      {t('adult.lansia.barthel')}
                    </Title>
                    <Group gap="sm">
                      {barthel && (
                        <Badge size="lg" variant="light" data-testid="barthel-total">
                          {t('adult.lansia.total', { total: barthel.total })}
                        </Badge>
                      )}
                      <SwitchField
                        control={control}
                        name="withBarthel"
                        label={t('adult.lansia.withBarthel')}
                      />
                    </Group>
                  </Group>
                  {values.withBarthel && (
                    <>
                      <Text size="xs" c="dimmed" mb={4}>
                        {t('adult.keys.choice')}
                      </Text>
                      {BARTHEL_ITEMS.map((item, i) => (
                        <ChoiceField
                          key={item}
                          control={control}
                          name={`barthel.${item}`}
                          label={BARTHEL_ITEM_LABELS[item][locale]}
                          number={i + 1}
                          levels
                          options={BARTHEL_LEVEL_LABELS[item].map((level, score) => ({
                            value: score,
                            label: `${level[locale]}`,
                            keys: [String(score)],
                          }))}
                        />
                      ))}
                    </>
                  )}
                </Card>
                <Textarea label={t('adult.f.notes')} autosize minRows={1} {...register('notes')} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={4} style={{ position: 'sticky', top: 60 }}>
              <ResultCardView
                lines={showSaved ? existing.lines : live.lines}
                overall={
                  showSaved
                    ? existing.lines.reduce<FollowUp | undefined>(
                        (a, l) => (a ? moreUrgent(a, l.followUp) : l.followUp),
                        undefined,
                      )
                    : live.overall
                }
                problem={
                  personProblem ??
                  (Object.keys(live.issues).length > 0
                    ? t('adult.screening.cardProblem')
                    : undefined)
                }
              >
                {canWrite && (
                  <Button
                    mt="sm"
                    fullWidth
                    onClick={() => void save()}
                    loading={saving}
                    data-skip-enter
                  >
                    {t('common.save')} (Ctrl+S)
                  </Button>
                )}
              </ResultCardView>
            </Grid.Col>
          </Grid>
        </DataForm>
      </LiveIssues.Provider>
      {existing && (
        <DeleteRecordModal
          opened={deleting}
          onClose={() => setDeleting(false)}
          channel="adult.lansia.delete"
          record={existing}
          onDeleted={() => navigate(`~/penduduk/${person.id}`)}
        />
      )}
    </Stack>
  );
}
