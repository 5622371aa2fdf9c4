import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { memo, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import {
  CHILD_AGE_BANDS,
  CHILD_FLAGS,
  type ChildAgeBand,
  type ChildFlag,
  type ChildRow,
} from '@shared/contract';
import { PERTUMBUHAN_LABELS, type PertumbuhanStatus } from '@shared/domain/growth';
import type { Locale, MessageKey } from '@shared/i18n';
import { VirtualTable, type Column, type VirtualTableHandle } from '../../components/VirtualTable';
import { ageText, shortDate, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { posyanduOptions, usePosyanduList } from '../../lib/lookups';
import { usePagedList } from '../../lib/paged';
import { useUiStore } from '../../stores/ui';
import { ChildSectionHeader } from './ChildSectionTabs';
import classes from './register.module.css';
import { GROWTH_COLORS, numText, statusColor, statusLabel } from './labels';
import { useFocusOnOpen } from './queries';

interface StatusProps {
  code: string | null;
  t: (key: MessageKey) => string;
  locale: Locale;
}

/**
 * A status cell. The register's cells are plain spans rather than Mantine's Text and Badge: it
 * draws some ten rows of them a frame while it scrolls.
 */
function Status({ code, t, locale }: StatusProps) {
  if (!code) return <span className={classes.dimmed}>—</span>;
  const color = statusColor(code);
  return (
    <span
      className={classes.status}
      style={{
        color: color === 'teal' ? 'var(--mantine-color-gray-7)' : `var(--mantine-color-${color}-8)`,
      }}
      title={statusLabel(t, locale, code, false)}
    >
      {statusLabel(t, locale, code)}
    </span>
  );
}

interface RegisterFiltersProps {
  posyanduId: string | null;
  ageBand: ChildAgeBand | null;
  flag: ChildFlag | null;
  onPosyandu: (id: string | null) => void;
  onAgeBand: (band: ChildAgeBand | null) => void;
  onFlag: (flag: ChildFlag | null) => void;
}

/** The posyandu, age and attention filters: drawn again when one changes, not while scrolling. */
const RegisterFilters = memo(function RegisterFilters(props: RegisterFiltersProps) {
  const t = useT();
  const posyandu = usePosyanduList();
  return (
    <>
      <Select
        label={t('child.filter.posyandu')}
        w={260}
        clearable
        searchable
        placeholder={t('child.filter.allPosyandu')}
        value={props.posyanduId}
        onChange={props.onPosyandu}
        data={posyanduOptions(posyandu.data)}
      />
      <Select
        label={t('child.filter.age')}
        w={180}
        clearable
        placeholder={t('child.filter.allAges')}
        value={props.ageBand}
        onChange={(v) => props.onAgeBand((v as ChildAgeBand | null) ?? null)}
        data={CHILD_AGE_BANDS.map((b) => ({ value: b, label: t(`child.age.${b}`) }))}
      />
      <Select
        label={t('child.filter.flag')}
        w={270}
        clearable
        placeholder={t('child.filter.allFlags')}
        value={props.flag}
        onChange={(v) => props.onFlag((v as ChildFlag | null) ?? null)}
        data={CHILD_FLAGS.map((f) => ({ value: f, label: t(`child.flag.${f}`) }))}
      />
    </>
  );
});

/** The balita register: search, filters by posyandu, age and what needs attention. */
export function ChildRegisterPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [, navigate] = useLocation();
  const table = useRef<VirtualTableHandle>(null);
  const search = useFocusOnOpen<HTMLInputElement>();
  const [today] = useState(todayLocal);
  const [q, setQ] = useState('');
  const [posyanduId, setPosyanduId] = useState<string | null>(null);
  const [ageBand, setAgeBand] = useState<ChildAgeBand | null>(null);
  const [flag, setFlag] = useState<ChildFlag | null>(null);
  const input = useMemo(
    () => ({
      q,
      posyanduId: posyanduId ?? undefined,
      ageBand: ageBand ?? undefined,
      flag: flag ?? undefined,
    }),
    [q, posyanduId, ageBand, flag],
  );
  const list = usePagedList('child.register', input);
  const filtered = !!(q || posyanduId || ageBand || flag);
  useHotkeys([['ctrl+f', () => search.current?.focus()]]);

  const columns = useMemo<Column<ChildRow>[]>(
    () => [
      {
        key: 'name',
        header: t('child.col.name'),
        width: 'minmax(140px, 1.4fr)',
        render: (r) => (
          <span className={classes.name} title={r.name}>
            {r.name}
          </span>
        ),
      },
      {
        key: 'age',
        header: t('child.col.age'),
        width: '118px',
        render: (r) => (
          <span title={`${t(`sex.${r.sex}`)}, ${shortDate(r.birthDate)}`}>
            {r.sex} · {ageText(t, r.birthDate, today)}
          </span>
        ),
      },
      {
        key: 'posyandu',
        header: t('child.col.posyandu'),
        width: 'minmax(96px, 1fr)',
        render: (r) => (
          <span title={r.posyanduName ?? ''}>
            {r.posyanduName?.replace(/^Posyandu\s+/i, '') ?? '—'}
          </span>
        ),
      },
      {
        key: 'last',
        header: t('child.col.last'),
        width: '108px',
        render: (r) => shortDate(r.lastDate),
      },
      {
        key: 'size',
        header: t('child.col.size'),
        width: '112px',
        align: 'right',
        render: (r) => `${numText(r.weightKg, locale)} · ${numText(r.lengthCm, locale)}`,
      },
      {
        key: 'bbu',
        header: t('child.col.bbu'),
        width: '120px',
        render: (r) => <Status code={r.bbU} t={t} locale={locale} />,
      },
      {
        key: 'pbu',
        header: t('child.col.pbu'),
        width: '120px',
        render: (r) => <Status code={r.pbU} t={t} locale={locale} />,
      },
      {
        key: 'bbpb',
        header: t('child.col.bbpb'),
        width: '128px',
        render: (r) => <Status code={r.bbPb} t={t} locale={locale} />,
      },
      {
        key: 'growth',
        header: t('child.col.growth'),
        width: '54px',
        align: 'center',
        render: (r) =>
          r.growth ? (
            <span
              className={classes.growth}
              style={{ background: `var(--mantine-color-${GROWTH_COLORS[r.growth]}-filled)` }}
              title={PERTUMBUHAN_LABELS[r.growth as PertumbuhanStatus][locale]}
            >
              {r.growth}
            </span>
          ) : (
            '—'
          ),
      },
    ],
    [t, today, locale],
  );

  return (
    <Stack gap="xs">
      <ChildSectionHeader />
      <TextInput
        ref={search}
        leftSection={<IconSearch size={18} />}
        placeholder={t('child.register.search')}
        aria-label={t('field.q')}
        description={t('child.register.help')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            table.current?.focus();
          }
        }}
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <RegisterFilters
          posyanduId={posyanduId}
          ageBand={ageBand}
          flag={flag}
          onPosyandu={setPosyanduId}
          onAgeBand={setAgeBand}
          onFlag={setFlag}
        />
        <Text size="sm" c="dimmed" ml="auto" mb={8} data-testid="child-count">
          {t('child.register.count', { count: list.total.toLocaleString('id-ID') })}
        </Text>
      </Group>
      <VirtualTable
        ref={table}
        aria-label={t('child.tab.register')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/${r.id}`)}
        onRangeChange={list.onRangeChange}
        loading={list.loading}
        stale={list.stale}
        height="calc(100vh - 352px)"
        empty={filtered ? t('child.register.empty') : t('child.register.empty.none')}
      />
    </Stack>
  );
}
