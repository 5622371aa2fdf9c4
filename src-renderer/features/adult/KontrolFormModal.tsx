import {
  Badge,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  adultKontrolInput,
  type AdultKontrolInput,
  type AdultKontrolRow,
  type AdultPatientRow,
} from '@shared/contract';
import {
  ADHERENCE,
  ADHERENCE_LABELS,
  COMPLICATIONS,
  COMPLICATION_LABELS,
  GLUCOSE_TEST_SHORT,
  KONTROL_GLUCOSE_TESTS,
  MEDICINES,
  MEDICINE_LABELS,
  MEDICINE_PROGRAM,
  PROGRAM_LABELS,
  buildWorkLists,
  checkKontrol,
  classifyBloodPressure,
  type FollowUpVisit,
} from '@shared/domain/adult';
import { isIsoDate } from '@shared/domain/dates';
import { toFieldIssues } from '@shared/domain/refusal';
import { DataForm } from '../../components/DataForm';
import { invoke } from '../../lib/api';
import { todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { ChoiceField, LiveIssues, NumField, placeServerError } from './fields';
import {
  CONTROL_COLORS,
  isBlank,
  useAdultForm,
  useAdultSets,
  useControlLabel,
  useInvalidateAdult,
  useResultLabel,
} from './hooks';
import { ServiceHead } from './ServiceFields';

function normalizeKontrol(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const v = raw as Record<string, unknown>;
  // A glucose test type without a result is "not tested" (the type has a default).
  return isBlank(v.gulaValue) ? { ...v, gulaTest: undefined } : v;
}

function asVisit(k: AdultKontrolRow): FollowUpVisit {
  const glucose = [
    ...(k.gulaTest && k.gulaValue !== null ? [{ test: k.gulaTest, value: k.gulaValue }] : []),
    ...(k.hba1c !== null ? [{ test: 'hba1c' as const, value: k.hba1c }] : []),
  ];
  return {
    date: k.visitOn,
    ...(k.systolic !== null && k.diastolic !== null
      ? { systolic: k.systolic, diastolic: k.diastolic }
      : {}),
    ...(glucose.length > 0 ? { glucose } : {}),
  };
}

/** Record (or correct) a monthly kontrol; shows the BP class and the terkendali status it gives. */
export function KontrolFormModal({
  opened,
  onClose,
  personId,
  personName,
  patients,
  visits,
  existing,
  asOf,
}: {
  opened: boolean;
  onClose: () => void;
  personId: string;
  personName: string;
  patients: AdultPatientRow[];
  visits: AdultKontrolRow[];
  existing?: AdultKontrolRow;
  asOf: string;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`${existing ? t('adult.kontrol.edit') : t('adult.kontrol.add')} — ${personName}`}
      size="xl"
    >
      {opened && (
        <KontrolForm
          personId={personId}
          patients={patients}
          visits={visits}
          existing={existing}
          asOf={asOf}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function KontrolForm({
  personId,
  patients,
  visits,
  existing,
  asOf,
  onClose,
}: {
  personId: string;
  patients: AdultPatientRow[];
  visits: AdultKontrolRow[];
  existing?: AdultKontrolRow;
  asOf: string;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const sets = useAdultSets();
  const resultLabel = useResultLabel();
  const controlLabel = useControlLabel();
  const invalidate = useInvalidateAdult();
  const [today] = useState(todayLocal);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const active = patients.filter((p) => !p.endedOn);
  const programs = new Set(active.map((p) => p.program));
  const last = visits[0];
  const defaults: AdultKontrolInput = existing
    ? {
        visitOn: existing.visitOn,
        place: existing.place,
        posyanduId: existing.posyanduId,
        performerId: existing.performerId,
        notes: existing.notes ?? '',
        systolic: existing.systolic ?? undefined,
        diastolic: existing.diastolic ?? undefined,
        gulaTest: existing.gulaTest ?? 'gdp',
        gulaValue: existing.gulaValue ?? undefined,
        hba1c: existing.hba1c ?? undefined,
        obat: existing.obat,
        obatLain: existing.obatLain ?? '',
        kepatuhan: existing.kepatuhan,
        komplikasi: existing.komplikasi,
      }
    : {
        visitOn: today,
        place: last?.place ?? 'puskesmas',
        posyanduId: last?.posyanduId ?? null,
        performerId: last?.performerId ?? null,
        notes: '',
        gulaTest: 'gdp',
        // The medicines usually continue from the last visit.
        obat: last?.obat ?? [],
        obatLain: last?.obatLain ?? '',
        kepatuhan: null,
        komplikasi: [],
      };
  const form = useAdultForm(adultKontrolInput, normalizeKontrol, defaults);
  const { control, register, formState } = form;
  const values = useWatch({ control }) as Partial<AdultKontrolInput>;

  // Live: the BP class, the rules' problems, and the terkendali status after saving.
  const live = useMemo(() => {
    const earliest = patients.map((p) => p.diagnosedOn).sort()[0] ?? null;
    const input = normalizeKontrol(values) as Record<string, unknown>;
    const checked = checkKontrol(
      {
        visitOn: String(input.visitOn ?? ''),
        ...(isBlank(input.systolic) ? {} : { systolic: input.systolic as number }),
        ...(isBlank(input.diastolic) ? {} : { diastolic: input.diastolic as number }),
        ...(isBlank(input.gulaTest) ? {} : { gulaTest: input.gulaTest as 'gds' }),
        ...(isBlank(input.gulaValue) ? {} : { gulaValue: input.gulaValue as number }),
        ...(isBlank(input.hba1c) ? {} : { hba1c: input.hba1c as number }),
      },
      earliest,
      today,
    );
    const issues: Record<string, string> = {};
    if (!checked.ok) {
      for (const i of toFieldIssues(checked.refusals, locale)) issues[i.path] ??= i.message;
    }
    const s = input.systolic;
    const d = input.diastolic;
    const bp =
      typeof s === 'number' && typeof d === 'number'
        ? classifyBloodPressure({ readings: [{ systolic: s, diastolic: d }] }, sets.card.bp)
        : null;
    let preview: { program: string; status: keyof typeof CONTROL_COLORS }[] = [];
    if (checked.ok && typeof values.visitOn === 'string' && isIsoDate(values.visitOn)) {
      const others = visits.filter((v) => v.id !== existing?.id).map(asVisit);
      const lists = buildWorkLists(
        active.map((p) => ({
          id: p.id,
          program: p.program,
          registeredOn: p.diagnosedOn,
          visits: [...others, checked.value],
        })),
        asOf > values.visitOn ? asOf : values.visitOn,
        sets.followUp,
      );
      if (lists.ok) {
        preview = lists.value.rows.map((r) => ({
          program: PROGRAM_LABELS[r.program][locale],
          status: r.control.status,
        }));
      }
    }
    return { issues, bp: bp?.ok ? bp.value.code : null, preview };
  }, [values, patients, visits, existing, active, asOf, sets, today, locale]);

  const save = form.handleSubmit(async (data) => {
    setSaving(true);
    setBanner(null);
    const result = existing
      ? await invoke('adult.kontrol.update', {
          id: existing.id,
          version: existing.version,
          kontrol: data,
        })
      : await invoke('adult.kontrol.create', { personId, kontrol: data });
    setSaving(false);
    if (!result.ok) {
      setBanner(placeServerError(form, result.error, 'kontrol.'));
      return;
    }
    invalidate();
    notifications.show({ color: 'teal', message: t('adult.saved') });
    onClose();
  });

  const medicineOptions = (['ht', 'dm'] as const)
    .filter((p) => programs.has(p) || programs.size === 0)
    .map((p) => ({
      group: PROGRAM_LABELS[p][locale],
      items: MEDICINES.filter((m) => MEDICINE_PROGRAM[m] === p).map((m) => ({
        value: m,
        label: MEDICINE_LABELS[m][locale],
      })),
    }));

  return (
    <LiveIssues.Provider value={live.issues}>
      <DataForm
        aria-label={t('adult.kontrol.add')}
        onSubmit={() => void save()}
        onCancel={onClose}
        saving={saving}
        error={banner}
      >
        <Stack gap="sm">
          <ServiceHead
            control={control}
            dateName="visitOn"
            dateLabel={t('adult.f.visitOn')}
            autoFocus
          />
          <SimpleGrid cols={2} spacing="md">
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('adult.kontrol.bp')}
              </Text>
              <Group grow align="flex-start" gap="sm">
                <NumField control={control} name="systolic" label={t('adult.f.sys')} />
                <NumField control={control} name="diastolic" label={t('adult.f.dia')} />
              </Group>
              {live.bp && (
                <Text size="sm" c="teal.9" data-testid="kontrol-bp-class">
                  {resultLabel(live.bp)}
                </Text>
              )}
            </Stack>
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('adult.kontrol.glucose')}
              </Text>
              <ChoiceField
                control={control}
                name="gulaTest"
                label={t('adult.f.gulaTest')}
                options={KONTROL_GLUCOSE_TESTS.map((g) => ({
                  value: g,
                  label: GLUCOSE_TEST_SHORT[g][locale],
                }))}
              />
              <Group grow align="flex-start" gap="sm">
                <NumField control={control} name="gulaValue" label={t('adult.f.gulaValue')} />
                <NumField control={control} name="hba1c" label={t('adult.f.hba1c')} />
              </Group>
            </Stack>
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="md">
            <Controller
              control={control}
              name="obat"
              render={({ field, fieldState }) => (
                <MultiSelect
                  label={t('adult.f.obat')}
                  searchable
                  value={field.value ?? []}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  data={medicineOptions}
                />
              )}
            />
            <TextInput
              label={t('adult.f.obatLain')}
              {...register('obatLain')}
              error={formState.errors.obatLain?.message}
            />
          </SimpleGrid>
          <ChoiceField
            control={control}
            name="kepatuhan"
            label={t('adult.f.kepatuhan')}
            options={ADHERENCE.map((a) => ({ value: a, label: ADHERENCE_LABELS[a][locale] }))}
          />
          <Controller
            control={control}
            name="komplikasi"
            render={({ field }) => (
              <MultiSelect
                label={t('adult.f.komplikasi')}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                data={COMPLICATIONS.map((c) => ({
                  value: c,
                  label: COMPLICATION_LABELS[c][locale],
                }))}
              />
            )}
          />
          <Textarea label={t('adult.f.notes')} autosize minRows={1} {...register('notes')} />
          {live.preview.length > 0 && (
            <Group gap="xs" data-testid="kontrol-preview">
              {live.preview.map((p) => (
                <Badge
                  key={p.program}
                  color={CONTROL_COLORS[p.status]}
                  variant="light"
                  size="lg"
                  tt="none"
                >
                  {t('adult.kontrol.preview', {
                    status: `${p.program} ${controlLabel(p.status).toLowerCase()}`,
                  })}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </DataForm>
    </LiveIssues.Provider>
  );
}
