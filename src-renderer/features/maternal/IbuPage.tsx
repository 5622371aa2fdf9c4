import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import {
  KOHORT_STATUSES,
  type KohortRow,
  type KohortStatus,
  type MaternalRulesView,
} from '@shared/contract';
import { PREGNANCY_OUTCOMES } from '@shared/domain/maternal';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs, type SectionTab } from '../../components/SectionedPage';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus, useDesaList, usePosyanduList } from '../../lib/lookups';
import { usePagedList } from '../../lib/paged';
import { useKohortFilter } from './filter';
import { FlagCell, gaShort, useLocale, useMaternalRules } from './ui';
import { WorkListsPanel } from './WorkListsPanel';

/** The sections of Klaster 2 › Ibu, each at `/klaster-2/ibu<path>` (a nested route). */
const SECTIONS: SectionTab[] = [
  { path: '/', label: 'k2.ibu.kohort' },
  { path: '/daftar-kerja', label: 'k2.ibu.worklists' },
];

/** Klaster 2 › Ibu: the kohort ibu register and the work lists. */
export function IbuPage() {
  const t = useT();
  return (
    <Stack gap="xs">
      <PageHeader title={t('k2.title')} />
      <SectionTabs sections={SECTIONS} />
      <Switch>
        <Route path="/daftar-kerja" component={WorkListsPanel} />
        <Route component={KohortPanel} />
      </Switch>
    </Stack>
  );
}

