import {
  Badge,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Text,
  TextInput,
  Tooltip,
  type NumberInputProps,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { isIsoDate } from '@shared/domain/dates';
import {
  flagLabel,
  isIsoDateTime,
  type CodeLabels,
  type GestationalAge,
} from '@shared/domain/maternal';
import type { Label } from '@shared/domain/refusal';
import { DateField } from '../../components/DateField';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';

export function useLocale() {
  return useUiStore((s) => s.locale);
}

/** Select options from a code list's bilingual labels. */
export function codeOptions<C extends string>(labels: CodeLabels<C>, locale: 'id' | 'en') {
  return (Object.keys(labels) as C[]).map((code) => ({ value: code, label: labels[code][locale] }));
}

export function labelOf(label: Label | undefined, locale: 'id' | 'en'): string {
  return label ? label[locale] : '';
}

/** `24+3` (weeks+days). */
export function gaShort(ga: GestationalAge | null | undefined): string {
  return ga ? `${ga.weeks}+${ga.days}` : '—';
}

/** The rule sets chosen for this puskesmas (K and KF columns, splits). */
export function useMaternalRules() {
  return useQuery({
    queryKey: ['maternal.rules'],
    queryFn: () => call('maternal.rules'),
    staleTime: 60_000,
  });
}

/** Today's date and the puskesmas UTC offset (from the facility's time zone). */
export function useFacilityClock() {
  const status = useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status') });
  const tz = status.data?.facility?.timezone ?? 'WIB';
  return { offset: tz === 'WITA' ? '+08:00' : tz === 'WIT' ? '+09:00' : '+07:00' };
}

const RED: readonly string[] = [
  'HIPERTENSI_KEHAMILAN',
  'HIV_REAKTIF',
  'SIFILIS_REAKTIF',
  'HBSAG_REAKTIF',
  'PERDARAHAN',
  'PREEKLAMSIA',
  'DJJ_TIDAK_NORMAL',
];

/** Risk flags as badges: red for the urgent ones, orange for the rest. */
export function FlagBadges({
  flags,
  size = 'sm',
}: {
  flags: readonly string[];
  size?: 'xs' | 'sm';
}) {
  const locale = useLocale();
  return (
    <Group gap={4} wrap="wrap">
      {flags.map((f) => (
        <Badge
          key={f}
          size={size}
          variant="light"
          color={RED.includes(f) ? 'red' : 'orange'}
          data-flag={f}
          style={{ textTransform: 'none' }}
        >
          {flagLabel(f)[locale]}
        </Badge>
      ))}
    </Group>
  );
}

/** The compact flag list of a register cell: the first label and "+n" with all in a tooltip. */
export function FlagCell({ flags }: { flags: readonly string[] }) {
  const locale = useLocale();
  if (flags.length === 0)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  const labels = flags.map((f) => flagLabel(f)[locale]);
  return (
    <Tooltip label={labels.join(', ')} multiline maw={320} withinPortal>
      <Text span size="sm" c="red.8" fw={500}>
        {labels[0]}
        {labels.length > 1 ? ` +${labels.length - 1}` : ''}
      </Text>
    </Tooltip>
  );
}

type NumProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  /** A problem found by a rule while typing (shown when the schema has none). */
  live?: string | null;
  decimals?: number;
} & Omit<NumberInputProps, 'value' | 'onChange' | 'name' | 'label'>;

/** A number field bound to the form: blank = not measured; comma or point as decimal mark. */
export function NumField<T extends FieldValues>({
  control,
  name,
  label,
  live,
  decimals = 1,
  ...rest
}: NumProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          hideControls
          decimalSeparator=","
          decimalScale={decimals}
          allowNegative={false}
          {...rest}
          ref={field.ref}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v === '' ? null : typeof v === 'number' ? v : Number(v))}
          onBlur={field.onBlur}
          error={fieldState.error?.message ?? live ?? undefined}
        />
      )}
    />
  );
}

