import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateField } from '../../components/DateField';
import { PerformerSelect, ServicePlaceSelect } from '../../components/ServiceFields';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { posyanduOptions, usePosyanduList } from '../../lib/lookups';

/**
 * Date, place (with the posyandu when at one) and performer: the head of every Klaster 3
 * service form, in that order for Enter to walk.
 */
export function ServiceHead<T extends FieldValues>({
  control,
  dateName,
  dateLabel,
  autoFocus,
}: {
  control: Control<T>;
  dateName: Path<T>;
  dateLabel: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const place = useWatch({ control, name: 'place' as Path<T> }) as string | undefined;
  const posyandu = usePosyanduList();
  const nakes = useQuery({
    queryKey: ['nakes.options'],
    queryFn: () => call('nakes.options', {}),
    staleTime: 60_000,
  });
  return (
    <Group grow align="flex-start" gap="sm">
      <Controller
        control={control}
        name={dateName}
        render={({ field, fieldState }) => (
          <DateField
            label={dateLabel}
            withAsterisk
            autoFocus={autoFocus}
            data-autofocus={autoFocus || undefined}
            value={field.value as string}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={control}
        name={'place' as Path<T>}
        render={({ field, fieldState }) => (
          <ServicePlaceSelect
            label={t('adult.f.place')}
            withAsterisk
            value={(field.value as string) ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
            onBlur={field.onBlur}
            ref={field.ref}
            error={fieldState.error?.message}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
      {place === 'posyandu' && (
        <Controller
          control={control}
          name={'posyanduId' as Path<T>}
          render={({ field, fieldState }) => (
            <Select
              label={t('adult.f.posyandu')}
              withAsterisk
              searchable
              value={(field.value as string) ?? null}
              onChange={(v) => field.onChange(v)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
              data={posyanduOptions(posyandu.data)}
            />
          )}
        />
      )}
      <Controller
        control={control}
        name={'performerId' as Path<T>}
        render={({ field, fieldState }) => (
          <PerformerSelect
            label={t('adult.f.performer')}
            placeholder={nakes.data?.length === 0 ? t('adult.noPerformer') : undefined}
            disabled={nakes.data?.length === 0}
            value={(field.value as string) ?? null}
            onChange={(v) => field.onChange(v)}
            onBlur={field.onBlur}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
    </Group>
  );
}
