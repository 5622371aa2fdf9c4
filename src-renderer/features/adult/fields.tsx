import { Input, Switch, Text, TextInput, UnstyledButton, type TextInputProps } from '@mantine/core';
import {
  createContext,
  forwardRef,
  useContext,
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  Controller,
  type Control,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import type { AppErrorShape } from '@shared/contract';
import { useT } from '../../lib/i18n';
import classes from './fields.module.css';

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Move focus to the next field of the surrounding form (as Enter does in `DataForm`). */
export function focusNextField(from: HTMLElement): void {
  const form = from.closest('form');
  if (!form) return;
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) =>
      el.offsetParent !== null && el.tabIndex >= 0 && el.getAttribute('data-skip-enter') === null,
  );
  const next = fields[fields.indexOf(from) + 1];
  next?.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
}

/**
 * Problems the rules find while the clerk types (a class cannot be computed from an impossible
 * value), by form path. A field shows its problem once it was left or a save was tried.
 */
export const LiveIssues = createContext<Record<string, string>>({});

/** Typed text → a number (comma or point as decimal separator), blank → undefined. */
export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^-?\d+([.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return trimmed;
}

function numberText(value: unknown): string {
  if (typeof value === 'number') return String(value).replace('.', ',');
  return typeof value === 'string' ? value : '';
}

interface NumberInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: unknown;
  onChange: (value: number | string | undefined) => void;
  unit?: string;
}

/** A number typed the Indonesian way (`22,5`), independent of the PC's locale. */
export const NumberInput = forwardRef<HTMLInputElement, NumberInputProps>(function NumberInput(
  { value, onChange, unit, ...props },
  ref,
) {
  const [text, setText] = useState(numberText(value));
  const [seen, setSeen] = useState(value);
  // Follow outside changes (reset, loaded record) without fighting the typing.
  if (seen !== value) {
    setSeen(value);
    if (parseNumber(text) !== value && !(value === undefined && text.trim() === '')) {
      setText(numberText(value));
    }
  }
  return (
    <TextInput
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      rightSection={
        unit ? (
          <Text size="xs" c="dimmed">
            {unit}
          </Text>
        ) : undefined
      }
      rightSectionWidth={unit ? Math.max(36, unit.length * 8 + 12) : undefined}
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseNumber(event.currentTarget.value));
      }}
    />
  );
});

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  description?: ReactNode;
}

/** A number field bound to the form, with the rule's live problem under it. */
export function NumField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  unit,
  autoFocus,
  w,
  ariaLabel,
}: FieldProps<T> & {
  unit?: string;
  autoFocus?: boolean;
  w?: number | string;
  ariaLabel?: string;
}) {
  const issues = useContext(LiveIssues);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState, formState }) => (
        <NumberInput
          ref={field.ref}
          label={label}
          description={description}
          unit={unit}
          autoFocus={autoFocus}
          w={w}
          aria-label={ariaLabel}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={
            fieldState.error?.message ??
            (fieldState.isTouched || formState.submitCount > 0 ? issues[name] : undefined)
          }
        />
      )}
    />
  );
}

export interface ChoiceOption<V> {
  value: V;
  label: string;
  /** Extra keys that pick this option (the option's number always does). */
  keys?: string[];
}

interface ChoiceProps<V> {
  label: ReactNode;
  value: V | undefined | null;
  onChange: (value: V | undefined) => void;
  onBlur?: () => void;
  options: ChoiceOption<V>[];
  error?: ReactNode;
  description?: ReactNode;
  /** Label beside the choices on one line (questionnaires), instead of above. */
  inline?: boolean;
  /** Number shown before an inline question. */
  number?: number;
  /** Inline, with long choices left-aligned in a column of their own (Barthel levels). */
  levels?: boolean;
  'data-testid'?: string;
}

/**
 * One focusable radio group for fast entry: the option's number (or its letter, e.g. Y/T) picks
 * it and moves to the next field; arrows change the choice; Delete clears it. Enter moves on.
 */
