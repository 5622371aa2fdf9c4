import {
  Alert,
  Button,
  Group,
  Input,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconUserPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controller } from 'react-hook-form';
import { useLocation } from 'wouter';
import {
  personInput,
  type AppErrorShape,
  type PersonInput,
  type SessionChild,
  type SessionRowInput,
  type SessionView,
} from '@shared/contract';
import { dueList, dueRulesOn, scheduleOn } from '@shared/domain/immunization';
import { sessionDayOnOrBefore, vitaminABand, vitaminARulesOn } from '@shared/domain/child-services';
import { isIsoDate, monthOf } from '@shared/domain/dates';
import {
  KBM_GK,
  expectedPosition,
  kbmTableFromRows,
  skdn,
  underFiveAge,
} from '@shared/domain/growth';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PerformerSelect } from '../../components/ServiceFields';
import { call, invoke } from '../../lib/api';
import { shortDateTime, todayLocal } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { posyanduOptions, usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { ChildSectionHeader } from './ChildSectionTabs';
import { numText } from './labels';
import { useCanWrite, useFocusOnOpen } from './queries';
import { SessionRow, gridKeyDown, rowCalcs, type GridRow } from './SessionGrid';
import classes from './session.module.css';

function initRow(child: SessionChild, date: string, locale: 'id' | 'en'): GridRow {
  const e = child.entry;
  return {
    kiaBook: child.kiaBook,
    weight: e?.weightKg != null ? numText(e.weightKg, locale) : '',
    length: e?.lengthCm != null ? numText(e.lengthCm, locale) : '',
    measured: e?.measured ?? expectedPosition(child.birthDate, date),
    muac: e?.muacCm != null ? numText(e.muacCm, locale) : '',
    vitaminA: e?.vitaminAId != null,
    doses: e?.doses.map((d) => d.code) ?? [],
    confirm: e?.confirmImplausible ?? false,
  };
}

/** The posyandu session: pick a posyandu and a day, then the grid of its balita. */
export function SessionPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const posyandu = usePosyanduList();
  const first = useFocusOnOpen<HTMLInputElement>();
  const [today] = useState(todayLocal);
  const [posyanduId, setPosyanduId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [basis, setBasis] = useState<'posyandu' | 'wilayah'>('posyandu');
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const header = useRef<HTMLDivElement>(null);

  const guard = (action: () => void) => (dirty ? setPending(() => action) : action());
  const dateOk = isIsoDate(date) && date <= today;
  const key = ['posyandu.session.open', posyanduId, date, basis] as const;
  const view = useQuery({
    queryKey: key,
    enabled: !!posyanduId && dateOk,
    queryFn: () =>
      call('posyandu.session.open', { posyanduId: posyanduId!, sessionDate: date, basis }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  function choosePosyandu(id: string | null) {
    guard(() => {
      setPosyanduId(id);
      const p = posyandu.data?.find((x) => x.id === id);
      if (p) setDate(sessionDayOnOrBefore(today, p.scheduleWeek, p.scheduleWeekday));
    });
  }

  /** Enter in the header moves on like Tab (into the grid after the last field). */
  function headerKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || target.getAttribute('aria-expanded') === 'true') return;
    const fields = Array.from(
      document.querySelectorAll<HTMLElement>(
        '[data-session-header] input:not([type=hidden]), [data-stop]',
      ),
    ).filter(
      (el) =>
        el.offsetParent !== null &&
        !(el as HTMLInputElement).disabled &&
        // Of a radio group (the list basis) only the chosen one is a stop, as with Tab.
        !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
    );
    const next = fields[fields.indexOf(target) + 1];
    if (next) {
      event.preventDefault();
      next.focus();
      if (next instanceof HTMLInputElement && next.type !== 'checkbox') next.select();
    }
  }

  return (
    <Stack gap={6}>
      <ChildSectionHeader />
      <div ref={header} data-session-header onKeyDown={headerKeyDown}>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <Select
            label={t('field.posyanduId')}
            w={300}
            searchable
            ref={first}
            selectFirstOptionOnChange
            placeholder={t('child.session.pickPosyandu')}
            value={posyanduId}
            onChange={choosePosyandu}
            data={posyanduOptions(posyandu.data)}
          />
          <DateField
            label={t('field.sessionDate')}
            w={140}
            value={date}
            onChange={(v) => guard(() => setDate(v))}
            error={isIsoDate(date) && date > today ? t('child.error.future') : undefined}
          />
          <Input.Wrapper label={t('field.basis')} labelElement="div">
            <SegmentedControl
              fullWidth
              aria-label={t('field.basis')}
              value={basis}
              onChange={(v) => guard(() => setBasis(v as 'posyandu' | 'wilayah'))}
              data={[
                { value: 'posyandu', label: t('child.session.basis.posyandu') },
                { value: 'wilayah', label: t('child.session.basis.wilayah') },
              ]}
            />
          </Input.Wrapper>
        </Group>
      </div>
      {!posyanduId || !dateOk ? (
        <Text c="dimmed" size="sm" mt="md">
          {t('child.session.pick')}
        </Text>
      ) : view.isError ? (
        <Alert color="red">{view.error.message}</Alert>
      ) : !view.data ? (
        <Loader />
      ) : (
        <SessionEditor
          key={`${view.data.posyandu.id}:${view.data.sessionDate}:${view.data.basis}:${view.dataUpdatedAt}`}
          view={view.data}
          onDirty={setDirty}
          onSaved={(next) => {
            queryClient.setQueryData(key, next);
            void queryClient.invalidateQueries({ queryKey: ['child.register'] });
            void queryClient.invalidateQueries({ queryKey: ['child.card'] });
          }}
          onLeave={() => guard(() => navigate('/'))}
        />
      )}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('child.session.title')}
      >
        <Text size="sm">{t('child.session.leave')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" data-autofocus onClick={() => setPending(null)}>
            {t('child.session.stay')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const action = pending;
              setPending(null);
              setDirty(false);
              action?.();
            }}
          >
            {t('child.session.leaveConfirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function SessionEditor({
  view,
  onDirty,
  onSaved,
  onLeave,
}: {
  view: SessionView;
  onDirty: (dirty: boolean) => void;
  onSaved: (view: SessionView) => void;
  onLeave: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const canWrite = useCanWrite();
  const date = view.sessionDate;
  const [children, setChildren] = useState<SessionChild[]>(view.rows);
  const [rows, setRows] = useState<GridRow[]>(() => view.rows.map((c) => initRow(c, date, locale)));
  const initial = useMemo(
    () => JSON.stringify(view.rows.map((c) => initRow(c, date, locale))),
    [view, date, locale],
  );
  const [performerId, setPerformerId] = useState<string | null>(view.session?.performerId ?? null);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const [adding, setAdding] = useState(false);
  const kbm = useMemo(() => {
    const custom = kbmTableFromRows(view.kbm, '2000-01-01');
    return custom.ok ? custom.value : KBM_GK;
  }, [view.kbm]);
  const calcs = rowCalcs(children, rows, date, kbm, locale, t('validation.type.number'));
  const dirty =
    children.length !== view.rows.length ||
    JSON.stringify(rows) !== initial ||
    performerId !== (view.session?.performerId ?? null);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const onChange = useCallback((index: number, patch: Partial<GridRow>) => {
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  }, []);

  const counts = useMemo(
    () =>
      skdn(
        children.map((c, i) => {
          const w = calcs[i]!.weightKg;
          return {
            id: c.personId,
            birthDate: c.birthDate,
            kiaBook: rows[i]!.kiaBook,
            weighings:
              w !== null && Object.keys(calcs[i]!.problems).length === 0
                ? [...c.weighings, { date, weightKg: w }]
                : c.weighings,
          };
        }),
        monthOf(date),
        kbm,
      ),
    [children, rows, calcs, date, kbm],
  );

  async function save() {
    if (!canWrite || saving) return;
    setBanner(null);
    const local = new Map<number, string[]>();
    calcs.forEach((c, i) => {
      const problems = Object.values(c.problems);
      if (problems.length > 0) local.set(i, problems);
      else if (c.implausible.length > 0 && !rows[i]!.confirm) {
        local.set(i, [...c.implausible, t('child.session.implausible')]);
      }
    });
    if (local.size > 0) {
      setRowErrors(local);
      setBanner(t('child.session.errors', { count: local.size }));
      focusProblem();
      return;
    }
    const input: SessionRowInput[] = children.map((c, i) => {
      const r = rows[i]!;
      const calc = calcs[i]!;
      const e = c.entry;
      return {
        personId: c.personId,
        kiaBook: r.kiaBook,
        weightKg: calc.weightKg,
        lengthCm: calc.lengthCm,
        measured: calc.lengthCm === null ? null : r.measured,
        muacCm: calc.muacCm,
        confirmImplausible: calc.implausible.length > 0 && r.confirm,
        growthId: e?.growthId ?? null,
        growthVersion: e?.growthVersion ?? null,
        vitaminA: r.vitaminA,
        vitaminAId: e?.vitaminAId ?? null,
        vitaminAVersion: e?.vitaminAVersion ?? null,
        doses: r.doses.map((code) => {
          const existing = e?.doses.find((d) => d.code === code);
          return { code, id: existing?.id ?? null, version: existing?.version ?? null };
        }),
      };
    });
    setSaving(true);
    const result = await invoke('posyandu.session.save', {
      posyanduId: view.posyandu.id,
      sessionDate: date,
      basis: view.basis,
      performerId,
      sessionId: view.session?.id ?? null,
      sessionVersion: view.session?.version ?? null,
      rows: input,
    });
    setSaving(false);
    if (!result.ok) return showServerError(result.error);
    notifications.show({
      color: 'teal',
      message: t('child.session.saved', { count: result.value.skdn.D }),
    });
    setRowErrors(new Map());
    onDirty(false);
    onSaved(result.value);
  }

  function showServerError(error: AppErrorShape) {
    const byRow = new Map<number, string[]>();
    for (const issue of error.details?.issues ?? []) {
      const m = /^rows\.(\d+)\./.exec(issue.path);
      if (!m) continue;
      const i = Number(m[1]);
      byRow.set(i, [
        ...(byRow.get(i) ?? []),
        `${issue.field.replace(/^[^·]*· /, '')}: ${issue.message}`,
      ]);
    }
    setRowErrors(byRow);
    focusProblem();
    setBanner(
      byRow.size > 0
        ? `${t(error.code === 'RULE_VIOLATION' ? 'child.session.implausible' : 'child.session.errors', { count: byRow.size })} ${error.message}`
        : error.message,
    );
  }

  /** Bring the first row with a problem into view, on its confirmation box or its weight. */
  function focusProblem() {
    setTimeout(() => {
      const row = document.querySelector<HTMLElement>('tr[data-error]');
      if (!row) return;
      row.scrollIntoView({ block: 'center' });
      const target =
        row.querySelector<HTMLElement>('[data-col="confirm"]') ??
        row.querySelector<HTMLElement>('[data-col="weight"]');
      target?.focus();
    }, 50);
  }

  async function addChild(personId: string) {
    if (children.some((c) => c.personId === personId)) {
      const name = children.find((c) => c.personId === personId)!.name;
      notifications.show({ color: 'orange', message: t('child.session.already', { name }) });
      return;
    }
    const card = await call('child.card', { personId });
    const birth = card.person.birthDate;
    if (!underFiveAge(birth, date).ok) {
      notifications.show({
        color: 'red',
        message: `${card.person.name}: ${t('child.error.notBalita')}`,
      });
      return;
    }
    const schedule = scheduleOn(date);
    const rules = dueRulesOn(date);
    const history = card.immunizations
      .filter((i) => i.givenDate < date)
      .map((i) => ({ code: i.doseCode, date: i.givenDate }));
    const due = dueList(birth, history, date, schedule, rules, {
      includeRegional: card.settings.includeJe,
    });
    const vRules = vitaminARulesOn(date);
    const child: SessionChild = {
      personId,
      name: card.person.name,
      sex: card.person.sex,
      birthDate: birth,
      rt: card.person.rt,
      rw: card.person.rw,
      motherName: card.person.motherName,
      source: 'session',
      kiaBook: card.profile?.kiaBook ?? false,
      weighings: card.measurements
        .filter((m) => m.weightKg !== null && m.measureDate < date)
        .map((m) => ({ date: m.measureDate, weightKg: m.weightKg! })),
      doses: [...due.overdue, ...due.due].map((d) => ({
        code: d.code,
        status: d.status === 'overdue' ? 'overdue' : 'due',
      })),
      vitaminA: {
        capsule: view.vitaminARound ? (vitaminABand(birth, date, vRules)?.capsule ?? null) : null,
        givenInRound: card.vitaminA.find((v) => v.round === view.vitaminARound)?.givenDate ?? null,
      },
      entry: null,
    };
    setChildren((current) => [...current, child]);
    setRows((current) => [...current, initRow(child, date, locale)]);
    notifications.show({ color: 'teal', message: t('child.session.added', { name: child.name }) });
    // Focus the new row's weight once it is on screen.
    setTimeout(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>('[data-col="weight"]');
      inputs[inputs.length - 1]?.focus();
    }, 50);
  }

  const errorsOf = (i: number) => rowErrors.get(i) ?? [];
  const entered = (i: number) =>
    calcs[i]!.weightKg !== null || rows[i]!.doses.length > 0 || rows[i]!.vitaminA;
  const pct = (a: number, b: number) => (b === 0 ? '—' : String(Math.round((a / b) * 100)));

  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="xs" c="dimmed">
          {view.posyandu.name} · {view.posyandu.desaName}
          {view.posyandu.rw ? ` RW ${view.posyandu.rw}` : ''} ·{' '}
          {view.session
            ? t('child.session.existing', {
                at: shortDateTime(view.session.updatedAt),
                user: view.session.updatedBy ?? t('audit.system'),
              })
            : t('child.session.new')}
          {!view.vitaminARound ? ` · ${t('child.session.noVitaRound')}` : ''}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <PerformerSelect
            size="xs"
            w={240}
            aria-label={t('field.performerId')}
            placeholder={t('field.performerId')}
            value={performerId}
            onChange={setPerformerId}
          />
          {canWrite && (
            <Button
              size="xs"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={saving}
              onClick={() => void save()}
              variant={dirty ? 'filled' : 'light'}
            >
              {t('child.session.save')} (Ctrl+S)
            </Button>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('child.session.help')}
      </Text>
      {banner && (
        <Alert color="red" py={6} withCloseButton onClose={() => setBanner(null)}>
          {banner}
        </Alert>
      )}
      <div
        className={classes.scroll}
        style={{ maxHeight: `calc(100vh - ${banner ? 440 : 396}px)`, minHeight: 160 }}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault();
            void save();
            return;
          }
          if (event.key === 'Escape') {
            event.preventDefault();
            onLeave();
            return;
          }
          gridKeyDown(event);
        }}
      >
        <table className={classes.grid} aria-label={t('child.session.title')}>
          <colgroup>
            <col style={{ width: 30 }} />
            <col />
            <col style={{ width: 38 }} />
            <col style={{ width: 62 }} />
            <col style={{ width: 66 }} />
            <col style={{ width: 78 }} />
            <col style={{ width: 58 }} />
            {view.vitaminARound && <col style={{ width: 64 }} />}
            <col style={{ width: 190 }} />
            <col style={{ width: 206 }} />
            <col style={{ width: 40 }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('child.session.col.no')}</th>
              <th>{t('child.session.col.name')}</th>
              <th title={t('field.kiaBook')}>{t('child.session.col.kia')}</th>
              <th title={t('field.weightKg')}>{t('child.session.col.weight')}</th>
              <th title={t('field.lengthCm')}>{t('child.session.col.length')}</th>
              <th>{t('child.session.col.measured')}</th>
              <th title={t('field.muacCm')}>{t('child.session.col.lila')}</th>
              {view.vitaminARound && <th>{t('child.session.col.vitA')}</th>}
              <th>{t('child.session.col.doses')}</th>
              <th
                title={`${t('child.result.bbu')} · ${t('child.result.pbu')} · ${t('child.result.bbpb')}`}
              >
                {t('child.session.col.status')}
              </th>
              <th>{t('child.session.col.growth')}</th>
            </tr>
          </thead>
          <tbody>
            {children.map((c, i) => (
              <SessionRow
                key={c.personId}
                index={i}
                child={c}
                row={rows[i]!}
                calc={calcs[i]!}
                date={date}
                round={view.vitaminARound}
                errors={errorsOf(i)}
                entered={entered(i)}
                locale={locale}
                t={t}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
        {children.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('child.session.empty')}
          </Text>
        )}
      </div>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
        {canWrite ? (
          <AddChild view={view} onAdd={(id) => void addChild(id)} onNew={() => setAdding(true)} />
        ) : (
          <div />
        )}
        <Group gap={6} wrap="nowrap" data-testid="skdn">
          {(['S', 'K', 'D', 'N', 'T', 'T2', 'O', 'B'] as const).map((k) => (
            <Stack key={k} gap={0} align="center" miw={42} title={t(`child.session.skdn.${k}`)}>
              <Text size="lg" fw={700} lh={1.1} data-testid={`skdn-${k}`}>
                {counts[k]}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {k === 'T2' ? '2T' : k}
              </Text>
            </Stack>
          ))}
          <Stack gap={0} ml={4}>
            <Text size="xs">
              {t('child.session.rate', { name: 'D/S', p: pct(counts.D, counts.S) })}
            </Text>
            <Text size="xs">
              {t('child.session.rate', { name: 'N/D', p: pct(counts.N, counts.D) })}
            </Text>
          </Stack>
        </Group>
      </Group>
      <NewChildModal
        opened={adding}
        view={view}
        onClose={() => setAdding(false)}
        onCreated={(id) => {
          setAdding(false);
          void addChild(id);
        }}
      />
    </Stack>
  );
}

function AddChild({
  view,
  onAdd,
  onNew,
}: {
  view: SessionView;
  onAdd: (personId: string) => void;
  onNew: () => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['persons.search', 'session-add', search],
    enabled: search.trim().length >= 2,
    queryFn: () => call('persons.search', { q: search, ageGroup: 'balita', limit: 10 }),
  });
  const listed = new Set(view.rows.map((r) => r.personId));
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        w={330}
        label={t('child.session.add')}
        placeholder={t('child.session.addSearch')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        value={null}
        nothingFoundMessage={search.trim().length >= 2 ? t('child.register.empty') : undefined}
        onChange={(id) => {
          if (id) onAdd(id);
          setSearch('');
        }}
        data={(found.data?.rows ?? [])
          .filter((p) => !listed.has(p.id))
          .map((p) => ({
            value: p.id,
            label: `${p.name} — ${p.birthDate.split('-').reverse().join('-')}${p.place ? `, ${p.place}` : ''}`,
          }))}
      />
      <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={onNew}>
        {t('child.session.addNew')}
      </Button>
    </Group>
  );
}

