import { Badge, SegmentedControl, Select, Text, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { licenceState } from '@shared/domain/management';
import type { Label } from '@shared/domain/refusal';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';

/** L / P as a two-button choice (with its label and error). */
export function SexInput({
  value,
  onChange,
  error,
}: {
  value: string | null | undefined;
  onChange: (value: 'L' | 'P') => void;
  error?: string;
}) {
  const t = useT();
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('field.sex')}{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      <SegmentedControl
        aria-label={t('field.sex')}
        value={value ?? ''}
        onChange={(v) => onChange(v as 'L' | 'P')}
        data={[
          { value: 'L', label: t('sex.L') },
          { value: 'P', label: t('sex.P') },
        ]}
      />
      {error && (
        <Text size="xs" c="red.8" mt={2}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** A select over a code list with bilingual labels. */
export function CodeSelect<C extends string>({
  codes,
  labels,
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  codes: readonly C[];
  labels: Record<C, Label>;
  value: C | null | undefined;
  onChange: (value: C | null) => void;
}) {
  const locale = useUiStore((s) => s.locale);
  return (
    <Select
      {...props}
      value={value ?? null}
      onChange={(v) => onChange((v as C | null) ?? null)}
      data={codes.map((c) => ({ value: c, label: labels[c][locale] }))}
    />
  );
}

/** How an STR/SIP stands today: expired, ending soon (with days left), valid, for life. */
export function LicenceBadge({
  number,
  expiry,
  lifetime = false,
  today,
  hideNone = false,
}: {
  number: string | null;
  expiry: string | null;
  lifetime?: boolean;
  today: string;
  /** In a form: say nothing while nothing is typed, nor repeat a date far off (the field shows it). */
  hideNone?: boolean;
}) {
  const t = useT();
  const { state, daysLeft } = licenceState({ number, expiry, lifetime }, today);
  switch (state) {
    case 'none':
      if (hideNone) return null;
      return (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      );
    case 'lifetime':
      return (
        <Badge size="sm" variant="light" color="teal" tt="none">
          {t('nakes.licence.lifetime')}
        </Badge>
      );
    case 'unknown':
      return (
        <Badge size="sm" variant="light" color="gray" tt="none">
          {t('nakes.licence.unknown')}
        </Badge>
      );
    case 'expired':
      return (
        <Badge size="sm" color="red" tt="none">
          {t('nakes.licence.expired', { date: shortDate(expiry) })}
        </Badge>
      );
    case 'expiring':
      return (
        <Badge size="sm" color="orange" variant="light" tt="none">
          {t('nakes.licence.expiring', { date: shortDate(expiry), days: daysLeft ?? 0 })}
        </Badge>
      );
    case 'valid':
      if (hideNone) return null;
      return (
        <Text span size="sm">
          {shortDate(expiry)}
        </Text>
      );
  }
}

/** What a dialog last showed, so its title does not flip while it closes (editing → null). */
export function useLastOpened<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