function monthOptions(today: string) {
  const out: { value: string; label: string }[] = [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  const names = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'Mei',
    'Jun',
    'Jul',
    'Agu',
    'Sep',
    'Okt',
    'Nov',
    'Des',
  ];
  for (let i = 0; i < 24; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    out.push({ value, label: `${names[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
  }
  return out;
}

export function KohortPanel() {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const filter = useKohortFilter();
  const desa = useDesaList();
  const posyandu = usePosyanduList();
  const rules = useMaternalRules();
  const role = useAuthStatus().data?.user?.role;
  const [rulesOpen, setRulesOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const months = useMemo(() => monthOptions(new Date().toISOString().slice(0, 10)), []);

  const input = useMemo(
    () => ({
      q: filter.q,
      desaId: filter.desaId ?? undefined,
      posyanduId: filter.posyanduId ?? undefined,
      month: filter.month ?? undefined,
      status: filter.status,
    }),
    [filter.q, filter.desaId, filter.posyanduId, filter.month, filter.status],
  );
  const list = usePagedList('maternal.kohort', input);
  const filtered = !!(
    filter.q ||
    filter.desaId ||
    filter.posyanduId ||
    filter.month ||
    filter.status !== 'aktif'
  );

  useHotkeys([
    ['alt+n', () => navigate('~/klaster-2/ibu/kehamilan/baru')],
    ['ctrl+f', () => search.current?.focus()],
  ]);

  async function exportXlsx() {
    setExporting(true);
    setError(null);
    const result = await invoke('maternal.kohortExport', input);
    setExporting(false);
    if (!result.ok) return setError(result.error.message);
    downloadFile(result.value);
    notifications.show({
      color: 'teal',
      message: t('kohort.exported', { file: result.value.fileName }),
    });
  }

  const kSlots = rules.data?.kSlots ?? ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
  const kfSlots = rules.data?.kfSlots ?? ['KF1', 'KF2', 'KF3', 'KF4'];
  const dayMonth = (d: string | null | undefined) =>
    d ? `${d.slice(8, 10)}/${d.slice(5, 7)}` : '';
  const columns: Column<KohortRow>[] = [
    {
      key: 'name',
      header: t('kohort.col.name'),
      width: 'minmax(170px, 1.6fr)',
      render: (r) => (
        <Text
          size="sm"
          fw={500}
          truncate
          title={[r.name, r.nik, r.desaName, r.posyanduName].filter(Boolean).join(' — ')}
        >
          {r.name}
          <Text span size="xs" c="dimmed" fw={400}>
            {r.ageYears !== null && ` ${r.ageYears} th`} · {r.desaName ?? t('person.luar')}
          </Text>
        </Text>
      ),
    },
    {
      key: 'gpa',
      header: t('kohort.col.gpa'),
      width: '56px',
      render: (r) => <Text span fz={12}>{`${r.gravida}-${r.para}-${r.abortus}`}</Text>,
    },
    {
      key: 'hpl',
      header: t('kohort.col.hpl'),
      width: '82px',
      render: (r) => (
        <Text span fz={12} title={shortDate(r.hpl)}>
          {shortDate(r.hpl).replace(/-20(\d\d)$/, '-$1')}
        </Text>
      ),
    },
    {
      key: 'uk',
      header: t('kohort.col.uk'),
      width: '50px',
      render: (r) =>
        r.outcome ? (
          <Text span size="xs" c="dimmed" title={PREGNANCY_OUTCOMES[r.outcome][locale]}>
            {r.outcome === 'PERSALINAN' ? '✓' : '×'}
          </Text>
        ) : (
          <Text span fz={12}>
            {gaShort(r.gaToday)}
          </Text>
        ),
    },
    ...kSlots.map((label, i): Column<KohortRow> => ({
      key: label,
      header: label,
      width: '56px',
      align: 'center',
      render: (r) => {
        const cell = r.k[i];
        if (!cell)
          return (
            <Text span c="gray.4">
              ·
            </Text>
          );
        return (
          <Text
            span
            fz={12}
            td={cell.doctor ? 'underline' : undefined}
            c={i === 0 && r.k1Murni ? 'teal.8' : undefined}
            title={`${label} ${shortDate(cell.date)}${cell.doctor ? ` (${t('kohort.doctor')})` : ''}`}
          >
            {dayMonth(cell.date)}
          </Text>
        );
      },
    })),
    {
      key: 'persalinan',
      header: t('kohort.col.persalinan'),
      width: '60px',
      align: 'center',
      render: (r) =>
        r.delivery ? (
          <Text span fz={12} c={r.delivery.fasyankes ? undefined : 'orange.8'}>
            {dayMonth(r.delivery.date)}
          </Text>
        ) : (
          <Text span c="gray.4">
            ·
          </Text>
        ),
    },
    ...kfSlots.map((label, i): Column<KohortRow> => ({
      key: label,
      header: label,
      width: '56px',
      align: 'center',
      render: (r) =>
        r.kf[i] ? (
          <Text span fz={12} title={`${label} ${shortDate(r.kf[i])}`}>
            {dayMonth(r.kf[i])}
          </Text>
        ) : (
          <Text span c="gray.4">
            ·
          </Text>
        ),
    })),
    {
      key: 'risk',
      header: t('kohort.col.risk'),
      width: 'minmax(90px, 1fr)',
      render: (r) => <FlagCell flags={r.flags} />,
    },
  ];

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          ref={search}
          autoFocus
          leftSection={<IconSearch size={16} />}
          placeholder={t('kohort.search')}
          aria-label={t('field.q')}
          style={{ flex: 1 }}
          value={filter.q}
          onChange={(e) => filter.set({ q: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              table.current?.focus();
            }
          }}
        />
        <Select
          label={t('kohort.filter.desa')}
          w={170}
          clearable
          searchable
          placeholder={t('kohort.filter.allDesa')}
          value={filter.desaId}
          onChange={(v) => filter.set({ desaId: v, posyanduId: null })}
          data={[
            ...(desa.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            { value: 'luar', label: t('person.luar') },
          ]}
        />
        <Select
          label={t('kohort.filter.posyandu')}
          w={210}
          clearable
          searchable
          placeholder={t('kohort.filter.allPosyandu')}
          value={filter.posyanduId}
          onChange={(v) => filter.set({ posyanduId: v })}
          data={(posyandu.data ?? [])
            .filter((p) => !filter.desaId || p.desaId === filter.desaId)
            .map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          label={t('kohort.filter.month')}
          w={140}
          clearable
          placeholder={t('kohort.filter.allMonths')}
          value={filter.month}
          onChange={(v) => filter.set({ month: v })}
          data={months}
        />
        <Select
          label={t('kohort.filter.status')}
          w={160}
          allowDeselect={false}
          value={filter.status}
          onChange={(v) => v && filter.set({ status: v as KohortStatus })}
          data={KOHORT_STATUSES.map((s) => ({ value: s, label: t(`kohort.status.${s}`) }))}
        />
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="kohort-count">
          {t('kohort.count', { count: list.total.toLocaleString('id-ID') })}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconSettings size={16} />}
            onClick={() => setRulesOpen(true)}
          >
            {t('kohort.rules')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            onClick={() => void exportXlsx()}
          >
            {t('kohort.export')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => navigate('~/klaster-2/ibu/kehamilan/baru')}
          >
            {t('kohort.register')} (Alt+N)
          </Button>
        </Group>
      </Group>
      <VirtualTable
        ref={table}
        aria-label={t('k2.ibu.kohort')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.pregnancyId}
        onOpen={(r) => navigate(`~/klaster-2/ibu/kehamilan/${r.pregnancyId}`)}
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 318px)"
        empty={filtered ? t('kohort.empty') : t('kohort.empty.none')}
      />
      <RulesModal
        opened={rulesOpen}
        onClose={() => setRulesOpen(false)}
        rules={rules.data}
        canEdit={role === 'admin'}
      />
    </Stack>
  );
}

function RulesModal({
  opened,
  onClose,
  rules,
  canEdit,
}: {
  opened: boolean;
  onClose: () => void;
  rules: MaternalRulesView | undefined;
  canEdit: boolean;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(rules?.choice);
  const [error, setError] = useState<string | null>(null);
  const current = choice ?? rules?.choice;
  if (!rules || !current) return null;
  async function save() {
    const result = await invoke('maternal.setRules', current!);
    if (!result.ok) return setError(result.error.message);
    queryClient.setQueryData(['maternal.rules'], result.value);
    void queryClient.invalidateQueries({ queryKey: ['maternal.kohort'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.card'] });
    notifications.show({ color: 'teal', message: t('rules.saved') });
    onClose();
  }
  const select = (
    key: 'ancSplitId' | 'trimesterId' | 'nifasId',
    options: { id: string; title: string }[],
  ) => (
    <Select
      label={t(`field.${key}`)}
      disabled={!canEdit}
      allowDeselect={false}
      value={current[key]}
      onChange={(v) => v && setChoice({ ...current, [key]: v })}
      data={options.map((o) => ({ value: o.id, label: o.title }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('rules.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('rules.help')}</Text>
        {select('ancSplitId', rules.options.ancSplit)}
        {select('trimesterId', rules.options.trimester)}
        {select('nifasId', rules.options.nifas)}
        {!canEdit && (
          <Text size="sm" c="dimmed">
            {t('rules.adminOnly')}
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {canEdit && <Button onClick={() => void save()}>{t('common.save')}</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}