export const Choice = forwardRef<HTMLDivElement, ChoiceProps<string | number | boolean>>(
  function Choice(
    {
      label,
      value,
      onChange,
      onBlur,
      options,
      error,
      description,
      inline,
      number,
      levels,
      ...rest
    },
    ref,
  ) {
    const labelId = useId();
    const errorId = useId();
    const index = options.findIndex((o) => o.value === value);

    function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      // An option's own keys first (Y/T, or the score itself); otherwise its position, 1-based.
      const own = options.findIndex((o) => (o.keys ?? []).includes(key));
      const byKey =
        own >= 0 || options.some((o) => o.keys?.some((k) => /^\d$/.test(k)))
          ? own
          : options.findIndex((_, i) => key === String(i + 1));
      if (byKey >= 0) {
        event.preventDefault();
        onChange(options[byKey]!.value);
        focusNextField(event.currentTarget);
        return;
      }
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (step !== undefined) {
        event.preventDefault();
        const next = index < 0 ? 0 : (index + step + options.length) % options.length;
        onChange(options[next]!.value);
        return;
      }
      if (event.key === ' ') {
        event.preventDefault();
        onChange(options[(index + 1) % options.length]!.value);
        return;
      }
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        onChange(undefined);
      }
    }

    const chips = (
      <div
        ref={ref}
        role="radiogroup"
        tabIndex={0}
        aria-labelledby={labelId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={classes.group}
        data-error={error ? true : undefined}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        data-testid={rest['data-testid']}
      >
        {options.map((o, i) => (
          <UnstyledButton
            key={String(o.value)}
            role="radio"
            aria-checked={o.value === value}
            tabIndex={-1}
            className={classes.chip}
            data-checked={o.value === value || undefined}
            onClick={() => onChange(o.value)}
          >
            <span className={classes.key}>{o.keys?.[0]?.toUpperCase() ?? i + 1}</span>
            {o.label}
          </UnstyledButton>
        ))}
      </div>
    );

    if (inline) {
      return (
        <div className={classes.row} data-error={error ? true : undefined}>
          <div className={levels ? `${classes.inline} ${classes.levels}` : classes.inline}>
            <Text size="sm" id={labelId} className={classes.question}>
              {number !== undefined && <span className={classes.number}>{number}.</span>}
              {label}
            </Text>
            {chips}
          </div>
          {error && (
            <Text size="xs" c="red.8" id={errorId} mt={2}>
              {error}
            </Text>
          )}
        </div>
      );
    }
    return (
      <Input.Wrapper
        label={<span id={labelId}>{label}</span>}
        labelElement="div"
        description={description}
        error={error ? <span id={errorId}>{error}</span> : undefined}
      >
        {chips}
      </Input.Wrapper>
    );
  },
);

/** A `Choice` bound to the form. */
export function ChoiceField<T extends FieldValues, V extends string | number | boolean>({
  control,
  name,
  label,
  description,
  options,
  inline,
  number,
  levels,
}: FieldProps<T> & {
  options: ChoiceOption<V>[];
  inline?: boolean;
  number?: number;
  levels?: boolean;
}) {
  const issues = useContext(LiveIssues);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState, formState }) => (
        <Choice
          ref={field.ref}
          label={label}
          description={description}
          value={field.value as V | undefined}
          onChange={field.onChange}
          onBlur={field.onBlur}
          options={options as ChoiceOption<string | number | boolean>[]}
          error={
            fieldState.error?.message ??
            (fieldState.isTouched || formState.submitCount > 0 ? issues[name] : undefined)
          }
          inline={inline || levels}
          number={number}
          levels={levels}
        />
      )}
    />
  );
}

/** Ya/Tidak with the keys Y and T (N for "no" also works). */
export function useYesNo(): ChoiceOption<boolean>[] {
  const t = useT();
  return [
    { value: true, label: t('adult.yes'), keys: ['y'] },
    { value: false, label: t('adult.no'), keys: ['t', 'n'] },
  ];
}

/**
 * Put the main process's field problems next to their fields (paths under `prefix`); problems
 * about something no field shows (the person's age) become the banner text.
 */
export function placeServerError<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError'>,
  error: AppErrorShape,
  prefix: string,
): string | null {
  const issues = error.details?.issues ?? [];
  const banner: string[] = [];
  let placed = false;
  for (const issue of issues) {
    if (!issue.path.startsWith(prefix)) {
      banner.push(`${issue.field}: ${issue.message}`);
      continue;
    }
    form.setError(
      issue.path.slice(prefix.length) as Path<T>,
      { type: 'server', message: issue.message },
      { shouldFocus: !placed },
    );
    placed = true;
  }
  if (banner.length > 0) return banner.join(' · ');
  return placed ? null : error.message;
}

/** An on/off switch bound to the form (a section shown or not). */
export function SwitchField<T extends FieldValues>({
  control,
  name,
  label,
}: {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Switch
          ref={field.ref}
          label={label}
          checked={field.value === true}
          onChange={(event) => field.onChange(event.currentTarget.checked)}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
