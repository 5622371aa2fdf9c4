import { Badge, Button, Checkbox, SegmentedControl, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import {
  ADULT_WORK_LISTS,
  type AdultPatientRow,
  type PersonRow,
  type WorkListName,
} from '@shared/contract';
import { GLUCOSE_TEST_SHORT, PROGRAM_LABELS, type FollowUpProgram } from '@shared/domain/adult';
import { completedYears } from '@shared/domain/dates';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { usePagedList } from '../../lib/paged';
import { useUiStore } from '../../stores/ui';
import { useAdultFilters } from './filters';
import { CONTROL_COLORS, dmy, num, useCanWrite, useControlLabel } from './hooks';
import { ExportButton, ListToolbar, SectionActions } from './ListToolbar';
import { PatientFormModal } from './PatientFormModal';
import { PersonPicker } from './PersonPicker';

/**
 * The hypertension or DM register with its work lists (belum kontrol bulan ini, tidak
 * terkendali, mangkir ≥ 2 bulan). Enter opens the patient's kontrol page.
 */
export function RegisterPanel({ program }: { program: FollowUpProgram }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const filter = useAdultFilters((s) => s.patient);
  const set = useAdultFilters((s) => s.setPatient);
  const canWrite = useCanWrite();
  const controlLabel = useControlLabel();
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState<PersonRow | null>(null);

  const base = useMemo(
    () => ({
      program,
      q: filter.q,
      desaId: filter.desaId ?? undefined,
      includeEnded: filter.includeEnded,
    }),
    [program, filter.q, filter.desaId, filter.includeEnded],
  );
  const input = useMemo(() => ({ ...base, list: filter.list }), [base, filter.list]);
  const list = usePagedList('adult.patient.list', input);
  const counts = useQuery({
    queryKey: ['adult.patient.list', 'counts', base],
    queryFn: () => call('adult.patient.list', { ...base, limit: 1 }),
  });
  const asOf = counts.data?.asOf;
  const filtered = !!(filter.q || filter.desaId || filter.list !== 'semua');

  useHotkeys([['alt+n', () => canWrite && setPicking(true)]]);

  const columns: Column<AdultPatientRow>[] = [
    {
      key: 'name',
      header: t('adult.col.name'),
      width: 'minmax(160px, 1.6fr)',
      render: (r) => (
        <Text size="sm" fw={500} truncate>
          {r.name}
        </Text>
      ),
    },
    {
      key: 'age',
      header: t('adult.col.age'),
      width: '64px',
      render: (r) => `${asOf ? completedYears(r.birthDate, asOf) : ''} ${r.sex}`,
    },
    {
      key: 'desa',
      header: t('adult.col.desa'),
      width: 'minmax(100px, 1fr)',
      render: (r) => r.desaName ?? t('adult.luar'),
    },
    { key: 'icd', header: t('adult.col.icd10'), width: '78px', render: (r) => r.icd10 },
    {
      key: 'last',
      header: t('adult.col.lastVisit'),
      width: '168px',
      render: (r) =>
        r.lastVisitOn ? (
          dmy(r.lastVisitOn)
        ) : (
          <Text span size="sm" c="dimmed">
            {t('adult.patient.never')}
          </Text>
        ),
    },
    {
      key: 'value',
      header: program === 'ht' ? t('adult.col.lastBp') : t('adult.col.lastGlucose'),
      width: '116px',
      render: (r) =>
        program === 'ht'
          ? r.lastSystolic !== null
            ? `${r.lastSystolic}/${r.lastDiastolic}`
            : '—'
          : r.lastGlucose
            ? `${GLUCOSE_TEST_SHORT[r.lastGlucose.test][locale]} ${num(r.lastGlucose.value)}`
            : '—',
    },
    {
      key: 'status',
      header: t('adult.col.control'),
      width: '150px',
      render: (r) =>
        r.endedOn ? (
          <Badge color="gray" variant="outline" tt="none">
            {t('adult.col.ended')} {dmy(r.endedOn)}
          </Badge>
        ) : (
          <Badge color={CONTROL_COLORS[r.control]} variant="light" tt="none">
            {controlLabel(r.control)}
          </Badge>
        ),
    },
    {
      key: 'missed',
      header: t('adult.col.missedMonths'),
      width: '118px',
      align: 'right',
      render: (r) =>
        r.mangkir ? (
          <Badge color="red" variant="filled">
            {r.missedMonths}
          </Badge>
        ) : (
          r.missedMonths
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <ListToolbar
        q={filter.q}
        onQ={(q) => set({ q })}
        desaId={filter.desaId}
        onDesa={(desaId) => set({ desaId })}
        count={list.total}
        table={table}
      >
        <Checkbox
          mb={8}
          label={t('adult.patient.includeEnded')}
          checked={filter.includeEnded}
          onChange={(e) => set({ includeEnded: e.currentTarget.checked })}
        />
      </ListToolbar>
      <SegmentedControl
        aria-label={t('adult.worklist')}
        value={filter.list}
        onChange={(v) => set({ list: v as WorkListName })}
        data={ADULT_WORK_LISTS.map((w) => ({
          value: w,
          label: `${t(`adult.worklist.${w}`)} (${counts.data?.counts[w] ?? '…'})`,
        }))}
        fullWidth
      />
      <SectionActions>
        <ExportButton exportFile={() => invoke('adult.patient.export', input)} />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPicking(true)}>
            {t('adult.patient.add')} (Alt+N)
          </Button>
        )}
      </SectionActions>
      <VirtualTable
        ref={table}
        aria-label={t('adult.patient.title', { program: PROGRAM_LABELS[program][locale] })}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/penderita/${r.personId}`)}
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 350px)"
        empty={filtered ? t('adult.patient.empty') : t('adult.patient.empty.none')}
      />
      <PersonPicker
        opened={picking}
        onClose={() => setPicking(false)}
        minAge={15}
        title={t('adult.patient.confirm', {
          program: PROGRAM_LABELS[program][locale].toLowerCase(),
        })}
        onPick={(p) => {
          setPicking(false);
          setConfirming(p);
        }}
      />
      {confirming && (
        <PatientFormModal
          opened
          onClose={() => setConfirming(null)}
          personId={confirming.id}
          program={program}
          mode="create"
          onSaved={() => navigate(`/penderita/${confirming.id}`)}
        />
      )}
    </Stack>
  );
}
