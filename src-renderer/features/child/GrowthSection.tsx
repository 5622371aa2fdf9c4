import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { growthInput, type ChildCard, type GrowthInput, type GrowthRow } from '@shared/contract';
import { SERVICE_PLACE_LABELS } from '@shared/domain/codes/service';
import { isIsoDate } from '@shared/domain/dates';
import {
  KBM_GK,
  PERTUMBUHAN_LABELS,
  assessMeasurement,
  checkMeasurement,
  expectedPosition,
  growthMonitoring,
  implausibleMessages,
  kbmTableFromRows,
  type MeasurementAssessment,
} from '@shared/domain/growth';
import type { Refusal } from '@shared/domain/refusal';
import { DataForm } from '../../components/DataForm';
import { DateField } from '../../components/DateField';
import { PerformerSelect, ServicePlaceSelect } from '../../components/ServiceFields';
import { invoke } from '../../lib/api';
import { fullAgeText, shortDate } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { DeleteDialog } from './DeleteDialog';
import { KmsCharts } from './KmsCharts';
import { GROWTH_COLORS, numText, statusColor, statusLabel, zText } from './labels';
import { useRefreshChild } from './queries';

type FormValues = GrowthInput;

function blank(card: ChildCard): FormValues {
  return {
    personId: card.person.id,
    measureDate: card.today,
    place: card.person.posyanduId ? 'posyandu' : 'puskesmas',
    posyanduId: card.person.posyanduId,
    performerId: null,
    weightKg: null,
    lengthCm: null,
    measured: expectedPosition(card.person.birthDate, card.today),
    headCm: null,
    muacCm: null,
    oedema: false,
    asiEksklusif: null,
    notes: '',
  };
}

