import { Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { adultPatientInput, type AdultPatientInput, type AdultPatientRow } from '@shared/contract';
import {
  DIAGNOSIS_PLACES,
  DIAGNOSIS_PLACE_LABELS,
  END_REASONS,
  END_REASON_LABELS,
  ICD10_BY_PROGRAM,
  ICD10_LABELS,
  PROGRAM_LABELS,
  type FollowUpProgram,
} from '@shared/domain/adult';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PerformerSelect } from '../../components/ServiceFields';
import { invoke } from '../../lib/api';
import { todayLocal } from '../../lib/format';
import { useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { placeServerError } from './fields';
import { useInvalidateAdult } from './hooks';

export type PatientFormMode = 'create' | 'edit' | 'end';

/**
 * Confirm a diagnosis (a person becomes a penderita), correct the entry, or record that the
 * patient left the register.
 */
export function PatientFormModal({
  opened,
  onClose,
  personId,
  program,
  existing,
  mode,
  screeningId,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  personId: string;
  program: FollowUpProgram;
  existing?: AdultPatientRow;
  mode: PatientFormMode;
  screeningId?: string | null;
  onSaved?: (row: AdultPatientRow) => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const programName = PROGRAM_LABELS[program][locale].toLowerCase();
  const title =
    mode === 'create'
      ? t('adult.patient.confirm', { program: programName })
      : mode === 'end'
        ? t('adult.patient.end')
        : t('adult.patient.edit', { program: programName });
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && (
        <PatientForm
          personId={personId}
          program={program}
          existing={existing}
          mode={mode}
          screeningId={screeningId ?? null}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function PatientForm({
  personId,
  program,
  existing,
  mode,
  screeningId,
  onClose,
  onSaved,
}: {
  personId: string;
  program: FollowUpProgram;
  existing?: AdultPatientRow;
  mode: PatientFormMode;
  screeningId: string | null;
  onClose: () => void;
  onSaved?: (row: AdultPatientRow) => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const invalidate = useInvalidateAdult();
  const [today] = useState(todayLocal);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const defaults: AdultPatientInput = existing
    ? {
        program: existing.program,
        icd10: existing.icd10,
        diagnosedOn: existing.diagnosedOn,
        diagnosedPlace: existing.diagnosedPlace,
        screeningId: existing.screeningId,
        performerId: existing.performerId,
        notes: existing.notes ?? '',
        endedOn: mode === 'end' ? (existing.endedOn ?? today) : existing.endedOn,
        endReason: existing.endReason,
      }
    : {
        program,
        icd10: ICD10_BY_PROGRAM[program][program === 'ht' ? 0 : 1]!,
        diagnosedOn: today,
        diagnosedPlace: 'puskesmas',
        screeningId,
        performerId: null,
        notes: '',
        endedOn: null,
        endReason: null,
      };
  const form = useContractForm(adultPatientInput, defaults);
  const { control, register, formState } = form;

  const save = form.handleSubmit(async (values) => {
    setSaving(true);
    setBanner(null);
    const result = existing
      ? await invoke('adult.patient.update', {
          id: existing.id,
          version: existing.version,
          patient: values,
        })
      : await invoke('adult.patient.create', { personId, patient: values });
    setSaving(false);
    if (!result.ok) {
      setBanner(placeServerError(form, result.error, 'patient.'));
      return;
    }
    invalidate();
    notifications.show({ color: 'teal', message: t('adult.saved') });
    onSaved?.(result.value);
    onClose();
  });

  const icdOptions = ICD10_BY_PROGRAM[program].map((code) => ({
    value: code,
    label: `${code} — ${ICD10_LABELS[code]?.[locale] ?? code}`,
  }));

  return (
    <DataForm
      aria-label={t('adult.patient.confirm', { program: '' })}
      onSubmit={() => void save()}
      onCancel={onClose}
      saving={saving}
      error={banner}
    >
      <Stack gap="sm">
        {mode !== 'end' ? (
          <>
            <SimpleGrid cols={2} spacing="sm">
              <Controller
                control={control}
                name="diagnosedOn"
                render={({ field, fieldState }) => (
                  <DateField
                    label={t('adult.f.diagnosedOn')}
                    withAsterisk
                    autoFocus
                    data-autofocus
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="icd10"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('adult.f.icd10')}
                    withAsterisk
                    searchable
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                    data={icdOptions}
                  />
                )}
              />
              <Controller
                control={control}
                name="diagnosedPlace"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('adult.f.diagnosedPlace')}
                    withAsterisk
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? undefined)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                    data={DIAGNOSIS_PLACES.map((p) => ({
                      value: p,
                      label: DIAGNOSIS_PLACE_LABELS[p][locale],
                    }))}
                  />
                )}
              />
              <Controller
                control={control}
                name="performerId"
                render={({ field, fieldState }) => (
                  <PerformerSelect
                    label={t('adult.f.performer')}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </SimpleGrid>
            {formState.errors.program && (
              <Text size="sm" c="red.8">
                {formState.errors.program.message}
              </Text>
            )}
            <Textarea
              label={t('adult.f.notes')}
              autosize
              minRows={2}
              error={formState.errors.notes?.message}
              {...register('notes')}
            />
          </>
        ) : (
          <SimpleGrid cols={2} spacing="sm">
            <Controller
              control={control}
              name="endedOn"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('adult.f.endedOn')}
                  withAsterisk
                  autoFocus
                  data-autofocus
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="endReason"
              render={({ field, fieldState }) => (
                <Select
                  label={t('adult.f.endReason')}
                  withAsterisk
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  data={END_REASONS.map((r) => ({ value: r, label: END_REASON_LABELS[r][locale] }))}
                />
              )}
            />
          </SimpleGrid>
        )}
      </Stack>
    </DataForm>
  );
}
