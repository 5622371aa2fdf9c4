import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  PROFESSION_LABELS,
  SERVICE_PLACE_LABELS,
  SERVICE_PLACES,
} from '@shared/domain/codes/service';
import { call } from '../lib/api';
import { useUiStore } from '../stores/ui';

type Props = Omit<SelectProps, 'data'>;

/** The tenaga kesehatan who performed a service (from Klaster 1's SDM list). */
export function PerformerSelect(props: Props) {
  const locale = useUiStore((s) => s.locale);
  const nakes = useQuery({
    queryKey: ['nakes.options'],
    queryFn: () => call('nakes.options', {}),
    staleTime: 60_000,
  });
  return (
    <Select
      searchable
      clearable
      {...props}
      data={(nakes.data ?? []).map((n) => ({
        value: n.id,
        label: `${n.name} — ${PROFESSION_LABELS[n.profession][locale]}`,
      }))}
    />
  );
}

/** Where a service was given (puskesmas, pustu, posyandu, rumah…). */
export function ServicePlaceSelect(props: Props) {
  const locale = useUiStore((s) => s.locale);
  return (
    <Select
      {...props}
      data={SERVICE_PLACES.map((p) => ({ value: p, label: SERVICE_PLACE_LABELS[p][locale] }))}
    />
  );
}