function fromRow(card: ChildCard, r: GrowthRow): FormValues {
  return {
    personId: card.person.id,
    measureDate: r.measureDate,
    place: r.place,
    posyanduId: r.posyanduId,
    performerId: r.performerId,
    weightKg: r.weightKg,
    lengthCm: r.lengthCm,
    measured: r.measured ?? expectedPosition(card.person.birthDate, r.measureDate),
    headCm: r.headCm,
    muacCm: r.muacCm,
    oedema: r.oedema,
    asiEksklusif: r.asiEksklusif,
    notes: r.notes ?? '',
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Growth: the measurement form with the live result, the KMS charts and the history. */
export function GrowthSection({ card, canWrite }: { card: ChildCard; canWrite: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState<GrowthRow | null>(null);
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState<GrowthRow | null>(null);
  const refresh = useRefreshChild();
  const locale = useUiStore((s) => s.locale);
  const ageNow = (Date.parse(card.today) - Date.parse(card.person.birthDate)) / 86_400_000;
  const underFive = ageNow / 30.4375 < 60;
  const rows = [...card.measurements].reverse();
  const mayEnter = canWrite && underFive && !card.person.deleted;
  useHotkeys([['alt+u', () => mayEnter && setOpen(true)]]);

  return (
    <Stack gap="sm">
      {mayEnter && !open && !editing && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
            {t('child.growth.new')} (Alt+U)
          </Button>
        </Group>
      )}
      {mayEnter && (open || editing) && (
        <GrowthForm
          key={editing ? `${editing.id}:${editing.version}` : `new:${card.measurements.length}`}
          card={card}
          editing={editing}
          onDone={() => {
            setEditing(null);
            setOpen(false);
          }}
        />
      )}
      <KmsCharts person={card.person} measurements={card.measurements} today={card.today} />
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('child.growth.table')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('child.growth.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover fz="sm" data-testid="growth-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('child.col.date')}</Table.Th>
                <Table.Th>{t('child.col.age')}</Table.Th>
                <Table.Th ta="right">{t('child.col.weight')}</Table.Th>
                <Table.Th ta="right">{t('child.col.length')}</Table.Th>
                <Table.Th ta="right">{t('child.col.lila')}</Table.Th>
                <Table.Th>{t('child.col.growth')}</Table.Th>
                <Table.Th>{t('child.col.bbu')}</Table.Th>
                <Table.Th>{t('child.col.pbu')}</Table.Th>
                <Table.Th>{t('child.col.bbpb')}</Table.Th>
                <Table.Th>{t('child.col.place')}</Table.Th>
                {canWrite && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {shortDate(r.measureDate)}
                      {r.implausible.length > 0 && (
                        <Tooltip label={t('child.implausible.confirmed')}>
                          <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" />
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{fullAgeText(t, card.person.birthDate, r.measureDate)}</Table.Td>
                  <Table.Td ta="right">{numText(r.weightKg, locale)}</Table.Td>
                  <Table.Td ta="right">
                    {r.lengthCm === null
                      ? '—'
                      : `${numText(r.lengthCm, locale)} ${r.measured === 'H' ? 'TB' : 'PB'}`}
                  </Table.Td>
                  <Table.Td ta="right">{numText(r.muacCm, locale)}</Table.Td>
                  <Table.Td>
                    {r.growth ? (
                      <Badge
                        size="sm"
                        color={GROWTH_COLORS[r.growth]}
                        title={PERTUMBUHAN_LABELS[r.growth][locale]}
                      >
                        {r.growth}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  {[r.bbU, r.pbU, r.bbPb].map((code, i) => (
                    <Table.Td key={i}>
                      {code ? (
                        <Text size="sm" c={`${statusColor(code)}.8`} fw={500}>
                          {statusLabel(t, locale, code)}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Text size="sm" truncate maw={150} title={r.posyanduName ?? undefined}>
                      {r.posyanduName ?? SERVICE_PLACE_LABELS[r.place][locale]}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`${t('child.action.edit')} ${shortDate(r.measureDate)}`}
                          onClick={() => setEditing(r)}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('child.action.delete')} ${shortDate(r.measureDate)}`}
                          onClick={() => setDeleting(r)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <DeleteDialog
        title={t('child.growth.delete.title', { date: shortDate(deleting?.measureDate) })}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={async (reason) => {
          const result = await invoke('growth.delete', {
            id: deleting!.id,
            version: deleting!.version,
            reason,
          });
          if (!result.ok) return result.error.message;
          refresh(card.person.id);
          notifications.show({ color: 'teal', message: t('child.growth.deleted') });
          return null;
        }}
      />
    </Stack>
  );
}

function GrowthForm({
  card,
  editing,
  onDone,
}: {
  card: ChildCard;
  editing: GrowthRow | null;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const refresh = useRefreshChild();
  const posyandu = usePosyanduList();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmed, setConfirmed] = useState(editing?.implausibleConfirmed ?? false);
  const form = useContractForm(growthInput, editing ? fromRow(card, editing) : blank(card));
  const { control, register, formState } = form;
  const errors = formState.errors;
  const values = useWatch({ control }) as Partial<FormValues>;
  const birth = card.person.birthDate;
  const date = values.measureDate && isIsoDate(values.measureDate) ? values.measureDate : null;

  const kbm = useMemo(() => {
    const custom = kbmTableFromRows(card.settings.kbm, '2000-01-01');
    return custom.ok ? custom.value : KBM_GK;
  }, [card.settings.kbm]);

  const m = {
    weightKg: num(values.weightKg),
    lengthCm: num(values.lengthCm),
    measured: values.measured ?? null,
    headCm: num(values.headCm),
    muacCm: num(values.muacCm),
    oedema: values.oedema === true,
  };
  const [tried, setTried] = useState(false);
  const refusals: Refusal[] = (date ? checkMeasurement(birth, date, m) : []).filter(
    (r) => tried || r.code !== 'NO_MEASUREMENT',
  );
  const typed =
    m.weightKg !== null || m.lengthCm !== null || m.headCm !== null || m.muacCm !== null;
  const assessment =
    date && typed && refusals.length === 0
      ? assessMeasurement(card.person.sex, birth, date, m)
      : null;
  const growth =
    date && m.weightKg !== null && refusals.length === 0
      ? growthMonitoring(
          birth,
          [
            ...card.measurements
              .filter((r) => r.id !== editing?.id && r.weightKg !== null && r.measureDate !== date)
              .map((r) => ({ date: r.measureDate, weightKg: r.weightKg! })),
            { date, weightKg: m.weightKg },
          ],
          kbm,
        ).find((g) => g.date === date)
      : undefined;
  const needsConfirm = (assessment?.implausible.length ?? 0) > 0;
  const ageMonths = date ? (Date.parse(date) - Date.parse(birth)) / 86_400_000 / 30.4375 : 0;
  const refusalFor = (path: string) =>
    refusals.find((r) => r.path === path)?.message[locale].replace(/^[^:]*: /, '');

  const submit = form.handleSubmit(async (input) => {
    setBanner(null);
    setTried(true);
    if (date && checkMeasurement(birth, date, m).length > 0) return;
    if (needsConfirm && !confirmed) {
      setBanner(t('child.error.implausible'));
      return;
    }
    setSaving(true);
    const payload = { measurement: input, confirmImplausible: needsConfirm && confirmed };
    const result = editing
      ? await invoke('growth.update', { id: editing.id, version: editing.version, ...payload })
      : await invoke('growth.create', payload);
    setSaving(false);
    if (!result.ok) {
      setBanner(applyServerError(form, result.error, 'measurement.') ?? null);
      if (result.error.code === 'RULE_VIOLATION' || result.error.code === 'CONFLICT') {
        setBanner(result.error.message);
      }
      return;
    }
    notifications.show({ color: 'teal', message: t('child.growth.saved') });
    refresh(card.person.id);
    onDone();
  });

  const placeValue = values.place;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {editing
          ? t('child.growth.edit', { date: shortDate(editing.measureDate) })
          : t('child.growth.new')}
      </Title>
      <DataForm
        aria-label={t('child.growth.new')}
        onSubmit={() => void submit()}
        onCancel={onDone}
        saving={saving}
        error={banner}
      >
        <SimpleGrid cols={2} spacing="md">
          <Stack gap={6}>
            <SimpleGrid cols={2} spacing="xs">
              <Controller
                control={control}
                name="measureDate"
                render={({ field, fieldState }) => (
                  <DateField
                    label={t('field.measureDate')}
                    withAsterisk
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message ?? refusalFor('measureDate')}
                  />
                )}
              />
              <Controller
                control={control}
                name="weightKg"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('field.weightKg')}
                    autoFocus
                    decimalSeparator={locale === 'id' ? ',' : '.'}
                    allowNegative={false}
                    hideControls
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : v)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message ?? refusalFor('weightKg')}
                  />
                )}
              />
              <Controller
                control={control}
                name="lengthCm"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('field.lengthCm')}
                    decimalSeparator={locale === 'id' ? ',' : '.'}
                    allowNegative={false}
                    hideControls
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : v)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message ?? refusalFor('lengthCm')}
                  />
                )}
              />
              <Controller
                control={control}
                name="measured"
                render={({ field }) => (
                  <div>
                    <Text size="sm" fw={500}>
                      {t('field.measured')}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-label={t('field.measured')}
                      value={field.value ?? 'L'}
                      onChange={field.onChange}
                      data={[
                        { value: 'L', label: t('child.measured.L') },
                        { value: 'H', label: t('child.measured.H') },
                      ]}
                    />
                    {refusalFor('measured') && (
                      <Text size="xs" c="red.8">
                        {refusalFor('measured')}
                      </Text>
                    )}
                  </div>
                )}
              />
              <Controller
                control={control}
                name="muacCm"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('field.muacCm')}
                    decimalSeparator={locale === 'id' ? ',' : '.'}
                    allowNegative={false}
                    hideControls
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : v)}
                    ref={field.ref}
                    error={fieldState.error?.message ?? refusalFor('muacCm')}
                  />
                )}
              />
              <Controller
                control={control}
                name="headCm"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('field.headCm')}
                    decimalSeparator={locale === 'id' ? ',' : '.'}
                    allowNegative={false}
                    hideControls
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : v)}
                    ref={field.ref}
                    error={fieldState.error?.message ?? refusalFor('headCm')}
                  />
                )}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('child.growth.positionHint')}
            </Text>
            <Group gap="lg">
              <Checkbox label={t('field.oedema')} {...register('oedema')} />
              {ageMonths <= 6 && (
                <Controller
                  control={control}
                  name="asiEksklusif"
                  render={({ field }) => (
                    <Checkbox
                      label={t('field.asiEksklusif')}
                      checked={field.value === true}
                      onChange={(e) => field.onChange(e.currentTarget.checked)}
                    />
                  )}
                />
              )}
            </Group>
            <SimpleGrid cols={2} spacing="xs">
              <Controller
                control={control}
                name="place"
                render={({ field, fieldState }) => (
                  <ServicePlaceSelect
                    label={t('field.place')}
                    withAsterisk
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    error={fieldState.error?.message}
                  />
                )}
              />
              {placeValue === 'posyandu' ? (
                <Controller
                  control={control}
                  name="posyanduId"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('field.posyanduId')}
                      searchable
                      value={field.value ?? null}
                      onChange={(v) => field.onChange(v)}
                      error={fieldState.error?.message}
                      data={(posyandu.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                    />
                  )}
                />
              ) : (
                <div />
              )}
              <Controller
                control={control}
                name="performerId"
                render={({ field }) => (
                  <PerformerSelect
                    label={t('field.performerId')}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                  />
                )}
              />
              <TextInput
                label={t('field.notes')}
                error={errors.notes?.message}
                {...register('notes')}
              />
            </SimpleGrid>
          </Stack>
          <GrowthResult
            assessment={assessment}
            ageText={date ? fullAgeText(t, birth, date) : null}
            growth={growth ?? null}
            weighed={m.weightKg !== null}
            needsConfirm={needsConfirm}
            confirmed={confirmed}
            setConfirmed={setConfirmed}
          />
        </SimpleGrid>
      </DataForm>
    </Card>
  );
}

function ResultLine({ label, code, z }: { label: string; code: string | null; z: number | null }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c="dimmed" w={150}>
        {label}
      </Text>
      <Text size="sm" ff="monospace" w={64} ta="right">
        {z === null ? '' : zText(z, locale)}
      </Text>
      <Badge
        variant="light"
        color={statusColor(code)}
        styles={{ label: { textTransform: 'none' } }}
        miw={150}
      >
        {code ? statusLabel(t, locale, code, false) : '—'}
      </Badge>
    </Group>
  );
}

function GrowthResult({
  assessment,
  ageText,
  growth,
  weighed,
  needsConfirm,
  confirmed,
  setConfirmed,
}: {
  assessment: MeasurementAssessment | null;
  ageText: string | null;
  growth: { status: string; gainG: number | null; kbmG: number | null } | null;
  weighed: boolean;
  needsConfirm: boolean;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  return (
    <Card withBorder bg="gray.0" aria-live="polite">
      <Text size="sm" fw={600} mb={4}>
        {t('child.result.title')}
      </Text>
      {ageText && (
        <Text size="sm" mb="xs">
          {t('child.growth.age', { age: ageText })}
        </Text>
      )}
      {!assessment ? (
        <Text size="sm" c="dimmed">
          {t('child.result.empty')}
        </Text>
      ) : (
        <Stack gap={4}>
          <ResultLine
            label={t('child.result.bbu')}
            code={assessment.status.bbU}
            z={assessment.who.zwei}
          />
          <ResultLine
            label={t('child.result.pbu')}
            code={assessment.status.pbU}
            z={assessment.who.zlen}
          />
          <ResultLine
            label={t('child.result.bbpb')}
            code={assessment.status.bbPb}
            z={assessment.who.zwfl}
          />
          <ResultLine
            label={t('child.result.imtu')}
            code={assessment.status.imtU}
            z={assessment.who.zbmi}
          />
          {assessment.status.lila && (
            <ResultLine
              label={t('child.result.lila')}
              code={assessment.status.lila}
              z={assessment.who.zac}
            />
          )}
          {assessment.status.lk && (
            <ResultLine
              label={t('child.result.lk')}
              code={assessment.status.lk}
              z={assessment.who.zhc}
            />
          )}
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" c="dimmed" w={150}>
              {t('child.result.growth')}
            </Text>
            {growth ? (
              <Group gap={6} wrap="nowrap">
                <Badge color={GROWTH_COLORS[growth.status]}>{growth.status}</Badge>
                <Text size="xs">
                  {growth.gainG !== null
                    ? t('child.result.gain', { gain: growth.gainG, kbm: growth.kbmG ?? 0 })
                    : PERTUMBUHAN_LABELS[growth.status as 'B'][locale]}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {weighed ? t('child.result.notCounted') : t('child.result.noWeight')}
              </Text>
            )}
          </Group>
          {assessment.status.byOedema && (
            <Text size="sm" c="red.8">
              {t('child.result.oedema')}
            </Text>
          )}
          {needsConfirm && (
            <Alert
              color="orange"
              variant="light"
              title={t('child.implausible.title')}
              p="xs"
              mt={4}
            >
              <Stack gap={4}>
                {implausibleMessages(assessment).map((msg) => (
                  <Text size="xs" key={msg.id}>
                    {msg[locale]}
                  </Text>
                ))}
                <Checkbox
                  size="sm"
                  label={t('child.implausible.confirm')}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
