import { Alert, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import type { PersonDetail } from '@shared/contract';
import { call } from '../../lib/api';

interface SavedRecord {
  id: string;
  version: number;
  personId: string;
}

/**
 * A Klaster 3 record form's page: a new record for a person (`personId`) or a saved one (`id`,
 * read with `load` under the query key `channel`), then its person. The form is keyed by the
 * record's id and version, so a newer version starts it afresh.
 */
export function RecordFormPage<R extends SavedRecord>({
  channel,
  load,
  personId,
  id,
  render,
}: {
  channel: string;
  load: (id: string) => Promise<R>;
  personId?: string;
  id?: string;
  render: (person: PersonDetail, existing: R | undefined) => ReactNode;
}) {
  const existing = useQuery({
    queryKey: [channel, id],
    enabled: !!id,
    queryFn: () => load(id!),
  });
  const pid = personId ?? existing.data?.personId;
  const person = useQuery({
    queryKey: ['persons.get', pid],
    enabled: !!pid,
    queryFn: () => call('persons.get', { id: pid! }),
  });
  if (existing.isError) return <Alert color="red">{existing.error.message}</Alert>;
  if (person.isError) return <Alert color="red">{person.error.message}</Alert>;
  if (!person.data || (id && !existing.data)) return <Loader />;
  return (
    <Fragment key={`${existing.data?.id ?? 'new'}-${existing.data?.version ?? 0}`}>
      {render(person.data, existing.data)}
    </Fragment>
  );
}