export function DateCtl<T extends FieldValues>({
  control,
  name,
  label,
  required,
  description,
  autoFocus,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  description?: React.ReactNode;
  autoFocus?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
          label={label}
          withAsterisk={required}
          autoFocus={autoFocus}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v || null)}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
          description={description}
        />
      )}
    />
  );
}

export function SelectCtl<T extends FieldValues>({
  control,
  name,
  label,
  data,
  required,
  clearable = true,
  searchable,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  data: { value: string; label: string }[];
  required?: boolean;
  clearable?: boolean;
  searchable?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          withAsterisk={required}
          clearable={clearable}
          searchable={searchable}
          data={data}
          ref={field.ref}
          value={field.value ?? null}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  );
}

export function MultiCtl<T extends FieldValues>({
  control,
  name,
  label,
  data,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  data: { value: string; label: string }[];
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          label={label}
          data={data}
          clearable
          searchable
          ref={field.ref}
          value={(field.value as string[] | undefined) ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  );
}

export function CheckCtl<T extends FieldValues>({
  control,
  name,
  label,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          label={label}
          ref={field.ref}
          checked={!!field.value}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

function splitDateTime(value: string | null | undefined): { date: string; time: string } {
  if (!value) return { date: '', time: '' };
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? { date: m[1]!, time: `${m[2]}.${m[3]}` } : { date: '', time: '' };
}

/**
 * A date and a time (`JJ.MM`) joined into an ISO date-time with the puskesmas offset
 * (`2026-11-20T08:30+07:00`); anything incomplete is handed on as typed so the schema names it.
 */
export function DateTimeCtl<T extends FieldValues>({
  control,
  name,
  label,
  offset,
  autoFocus,
  description,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  offset: string;
  autoFocus?: boolean;
  description?: React.ReactNode;
}) {
  const t = useT();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateTimeInputs
          label={label}
          offset={offset}
          value={field.value as string | null}
          onChange={field.onChange}
          error={fieldState.error?.message}
          autoFocus={autoFocus}
          description={description}
          timeLabel={t('datetime.time')}
        />
      )}
    />
  );
}

function DateTimeInputs({
  label,
  offset,
  value,
  onChange,
  error,
  autoFocus,
  description,
  timeLabel,
}: {
  label: string;
  offset: string;
  value: string | null;
  onChange: (v: string) => void;
  error?: string;
  autoFocus?: boolean;
  description?: React.ReactNode;
  timeLabel: string;
}) {
  const initial = splitDateTime(value);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  // Follow outside changes (a loaded record, a reset) without fighting the typing.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value && isIsoDateTime(value)) {
      const s = splitDateTime(value);
      setDate(s.date);
      setTime(s.time);
    }
  }
  function emit(d: string, tm: string) {
    const m = /^(\d{1,2})[.:](\d{2})$/.exec(tm.trim());
    if (isIsoDate(d) && m && Number(m[1]) < 24 && Number(m[2]) < 60) {
      onChange(`${d}T${m[1]!.padStart(2, '0')}:${m[2]}${offset}`);
    } else {
      onChange(`${d} ${tm}`.trim());
    }
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <DateField
        label={label}
        withAsterisk
        autoFocus={autoFocus}
        value={date}
        onChange={(d) => {
          setDate(d);
          emit(d, time);
        }}
        error={error}
        description={description}
        style={{ flex: 1 }}
      />
      <TextInput
        label={timeLabel}
        withAsterisk
        placeholder="JJ.MM"
        inputMode="numeric"
        maxLength={5}
        w={90}
        value={time}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          let v: string;
          if (/[.:]/.test(raw))
            v = raw
              .replace(/[^\d.:]/g, '')
              .replace(':', '.')
              .slice(0, 5);
          else {
            const digits = raw.replace(/\D/g, '').slice(0, 4);
            v = digits.length > 2 ? `${digits.slice(0, 2)}.${digits.slice(2)}` : digits;
          }
          setTime(v);
          emit(date, v);
        }}
        aria-label={`${label} — ${timeLabel}`}
      />
    </Group>
  );
}

/** A definition list row for summaries. */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