function NewChildModal({
  opened,
  view,
  onClose,
  onCreated,
}: {
  opened: boolean;
  view: SessionView;
  onClose: () => void;
  onCreated: (personId: string) => void;
}) {
  const t = useT();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [similar, setSimilar] = useState<string | null>(null);
  const defaults: PersonInput = {
    name: '',
    sex: '' as 'L',
    birthDate: '',
    nik: '',
    nikIbu: '',
    desaId: view.posyandu.desaId,
    posyanduId: view.posyandu.id,
    rt: '',
    rw: view.posyandu.rw ?? '',
  };
  const form = useContractForm(personInput, defaults);
  const { control, register, formState } = form;
  const save = (confirmNotDuplicate: boolean) =>
    form.handleSubmit(async (person) => {
      setSaving(true);
      setBanner(null);
      const result = await invoke('persons.create', { person, confirmNotDuplicate });
      setSaving(false);
      if (!result.ok) return setBanner(applyServerError(form, result.error, 'person.'));
      if (!result.value.saved) {
        setSimilar(result.value.similar.map((s) => `${s.name} (${s.birthDate})`).join(', '));
        return;
      }
      form.reset(defaults);
      setSimilar(null);
      onCreated(result.value.person.id);
    })();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('child.session.newChild', { posyandu: view.posyandu.name })}
    >
      <DataForm onSubmit={() => void save(false)} onCancel={onClose} saving={saving} error={banner}>
        <Stack gap="xs">
          <TextInput
            label={t('field.name')}
            withAsterisk
            data-autofocus
            error={formState.errors.name?.message}
            {...register('name')}
          />
          <SimpleGrid cols={2}>
            <Controller
              control={control}
              name="sex"
              render={({ field, fieldState }) => (
                <div>
                  <Text size="sm" fw={500}>
                    {t('field.sex')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-label={t('field.sex')}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    data={[
                      { value: 'L', label: t('sex.L') },
                      { value: 'P', label: t('sex.P') },
                    ]}
                  />
                  {fieldState.error && (
                    <Text size="xs" c="red.8">
                      {fieldState.error.message}
                    </Text>
                  )}
                </div>
              )}
            />
            <Controller
              control={control}
              name="birthDate"
              render={({ field, fieldState }) => (
                <DateField
                  label={t('field.birthDate')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <TextInput
              label={t('field.nikIbu')}
              inputMode="numeric"
              maxLength={19}
              error={formState.errors.nikIbu?.message}
              {...register('nikIbu')}
            />
            <TextInput
              label={t('field.nik')}
              inputMode="numeric"
              maxLength={19}
              error={formState.errors.nik?.message}
              {...register('nik')}
            />
            <TextInput label={t('field.rt')} maxLength={5} {...register('rt')} />
            <TextInput label={t('field.rw')} maxLength={5} {...register('rw')} />
          </SimpleGrid>
          {similar && (
            <Alert color="orange" title={t('person.similar.title')}>
              <Text size="sm">{similar}</Text>
              <Button mt="xs" size="xs" color="orange" onClick={() => void save(true)}>
                {t('person.similar.save')}
              </Button>
            </Alert>
          )}
        </Stack>
      </DataForm>
    </Modal>
  );
}
