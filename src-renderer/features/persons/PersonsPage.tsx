import {
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { memo, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { AGE_GROUPS, type AgeGroup, type PersonRow } from '@shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { ageText, shortDate, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus, useDesaList } from '../../lib/lookups';
import { usePagedList } from '../../lib/paged';
import { usePersonsFilter } from '../../stores/personsFilter';

/**
 * The desa, sex, age and deleted filters. Their own component reading their own part of the
 * store: typing in the search box or a new page of results does not draw them again.
 */
const PersonsFilters = memo(function PersonsFilters() {
  const t = useT();
  const desaId = usePersonsFilter((s) => s.desaId);
  const sex = usePersonsFilter((s) => s.sex);
  const ageGroup = usePersonsFilter((s) => s.ageGroup);
  const deleted = usePersonsFilter((s) => s.deleted);
  const set = usePersonsFilter((s) => s.set);
  const desa = useDesaList();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  return (
    <>
      <Select
        label={t('persons.filter.desa')}
        w={230}
        clearable
        searchable
        placeholder={t('persons.filter.allDesa')}
        value={desaId}
        onChange={(v) => set({ desaId: v })}
        data={[
          ...(desa.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          { value: 'luar', label: t('persons.filter.luar') },
        ]}
      />
      <div>
        <Text size="sm" fw={500} mb={2}>
          {t('persons.filter.sex')}
        </Text>
        <SegmentedControl
          aria-label={t('persons.filter.sex')}
          value={sex ?? ''}
          onChange={(v) => set({ sex: v === 'L' || v === 'P' ? v : null })}
          data={[
            { value: '', label: t('persons.filter.all') },
            { value: 'L', label: 'L' },
            { value: 'P', label: 'P' },
          ]}
        />
      </div>
      <Select
        label={t('persons.filter.age')}
        w={240}
        clearable
        placeholder={t('persons.filter.all')}
        value={ageGroup}
        onChange={(v) => set({ ageGroup: (v as AgeGroup | null) ?? null })}
        data={AGE_GROUPS.map((g) => ({ value: g, label: t(`age.${g}`) }))}
      />
      {isAdmin && (
        <Checkbox
          mb={8}
          label={t('persons.filter.deleted')}
          checked={deleted}
          onChange={(e) => set({ deleted: e.currentTarget.checked })}
        />
      )}
    </>
  );
});

/** The registry: search as you type, filters, a virtualised list; Enter opens a person. */
export function PersonsPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const filter = usePersonsFilter();
  const [today] = useState(todayLocal);

  const input = useMemo(
    () => ({
      q: filter.q,
      desaId: filter.desaId ?? undefined,
      sex: filter.sex ?? undefined,
      ageGroup: filter.ageGroup ?? undefined,
      deleted: filter.deleted,
    }),
    [filter.q, filter.desaId, filter.sex, filter.ageGroup, filter.deleted],
  );
  const list = usePagedList('persons.search', input);
  const filtered = !!(filter.q || filter.desaId || filter.sex || filter.ageGroup || filter.deleted);

  useHotkeys([
    ['alt+n', () => navigate('/penduduk/baru')],
    ['ctrl+f', () => search.current?.focus()],
  ]);

  const columns = useMemo<Column<PersonRow>[]>(
    () => [
      {
        key: 'name',
        header: t('persons.col.name'),
        width: 'minmax(200px, 2.2fr)',
        render: (p) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {p.name}
            </Text>
            {p.deleted && (
              <Badge size="xs" color="red" variant="light">
                {t('persons.deleted')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        key: 'nik',
        header: t('persons.col.nik'),
        width: '172px',
        render: (p) =>
          p.nik ?? (
            <Text span c="dimmed" size="sm">
              {t('persons.noNik')}
            </Text>
          ),
      },
      {
        key: 'sex',
        header: t('persons.col.sex'),
        width: '48px',
        render: (p) => p.sex,
        align: 'center',
      },
      {
        key: 'birth',
        header: t('persons.col.birth'),
        width: '190px',
        render: (p) => `${shortDate(p.birthDate)} (${ageText(t, p.birthDate, today)})`,
      },
      {
        key: 'place',
        header: t('persons.col.place'),
        width: 'minmax(140px, 1.4fr)',
        render: (p) => p.place ?? '—',
      },
      {
        key: 'rtrw',
        header: t('persons.col.rtrw'),
        width: '80px',
        render: (p) => (p.rt || p.rw ? `${p.rt ?? '-'}/${p.rw ?? '-'}` : '—'),
      },
    ],
    [t, today],
  );

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('persons.title')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/penduduk/baru')}>
            {t('persons.add')} (Alt+N)
          </Button>
        }
      />
      <TextInput
        ref={search}
        autoFocus
        size="md"
        leftSection={<IconSearch size={18} />}
        placeholder={t('persons.search.placeholder')}
        aria-label={t('field.q')}
        description={t('persons.search.help')}
        value={filter.q}
        onChange={(e) => filter.set({ q: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            table.current?.focus();
          }
        }}
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <PersonsFilters />
        <Text size="sm" c="dimmed" ml="auto" mb={8} data-testid="persons-count">
          {t('persons.count', { count: list.total.toLocaleString('id-ID') })}
        </Text>
      </Group>
      <VirtualTable
        ref={table}
        aria-label={t('persons.title')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(p) => p.id}
        onOpen={(p) => navigate(`/penduduk/${p.id}`)}
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 330px)"
        empty={filtered ? t('persons.empty') : t('persons.empty.none')}
      />
    </Stack>
  );
}
